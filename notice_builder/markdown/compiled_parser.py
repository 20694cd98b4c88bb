"""Markdown read by pulldown-cmark (compiled, Rust, through pyromark), giving markdown-it-py's tokens for
the texts it takes. pulldown-cmark parses about twenty times as fast; with the translation into tokens
here, a batch reads its Markdown in under half the time.

It takes plain CommonMark and declines (returns None, so markdown-it-py reads the text instead) what the
two parsers read differently, or what this adapter does not translate:

- strikethrough (`~`), and GFM tables of any but the plain shape (`_plain_tables`): markdown-it-py's
  table rule lets a table interrupt a paragraph, and reads rows without pipes, where pulldown-cmark
  does not;
- raw HTML, which pulldown-cmark cannot switch off and markdown-it keeps as literal text;
- images, and links whose destination markdown-it refuses (`javascript:` and the like);
- nesting deeper than MAX_NESTING, which markdown-it cuts short and the renderer refuses;
- the corners where markdown-it-py departs from cmark, CommonMark's reference implementation, and
  pulldown-cmark does not: link reference definitions (`]:`), numeric character references (`&#`),
  fenced code, an empty list item, a backslash before white space, a line indented four spaces or
  more, a code span across a line end, white space other than spaces (a no-break space...) that is
  not between two printing characters (markdown-it strips it at a line's start or end); tabs,
  carriage returns and NULs.

`tests/test_markdown_parsers.py` checks that whatever this parser takes gives exactly markdown-it-py's
tokens, on hand-picked texts, the examples and generated ones. Searches of 600,000 texts stitched from
Markdown fragments and 30,000 generated tables found no difference left (they found the corners above).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyromark

from notice_builder.markdown.reference_parser import markdown_it
from notice_builder.markdown.tokens import MAX_NESTING, NO_ATTRIBUTES, MarkdownToken, frozen, inline_token

# What is declined (see above), as cheap tests first: most texts are plain prose, and are looked at once.
_STRIKE_AND_CONTROL = re.compile(r"[~\t\r\0]")  # strikethrough; tabs, carriage returns, NULs
_DECLINED_MARKS = ("```", "]:", "&#")  # fenced code, reference definitions, numeric references
_LINE_STARTS = re.compile(  # indented four spaces or more (in a quote too), or an empty list item
    r"^[ >]*[ ]{4}|^[ ]*(?:[-+*]|[0-9]{1,9}[.)])[ ]*$", re.MULTILINE
)
_BACKSLASH_BEFORE_SPACE = re.compile(r"\\\s")
_CODE_SPAN_ACROSS_LINES = re.compile(r"`[^`\n]*\n")
_OTHER_SPACE = re.compile(r"[^\S\n ]")  # white space other than spaces and line ends (a no-break space...)
_OTHER_SPACE_NOT_BETWEEN_LETTERS = re.compile(r"(?<!\S)[^\S\n ]|[^\S\n ](?!\S)")


def _declined(text: str) -> bool:
    return bool(
        _STRIKE_AND_CONTROL.search(text)
        or any(mark in text for mark in _DECLINED_MARKS)
        or _LINE_STARTS.search(text)
        or ("\\" in text and _BACKSLASH_BEFORE_SPACE.search(text))
        or ("`" in text and _CODE_SPAN_ACROSS_LINES.search(text))
        or (_OTHER_SPACE.search(text) and _OTHER_SPACE_NOT_BETWEEN_LETTERS.search(text))
        or ("|" in text and not _plain_tables(text))
    )


_TABLE_ROW = re.compile(r"\|(?:[^|\\`]*\|)+[ ]*")  # | cell | cell |, no escaped pipe, no code span
_DELIMITER_ROW = re.compile(r"\|(?:[ ]*:?-+:?[ ]*\|)+[ ]*")


def _plain_tables(text: str) -> bool:
    """Whether every `|` is in a table of the plain shape that both parsers read alike: after a blank
    line (or at the start), a header and a delimiter row, body rows up to a blank line (or the end),
    every row starting and ending with `|` and having as many cells as the delimiter row."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if "|" not in lines[index]:
            index += 1
            continue
        if index > 0 and lines[index - 1].strip():  # a table straight after a paragraph line
            return False
        end = index
        while end < len(lines) and lines[end].strip():
            end += 1
        header, *rows = lines[index:end]
        if not rows or not _DELIMITER_ROW.fullmatch(rows[0]):
            return False
        columns = rows[0].count("|")
        if not all(_TABLE_ROW.fullmatch(row) and row.count("|") == columns for row in (header, *rows[1:])):
            return False
        index = end
    return True


_TABLE_PARTS = frozenset({"TableHead", "TableRow", "TableCell"})

