"""Turn Markdown body text into WordprocessingML: real lists, tables, headings and hyperlinks.

notice_builder.markdown does the parsing; this module only walks its tokens. Raw HTML is off, so `<b>`
in a value stays as the literal text `<b>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from notice_builder.markdown import (
    MAX_NESTING,
    MarkdownToken,
    MarkdownTooDeep,
    ParsedMarkdown,
    parse_markdown,
)
from notice_builder.render.word_xml import RunStyle, break_run, paragraph, table, text_run

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LIST_INDENT_TWIPS = 720
SPACE_AFTER_BLOCK_TWIPS = 160  # before a paragraph that follows a table or a list
BULLET_STYLE, NUMBER_STYLE = "ListBullet", "ListNumber"
_PLAIN, _HEADER_CELL, _CODE = RunStyle(), RunStyle(bold=True), RunStyle(code=True)
# Word lists have nine levels (0 to 8).
MAX_LIST_LEVEL = 8


class WordResources(Protocol):
    """What the Markdown renderer needs from the document it writes into."""

    def hyperlink_id(self, url: str) -> str:
        """Relationship id of an external hyperlink to `url` in the main document part."""

    def bullet_list_id(self) -> int:
        """numId of the document's bullet list."""

    def new_numbered_list_id(self, start: int) -> int:
        """numId of a fresh numbered list that starts at `start`."""


@dataclass(frozen=True)
class BlockOptions:
    """How a body is placed: the heading level it sits under, and the style of its first paragraph."""

    heading_level: int = 1
    first_paragraph_style: str | None = None


@dataclass
class WordXml:
    """Ready-made WordprocessingML; docxtpl inserts it unescaped because it defines __html__."""

    xml: str

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


def is_safe_link(url: str) -> bool:
    """Only web, email and telephone links become clickable; anything else stays as text."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


class _Renderer:
    """One pass over a token stream, producing paragraphs and tables in order."""

    def __init__(self, resources: WordResources, options: BlockOptions):
        self.resources = resources
        self.options = options
        self.blocks: list[str] = []
        self.first_paragraph_pending = options.first_paragraph_style is not None
        self.space_pending = False

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, token: MarkdownToken, base: RunStyle = _PLAIN) -> str:
        runs: list[str] = []
        style = base
        link_stack: list[tuple[str | None, list[str]]] = []
        emit = runs.append  # inside a link, the link's own list takes the runs

        for child in token.children:
            kind = child.type
            if kind == "text":
                if child.content:
                    emit(text_run(child.content, style))
            elif kind == "code_inline":
                emit(text_run(child.content, style.but("code", True)))
            elif kind == "softbreak":
                emit(text_run(" ", style))
            elif kind == "hardbreak":
                emit(break_run())
            elif kind in ("strong_open", "strong_close"):
                style = style.but("bold", kind == "strong_open" or base.bold)
            elif kind in ("em_open", "em_close"):
                style = style.but("italic", kind == "em_open" or base.italic)
            elif kind in ("s_open", "s_close"):
                style = style.but("strike", kind == "s_open")
            elif kind == "link_open":
                href = str(child.attr("href") or "")
                safe = is_safe_link(href)
                link_stack.append((href if safe else None, []))
                emit = link_stack[-1][1].append
                style = style.but("hyperlink", safe)
            elif kind == "link_close" and link_stack:
                href, inner = link_stack.pop()
                emit = link_stack[-1][1].append if link_stack else runs.append
                style = style.but("hyperlink", False)
                if href is None:
                    runs.extend(inner)
                else:
                    rid = self.resources.hyperlink_id(href)
                    runs.append(f'<w:hyperlink r:id="{rid}" w:history="1">{"".join(inner)}'
                                "</w:hyperlink>")
            elif kind == "image":
                emit(text_run(child.content or "image", style.but("italic", True)))
            else:  # html_inline cannot occur (html is off); keep any other literal content
                emit(text_run(child.content, style))
        for _, inner in link_stack:  # unclosed link: keep its text
            runs.extend(inner)
        return "".join(runs)

    # -- blocks ---------------------------------------------------------------------------------
    def add_paragraph(self, runs: str, **kwargs) -> None:
        if self.first_paragraph_pending and kwargs.get("num_id") is None and not kwargs.get("style"):
            kwargs["style"] = self.options.first_paragraph_style
        if self.space_pending and not kwargs.get("style"):  # a styled paragraph keeps its own spacing
            kwargs["space_before_twips"] = SPACE_AFTER_BLOCK_TWIPS
        self.first_paragraph_pending = self.space_pending = False
        self.blocks.append(paragraph(runs, **kwargs))

    def render(self, tokens: ParsedMarkdown) -> list[str]:
        heading_levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
        self.top_markdown_level = min(heading_levels, default=1)
        self.walk(tokens, 0, len(tokens), list_stack=[], quote=False)
        if not self.blocks:
            self.blocks.append(paragraph(""))
        return self.blocks

    def walk(self, tokens: ParsedMarkdown, start: int, end: int, list_stack: list[tuple[int, str]],
             quote: bool) -> None:
        index = start
        item_paragraphs = 0
        while index < end:
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                level = self.options.heading_level + int(token.tag[1]) - self.top_markdown_level + 1
                self.add_paragraph(self.inline(tokens[index + 1]),
                                   style=f"Heading{min(level, 9)}", keep_next=True)
                index += 3
            elif kind == "paragraph_open":
                runs = self.inline(tokens[index + 1])
                if list_stack and item_paragraphs == 0:
                    num_id, style = list_stack[-1]
                    self.add_paragraph(runs, style=style, num_id=num_id,
                                       level=min(len(list_stack) - 1, MAX_LIST_LEVEL))
                elif list_stack:
                    self.add_paragraph(runs, indent_twips=LIST_INDENT_TWIPS * len(list_stack))
                else:
                    self.add_paragraph(runs, style="Quote" if quote else None)
                item_paragraphs += 1
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                close = _matching_close(tokens, index)
                if kind == "bullet_list_open":
                    current = (self.resources.bullet_list_id(), BULLET_STYLE)
                else:
                    start = int(token.attr("start") or 1)
                    current = (self.resources.new_numbered_list_id(start), NUMBER_STYLE)
                self.walk(tokens, index + 1, close, [*list_stack, current], quote)
                self.space_pending = not list_stack  # list items are set close; the text after is not
                index = close + 1
            elif kind == "list_item_open":
                close = _matching_close(tokens, index)
                self.walk(tokens, index + 1, close, list_stack, quote)
                index = close + 1
            elif kind == "blockquote_open":
                close = _matching_close(tokens, index)
                self.walk(tokens, index + 1, close, list_stack, True)
                index = close + 1
            elif kind == "table_open":
                close = _matching_close(tokens, index)
                self.blocks.append(self.table(tokens[index:close]))
                self.first_paragraph_pending, self.space_pending = False, True
                index = close + 1
            elif kind in ("fence", "code_block"):
                lines = token.content.rstrip("\n").split("\n")
                runs = break_run().join(text_run(line, _CODE) for line in lines)
                self.add_paragraph(runs, indent_twips=LIST_INDENT_TWIPS * len(list_stack) or None)
                index += 1
            else:  # hr, html_block (html is off), closes: nothing to write
                index += 1

    def table(self, tokens: Sequence[MarkdownToken]) -> str:
        header: list[str] = []
        rows: list[list[str]] = []
        current: list[str] | None = None
        in_head = False
        lengths: list[int] = []
        for i, token in enumerate(tokens):
            kind = token.type
            if kind in ("th_open", "td_open") and current is not None:  # the commonest, so tested first
                runs = self.inline(tokens[i + 1], _HEADER_CELL if kind == "th_open" else _PLAIN)
                column = len(current)
                lengths.extend([0] * (column + 1 - len(lengths)))
                lengths[column] = max(lengths[column], _longest_word_weighted(tokens[i + 1].content))
                current.append(paragraph(runs, style="TableText"))
            elif kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                current = []
            elif kind == "tr_close" and current is not None:
                if in_head:
                    header = current
                else:
                    rows.append(current)
        return table(header, rows, lengths)


def _longest_word_weighted(text: str) -> int:
    """A column's claim on the page width: its text length, capped so one long cell cannot starve."""
    return min(len(text), 60) + 4


