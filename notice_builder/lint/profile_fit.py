"""Which built-in profile a Word draft fits: a hint when it was linted against the wrong one.

A council's record of decision linted against the PCC profile gets a page of missing-heading errors
that are right for that profile and of no use to its author. When a built-in profile has most of one
of its documents' required headings in the draft, clearly more than any document of the chosen
profile, lint adds one info finding that names it. The headings are those read for the chosen
profile, so the check costs no second reading of the file.
"""

from __future__ import annotations

from notice_builder.model.findings import Finding, Location, Severity
from notice_builder.model.outline import Outline, heading_key, heading_matches
from notice_builder.model.profile import Profile
from notice_builder.profiles import builtin_profile_names, load_profile

GOOD_FIT = 0.6  # a profile is suggested only if the draft has at least this share of its headings
MARGIN = 0.25  # ... and this much more than of the chosen profile's


def heading_fit(outline: Outline, profile: Profile) -> tuple[float, str]:
    """The largest share of one document's required headings found in the draft, and that document's
    title (0.0 and "" if the profile requires no headings)."""
    keys = [heading_key(block.heading.text) for document in outline.documents for block in document.headings]
    best = (0.0, "")
    for spec in profile.documents.values():
        wanted = [heading_key(h.text) for h in spec.required_headings]
        if wanted:
            found = sum(any(heading_matches(key, w) for key in keys) for w in wanted)
            best = max(best, (found / len(wanted), spec.title), key=lambda fit: fit[0])
    return best


def profile_suggestion(outline: Outline, chosen: Profile) -> Finding | None:
    """An info finding naming a built-in profile the draft fits much better than `chosen`, if any."""
    fit, _ = heading_fit(outline, chosen)
    candidates = []
    for name in builtin_profile_names():
        if name != chosen.name:
            other = load_profile(name)
            other_fit, title = heading_fit(outline, other)
            if other_fit >= GOOD_FIT and other_fit >= fit + MARGIN:
                candidates.append((other_fit, name, title))
    if not candidates:
        return None
    other_fit, name, title = max(candidates)
    return Finding(
        code="profile-suggestion",
        message=f"this draft has {other_fit:.0%} of the required headings of a {title} (profile "
        f"{name}), and at most {fit:.0%} of any document's in the {chosen.name} profile it was linted with",
        path=outline.path,
        location=Location(paragraph=1),
        severity=Severity.INFO,
        hint=f"lint it with --profile {name}, or set profile = \"{name}\" under [tool.notice-builder] in "
        "the pyproject.toml of its folder",
    )
