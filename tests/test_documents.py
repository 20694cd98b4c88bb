"""Both documents, end to end: the reference example rebuilt in the house style, reproducibly."""

from __future__ import annotations

import difflib
import io
import re
import time
import zipfile

import pytest

from notice_builder.load import load_decision_file
from notice_builder.pipeline import render_documents
from notice_builder.profiles import profile_for
from tests.conftest import (
    ALL_EXAMPLES,
    REFERENCE_EXAMPLE,
    REFERENCE_TEXT,
    example_data,
    open_docx,
    source_of,
)

NOTICE_OUTLINE = [
    ("Heading 1", "EXECUTIVE SUMMARY"),
    ("Heading 1", "DECISION"),
    ("Heading 1", "NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER"),
    ("Heading 1", "INTRODUCTION AND BACKGROUND"),
    ("Heading 2", "The Challenge"),
    ("Heading 2", "The concept of an IIP"),
    ("Heading 2", "IIP Delivery Model"),
    ("Heading 1", "FINANCIAL IMPLICATIONS"),
    ("Heading 2", "Project Costs"),
    ("Heading 2", "Commercial Arrangements and Evaluation"),
    ("Heading 2", "Scope and Value"),
    ("Heading 2", "Gateway Timetable"),
    ("Heading 1", "LEGAL IMPLICATIONS"),
    ("Heading 1", "EQUALITY IMPLICATIONS"),
    ("Heading 1", "Schedule of Background Papers"),
    ("Heading 1", "Public Access to Information"),
]
# Lines of the reference that the example deliberately does not reproduce: its defects.
REFERENCE_DEFECTS = ("0XX/2013", "Telephone Number: 0121 626", "Signature.....", "Date.....",
                     "legal advice relating to the recommendations", "Draft decision")


