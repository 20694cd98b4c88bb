"""The catalogue of validation messages: every sentence a schema finding can say, in one table.

Each message is also what the web form shows beside a field, so it is written for a contact officer
in the style of the GOV.UK Design System's error messages: what is wrong and how to fix it, in the
field's own name ("Enter the executive summary", "Choose draft or final for the status"). The
finding keeps its code (`schema`), JSON pointer and position for tools; the words here never say
schema, pointer, enum, string, array or object (tests/test_messages.py checks every entry for every
field of every bundled schema and profile).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

# Keyed by the jsonschema keyword (and, for `required`, `type` and `format`, by what the field holds).
MESSAGES: dict[str, str] = {
    "required": "Enter the {field}",
    "required-group": "Add the {field}",
    "required-list": "Add the {field}: at least one entry",
    "required-choice": "Choose {options} for the {field}",
    "empty": "Enter the {field}",
    "minLength": "Enter the {field}",
    "type-text": "Enter the {field} as text in double quotes",
    "type-body": ("Enter the {field} as text in double quotes, "
                  "or as confidential text with its exemption ground"),
    "type-list": "Enter the {field} as a list in square brackets [ ], one entry each",
    "type-group": "Enter the {field} as a group of fields in braces {{ }}",
    "type-number": "Enter the {field} as a number",
    "type-true-false": "Enter the {field} as true or false",
    "enum": "Choose {options} for the {field}",
    "const": "Choose {options} for the {field}",
    "format-date": "Enter the {field} as a real date in the form 2013-07-16",
    "format-email": "Enter the {field} in the correct format, like name@example.com",
    "format-uk-telephone": "Enter the {field} as a full UK telephone number, like 0121 626 6060",
    "format-word-text": "Remove the character {character} from the {field}: Word documents cannot hold it",
    "format": "Enter the {field} in the correct format",
    "pattern": "Enter the {field} in the correct format",
    "maxLength": "The {field} must be {limit} characters or fewer",
    "minItems": "Add at least {limit} {entries} to the {field}",
    "maxItems": "The {field} must have {limit} entries or fewer",
    "uniqueItems": "Remove the repeated entries from the {field}",
    "minimum": "The {field} must be {limit} or more",
    "maximum": "The {field} must be {limit} or less",
    "additionalProperties": ("Remove \"{key}\" from the {field}, or correct its name: "
                             "the {field} has no such field"),
    "dependentRequired": "Enter the {field}: it is needed with the {given}",
    "other": "Check the {field}: it does not fit the rules for the {field}",
}

# Hints that are the same whatever the field (others come from the field's own description).
DATE_HINT = "write the year, month and day, e.g. 2013-07-16 for 16 July 2013"
WORD_TEXT_HINT = "delete it; it usually comes from copying and pasting out of Word or a PDF"
TOO_LONG_HINT = "split it or move detail into a background paper"

# Field keys whose words alone would be unclear or would use a developer's word.
_KEY_WORDS = {"$schema": "editor link", "confidential": "confidential mark", "item": "item number"}
_CONTAINERS = ("notice", "report")  # their fields are named by their own key alone
_ROOT_QUALIFIED = ("date", "name", "title")  # top-level keys named with the document: "decision date"
_PARAGRAPH_LISTS = ("purpose", "background")


def _words(key: str) -> str:
    return _KEY_WORDS.get(key, key.replace("_", " ").strip())


def _one_of(key: str) -> str:
    """What one entry of the list `key` is called: "sections" -> "section"."""
    words = _words(key)
    if key in _PARAGRAPH_LISTS:
        return f"{words} paragraph"
    if words.endswith("xes"):
        return words[:-2]
    if words.endswith("s") and not words.endswith("ss"):
        return words[:-1]
    return f"{words} item"


def document_name(root: dict) -> str:
    """What the whole file is called: "decision" or "meeting" (from the schema's title)."""
    return str(root.get("title", "decision")).split(" (")[0].strip().lower() or "decision"


def field_name(parts: Sequence[Any], root: dict) -> str:
    """The field at path `parts` in words: ("notice", "implications", "legal") -> "legal implications"."""
    tokens = [str(part) for part in parts]
    if not tokens:
        return document_name(root)
    *parents, last = tokens
    if last.isdigit():
        return f"{_one_of(parents[-1]) if parents else 'entry'} {int(last) + 1}"
    words = _words(last)
    if not parents:
        return f"{document_name(root)} {words}" if last in _ROOT_QUALIFIED else words
    if parents == ["notice", "implications"]:
        return f"{words} implications"
    if len(parents) == 1 and parents[0] in _CONTAINERS:
        return f"{parents[0]} {words}" if last in _ROOT_QUALIFIED else words
    return f"{field_name(parents, root)} {words}"


def options_text(values: Sequence[Any]) -> str:
    """Allowed values as a writer types them: "draft or final", "OFFICIAL, ... or NOT PROTECTIVELY MARKED"."""
    shown = [value if isinstance(value, str) else json.dumps(value) for value in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


def message(entry: str, field: str, **values: Any) -> str:
    """The catalogue's sentence `entry` for `field`, with the values it names filled in."""
    return MESSAGES[entry].format(field=field, **values)


def resolve(schema: Any, root: dict) -> dict:
    """`schema` with `$ref`s to root's `$defs` followed (its own keywords kept on top)."""
    if not isinstance(schema, dict):
        return {}
    while "$ref" in schema:
        target = root.get("$defs", {}).get(schema["$ref"].rsplit("/", 1)[-1], {})
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def property_schema(root: dict, parts: Sequence[Any]) -> tuple[dict, dict]:
    """(the field's own schema, the same with `$ref` followed) at path `parts`; empty dicts if none."""
    own: dict = root
    node = root
    for part in parts:
        if isinstance(part, int) or str(part).isdigit():
            own = node.get("items", {}) if isinstance(node.get("items"), dict) else {}
        else:
            own = node.get("properties", {}).get(str(part), {})
        node = resolve(own, root)
        if not node:
            return {}, {}
    return own, node


def kind_of(schema: dict) -> str:
    """What a field holds, for the catalogue: text, body, list, group, number, true-false or choice."""
    if "enum" in schema or "const" in schema:
        return "choice"
    types = schema.get("type", "string")
    types = [types] if isinstance(types, str) else list(types)
    if "string" in types and "object" in types:
        return "body"
    first = types[0] if types else "string"
    return {"string": "text", "array": "list", "object": "group", "integer": "number",
            "number": "number", "boolean": "true-false"}.get(first, "text")


def missing_message(field: str, schema: dict, root: dict) -> str:
    """The sentence for a required field that is not there, by what it holds."""
    kind = kind_of(schema)
    if kind == "list" and kind_of(resolve(schema.get("items", {}), root)) in ("text", "body"):
        kind = "text"  # paragraphs or lines: "Enter the background"
    if kind == "choice":
        values = schema.get("enum", [schema.get("const")])
        return message("required-choice", field, options=options_text(values))
    if kind == "group":
        return message("required-group", field)
    if kind == "list":
        return message("required-list", field)
    return message("required", field)


def type_message(field: str, expected: str | list[str]) -> str:
    """The sentence for a value of the wrong kind (text where a list belongs, and so on)."""
    kind = kind_of({"type": expected})
    return message(f"type-{kind}", field)


def empty_hint(parts: Sequence[Any], field: str, own: dict, resolved: dict) -> str | None:
    """The hint for an empty text, from the field itself: an implication says how to say there are none."""
    tokens = [str(part) for part in parts]
    if len(tokens) == 3 and tokens[:2] == ["notice", "implications"]:
        return f'where there is nothing to say, say so, e.g. "There are no {field}."'
    return own.get("description") or resolved.get("description")
