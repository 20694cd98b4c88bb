"""`notice --help` lists the commands in the order of the work, whole, with examples; README says how to
run `notice` after `make demo`; the starter from `notice new` lists its fields in the document's order."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.office.starter import document_order, starter_decision
from notice_builder.profiles import builtin_profile_names, load_profile
from tests.conftest import REPO

WORK_ORDER = ["serve", "new", "import", "validate", "build", "lint", "batch", "pack", "register", "init",
              "templates",
              "next-ref", "schema"]


@pytest.fixture(scope="module")
def help_text() -> str:
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    return result.output


def test_help_lists_the_commands_in_the_order_of_the_work(help_text):
    commands = help_text.split("Commands:\n")[1].split("\n\n")[0]
    names = re.findall(r"^  (\S+)", commands, flags=re.MULTILINE)
    assert names == WORK_ORDER


def test_help_cuts_no_command_s_summary_off_and_gives_examples(help_text):
    commands = help_text.split("Commands:\n")[1]
    assert "..." not in commands and "\u2026" not in commands
    assert "record it so it is never reused." in " ".join(help_text.split())
    examples = help_text.split("Examples:\n")[1]
    assert "  notice new decisions/my-decision.json" in examples
    assert "  notice build decisions/my-decision.json -o out" in examples


def test_readme_says_how_to_run_notice_after_make_demo():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after_demo = readme[readme.index("`make demo` validates the bundled example"):readme.index("## Commands")]
    assert ".venv/bin/notice --help" in after_demo
    assert "source .venv/bin/activate" in after_demo
    demo = (REPO / "Makefile").read_text(encoding="utf-8").split("\ndemo:")[1].split("\n\n")[0]
    assert ".venv/bin/notice" in demo and "source .venv/bin/activate" in demo


def _keys(data: dict, at: str = "") -> list[str]:
    """Every JSON pointer of the starter, in the order its file lists them."""
    pointers = []
    for key, value in data.items():
        pointers.append(f"{at}/{key}")
        if isinstance(value, dict):
            pointers += _keys(value, f"{at}/{key}")
    return pointers


def test_the_wmpcc_starter_lists_its_fields_in_the_order_of_the_documents(tmp_path):
    starter = starter_decision(tmp_path / "new.json", load_profile("wmpcc"))
    assert list(starter) == ["$schema", "profile", "status", "title", "organisation", "decision_maker",
                             "meeting", "report", "notice"]
    assert list(starter["report"]) == ["purpose", "background", "recommendations", "authors"]
    assert list(starter["notice"]) == ["contact_officer", "executive_summary", "decision", "facts_and_advice",
                                       "implications", "background_papers"]
    assert list(starter["notice"]["implications"]) == ["financial", "legal", "equality"]


@pytest.mark.parametrize("profile", builtin_profile_names())
def test_every_starter_s_sections_follow_the_document(run, tmp_path, profile):
    target = tmp_path / "new.json"
    assert run("new", target, "--profile", profile).exit_code == 0
    listed = _keys(json.loads(target.read_text(encoding="utf-8")))
    printed = [p for p in document_order(load_profile(profile), fields=False) if p in listed]
    assert printed, profile
    assert sorted(printed, key=listed.index) == list(dict.fromkeys(printed))
