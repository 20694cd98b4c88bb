"""Helpers for the web form's tests: a served folder of decisions, and a client that holds its session."""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx

from notice_builder.profiles.document_order import decision_json_text
from notice_builder.serve.form_model import form_values
from notice_builder.serve.server import RunningForm, serving_in_thread

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.json"))


def office_of_examples(folder: Path) -> Path:
    """A folder holding every bundled example decision."""
    folder.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    return folder


@contextlib.contextmanager
def session(folder: Path) -> Iterator[tuple[RunningForm, httpx.Client]]:
    """The form serving `folder`, and a client that has used the one-time address (so holds the cookie)
    and sends this server's Origin with every request."""
    with serving_in_thread(folder) as running:
        origin = f"http://127.0.0.1:{running.port}"
        with httpx.Client(base_url=origin, headers={"Origin": origin}, timeout=30) as client:
            assert client.get(running.url, follow_redirects=True).status_code == 200
            yield running, client


def entry_index(client: httpx.Client, name: str) -> int:
    """The listing's place of the file `name`."""
    page = client.get("/").text
    match = re.search(r'<a href="/d/(\d+)">[^<]*</a></td>(?:(?!</tr>).)*<code>' + re.escape(name) + "</code>",
                      page, re.S)
    assert match, f"{name} is not listed"
    return int(match.group(1))


def hidden(page: str, name: str) -> str:
    """The value of a hidden input of a page, unescaped."""
    import html

    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)">', page)
    assert match, name
    return html.unescape(match.group(1))


def unchanged_form(page: str, data: dict, profile) -> dict[str, str]:
    """What the browser sends back for a form left as it was: its hidden fields and the shown values."""
    return {"file": hidden(page, "file"), "base": hidden(page, "base"), "state": hidden(page, "state"),
            **form_values(data, profile)}


def canonical(path: Path, data: dict) -> None:
    """Write `data` to `path` as `notice new` writes a decision."""
    path.write_text(decision_json_text(data), encoding="utf-8")
