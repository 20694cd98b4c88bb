"""The web form of a decision, made from its profile and the schema, and the decision made back from it.

`form_fields` lays the decision out as a tree of fields in the order of the documents: one field a
value the officer writes, a group a part (organisation, contact officer), a list a repeating part
(numbered paragraphs, authors, annexes, papers, sections). Each field is named by its JSON pointer, so
a finding's pointer finds its field. `decision_from_form` puts the submitted values back into the
decision the form was drawn from: what the form does not show (its `$schema`, `profile`, any field
the profile does not print) is kept as it was, keys keep their order, and a field left as it was stays
as it was, so a decision opened and saved unchanged is the same file, byte for byte.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from notice_builder.load.json_positions import escape_pointer_token
from notice_builder.model.profile import Profile
from notice_builder.office.starter import blank_value, document_order, in_document_order
from notice_builder.validate import decision_schema
from notice_builder.validate.messages import field_name
from notice_builder.validate.profile_schema import decision_schema_for, resolve_ref

HIDDEN_KEYS = frozenset({"$schema", "profile"})  # kept in the file, never shown
# Shown even where the profile does not print them: what a final decision needs, and the date.
ALWAYS_SHOWN = ("/reference", "/date", "/notice/signature")
FINAL_ONLY = ("/reference", "/notice/signature")  # revealed when the status is final (or filled in)
ITEM_NAMES = {"purpose": "Paragraph", "background": "Paragraph", "recommendations": "Paragraph",
              "authors": "Author", "annexes": "Annex", "background_papers": "Background paper",
              "sections": "Section"}
DATE_PARTS = ("day", "month", "year")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_REF_KINDS = {"line": "line", "exemption": "line", "markdown": "markdown", "body": "body", "date": "date",
              "confidential": "flag", "paragraphs": "list", "section": "group"}


@dataclass
class FormField:
    """One part of the form: a value (line, markdown, body, date, choice, flag), a group or a list."""

    pointer: str
    kind: str
    label: str
    hint: str = ""
    value: Any = None
    present: bool = False
    required: bool = False
    options: tuple[str, ...] = ()
    input_type: str = "text"  # for a line: text, email or tel
    reveal: str = ""  # "final": shown when the status is final or it holds something
    max_length: int | None = None
    item_name: str = ""  # for a list: what one entry is called
    children: list[FormField] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The HTML id of its input (a date's day box, a body's text area)."""
        return field_id(self.pointer) + ("-day" if self.kind == "date" else "")

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def field_id(pointer: str) -> str:
    """An HTML id for a pointer: `/notice/contact_officer/email` -> `f-notice-contact_officer-email`."""
    return "f" + re.sub(r"[^A-Za-z0-9_]", "-", pointer) if pointer else "f-root"


_SCHEMAS: dict[tuple[str, str], dict] = {}


def _schema_for(profile: Profile) -> dict:
    key = (profile.name, str(profile.path))
    if key not in _SCHEMAS:
        _SCHEMAS[key] = decision_schema_for(decision_schema(), profile)
    return _SCHEMAS[key]


def profile_schema(profile: Profile) -> dict:
    """The decision schema as `profile` requires it (built once per profile)."""
    return _schema_for(profile)


def _words(pointer: str, root: dict) -> str:
    text = field_name(_tokens(pointer), root)
    return text[:1].upper() + text[1:]


def _hint(schema: dict) -> str:
    text = (schema.get("description") or "").replace(" (Markdown)", "").replace("(Markdown)", "").strip()
    return "" if text.rstrip(".").isupper() else text  # "EXECUTIVE SUMMARY." only repeats the label