def outline(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def body_text(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [" ".join(c.text for c in row.cells) for row in table.rows]
    return texts


def reference_paragraphs() -> list[str]:
    """The prose lines of the reference draft, without list markers and Markdown emphasis."""
    lines = []
    for line in REFERENCE_TEXT.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^(- |\d+\. )", "", line.strip()).replace("**", "")
        if len(line) < 25 or line.isupper() or any(d in line for d in REFERENCE_DEFECTS):
            continue
        if "\t" in line:  # a row of the Gateway Timetable
            line = " ".join(line.split("\t"))
        lines.append(line)
    return lines


def test_notice_has_the_reference_headings_in_order_as_real_heading_styles(reference_documents):
    assert outline(open_docx(reference_documents["notice"])) == NOTICE_OUTLINE


def test_board_report_has_purpose_background_recommendations(reference_documents):
    report = open_docx(reference_documents["board-report"])
    assert outline(report) == [("Heading 1", "PURPOSE OF REPORT"), ("Heading 1", "BACKGROUND"),
                               ("Heading 1", "RECOMMENDATIONS")]
    first = [p.text for p in report.paragraphs[:4]]
    assert first == ["STRATEGIC POLICING AND CRIME BOARD", "16 July 2013", "DECISION",
                     "WEST MIDLANDS POLICE AND CRIME COMMISSIONER: TECHNOLOGY TASK FORCE - "
                     "INNOVATION AND INTEGRATION PARTNER"]


def test_board_report_paragraphs_are_numbered_straight_through(reference_documents):
    report = open_docx(reference_documents["board-report"])
    numbered = [p for p in report.paragraphs if p.style.name == "Numbered Paragraph"]
    assert len(numbered) == 4
    assert numbered[0].text.startswith("The purpose of this report")
    assert numbered[3].text == "The Board is asked to comment on the contents of this report."
    # One Word list for all four, so Word and LibreOffice number them 1 to 4 across the headings.
    style_numbering = report.styles["Numbered Paragraph"].element.pPr.numPr
    assert style_numbering is not None
    assert all(p._p.pPr.numPr is None for p in numbered)


def test_board_report_lists_authors_and_annexes(reference_documents):
    text = "\n".join(p.text for p in open_docx(reference_documents["board-report"]).paragraphs)
    assert ("Authors of the Report: Chris Sims, Chief Constable, West Midlands Police and "
            "Jacky Courtney, Chief Executive, West Midlands Office for Policing and Crime") in text
    assert "Annex A: " in text and "Annex B: " in text


def test_notice_carries_every_paragraph_of_the_reference(reference_documents):
    produced = body_text(open_docx(reference_documents["notice"])) + body_text(
        open_docx(reference_documents["board-report"]))
    missing = []
    for line in reference_paragraphs():
        best = max(difflib.SequenceMatcher(None, line, p).ratio() for p in produced if p)
        if not any(line in p for p in produced) and best < 0.9:
            missing.append((round(best, 2), line))
    assert missing == []


def test_notice_header_fields_and_signature_block(reference_documents):
    notice = open_docx(reference_documents["notice"])
    texts = [p.text for p in notice.paragraphs]
    assert texts[:2] == ["WEST MIDLANDS POLICE AND CRIME COMMISSIONER", "NON-CONFIDENTIAL NOTICE OF DECISION"]
    for line in ["Contact Officer: Jacky Courtney", "Telephone Number: 0121 626 6060",
                 "Email: j.courtney@west-midlands.pnn.police.uk", "Signature: Unsigned draft",
                 "Date: Not yet decided"]:
        assert line in texts
    declaration = "I confirm that I do not have any disclosable pecuniary interests"
    assert any(t.startswith(declaration) for t in texts)


def test_draft_is_marked_in_the_header_and_final_carries_its_reference(reference_documents, final_documents):
    draft_header = open_docx(reference_documents["notice"]).sections[0].header.paragraphs[0].text
    final = open_docx(final_documents["notice"])
    assert draft_header == "DRAFT"
    assert final.sections[0].header.paragraphs[0].text == "WMPCC 012/2013"
    assert "WMPCC 012/2013" in [p.text for p in final.paragraphs]
    assert "Signature: Bob Jones" in [p.text for p in final.paragraphs]


def test_gateway_timetable_is_a_table_with_a_header_row(reference_documents):
    [table] = open_docx(reference_documents["notice"]).tables
    assert [c.text for c in table.rows[0].cells] == ["Gate", "Description/Purpose", "Milestone"]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert [r.cells[2].text for r in table.rows[1:]] == ["July-2013", "Oct-2013", "Nov-2013", "Jan-2014"]


def test_urls_become_clickable_hyperlinks(reference_documents):
    notice = open_docx(reference_documents["notice"])
    targets = [r.target_ref for r in notice.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert "http://www.westmidlands-pcc.gov.uk/transparency/record-of-decisions/2013/" \
           "wmpcc-005-2013-technology-task-force/" in targets
    assert "<w:hyperlink" in notice.element.xml


def test_core_properties_carry_title_language_and_decision_dates(final_documents):
    props = open_docx(final_documents["notice"]).core_properties
    assert props.title.startswith("Non-confidential Notice of Decision WMPCC 012/2013: ")
    assert props.language == "en-GB"
    assert props.created.date().isoformat() == example_data(
        REFERENCE_EXAMPLE.parent / "wmpcc-012-2013-final-signed.json")["notice"]["signature"]["date"]


def test_values_with_markup_characters_come_out_as_themselves():
    data = example_data()
    data["title"] = "Police & Crime <Panel> {{ x }} {% raw %} ]]> </w:t></w:r><w:p>"
    data["notice"]["contact_officer"]["name"] = "O'Brien & Sons <admin>"
    notice = open_docx(render_documents(source_of(data))["notice"])
    texts = [p.text for p in notice.paragraphs]
    assert f"Title: {data['title']}" in texts
    assert "Contact Officer: O'Brien & Sons <admin>" in texts


def test_same_input_gives_byte_identical_documents_whatever_the_clock(monkeypatch):
    first = render_documents(load_decision_file(REFERENCE_EXAMPLE))
    later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    second = render_documents(load_decision_file(REFERENCE_EXAMPLE))
    assert first == second


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.name)
def test_every_example_builds_documents_with_sound_zip_packages(path):
    source = load_decision_file(path)
    profile = profile_for(source)
    for kind, data in render_documents(source).items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        headings = outline(open_docx(data))
        required = [(f"Heading {h.level}", h.text) for h in profile.documents[kind].required_headings]
        assert [h for h in headings if h in required] == required
