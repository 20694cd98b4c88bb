"""One decision through the stages: load, profile, validate, lint, render.

`run_decision` never raises for a problem in the decision: each stage's problems become findings,
and the first stage with an error stops the run (unless asked to keep going, as the linter does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from notice_builder.lint import LintConfig, lint_decision
from notice_builder.load import DecisionSource, load_decision_file
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.profile import DEFAULT_PROFILE, Profile
from notice_builder.model.redaction import confidential_items
from notice_builder.pipeline.outputs import output_stem
from notice_builder.profiles import load_profile, profile_for
from notice_builder.validate import schema_validation
from notice_builder.validate.limits import TOO_LARGE

Renderer = Callable[..., bytes]


def _compiled(decision: dict, profile: Profile, kind: str, **options) -> bytes:
    from notice_builder.render import compiled_template  # docxtpl and lxml load when a document is made

    return compiled_template.render_document(decision, profile, kind, **options)


def _docxtpl(decision: dict, profile: Profile, kind: str, **options) -> bytes:
    from notice_builder.render import docx_render

    return docx_render.render_document(decision, profile, kind, **options)


# "compiled" fills templates compiled once per process; "docxtpl" is the reference it must match.
RENDER_ENGINES: dict[str, Renderer] = {"compiled": _compiled, "docxtpl": _docxtpl}


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
                 lint: bool = True, lint_config: LintConfig | None = None, render: bool = True,
                 confidential: bool = False, engine: str = "compiled", keep_going: bool = False,
                 ) -> DecisionRun:
    """Load, choose the profile, validate, lint and render one decision; never raises for bad input.

    Without `lint` the content is checked against the schema only; without `render` the run stops
    after the checks. With `keep_going` a decision that fails validation is linted too, so that every
    problem is reported at once (as `notice lint` and the web form want); it is never rendered. The
    confidential part, a document made on request, is rendered only with `confidential` and only if
    the decision marks something confidential.
    """
    path = decision.path if isinstance(decision, DecisionSource) else str(decision)
    run = DecisionRun(path)
    try:
        source = decision if isinstance(decision, DecisionSource) else load_decision_file(decision)
        run = replace(run, source=source)
        chosen = profile_for(source, profile)
        problems = schema_validation.validate_decision(source, chosen)
        run = replace(run, profile=chosen, findings=tuple(problems))
        if run.errors and (not keep_going or any(f.code == TOO_LARGE for f in problems)):
            return run  # an input over a cap is never linted: that is what the cap protects
        if lint:
            run = replace(run, findings=(*run.findings, *lint_decision(source, chosen, lint_config)))
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


