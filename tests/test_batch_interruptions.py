"""`notice batch` stopped at random moments (kill -9, SIGTERM, Ctrl-C), then run again.

The batches run as real processes on a generated meeting, so what is checked is what a user sees in the
folder: every document there is described by the manifest (a batch stopped while publishing leaves it
"in progress", listing every document it may have written), and after a rerun no hidden temporary
file is left and the manifest is complete and matches the files byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from notice_builder.bench import make_decisions
from notice_builder.docx.atomic_files import remove_stale_staging, staging_tag
from notice_builder.pipeline.build import build_documents
from notice_builder.publish import batch as batch_module
from notice_builder.publish.batch import BatchOptions, run_batch
from tests.conftest import FINAL_EXAMPLE, REFERENCE_EXAMPLE, SHORT_EXAMPLE, example_data

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and process groups are POSIX")

DECISIONS = 48
KILLS = 10  # half SIGKILL, half SIGTERM; two in three at a random moment of a batch, one in three
# a random moment after the manifest "in progress" appears, while documents are being put in place
INTERRUPTED = "interrupted"


def start_batch(decisions: Path, out: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from notice_builder.cli import main; main()",
               "batch", str(decisions), "-o", str(out), "--jobs", "2", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own process group, as a shell job has


def hidden_files(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp") \
        if out.is_dir() else []


def documents(out: Path) -> dict[str, str]:
    """The documents in the folder, with their sha256."""
    if not out.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()
            if not p.name.startswith(".") and p.name != "manifest.json"}


def listed(manifest: dict) -> dict[str, str]:
    return {o["file"]: o["sha256"] for d in manifest["decisions"] for o in d["outputs"]}


def assert_described(out: Path) -> str:
    """Every document in `out` is listed, with its sha256, by a manifest; returns the manifest's status."""
    present = documents(out)
    path = out / "manifest.json"
    if not path.exists():
        assert not present, "documents were published without a manifest"
        return "none"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    files = listed(manifest)
    assert set(present) <= set(files), f"not in the manifest: {sorted(set(present) - set(files))[:3]}"
    assert all(files[name] == digest for name, digest in present.items())
    if manifest["status"] == "complete":
        assert present == files
    else:
        assert manifest["status"] == "in progress"
    return manifest["status"]


def manifest_identity(out: Path) -> tuple[int, int] | None:
    with contextlib.suppress(FileNotFoundError):
        stat = (out / "manifest.json").stat()
        return stat.st_ino, stat.st_mtime_ns
    return None


def wait_for_new_manifest(out: Path, before: tuple[int, int] | None, process: subprocess.Popen) -> None:
    """Until the batch has replaced the manifest (with its "in progress" one), or has finished."""
    while manifest_identity(out) == before and process.poll() is None:
        time.sleep(0.001)


