"""duplicate-heading (NL001): the same heading twice in one document.

Only the same heading is a duplicate: headings compare by their words as written, with case, section
numbering ("3.", "2.1", "(a)"), spacing and a trailing colon aside, and nothing else: "2019 Key
stage 2" is not "2018 Key stage 2" (a leading year is not numbering), nor "Decisions" "Decision:". A
label typed in bold and ending in a colon ("Telephone Number:"), which a form repeats in each of its
contact blocks, is not compared. Documents of a combined draft are separate: DECISION in the
covering report and DECISION in the notice is not a duplicate. Every place is reported; each
finding names one other place (the first, or for the first the second) and how many more there
are, so that the report grows with the number of headings, not with its square.

Fails:  LEGAL IMPLICATIONS ... LEGAL IMPLICATIONS (in one notice); "3. Legal implications:" ... "LEGAL
        IMPLICATIONS"
Passes: FINANCIAL IMPLICATIONS ... LEGAL IMPLICATIONS; "2018 Key stage 2" ... "2019 Key stage 2"

Options: `siblings_only` (false): only compare headings under the same parent heading, for
drafts that repeat sub-headings such as "Background" under each section.
"""

from __future__ import annotations

import re
from functools import lru_cache

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity

# Section numbering before a heading: "3.", "2.1", "2.1.3", "(a)", "a)", "iv.", "12 ". A number of
# four digits or more is not numbering ("2019 Key stage 2").
_NUMBERING = re.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,3})+[.)]?|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]|\d{1,3}(?=\s))\s*",
    re.IGNORECASE,
)
_SPACED_DASH = re.compile(r"[ \t\u00a0]{0,3}([-\u2010-\u2015])[ \t\u00a0]{0,3}")
_TRAILING = " \t\r\n\u00a0:.\uff1a"


@lru_cache(maxsize=4096)
def same_heading_key(text: str) -> str:
    """Two headings are the same if this is: their words, case, numbering, spacing and a final colon aside."""
    text = _NUMBERING.sub("", text.replace("\u2019", "'"), count=1)
    text = _SPACED_DASH.sub(lambda m: "-" if m.group(1) in "-\u2010\u2011" else " - ", text)
    return " ".join(text.rstrip(_TRAILING).casefold().split())


def _compared(block) -> bool:
    """Headings compared for duplicates: not a field label typed in bold with its colon."""
    heading = block.heading
    return heading.styled or not heading.text.rstrip().endswith((":", "\uff1a"))


def check(context: RuleContext):
    for document in context.outline.documents:
        seen: dict[tuple[str, str], list] = {}
        parents: list[tuple[int, str]] = []
        for block in document.headings:
            heading = block.heading
            key = same_heading_key(heading.text)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            parent = parents[-1][1] if parents and context.options["siblings_only"] else ""
            if _compared(block):
                seen.setdefault((parent, key), []).append(block)
            parents.append((heading.level, key))
        for (_, key), blocks in seen.items():
            if len(blocks) < 2 or not any(c.isalnum() for c in key):
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
