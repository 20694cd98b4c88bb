"""A command imports only what it uses: `notice --help` loads click and the cli, not the library."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("docxtpl", "lxml", "jsonschema", "docx", "notice_builder.render", "starlette", "uvicorn", "jinja2")
PROBE = """
import sys
import notice_builder.cli
from click.testing import CliRunner
result = CliRunner().invoke(notice_builder.cli.main, sys.argv[1:])
assert result.exit_code == 0, result.output
print(" ".join(name for name in {heavy!r} if name in sys.modules))
"""


def loaded_after(*args: str) -> list[str]:
    output = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
                            check=True, capture_output=True, text=True).stdout
    return output.split()


def test_help_loads_none_of_the_library():
    assert loaded_after("--help") == []


def test_a_command_s_help_loads_none_of_the_library():
    for command in (["lint"], ["build"], ["batch"], ["register"], ["templates", "check"], ["next-ref"],
                    ["serve"]):
        assert loaded_after(*command, "--help") == [], command
