"""Lint accuracy against hand-judged defect lists: true and false positives and misses, per rule.

A defect list is a JSON array in the format of `real-drafts/DEFECTS.json`: one object per document
with `file` (relative to the list's folder, or to the folder given), `defects` (what a careful reader
finds wrong), `not_defects` (findings a reader judged wrong: known false positives) and `not_judged`
(places whose status cannot be told; a finding there counts neither way). Each entry names a `rule`
and a body `paragraph`; an entry with `scope: "document"` is about the whole document and names what
is missing in `subject` or `subjects`, each counted on its own.

A finding matches an entry of the same rule: a document-wide entry when the finding names its subject
(the first quoted text of the message, compared as headings are, or else every word of the subject in
the message); otherwise an entry at the finding's paragraph. Findings are counted once per rule and
paragraph (per rule and subject for document-wide ones), as the lists are. A finding that matches no
entry is a false positive, like one listed in `not_defects`: a careful reader would have listed it.
Findings of codes that are not lint rules (profile-suggestion, profile-fit) are not scored.

Each document is linted as `notice lint FILE` would lint it, or with the list's `profile` forced
(`forced_profile=True`, as `notice lint --profile` would).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.lint import LintConfig
from notice_builder.lint.registry import all_rules
from notice_builder.model.findings import Finding
from notice_builder.model.outline import heading_key
from notice_builder.pipeline.lint_files import lint_file

REPO = Path(__file__).resolve().parents[1]
COLLECTED_DEFECTS = REPO / "tests" / "data" / "collected-records" / "DEFECTS.json"
PRECISION_TARGET = 0.85
RECALL_TARGET = 0.80
_QUOTED = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"[a-z0-9]+")


def real_drafts_folder() -> Path:
    """Where the real drafts are: $NOTICE_REAL_DRAFTS, else ../shared/real-drafts beside the repository."""
    given = os.environ.get("NOTICE_REAL_DRAFTS")
    return Path(given) if given else REPO.parent / "shared" / "real-drafts"


REAL_DEFECTS = real_drafts_folder() / "DEFECTS.json"
NO_REAL_DRAFTS = (f"the real drafts (third-party documents not shipped with the repository) are absent: "
                  f"no {REAL_DEFECTS}; set NOTICE_REAL_DRAFTS to their folder")


@dataclass(frozen=True)
class Entry:
    """One judged place: a defect, a known false positive, or a place not judged."""

    kind: str  # "defect", "not_defect" or "not_judged"
    rule: str
    paragraph: int | None
    subject: str | None  # what is missing, as the list words it, for a document-wide entry
    text: str

    def describe(self) -> str:
        where = f"subject {self.subject!r}" if self.subject else f"paragraph {self.paragraph}"
        return f"{self.rule} {where}: {self.text[:70]!r}"


@dataclass(frozen=True)
class JudgedDocument:
    """A document and what a careful reader judged in it."""

    path: Path
    profile: str | None
    entries: tuple[Entry, ...]


@dataclass
class RuleTally:
    """True positives, false positives and misses of one rule (or of all rules together)."""

    true_positives: int = 0
    false_positives: int = 0
    misses: int = 0

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        wanted = self.true_positives + self.misses
        return self.true_positives / wanted if wanted else None

    def add(self, other: RuleTally) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.misses += other.misses


@dataclass
class Accuracy:
    """The tallies per rule and overall, with every false positive and miss named for a reader."""

    rules: dict[str, RuleTally] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def tally(self, rule: str) -> RuleTally:
        return self.rules.setdefault(rule, RuleTally())

    @property
    def overall(self) -> RuleTally:
        total = RuleTally()
        for tally in self.rules.values():
            total.add(tally)
        return total

    def without(self, rules: Iterable[str]) -> Accuracy:
        """The same figures without some rules (and their false positives and misses)."""
        rules = set(rules)

        def kept(line: str) -> bool:
            return not any(f" {rule} " in line for rule in rules)

        return Accuracy({name: tally for name, tally in self.rules.items() if name not in rules},
                        [line for line in self.false_positives if kept(line)],
                        [line for line in self.misses if kept(line)])

    def shortfalls(self, precision: float = PRECISION_TARGET, recall: float = RECALL_TARGET) -> list[str]:
        """Each rule (and `overall`) whose precision or recall is below target, said plainly."""
        out = []
        for name, tally in [*sorted(self.rules.items()), ("overall", self.overall)]:
            if tally.precision is not None and tally.precision < precision:
                out.append(f"{name}: precision {tally.precision:.0%} < {precision:.0%}")
            if tally.recall is not None and tally.recall < recall:
                out.append(f"{name}: recall {tally.recall:.0%} < {recall:.0%}")
        return out

    def table(self) -> str:
        """The per-rule table: TP, FP, misses, precision and recall."""

        def pct(value: float | None) -> str:
            return "   -" if value is None else f"{value:4.0%}"

        lines = [f"{'rule':<20} {'TP':>4} {'FP':>4} {'miss':>4} {'prec':>5} {'recall':>6}"]
        for name, tally in [*sorted(self.rules.items()), ("overall", self.overall)]:
            lines.append(
                f"{name:<20} {tally.true_positives:>4} {tally.false_positives:>4} {tally.misses:>4} "
                f"{pct(tally.precision):>5} {pct(tally.recall):>6}"
            )
        return "\n".join(lines)


def _subject_key(text: str) -> str:
    return heading_key(text)


def read_defect_list(path: str | Path, base: str | Path | None = None) -> list[JudgedDocument]:
    """The documents of a defect list; `file` names are relative to `base` (default: the list's folder)."""
    path = Path(path)
    folder = Path(base) if base is not None else path.parent
    documents = []
    for n, item in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        entries: list[Entry] = []
        for kind, key in (("defect", "defects"), ("not_defect", "not_defects"), ("not_judged", "not_judged")):
            for m, raw in enumerate(item.get(key, [])):
                if "rule" not in raw:
                    raise ValueError(f"{path}: /{n}/{key}/{m} has no rule; give the rule's slug")
                subjects = raw.get("subjects") or ([raw["subject"]] if "subject" in raw else [])
                document_wide = raw.get("scope") == "document"
                if document_wide and not subjects:
                    raise ValueError(f"{path}: /{n}/{key}/{m} is document-wide but names no subject")
                text = raw.get("text", "")
                for subject in subjects if document_wide else [None]:
                    entries.append(Entry(kind, raw["rule"], raw.get("paragraph"), subject, text))
        documents.append(JudgedDocument(folder / item["file"], item.get("profile"), tuple(entries)))
    return documents


def collected_documents(folder: str | Path) -> list[JudgedDocument]:
    """The collected published records (tests/collected_records.py), built into `folder`, with their list."""
    from collected_records import write_records  # the builders, beside this module

    write_records(Path(folder))
    return read_defect_list(COLLECTED_DEFECTS, folder)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _match(finding: Finding, entries: Iterable[Entry]) -> Entry | None:
    same_rule = [e for e in entries if e.rule == finding.code]
    quoted = _QUOTED.search(finding.message)
    named = _subject_key(quoted.group(1)) if quoted else None
    for entry in same_rule:
        if entry.subject and named and _subject_key(entry.subject) == named:
            return entry
    for entry in same_rule:
        if entry.subject and not named and _words(entry.subject) <= _words(finding.message):
            return entry
    return next(
        (e for e in same_rule if not e.subject and e.paragraph == finding.location.paragraph), None
    )


def _finding_key(finding: Finding, entry: Entry | None) -> tuple:
    if entry is not None:
        return ("entry", entry)
    quoted = _QUOTED.search(finding.message)
    return (finding.code, finding.location.paragraph, _subject_key(quoted.group(1)) if quoted else "")


def lint_findings(document: JudgedDocument, forced_profile: bool = False) -> list[Finding]:
    """What `notice lint` reports for the document (with the list's profile if `forced_profile`)."""
    config = LintConfig(profile=document.profile if forced_profile else None)
    return lint_file(document.path, config).findings


def score(documents: Iterable[JudgedDocument], forced_profile: bool = False) -> Accuracy:
    """Lint every document and score its findings against its entries."""
    accuracy = Accuracy()
    rule_slugs = {rule.slug for rule in all_rules()}
    for document in documents:
        if not document.path.is_file():
            raise FileNotFoundError(f"{document.path}: listed in the defect list but not found")
        seen: set = set()
        found: set[Entry] = set()
        for finding in lint_findings(document, forced_profile):
            if finding.code not in rule_slugs:
                continue
            entry = _match(finding, document.entries)
            key = _finding_key(finding, entry)
            if key in seen:
                continue
            seen.add(key)
            if entry is not None and entry.kind == "not_judged":
                continue
            if entry is not None and entry.kind == "defect":
                accuracy.tally(entry.rule).true_positives += 1
                found.add(entry)
                continue
            accuracy.tally(finding.code).false_positives += 1
            label = "known" if entry is not None else "unlisted"
            accuracy.false_positives.append(
                f"{document.path.name}:paragraph {finding.location.paragraph} {finding.code} ({label}): "
                f"{finding.message}"
            )
        for entry in document.entries:
            if entry.kind == "defect" and entry not in found:
                accuracy.tally(entry.rule).misses += 1
                accuracy.misses.append(f"{document.path.name}: {entry.describe()}")
    return accuracy
