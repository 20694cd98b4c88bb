"""Markdown read by markdown-it-py, the one parser: its tokens are the vocabulary of tokens.MarkdownToken.

CommonMark with GFM tables and strikethrough; raw HTML is off, so `<b>` stays the literal text `<b>`.
A lone line break inside a paragraph is kept as a line break: markdown-it's `softbreak` (which
CommonMark would show as a space) is given as a `hardbreak`, as its `breaks` option would render it,
so text pasted line by line from Word keeps its lines.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from notice_builder.markdown.tokens import MAX_NESTING, MarkdownToken, frozen, inline_token


@cache
def markdown_it() -> MarkdownIt:
    """The configured parser, built once."""
    options = {"html": False, "typographer": False, "maxNesting": MAX_NESTING * 2}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


def block_tokens(text: str) -> list[MarkdownToken]:
    """Block tokens of `text`, as markdown-it-py reads it."""
    return [_converted(token) for token in markdown_it().parse(text)]


def _converted(token: Token) -> MarkdownToken:
    if token.type == "inline":
        return inline_token(map(_converted, token.children or ()), token.level)
    return MarkdownToken(
        "hardbreak" if token.type == "softbreak" else token.type,
        token.tag, token.nesting, token.level, token.content,
        frozen(token.attrs),
        tuple(map(_converted, token.children)) if token.children else (),
        token.hidden,
    )
