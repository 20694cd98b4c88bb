"""Profiles' other wordings (`aliases`): a heading or field worded as another office words it counts,
whatever its numbering, case, punctuation and trailing colon, with its value beside, under or after it."""

from __future__ import annotations

import json

from foreign_drafts import build

from notice_builder.lint import lint_docx
from notice_builder.lint.labels import field_value
from notice_builder.model.profile import Profile
from notice_builder.profiles import builtin_profile_names, builtin_profile_path, load_profile

COUNCIL = load_profile("council-executive-decision")

RECORD = [
    ("Title", "Record of Executive Decision"),
    ("p", "Title: Allotment rents"),
    ("p", "Decision taken by: Cabinet Member for Environment"),
    ("b", "Report author:"),
    ("p", "Liz Thomas"),
    ("Heading 1", "1. Decision taken"),
    ("p", "To raise allotment rents by 3%."),
    ("b", "The reasons are:"),
    ("p", "Costs have risen."),
    ("p", "Options considered and rejected: to keep rents as they are."),
    ("p", "Declarations of interest: none."),
    ("Heading 1", "Dispensations"),
    ("p", "None."),
    ("b", "IMPLICATIONS OF THE DECISION"),
    ("Heading 2", "Finance"),
    ("p", "Within budget."),
    ("Heading 2", "Legal considerations"),
    ("p", "None."),
    ("Heading 2", "Equalities implications"),
    ("p", "None."),
    ("Heading 2", "Human rights"),
    ("p", "None."),
    ("Heading 2", "Risk assessment"),
    ("p", "Low."),
    ("Heading 2", "Consultees"),
    ("p", "The allotment society."),
    ("Heading 2", "Crime and disorder implications"),
    ("p", "None."),
    ("Heading 2", "Data protection"),
    ("p", "None."),
    ("Heading 2", "Environmental implications"),
    ("p", "None."),
    ("b", "Accompanying documents:"),
    ("p", "Report to Cabinet, 3 March 2025."),
]


def test_a_record_in_another_offices_wordings_has_every_heading_and_field_of_the_profile(tmp_path):
    findings = lint_docx(build(tmp_path / "record.docx", RECORD), COUNCIL)
    assert [str(f) for f in findings if f.code in ("missing-heading", "missing-field")] == []


def test_without_the_aliases_the_same_record_misses_them(tmp_path):
    data = json.loads(builtin_profile_path("council-executive-decision").read_text(encoding="utf-8"))
    for document in data["documents"].values():
        for entry in (*document["headings"], *document.get("fields", [])):
            entry.pop("aliases", None)
    bare = Profile.from_dict(data)
    findings = lint_docx(build(tmp_path / "record.docx", RECORD), bare)
    missing = {f.message.split('"')[1] for f in findings if f.code in ("missing-heading", "missing-field")}
    assert {"Reasons for the decision", "Contact officer:", "Background papers", "Decision maker:"} <= missing


def test_a_label_alone_takes_its_value_from_the_next_paragraph_but_not_from_another_label(tmp_path):
    blank_then_label = [item for item in RECORD if item != ("p", "Liz Thomas")]
    after_label = blank_then_label.index(("b", "Report author:")) + 1
    blank_then_label.insert(after_label, ("p", "Email: x@example.org"))
    findings = lint_docx(build(tmp_path / "record.docx", blank_then_label), COUNCIL)
    assert [f.message for f in findings if f.code == "missing-field"] == ['"Contact officer:" has no value']


def test_a_longer_label_is_not_a_shorter_wording_with_a_value():
    assert field_value("Telephone Number: .....", "Telephone", loose=True) is None
    assert field_value("Protective Marking OFFICIAL", "Protective Marking:", loose=True) == "OFFICIAL"


def test_every_built_in_alias_is_a_distinct_wording_of_its_own_heading_or_field():
    for name in builtin_profile_names():
        for spec in load_profile(name).documents.values():
            for entry in (*spec.headings, *spec.fields):
                assert len(set(entry.wordings)) == len(entry.wordings), (name, entry.wordings)
                assert all(w.strip() for w in entry.aliases), (name, entry.wordings)
