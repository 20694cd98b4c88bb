"""The real decision documents in ../shared/real-drafts and their defect lists (DEFECTS.json), for tests.

A finding matches a listed defect when it has the same rule and points at the same body paragraph
(paragraphs counted as DEFECTS.json counts them: the body only, in reading order, table cells row by
row). Precision is the share of a rule's findings (one per paragraph) that match a defect; recall the
share of its defects that some finding matches.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def real_drafts_folder() -> Path | None:
    """../shared/real-drafts beside the repository, else $NOTICE_REAL_DRAFTS; None if neither exists."""
    for folder in (ROOT.parent / "shared" / "real-drafts", Path(os.environ.get("NOTICE_REAL_DRAFTS", ""))):
        if str(folder) and (folder / "DEFECTS.json").is_file():
            return folder
    return None


SKIP_REASON = ("the real drafts (../shared/real-drafts, or $NOTICE_REAL_DRAFTS) are third-party documents "
               "not shipped with the repository, and are absent here")


def defect_lists(folder: Path) -> list[dict]:
    return json.loads((folder / "DEFECTS.json").read_text(encoding="utf-8"))


@dataclass
class Score:
    """One rule's findings and defects over the documents, matched by paragraph."""

    found: int = 0
    matched_findings: int = 0
    defects: int = 0
    matched_defects: int = 0

    @property
    def precision(self) -> float:
        return self.matched_findings / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched_defects / self.defects if self.defects else 1.0


def score(entries: list[dict], findings_by_file: dict[str, list], rules: tuple[str, ...]) -> dict[str, Score]:
    """Per rule, the findings (one per rule and paragraph) against the listed defects."""
    scores = {rule: Score() for rule in rules}
    for entry in entries:
        findings = findings_by_file[entry["file"]]
        for rule in rules:
            places = {f.location.paragraph for f in findings if f.code == rule and f.location.area is None}
            places.discard(None)
            defects = {d["paragraph"] for d in entry["defects"] if d["rule"] == rule}
            unjudged = {d["paragraph"] for d in entry.get("not_judged", []) if d.get("rule") == rule}
            counted = places - (unjudged - defects)
            scores[rule].found += len(counted)
            scores[rule].matched_findings += len(counted & defects)
            scores[rule].defects += len(defects)
            scores[rule].matched_defects += len(defects & places)
    return scores
