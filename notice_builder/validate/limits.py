"""The caps of `model/limits.py` applied to a decision before anything else looks at it.

Each check is one pass over the parsed data. A decision over a cap gets one finding (code
`too-large`) naming the field by its JSON pointer, the limit and the value, and no later stage runs.
"""

from __future__ import annotations

from typing import Any

from notice_builder.load.decision_file import DecisionSource
from notice_builder.load.json_positions import escape_pointer_token
from notice_builder.model.findings import Finding
from notice_builder.model.limits import MAX_DECISION_BYTES, MAX_DECISION_LINES, MAX_LIST_ITEMS

TOO_LARGE = "too-large"
_HINT = "a decision notice has tens to a few hundred paragraphs; check it is the right file, or split it"


def _walk(data: Any):
    """(pointer, value) of every value in the data, without recursion (the nesting is the file's)."""
    stack = [("", data)]
    while stack:
        pointer, value = stack.pop()
        yield pointer, value
        if isinstance(value, dict):
            stack.extend((f"{pointer}/{escape_pointer_token(str(k))}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(value))


def _lines(text: str) -> int:
    """Non-blank lines: an upper bound on the paragraphs Markdown makes of the text."""
    return sum(1 for line in text.splitlines() if line.strip()) if "\n" in text else int(bool(text.strip()))


def decision_limit_findings(source: DecisionSource) -> list[Finding]:
    """A finding for each cap the decision is over (normally none)."""

    def too_large(pointer: str, message: str) -> Finding:
        return Finding(code=TOO_LARGE, message=message, path=source.path,
                       location=source.location(pointer), hint=_HINT)

    size = len(source.text.encode("utf-8", "surrogatepass"))
    if size > MAX_DECISION_BYTES:  # refused before its parts are even looked at
        return [too_large("", f"the decision is {size} bytes; the limit is {MAX_DECISION_BYTES}")]
    findings = []
    lines, most = 0, ("", 0)
    for pointer, value in _walk(source.data):
        if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
            findings.append(too_large(pointer, f"has {len(value)} items; the limit is {MAX_LIST_ITEMS}"))
        elif isinstance(value, str):
            count = _lines(value)
            lines += count
            if count > most[1]:
                most = (pointer, count)
    if lines > MAX_DECISION_LINES:
        findings.append(too_large(
            most[0],
            f"the decision has {lines} lines of text ({most[1]} in this field); "
            f"the limit is {MAX_DECISION_LINES}",
        ))
    return sorted(findings, key=lambda f: (f.location.line or 0, f.location.column or 0))
