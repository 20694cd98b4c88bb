"""Which profile a Word draft is written in: decided as `notice lint` decides it (lint/profile_fit.py).

Every built-in profile, and the folder's own profile file if it has one, is scored by the share of
one document's required headings and fields the draft carries, matched by meaning (their aliases too).
A draft that fits none well is read with the folder's profile, else the default, and the output says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_builder.lint.profile_fit import builtin_fits, choose_fit, profile_fit
from notice_builder.model.outline import PROFILE_PARTIAL, Outline
from notice_builder.model.profile import Profile


@dataclass(frozen=True)
class ProfileChoice:
    """The profile chosen and why, in words for the command's output."""

    profile: Profile
    reason: str


def choose_profile(outline: Outline, first: Profile) -> ProfileChoice:
    """The profile the draft fits, as lint decides it; `first` (the folder's or the default) if none fits."""
    fits = builtin_fits(outline)
    if first.path is not None:  # the folder's own profile file competes with the built-ins
        fits = sorted([profile_fit(outline, first), *fits],
                      key=lambda fit: (-fit.score, -len(fit.found), fit.profile.name))
    fit, how = choose_fit(fits)
    if fit is None:
        return ProfileChoice(first, f"profile {first.name}: the draft fits none of the profiles well "
                                    "(--profile to choose)")
    partly = " (partly: another office's form of that kind)" if how == PROFILE_PARTIAL else ""
    return ProfileChoice(fit.profile, f"profile {fit.profile.name}: the draft has {fit.describe()}{partly}; "
                                      "--profile to choose")
