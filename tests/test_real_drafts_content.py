"""The content rules (placeholder, contact-details, duplicate-heading) on real decision documents of other
public bodies, judged against the defects a careful reader lists in DEFECTS.json.

A finding matches a defect when it has the same rule and the same body paragraph (tests/real_drafts.py).
Target: precision at least 85% and recall at least 80% for each rule.
"""

from __future__ import annotations

import pytest
from real_drafts import SKIP_REASON, defect_lists, real_drafts_folder, score

from notice_builder.lint import lint_docx
from notice_builder.profiles import load_profile

RULES = ("placeholder", "contact-details", "duplicate-heading")
FOLDER = real_drafts_folder()
pytestmark = pytest.mark.skipif(FOLDER is None, reason=SKIP_REASON)


@pytest.fixture(scope="module")
def linted():
    entries = defect_lists(FOLDER)
    return entries, {e["file"]: lint_docx(FOLDER / e["file"], load_profile(e["profile"])) for e in entries}


@pytest.mark.parametrize("rule", RULES)
def test_each_content_rule_meets_its_precision_and_recall_targets(linted, rule):
    entries, findings = linted
    result = score(entries, findings, RULES)[rule]
    found = f"{result.matched_findings} of {result.found}"
    assert result.precision >= 0.85, f"{rule}: {found} findings are defects"
    assert result.recall >= 0.80, f"{rule}: {result.matched_defects} of {result.defects} defects found"


def test_what_a_careful_reader_says_is_not_a_defect_is_not_reported(linted):
    entries, findings = linted
    reported = []
    for entry in entries:
        places = {(f.code, f.location.paragraph) for f in findings[entry["file"]]}
        reported += [(entry["file"], d["rule"], d["paragraph"], d["text"]) for d in entry["not_defects"]
                     if d["rule"] in RULES and "scope" not in d and (d["rule"], d["paragraph"]) in places]
    assert reported == []


def test_the_scores_count_what_they_say(linted):
    entries, findings = linted
    scores = score(entries, findings, RULES)
    listed = sum(1 for e in entries for d in e["defects"] if d["rule"] == "placeholder")
    assert scores["placeholder"].defects == listed > 0
    assert score(entries, {e["file"]: [] for e in entries}, RULES)["placeholder"].recall == 0
