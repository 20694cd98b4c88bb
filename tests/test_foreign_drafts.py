"""Drafts in other offices' house styles (tests/foreign_drafts.py): clean ones give no errors against
their best-matching profile; defective ones give the defects they carry. Then one regression test
per general cause found with them.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from foreign_drafts import DRAFTS, build, write_draft
from lint_drafts import NOTICE, replace, write_docx

from notice_builder.lint import lint_docx
from notice_builder.lint.labels import split_label
from notice_builder.lint.rules.inconsistent_term import _WORDS_BEFORE, _initials
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.profiles import load_profile

PROFILE_RULES = {"missing-heading", "missing-field", "heading-order", "empty-section", "placeholder"}


def _lint(path: Path, profile: str):
    return lint_docx(path, load_profile(profile))


def _found(findings) -> set[tuple[str, int | None]]:
    return {(f.code, f.location.paragraph) for f in findings if f.code != "fake-heading"}


@pytest.mark.parametrize("name", list(DRAFTS))
def test_clean_draft_has_no_errors_against_its_profile(tmp_path, name):
    findings = _lint(write_draft(tmp_path, name), DRAFTS[name][1])
    if name == "mopac-request":  # no built-in profile has MOPAC's headings: the board report stands in
        findings = [f for f in findings if f.code not in ("missing-heading", "heading-order")]
    assert [str(f) for f in findings if f.severity == "error"] == []
    # Typed headings are reported (an accessibility warning); nothing else is wrong with these drafts.
    assert [str(f) for f in findings if f.code != "fake-heading"] == []


# name -> what its defective version must give against its profile: (rule, paragraph) pairs
DEFECTS = {
    "opcc-record": {
        ("missing-field", 9),  # Protective Marking left blank in the table
        ("placeholder", 9),  # the same blank: each rule reports it, whatever the other does
        ("placeholder", 20),  # "Signed: ...... Police and Crime Commissioner"
        ("unsigned", 20),  # its "Decision number" row gives it a reference
        ("placeholder", 21),  # "Date: ../../...."
        ("inconsistent-term", 24),  # 0PCC for OPCC
        ("inconsistent-term", 26),  # £1000.50 among £1,000
        ("empty-section", 31),
        ("contact-details", 35),
    },
    "council-typed": {
        ("contact-details", 14),
        ("dangling-annex", 19),
        ("paragraph-numbering", 27),  # 3.3 straight after 3.
        ("duplicate-heading", 33),
        ("duplicate-heading", 35),
        ("paragraph-numbering", 35),
        ("paragraph-numbering", 36),
        ("placeholder", 36),
        ("empty-section", 41),
    },
    "council-word-numbered": {
        ("missing-field", 6),  # a content control still showing "Click or tap here to enter text."
        ("placeholder", 6),  # its prompt, whatever missing-field does
        ("empty-section", 34),
        ("placeholder", 44),  # "Date: " + an empty date picker
    },
    "mopac-request": {
        ("placeholder", 13),  # "…………………………" as the signature
        ("placeholder", 14),  # | Date | (blank) |
        ("duplicate-heading", 23),
        ("duplicate-heading", 25),
        ("inconsistent-term", 24),  # MOJ for MoJ
        ("paragraph-numbering", 26),
        ("placeholder", 26),
        ("heading-level-skip", 29),
    },
    "short-notice": {("placeholder", 4), ("placeholder", 7), ("placeholder", 10), ("placeholder", 11)},
    "german-word": {("duplicate-heading", 34), ("duplicate-heading", 36)},
    "signoff-form": {("placeholder", 24), ("placeholder", 34), ("placeholder", 36)},
    "tracked-record": {("missing-field", 8), ("placeholder", 8), ("placeholder", 30)},
}


@pytest.mark.parametrize("name", list(DRAFTS))
def test_defective_draft_gives_its_defects(tmp_path, name):
    profile = DRAFTS[name][1]
    findings = _found(_lint(write_draft(tmp_path, name, defects=True), profile))
    if name == "mopac-request":  # no built-in profile has MOPAC's headings: the board report stands in
        findings = {f for f in findings if f[0] not in ("missing-heading", "heading-order")}
    assert findings == DEFECTS[name]


# -- the general causes -------------------------------------------------------------------------
def test_rows_inside_a_repeating_section_content_control_are_read(tmp_path):
    """A repeating section wraps table rows in w:sdt; its fields were lost (missing-field errors)."""
    outline = read_docx_outline(write_draft(tmp_path, "tracked-record"), load_profile("pcc-decision-record"))
    cells = [b.text for d in outline.documents for b in d.blocks if b.table_row is not None]
    assert cells[:4] == ["Decision number", "2024/044", "Title", "Custody nurse contract extension"]


def test_bold_headings_numbered_by_word_in_list_paragraph_are_headings(tmp_path):
    path = build(
        tmp_path / "d.docx",
        [("num", "List Paragraph", 0, "Decision", True), ("num", "List Paragraph", 1, "To agree.", False)],
    )
    outline = read_docx_outline(path, load_profile("council-executive-decision"))
    assert [(b.heading.text, b.number) for d in outline.documents for b in d.headings] == [("Decision", (1,))]


def test_numbering_resumes_after_a_list_inside_a_paragraph(tmp_path):
    items = [
        ("p", "2.1 The roof leaks."),
        ("p", "2.2 The tenders scored:"),
        ("p", "1. Roofline 87;"),
        ("p", "2. Apex 79."),
        ("p", "2.3 Roofline is cheapest."),
        ("p", "3. Options"),
        ("p", "3.2 Skipped one."),
    ]
    findings = _lint(build(tmp_path / "d.docx", items), "wmpcc")
    assert [f.message.split(":")[0] for f in findings if f.code == "paragraph-numbering"] == [
        "numbering jumps from 3 to 3.2"
    ]


@pytest.mark.parametrize(
    ("words", "acronym", "spelled"),
    [
        ("Office of the Police and Crime Commissioner", "OPCC", "OPCC"),  # was "oPCC", from "of"
        ("Ministry of Justice", "MoJ", "MoJ"),
        ("Department for Education", "DfE", "DfE"),
        ("Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services", "HMICFRS", "HMICFRS"),
        ("the Information Commissioner's Office", "ICO", "ICO"),
    ],
)
def test_acronym_initials_skip_small_words_and_keep_possessives_whole(words, acronym, spelled):
    assert _initials(tuple(_WORDS_BEFORE.findall(words)), acronym) == spelled


def test_the_right_spelling_of_an_acronym_defined_with_of_is_not_reported(tmp_path):
    items = [
        ("p", "The Office of the Police and Crime Commissioner (OPCC) consulted."),
        ("p", "The OPCC and the 0PCC agreed."),
    ]
    findings = [f for f in _lint(build(tmp_path / "d.docx", items), "wmpcc") if f.code == "inconsistent-term"]
    assert [f.message.split(" (")[0] for f in findings] == ['"0PCC"']


def _content_control(text: str, placeholder: bool) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return (
        f"<w:sdt {nsdecls('w')}><w:sdtPr>{shown}</w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r>"
        "</w:p></w:sdtContent></w:sdt>"
    )


def test_an_empty_content_control_shows_a_prompt_not_text(tmp_path):
    document = docx.Document()
    document.core_properties.title = "t"
    document.add_paragraph("Executive Summary", style="Heading 1")
    document.element.body.insert(1, parse_xml(_content_control("Enter the summary here", True)))
    document.element.body.insert(2, parse_xml(_content_control("A filled-in control.", False)))
    document.save(tmp_path / "d.docx")
    outline = read_docx_outline(tmp_path / "d.docx", load_profile("pcc-decision-record"))
    blocks = outline.documents[0].blocks
    assert [(b.text, b.prompts) for b in blocks[1:3]] == [
        ("", ("Enter the summary here",)),
        ("A filled-in control.", ()),
    ]
    findings = [f for f in _lint(tmp_path / "d.docx", "pcc-decision-record") if f.code == "placeholder"]
    assert [f.message for f in findings] == [
        '"Enter the summary here" is a content control\'s prompt: the control was not filled in'
    ]


@pytest.mark.parametrize(
    "text",
    ["Date: DD/MM/YYYY", "Click or tap here to enter text.", "Status: Choose an item.", "Signed on dd.mm.yy"],
)
def test_form_prompts_and_date_formats_left_as_text_are_placeholders(tmp_path, text):
    findings = _lint(build(tmp_path / "d.docx", [("p", text)]), "wmpcc")
    assert [f.code for f in findings if f.code == "placeholder"] == ["placeholder"]


def test_a_blank_value_beside_a_table_label_without_colon_is_reported(tmp_path):
    items = [("table", [("Signature", "S. Linden"), ("Date", ""), ("Event", "Launch")])]
    findings = [f for f in _lint(build(tmp_path / "d.docx", items), "wmpcc") if f.code == "placeholder"]
    assert [f.message for f in findings] == ['"Date" is a label with no value']


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Signed: ............ Police and Crime Commissioner", ""),
        ("Signature:\tCabinet Member for Housing", ""),
        ("Date: ../../....", ""),
        ("Date:  /  /2024", ""),
        ("Date: __/__/20__", ""),
        (
            "Signed: Helen Marsh        Cabinet Member for Leisure",
            "Helen Marsh        Cabinet Member for Leisure",
        ),
        ("Signed: Sam Okafor, Police and Crime Commissioner", "Sam Okafor, Police and Crime Commissioner"),
        ("Signature: Commissioner Smith", "Commissioner Smith"),
        ("Date: 17/09/2013", "17/09/2013"),
        ("Date: 3 June 2024", "3 June 2024"),
    ],
)
def test_a_signature_line_or_date_template_is_no_value(text, value):
    assert split_label(text)[1] == value


def test_a_numbered_notice_with_only_a_signature_line_and_a_date_template_is_unsigned(tmp_path):
    paragraphs = replace(
        NOTICE,
        "NON-CONFIDENTIAL NOTICE OF DECISION",
        ("Title", "NON-CONFIDENTIAL NOTICE OF DECISION 012/2013"),
    )
    paragraphs = replace(
        paragraphs,
        "I approve the grant.",
        ("", "I approve the grant."),
        ("", "Signature:\tPolice and Crime Commissioner"),
        ("", "Date:\t/\t/2013"),
    )
    findings = _lint(write_docx(tmp_path / "d.docx", paragraphs), "wmpcc")
    assert [f.message for f in findings if f.code == "unsigned"] == [
        'the notice carries the reference "012/2013" but has no signature or date'
    ]


def test_a_reference_and_a_signature_in_table_rows_count(tmp_path):
    items = [
        ("Title", "Decision Making Record"),
        ("table", [("Decision number", "2024/031"), ("Title", "A grant")]),
        ("Heading 1", "Recommendation"),
        ("p", "Approve."),
        ("table", [("Signed", ""), ("Date", "4 April 2024")]),
    ]
    findings = _lint(build(tmp_path / "d.docx", items), "pcc-decision-record")
    assert [f.message for f in findings if f.code == "unsigned"] == [
        'the notice carries the reference "2024/031" but has no signature'
    ]
    items[-1] = ("table", [("Signed", "R. Jones"), ("Date", "4 April 2024")])
    assert [
        f for f in _lint(build(tmp_path / "e.docx", items), "pcc-decision-record") if f.code == "unsigned"
    ] == []


def test_a_date_in_the_masthead_is_not_a_reference(tmp_path):
    paragraphs = replace(
        NOTICE,
        "Title: Community Safety Grant",
        ("", "Title: Community Safety Grant"),
        ("", "Date 12/03/2024"),
    )
    findings = _lint(write_docx(tmp_path / "d.docx", paragraphs), "wmpcc")
    assert [f for f in findings if f.code == "unsigned"] == []
