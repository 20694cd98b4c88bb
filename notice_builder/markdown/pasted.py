"""Text pasted from Word into a body, read as the officer meant it: the one place that decides.

Word pastes a bulleted list as lines that start with the bullet character it drew ("•", "o", "▪",
"–"...) and a tab or space. Markdown does not know these, so without this step the lines ran on into
one paragraph. `normalised` rewrites each such line as a Markdown list item (`- `), keeping its
indentation, before the text is parsed (an unindented line after one starts a new paragraph, not a
lazy continuation of the item, as a pasted item is one line); rendering and linting both read the
parse, so the document and the lint outline agree. (A lone line break is kept as a line break by
the parser: see parser.py.)

Where the intent cannot be told, the line is left as it is and `pasted_notes` says why, for the lint
rule `pasted-text`:
- `o-word`: a line starting "o " among no other bullets: Word's second-level bullet, or a word?
- `mixed-bullets`: pasted bullets of more than one character: one list, or a list inside a list?
- `typed-number`: a typed number such as "1)", "(a)" or "2.<tab>": a numbered list, or text?
- `tab-indent`: a line indented with a tab: an indented paragraph, a nested item, or code?
Lines inside a fenced code block are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

PASTED_BULLETS = "•◦▪·–—"  # and a lone "o", Word's second-level bullet
_BULLET = re.compile(rf"^([ \t]*)([{PASTED_BULLETS}]|o(?=[ \t]))[ \t]+(?=\S)")
_MARKDOWN_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_TYPED_NUMBER = re.compile(
    r"^[ \t]*(\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)|(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\.(?=\t))[ \t]"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


class PastedNote(NamedTuple):
    """A line of a body whose intent cannot be told: its number (from 1), what is unclear, the text."""

    line: int
    kind: str
    text: str


class _Reading(NamedTuple):
    text: str
    notes: tuple[PastedNote, ...]


def normalised(text: str) -> str:
    """`text` with pasted bullet lines as Markdown list items."""
    if not _may_have_pasted(text):
        return text
    return _read(text).text


def pasted_notes(text: str) -> tuple[PastedNote, ...]:
    """The lines of `text` whose intent cannot be told, in order."""
    if not _may_have_pasted(text):
        return ()
    return _read(text).notes


def _may_have_pasted(text: str) -> bool:
    """A cheap test: most bodies have none of the marks this module looks for."""
    return (
        "\t" in text or ")" in text or any(c in text for c in PASTED_BULLETS)
        or text.startswith("o") or "\no" in text or "\n o" in text or "\n  o" in text
    )


@lru_cache(maxsize=512)
def _read(text: str) -> _Reading:
    lines = text.split("\n")
    in_code = [False] * len(lines)
    fence: str | None = None
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            in_code[number] = True
        elif fence is not None:
            in_code[number] = True
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
    bullets: list[re.Match | None] = [
        None if in_code[n] else _BULLET.match(line) for n, line in enumerate(lines)
    ]

    def is_item(number: int) -> bool:
        if not 0 <= number < len(lines) or in_code[number]:
            return False
        found = bullets[number]
        return (found is not None and found.group(2) != "o") or bool(_MARKDOWN_ITEM.match(lines[number]))

    def neighbour_is_item(number: int, step: int) -> bool:
        number += step
        while 0 <= number < len(lines) and not in_code[number]:
            if lines[number].strip():
                found = bullets[number]
                return is_item(number) or (found is not None and found.group(2) == "o")
            return False  # a blank line ends the run of bullets
        return False

    out: list[str] = []
    notes: list[PastedNote] = []
    first_bullet: str | None = None
    mixed_noted = after_pasted = False
    for number, line in enumerate(lines):
        found, follows_pasted, after_pasted = bullets[number], after_pasted, False
        if found is not None:
            mark, rest = found.group(2), line[found.end():]
            if mark == "o" and "\t" not in line[found.end(2):found.end()] and not (
                neighbour_is_item(number, -1) or neighbour_is_item(number, 1)
            ):
                notes.append(PastedNote(number + 1, "o-word", line))
                out.append(line)
                continue
            if first_bullet is None:
                first_bullet = mark
            elif mark != first_bullet and not mixed_noted:
                notes.append(PastedNote(number + 1, "mixed-bullets", f"{first_bullet} {mark}"))
                mixed_noted = True
            out.append(f"{found.group(1)}- {rest}")
            after_pasted = True
            continue
        if follows_pasted and line[:1].strip() and not _MARKDOWN_ITEM.match(line):
            out.append("")  # a pasted item is one line: the line after it starts a new paragraph
        out.append(line)
        if in_code[number] or not line.strip():
            continue
        if _TYPED_NUMBER.match(line):
            notes.append(PastedNote(number + 1, "typed-number", line))
        elif line.startswith("\t"):
            notes.append(PastedNote(number + 1, "tab-indent", line))
    return _Reading("\n".join(out), tuple(notes))
