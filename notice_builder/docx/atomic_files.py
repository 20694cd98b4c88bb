"""Write files atomically: a hidden temporary file beside the target, synced, then moved into place.

An existing file is never replaced without `force`; on any error or Ctrl-C no half file is left.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from notice_builder.model.findings import Finding, NoticeBuilderError


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_current_umask()


def _exists(path: Path) -> Finding:
    return Finding(code="output-exists", message="the output file exists already; nothing was written",
                   path=str(path), hint="choose another output folder, or pass --force to replace it")


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise one finding per output that exists already, unless `force` allows replacing them."""
    if force:
        return
    clashes = [p for p in paths if p.exists()]
    if clashes:
        raise NoticeBuilderError([_exists(p) for p in clashes])


def stage_file(path: Path, data: bytes, *, tag: str = "", durable: bool = True) -> Path:
    """Write `data` to a hidden temporary file beside `path`; `publish_staged` puts it in place.

    `tag` goes into the temporary name, so a batch can find and remove all of its own leftovers.
    The file is synced to disk unless `durable` is False, when the caller must `make_durable` it
    (with the rest of its batch) before publishing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{tag}{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, FILE_MODE)  # mkstemp makes 0600; outputs are ordinary shared files
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def make_durable(paths: Iterable[Path]) -> None:
    """Get staged files onto the disk before they are published: one sync for a whole batch on Linux
    (where sync waits for the writes), one fsync a file elsewhere."""
    if sys.platform.startswith("linux"):
        os.sync()
        return
    for path in paths:
        with open(path, "rb+") as stream:
            os.fsync(stream.fileno())


def publish_staged(temporary: Path, path: Path, *, force: bool = False) -> None:
    """Move a staged file to `path` in one step, and remove the temporary name in every case.

    Without `force` the final link is made with os.link, which fails if `path` appeared in the
    meantime, so an existing file is never replaced by accident.
    """
    try:
        if force:
            os.replace(temporary, path)
            return
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise NoticeBuilderError([_exists(path)]) from None
        except OSError:  # file systems without hard links
            if path.exists():
                raise
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` via a temporary file in the same folder, then rename.

    An existing file is never replaced without `force`; on any error or Ctrl-C nothing is left.
    """
    publish_staged(stage_file(path, data), path, force=force)
