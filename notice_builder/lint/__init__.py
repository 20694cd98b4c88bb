"""Lint stage: check a decision or a Word draft against the rules in `notice_builder/lint/rules/`."""

from notice_builder.lint.api import (
    FileReport,
    LintReport,
    lint_decision,
    lint_docx,
    lint_outline,
)
from notice_builder.lint.config import LintConfig, load_config

__all__ = [
    "FileReport",
    "LintConfig",
    "LintReport",
    "lint_decision",
    "lint_docx",
    "lint_outline",
    "load_config",
]