def wait_for_group_to_end(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """Reap the killed batch and wait until none of its workers is left running."""
    process.communicate(timeout=timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("a worker outlived its batch")


@pytest.fixture(scope="module")
def generated_meeting(tmp_path_factory) -> tuple[Path, dict[str, str], float]:
    """A generated meeting, the documents a clean batch makes of it, and how long that batch took."""
    folder = tmp_path_factory.mktemp("meeting")
    make_decisions(folder / "decisions", DECISIONS)
    started = time.monotonic()
    process = start_batch(folder / "decisions", folder / "clean")
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    return folder / "decisions", documents(folder / "clean"), time.monotonic() - started


def test_kill_9_and_sigterm_at_random_moments_then_a_rerun(generated_meeting, tmp_path):
    decisions, expected, duration = generated_meeting
    out = tmp_path / "out"
    rng = random.Random(1313)
    seen = []
    for number in range(KILLS):
        sent = signal.SIGKILL if number % 2 == 0 else signal.SIGTERM
        rerun = ("--force",) if out.exists() and any(out.iterdir()) else ()
        before = manifest_identity(out)
        process = start_batch(decisions, out, *rerun)
        if number % 3 == 2:
            wait_for_new_manifest(out, before, process)
            time.sleep(rng.uniform(0, 0.1) * duration)
        else:
            time.sleep(rng.uniform(0.05, 1.0) * duration)
        process.send_signal(sent)  # the batch process only, as `kill PID` does
        _, stderr = process.communicate(timeout=30)
        wait_for_group_to_end(process)
        status = assert_described(out)
        if sent == signal.SIGTERM and process.returncode == 130:
            assert "Traceback" not in stderr and stderr.strip().splitlines()[-1].startswith(INTERRUPTED)
            assert not hidden_files(out), "SIGTERM left temporary files"
        else:  # killed before it could handle the signal, or finished first
            assert process.returncode in (-sent, 0, 1), stderr
        seen.append((sent.name, process.returncode, status, len(hidden_files(out))))
    print("kills (signal, exit code, manifest, hidden files left):", seen)

    rerun = ("--force",) if out.exists() and any(out.iterdir()) else ()
    process = start_batch(decisions, out, *rerun)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert hidden_files(out) == []
    assert assert_described(out) == "complete"
    assert documents(out) == expected


def test_ctrl_c_in_a_two_process_batch_prints_one_line_and_no_traceback(generated_meeting, tmp_path):
    decisions, _, _ = generated_meeting
    out = tmp_path / "out"
    process = start_batch(decisions, out)
    deadline = time.monotonic() + 30
    while not hidden_files(out) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # until the workers are staging documents
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = process.communicate(timeout=30)
    wait_for_group_to_end(process)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1 and stderr.startswith(INTERRUPTED)
    assert hidden_files(out) == []
    assert_described(out)


def test_the_manifest_lists_every_document_before_any_is_published(tmp_path, monkeypatch):
    real_publish = batch_module.publish_decision
    seen = []

    def publish(result, options):
        if not seen:
            seen.append(json.loads((options.out_dir / "manifest.json").read_text(encoding="utf-8")))
            assert not list(options.out_dir.glob("*.docx"))
        return real_publish(result, options)

    monkeypatch.setattr(batch_module, "publish_decision", publish)
    out = tmp_path / "out"
    result = run_batch([str(FINAL_EXAMPLE), str(REFERENCE_EXAMPLE)], BatchOptions(out, jobs=1))
    announced = seen[0]
    assert announced["status"] == "in progress"
    assert [d["status"] for d in announced["decisions"]] == ["pending", "pending"]
    assert announced["summary"]["pending"] == 2 and announced["summary"]["built"] == 0
    final = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert final["status"] == "complete" and result.built == 2
    assert listed(announced) == listed(final) == documents(out)


def test_a_failure_while_publishing_leaves_a_manifest_describing_the_folder(tmp_path, monkeypatch):
    real_publish = batch_module.publish_decision
    calls = []

    def fail_second(result, options):
        calls.append(result)
        if len(calls) == 2:
            raise RuntimeError("a bug while publishing")
        return real_publish(result, options)

    monkeypatch.setattr(batch_module, "publish_decision", fail_second)
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        run_batch([str(FINAL_EXAMPLE), str(REFERENCE_EXAMPLE)], BatchOptions(out, jobs=1))
    assert len(documents(out)) == 2  # the first decision's
    assert assert_described(out) == "in progress"
    assert hidden_files(out) == []


def test_a_lone_surrogate_in_a_finding_still_gives_a_manifest(tmp_path):
    folder = tmp_path / "decisions"
    folder.mkdir()
    data = example_data(SHORT_EXAMPLE)
    data["\udcff"] = 1  # a lone surrogate, as the JSON escape "\udcff" gives it
    (folder / "odd.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "final.json").write_text(FINAL_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([str(folder)], BatchOptions(out, jobs=1))
    assert result.built >= 1
    assert assert_described(out) == "complete"
    assert "\\udcff" in (out / "manifest.json").read_text(encoding="utf-8")  # its JSON escape


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_staging_files_are_removed_and_a_running_owners_kept(tmp_path):
    def staged(name: str, hours_old: float = 0) -> Path:
        path = tmp_path / name
        path.write_bytes(b"half a document")
        when = time.time() - hours_old * 3600
        os.utime(path, (when, when))
        return path

    ours = staging_tag(unique=False)
    host = ours.split("-")[0]
    other_host = "0" * 8 if host != "0" * 8 else "1" * 8
    dead = staged(f".notice-staging-{host}-{dead_pid()}-abc-X-notice.docx.1234.tmp")
    live = staged(f".notice-staging-{ours}X-notice.docx.1234.tmp")
    old_live = staged(f".notice-staging-{ours}Y-notice.docx.1234.tmp", hours_old=25)
    elsewhere = staged(f".notice-staging-{other_host}-{dead_pid()}-X-notice.docx.1234.tmp")
    legacy_old = staged(".notice-batch-0123456789ab-X-notice.docx.abcd.tmp", hours_old=2)
    legacy_new = staged(".notice-batch-0123456789ab-Y-notice.docx.abcd.tmp")
    document = staged("X-notice.docx", hours_old=48)
    assert remove_stale_staging(tmp_path) == 3
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in (live, elsewhere, legacy_new, document)}
    assert not dead.exists() and not old_live.exists() and not legacy_old.exists()
    assert remove_stale_staging(tmp_path / "missing") == 0


def test_a_build_removes_what_a_killed_build_left(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    ours = staging_tag(unique=False)
    leftover = out / f".notice-staging-{ours.split('-')[0]}-{dead_pid()}-WMPCC-012-2013-notice.docx.x.tmp"
    leftover.write_bytes(b"half")
    build_documents(FINAL_EXAMPLE, out)
    assert hidden_files(out) == [] and len(documents(out)) == 2
