"""`notice import`: Word drafts become decision files (a draft, one decision's documents, or a folder)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from notice_builder.cli.output import EXIT_INVALID, EXIT_OK, EXIT_USAGE, echo, echo_findings, reports_failures

# The library is imported inside the command, so that `notice --help` loads only click and the cli.

IMPORT_EXAMPLES = """\b
Examples:
  notice import draft.docx                       # writes draft.json beside it
  notice import draft.docx -o decisions/my-decision.json --profile pcc-decision-record
  notice import report.docx notice.docx -o decision.json   # one decision's documents as separate files
  notice import old-decisions/ -o decisions/     # every draft below a folder, on every core
"""


@click.command("import", epilog=IMPORT_EXAMPLES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path),
              help="The decision file to write (default: the draft's name with .json); for a folder, the "
                   "folder to write decisions and import-summary.json to.")
@click.option("--profile",
              help="Profile name or file (default: the one whose headings the draft has most of).")
@click.option("--force", is_flag=True, help="Replace decision files (and the summary) that exist already.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="How to report: lines on stderr, or a JSON report on stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Processes for a folder (default: every core).")
@reports_failures
def import_command(paths: tuple[Path, ...], out: Path | None, profile: str | None, force: bool,
                   output_format: str, jobs: int | None) -> None:
    """Read a Word draft and write the decision file it means; report what it could not place."""
    from notice_builder.profiles import load_profile

    chosen = load_profile(profile) if profile else None
    folders = [p for p in paths if p.is_dir()]
    if folders:
        if len(paths) > 1:
            raise click.UsageError("give one folder, or the .docx files of one decision")
        sys.exit(_import_folder(folders[0], out, chosen, force, output_format, jobs))
    sys.exit(_import_files(list(paths), out, chosen, force, output_format))


def _import_files(paths: list[Path], out: Path | None, profile, force: bool, output_format: str) -> int:
    from notice_builder.draft_import import decision_path, import_draft, write_decision
    from notice_builder.model.findings import UnreadableInput

    target = out if out is not None and not out.is_dir() else decision_path(paths[0], out)
    try:
        result = import_draft(paths, profile)
    except UnreadableInput as error:
        _report([(str(paths[0]), error.findings, True, None)], output_format)
        return EXIT_USAGE
    checked = write_decision(result, target, force=force)
    findings = [*result.findings, *checked]
    stats = {**result.summary(), "decision": str(target)}
    _report([(", ".join(map(str, paths)), findings, False, stats)], output_format)
    if output_format == "text":
        echo(f"wrote {target} ({result.profile_reason}); placed {result.placed} of {result.paragraphs} "
             f"paragraphs; status {result.decision.get('status')}"
             + (f"; {len(findings)} to check (above)" if findings else ""))
    return EXIT_INVALID if findings else EXIT_OK


def _import_folder(folder: Path, out: Path | None, profile, force: bool, output_format: str,
                   jobs: int | None) -> int:
    from notice_builder.draft_import.folder_run import import_folder

    done = import_folder(folder, out, profile=profile, force=force, jobs=jobs)
    _report([(o.draft, o.findings, o.unreadable, o.as_dict()) for o in done.outcomes], output_format)
    if output_format == "text":
        for outcome in done.outcomes:
            if outcome.decision:
                echo(f"{outcome.draft} -> {outcome.decision}: profile {outcome.profile}, placed "
                     f"{outcome.placed} of {outcome.paragraphs} paragraphs, {len(outcome.findings)} to check")
            else:
                echo(f"{outcome.draft}: not imported (above)")
        data = done.summary_data()
        echo(f"imported {data['written']} of {data['drafts']} drafts; {data['needing_attention']} need "
             f"attention, {data['unreadable']} unreadable; placed {data['placed']} of {data['paragraphs']} "
             f"paragraphs; summary: {done.summary}")
    return done.exit_code


def _report(files: list[tuple[str, list, bool, dict | None]], output_format: str) -> None:
    """Findings as lines on stderr, or the JSON report `notice lint --format json` writes, with each
    file's import figures."""
    if output_format == "text":
        echo_findings(f for _, findings, _, _ in files for f in findings)
        return
    from notice_builder.lint.api import FileReport, LintReport
    from notice_builder.model.terminal_text import escape_controls_in_json
    from notice_builder.report.json_report import report_as_dict

    data = report_as_dict(LintReport([FileReport(path, list(findings), unreadable)
                                      for path, findings, unreadable, _ in files]))
    for entry, (_, _, _, stats) in zip(data["files"], files, strict=True):
        entry["import"] = stats
    click.echo(escape_controls_in_json(json.dumps(data, indent=2, ensure_ascii=False)))


COMMANDS = [import_command]
