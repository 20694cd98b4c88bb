"""No user-controlled text reaches LibreOffice's command line as an option, and no LibreOffice outlives us.

The inputs are generated here: a decision file named like an `soffice` option, and stand-in `soffice`
scripts that record their arguments and process group, or hang with a helper process of their own.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import stat
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.publish import pdf as pdf_module
from notice_builder.publish.pdf import PdfJob, convert_to_pdf
from tests.conftest import SHORT_EXAMPLE, example_data


def _script(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + text, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


def _group_members(group: int) -> list[int]:
    """Processes still alive (not zombies) in process group `group`, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgid = fields[0], int(fields[2])
        if pgid == group and state != "Z":
            members.append(int(entry.name))
    return members


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def _dies(pid: int, within: float = 10.0) -> bool:
    """Whether `pid` is gone (or a zombie) within `within` seconds: a SIGKILL takes effect asynchronously."""
    deadline = time.monotonic() + within
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _kill_group(group: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(group, signal.SIGKILL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.libreoffice
def test_a_file_named_like_an_soffice_option_is_converted_as_a_file(tmp_path, monkeypatch):
    real = pdf_module.soffice()
    log = tmp_path / "soffice-argv.txt"
    wrapper = _script(tmp_path / "bin", f'echo "$$" > "{log}.pid"\n'
                                        f'for a in "$@"; do printf "%s\\n" "$a"; done > "{log}"\n'
                                        f'exec "{real}" "$@"\n')
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    port = _free_port()
    name = f"--accept=socket,host=127.0.0.1,port={port};urp;.json"
    work = tmp_path / "meeting"
    work.mkdir()
    data = example_data(SHORT_EXAMPLE)
    data["title"] = "日本語の決定"  # no ASCII word to name it by, so its documents are named after the file
    (work / name).write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.chdir(work)
    group = None
    try:
        result = CliRunner().invoke(main, ["batch", "-o", ".", "--pdf", "--", name], catch_exceptions=False)
        group = int(Path(f"{log}.pid").read_text())
        arguments = log.read_text(encoding="utf-8").splitlines()
        files = arguments[arguments.index("--outdir") + 1:]
        assert len(files) == 3  # the out folder and the two documents
        assert all(Path(f).is_absolute() and not f.startswith("-") for f in files), arguments
        assert result.exit_code == 0, result.output
        stem = name[: -len(".json")]
        assert (work / f"{stem}-notice.pdf").read_bytes().startswith(b"%PDF")
        assert (work / f"{stem}-board-report.pdf").read_bytes().startswith(b"%PDF")
        assert _group_members(group) == []
        with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
            probe.connect(("127.0.0.1", port))
    finally:
        if group:
            _kill_group(group)


@pytest.mark.parametrize("ending", ["timeout", "ctrl-c"])
def test_libreoffice_and_its_helpers_are_killed_on_timeout_or_ctrl_c(tmp_path, monkeypatch, ending):
    # A stand-in soffice that hangs, with a helper process of its own (as soffice.bin is to soffice).
    pids = tmp_path / "pids"
    fake = _script(tmp_path / "bin", f'echo "$$" > "{pids}"\n'
                                     f'sleep 300 >/dev/null 2>&1 </dev/null &\n'
                                     f'echo "$!" >> "{pids}"\n'
                                     f'sleep 300\n')
    monkeypatch.setattr(pdf_module, "soffice", lambda: str(fake))
    monkeypatch.setattr(pdf_module, "timeout_for", lambda documents: 2 if ending == "timeout" else 60)
    docx = tmp_path / "draft.docx"
    docx.write_bytes(b"not really a document")
    job = PdfJob(docx, pdf_module.dt.datetime(2013, 7, 16, tzinfo=pdf_module.dt.timezone.utc))
    started = time.monotonic()
    timer = None
    try:
        if ending == "timeout":
            result = convert_to_pdf([job])
            assert "did not finish in time" in result[docx].message
        else:
            def interrupt():
                while not pids.exists() or len(pids.read_text().split()) < 2:
                    time.sleep(0.05)
                os.kill(os.getpid(), signal.SIGINT)

            timer = threading.Thread(target=interrupt, daemon=True)
            timer.start()
            with pytest.raises(KeyboardInterrupt):
                convert_to_pdf([job])
        assert time.monotonic() - started < 60
        leader, helper = (int(p) for p in pids.read_text().split())
        assert _dies(helper), "LibreOffice's helper process was left running"
        assert _group_members(leader) == []
    finally:
        for pid in (int(p) for p in pids.read_text().split()) if pids.exists() else ():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
