"""Read a decision JSON file into data plus the positions needed to point at errors."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notice_builder.load.json_positions import JsonPositions, escape_pointer_token
from notice_builder.model.findings import Finding, Location, NoticeBuilderError
from notice_builder.model.limits import MAX_JSON_FILE_BYTES, MAX_NUMBER_CHARACTERS

_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON string (skipped) or a number token: used to find where an over-long number is.
_STRING_OR_NUMBER = re.compile(r'"(?:[^"\\]|\\.)*"|(-?\d[\d.eE+-]*)')


class NotARegularFile(OSError):
    """The path names a device, a pipe, a folder or another thing that is not an ordinary file."""


def read_regular_file(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), refusing anything else or more.

    A device such as /dev/zero, a pipe or a folder raises NotARegularFile without being read (a pipe is
    opened without blocking); a file of more than `max_bytes` raises FileTooLarge, however it grows.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotARegularFile(f"{path} is not a regular file")
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since it was checked
            raise NotARegularFile(f"{path} is not a regular file")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileTooLarge(max_bytes)
    return data


class FileTooLarge(OSError):
    """The file holds more than the cap given to read_regular_file."""

    def __init__(self, max_bytes: int):
        super().__init__(f"larger than {max_bytes} bytes")
        self.max_bytes = max_bytes


class _NumberTooLong(ValueError):
    def __init__(self, literal: str):
        super().__init__(literal)
        self.literal = literal


def _bounded_number(convert):
    def parse(literal: str):
        if len(literal) > MAX_NUMBER_CHARACTERS:
            raise _NumberTooLong(literal)
        return convert(literal)
    return parse


_PARSE_INT = _bounded_number(int)
_PARSE_FLOAT = _bounded_number(float)


def loads_bounded(text: str, **hooks: Any) -> Any:
    """json.loads with numbers longer than MAX_NUMBER_CHARACTERS refused (raises _NumberTooLong)."""
    return json.loads(text, parse_int=_PARSE_INT, parse_float=_PARSE_FLOAT, **hooks)


def printable(text: str) -> str:
    """`text` with lone surrogates written as \\udxxx, so it can be printed and written as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class DecisionSource:
    """A parsed decision file: its data, where it came from, and where each value sits in it."""

    path: str
    data: Any
    text: str = ""
    positions: JsonPositions = field(init=False)

    def __post_init__(self) -> None:
        self.positions = JsonPositions(self.text)

    def location(self, pointer: str, *, key: bool = False) -> Location:
        """A Location for a JSON pointer, with the line and column of the value (or nearest parent)."""
        found = self.positions.line_column(pointer, key=key) or self.positions.nearest(pointer)
        if found is None:
            return Location(pointer=pointer)
        return Location(line=found[0], column=found[1], pointer=pointer)


class _DuplicateKeys:
    """object_pairs_hook that records keys written twice in one object, which json silently drops."""

    def __init__(self) -> None:
        self.duplicates: list[tuple[str, list[str]]] = []
        self.surrogate_keys = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        result: dict = {}
        for key, value in pairs:
            if not self.surrogate_keys and _SURROGATE.search(key):
                self.surrogate_keys = True
            if key in result:
                self.duplicates.append((key, list(result)))
            result[key] = value
        return result


_CURLY_QUOTES = {"\u201c": "“", "\u201d": "”", "\u2018": "‘", "\u2019": "’"}
# The field whose text is still open at an error: "key": "text... (searched up to the error).
_OPEN_TEXT_KEY = re.compile(r'"((?:[^"\\\n]|\\.){1,80})"\s*:\s*"(?:[^"\\\n]|\\.)*$')
_NEW_PARAGRAPH_HINT = ('keep each text on one line in the file: write \\n\\n where a new paragraph starts, '
                       'e.g. "First paragraph.\\n\\nSecond paragraph." (a single \\n breaks the line)')


