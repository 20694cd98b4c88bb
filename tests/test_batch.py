"""`notice batch`: a meeting's decisions checked first, the good ones built, the bad ones reported."""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import outputs as pipeline_module
from notice_builder.publish import batch as batch_module
from notice_builder.publish import pdf as pdf_module
from notice_builder.publish.batch import BatchOptions, run_batch
from tests.conftest import EXAMPLES, FINAL_EXAMPLE, REFERENCE_EXAMPLE, SHORT_EXAMPLE, example_data


def invoke(*args):
    return CliRunner().invoke(main, ["batch", *(str(a) for a in args)], catch_exceptions=False)


@pytest.fixture
def meeting(tmp_path) -> Path:
    """Ten decisions, one of them broken: nine short drafts and a file with a JSON syntax error."""
    folder = tmp_path / "decisions"
    folder.mkdir()
    for number in range(1, 10):
        data = example_data(SHORT_EXAMPLE)
        data["title"] = f"Decision {number}: {data['title']}"
        (folder / f"paper-{number:02d}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (folder / "paper-10.json").write_text('{"status": "draft",,}', encoding="utf-8")
    return folder


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def files_of(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_one_bad_decision_in_ten_builds_nine_and_exits_1(meeting, tmp_path):
    out = tmp_path / "out"
    result = invoke(meeting, "-o", out)
    assert result.exit_code == 1
    assert f"{meeting / 'paper-10.json'}:1:20: json-syntax" in result.output
    assert len(list(out.glob("*.docx"))) == 18
    assert not [p for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]
    summary = manifest(out)["summary"]
    assert summary == {"inputs": 10, "built": 9, "failed": 1, "warnings": 0}


def test_summary_table_closes_the_output(meeting, tmp_path):
    result = invoke(meeting, "-o", tmp_path / "out")
    lines = result.output.splitlines()
    assert [line.split() for line in lines[-5:-1]] == [["decisions"], ["built", "9"], ["failed", "1"],
                                                       ["warnings", "0"]]


def test_no_progress_bar_when_stderr_is_not_a_terminal(meeting, tmp_path):
    result = invoke(meeting, "-o", tmp_path / "out")
    assert "Building" not in result.output and "Checking" not in result.output


def test_manifest_lists_outputs_with_their_sha256(meeting, tmp_path):
    out = tmp_path / "out"
    invoke(meeting, "-o", out)
    decisions = manifest(out)["decisions"]
    assert [d["input"] for d in decisions] == sorted(d["input"] for d in decisions)
    failed = [d for d in decisions if d["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["outputs"] == []
    assert failed[0]["findings"][0]["code"] == "json-syntax"
    for decision in decisions:
        for output in decision["outputs"]:
            data = (out / output["file"]).read_bytes()
            assert output["sha256"] == hashlib.sha256(data).hexdigest()
            assert output["bytes"] == len(data)


def test_output_is_byte_identical_across_runs_and_job_counts(meeting, tmp_path):
    for name, jobs in (("one", 1), ("two", 2), ("again", 2)):
        invoke(meeting, "-o", tmp_path / name, "--jobs", jobs)
    one = files_of(tmp_path / "one")
    assert one == files_of(tmp_path / "two") == files_of(tmp_path / "again")
    assert "manifest.json" in one


def test_existing_outputs_are_kept_without_force(meeting, tmp_path):
    out = tmp_path / "out"
    invoke(meeting, "-o", out)
    before = files_of(out)
    result = invoke(meeting, "-o", out)
    assert result.exit_code == 1
    assert "output-exists" in result.output and "--force" in result.output
    assert files_of(out) == before
    assert invoke(meeting, "-o", out, "--force").exit_code == 1  # only the broken paper fails
    assert files_of(out) == before


def test_an_existing_document_fails_only_its_decision(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "WMPCC-012-2013-notice.docx").write_bytes(b"keep me")
    result = run_batch([str(FINAL_EXAMPLE), str(SHORT_EXAMPLE)], BatchOptions(out, jobs=1))
    assert (result.built, result.failed) == (1, 1)
    assert (out / "WMPCC-012-2013-notice.docx").read_bytes() == b"keep me"
    assert not (out / "WMPCC-012-2013-board-report.docx").exists()


def test_two_decisions_with_one_reference_are_not_both_built(tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_text(FINAL_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_batch([str(FINAL_EXAMPLE), str(copy)], BatchOptions(tmp_path / "out", jobs=1))
    assert result.failed == 1
    assert [f.code for d in result.decisions for f in d.findings] == ["duplicate-output"]


def test_two_drafts_with_one_title_are_not_both_built(tmp_path):
    for folder in ("a", "b"):  # two starter files, both decision.json, for the same paper
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "decision.json").write_text(SHORT_EXAMPLE.read_text(encoding="utf-8"),
                                                        encoding="utf-8")
    result = run_batch([str(tmp_path / "a" / "decision.json"), str(tmp_path / "b" / "decision.json")],
                       BatchOptions(tmp_path / "out", jobs=1))
    assert (result.built, result.failed) == (1, 1)
    assert [f.code for d in result.decisions for f in d.findings] == ["duplicate-output"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "sponsorship-of-the-west-midlands-police-community-awards-2013-board-report.docx",
        "sponsorship-of-the-west-midlands-police-community-awards-2013-notice.docx"]


def test_a_failed_write_leaves_no_half_decision(tmp_path, monkeypatch):
    real_publish = pipeline_module.publish_staged  # the pipeline publishes a batch's documents
    calls = []

    def fail_second(temporary, path, *, force=False):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_publish(temporary, path, force=force)

    monkeypatch.setattr(pipeline_module, "publish_staged", fail_second)
    out = tmp_path / "out"
    result = run_batch([str(FINAL_EXAMPLE)], BatchOptions(out, jobs=1))
    assert result.failed == 1
    assert [p.name for p in out.iterdir()] == ["manifest.json"]  # no document, no temporary file


def test_staged_documents_reach_the_disk_before_any_is_published(meeting, tmp_path, monkeypatch):
    out = tmp_path / "out"
    synced = []

    def record(paths):
        staged = list(paths)
        assert staged and all(p.exists() for p in staged)
        assert not list(out.glob("*.docx"))  # nothing published yet
        synced.extend(staged)

    monkeypatch.setattr(batch_module, "make_durable", record)
    run_batch([str(meeting)], BatchOptions(out, jobs=1))
    assert len(synced) == 18 == len(list(out.glob("*.docx")))


def test_the_collector_runs_less_often_during_a_batch_and_as_before_after_it(meeting, tmp_path, monkeypatch):
    real_check = batch_module.check_decision_file
    seen = []

    def check(path, options, tag):
        seen.append(gc.get_threshold())
        return real_check(path, options, tag)

    monkeypatch.setattr(batch_module, "check_decision_file", check)
    before = gc.get_threshold()
    run_batch([str(meeting)], BatchOptions(tmp_path / "out", jobs=1))
    assert gc.get_threshold() == before
    assert seen and all(t == (batch_module.BATCH_GC_THRESHOLD, *before[1:]) for t in seen)


def test_ctrl_c_while_checking_leaves_no_temporary_files(tmp_path, monkeypatch):
    real_check = batch_module.check_decision_file
    calls = []

    def interrupted(path, options, tag):
        calls.append(path)
        if len(calls) == 2:  # the first decision's documents are staged by now
            raise KeyboardInterrupt
        return real_check(path, options, tag)

    monkeypatch.setattr(batch_module, "check_decision_file", interrupted)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(FINAL_EXAMPLE), str(REFERENCE_EXAMPLE)], BatchOptions(out, jobs=1))
    assert list(out.iterdir()) == []


def test_folders_and_globs_are_expanded_and_meeting_files_skipped(tmp_path):
    result = run_batch([str(EXAMPLES), str(EXAMPLES / "*.json")], BatchOptions(tmp_path / "out", jobs=1))
    inputs = [Path(d.input).name for d in result.decisions]
    assert inputs == sorted(p.name for p in EXAMPLES.glob("*.json"))
    assert result.failed == 0


def test_an_input_matching_nothing_is_an_error(tmp_path):
    result = invoke(tmp_path / "nothing" / "*.json", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "no-input" in result.output


def test_lint_errors_fail_a_decision_unless_no_lint(tmp_path):
    data = example_data(SHORT_EXAMPLE)
    data["reference"] = "WMPCC 099/2013"  # a reference on an unsigned draft: the linter objects
    paper = tmp_path / "paper.json"
    paper.write_text(json.dumps(data, indent=2), encoding="utf-8")
    linted = run_batch([str(paper)], BatchOptions(tmp_path / "linted", jobs=1))
    assert linted.failed == 1 and linted.decisions[0].errors
    unlinted = run_batch([str(paper)], BatchOptions(tmp_path / "unlinted", jobs=1, lint=False))
    assert unlinted.built == 1


@pytest.mark.parametrize("args", [["-o"], [], ["--jobs", "0", "-o", "out"]])
def test_usage_errors_exit_2(args, tmp_path):
    assert invoke(*args).exit_code == 2


def test_pdf_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(NoticeBuilderError) as raised:
        run_batch([str(SHORT_EXAMPLE)], BatchOptions(tmp_path / "out", pdf=True))
    assert "apt-get install -y libreoffice-writer-nogui" in str(raised.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.libreoffice
def test_pdf_is_tagged_titled_bookmarked_and_reproducible(tmp_path):
    assert shutil.which("soffice"), "LibreOffice is required: make system-deps installs it"
    for name in ("first", "second"):
        result = invoke(FINAL_EXAMPLE, "-o", tmp_path / name, "--pdf")
        assert result.exit_code == 0, result.output
    pdf = tmp_path / "first" / "WMPCC-012-2013-notice.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Title:           Non-confidential Notice of Decision WMPCC 012/2013" in info
    assert "Tagged:          yes" in info
    assert b"/Outlines" in pdf.read_bytes()
    assert files_of(tmp_path / "first") == files_of(tmp_path / "second")
    kinds = [o["kind"] for o in manifest(tmp_path / "first")["decisions"][0]["outputs"]]
    assert kinds == ["board-report", "notice", "board-report-pdf", "notice-pdf"]
