"""The content rules on other offices' wordings: placeholders of every syntax, contact details whatever
the label, duplicate headings only when they are the same heading."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lint_drafts import NOTICE, replace, write_docx

from notice_builder.lint import lint_docx
from notice_builder.profiles import load_profile


def _with(tmp_path: Path, *paragraphs: tuple[str, str]):
    draft = replace(NOTICE, "I approve the grant.", ("", "I approve the grant."), *paragraphs)
    return lint_docx(write_docx(tmp_path / "draft.docx", draft), load_profile())


def _of(findings, code: str):
    return [f for f in findings if f.code == code]


# -- placeholder ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Dear {{ councillor_name }},",
    "The school is {SchoolName}.",
    "Order made on << generationDateStr >>.",
    "Order made on <<hearingDate>>.",
    "The school is «SchoolName».",
    "{% if approved %}Approved{% endif %}",
    "The [SchoolName] academy order.",
    "Send the documents to [name] by 11am.",
    "[Insert the name of the decision maker]",
    "Attend the hearing at [Swansea Civil Court] on 30 June.",
    "The venue is TBC.",
    "Start date TBA",
    "Cost: £XX,XXX",
    "Reference WMPCC XX/2024",
    "Geraldine Young, mother AWAITING CLARIFICATION",
    "Finance comments: BLANK – please complete",
    "This matter is also subject to consideration by the Lead Member for/Director of",
    "I approve/do not approve the recommendation.",
    "The Commissioner agrees/disagrees with the advice.",
    "Signed ______________ Date ________",
    "Date: DD/MM/YYYY",
    "<AI1> The Community Right to Challenge",
    "[Delete as appropriate] approved / refused",
])
def test_a_placeholder_of_any_common_syntax_is_reported(tmp_path, text):
    assert _of(_with(tmp_path, ("", text)), "placeholder"), text


@pytest.mark.parametrize("text", [
    "R (Smith) v Council [2019] EWHC 1234 (Admin) applies.",
    "As the report says [1], the cost is met.",
    "He said the plan \"was flawed [sic]\".",
    "The name of the supplier is [REDACTED].",
    "Read [the guidance](https://www.gov.uk/guidance) first.",
    "The XXL size and the Xbox are not placeholders.",
    "Under Part XX of the Act the Commissioner may act.",
    "The works are to be completed by May 2025.",
    "This page is intentionally left blank.",
    "Grants and/or loans may be made to him/her.",
    "The match kicks off @ 3 on Saturday.",
    "The budget of {0} was corrected to £5,000 in the 2013/14 accounts.",
    "The Director of Finance/Section 151 Officer has been consulted.",
    "[Call-in does not apply].",
    "Use <b> for bold in the web page.",
])
def test_what_only_looks_like_a_placeholder_is_not_one(tmp_path, text):
    assert not _of(_with(tmp_path, ("", text)), "placeholder"), text


def test_a_line_of_underscores_is_a_separator_but_a_signature_cell_of_underscores_is_a_blank(tmp_path):
    assert not _of(_with(tmp_path, ("", "_" * 60)), "placeholder")
    document = docx.Document()
    document.core_properties.title = "A decision"
    for style, text in NOTICE:
        document.add_paragraph(text, style=style or None)
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "Signed", "______________"
    document.save(tmp_path / "table.docx")
    [finding] = _of(lint_docx(tmp_path / "table.docx", load_profile()), "placeholder")
    assert "underscores" in finding.message


def _form(tmp_path: Path, rows: list[tuple[str, str]], name: str = "form.docx") -> Path:
    document = docx.Document()
    document.core_properties.title = "A decision"
    for style, text in NOTICE:
        document.add_paragraph(text, style=style or None)
    table = document.add_table(rows=0, cols=2)
    for question, answer in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = question, answer
    document.save(tmp_path / name)
    return tmp_path / name


def test_a_form_question_with_its_answer_cell_empty_is_a_blank(tmp_path):
    rows = [("Local authority", "Suffolk"), ("Capacity", "160"), ("Number on roll", "131"),
            ("Distance to the trust headquarters", ""), ("Age range", "5 to 11")]
    [finding] = _of(lint_docx(_form(tmp_path, rows), load_profile()), "placeholder")
    assert '"Distance to the trust headquarters" has no answer' in finding.message


def test_a_checklist_filled_in_only_for_what_was_done_is_not_blank(tmp_path):
    rows = [("Action taken", "Details"), ("Warnings", "Letter sent on 27 July"), ("Drug testing", ""),
            ("Curfew", ""), ("Referral to partners", ""), ("Other", "")]
    assert not _of(lint_docx(_form(tmp_path, rows), load_profile()), "placeholder")


def test_blanks_in_a_section_that_applies_only_if_different_are_not_reported(tmp_path):
    findings = _with(
        tmp_path,
        ("Heading 2", "26. If different from above, details of the supervising officer:"),
        ("", "Telephone Number:"),
        ("", "Email Address:"),
        ("Heading 2", "27. Endorsement"),
        ("", "Telephone Number:"),
    )
    assert [f.location.paragraph for f in _of(findings, "placeholder")] == [14]


def test_a_heading_of_only_punctuation_is_a_blank(tmp_path):
    assert _of(_with(tmp_path, ("Heading 2", " - ")), "placeholder")


def _entry(tmp_path: Path, items) -> list:
    from foreign_drafts import build

    return _of(lint_docx(build(tmp_path / "entry.docx", items), load_profile()), "placeholder")


def test_a_label_that_is_all_there_is_above_a_heading_is_a_blank(tmp_path):
    found = _entry(tmp_path, [("b", "Decision Ref:"), ("Heading 2", "Local Government Pension Scheme"),
                              ("p", "The Commissioner has approved the policy."),
                              ("Heading 2", "Background"), ("p", "Consultation with Ward Member:"),
                              ("Heading 2", "Date")])
    assert [f.location.paragraph for f in found] == [1, 5]
    assert "\"Decision Ref:\" is a label with no value" in found[0].message


def test_a_label_with_its_value_under_it_or_among_other_lines_of_its_section_is_not_a_blank(tmp_path):
    assert _entry(tmp_path, [
        ("b", "Decision Ref:"), ("p", "2014-18"),  # its value under it
        ("Heading 2", "Extended sentence prisoners"), ("p", "Custodial term: 4 years"),
        ("p", "Extended term:"),  # not alone in its section: judged with the lines around it, as before
        ("Heading 2", "Decision"), ("p", "The Committee resolved to:"), ("p", "1. Approve the plan."),
    ]) == []


# -- contact-details ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Contact: Mr Smith, tel: no: 909 6500",
    "Tel No 909 6500",
    "Phone: 121 626 6060",
    "Current contact telephone number: 555-0100",
    "Fax number: 555-0199",
    "Telephone Number: 12345678",
    "Contact officer: J. Smith, Ext 4521",
    "Mobile: 07911 12345",
    "Email: j.courtney@west-midlands",
    "Contact j.courtney@ for details.",
])
def test_a_contact_detail_nobody_outside_can_use_is_reported(tmp_path, text):
    assert _of(_with(tmp_path, ("", text)), "contact-details"), text


@pytest.mark.parametrize("text", [
    "Tel No 0121 626 6060",
    "tel: no: 0121 626 6060",
    "Phone: (0121) 626 6060 ext. 4521",
    "Telephone: +44 121 626 6060",
    "Mobile: 07911 123456",
    "The match kicks off @ 3 on Saturday.",
    "Follow @WMPCC for news.",
    "Please telephone the office on 12 May.",
    "Mobile phones: 2019 policy review.",
    "Telephone: 0121 626 6060. 2 copies were sent.",
    "Email: j.courtney@west-midlands.pnn.police.uk",
    "For non-emergencies telephone: 101",
    "Samaritans, phone: 116 123",
])
def test_a_usable_contact_detail_or_no_contact_detail_passes(tmp_path, text):
    assert not _of(_with(tmp_path, ("", text)), "contact-details"), text


# -- duplicate-heading ----------------------------------------------------------------------------
@pytest.mark.parametrize("first,second", [
    ("2018 Key stage 2", "2019 Key stage 2"),
    ("Options", "Option:"),
    ("Risk", "Risks"),
    ("Financial implications 2023/24", "Financial implications 2024/25"),
])
def test_headings_that_differ_in_a_year_or_a_plural_are_not_duplicates(tmp_path, first, second):
    findings = _with(tmp_path, ("Heading 2", first), ("", "Text."), ("Heading 2", second), ("", "Text."))
    assert not _of(findings, "duplicate-heading")


@pytest.mark.parametrize("first,second", [
    ("3. Risk implications:", "RISK IMPLICATIONS"),
    ("Background", "background"),
    ("2.1  Key  stage 2", "Key stage 2"),
    ("(a) Costs", "Costs:"),
])
def test_the_same_heading_with_other_case_numbering_spacing_or_colon_is_a_duplicate(tmp_path, first, second):
    findings = _with(tmp_path, ("Heading 2", first), ("", "Text."), ("Heading 2", second), ("", "Text."))
    assert len(_of(findings, "duplicate-heading")) == 2


def test_a_field_label_repeated_in_each_contact_block_is_not_a_duplicate_heading(tmp_path):
    findings = _with(tmp_path, ("bold", "Telephone Number:"), ("", "0121 626 6060"),
                     ("bold", "Telephone Number:"), ("", "0121 626 6061"))
    assert not _of(findings, "duplicate-heading")


def test_hostile_paragraphs_are_checked_in_linear_time(tmp_path):
    """Long runs that could make a regular expression backtrack for hours ("<<" then 50,000 spaces)."""
    import time

    hostile = ["<<" + " " * 50_000, "[" + " " * 50_000, "{" + " " * 50_000, "Tel " + "(-" * 25_000,
               "Lead Member for " + "A " * 25_000, "x/do not " * 5_000, "A" * 50_000 + "@",
               "- " * 25_000 + "x"]
    draft = [*NOTICE, *(("", text) for text in hostile), ("Heading 2", " " * 50_000 + "x")]
    path = write_docx(tmp_path / "hostile.docx", draft)
    start = time.perf_counter()
    lint_docx(path, load_profile())
    assert time.perf_counter() - start < 10
