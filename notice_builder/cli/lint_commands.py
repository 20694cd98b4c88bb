"""`notice lint`: check decision files and Word drafts; report as text, JSON or SARIF, or as Word comments."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from notice_builder.cli.output import EXIT_USAGE, echo, echo_findings
from notice_builder.model.findings import FAIL_ON_CHOICES, Finding, NoticeBuilderError
from notice_builder.model.terminal_text import escape_controls, escape_controls_in_json

if TYPE_CHECKING:
    from notice_builder.lint.config import LintConfig

# The library is imported inside the command, so that `notice --help` loads only click and the cli.


def _escape_lines(text: str) -> str:
    return "\n".join(escape_controls(line) for line in text.split("\n"))


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve() or (
            first.exists() and second.exists() and first.samefile(second))
    except OSError:
        return False


def _refuse_overwriting(output: Path | None, inputs) -> None:
    """Never write the report over a file that is linted (or annotated): refuse, naming it."""
    if output is None:
        return
    for path in inputs:
        if _same_file(Path(output), Path(path)):
            raise NoticeBuilderError([Finding(
                code="output-is-input", message="will not write the report over a file being linted",
                path=str(output), hint="give --output a new file name outside the files you lint",
            )])


def _write_report(output: Path | None, text: str, force: bool) -> None:
    """The report to standard output, or atomically to `output` (an existing file only with --force).

    `text` is already safe for a terminal: a text report escapes control characters, a JSON one
    writes them as JSON escapes.
    """
    if output is None:
        click.echo(text, nl=False)
        return
    from notice_builder.docx.atomic_files import refuse_existing, write_atomically

    try:
        refuse_existing([output], force)
        write_atomically(output, text.encode("utf-8"), force=force)
    except NoticeBuilderError as error:
        echo_findings(error.findings)
        sys.exit(EXIT_USAGE)


def _rules_listing(config: LintConfig, as_json: bool) -> str:
    from notice_builder.lint.registry import all_rules

    rows = []
    for rule in all_rules():
        settings = config.settings(rule)
        rows.append(
            {
                "code": rule.code,
                "slug": rule.slug,
                "severity": settings.severity.value,
                "enabled": settings.enabled,
                "description": rule.description,
                "options": dict(settings.options),
                "tags": list(rule.tags),
            }
        )
    if as_json:
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    return "".join(
        f"{r['code']}  {r['slug']:<20} {r['severity']:<8}{'' if r['enabled'] else ' (off)'}  "
        f"{r['description']}"
        + (
            f"  [options: {', '.join(f'{k}={json.dumps(v)}' for k, v in r['options'].items())}]"
            if r["options"]
            else ""
        )
        + "\n"
        for r in rows
    )


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default=None,
    help="Exit 1 when a finding is at least this severe  [default: error, or the configuration's].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A TOML file with the lint settings (default: [tool.notice-builder.lint] in pyproject.toml).",
)
@click.option(
    "--profile",
    help="Organisation profile to check headings against (default: the decision's, or wmpcc; for a Word "
    "draft, the built-in profile it fits, if any).",
)
@click.option(
    "--disable", multiple=True, metavar="RULE", help="Switch a rule off (code or slug); repeatable."
)
@click.option(
    "--annotate",
    "annotate_to",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="OUT.docx",
    help="Write a copy of the one .docx given with each finding as a Word comment.",
)
@click.option("--force", is_flag=True, help="Replace the --annotate or --output file if it exists.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output (never over an input).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Lint this many files at once, in separate processes.",
)
@click.option("--list-rules", is_flag=True, help="List the rules with their codes, severities and options.")
def lint(
    paths, output_format, fail_on, config_path, profile, disable, annotate_to, force, output, jobs, list_rules
):
    """Lint decision JSON files, Word .docx drafts, and folders of them.

    Exit status: 0 when no finding is at or above --fail-on, 1 when there are such findings,
    2 when an input cannot be read or the command is used wrongly.
    """
    from notice_builder.lint.config import LintConfig, load_config
    from notice_builder.pipeline.lint_files import lint_paths

    if output is not None and str(output) == "-":
        output = None
    try:
        _refuse_overwriting(output, [*paths, *([annotate_to] if annotate_to else [])])
        config = load_config(config_path)
        if profile:
            config = LintConfig(profile, config.fail_on, config.rules, config.source)
        if disable:
            config = config.without(disable)
        if list_rules:
            listing = _rules_listing(config, output_format == "json")
            safe = escape_controls_in_json if output_format == "json" else _escape_lines
            _write_report(output, safe(listing), force)
            return
        if not paths:
            raise click.UsageError("give at least one file or folder to lint (or --list-rules)")
        if annotate_to is not None:
            if len(paths) != 1 or paths[0].is_dir() or paths[0].suffix.lower() == ".json":
                raise click.UsageError("--annotate needs exactly one .docx draft")
            from notice_builder.report.annotate import annotate_docx, check_destination  # python-docx

            check_destination(paths[0], annotate_to, force)
        report = lint_paths(paths, config, jobs=jobs)
        _refuse_overwriting(output, [file.path for file in report.files])
        if annotate_to is not None and not report.files[0].unreadable:
            annotate_docx(paths[0], report.files[0].findings, annotate_to, force=force)
    except NoticeBuilderError as error:
        echo_findings(error.findings)
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        from notice_builder.report.json_report import report_as_dict

        text = json.dumps(report_as_dict(report), indent=2, ensure_ascii=False) + "\n"
        _write_report(output, escape_controls_in_json(text), force)
    elif output_format == "sarif":
        from notice_builder.report.sarif import report_as_sarif

        text = json.dumps(report_as_sarif(report), indent=2, ensure_ascii=False) + "\n"
        _write_report(output, escape_controls_in_json(text), force)
    else:
        from notice_builder.report.text import format_text, summary

        _write_report(output, format_text(report), force)
        echo(summary(report), err=True)
    if annotate_to is not None and not report.files[0].unreadable:
        echo(f"annotated copy written to {annotate_to}", err=True)
    sys.exit(report.exit_code(fail_on or config.fail_on))


COMMANDS = [lint]
