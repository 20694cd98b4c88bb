"""Write files atomically: a hidden temporary file beside the target, synced, then moved into place.

An existing file is never replaced without `force`; on any error or Ctrl-C no half file is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
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


# What an operating-system error on an output means to the person running the command, and what to do.
_WRITE_PROBLEMS = {
    errno.ENOSPC: ("the disk is full", "free some space on the disk, or write to another folder"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or write to another folder"),
    errno.EROFS: ("the disk is read-only", "write to a folder on a disk you can write to"),
    errno.EACCES: ("permission was denied", "write to a folder you may write to"),
    errno.EPERM: ("permission was denied", "write to a folder you may write to"),
    errno.ENAMETOOLONG: ("the file name is too long for the file system",
                         "use a shorter output folder, input file name or reference"),
    errno.ENOTDIR: ("part of the output path is a file, not a folder", "choose another output folder"),
    errno.EISDIR: ("a folder has this name", "choose another output name"),
}
MAX_NAME_IN_TEMPORARY = 96  # characters of the target's name kept in a temporary file's name


def write_problem(path: Path, error: OSError) -> Finding:
    """One plain finding for an output that could not be written: the file, the problem, the fix."""
    problem, hint = _WRITE_PROBLEMS.get(error.errno, (
        (error.strerror or type(error).__name__).lower(), "check the output folder and try again"))
    return Finding(code="output-unwritable", message=f"could not write this file: {problem}; nothing "
                   "was written", path=str(path), hint=hint)


@contextlib.contextmanager
def reporting_write_errors(path: Path) -> Iterator[None]:
    """Turn an operating-system error while writing `path` into a NoticeBuilderError naming it."""
    try:
        yield
    except OSError as error:
        raise NoticeBuilderError([write_problem(path, error)]) from None


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise one finding per output that exists already, unless `force` allows replacing them."""
    if force:
        return
    clashes = []
    for path in paths:
        with reporting_write_errors(path):
            if path.exists():
                clashes.append(path)
    if clashes:
        raise NoticeBuilderError([_exists(p) for p in clashes])


def stage_file(path: Path, data: bytes, *, tag: str = "", durable: bool = True) -> Path:
    """Write `data` to a hidden temporary file beside `path`; `publish_staged` puts it in place.

    `tag` goes into the temporary name, so a batch can find and remove all of its own leftovers.
    The file is synced to disk unless `durable` is False, when the caller must `make_durable` it
    (with the rest of its batch) before publishing.
    """
    with reporting_write_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp",
                                        prefix=f".{tag}{path.name[:MAX_NAME_IN_TEMPORARY]}.")
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
        with reporting_write_errors(path):
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
