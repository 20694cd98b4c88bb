"""Shared fixtures: the bundled examples, the reference draft, and documents built from them."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from hypothesis import HealthCheck, settings

from notice_builder.cli import main
from notice_builder.load import load_decision_file, parse_decision_text
from notice_builder.pipeline import render_documents

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
REFERENCE_EXAMPLE = EXAMPLES / "wmpcc-005-2013-technology-task-force.json"
FINAL_EXAMPLE = EXAMPLES / "wmpcc-012-2013-final-signed.json"
SHORT_EXAMPLE = EXAMPLES / "short-draft.json"
ALL_EXAMPLES = sorted(EXAMPLES.glob("*.json"))
# The reference draft as text, kept with the tests so that a clone needs nothing beside it.
REFERENCE_TEXT = REPO / "tests" / "data" / "wmpcc-technology-task-force-2013.txt"

# Property tests: 50 examples each on a workstation, 200 in CI (the CI environment variable is set).
_SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=_SLOW_INPUTS)
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=_SLOW_INPUTS,
                          print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


NO_LIBREOFFICE = "LibreOffice (soffice) is not installed; `make system-deps` installs it"
# marker -> (the system program its tests run, why they are skipped without it)
SYSTEM_PROGRAMS = {
    "libreoffice": ("soffice", NO_LIBREOFFICE),
    "pandoc": ("pandoc", "pandoc (a test-only reference reader of Word) is not installed; `make system-deps` "
               "installs it"),
}


def pytest_runtest_setup(item):
    """A test marked with a system program is skipped, saying why, where it is missing; in CI it fails."""
    for marker, (program, reason) in SYSTEM_PROGRAMS.items():
        if item.get_closest_marker(marker) and not shutil.which(program):
            if os.environ.get("CI"):  # CI must not go green without running what the test checks
                pytest.fail(f"{reason} (CI is set, so the test fails instead of skipping)", pytrace=False)
            pytest.skip(reason)


def example_data(path: Path = SHORT_EXAMPLE) -> dict:
    """A fresh, mutable copy of an example decision."""
    return json.loads(path.read_text(encoding="utf-8"))


def source_of(data: dict, name: str = "decision.json"):
    """A DecisionSource for in-memory data, as if read from `name`."""
    return parse_decision_text(json.dumps(data, indent=2, ensure_ascii=False), name)


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


@pytest.fixture(scope="session")
def reference_documents() -> dict[str, bytes]:
    """Both documents of the reference example, rendered once for the session."""
    return render_documents(load_decision_file(REFERENCE_EXAMPLE))


@pytest.fixture(scope="session")
def final_documents() -> dict[str, bytes]:
    return render_documents(load_decision_file(FINAL_EXAMPLE))


@pytest.fixture
def run():
    """Run the `notice` command like a user: `run("build", path, "-o", out)` gives click's Result."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def custom_template(tmp_path: Path, edit_part, part_name: str = "word/document.xml") -> str:
    """A copy of the wmpcc profile and notice template with one template part edited; the profile's path."""
    folder = tmp_path / "office"
    (folder / "templates" / "wmpcc").mkdir(parents=True)
    for name in ("notice.docx", "board-report.docx"):
        shutil.copy(REPO / "templates" / "wmpcc" / name, folder / "templates" / "wmpcc" / name)
    notice = folder / "templates" / "wmpcc" / "notice.docx"
    with zipfile.ZipFile(REPO / "templates" / "wmpcc" / "notice.docx") as source, \
            zipfile.ZipFile(notice, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part_name:
                data = edit_part(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    profile = json.loads((REPO / "notice_builder" / "profiles" / "wmpcc.json").read_text(encoding="utf-8"))
    profile["documents"] = {k: v for k, v in profile["documents"].items() if not v.get("on_request")}
    path = folder / "profile.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    return str(path)
