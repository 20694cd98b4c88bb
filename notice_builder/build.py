"""The build pipeline: load, validate, render and write one decision's documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from notice_builder.findings import NoticeBuilderError
from notice_builder.load import DecisionSource, load_decision_file
from notice_builder.profile import Profile, load_profile
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


def output_stem(source: DecisionSource) -> str:
    """`WMPCC-005-2013` from the reference; a draft without one is named after its input file."""
    reference = source.data.get("reference")
    if reference:
        return re.sub(r"[^A-Za-z0-9]+", "-", reference).strip("-")
    return Path(source.path).stem


def profile_for(source: DecisionSource, profile: Profile | str | None = None) -> Profile:
    """The profile given, else the one the decision names, else the default."""
    if isinstance(profile, Profile):
        return profile
    return load_profile(profile or source.data.get("profile") or "wmpcc")


def check_decision(source: DecisionSource) -> None:
    """Raise with every validation finding if the decision cannot be built."""
    findings = validate_decision(source)
    if findings:
        raise NoticeBuilderError(findings)


def render_documents(source: DecisionSource, profile: Profile | str | None = None, *,
                     engine: str = "compiled", confidential: bool = False) -> dict[str, bytes]:
    """Validate a decision and render each document of its profile, in memory.

    The confidential part (a document made on request) is rendered only if `confidential` is set
    and the decision marks something confidential.
    """
    check_decision(source)
    chosen = profile_for(source, profile)
    on_request = confidential and bool(confidential_items(source.data, chosen))
    rendered = {}
    for kind in chosen.built_documents(on_request=on_request):
        # The reference renderer makes the on-request documents: they are rare and never batched.
        render_document = RENDER_ENGINES[engine] if kind in chosen.documents else docx_render.render_document
        rendered[kind] = render_document(source.data, chosen, kind, source_path=source.path)
    return rendered


def build_documents(source: DecisionSource | str | Path, out_dir: str | Path, *, force: bool = False,
                    profile: Profile | str | None = None, confidential: bool = False) -> list[BuiltDocument]:
    """Build every document of a decision into `out_dir`; write nothing unless all can be written.

    With `confidential`, the confidential part (`<stem>-confidential.docx`) is written too.
    """
    if not isinstance(source, DecisionSource):
        source = load_decision_file(source)
    rendered = render_documents(source, profile, confidential=confidential)
    stem = output_stem(source)
    targets = {kind: Path(out_dir) / f"{stem}-{kind}.docx" for kind in rendered}
    refuse_existing(targets.values(), force)
    for kind, data in rendered.items():
        write_atomically(targets[kind], data, force=force)
    return [BuiltDocument(kind, path) for kind, path in targets.items()]
