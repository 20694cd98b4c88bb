"""Which profile a Word draft fits: its headings and fields, matched by meaning, scored per profile.

A profile document (the PCC's Decision Making Record, a council's Record of Executive Decision)
is known by its required headings and fields, each under any of its wordings (`aliases`). A
draft's score for it is the share of them the draft carries (of their number plus SMOOTHING, so
that a short document is not fitted on one heading): a heading as a heading or a short line of
its own, "3. Reasons for the decision:" or "The reasons are:", or as the label of a line
("Assessment of risk: Low."); a field as a labelled value ("Report author: Liz Thomas"). A
title, a "Title:" field or a marker ("Record of Decision") is no evidence: councils and
commissioners use the same words. Who made the decision is: a draft whose decision maker is named
by a profile's decision-maker title, or its initials ("Decision Maker: PCC"), fits only profiles of
that kind; and a decision made by a committee outside the executive ("Decision Maker: Environment and
Sustainability Committee", not the Cabinet or an executive committee) is not an executive decision,
unless the record calls it a key decision (only executive decisions are key decisions), so it fits no
profile whose decision maker is not a committee.

When `notice lint` is given no profile (no --profile, no project setting), the draft is checked
against the best-scoring built-in profile:
  - a good fit (at least GOOD_FIT of a document's parts): as that office's form, every part due;
  - a partial fit (at least MIN_EVIDENCE parts, one a heading, more than any other profile has):
    as another office's document of that kind, so only the profile's `core` parts are due;
  - otherwise none fits: one info finding says so, and only the checks that need no profile run.
When a profile was given and another built-in fits much better, an info finding names it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from notice_builder.lint.labels import find_any_field, line_index
from notice_builder.model.findings import Finding, Location, Severity
from notice_builder.model.outline import (
    MAX_HEADING_WORDS,
    PROFILE_GIVEN,
    PROFILE_PARTIAL,
    UNKNOWN_KIND,
    Block,
    Outline,
    heading_key,
)
from notice_builder.model.profile import DocumentSpec, Profile
from notice_builder.profiles import builtin_profile_names, load_profile

GOOD_FIT = 0.6  # a draft with this share of a document's parts is that office's form
MIN_EVIDENCE = 2  # a partial fit needs at least this many of the document's parts, more than any other's
SMOOTHING = 2  # added to the parts a document wants, so that one heading of three is not a 33% fit
MARGIN = 0.25  # a given profile is questioned only if another fits this much better
_LABEL = ":"
TITLE = "/title"  # what a decision is called is no evidence of its kind
DECISION_MAKER = "/decision_maker"  # ... but who made it is
_LINKING_WORDS = frozenset({"and", "of", "for", "to", "&"})
_COMMITTEE_WORDS = frozenset({"committee", "sub committee", "subcommittee"})
_EXECUTIVE_WORDS = frozenset({"cabinet", "executive"})
_KEY_DECISION_LABELS = ("Is Key decision?", "Is this a key decision?", "Key decision")


@dataclass(frozen=True)
class ProfileFit:
    """How well a draft fits one profile: its best document, the share of its parts, and which."""

    profile: Profile
    kind: str
    title: str
    score: float
    found: tuple[str, ...]
    wanted: int
    headings: int = 0  # how many of `found` are headings (the rest are fields)
    maker: bool = False  # the draft names its decision maker by this profile's title ("PCC & CC")

    def describe(self) -> str:
        return (f"{len(self.found)} of the {self.wanted} headings and fields of a {self.title} "
                f"(profile {self.profile.name}, {self.score:.0%})")


def _line_keys(blocks: list[Block]) -> tuple[set[str], set[str], set[str]]:
    """What the draft's lines can stand for: their heading keys, every first part of them (a heading
    "Legal implications and risks" stands for "Legal implications"), and the keys of labels."""
    carried: set[str] = set()
    prefixes: set[str] = set()
    labels: set[str] = set()
    for block in blocks:
        text = block.text.strip()
        if not text or len(text) > 200:
            continue
        label, colon, value = text.partition(_LABEL)
        if colon and value.strip() and block.heading is None:
            labels.add(heading_key(label))  # "Assessment of risk: Low." gives "assessment of risk" only
            continue
        if block.heading is None and len(text.split()) > MAX_HEADING_WORDS:
            continue
        key = heading_key(text)
        carried.add(key)
        cut = key.rfind(" ")
        while cut > 0 and key[:cut] not in prefixes:
            key = key[:cut]
            prefixes.add(key)
            cut = key.rfind(" ")
    return carried, prefixes, labels


def _carries(wording: str, keys) -> bool:
    """Whether the draft has a line for `wording`: itself, or (for a wording of two words or more) it
    followed by more words. "Decision papers" is not the "Decision" heading."""
    carried, prefixes, labels = keys
    key = heading_key(wording)
    return bool(key) and (key in carried or key in labels or (" " in key and key in prefixes))


def _document_fit(profile: Profile, spec: DocumentSpec, blocks: list[Block], keys, index) -> ProfileFit:
    found: list[str] = []
    wanted = 0
    for heading in spec.required_headings:
        wanted += 1
        if any(_carries(wording, keys) for wording in heading.wordings):
            found.append(heading.text)
    headings = len(found)
    for field in spec.fields:
        if field.required and field.source != TITLE:
            wanted += 1
            line = find_any_field(blocks, field.wordings, 0, index)
            if line is not None and line.value:
                found.append(field.label)
    score = len(found) / (wanted + SMOOTHING) if wanted else 0.0
    return ProfileFit(profile, spec.kind, spec.title, score, tuple(found), wanted, headings)


@cache
def _maker_labels() -> tuple[str, ...]:
    """Every built-in wording of the decision maker's field ("Decision maker:", "Decision taken by:")."""
    return tuple(dict.fromkeys(
        wording for name in builtin_profile_names() for spec in load_profile(name).documents.values()
        for field in spec.fields if field.source == DECISION_MAKER for wording in field.wordings
    ))


