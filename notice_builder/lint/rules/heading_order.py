"""heading-order (NL003): the profile's required headings appear out of the profile's order.

Each heading that matches one of the profile's headings gets that heading's position; the
longest run in the right order is kept and every other matched heading is reported, so one
misplaced section gives one finding. Repeats and unmatched (author's own) headings are ignored.

Fails:  LEGAL IMPLICATIONS before FINANCIAL IMPLICATIONS in the notice
Passes: FINANCIAL, LEGAL, EQUALITY IMPLICATIONS in that order
"""

from __future__ import annotations

from notice_builder.findings import Severity
from notice_builder.lint.registry import Rule, RuleContext, quote
from notice_builder.outline import heading_key, heading_matches


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
        wanted = [(i, heading_key(h.text), h.text) for i, h in enumerate(spec.headings) if not h.is_wildcard]
        found, seen = [], set()
        for block in document.headings:
            key = heading_key(block.heading.text)
            match = next(((i, text) for i, w, text in wanted if heading_matches(key, w)), None)
            if match and match[0] not in seen:
                seen.add(match[0])
                found.append((match[0], match[1], block))
        keep = _longest_ordered([i for i, _, _ in found])
        for n, (position, _, block) in enumerate(found):
            if n in keep:
                continue
            after = next((text for i, text, _ in found[n + 1 :] if i < position), None)
            before = next((text for i, text, _ in reversed(found[:n]) if i > position), None)
            where = f"before {quote(after)}" if after else f"after {quote(before)}" if before else "elsewhere"
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
