"""The shared outline of a document set: its documents, their headings and paragraphs.

Rendering and linting meet only here. A reader (a Word package, a decision file) turns its input
into an `Outline`; lint rules read nothing else. `heading_key`, `label_key` and `fake_heading_level`
are the shared judgement of what counts as the same heading or field label and what looks like a
heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from notice_builder.model.findings import Location

UNKNOWN_KIND = "unknown"
# How well a Word draft fits the profile it is checked against, which decides what it must carry:
PROFILE_GIVEN = "given"  # named (--profile, a project's setting) or clearly its form: every required part
PROFILE_PARTIAL = "partial"  # the closest kind, in another office's form: only the profile's core parts
_T = TypeVar("_T")


@dataclass(frozen=True)
class Heading:
    """A heading: its text, its level (1 = top), and whether a Heading style made it one."""

    text: str
    level: int
    styled: bool = True


@dataclass(frozen=True)
class Block:
    """One paragraph of a document (table-cell paragraphs included) with what rules need to know."""

    index: int
    text: str
    location: Location
    heading: Heading | None = None
    style: str = ""
    number: tuple[int, ...] | None = None
    list_item: bool = False
    table_row: int | None = None
    has_drawing: bool = False
    # Which cell of its row a table paragraph is in: equal for the paragraphs of one cell.
    table_cell: int | None = None
    # Text Word shows in an empty content control ("Click or tap here to enter text."), which is not
    # in `text`: the control is still to be filled in.
    prompts: tuple[str, ...] = ()
    # The instructions of Word fields in the paragraph ("MERGEFIELD SchoolName"), as written.
    fields: tuple[str, ...] = ()

    @property
    def has_content(self) -> bool:
        """True if the paragraph shows something: text, a picture or a table cell."""
        return bool(self.text.strip()) or self.has_drawing


@dataclass
class Document:
    """One document of a set (e.g. the covering report, then the notice at Annex A)."""

    kind: str
    blocks: list[Block] = field(default_factory=list)
    annex: str | None = None
    status: str | None = None
    # Where a labelled field belongs when it is absent, by label_key ("protective marking"): a
    # decision file points at the nearest part of the JSON that is there. Word drafts leave it empty.
    field_places: dict[str, Location] = field(default_factory=dict)
    # Lines of a decision's Markdown bodies whose intent cannot be told (text pasted from Word), as
    # (where the body is, line number in the body, what is unclear, the line): lint rule pasted-text.
    pasted: list[tuple[Location, int, str, str]] = field(default_factory=list)

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.heading is not None]

    @property
    def first_location(self) -> Location:
        """Where to point at the document as a whole: its first paragraph."""
        for block in self.blocks:
            if block.has_content:
                return block.location
        return self.blocks[0].location if self.blocks else Location()


def _as_given(location: Location) -> Location:
    return location


@dataclass
class Outline:
    """Everything a lint rule may look at for one input file."""

    path: str
    source: str  # "docx" or "decision"
    documents: list[Document]
    title: str | None = None
    language: str | None = None
    has_metadata: bool = False
    listed_annexes: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    profile_fit: str = PROFILE_GIVEN
    # Completes a location of this outline for a finding: a decision's blocks carry only their JSON
    # pointer, and the line and column are looked up for the few that become findings.
    locate: Callable[[Location], Location] = _as_given
    # Paragraphs outside the body (headers, footers, text boxes, footnotes): read by the content rules
    # and for presence, never counted with the body's paragraphs. Their `location.area` says where.
    outside: list[Block] = field(default_factory=list)

    def blocks(self):
        """Every block of every document, with the document it belongs to."""
        for document in self.documents:
            for block in document.blocks:
                yield document, block


# -- what counts as the same heading ----------------------------------------------------------
_NUMBERING = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[ivxIVX]+)[.)]|\d+(?:\.\d+)+|\d+)\s+")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")
_NOT_WORD = re.compile(r"[^\w\s]+")
_STOP_WORDS = frozenset({"the", "a", "an"})


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """A heading's identity for comparison: case, numbering, '&'/'and', dashes, colons, plurals aside.

    "3. Financial Implications:", "FINANCIAL IMPLICATION" and "NON - CONFIDENTIAL" vs
    "Non-confidential" compare equal.
    """
    text = _NUMBERING.sub("", text.replace("\u2019", "'"), count=1).casefold()
    text = text.replace("&", " and ")
    text = _DASHES.sub(" ", text)
    text = _NOT_WORD.sub(" ", text)
    words = [_stem(w) for w in text.split() if w not in _STOP_WORDS]
    return " ".join(words)


def heading_matches(key: str, wanted: str) -> bool:
    """True if a heading with `key` stands for the required heading `wanted` (both heading_key()s).

    Exact, or the required wording followed by more words ("Legal implications and risks").
    """
    return key == wanted or (bool(wanted) and key.startswith(wanted + " "))


def matching_heading(key: str, wanted: Mapping[str, _T]) -> _T | None:
    """What `wanted` (by heading_key) holds for the longest of its keys that `key` matches, else None.

    The same judgement as `heading_matches`, looking up each candidate (the whole key, then fewer
    words) instead of comparing with every wanted heading.
    """
    while True:
        if key in wanted:
            return wanted[key]
        cut = key.rfind(" ")
        if cut <= 0:
            return None
        key = key[:cut]


@lru_cache(maxsize=1024)
def label_key(label: str) -> str:
    """A field label's identity: lower case, single spaces, no colon ("decision number")."""
    return " ".join(label.replace(":", " ").replace("\uff1a", " ").casefold().split())


