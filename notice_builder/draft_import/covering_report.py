"""A covering report's lists: its numbered paragraphs, and its authors line read as people."""

from __future__ import annotations

import re

from notice_builder.draft_import.markdown_body import Unit, body_markdown, strip_typed_number
from notice_builder.draft_import.word_markdown import RichParagraph

_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’\-]+|[A-Z]\.?|de|van|von|du|le|la|da|O'[A-Z][a-z]+|Mc[A-Z][a-z]+)$")
_ROLE_WORDS = frozenset({
    "police", "commissioner", "chief", "officer", "office", "council", "head", "director", "manager",
    "executive", "constable", "crime", "board", "service", "services", "team", "deputy", "assistant",
    "policy", "finance", "treasurer", "solicitor", "lead", "member", "cabinet", "clerk", "secretary",
    "monitoring", "corporate", "strategic", "west", "midlands", "for", "and", "of", "the",
})


_CONNECTING_WORDS = frozenset({"for", "and", "of", "the", "west", "midlands"})


def names_a_role(text: str) -> bool:
    """Whether text names a role or an office ("Cabinet Member for Environment"), not a person."""
    return any(w.casefold() in _ROLE_WORDS - _CONNECTING_WORDS for w in text.split())


def authors(text: str) -> list[dict[str, str]]:
    """The authors line as people: `Chris Sims, Chief Constable, West Midlands Police and Jacky ...`.

    Each author is a name of two to four capitalised words, then a comma and a role; a role may itself
    hold commas and "and", so a new author starts only at such a name followed by a comma.
    """
    pieces = re.split(r"(,\s+|\s+and\s+|\s*;\s*)", " ".join(text.split()))
    people: list[dict[str, str]] = []
    for number in range(0, len(pieces), 2):
        piece = pieces[number]
        followed_by_comma = number + 1 < len(pieces) and pieces[number + 1].strip() == ","
        words = piece.split()
        is_name = (2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)
                   and not any(w.casefold() in _ROLE_WORDS for w in words))
        after_comma = number > 0 and pieces[number - 1].strip() == ","
        if is_name and (followed_by_comma or not people) and not after_comma:
            people.append({"name": piece, "role": ""})
        elif people:
            separator = pieces[number - 1] if number else ""
            people[-1]["role"] += (separator if people[-1]["role"] else "") + piece
        else:
            people.append({"name": piece, "role": ""})
    return [{k: v.strip() for k, v in p.items() if v.strip()} for p in people]


def report_paragraphs(units: list[Unit]) -> list[str]:
    """A covering report's numbered paragraphs: each numbered one starts an item, the rest continue it."""
    def numbered(unit: Unit) -> bool:
        if unit.rich.table is not None or unit.heading_level:
            return False
        if unit.rich.list_kind is None:
            return unit.rich.markdown != strip_typed_number(unit.rich.markdown)
        # Word's numbering on a paragraph style of its own ("Numbered Paragraph") numbers the report's
        # paragraphs; a list style ("List Number") is a list inside one of them.
        return (unit.rich.list_kind == "number" and unit.rich.list_level == 0
                and not unit.block.style.casefold().startswith("list"))

    any_numbered = any(numbered(u) for u in units)
    items: list[list[Unit]] = []
    for unit in units:
        plain = unit.rich.list_kind is None and unit.rich.table is None and not unit.heading_level
        if numbered(unit) or not items or (plain and not any_numbered and not _continues(items[-1])):
            first = _without_number(unit.rich) if numbered(unit) or unit.rich.list_kind is None else unit.rich
            items.append([Unit(unit.block, first, unit.heading_level)])
        else:
            items[-1].append(unit)
    return [text for item in items if (text := body_markdown(item))]


def _continues(item: list[Unit]) -> bool:
    """Whether the next plain paragraph belongs to this item: after a list or a table in it."""
    last = item[-1].rich
    return last.list_kind is not None or last.table is not None


def _without_number(rich: RichParagraph) -> RichParagraph:
    return RichParagraph(rich.index, strip_typed_number(rich.markdown), None, 0, rich.table, rich.row,
                         rich.cell, rich.quote, rich.bold)
