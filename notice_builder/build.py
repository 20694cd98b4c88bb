"""The build pipeline: load, validate, render and write one decision's documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from notice_builder.findings import Finding, NoticeBuilderError, Severity
from notice_builder.lint import lint_decision
from notice_builder.load import DecisionSource, load_decision_file
from notice_builder.profile import Profile, profile_for
from notice_builder.render import compiled_template, docx_render
from notice_builder.render.confidential import confidential_items
from notice_builder.render.package import refuse_existing, write_atomically
from notice_builder.validate import validate_decision

# "compiled" fills templates compiled once per process; "docxtpl" is the reference it must match.
RENDER_ENGINES = {"compiled": compiled_template.render_document, "docxtpl": docx_render.render_document}


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


def output_stem(source: DecisionSource) -> str:
    """`WMPCC-005-2013` from the reference; a draft without one is named after its input file."""
    reference = source.data.get("reference")
    if reference:
        return re.sub(r"[^A-Za-z0-9]+", "-", reference).strip("-")
    return Path(source.path).stem


def check_decision(source: DecisionSource, profile: Profile) -> None:
    """Raise with every validation finding if the decision cannot be built for `profile`."""
    findings = validate_decision(source, profile)
    if findings:
        raise NoticeBuilderError(findings)


def render_documents(source: DecisionSource, profile: Profile | str | None = None, *,
                     engine: str = "compiled", confidential: bool = False) -> dict[str, bytes]:
    """Validate a decision and render each document of its profile, in memory.

    The confidential part (a document made on request) is rendered only if `confidential` is set
    and the decision marks something confidential.
    """
    chosen = profile_for(source, profile)
    check_decision(source, chosen)
    return _render_checked(source, chosen, engine=engine, confidential=confidential)


def _render_checked(source: DecisionSource, profile: Profile, *, engine: str = "compiled",
                    confidential: bool = False) -> dict[str, bytes]:
    on_request = confidential and bool(confidential_items(source.data, profile))
    render_document = RENDER_ENGINES[engine]
    return {
        kind: render_document(source.data, profile, kind, source_path=source.path)
        for kind in profile.built_documents(on_request=on_request)
    }


def lint_before_build(source: DecisionSource, profile: Profile) -> list[Finding]:
    """Lint a valid decision's content; raise if any finding is an error, else return the warnings."""
    findings = lint_decision(source, profile)
    if any(f.severity is Severity.ERROR for f in findings):
        raise NoticeBuilderError(findings)
    return findings


def build_documents(source: DecisionSource | str | Path, out_dir: str | Path, *, force: bool = False,
                    profile: Profile | str | None = None, confidential: bool = False,
                    lint: bool = True) -> BuildResult:
    """Build every document of a decision into `out_dir`; write nothing unless all can be written.

    The decision is validated, then linted (errors such as a placeholder or a duplicated heading
    stop the build unless `lint` is false). With `confidential`, the confidential part
    (`<stem>-confidential.docx`) is written too.
    """
    if not isinstance(source, DecisionSource):
        source = load_decision_file(source)
    chosen = profile_for(source, profile)
    check_decision(source, chosen)
    warnings = lint_before_build(source, chosen) if lint else []
    rendered = _render_checked(source, chosen, confidential=confidential)
    stem = output_stem(source)
    targets = {kind: Path(out_dir) / f"{stem}-{kind}.docx" for kind in rendered}
    refuse_existing(targets.values(), force)
    for kind, data in rendered.items():
        write_atomically(targets[kind], data, force=force)
    return BuildResult([BuiltDocument(kind, path) for kind, path in targets.items()], warnings)