class _Builder:
    """Builds the field tree of one decision for one profile."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.root = _schema_for(profile)
        self.printed = document_order(profile)
        self.headings = {h.source: h.text for d in profile.documents.values() for h in d.headings
                         if h.source and not h.is_wildcard}

    def shown(self, pointer: str, key: str, value: Mapping, required: list[str]) -> bool:
        if key in value or key in required:
            return True
        if any(p == pointer or p.startswith(pointer + "/") for p in (*self.printed, *ALWAYS_SHOWN)):
            return True
        return any(pointer.startswith(p + "/") for p in ALWAYS_SHOWN)

    def label(self, pointer: str) -> str:
        heading = self.headings.get(pointer)
        if heading:
            return heading[:1].upper() + heading[1:].lower()
        return _words(pointer, self.root)

    def node(self, pointer: str, own: dict, value: Any, present: bool, required: bool) -> FormField:
        ref = own.get("$ref", "").rsplit("/", 1)[-1]
        schema = resolve_ref(own, self.root)
        kind = _REF_KINDS.get(ref) or self._kind(schema)
        made = FormField(pointer, kind, self.label(pointer), _hint(schema), value, present, required,
                         max_length=schema.get("maxLength"))
        made.reveal = "final" if pointer in FINAL_ONLY else ""
        if kind == "choice":
            made.options = tuple(schema.get("enum", ()))
        elif kind == "line":
            made.input_type = {"email": "email", "uk-telephone": "tel"}.get(schema.get("format"), "text")
        elif kind == "body":
            text = value.get("text", "") if isinstance(value, dict) else value
            made.children = [
                FormField(pointer + "/confidential", "flag", "This is exempt information (confidential)",
                          value=isinstance(value, dict) and value.get("confidential") is True),
                FormField(pointer + "/exemption", "line", "Exemption ground",
                          "Why it is exempt, e.g. Schedule 12A paragraph 3",
                          value=value.get("exemption", "") if isinstance(value, dict) else "",
                          reveal="confidential"),
            ]
            made.value = text if isinstance(text, str) else ""
        elif kind == "group":
            made.children = self.group(pointer, schema, value if isinstance(value, dict) else {})
        elif kind == "list":
            made.item_name = ITEM_NAMES.get(pointer.rsplit("/", 1)[-1], "Entry")
            items = value if isinstance(value, list) else []
            item_schema = schema.get("items", {})
            made.children = [self.node(f"{pointer}/{i}", item_schema, item, True, True)
                             for i, item in enumerate(items)]
            for number, child in enumerate(made.children, 1):
                child.label = f"{made.item_name} {number}"
                child.hint = ""  # the list's hint says it once
        return made

    def _kind(self, schema: dict) -> str:
        if "enum" in schema:
            return "choice"
        if schema.get("const") is True:
            return "flag"
        kind = schema.get("type")
        if kind == "object":
            return "group"
        if kind == "array":
            return "list"
        if schema.get("format") == "date":
            return "date"
        return "line"

    def group(self, pointer: str, schema: dict, value: Mapping) -> list[FormField]:
        properties = schema.get("properties", {})
        required = schema.get("required", [])
        keys = [k for k in properties if not (not pointer and k in HIDDEN_KEYS)
                and self.shown(f"{pointer}/{escape_pointer_token(k)}", k, value, required)]
        keys = list(in_document_order(dict.fromkeys(keys), self.profile, pointer))
        fields = []
        for key in keys:
            child = f"{pointer}/{escape_pointer_token(key)}"
            fields.append(self.node(child, properties[key], value.get(key), key in value, key in required))
        for made in fields:  # a section's exemption ground shows when it is marked confidential
            if made.pointer.endswith("/exemption") and any(f.pointer == made.pointer.rsplit("/", 1)[0]
                                                           + "/confidential" for f in fields):
                made.reveal = "confidential"
        return fields


def form_fields(decision: dict, profile: Profile) -> list[FormField]:
    """The top-level fields of the form for `decision`, in the order of its documents."""
    return _Builder(profile).group("", _schema_for(profile), decision if isinstance(decision, dict) else {})


def leaves(fields: list[FormField]):
    """Every field that holds a value (not groups or lists), in form order; a body's own parts (its
    confidential mark and exemption ground) go with the body."""
    for made in fields:
        if made.kind in ("group", "list"):
            yield from leaves(made.children)
        else:
            yield made


# ---- from the submitted form back to the decision -------------------------------------------------

_MISSING = object()


def _tokens(pointer: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.strip("/").split("/")] if pointer else []


def _get(data: Any, pointer: str) -> Any:
    for token in _tokens(pointer):
        if isinstance(data, dict) and token in data:
            data = data[token]
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return _MISSING
    return data


def _set(data: Any, pointer: str, value: Any) -> None:
    """Set the value at `pointer`, making missing groups on the way (new keys go last)."""
    *parents, last = _tokens(pointer)
    for token in parents:
        data = data[int(token)] if isinstance(data, list) else data.setdefault(token, {})
    if isinstance(data, list):
        data[int(last)] = value
    else:
        data[last] = value


def _remove(data: Any, pointer: str) -> None:
    *parents, last = _tokens(pointer)
    parent = _get(data, "/" + "/".join(escape_pointer_token(p) for p in parents)) if parents else data
    if isinstance(parent, dict):
        parent.pop(last, None)


def date_value(parts: Mapping[str, str]) -> str:
    """`2013-07-16` from the three boxes (day and month padded to two digits); blank if all are blank."""
    day, month, year = (parts.get(p, "").strip() for p in DATE_PARTS)
    if not (day or month or year):
        return ""
    def pad(text):
        return (text.zfill(2) if text.isdigit() and len(text) == 1 else text)
    return f"{year}-{pad(month)}-{pad(day)}"


def date_parts(value: Any) -> dict[str, str]:
    """The three boxes of a stored date; a value not in the form YYYY-MM-DD fills none of them."""
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return {"day": "", "month": "", "year": ""}
    year, month, day = match.groups()
    return {"day": day, "month": month, "year": year}


def _submitted(made: FormField, values: Mapping[str, str]) -> Any:
    """The value the form sent for one field, or _MISSING if it sent none."""
    name = made.pointer
    if made.kind == "date":
        parts = {p: values[f"{name}#{p}"] for p in DATE_PARTS if f"{name}#{p}" in values}
        if not parts:
            return _MISSING
        if not any(v.strip() for v in parts.values()) and f"{name}#raw" in values:
            return values[f"{name}#raw"]  # a stored value the boxes cannot show, left as it was
        return date_value(parts)
    if made.kind == "flag":
        return values.get(name) == "true"
    if name not in values:
        return _MISSING
    text = values[name]
    return text.replace("\r\n", "\n") if made.kind in ("markdown", "body") else text


def decision_from_form(state: dict, fields: list[FormField], values: Mapping[str, str]) -> dict:
    """The decision `state` (from which `fields` were drawn) with the submitted `values` put in.

    A value equal to what was there changes nothing; a field that was absent and is left empty stays
    absent; an optional field emptied by the officer is removed (an empty reference is not a reference).
    """
    decision = copy.deepcopy(state)
    for made in leaves(fields):
        value = _submitted(made, values)
        if value is _MISSING:
            continue
        if made.kind == "body":
            _put_body(decision, made, value, values)
            continue
        before = _get(decision, made.pointer)
        if made.kind == "flag":
            if value:
                _set(decision, made.pointer, True)
            elif before is not _MISSING:
                _remove(decision, made.pointer)
            continue
        if value == before:
            continue
        if value == "" and (before is _MISSING or not isinstance(before, str)):
            continue  # nothing written where nothing was, or where the form cannot show what is there
        if value == "" and not made.required:
            _remove(decision, made.pointer)
            continue
        try:
            _set(decision, made.pointer, value)
        except (AttributeError, IndexError, TypeError, ValueError):
            continue  # a part of the file is not the shape the schema asks for; its finding says so
    return decision


def _put_body(decision: dict, made: FormField, text: str, values: Mapping[str, str]) -> None:
    """A body is text, or {text, confidential, exemption} when it is marked exempt information."""
    before = _get(decision, made.pointer)
    confidential = values.get(made.pointer + "/confidential") == "true"
    exemption = values.get(made.pointer + "/exemption", "")
    if confidential:
        body = dict(before) if isinstance(before, dict) else {}
        for key, value in (("text", text), ("confidential", True), ("exemption", exemption)):
            if body.get(key) != value:
                body[key] = value
        if body != before:
            _set(decision, made.pointer, body)
        return
    changed = before != text if before is not _MISSING else bool(text)
    if isinstance(before, dict) or changed:
        if text == "" and not made.required and not isinstance(before, dict):
            _remove(decision, made.pointer)
        else:
            _set(decision, made.pointer, text)


# ---- repeating parts ------------------------------------------------------------------------------

def list_action(decision: dict, profile: Profile, action: str) -> tuple[dict, str]:
    """Apply `add:/ptr`, `remove:/ptr/i`, `up:/ptr/i` or `down:/ptr/i` to a list of the decision.

    Returns the decision and the pointer of the entry to focus afterwards. An action naming no list of
    the form changes nothing.
    """
    verb, _, pointer = action.partition(":")
    decision = copy.deepcopy(decision)
    if verb == "add":
        items = _get(decision, pointer)
        fields = {f.pointer: f for top in form_fields(decision, profile) for f in top.walk()}
        if pointer not in fields or fields[pointer].kind != "list":
            return decision, ""
        if items is _MISSING or not isinstance(items, list):
            items = []
            _set(decision, pointer, items)
        own, _ = _list_item_schema(profile, pointer)
        items.append(blank_value(own, _schema_for(profile)))
        return decision, f"{pointer}/{len(items) - 1}"
    parent, _, index = pointer.rpartition("/")
    items = _get(decision, parent)
    if not isinstance(items, list) or not index.isdigit() or int(index) >= len(items):
        return decision, ""
    i = int(index)
    if verb == "remove":
        items.pop(i)
        return decision, f"{parent}/{min(i, len(items) - 1)}" if items else parent
    j = i - 1 if verb == "up" else i + 1 if verb == "down" else i
    if 0 <= j < len(items) and j != i:
        items[i], items[j] = items[j], items[i]
    return decision, f"{parent}/{j if 0 <= j < len(items) else i}"


def _list_item_schema(profile: Profile, pointer: str) -> tuple[dict, dict]:
    root = _schema_for(profile)
    node = root
    for token in _tokens(pointer):
        node = resolve_ref(node, root)
        node = node.get("items", {}) if token.isdigit() else node.get("properties", {}).get(token, {})
    node = resolve_ref(node, root)
    return node.get("items", {}), root


def form_values(decision: dict, profile: Profile) -> dict[str, str]:
    """The values the form shows for `decision`, as the browser would send them back unchanged."""
    values: dict[str, str] = {}
    for made in leaves(form_fields(decision, profile)):
        if made.kind == "date":
            for part, text in date_parts(made.value).items():
                values[f"{made.pointer}#{part}"] = text
            if made.present and not _ISO_DATE.fullmatch(str(made.value)):
                values[f"{made.pointer}#raw"] = str(made.value) if isinstance(made.value, str) else ""
        elif made.kind == "flag":
            if made.value is True:
                values[made.pointer] = "true"
        elif made.kind == "choice":
            if made.present and isinstance(made.value, str):
                values[made.pointer] = made.value
        else:
            values[made.pointer] = made.value if isinstance(made.value, str) else ""
            for part in made.children:  # a body's confidential mark and exemption ground
                if part.kind == "flag":
                    if part.value is True:
                        values[part.pointer] = "true"
                else:
                    values[part.pointer] = part.value if isinstance(part.value, str) else ""
    return values
