"""The reference ledger: the next reference number to issue in an office's format, never the same twice."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from notice_builder.load.decision_file import loads_bounded, read_regular_file
from notice_builder.load.folder_walk import files_below
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.limits import MAX_JSON_FILE_BYTES
from notice_builder.model.reference_format import ReferenceFormat

LEDGER_NAME = ".notice-references.json"
LOCK_NAME = LEDGER_NAME + ".lock"
# What reading a JSON file that is not a usable decision can raise: unreadable, not a regular file, too
# large, not UTF-8, not JSON, a number too long, nested too deeply, not an object.
_UNUSABLE = (OSError, ValueError, RecursionError, AttributeError)


def _read_json(path: Path) -> object:
    """A JSON file's data, read only if it is a regular file within the decision size cap."""
    return loads_bounded(read_regular_file(path, MAX_JSON_FILE_BYTES).decode("utf-8-sig"))


def references_in(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every `reference` in the JSON files below `folder`, hidden folders skipped, unusable passed over.

    Symlinked folders are not followed; devices, huge files and files nested too deeply are skipped.
    """
    found = files_below(folder, lambda name: name.startswith("."))
    for path in sorted(p for p in found if p.suffix == ".json"):
        if path.name == LEDGER_NAME or path.name.startswith("."):
            continue
        with contextlib.suppress(*_UNUSABLE):
            reference = _read_json(path).get("reference")
            if isinstance(reference, str):
                yield reference, path


def _read_ledger(path: Path) -> list[str]:
    try:
        data = _read_json(path)
    except FileNotFoundError:
        return []
    except _UNUSABLE:
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
    """Hold an exclusive lock on `path` across processes, on POSIX or Windows; remove the file after.

    The lock file exists only while a number is being issued, so none is left behind. On POSIX the
    holder removes it before unlocking, and a waiter that then gets the lock on the removed file
    opens the file anew; on Windows it is removed after unlocking unless another process has it open.
    """
    try:
        import fcntl
    except ModuleNotFoundError:  # Windows
        with _windows_lock(path):
            yield
        return
    while True:
        handle = open(path, "a+b")  # noqa: SIM115 (held open past this loop, closed below)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                current = os.stat(path)
            except FileNotFoundError:
                current = None
            if current is not None and os.path.samestat(os.fstat(handle.fileno()), current):
                break
        except BaseException:
            handle.close()
            raise
        handle.close()  # the file was removed by the holder before us: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextlib.contextmanager
def _windows_lock(path: Path) -> Iterator[None]:
    import msvcrt

    with open(path, "a+b") as handle:
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
    with contextlib.suppress(OSError):  # another process has it open: it removes it when done
        os.unlink(path)


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


def allocate_reference(folder: Path, reference_format: ReferenceFormat, year: int | None = None, *,
                       ledger: Path | None = None) -> str:
    """Issue the next reference for `year` and record it, so that it is never issued again.

    The next number is one more than the highest found in the decisions below `folder` or in the
    ledger (`folder/.notice-references.json` unless `ledger` names another file), so a number given to
    a draft that was later deleted is not reused. The ledger is read and updated under an exclusive
    lock (`<ledger>.lock`, removed afterwards), so two officers allocating at once get two numbers.
    """
    year = year or dt.date.today().year
    folder.mkdir(parents=True, exist_ok=True)
    ledger = ledger or folder / LEDGER_NAME
    with _exclusive_lock(ledger.with_name(ledger.name + ".lock")):
        issued = _read_ledger(ledger)
        seen = [*issued, *(reference for reference, _ in references_in(folder))]
        reference = reference_format.format(highest_number(seen, reference_format, year) + 1, year)
        _write_ledger(ledger, [*issued, reference])
    return reference
