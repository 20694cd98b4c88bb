"""A draft's paragraphs as Markdown: bold, italic and links in runs, Word's list numbering, tables as GFM.

The outline (load/docx_outline.py) tells what each paragraph is (heading, numbered, in a table); this
module reads what the outline does not keep: each run's emphasis, hyperlinks and list kinds, and where a
table cell sits. It walks the body in the order `docx.elements.iter_paragraphs` does, so paragraph N
here is paragraph N of the outline and of every finding.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from notice_builder.docx.elements import (
    CONTAINERS,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_SDT,
    W_TBL,
    W_TC,
    W_VAL,
    first_child,
    first_children,
    on,
    rows,
    showing_placeholder,
)
from notice_builder.docx.namespaces import qn
from notice_builder.docx.numbering import num_pr
from notice_builder.docx.package_reader import DocxPackage
from notice_builder.docx.paragraph_text import run_text
from notice_builder.docx.styles import StyleFacts, StyleSheet

W_HYPERLINK, W_B, W_I = qn("w:hyperlink"), qn("w:b"), qn("w:i")
W_RSTYLE, W_PSTYLE = qn("w:rStyle"), qn("w:pStyle")
W_NUMPR, R_ID = qn("w:numPr"), qn("r:id")
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")  # what the renderer makes links of
QUOTE_STYLES = frozenset({"quote", "intense quote", "zitat", "citation", "citazione", "cita"})

# Characters that are Markdown syntax anywhere in a line, and what a line may not start with.
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(#?\w+;)")
_MAY_NEED_ESCAPE = re.compile(r"[\\`*_\[\]<>~|&#=+-]|\d[.)]")
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|=+\s*$|-{3,}\s*$)")


@dataclass(frozen=True, slots=True)
class RichParagraph:
    """One paragraph of the body as Markdown, with its list and table place."""

    index: int
    markdown: str  # inline Markdown, syntax characters escaped
    list_kind: str | None = None  # "bullet" or "number" for a paragraph in a Word list
    list_level: int = 0
    table: int | None = None  # which top-level table (1, 2 ...) the paragraph is in
    row: int = 0
    cell: int = 0
    quote: bool = False
    bold: bool = False  # every visible run bold: a table's header row, a field label


def escape_markdown(text: str) -> str:
    """`text` with what Markdown would read as syntax escaped, so it prints as typed."""
    if not _MAY_NEED_ESCAPE.search(text):
        return text  # most text: no syntax character, no line that starts like a block
    text = _ENTITY.sub(r"\\&\1", _INLINE_SYNTAX.sub(r"\\\1", text))
    return "\n".join(_LINE_START.sub(_escape_line_start, line) for line in text.split("\n"))


def _escape_line_start(match: re.Match) -> str:
    indent, syntax = match.group(1), match.group(2)
    if syntax[0].isdigit():
        digits = syntax.rstrip(".) \t")
        return indent + digits + "\\" + syntax[len(digits):]
    return indent + "\\" + syntax


@dataclass
class _Run:
    text: str
    bold: bool
    italic: bool
    link: str | None


class ParagraphReader:
    """Reads paragraphs' runs into Markdown, with the package's styles and hyperlink targets."""

    def __init__(self, package: DocxPackage, sheet: StyleSheet):
        self.sheet = sheet
        self.links = _hyperlink_targets(package)

    def _emphasis(self, run: etree._Element, style: StyleFacts) -> tuple[bool, bool]:
        bold = italic = None
        rpr = first_child(run, W_RPR)
        char_style = None
        if rpr is not None:
            properties = first_children(rpr)
            bold, italic = on(properties.get(W_B)), on(properties.get(W_I))
            rstyle = properties.get(W_RSTYLE)
            if rstyle is not None:
                char_style = self.sheet.facts.get(rstyle.get(W_VAL) or "")
        if bold is None:
            bold = (char_style.bold if char_style and char_style.bold is not None else style.bold) or False
        return bool(bold), bool(italic)

    def runs(self, p: etree._Element, style: StyleFacts) -> list[_Run]:
        """The paragraph's visible runs, each with its emphasis and the link it is in."""
        found: list[_Run] = []

        def collect(element: etree._Element, link: str | None) -> None:
            for child in element:
                tag = child.tag
                if tag == W_R:
                    text = run_text(child)
                    if text:
                        bold, italic = self._emphasis(child, style)
                        found.append(_Run(text, bold, italic, link))
                elif tag == W_HYPERLINK:
                    collect(child, self.links.get(child.get(R_ID) or "") or link)
                elif tag == W_SDT and showing_placeholder(child):
                    continue  # an empty content control's prompt is not the document's text
                elif tag in CONTAINERS:
                    collect(child, link)

        collect(p, None)
        return found

    def markdown(self, runs: list[_Run]) -> str:
        """Runs as inline Markdown: emphasis around the words it covers, links as <url> or [text](url)."""
        pieces: list[str] = []
        position = 0
        while position < len(runs):
            link = runs[position].link
            end = position + 1
            if link is not None:
                while end < len(runs) and runs[end].link == link:
                    end += 1
                text = "".join(r.text for r in runs[position:end])
                if text == link and link.startswith("http"):
                    pieces.append(f"<{link}>")  # an address shown as itself: an autolink
                elif link.startswith("mailto:") and text == link[len("mailto:"):]:
                    pieces.append(f"<{text}>")
                else:
                    inner = self.markdown([_Run(r.text, r.bold, r.italic, None) for r in runs[position:end]])
                    pieces.append(f"[{inner}]({link.replace(')', '%29').replace(' ', '%20')})")
            else:
                while end < len(runs) and runs[end].link is None and (
                        runs[end].bold, runs[end].italic) == (runs[position].bold, runs[position].italic):
                    end += 1
                text = "".join(r.text for r in runs[position:end])
                bold = runs[position].bold
                pieces.append(_emphasised(escape_markdown(text), bold, runs[position].italic))
            position = end
        return "".join(pieces).replace("\t", " ")


