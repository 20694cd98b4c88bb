"""`notice lint` over files and folders: decisions go through the pipeline, Word drafts through the reader.

A decision file is loaded, given its profile, validated and linted by `run_decision`, which keeps
going past schema errors so that every problem is reported at once. A Word draft is read into an
outline and linted against the profile it is checked under, with a suggestion when another built-in
profile fits it better. Files are independent, so a run may share them among worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from notice_builder.lint import FileReport, LintConfig, LintReport, lint_outline
from notice_builder.lint.api import docx_outline
from notice_builder.lint.profile_fit import (
    builtin_fits,
    choose_fit,
    fit_finding,
    fitted_outline,
    profile_suggestion,
)
from notice_builder.load import load_decision_file
from notice_builder.load.folder_walk import files_below
from notice_builder.load.project_settings import project_profile
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.profile import DEFAULT_PROFILE, Profile
from notice_builder.pipeline.decision import run_decision
from notice_builder.profiles import load_profile

LINTED_SUFFIXES = (".docx", ".json")
_DECISION_KEYS = frozenset({"notice", "report", "decision_maker"})
# A decision file that cannot be read as JSON at all is unreadable (exit 2); one refused for what it
# holds (a number too long, a lone surrogate, over a size cap, not a regular file) is a finding (exit 1),
# as `validate` and `build` report it.
_UNREADABLE_JSON = frozenset({"json-syntax", "encoding", "unreadable", "duplicate-key"})
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", ".git", ".venv", "venv"})


def _given_profile(config: LintConfig, path: str | Path) -> Profile | None:
    """--profile or the lint configuration's, else the profile of the project the draft is in, if any."""
    name = config.profile or project_profile(Path(path).parent)
    return load_profile(name) if name else None


def lint_docx_file(path: str | Path, config: LintConfig) -> list[Finding]:
    """Lint a Word draft against its given profile, else against the built-in profile it fits (if any)."""
    given = _given_profile(config, path)
    if given is not None:
        outline = docx_outline(path, given)
        suggestion = profile_suggestion(outline, given)
        return lint_outline(outline, given, config) + ([suggestion] if suggestion else [])
    outline = docx_outline(path, load_profile(DEFAULT_PROFILE))
    fits = builtin_fits(outline)
    fit, how = choose_fit(fits)
    profile = fit.profile if fit else load_profile(DEFAULT_PROFILE)
    if profile.name != DEFAULT_PROFILE:
        outline = docx_outline(path, profile)  # read again: its headings and labels shape the outline
    note = fit_finding(outline, fits, fit, how)
    return lint_outline(fitted_outline(outline, fit, how), profile, config) + ([note] if note else [])


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
            run = run_decision(source, profile=config.profile, lint_config=config, render=False,
                               keep_going=True)
            return FileReport(name, list(run.findings), unreadable=run.profile is None)
        return FileReport(name, lint_docx_file(path, config))
    except NoticeBuilderError as error:
        is_decision = name.lower().endswith(".json")
        unreadable = not is_decision or any(f.code in _UNREADABLE_JSON for f in error.findings)
        return FileReport(name, error.findings, unreadable=unreadable)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to lint: each file given, and every .docx and .json inside each folder given.

    Hidden and tool folders are not entered and symlinked folders are not followed (no loops); a
    symlink to something other than a regular file (a device) is passed over.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            below = files_below(path, lambda name: name.startswith(".") or name in _SKIPPED_FOLDERS)
            found += sorted(
                candidate for candidate in below
                if candidate.suffix.lower() in LINTED_SUFFIXES
                and not candidate.name.startswith(("~$", "."))
                and candidate.is_file()
            )
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
