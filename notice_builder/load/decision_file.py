"""Read a decision JSON file into data plus the positions needed to point at errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notice_builder.load.json_positions import JsonPositions, escape_pointer_token
from notice_builder.model.findings import Finding, Location, NoticeBuilderError

MAX_DECISION_BYTES = 20 * 1024 * 1024


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

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict:
        result: dict = {}
        for key, value in pairs:
            if key in result:
                self.duplicates.append((key, list(result)))
            result[key] = value
        return result


def _syntax_error(path: str, exc: json.JSONDecodeError) -> Finding:
    return Finding(
        code="json-syntax",
        message=f"not valid JSON: {exc.msg}",
        path=path,
        location=Location(line=exc.lineno, column=exc.colno),
        hint="check for a missing comma, quote or bracket just before this point",
    )


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


def parse_decision_text(text: str, path: str = "<decision>") -> DecisionSource:
    """Parse decision JSON text; raise NoticeBuilderError with line and column on bad syntax."""
    hook = _DuplicateKeys()
    try:
        data = json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        raise NoticeBuilderError([_syntax_error(path, exc)]) from None
    except RecursionError:
        raise NoticeBuilderError([Finding(
            code="json-syntax", message="the JSON is nested too deeply to read", path=path,
            hint="a decision needs only a few levels of nesting; check for runaway brackets",
        )]) from None
    source = DecisionSource(path=path, data=data, text=text)
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
        file_path = Path(path)
        if file_path.stat().st_size > MAX_DECISION_BYTES:
            raise NoticeBuilderError([Finding(
                code="file-too-large",
                message=f"the file is larger than {MAX_DECISION_BYTES // (1024 * 1024)} MB",
                path=name, hint="a decision file is normally a few kilobytes; check it is the right file",
            )])
        raw = file_path.read_bytes()
    except OSError as exc:
        raise NoticeBuilderError([Finding(
            code="unreadable", message=f"cannot read the file: {exc.strerror or exc}", path=name,
            hint="check the path and that you may read it",
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
