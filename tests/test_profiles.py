"""A profile is the one source of truth: change its headings and validation, rendering and lint follow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from notice_builder import profiles as profile_module
from notice_builder.lint import lint_decision, lint_docx
from notice_builder.load import load_decision_file
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import render_documents, validate_decision
from notice_builder.profiles import load_profile
from notice_builder.resources import data_dir
from notice_builder.validate import validate_against
from tests.conftest import EXAMPLES, FINAL_EXAMPLE, example_data, open_docx, source_of

BUILTIN = Path(profile_module.__file__).parent / "wmpcc.json"


def changed_profile(tmp_path, change) -> str:
    """A copy of the wmpcc profile, with its templates beside it, edited by `change`."""
    data = json.loads(BUILTIN.read_text(encoding="utf-8"))
    change(data)
    data["name"] = "changed-office"
    shutil.copytree(data_dir("templates") / "wmpcc", tmp_path / "templates" / "wmpcc")
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def rename_legal(data: dict) -> None:
    for heading in data["documents"]["notice"]["headings"]:
        if heading["id"] == "legal":
            heading.update(text="LEGAL ADVICE", aliases=[])  # the office's only wording of it


def require_human_rights(data: dict) -> None:
    data["documents"]["notice"]["headings"].insert(-2, {
        "id": "human_rights", "text": "HUMAN RIGHTS IMPLICATIONS",
        "source": "/notice/implications/human_rights"})


def headings(docx: bytes) -> list[str]:
    return [p.text for p in open_docx(docx).paragraphs if p.style.name.startswith("Heading")]


def test_renamed_heading_is_rendered_and_then_required_by_the_linter(tmp_path):
    profile = load_profile(changed_profile(tmp_path, rename_legal))
    notice = render_documents(load_decision_file(FINAL_EXAMPLE), profile)["notice"]
    assert "LEGAL ADVICE" in headings(notice) and "LEGAL IMPLICATIONS" not in headings(notice)
    built = tmp_path / "notice.docx"
    built.write_bytes(notice)
    assert [f for f in lint_docx(built, profile) if f.code in ("missing-heading", "heading-order")] == []
    against_builtin = [f.message for f in lint_docx(built, load_profile()) if f.code == "missing-heading"]
    assert any("LEGAL IMPLICATIONS" in message for message in against_builtin)


def test_added_required_heading_is_required_by_validation_and_rendered(tmp_path):
    profile = load_profile(changed_profile(tmp_path, require_human_rights))
    data = example_data(FINAL_EXAMPLE)
    [finding] = validate_decision(source_of(data), profile)
    assert finding.location.pointer == "/notice/implications"
    assert finding.message == "Enter the human rights implications" and "changed-office" in finding.hint
    data["notice"]["implications"]["human_rights"] = "There are no human rights implications."
    notice = render_documents(source_of(data), profile)["notice"]
    assert headings(notice).index("HUMAN RIGHTS IMPLICATIONS") < headings(notice).index(
        "Schedule of Background Papers")


def test_a_free_text_field_shaped_like_an_impossible_date_prints_as_written():
    data = example_data(EXAMPLES / "pcc-decision-record.json")
    data["title"] = "2013-02-30"  # free text: not a date, though shaped like one
    source = source_of(data)
    chosen = load_profile("pcc-decision-record")
    assert validate_decision(source, chosen) == []
    assert not [f for f in lint_decision(source, chosen) if f.severity.value == "error"]
    record = open_docx(render_documents(source)["decision-record"])
    assert any("2013-02-30" in p.text for p in record.paragraphs) or any(
        "2013-02-30" in cell.text for table in record.tables for row in table.rows for cell in row.cells)


def test_a_decision_naming_an_impossible_profile_gets_a_finding_not_a_crash():
    data = example_data()
    data["profile"] = "x" * 3000  # longer than a file name may be
    source = source_of(data)
    try:
        profile_module.profile_for(source)
    except NoticeBuilderError as error:
        assert [f.code for f in error.findings] == ["unknown-profile"]
        assert len(error.findings[0].message) < 120
    else:
        raise AssertionError("an unknown profile was accepted")


def test_every_built_in_profile_passes_the_profile_schema():
    """Built-in profiles are not checked at every start (they ship with the tool), so they are here."""
    for name in profile_module.builtin_profile_names():
        source = load_decision_file(profile_module.builtin_profile_path(name))
        assert validate_against("profile", source) == [], name
