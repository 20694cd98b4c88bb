"""The per-decision pipeline: load, profile, validate, lint, render, stage.

Every command that turns a decision into documents runs these stages through this module, and no
other: `build` (one decision), `batch` (a meeting's decisions on every core), `pack` and `register`,
and the web form. `run_decision` runs the stages up to rendering and never raises for a problem in
the decision: each stage's problems become findings, and the first stage with an error stops the
run. `stage_documents` writes the rendered documents to hidden temporary files beside their
targets, and `publish_documents` puts them in place, all or none. Output file names are decided
here, by `output_stem` and `document_path`, and nowhere else.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from notice_builder.docx.atomic_files import publish_staged, refuse_existing, stage_file
from notice_builder.lint import lint_decision
from notice_builder.load import DecisionSource, load_decision_file
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.profile import DEFAULT_PROFILE, Profile
from notice_builder.model.redaction import confidential_items
from notice_builder.profiles import load_profile, profile_for
from notice_builder.render import compiled_template, docx_render
from notice_builder.validate import schema_validation

Renderer = Callable[..., bytes]
# "compiled" fills templates compiled once per process; "docxtpl" is the reference it must match.
RENDER_ENGINES: dict[str, Renderer] = {
    "compiled": compiled_template.render_document,
    "docxtpl": docx_render.render_document,
}


# -- output names ---------------------------------------------------------------------------------

def output_stem(source: DecisionSource) -> str:
    """`WMPCC-005-2013` from the reference; a draft without one is named after its input file."""
    reference = source.data.get("reference") if isinstance(source.data, dict) else None
    if isinstance(reference, str) and reference:
        return re.sub(r"[^A-Za-z0-9]+", "-", reference).strip("-")
    return Path(source.path).stem


def document_path(out_dir: str | Path, stem: str, kind: str, suffix: str = ".docx") -> Path:
    """Where a decision's document of `kind` goes: `OUT/WMPCC-005-2013-notice.docx` (or `.pdf`)."""
    return Path(out_dir) / f"{stem}-{kind}{suffix}"


# -- the stages up to rendering -------------------------------------------------------------------

@dataclass(frozen=True)
class DecisionRun:
    """What the pipeline made of one decision: its findings and, if it has no error, its documents."""

    path: str
    source: DecisionSource | None = None
    profile: Profile | None = None
    findings: tuple[Finding, ...] = ()
    documents: dict[str, bytes] = field(default_factory=dict)  # kind -> .docx bytes, in profile order

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is not Severity.ERROR]

    @property
    def stem(self) -> str:
        """The name its documents are written under (see `output_stem`)."""
        return output_stem(self.source) if self.source else Path(self.path).stem

    def raise_errors(self) -> DecisionRun:
        """Raise NoticeBuilderError with every finding if any is an error; else return this run."""
        if self.errors:
            raise NoticeBuilderError(list(self.findings))
        return self


def run_decision(decision: DecisionSource | str | Path, *, profile: Profile | str | None = None,
                 lint: bool = True, render: bool = True, confidential: bool = False,
                 engine: str = "compiled") -> DecisionRun:
    """Load, choose the profile, validate, lint and render one decision; never raises for bad input.

    Without `lint` the content is checked against the schema only; without `render` the run stops
    after the checks. The confidential part, a document made on request, is rendered only with
    `confidential` and only if the decision marks something confidential.
    """
    path = decision.path if isinstance(decision, DecisionSource) else str(decision)
    run = DecisionRun(path)
    try:
        source = decision if isinstance(decision, DecisionSource) else load_decision_file(decision)
        run = replace(run, source=source)
        chosen = profile_for(source, profile)
        problems = schema_validation.validate_decision(source, chosen)
        run = replace(run, profile=chosen, findings=tuple(problems))
        if run.errors:
            return run
        if lint:
            run = replace(run, findings=tuple(lint_decision(source, chosen)))
        if run.errors or not render:
            return run
        return replace(run, documents=_render(source, chosen, engine=engine, confidential=confidential))
    except NoticeBuilderError as error:
        return replace(run, findings=(*run.findings, *error.findings))


