"""`notice batch`: check every decision of a meeting first, then build all the valid ones on every core.

A bad decision never stops the others: it is reported and the rest are built. Each decision's
documents are rendered in memory and then written atomically, so an error, Ctrl-C or SIGTERM leaves no
half or temporary file. The manifest records, for each input, its outputs with their sha256, its
findings and its status; it holds no clock time and is sorted, so the same inputs give the same bytes
whatever the number of processes.

The manifest always describes the folder: before anything is published it is written "in progress",
listing every document the batch is about to put in place, and only when all are in place is it
rewritten "complete". A batch killed outright (kill -9) therefore leaves a manifest in progress, or
none and no document; its hidden staging files are removed by the next run in the folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from notice_builder.docx.atomic_files import (
    STAGING_PREFIX,
    STAGING_SUFFIX,
    make_durable,
    publish_staged,
    refuse_existing,
    remove_stale_staging,
    staging_tag,
    write_atomically,
)
from notice_builder.model.decision_text import decision_date
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.profile import DEFAULT_PROFILE
from notice_builder.pipeline import (
    StagedDocument,
    document_path,
    publish_documents,
    run_decision,
    stage_document,
    stage_documents,
)
from notice_builder.profiles import load_profile
from notice_builder.publish.inputs import collect_decision_files
from notice_builder.publish.pdf import PdfJob, convert_to_pdf, soffice
from notice_builder.render.compiled_template import compiled_template

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 2  # 2: a top-level "status", and "pending" decisions while it is "in progress"
BUILT, FAILED, PENDING = "built", "failed", "pending"
COMPLETE, IN_PROGRESS = "complete", "in progress"

Progress = Callable[[str, int, int], None]
"""Called as (stage, done, total) while a batch runs; stages are "check", "build" and "pdf"."""


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch: where to write, whether to replace, how many processes, which extras."""

    out_dir: Path
    force: bool = False
    jobs: int | None = None  # None: every core this process may use
    lint: bool = True
    pdf: bool = False
    profile: str | None = None


@dataclass(frozen=True)
class OutputFile:
    """One written document: its kind (`notice`, `notice-pdf`), file, size and sha256."""

    kind: str
    path: Path
    sha256: str
    size: int

    @classmethod
    def of(cls, staged: StagedDocument) -> OutputFile:
        return cls(staged.kind, staged.path, staged.sha256, staged.size)

    def as_dict(self, out_dir: Path) -> dict:
        return {"kind": self.kind, "file": self.path.relative_to(out_dir).as_posix(),
                "sha256": self.sha256, "bytes": self.size}


