"""The `notice` command: a thin click layer over the library. Each module adds one command group."""

from __future__ import annotations

import click

from notice_builder.cli import batch_commands, build_commands, lint_commands, profile_commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="notice-builder")
def main() -> None:
    """Build, validate and lint UK statutory decision notices."""


for command in build_commands.COMMANDS:
    main.add_command(command)
for command in lint_commands.COMMANDS:
    main.add_command(command)

for command in batch_commands.COMMANDS:
    main.add_command(command)
for command in profile_commands.COMMANDS:
    main.add_command(command)
