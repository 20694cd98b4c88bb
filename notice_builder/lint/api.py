"""The linter's library entry points: lint a decision, a .docx, or a list of paths and folders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.lint.config import LintConfig
from notice_builder.lint.profile_fit import profile_suggestion
from notice_builder.lint.registry import all_rules
from notice_builder.lint.rule import RuleContext
from notice_builder.load.decision_file import DecisionSource, load_decision_file
from notice_builder.load.decision_outline import decision_outline
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.outline import Outline
from notice_builder.model.profile import Profile
from notice_builder.profiles import load_profile, profile_for, project_or_default_profile
from notice_builder.validate.schema_validation import validate_decision

LINTED_SUFFIXES = (".docx", ".json")
_DECISION_KEYS = frozenset({"notice", "report", "decision_maker"})
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", ".git", ".venv", "venv"})


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
    return (loc.paragraph or 0, loc.line or 0, loc.column or 0, finding.code, finding.message)


def lint_outline(outline: Outline, profile: Profile, config: LintConfig | None = None) -> list[Finding]:
    """Run every enabled rule over an outline; findings in document order."""
    config = config or LintConfig()
    findings: list[Finding] = []
    shared: dict = {}
    for rule in all_rules():
        settings = config.settings(rule)
        if not settings.enabled or {rule.slug, rule.code.lower()} & outline.disabled_rules:
            continue
        context = RuleContext(rule, outline, profile, settings.options, settings.severity, shared)
        findings.extend(rule.check(context))
    return sorted(findings, key=_sort_key)


def lint_decision(
    source: DecisionSource, profile: Profile, config: LintConfig | None = None
) -> list[Finding]:
    """Lint a decision's content (placeholders, duplicate headings, terms, signature...) with JSON positions.

    Schema validation is not repeated here: `notice build` and `lint_paths` run it separately.
    """
    return lint_outline(decision_outline(source, profile), profile, config)


def _docx_outline(path: str | Path, profile: Profile) -> Outline:
    """The outline of a Word draft (its reader, and lxml, are loaded only when a draft is linted)."""
    from notice_builder.load.docx_outline import read_docx_outline

    return read_docx_outline(path, profile)


def lint_docx(path: str | Path, profile: Profile, config: LintConfig | None = None) -> list[Finding]:
    """Lint a Word draft; raises UnreadableInput if the file cannot be read safely."""
    return lint_outline(_docx_outline(path, profile), profile, config)


def _docx_profile(config: LintConfig, path: str | Path) -> Profile:
    """--profile or the lint configuration's, else the profile of the project the draft is in."""
    return load_profile(config.profile) if config.profile else project_or_default_profile(Path(path).parent)


def lint_file(path: str | Path, config: LintConfig | None = None) -> FileReport:
    """Lint one file: a decision if it ends in .json, otherwise a Word package."""
    config = config or LintConfig()
    name = str(path)
    try:
        if name.lower().endswith(".json"):
            source = load_decision_file(path)
            if not (isinstance(source.data, dict) and _DECISION_KEYS & set(source.data)):
                return FileReport(
                    name,
                    [
                        Finding(
                            code="not-a-decision",
                            message="not a decision file (no notice or report); skipped",
                            path=name,
                            severity=Severity.INFO,
                            hint="lint only decision files, e.g. with the pre-commit `files:` pattern",
                        )
                    ],
                )
            profile = profile_for(source, config.profile)
            findings = validate_decision(source, profile) + lint_decision(source, profile, config)
            return FileReport(name, findings)
        profile = _docx_profile(config, path)
        outline = _docx_outline(path, profile)
        findings = lint_outline(outline, profile, config)
        suggestion = profile_suggestion(outline, profile)
        return FileReport(name, findings + ([suggestion] if suggestion else []))
    except NoticeBuilderError as error:
        return FileReport(name, error.findings, unreadable=True)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to lint: each file given, and every .docx and .json inside each folder given."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path).parts
                if any(p.startswith(".") or p in _SKIPPED_FOLDERS for p in relative[:-1]):
                    continue
                if (
                    candidate.is_file()
                    and candidate.suffix.lower() in LINTED_SUFFIXES
                    and not candidate.name.startswith(("~$", "."))
                ):
                    found.append(candidate)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _lint_existing(path: Path, config: LintConfig) -> FileReport:
    if not path.exists():
        return FileReport(
            str(path),
            [
                Finding(
                    code="unreadable", message="no such file or folder", path=str(path), hint="check the path"
                )
            ],
            unreadable=True,
        )
    return lint_file(path, config)


def lint_paths(paths: Iterable[str | Path], config: LintConfig | None = None, *, jobs: int = 1) -> LintReport:
    """Lint files and folders of decision JSON and .docx drafts; one FileReport per file, in order.

    With `jobs` > 1 the files are shared among that many worker processes (each file is
    independent; the report keeps the order of the paths).
    """
    config = config or LintConfig()
    files = expand_paths(paths)
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor  # multiprocessing: loaded only for --jobs

        with ProcessPoolExecutor(min(jobs, len(files))) as pool:
            chunk = max(1, len(files) // (jobs * 4))
            return LintReport(list(pool.map(_lint_existing, files, [config] * len(files), chunksize=chunk)))
    return LintReport([_lint_existing(path, config) for path in files])
