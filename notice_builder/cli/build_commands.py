"""`notice validate`, `build`, `new` and `schema`: one decision file in, checked or built."""

from __future__ import annotations

import json
from pathlib import Path

import click

from notice_builder.cli.output import EXIT_INVALID, echo, echo_findings, reports_failures

# The library is imported inside each command, so that `notice --help` loads only click and the cli.

existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command()
@click.argument("files", nargs=-1, required=True, type=existing_file)
@click.option("--profile", help="Profile name or file (default: the decision's, else the project's, "
              "else wmpcc).")
@reports_failures
def validate(files: tuple[Path, ...], profile: str | None) -> None:
    """Check decision files against the schema as their profile requires it; report every error."""
    from notice_builder.pipeline import run_decision

    failed = 0
    for file in files:
        findings = run_decision(file, profile=profile, lint=False, render=False).findings
        echo_findings(findings)
        failed += bool(findings)
        if not findings:
            echo(f"{file}: valid")
    if failed:
        raise SystemExit(EXIT_INVALID)


@click.command()
@click.argument("file", type=existing_file)
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder to write the documents to.")
@click.option("--force", is_flag=True, help="Replace documents that exist already.")
@click.option("--profile", help="Profile name or file (default: the decision's, else the project's, "
              "else wmpcc).")
@click.option("--confidential", is_flag=True,
              help="Also write the confidential part (NOT FOR PUBLICATION) if FILE has exempt information.")
@click.option("--no-lint", is_flag=True, help="Build even if `notice lint` finds errors in the content.")
@reports_failures
def build(file: Path, out_dir: Path, force: bool, profile: str | None, confidential: bool,
          no_lint: bool) -> None:
    """Build the documents of FILE (for wmpcc: the Board covering report and the Notice of Decision)."""
    from notice_builder.pipeline import build_documents

    result = build_documents(file, out_dir, force=force, profile=profile, confidential=confidential,
                             lint=not no_lint)
    echo_findings(result.warnings)
    for document in result.documents:
        echo(f"wrote {document.path}")


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default=Path("decision.json"))
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--profile", help="Profile name or file (default: the project's, else wmpcc).")
@reports_failures
def new(path: Path, force: bool, profile: str | None) -> None:
    """Write a starter decision file to fill in (with a $schema line for editor completion)."""
    from notice_builder.docx.atomic_files import write_atomically
    from notice_builder.office.starter import starter_decision
    from notice_builder.profiles import load_profile, project_or_default_profile
    from notice_builder.profiles.document_order import decision_json_text

    chosen = load_profile(profile) if profile else project_or_default_profile(path.parent)
    starter = starter_decision(path, chosen)
    write_atomically(path, decision_json_text(starter).encode("utf-8"), force=force)
    echo(f"wrote {path}; fill in the blanks, then run: notice validate {path}")


@click.command()
def schema() -> None:
    """Print the decision JSON Schema."""
    from notice_builder.validate import decision_schema

    echo(json.dumps(decision_schema(), indent=2, ensure_ascii=False))


COMMANDS = [validate, build, new, schema]
