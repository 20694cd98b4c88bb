"""`notice serve`: the web form for contact officers, on this computer only."""

from __future__ import annotations

from pathlib import Path

import click

from notice_builder.cli.output import echo, reports_failures

# The web parts are imported inside the command, so that `notice --help` loads only click and the cli.


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("."))
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="The port to listen on (default: a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Only 127.0.0.1 or localhost: the form is never opened to the network.")
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open a browser.")
@reports_failures
def serve(folder: Path, port: int, host: str, no_browser: bool) -> None:
    """Open a web form to write, check and download the decisions of FOLDER (default: here).

    It listens on this computer only, and prints one address with a one-time key: open it in your
    browser (it opens by itself unless --no-browser). Stop it with Ctrl-C.
    """
    try:
        from notice_builder.serve.server import serve as run_form
    except ImportError:
        raise click.ClickException(
            "the web form needs its extra packages: pip install 'notice-builder[serve]'") from None

    def ready(url: str) -> None:
        echo(f"The form for {folder.resolve()} is at:\n\n    {url}\n\n"
             "The address works once. Stop with Ctrl-C.")
        if not no_browser:
            import webbrowser

            webbrowser.open(url)

    run_form(folder, port=port, host=host, on_ready=ready)


COMMANDS = [serve]
