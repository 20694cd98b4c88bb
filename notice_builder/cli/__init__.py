"""The `notice` command: a thin click layer over the library. Each module adds one command group."""

from __future__ import annotations

import click

from notice_builder.cli import (
    batch_commands,
    build_commands,
    import_commands,
    lint_commands,
    profile_commands,
    serve_commands,
)
from notice_builder.model.terminal_text import escape_controls

# The commands in the order of the work: write a decision, check it, build it, then a whole meeting,
# then an office's own folder. `notice --help` lists them so.
COMMAND_ORDER = ("serve", "new", "import", "validate", "build", "lint", "batch", "pack", "register", "init",
                 "templates", "next-ref", "schema")

EXAMPLES = """\b
Examples:
  notice new decisions/my-decision.json      # a starter to fill in
  notice validate decisions/my-decision.json
  notice build decisions/my-decision.json -o out
  notice batch decisions/ -o out             # every decision of a meeting
  notice COMMAND --help                      # what a command takes
"""


class NoticeGroup(click.Group):
    """The `notice` group: commands listed in the order of the work, each with its whole first sentence;
    click's own messages (a missing file, a bad option) escape control characters."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = super().list_commands(ctx)
        return [n for n in COMMAND_ORDER if n in names] + [n for n in names if n not in COMMAND_ORDER]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))  # never cut off with "..."
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            error.message = escape_controls(error.message)
            if isinstance(error, click.BadParameter) and isinstance(error.param_hint, str):
                error.param_hint = escape_controls(error.param_hint)
            raise


@click.group(cls=NoticeGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXAMPLES)
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
for command in serve_commands.COMMANDS:
    main.add_command(command)
for command in import_commands.COMMANDS:
    main.add_command(command)
