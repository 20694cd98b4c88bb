"""Messages written for a contact officer: JSON syntax errors, schema findings and the catalogue."""

from __future__ import annotations

import io
import zipfile

import pytest

from notice_builder.load import load_decision_file, parse_decision_text
from notice_builder.model.findings import NoticeBuilderError


def _syntax_finding(text: str):
    with pytest.raises(NoticeBuilderError) as caught:
        parse_decision_text(text, "d.json")
    [finding] = caught.value.findings
    assert finding.code == "json-syntax"
    return finding


@pytest.mark.parametrize("text,line,column,closing", [
    ('{\n  "status": "draft",\n  "title": "Grant",\n}\n', 3, 19, "}"),
    ('{"notice": {"background_papers": ["a", "b",\n  ]}}', 1, 43, "]"),
])
def test_a_trailing_comma_is_pointed_at_and_named(text, line, column, closing):
    finding = _syntax_finding(text)
    assert (finding.location.line, finding.location.column) == (line, column)
    assert text.splitlines()[line - 1][column - 1] == ","
    assert finding.message == f"Remove this comma: nothing follows it before the closing {closing}"
    assert "missing comma" not in finding.hint


def test_a_line_break_typed_inside_a_text_says_so_and_how_to_start_a_paragraph():
    finding = _syntax_finding('{"status": "draft",\n "notice": {"decision": "I approve.\nThe grant is"}}')
    assert finding.message == 'Remove the line break typed inside the text of "decision"'
    assert (finding.location.line, finding.location.column) == (2, 36)
    assert "\\n\\n" in finding.hint and "new paragraph" in finding.hint


@pytest.mark.parametrize("text,column", [
    ('{"title": \u201cGrant\u201d}', 11), ('{\u201ctitle\u201d: "Grant"}', 2),
])
def test_curly_quotes_pasted_from_word_are_named(text, column):
    finding = _syntax_finding(text)
    assert finding.message.startswith("Replace the curly quote \u201c with a straight quote \"")
    assert finding.location.column == column and "Word" in finding.hint


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def test_a_word_document_is_sent_to_notice_lint(tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(_docx_bytes())
    with pytest.raises(NoticeBuilderError) as caught:
        load_decision_file(path)
    [finding] = caught.value.findings
    assert finding.message == "This is a Word document, not a decision file (.json)"
    assert "notice lint" in finding.hint and "UTF-8" not in finding.hint


@pytest.mark.parametrize("command", ["validate", "build"])
def test_validate_and_build_send_a_word_document_to_notice_lint(run, tmp_path, command):
    path = tmp_path / "draft.docx"
    path.write_bytes(_docx_bytes())
    args = [command, path] + (["--out", tmp_path / "out"] if command == "build" else [])
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "This is a Word document" in result.output and "notice lint" in result.output
    assert "UTF-8" not in result.output


# --- The catalogue of schema messages -----------------------------------------------------------

BANNED = ("schema", "pointer", "enum", "string", "array", "object")
_SAMPLE_VALUES = {"options": "draft or final", "character": "U+000B (vertical tab) at character 3",
                  "limit": 2000, "entries": "entries", "key": "colour",
                  "given": "section 1 confidential mark"}


def _schemas():
    from notice_builder.profiles import builtin_profile_names, load_profile
    from notice_builder.validate import bundled_schema, decision_schema
    from notice_builder.validate.profile_schema import decision_schema_for

    for name in builtin_profile_names():
        yield decision_schema_for(decision_schema(), load_profile(name))
    yield from (bundled_schema(name) for name in ("decision", "meeting", "profile"))


def _field_paths(root: dict):
    """Every field path of a schema, a list's entries as index 0, through $ref."""
    from notice_builder.validate.messages import resolve

    stack: list[tuple[list, dict, int]] = [([], root, 0)]
    while stack:
        path, node, depth = stack.pop()
        yield path
        node = resolve(node, root)
        if depth > 8:
            continue
        for key, child in node.get("properties", {}).items():
            stack.append(([*path, key], child, depth + 1))
        if isinstance(node.get("items"), dict):
            stack.append(([*path, 0], node["items"], depth + 1))


def test_every_catalogue_message_for_every_field_is_plain_english_and_names_the_field():
    from notice_builder.validate.messages import MESSAGES, field_name, message

    checked = 0
    for root in _schemas():
        for path in _field_paths(root):
            name = field_name(path, root)
            assert not any(word in name.lower() for word in BANNED), (path, name)
            for entry in MESSAGES:
                text = message(entry, name, **_SAMPLE_VALUES)
                lowered = text.replace(name, "").lower()
                assert name in text, (entry, path, text)
                assert not any(word in lowered for word in BANNED), (entry, path, text)
                checked += 1
    assert checked > 1000


def _findings(data: dict):
    import json

    from notice_builder.pipeline import validate_decision
    from tests.conftest import source_of

    return validate_decision(source_of(json.loads(json.dumps(data))))


def test_findings_for_a_broken_decision_use_the_catalogue_and_keep_code_pointer_and_position():
    from tests.conftest import example_data

    data = example_data()
    data["status"] = "Draft"
    data["date"] = "16/07/2013"
    data["title"] = 5
    data["notice"]["implications"]["equality"] = " "
    del data["notice"]["decision"]
    messages = {f.location.pointer: f.message for f in _findings(data)}
    assert messages == {
        "/status": "Choose draft or final for the status",
        "/date": "Enter the decision date as a real date in the form 2013-07-16",
        "/title": "Enter the decision title as text in double quotes",
        "/notice/implications/equality": "Enter the equality implications",
        "/notice": "Enter the decision",
    }
    for finding in _findings(data):
        assert finding.code == "schema" and finding.location.line
        assert not any(word in finding.message.lower() for word in BANNED)


def test_the_hint_for_an_empty_implication_comes_from_that_implication():
    from tests.conftest import example_data

    data = example_data()
    data["notice"]["implications"]["equality"] = ""
    [finding] = _findings(data)
    assert finding.hint == 'where there is nothing to say, say so, e.g. "There are no equality implications."'


def test_an_empty_decision_gets_one_finding_per_missing_required_field():
    findings = _findings({})
    messages = [f.message for f in findings]
    assert len(messages) == len(set(messages)) > 15
    for expected in ("Choose draft or final for the status", "Enter the decision title", "Enter the decision",
                     "Enter the executive summary", "Enter the equality implications",
                     "Enter the contact officer email", "Enter the purpose"):
        assert expected in messages
    assert not any("notice" in m and "missing" in m for m in messages)
    assert {f.location.pointer for f in findings} == {""}


def test_a_starter_file_from_notice_new_is_told_each_field_to_fill(run, tmp_path):
    path = tmp_path / "decision.json"
    assert run("new", path).exit_code == 0
    result = run("validate", path)
    assert result.exit_code == 1
    assert "schema" in result.output  # the finding code, for tools
    lines = [line for line in result.output.splitlines() if ": schema " in line]
    assert len(lines) > 3, result.output
    for line in lines:
        text = line.split(": schema ", 1)[1].split(" (hint:")[0]
        assert text.startswith(("Enter the ", "Add the ", "Choose ")), line
