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


@lru_cache(maxsize=512)
def parse_markdown(text: str) -> tuple[Token, ...]:
    """Block tokens of `text` (read-only: they are cached and shared)."""
    return tuple(_parser().parse(text))


def nesting_depth(tokens: tuple[Token, ...]) -> int:
    """How deeply the blocks nest (0 for plain paragraphs)."""
    return max((t.level for t in tokens), default=0)
