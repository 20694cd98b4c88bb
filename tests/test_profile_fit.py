"""Which profile a Word draft fits: detected from its headings and fields (matched by their wordings),
forced with --profile, or none, said once."""

from __future__ import annotations

import pytest
from foreign_drafts import DRAFTS, build, write_draft
from lint_drafts import build_draft

from notice_builder.lint.config import LintConfig
from notice_builder.lint.profile_fit import builtin_fits, choose_fit, heading_fit
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.model.outline import PROFILE_GIVEN, PROFILE_PARTIAL
from notice_builder.pipeline import lint_file
from notice_builder.profiles import load_profile

# A council's record in its own words and layout (bold labels, no Heading styles), after the
# Record of Decision many metropolitan councils publish: no heading is worded as any profile's.
COUNCIL_RECORD = [
    ("b", "Metropolitan Borough Council - Record of Decision"),
    ("p", "I, Councillor A. Smith, Lead Member for Environment, in exercise of the powers conferred on me "
          "do hereby approve the award of the grounds maintenance contract."),
    ("b", "The reasons are:"),
    ("p", "The tender was the most economically advantageous."),
    ("b", "Options considered and rejected are:"),
    ("p", "Not applicable."),
    ("p", "Assessment of risk: Low."),
    ("p", "The source of funding is: Environment revenue budget 2024/25."),
    ("p", "Legal advice obtained: Yes"),
    ("b", "The following documents have been used to assist the decision process:"),
    ("p", "Report of the Strategic Director of Place."),
    ("p", "Contact Officer: Jane Brown"),
    ("p", "Signed: Councillor A. Smith"),
]


def _codes(findings, code):
    return [f for f in findings if f.code == code]


def test_a_draft_linted_with_a_profile_that_does_not_fit_is_told_the_right_one(tmp_path):
    report = lint_file(write_draft(tmp_path, "council-typed"), LintConfig(profile="wmpcc"))
    found = _codes(report.findings, "profile-suggestion")
    assert len(found) == 1
    assert "(profile council-executive-decision)" in found[0].message
    assert "--profile council-executive-decision" in found[0].hint
    assert found[0].severity.value == "info" and found[0].location.paragraph == 1  # a hint: fails nothing
    assert _codes(report.findings, "missing-heading")  # --profile still forces the profile it names


# Drafts short of a profile's parts: the Lancashire-style notice has two. (MOPAC's request form shares the
# West Midlands notice's lineage: its "Part 1 - non-confidential facts and advice", "Recommendation" and
# "Financial/Legal/Equality comments" are the wmpcc headings' other wordings, so it fits wmpcc.)
PARTLY_FITTING = {"short-notice": None}


@pytest.mark.parametrize("name", sorted(n for n in DRAFTS if n not in PARTLY_FITTING))
def test_a_draft_in_a_profiles_own_form_is_checked_against_it_without_being_asked(tmp_path, name):
    path = write_draft(tmp_path, name)
    fit, how = choose_fit(builtin_fits(read_docx_outline(path, load_profile("wmpcc"))))
    assert (fit.profile.name, how) == (DRAFTS[name][1], PROFILE_GIVEN)
    detected = lint_file(path).findings
    forced = lint_file(path, LintConfig(profile=DRAFTS[name][1])).findings
    assert [str(f) for f in detected] == [str(f) for f in forced]


@pytest.mark.parametrize("name", sorted(PARTLY_FITTING))
def test_a_clean_draft_that_fits_a_profile_partly_or_not_at_all_still_lints_without_errors(tmp_path, name):
    path = write_draft(tmp_path, name)
    fit, _ = choose_fit(builtin_fits(read_docx_outline(path, load_profile("wmpcc"))))
    assert (fit.profile.name if fit else None) == PARTLY_FITTING[name]
    findings = lint_file(path).findings
    assert [str(f) for f in findings if f.severity.value == "error"] == []
    assert len(_codes(findings, "profile-fit")) == 1


