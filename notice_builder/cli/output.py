"""How the CLI reports findings and failures: plain lines on stderr, fixed exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable

import click

from notice_builder.model.findings import Finding, NoticeBuilderError, UnreadableInput

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def echo_findings(findings: Iterable[Finding]) -> None:
    """One line a finding on stderr, in `file:line:col /pointer: code message (hint)` form."""
    for finding in findings:
        click.echo(str(finding), err=True)


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
            click.echo("interrupted; no partial output was left behind", err=True)
            sys.exit(130)

    return wrapper
