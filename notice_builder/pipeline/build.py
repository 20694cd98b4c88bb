"""`notice build`: one decision's documents, checked, rendered and written into a folder, all or none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from notice_builder.docx.atomic_files import refuse_existing
from notice_builder.load import DecisionSource
from notice_builder.model.findings import Finding
from notice_builder.model.profile import Profile
from notice_builder.pipeline.decision import run_decision
from notice_builder.pipeline.outputs import (
    clear_stale_staging,
    document_path,
    publish_documents,
    stage_documents,
)


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
    clear_stale_staging(out_dir)  # what a build or batch killed in this folder left
    staged = stage_documents(run, out_dir)
    publish_documents(staged, force=force)
    return BuildResult([BuiltDocument(d.kind, d.path) for d in staged], run.warnings)
