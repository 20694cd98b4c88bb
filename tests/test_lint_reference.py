"""The reference draft (covering report + notice, 2013): the linter finds its real defects."""

from __future__ import annotations

import pytest
from lint_drafts import build_draft, codes, reference_paragraphs

from notice_builder.lint import lint_docx
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.profiles import load_profile


@pytest.fixture(scope="module", params=["typed", "styled"])
def reference(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("reference") / f"{request.param}.docx"
    build_draft(path, styled=request.param == "styled")
    return path, lint_docx(path, load_profile())


def _with(findings, code: str, text: str):
    return [f for f in findings if f.code == code and text in f.message]


def test_legal_implications_twice_is_reported_at_both_places(reference):
    _, findings = reference
    duplicates = _with(findings, "duplicate-heading", '"LEGAL IMPLICATIONS"')
    assert len(duplicates) == 2
    assert duplicates[0].location.paragraph != duplicates[1].location.paragraph


def test_decision_in_report_and_in_notice_is_not_a_duplicate(reference):
    _, findings = reference
    assert not _with(findings, "duplicate-heading", '"DECISION"')


def test_placeholder_reference_number_is_reported(reference):
    assert _with(reference[1], "placeholder", "0XX/2013")


def test_empty_signature_and_date_are_reported(reference):
    _, findings = reference
    assert _with(findings, "placeholder", "Signature")
    assert _with(findings, "placeholder", "Date")


def test_short_telephone_number_is_reported(reference):
    assert _with(reference[1], "contact-details", '"0121 626"')


def test_moi_spelt_mol_is_reported(reference):
    findings = _with(reference[1], "inconsistent-term", '"Mol"')
    assert findings and '"MoI"' in findings[0].message


def test_annex_b_is_not_in_the_draft(reference):
    assert _with(reference[1], "dangling-annex", "Annex B")


def test_capitals_in_normal_style_are_fake_headings_only_when_typed(reference):
    path, findings = reference
    fake = _with(findings, "fake-heading", "LEGAL IMPLICATIONS")
    assert bool(fake) == path.name.startswith("typed")


def test_draft_splits_into_covering_report_then_notice_at_annex_a(reference):
    outline = read_docx_outline(reference[0], load_profile())
    assert [(d.kind, d.annex) for d in outline.documents] == [("board-report", None), ("notice", "A")]


@pytest.mark.parametrize("styled", [False, True])
def test_draft_without_equality_implications_reports_it_missing(tmp_path, styled):
    paragraphs = [p for p in reference_paragraphs() if p != "EQUALITY IMPLICATIONS"]
    path = build_draft(tmp_path / "no-equality.docx", styled=styled, paragraphs=paragraphs)
    findings = lint_docx(path, load_profile())
    assert _with(findings, "missing-heading", '"EQUALITY IMPLICATIONS"')
    assert "missing-heading" not in codes(
        lint_docx(build_draft(tmp_path / "all.docx", styled=styled), load_profile())
    )
