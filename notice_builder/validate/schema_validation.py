"""Validate JSON files against the bundled schemas (decision, meeting, profile) and explain each error.

The words of every finding come from the catalogue in validate/messages.py; the code (`schema`), the
JSON pointer and the position are for tools and `--format json`.
"""

from __future__ import annotations

import difflib
import json
from functools import cache

from jsonschema.exceptions import ValidationError

from notice_builder.load.decision_file import DecisionSource
from notice_builder.load.json_positions import escape_pointer_token
from notice_builder.model.findings import Finding
from notice_builder.model.profile import Profile
from notice_builder.resources import schema_path
from notice_builder.validate.formats import FORMAT_CHECKER, forbidden_character
from notice_builder.validate.limits import decision_limit_findings
from notice_builder.validate.messages import (
    DATE_HINT,
    MESSAGES,
    TOO_LONG_HINT,
    WORD_TEXT_HINT,
    empty_hint,
    field_name,
    kind_of,
    message,
    missing_message,
    options_text,
    property_schema,
    resolve,
    type_message,
)
from notice_builder.validate.patterns import Draft202012Validator
from notice_builder.validate.profile_schema import decision_schema_for


@cache
def bundled_schema(name: str) -> dict:
    """A bundled JSON Schema by name (`decision`, `meeting`), read once."""
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def decision_schema() -> dict:
    """The decision JSON Schema."""
    return bundled_schema("decision")


def new_validator(schema: dict) -> Draft202012Validator:
    """A validator for `schema`, with this tool's format checker and `pattern` read as ECMA-262."""
    return Draft202012Validator(schema, format_checker=FORMAT_CHECKER)


@cache
def _validator(name: str) -> Draft202012Validator:
    """The validator of a bundled schema, built once (tests check the schemas against the metaschema)."""
    return new_validator(bundled_schema(name))


def _pointer(parts) -> str:
    return "".join(f"/{escape_pointer_token(str(p))}" for p in parts)


