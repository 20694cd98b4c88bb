"""JSON Schema patterns read as the standard reads them: `$` is the end of the text, not before a newline."""

from __future__ import annotations

import pytest

from notice_builder.pipeline import validate_decision
from notice_builder.validate.patterns import pattern_search
from tests.conftest import FINAL_EXAMPLE, example_data, source_of


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    ("^[A-Z0-9]{1,3}$", "AB", True),
    ("^[A-Z0-9]{1,3}$", "AB\n", False),  # Python's re alone says True
    ("\\.json$", "paper.json\n", False),
    ("a$|b", "b\n", True),  # the other branch still matches
    ("[$]", "cost $", True),  # a $ in a class is a dollar sign
    ("\\$5", "$5", True),  # and so is an escaped one
    ("[]$]$", "$", True),  # a ] first in a class is literal, so the class holds $
    ("[^]$]x$", "ax", True),
    ("\\S", " \n ", False),
])
def test_pattern_search_reads_dollar_as_the_end_of_the_text(pattern, text, matches):
    assert pattern_search(pattern, text) is matches


@pytest.mark.parametrize("reference", ["WMPCC 012/2013\n", "WMPCC 012/2013\n\n"])
def test_a_reference_with_a_trailing_newline_is_not_in_the_expected_form(reference):
    data = example_data(FINAL_EXAMPLE)
    data["reference"] = reference
    findings = validate_decision(source_of(data))
    assert [(f.location.pointer, f.message) for f in findings] == [
        ("/reference", "Enter the reference in the correct format")]


def test_an_annex_label_with_a_trailing_newline_is_refused():
    data = example_data(FINAL_EXAMPLE)
    data["report"]["annexes"] = [{"label": "A\n", "title": "Draft notice"}]
    findings = validate_decision(source_of(data))
    assert [f.location.pointer for f in findings] == ["/report/annexes/0/label"]
