"""The `notice` commands for one decision, driven like a user: output, files and exit codes."""

from __future__ import annotations

import json
import os

import pytest

from notice_builder.docx import atomic_files as package
from notice_builder.pipeline.outputs import TITLE_STEM_LENGTH, output_stem, title_slug
from tests.conftest import FINAL_EXAMPLE, REFERENCE_EXAMPLE, SHORT_EXAMPLE, example_data, source_of


def test_validate_passes_good_files_with_exit_0(run):
    result = run("validate", REFERENCE_EXAMPLE, FINAL_EXAMPLE)
    assert result.exit_code == 0
    assert f"{REFERENCE_EXAMPLE}: valid" in result.output


def test_validate_reports_every_error_with_exit_1(run, tmp_path):
    data = example_data()
    data["notice"]["contact_officer"]["email"] = "j.courtney@"
    del data["notice"]["implications"]["equality"]
    bad = tmp_path / "decision.json"
    bad.write_text(json.dumps(data, indent=2))
    result = run("validate", bad)
    assert result.exit_code == 1
    assert ("/notice/contact_officer/email: schema Enter the contact officer email in the correct format, "
            "like name@example.com") in result.output
    assert "Enter the equality implications" in result.output
    assert "Traceback" not in result.output


def test_malformed_json_is_exit_1_with_line_and_column(run, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"status": "draft",,}')
    result = run("validate", bad)
    assert result.exit_code == 1
    assert f"{bad}:1:20: json-syntax" in result.output


@pytest.mark.parametrize("args", [["build"], ["validate"], ["build", "missing.json"], ["frobnicate"],
                                  ["build", SHORT_EXAMPLE, "--colour"]])
def test_usage_errors_exit_2(run, args):
    assert run(*args).exit_code == 2


def test_build_names_final_documents_from_the_reference(run, tmp_path):
    result = run("build", FINAL_EXAMPLE, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "WMPCC-012-2013-board-report.docx", "WMPCC-012-2013-notice.docx"]


def _starter(folder, data: dict):
    """A decision saved as `notice new` names it: every starter file is called decision.json."""
    folder.mkdir(parents=True)
    path = folder / "decision.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_drafts_from_starter_files_are_named_from_their_title_and_never_collide(run, tmp_path):
    other = example_data()
    other["title"] = "West Midlands Police and Crime Commissioner: Café Réseau – Phase 2 (pilot)"
    first = _starter(tmp_path / "a", example_data(REFERENCE_EXAMPLE))
    second = _starter(tmp_path / "b", other)
    assert run("build", first, "-o", tmp_path / "out").exit_code == 0
    assert run("build", second, "-o", tmp_path / "out").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "cafe-reseau-phase-2-pilot-board-report.docx", "cafe-reseau-phase-2-pilot-notice.docx",
        "technology-task-force-innovation-and-integration-partner-board-report.docx",
        "technology-task-force-innovation-and-integration-partner-notice.docx"]


def test_a_second_draft_with_the_same_title_never_replaces_the_first(run, tmp_path):
    first = _starter(tmp_path / "a", example_data())
    second = _starter(tmp_path / "b", example_data())
    assert run("build", first, "-o", tmp_path / "out").exit_code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    result = run("build", second, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "exists already" in result.output
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


def test_a_draft_without_reference_or_title_is_named_after_its_file():
    data = example_data()
    data.pop("title")
    assert output_stem(source_of(data, "short-draft.json")) == "short-draft"
    data["title"] = "  "
    assert output_stem(source_of(data, "short-draft.json")) == "short-draft"
    data["title"] = "日本語のみ"  # nothing ASCII to name it by
    assert output_stem(source_of(data, "short-draft.json")) == "short-draft"


def test_title_names_are_ascii_capped_and_distinct_when_cut():
    assert title_slug("Technology Task Force - Innovation and Integration Partner") == \
        "technology-task-force-innovation-and-integration-partner"
    assert title_slug("Ysgol Gymraeg Llanelli – ŵyr & ŷd, 2013/14") == "ysgol-gymraeg-llanelli-wyr-yd-2013-14"
    long_title = ("Grants for Independent Domestic Violence Adviser Services across the seven Community "
                  "Safety Partnerships of the West Midlands ")
    first, second = title_slug(long_title + "2013/14"), title_slug(long_title + "2014/15")
    assert first != second
    for slug in (first, second):
        assert len(slug) <= TITLE_STEM_LENGTH and slug.isascii()
        assert slug.startswith("grants-for-independent-domestic-violence-adviser-")
        assert "--" not in slug and not slug.endswith("-")


def test_build_refuses_to_overwrite_without_force(run, tmp_path):
    assert run("build", FINAL_EXAMPLE, "-o", tmp_path).exit_code == 0
    notice = tmp_path / "WMPCC-012-2013-notice.docx"
    notice.write_bytes(b"officer's edited copy")
    result = run("build", FINAL_EXAMPLE, "-o", tmp_path)
    assert result.exit_code == 1
    assert "exists already" in result.output and "--force" in result.output
    assert notice.read_bytes() == b"officer's edited copy"
    assert run("build", FINAL_EXAMPLE, "-o", tmp_path, "--force").exit_code == 0
    assert notice.read_bytes().startswith(b"PK")


def test_invalid_decision_builds_nothing(run, tmp_path):
    data = example_data()
    data["notice"]["implications"]["legal"] = ""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    result = run("build", bad, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "/notice/implications/legal" in result.output
    assert not (tmp_path / "out").exists()


def test_interrupted_write_leaves_no_partial_file(run, tmp_path, monkeypatch):
    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(package.os, "link", interrupted)
    result = run("build", FINAL_EXAMPLE, "-o", tmp_path)
    assert result.exit_code == 130
    assert os.listdir(tmp_path) == []


def test_new_writes_a_starter_with_schema_line_and_does_not_overwrite(run, tmp_path):
    target = tmp_path / "drafts" / "decision.json"
    result = run("new", target)
    assert result.exit_code == 0
    starter = json.loads(target.read_text())
    assert starter["$schema"].endswith("schemas/decision.schema.json")
    assert (target.parent / starter["$schema"]).resolve().is_file()
    assert starter["status"] == "draft"
    assert starter["organisation"]["name"] == "West Midlands Police and Crime Commissioner"
    # The blanks are what validation then asks the officer to fill in.
    assert run("validate", target).exit_code == 1
    assert run("new", target).exit_code == 1


def test_schema_prints_the_json_schema(run):
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "Decision"


def test_build_refuses_content_the_linter_finds_defective_unless_no_lint(run, tmp_path):
    data = example_data()
    data["notice"]["implications"]["legal"] = "## Advice\n\nTBC\n\n## Advice\n\nThe Commissioner was advised."
    bad = tmp_path / "placeholder.json"
    bad.write_text(json.dumps(data, indent=2))
    result = run("build", bad, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "placeholder" in result.output and "duplicate-heading" in result.output
    assert "/notice/implications/legal" in result.output
    assert not (tmp_path / "out").exists()
    assert run("build", bad, "-o", tmp_path / "out", "--no-lint").exit_code == 0


def test_project_folder_chooses_the_profile_for_decisions_inside_it(run, tmp_path):
    data = example_data()
    data.pop("profile", None)
    (tmp_path / "pyproject.toml").write_text('[tool.notice-builder]\nprofile = "nosuchoffice"\n')
    decision = tmp_path / "decisions" / "d.json"
    decision.parent.mkdir()
    decision.write_text(json.dumps(data))
    result = run("build", decision, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "no built-in profile 'nosuchoffice'" in result.output
