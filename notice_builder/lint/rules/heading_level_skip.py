"""heading-level-skip (NL012): a heading more than one level below the heading before it.

Only headings with a Heading style or outline level are checked (typed headings have no real
level). Going back up any number of levels is fine; the first heading may be at any level.

Fails:  Heading 1 "FINANCIAL IMPLICATIONS" then Heading 3 "Project Costs"
Passes: Heading 1, Heading 2, Heading 3, then Heading 1
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity


def check(context: RuleContext):
    for document in context.outline.documents:
        previous = None
        for block in document.headings:
            heading = block.heading
            if not heading.styled:
                continue
            if previous is not None and heading.level > previous + 1:
                yield context.finding(
                    block.location,
                    f"heading {quote(heading.text)} is at level {heading.level} straight "
                    f"after level {previous}",
                    f"use Heading {previous + 1}, or add the missing level",
                )
            previous = heading.level


RULE = Rule(
    code="NL012",
    slug="heading-level-skip",
    description="A heading skips a level (Heading 1 to Heading 3)",
    severity=Severity.WARNING,
    check=check,
    tags=("headings", "accessibility"),
    doc=__doc__,
)
