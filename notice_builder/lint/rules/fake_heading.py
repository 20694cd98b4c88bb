"""fake-heading (NL011): text made to look like a heading instead of using a Heading style.

Screen readers, Word's navigation pane and the PDF's bookmarks only see real headings, so this is
an accessibility finding (WCAG 2.2 1.3.1). What looks like a heading is decided once, in
`outline.fake_heading_level`: a short paragraph (at most 15 words) that does not end like a
sentence and is typed in capitals (two words, or one of six letters or more: not an acronym
line), or is wholly bold (Title Case, numbered "3. Financial implications", or ending with a
colon), or reads exactly as one of the profile's headings. Seen with its neighbours
(`load/outline_inference.py`), a bold bullet, a field label with its value under it or beside the
next label, a lead-in to a list and an instruction to the reader are not headings. In a decision
file the same applies to a Markdown paragraph, which should be a Markdown heading instead.

Fails:  a Normal paragraph "FINANCIAL IMPLICATIONS"; a bold "Project Costs:"
Passes: the same text in Heading 1 / Heading 2; "OJEU" alone; a bold sentence ending in a full stop
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity


def check(context: RuleContext):
    in_word = context.outline.source == "docx"
    for _, block in context.outline.blocks():
        if block.heading is None or block.heading.styled:
            continue
        if in_word:
            hint = (
                f"apply the Heading {block.heading.level} style (Home > Styles) instead of typing it "
                "in capitals or bold, so that screen readers and the navigation pane find it"
            )
        else:
            hint = f"write it as a Markdown heading: {'#' * (block.heading.level + 1)} {block.heading.text}"
        yield context.finding(
            block.location, f"{quote(block.heading.text)} looks like a heading but is ordinary text", hint
        )


RULE = Rule(
    code="NL011",
    slug="fake-heading",
    description="Text typed to look like a heading has no Heading style",
    severity=Severity.WARNING,
    check=check,
    tags=("headings", "accessibility"),
    doc=__doc__,
)
