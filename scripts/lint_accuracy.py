"""Print lint's precision and recall per rule against a hand-judged defect list (DEFECTS.json format).

    python scripts/lint_accuracy.py [--defects FILE] [--base DIR] [--collected] [--forced-profile] [-v]

Without --defects it scores the real drafts (../shared/real-drafts/DEFECTS.json beside the repository,
or $NOTICE_REAL_DRAFTS); --collected scores the published records of tests/collected_records.py,
built into a temporary folder. `--forced-profile` lints each document with the profile its list names, as
`notice lint --profile` would; by default each is linted as `notice lint FILE` lints it. `-v` lists
every false positive and miss. The scoring is `tests/lint_accuracy.py`; the exit status is 1 if a
figure is under target (precision 85%, recall 80%, per rule and overall).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import tempfile

from lint_accuracy import collected_documents, read_defect_list, real_drafts_folder, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--defects", type=Path, help="a defect list (default: the real drafts' DEFECTS.json)")
    parser.add_argument("--base", type=Path, help="the folder its file names are relative to")
    parser.add_argument("--collected", action="store_true", help="score the collected published records")
    parser.add_argument("--forced-profile", action="store_true",
                        help="lint with each document's listed profile")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every false positive and miss")
    args = parser.parse_args(argv)
    if args.collected:
        with tempfile.TemporaryDirectory() as folder:
            accuracy = score(collected_documents(folder), forced_profile=args.forced_profile)
    else:
        defects = args.defects or real_drafts_folder() / "DEFECTS.json"
        if not defects.is_file():
            print(f"{defects}: no such defect list (set NOTICE_REAL_DRAFTS, or give --defects)",
                  file=sys.stderr)
            return 2
        accuracy = score(read_defect_list(defects, args.base), forced_profile=args.forced_profile)
    print(accuracy.table())
    if args.verbose:
        for line in accuracy.false_positives:
            print("FP  ", line)
        for line in accuracy.misses:
            print("MISS", line)
    shortfalls = accuracy.shortfalls()
    for line in shortfalls:
        print("under target:", line)
    return 1 if shortfalls else 0


if __name__ == "__main__":
    sys.exit(main())
