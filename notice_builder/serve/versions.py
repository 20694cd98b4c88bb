"""Saving a decision from the form: atomically, refusing a file changed since it was opened, keeping
every earlier version.

Before a save replaces a file, its bytes are kept as a version in `.notice-versions/<name>/` in the
served folder (a hidden folder, which listings, `batch` and `lint` of the folder pass over), named by
the time of the save and the sha256 of the bytes, so nothing is ever lost and a version can be
restored (itself a save, which keeps the version it replaces).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.serve.listing import DecisionFile, read_bytes, sha256

VERSIONS_FOLDER = ".notice-versions"
_VERSION_NAME = re.compile(r"(\d{8}T\d{6}\.\d{6}Z)-([0-9a-f]{12})\.json")


@dataclass(frozen=True)
class Version:
    """One earlier version of a decision file."""

    path: Path
    saved: str  # when it was replaced, e.g. 2026-12-07 12:03:09 UTC
    sha: str


class SaveConflict(NoticeBuilderError):
    """The file changed on disk since the form was opened: the save was refused."""


def versions_folder(root: Path, entry: DecisionFile) -> Path:
    return Path(root).resolve() / VERSIONS_FOLDER / entry.name


def list_versions(root: Path, entry: DecisionFile) -> list[Version]:
    """The kept versions of a decision, newest first."""
    folder = versions_folder(root, entry)
    found = []
    for path in folder.glob("*.json") if folder.is_dir() else ():
        match = _VERSION_NAME.fullmatch(path.name)
        if match:
            when = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%fZ")
            found.append(Version(path, when.strftime("%Y-%m-%d %H:%M:%S UTC"), match.group(2)))
    return sorted(found, key=lambda v: v.path.name, reverse=True)


def save_decision(root: Path, entry: DecisionFile, text: str, opened_sha: str) -> str:
    """Write `text` to the decision file if it is still as it was opened (`opened_sha`); return the new
    sha256. The bytes replaced are kept as a version first. Raises SaveConflict if the file changed."""
    data = text.encode("utf-8")
    current = read_bytes(entry.path) if entry.path.exists() else b""
    if sha256(current) != opened_sha:
        raise SaveConflict([Finding(
            code="save-conflict", path=entry.name,
            message=f"{entry.name} was changed on disk after you opened it (by another officer, or by "
                    "git), so your changes were not saved over it",
            hint="copy what you wrote, open the decision again to see its new text, then make your "
                 "changes there; your input is also kept in this browser until you save",
        )])
    if data == current:
        return opened_sha
    if current:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
        kept = versions_folder(root, entry) / f"{stamp}-{sha256(current)[:12]}.json"
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, current)
    write_atomically(entry.path, data, force=True)
    return sha256(data)


def version_text(root: Path, entry: DecisionFile, index: int) -> str:
    """The text of the kept version `index` (0: the newest) of a decision."""
    versions = list_versions(root, entry)
    if not 0 <= index < len(versions):
        raise NoticeBuilderError([Finding(code="no-such-version", path=entry.name,
                                          message="there is no such earlier version of this decision",
                                          hint="choose a version from the list on the decision's page")])
    return read_bytes(versions[index].path).decode("utf-8")
