"""missing-heading (NL002): a heading the profile requires for this kind of document is absent.

The profile (`notice_builder/profiles/*.json`) is the one source of truth: the notice needs its
financial, legal and equality implications, the covering report its purpose, background and
recommendations, and so on. Matching is tolerant (`outline.heading_matches`): case, "&"/"and",
numbering ("3. Financial implications"), trailing colons, spaced hyphens ("NON - CONFIDENTIAL"),
plurals, and extra words after the required ones ("Legal implications and risks") all match.
Typed headings count as well as styled ones. Documents of unknown kind are not checked.

Fails:  a notice with no EQUALITY IMPLICATIONS heading
Passes: a notice with "Equality Implications:" typed in bold
"""

from __future__ import annotations

from notice_builder.findings import Severity
from notice_builder.lint.registry import Rule, RuleContext, quote
from notice_builder.outline import heading_key, heading_matches


def check(context: RuleContext):
    for document in context.outline.documents:
        spec = context.spec(document)
        if spec is None:
            continue
        keys = [heading_key(b.heading.text) for b in document.headings]
        for required in spec.required_headings:
            wanted = heading_key(required.text)
            if not any(heading_matches(k, wanted) for k in keys):
                yield context.finding(
                    document.first_location,
                    f"missing heading {quote(required.text)}, required in the {spec.title}",
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
