"""Markdown body text as tokens: the one parse that rendering and linting share.

CommonMark with GFM tables and strikethrough, read by markdown-it-py (parser.py); raw HTML is
off, so `<b>` stays the literal text `<b>`. Parses are cached: a batch lints a decision and then renders
it, and each body is parsed once. The tokens are immutable and shared.
"""

from __future__ import annotations

from functools import lru_cache

from notice_builder.markdown.parser import block_tokens
from notice_builder.markdown.tokens import MAX_NESTING, MarkdownToken, MarkdownTooDeep, ParsedMarkdown

__all__ = ["MAX_NESTING", "MarkdownToken", "MarkdownTooDeep", "ParsedMarkdown", "parse_markdown"]


@lru_cache(maxsize=512)
def parse_markdown(text: str) -> ParsedMarkdown:
    """Block tokens of `text`."""
    return ParsedMarkdown(block_tokens(text))
