"""The decision schema as one profile requires it: its sections, fields and reference format.

The bundled schema says what a decision may hold. A profile says which of those parts its documents
need; this module adds those requirements, so validation, rendering and linting share one list.
"""

from __future__ import annotations

import copy

from notice_builder.model.profile import Profile
from notice_builder.model.reference_format import ReferenceFormat


def resolve_ref(schema: dict, root: dict) -> dict:
    """`schema` with its `$ref` to root's `$defs` followed (its own keywords kept on top)."""
    while "$ref" in schema:
        target = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def required_pointers(profile: Profile) -> list[str]:
    """JSON pointers a decision must fill for `profile` (standard wording fills some by default)."""
    pointers = list(profile.requires)
    for document in profile.documents.values():
        if document.on_request:
            continue
        for heading in document.required_headings:
            if heading.source and heading.id not in profile.standard_text:
                pointers.append(heading.source)
        pointers += [field.source for field in document.fields if field.required]
    return list(dict.fromkeys(pointers))


def _require(schema: dict, pointer: str, profile_name: str) -> None:
    """Mark every step of `pointer` required in `schema`, which must spell those objects out inline."""
    node = schema
    for token in pointer.strip("/").split("/"):
        required = node.setdefault("required", [])
        if token not in required:
            required.append(token)
            node.setdefault("x-required-by", {})[token] = profile_name
        child = node.get("properties", {}).get(token)
        if not isinstance(child, dict) or child.get("type") != "object":
            return
        node = child


def decision_schema_for(base: dict, profile: Profile) -> dict:
    """A copy of the decision schema with `profile`'s required parts and reference pattern."""
    schema = copy.deepcopy(base)
    for pointer in required_pointers(profile):
        if pointer == "/reference":  # required only once final: the base schema says so
            continue
        _require(schema, pointer, profile.name)
    reference_format = ReferenceFormat(profile.reference_format)
    schema["properties"]["reference"]["pattern"] = reference_format.pattern
    schema["properties"]["reference"]["x-hint"] = (
        f"write it in the {profile.name} form, e.g. \"{reference_format.example()}\"; "
        "leave it out of a draft until a number is allocated (`notice next-ref`)"
    )
    schema["title"] = f"Decision ({profile.name} profile)"
    return schema
