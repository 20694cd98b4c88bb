"""How the CLI reports findings and failures: plain lines on stderr, fixed exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable

import click

from notice_builder.model.findings import Finding, NoticeBuilderError, UnreadableInput
from notice_builder.model.terminal_text import escape_controls

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print a line with every control code point escaped (see model/terminal_text.py)."""
    lines = text.split("\n")
    click.echo("\n".join(escape_controls(line) for line in lines), err=err, nl=nl)


def echo_findings(findings: Iterable[Finding]) -> None:
    """One line a finding on stderr, in `file:line:col /pointer: code message (hint)` form."""
    for finding in findings:
        click.echo(escape_controls(str(finding)), err=True)


def reports_failures(command: Callable) -> Callable:
    """Turn library errors into findings on stderr and exit codes; never show a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UnreadableInput as error:
            echo_findings(error.findings)
            sys.exit(EXIT_USAGE)
        except NoticeBuilderError as error:
            echo_findings(error.findings)
            sys.exit(EXIT_INVALID)
        except KeyboardInterrupt:
            echo("interrupted; no half-written or temporary file was left behind", err=True)
            sys.exit(130)

    return wrapper
