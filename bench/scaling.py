"""Scaling benchmark (not a test): time and peak memory of lint, SARIF, annotate and build by input size.

For each size (10^3, 10^4, 10^5 paragraphs by default) and each generated shape of input
(bench/scaling_inputs.py), runs the real command in a fresh process (`notice lint`, `notice lint
--format sarif`, `notice lint --annotate`, `notice build`) and records its wall time, its peak
resident memory (the child's ru_maxrss) and its exit code. An input beyond a cap (README, Security)
is refused: what is measured then is the time to refuse it. Each row also gives the cost per
paragraph as a ratio to the same command at the previous size (1.0 is linear growth; process
start-up makes small sizes look dearer, so ratios under 1 are usual).

Run: .venv/bin/python bench/scaling.py [--sizes 1000 10000 100000] [--timeout 240] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling_inputs import DECISION_KINDS, DRAFT_KINDS, make_decision, make_draft

NOTICE = Path(sys.executable).with_name("notice")


def measure(args: list[str], timeout: float) -> dict:
    """Run `notice ARGS` once: seconds, peak MB and exit code (None if it ran past `timeout`)."""
    start = time.perf_counter()
    process = subprocess.Popen([str(NOTICE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return {"seconds": None, "peak_mb": None, "exit": None, "timed_out": timeout}
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    first_line = (process.stderr.read().decode(errors="replace").strip().splitlines() or [""])[0]
    process.returncode = os.waitstatus_to_exitcode(status)
    row = {"seconds": round(seconds, 3), "peak_mb": round(usage.ru_maxrss / 1024, 1),
           "exit": process.returncode}
    if process.returncode == 2 or "Traceback" in first_line:
        row["stderr"] = first_line[:200]
    return row


def cases(folder: Path, n: int):
    """(name, notice arguments) for every command and input shape at size n."""
    for kind in DRAFT_KINDS:
        draft = make_draft(folder / f"draft-{kind}-{n}.docx", kind, n)
        yield f"lint draft {kind}", ["lint", str(draft)]
        if kind in ("same", "fake", "annex"):
            yield f"sarif draft {kind}", ["lint", "--format", "sarif", str(draft)]
            out = folder / f"annotated-{kind}-{n}.docx"
            yield f"annotate draft {kind}", ["lint", "--annotate", str(out), "--force", str(draft)]
    for kind in DECISION_KINDS:
        decision = make_decision(folder / f"decision-{kind}-{n}.json", kind, n)
        yield f"lint decision {kind}", ["lint", str(decision)]
        yield f"build decision {kind}", ["build", "--no-lint", "--force", "-o", str(folder / "out"),
                                         str(decision)]


def run(sizes: list[int], timeout: float) -> dict:
    rows: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in sizes:
            for name, args in cases(folder, n):
                row = measure(args, timeout)
                rows.setdefault(name, {})[str(n)] = row
                print(f"{name:28} {n:>7}  {row}", file=sys.stderr, flush=True)
    for by_size in rows.values():  # cost per paragraph, as a ratio to the size before
        previous = None
        for n, row in by_size.items():
            if previous and row["seconds"] and previous[1]["seconds"]:
                per = row["seconds"] / int(n)
                row["per_paragraph_ratio"] = round(per / (previous[1]["seconds"] / int(previous[0])), 2)
            previous = (n, row)
    return {
        "machine": {"python": platform.python_version(), "cores": os.cpu_count(),
                    "system": platform.system()},
        "timeout_s": timeout,
        "sizes": sizes,
        "results": rows,
    }


def table(result: dict) -> str:
    sizes = [str(n) for n in result["sizes"]]
    lines = ["| command | " + " | ".join(f"{n} s / MB (exit)" for n in sizes) + " |",
             "| --- |" + " --- |" * len(sizes)]
    for name, by_size in result["results"].items():
        cells = []
        for n in sizes:
            row = by_size.get(n)
            if row is None:
                cells.append("")
            elif row["seconds"] is None:
                cells.append(f"> {row['timed_out']:g} s")
            else:
                cells.append(f"{row['seconds']:.2f} / {row['peak_mb']:.0f} ({row['exit']})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("--out", type=Path)
    options = parser.parse_args()
    result = run(options.sizes, options.timeout)
    text = json.dumps(result, indent=1)
    if options.out:
        options.out.write_text(text + "\n", encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
