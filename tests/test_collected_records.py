"""The collected records (tests/collected_records.py) build readable Word files, and their defect lists
(tests/data/collected-records/DEFECTS.json) point at the paragraphs they name, so the lists stay true to
the documents as the builders change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from collected_records import RECORDS, write_record, write_records

from notice_builder.docx.elements import iter_paragraphs
from notice_builder.docx.package_reader import open_docx, parse_xml
from notice_builder.docx.paragraph_text import read_paragraph
from notice_builder.lint.registry import find_rule
from notice_builder.profiles import load_profile

DATA = Path(__file__).parent / "data" / "collected-records"
DEFECTS = json.loads((DATA / "DEFECTS.json").read_text(encoding="utf-8"))
BY_FILE = {record["file"]: record for record in DEFECTS}
LISTS = ("defects", "not_defects", "not_judged")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("collected-records")
    return {path.name: path for path in write_records(folder)}


def _paragraph_texts(path: Path) -> list[str]:
    """The body's paragraphs as the linter numbers them (notice_builder.docx.elements.iter_paragraphs)."""
    with open_docx(path) as package:
        body = parse_xml(package.read(package.main_part)).find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
        )
        return [read_paragraph(p).text for p, _ in iter_paragraphs(body)]


def _entries(record: dict):
    for key in LISTS:
        for entry in record.get(key, []):
            yield key, entry


def test_every_record_has_a_defect_list_and_every_list_a_record(built):
    assert sorted(built) == sorted(BY_FILE)
    assert len(RECORDS) >= 20


def test_sources_name_every_record_with_its_address_and_at_least_twelve_bodies():
    rows = [
        line.split("|")[1:-1]
        for line in (DATA / "SOURCES.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| file")
    ]
    described = {cells[0].strip(): cells for cells in rows}
    assert sorted(described) == sorted(RECORDS)
    for name, cells in described.items():
        assert re.match(r"https?://\S+$", cells[4].strip()), name
    bodies = {re.sub(r"\s*\(.*\)", "", cells[1]).strip() for cells in described.values()}
    assert len(bodies) >= 12, bodies


@pytest.mark.parametrize("name", list(RECORDS))
def test_record_builds_a_readable_docx_with_its_title_and_language(built, name):
    path = built[f"{name}.docx"]
    document = docx.Document(path)
    assert document.core_properties.title == RECORDS[name][2]
    assert document.core_properties.language == "en-GB"
    texts = _paragraph_texts(path)
    assert len(texts) >= 8 and sum(bool(t.strip()) for t in texts) >= 8


@pytest.mark.parametrize("name", list(RECORDS))
def test_defect_list_points_at_the_paragraphs_it_names(built, name):
    record = BY_FILE[f"{name}.docx"]
    texts = _paragraph_texts(built[f"{name}.docx"])
    assert record["profile"] == RECORDS[name][1]
    load_profile(record["profile"])
    for key, entry in _entries(record):
        where = f"{name}: {key} {entry['rule']} at paragraph {entry['paragraph']}"
        assert find_rule(entry["rule"]) is not None, where
        assert 1 <= entry["paragraph"] <= len(texts), where
        assert texts[entry["paragraph"] - 1].startswith(entry["text"]), where
        assert len(entry["text"]) <= 120, where
        assert entry.get("note" if key == "defects" else "why"), where
        if entry.get("scope") == "document":
            assert entry["paragraph"] == 1 and (entry.get("subject") or entry.get("subjects")), where


def _judged(record: dict, key: str) -> set[tuple[str, int, str | None]]:
    found = set()
    for entry in record.get(key, []):
        for subject in entry.get("subjects") or [entry.get("subject")]:
            found.add((entry["rule"], entry["paragraph"], subject))
    return found


def test_no_finding_is_both_a_defect_and_not_a_defect():
    for record in DEFECTS:
        assert not _judged(record, "defects") & _judged(record, "not_defects"), record["file"]
        assert not _judged(record, "defects") & _judged(record, "not_judged"), record["file"]


def test_a_wide_table_is_built_where_the_record_had_one(tmp_path):
    document = docx.Document(write_record(tmp_path, "cleveland_pcc_2012_key_documentation"))
    (table,) = document.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "DECISION REF NO.",
        "DETAILS OF DECISION",
        "DECISION SUMMARY ",
        "DATE AUTHORISED",
        "UPDATE",
    ]
    summary = table.rows[1].cells[2].paragraphs
    assert summary[1].style.name == "List Bullet" and summary[1].text == "Scheme of Governance"
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert not any(p.text.startswith("@@grid") for p in document.paragraphs)
