"""Benchmark: docx/s for `notice lint` (lxml reader + all rules) against python-docx's paragraph walk.

Generates 200 varied drafts (typed or styled headings, tables, lists, placeholders, a few hundred
paragraphs at most) in a temporary folder, then times both on the same files and prints JSON. Each rate
is the best of `--repeat` runs (3), as timeit does, so that other work on the machine disturbs it less.
Run: python bench/lint_bench.py [--docs 200] [--repeat 3] [--out bench/lint-baseline.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from notice_builder.docx.library_internals import table_cells  # noqa: E402
from notice_builder.lint import lint_docx  # noqa: E402
from notice_builder.pipeline import lint_paths  # noqa: E402
from notice_builder.profiles import load_profile  # noqa: E402

HEADINGS = [
    "EXECUTIVE SUMMARY",
    "DECISION",
    "NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER",
    "INTRODUCTION AND BACKGROUND",
    "FINANCIAL IMPLICATIONS",
    "LEGAL IMPLICATIONS",
    "EQUALITY IMPLICATIONS",
    "Schedule of Background Papers",
    "Public Access to Information",
]
SENTENCES = [
    "The Commissioner has been provided with legal advice relating to the recommendations.",
    "The cost of the procurement process is estimated to be in the region of £797,400.",
    "West Midlands Police (WMP) faces two core challenges in the coming years.",
    "The Memorandum of Information (MoI) will form part of a separate decision.",
    "Contact the office on 0121 626 6060 or at office@west-midlands.pnn.police.uk for details.",
    "Attached to this decision at Annex A is the report from the Task Force.",
    "There are no direct equalities implications in the making of this decision.",
]


def make_draft(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    document = docx.Document()
    document.core_properties.title = f"Decision {seed}"
    styled = rng.random() < 0.5
    document.add_paragraph(f"NON-CONFIDENTIAL NOTICE OF DECISION {rng.choice(['0XX', f'{seed:03d}'])}/2013")
    document.add_paragraph("Telephone Number: " + rng.choice(["0121 626 6060", "0121 626"]))
    for heading in HEADINGS:
        if rng.random() < 0.05:
            continue  # a missing section
        if styled:
            document.add_heading(heading, level=1)
        else:
            document.add_paragraph().add_run(heading).bold = rng.random() < 0.5
        for n in range(rng.randint(2, 25)):
            kind = rng.random()
            if kind < 0.1:
                document.add_paragraph(rng.choice(SENTENCES), style="List Bullet")
            elif kind < 0.15:
                document.add_paragraph(f"{n + 1}. " + rng.choice(SENTENCES))
            elif kind < 0.18:
                table = document.add_table(rows=3, cols=3)
                for cell in table_cells(table):
                    cell.text = rng.choice(["Gate", "Oct-2013", "Award of contract", "£5,000"])
            else:
                document.add_paragraph(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))))
    if rng.random() < 0.3:
        document.add_paragraph("Signature.....")
        document.add_paragraph("Date.....")
    document.save(path)


def python_docx_walk(path: Path) -> int:
    """What linting through python-docx would cost at least: open, then each paragraph's style and text."""
    document = docx.Document(str(path))
    count = 0
    for paragraph in document.paragraphs:
        count += bool(paragraph.style.name) + len(paragraph.text) * 0
    return count


def lint_one(path: Path) -> int:
    return len(lint_docx(path, load_profile()))


def rate(run_all, count: int, repeat: int) -> float:
    """Files a second for `run_all()`, which handles `count` files: the best of `repeat` runs."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run_all()
        best = min(best, time.perf_counter() - start)
    return count / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts (3)")
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON result here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder) / f"draft-{n:03d}.docx" for n in range(args.docs)]
        for n, file in enumerate(files):
            make_draft(file, n)
        lint_one(files[0])  # warm up imports and the style cache, as a long batch would be
        python_docx_walk(files[0])
        ours = rate(lambda: [lint_one(f) for f in files], len(files), args.repeat)
        theirs = rate(lambda: [python_docx_walk(f) for f in files], len(files), args.repeat)
        cores = min(2, os.cpu_count() or 1)
        # the library's own parallel path, as `notice lint -j 2` uses, process start-up included
        ours_parallel = rate(lambda: lint_paths(files, jobs=cores), len(files), args.repeat)
    result = {
        "docs": args.docs,
        "best_of": max(1, args.repeat),
        "lxml_reader_and_lint_docs_per_s": round(ours, 1),
        "python_docx_paragraph_walk_docs_per_s": round(theirs, 1),
        "ratio": round(ours / theirs, 1),
        f"lxml_reader_and_lint_docs_per_s_{cores}_processes": round(ours_parallel, 1),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
