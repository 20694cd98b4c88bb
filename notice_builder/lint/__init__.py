"""Lint stage: check decision files and Word drafts against the rules in `notice_builder/lint/rules/`."""

from notice_builder.lint.api import (
    FileReport,
    LintReport,
    lint_decision,
    lint_docx,
    lint_file,
    lint_outline,
    lint_paths,
)
from notice_builder.lint.config import LintConfig, load_config

__all__ = [
    "FileReport",
    "LintConfig",
    "LintReport",
    "lint_decision",
    "lint_docx",
    "lint_file",
    "lint_outline",
    "lint_paths",
    "load_config",
]
