"""`notice init`, `templates check` and `next-ref`: an office's own folder, templates and numbers."""

from __future__ import annotations

from pathlib import Path

import click

from notice_builder.cli.output import EXIT_INVALID, echo, echo_findings, reports_failures
from notice_builder.model.profile import DEFAULT_PROFILE

# The library is imported inside each command, so that `notice --help` loads only click and the cli.

folder_type = click.Path(file_okay=False, path_type=Path)
folder_argument = click.argument("folder", type=folder_type, default=Path("."))
profile_option = click.option(
    "--profile",
    help="Profile name or file (default: the folder's pyproject.toml or profile.json, else wmpcc).")


@click.command()
@click.argument("folder", type=folder_type)
@click.option("--profile", default=DEFAULT_PROFILE, show_default=True,
              help="The profile to start from: a built-in name, or a profile file with templates/ beside it.")
@reports_failures
def init(folder: Path, profile: str) -> None:
    """Make FOLDER an office's folder: its profile, Word templates, an example decision and a README."""
    from notice_builder.office.folder import scaffold_office

    for path in scaffold_office(folder, profile):
        echo(f"wrote {path}")
    echo(f"next: edit {folder / 'templates'} in Word, then run `notice templates check {folder}`")


@click.group()
def templates() -> None:
    """Work with an office's Word templates."""


@templates.command()
@folder_argument
@profile_option
@reports_failures
def check(folder: Path, profile: str | None) -> None:
    """Check FOLDER's templates (default: this folder's): tags parse, variables exist, headings are there.

    Exit status: 0 when every template is fine, 1 when there are findings.
    """
    from notice_builder.office.folder import check_office_templates

    report = check_office_templates(folder, profile)
    echo_findings(report.findings)
    if report.findings:
        raise SystemExit(EXIT_INVALID)
    echo(f"{len(report.templates)} templates OK")


@click.command("next-ref")
@folder_argument
@profile_option
@click.option("--year", type=click.IntRange(1900, 9999),
              help="The year of the reference (default: this year).")
@click.option("--ledger", type=click.Path(path_type=Path),
              help="The ledger file (.notice-references.json) or the folder that keeps it, for numbering "
                   "outside an office folder.")
@reports_failures
def next_ref(folder: Path, profile: str | None, year: int | None, ledger: Path | None) -> None:
    """Issue the next reference number of the office FOLDER is in; record it so it is never reused.

    FOLDER (default: here) must be in an office folder (made by `notice init`) or hold a ledger, or
    --ledger must say where the ledger is; otherwise nothing is issued.
    """
    from notice_builder.office.folder import next_reference

    echo(next_reference(folder, profile, year, ledger))


COMMANDS = [init, templates, next_ref]
