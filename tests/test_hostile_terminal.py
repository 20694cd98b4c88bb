"""Terminal output never carries a raw control or invisible code point from a key, value or file name.

The odd code points are generated from the Unicode database: every control (C0, DEL, C1), every format
character (bidi overrides, zero-width), the line and paragraph separators, lone surrogates and
unassigned code points. They are put into JSON keys, values and file names, and every line the
commands print is checked.
"""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.model.terminal_text import UNSAFE_CATEGORIES, escape_controls
from tests.conftest import SHORT_EXAMPLE, example_data


def _odd_code_points() -> list[str]:
    found = [chr(p) for p in range(sys.maxunicode + 1)
             if unicodedata.category(chr(p)) in {"Cc", "Cf", "Zl", "Zp"}]
    return [*found, "\ud800", "\udfff", "\U000e0001", "\u0378", "\U0010ffff"]  # surrogates, tag, Cn


ODD = _odd_code_points()
CHUNKS = [ODD[i:i + 12] for i in range(0, len(ODD), 12)]


def _raw(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text
                   if c != "\n" and unicodedata.category(c) in UNSAFE_CATEGORIES})


def test_the_generated_set_covers_every_kind():
    kinds = {unicodedata.category(c) for c in ODD}
    assert kinds == {"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"}
    assert "\x1b" in ODD and "\x9b" in ODD and "\u202e" in ODD and "\u2028" in ODD


@pytest.mark.parametrize("chunk", CHUNKS, ids=[f"U+{ord(c[0]):04X}" for c in CHUNKS])
def test_keys_values_and_file_names_are_escaped_in_every_report(tmp_path, chunk):
    odd = "".join(chunk)
    data = example_data(SHORT_EXAMPLE)
    data[f"key{odd}"] = f"value{odd}"  # unknown field: the key is named
    data["notice"]["contact_officer"]["email"] = f"{odd[:4]}@{odd[4:]}"  # not an email: quoted
    data["status"] = f"draft{odd[:3]}"  # not one of the statuses: quoted
    name = "".join(c for c in odd if c not in "\0/" and unicodedata.category(c) != "Cs")
    path = tmp_path / f"paper{name}.json"
    try:
        path.write_text(json.dumps(data), encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        path = tmp_path / "paper.json"
        path.write_text(json.dumps(data), encoding="utf-8")
    runner = CliRunner()
    for args in (["validate", path], ["build", path, "-o", tmp_path / "out"], ["lint", path],
                 ["lint", "--format", "json", path], ["lint", "--format", "sarif", path],
                 ["validate", tmp_path / f"missing{name}.json"]):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code in (1, 2), result.output
        assert _raw(result.stdout) == [] and _raw(result.stderr) == [], args
        if "--format" in args:
            json.loads(result.stdout)  # still JSON, with the code points as \u escapes
    assert "\\x" in result.stderr or "\\u" in result.stderr or "\\U" in result.stderr


def test_escaping_keeps_ordinary_text_and_escapes_each_odd_code_point():
    ordinary = "Décision £5,000 – naïve “quotes” 日本 \u00a0"
    assert escape_controls(ordinary) == ordinary
    assert escape_controls("a\x1b[31mb\x9b\u202e\n") == "a\\x1b[31mb\\x9b\\u202e\\x0a"
    for character in ODD:
        assert _raw(escape_controls(character)) == []
