"""Write files atomically: a hidden temporary file beside the target, synced, then moved into place.

An existing file is never replaced without `force`; on any error or Ctrl-C no half file is left.
A process killed outright (kill -9, a power cut) cannot remove its temporary files, so their names
say whose they are (`.notice-staging-<host>-<pid>-...tmp`) and `remove_stale_staging` deletes, at the
start of the next run in that folder, those whose process has gone; never a running one's.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import sys
import tempfile
import time
import uuid
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


STAGING_PREFIX = ".notice-staging-"
LEGACY_STAGING_PREFIX = ".notice-batch-"  # versions before the owner was named: `.notice-batch-<hex>-`
STAGING_SUFFIX = ".tmp"
STALE_AFTER = 24 * 3600  # seconds: older staging files are stale whoever made them (a reused pid)
LEGACY_STALE_AFTER = 3600


def _host_mark() -> str:
    """8 hex digits naming this machine, so that a run never judges another machine's processes."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]


_HOST = _host_mark()
_OWNER = re.compile(r"\.notice-staging-([0-9a-f]{8})-([0-9]+)-")


def staging_tag(*, unique: bool = True) -> str:
    """The start of this process's temporary names: `<host>-<pid>-`, then a random part if `unique`.

    A batch stages with one unique tag (its worker processes too), so that it can find and remove all
    of its own leftovers, and a later run can tell from the host and pid whether their owner is gone.
    """
    owner = f"{_HOST}-{os.getpid()}-"
    return f"{owner}{uuid.uuid4().hex[:12]}-" if unique else owner


def stage_file(path: Path, data: bytes, *, tag: str = "", durable: bool = True) -> Path:
    """Write `data` to a hidden temporary file beside `path`; `publish_staged` puts it in place.

    The name is `.notice-staging-<tag><name>.XXXXXXXX.tmp`; `tag` comes from `staging_tag` (this
    process's own, without one). The file is synced to disk unless `durable` is False, when the caller
    must `make_durable` it (with the rest of its batch) before publishing.
    """
    with reporting_write_errors(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = f"{STAGING_PREFIX}{tag or staging_tag(unique=False)}{path.name[:MAX_NAME_IN_TEMPORARY]}."
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=STAGING_SUFFIX)
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


def _boot_time() -> float | None:
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/stat").read_text(encoding="ascii").splitlines():
            if line.startswith("btime "):
                return float(line.split()[1])
    return None


def _running(pid: int, since: float) -> bool:
    """Whether process `pid` runs and wrote a file at time `since` (is not a later reuse of the pid)."""
    if pid <= 0 or os.name != "posix":  # os.kill(pid, 0) would end a process on Windows: trust the age
        return pid > 0
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, which runs
        pass
    try:  # Linux: a zombie has ended, and a process started after the file was written is not its owner
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        boot = _boot_time()
    except (OSError, IndexError, ValueError):
        return True
    if fields[0] in ("Z", "X"):
        return False
    if boot is None:
        return True
    started = boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    return started <= since + 2  # the boot time is in whole seconds


def is_stale_staging(name: str, modified: float, now: float | None = None) -> bool:
    """Whether a file called `name`, last written at `modified`, is a staging file nobody will finish."""
    if not name.endswith(STAGING_SUFFIX):
        return False
    age = (time.time() if now is None else now) - modified
    if name.startswith(LEGACY_STAGING_PREFIX):
        return age > LEGACY_STALE_AFTER
    if not name.startswith(STAGING_PREFIX):
        return False
    if age > STALE_AFTER:
        return True
    owner = _OWNER.match(name)
    if owner is None or owner[1] != _HOST:  # another machine's run on a shared folder: only its age tells
        return False
    return not _running(int(owner[2]), modified)


def remove_stale_staging(folder: str | Path) -> int:
    """Delete the staging files in `folder` whose writer has gone (killed, or the machine stopped).

    Staging files of a run still going (its pid runs, on this host) are kept, whoever started it.
    Returns how many files were removed; a folder that does not exist has none.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return 0
    now = time.time()
    for entry in entries:
        if not entry.name.startswith((STAGING_PREFIX, LEGACY_STAGING_PREFIX)):
            continue
        with contextlib.suppress(FileNotFoundError):  # its owner finished it meanwhile
            if entry.is_file(follow_symlinks=False) and is_stale_staging(
                    entry.name, entry.stat(follow_symlinks=False).st_mtime, now):
                os.unlink(entry.path)
                removed += 1
    return removed
