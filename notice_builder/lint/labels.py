"""Labelled lines a notice prints ("Date: ...", "Telephone Number: ...") and how to read their value.

Also where a draft gives each of the profile's labelled fields (`find_field`), shared by the
missing-field rule and by the placeholder rule, which leaves those fields to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from notice_builder.model.outline import Block, Document, label_key
from notice_builder.model.profile import DocumentSpec

# A known label, then a colon, a run of dots or underscores, then whatever value follows.
_LABELLED = re.compile(
    r"^\s*(?P<label>signature|signed(?:\s+by)?|date(?:\s+signed|\s+of\s+signature)?|name|"
    r"tel(?:ephone)?(?:\s+(?:no\.?|number))?|phone(?:\s+number)?|mobile|e-?mail(?:\s+address)?|"
    r"contact(?:\s+officer)?|reference|ref\.?|decision\s+(?:number|no\.?)|title|authors?(?:\s+of\s+the\s+report)?)"
    r"\s*(?P<separator>:|\.{2,}|…+|_{2,})\s*(?P<value>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_FILLER = re.compile(r"^[\s._…:\-–—]*$")
# A date left to be filled in: "../../....", "/ /2024", "__/__/20__", "  /  /  ".
_BLANK_DATE = re.compile(r"^[\s._…\-–—]*(?:/[\s._…\-–—]*)+(?:(?:19|20)?\d\d|20__|20\.\.)?[\s._…]*$")
# A signature line with the signatory's title printed under or after it, but no signature:
# "Signed ............ Police and Crime Commissioner", "Signature:<tab>Cabinet Member for Housing".
_SIGNATURE_LINE = re.compile(r"^\s*(?:\.{3,}|…+|_{3,})")
_ROLE_CAPTION = re.compile(
    r"^(?:the\s+)?(?:(?:deputy|acting|interim)\s+)*(?:"
    r"police,?\s+(?:fire\s+)?(?:and\s+)?crime\s+commissioner|commissioner|mayor|leader|"
    r"cabinet\s+member|portfolio\s+holder|lead\s+member|executive\s+member|director|head\s+of|"
    r"chief\s+(?:executive|finance\s+officer|constable|officer)|monitoring\s+officer|"
    r"section\s+151\s+officer|decision[\s-]+maker|proper\s+officer"
    r")(?:\s+(?:for|of|to|and)\b[^,;:]*)?\s*$",
    re.IGNORECASE,
)

SIGNATURE_LABELS = frozenset({"signature", "signed", "signed by"})
DATE_LABELS = frozenset({"date", "date signed", "date of signature"})
REFERENCE_LABELS = frozenset({"reference", "ref", "ref.", "decision number", "decision no", "decision no."})


def split_label(text: str) -> tuple[str, str] | None:
    """(label in lower case with single spaces, value with dot leaders removed), or None.

    The value is "" when nothing was filled in: only dots or dashes; a date's slashes without a
    date ("../../....", "/ /2024"); a signature line or a signatory's title with no signature
    ("Signed: ...... Police and Crime Commissioner", "Signature:<tab>Cabinet Member").
    """
    if not (":" in text or ".." in text or "…" in text or "__" in text):
        return None  # a cheap first look for a separator: most paragraphs are not labelled lines
    match = _LABELLED.match(text)
    if not match:
        return None
    label = " ".join(match.group("label").lower().split())
    value = match.group("value").strip()
    if _FILLER.match(value) or (label in DATE_LABELS and blank_date(value)):
        return label, ""
    if label in SIGNATURE_LABELS and (_SIGNATURE_LINE.match(value) or _ROLE_CAPTION.match(value)):
        return label, ""
    return label, value.strip(" ._…")


def split_cell_label(block: Block, row: Sequence[Block]) -> tuple[str, str] | None:
    """split_label for a table cell: the label may lack its colon and its value sit in the row's
    other cells (| Decision number | 2024/031 |, | Signed | (picture) |); None if not a label.
    """
    text = block.text
    labelled = split_label(text) or split_label(text.rstrip() + ":")
    if labelled is None or labelled[1]:
        return labelled
    others = [b for b in row if b is not block]
    value = _row_value(others)
    if value and value != "(picture)":
        value = split_label(f"{labelled[0]}: {value}")[1]
    return labelled[0], value


def blank_date(value: str) -> bool:
    """True for a date's template with the day and month not filled in: "../../....", "/ /2024"."""
    return bool(_BLANK_DATE.match(value))