def _line_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _explain_syntax(text: str, exc: json.JSONDecodeError) -> tuple[int, str, str]:
    """(position, message, hint) for a JSON syntax error, in words a contact officer can act on."""
    position, doc = exc.pos, exc.doc or text
    here = doc[position] if position < len(doc) else ""
    before = len(doc[:position].rstrip())
    if here in "}]" and here and before and doc[before - 1] == ",":
        closing = "}" if here == "}" else "]"
        return before - 1, f"Remove this comma: nothing follows it before the closing {closing}", (
            "a comma goes only between two entries, never after the last one")
    if exc.msg.startswith("Invalid control character"):
        key = _OPEN_TEXT_KEY.search(doc, max(0, position - 2000), position)
        of = f"the text of \"{key.group(1)}\"" if key else "this text"
        if here in "\r\n":
            return position, f"Remove the line break typed inside {of}", _NEW_PARAGRAPH_HINT
        if here == "\t":
            return position, f"Remove the tab typed inside {of}", "write a space instead, or \\t"
        return position, f"Remove the control character U+{ord(here):04X} from {of}", (
            "it usually comes from copying and pasting out of Word or a PDF")
    if here in _CURLY_QUOTES:
        return position, (f"Replace the curly quote {here} with a straight quote \": text and field names "
                          "are marked with straight double quotes"), (
            "curly quotes come from pasting out of Word; inside a text they may stay as they are")
    if not doc.strip():
        return position, "The file is empty: write the decision in it, starting with {", (
            "run `notice new` for a starter decision file to fill in")
    if exc.msg == "Expecting ',' delimiter":
        return position, "Add a comma between the entry before this point and this one", (
            "each field, and each item of a list, is separated from the next by a comma")
    if exc.msg == "Expecting ':' delimiter":
        return position, "Add a colon between the field name and its value", 'e.g. "title": "..."'
    if exc.msg.startswith("Unterminated string"):
        return position, "Close this text with a straight double quote \"", (
            "a text starts and ends with \"; a \" inside the text is written \\\"")
    if exc.msg == "Extra data":
        return position, "Remove what follows the decision's closing }", (
            "a decision file holds one decision, between one { and its }")
    if exc.msg.startswith("Expecting property name"):
        return position, "Write a field name in straight double quotes here", (
            'e.g. "title": "...", or remove a stray comma or character before this point')
    return position, "Write a value here: a text in straight double quotes, a number, true, false, or { }", (
        "check for a missing comma, quote or bracket just before this point")


def _syntax_error(path: str, exc: json.JSONDecodeError, text: str = "") -> Finding:
    position, message, hint = _explain_syntax(text, exc)
    line, column = _line_column(exc.doc or text, position)
    return Finding(code="json-syntax", message=message, path=path,
                   location=Location(line=line, column=column), hint=hint)


def _find_duplicate_pointers(data: Any, key: str, siblings: list[str], prefix: str = "") -> str:
    """Best-effort pointer of the object holding a duplicated key (for the error's location)."""
    if isinstance(data, dict):
        if key in data and all(s in data for s in siblings):
            return f"{prefix}/{escape_pointer_token(key)}"
        for k, v in data.items():
            found = _find_duplicate_pointers(v, key, siblings, f"{prefix}/{escape_pointer_token(k)}")
            if found:
                return found
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found = _find_duplicate_pointers(v, key, siblings, f"{prefix}/{i}")
            if found:
                return found
    return ""


def _number_too_long(text: str, path: str, literal: str) -> Finding:
    """The finding for the first number longer than the cap, at its line and column."""
    line = column = None
    for match in _STRING_OR_NUMBER.finditer(text):
        if match.group(1) is not None and len(match.group(1)) > MAX_NUMBER_CHARACTERS:
            line = text.count("\n", 0, match.start(1)) + 1
            column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            break
    return Finding(
        code="number-too-long",
        message=f"a number is {len(literal):,} characters long; a decision's numbers may have at most "
                f"{MAX_NUMBER_CHARACTERS}",
        path=path, location=Location(line=line, column=column),
        hint="write it as text in quotes if it is an identifier, or check the file is the right one",
    )


