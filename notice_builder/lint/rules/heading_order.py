"""heading-order (NL003): the profile's required headings appear out of the profile's order.

Each heading that matches one of the profile's headings gets that heading's position; the
longest run in the right order is kept and every other matched heading is reported, so one
misplaced section gives one finding. Repeats and unmatched (author's own) headings are ignored.
A heading stands for the most specific profile heading it matches (see missing-heading), and
sub-sections (`level` 2) take their place in the same order, after their grouping heading,
whatever level the draft gives them; optional headings are ordered too when present.

Fails:  LEGAL IMPLICATIONS before FINANCIAL IMPLICATIONS in the notice
Passes: FINANCIAL, LEGAL, EQUALITY IMPLICATIONS in that order
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity


def _longest_ordered(positions: list[int]) -> set[int]:
    """Indexes (into `positions`) of one longest strictly increasing subsequence."""
    best: list[list[int]] = []
    for i, value in enumerate(positions):
        chains = [c for c in best if positions[c[-1]] < value]
        best.append([*max(chains, key=len, default=[]), i])
    return set(max(best, key=len, default=[]))


def check(context: RuleContext):
    for document in context.outline.documents:
        spec = context.spec(document)
        if spec is None:
            continue
        position_of = {h.id: i for i, h in enumerate(spec.headings)}
        found, seen = [], set()
        for block, heading in context.profile_headings(document):
            if heading.id not in seen:
                seen.add(heading.id)
                found.append((position_of[heading.id], heading.text, block))
        keep = _longest_ordered([i for i, _, _ in found])
        for n, (position, _, block) in enumerate(found):
            if n in keep:
                continue
            # A heading that comes later in the draft but earlier in the form: this one belongs after it.
            after = next((text for i, text, _ in found[n + 1 :] if i < position), None)
            before = next((text for i, text, _ in reversed(found[:n]) if i > position), None)
            where = f"after {quote(after)}" if after else f"before {quote(before)}" if before else "elsewhere"
            yield context.finding(
                block.location,
                f"heading {quote(block.heading.text)} is out of order; the {spec.title} puts it {where}",
                "move the section to its place in the form",
            )


RULE = Rule(
    code="NL003",
    slug="heading-order",
    description="Required headings are not in the profile's order",
    severity=Severity.WARNING,
    check=check,
    tags=("headings", "profile"),
    doc=__doc__,
)
