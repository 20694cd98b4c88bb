"""Reference numbers in an office's format: the pattern that checks them, and the next one to issue.

A format such as `WMPCC {seq:03d}/{year}` is the single statement of what a reference looks like. The
schema pattern, the linter and `notice next-ref` all derive from it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from notice_builder.findings import Finding, NoticeBuilderError

LEDGER_NAME = ".notice-references.json"
_FIELDS = {"seq", "year"}


_REGEX_SPECIALS = set("\\.^$*+?()[]{}|")


def _escape(literal: str) -> str:
    """Escape regex metacharacters only, so the pattern reads the same in Python and ECMAScript."""
    return "".join(f"\\{c}" if c in _REGEX_SPECIALS else c for c in literal)


def _field_pattern(name: str, spec: str) -> str:
    if name == "year":
        return "([0-9]{4})"
    width = re.fullmatch(r"0?(\d*)d?", spec or "")
    digits = int(width.group(1)) if width and width.group(1) else 1
    return f"([0-9]{{{digits},}})"


@dataclass(frozen=True)
class ReferenceFormat:
    """A reference format like `WMPCC {seq:03d}/{year}`."""

    template: str

    def __post_init__(self) -> None:
        names = [name for _, name, _, _ in Formatter().parse(self.template) if name is not None]
        if "seq" not in names or set(names) - _FIELDS:
            raise ValueError(
                f"reference format {self.template!r} must contain {{seq}} and may contain {{year}}"
            )

    @property
    def pattern(self) -> str:
        """A regular expression (JSON Schema flavour) matching every reference of this format."""
        parts = []
        for literal, name, spec, _ in Formatter().parse(self.template):
            parts.append(_escape(literal))
            if name is not None:
                parts.append(_field_pattern(name, spec))
        return "^" + "".join(parts) + "$"

    @property
    def _field_order(self) -> list[str]:
        return [name for _, name, _, _ in Formatter().parse(self.template) if name is not None]

    def example(self) -> str:
        return self.format(5, 2013)

    def format(self, seq: int, year: int) -> str:
        return self.template.format(seq=seq, year=year)

    def parse(self, reference: str) -> tuple[int, int | None] | None:
        """(sequence, year) of a reference in this format, or None if it is not one."""
        match = re.match(self.pattern, reference)
        if not match:
            return None
        values = dict(zip(self._field_order, match.groups(), strict=True))
        year = values.get("year")
        return int(values["seq"]), int(year) if year else None


def references_in(folder: Path) -> Iterable[tuple[str, Path]]:
    """Every `reference` found in decision files below `folder` (unreadable files are passed over)."""
    for path in sorted(folder.rglob("*.json")):
        if path.name == LEDGER_NAME:
            continue
        with contextlib.suppress(OSError, ValueError, AttributeError):
            reference = json.loads(path.read_text(encoding="utf-8")).get("reference")
            if isinstance(reference, str):
                yield reference, path


def _read_ledger(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except ValueError:
        raise NoticeBuilderError([Finding(
            code="ledger-corrupt", message="the reference ledger is not valid JSON", path=str(path),
            hint="restore it from version control; it records every number issued",
        )]) from None
    return list(data.get("issued", []))


def allocate_reference(folder: Path, reference_format: ReferenceFormat, year: int | None = None) -> str:
    """Issue the next reference for `year` and record it, so that it is never issued again.

    The next number is one more than the highest found in the folder's decisions or in its ledger
    (`.notice-references.json`), so a number given to a draft that was later deleted is not reused.
    The ledger is updated under an exclusive lock, so two officers allocating at once get two numbers.
    """
    year = year or dt.date.today().year
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / LEDGER_NAME
    with open(folder / (LEDGER_NAME + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        issued = _read_ledger(ledger)
        seen = issued + [reference for reference, _ in references_in(folder)]
        numbers = [
            parsed[0] for parsed in map(reference_format.parse, seen)
            if parsed and parsed[1] in (year, None)
        ]
        reference = reference_format.format(max(numbers, default=0) + 1, year)
        temporary = ledger.with_suffix(".tmp")
        temporary.write_text(json.dumps({"issued": [*issued, reference]}, indent=2) + "\n", encoding="utf-8")
        temporary.replace(ledger)
    return reference