def _surrogate_key_findings(source: DecisionSource) -> list[Finding]:
    """A finding for each field name holding a lone surrogate, named with the surrogate escaped."""
    findings: list[Finding] = []
    stack: list[tuple[str, Any]] = [("", source.data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                child_pointer = f"{pointer}/{escape_pointer_token(key)}"
                if (match := _SURROGATE.search(key)) is not None:
                    location = source.location(child_pointer, key=True)
                    findings.append(Finding(
                        code="lone-surrogate",
                        message=f"the field name '{printable(key)}' holds a lone surrogate "
                                f"(U+{ord(match.group()):04X}), which no document can hold",
                        path=source.path,
                        location=Location(line=location.line, column=location.column,
                                          pointer=printable(child_pointer)),
                        hint="retype the field name; a \\ud800-\\udfff escape must come in a valid pair",
                    ))
                stack.append((child_pointer, child))
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{index}", item) for index, item in enumerate(value))
    return sorted(findings, key=lambda f: (f.location.line or 0, f.location.column or 0))


def parse_decision_text(text: str, path: str = "<decision>") -> DecisionSource:
    """Parse decision JSON text; raise NoticeBuilderError with line and column on bad syntax.

    Refused here, before anything else sees them: numbers longer than MAX_NUMBER_CHARACTERS and field
    names holding a lone surrogate (values holding one are named by validation).
    """
    hook = _DuplicateKeys()
    try:
        data = loads_bounded(text, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        raise NoticeBuilderError([_syntax_error(path, exc, text)]) from None
    except _NumberTooLong as exc:
        raise NoticeBuilderError([_number_too_long(text, path, exc.literal)]) from None
    except RecursionError:
        raise NoticeBuilderError([Finding(
            code="json-syntax", message="the JSON is nested too deeply to read", path=path,
            hint="a decision needs only a few levels of nesting; check for runaway brackets",
        )]) from None
    source = DecisionSource(path=path, data=data, text=text)
    if hook.surrogate_keys:
        raise NoticeBuilderError(_surrogate_key_findings(source))
    if hook.duplicates:
        findings = []
        for key, siblings in hook.duplicates:
            pointer = _find_duplicate_pointers(data, key, siblings)
            findings.append(Finding(
                code="duplicate-key",
                message=f"the field '{key}' is written twice in one object; only the last is kept",
                path=path,
                location=source.location(pointer, key=True) if pointer else Location(),
                hint=f"merge the two '{key}' entries into one",
            ))
        raise NoticeBuilderError(findings)
    return source


def load_decision_file(path: str | Path) -> DecisionSource:
    """Read and parse a decision file, turning every I/O or syntax problem into a Finding."""
    name = str(path)
    try:
        raw = read_regular_file(path, MAX_JSON_FILE_BYTES)
    except NotARegularFile:
        raise NoticeBuilderError([Finding(
            code="not-a-file", message="this is not a regular file (a device, pipe or folder); not read",
            path=name, hint="give the path of a decision's .json file",
        )]) from None
    except FileTooLarge:
        raise NoticeBuilderError([Finding(
            code="file-too-large",
            message=f"the file is larger than {MAX_JSON_FILE_BYTES // (1024 * 1024)} MB",
            path=name, hint="a decision file is normally a few kilobytes; check it is the right file",
        )]) from None
    except OSError as exc:
        raise NoticeBuilderError([Finding(
            code="unreadable", message=f"cannot read the file: {exc.strerror or exc}", path=name,
            hint="check the path and that you may read it",
        )]) from None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a .docx (zip) or an older .doc
        raise NoticeBuilderError([Finding(
            code="encoding", message="This is a Word document, not a decision file (.json)", path=name,
            hint="check a Word draft with `notice lint`; `validate` and `build` read a decision's .json file",
        )]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise NoticeBuilderError([Finding(
            code="encoding", message=f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x})", path=name,
            location=Location(line=line), hint="save the file as UTF-8",
        )]) from None
    return parse_decision_text(text, name)
