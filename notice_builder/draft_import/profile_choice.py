"""Which profile a Word draft is written in: the one whose headings and field labels it has most of.

The draft is read once, with the profile it would be read with anyway (its folder's, else the
default); each candidate (every built-in, and the folder's own profile) is scored on those paragraphs:
the share of one document's required headings the draft has (their wordings and aliases compared by
meaning), plus a little for each of the profile's field labels it has. Ties go to the folder's profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_builder.draft_import.values import split_known_label
from notice_builder.model.outline import Outline, heading_key, label_key, matching_heading
from notice_builder.model.profile import Profile
from notice_builder.profiles import builtin_profile_names, load_profile

LABEL_WEIGHT = 0.02  # a field label found counts far less than a document's headings


@dataclass(frozen=True)
class ProfileChoice:
    """The profile chosen and why, in words for the command's output."""

    profile: Profile
    reason: str


def fit(outline: Outline, profile: Profile) -> tuple[float, int, int]:
    """(score, headings found, headings wanted) of the best-fitting document of `profile`."""
    keys = [heading_key(" ".join(b.text.split())) for _, b in outline.blocks()
            if b.heading is not None or (b.text.strip() and len(b.text.split()) <= 15)]
    labels = {}
    for document in profile.documents.values():
        for spec in document.fields:
            for wording in spec.wordings:
                labels[label_key(wording)] = spec.source
    found_labels = sum(
        split_known_label(text if ":" in text else text + ": -", labels) is not None
        for _, b in outline.blocks() if (text := b.text.strip()) and (":" in text or b.table_row is not None))
    best = (0.0, 0, 0)
    for document in profile.documents.values():
        wanted = list(document.required_headings)
        if not wanted:
            continue
        table = {heading_key(w): n for n, h in enumerate(wanted) for w in h.wordings}
        found = {matching_heading(key, table) for key in keys} - {None}
        best = max(best, (len(found) / len(wanted), len(found), len(wanted)))
    return best[0] + LABEL_WEIGHT * found_labels, best[1], best[2]


def choose_profile(outline: Outline, first: Profile) -> ProfileChoice:
    """The candidate the draft fits best, `first` (the folder's or the default) on a tie."""
    candidates = [first] + [load_profile(n) for n in builtin_profile_names() if n != first.name or first.path]
    scored = [(fit(outline, p), n, p) for n, p in enumerate(candidates)]
    (_, found, wanted), _, best = max(scored, key=lambda s: (s[0][0], -s[1]))
    return ProfileChoice(best, f"profile {best.name}: the draft has {found} of its {wanted} required "
                               f"headings (the best fit of {len(candidates)} profiles; --profile to choose)")
