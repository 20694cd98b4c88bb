"""The lint rule registry: every rule of `notice_builder/lint/rules/`, found by code or slug."""

from __future__ import annotations

from notice_builder.lint.rule import Rule
from notice_builder.lint.rules import RULES


def all_rules() -> tuple[Rule, ...]:
    """The registry, in code order."""
    return RULES


def find_rule(name: str) -> Rule | None:
    """A rule by code (NL001) or slug (duplicate-heading), case-insensitively."""
    wanted = name.strip().lower()
    return next((r for r in all_rules() if wanted in (r.code.lower(), r.slug)), None)
