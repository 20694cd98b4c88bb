"""`notice lint` driven like a user: exit codes, formats, annotation, rule listing, configuration."""

from __future__ import annotations

import json
import re
import zipfile

import docx
import pytest
from click.testing import CliRunner
from lint_drafts import NOTICE, build_draft, write_docx

from notice_builder.cli.lint_commands import lint


@pytest.fixture()
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no pyproject.toml above: default configuration
    return CliRunner()


@pytest.fixture()
def clean(tmp_path):
    return write_docx(tmp_path / "clean.docx", NOTICE)


@pytest.fixture()
def reference(tmp_path):
    return build_draft(tmp_path / "reference.docx")


def test_clean_draft_exits_0(runner, clean):
    result = runner.invoke(lint, [str(clean)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_findings_exit_1_with_one_line_each(runner, reference):
    result = runner.invoke(lint, [str(reference)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith(f"{reference}:paragraph ")
        and ' duplicate-heading duplicate heading "LEGAL IMPLICATIONS"' in line
        for line in lines
    )


def test_warnings_only_exit_0_unless_fail_on_warning(runner, tmp_path):
    path = write_docx(tmp_path / "warn.docx", NOTICE, title=None)
    assert runner.invoke(lint, [str(path)]).exit_code == 0
    assert runner.invoke(lint, ["--fail-on", "warning", str(path)]).exit_code == 1


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(b"not a zip") and p,
        lambda p: p.with_name("missing.docx"),
    ],
)
def test_unreadable_input_exits_2(runner, tmp_path, make):
    path = make(tmp_path / "bad.docx")
    result = runner.invoke(lint, [str(path)])
    assert result.exit_code == 2
    assert str(path) in result.stdout


def test_usage_errors_exit_2(runner, clean):
    assert runner.invoke(lint, []).exit_code == 2
    assert runner.invoke(lint, ["--format", "xml", str(clean)]).exit_code == 2
    assert runner.invoke(lint, ["--annotate", "out.docx", str(clean), str(clean)]).exit_code == 2


def test_json_format(runner, reference):
    result = runner.invoke(lint, ["--format", "json", str(reference)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    [file] = data["files"]
    assert file["path"] == str(reference)
    assert {"code", "severity", "message", "location"} <= set(file["findings"][0])
    assert data["summary"]["error"] >= 5


def test_sarif_format_has_the_shape_code_scanning_needs(runner, reference, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"nope")
    result = runner.invoke(lint, ["--format", "sarif", str(reference), str(bad)])
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "NL001" in ids and all(r["name"] and r["shortDescription"]["text"] for r in rules)
    assert run["results"]
    for result_ in run["results"]:
        assert result_["ruleId"] == rules[result_["ruleIndex"]]["id"]
        assert result_["level"] in ("error", "warning", "note")
        [location] = result_["locations"]
        assert location["physicalLocation"]["region"]["startLine"] >= 1 or location["logicalLocations"]
    duplicate = next(r for r in run["results"] if r["ruleId"] == "NL001")
    assert duplicate["locations"][0]["logicalLocations"][0]["name"].startswith("paragraph ")


def test_annotate_writes_comments_to_a_copy_and_leaves_the_original(runner, reference, tmp_path):
    original = reference.read_bytes()
    out = tmp_path / "annotated.docx"
    result = runner.invoke(lint, ["--annotate", str(out), str(reference)])
    assert result.exit_code == 1
    assert reference.read_bytes() == original
    comments = list(docx.Document(out).comments)
    assert len(comments) == len(result.stdout.splitlines())
    assert any("duplicate-heading" in c.text for c in comments)


def test_annotating_a_draft_twice_gives_the_same_bytes(runner, reference, tmp_path, monkeypatch):
    first, second = tmp_path / "first.docx", tmp_path / "second.docx"
    runner.invoke(lint, ["--annotate", str(first), str(reference)])
    monkeypatch.setattr("time.time", lambda: 2_000_000_000.0)  # a later clock changes nothing
    runner.invoke(lint, ["--annotate", str(second), str(reference)])
    assert first.read_bytes() == second.read_bytes()
    modified = docx.Document(reference).core_properties.modified
    with zipfile.ZipFile(first) as package:
        dates = set(re.findall(r'w:date="([^"]*)"', package.read("word/comments.xml").decode()))
    assert dates == ({modified.strftime("%Y-%m-%dT%H:%M:%SZ")} if modified else set())  # never the clock


def test_annotate_refuses_an_existing_file_unless_forced(runner, clean, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    result = runner.invoke(lint, ["--annotate", str(out), str(clean)])
    assert result.exit_code == 2 and out.read_bytes() == b"keep me"
    assert runner.invoke(lint, ["--annotate", str(out), "--force", str(clean)]).exit_code == 0
    assert docx.Document(out)  # replaced by a real document
    assert runner.invoke(lint, ["--annotate", str(clean), "--force", str(clean)]).exit_code == 2


def test_list_rules(runner):
    result = runner.invoke(lint, ["--list-rules"])
    assert result.exit_code == 0
    assert "NL001" in result.stdout and "duplicate-heading" in result.stdout
    rules = json.loads(runner.invoke(lint, ["--list-rules", "--format", "json"]).stdout)
    assert {r["slug"] for r in rules} >= {"placeholder", "fake-heading", "contact-details"}


def test_config_file_disables_rules_and_sets_fail_on(runner, reference, tmp_path):
    config = tmp_path / "lint.toml"
    config.write_text(
        'fail-on = "never"\ndisable = ["fake-heading"]\n[rules.placeholder]\nseverity = "info"\n',
        encoding="utf-8",
    )
    result = runner.invoke(lint, ["--config", str(config), str(reference)])
    assert result.exit_code == 0
    assert "fake-heading" not in result.stdout
    assert "placeholder" in result.stdout


def test_pyproject_table_is_found_from_the_working_folder(runner, reference, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.notice-builder.lint]\ndisable = ["placeholder", "duplicate-heading", "contact-details"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(lint, [str(reference)])
    assert result.exit_code == 0, result.stdout
    assert "placeholder" not in result.stdout


def test_bad_config_exits_2(runner, clean, tmp_path):
    config = tmp_path / "lint.toml"
    config.write_text('disable = ["no-such-rule"]\n', encoding="utf-8")
    result = runner.invoke(lint, ["--config", str(config), str(clean)])
    assert result.exit_code == 2 and "no-such-rule" in result.output


def test_folder_is_linted_recursively(runner, reference, clean, tmp_path):
    (tmp_path / "~$lock.docx").write_bytes(b"lock file")
    result = runner.invoke(lint, ["--format", "json", str(tmp_path)])
    paths = {f["path"] for f in json.loads(result.stdout)["files"]}
    assert paths == {str(reference), str(clean)}


def test_jobs_share_files_among_processes_and_keep_their_order(runner, reference, clean):
    result = runner.invoke(lint, ["--format", "json", "-j", "2", str(reference), str(clean)])
    assert result.exit_code == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [str(reference), str(clean)]
