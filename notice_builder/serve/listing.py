"""The decisions of the folder the form serves, addressed by their place in the listing, never by path.

A listing is every `*.json` file below the folder that holds a JSON object (a decision, valid or not),
sorted by relative path. Hidden folders (`.notice-versions`, `.git`), `out/` and `meeting.json` are
passed over, so the browser can only name an entry of this list, and nothing outside the folder can be
read or written through it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from notice_builder.load.decision_file import read_regular_file
from notice_builder.load.folder_walk import files_below
from notice_builder.model.limits import MAX_JSON_FILE_BYTES

SKIPPED_FILES = frozenset({"meeting.json", "package.json", "profile.json"})
SKIPPED_FOLDERS = frozenset({"out", "node_modules", "templates"})


@dataclass(frozen=True)
class DecisionFile:
    """One decision file of the folder: its place in the listing and its path."""

    index: int
    path: Path
    name: str  # relative to the folder, with "/"


def _skip_folder(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, its symlinks followed, is still inside `root` (a link out of it is not listed)."""
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def decision_files(folder: Path) -> list[DecisionFile]:
    """The JSON files of `folder` (recursively) that a decision may be in, sorted by relative path."""
    root = Path(folder).resolve()
    found = [p for p in files_below(root, _skip_folder)
             if p.suffix == ".json" and p.name not in SKIPPED_FILES and not p.name.startswith(".")
             and _inside(p, root)]
    names = sorted(p.relative_to(root).as_posix() for p in found)
    return [DecisionFile(i, root / name, name) for i, name in enumerate(names)]


def file_at(folder: Path, index: int) -> DecisionFile | None:
    """The listing's entry `index`, or None if there is none."""
    files = decision_files(folder)
    return files[index] if 0 <= index < len(files) else None


def read_bytes(path: Path) -> bytes:
    """A decision file's bytes, read only if it is a regular file of a decision's size."""
    return read_regular_file(path, MAX_JSON_FILE_BYTES)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
