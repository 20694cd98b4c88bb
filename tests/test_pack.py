"""`notice pack`: the agenda pack, front sheet and contents, then each report with its notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from notice_builder.cli import main
from notice_builder.docx.namespaces import qn
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.publish.pack import AGENDA_ITEM_STYLE, build_pack, load_meeting
from notice_builder.validate import bundled_schema
from tests.conftest import EXAMPLES

MEETING = EXAMPLES / "meeting-2013-07-16"


def invoke(*args):
    return CliRunner().invoke(main, ["pack", *(str(a) for a in args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def pack_bytes() -> bytes:
    return build_pack(load_meeting(MEETING))


@pytest.fixture(scope="module")
def pack(pack_bytes, tmp_path_factory):
    path = tmp_path_factory.mktemp("pack") / "pack.docx"
    path.write_bytes(pack_bytes)
    return Document(str(path))


def write_meeting(folder: Path, data: dict) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "meeting.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


def test_front_sheet_names_the_meeting_and_its_date(pack):
    texts = [p.text for p in pack.paragraphs[:6]]
    assert texts[:3] == ["WEST MIDLANDS POLICE AND CRIME COMMISSIONER", "Strategic Policing and Crime Board",
                         "16 July 2013"]
    assert pack.paragraphs[1].style.name == "Title"


def test_contents_lists_the_items_as_real_entries_with_no_field_to_update(pack):
    body = pack.element.body.xml
    assert "Update this field" not in body and "TOC " not in body and "fldSimple" not in body
    items = [p for p in pack.paragraphs if p.text.startswith("Item ")]
    assert [p.text for p in items] == [
        "Item 5: DRAFT – West Midlands Police and Crime Commissioner: Technology Task Force - Innovation and "
        "Integration Partner",
        "Item 6: West Midlands Police and Crime Commissioner: Grants for Independent Domestic Violence "
        "Adviser Services 2013/14 (WMPCC 012/2013)",
        "Item 7: DRAFT – West Midlands Police and Crime Commissioner: Sponsorship of the West Midlands "
        "Police Community Awards 2013",
    ]
    anchors = [p._p.find(qn("w:hyperlink")).get(qn("w:anchor")) for p in items]
    bookmarks = [b.get(qn("w:name")) for b in pack.element.body.iter(qn("w:bookmarkStart"))]
    assert anchors == ["agenda_item_5", "agenda_item_6", "agenda_item_7"]
    assert all(anchor in bookmarks for anchor in anchors)


def test_a_draft_item_is_marked_draft_in_the_pack_as_in_its_own_documents(pack):
    headings = [p.text for p in pack.paragraphs if p.style.name == AGENDA_ITEM_STYLE]
    assert headings == ["Agenda item 5: DRAFT – West Midlands Police and Crime Commissioner: Technology Task "
                        "Force - Innovation and Integration Partner",
                        "Agenda item 6: WMPCC 012/2013",
                        "Agenda item 7: DRAFT – West Midlands Police and Crime Commissioner: Sponsorship of "
                        "the West Midlands Police Community Awards 2013"]
    # Each item is a section of its own; the page header of every page of a draft item says DRAFT.
    headers = [section.header.paragraphs[0].text for section in pack.sections]
    assert headers == [
        "Strategic Policing and Crime Board: 16 July 2013",
        "DRAFT – Agenda item 5 – Strategic Policing and Crime Board: 16 July 2013",
        "WMPCC 012/2013 – Agenda item 6 – Strategic Policing and Crime Board: 16 July 2013",
        "DRAFT – Agenda item 7 – Strategic Policing and Crime Board: 16 July 2013",
    ]
    assert all(not section.header.is_linked_to_previous for section in pack.sections)


def test_a_decision_dated_after_or_long_before_the_meeting_gets_a_warning(tmp_path):
    def decision(name: str, day: str) -> str:
        data = json.loads((EXAMPLES / "wmpcc-012-2013-final-signed.json").read_text(encoding="utf-8"))
        data["notice"]["signature"]["date"] = day
        (tmp_path / "meeting" / name).write_text(json.dumps(data), encoding="utf-8")
        return name

    (tmp_path / "meeting").mkdir()
    write_meeting(tmp_path / "meeting", {"name": "Board", "date": "2013-07-16", "agenda": [
        {"item": "1", "decision": decision("after.json", "2013-07-17")},
        {"item": "2", "decision": decision("same.json", "2013-07-16")},
        {"item": "3", "decision": decision("month.json", "2013-06-16")},
        {"item": "4", "decision": decision("long.json", "2013-01-02")},
    ]})
    result = CliRunner().invoke(main, ["pack", str(tmp_path / "meeting"), "-o", str(tmp_path / "pack.docx")])
    assert result.exit_code == 0 and (tmp_path / "pack.docx").is_file()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "/agenda/0/decision: decision-date agenda item 1: the decision" in lines[0]
    assert "after.json is dated 17 July 2013, after the meeting on 16 July 2013" in lines[0]
    assert "long.json is dated 2 January 2013, more than 90 days before the meeting on 16 July 2013" \
        in lines[1]
    assert "(hint: check the decision's date" in lines[1]
    assert result.stdout == f"wrote {tmp_path / 'pack.docx'} (2 warnings)\n"


def test_each_report_is_followed_by_its_notice_in_agenda_order(pack):
    sequence = [(p.style.name, p.text) for p in pack.paragraphs
                if p.style.name in (AGENDA_ITEM_STYLE, "Title")]
    agenda = [text for style, text in sequence if style == AGENDA_ITEM_STYLE]
    assert [a.split(":")[0] for a in agenda] == ["Agenda item 5", "Agenda item 6", "Agenda item 7"]
    after_front_sheet = [text for style, text in sequence[1:]]
    for position, item in enumerate(agenda):
        start = after_front_sheet.index(item)
        report_title, notice_title = after_front_sheet[start + 1: start + 3]
        assert report_title.startswith("WEST MIDLANDS POLICE AND CRIME COMMISSIONER:")
        assert notice_title == "NON-CONFIDENTIAL NOTICE OF DECISION"
        assert position == agenda.index(item)


def test_headings_of_every_document_are_present(pack):
    headings = [p.text for p in pack.paragraphs if p.style.name == "Heading 1"]
    assert headings.count("PURPOSE OF REPORT") == 3
    assert headings.count("EXECUTIVE SUMMARY") == 3
    assert headings.index("PURPOSE OF REPORT") < headings.index("EXECUTIVE SUMMARY")


def test_pack_has_its_own_title_and_no_template_fields(pack):
    assert pack.core_properties.title == "Agenda pack: Strategic Policing and Crime Board, 16 July 2013"
    section = pack.sections[0]
    assert "{{" not in section.header.paragraphs[0].text + section.footer.paragraphs[0].text


def test_pack_is_byte_identical_across_builds(pack_bytes):
    assert build_pack(load_meeting(MEETING)) == pack_bytes


def test_cli_writes_the_pack_and_refuses_to_replace_it(tmp_path):
    out = tmp_path / "pack.docx"
    assert invoke(MEETING, "-o", out).exit_code == 0
    again = invoke(MEETING, "-o", out)
    assert again.exit_code == 1 and "output-exists" in again.output
    assert invoke(MEETING, "-o", out, "--force").exit_code == 0


def test_a_bad_meeting_file_is_reported_with_file_pointer_and_fix(tmp_path):
    folder = write_meeting(tmp_path / "meeting", {
        "name": "Board", "date": "16/07/2013",
        "agenda": [{"item": "5", "decision": "x.json", "papers": 2}],
    })
    result = invoke(folder, "-o", tmp_path / "pack.docx")
    assert result.exit_code == 1
    assert (f"{folder / 'meeting.json'}:3:11 /date: schema Enter the meeting date as a real date "
            "in the form 2013-07-16") in result.output
    assert ('/agenda/0/papers: schema Remove "papers" from the agenda item 1, '
            "or correct its name") in result.output
    assert "(hint: " in result.output
    assert not (tmp_path / "pack.docx").exists()


def test_a_missing_or_invalid_decision_is_reported_against_the_agenda(tmp_path):
    broken = tmp_path / "meeting" / "broken.json"
    write_meeting(tmp_path / "meeting", {"name": "Board", "date": "2013-07-16", "agenda": [
        {"item": "5", "decision": "missing.json"}, {"item": "6", "decision": "broken.json"}]})
    broken.write_text('{"status": "draft"}', encoding="utf-8")
    with pytest.raises(NoticeBuilderError) as raised:
        load_meeting(tmp_path / "meeting")
    codes = [(f.code, f.location.pointer) for f in raised.value.findings]
    assert ("missing-decision", "/agenda/0/decision") in codes
    assert any(f.path == str(broken) and f.code == "schema" for f in raised.value.findings)


def test_every_meeting_schema_property_is_described():
    def walk(schema, where):
        for name, prop in schema.get("properties", {}).items():
            assert prop.get("description"), f"{where}/{name}"
            walk(prop, f"{where}/{name}")
        if isinstance(schema.get("items"), dict):
            walk(schema["items"], f"{where}/items")

    schema = bundled_schema("meeting")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    walk(schema, "")
