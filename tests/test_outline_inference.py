"""The outline of a Word draft judged from the whole document (notice_builder/load/outline_inference.py):
what is a heading, and at what level, seen with what is around it. Then empty-section, fake-heading and
missing-heading mean what they say."""

from __future__ import annotations

import docx
from foreign_drafts import build

from notice_builder.lint import lint_docx
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.profiles import load_profile

WMPCC = load_profile("wmpcc")
COUNCIL = load_profile("council-executive-decision")


def headings(tmp_path, items, profile=WMPCC):
    """{paragraph text: (level, styled)} for every heading of the draft."""
    outline = read_docx_outline(build(tmp_path / "draft.docx", items), profile)
    return {b.text.strip(): (b.heading.level, b.heading.styled)
            for d in outline.documents for b in d.blocks if b.heading}


def codes(tmp_path, items, profile=WMPCC, *wanted):
    findings = lint_docx(build(tmp_path / "draft.docx", items), profile)
    return [(f.code, f.location.paragraph) for f in findings if f.code in wanted]


def test_a_bold_checklist_typed_with_dashes_is_list_text_not_headings(tmp_path):
    found = headings(tmp_path, [
        ("Heading 2", "Vulnerability"),
        ("b", "Consider the following:"),
        ("b", "- Risk of suicide or self-harm"),
        ("b", "- that the victim can request a copy of any Parole Board Decision Summary or"),
        ("b", "Secretary of State Executive Release Decision Summary"),  # the bullet's second line
        ("p", "If yes, provide details."),
    ])
    assert found == {"Vulnerability": (2, True)}


def test_a_colon_line_is_a_field_label_when_a_label_or_a_value_follows_it(tmp_path):
    found = headings(tmp_path, [
        ("b", "Switchboard Telephone Number:"),
        ("b", "Fax Number:"),
        ("p", "Region: \u2002\u2002"),
        ("b", "Date of Decision:"),
        ("p", "27th June 2014"),
        ("b", "The reasons are:"),
        ("p", "A budget for the work funded via the regeneration fund"),
    ])
    assert found == {"The reasons are:": (2, False)}


def test_an_instruction_to_whoever_fills_the_form_in_is_not_a_heading(tmp_path):
    found = headings(tmp_path, [
        ("b", "You will be required to evidence this in Section 21"),
        ("p", "Text."),
        ("Heading 2", "Please scan and email copies of the following documents to the caseworkers and say in "
                      "your covering email which are missing:"),
        ("p", "- OASys"),
    ])
    assert found == {}


def test_a_heading_style_on_a_table_cell_or_a_wordless_line_makes_no_section(tmp_path):
    path = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("21. What alternatives to recall have been taken?", style="Heading 3")
    document.add_paragraph(" - ", style="Heading 2")
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].paragraphs[0].style = document.styles["Heading 2"]
    cells[0].paragraphs[0].text = "Warnings (including dates given)"
    cells[1].text = "We sent a warning letter on 27th July 2022"
    document.save(path)
    outline = read_docx_outline(path, WMPCC)
    assert [b.text for d in outline.documents for b in d.blocks if b.heading] == [
        "21. What alternatives to recall have been taken?"]
    assert [f for f in lint_docx(path, WMPCC) if f.code == "empty-section"] == []


def test_numbered_typed_headings_sit_under_the_unnumbered_one_before_them(tmp_path):
    items = [
        ("b", "For all parties"),
        ("b", "2. Request permission for expert evidence by 11am, 11 June 2019"),
        ("p", "Your request must be in line with the rules."),
        ("b", "For the local authority"),
        ("b", "8. Serve application and documents by 4pm, 1 June 2019"),
        ("p", "Serve them on all parties."),
    ]
    found = headings(tmp_path, items)
    assert found["For all parties"] == (2, False) and found["For the local authority"] == (2, False)
    assert found["2. Request permission for expert evidence by 11am, 11 June 2019"] == (3, False)
    assert codes(tmp_path, items, WMPCC, "empty-section") == []  # parents, not empty sections


