"""Walk folders and expand globs without following symlinked folders, so a symlink loop ends at once."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

_GLOB_CHARACTERS = frozenset("*?[")


def files_below(folder: str | Path, skip_folder: Callable[[str], bool] = lambda _: False) -> Iterator[Path]:
    """Every file below `folder`, in no fixed order, each real folder visited once.

    Symlinks to folders are not followed (a link to an ancestor would loop for ever, and one to
    elsewhere leaves the folder given), and a folder reached twice (a bind mount of an ancestor) is not
    read again. Symlinks to files are listed: reading one checks it is a regular file. Folders whose
    name `skip_folder` accepts are not entered.
    """
    visited: set[tuple[int, int]] = set()
    for root, folders, files in os.walk(folder, followlinks=False):
        try:
            status = os.stat(root)
        except OSError:
            folders[:] = []
            continue
        if (status.st_dev, status.st_ino) in visited:
            folders[:] = []
            continue
        visited.add((status.st_dev, status.st_ino))
        folders[:] = [name for name in folders if not skip_folder(name)]
        for name in files:
            yield Path(root, name)


def is_glob(pattern: str) -> bool:
    return bool(_GLOB_CHARACTERS & set(pattern))


def expand_glob(pattern: str) -> list[Path]:
    """Paths matching a glob (`**` any depth), sorted; `**` never follows a symlinked folder."""
    parts = Path(pattern).parts
    first = next((i for i, part in enumerate(parts) if is_glob(part)), len(parts))
    base = Path(*parts[:first]) if first else Path()
    # "**" is a whole component; glob.glob read "a**b" as "a*b", and so do we.
    rest = [part if part == "**" else re.sub(r"\*{2,}", "*", part) for part in parts[first:]]
    if not rest:
        return [base] if base.exists() else []
    try:
        return sorted(base.glob("/".join(rest)))
    except (OSError, ValueError):
        return []
