"""The content rules (placeholder, contact-details, duplicate-heading) on real decision documents of other
public bodies, judged against the defects a careful reader lists in DEFECTS.json.

Scored by the accuracy harness (tests/lint_accuracy.py), each draft linted with the profile its list
names, as `notice lint --profile` would. Target: precision at least 85% and recall at least 80% for each rule.
"""

from __future__ import annotations

import pytest
from lint_accuracy import (
    NO_REAL_DRAFTS,
    PRECISION_TARGET,
    REAL_DEFECTS,
    RECALL_TARGET,
    read_defect_list,
    score,
)

RULES = ("placeholder", "contact-details", "duplicate-heading")
pytestmark = pytest.mark.skipif(not REAL_DEFECTS.is_file(), reason=NO_REAL_DRAFTS)


@pytest.fixture(scope="module")
def documents():
    return read_defect_list(REAL_DEFECTS)


@pytest.fixture(scope="module")
def accuracy(documents):
    return score(documents, forced_profile=True)


@pytest.mark.parametrize("rule", RULES)
def test_each_content_rule_meets_its_precision_and_recall_targets(accuracy, rule):
    tally = accuracy.tally(rule)
    report = accuracy.table() + "\n" + "\n".join(accuracy.false_positives + accuracy.misses)
    assert tally.precision is None or tally.precision >= PRECISION_TARGET, report
    assert tally.recall is None or tally.recall >= RECALL_TARGET, report


def test_what_a_careful_reader_says_is_not_a_defect_is_not_reported(accuracy):
    known = [line for line in accuracy.false_positives
             if "(known)" in line and any(f" {rule} " in line for rule in RULES)]
    assert known == []


def test_the_scores_count_what_they_say(documents, accuracy):
    listed = sum(1 for d in documents for e in d.entries if e.kind == "defect" and e.rule == "placeholder")
    tally = accuracy.tally("placeholder")
    assert tally.true_positives + tally.misses == listed > 0
