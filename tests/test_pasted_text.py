"""Text pasted from Word into a body comes out as the officer meant it, and lint names what is unclear.

A pasted bullet line ("•<tab>Repair") is a list item, a lone line break is a Word line break in the same
paragraph; the ambiguous cases are `pasted-text` findings at the field's JSON pointer, naming the line.
"""

from __future__ import annotations

import pytest
from conftest import SHORT_EXAMPLE, example_data, open_docx, source_of

from notice_builder.docx.namespaces import qn
from notice_builder.lint import lint_decision
from notice_builder.lint.registry import all_rules
from notice_builder.markdown import parse_markdown
from notice_builder.pipeline import render_documents
from notice_builder.profiles import load_profile

PASTED = "I approve:\n•\tRepair the roof\n•\tReplace the boiler\nThe work starts in May.\nIt ends in June."


def notice_paragraphs(decision: str):
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["decision"] = decision
    document = open_docx(render_documents(source_of(data))["notice"])
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "DECISION") + 1
    return paragraphs[start:]


def is_list_item(paragraph) -> bool:
    return paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None


def test_pasted_bullets_become_list_items_and_a_line_break_stays_a_line_break():
    intro, first, second, after = notice_paragraphs(PASTED)[:4]
    assert intro.text == "I approve:" and not is_list_item(intro)
    assert [first.text, second.text] == ["Repair the roof", "Replace the boiler"]
    assert is_list_item(first) and is_list_item(second)
    assert first.style.name == second.style.name and "Bullet" in first.style.name.replace(" ", "")
    assert "•" not in first.text and "\t" not in first.text
    # the line after the pasted items is a paragraph of its own, its two lines kept apart by a w:br
    assert not is_list_item(after)
    assert after.text == "The work starts in May.\nIt ends in June."
    assert len(after._p.findall(f".//{qn('w:br')}")) == 1


@pytest.mark.parametrize("bullet", ["•", "◦", "▪", "·", "–", "—", "o"])
def test_each_bullet_word_pastes_is_a_list_item(bullet):
    text = f"Options:\n{bullet}\tRepair\n{bullet}\tReplace"
    tokens = parse_markdown(text)
    assert [t.content for t in tokens if t.type == "inline"] == ["Options:", "Repair", "Replace"]
    assert sum(t.type == "list_item_open" for t in tokens) == 2


def test_a_lone_line_break_in_ordinary_text_is_a_word_line_break():
    [paragraph] = notice_paragraphs("First line\nSecond line\n\nNext paragraph")[:1]
    assert paragraph.text == "First line\nSecond line"
    assert paragraph._p.find(f".//{qn('w:br')}") is not None


def test_ordinary_markdown_keeps_its_meaning():
    text = (
        "## Costs\n\nIntro\n\n- one\n- two\n  - nested\n\n1. a\n2. b\n\n"
        "| Gate | Date |\n|---|---|\n| 0 | July |\n\n- item\n  continued"
    )
    tokens = parse_markdown(text)
    kinds = [t.type for t in tokens if t.nesting == 1]
    assert kinds.count("bullet_list_open") == 3 and kinds.count("ordered_list_open") == 1
    assert "table_open" in kinds and kinds[0] == "heading_open"
    last = [t for t in tokens if t.type == "inline"][-1]
    assert last.content == "item\ncontinued" and [c.type for c in last.children][1] == "hardbreak"
    assert "\n".join(t.content for t in tokens if t.type == "inline").count("•") == 0


def pasted_findings(decision: str):
    data = example_data(SHORT_EXAMPLE)
    data["notice"]["decision"] = decision
    return [f for f in lint_decision(source_of(data), load_profile()) if f.code == "pasted-text"]


@pytest.mark.parametrize(
    ("decision", "line", "words"),
    [
        ("I approve:\no dear, the roof", 2, '"o dear, the roof"'),  # "o " among no other bullets
        ("Options:\n•\tRepair\no\tReplace", 3, '"•" and "o"'),  # one list, or a list inside a list?
        ("Options:\n1)\tRepair\n2)\tReplace", 2, "typed number"),
        ("Options:\n\n(a) Repair the roof", 3, "typed number"),
        ("I approve:\n\tthe repair of the roof", 2, "tab"),
    ],
)
def test_ambiguous_pasted_text_is_reported_with_the_field_and_the_line(decision, line, words):
    findings = pasted_findings(decision)
    assert findings, decision
    finding = findings[0]
    assert finding.location.pointer == "/notice/decision" and finding.location.line > 1
    assert finding.message.startswith(f"line {line} of /notice/decision") and words in finding.message
    assert finding.hint


def test_each_ambiguous_line_is_one_finding():
    findings = pasted_findings("Options:\n1) Repair\n2) Replace\n\n\tindented")
    assert [f.message.split(",")[0] for f in findings] == [
        "line 2 of /notice/decision", "line 3 of /notice/decision", "line 5 of /notice/decision",
    ]


@pytest.mark.parametrize(
    "decision",
    [
        "I approve:\n\n- Repair the roof\n- Replace the boiler\n  - the boiler in the hall",
        "1. Repair\n2. Replace\n\nThe work starts in May.\nIt ends in June.",
        "| Gate | Date |\n|---|---|\n| 0 | July |",
        "•\tRepair the roof\n•\tReplace the boiler",  # pasted, but plain: one list
        "```\n\tcode (a) 1)\no text\n```",  # a code block is left alone
        "The cost (a grant) is £5,000.\nO dear: a capital is a word.",
        "1\\) kept as text",
    ],
)
def test_clean_markdown_and_cleanly_pasted_bullets_are_not_reported(decision):
    assert "pasted-text" in {rule.slug for rule in all_rules()}
    assert pasted_findings(decision) == []
