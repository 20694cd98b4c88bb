"""Generated hostile inputs: numbers of every size, odd code points in keys and values, devices, symlink
loops and deep nesting. Each gives a finding or a result, in bounded time and memory, never a traceback.

Nothing here is stored: every input is written into tmp_path by the test that uses it.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.model.limits import MAX_NUMBER_CHARACTERS
from tests.conftest import FINAL_EXAMPLE, SHORT_EXAMPLE, example_data

NOTICE = str(Path(sys.executable).with_name("notice"))
MEMORY_LIMIT = 1024 * 1024 * 1024
HANG_GUARD_SECONDS = 60  # a guard against hangs (a FIFO opened, a symlink loop followed), not a speed test


def invoke(*args) -> tuple[int, str]:
    """Run the CLI in-process; a traceback (any exception but SystemExit) fails the test."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def notice(*args, cwd: Path) -> subprocess.CompletedProcess:
    """`notice ARGS` in a child process with bounded memory and a hang guard; never a traceback."""
    done = subprocess.run(
        [NOTICE, *map(str, args)], capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, cwd=cwd,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT)),
    )
    assert "Traceback" not in done.stdout + done.stderr, done
    return done


# -- numbers of every size, anywhere in the file ----------------------------------------------------
SIZES = [1, 2, 17, 99, 100, 101, 309, 4300, 4301, 5000, 100_000, 1_000_000]
KINDS = {
    "integer": lambda n: "9" * n,
    "negative": lambda n: "-" + "9" * n,
    "fraction": lambda n: "0." + "5" * n,
    "exponent": lambda n: "1e" + "9" * n,
}


def _decision_with_number(tmp_path: Path, literal: str, place: str) -> tuple[Path, int]:
    """A decision holding `literal` under an unknown key at `place`; its path and the number's line."""
    data = example_data()
    if place == "top":
        data = {"zzz": "__NUMBER__", **data}
    else:
        data["notice"]["zzz"] = [{"deeper": [1, "__NUMBER__"]}]
    text = json.dumps(data, indent=2)
    line = text[: text.index('"__NUMBER__"')].count("\n") + 1
    path = tmp_path / "decision.json"
    path.write_text(text.replace('"__NUMBER__"', literal), encoding="utf-8")
    return path, line


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("command,place", [("validate", "top"), ("validate", "nested"), ("lint", "top"),
                                           ("build", "nested")])
def test_numbers_of_every_size_are_read_or_refused_at_their_line(tmp_path, size, kind, command, place):
    literal = KINDS[kind](size)
    path, line = _decision_with_number(tmp_path, literal, place)
    args = ("build", path, "-o", tmp_path / "out") if command == "build" else (command, path)
    code, output = invoke(*args)
    if len(literal) > MAX_NUMBER_CHARACTERS:
        assert code == 1, output  # a refusal is exit 1 for a decision, from lint too
        assert f"{path}:{line}:" in output and "number-too-long" in output, output
        assert f"{len(literal):,} characters" in output and str(MAX_NUMBER_CHARACTERS) in output
        assert len(output.splitlines()) <= 2  # the finding, and lint's summary
    else:
        assert code == 1 and "number-too-long" not in output and "or correct its name" in output, output


# -- keys and values with every kind of odd code point --------------------------------------------
ODD = {
    "high surrogate": "\ud800", "last high surrogate": "\udbff", "low surrogate": "\udc00",
    "last low surrogate": "\udfff", "reversed pair": "\udc00\ud800", "NUL": "\x00", "SOH": "\x01",
    "escape sequence": "\x1b[31m", "DEL": "\x7f", "NEL": "\x85", "line separator": "\u2028",
    "paragraph separator": "\u2029", "zero width space": "\u200b", "right-to-left override": "\u202e",
    "byte-order mark": "\ufeff", "U+FFFE": "\ufffe", "U+FFFF": "\uffff", "private use": "\ue000",
    "last code point": "\U0010ffff", "emoji (a valid pair)": "\U0001f600", "lone combining accent": "\u0301",
}
LONE_SURROGATE = {name for name, char in ODD.items() if any(0xD800 <= ord(c) <= 0xDFFF for c in char)}


