"""Lay a decision file out as the Outline of the documents it will make, with JSON positions.

The profile says which headings each document carries and where their content comes from; Markdown
headings inside a body become sub-headings. Short labelled lines (Reference, Telephone Number,
Signature, Date) are added where the notice prints them, so that text rules see what a reader will.
The profile's labelled fields are lines "Label: value", the value printed as the template prints it
(`field_text`) and placed at the field's JSON pointer; an absent field is no line, and the document
records where it belongs (the nearest part of the decision that is there) for missing-field.
"""

from __future__ import annotations

from typing import Any

from notice_builder.load.decision_file import DecisionSource
from notice_builder.markdown import MarkdownToken, parse_markdown, pasted_notes
from notice_builder.model.decision_text import field_text
from notice_builder.model.findings import Location
from notice_builder.model.outline import (
    Block,
    Document,
    Heading,
    Outline,
    fake_heading_level,
    heading_key,
    label_key,
)
from notice_builder.model.profile import DocumentSpec, Profile
from notice_builder.model.redaction import public_decision

# Lines printed in a document's masthead or after a section: (document kind, after heading id,
# label, pointer). `after` None means before the first heading. Unlabelled declarations are
# Markdown; other values are plain lines.
_LABELLED_LINES = (
    ("board-report", None, "", "/meeting/board"),
    ("board-report", None, "", "/meeting/report_type"),
    ("notice", None, "Reference:", "/reference"),
    ("notice", None, "Contact Officer:", "/notice/contact_officer/name"),
    ("notice", None, "Telephone Number:", "/notice/contact_officer/telephone"),
    ("notice", None, "Email:", "/notice/contact_officer/email"),
    ("notice", None, "Title:", "/title"),
    ("notice", "decision", "", "/notice/declaration_of_interests"),
    ("notice", "decision", "", "/notice/interests"),
    ("notice", "decision", "Signature:", "/notice/signature/name"),
    ("notice", "decision", "Date:", "/notice/signature/date"),
    ("board-report", "recommendations", "Authors of the Report:", "/report/authors"),
)
_MARKDOWN_LINES = frozenset({"/notice/declaration_of_interests", "/notice/interests"})
# The signature block's lines are fields once a decision is final (lint rule missing-field).
_SIGNATURE_LINES = frozenset({"/notice/signature/name", "/notice/signature/date"})
_MISSING = object()
_MARKUP = frozenset({"em_open", "em_close", "s_open", "s_close", "link_open", "link_close"})
_LISTS = frozenset({"bullet_list_open", "ordered_list_open", "bullet_list_close", "ordered_list_close"})
_TABLES = frozenset({"table_open", "table_close"})