# -- the profile's labelled fields ("Decision number:", "Protective Marking:") -------------------
# A signed document's template prints these after its `signature_after` section; once the document
# is final they are fields like any other (see rules/missing_field.py).
SIGNATURE_FIELDS = ("Signature:", "Date:")
_SEPARATORS = ":：.…_\t-–—"
# What follows a label that is the rest of a longer label: "Telephone" in "Telephone Number: ....".
_LONGER_LABEL = re.compile(r"^[^\W\d][\w ]{0,30}(?::|\.{2,}|…|_{2,})")


@cache
def _label_pattern(key: str) -> re.Pattern[str]:
    words = key.split()
    return re.compile(r"^\s*" + r"\s+".join(map(re.escape, words)) + r"(?P<rest>.*)$", re.I | re.S)


def field_value(text: str, label: str, *, loose: bool = False) -> str | None:
    """The value a paragraph gives the field `label` ("" if left blank), or None if it is not that field.

    Case, spacing and the colon are free: "PROTECTIVE MARKING : OFFICIAL", "Protective marking:: x",
    "Protective Marking....." (blank). Without any colon, dots or tab after the label, the rest is
    the value only when `loose` (a masthead line or a table cell), so that a sentence beginning
    "Title of the report was..." in the body is not taken for the field.
    """
    match = _label_pattern(label_key(label)).match(text)
    if match is None:
        return None
    rest = match.group("rest")
    after = rest.lstrip()
    if not after or _FILLER.match(after):
        return ""
    if after[0] in _SEPARATORS:
        value = after.lstrip(_SEPARATORS + " ")
        return "" if _FILLER.match(value) or blank_date(value) else value.strip()
    if rest[:1].isspace() and loose and not _LONGER_LABEL.match(after):
        return after.strip()
    return None


@dataclass(frozen=True)
class FieldLine:
    """Where a draft gives a labelled field, and the value it gives ("" when left blank)."""

    label: str
    block: Block
    value: str
    value_blocks: tuple[Block, ...] = ()  # the other cells of its table row, if it is in a table


def _row_value(row: Sequence[Block]) -> str:
    """The value beside a label in a table row: the row's other cells, or a picture (a signature)."""
    text = " ".join(b.text.strip() for b in row if b.text.strip())
    if text and not _FILLER.match(text):
        return text
    return "(picture)" if any(b.has_drawing for b in row) else ""


# A line that is itself a label ("Email:", "Decision number: 12"), so not the value of the label above it.
_LABEL_LINE = re.compile(r"^[^\W\d][^:.;!?]{0,40}:(?:\s|$)")


def _value_below(blocks: Sequence[Block], position: int) -> str:
    """A label's value written in the paragraph after it ("Report author:" then "Liz Thomas"), if any.

    Only a paragraph of text: not a heading, not in a table, not another label.
    """
    for block in blocks[position + 1 :]:
        if not block.has_content:
            continue
        text = block.text.strip()
        if block.heading is not None or block.table_row is not None or _LABEL_LINE.match(text):
            return ""
        return "" if _FILLER.match(text) else text
    return ""


def line_index(blocks: Sequence[Block]) -> dict[str, list[int]]:
    """Positions of the blocks by the first two characters of their text (case-folded): where
    `find_field` looks for a label, so that each label is compared with few paragraphs."""
    index: dict[str, list[int]] = {}
    for position, block in enumerate(blocks):
        start = block.text.lstrip()[:2].casefold()
        if start:
            index.setdefault(start, []).append(position)
    return index


def find_field(
    blocks: Sequence[Block], label: str, masthead_end: int, index: dict[str, list[int]] | None = None
) -> FieldLine | None:
    """The paragraph (or table row) that gives `label`: the first with a value, else the first blank.

    The value may be on the label's line, in the next cell of its table row, or in the paragraph
    after a label that stands alone. `index` (from `line_index(blocks)`) saves looking at every block.
    """
    blank = None
    first_word = label_key(label).split()[0] if label_key(label) else ""
    positions = range(len(blocks)) if index is None else index.get(first_word[:2], ())
    for position in positions:
        block = blocks[position]
        start = block.text.lstrip()
        if not start or start[: len(first_word)].casefold() != first_word:
            continue  # cheap test before the label's pattern: most paragraphs start otherwise
        in_row = block.table_row is not None
        value = field_value(block.text, label, loose=in_row or position < masthead_end)
        if value is None:
            continue
        row = tuple(b for b in blocks if in_row and b.table_row == block.table_row and b is not block)
        if not value and row:
            value = _row_value(row)
        if not value and block.has_drawing:
            value = "(picture)"
        if not value and not in_row:
            value = _value_below(blocks, position)
        if value:
            return FieldLine(label, block, value, row)
        blank = blank or FieldLine(label, block, "", row)
    return blank


