"""Lint configuration: which rules run, at what severity, with what options, and what fails a run.

Read from `[tool.notice-builder.lint]` in the nearest pyproject.toml above the working folder, or
from a TOML file given with `--config` (either a pyproject.toml or a file whose top level is the
lint table):

    [tool.notice-builder.lint]
    profile = "wmpcc"
    fail-on = "warning"            # error (default), warning, info or never
    disable = ["fake-heading"]     # codes or slugs
    enable = []                    # switch back on what `disable` or a rule table switched off

    [tool.notice-builder.lint.rules.placeholder]
    severity = "warning"
    extra-patterns = ["\\bDRAFT ONLY\\b"]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notice_builder.lint.registry import all_rules, find_rule
from notice_builder.lint.rule import Rule
from notice_builder.load.project_settings import nearest_settings, read_toml, tool_table
from notice_builder.model.findings import FAIL_ON_CHOICES, Finding, NoticeBuilderError, Severity

_TOP_KEYS = {"profile", "fail-on", "disable", "enable", "rules"}


@dataclass(frozen=True)
class RuleSettings:
    """One rule as configured: on or off, its severity, its options."""

    enabled: bool
    severity: Severity
    options: Mapping[str, Any]


@dataclass(frozen=True)
class LintConfig:
    """The whole lint configuration; the defaults run every rule at its default severity."""

    profile: str | None = None
    fail_on: str = "error"
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    source: str | None = None

    def settings(self, rule: Rule) -> RuleSettings:
        return self.rules.get(rule.slug) or RuleSettings(True, rule.severity, dict(rule.options))

    def without(self, names: Iterable[str]) -> LintConfig:
        """The same configuration with more rules switched off (e.g. from `--disable`)."""
        rules = dict(self.rules)
        for name in names:
            rule = _rule(name, self.source or "--disable")
            current = self.settings(rule)
            rules[rule.slug] = RuleSettings(False, current.severity, current.options)
        return LintConfig(self.profile, self.fail_on, rules, self.source)


def _error(source: str, message: str, hint: str) -> NoticeBuilderError:
    return NoticeBuilderError([Finding(code="config", message=message, path=source, hint=hint)])


def _rule(name: str, source: str) -> Rule:
    rule = find_rule(str(name))
    if rule is None:
        raise _error(source, f"unknown lint rule '{name}'", "run `notice lint --list-rules` for the names")
    return rule


def _severity(value: Any, source: str, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise _error(
            source, f"{where}: severity '{value}' is not error, warning or info", "use error, warning or info"
        ) from None


def config_from_dict(data: Mapping[str, Any], source: str = "<config>") -> LintConfig:
    """A LintConfig from the `[tool.notice-builder.lint]` table; NoticeBuilderError if it is wrong."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _error(
            source,
            f"unknown setting '{sorted(unknown)[0]}' in the lint configuration",
            f"allowed: {', '.join(sorted(_TOP_KEYS))}",
        )
    fail_on = str(data.get("fail-on", "error")).lower()
    if fail_on not in FAIL_ON_CHOICES:
        raise _error(
            source,
            f"fail-on '{fail_on}' is not one of {', '.join(FAIL_ON_CHOICES)}",
            "use error, warning, info or never",
        )
    settings = {r.slug: RuleSettings(True, r.severity, dict(r.options)) for r in all_rules()}
    for name in data.get("disable", []):
        rule = _rule(name, source)
        settings[rule.slug] = RuleSettings(False, settings[rule.slug].severity, settings[rule.slug].options)
    tables = data.get("rules", {})
    if not isinstance(tables, Mapping):
        raise _error(
            source, "'rules' must be a table of rule tables", "write [tool.notice-builder.lint.rules.NAME]"
        )
    for name, table in tables.items():
        rule = _rule(name, source)
        current = settings[rule.slug]
        options = dict(current.options)
        enabled, severity = current.enabled, current.severity
        for key, value in (table if isinstance(table, Mapping) else {"enabled": table}).items():
            if key == "enabled":
                enabled = bool(value)
            elif key == "severity":
                severity = _severity(value, source, rule.slug)
            else:
                option = key.replace("-", "_")
                if option not in rule.options:
                    raise _error(
                        source,
                        f"rule {rule.slug} has no option '{key}'",
                        f"options: {', '.join(rule.options) or 'none'}",
                    )
                if not isinstance(value, type(rule.options[option])):
                    raise _error(
                        source,
                        f"rule {rule.slug} option '{key}' should be a {type(rule.options[option]).__name__}",
                        "see `notice lint --list-rules`",
                    )
                options[option] = value
        settings[rule.slug] = RuleSettings(enabled, severity, options)
    for name in data.get("enable", []):
        rule = _rule(name, source)
        settings[rule.slug] = RuleSettings(True, settings[rule.slug].severity, settings[rule.slug].options)
    profile = data.get("profile")
    return LintConfig(
        profile=str(profile) if profile else None, fail_on=fail_on, rules=settings, source=source
    )


def _lint_table(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    table = tool_table(data)
    lint = table.get("lint") if table is not None else None
    return lint if isinstance(lint, Mapping) else None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> LintConfig:
    """The configuration in `path`, else in the nearest pyproject.toml from `start` up, else defaults."""
    if path is not None:
        data = read_toml(Path(path))
        table = _lint_table(data)
        return config_from_dict(table if table is not None else data, str(path))
    found = nearest_settings(start)
    if found is not None and isinstance(found[1].get("lint"), Mapping):
        return config_from_dict(found[1]["lint"], str(found[0]))
    return LintConfig()
