"""Place a draft's paragraphs in a decision by the profile: headings to sections, labelled lines to fields.

Headings are matched by meaning (`heading_key`, the profile's wordings and aliases); a heading the
profile does not name becomes an author-named section where the profile has one (`*`), else a
sub-heading of the section it stands in. Labelled lines and two-column table rows fill the profile's
fields and the common ones (contact officer, telephone, reference ...). The lines before a document's
first heading are its masthead (masthead.py). The signature block (role, declaration, Signature:,
Date:) is taken out of the section it follows. Nothing is dropped: a paragraph with no place stays in
the section where it stands (or, before any section, the document's first) and is listed as unplaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notice_builder.draft_import.covering_report import authors, names_a_role
from notice_builder.draft_import.markdown_body import Unit, body_markdown
from notice_builder.draft_import.masthead import Masthead
from notice_builder.draft_import.values import (
    label_table,
    parse_date,
    person,
    split_known_label,
)
from notice_builder.draft_import.word_markdown import RichParagraph
from notice_builder.model.outline import ANNEX_LINE, Block, Document, heading_key, matching_heading
from notice_builder.model.profile import DocumentSpec, HeadingSpec, Profile
from notice_builder.render.context import UNDATED_TEXT, UNSIGNED_TEXT

# What kind of value each place of a decision holds, where it is not Markdown text.
PARAGRAPH_LISTS = frozenset({"/report/purpose", "/report/background", "/report/recommendations"})
LINE_LISTS = frozenset({"/notice/background_papers"})
SECTION_LISTS = frozenset({"/notice/facts_and_advice/sections"})
_ROLE_LINE_WORDS = 15
# A declaration of interests in any office's words: "I confirm I have considered whether ... interest".
_ANY_DECLARATION = re.compile(r"^I (?:confirm|declare|have considered|have no)\b.*\binterests?\b", re.I)
DATE_POINTERS = frozenset({"/date", "/meeting/date", "/notice/signature/date"})


@dataclass(frozen=True)
class Unplaced:
    """A paragraph the profile gave no place: where it stands, its text, and where it was put."""

    paragraph: int
    text: str
    reason: str
    put_at: str


@dataclass
class Placed:
    """What the placement found: values by JSON pointer, section bodies, and what it could not place."""

    values: dict[str, object] = field(default_factory=dict)
    bodies: dict[str, list[Unit]] = field(default_factory=dict)
    sections: list[tuple[str, list[Unit]]] = field(default_factory=list)  # author-named sections
    where: dict[str, int] = field(default_factory=dict)  # pointer -> paragraph it was read from
    unplaced: list[Unplaced] = field(default_factory=list)
    placeholders: list[tuple[int, str, str]] = field(default_factory=list)  # (paragraph, pointer, text)
    repeated: list[tuple[int, str, str]] = field(default_factory=list)  # (paragraph, heading, pointer)
    counted: int = 0  # paragraphs with text
    last_target: tuple[str | None, int] = (None, 0)  # where the previous document's text went last
    masthead: Masthead | None = None


def _heading_table(spec: DocumentSpec) -> dict[str, HeadingSpec]:
    table: dict[str, HeadingSpec] = {}
    for heading in spec.headings:
        if not heading.is_wildcard:
            for wording in heading.wordings:
                table.setdefault(heading_key(wording), heading)
    return table


class DocumentPlacer:
    """Walks one document of a draft, section by section, into `Placed`."""

    def __init__(self, profile: Profile, spec: DocumentSpec | None, rich: dict[int, RichParagraph],
                 placed: Placed, masthead: Masthead):
        self.profile = profile
        self.spec = spec
        self.rich = rich
        self.placed = placed
        self.masthead = masthead
        self.labels = label_table(profile)
        own = _heading_table(spec) if spec else {}
        others: dict[str, HeadingSpec] = {}
        for other in profile.documents.values():
            if other is not spec:
                for key, heading in _heading_table(other).items():
                    others.setdefault(key, heading)
        self.own, self.others = own, others
        self.wildcard = next((h for h in spec.headings if h.is_wildcard and h.source), None) if spec else None
        self.target: str | None = None  # where paragraphs go now: a pointer, or "#N" an author section
        self.level = 0  # the heading level of the current section
        self.waiting: list[tuple[Unit, str]] = []  # unplaced before any section: (unit, reason)
        self.last_signature: int | None = None
        self.previous: tuple[str | None, int] = (None, 0)

    # -- where paragraphs go ----------------------------------------------------------------------
    def _units(self) -> list[Unit]:
        if self.target is None:
            raise LookupError
        if self.target.startswith("#"):
            return self.placed.sections[int(self.target[1:])][1]
        return self.placed.bodies.setdefault(self.target, [])

    def _open(self, target: str, level: int) -> None:
        self.previous = (self.target, self.level)
        self.target, self.level = target, level
        units = self._units()
        for unit, reason in self.waiting:
            units.append(unit)
            self._unplaced(unit.block, reason)
        self.waiting = []

    def _unplaced(self, block: Block, reason: str) -> None:
        self.placed.unplaced.append(Unplaced(block.index, " ".join(block.text.split()), reason,
                                             self._put_at()))

    def _put_at(self) -> str:
        if self.target is None:
            return "(the next section)"
        if self.target.startswith("#"):
            return f"{self.wildcard.source}/{self.target[1:]}" if self.wildcard else self.target
        return self.target

    def _keep_unplaced(self, unit: Unit, reason: str) -> None:
        if self.target is None:
            self.waiting.append((unit, reason))
        else:
            self._units().append(unit)
            self._unplaced(unit.block, reason)

    # -- the walk -----------------------------------------------------------------------------------
    def place(self, document: Document) -> None:
        blocks = [b for b in document.blocks if b.text.strip()]
        self.placed.counted += len(blocks)
        if self.spec is None:  # an annex or appendix: the decision holds its title, not its text
            self.target, self.level = self.placed.last_target
            for block in blocks:
                rich = self.rich.get(block.index) or RichParagraph(block.index, block.text.strip())
                self._keep_unplaced(Unit(block, rich), "in an annex or appendix, whose text a decision "
                                    "file does not hold")
            self._close_document()
            return
        self.masthead.start_document(document, self.spec)
        position = 0
        while position < len(blocks):
            block = blocks[position]
            rich = self.rich.get(block.index) or RichParagraph(block.index, block.text.strip())
            unit = Unit(block, rich)
            if rich.table is not None:
                end = position
                while end < len(blocks) and (r := self.rich.get(blocks[end].index)) and r.table == rich.table:
                    end += 1
                self._table([Unit(b, self.rich[b.index]) for b in blocks[position:end]])
                position = end
                continue
            position += 1
            if block.heading is not None and self._heading(unit):
                continue
            if block.heading is None and self._labelled(unit):
                continue
            if self.target is None:
                if block.heading is None and self.masthead.take(block, rich):
                    continue
                self._keep_unplaced(unit, "before the document's first heading, and not part of its masthead")
                continue
            if self._annex_line(unit):
                continue
            self._units().append(unit)
        self._close_document()

    def _close_document(self) -> None:
        if self.waiting and self._headless_notice():
            # A short notice with no section headings at all ("I have considered a report ... I have
            # agreed"): its text after the masthead is the decision itself.
            decision = next(h.source for h in self.spec.headings if h.id == "decision")
            self.target, self.level = decision, 1
            self._units().extend(unit for unit, _ in self.waiting)
            self.waiting = []
        if self.waiting:  # no section opened: keep the text in the last one used, else the first there is
            target = self.placed.last_target[0] or next(
                (h.source for d in self.profile.documents.values() for h in d.headings
                 if h.source and not h.is_wildcard), None)
            if target:
                self._open(target, 1)
        if self.target is not None:
            self.placed.last_target = (self.target, self.level)

    def _headless_notice(self) -> bool:
        """True for a document that opened no section and whose profile gives it a decision section."""
        if self.spec is None or self.target is not None or self.placed.bodies or self.placed.sections:
            return False
        return any(h.id == "decision" and h.source for h in self.spec.headings)

    def _heading(self, unit: Unit) -> bool:
        """Open the section a heading names; False if it is no section (a masthead line, a field)."""
        block = unit.block
        key = heading_key(block.heading.text)
        spec = matching_heading(key, self.own)
        if spec is None and self.target is None and self.masthead.take(block, unit.rich, weak=False):
            return True  # "DECISION" under the board's name on a covering report is its report type
        if spec is None and not self._author_section_due():
            # Another document's heading, in a document whose own layout has no place for one here:
            # a heading after which this document takes author-named sections is one of those.
            spec = matching_heading(key, self.others)
        if spec is not None and key not in self.own and key not in self.others \
                and spec.source in self.placed.bodies:
            # "DECISION PUBLIC VICTIMS" starts like DECISION, which is already placed: another section.
            spec = None
        if spec is None and self.target is None and (self.masthead.take(block, unit.rich)
                                                     or self._labelled(unit)):
            return True
        if spec is not None:
            if spec.source is None:  # a heading that only groups the sections after it
                self.target, self.level = None, block.heading.level
                return True
            if spec.source in self.placed.bodies:  # the same heading twice: both texts, in order
                self.placed.repeated.append((block.index, " ".join(block.text.split()), spec.source))
            self._open(spec.source, block.heading.level)
            self.placed.where.setdefault(spec.source, block.index)
            return True
        if self._labelled(unit):
            return True
        if self.target is None and not self.waiting and not self._past_masthead():
            return False
        return self._unnamed_heading(unit)

    def _past_masthead(self) -> bool:
        return self.masthead.fields_seen or self.target is not None

    def _unnamed_heading(self, unit: Unit) -> bool:
        """A heading the profile does not name: an author's section, else a sub-heading where it stands."""
        block = unit.block
        level, typed = block.heading.level, not block.heading.styled
        # Typed headings (bold or capitals) carry no real level: the first after the section the
        # profile puts author-named sections after opens one, and the typed headings inside an
        # author-named section are its sub-headings.
        opens_author_section = typed and self.wildcard is not None and self._wildcard_follows_current()
        if self.target is not None and not opens_author_section and (
                level > self.level or (typed and self.target.startswith("#"))):
            self._units().append(Unit(block, unit.rich, heading_level=max(1, level - self.level)))
            return True
        if self.wildcard is not None:
            self.placed.sections.append((" ".join(block.text.split()), []))
            self._open(f"#{len(self.placed.sections) - 1}", level)
            return True
        self._keep_unplaced(Unit(block, unit.rich, heading_level=1),
                            "a heading the profile does not name, kept as a sub-heading where it stands")
        return True

    def _author_section_due(self) -> bool:
        """True where this document takes author-named sections next ("INTRODUCTION AND BACKGROUND")."""
        return self.wildcard is not None and self.target is not None and self._wildcard_follows_current()

    def _wildcard_follows_current(self) -> bool:
        headings = self.spec.headings
        place = headings.index(self.wildcard)
        return place > 0 and headings[place - 1].source == self.target

    # -- labelled lines, tables, the signature block ------------------------------------------------
    def _labelled(self, unit: Unit) -> bool:
        found = split_known_label(unit.block.text.strip(), self.labels)
        if found is None:
            return False
        _, pointer, value = found
        return self._field(unit, pointer, value)

    def _field(self, unit: Unit, pointer: str, value: str) -> bool:
        block = unit.block
        if pointer == "signature":
            self._signature_block(block)
            if value and value != UNSIGNED_TEXT:
                self._set("/notice/signature/name", value, block)
            return True
        if pointer == "date":
            if self.last_signature is not None and block.index - self.last_signature <= 3:
                pointer = "/notice/signature/date"
            elif self.spec is not None and self.masthead.is_report(self.spec):
                pointer = "/meeting/date"
            else:
                pointer = "/date"
            if value and value != UNDATED_TEXT:
                day = parse_date(value)
                if day is None:
                    self.placed.placeholders.append((block.index, pointer, value))
                else:
                    self._set(pointer, day, block)
            return True
        if pointer == "/report/authors":
            self._set(pointer, authors(value), block)
            return True
        if pointer == "/reference":
            self.masthead.reference(value, block)
            return True
        if pointer in DATE_POINTERS:
            day = parse_date(value) if value else None
            if day is None:
                self.placed.placeholders.append((block.index, pointer, value))
            else:
                self._set(pointer, day, block)
            return True
        if pointer in ("/decision_maker", "/notice/author"):
            if value:
                # "Cabinet Member for Environment" alone is a role; "Helen Marsh, Cabinet Member" both
                role_only = "," not in value and names_a_role(value)
                self._set(pointer, {"role": value} if role_only else person(value), block)
            return True
        self.masthead.fields_seen = True
        if value:
            self._set(pointer, value, block)
        else:
            self.placed.placeholders.append((block.index, pointer, ""))
        return True

    def _set(self, pointer: str, value, block: Block) -> None:
        if pointer not in self.placed.values:
            self.placed.values[pointer] = value
            self.placed.where[pointer] = block.index

    def _table(self, units: list[Unit]) -> None:
        """A table: rows of label and value are fields; any other table is part of the section's body."""
        rows: dict[int, list[Unit]] = {}
        for unit in units:
            rows.setdefault(unit.rich.row, []).append(unit)
        leftover: list[Unit] = []
        for row in rows.values():
            cells: dict[int, list[Unit]] = {}
            for unit in row:
                cells.setdefault(unit.rich.cell, []).append(unit)
            if len(cells) == 2 or (len(cells) == 1 and 0 in cells):  # a label, and its value if filled in
                label, value = (" ".join(u.block.text.strip() for u in cells[c]) for c in sorted(cells)) \
                    if len(cells) == 2 else (" ".join(u.block.text.strip() for u in cells[0]), "")
                found = split_known_label(label.rstrip(":") + ": " + value, self.labels)
                if found is not None and self._field(cells[min(cells)][0], found[1], found[2]):
                    continue
            leftover.extend(row)
        if not leftover:
            return
        if len(leftover) == len(units) and self.target is not None:
            self._units().extend(units)
            return
        for unit in leftover:
            self._keep_unplaced(Unit(unit.block, RichParagraph(unit.block.index, unit.rich.markdown)),
                                "a table row whose label is not one of the profile's fields")

    def _signature_block(self, block: Block) -> None:
        """Take the role line, the declaration and any interests out of the section before Signature:."""
        self.last_signature = block.index
        if self.target is None:
            return
        units = self._units()
        pattern = self._declaration_pattern()
        found = None
        for back in range(1, min(6, len(units)) + 1):
            if pattern.match(" ".join(units[-back].block.text.split())):
                found = len(units) - back
                break
        if found is not None:
            declaration = units[found]
            match = pattern.match(" ".join(declaration.block.text.split()))
            office = match.groupdict().get("office") if match else None
            self._set("/notice/declaration_of_interests", declaration.rich.markdown, declaration.block)
            if office:
                self._set("/organisation/office", office.strip(), declaration.block)
            interests = units[found + 1:]
            if interests:
                self._set("/notice/interests", body_markdown(interests), interests[0].block)
            del units[found:]
        elif units and _role_like(units[-1].block.text):
            pass
        else:
            return
        if units and _role_like(units[-1].block.text):
            role = units.pop()
            self._set("/decision_maker/role", " ".join(role.block.text.split()), role.block)
        elif not units and self.target.startswith("#") and _role_like(self.placed.sections[-1][0]):
            # "Deputy Mayor for Policing and Crime" as a heading over the declaration: the role, not a section
            heading, _ = self.placed.sections.pop()
            self._set("/decision_maker/role", heading, block)
            self.target, self.level = self.previous
            self.placed.unplaced[:] = [u for u in self.placed.unplaced if u.text != heading]

    def _declaration_pattern(self) -> re.Pattern:
        """The profile's declaration (its {office} read back), or any "I confirm/declare ..." sentence."""
        text = self.profile.standard_text.get("declaration")
        if not text:
            return _ANY_DECLARATION
        parts = [re.escape(piece) for piece in " ".join(text.split()).split("{office}")]
        own = "^" + "(?P<office>.+?)".join(parts) + "$"
        return re.compile(f"{own}|{_ANY_DECLARATION.pattern}", re.I)

    def _annex_line(self, unit: Unit) -> bool:
        """"Annex A: Draft Notice of Decision" after a covering report's recommendations: its annexes."""
        if self.spec is None or not self.masthead.is_report(self.spec):
            return False
        text = " ".join(unit.block.text.split())
        match = ANNEX_LINE.match(text)
        if match is None:
            return False
        title = text[match.end():].strip(" :-–—")
        if not title:
            return False
        annexes = self.placed.values.setdefault("/report/annexes", [])
        annexes.append({"label": match.group(1).upper(), "title": title})
        self.placed.where.setdefault("/report/annexes", unit.block.index)
        return True


def _role_like(text: str) -> bool:
    """A short line with no sentence's end: a signatory's role printed above the declaration."""
    stripped = " ".join(text.split())
    return (bool(stripped) and len(stripped.split()) <= _ROLE_LINE_WORDS
            and not stripped.endswith((".", ":", ";")))
