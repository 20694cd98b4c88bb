"""A document's masthead, the lines before its first heading: organisation, board, meeting date, report
type, the document's title line and the reference in it, and the decision's title.
"""

from __future__ import annotations

from notice_builder.draft_import.values import find_reference, parse_date
from notice_builder.model.outline import Block, Document, heading_key
from notice_builder.model.profile import DocumentSpec, Profile

# What a covering report says it is for, printed under the board's name ("DECISION").
REPORT_TYPES = frozenset(heading_key(t) for t in (
    "DECISION", "FOR DECISION", "INFORMATION", "FOR INFORMATION", "DISCUSSION", "FOR DISCUSSION",
    "CONSULTATION", "FOR CONSULTATION", "NOTING", "FOR NOTING", "ASSURANCE", "FOR ASSURANCE"))
TITLE_STYLES = frozenset({"title", "titel", "titre", "titolo", "título"})
_BOARD_WORDS = ("board", "cabinet", "committee", "panel")
_MAX_REFERENCE_LINE_WORDS = 4
_MASTHEAD_LINES = 8  # a document's title line is among its first lines
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by"})


def _shown(text: str) -> str:
    return " ".join(text.split())


def title_case(text: str) -> str:
    """A name typed in capitals, in the case it is usually written ("Office of the Police ...")."""
    words = text.lower().split()
    return " ".join(w if n and w in _SMALL_WORDS else w[:1].upper() + w[1:] for n, w in enumerate(words))


class Masthead:
    """Reads the mastheads of a draft's documents into the placed values."""

    def __init__(self, profile: Profile, values: dict, where: dict, placeholders: list,
                 core_author: str | None = None):
        self.profile = profile
        self.values, self.where, self.placeholders = values, where, placeholders
        self.core_author = core_author
        self.report_title: tuple[str, int] | None = None  # the covering report's title line (in capitals)
        self.title_line: tuple[str, int] | None = None  # a title line in another document's masthead
        self.fields_seen = False
        self.spec: DocumentSpec | None = None
        self.marker_at: int | None = None
        markers = {heading_key(m) for spec in profile.documents.values() for m in (*spec.markers, spec.title)}
        self.markers = sorted(markers, key=len, reverse=True)

    def is_report(self, spec: DocumentSpec) -> bool:
        return (spec.layout or spec.kind) == "board-report"

    def start_document(self, document: Document, spec: DocumentSpec | None) -> None:
        self.spec = spec
        self.fields_seen = False
        shown = [b for b in document.blocks if b.text.strip()][:_MASTHEAD_LINES]
        # The document's title line: one naming a document of the profile, else one in the Title style.
        self.marker_at = next((b.index for b in shown if self._is_marker(_shown(b.text))), None) or next(
            (b.index for b in shown if b.style.casefold() in TITLE_STYLES and len(b.text.split()) <= 6), None)

    def _is_marker(self, text: str) -> bool:
        if not text or len(text.split()) > 15:
            return False
        key = f" {heading_key(text)} "
        return any(f" {marker} " in key for marker in self.markers)

    def _set(self, pointer: str, value, block: Block) -> None:
        if pointer not in self.values:
            self.values[pointer] = value
            self.where[pointer] = block.index

    def reference(self, text: str, block: Block) -> None:
        """A reference as typed: kept if real; a placeholder ("0XX/2013") is noted and not kept."""
        if not text:
            return
        found = find_reference(text, self.profile)
        if found is not None and found.placeholder:
            self.placeholders.append((block.index, "/reference", found.text))
        elif found is not None:
            self._set("/reference", found.text, block)
        else:
            self._set("/reference", text, block)

    def take(self, block: Block, rich, *, weak: bool = True) -> bool:
        """True if the line is part of the masthead (and its value was kept).

        Not `weak`: only lines that cannot be a section heading (the document's title line, a
        reference, a date, the board, the report type); else also the organisation and the title.
        """
        text = _shown(block.text)
        if not text:
            return True
        key = heading_key(text)
        report = self.spec is not None and self.is_report(self.spec)
        if self._is_marker(text) or block.index == self.marker_at:
            found = find_reference(text, self.profile)
            if found is not None:
                self.reference(found.text, block)
            return True
        if len(text.split()) <= _MAX_REFERENCE_LINE_WORDS and (found := find_reference(text, self.profile)):
            self.reference(found.text, block)
            return True
        if (day := parse_date(text)) is not None:
            self._set("/meeting/date" if report else "/date", day, block)
            return True
        board = heading_key(self.profile.board) if self.profile.board else None
        if report and "/meeting/board" not in self.values and (
                key == board or key.endswith(_BOARD_WORDS)):
            self._set("/meeting/board", self.profile.board if key == board else title_case(text), block)
            return True
        if report and key in REPORT_TYPES and "/meeting/report_type" not in self.values:
            self._set("/meeting/report_type", text, block)
            return True
        if not weak:
            return False
        before_marker = self.marker_at is not None and block.index < self.marker_at
        if "/organisation/name" not in self.values and (
                key == heading_key(self.profile.organisation) or before_marker):
            self._set("/organisation/name", self._organisation(text), block)
            return True
        emphasised = block.heading is not None or rich.bold or text.isupper()
        if report and self.report_title is None and emphasised:
            self.report_title = (text, block.index)
            return True
        if not report and self.title_line is None and emphasised and "/title" not in self.values \
                and len(text.split()) > 2:
            self.title_line = (text, block.index)
            return True
        return False

    def _organisation(self, text: str) -> str:
        """The organisation's name in its own case: the profile's or the document author's if they are
        the same words, else as typed (capitals made title case)."""
        key = heading_key(text)
        for known in (self.profile.organisation, self.core_author):
            if known and heading_key(known) == key:
                return known
        return title_case(text) if text.isupper() else text
