"""Values read from a draft's text: dates, people, references, and the profile's labels by meaning."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from notice_builder.model.outline import label_key
from notice_builder.model.profile import Profile
from notice_builder.model.reference_format import ReferenceFormat

_MONTHS = {m.lower(): n for n, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), start=1)}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DAY_MONTH_YEAR = re.compile(r"^(?:\w+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# A reference left to be filled in: "0XX/2013", "WMPCC 0XX/2013", "XXX", "[ref]", "2024/XXX".
PLACEHOLDER_REFERENCE = re.compile(r"(?:\b|^)[0-9]*X{2,}[0-9X]*(?:/\d{4})?\b|/X{2,}\b|\[\s*ref")
_NUMBER_AND_YEAR = re.compile(r"\b(?:[A-Z]{2,}[ /])?\d{1,4}/(?:19|20)\d\d\b|\b(?:19|20)\d\d/\d{1,4}\b")


def parse_date(text: str) -> str | None:
    """An ISO date from a date as typed on a UK notice ("16 July 2013", "12/03/2024"), else None."""
    text = " ".join(text.strip().rstrip(".").split())
    try:
        if match := _ISO.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        if match := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(match[2].lower())
            return dt.date(int(match[3]), month, int(match[1])).isoformat() if month else None
        if match := _NUMERIC_DATE.match(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1])).isoformat()
    except ValueError:
        return None
    return None


def person(text: str) -> dict[str, str]:
    """A person as printed `name, role` (field_text's form): split at the first comma."""
    name, _, role = text.partition(",")
    return {"name": name.strip(), "role": role.strip()} if role.strip() else {"name": name.strip()}


@dataclass(frozen=True)
class Reference:
    """A reference found in a line: the text as typed, and whether it is a placeholder still to fill."""

    text: str
    placeholder: bool


def find_reference(text: str, profile: Profile) -> Reference | None:
    """The decision reference in a line ("NOTICE OF DECISION 0XX/2013", "WMPCC 012/2013"), if any.

    Up to three words in the profile's reference form; else a number and year ("005/2013"), which
    validation then reports if it is not in that form; else a placeholder ("0XX/2013").
    """
    form = ReferenceFormat(profile.reference_format)
    words = text.split()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start:start + size])
            if form.parse(candidate, strict=False) is not None:
                return Reference(candidate, False)
    line = " ".join(words)
    if match := PLACEHOLDER_REFERENCE.search(line):
        return Reference(match.group(0).strip(), True)
    if match := _NUMBER_AND_YEAR.search(line):
        return Reference(match.group(0), False)
    return None


# Labels any office uses, by meaning, beside the profile's own fields and their aliases.
COMMON_LABELS = {
    "/title": ("title", "subject", "decision title", "report title"),
    "/reference": ("reference", "ref", "decision reference", "decision ref", "decision number", "decision no",
                   "reference number", "our ref"),
    "/decision_maker": ("decision maker", "decision taker"),
    "/date": ("date of decision", "decision date"),
    "/notice/contact_officer/name": ("contact officer", "contact", "officer contact", "contact name"),
    "/notice/contact_officer/telephone": ("telephone", "telephone number", "tel", "tel no", "phone",
                                          "phone number", "telephone no"),
    "/notice/contact_officer/email": ("email", "e-mail", "email address", "e-mail address"),
    "/notice/author": ("author", "author and job role", "report author"),
    "/notice/protective_marking": ("protective marking", "security classification", "classification"),
    "/report/authors": ("authors of the report", "author of the report", "authors", "report authors"),
}
SIGNATURE_LABELS = frozenset({"signature", "signed", "signed by"})
DATE_LABELS = frozenset({"date", "date signed", "date of signature", "dated"})


def label_table(profile: Profile) -> dict[str, str]:
    """label_key -> JSON pointer: the profile's fields and their aliases first, then the common labels."""
    table: dict[str, str] = {}
    for document in profile.documents.values():
        for spec in document.fields:
            for wording in spec.wordings:
                table.setdefault(label_key(wording), spec.source)
    for pointer, labels in COMMON_LABELS.items():
        for label in labels:
            table.setdefault(label, pointer)
    return table


_LABEL_SPLIT = re.compile(r"^\s*([^:\uff1a\n]{1,60}?)\s*[:\uff1a]\s*(.*)$", re.DOTALL)


def split_known_label(text: str, labels: dict[str, str]) -> tuple[str, str, str] | None:
    """(label key, JSON pointer or "signature"/"date", value) of a labelled line, if its label is known.

    Signature and date lines may use dot leaders ("Signature.....") instead of a colon.
    """
    if ":" not in text and "\uff1a" not in text and text.lstrip()[:4].lower() not in ("sign", "date"):
        return None  # most paragraphs: no colon, and not a dotted signature or date line
    match = _LABEL_SPLIT.match(text)
    if match is None:
        dotted = re.match(r"^\s*(signature|signed(?: by)?|date)\s*(?:\.{2,}|…+|_{2,})\s*(.*)$", text, re.I)
        if dotted is None:
            return None
        key = label_key(dotted.group(1))
        return key, "signature" if key in SIGNATURE_LABELS else "date", _blank_leaders(dotted.group(2))
    key = label_key(match.group(1).replace("*", ""))
    value = match.group(2).strip()
    if key in SIGNATURE_LABELS:
        return key, "signature", _blank_leaders(value)
    if key in DATE_LABELS:
        return key, "date", _blank_leaders(value)
    pointer = labels.get(key)
    return (key, pointer, value) if pointer else None


_LEADERS = re.compile(r"^[\s._…\-–—/]*$")


def _blank_leaders(value: str) -> str:
    """"" for a value left to be filled in (dots, underscores, "../../...."), else the value."""
    return "" if _LEADERS.match(value) else value.strip(" .…_")
