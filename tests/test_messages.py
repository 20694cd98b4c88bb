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
