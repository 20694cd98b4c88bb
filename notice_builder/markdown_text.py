"""Markdown body text as markdown-it-py tokens: the one parser that rendering and linting share.

CommonMark with GFM tables and strikethrough; raw HTML is off, so `<b>` stays the literal text `<b>`.
Parses are cached: a batch lints a decision and then renders it, and each body is parsed once.
The tokens are shared, so callers must only read them.
"""

from __future__ import annotations

from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Block nesting (a list and its item are a level each) beyond this is refused: markdown-it would
# otherwise drop the rest of the text without a word.
MAX_NESTING = 40


class MarkdownTooDeep(ValueError):
    """Markdown nested deeper than MAX_NESTING: lists or quotes inside one another, dozens deep."""


@cache
def _parser() -> MarkdownIt:
    options = {"html": False, "typographer": False, "maxNesting": MAX_NESTING * 2}
    return MarkdownIt("commonmark", options).enable(["table", "strikethrough"])


class ParsedMarkdown(tuple[Token, ...]):
    """Block tokens of one text, with facts about their structure worked out once, as parses are cached."""

    depth: int  # how deeply the blocks nest (0 for plain paragraphs)
    closing: dict[int, int]  # index of each opening token -> index of the token that closes it

    def __new__(cls, tokens: list[Token]) -> ParsedMarkdown:
        parsed = super().__new__(cls, tokens)
        parsed.depth = max((t.level for t in tokens), default=0)
        parsed.closing, opened = {}, []
        for index, token in enumerate(tokens):
            if token.nesting == 1:
                opened.append(index)
            elif token.nesting == -1 and opened:
                parsed.closing[opened.pop()] = index
        return parsed


@lru_cache(maxsize=512)
def parse_markdown(text: str) -> ParsedMarkdown:
    """Block tokens of `text` (read-only: they are cached and shared)."""
    return ParsedMarkdown(_parser().parse(text))
