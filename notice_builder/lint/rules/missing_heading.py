"""missing-heading (NL002): a heading the profile requires for this kind of document is absent.

The profile (`notice_builder/profiles/*.json`) is the one source of truth: the notice needs its
financial, legal and equality implications, the covering report its purpose, background and
recommendations, and so on. Matching is tolerant (`outline.heading_matches`): case, "&"/"and",
numbering ("3. Financial implications"), trailing colons, spaced hyphens ("NON - CONFIDENTIAL"),
plurals, and extra words after the required ones ("Legal implications and risks") all match.
Typed headings count as well as styled ones, and so does a heading given as the label of a line
or table row ("Reason for Decision: In accordance with ..."); every wording in the profile's
`aliases` counts as the heading. Documents of unknown kind are not checked; a draft that only
partly fits its profile (another office's record, see lint/profile_fit.py) is checked for the
profile's `core` headings only, and such a record may give a section in its text with no heading:
one that uses a phrase of the heading's `said_by` ("because", "in order to" for the reasons) has it.

Each heading stands for one profile heading, the most specific it matches, so "Risks to human
rights" does not stand in for a missing "Risks". Headings marked `required: false` and wildcard
(author-named) sections are not required. A sub-section (`level` 2 or 3, e.g. "Legal" under
"Areas of consideration") is named with the heading it sits under; it counts at whatever level
the draft gives it, and a grouping heading with no `source` of its own is required like any other.

Fails:  a notice with no EQUALITY IMPLICATIONS heading
Passes: a notice with "Equality Implications:" typed in bold
"""

from __future__ import annotations

import re

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity


def _parent(spec, required) -> str | None:
    """The grouping heading a sub-section (level 2 or 3) sits under in the profile, if any."""
    above = reversed(spec.headings[: spec.headings.index(required)])
    return next((h.text for h in above if h.level < required.level and not h.is_wildcard), None)


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the (case-folded) text uses one of the phrases as whole words."""
    return any(re.search(rf"(?<!\w){re.escape(p.casefold())}(?!\w)", text) for p in phrases)


def check(context: RuleContext):
    for document in context.outline.documents:
        spec = context.spec(document)
        if spec is None:
            continue
        present = {heading.id for _, heading in context.profile_headings(document)}
        present |= context.labelled_sections(document)
        text = None
        for required in context.required_headings(spec):
            if required.id in present:
                continue
            if context.core_only and required.said_by:
                text = text if text is not None else " ".join(b.text for b in document.blocks).casefold()
                if _says(text, required.said_by):
                    continue
            parent = _parent(spec, required) if required.level > 1 else None
            under = f" under {quote(parent)}" if parent else ""
            yield context.finding(
                document.first_location,
                f"missing heading {quote(required.text)}{under}, required in the {spec.title}",
                f"add a {quote(required.text)} heading; if there is nothing to say, say so",
            )


RULE = Rule(
    code="NL002",
    slug="missing-heading",
    description="A heading the profile requires for this document is missing",
    severity=Severity.ERROR,
    check=check,
    tags=("headings", "profile"),
    doc=__doc__,
)
