"""`notice import FOLDER`: every Word draft below a folder becomes a decision file, on every core, with
a summary (`import-summary.json`) of what was placed and what needs attention.

Each draft is imported and written by a worker process (fork, as `notice batch` does; workers leave
Ctrl-C to the command). A draft that cannot be read, or whose decision file exists already (without
--force), is reported and the rest go on. The summary is written last, atomically.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.draft_import.api import import_draft
from notice_builder.draft_import.decision_writer import decision_path, write_decision
from notice_builder.load.folder_walk import files_below
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity, UnreadableInput
from notice_builder.model.profile import Profile

SUMMARY_NAME = "import-summary.json"


@dataclass
class DraftOutcome:
    """One draft's import: where its decision went, how much was placed, and its findings."""

    draft: str
    decision: str | None = None
    profile: str | None = None
    status: str | None = None
    paragraphs: int = 0
    placed: int = 0
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else 1 if self.findings or self.decision is None else 0

    def as_dict(self) -> dict:
        return {"draft": self.draft, "decision": self.decision, "profile": self.profile,
                "status": self.status, "paragraphs": self.paragraphs, "placed": self.placed,
                "findings": [f.as_dict() for f in self.findings], "unreadable": self.unreadable}


@dataclass
class FolderImport:
    """Every draft's outcome, in the order of their paths, and where the summary was written."""

    outcomes: list[DraftOutcome]
    summary: Path

    @property
    def exit_code(self) -> int:
        return max((o.exit_code for o in self.outcomes), default=0)

    def summary_data(self) -> dict:
        paragraphs = sum(o.paragraphs for o in self.outcomes)
        placed = sum(o.placed for o in self.outcomes)
        return {
            "drafts": len(self.outcomes),
            "written": sum(o.decision is not None for o in self.outcomes),
            "needing_attention": sum(o.exit_code == 1 for o in self.outcomes),
            "unreadable": sum(o.unreadable for o in self.outcomes),
            "paragraphs": paragraphs, "placed": placed,
            "imports": [o.as_dict() for o in self.outcomes],
        }


def import_one(draft: Path, out: Path | None, profile: Profile | str | None, force: bool) -> DraftOutcome:
    """Import one draft and write its decision; every problem becomes a finding of the outcome."""
    outcome = DraftOutcome(str(draft))
    try:
        result = import_draft(draft, profile)
        target = decision_path(draft, out)
        checked = write_decision(result, target, force=force)
    except UnreadableInput as error:
        outcome.findings, outcome.unreadable = list(error.findings), True
        return outcome
    except NoticeBuilderError as error:
        outcome.findings = list(error.findings)
        return outcome
    outcome.decision, outcome.profile = str(target), result.profile.name
    outcome.status = result.decision.get("status")
    outcome.paragraphs, outcome.placed = result.paragraphs, result.placed
    outcome.findings = [*result.findings, *checked]
    return outcome


def drafts_in(folder: Path) -> list[Path]:
    """The Word drafts below `folder`, sorted: .docx files, not hidden ones nor Word's "~$" lock files."""
    return sorted((p for p in files_below(folder, lambda name: name.startswith((".", "~$")))
                   if p.suffix.lower() == ".docx" and not p.name.startswith((".", "~$"))),
                  key=lambda p: p.as_posix())


def available_cores() -> int:
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command reports Ctrl-C once, not each worker


def _task(arguments: tuple) -> DraftOutcome:
    return import_one(*arguments)


def import_folder(folder: Path, out: Path | None = None, *, profile: Profile | str | None = None,
                  force: bool = False, jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> FolderImport:
    """Import every draft below `folder` into `out` (default: beside each draft), then write the summary."""
    summary = (out or folder) / SUMMARY_NAME
    if summary.exists() and not force:
        raise NoticeBuilderError([Finding(
            code="output-exists", message="the import summary exists already", path=str(summary),
            severity=Severity.ERROR, hint="use --force to replace it and the decisions, or choose -o")])
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    drafts = drafts_in(folder)
    tasks = [(draft, out, profile, force) for draft in drafts]
    count = max(1, min(jobs or available_cores(), len(tasks)))
    if count == 1:
        results = map(_task, tasks)
        outcomes = [_reported(r, n, len(tasks), progress) for n, r in enumerate(results, start=1)]
    else:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        pool = ProcessPoolExecutor(count, mp_context=context, initializer=_quiet_worker)
        try:
            results = pool.map(_task, tasks, chunksize=max(1, len(tasks) // (count * 8)))
            outcomes = [_reported(r, n, len(tasks), progress) for n, r in enumerate(results, start=1)]
        finally:  # on Ctrl-C, drafts not yet started are not started; each written file is whole
            pool.shutdown(wait=True, cancel_futures=True)
    done = FolderImport(outcomes, summary)
    text = json.dumps(done.summary_data(), indent=2, ensure_ascii=False) + "\n"
    write_atomically(summary, text.encode("utf-8"), force=force)
    return done


def _reported(outcome: DraftOutcome, done: int, total: int, progress) -> DraftOutcome:
    if progress:
        progress(done, total)
    return outcome
