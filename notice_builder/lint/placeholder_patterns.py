"""The placeholder patterns: what merge tools, templates and drafters leave in text to be filled in.

Each entry is (name, guards, pattern): a pattern is tried only if one of its guard substrings is in
the paragraph, a cheap first look (Python's regular expressions are slow to scan a paragraph).
"""

from __future__ import annotations

import re

# Word fields that a mail merge or the person filling the form replaces: left in, the merge was not done.
MERGE_NAMES = frozenset({"MERGEFIELD", "MACROBUTTON", "FILLIN", "ASK", "MERGEREC", "NEXT", "NEXTIF"})

# Square brackets that are not a blank: editorial marks, redactions, Markdown footnotes.
_EDITORIAL = r"(?:sic|emphasis\s+(?:added|mine|original)|redacted|exempt|withheld|removed|deleted|" \
    r"confidential|not\s+for\s+publication|footnote|see\s+\w+|ibid|ed|note|citation\s+needed|" \
    r"[ivxlc]{1,6}|[a-z])"
# What a template puts in square brackets: one name ("[name]", "[SchoolName]", "[school_name]"), an
# instruction ("[Insert date]", "[Delete as appropriate]") or a sample name in Title Case ("[Swansea
# Civil Court]"). An editor's words in brackets are a clause ("[Call-in does not apply]"): not these.
_TITLE_WORD = r"[A-Z][\w'’.&-]{0,30}"
_BRACKETED = (
    r"[A-Za-z][\w'’.-]{0,40}"
    r"|(?i:insert|enter|add|delete|select|choose|include|specify|type|state|give|name\s+of|date\s+of|"
    r"details\s+of|title\s+of|amount\s+of|number\s+of)\b[^\[\]\n]{0,60}"
    r"|" + _TITLE_WORD + r"(?: {1,2}(?:(?:of|the|and|for|in|on|at|to|upon|de) {1,2}){0,3}"
    + _TITLE_WORD + r"){1,5}"
)
_BRACKETED_NAME = re.compile(
    r"\[(?! {0,3}(?i:" + _EDITORIAL + r") {0,3}\]) {0,3}(?:" + _BRACKETED + r") {0,3}\](?![(\[:])"
)
# "Lead Member for/Director of": two roles, each ending in "for" or "of", with the name after left out.
_ROLE = r"[A-Z][\w'-]{0,30}(?: {1,2}[\w'-]{1,30}){0,3} {1,2}(?:for|of)"
_ROLE_CHOICE = rf"\b{_ROLE} ?/ ?{_ROLE}\b"
# "approve/do not approve", "is/is not", "agree/disagree": a yes-or-no choice left for the signatory.
_YES_NO_CHOICE = (
    r"(?i:\b(?P<w>[a-z]{2,30}) ?/ ?"
    r"(?:(?:do|does|did|is|are|was|has|have|will) {1,2}not {1,2}|not {1,2}|dis|un|in)(?P=w)\b"
    r"|\b(?P<v>is|are|was|has|have|do|does|will|can) ?/ ?(?P=v) ?(?:not|n't)\b)"
)

# What a template's choice has beside its slash ("for/", "/do not", "/dis"): "/" alone is in every date.
_CHOICE_GUARDS = (
    "for/", "of/", "for /", "of /",
    *(f"/{word}" for stem in ("do", "does", "did", "not", "dis", "un", "in", "is", "are", "was", "has",
                              "have", "will", "can") for word in (stem, stem.capitalize())),
    *(f"/ {word}" for word in ("do", "does", "not", "dis", "un", "in", "is", "are", "was", "has", "have")),
)

PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "a merge field",
        ("{{", "{%", "<<", "«", "{"),
        re.compile(
            r"\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|<<[^<>\n]{1,60}>>|«[^«»\n]{1,60}»"
            r"|(?<![{\w$\\])\{ {0,3}[A-Za-z_][\w.\- ]{0,40}\}(?!\})"
        ),
    ),
    ("a name in square brackets", ("[",), _BRACKETED_NAME),
    # A merge tool's tag in angle brackets: "<AI1>", "<TRAILER_SECTION>", "<SchoolName>" (not HTML's "<b>").
    ("a template tag", ("<",), re.compile(r"<(?:[A-Z][A-Z0-9_]{1,30}|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)>")),
    (
        "a bracketed instruction",
        ("<", "{"),
        re.compile(
            r"[<{] {0,3}(?:insert|enter|add|name|date|tb[cda]|x{2,}|placeholder|details?|to be)\b"
            r"[^>}\n]{0,80}[>}]",
            re.IGNORECASE,
        ),
    ),
    (
        "XX",
        ("XX",),
        # Not a word (XXL), nor a roman twenty: "Part XX" of an Act.
        re.compile(r"(?<![A-Za-z])(?<!Part )(?<!Chapter )(?<!Schedule )(?<!Article )X{2,}(?![A-Za-z])"),
    ),
    ("a run of dots", ("....", "…", ". . ."), re.compile(r"\.{4,}|…{2,}|(?:\. ){3,}\.|…\.{2,}")),
    # Underscores with something else in the paragraph: a line of only underscores is a separator. The
    # group "blank" is what is reported.
    ("a run of underscores", ("____",), re.compile(r"^(?=[\s\S]*[^_\s])[\s\S]*?(?P<blank>_{4,})")),
    (
        "TBC",
        ("TB", "be confirmed", "be determined", "be agreed", "be advised"),
        re.compile(r"\bTB[CDA]\b|\b[Tt]o be (?:confirmed|determined|agreed|advised)\b"),
    ),
    (
        "a drafting note",
        ("AWAITING", "BLANK", "lease complete", "LEASE COMPLETE", "TO BE COMPLETED", "o be completed"),
        # In capitals, or set off by a dash or bracket: "the works are to be completed by May" is prose.
        re.compile(
            r"\bAWAITING\s+(?:CLARIFICATION|CONFIRMATION|DETAILS|INFORMATION|SIGNATURE|APPROVAL)\b|\bBLANK\b"
            r"|\bPLEASE\s+COMPLETE\b|\bTO\s+BE\s+COMPLETED\b"
            r"|(?i:[-–—(\[]\s*(?:please\s+complete|to\s+be\s+completed|to\s+follow|awaiting\s+\w+)\b)",
        ),
    ),
    ("a template's choice", _CHOICE_GUARDS, re.compile(_ROLE_CHOICE + "|" + _YES_NO_CHOICE)),
    ("lorem ipsum", ("orem", "OREM"), re.compile(r"\blorem ipsum\b", re.IGNORECASE)),
    (
        "a date format",
        ("YY", "yy"),  # every year form has these; "dd" and "mm" are in many ordinary words
        re.compile(r"\b(?:DD|dd)\s?[/.-]\s?(?:MM|mm)\s?[/.-]\s?(?:YYYY|yyyy|YY|yy|20YY|20yy)\b"),
    ),
    (
        "a form prompt",
        ("lick ", "LICK ", "hoose an ", "HOOSE AN "),
        re.compile(
            r"\bClick (?:or tap )?(?:here )?to enter (?:text|a date)\b|\bChoose an item\b", re.IGNORECASE
        ),
    ),
)
# One scan for any pattern's substrings: most paragraphs have none, and need no further look. The
# guards that start with a symbol and those that start with a letter are two scans: each regex then
# looks only at the characters its guards can start with, which is twice as fast as one alternation.
_GUARDS = sorted({g for _, guards, _ in PATTERNS for g in guards})
_SYMBOL_GUARD = re.compile("|".join(re.escape(g) for g in _GUARDS if not g[0].isalnum()))
_WORD_GUARD = re.compile("|".join(re.escape(g) for g in _GUARDS if g[0].isalnum()))


def may_hold_placeholder(text: str) -> bool:
    """False when no pattern's guard substring is in `text`, so no pattern can match it."""
    return _SYMBOL_GUARD.search(text) is not None or _WORD_GUARD.search(text) is not None


def blank_heading(text: str) -> bool:
    """A heading of nothing but punctuation (" - ", "/"): the names a template puts around it are missing."""
    stripped = text.strip()
    return bool(stripped) and not any(c.isalnum() for c in stripped)
