"""The starter decision that `notice new` writes: the profile's required fields, blank or preset.

Its fields are in the order of the documents: first what heads them (status, title, date, organisation,
decision maker, meeting), then each document's labelled fields and sections in the order the profile
prints them, and within a part what no heading prints (authors, contact officer) after its sections.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from notice_builder.model.profile import Profile
from notice_builder.profiles import load_profile
from notice_builder.resources import schema_path
from notice_builder.validate import decision_schema
from notice_builder.validate.profile_schema import decision_schema_for, resolve_ref


def decision_file_text(decision: dict) -> str:
    """The text of a decision file as `notice new` writes it (and the web form saves it)."""
    return json.dumps(decision, indent=2, ensure_ascii=False) + "\n"


def blank_value(schema: dict, root: dict):
    """A blank value of the shape `schema` asks for, with every required field present."""
    schema = resolve_ref(schema, root)
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        return {key: blank_value(properties[key], root) for key in schema.get("required", [])}
    if kind == "array":
        return [blank_value(schema.get("items", {}), root) for _ in range(schema.get("minItems", 0))]
    if "enum" in schema:
        return schema["enum"][0]
    return ""


def _set(data: dict, pointer: str, value) -> None:
    *parents, last = pointer.strip("/").split("/")
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def document_order(profile: Profile, *, fields: bool = True) -> list[str]:
    """The JSON pointers a profile's documents print (labelled fields too), in the order they print them."""
    pointers = []
    for document in profile.documents.values():
        pointers += [field.source for field in document.fields] if fields else []
        pointers += [heading.source for heading in document.headings if heading.source]
    return pointers


def in_document_order(value, profile: Profile, at: str = ""):
    """`value` with its keys in the documents' order: at the top, what heads the documents (no section
    of its own) first, then the parts by their sections; within a part, labelled fields and sections as
    printed, then what no heading prints. Keys with no place keep the schema's order."""
    if not isinstance(value, dict):
        return value
    order = document_order(profile, fields=bool(at))

    def rank(key: str) -> tuple[int, int]:
        pointer = f"{at}/{key}"
        places = [i for i, p in enumerate(order) if p == pointer or p.startswith(pointer + "/")]
        if places:
            return (1, min(places))
        return (0, 0) if not at else (2, 0)

    keys = sorted(value, key=rank)  # stable
    return {key: in_document_order(value[key], profile, f"{at}/{key}") for key in keys}


def starter_decision(target: Path, profile: Profile | None = None) -> dict:
    """A new draft for `target`: blanks to fill in, the office's details and default wording filled."""
    profile = profile or load_profile()
    schema = decision_schema_for(decision_schema(), profile)
    required = [k for k in schema["properties"] if k in schema["required"]]
    decision = blank_value({**schema, "required": required}, schema)
    decision["organisation"]["name"] = profile.organisation
    decision["decision_maker"]["role"] = profile.decision_maker_title
    if "meeting" in decision:
        decision["meeting"]["board"] = profile.board
        decision["meeting"]["report_type"] = "DECISION"
    for pointer, text in profile.section_defaults.items():
        _set(decision, pointer, text)
    relative = os.path.relpath(schema_path("decision"), Path(target).resolve().parent)
    # A decision names only a built-in profile; an office's own profile file is chosen by its folder.
    named = {"profile": profile.name} if profile.path is None else {}
    decision = in_document_order(decision, profile)
    return {"$schema": Path(relative).as_posix(), **named, **decision}