def _names_maker(value: str, title: str) -> bool:
    """Whether a decision maker's name is of the kind `title` names: its words, or their initials
    ("PCC" for "Police and Crime Commissioner")."""
    words = [w for w in heading_key(title).split() if w not in _LINKING_WORDS]
    if not words:
        return False
    given = heading_key(value).split()
    initials = "".join(w[0] for w in words)
    return (len(initials) > 1 and initials in given) or " ".join(words) in " ".join(
        w for w in given if w not in _LINKING_WORDS)


def _is_committee(name: str) -> bool:
    """Whether a decision maker is a committee outside the executive: "Planning Committee", not
    "Cabinet", "Executive Committee" or "Cabinet Committee"."""
    key = heading_key(name).replace("-", " ")
    words = set(key.split())
    committee = any(word in words or f" {word} " in f" {key} " for word in _COMMITTEE_WORDS)
    return committee and not words & _EXECUTIVE_WORDS


@dataclass(frozen=True)
class _Lines:
    """What every profile's fit is judged from, read once per draft."""

    blocks: list[Block]
    keys: tuple[set[str], set[str], set[str]]
    index: dict[str, list[int]]
    maker: str  # the decision maker's name, if a field gives it
    key_decision: bool  # the record says it is a key decision ("Is Key decision?: Yes")

    @classmethod
    def of(cls, outline: Outline) -> _Lines:
        blocks = [block for document in outline.documents for block in document.blocks]
        index = line_index(blocks)
        line = find_any_field(blocks, _maker_labels(), 0, index)
        key = find_any_field(blocks, _KEY_DECISION_LABELS, 0, index)
        key_decision = key is not None and heading_key(key.value).startswith("yes")
        return cls(blocks, _line_keys(blocks), index, line.value if line is not None else "", key_decision)


def profile_fit(outline: Outline, profile: Profile, lines: _Lines | None = None) -> ProfileFit:
    """How well the draft fits `profile`: the best of its documents."""
    lines = lines or _Lines.of(outline)
    fits = [_document_fit(profile, spec, lines.blocks, lines.keys, lines.index)
            for spec in profile.documents.values()]
    best = max(fits, key=lambda fit: (fit.score, len(fit.found)))
    if lines.maker and _names_maker(lines.maker, profile.decision_maker_title):
        best = replace(best, maker=True)
    elif (lines.maker and _is_committee(lines.maker) and not lines.key_decision
          and not _is_committee(profile.decision_maker_title)):
        best = replace(best, score=0.0, found=(), headings=0)  # a committee's decision is of another kind
    return best