def _odd_decision(folder: Path, name: str, where: str, raw: bool) -> Path:
    """A decision with ODD[name] in a field name (`key`) or in the title (`value`), escaped or raw."""
    data = example_data()
    char = ODD[name]
    if where == "key":
        data["notice"][f"field{char}name"] = "x"
    else:
        data["title"] = f"A title {char} with it"
    path = folder / f"{where}-{'raw' if raw else 'escaped'}-{sorted(ODD).index(name):02d}.json"
    # Raw lone surrogates can only be written as CESU-8 bytes, which are not UTF-8.
    path.write_bytes(json.dumps(data, indent=2, ensure_ascii=not raw).encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("raw", [False, True], ids=["escaped", "raw"])
@pytest.mark.parametrize("where", ["key", "value"])
@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_code_points_in_keys_and_values_are_findings_not_tracebacks(tmp_path, name, where, raw):
    path = _odd_decision(tmp_path, name, where, raw)
    for args, allowed in (
        (("validate", path), {0, 1}),
        (("lint", path), {0, 1, 2}),
        (("build", path, "-o", tmp_path / "out"), {0, 1}),
    ):
        code, output = invoke(*args)
        assert code in allowed, (args, output)
        output.encode("utf-8")  # printable as it stands: no lone surrogate reaches the terminal
        if name in LONE_SURROGATE:
            assert code != 0
            expected = "not UTF-8" if raw else "lone surrogate"
            assert expected in output, (args, output)
        if where == "key" and code:
            assert "/notice/field" in output or "not UTF-8" in output, output


def test_a_batch_with_odd_code_points_everywhere_still_writes_its_manifest(tmp_path):
    folder = tmp_path / "decisions"
    folder.mkdir()
    made = [_odd_decision(folder, name, where, raw)
            for name in sorted(ODD) for where in ("key", "value") for raw in (False, True)]
    (folder / "good.json").write_text(SHORT_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = invoke("batch", folder, "-o", tmp_path / "out")
    assert code == 1, output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    statuses = {Path(entry["input"]).name: entry["status"] for entry in manifest["decisions"]}
    assert set(statuses) == {p.name for p in made} | {"good.json"}
    assert statuses["good.json"] == "built"
    for name in LONE_SURROGATE:
        for where in ("key", "value"):
            assert statuses[_odd_decision(tmp_path, name, where, False).name] == "failed"


# -- devices, pipes and symlink loops ------------------------------------------------------------
def _not_a_file(tmp_path: Path, kind: str, name: str) -> Path:
    path = tmp_path / name
    if kind == "symlink to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)  # opening it to read would block until the hang guard
    return path


@pytest.mark.parametrize("kind", ["symlink to /dev/zero", "fifo"])
@pytest.mark.parametrize("command", ["validate", "lint", "build", "batch"])
def test_a_decision_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path, kind, command):
    path = _not_a_file(tmp_path, kind, "decision.json")
    args = (command, path) + (("-o", tmp_path / "out") if command in ("build", "batch") else ())
    done = notice(*args, cwd=tmp_path)
    assert done.returncode == 1, done  # a refusal is exit 1 for a decision, from lint too
    assert "not-a-file" in done.stdout + done.stderr and "not a regular file" in done.stdout + done.stderr
    if command == "batch":
        manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["decisions"][0]["findings"][0]["code"] == "not-a-file"
    else:
        lines = [line for line in (done.stdout + done.stderr).splitlines() if str(path) in line]
        assert len(lines) == 1 and lines[0].startswith(f"{path}: not-a-file "), done


@pytest.mark.parametrize("kind", ["symlink to /dev/zero", "fifo"])
def test_a_draft_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path, kind):
    path = _not_a_file(tmp_path, kind, "draft.docx")
    done = notice("lint", path, cwd=tmp_path)
    assert done.returncode == 2, done
    assert done.stdout.startswith(f"{path}: not-a-file "), done


@pytest.fixture
def looped_folder(tmp_path: Path) -> Path:
    """A folder of one decision, with symlinks to itself, its parent, each other and /dev/zero."""
    folder = tmp_path / "decisions"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.json").write_text(FINAL_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "self").symlink_to(".")
    (folder / "up").symlink_to("..")
    (folder / "sub" / "back").symlink_to("../..")
    (folder / "ping").symlink_to("pong")
    (folder / "pong").symlink_to("ping")
    (folder / "zero.json").symlink_to("/dev/zero")
    return folder


@pytest.mark.parametrize("command", ["batch folder", "batch glob", "lint", "register", "next-ref"])
def test_a_folder_with_symlink_loops_is_read_once_in_bounded_time(tmp_path, looped_folder, command):
    out = tmp_path / "out"
    args = {
        "batch folder": ("batch", looped_folder, "-o", out),
        "batch glob": ("batch", f"{looped_folder}/**/*.json", "-o", out),
        "lint": ("lint", looped_folder),
        "register": ("register", looped_folder, "-o", tmp_path / "register.csv"),
        "next-ref": ("next-ref", looped_folder, "--year", 2013, "--ledger", looped_folder),
    }[command]
    done = notice(*args, cwd=tmp_path)
    if command.startswith("batch"):
        assert done.returncode == 0, done
        decisions = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["decisions"]
        assert [Path(d["input"]).name for d in decisions] == ["a.json"]
    elif command == "lint":
        assert done.returncode in (0, 1) and "in 1 file" in done.stdout + done.stderr, done
    elif command == "register":
        assert done.returncode == 0, done
        rows = (tmp_path / "register.csv").read_text(encoding="utf-8").splitlines()
        assert len(rows) == 2 and "WMPCC 012/2013" in rows[1], rows
    else:
        assert done.returncode == 0 and done.stdout == "WMPCC 013/2013\n", done


# -- next-ref over files it cannot use -------------------------------------------------------------
DEPTH = 200_000


@pytest.mark.parametrize("unusable", ["nested arrays", "nested objects", "nested reference", "huge number",
                                      "not UTF-8", "device"])
def test_next_ref_passes_over_files_it_cannot_use(tmp_path, unusable):
    (tmp_path / "a.json").write_text(json.dumps({"reference": "WMPCC 007/2013"}), encoding="utf-8")
    other = tmp_path / "other.json"
    if unusable == "device":
        other.symlink_to("/dev/zero")
    else:
        other.write_bytes({
            "nested arrays": b"[" * DEPTH + b"]" * DEPTH,
            "nested objects": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
            "nested reference": b'{"reference": "WMPCC 009/2013", "x": ' + b"[" * DEPTH + b"]" * DEPTH + b"}",
            "huge number": b'{"reference": "WMPCC 009/2013", "x": ' + b"9" * 5000 + b"}",
            "not UTF-8": b'{"reference": "WMPCC 009/2013", "x": "\xff"}',
        }[unusable])
    done = notice("next-ref", tmp_path, "--year", 2013, "--ledger", tmp_path, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == "WMPCC 008/2013\n", done
