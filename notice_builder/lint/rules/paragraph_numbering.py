"""paragraph-numbering (NL007): numbered paragraphs that skip or repeat a number.

Numbers come from the text typed at the start of a paragraph ("4.", "4)", "5.1") and from Word's
automatic numbering (w:numPr, replayed by the reader to the number Word shows); both run in one
sequence per document, because drafts mix them. After number n the next may be n+1, a first
sub-number (n.1), the next number at any higher level, or 1 (a new list). After a list nested in a
paragraph ("2.2 The tenders scored:", "1. Roofline", "2. Apex"), the paragraphs' numbering resumes
("2.3"). Anything else is a gap, a repeat, or out of order. Table cells are skipped; a bare "3 "
without a dot is not counted.

Fails:  1. 2. 4.   or   1. 2. 2.
Passes: 1. 2. 2.1 2.2 3.   and   1. 2. 3. (then a new list) 1. 2.   and   2.2 (list 1. 2.) 2.3
"""

from __future__ import annotations

import re

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity

_MAX_NESTED = 3  # lists inside lists inside numbered paragraphs, at most
_TYPED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)(\.|\))?\s+(?=[^\W\d_]|[\"'‘“(\[])")


def typed_number(text: str) -> tuple[int, ...] | None:
    """The number typed at the start of a paragraph, e.g. "5.1 Scope" -> (5, 1)."""
    match = _TYPED.match(text)
    if not match:
        return None
    parts = tuple(int(p) for p in match.group(1).split("."))
    if len(parts) == 1 and not match.group(2):
        return None  # "3 - Change jointly-led": a bare number is not paragraph numbering
    if len(parts) > 1 and text[match.end()].islower():
        return None  # "2.5 million people": a decimal, not a paragraph number
    return parts


def _expected(previous: tuple[int, ...]) -> set[tuple[int, ...]]:
    nexts = {(*previous[: k - 1], previous[k - 1] + 1) for k in range(1, len(previous) + 1)}
    return nexts | {(*previous, 1)}


def _resumes(outer: list[tuple[int, ...]], number: tuple[int, ...]) -> int | None:
    """The innermost enclosing numbering that `number` continues, as an index into `outer`."""
    return next((n for n in reversed(range(len(outer))) if number in _expected(outer[n])), None)


def _show(number: tuple[int, ...]) -> str:
    return ".".join(map(str, number))


def check(context: RuleContext):
    for document in context.outline.documents:
        previous = None
        outer: list[tuple[int, ...]] = []  # where the numbering was before each list nested in it
        for block in document.blocks:
            if block.table_row is not None:
                continue
            number = block.number or typed_number(block.text)
            if number is None:
                continue
            if previous is not None and number not in _expected(previous) and set(number) == {1}:
                outer = [*outer[-(_MAX_NESTED - 1) :], previous]  # a list starts inside paragraph 2.2
            elif previous is not None and number not in _expected(previous):
                resumed = _resumes(outer, number)
                if resumed is not None:  # 2.3 after the list (1., 2.) that 2.2 introduced
                    del outer[resumed:]
                    previous = number
                    continue
                if number == previous:
                    problem = f"number {_show(number)} is used twice in a row"
                elif number > previous:
                    problem = f"numbering jumps from {_show(previous)} to {_show(number)}"
                else:
                    problem = f"number {_show(number)} comes after {_show(previous)}"
                yield context.finding(
                    block.location,
                    f"{problem}: {quote(block.text, 50)}",
                    "renumber the paragraphs, or use Word's automatic numbering",
                )
            previous = number


RULE = Rule(
    code="NL007",
    slug="paragraph-numbering",
    description="Numbered paragraphs skip or repeat a number",
    severity=Severity.WARNING,
    check=check,
    tags=("structure",),
    doc=__doc__,
)
