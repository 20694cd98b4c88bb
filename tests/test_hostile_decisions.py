"""Malformed and hostile decision files: a clear finding or a correct document, never a traceback or a hang.

Also: characters Word cannot hold are refused in every string the schema lets reach a document, and
a crash or Ctrl-C during a build leaves no file behind.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from collections.abc import Iterable

import pytest
from click.testing import CliRunner

from notice_builder import pipeline as build
from notice_builder.cli import main
from notice_builder.docx import atomic_files as package
from notice_builder.load import parse_decision_text
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import build_documents, render_documents, validate_decision
from notice_builder.profiles import load_profile
from notice_builder.validate import decision_schema, schema_validation
from notice_builder.validate.profile_schema import decision_schema_for
from tests.conftest import (
    EXAMPLES,
    FINAL_EXAMPLE,
    REFERENCE_EXAMPLE,
    SHORT_EXAMPLE,
    example_data,
    open_docx,
    source_of,
)

# Strings that never reach a document, so any character may be in them.
NOT_PRINTED = {"/$schema"}
FORBIDDEN = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\ud800": "lone surrogate",
             "\x1f": "U+001F", "\ufffe": "U+FFFE"}


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args])


def write(tmp_path, data, name="decision.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2), encoding="utf-8")
    return str(path)


# -- characters Word cannot hold, in every string property ----------------------------------------
def schema_string_places(schema: dict, root: dict, pointer: str = "") -> Iterable[str]:
    """Pointers (`*` for any array item) of every place the schema accepts a string."""
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    types = schema.get("type", [])
    if "string" in ([types] if isinstance(types, str) else types):
        yield pointer
    for key, sub in schema.get("properties", {}).items():
        yield from schema_string_places(sub, root, f"{pointer}/{key}")
    if "items" in schema:
        yield from schema_string_places(schema["items"], root, f"{pointer}/*")


def string_leaves(value, pointer: str = "", place: str = "") -> Iterable[tuple[str, str]]:
    """(JSON pointer, schema place) of every string in a decision."""
    if isinstance(value, str):
        yield pointer, place
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from string_leaves(item, f"{pointer}/{key}", f"{place}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from string_leaves(item, f"{pointer}/{index}", f"{place}/*")


def complete_decisions() -> list[dict]:
    """Two decisions that between them fill every string property: bodies as text, then as objects."""
    text = example_data(FINAL_EXAMPLE)
    text["organisation"]["office"] = "West Midlands Office for Policing and Crime"
    text["decision_maker"]["name"] = "Bob Jones"
    text["report"]["title"] = "Report title"
    text["report"]["annexes"] = [{"label": "A", "title": "Notice of Decision"}]
    notice = text["notice"]
    notice["declaration_of_interests"] = "I declare."
    notice["interests"] = "None."
    notice["public_access"] = "Published."
    notice["background_papers"] = ["A paper"]
    text["date"] = "2013-09-20"
    notice["author"] = {"name": "Jacky Courtney", "role": "Chief Executive"}
    for key in ("reasons", "alternative_options", "conflicts_of_interest", "dispensations"):
        notice[key] = f"The {key.replace('_', ' ')}."
    for key in ("human_rights", "risk", "consultation", "crime_and_disorder", "data_protection", "climate"):
        notice["implications"][key] = f"There are no {key.replace('_', ' ')} implications."
    notice["facts_and_advice"]["sections"] = [
        {"heading": "Open", "body": "Open text."},
        {"heading": "Closed", "body": "Closed text.", "confidential": True,
         "exemption": "Schedule 12A paragraph 3"}]
    notice["confidential_part"] = {"exemption": "Schedule 12A paragraph 3",
                                   "sections": [{"heading": "Part 2", "body": "Exempt."}, {
                                       "heading": "Part 2b", "body": "Exempt.", "confidential": True,
                                       "exemption": "Schedule 12A paragraph 1"}]}
    objects = json.loads(json.dumps(text))
    implications = objects["notice"]["implications"]
    for holder, key in ((objects["notice"]["facts_and_advice"], "summary"),
                        (objects["notice"], "reasons"), (objects["notice"], "alternative_options"),
                        *((implications, k) for k in implications)):
        holder[key] = {"text": holder[key], "confidential": True, "exemption": "Schedule 12A paragraph 5"}
    return [text, objects]


def test_the_complete_decisions_are_valid_and_fill_every_string_property():
    decisions = complete_decisions()
    assert [validate_decision(source_of(d)) for d in decisions] == [[], []]
    places = set(schema_string_places(decision_schema(), decision_schema()))
    filled = {place for d in decisions for _, place in string_leaves(d)}
    assert places - NOT_PRINTED - filled == set()


@pytest.mark.parametrize("char", FORBIDDEN, ids=FORBIDDEN.values())
def test_every_printed_string_refuses_characters_word_cannot_hold_and_names_field_and_character(char):
    missed = []
    for decision in complete_decisions():
        for pointer, place in string_leaves(decision):
            if place in NOT_PRINTED:
                continue
            data = json.loads(json.dumps(decision))
            parent = data
            *path, last = pointer.split("/")[1:]
            for token in path:
                parent = parent[int(token)] if isinstance(parent, list) else parent[token]
            key = int(last) if isinstance(parent, list) else last
            parent[key] = parent[key][:3] + char + parent[key][3:]
            findings = [f for f in validate_decision(source_of(data)) if f.location.pointer == pointer]
            named = [f for f in findings if FORBIDDEN[char] in f.message]
            # the reference, an annex label and the status have a fixed form that excludes the character
            is_pattern = any("in the correct format" in f.message or f.message.startswith("Choose ")
                             for f in findings)
            if not (named or is_pattern):
                missed.append((pointer, [f.message for f in findings]))
    assert missed == []


def test_a_lone_surrogate_escape_in_the_file_is_reported_by_the_cli(run, tmp_path):
    text = SHORT_EXAMPLE.read_text(encoding="utf-8").replace('"title": "', '"title": "\\ud800', 1)
    result = run("build", write(tmp_path, text), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "/title" in result.output and "lone surrogate" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("key,message", [("\ud800", "lone surrogate"), ("\x00", "or correct its name"),
                                         ("colour\x1b[31m", "or correct its name")])
def test_unknown_keys_with_control_characters_are_reported_without_a_traceback(run, tmp_path, key, message):
    data = example_data()
    data["notice"][key] = 1
    result = run("validate", write(tmp_path, json.dumps(data)))
    assert result.exit_code == 1 and message in result.output
    assert isinstance(result.exception, SystemExit)


# -- malformed decisions -------------------------------------------------------------------------
def test_truncated_json_is_a_syntax_finding_with_line_and_column(run, tmp_path):
    text = REFERENCE_EXAMPLE.read_text(encoding="utf-8")
    result = run("build", write(tmp_path, text[: len(text) // 2]), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "json-syntax" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("pointer,value,message", [
    ("/title", 5, "Enter the decision title as text in double quotes"),
    ("/notice", [], "Enter the notice as a group of fields in braces { }"),
    ("/report/purpose", "one paragraph",
     "Enter the purpose as a list in square brackets [ ], one entry each"),
    ("/notice/implications/legal", 5,
     "Enter the legal implications as text in double quotes, "
     "or as confidential text with its exemption ground"),
    ("/meeting/date", 20130716, "Enter the meeting date as text in double quotes"),
    ("/notice/background_papers", {"a": 1},
     "Enter the background papers as a list in square brackets [ ], one entry each"),
])
def test_wrong_types_are_validation_findings(pointer, value, message):
    data = example_data()
    parent = data
    *path, last = pointer.split("/")[1:]
    for token in path:
        parent = parent[token]
    parent[last] = value
    findings = validate_decision(source_of(data))
    assert any(f.location.pointer == pointer and message in f.message for f in findings), findings


@pytest.mark.parametrize("document", ["[]", '"decision"', "null", "5"])
def test_a_file_that_is_not_a_json_object_is_a_finding(run, tmp_path, document):
    result = run("build", write(tmp_path, document), "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Enter the decision as a group of fields in braces { }" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_ten_megabyte_string_is_too_long_not_a_hang(run, tmp_path):
    data = example_data()
    data["notice"]["decision"] = "I approve. " * (10 * 1024 * 1024 // 11)
    result = run("build", write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "too-large the decision is" in result.output and "the limit is 2000000" in result.output


def test_ten_thousand_numbered_paragraphs_are_too_many():
    data = example_data()
    data["report"]["purpose"] = ["A paragraph."] * 10_000
    [finding] = validate_decision(source_of(data))
    assert finding.location.pointer == "/report/purpose" and finding.code == "too-large"
    assert "has 10000 items; the limit is 2000" in finding.message


def test_ten_thousand_paragraphs_in_one_body_render_correctly():
    data = example_data()
    data["notice"]["facts_and_advice"]["summary"] = "\n\n".join(f"Paragraph {i}." for i in range(10_000))
    notice = open_docx(render_documents(source_of(data))["notice"])
    texts = {p.text for p in notice.paragraphs}
    assert {"Paragraph 0.", "Paragraph 5000.", "Paragraph 9999."} <= texts


@pytest.mark.parametrize("markdown,renders", [
    ("> " * 1000 + "deep", False),
    ("- " * 1000 + "deep", False),
    ("1. " * 1000 + "deep", False),
    ("".join(f"{'  ' * i}- level {i}\n" for i in range(200)) + "deep", False),
    ("- " * 15 + "deep", True),
    ("*" * 1000 + "deep" + "*" * 1000, True),
    ("[" * 1000 + "deep" + "](https://example.org)" * 1000, True),
], ids=["quotes", "bullets", "numbers", "indented", "fifteen-levels", "emphasis", "links"])
def test_markdown_nested_a_thousand_deep_is_refused_or_rendered_never_silently_cut(markdown, renders):
    data = example_data()
    data["notice"]["decision"] = markdown
    if not renders:
        with pytest.raises(NoticeBuilderError) as caught:
            render_documents(source_of(data))
        assert caught.value.findings[0].code == "markdown-too-deep"
        return
    notice = open_docx(render_documents(source_of(data))["notice"])
    assert any("deep" in p.text for p in notice.paragraphs)
    levels = [int(v) for v in re.findall(r'<w:ilvl w:val="(\d+)"/>', notice.element.xml)]
    assert max(levels, default=0) <= 8  # Word numbering has nine levels, 0 to 8


@pytest.mark.parametrize("depth", [100_000, 990])
def test_json_nested_very_deep_is_a_finding_not_a_recursion_error(run, tmp_path, depth):
    data = example_data()
    text = json.dumps(data).replace('"status": "draft"', '"status": ' + "[" * depth + "]" * depth, 1)
    result = run("build", write(tmp_path, text), "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_unknown_properties_are_named_with_a_suggestion():
    data = example_data()
    data["colour"] = "blue"
    data["notice"]["excutive_summary"] = "x"
    findings = validate_decision(source_of(data))
    assert {f.location.pointer for f in findings if "or correct its name" in f.message} == {
        "/colour", "/notice/excutive_summary"}


@pytest.mark.parametrize("profile,message", [("../../etc/passwd", "Enter the profile in the correct format"),
                                             ("/etc/passwd.json", "Enter the profile in the correct format"),
                                             ("nosuchoffice", "no built-in profile")])
def test_a_decision_can_name_only_a_built_in_profile(run, tmp_path, profile, message):
    data = example_data()
    data["profile"] = profile
    result = run("build", write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 1 and message in result.output
    assert isinstance(result.exception, SystemExit)


# -- write safety --------------------------------------------------------------------------------
def test_a_crash_while_rendering_leaves_no_file(tmp_path, monkeypatch):
    real = dict(build.RENDER_ENGINES)

    def crash_on_notice(decision, profile, kind, **kwargs):
        if kind == "notice":
            raise RuntimeError("renderer crashed")
        return real["compiled"](decision, profile, kind, **kwargs)

    monkeypatch.setitem(build.RENDER_ENGINES, "compiled", crash_on_notice)
    with pytest.raises(RuntimeError):
        build_documents(FINAL_EXAMPLE, tmp_path / "out")
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_ctrl_c_while_rendering_exits_130_and_leaves_no_file(run, tmp_path, monkeypatch):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setitem(build.RENDER_ENGINES, "compiled", interrupted)
    result = run("build", FINAL_EXAMPLE, "-o", tmp_path / "out")
    assert result.exit_code == 130
    assert not (tmp_path / "out").exists() or os.listdir(tmp_path / "out") == []


def test_a_crash_while_writing_leaves_no_temporary_or_partial_file(tmp_path, monkeypatch):
    calls = []
    real_fsync = package.os.fsync

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(package.os, "fsync", failing_fsync)
    with pytest.raises(NoticeBuilderError, match="the disk is full"):  # a finding, not a traceback
        build_documents(FINAL_EXAMPLE, tmp_path)
    for path in tmp_path.iterdir():
        assert not path.name.startswith("."), path
        open_docx(path.read_bytes())  # whatever is there is a whole document


def test_an_existing_final_notice_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "WMPCC-012-2013-notice.docx"
    target.write_bytes(b"signed and published")
    with pytest.raises(NoticeBuilderError) as caught:
        build_documents(FINAL_EXAMPLE, tmp_path)
    assert [f.code for f in caught.value.findings] == ["output-exists"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert target.read_bytes() == b"signed and published"
    build_documents(FINAL_EXAMPLE, tmp_path, force=True)
    assert target.read_bytes().startswith(b"PK")


def test_parse_errors_carry_positions_even_for_deep_nesting():
    with pytest.raises(NoticeBuilderError) as caught:
        parse_decision_text("[" * 100_000, "deep.json")
    assert caught.value.findings[0].code == "json-syntax"


# -- every hostile value in every kind of field ------------------------------------------------------
# Where validators are known to stumble: Python's \s takes U+001C-U+001F and U+0085 for space; Python's $
# matches before a final newline; datetime refuses year 0 and non-ASCII digits; a lone surrogate is not
# UTF-8; Word cannot hold C0 controls.
SPACES = [chr(code) for code in range(0x110000) if chr(code).isspace()]  # what Python's \s matches
HOSTILE_TEXT = [
    *SPACES, "", " \x1f ", "\x85\x1c", " \x85 ", "\x85\u3000", "\r\n", "\ufeff", "\u200b", "\u180e", "\x00",
    "a\x00", "Grant\x0b2013", "\x0c", "A \ud800 B", "\udfff", "\ufffe", "text\n", "\ntext", "é", "x" * 2001,
    "x" * 200001, "٣", "\U0001f600",
]
HOSTILE_DATES = [
    "2013-02-30", "2013-02-29", "1900-02-29", "2000-02-29", "2012-02-29", "0000-01-01", "0001-01-01",
    "9999-12-31", "2013-07-16\n", "\n2013-07-16", " 2013-07-16", "２０１３-07-16", "٢٠١٣-٠٧-١٦", "2013-7-16",
    "20130716", "2013-07-16T00:00:00", "2013-13-01", "2013-00-10", "2013-07-00", "2013-W29-2", "+2013-07-16",
]
HOSTILE_REFERENCES = [
    "WMPCC 005/2013\n", "WMPCC 005/2013 ", "\nWMPCC 005/2013", "WMPCC 005/2013\x00", "WMPCC ٠٠٥/2013",
    "WMPCC 005/２０１３", "wmpcc 005/2013", "WMPCC 5/2013", "WMPCC 0005/2013", "ABC 1/2013\n",
    "ABC 12345/2013", "CED/2013/001\n", "PCC-DMR 001/2013\n",
]
HOSTILE_CONTACTS = [
    "0121 626 6060\n", "0121 626 6060\x00", "0121 626 6060\x0b", "0121 626", "+44 121 626 6060",
    "٠١٢١ ٦٢٦ ٦٠٦٠", "a@b.co\n", "j.courtney@", "a..b@c.uk", "é@b.uk", "a@b.c", "a@-b.uk",
]
HOSTILE_NAMES = ["x.json\n", "x.json", "5\n", "5a", "wmpcc\n", "/a/b\n", "{seq}\n", "WMPCC {seq}/{year}\n"]
ALL_HOSTILE = HOSTILE_TEXT + HOSTILE_DATES + HOSTILE_REFERENCES + HOSTILE_CONTACTS + HOSTILE_NAMES

# One field of each kind: free strings, enums, patterns, formats, lines, Markdown and exempt bodies.
DECISION_FIELDS = [
    "/$schema", "/profile", "/status", "/reference", "/title", "/meeting/date", "/report/purpose/0",
    "/report/annexes/0/label", "/notice/contact_officer/telephone", "/notice/contact_officer/email",
    "/notice/decision", "/notice/signature/date", "/notice/implications/legal",
    "/notice/implications/equality/text", "/notice/implications/equality/exemption",
    "/notice/facts_and_advice/sections/0/heading", "/notice/background_papers/0",
]
MEETING_FIELDS = ["/$schema", "/name", "/date", "/venue", "/agenda/0/item", "/agenda/0/decision"]


def _put(document, pointer: str, value) -> None:
    *parents, last = pointer.strip("/").split("/")
    holder = functools.reduce(lambda node, token: node[int(token) if isinstance(node, list) else token],
                              parents, document)
    holder[int(last) if isinstance(holder, list) else last] = value


def _base_decision() -> dict:
    """The final example with one implication exempt, so that every kind of field is in it."""
    data = example_data(FINAL_EXAMPLE)
    implications = data["notice"]["implications"]
    implications["equality"] = {"text": implications["equality"], "confidential": True,
                                "exemption": "Schedule 12A paragraph 3"}
    return data


@pytest.mark.parametrize("schema_name", ["decision", "meeting"])
def test_every_hostile_value_in_every_kind_of_field_gets_the_findings_of_a_fresh_validator(schema_name):
    """Exhaustive: each hostile value, alone, in each kind of field, is checked without a traceback, and
    the validator built once and reused finds what one built for this document alone finds."""
    profile = load_profile("wmpcc")
    if schema_name == "decision":
        base, fields = _base_decision(), DECISION_FIELDS
        check = functools.partial(schema_validation.validate_decision, profile=profile)
        fresh = schema_validation.new_validator(decision_schema_for(decision_schema(), profile))
    else:
        base = json.loads((EXAMPLES / "meeting-2013-07-16" / "meeting.json").read_text(encoding="utf-8"))
        fields, check = MEETING_FIELDS, functools.partial(schema_validation.validate_against, "meeting")
        fresh = schema_validation.new_validator(schema_validation.bundled_schema("meeting"))
    for pointer in fields:
        for hostile in ALL_HOSTILE:
            document = copy.deepcopy(base)
            _put(document, pointer, hostile)
            source = source_of(document)
            assert check(source=source) == schema_validation.explain_errors(fresh, source), (
                f"{pointer} = {hostile!r}")
