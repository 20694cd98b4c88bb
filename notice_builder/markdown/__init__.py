"""Markdown body text as tokens: the one parse that rendering and linting share.

CommonMark with GFM tables and strikethrough, read by markdown-it-py (parser.py); raw HTML is
off, so `<b>` stays the literal text `<b>`. Text pasted from Word is read as meant (pasted.py): a
pasted bullet line is a list item, a lone line break is a line break. Parses are cached: a batch
lints a decision and then renders it, and each body is parsed once. The tokens are immutable and shared.
"""

from __future__ import annotations

from functools import lru_cache

from notice_builder.markdown.parser import block_tokens
from notice_builder.markdown.pasted import PastedNote, normalised, pasted_notes
from notice_builder.markdown.tokens import MAX_NESTING, MarkdownToken, MarkdownTooDeep, ParsedMarkdown

__all__ = [
    "MAX_NESTING", "MarkdownToken", "MarkdownTooDeep", "ParsedMarkdown", "PastedNote", "parse_markdown",
    "pasted_notes",
]


@lru_cache(maxsize=512)
def parse_markdown(text: str) -> ParsedMarkdown:
    """Block tokens of `text`, pasted bullet lines read as list items."""
    return ParsedMarkdown(block_tokens(normalised(text)))
