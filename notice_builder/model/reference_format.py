"""Reference formats such as `WMPCC {seq:03d}/{year}`: the pattern that checks a reference, and reading one.

A format is the single statement of what a reference looks like. The schema pattern, the linter and
`notice next-ref` all derive from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import Formatter

_REGEX_SPECIALS = set("\\.^$*+?()[]{}|")
# What may follow the colon: {seq}, {seq:d}, {seq:03d}; {year} or {year:d}. Space padding is refused
# because a reference with spaces inside its number is one nobody can type back.
_SPECS = {"seq": re.compile(r"(?:0\d+)?d?"), "year": re.compile(r"d?")}


def _escape(literal: str) -> str:
    """Escape regex metacharacters only, so the pattern reads the same in Python and ECMAScript."""
    return "".join(f"\\{c}" if c in _REGEX_SPECIALS else c for c in literal)


def _field_pattern(name: str, spec: str, strict: bool) -> str:
    if name == "year":
        return "([0-9]{4})"
    digits = int(spec.rstrip("d")) if strict and spec.rstrip("d") else 1
    return f"([0-9]{{{digits},}})"


@dataclass(frozen=True)
class ReferenceFormat:
    """A reference format like `WMPCC {seq:03d}/{year}`."""

    template: str

    def __post_init__(self) -> None:
        try:
            fields = [(name, spec, conversion)
                      for _, name, spec, conversion in Formatter().parse(self.template) if name is not None]
        except ValueError as error:  # a lone { or }
            raise ValueError(f"reference format {self.template!r} is not a format: {error}") from None
        names = [name for name, _, _ in fields]
        if names.count("seq") != 1 or set(names) - set(_SPECS):
            raise ValueError(
                f"reference format {self.template!r} must contain {{seq}} once and may contain {{year}}"
            )
        for name, spec, conversion in fields:
            if conversion or not _SPECS[name].fullmatch(spec or ""):
                written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                raise ValueError(
                    f"reference format {self.template!r}: '{{{written}}}' is not a number format "
                    "this tool reads back; use {seq}, {seq:03d} or {year}"
                )

    def _regex(self, strict: bool) -> str:
        parts = []
        for literal, name, spec, _ in Formatter().parse(self.template):
            parts.append(_escape(literal))
            if name is not None:
                parts.append(_field_pattern(name, spec or "", strict))
        return "".join(parts)

    @property
    def pattern(self) -> str:
        """A regular expression (JSON Schema flavour) matching every reference of this format."""
        return "^" + self._regex(strict=True) + "$"

    @property
    def _field_order(self) -> list[str]:
        return [name for _, name, _, _ in Formatter().parse(self.template) if name is not None]

    def example(self) -> str:
        return self.format(5, 2013)

    def format(self, seq: int, year: int) -> str:
        return self.template.format(seq=seq, year=year)

    def parse(self, reference: str, *, strict: bool = True) -> tuple[int, int | None] | None:
        """(sequence, year) of a reference in this format, or None if it is not one.

        Not strict, a number written without its leading zeros (`WMPCC 5/2013`) is read too: a number
        typed by hand still counts as issued.
        """
        match = re.fullmatch(self._regex(strict), reference.strip())
        if not match:
            return None
        values = dict(zip(self._field_order, match.groups(), strict=True))
        year = values.get("year")
        return int(values["seq"]), int(year) if year else None