def _matching_close(tokens: ParsedMarkdown, index: int) -> int:
    """Index of the token that closes the one at `index` (same nesting level)."""
    return tokens.closing.get(index, len(tokens) - 1)


class _IdRecorder:
    """Passes a renderer's requests on to the document's resources, noting whether it took a new id."""

    def __init__(self, resources: WordResources):
        self._resources = resources
        self.took_id = False

    def hyperlink_id(self, url: str) -> str:
        self.took_id = True
        return self._resources.hyperlink_id(url)

    def bullet_list_id(self) -> int:
        return self._resources.bullet_list_id()

    def new_numbered_list_id(self, start: int) -> int:
        self.took_id = True
        return self._resources.new_numbered_list_id(start)


# Standard wording recurs in every decision of a batch. A body that takes no hyperlink or list id
# renders the same in every document with the same bullet list, so its XML is kept; long bodies
# are not, so the cache stays small whatever the input.
_REUSABLE_LENGTH = 2000
_reusable_xml: dict[tuple[str, BlockOptions, int], str] = {}
_REUSABLE_ENTRIES = 256


def markdown_to_word(text: str, resources: WordResources,
                     options: BlockOptions = BlockOptions()) -> WordXml:
    """Render Markdown body text as WordprocessingML blocks for a `{{p ... }}` template tag."""
    key = (text, options, resources.bullet_list_id())
    if key in _reusable_xml:
        return WordXml(_reusable_xml[key])
    tokens = parse_markdown(text)
    if tokens.depth > MAX_NESTING:
        raise MarkdownTooDeep(f"nested more than {MAX_NESTING} levels deep")
    recorder = _IdRecorder(resources)
    xml = "".join(_Renderer(recorder, options).render(tokens))
    if not recorder.took_id and len(text) <= _REUSABLE_LENGTH:
        if len(_reusable_xml) >= _REUSABLE_ENTRIES:
            del _reusable_xml[next(iter(_reusable_xml))]  # the oldest
        _reusable_xml[key] = xml
    return WordXml(xml)