def signs_off(spec: DocumentSpec | None, document: Document) -> bool:
    """True if `document` is final and its profile prints a signature block: Signature and Date are due."""
    return bool(spec and spec.signature_after) and document.status == "final"


def required_fields(
    spec: DocumentSpec, document: Document, *, core_only: bool = False
) -> tuple[tuple[str, ...], ...]:
    """The fields `document` must fill, each as its wordings (its label first): the profile's required
    fields (only its `core` ones if `core_only`), and Signature/Date once final."""
    fields = [f.wordings for f in spec.fields if f.required and (f.core or not core_only)]
    if signs_off(spec, document):
        keys = {label_key(wording) for wordings in fields for wording in wordings}
        fields += [(s,) for s in SIGNATURE_FIELDS if label_key(s) not in keys]
    return tuple(fields)


def find_any_field(
    blocks: Sequence[Block], wordings: Sequence[str], masthead_end: int,
    index: dict[str, list[int]] | None = None,
) -> FieldLine | None:
    """The line that gives a field under any of its wordings: the first with a value, else the first blank.

    A line is read under the longest wording that fits it: "Contact officer" (blank) is not
    "Contact" with the value "officer".
    """
    blank = None
    claimed: set[int] = set()
    for wording in sorted(wordings, key=lambda w: -len(label_key(w))):
        line = find_field(blocks, wording, masthead_end, index)
        if line is None or line.block.index in claimed:
            continue
        claimed.add(line.block.index)
        if line.value:
            return line
        blank = blank or line
    return blank


# -- text outside the body (headers, footers, text boxes) ------------------------------------------
# A protective marking printed alone in a header or footer gives the document's marking: the
# Government Security Classifications and the older markings, in capitals as they are printed.
_MARKING_ALONE = re.compile(
    r"(?<![\w-])(?:OFFICIAL(?:[ -]SENSITIVE)?|SECRET|TOP SECRET|NOT PROTECTIVELY MARKED|PROTECT|RESTRICTED|"
    r"UNCLASSIFIED)(?![\w-])"
)
MARKING_LABELS = frozenset({"protective marking", "security classification", "classification", "marking",
                            "security marking", "government security classification"})


def find_outside(outside: Sequence[Block], label: str) -> FieldLine | None:
    """Where text outside the body gives a field with a value: its label and value ("Protective
    Marking: OFFICIAL" in a header), or for a protective marking the marking alone ("OFFICIAL").
    """
    if not outside:
        return None
    line = find_field(outside, label, len(outside))
    if line is not None and line.value:
        return line
    if label_key(label) in MARKING_LABELS:
        for block in outside:
            if (match := _MARKING_ALONE.search(block.text)) is not None:
                return FieldLine(label, block, match.group())
    return None


def required_field_lines(
    spec: DocumentSpec, document: Document, masthead_end: int, outside: Sequence[Block] = (),
    *, core_only: bool = False,
) -> list[tuple[str, FieldLine | None]]:
    """Each required label of `document` with the line that gives it, or None where there is none.

    A field the body leaves out or blank may be given outside it (`outside`: headers, footers).
    """
    blocks = document.blocks
    index = line_index(blocks)
    lines = []
    contact = None
    for wordings in required_fields(spec, document, core_only=core_only):
        line = find_any_field(blocks, wordings, masthead_end, index)
        if line is None or not line.value:
            line = next(filter(None, (find_outside(outside, w) for w in wordings)), None) or line
        if line is None and (pattern := _contact_detail(wordings[0])) is not None:
            contact = contact or find_any_field(blocks, _CONTACT_LABELS, masthead_end, index)
            if contact is not None and (match := pattern.search(contact.value)):
                line = FieldLine(wordings[0], contact.block, match.group())
        lines.append((wordings[0], line))
    return lines


# A contact line that gives the number and address too: "Contact: Governance team, 020 7983 6532,
# governance@mopac.london.gov.uk" gives the Telephone and Email fields.
_CONTACT_LABELS = ("Contact:", "Contact officer:", "Enquiries:", "Contact details:")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_IN_TEXT = re.compile(r"(?:\+44\s?|\b0)\d[\d ]{8,12}\d\b")


def _contact_detail(label: str) -> re.Pattern | None:
    """The pattern of what a contact line gives for `label`: an e-mail address or a telephone number."""
    key = label_key(label)
    if "mail" in key:
        return _EMAIL_IN_TEXT
    if key.startswith(("tel", "phone")):
        return _PHONE_IN_TEXT
    return None
