"""The lint stage: run the rules over an outline, a decision or a Word draft; the report types.

Linting files and folders from disk (decisions through the pipeline) is `notice_builder.pipeline.lint_files`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.lint.config import LintConfig
from notice_builder.lint.excerpts import with_excerpts
from notice_builder.lint.registry import all_rules
from notice_builder.lint.rule import RuleContext
from notice_builder.load.decision_file import DecisionSource
from notice_builder.load.decision_outline import decision_outline
from notice_builder.model.findings import Finding, Severity
from notice_builder.model.outline import Outline
from notice_builder.model.profile import Profile


@dataclass
class FileReport:
    """The findings for one input file; `unreadable` when it could not be read at all."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False


@dataclass
class LintReport:
    """The result of one lint run over many files."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.files for f in report.findings]

    def exit_code(self, fail_on: str = "error") -> int:
        """2 if any input was unreadable, 1 if any finding is at or above `fail_on`, else 0."""
        if any(report.unreadable for report in self.files):
            return 2
        if fail_on == "never":
            return 0
        threshold = Severity(fail_on).rank
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0


def _sort_key(finding: Finding) -> tuple:
    loc = finding.location
    return (loc.paragraph or 0, loc.area or "", loc.line or 0, loc.column or 0, finding.code, finding.message)


def lint_outline(outline: Outline, profile: Profile, config: LintConfig | None = None) -> list[Finding]:
    """Run every enabled rule over an outline; findings in document order, each with its excerpt."""
    config = config or LintConfig()
    findings: list[Finding] = []
    shared: dict = {}
    for rule in all_rules():
        settings = config.settings(rule)
        if not settings.enabled or {rule.slug, rule.code.lower()} & outline.disabled_rules:
            continue
        context = RuleContext(rule, outline, profile, settings.options, settings.severity, shared)
        findings.extend(rule.check(context))
    return with_excerpts(sorted(findings, key=_sort_key), outline)


def lint_decision(
    source: DecisionSource, profile: Profile, config: LintConfig | None = None
) -> list[Finding]:
    """Lint a decision's content (placeholders, duplicate headings, terms, signature...) with JSON positions.

    Schema validation is not repeated here: `notice build` and `lint_paths` run it separately.
    """
    return lint_outline(decision_outline(source, profile), profile, config)


def docx_outline(path: str | Path, profile: Profile) -> Outline:
    """The outline of a Word draft (its reader, and lxml, are loaded only when a draft is linted)."""
    from notice_builder.load.docx_outline import read_docx_outline

    return read_docx_outline(path, profile)


def lint_docx(path: str | Path, profile: Profile, config: LintConfig | None = None) -> list[Finding]:
    """Lint a Word draft; raises UnreadableInput if the file cannot be read safely."""
    return lint_outline(docx_outline(path, profile), profile, config)


