"""JSON Schema `pattern` as the standard reads it (ECMA-262), searched with Python's `re`.

The one difference that matters for this tool's patterns: in Python `$` also matches just before a
final newline, so `^[A-Z0-9]{1,3}$` would accept "A\n" and a reference pattern "WMPCC 012/2013\n".
In ECMA-262, the regular expressions JSON Schema specifies, `$` is only the end of the text, and the
validator here (Draft202012Validator) searches patterns that way.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jsonschema
from jsonschema import validators
from jsonschema.exceptions import ValidationError

_END_OF_TEXT = r"(?!\n)$"  # Python's $, minus the position before a final newline


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled for Python's `re`, with every `$` outside a character class an end of text."""
    parts: list[str] = []
    class_start = None  # where the current character class began, in `parts`
    index = 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            parts.append(pattern[index:index + 2])
            index += 2
            continue
        if class_start is not None:
            opening = "".join(parts[class_start:])
            if character == "]" and opening not in ("[", "[^"):  # a ] first in a class is literal
                class_start = None
        elif character == "[":
            class_start = len(parts)
        elif character == "$":
            character = _END_OF_TEXT
        parts.append(character)
        index += 1
    return re.compile("".join(parts))


def pattern_search(pattern: str, text: str) -> bool:
    """Whether `text` matches `pattern` somewhere, as JSON Schema's `pattern` keyword asks."""
    return compile_pattern(pattern).search(text) is not None


def _pattern_keyword(validator, pattern: str, instance, schema):
    """jsonschema's `pattern` keyword (jsonschema/_keywords.py), searched by pattern_search."""
    if validator.is_type(instance, "string") and not pattern_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with `pattern` read as the standard reads it; everything else as jsonschema has it.
Draft202012Validator = validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern_keyword})