# A stand-alone line that labels an annex: "ANNEX A", "Annex B - IIP Management Report", "Appendix 2:".
ANNEX_LINE = re.compile(r"^\s*(?:annexe?|appendix)\s+([A-Z]{1,2}|\d{1,2})\b\s*(?:[-–—:.]|$)", re.I)


# -- what looks like a heading ----------------------------------------------------------------
MAX_HEADING_WORDS = 15
MAX_HEADING_CHARACTERS = 120
_LONGEST_PLAIN_HEADING = 80  # a profile heading in plain type is recognised up to this length
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?;,]['\")\]]*$")
_LABEL_WITH_VALUE = re.compile(r":\s*\S")
# The title of a dated entry in a published list: a date, a dash, then the title
# ("14/03/2025 - Digital Inclusion – Funding for Schools ref: 3261    Recommendations Approved").
_DATED_TITLE = re.compile(
    r"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})\s+[-–—]\s+\w"
)
_LONGEST_DATED_TITLE = 200
# A numbered section put as a question ("1. Background information: why do we need to make this decision?").
_NUMBERED_QUESTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+[^\W\d_][^?]*\?$")
# Short lines typed in capitals that are markings, not section headings.
_NOT_HEADINGS = frozenset(
    heading_key(t)
    for t in (
        "OFFICIAL",
        "OFFICIAL SENSITIVE",
        "NOT PROTECTIVELY MARKED",
        "PROTECT",
        "RESTRICTED",
        "CONFIDENTIAL",
        "DRAFT",
        "END",
        "ENDS",
        "NONE",
        "N/A",
        "TBC",
        "TBD",
    )
)


def may_be_heading(text: str) -> bool:
    """Whether text could be a typed heading at all, before its emphasis is known.

    Not if empty, longer than 120 characters, with a tab, ending like a sentence or shaped
    "Label: value": none of these changes with bold or capitals, so a reader need not work out the
    emphasis of most body text. The first look of `fake_heading_level`. A dated entry's title
    (`_DATED_TITLE`) may be longer and hold a "ref: 3261".
    """
    stripped = text.strip()
    if _is_dated_title(stripped) or _is_numbered_question(stripped):
        return True
    return not (
        not stripped
        or len(stripped) > MAX_HEADING_CHARACTERS
        or "\t" in stripped
        or _SENTENCE_END.search(stripped)
        or _LABEL_WITH_VALUE.search(stripped)
    )


def _is_dated_title(stripped: str) -> bool:
    """A line that opens with a date and a dash, not too long, with no tab and not ending like a sentence."""
    return (
        len(stripped) <= _LONGEST_DATED_TITLE
        and "\t" not in stripped
        and _DATED_TITLE.match(stripped) is not None
        and not _SENTENCE_END.search(stripped)
    )


def _is_numbered_question(stripped: str) -> bool:
    """A short numbered line ending in its only question mark: a section heading put as a question."""
    return (
        len(stripped) <= MAX_HEADING_CHARACTERS
        and len(stripped.split()) <= MAX_HEADING_WORDS
        and _NUMBERED_QUESTION.match(stripped) is not None
    )


def fake_heading_level(text: str, *, bold: bool, known_keys: frozenset[str] = frozenset()) -> int | None:
    """The level a Normal paragraph seems to have as a heading, or None if it reads as body text.

    A paragraph looks like a heading when it is short (at most 15 words and 120 characters), does
    not end like a sentence (. ! ? ; ,), has no "Label: value" shape, and either:
      - is typed in capitals (no lower-case letter) with at least two words, or one word of six
        letters or more (so an acronym line such as "OJEU" or "WMP" is not a heading): level 1;
      - is wholly bold (Title Case or sentence case, numbered or ending with a colon): level 2;
      - reads exactly as one of the profile's headings (`known_keys`), e.g. "Schedule of
        Background Papers" in plain type: level 1.
    Protective markings typed in capitals (OFFICIAL, NOT PROTECTIVELY MARKED, DRAFT) are not.
    A wholly bold title of a dated entry ("14/03/2025 - Digital Inclusion ... ref: 3261") is a level-2
    heading however many words it has, and so is a wholly bold numbered question ("1. Background
    information: why do we need to make this decision?").
    """
    if not may_be_heading(text):
        return None
    stripped = text.strip()
    if bold and (_is_dated_title(stripped) or _is_numbered_question(stripped)):
        return 2
    words = _WORD.findall(stripped)
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    letters = "".join(words)
    capitals = letters.isupper() and (len(words) >= 2 or len(letters) >= 6)
    if not (capitals or bold) and (not known_keys or len(stripped) > _LONGEST_PLAIN_HEADING):
        return None
    key = heading_key(stripped)
    if key in _NOT_HEADINGS:
        return None
    if known_keys and key in known_keys:
        return 1
    if capitals:
        return 1
    if bold:
        return 2
    return None