def _leaf_errors(error: ValidationError):
    """Expand combinators (if/then, anyOf) into the specific errors a writer can act on."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        yield from _leaf_errors(min(error.context, key=lambda e: len(list(e.path))))
    else:
        yield error


def _hint_of(own: dict, resolved: dict) -> str | None:
    """The field's own hint: its x-hint, else its description (not the shared definition's)."""
    return (own.get("x-hint") or own.get("description")
            or resolved.get("x-hint") or resolved.get("description"))


def missing_fields(root: dict, parts: list, node: dict, name: str):
    """(path, own schema, resolved schema, required-by profile) of each required field missing at `name`.

    A missing group of fields (e.g. the whole notice) gives each required field inside it, so an
    empty decision gets one finding per field to fill.
    """
    stack = [(list(parts), node, name)]
    while stack:
        at, parent, key = stack.pop(0)
        own = parent.get("properties", {}).get(key) or property_schema(root, [*at, key])[0]
        resolved = resolve(own, root)
        required_by = parent.get("x-required-by", {}).get(key)
        children = resolved.get("required", []) if kind_of(resolved) == "group" else []
        if children:
            stack[:0] = [([*at, key], resolved, child) for child in children]
        else:
            yield [*at, key], own, resolved, required_by


def _explain(error: ValidationError, root: dict) -> list[tuple[str, str, str | None]]:
    """(pointer, message, hint) for one schema error, in the catalogue's words (validate/messages.py).

    A missing group of fields gives one entry per required field inside it. No value is quoted, so
    exempt information never appears in a message.
    """
    parts = list(error.absolute_path)
    pointer = _pointer(parts)
    own, resolved = property_schema(root, parts)
    if not resolved and isinstance(error.schema, dict):
        own = resolved = error.schema
    name = field_name(parts, root)
    hint = _hint_of(own, resolved)
    kind, value = error.validator, error.instance
    if kind == "required":
        missing = error.message.split("'")[1]
        node = error.schema if isinstance(error.schema, dict) else {}
        found = []
        for path, field_own, field_schema, required_by in missing_fields(root, parts, node, missing):
            field = field_name(path, root)
            field_hint = field_own.get("description") or field_schema.get("description")
            if required_by:
                field_hint = f"{field_hint} The {required_by} profile's form needs it." if field_hint else (
                    f"The {required_by} profile's form needs it.")
            elif node.get("x-hint"):
                field_hint = node["x-hint"]  # e.g. why a final decision needs its signature
            found.append((pointer, missing_message(field, field_schema, root), field_hint))
        return found
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        field = extras[0] if extras else "?"
        close = difflib.get_close_matches(field, allowed, n=1)
        text = message("additionalProperties", name, key=field)
        return [(f"{pointer}/{escape_pointer_token(field)}", text,
                 f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}")]
    if kind == "format":
        fmt = error.validator_value
        if fmt == "word-text" or (isinstance(value, str) and forbidden_character(value)):
            return [(pointer, message("format-word-text", name, character=forbidden_character(value)),
                     WORD_TEXT_HINT)]
        if isinstance(value, str) and not value.strip():  # a starter file's "": say what to enter
            return [(pointer, message("empty", name), hint)]
        if fmt == "date":
            return [(pointer, message("format-date", name), DATE_HINT)]
        key = f"format-{fmt}" if f"format-{fmt}" in MESSAGES else "format"
        return [(pointer, message(key, name), own.get("x-hint") or resolved.get("x-hint") or hint)]
    if kind == "pattern" and error.validator_value == "\\S":
        return [(pointer, message("empty", name), empty_hint(parts, name, own, resolved))]
    if kind == "pattern":
        return [(pointer, message("pattern", name), own.get("x-hint") or resolved.get("x-hint") or hint)]
    if kind == "type":
        return [(pointer, type_message(name, error.validator_value), hint)]
    if kind == "dependentRequired":
        given, needed = next((given, needed) for given, needs in error.validator_value.items()
                             if given in value for needed in needs if needed not in value)
        needed_own, needed_schema = property_schema(root, [*parts, needed])
        return [(pointer, message("dependentRequired", field_name([*parts, needed], root),
                                  given=field_name([*parts, given], root)),
                 needed_own.get("description") or needed_schema.get("description"))]
    if kind in ("enum", "const"):
        values = error.validator_value if kind == "enum" else [error.validator_value]
        return [(pointer, message(kind, name, options=options_text(values)), hint)]
    if kind == "minItems":
        count = error.validator_value
        entries = "entry" if count == 1 else "entries"
        return [(pointer, message("minItems", name, limit=count, entries=entries), hint)]
    if kind == "maxLength":
        return [(pointer, message("maxLength", name, limit=f"{error.validator_value:,}"), TOO_LONG_HINT)]
    if kind == "maxItems":
        return [(pointer, message("maxItems", name, limit=f"{error.validator_value:,}"), TOO_LONG_HINT)]
    if kind in ("minLength", "uniqueItems"):
        return [(pointer, message(kind, name), hint)]
    if kind in ("minimum", "maximum"):
        return [(pointer, message(kind, name, limit=error.validator_value), hint)]
    return [(pointer, message("other", name), hint)]


_PROFILE_VALIDATORS: dict[tuple[str, str], Draft202012Validator] = {}


def decision_validator(profile: Profile) -> Draft202012Validator:
    """The decision validator for `profile` (its required sections and reference format), built once."""
    key = (profile.name, str(profile.path or ""))
    if key not in _PROFILE_VALIDATORS:
        _PROFILE_VALIDATORS[key] = new_validator(decision_schema_for(decision_schema(), profile))
    return _PROFILE_VALIDATORS[key]


def validate_decision(source: DecisionSource, profile: Profile) -> list[Finding]:
    """Every schema error in the decision, as `profile` requires it, with line, column, pointer and hint.

    `notice_builder.pipeline.validate_decision` finds the decision's profile first. A decision over
    one of the caps (`model/limits.py`) gets only those findings, at once.
    """
    return decision_limit_findings(source) or explain_errors(decision_validator(profile), source)


def validate_against(schema_name: str, source: DecisionSource) -> list[Finding]:
    """Every error of a parsed JSON file against a bundled schema, with position, pointer and hint."""
    return explain_errors(_validator(schema_name), source)


def explain_errors(validator: Draft202012Validator, source: DecisionSource) -> list[Finding]:
    """Every error Python's jsonschema finds in the file, as findings with position, pointer and hint."""
    findings = []
    errors = sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.path)))
    for error in errors:
        for leaf in _leaf_errors(error):
            is_key = leaf.validator == "additionalProperties"
            for pointer, text, hint in _explain(leaf, validator.schema):
                findings.append(Finding(
                    code="schema", message=text, path=source.path,
                    location=source.location(pointer, key=is_key), hint=hint,
                ))
    findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0, f.message))
    return findings
