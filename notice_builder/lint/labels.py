"""Labelled lines a notice prints ("Date: ...", "Telephone Number: ...") and how to read their value."""

from __future__ import annotations

import re

# A known label, then a colon, a run of dots or underscores, then whatever value follows.
_LABELLED = re.compile(
    r"^\s*(?P<label>signature|signed(?:\s+by)?|date(?:\s+signed|\s+of\s+signature)?|name|"
    r"tel(?:ephone)?(?:\s+(?:no\.?|number))?|phone(?:\s+number)?|mobile|e-?mail(?:\s+address)?|"
    r"contact(?:\s+officer)?|reference|ref\.?|decision\s+(?:number|no\.?)|title|authors?(?:\s+of\s+the\s+report)?)"
    r"\s*(?P<separator>:|\.{2,}|…+|_{2,})\s*(?P<value>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_FILLER = re.compile(r"^[\s._…:\-–—]*$")

SIGNATURE_LABELS = frozenset({"signature", "signed", "signed by"})
DATE_LABELS = frozenset({"date", "date signed", "date of signature"})
REFERENCE_LABELS = frozenset({"reference", "ref", "ref.", "decision number", "decision no", "decision no."})


def split_label(text: str) -> tuple[str, str] | None:
    """(label in lower case with single spaces, value with dot leaders removed), or None."""
    match = _LABELLED.match(text)
    if not match:
        return None
    label = " ".join(match.group("label").lower().split())
    value = match.group("value").strip()
    return label, "" if _FILLER.match(value) else value.strip(" ._…")
