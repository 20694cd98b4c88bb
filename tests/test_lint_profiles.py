"""Drafts typed in each built-in form, not made by notice-builder, linted against their profile.

Each form is written here with python-docx the way an officer types it: the West Midlands notice
with headings typed in capitals and bold labels, the PCC Decision Making Record with its fields in
a two-column table and its sections typed in capitals and bold, the council's record of executive
decision in Heading styles. A section, a field or a field's value is then taken out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, example_data, source_of

from notice_builder.cli import main
from notice_builder.lint import lint_decision, lint_docx
from notice_builder.lint.labels import field_value
from notice_builder.pipeline import lint_file
from notice_builder.profiles import load_profile

_BUILTIN_PROFILES = Path(__file__).resolve().parents[1] / "notice_builder" / "profiles"
PROFILE_RULES = {"missing-heading", "missing-field", "heading-order", "empty-section", "placeholder"}

# A form is a list of items: (style, text) paragraphs ("" Normal, "bold" Normal in bold), ("label",
# label, value) a bold label then its value in one paragraph, ("row", label, value) a table row.
WMPCC_NOTICE = [
    ("Title", "NON-CONFIDENTIAL NOTICE OF DECISION"),
    ("label", "Contact Officer:", "Jacky Courtney"),
    ("label", "Telephone Number:", "0121 626 6060"),
    ("label", "Email:", "j.courtney@west-midlands.pnn.police.uk"),
    ("label", "Title:", "Community Safety Grant"),
    ("", "EXECUTIVE SUMMARY"),
    ("", "The Commissioner is asked to approve a community safety grant."),
    ("", "DECISION"),
    ("", "I approve the grant of £5,000."),
    ("", "Signature: Bob Jones"),
    ("", "Date: 17 September 2013"),
    ("", "NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER"),
    ("", "The covering report forms the basis of the decision."),
    ("", "FINANCIAL IMPLICATIONS"),
    ("", "The cost of £5,000 is met from the community safety budget."),
    ("", "LEGAL IMPLICATIONS"),
    ("", "There are no legal implications."),
    ("", "EQUALITY IMPLICATIONS"),
    ("", "There are no equality implications."),
    ("", "Schedule of Background Papers"),
    ("", "None."),
    ("", "Public Access to Information"),
    ("", "This decision will be made available on the Commissioner's website."),
]

PCC_RECORD = [
    ("", "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR NORTHSHIRE"),
    ("", "DECISION MAKING RECORD"),
    ("row", "Decision number:", "2024/017"),
    ("row", "Title", "Drone pilot for the Rural Crime Team"),
    ("row", "Author and Job Role", "Priya Raman, Head of Commissioning"),
    ("row", "Protective Marking:", "OFFICIAL"),
    ("", "EXECUTIVE SUMMARY"),
    ("", "Rural communities asked for faster searches after thefts of machinery."),
    ("", "RECOMMENDATION"),
    ("", "That the Commissioner approves a grant of £48,500 for a twelve-month pilot."),
    ("", "I approve the recommendation(s)."),
    ("", "Signature: Sam Okafor"),
    ("", "Date: 12 March 2024"),
    ("", "AREAS OF CONSIDERATION"),
    ("bold", "Consultation"),
    ("", "The farmers' union and the parish councils were consulted."),
    ("bold", "Financial implications"),
    ("", "The grant is met from the Safer Communities Fund."),
    ("bold", "Legal"),
    ("", "The Commissioner may make crime and disorder reduction grants."),
    ("bold", "Risks"),
    ("", "If officers cannot be released for training, the pilot starts later."),
    ("bold", "Equality and diversity"),
    ("", "An equality impact assessment found no adverse impact."),
    ("bold", "Risks to human rights"),
    ("", "Flights follow the force's published drone policy."),
    ("bold", "Public access to information"),
    ("", "This form will be published on the Commissioner's website."),
]

COUNCIL_RECORD = [
    ("Title", "RECORD OF EXECUTIVE DECISION"),
    ("label", "Title:", "Eastgate leisure centre roof"),
    ("label", "Decision maker:", "Councillor Helen Marsh, Cabinet Member for Leisure"),
    ("label", "Contact officer:", "Daniel Price, Leisure Services"),
    ("Heading 1", "Decision"),
    ("", "To award the contract for replacing the roof of Eastgate Leisure Centre."),
    ("Heading 1", "Reasons for the decision"),
    ("", "The roof is at the end of its life."),
    ("Heading 1", "Alternative options considered and rejected"),
    ("", "Patch repairs only. Rejected: they would last two winters at most."),
    ("Heading 1", "Conflicts of interest declared"),
    ("", "None declared."),
    ("Heading 1", "Dispensations granted"),
    ("", "None."),
    ("Heading 1", "Implications"),
    ("Heading 2", "Financial implications"),
    ("", "The cost is within the approved budget."),
    ("Heading 2", "Legal implications"),
    ("", "The tender followed the contract procedure rules."),
    ("Heading 2", "Equality implications"),
    ("", "The centre stays open for all its users."),
    ("Heading 2", "Human rights implications"),
    ("", "There are no human rights implications."),
    ("Heading 2", "Risk management"),
    ("", "Work will be done when the centre is quiet."),
    ("Heading 2", "Consultation"),
    ("", "The centre's user forum was told of the timetable."),
    ("Heading 2", "Crime and disorder implications (section 17 Crime and Disorder Act 1998)"),
    ("", "Scaffolding will be alarmed and lit."),
    ("Heading 2", "Data protection implications"),
    ("", "No personal data is processed as a result of this decision."),
    ("Heading 2", "Climate change implications"),
    ("", "The new roof is insulated to current standards."),
    ("Heading 1", "Background papers"),
    ("", "Eastgate Leisure Centre roof condition survey, October 2023."),
    ("", "Cabinet Member for Leisure"),
    ("", "I confirm that I have made this decision."),
    ("", "Signature: Helen Marsh"),
    ("", "Date: 3 June 2024"),
]

# profile -> (the form, a required section to delete, a field to delete, a field to blank)
FORMS = {
    "wmpcc": (WMPCC_NOTICE, "LEGAL IMPLICATIONS", "Email:", "Telephone Number:"),
    # "Risks to human rights" stays: it must not stand in for the deleted "Risks".
    "pcc-decision-record": (PCC_RECORD, "Risks", "Author and Job Role", "Protective Marking:"),
    "council-executive-decision": (COUNCIL_RECORD, "Reasons for the decision", "Decision maker:", "Title:"),
}
PROFILES = list(FORMS)


def write_form(path: Path, items) -> Path:
    """Write a form as an officer would type it in Word (no template, no notice-builder)."""
    document = docx.Document()
    document.core_properties.title = "A decision"
    table = None
    for item in items:
        kind = item[0]
        if kind == "row":
            table = table or document.add_table(rows=0, cols=2)
            label, value = table.add_row().cells
            label.text, value.text = item[1], item[2]
            continue
        table = None
        paragraph = document.add_paragraph(style=None if kind in ("", "bold", "label") else kind)
        if kind == "label":
            paragraph.add_run(item[1]).bold = True
            if item[2]:
                paragraph.add_run(f" {item[2]}")
        else:
            paragraph.add_run(item[1]).bold = kind == "bold" or None
    document.save(path)
    return path


def _text(item) -> str:
    return item[1]


def without_section(items, heading: str):
    """The form without the section under `heading`: the heading and its paragraph of text."""
    start = next(i for i, item in enumerate(items) if _text(item) == heading)
    return items[:start] + items[start + 2 :]


def without_field(items, label: str):
    return [item for item in items if not (item[0] in ("label", "row") and item[1] == label)]


def with_value(items, label: str, value: str):
    return [
        (item[0], item[1], value) if item[0] in ("label", "row") and item[1] == label else item
        for item in items
    ]


def lint_form(tmp_path: Path, profile: str, items, name: str = "draft.docx"):
    return lint_docx(write_form(tmp_path / name, items), load_profile(profile))


def of(findings, *codes: str):
    return [f for f in findings if f.code in codes]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_complete_form_lints_clean_against_its_profile(tmp_path, profile):
    findings = lint_form(tmp_path, profile, FORMS[profile][0])
    assert of(findings, *PROFILE_RULES) == []
    assert [str(f) for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize("profile", PROFILES)
def test_a_deleted_section_is_reported_missing(tmp_path, profile):
    form, section, _, _ = FORMS[profile]
    findings = of(lint_form(tmp_path, profile, without_section(form, section)), "missing-heading")
    assert len(findings) == 1 and f'"{section}"' in findings[0].message


@pytest.mark.parametrize("profile", PROFILES)
def test_a_deleted_field_is_reported_missing(tmp_path, profile):
    form, _, field, _ = FORMS[profile]
    findings = of(lint_form(tmp_path, profile, without_field(form, field)), "missing-field")
    assert len(findings) == 1
    assert field.rstrip(":") in findings[0].message and "is missing" in findings[0].message


@pytest.mark.parametrize("blank", ["", "....."])
@pytest.mark.parametrize("profile", PROFILES)
def test_a_blank_field_is_reported_once_by_each_rule(tmp_path, profile, blank):
    """missing-field says a required field is blank; placeholder, independently, that a label has no value."""
    form, _, _, field = FORMS[profile]
    complete = {(f.code, f.message) for f in lint_form(tmp_path, profile, form, "complete.docx")}
    findings = lint_form(tmp_path, profile, with_value(form, field, blank))
    new = [f for f in findings if (f.code, f.message) not in complete]
    assert sorted(f.code for f in new) == ["missing-field", "placeholder"]
    [missing] = of(new, "missing-field")
    assert missing.message == f'"{field}" has no value'


def test_a_sub_section_is_named_with_its_grouping_heading(tmp_path):
    findings = of(lint_form(tmp_path, "pcc-decision-record", without_section(PCC_RECORD, "Legal")),
                  "missing-heading")
    assert [f.message for f in findings] == [
        'missing heading "Legal" under "Areas of consideration", required in the Decision Making Record'
    ]


def test_a_grouping_heading_typed_at_the_level_of_its_sub_sections_is_not_empty(tmp_path):
    styled_alike = [("Heading 1", item[1]) if item[0] == "bold" else item for item in PCC_RECORD]
    styled_alike[styled_alike.index(("", "AREAS OF CONSIDERATION"))] = ("Heading 1", "Areas of consideration")
    assert not of(lint_form(tmp_path, "pcc-decision-record", styled_alike), "empty-section", "heading-order")


def test_a_grouping_heading_with_nothing_under_it_is_empty(tmp_path):
    start = COUNCIL_RECORD.index(("Heading 2", "Financial implications"))
    end = COUNCIL_RECORD.index(("Heading 1", "Background papers"))
    form = COUNCIL_RECORD[:start] + COUNCIL_RECORD[end:]
    found = of(lint_form(tmp_path, "council-executive-decision", form), "empty-section")
    assert [f.message for f in found] == ['section "Implications" is empty']


def test_the_more_specific_heading_keeps_its_own_place_in_the_order(tmp_path):
    moved = without_section(PCC_RECORD, "Risks to human rights")
    at = moved.index(("bold", "Risks"))
    moved = [*moved[:at], ("bold", "Risks to human rights"), ("", "None."), *moved[at:]]
    [finding] = of(lint_form(tmp_path, "pcc-decision-record", moved), "heading-order")
    assert finding.message == (
        'heading "Risks to human rights" is out of order; the Decision Making Record puts it after "Risks"'
    )


def test_an_optional_field_is_not_required(tmp_path):
    form = without_field(PCC_RECORD, "Decision number:")
    assert not of(lint_form(tmp_path, "pcc-decision-record", form), "missing-field")


@pytest.mark.parametrize(
    ("text", "loose", "value"),
    [
        ("Protective Marking: OFFICIAL", False, "OFFICIAL"),
        ("PROTECTIVE  MARKING : OFFICIAL", False, "OFFICIAL"),
        ("protective marking:: OFFICIAL", False, "OFFICIAL"),
        ("Protective Marking OFFICIAL", True, "OFFICIAL"),
        ("Protective Marking OFFICIAL", False, None),
        ("Protective Marking.....", False, ""),
        ("Protective Marking: ____", False, ""),
        ("Protective Marking", False, ""),
        ("Protective Markings: x", False, None),
        ("The protective marking is OFFICIAL", True, None),
    ],
)
def test_a_label_is_read_whatever_its_case_spacing_and_colon(text, loose, value):
    assert field_value(text, "Protective Marking:", loose=loose) == value


# -- decision files ----------------------------------------------------------------------------
COUNCIL_EXAMPLE = EXAMPLES / "council-executive-decision.json"
PCC_EXAMPLE = EXAMPLES / "pcc-decision-record.json"


def test_a_council_decision_without_reasons_is_reported(tmp_path):
    data = example_data(COUNCIL_EXAMPLE)
    del data["notice"]["reasons"]
    path = tmp_path / "decision.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    findings = lint_file(path).findings
    assert any(f.code == "missing-heading" and '"Reasons for the decision"' in f.message for f in findings)
    assert any(f.code == "schema" and f.location.pointer in ("/notice", "/notice/reasons") for f in findings)


def test_a_blank_field_in_a_decision_is_reported_at_its_pointer():
    data = example_data(COUNCIL_EXAMPLE)
    data["title"] = ""
    findings = of(lint_decision(source_of(data), load_profile("council-executive-decision")),
                  "missing-field", "placeholder")
    assert [(f.code, f.message, f.location.pointer) for f in findings] == [
        ("missing-field", '"Title:" has no value', "/title"),
        ("placeholder", '"Title:" is a label with no value', "/title"),
    ]


def test_an_absent_field_in_a_decision_is_reported_at_its_nearest_parent():
    data = example_data(COUNCIL_EXAMPLE)
    del data["notice"]["contact_officer"]
    findings = lint_decision(source_of(data), load_profile("council-executive-decision"))
    [finding] = of(findings, "missing-field")
    assert '"Contact officer:" is missing' in finding.message
    assert finding.location.pointer == "/notice" and finding.location.line is not None


def test_a_final_record_without_its_signature_reports_the_fields_not_unsigned():
    data = example_data(PCC_EXAMPLE)
    assert data["status"] == "final"
    del data["notice"]["signature"]
    findings = lint_decision(source_of(data), load_profile("pcc-decision-record"))
    assert sorted(f.message.split(",")[0] for f in of(findings, "missing-field", "unsigned")) == [
        'the field "Date:" is missing',
        'the field "Signature:" is missing',
    ]


# -- a profile of the office's own -------------------------------------------------------------
def _own_profile(tmp_path: Path, name: str, change) -> Path:
    data = json.loads((_BUILTIN_PROFILES / f"{name}.json").read_text(encoding="utf-8"))
    change(data["documents"]["decision-record"])
    path = tmp_path / "office" / "profile.json"
    path.parent.mkdir()
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    shutil.copytree(_BUILTIN_PROFILES.parents[1] / "templates", path.parent / "templates")
    return path


def _rename_heading(document: dict) -> None:
    renamed = next(h for h in document["headings"] if h["id"] == "reasons")
    renamed.update(text="Why the decision was made", aliases=[])  # the office's only wording of it


def _rename_field(document: dict) -> None:
    renamed = next(f for f in document["fields"] if f["label"] == "Decision maker:")
    renamed.update(label="Cabinet Member:", aliases=[])  # the office's only wording of it


def test_renaming_a_profile_heading_changes_what_the_linter_requires(tmp_path):
    profile = load_profile(str(_own_profile(tmp_path, "council-executive-decision", _rename_heading)))
    findings = of(lint_docx(write_form(tmp_path / "draft.docx", COUNCIL_RECORD), profile), "missing-heading")
    assert [f.message for f in findings] == [
        'missing heading "Why the decision was made", required in the Record of Executive Decision'
    ]


def test_renaming_a_profile_field_changes_what_the_linter_requires(tmp_path):
    profile = load_profile(str(_own_profile(tmp_path, "council-executive-decision", _rename_field)))
    findings = of(lint_docx(write_form(tmp_path / "draft.docx", COUNCIL_RECORD), profile), "missing-field")
    assert len(findings) == 1 and '"Cabinet Member:" is missing' in findings[0].message


def test_notice_lint_checks_a_draft_against_the_profile_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    complete = write_form(tmp_path / "complete.docx", PCC_RECORD)
    blank = write_form(tmp_path / "blank.docx", with_value(PCC_RECORD, "Protective Marking:", ""))
    assert runner.invoke(main, ["lint", "--profile", "pcc-decision-record", str(complete)]).exit_code == 0
    result = runner.invoke(main, ["lint", "--profile", "pcc-decision-record", str(blank)])
    assert result.exit_code == 1 and 'missing-field "Protective Marking:" has no value' in result.output
    # Against the West Midlands form the same draft is missing that form's sections and fields.
    result = runner.invoke(main, ["lint", "--profile", "wmpcc", str(complete)])
    assert result.exit_code == 1 and "missing-heading" in result.output


def test_notice_lint_follows_a_profile_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    profile = _own_profile(tmp_path, "council-executive-decision", _rename_heading)
    draft = write_form(tmp_path / "draft.docx", COUNCIL_RECORD)
    result = CliRunner().invoke(main, ["lint", "--profile", str(profile), str(draft)])
    assert result.exit_code == 1 and '"Why the decision was made"' in result.output
