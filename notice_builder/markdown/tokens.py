"""The tokens a Markdown text is read as: markdown-it's vocabulary, as small immutable tuples.

parser.py gives these, and the readers (render.markdown_to_word, load.decision_outline) depend on
them, not on the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

# Block nesting (a list and its item are a level each) beyond this is refused: markdown-it would
# otherwise drop the rest of the text without a word.
MAX_NESTING = 40

NO_ATTRIBUTES: Mapping[str, str | int] = MappingProxyType({})
_BREAKS = frozenset({"softbreak", "hardbreak"})


class MarkdownTooDeep(ValueError):
    """Markdown nested deeper than MAX_NESTING: lists or quotes inside one another, dozens deep."""


class MarkdownToken(NamedTuple):
    """One token, named as markdown-it names them: `paragraph_open`, `inline`, `text`, `link_open`...

    `nesting` is 1 for an opening token, -1 for a closing one and 0 for the rest; `level` counts the
    tokens open around it. An `inline` token holds a paragraph's, heading's or table cell's content as
    `children`, and its `content` is that text as it reads (without the Markdown marks), not its source.
    `hidden` marks the paragraphs of a tight list, which have no paragraph of their own in the source.
    """

    type: str
    tag: str = ""
    nesting: int = 0
    level: int = 0
    content: str = ""
    attrs: Mapping[str, str | int] = NO_ATTRIBUTES  # href and title of a link, start of a list...
    children: tuple[MarkdownToken, ...] = ()
    hidden: bool = False

    def attr(self, name: str) -> str | int | None:
        return self.attrs.get(name)


def frozen(attrs: Mapping[str, str | int]) -> Mapping[str, str | int]:
    """A token's attributes, read-only (tokens are cached and shared)."""
    return MappingProxyType(dict(attrs)) if attrs else NO_ATTRIBUTES


def inline_token(children: Iterable[MarkdownToken], level: int) -> MarkdownToken:
    """The `inline` token holding `children`, with their text as its content."""
    children = tuple(children)
    if len(children) == 1 and children[0].type == "text":  # most often one plain text
        text = children[0].content
    else:
        text = "".join(["\n" if child.type in _BREAKS else child.content for child in children])
    return MarkdownToken("inline", "", 0, level, text, NO_ATTRIBUTES, children)


class ParsedMarkdown(tuple[MarkdownToken, ...]):
    """Block tokens of one text, with facts about their structure worked out once, as parses are cached."""

    depth: int  # how deeply the blocks nest (0 for plain paragraphs)
    closing: dict[int, int]  # index of each opening token -> index of the token that closes it

    def __new__(cls, tokens: Iterable[MarkdownToken]) -> ParsedMarkdown:
        parsed = super().__new__(cls, tokens)
        parsed.depth = max((t.level for t in parsed), default=0)
        parsed.closing, opened = {}, []
        for index, token in enumerate(parsed):
            if token.nesting == 1:
                opened.append(index)
            elif token.nesting == -1 and opened:
                parsed.closing[opened.pop()] = index
        return parsed
