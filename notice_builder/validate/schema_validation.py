"""Validate JSON files against the bundled schemas (decision, meeting) and explain each error plainly."""

from __future__ import annotations

import difflib
import json
from functools import cache
from typing import Any

from jsonschema.exceptions import ValidationError

from notice_builder.load.decision_file import DecisionSource
from notice_builder.load.json_positions import escape_pointer_token
from notice_builder.model.findings import Finding
from notice_builder.model.profile import Profile
from notice_builder.model.redaction import CONFIDENTIAL_PART_KEY
from notice_builder.resources import schema_path
from notice_builder.validate.formats import FORMAT_CHECKER, forbidden_character
from notice_builder.validate.limits import decision_limit_findings
from notice_builder.validate.patterns import Draft202012Validator
from notice_builder.validate.profile_schema import decision_schema_for

EMPTY_BODY_HINT = ("write the text; where there is nothing to say, say so, "
                   "e.g. \"There are no legal implications.\"")


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


def _quoted(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _marked_confidential(value: Any) -> bool:
    """A body or section its writer meant to mark exempt (even with a wrong value, e.g. "yes")."""
    return isinstance(value, dict) and value.get("confidential") not in (None, False)


def in_confidential_part(data: Any, path) -> bool:
    """True if the value at `path` is, or is inside, exempt information: its text is never quoted."""
    value = data
    for part in path:
        if _marked_confidential(value) or part == CONFIDENTIAL_PART_KEY:
            return True
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    return _marked_confidential(value)


def _leaf_errors(error: ValidationError):
    """Expand combinators (if/then, anyOf) into the specific errors a writer can act on."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        yield from _leaf_errors(min(error.context, key=lambda e: len(list(e.path))))
    else:
        yield error


def _explain(error: ValidationError, confidential: bool = False) -> tuple[str, str, str | None]:
    """Return (pointer, message, hint) for one schema error in the words of a contact officer.

    For exempt information (`confidential`) the field is named and its text is never quoted.
    """
    pointer = _pointer(error.absolute_path)

    def shown(value: Any) -> str:
        return "this confidential value" if confidential else _quoted(value)

    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    kind, value = error.validator, error.instance
    if kind == "required":
        missing = error.message.split("'")[1]
        field = f"{pointer}/{missing}"
        description = error.schema.get("properties", {}).get(missing, {}).get("description")
        required_by = error.schema.get("x-required-by", {}).get(missing)
        if required_by:
            hint = f"the {required_by} profile's form needs it: add {field}" + (
                f" ({description})" if description else "")
        return pointer, f"the required field '{missing}' is missing", hint or (
            f"add {field}" + (f": {description}" if description else ""))
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        field = extras[0] if extras else "?"
        close = difflib.get_close_matches(field, allowed, n=1)
        return f"{pointer}/{escape_pointer_token(field)}", f"unknown field '{field}'", (
            f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}")
    if kind == "format":
        fmt = error.validator_value
        if fmt == "word-text" or (isinstance(value, str) and forbidden_character(value)):
            return pointer, (f"contains a character that Word documents cannot hold: "
                             f"{forbidden_character(value)}"), (
                "delete it; it usually comes from copying and pasting out of Word or a PDF")
        names = {"email": "email address", "uk-telephone": "UK telephone number", "date": "date"}
        return pointer, f"{shown(value)} is not a valid {names.get(fmt, fmt)}", hint
    if kind == "pattern" and error.validator_value == "\\S":
        is_body = "object" in error.schema.get("type", [])  # Markdown, or exempt text in an object
        return pointer, "is empty", EMPTY_BODY_HINT if is_body else hint
    if kind == "pattern":
        return pointer, f"{shown(value)} is not in the expected form", hint
    if kind == "type":
        expected = error.validator_value
        wanted = " or ".join(f"{'an' if name in ('object', 'array', 'integer') else 'a'} {name}"
                             for name in ([expected] if isinstance(expected, str) else expected))
        return pointer, f"should be {wanted}, not {type(value).__name__.replace('str', 'string')}", hint
    if kind == "dependentRequired":
        given, needed = next((given, needed) for given, needs in error.validator_value.items()
                             if given in value for needed in needs if needed not in value)
        return pointer, f"the field '{needed}' is required with '{given}'", hint
    if kind == "enum":
        options = " or ".join(json.dumps(v) for v in error.validator_value)
        return pointer, f"{shown(value)} is not one of {options}", hint
    if kind == "minItems":
        return pointer, f"needs at least {error.validator_value} item(s)", hint
    if kind in ("maxLength", "maxItems"):
        return pointer, f"is too long (at most {error.validator_value})", (
            "split it or move detail into a background paper")
    if confidential:  # jsonschema's own words quote the value
        return pointer, f"is not valid here (the schema's '{kind}' rule)", hint
    return pointer, error.message, hint


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
            pointer, message, hint = _explain(leaf, in_confidential_part(source.data, leaf.absolute_path))
            is_key = leaf.validator == "additionalProperties"
            findings.append(Finding(
                code="schema", message=message, path=source.path,
                location=source.location(pointer, key=is_key), hint=hint,
            ))
    findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0, f.message))
    return findings
