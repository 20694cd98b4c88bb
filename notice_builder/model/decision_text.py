"""How decision values are printed: dates in the UK style, people and labelled fields.

Rendering prints them and the linter reads decisions the same way, so both use these.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def format_date(value: str | None) -> str:
    """An ISO date as printed on UK notices: 16 July 2013."""
    if not value:
        return ""
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def decision_date(decision: dict) -> dt.datetime:
    """The date a decision's documents carry in their properties: signed, else its own, else the meeting."""
    signed = (decision.get("notice", {}).get("signature") or {}).get("date")
    day = dt.date.fromisoformat(signed or decision.get("date") or decision["meeting"]["date"])
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def field_text(value: Any) -> str:
    """A labelled field's value as printed: a person as `name, role`, a date as `16 July 2013`."""
    if isinstance(value, dict):
        return ", ".join(field_text(v) for v in value.values() if v)
    if isinstance(value, list):
        return "; ".join(field_text(v) for v in value if v)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return format_date(value)
        except ValueError:  # shaped like a date but not one (2013-02-30) in a free-text field
            return value
    return "" if value is None else str(value)


def short_title(decision: dict) -> str:
    """The title without the organisation's name in front: `Technology Task Force - Innovation ...`.

    Titles in the house style start `West Midlands Police and Crime Commissioner: `; the footer and the
    documents' file names carry only what follows.
    """
    title = decision.get("title")
    if not isinstance(title, str):
        return ""
    title = " ".join(title.split())
    organisation = decision.get("organisation")
    name = organisation.get("name") if isinstance(organisation, dict) else None
    if isinstance(name, str) and name.strip():
        prefix = " ".join(name.split()) + ":"
        if title.casefold().startswith(prefix.casefold()) and title[len(prefix):].strip():
            title = title[len(prefix):].strip()
    return title