def test_typed_headings_sit_under_the_styled_heading_above_them(tmp_path):
    items = [
        ("Heading 3", "5. Sentence details"),
        ("b", "Index offence"),
        ("p", "Armed robbery on 1 September 2022."),
        ("b", "Key stage 2 performance tables"),
        ("b", "2018 to 2019 key stage 2"),
        ("p", "The school performed well."),
    ]
    found = headings(tmp_path, items)
    assert found["Index offence"] == (4, False)
    assert found["2018 to 2019 key stage 2"] == (5, False)  # straight after another typed heading
    assert codes(tmp_path, items, WMPCC, "empty-section") == []


def test_a_truly_empty_section_is_still_reported(tmp_path):
    items = [("Heading 1", "Supporting documents"), ("Heading 1", "Next steps"), ("p", "None yet.")]
    assert codes(tmp_path, items, WMPCC, "empty-section") == [("empty-section", 1)]


def test_a_form_question_styled_as_a_heading_that_carries_its_answer_is_not_empty(tmp_path):
    items = [
        ("Heading 3", "13. Registered PPO/IOM: N/A"),
        ("Heading 3", "2. Is the offender serving a life sentence? Yes - Lifer"),
        ("Heading 3", "16. Provide details of the index offence:"),
        ("Heading 3", "17. Next question"),
        ("p", "Answer."),
    ]
    assert codes(tmp_path, items, WMPCC, "empty-section") == [("empty-section", 3)]


def test_a_long_label_worded_as_a_profile_heading_is_a_heading_and_its_empty_section_is_found(tmp_path):
    items = [
        ("b", "Other options considered and rejected by the Executive:"),
        ("b", "Details of any conflict of interest declared by the Leader or lead councillors and any "
              "dispensation granted:"),
        ("p", "None."),
    ]
    found = headings(tmp_path, items, COUNCIL)
    assert len(found) == 2
    assert codes(tmp_path, items, COUNCIL, "empty-section") == [("empty-section", 1)]


def test_the_bold_title_of_a_dated_entry_is_a_heading_however_long_and_whatever_its_ref(tmp_path):
    title = ("24/05/2022 - Your Fund Surrey Application – Ten Picnic Tables on a Village Green CF139 "
             "ref: 5049    Recommendations Approved")
    found = headings(tmp_path, [
        ("Heading 1", "Decisions published"),
        ("b", title),
        ("p", "The agreed recommendations are set out below."),
        ("p", "Decision published: 14/03/2025"),  # a dated value, not a title: no dash after the date
        ("p", "14/03/2025 - the date the record was published"),  # not bold: body text
    ])
    assert found == {"Decisions published": (1, True), title: (2, False)}


def test_a_bold_numbered_question_is_a_section_heading_even_with_a_colon_in_it(tmp_path):
    question = "1. Background information: why do we need to make this decision?"
    found = headings(tmp_path, [
        ("b", "Supporting information"),
        ("b", question),
        ("p", "The scheme ends in March."),
        ("b", "Is this a key decision?"),  # not numbered: a form's question, judged as before
        ("p", "2. Has the panel been told? It has."),  # not bold, and runs on past its question
    ])
    assert found == {"Supporting information": (2, False), question: (3, False)}


def test_a_label_heading_whose_first_line_is_the_records_next_field_is_empty(tmp_path):
    conflicts = ("Details of any conflict of interest declared by the Leader or lead councillors and any "
                 "dispensation granted:")
    items = [
        ("p", "Decision Maker: Executive"),
        ("b", "Reasons for the decision:"),
        ("p", "It is right to keep the policy under review."),
        ("b", conflicts),
        ("p", "Report author: Susan Sale"),  # the record's field, not the answer
        ("p", "Publication date: 26/01/2024"),
    ]
    assert codes(tmp_path, items, COUNCIL, "empty-section") == [("empty-section", 4)]
    items[3:5] = [("b", "Contact details"), ("p", "Report author: Susan Sale")]  # no colon: its content
    assert codes(tmp_path, items, COUNCIL, "empty-section") == []


def test_a_line_in_a_labels_place_among_labels_with_values_under_them_is_a_label(tmp_path):
    found = headings(tmp_path, [
        ("b", "Date of Decision:"),
        ("p", "27th June 2014"),
        ("b", "Decision Papers/Reason for Restricted"),  # no colon, but where a label stands
        ("p", "Decision-2014-18-Pension-Scheme"),
        ("b", "Decision Maker:"),
        ("p", "PCC"),
        ("b", "Background"),  # a heading: what follows it is text, not a label
        ("p", "The scheme was revised in 2014."),
    ])
    assert list(found) == ["Background"]