def value_at(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer, or a sentinel when any step is missing."""
    current = data
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            return _MISSING
    return current


def _present_parent(data: Any, pointer: str) -> str:
    """`pointer`, or its nearest ancestor that the decision has ("" for the whole decision)."""
    while pointer and value_at(data, pointer) is _MISSING:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def _inline_text(token: MarkdownToken) -> tuple[str, bool]:
    """Plain text of an inline token, and whether all of it is bold."""
    children = token.children
    if len(children) == 1 and children[0].type == "text":
        return token.content, False  # most paragraphs: plain text, which cannot be all bold
    parts, bold_parts, depth = [], [], 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            depth += 1
        elif kind == "strong_close":
            depth = max(depth - 1, 0)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind not in _MARKUP:
            parts.append(child.content)
            bold_parts.append(depth > 0 or not child.content.strip())
    text = "".join(parts)
    return text, bool(text.strip()) and all(bold_parts)


class _Builder:
    """Collects the blocks of one document in order, numbering them as it goes."""

    def __init__(self, known_keys: frozenset[str], counter: list[int]):
        self.known_keys = known_keys
        self.counter = counter
        self.blocks: list[Block] = []
        self.places: dict[str, Location] = {}  # one Location a pointer: a body's paragraphs share it
        self.pasted: list[tuple[Location, int, str, str]] = []

    def add(
        self,
        text: str,
        pointer: str,
        heading: Heading | None = None,
        *,
        list_item: bool = False,
        table_row: int | None = None,
    ) -> None:
        self.counter[0] += 1
        place = self.places.get(pointer) or self.places.setdefault(pointer, Location(pointer=pointer))
        self.blocks.append(
            Block(self.counter[0], text, place, heading, list_item=list_item, table_row=table_row)
        )

    def markdown(self, text: str, pointer: str, level: int) -> None:
        tokens = parse_markdown(text)
        for note in pasted_notes(text):
            place = self.places.get(pointer) or self.places.setdefault(pointer, Location(pointer=pointer))
            self.pasted.append((place, note.line, note.kind, note.text))
        top = None  # the level of the text's top headings, once it has one
        lists = table = 0
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "inline":
                if tokens[index - 1].type == "heading_open":
                    continue  # added with its heading
                inline, bold = _inline_text(token)
                heading = None
                if not lists and not table:
                    fake = fake_heading_level(inline, bold=bold, known_keys=self.known_keys)
                    if fake is not None:
                        heading = Heading(" ".join(inline.split()), level + fake, styled=False)
                self.add(inline, pointer, heading, list_item=bool(lists), table_row=index if table else None)
            elif kind in _LISTS:
                lists += token.nesting
            elif kind in _TABLES:
                table += token.nesting
            elif kind == "heading_open":
                top = top or min(int(t.tag[1]) for t in tokens if t.type == "heading_open")
                inline, _ = _inline_text(tokens[index + 1])
                self.add(
                    inline, pointer, Heading(" ".join(inline.split()), level + int(token.tag[1]) - top + 1)
                )
            elif kind in ("fence", "code_block"):
                self.add(token.content, pointer)

    def value(self, value: Any, pointer: str, level: int, label: str | None = None) -> None:
        """Add a field's content: Markdown text (label None), a labelled plain line, or a list of them."""
        if value is _MISSING or value is None:
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                self.value(item, f"{pointer}/{i}", level, label)
        elif isinstance(value, dict):
            self.add(
                f"{label or ''} " + ", ".join(str(v) for v in value.values() if isinstance(v, str)), pointer
            )
        elif label is not None:
            self.add(f"{label} {value}".strip(), pointer)
        else:
            self.markdown(str(value), pointer, level)


def _document(
    data: Any, spec: DocumentSpec, profile: Profile, known: frozenset[str], counter: list[int]
) -> Document:
    """One document of the outline, laid out from `data`: the decision as its public documents print it."""
    builder = _Builder(known, counter)
    fields = [(f.label, f.source) for f in getattr(spec, "fields", ())]
    signature_after = getattr(spec, "signature_after", None)
    lines = [(after, label, pointer) for kind, after, label, pointer in _LABELLED_LINES if kind == spec.kind]
    if signature_after and not any(after for after, _, _ in lines):
        lines += [
            (signature_after, label, pointer)
            for kind, after, label, pointer in _LABELLED_LINES
            if kind == "notice" and after == "decision"
        ]
    after_heading: dict[str | None, list[tuple[str, str]]] = {}  # the lines printed after each heading
    for after, label, pointer in lines:
        after_heading.setdefault(after, []).append((label, pointer))
    field_pointers = {p for _, p in fields}
    masthead = fields + [(label, p) for label, p in after_heading.get(None, ()) if p not in field_pointers]
    field_pointers |= _SIGNATURE_LINES
    places: dict[str, Location] = {}

    def labelled(entries) -> None:
        for label, pointer in entries:
            value = value_at(data, pointer)
            if pointer not in field_pointers:
                builder.value(value, pointer, 1, None if pointer in _MARKDOWN_LINES else label)
            elif value is _MISSING:
                places[label_key(label)] = Location(pointer=_present_parent(data, pointer))
            else:  # printed as the template prints it; a blank value still shows its label
                builder.add(f"{label} {field_text(value)}".strip(), pointer)

    labelled(masthead)
    for heading in spec.headings:
        level = getattr(heading, "level", 1)
        if heading.is_wildcard:
            sections = value_at(data, heading.source) if heading.source else _MISSING
            for i, section in enumerate(sections if isinstance(sections, list) else []):
                pointer = f"{heading.source}/{i}"
                title = section.get("heading") if isinstance(section, dict) else None
                if isinstance(title, str):
                    builder.add(title, f"{pointer}/heading", Heading(" ".join(title.split()), level))
                builder.value(value_at(data, f"{pointer}/body"), f"{pointer}/body", level)
            continue
        pointer = heading.source or ""
        value = value_at(data, pointer) if heading.source else None
        if value is _MISSING:
            value = getattr(profile, "section_defaults", {}).get(pointer, _MISSING)
        if value is _MISSING and heading.id in profile.standard_text and heading.id != "background_papers":
            value = profile.standard_text[heading.id]
        if value is _MISSING:
            continue  # the schema reports a missing field; missing-heading reports the gap
        builder.add(heading.text, pointer, Heading(heading.text, level))
        if value == [] and "no_background_papers" in profile.standard_text:
            value = profile.standard_text["no_background_papers"]
        builder.value(value, pointer, level)
        labelled(after_heading.get(heading.id, ()))
    return Document(
        kind=spec.kind,
        blocks=builder.blocks,
        status=data.get("status") if isinstance(data, dict) else None,
        field_places=places,
        pasted=builder.pasted,
    )


def decision_outline(source: DecisionSource, profile: Profile) -> Outline:
    """The outline of the documents a decision will make, each block pointing into the JSON.

    Blocks carry only their JSON pointer; the outline's `locate` adds the line and column to the
    few places that findings are made at.
    """
    known = frozenset(
        heading_key(h.text) for s in profile.documents.values() for h in s.headings if not h.is_wildcard
    )
    counter = [0]
    data = public_decision(source.data, profile)  # what the public documents print: no exempt text
    documents = [_document(data, spec, profile, known, counter) for spec in profile.documents.values()]
    annexes = value_at(source.data, "/report/annexes")
    listed = (
        frozenset(
            a["label"].upper() for a in annexes if isinstance(a, dict) and isinstance(a.get("label"), str)
        )
        if isinstance(annexes, list)
        else frozenset()
    )
    letters = (chr(c) for c in range(ord("A"), ord("Z") + 1))
    for document in documents[1:]:
        document.annex = next(letters)
    return Outline(
        path=source.path,
        source="decision",
        documents=documents,
        listed_annexes=listed,
        locate=lambda place: place if place.pointer is None else source.location(place.pointer),
    )
