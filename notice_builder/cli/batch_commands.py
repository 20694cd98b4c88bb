"""`notice batch`, `pack` and `register`: a whole board meeting built, packed and recorded."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from notice_builder.cli.output import EXIT_INVALID, echo, echo_findings, reports_failures

if TYPE_CHECKING:
    from notice_builder.publish.batch import BatchResult

# The library is imported inside each command, so that `notice --help` loads only click and the cli.

STAGE_LABELS = {"check": "Checking", "build": "Building", "pdf": "Converting to PDF"}


class ProgressBars:
    """One click progress bar a stage, on stderr, and only when stderr is a terminal (quiet in CI)."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.stage: str | None = None
        self.bar = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=total, label=STAGE_LABELS.get(stage, stage),
                                         file=click.get_text_stream("stderr"))
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> ProgressBars:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def summary_table(result: BatchResult) -> str:
    """The closing table: how many decisions were built and failed, how many warnings were found."""
    rows = [("built", result.built), ("failed", result.failed), ("warnings", result.warnings)]
    lines = [f"{'':<9}{'decisions':>10}"] + [f"{name:<9}{count:>10}" for name, count in rows]
    return "\n".join(lines) + f"\nmanifest: {result.manifest}"


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the documents and manifest.json to.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to use (default: every core).")
@click.option("--force", is_flag=True, help="Replace documents and a manifest that exist already.")
@click.option("--no-lint", is_flag=True, help="Check against the schema only, without `notice lint`.")
@click.option("--pdf", is_flag=True, help="Also convert every document to tagged PDF (one LibreOffice run).")
@click.option("--profile", help="Profile name or file (default: each decision's, else wmpcc).")
@reports_failures
def batch(inputs: tuple[str, ...], out_dir: Path, jobs: int | None, force: bool, no_lint: bool, pdf: bool,
          profile: str | None) -> None:
    """Build every decision in INPUTS (files, folders or globs) for a board meeting.

    All decisions are checked first; the valid ones are then built in parallel. A bad decision is
    reported and the others are still built. Exits 1 if any decision failed.
    """
    from notice_builder.publish.batch import BatchOptions, run_batch

    options = BatchOptions(out_dir=out_dir, force=force, jobs=jobs, lint=not no_lint, pdf=pdf,
                           profile=profile)
    with ProgressBars() as progress:
        result = run_batch(inputs, options, progress)
    for decision in result.decisions:
        echo_findings(decision.findings)
    echo(summary_table(result))
    if result.failed:
        raise SystemExit(EXIT_INVALID)


@click.command()
@click.argument("meeting_dir", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The agenda pack to write, e.g. pack.docx.")
@click.option("--force", is_flag=True, help="Replace the pack if it exists.")
@click.option("--profile", help="Profile name or file (default: each decision's, else wmpcc).")
@reports_failures
def pack(meeting_dir: Path, out: Path, force: bool, profile: str | None) -> None:
    """Make the agenda pack for the meeting in MEETING_DIR (its meeting.json gives the agenda)."""
    from notice_builder.publish.pack import write_pack

    warnings = write_pack(meeting_dir, out, force=force, profile=profile)
    echo_findings(warnings)
    counted = f" ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})" if warnings else ""
    echo(f"wrote {out}{counted}")


def _register_file(context: click.Context, parameter: click.Parameter, value: Path) -> Path:
    from notice_builder.publish.register import FORMATS

    if value.suffix.lstrip(".").lower() not in FORMATS:
        raise click.BadParameter("name the register register.csv or register.html")
    return value


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              callback=_register_file, help="register.csv or register.html.")
@click.option("--documents", type=click.Path(file_okay=False, path_type=Path),
              help="Folder holding the built documents to link to (default: the register's folder).")
@click.option("--include-drafts", is_flag=True,
              help="List draft decisions too, each marked as a draft (default: final decisions only).")
@click.option("--force", is_flag=True, help="Replace the register if it exists.")
@reports_failures
def register(inputs: tuple[str, ...], out: Path, documents: Path | None, include_drafts: bool,
             force: bool) -> None:
    """Write the record of final decisions for INPUTS (files, folders or globs) as CSV or HTML."""
    from notice_builder.publish.register import RegisterNotWritten, write_register

    try:
        written = write_register(list(inputs), out, documents_dir=documents, force=force,
                                 include_drafts=include_drafts)
    except RegisterNotWritten as error:
        echo_findings(error.findings)
        names = ", ".join(error.inputs)
        which = "this input" if len(error.inputs) == 1 else f"these {len(error.inputs)} inputs"
        echo(f"register not written: {which} could not be used: {names}. Nothing was written to {out}. "
             "Correct the problems above, or leave the input out, and run the command again.", err=True)
        sys.exit(EXIT_INVALID)
    drafts = sum(entry.draft for entry in written.entries)
    listed = f"{len(written.entries)} decision{'s' if len(written.entries) != 1 else ''}"
    if drafts:
        listed += f", {drafts} of them marked as drafts"
    echo(f"wrote {out} ({listed})")
    if written.drafts_left_out:
        count = written.drafts_left_out
        echo(f"left out {count} draft decision{'s' if count != 1 else ''}: the register lists only "
             "final decisions. Add --include-drafts to list drafts too, marked as drafts.")


COMMANDS = [batch, pack, register]