def _render(source: DecisionSource, profile: Profile, *, engine: str, confidential: bool) -> dict[str, bytes]:
    on_request = confidential and bool(confidential_items(source.data, profile))
    render_document = RENDER_ENGINES[engine]
    return {
        kind: render_document(source.data, profile, kind, source_path=source.path)
        for kind in profile.built_documents(on_request=on_request)
    }


def validate_decision(source: DecisionSource, profile: Profile | str | None = None) -> list[Finding]:
    """Every schema error in a loaded decision, as its profile requires it.

    Without a profile, the built-in profile the decision names applies, else its project's, else the
    default; a profile name that is not a built-in is left for the schema to report at /profile.
    """
    try:
        chosen = profile_for(source, profile)
    except NoticeBuilderError:
        if profile is not None:
            raise
        chosen = load_profile(DEFAULT_PROFILE)
    return schema_validation.validate_decision(source, chosen)


def render_documents(source: DecisionSource, profile: Profile | str | None = None, *,
                     engine: str = "compiled", confidential: bool = False) -> dict[str, bytes]:
    """Validate a decision and render each document of its profile, in memory (no lint).

    Raises NoticeBuilderError with the validation findings if the decision cannot be rendered.
    """
    run = run_decision(source, profile=profile, lint=False, engine=engine, confidential=confidential)
    return run.raise_errors().documents


# -- staging and publishing -----------------------------------------------------------------------

@dataclass(frozen=True)
class StagedDocument:
    """A rendered document waiting in a hidden temporary file beside its target."""

    kind: str
    path: Path
    temporary: Path
    sha256: str
    size: int


def stage_documents(run: DecisionRun, out_dir: str | Path, *, tag: str = "",
                    durable: bool = True) -> list[StagedDocument]:
    """Write each rendered document of `run` to a temporary file beside its target; all or none.

    `tag` goes into the temporary names (so a batch can find its own leftovers); without `durable`
    the caller syncs the files to disk itself before publishing them.
    """
    staged: list[StagedDocument] = []
    try:
        for kind, data in run.documents.items():
            target = document_path(out_dir, run.stem, kind)
            temporary = stage_file(target, data, tag=tag, durable=durable)
            digest = hashlib.sha256(data).hexdigest()
            staged.append(StagedDocument(kind, target, temporary, digest, len(data)))
    except BaseException:
        discard(staged)
        raise
    return staged


def publish_documents(staged: Iterable[StagedDocument], *, force: bool = False) -> list[Path]:
    """Put staged documents in place, all or none: on a failure, the ones already placed are removed.

    Without `force` an existing file is never replaced (and so never lost); with it, a replaced file
    cannot come back, so nothing already placed is removed.
    """
    staged = list(staged)
    placed: list[Path] = []
    try:
        for document in staged:
            publish_staged(document.temporary, document.path, force=force)
            placed.append(document.path)
    except BaseException:
        if not force:
            for path in placed:
                path.unlink(missing_ok=True)
        discard(staged)
        raise
    return placed


def discard(staged: Iterable[StagedDocument]) -> None:
    """Remove staged documents that will not be published."""
    for document in staged:
        document.temporary.unlink(missing_ok=True)


# -- one decision, end to end ---------------------------------------------------------------------

@dataclass(frozen=True)
class BuiltDocument:
    """One written output: which document it is and where it went."""

    kind: str
    path: Path


@dataclass(frozen=True)
class BuildResult:
    """What `build_documents` wrote, and the lint warnings it found on the way."""

    documents: list[BuiltDocument]
    warnings: list[Finding]


def build_documents(source: DecisionSource | str | Path, out_dir: str | Path, *, force: bool = False,
                    profile: Profile | str | None = None, confidential: bool = False,
                    lint: bool = True) -> BuildResult:
    """Build every document of a decision into `out_dir`; write nothing unless all can be written.

    The decision is validated, then linted (errors such as a placeholder or a duplicated heading
    stop the build unless `lint` is false). With `confidential`, the confidential part
    (`<stem>-confidential.docx`) is written too. Raises NoticeBuilderError with the findings.
    """
    run = run_decision(source, profile=profile, lint=lint, confidential=confidential).raise_errors()
    refuse_existing([document_path(out_dir, run.stem, kind) for kind in run.documents], force)
    staged = stage_documents(run, out_dir)
    publish_documents(staged, force=force)
    return BuildResult([BuiltDocument(d.kind, d.path) for d in staged], run.warnings)
