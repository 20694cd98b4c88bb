"""The examples lint clean, as decision files and as the documents `notice build` makes of them."""

from __future__ import annotations

import json

import pytest
from conftest import ALL_EXAMPLES, REPO, SHORT_EXAMPLE, example_data, source_of

from notice_builder.lint import lint_decision, lint_docx
from notice_builder.load import load_decision_file
from notice_builder.pipeline import lint_paths, render_documents
from notice_builder.profiles import load_profile, profile_for

DECISIONS = [p for p in ALL_EXAMPLES if "notice" in json.loads(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("example", DECISIONS, ids=lambda p: p.name)
def test_example_decision_lints_clean(example):
    report = lint_paths([example])
    assert report.findings == [] and report.exit_code() == 0


@pytest.mark.parametrize("example", DECISIONS, ids=lambda p: p.name)
def test_documents_built_from_the_example_lint_clean(example, tmp_path):
    source = load_decision_file(example)
    for kind, data in render_documents(source).items():
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(data)
        assert [str(f) for f in lint_docx(path, profile_for(source))] == []


def test_placeholder_in_a_decision_points_at_its_json_line():
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["decision"] = "I agree to sponsor the awards at a cost of £XX,XXX."
    findings = lint_decision(source_of(data), load_profile())
    [finding] = [f for f in findings if f.code == "placeholder"]
    assert finding.location.pointer == "/notice/decision" and finding.location.line > 1


def test_a_finding_in_a_decision_gives_the_line_and_column_of_its_json_value():
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["implications"]["legal"] = "The cost is £XX,XXX."
    data["notice"]["implications"]["financial"] += "\n\n## Legal implications\n\nSee below."
    source = source_of(data)
    findings = lint_decision(source, load_profile())
    [placeholder] = [f for f in findings if f.code == "placeholder"]
    where = placeholder.location
    assert where.pointer == "/notice/implications/legal"
    assert source.text.splitlines()[where.line - 1][where.column - 1 :].startswith('"The cost is £XX,XXX."')
    duplicates = {f.location.pointer: f for f in findings if f.code == "duplicate-heading"}
    legal = duplicates["/notice/implications/legal"].location
    assert (legal.line, legal.column) == (where.line, where.column)
    assert f"(also at line {legal.line})" in duplicates["/notice/implications/financial"].message


def test_markdown_heading_repeating_a_section_is_a_duplicate():
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["implications"]["financial"] += "\n\n## Legal implications\n\nSee below."
    findings = lint_decision(source_of(data), load_profile())
    assert {f.location.pointer for f in findings if f.code == "duplicate-heading"} == {
        "/notice/implications/financial",
        "/notice/implications/legal",
    }


def test_final_decision_without_signature_reports_its_signature_and_date_missing():
    data = example_data(SHORT_EXAMPLE)
    data.update(status="final", reference="WMPCC 020/2013")
    findings = lint_decision(source_of(data), load_profile())
    assert sorted((f.code, f.message.split(" is ")[0]) for f in findings) == [
        ("missing-field", 'the field "Date:"'),
        ("missing-field", 'the field "Signature:"'),
    ]
    assert {f.location.pointer for f in findings} == {"/notice"}


def test_draft_decision_with_a_reference_but_no_signature_is_unsigned():
    data = example_data(SHORT_EXAMPLE)
    data.update(reference="WMPCC 020/2013")
    findings = lint_decision(source_of(data), load_profile())
    assert [f.code for f in findings] == ["unsigned"]


def test_pre_commit_hook_runs_notice_lint_on_drafts():
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: notice-lint" in hooks and "entry: notice lint" in hooks
    assert r"files: \.(docx|json)$" in hooks


def test_a_finding_in_a_decision_carries_the_paragraph_of_its_markdown_body_it_is_in():
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["decision"] = "I agree to sponsor the awards.\n\nThe cost is £XX,XXX in 2024."
    [finding] = [f for f in lint_decision(source_of(data), load_profile()) if f.code == "placeholder"]
    assert finding.excerpt == "The cost is £XX,XXX in 2024."
