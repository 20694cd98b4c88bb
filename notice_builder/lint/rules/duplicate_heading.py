"""duplicate-heading (NL001): the same heading twice in one document.

Headings compare by `outline.heading_key`: case, numbering, "&"/"and", dashes, trailing colons and
plurals aside. Documents of a combined draft are separate: DECISION in the covering report and
DECISION in the notice is not a duplicate. Every place is reported; each finding names one other
place (the first, or for the first the second) and how many more there are, so that the report
grows with the number of headings, not with its square.

Fails:  LEGAL IMPLICATIONS ... LEGAL IMPLICATIONS (in one notice)
Passes: FINANCIAL IMPLICATIONS ... LEGAL IMPLICATIONS

Options: `siblings_only` (false): only compare headings under the same parent heading, for
drafts that repeat sub-headings such as "Background" under each section.
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.model.outline import heading_key


def check(context: RuleContext):
    for document in context.outline.documents:
        seen: dict[tuple[str, str], list] = {}
        parents: list[tuple[int, str]] = []
        for block in document.headings:
            heading = block.heading
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            parent = parents[-1][1] if parents and context.options["siblings_only"] else ""
            seen.setdefault((parent, heading_key(heading.text)), []).append(block)
            parents.append((heading.level, heading_key(heading.text)))
        for blocks in seen.values():
            if len(blocks) < 2 or not heading_key(blocks[0].heading.text):
                continue
            more = len(blocks) - 2  # each finding names one other place and counts the rest
            also = f" and {more} other place{'s' if more > 1 else ''}" if more else ""
            first, second = context.place(blocks[0].location), context.place(blocks[1].location)
            for block in blocks:
                other = second if block is blocks[0] else first
                yield context.finding(
                    block.location,
                    f"duplicate heading {quote(block.heading.text)} (also at {other}{also})",
                    "merge the two sections, or delete the one left over from an earlier draft",
                )


RULE = Rule(
    code="NL001",
    slug="duplicate-heading",
    description="The same heading appears twice in one document",
    severity=Severity.ERROR,
    check=check,
    options={"siblings_only": False},
    tags=("headings",),
    doc=__doc__,
)