def _emphasised(text: str, bold: bool, italic: bool) -> str:
    """Markers around the words of `text`, spaces kept outside them (CommonMark needs it so)."""
    if not (bold or italic) or not text.strip():
        return text
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    marker = ("**" if bold else "") + ("*" if italic else "")
    return f"{lead}{marker}{core}{marker[::-1]}{trail}"


def _hyperlink_targets(package: DocxPackage) -> dict[str, str]:
    """Relationship id -> external address, for the hyperlinks the renderer would make (http, mailto ...)."""
    folder, base = posixpath.split(package.main_part)
    rels = package.xml(posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return {}
    targets = {}
    for rel in rels.iter(qn("rels:Relationship")):
        target = (rel.get("Target") or "").strip()
        if (rel.get("Type") or "").endswith("/hyperlink") and target.lower().startswith(SAFE_SCHEMES):
            targets[rel.get("Id") or ""] = target
    return targets


def _paragraphs_with_place(body: etree._Element) -> Iterator[tuple[etree._Element, int | None, int, int]]:
    """Each paragraph in `iter_paragraphs` order, with (top-level table number, row, cell) if in a table."""
    tables = [0]

    def walk(element: etree._Element, place: tuple[int, int, int] | None):
        for child in element:
            tag = child.tag
            if tag == W_P:
                yield (child, *place) if place else (child, None, 0, 0)
            elif tag == W_TBL:
                if place is None:
                    tables[0] += 1
                for row_number, tr in enumerate(rows(child)):
                    cells = [tc for tc in tr if tc.tag == W_TC] or list(tr.iter(W_TC))
                    for cell_number, tc in enumerate(cells):
                        inner = place or (tables[0], row_number, cell_number)
                        yield from walk(tc, inner)
            elif tag in CONTAINERS:
                yield from walk(child, place)

    yield from walk(body, None)


def read_rich_paragraphs(package: DocxPackage, sheet: StyleSheet, numbering) -> list[RichParagraph]:
    """Every paragraph of the main document as Markdown, numbered as the outline numbers them."""
    document = package.xml(package.main_part)
    body = document.find(qn("w:body")) if document is not None else None
    if body is None:
        return []
    reader = ParagraphReader(package, sheet)
    found = []
    for index, (p, table, row, cell) in enumerate(_paragraphs_with_place(body), start=1):
        properties = first_child(p, W_PPR)
        style_id, numpr = None, None
        if properties is not None:
            pstyle = first_child(properties, W_PSTYLE)
            style_id = pstyle.get(W_VAL) if pstyle is not None else None
            numpr_el = first_child(properties, W_NUMPR)
            numpr = num_pr(numpr_el) if numpr_el is not None else None
        style = sheet.get(style_id)
        numpr = numpr or style.num
        kind, level = None, 0
        if numpr and numpr[0] != "0":
            kind, level = _list_kind(numbering, *numpr), numpr[1]
        runs = reader.runs(p, style)
        shown = [r for r in runs if r.text.strip()]
        bold = bool(shown) and all(r.bold for r in shown)
        found.append(RichParagraph(
            index=index, markdown=reader.markdown(runs).strip(), list_kind=kind, list_level=level,
            table=table, row=row, cell=cell, quote=style.name.casefold() in QUOTE_STYLES, bold=bold,
        ))
    return found


def _list_kind(numbering, num_id: str, level: int) -> str:
    """'bullet' or 'number' for a paragraph in list `num_id` at `level`, by the level's number format."""
    abstract_id, _ = numbering.nums.get(num_id, ("", {}))
    _, fmt = numbering.levels.get(abstract_id, {}).get(level, (1, "decimal"))
    return "bullet" if fmt in ("bullet", "none") else "number"
