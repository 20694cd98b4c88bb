"""The order a profile's documents print a decision's fields in: `notice new` and `notice import` write
decision files in it, so a file reads top to bottom as its documents do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from notice_builder.model.profile import Profile
from notice_builder.resources import schema_path


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


def as_decision_file(decision: dict, profile: Profile, target: Path) -> dict:
    """`decision` as a file at `target` holds it: a `$schema` line first (relative to the file, for
    editors), the built-in profile it names, then its fields in the documents' order."""
    relative = os.path.relpath(schema_path("decision"), Path(target).resolve().parent)
    # A decision names only a built-in profile; an office's own profile file is chosen by its folder.
    named = {"profile": profile.name} if profile.path is None else {}
    decision = {k: v for k, v in decision.items() if k not in ("$schema", "profile")}
    return {"$schema": Path(relative).as_posix(), **named, **in_document_order(decision, profile)}


def decision_json_text(data: dict) -> str:
    """A decision file's JSON as every command writes it: indented, UTF-8 characters as typed."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def decision_file_text(decision: dict, profile: Profile, target: Path) -> str:
    """The text of a decision file at `target`, as `notice new` writes it (see as_decision_file)."""
    return decision_json_text(as_decision_file(decision, profile, target))