@dataclass(frozen=True)
class DecisionResult:
    """What happened to one input: its findings, and the documents built from it."""

    input: str
    findings: tuple[Finding, ...] = ()
    outputs: tuple[OutputFile, ...] = ()
    input_sha256: str | None = None
    reference: str | None = None
    stem: str | None = None
    kinds: tuple[str, ...] = ()
    date: str | None = None  # ISO date the documents carry (signed, else meeting)
    staged: tuple[StagedDocument, ...] = ()  # rendered documents waiting to be put in place

    @property
    def status(self) -> str:
        return FAILED if self.errors else BUILT

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def with_findings(self, findings: Iterable[Finding]) -> DecisionResult:
        return replace(self, findings=(*self.findings, *findings))

    def refused(self, findings: Iterable[Finding]) -> DecisionResult:
        """This result failed with `findings`: nothing of it is published (its staged files are dropped)."""
        return replace(self, outputs=(), staged=()).with_findings(findings)

    def as_dict(self, out_dir: Path) -> dict:
        return {
            "input": self.input,
            "input_sha256": self.input_sha256,
            "reference": self.reference,
            "status": self.status,
            "outputs": [o.as_dict(out_dir) for o in self.outputs],
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class BatchResult:
    """Every input's result, in input order, and where the manifest was written."""

    decisions: list[DecisionResult]
    manifest: Path

    @property
    def built(self) -> int:
        return sum(d.status == BUILT for d in self.decisions)

    @property
    def failed(self) -> int:
        return sum(d.status == FAILED for d in self.decisions)

    @property
    def warnings(self) -> int:
        return sum(len(d.warnings) for d in self.decisions)

    def manifest_data(self, out_dir: Path, *, complete: bool = True) -> dict:
        """The manifest; unless `complete`, every decision not failed is "pending": its documents are
        being put in place, so each listed one may be missing (or, with --force, still the old file)."""
        decisions = [d.as_dict(out_dir) for d in self.decisions]
        summary = {"inputs": len(self.decisions), "built": self.built, "failed": self.failed,
                   "warnings": self.warnings}
        if not complete:
            for decision in decisions:
                if decision["status"] == BUILT:
                    decision["status"] = PENDING
            summary = {**summary, "built": 0, PENDING: self.built}
        return {
            "manifest_version": MANIFEST_VERSION,
            "status": COMPLETE if complete else IN_PROGRESS,
            "summary": summary,
            "decisions": decisions,
        }

    def write_manifest(self, out_dir: Path, *, complete: bool, force: bool) -> None:
        """Write the manifest atomically; a lone surrogate in any text is written as its JSON escape."""
        text = json.dumps(self.manifest_data(out_dir, complete=complete), indent=2, ensure_ascii=False)
        write_atomically(self.manifest, (text + "\n").encode("utf-8", "backslashreplace"), force=force)


def _unexpected(path: str, exc: Exception) -> Finding:
    return Finding(code="internal-error", message=f"building this decision failed: {exc!r}", path=path,
                   hint="please report this with the decision file attached")


def check_decision_file(path: str, options: BatchOptions, tag: str) -> DecisionResult:
    """Run one decision through the pipeline and stage its documents; never raises.

    The documents are rendered here, with the checks, so that a template error is found before
    anything is published; they wait in hidden temporary files (named with the batch's `tag`) until
    every decision has been checked, synced to disk together, and put in place by `publish_decision`.
    """
    try:
        run = run_decision(path, profile=options.profile, lint=options.lint)
        source = run.source
        if source is None:
            return DecisionResult(input=path, findings=run.findings)
        data = source.data
        result = DecisionResult(
            input=path, input_sha256=hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
            reference=data.get("reference") if isinstance(data, dict) else None, findings=run.findings,
        )
        if run.profile is None or run.errors:
            return result
        result = replace(result, stem=run.stem, kinds=tuple(run.documents),
                         date=decision_date(data).date().isoformat())
        staged = stage_documents(run, options.out_dir, tag=tag, durable=False)
        outputs = tuple(map(OutputFile.of, staged))
        return replace(result, outputs=outputs, staged=tuple(staged))
    except NoticeBuilderError as exc:  # e.g. an output that cannot be written: the disk is full
        return DecisionResult(input=path, findings=tuple(exc.findings))
    except Exception as exc:  # one decision's surprise must not stop the meeting's papers
        return DecisionResult(input=path, findings=(_unexpected(path, exc),))


def _targets(result: DecisionResult, options: BatchOptions) -> list[Path]:
    suffixes = (".docx", ".pdf") if options.pdf else (".docx",)
    return [document_path(options.out_dir, result.stem, kind, suffix)
            for suffix in suffixes for kind in result.kinds]


def publish_decision(result: DecisionResult, options: BatchOptions) -> DecisionResult:
    """Put a checked decision's staged documents in place, all or none; never raises."""
    try:
        publish_documents(result.staged, force=options.force)
        return replace(result, staged=())
    except Exception as exc:
        findings = exc.findings if isinstance(exc, NoticeBuilderError) else [_unexpected(result.input, exc)]
        return result.refused(findings)


_batch_owner: int | None = None  # in a worker process: the pid of the batch that started it


def _check_task(task: tuple[str, BatchOptions, str]) -> DecisionResult:
    if _batch_owner is not None and os.getppid() != _batch_owner:
        os._exit(1)  # the batch was killed: stage nothing more for it, and leave quietly
    return check_decision_file(*task)


def plan_outputs(checked: list[DecisionResult], options: BatchOptions) -> list[DecisionResult]:
    """Fail the decisions whose outputs would clash with another's or replace a file without --force."""
    owners: dict[Path, str] = {}
    planned = []
    for result in checked:
        if result.status == FAILED:
            planned.append(result)
            continue
        targets = _targets(result, options)
        clash = next((owners[t] for t in targets if t in owners), None)
        if clash:
            planned.append(result.refused([Finding(
                code="duplicate-output", message=f"{clash} builds the same documents ({targets[0].name})",
                path=result.input, hint="two decisions share a reference; correct one of them",
            )]))
            continue
        owners.update(dict.fromkeys(targets, result.input))
        try:
            refuse_existing(targets, options.force)
            planned.append(result)
        except NoticeBuilderError as error:
            planned.append(result.refused(error.findings))
    return planned


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def warm_templates(profile: str | None) -> None:
    """Compile the profile's templates before workers are forked, so each inherits them compiled."""
    with contextlib.suppress(Exception):  # a broken template is reported per decision instead
        chosen = load_profile(profile or DEFAULT_PROFILE)
        for document in chosen.documents.values():
            compiled_template(chosen.template_path(document))


Runner = Callable[[Callable, list, str], Iterator]
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """SIGTERM during a batch, handled as Ctrl-C: the batch removes its staging files and stops."""


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Raise Terminated on SIGTERM while the block runs (in the main thread; elsewhere do nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back while worker processes are forked (delivered after the block), so
    that none arrives in a worker before `_start_worker` has set how it takes them."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(owner: int) -> None:
    """A worker ignores Ctrl-C (the batch process reports it, once, and ends the workers) and ends at
    once, silently, on SIGTERM; it remembers its batch so that it stops if the batch is killed."""
    global _batch_owner
    _batch_owner = owner
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


@contextlib.contextmanager
def worker_pool(jobs: int, tasks: int, progress: Progress | None) -> Iterator[Runner]:
    """A runner that maps a task function over tasks, in order, on `jobs` processes (1: this one)."""
    count = max(1, min(jobs, tasks))

    def run(function: Callable, items: list, stage: str) -> Iterator:
        if count == 1:
            results = map(function, items)
        else:
            results = pool.imap(function, items, chunksize=max(1, len(items) // (count * 32)))
        for done, result in enumerate(results, start=1):
            if progress:
                progress(stage, done, len(items))
            yield result

    if count == 1:
        yield run
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with contextlib.ExitStack() as stack:
        with stop_signals_held():  # a Ctrl-C meanwhile is raised here, with the pool to be ended
            pool = stack.enter_context(context.Pool(count, initializer=_start_worker,
                                                    initargs=(os.getpid(),)))
        yield run


def _midnight(iso_date: str) -> dt.datetime:
    day = dt.date.fromisoformat(iso_date)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _convert_pdfs(results: list[DecisionResult], options: BatchOptions, tag: str,
                  progress: Progress | None) -> list[DecisionResult]:
    """Convert every built document with one LibreOffice run and stage each PDF for its decision.

    A PDF that cannot be made or staged is a finding of its decision; the staged PDFs are listed in
    the decision's outputs and put in place by `_publish_pdfs`.
    """
    jobs = [PdfJob(output.path, _midnight(result.date)) for result in results
            if result.status == BUILT for output in result.outputs]
    converted = convert_to_pdf(jobs)
    if progress:
        progress("pdf", len(jobs), len(jobs))
    finished = []
    for result in results:
        outputs, findings, staged = list(result.outputs), [], []
        for output in result.outputs if result.status == BUILT else ():
            pdf = converted[output.path]
            if isinstance(pdf, Finding):
                findings.append(pdf)
                continue
            target = document_path(options.out_dir, result.stem, output.kind, ".pdf")
            try:
                document = stage_document(f"{output.kind}-pdf", target, pdf, tag=tag)
            except NoticeBuilderError as error:  # e.g. the disk filled up: report it, keep the rest
                findings.extend(error.findings)
                continue
            outputs.append(OutputFile.of(document))
            staged.append(document)
        finished.append(replace(result, outputs=tuple(outputs), staged=tuple(staged)).with_findings(findings))
    return finished


def _publish_pdfs(results: list[DecisionResult], options: BatchOptions) -> list[DecisionResult]:
    """Put each staged PDF in place; one that cannot be is left out of its decision's outputs."""
    finished = []
    for result in results:
        outputs, findings = list(result.outputs), []
        for document in result.staged:
            try:
                publish_staged(document.temporary, document.path, force=options.force)
            except Exception as exc:
                outputs = [o for o in outputs if o.path != document.path]
                findings.extend(exc.findings if isinstance(exc, NoticeBuilderError)
                                else [_unexpected(result.input, exc)])
        finished.append(replace(result, outputs=tuple(outputs), staged=()).with_findings(findings))
    return finished


# A decision's checks allocate and free tens of thousands of small objects (tokens, blocks, XML).
# At Python's default threshold (700) the collector rescans that live working set several times a
# decision, 5-9% of a batch. At 25,000 net allocations, more than one decision holds at once, it runs
# only when garbage really accumulates; reference cycles are still collected, so memory stays bounded.
BATCH_GC_THRESHOLD = 25_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first threshold to BATCH_GC_THRESHOLD for a batch (workers inherit it)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(BATCH_GC_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _remove_leftovers(out_dir: Path, tag: str) -> None:
    """Delete every temporary file this batch staged and did not publish (also after Ctrl-C or SIGTERM),
    and any a killed run left in the folder."""
    for leftover in out_dir.glob(f"{STAGING_PREFIX}{tag}*{STAGING_SUFFIX}"):
        leftover.unlink(missing_ok=True)
    remove_stale_staging(out_dir)


def run_batch(patterns: Iterable[str], options: BatchOptions,
              progress: Progress | None = None) -> BatchResult:
    """Check and render every decision named by `patterns`, then publish the valid ones and the manifest.

    Nothing is put in place until every decision has been checked and the manifest, "in progress",
    lists it; the manifest is "complete" once everything is in place, and nothing temporary is left.
    Staging files of killed runs in the output folder are removed first.
    """
    out_dir = options.out_dir
    manifest = out_dir / MANIFEST_NAME
    refuse_existing([manifest], options.force)
    if options.pdf:
        soffice()  # before anything is built: say how to install LibreOffice
    inputs = collect_decision_files(patterns, exclude=out_dir)
    unmatched = [DecisionResult(input=f.path, findings=(f,)) for f in inputs.unmatched]
    files = [str(p) for p in inputs.files]
    tag = staging_tag()
    warm_templates(options.profile)

    def announce(results: list[DecisionResult], *, complete: bool = False, force: bool = True) -> BatchResult:
        batch = BatchResult(sorted(unmatched + results, key=lambda r: r.input), manifest)
        batch.write_manifest(out_dir, complete=complete, force=force)
        return batch

    with sigterm_as_interrupt():
        remove_stale_staging(out_dir)
        try:
            with fewer_collections(), worker_pool(options.jobs or available_cores(), len(files),
                                                  progress) as run:
                checked = list(run(_check_task, [(f, options, tag) for f in files], "check"))
            planned = plan_outputs(checked, options)
            make_durable(staged.temporary for result in planned for staged in result.staged)
            announce(planned, force=options.force)  # before any document is in place
            results = []
            for done, result in enumerate(planned, start=1):
                results.append(publish_decision(result, options) if result.status == BUILT else result)
                if progress:
                    progress("build", done, len(planned))
            if options.pdf:
                results = _convert_pdfs(results, options, tag, progress)
                announce(results)
                results = _publish_pdfs(results, options)
            return announce(results, complete=True)
        finally:
            if out_dir.is_dir():
                _remove_leftovers(out_dir, tag)
