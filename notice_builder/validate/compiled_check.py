"""A schema compiled with jsonschema-rs, which only says whether a document is valid, about ten times as
fast as Python's jsonschema; Python's jsonschema stays the authority that finds and words the errors.

Sound only one way round: the compiled check may refuse what Python would accept (Python then looks and
finds nothing), but it must never accept what Python would refuse. So the two places where the engines
read a schema differently are handed back to Python:

- formats: jsonschema-rs gets this tool's own format checks as callables (formats.format_functions), date
  included, because its built-in `date` accepts year 0000, which Python's `datetime.date` refuses;
- `pattern`: jsonschema-rs reads patterns as ECMA-262 in Rust's regex engine. There `\\S` takes U+001C to
  U+001F and U+0085 for text where Python's `re` takes them for space (a title "\\x85" would pass that
  Python finds empty). Rather than keep every pattern in a subset both engines read alike (reference
  patterns come from profile files too), the compiled validator calls back to the search the Python
  validator makes (patterns.pattern_search: Python's `re`, with `$` the end of the text as in
  ECMA-262). It costs about 15 µs a decision.

A schema with `patternProperties` (regular expressions as keys, which this keyword does not cover) is not
compiled, and neither is anything jsonschema-rs cannot compile: Python then checks every document.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs

from notice_builder.validate.formats import format_functions
from notice_builder.validate.patterns import compile_pattern


class _PythonPattern:
    """The `pattern` keyword as the Python validator applies it (patterns.pattern_search) on strings."""

    def __init__(self, parent_schema: dict, value: str, schema_path: list) -> None:
        self._pattern = compile_pattern(value)

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and not self._pattern.search(instance):
            raise ValueError(f"{instance!r} does not match {self._pattern.pattern!r}")


def _mentions(schema: Any, keyword: str) -> bool:
    """True if `keyword` is a key anywhere in `schema` (a property of that name counts too: safe side)."""
    if isinstance(schema, dict):
        return keyword in schema or any(_mentions(value, keyword) for value in schema.values())
    if isinstance(schema, list):
        return any(_mentions(item, keyword) for item in schema)
    return False


class CompiledCheck:
    """One draft 2020-12 schema compiled once; `accepts` answers only for documents Python would accept."""

    def __init__(self, schema: dict) -> None:
        self._validator: jsonschema_rs.Validator | None = None
        if _mentions(schema, "patternProperties"):
            return
        try:
            self._validator = jsonschema_rs.Draft202012Validator(
                schema, formats=format_functions(), validate_formats=True,
                keywords={"pattern": _PythonPattern},
            )
        except Exception:  # a schema only Python reads (e.g. a Python-only regex): Python checks everything
            self._validator = None

    @property
    def compiled(self) -> bool:
        """Whether the fast check is in use for this schema."""
        return self._validator is not None

    def accepts(self, instance: Any) -> bool:
        """True if `instance` surely satisfies the schema; False if it does not or the check cannot tell."""
        if self._validator is None:
            return False
        try:
            return self._validator.is_valid(instance)
        except Exception:  # a value Rust cannot hold (a lone surrogate) or a format check that raised
            return False
