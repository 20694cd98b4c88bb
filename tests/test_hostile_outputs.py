"""Outputs that cannot be written: a full disk, a read-only disk, a file name the file system refuses.

Each gets one clear line naming the file and the problem, exit 1, no traceback, and no partial or
temporary file. The disks are small tmpfs mounts made by the test when it runs as root (skipped
otherwise); the names are generated.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from tests.conftest import SHORT_EXAMPLE, example_data

PAGE = 4096


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@contextlib.contextmanager
def tmpfs(options: str) -> Iterator[Path]:
    """A tmpfs mounted with `options` for the test, or a skip saying why it cannot be."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder = Path(tempfile.mkdtemp(prefix="notice-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode:
        folder.rmdir()
        pytest.skip(f"could not mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


@contextlib.contextmanager
def full_disk(free_pages: int) -> Iterator[Path]:
    """A 64 kB disk holding a filler file that leaves `free_pages` pages free."""
    with tmpfs("size=64k,mode=0755") as disk:
        (disk / "filler").write_bytes(b"\0" * (64 * 1024 - free_pages * PAGE))
        yield disk


@contextlib.contextmanager
def read_only_disk() -> Iterator[Path]:
    with tmpfs("size=64k,ro") as disk:
        yield disk


def _decision(tmp_path: Path, name: str = "paper.json", title: str | None = None) -> Path:
    """A draft whose documents are named like its file: `paper.json` is titled Paper (see output_stem)."""
    path = tmp_path / name
    data = example_data(SHORT_EXAMPLE)
    data["title"] = Path(name).stem.capitalize() if title is None else title
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def _assert_clear_failure(result, problem: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in _lines(result) if "output-unwritable" in line]
    assert errors, result.output
    assert all(problem in line and "hint:" in line for line in errors), errors


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "filler")


@pytest.mark.parametrize("free_pages", [0, 2, 5])
def test_build_onto_a_full_disk_fails_cleanly_and_writes_neither_document(tmp_path, free_pages):
    # 5 free pages hold one document but not both: the first must not be left without the second.
    paper = _decision(tmp_path)
    with full_disk(free_pages) as disk:
        result = invoke("build", paper, "-o", disk)
        _assert_clear_failure(result, "the disk is full")
        assert len([line for line in _lines(result) if "output-unwritable" in line]) == 1
        assert str(disk / "paper-") in result.stderr
        assert _leftovers(disk) == []


def test_build_onto_a_read_only_disk_fails_cleanly(tmp_path):
    paper = _decision(tmp_path)
    with read_only_disk() as disk:
        for out in (disk, disk / "new-folder"):
            result = invoke("build", paper, "-o", out)
            _assert_clear_failure(result, "the disk is read-only")
            assert _leftovers(disk) == []


@pytest.mark.parametrize("free_pages", [0, 5, 9])
def test_batch_onto_a_full_disk_fails_cleanly(tmp_path, free_pages):
    papers = tmp_path / "papers"
    papers.mkdir()
    for number in range(3):
        _decision(papers, f"paper-{number}.json")
    with full_disk(free_pages) as disk:
        result = invoke("batch", papers, "-o", disk, "--jobs", 1)
        _assert_clear_failure(result, "the disk is full")
        left = _leftovers(disk)
        assert not [name for name in left if name.startswith(".")], left  # no temporary file
        for number in range(3):  # each decision whole or not at all
            kinds = [name for name in left if name.startswith(f"paper-{number}-")]
            assert len(kinds) in (0, 2), left


def test_batch_onto_a_read_only_disk_fails_cleanly(tmp_path):
    _decision(tmp_path)
    with read_only_disk() as disk:
        result = invoke("batch", tmp_path / "paper.json", "-o", disk)
        _assert_clear_failure(result, "the disk is read-only")
        assert _leftovers(disk) == []


@pytest.mark.parametrize("length", [240, 300, 1000])
def test_an_output_name_too_long_for_the_file_system_is_a_clear_error(tmp_path, length):
    paper = _decision(tmp_path)
    data = example_data(SHORT_EXAMPLE)
    data["reference"] = "WMPCC " + "1" * length + "/2013"  # becomes WMPCC-111...-2013-notice.docx
    long_reference = tmp_path / "long-reference.json"
    long_reference.write_text(json.dumps(data), encoding="utf-8")
    for command in (["build", long_reference, "-o", tmp_path / "out", "--no-lint"],
                    ["register", paper, "-o", tmp_path / ("r" * (length + 20) + ".csv")]):
        result = invoke(*command)
        _assert_clear_failure(result, "the file name is too long for the file system")
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".docx", ".csv", ".tmp")]


def test_a_draft_named_too_long_for_its_documents_is_a_clear_error(tmp_path):
    # The input's name fits (250 characters); its documents' names (+ "-board-report.docx") do not.
    # (A title names them when it has ASCII words in it; this one has none, so the file does.)
    paper = _decision(tmp_path, "d" * 245 + ".json", title="日本語の決定")
    result = invoke("build", paper, "-o", tmp_path / "out")
    _assert_clear_failure(result, "the file name is too long for the file system")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("output_format", ["text", "json", "sarif"])
def test_lint_never_writes_its_report_over_an_input(tmp_path, monkeypatch, output_format):
    paper = _decision(tmp_path)
    assert invoke("build", paper, "-o", tmp_path / "drafts").exit_code == 0
    draft = tmp_path / "drafts" / "paper-notice.docx"
    monkeypatch.chdir(tmp_path)
    inputs = {path: path.read_bytes() for path in (paper, draft)}
    for output, linted in [(draft, draft), ("drafts/paper-notice.docx", draft), (draft, "drafts"),
                           ("./paper.json", paper), (paper, tmp_path)]:
        for force in ([], ["--force"]):
            result = invoke("lint", "--format", output_format, "-o", output, *force, linted)
            assert result.exit_code == 2, result.output
            assert "output-is-input" in result.stderr
            assert {path: path.read_bytes() for path in inputs} == inputs


def test_lint_writes_a_new_report_atomically_and_replaces_one_only_with_force(tmp_path):
    paper = _decision(tmp_path)
    report = tmp_path / "report.json"
    assert invoke("lint", "--format", "json", "-o", report, paper).exit_code == 0
    assert json.loads(report.read_text(encoding="utf-8"))
    report.write_text("keep", encoding="utf-8")
    result = invoke("lint", "--format", "json", "-o", report, paper)
    assert result.exit_code == 2 and "output-exists" in result.stderr
    assert report.read_text(encoding="utf-8") == "keep"
    assert invoke("lint", "--format", "json", "-o", report, "--force", paper).exit_code == 0
    assert json.loads(report.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.json", "report.json"]
