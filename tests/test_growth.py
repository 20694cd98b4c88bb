"""Cost grows linearly with the input: the cost per paragraph at 10^4 paragraphs is at most 3 times that
at 10^3, for linting a draft, linting a decision and building one.

Measured as a ratio in one process, never as an absolute time, each the best of a few runs, so a
slow or busy machine slows both sizes alike. A quadratic step gives a ratio near 10. Inputs are
generated (bench/scaling_inputs.py) in the shapes that once grew quadratically: identical headings
(duplicate findings), "Annex B" lines opening pages and document markers (splitting a combined draft),
a new term written two ways in each paragraph (inconsistent-term's hyphenation and '&' checks),
and bodies of short bold runs and links (the renderer's body and hyperlink ids).
`bench/scaling.py` measures the same up to 10^5, with peak memory.
"""

from __future__ import annotations

import gc
import json
import sys
import time

import pytest
from conftest import REPO

from notice_builder.lint import lint_docx
from notice_builder.load import parse_decision_text
from notice_builder.pipeline import run_decision
from notice_builder.profiles import load_profile

sys.path.insert(0, str(REPO / "bench"))
from scaling_inputs import decision_data, make_draft

SMALL, LARGE = 1_000, 10_000
MAX_RATIO = 3.0


def _best(action, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(make_action) -> float:
    """Cost per paragraph at LARGE over cost per paragraph at SMALL."""
    small = _best(make_action(SMALL), 3) / SMALL
    large = _best(make_action(LARGE), 2) / LARGE
    return large / small


@pytest.mark.parametrize("kind", ["same", "annex", "markers", "terms"])
def test_linting_a_draft_grows_linearly(tmp_path, kind):
    profile = load_profile("wmpcc")

    def action(n):
        draft = make_draft(tmp_path / f"{kind}-{n}.docx", kind, n)
        return lambda: lint_docx(draft, profile)

    assert _ratio(action) <= MAX_RATIO


def test_linting_a_decision_grows_linearly():
    def action(n):
        text = json.dumps(decision_data("grouped", n))
        return lambda: run_decision(parse_decision_text(text), render=False, keep_going=True)

    assert _ratio(action) <= MAX_RATIO


def test_building_a_decision_grows_linearly():
    def action(n):
        source = parse_decision_text(json.dumps(decision_data("runs", n)))
        return lambda: run_decision(source, lint=False).raise_errors()

    assert _ratio(action) <= MAX_RATIO