# pulldown-cmark's inline start/end events -> markdown-it's (type, tag) pairs.
_INLINE_SPANS = {"Emphasis": ("em", "em"), "Strong": ("strong", "strong")}


class _Declined(Exception):
    """The text uses something that markdown-it-py must read."""


def compiled_tokens(text: str) -> list[MarkdownToken] | None:
    """Block tokens of `text` as markdown-it-py would give them, or None when this parser declines it."""
    if _declined(text):
        return None
    builder = _TokenBuilder()
    try:
        for event in pyromark.events(text, options=pyromark.Options.ENABLE_TABLES):
            builder.take(event)
    except _Declined:
        return None
    return builder.tokens


class _TokenBuilder:
    """Turns pulldown-cmark's start and end events into markdown-it's token stream."""

    def __init__(self) -> None:
        self.tokens: list[MarkdownToken] = []
        self.blocks: list[tuple[str, str, bool]] = []  # open blocks: (closing type, tag, hidden)
        self.children: list[MarkdownToken] | None = None  # the inline content being read, if any
        self.spans: list[tuple[str, str]] = []  # open emphasis, strong and links: (closing type, tag)
        self.text: list[str] = []  # adjacent text not yet made a token (markdown-it joins it)
        self.loose_text = False  # inline content straight in a tight list item: a hidden paragraph
        self.code: list[str] | None = None  # the lines of the code block being read
        self.code_kind = ""  # "fence" or "code_block"
        self.autolink = False  # the next text is an autolink's address, shown as markdown-it shows it
        self.alignments: tuple[str, ...] = ()  # the table's columns: "None", "Left", "Center", "Right"
        self.cell_tag = "th"  # "th" in a table's head, "td" in its body
        self.cell = 0  # the column of the cell being read

    # -- events ---------------------------------------------------------------------------------
    def take(self, event: str | dict) -> None:
        if type(event) is str:
            if event == "SoftBreak":
                self.inline_token("softbreak", "br")
            elif event == "HardBreak":
                self.inline_token("hardbreak", "br")
            elif event == "Rule":
                self.end_loose_text()
                self.tokens.append(MarkdownToken("hr", "hr", 0, len(self.blocks)))
            else:
                raise _Declined(event)
            return
        [(kind, value)] = event.items()
        if kind == "Text":
            if self.code is not None:
                self.code.append(value)
            elif value:  # pulldown-cmark can end a heading with an empty text
                self.inline_text(value)
        elif kind == "Start":
            self.start(value)
        elif kind == "End":
            self.end(value)
        elif kind == "Code":
            self.inline_token("code_inline", "code", value)
        else:  # Html, InlineHtml, and the events of options this parser is not given
            raise _Declined(kind)

    def start(self, value: str | dict) -> None:
        if type(value) is str:
            if value in _INLINE_SPANS:
                self.open_span(*_INLINE_SPANS[value])
                return
            if value in _TABLE_PARTS:
                self.start_table_part(value)
                return
            if value not in ("Paragraph", "Item"):  # HtmlBlock
                raise _Declined(value)
            self.end_loose_text()
            if value == "Item":
                self.open_block("list_item", "li")
            else:
                self.open_block("paragraph", "p")
                self.children = []
            return
        [(kind, detail)] = value.items()
        if kind == "Link":
            self.open_span("link", "a", self.link_attributes(detail))
            return
        if kind not in ("List", "Heading", "BlockQuote", "CodeBlock", "Table"):  # Image, options not given
            raise _Declined(kind)
        self.end_loose_text()
        if kind == "Table":
            self.open_block("table", "table")
            self.alignments, self.cell_tag = detail, "th"
        elif kind == "List" and detail is None:
            self.open_block("bullet_list", "ul")
        elif kind == "List":
            self.open_block("ordered_list", "ol", {"start": detail} if detail != 1 else NO_ATTRIBUTES)
        elif kind == "Heading":
            self.open_block("heading", "h" + detail["level"][1:])
            self.children = []
        elif kind == "BlockQuote":
            self.open_block("blockquote", "blockquote")
        else:
            self.code, self.code_kind = [], "code_block" if detail == "Indented" else "fence"

    def end(self, value: str | dict) -> None:
        if (type(value) is dict and "Heading" in value) or value == "Paragraph":
            self.end_inline()
            self.close_block()
        elif type(value) is dict or value == "Item":  # a list, quote or list item
            self.end_loose_text()
            self.close_block()
        elif value in _TABLE_PARTS or value == "Table":
            self.end_table_part(value)
        elif value == "CodeBlock":
            code = "".join(self.code)
            if self.code_kind == "code_block" and code and not code.endswith("\n"):  # as markdown-it does
                code += "\n"
            self.tokens.append(MarkdownToken(self.code_kind, "code", 0, len(self.blocks), code))
            self.code = None
        else:  # emphasis, strong or a link
            self.close_span()
            if value == "Strong":
                self.text.append("")  # see open_span

    # -- tables: markdown-it has a row in the head, and a tbody around the body rows -------------
    def start_table_part(self, part: str) -> None:
        if part == "TableCell":
            align = self.alignments[self.cell]
            attrs = {"style": f"text-align:{align.lower()}"} if align != "None" else NO_ATTRIBUTES
            self.open_block(self.cell_tag, self.cell_tag, attrs)
            self.children = []
            return
        if part == "TableHead":
            self.open_block("thead", "thead")
        elif self.cell_tag == "th":  # the first body row
            self.open_block("tbody", "tbody")
            self.cell_tag = "td"
        self.open_block("tr", "tr")
        self.cell = 0

    def end_table_part(self, part: str) -> None:
        if part == "TableCell":
            self.end_inline()
            self.close_block()
            self.cell += 1
            return
        if part == "Table" and self.cell_tag == "td":
            self.close_block()  # tbody
        elif part == "TableHead":
            self.close_block()  # tr
        self.close_block()

    # -- blocks ---------------------------------------------------------------------------------
    def open_block(self, name: str, tag: str, attrs=NO_ATTRIBUTES, hidden: bool = False) -> None:
        level = len(self.blocks)
        if level >= MAX_NESTING:
            raise _Declined("nesting")
        self.tokens.append(MarkdownToken(f"{name}_open", tag, 1, level, "", frozen(attrs), (), hidden))
        self.blocks.append((f"{name}_close", tag, hidden))

    def close_block(self) -> None:
        kind, tag, hidden = self.blocks.pop()
        self.tokens.append(MarkdownToken(kind, tag, -1, len(self.blocks), "", NO_ATTRIBUTES, (), hidden))

    def end_inline(self) -> None:
        self.flush_text()
        self.tokens.append(inline_token(self.children, len(self.blocks)))
        self.children = None

    def end_loose_text(self) -> None:
        if self.loose_text:
            self.loose_text = False
            self.end_inline()
            self.close_block()

    # -- inline ---------------------------------------------------------------------------------
    def inline_children(self) -> list[MarkdownToken]:
        if self.children is None:  # text straight in a tight list item: markdown-it's hidden paragraph
            self.open_block("paragraph", "p", hidden=True)
            self.children, self.loose_text = [], True
        return self.children

    def inline_text(self, text: str) -> None:
        self.inline_children()
        if self.autolink:
            text, self.autolink = markdown_it().normalizeLinkText(text), False
        self.text.append(text)

    def flush_text(self) -> None:
        if self.text:
            text = self.text[0] if len(self.text) == 1 else "".join(self.text)
            self.children.append(MarkdownToken("text", "", 0, len(self.spans), text))
            self.text = []

    def inline_token(self, kind: str, tag: str, content: str = "") -> None:
        children = self.inline_children()
        self.flush_text()
        children.append(MarkdownToken(kind, tag, 0, len(self.spans), content))

    def open_span(self, name: str, tag: str, attrs=NO_ATTRIBUTES) -> None:
        children = self.inline_children()
        if name == "strong" and not self.text:
            # markdown-it reads `**` as two delimiters: one becomes the tag, the other an empty text beside
            # it, outside the tag, which is joined to any text next to it.
            self.text.append("")
        self.flush_text()
        level = len(self.spans)
        if level >= MAX_NESTING:
            raise _Declined("nesting")
        children.append(MarkdownToken(f"{name}_open", tag, 1, level, "", frozen(attrs)))
        self.spans.append((f"{name}_close", tag))

    def close_span(self) -> None:
        self.flush_text()
        kind, tag = self.spans.pop()
        self.children.append(MarkdownToken(kind, tag, -1, len(self.spans)))

    def link_attributes(self, link: dict) -> dict[str, str]:
        """href (and title) as markdown-it writes them; a destination it would refuse is declined."""
        url = "mailto:" + link["dest_url"] if link["link_type"] == "Email" else link["dest_url"]
        href = _normalised_link(url)
        if href is None:
            raise _Declined("link")
        self.autolink = link["link_type"] in ("Autolink", "Email")
        return {"href": href, "title": link["title"]} if link["title"] else {"href": href}


@lru_cache(maxsize=1024)
def _normalised_link(url: str) -> str | None:
    """`url` percent-encoded as markdown-it writes an href, or None if markdown-it refuses it (the same
    legislation and policy links recur across a meeting's decisions, and normalising is costly)."""
    href = markdown_it().normalizeLink(url)
    return href if markdown_it().validateLink(href) else None
