"""A Word draft linted against the wrong profile is told which built-in profile it fits."""

from __future__ import annotations

import pytest
from foreign_drafts import DRAFTS, write_draft
from lint_drafts import build_draft

from notice_builder.lint.config import LintConfig
from notice_builder.lint.profile_fit import heading_fit
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.pipeline import lint_file
from notice_builder.profiles import load_profile


def suggestions(path, profile: str | None = None):
    report = lint_file(path, LintConfig(profile=profile) if profile else None)
    return [f for f in report.findings if f.code == "profile-suggestion"], report


@pytest.mark.parametrize("name", ["council-typed", "opcc-record"])
def test_a_draft_linted_with_the_wrong_profile_is_told_the_right_one(tmp_path, name):
    best = DRAFTS[name][1]
    found, report = suggestions(write_draft(tmp_path, name))
    assert len(found) == 1
    assert f"(profile {best})" in found[0].message and f"--profile {best}" in found[0].hint
    assert found[0].severity.value == "info" and found[0].location.paragraph == 1  # a hint: fails nothing
    assert any(f.code == "missing-heading" for f in report.findings)  # what it explains


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_no_suggestion_against_the_best_profile(tmp_path, name):
    found, _ = suggestions(write_draft(tmp_path, name), DRAFTS[name][1])
    assert found == []


def test_the_reference_draft_fits_its_own_profile(tmp_path):
    path = build_draft(tmp_path / "reference.docx", styled=True)
    found, _ = suggestions(path)
    assert found == []
    fit, title = heading_fit(read_docx_outline(path, load_profile("wmpcc")), load_profile("wmpcc"))
    assert fit == 1.0 and title