def test_record_of_decision_alone_does_not_make_a_council_record_a_pcc_notice(tmp_path):
    path = build(tmp_path / "council.docx", COUNCIL_RECORD)
    fits = builtin_fits(read_docx_outline(path, load_profile("wmpcc")))
    fit, how = choose_fit(fits)
    assert (fit.profile.name, how) == ("council-executive-decision", PROFILE_PARTIAL)
    assert "Reasons for the decision" in fit.found and "Contact officer:" in fit.found
    findings = lint_file(path).findings
    # Another office's record: only what every record of an executive decision must say is due.
    missing = [f.message for f in _codes(findings, "missing-heading")]
    assert missing == ['missing heading "Conflicts of interest declared", required in the Record of '
                       "Executive Decision"]
    assert _codes(findings, "missing-field") == []
    (note,) = _codes(findings, "profile-fit")
    assert note.severity.value == "info" and "council-executive-decision" in note.message


def test_a_document_of_another_kind_is_said_to_fit_none_once_and_gets_no_profile_findings(tmp_path):
    path = build(tmp_path / "minutes.docx", [
        ("Heading 1", "Minutes of the allotments working group"),
        ("p", "Present: the chair and four members."),
        ("Heading 2", "Water supply"),
        ("p", "The standpipes are to be repaired before April."),
    ])
    findings = lint_file(path).findings
    (note,) = _codes(findings, "profile-fit")
    assert "fits none of the built-in profiles" in note.message and note.severity.value == "info"
    assert not [f for f in findings if f.code in ("missing-heading", "missing-field", "heading-order")]


def test_the_reference_draft_fits_its_own_profile(tmp_path):
    path = build_draft(tmp_path / "reference.docx", styled=True)
    assert _codes(lint_file(path).findings, "profile-suggestion") == []
    fit, title = heading_fit(read_docx_outline(path, load_profile("wmpcc")), load_profile("wmpcc"))
    assert fit >= 0.8 and title == "Non-confidential Notice of Decision"
    assert choose_fit(builtin_fits(read_docx_outline(path, load_profile("wmpcc"))))[0].profile.name == "wmpcc"


@pytest.mark.parametrize(("maker", "key", "executive"), [
    ("Environment and Sustainability Committee", None, False),  # a committee: not an executive decision
    ("Planning Sub-Committee", None, False),
    ("Audit Committee", "Yes", True),  # ... unless it says it is a key decision: only executive ones are
    ("Cabinet", None, True),
    ("Executive Committee", None, True),
])
def test_a_committees_decision_is_not_checked_as_an_executive_decision(tmp_path, maker, key, executive):
    items = [("Heading 1", "Decisions"), ("b", "16/04/2024 - Draft Air Quality Action Plan ref: 2113"),
             ("p", f"Decision Maker: {maker}"), ("p", "Decision published: 17/04/2024")]
    items += [("p", f"Is Key decision?: {key}")] if key else []
    items += [("b", "Decision:"), ("p", "The Committee resolved to approve the plan."),
              ("b", "Reasons for the decision:"), ("p", "The plan is due."),
              ("p", "Lead officer: Claire Lucas")]
    findings = lint_file(build(tmp_path / "record.docx", items)).findings
    assert bool(_codes(findings, "missing-heading")) is executive
    if not executive:
        (note,) = _codes(findings, "profile-fit")
        assert "fits none of the built-in profiles" in note.message


@pytest.mark.parametrize(("reasons", "missing"), [
    ("The contract is awarded because the tender was the most economically advantageous.", False),
    ("The contract is awarded in order to keep the parks maintained.", False),
    ("The contract is awarded to Eric Wright Civil Engineering Limited.", True),  # no reason given
])
def test_another_offices_record_may_give_its_reasons_in_its_text(tmp_path, reasons, missing):
    items = [("b", "Metropolitan Borough Council - Record of Decision"),
             ("p", "I, Councillor A. Smith, Lead Member for Environment, approve the award."),
             ("p", reasons),
             ("b", "Options considered and rejected are:"), ("p", "Not applicable."),
             ("b", "Conflicts of interest:"), ("p", "None declared."),
             ("p", "Assessment of risk: Low."), ("p", "Contact Officer: Jane Brown")]
    findings = lint_file(build(tmp_path / "record.docx", items)).findings
    assert _codes(findings, "profile-fit")  # checked as another office's record
    said = ["Reasons for the decision" in f.message for f in _codes(findings, "missing-heading")]
    assert any(said) is missing
    own_form = LintConfig(profile="council-executive-decision")  # forced: its own form, every heading due
    forced = lint_file(build(tmp_path / "forced.docx", items), own_form)
    assert any("Reasons for the decision" in f.message for f in _codes(forced.findings, "missing-heading"))
