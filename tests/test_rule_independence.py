"""Rules are independent: switching any rule off never changes what another rule reports.

Checked over the tests' drafts (the reference draft, every foreign draft in its defective version, a
draft with text outside the body) and, where they are present, the real drafts: each draft is read
once, linted with every rule on, then once with each rule off, and every other rule's findings must
be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import story_drafts
from foreign_drafts import DRAFTS, write_draft
from lint_accuracy import NO_REAL_DRAFTS, REAL_DEFECTS, read_defect_list
from lint_drafts import NOTICE, build_draft, replace

from notice_builder.lint.api import lint_outline
from notice_builder.lint.config import LintConfig
from notice_builder.lint.registry import all_rules
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.profiles import load_profile


def _by_rule(findings) -> dict[str, list]:
    found: dict[str, list] = {rule.slug: [] for rule in all_rules()}
    for finding in findings:
        found.setdefault(finding.code, []).append((finding.location, finding.message))
    return found


def _assert_independent(path: Path, profile_name: str) -> None:
    profile = load_profile(profile_name)
    outline = read_docx_outline(path, profile)
    everything = _by_rule(lint_outline(outline, profile))
    assert any(everything.values()), f"{path.name} gives no findings: it checks nothing"
    for rule in all_rules():
        without = _by_rule(lint_outline(outline, profile, LintConfig().without([rule.slug])))
        assert without[rule.slug] == []
        for other, findings in everything.items():
            if other != rule.slug:
                assert without[other] == findings, f"switching {rule.slug} off changed {other} in {path.name}"


def _blank_marking_draft(path: Path) -> Path:
    """A Decision Making Record whose Protective Marking is left as dots, with text outside the body."""
    paragraphs = [
        ("Title", "Decision Making Record"),
        ("", "Decision number: 2024/031"),
        ("", "Protective Marking: ....."),
        ("Heading 1", "Executive Summary"),
        ("", "The contract is extended by six months at a cost of £XX."),
        ("Heading 1", "Executive Summary"),
        ("", "Tel: 909 6500"),
    ]
    return story_drafts.build(path, paragraphs, header=["Ref {{ reference }}"], footnotes={5: "See [name]."})


def test_with_missing_field_off_a_blank_protective_marking_is_still_reported(tmp_path):
    profile = load_profile("pcc-decision-record")
    outline = read_docx_outline(_blank_marking_draft(tmp_path / "d.docx"), profile)
    findings = lint_outline(outline, profile, LintConfig().without(["missing-field"]))
    assert any(f.code == "placeholder" and f.location.paragraph == 3 for f in findings)


@pytest.mark.parametrize("name", ["reference", "notice", "stories", *DRAFTS])
def test_switching_a_rule_off_never_changes_another_rules_findings(tmp_path, name):
    if name == "reference":
        path, profile = build_draft(tmp_path / "reference.docx"), "wmpcc"
    elif name == "notice":
        draft = replace(NOTICE, "I approve the grant.", ("", "I approve the grant of £XX."), ("", "Date:"))
        path, profile = story_drafts.build(tmp_path / "notice.docx", draft, footer=["Tel: 4521"]), "wmpcc"
    elif name == "stories":
        path, profile = _blank_marking_draft(tmp_path / "stories.docx"), "pcc-decision-record"
    else:
        path, profile = write_draft(tmp_path, name, defects=True), DRAFTS[name][1]
    _assert_independent(path, profile)


@pytest.mark.skipif(not REAL_DEFECTS.is_file(), reason=NO_REAL_DRAFTS)
def test_rules_are_independent_on_the_real_drafts():
    for document in read_defect_list(REAL_DEFECTS):
        _assert_independent(document.path, document.profile)
