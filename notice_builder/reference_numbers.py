"""Reference numbers in an office's format: the pattern that checks them, and the next one to issue.

A format such as `WMPCC {seq:03d}/{year}` is the single statement of what a reference looks like. The
schema pattern, the linter and `notice next-ref` all derive from it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from notice_builder.findings import Finding, NoticeBuilderError

LEDGER_NAME = ".notice-references.json"
LOCK_NAME = LEDGER_NAME + ".lock"
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


def references_in(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every `reference` in the JSON files below `folder`, hidden folders skipped, unreadable passed over."""
    for path in sorted(folder.rglob("*.json")):
        if path.name == LEDGER_NAME or any(part.startswith(".") for part in path.relative_to(folder).parts):
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
    except (OSError, ValueError):
        data = None
    issued = data.get("issued") if isinstance(data, dict) else None
    if not isinstance(issued, list) or not all(isinstance(r, str) for r in issued):
        raise NoticeBuilderError([Finding(
            code="ledger-corrupt", message="the reference ledger is not a list of issued references",
            path=str(path),
            hint="restore it from a backup or version control; it records every number issued",
        )])
    return issued


@contextlib.contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if needed) across processes, on POSIX or Windows."""
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ModuleNotFoundError:  # Windows
            import msvcrt

            while True:
                try:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _write_ledger(path: Path, issued: list[str]) -> None:
    """Replace the ledger in one step, flushed to disk, so a crash leaves the old one or the new one."""
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"issued": issued}, indent=2, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def highest_number(references: Iterable[str], reference_format: ReferenceFormat, year: int) -> int:
    """The highest running number among `references` for `year` (any year, if the format has none)."""
    numbers = [
        parsed[0] for parsed in (reference_format.parse(r, strict=False) for r in references)
        if parsed and parsed[1] in (year, None)
    ]
    return max(numbers, default=0)


def allocate_reference(folder: Path, reference_format: ReferenceFormat, year: int | None = None) -> str:
    """Issue the next reference for `year` and record it, so that it is never issued again.

    The next number is one more than the highest found in the decisions below `folder` or in its
    ledger (`.notice-references.json`), so a number given to a draft that was later deleted is not
    reused. The ledger is read and updated under an exclusive lock, so two officers allocating at
    once get two numbers.
    """
    year = year or dt.date.today().year
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / LEDGER_NAME
    with _exclusive_lock(folder / LOCK_NAME):
        issued = _read_ledger(ledger)
        seen = [*issued, *(reference for reference, _ in references_in(folder))]
        reference = reference_format.format(highest_number(seen, reference_format, year) + 1, year)
        _write_ledger(ledger, [*issued, reference])
    return reference