def heading_fit(outline: Outline, profile: Profile) -> tuple[float, str]:
    """The share of the best-fitting document's required headings and fields, and its title."""
    fit = profile_fit(outline, profile)
    return fit.score, fit.title


def builtin_fits(outline: Outline) -> list[ProfileFit]:
    """The draft's fit to every built-in profile, best first."""
    lines = _Lines.of(outline)
    fits = [profile_fit(outline, load_profile(name), lines) for name in builtin_profile_names()]
    return sorted(fits, key=lambda fit: (-fit.score, -len(fit.found), fit.profile.name))


def choose_fit(fits: list[ProfileFit]) -> tuple[ProfileFit | None, str]:
    """The profile a draft is checked against, and how (given or partial); None if none fits."""
    if not fits:
        return None, PROFILE_GIVEN
    if fits[0].score >= GOOD_FIT:
        return fits[0], PROFILE_GIVEN
    if any(fit.maker for fit in fits):  # the draft says whose it is: only profiles of that kind fit
        fits = [fit for fit in fits if fit.maker]
    best, *others = sorted(fits, key=lambda fit: -len(fit.found))
    unique = not others or len(best.found) > len(others[0].found)
    if len(best.found) >= MIN_EVIDENCE and best.headings and unique:
        return best, PROFILE_PARTIAL
    return None, PROFILE_GIVEN


def fitted_outline(outline: Outline, fit: ProfileFit | None, how: str) -> Outline:
    """The outline as checked: against the fitting document's kind, or of unknown kind if none fits."""
    if fit is None:
        documents = [replace(document, kind=UNKNOWN_KIND) for document in outline.documents]
    elif outline.documents and all(document.kind == UNKNOWN_KIND for document in outline.documents):
        # Its title named no document of the profile: the first document is the one that fits.
        documents = [replace(outline.documents[0], kind=fit.kind), *outline.documents[1:]]
    else:
        documents = outline.documents
    return replace(outline, documents=documents, profile_fit=how)


def fit_finding(outline: Outline, fits: list[ProfileFit], fit: ProfileFit | None, how: str) -> Finding | None:
    """One info finding saying what the draft was checked as, when that is not plainly its own form."""
    if fit is not None and how == PROFILE_GIVEN:
        return None
    if fit is None:
        best = f"; the closest is {fits[0].describe()}" if fits and fits[0].found else ""
        message = (f"this draft fits none of the built-in profiles well{best}; only the checks that need "
                   "no profile were run (no missing headings or fields)")
        hint = ("lint it with --profile NAME to check it against one, or add the wordings your office uses "
                "to a profile's aliases (see README, \"Which profile a draft fits\")")
    else:
        message = (f"checked as another office's {fit.title}: it has {fit.describe()}; only the headings "
                   "and fields every such document needs are required")
        hint = f"lint it with --profile {fit.profile.name} to require all of its headings and fields"
    return Finding(code="profile-fit", message=message, path=outline.path, location=Location(paragraph=1),
                   severity=Severity.INFO, hint=hint)


def profile_suggestion(outline: Outline, chosen: Profile) -> Finding | None:
    """An info finding naming a built-in profile the draft fits much better than `chosen`, if any."""
    fit = profile_fit(outline, chosen)
    candidates = [
        other for other in builtin_fits(outline)
        if other.profile.name != chosen.name and other.score >= GOOD_FIT and other.score >= fit.score + MARGIN
    ]
    if not candidates:
        return None
    other = candidates[0]
    return Finding(
        code="profile-suggestion",
        message=f"this draft has {other.score:.0%} of the required headings and fields of a {other.title} "
        f"(profile {other.profile.name}), and at most {fit.score:.0%} of any document's in the "
        f"{chosen.name} profile it was linted with",
        path=outline.path,
        location=Location(paragraph=1),
        severity=Severity.INFO,
        hint=f"lint it with --profile {other.profile.name}, or set profile = \"{other.profile.name}\" under "
        "[tool.notice-builder] in the pyproject.toml of its folder",
    )

