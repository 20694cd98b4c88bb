"""The starter decision that `notice new` writes: the profile's required fields, blank or preset.

Its fields are in the order of the documents: first what heads them (status, title, date, organisation,
decision maker, meeting), then each document's labelled fields and sections in the order the profile
prints them, and within a part what no heading prints (authors, contact officer) after its sections.
"""

from __future__ import annotations

from pathlib import Path

from notice_builder.model.profile import Profile
from notice_builder.profiles import load_profile
from notice_builder.profiles.document_order import as_decision_file, document_order, in_document_order
from notice_builder.validate import decision_schema
from notice_builder.validate.profile_schema import decision_schema_for, resolve_ref

__all__ = ["blank_value", "document_order", "in_document_order", "starter_decision"]


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


def starter_decision(target: Path, profile: Profile | None = None) -> dict:
    """A new draft for `target`: blanks to fill in, the office's details and default wording filled."""
    profile = profile or load_profile()
    schema = decision_schema_for(decision_schema(), profile)
    required = [key for key in schema["properties"] if key in schema["required"]]
    decision = blank_value({**schema, "required": required}, schema)
    decision["organisation"]["name"] = profile.organisation
    decision["decision_maker"]["role"] = profile.decision_maker_title
    if "meeting" in decision:
        decision["meeting"]["board"] = profile.board
        decision["meeting"]["report_type"] = "DECISION"
    for pointer, text in profile.section_defaults.items():
        _set(decision, pointer, text)
    return as_decision_file(decision, profile, target)
