"""A section's paragraphs as one Markdown body: paragraphs, lists (Word's or typed), tables, sub-headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notice_builder.draft_import.word_markdown import RichParagraph, escape_markdown
from notice_builder.model.outline import Block

# A bullet or number typed by hand, as escape_markdown leaves it: "\- ", "• ", "1\. ", "(a) " stays text.
_TYPED_BULLET = re.compile(r"^(?:\\[-*+]|[•·▪◦‣–])\s+")
_TYPED_NUMBER = re.compile(r"^(\d{1,3})\\?[.)]\s+")
_LIST_INDENT = "    "


@dataclass(frozen=True)
class Unit:
    """One paragraph of a section: the outline's block, its Markdown, and the sub-heading level it has."""

    block: Block
    rich: RichParagraph
    heading_level: int = 0  # 1 = a sub-heading directly under the section's heading


def typed_list_item(markdown: str) -> tuple[str, int | None, str] | None:
    """("bullet" or "number", the number typed, the text) for a paragraph typed as a list item."""
    if match := _TYPED_BULLET.match(markdown):
        return "bullet", None, markdown[match.end():]
    if match := _TYPED_NUMBER.match(markdown):
        return "number", int(match.group(1)), markdown[match.end():]
    return None


def strip_typed_number(markdown: str) -> str:
    """A numbered paragraph's text without the number typed in front ("1. The purpose ..." -> "The ...")."""
    match = _TYPED_NUMBER.match(markdown)
    return markdown[match.end():] if match else markdown


def _header_cell(markdown: str) -> str:
    """A header cell's Markdown without the bold every header cell has."""
    if markdown.startswith("**") and markdown.endswith("**") and markdown.count("**") == 2:
        return markdown[2:-2]
    return markdown


def table_markdown(units: list[Unit]) -> str:
    """The paragraphs of one table as a GFM table: the first row is its header."""
    grid: dict[int, dict[int, list[str]]] = {}
    for unit in units:
        cells = grid.setdefault(unit.rich.row, {})
        cells.setdefault(unit.rich.cell, []).append(unit.rich.markdown)
    width = max((max(cells) + 1 for cells in grid.values()), default=1)
    rows = []
    for number, row in enumerate(sorted(grid)):
        texts = [" ".join(t for t in grid[row].get(c, []) if t).replace("\n", " ") for c in range(width)]
        rows.append([_header_cell(t) for t in texts] if number == 0 else texts)
    return _grid_markdown(rows)


def _tab_columns(unit: Unit) -> int:
    """Columns of a plain paragraph typed with tabs between them ("Gate<tab>Description"), else 0."""
    rich = unit.rich
    if rich.table is not None or rich.list_kind is not None or unit.heading_level:
        return 0
    text = unit.block.text.strip(" \n")
    return text.count("\t") + 1 if "\t" in text and "\n" not in text else 0


def _tab_rows_end(units: list[Unit], start: int) -> int:
    """Where a run of paragraphs with the same number of tab-separated columns ends."""
    columns = _tab_columns(units[start])
    end = start
    while columns and end < len(units) and _tab_columns(units[end]) == columns:
        end += 1
    return end


def _grid_markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cells) + " |" for cells in rows]
    lines.insert(1, "| " + " | ".join("---" for _ in rows[0]) + " |")
    return "\n".join(lines)


def body_markdown(units: list[Unit]) -> str:
    """The units as one Markdown body, blocks separated by blank lines and list items by line breaks."""
    blocks: list[str] = []
    list_open = False
    counters: dict[int, int] = {}
    position = 0
    while position < len(units):
        unit = units[position]
        rich = unit.rich
        if rich.table is not None:
            end = position
            while end < len(units) and units[end].rich.table == rich.table:
                end += 1
            blocks.append(table_markdown(units[position:end]))
            position, list_open = end, False
            continue
        end = _tab_rows_end(units, position)
        if end - position >= 2:  # lines typed with tabs between their columns: a table
            rows = [[escape_markdown(c.strip()) for c in u.block.text.strip("\n").split("\t")]
                    for u in units[position:end]]
            blocks.append(_grid_markdown(rows))
            position, list_open = end, False
            continue
        position += 1
        if unit.heading_level:
            text = escape_markdown(" ".join(unit.block.text.split()))
            blocks.append("#" * min(unit.heading_level + 1, 6) + " " + text)
            list_open = False
            continue
        item = _list_item(unit, counters)
        if item is not None:
            if list_open:
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
            list_open = True
            continue
        counters.clear()
        list_open = False
        text = rich.markdown
        if text:
            blocks.append("> " + text.replace("\n", "\n> ") if rich.quote else text)
    return "\n\n".join(b for b in blocks if b.strip())


def _list_item(unit: Unit, counters: dict[int, int]) -> str | None:
    """A list item line for a paragraph in a Word list or typed as one; None for any other paragraph."""
    rich = unit.rich
    if rich.list_kind is not None:
        kind, level, text = rich.list_kind, rich.list_level, rich.markdown
        number = unit.block.number[-1] if unit.block.number else None
    elif (typed := typed_list_item(rich.markdown)) is not None:
        (kind, number, text), level = typed, 0
    else:
        return None
    for deeper in [k for k in counters if k > level]:
        del counters[deeper]
    if kind == "bullet":
        counters.pop(level, None)
        return f"{_LIST_INDENT * level}- {text}"
    number = number if number is not None else counters.get(level, 0) + 1
    counters[level] = number
    return f"{_LIST_INDENT * level}{number}. {text}"
