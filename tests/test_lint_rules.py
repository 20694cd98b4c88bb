"""Each lint rule, with a draft that fails it and one that passes it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from lint_drafts import NOTICE, replace, write_docx

from notice_builder.lint import lint_docx
from notice_builder.lint.config import config_from_dict
from notice_builder.lint.registry import all_rules
from notice_builder.lint.rules.inconsistent_term import _ASCII_LOOKALIKES, _fold, _replace
from notice_builder.profiles import load_profile

COVERING_REPORT = [
    ("", "STRATEGIC POLICING AND CRIME BOARD"),
    ("Heading 1", "PURPOSE OF REPORT"),
    ("", "1. The purpose of this report is to ask the Board to comment."),
    ("Heading 1", "BACKGROUND"),
    ("", "2. Attached at Annex A is the draft decision."),
    ("Heading 1", "RECOMMENDATIONS"),
    ("", "3. The Board is asked to comment."),
]


def lint(tmp_path: Path, paragraphs, **kwargs):
    return lint_docx(write_docx(tmp_path / "draft.docx", paragraphs, **kwargs), load_profile())


def of(findings, code: str):
    return [f for f in findings if f.code == code]


def test_the_complete_notice_passes_every_rule(tmp_path):
    assert lint(tmp_path, NOTICE) == []


def test_every_rule_has_a_code_slug_description_and_documented_examples():
    rules = all_rules()
    assert len({r.code for r in rules}) == len({r.slug for r in rules}) == len(rules) >= 13
    for rule in rules:
        assert rule.description and "Fails:" in rule.doc and "Passes:" in rule.doc


# duplicate-heading
def test_duplicate_heading_reports_both_places(tmp_path):
    paragraphs = replace(
        NOTICE,
        "There are no legal implications.",
        ("", "None."),
        ("Heading 1", "Legal Implications:"),
        ("", "Advice was taken."),
    )
    found = of(lint(tmp_path, paragraphs), "duplicate-heading")
    assert len(found) == 2 and {f.location.paragraph for f in found} == {14, 16}


def test_same_heading_in_covering_report_and_notice_is_not_duplicate(tmp_path):
    draft = [*COVERING_REPORT, ("Heading 1", "LEGAL IMPLICATIONS"), ("", "None."), *NOTICE]
    assert not of(lint(tmp_path, draft), "duplicate-heading")


# missing-heading
def test_missing_heading_reported_for_the_notice(tmp_path):
    paragraphs = replace(replace(NOTICE, "EQUALITY IMPLICATIONS"), "There are no equality implications.")
    found = of(lint(tmp_path, paragraphs), "missing-heading")
    assert len(found) == 1 and '"EQUALITY IMPLICATIONS"' in found[0].message


@pytest.mark.parametrize(
    "variant",
    [
        "3. Equality Implications:",
        "EQUALITY & DIVERSITY IMPLICATIONS",  # one of the heading's aliases in the profile
        "Equality implications and human rights",
        "IMPLICATIONS FOR EQUALITY",
    ],
)
def test_missing_heading_matching_is_tolerant(tmp_path, variant):
    paragraphs = replace(NOTICE, "EQUALITY IMPLICATIONS", ("bold", variant))
    if variant.startswith("IMPLICATIONS"):  # neither the required words in order nor an alias: still missing
        assert of(lint(tmp_path, paragraphs), "missing-heading")
    else:
        assert not of(lint(tmp_path, paragraphs), "missing-heading")


def test_spaced_hyphen_heading_matches(tmp_path):
    paragraphs = replace(
        NOTICE,
        "NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER",
        ("Heading 1", "NON - CONFIDENTIAL FACTS & ADVICE TO THE POLICE AND CRIME COMMISSIONER"),
    )
    assert not of(lint(tmp_path, paragraphs), "missing-heading")


# heading-order
def test_heading_order_reports_the_misplaced_section(tmp_path):
    legal = [("Heading 1", "LEGAL IMPLICATIONS"), ("", "There are no legal implications.")]
    paragraphs = replace(replace(NOTICE, "LEGAL IMPLICATIONS"), "There are no legal implications.")
    paragraphs = replace(
        paragraphs, "FINANCIAL IMPLICATIONS", *legal, ("Heading 1", "FINANCIAL IMPLICATIONS")
    )
    found = of(lint(tmp_path, paragraphs), "heading-order")
    assert (len(found) == 1 and "LEGAL" in found[0].message) or "FINANCIAL" in found[0].message


def test_heading_order_passes_in_profile_order(tmp_path):
    assert not of(lint(tmp_path, NOTICE), "heading-order")


# empty-section
def test_empty_section_reported(tmp_path):
    found = of(lint(tmp_path, replace(NOTICE, "There are no legal implications.")), "empty-section")
    assert len(found) == 1 and '"LEGAL IMPLICATIONS"' in found[0].message


def test_heading_followed_by_subheading_is_not_empty(tmp_path):
    paragraphs = replace(
        NOTICE,
        "The cost of £5,000 is met from the budget.",
        ("Heading 2", "Project Costs"),
        ("", "The cost is £5,000."),
    )
    assert not of(lint(tmp_path, paragraphs), "empty-section")


# placeholder
@pytest.mark.parametrize(
    "text",
    [
        "Cost: £XX,XXX",
        "The meeting is on [insert date].",
        "Venue TBC",
        "Lorem ipsum dolor sit amet.",
        "Date:",
        "Signed ____________",
        "Telephone Number:",
    ],
)
def test_placeholder_reported(tmp_path, text):
    paragraphs = replace(NOTICE, "I approve the grant.", ("", "I approve the grant."), ("", text))
    assert of(lint(tmp_path, paragraphs), "placeholder")


@pytest.mark.parametrize(
    "text",
    [
        "Date: 17 September 2013",
        'He said: "we will ... review it".',
        "The XXL size and the Xbox are not placeholders.",
    ],
)
def test_filled_text_is_not_a_placeholder(tmp_path, text):
    paragraphs = replace(NOTICE, "I approve the grant.", ("", "I approve the grant."), ("", text))
    assert not of(lint(tmp_path, paragraphs), "placeholder")


# unsigned
def _numbered(paragraphs, reference: str):
    return replace(
        paragraphs,
        "NON-CONFIDENTIAL NOTICE OF DECISION",
        ("Title", f"NON-CONFIDENTIAL NOTICE OF DECISION {reference}"),
    )


def test_numbered_notice_without_signature_is_unsigned(tmp_path):
    paragraphs = replace(
        _numbered(NOTICE, "012/2013"),
        "I approve the grant.",
        ("", "I approve the grant."),
        ("", "Signature....."),
        ("", "Date....."),
    )
    found = of(lint(tmp_path, paragraphs), "unsigned")
    assert len(found) == 1 and "012/2013" in found[0].message


def test_numbered_notice_signed_and_dated_passes(tmp_path):
    paragraphs = replace(
        _numbered(NOTICE, "012/2013"),
        "I approve the grant.",
        ("", "I approve the grant."),
        ("", "Signed: Bob Jones"),
        ("", "Date: 17 September 2013"),
    )
    assert not of(lint(tmp_path, paragraphs), "unsigned")


def test_draft_with_placeholder_number_is_not_unsigned(tmp_path):
    assert not of(lint(tmp_path, _numbered(NOTICE, "0XX/2013")), "unsigned")


# paragraph-numbering
@pytest.mark.parametrize("numbers", [("1.", "2.", "4."), ("1.", "2.", "2."), ("1)", "2)", "4)")])
def test_numbering_gap_or_repeat_reported(tmp_path, numbers):
    paragraphs = replace(NOTICE, "I approve the grant.", *[("", f"{n} Item {n}") for n in numbers])
    assert len(of(lint(tmp_path, paragraphs), "paragraph-numbering")) == 1


def test_numbering_with_subparagraphs_and_a_new_list_passes(tmp_path):
    items = [
        "1. One",
        "2. Two",
        "2.1 Two point one",
        "2.2 Two point two",
        "3. Three",
        "1. New list",
        "2. Second",
        "3 - not a number",
        "2.5 million people",
    ]
    paragraphs = replace(NOTICE, "I approve the grant.", *[("", t) for t in items])
    assert not of(lint(tmp_path, paragraphs), "paragraph-numbering")


def test_typed_number_after_word_numbering_is_checked(tmp_path):
    items = [("List Number", "First"), ("List Number", "Second"), ("List Number", "Third"), ("", "5. Fifth")]
    found = of(lint(tmp_path, replace(NOTICE, "I approve the grant.", *items)), "paragraph-numbering")
    assert len(found) == 1 and "3 to 5" in found[0].message
    items[-1] = ("", "4. Fourth")
    assert not of(lint(tmp_path, replace(NOTICE, "I approve the grant.", *items)), "paragraph-numbering")


# dangling-annex
def test_annex_referred_to_but_absent_reported(tmp_path):
    draft = [*COVERING_REPORT, *replace(NOTICE, "I approve the grant.", ("", "I approve Annex B."))]
    found = of(lint(tmp_path, draft), "dangling-annex")
    assert len(found) == 1 and "Annex B" in found[0].message


def test_annex_listed_passes(tmp_path):
    draft = [
        *COVERING_REPORT[:-1],
        ("", "Annex B: IIP Management Report"),
        COVERING_REPORT[-1],
        *replace(NOTICE, "I approve the grant.", ("", "I approve Annex B.")),
    ]
    assert not of(lint(tmp_path, draft), "dangling-annex")


# inconsistent-term
@pytest.mark.parametrize(
    "first,second,expected",
    [
        ("The Memorandum of Information (MoI) is attached.", "The Mol is approved.", '"Mol"'),
        (
            "The Office of the Police & Crime Commissioner.",
            "Police and Crime Plan. Police and Crime Panel.",
            "Police & Crime",
        ),
        ("The cost is £5,000 and £7,500.", "A further £5000 is needed.", "£5000"),
        ("This is an on-going review.", "It is ongoing and ongoing.", "on-going"),
        ("The grants for 2022-23 and the budget for 2022-23.", "Grants Scheme 2022/23.", '"2022/23"'),
        ("Decision 2020-17 is attached.", "Appendix A 2020/17.", '"2020/17"'),
        ("A grant of £1m is offered.", "We accept the £1M grant.", '"£1M"'),
        ("The Air Quality Action Plan is attached.", "The draft Air quality Action Plan.",
         '"Air quality Action Plan"'),
        ("The Commissioner’s Grants Scheme opens.", "Commissioners Grants 2023/24.",
         '"Commissioners Grants"'),
    ],
)
def test_inconsistent_term_reported(tmp_path, first, second, expected):
    paragraphs = replace(NOTICE, "I approve the grant.", ("", first), ("", second))
    found = of(lint(tmp_path, paragraphs), "inconsistent-term")
    assert found and expected in found[0].message


@pytest.mark.parametrize("elsewhere", ["The office is in Birmingham.", "The office is on Hauptstraße."])
def test_acronym_spellings_found_whether_or_not_folding_moves_characters(tmp_path, elsewhere):
    first, second = "The Memorandum of Information (MoI) is attached.", "The MOl and the M0I are approved."
    paragraphs = replace(NOTICE, "I approve the grant.", ("", elsewhere), ("", first), ("", second))
    messages = [f.message for f in of(lint(tmp_path, paragraphs), "inconsistent-term")]
    assert len(messages) == 2 and '"MOl"' in messages[0] and '"M0I"' in messages[1]


def test_acronym_folding_keeps_every_character_taken_for_ascii_in_place():
    """A non-ASCII character a case-insensitive pattern takes for an ASCII one folds to it, one for one."""
    ascii_chars = "abcdefghijklmnopqrstuvwxyz0123456789&|"
    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    lookalikes = set(re.findall(f"[{re.escape(ascii_chars)}]", others, re.IGNORECASE))
    assert lookalikes  # "ı", "ſ", the Kelvin sign ...
    for char in lookalikes:
        [like] = [a for a in ascii_chars if re.fullmatch(re.escape(a), char, re.IGNORECASE)]
        assert _fold(_replace(char, _ASCII_LOOKALIKES)) == _fold(like), hex(ord(char))


def test_consistent_terms_pass(tmp_path):
    text = (
        "The Information Technology (IT) team will review it. It is funded. The IT plan costs "
        "£5,000. The Police and Crime Plan is on-going. The 2022-23 budget ends on 31-03-2023, see "
        "14/03/2025 and WPCC3-0049. The Air Quality Action Plan. Air pollution Action Groups met. "
        "£1m and £2bn. The Commissioner’s Grants and the Commissioners present."
    )
    assert not of(lint(tmp_path, replace(NOTICE, "I approve the grant.", ("", text))), "inconsistent-term")


def test_an_acronym_never_introduced_is_reported_only_with_its_option_on(tmp_path):
    paragraphs = replace(NOTICE, "I approve the grant.",
                         ("", "The Domestic Homicide Review event is funded."),
                         ("", "The DHR events were not held in 2020. The ESP and the Extended Sentence for "
                              "Public Protection."))
    path = write_docx(tmp_path / "draft.docx", paragraphs)
    assert not of(lint_docx(path, load_profile()), "inconsistent-term")  # off by default
    config = config_from_dict({"rules": {"inconsistent-term": {"undefined-acronyms": True}}})
    (found,) = of(lint_docx(path, load_profile(), config), "inconsistent-term")
    assert '"DHR" is used without being introduced' in found.message
    assert "Domestic Homicide Review" in found.message


# contact-details
@pytest.mark.parametrize(
    "text",
    [
        "Telephone Number: 0121 626",
        "Email: j.courtney@west-midlands",
        "Call 0121 626 60 for details.",
        "Email: jacky courtney",
    ],
)
def test_bad_contact_details_reported(tmp_path, text):
    assert of(
        lint(tmp_path, replace(NOTICE, "Telephone Number: 0121 626 6060", ("", text))), "contact-details"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Telephone Number: 0121 626 6060",
        "Tel: +44 121 626 6060",
        "Email: j.courtney@west-midlands.pnn.police.uk",
        "See https://example.gov.uk/@team for 2013/14 budgets of £1,000,000.",
    ],
)
def test_good_contact_details_pass(tmp_path, text):
    assert not of(
        lint(tmp_path, replace(NOTICE, "Telephone Number: 0121 626 6060", ("", text))), "contact-details"
    )


# fake-heading
@pytest.mark.parametrize(
    "style,text",
    [
        ("", "FINANCIAL IMPLICATIONS"),
        ("bold", "Project Costs"),
        ("bold", "3. Financial implications"),
        ("bold", "Scope and value:"),
        ("", "Schedule of Background Papers"),
        ("", "INTRODUCTION"),
    ],
)
def test_fake_heading_reported(tmp_path, style, text):
    found = of(
        lint(tmp_path, replace(NOTICE, "I approve the grant.", (style, text), ("", "Text."))), "fake-heading"
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    "style,text",
    [
        ("", "OJEU"),
        ("", "WMP"),
        ("bold", "This is a bold sentence."),
        ("Heading 2", "Project Costs"),
        ("", "OFFICIAL SENSITIVE"),
        ("bold", "Contact Officer: Jacky Courtney"),
    ],
)
def test_not_a_fake_heading(tmp_path, style, text):
    found = of(
        lint(tmp_path, replace(NOTICE, "I approve the grant.", (style, text), ("", "Text."))), "fake-heading"
    )
    assert not found


# heading-level-skip
def test_heading_level_skip_reported(tmp_path):
    paragraphs = replace(NOTICE, "I approve the grant.", ("Heading 3", "Detail"), ("", "Text."))
    found = of(lint(tmp_path, paragraphs), "heading-level-skip")
    assert len(found) == 1 and "level 3" in found[0].message


def test_heading_levels_in_steps_pass(tmp_path):
    paragraphs = replace(
        NOTICE, "I approve the grant.", ("Heading 2", "Detail"), ("Heading 3", "More"), ("", "Text.")
    )
    assert not of(lint(tmp_path, paragraphs), "heading-level-skip")


# document-metadata
def test_document_without_title_reported(tmp_path):
    found = of(lint(tmp_path, NOTICE, title=None), "document-metadata")
    assert len(found) == 1 and "title" in found[0].message


def test_document_without_language_reported(tmp_path):
    path = write_docx(tmp_path / "draft.docx", NOTICE)
    document = docx.Document(path)
    for lang in document.styles.element.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang"
    ):
        lang.getparent().remove(lang)
    document.save(path)
    found = of(lint_docx(path, load_profile()), "document-metadata")
    assert len(found) == 1 and "language" in found[0].message
