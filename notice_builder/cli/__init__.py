"""The `notice` command: a thin click layer over the library. Each module adds one command group."""

from __future__ import annotations

import click

from notice_builder.cli import batch_commands, build_commands, lint_commands, profile_commands
from notice_builder.model.terminal_text import escape_controls


class NoticeGroup(click.Group):
    """The `notice` group: click's own messages (a missing file, a bad option) escape control characters."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            error.message = escape_controls(error.message)
            if isinstance(error, click.BadParameter) and isinstance(error.param_hint, str):
                error.param_hint = escape_controls(error.param_hint)
            raise


@click.group(cls=NoticeGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
