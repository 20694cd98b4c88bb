"""The decision schema and its validator: every error at once, each with its place and a fix."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from notice_builder.load import load_decision_file, parse_decision_text
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import validate_decision
from notice_builder.validate import bundled_schema, decision_schema
from tests.conftest import ALL_EXAMPLES, FINAL_EXAMPLE, example_data, source_of


def _properties(schema: dict, path: str = ""):
    """Every property schema in the decision schema, with where it is."""
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}/{name}", sub
        yield from _properties(sub, f"{path}/{name}")
        yield from _properties(sub.get("items", {}), f"{path}/{name}/items")
    for name, sub in schema.get("$defs", {}).items():
        yield from _properties(sub, f"$defs/{name}")


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(decision_schema())
    assert decision_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", ["decision", "meeting", "profile"])
def test_every_bundled_schema_is_valid_draft_2020_12(name):
    """Checked here, not at every start: the validators are built from them as they are."""
    Draft202012Validator.check_schema(bundled_schema(name))


def test_every_property_has_a_description():
    missing = [path for path, sub in _properties(decision_schema()) if "description" not in sub]
    assert missing == []


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid(path):
    assert validate_decision(load_decision_file(path)) == []


def test_all_errors_are_reported_at_once_with_line_column_and_pointer():
    data = example_data()
    data["notice"]["contact_officer"]["email"] = "j.courtney@"
    data["notice"]["contact_officer"]["telephone"] = "0121 626"
    data["notice"]["implications"]["legal"] = ""
    findings = validate_decision(source_of(data))
    pointers = {f.location.pointer for f in findings}
    assert pointers == {"/notice/contact_officer/email", "/notice/contact_officer/telephone",
                        "/notice/implications/legal"}
    email = next(f for f in findings if f.location.pointer.endswith("email"))
    assert email.location.line and email.location.column
    assert "Enter the contact officer email in the correct format, like name@example.com" in str(email)
    assert str(email).startswith(f"decision.json:{email.location.line}:{email.location.column} ")


def test_error_line_points_at_the_offending_value():
    text = json.dumps(example_data(), indent=2).replace('"draft"', '"drafty"')
    source = parse_decision_text(text, "d.json")
    [finding] = validate_decision(source)
    line = text.splitlines()[finding.location.line - 1]
    assert '"drafty"' in line[finding.location.column - 1:]
    assert finding.hint


@pytest.mark.parametrize("implication", ["financial", "legal", "equality"])
def test_each_implication_is_required(implication):
    data = example_data()
    del data["notice"]["implications"][implication]
    [finding] = validate_decision(source_of(data))
    assert finding.message == f"Enter the {implication} implications"
    assert finding.location.pointer == "/notice/implications"


@pytest.mark.parametrize("empty", ["", "   ", "\n\n"])
def test_an_empty_implication_is_an_error_but_a_none_statement_is_content(empty):
    data = example_data()
    data["notice"]["implications"]["equality"] = empty
    [finding] = validate_decision(source_of(data))
    assert finding.message == "Enter the equality implications"
    data["notice"]["implications"]["equality"] = "There are no equality implications."
    assert validate_decision(source_of(data)) == []


def test_final_decision_needs_reference_and_signature():
    data = example_data()
    data["status"] = "final"
    messages = {f.location.pointer: f.message for f in validate_decision(source_of(data))}
    assert "Enter the reference" in messages[""]
    assert "Enter the signature" in messages["/notice"]


def test_draft_may_lack_reference_and_signature():
    data = example_data()
    data.pop("reference", None)
    data["notice"].pop("signature", None)
    assert validate_decision(source_of(data)) == []


@pytest.mark.parametrize("reference", ["WMPCC 0XX/2013", "005/2013", "WMPCC 5-2013", "wmpcc 005/2013"])
def test_reference_must_follow_the_pattern(reference):
    data = example_data()
    data["reference"] = reference
    [finding] = validate_decision(source_of(data))
    assert finding.location.pointer == "/reference"
    assert "WMPCC 005/2013" in finding.hint


@pytest.mark.parametrize("telephone", ["0121 626 6060", "+44 121 626 6060", "01216266060"])
def test_full_uk_telephone_numbers_are_accepted(telephone):
    data = example_data()
    data["notice"]["contact_officer"]["telephone"] = telephone
    assert validate_decision(source_of(data)) == []


@pytest.mark.parametrize("email", ["a@b", "@west-midlands.pnn.police.uk", "a b@c.uk", "a@@c.uk"])
def test_malformed_email_is_rejected(email):
    data = example_data()
    data["notice"]["contact_officer"]["email"] = email
    [finding] = validate_decision(source_of(data))
    assert "Enter the contact officer email in the correct format" in finding.message


def test_unknown_field_gets_a_did_you_mean():
    data = example_data()
    data["notice"]["excutive_summary"] = data["notice"].pop("executive_summary")
    findings = validate_decision(source_of(data))
    unknown = next(f for f in findings if "or correct its name" in f.message)
    assert unknown.location.pointer == "/notice/excutive_summary"
    assert unknown.hint == "did you mean 'executive_summary'?"


@pytest.mark.parametrize("char,name", [("\x0b", "vertical tab"), ("\x0c", "form feed"), ("\x00", "NUL")])
def test_characters_word_cannot_hold_are_named(char, name):
    data = example_data()
    data["notice"]["decision"] = f"I approve{char} the grant."
    [finding] = validate_decision(source_of(data))
    assert finding.location.pointer == "/notice/decision"
    assert name in finding.message and "character 10" in finding.message


def test_malformed_json_reports_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "status": "draft",\n  "title": "x"\n  "reference": 1\n}\n')
    with pytest.raises(NoticeBuilderError) as caught:
        load_decision_file(path)
    [finding] = caught.value.findings
    assert (finding.location.line, finding.location.column) == (4, 3)
    assert str(finding).startswith(f"{path}:4:3: json-syntax")


def test_a_key_written_twice_is_an_error_not_silently_dropped():
    text = '{"status": "draft",\n "title": "a",\n "title": "b"}'
    with pytest.raises(NoticeBuilderError) as caught:
        parse_decision_text(text, "twice.json")
    [finding] = caught.value.findings
    assert finding.code == "duplicate-key" and "'title'" in finding.message
    assert finding.location.line == 3  # the second, duplicate entry


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "£5"}'.encode("latin-1"))
    with pytest.raises(NoticeBuilderError) as caught:
        load_decision_file(path)
    assert "not UTF-8" in caught.value.findings[0].message


# -- corners of `pattern` and `format` (JSON Schema reads `$` as ECMA-262 does; see validate/patterns.py)
def test_a_reference_ending_in_a_newline_is_refused_as_json_schema_reads_dollar():
    """Python's own `$` also matches before a final newline; JSON Schema's (ECMA-262) does not, and
    the validator searches patterns that way (patterns.pattern_search)."""
    data = example_data(FINAL_EXAMPLE)
    data["reference"] = "WMPCC 012/2013\n"
    findings = validate_decision(source_of(data))
    assert [f.message for f in findings] == ["Enter the reference in the correct format"]


def test_a_reference_with_other_trailing_characters_is_refused():
    data = example_data(FINAL_EXAMPLE)
    data["reference"] = "WMPCC 012/2013\n\n"
    findings = validate_decision(source_of(data))
    assert [f.message for f in findings] == ["Enter the reference in the correct format"]


@pytest.mark.parametrize("where", ["plain", "exempt"])
def test_a_body_of_an_information_separator_is_empty_and_cannot_go_into_word(where):
    data = example_data()
    implications = data["notice"]["implications"]
    implications["legal"] = "\x1c" if where == "plain" else {
        "text": "\x1c", "confidential": True, "exemption": "Schedule 12A paragraph 3"}
    findings = validate_decision(source_of(data))
    field = "legal implications" if where == "plain" else "legal implications text"
    assert sorted(f.message for f in findings) == [
        f"Enter the {field}",
        f"Remove the character U+001C at character 1 from the {field}: Word documents cannot hold it"]


def test_a_title_of_a_next_line_character_is_empty():
    """U+0085 is space to Python's \\S; Word can hold it, so only the pattern refuses it."""
    data = example_data()
    data["title"] = "\x85"
    findings = validate_decision(source_of(data))
    assert [(f.location.pointer, f.message) for f in findings] == [("/title", "Enter the decision title")]


@pytest.mark.parametrize("date", ["0000-01-01", "2013-02-30", "2013-02-29", "٢٠١٣-٠٧-١٦", "2013-07-16\n"])
def test_an_impossible_date_is_refused(date):
    data = example_data()
    data["meeting"]["date"] = date
    findings = validate_decision(source_of(data))
    assert [f.message for f in findings] == ["Enter the meeting date as a real date in the form 2013-07-16"]


@pytest.mark.parametrize("value", ["A \ud800 B", 10**30, 2**64, float("inf"), float("nan")])
def test_a_lone_surrogate_or_a_value_of_the_wrong_type_is_one_finding(value):
    data = example_data()
    data["title"] = value
    assert len(validate_decision(source_of(data))) == 1
