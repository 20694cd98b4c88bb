"""The placed values and section bodies as a decision in the profile's shape, with what it lacks noted.

Only what the draft shows is written. Where the draft gives no value for something every decision
must have (the organisation, the decision maker's role, the board), the profile's own wording is used,
as `notice new` does, and a finding says so. A draft is final only if it is signed, dated and has its
reference, and nothing needed attention.
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_builder.draft_import.covering_report import report_paragraphs
from notice_builder.draft_import.markdown_body import body_markdown
from notice_builder.draft_import.placement import (
    LINE_LISTS,
    PARAGRAPH_LISTS,
    SECTION_LISTS,
    Placed,
)
from notice_builder.model.profile import Profile
from notice_builder.model.redaction import standard_sentence


@dataclass(frozen=True)
class Gap:
    """Something the decision needs that the draft did not give: where, and what was done instead."""

    pointer: str
    message: str


def _put(decision: dict, pointer: str, value) -> None:
    *parents, last = pointer.strip("/").split("/")
    node = decision
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = value


def _get(decision: dict, pointer: str):
    node = decision
    for key in pointer.strip("/").split("/"):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _line_list(units, profile: Profile, heading_id: str) -> list[str]:
    lines = [u.rich.markdown for u in units if u.rich.markdown and not u.heading_level]
    none = standard_sentence(profile, {}, f"no_{heading_id}")
    return [] if none is not None and lines == [none] else lines


def build_decision(placed: Placed, profile: Profile, *, core_status: str | None = None
                   ) -> tuple[dict, list[Gap]]:
    """A decision from what was placed, and the gaps filled from the profile."""
    decision: dict = {}
    gaps: list[Gap] = []
    heading_ids = {h.source: h.id for d in profile.documents.values() for h in d.headings if h.source}
    for pointer, value in placed.values.items():
        _put(decision, pointer, value)
    for pointer, units in placed.bodies.items():
        if pointer in PARAGRAPH_LISTS:
            value = report_paragraphs(units)
        elif pointer in LINE_LISTS:
            value = _line_list(units, profile, heading_ids.get(pointer, ""))
        else:
            value = body_markdown(units)
        if value or pointer in LINE_LISTS:
            _put(decision, pointer, value)
    for pointer in SECTION_LISTS:
        sections = [{"heading": heading, "body": body_markdown(units)} for heading, units in placed.sections]
        sections = [s for s in sections if s["body"]]
        if sections:
            _put(decision, pointer, sections)
    masthead = placed.masthead
    if masthead is not None:
        title = _get(decision, "/title")
        for line in (masthead.report_title, masthead.title_line):
            if line is None:
                continue
            if title is None:
                title = line[0]
                _put(decision, "/title", title)
            elif line is masthead.report_title and line[0].upper() != title.upper():
                _put(decision, "/report/title", line[0])
    organisation = decision.get("organisation", {})
    if organisation.get("office") and organisation.get("office") == organisation.get("name"):
        organisation.pop("office")  # the declaration names the office, or else the organisation
    # The decision maker signs in person: a signed draft names them.
    signed = _get(decision, "/notice/signature/name")
    if signed and not _get(decision, "/decision_maker/name"):
        _put(decision, "/decision_maker/name", signed)
    signature = _get(decision, "/notice/signature") or {}
    if signature and not (signature.get("name") and signature.get("date")):
        decision["notice"].pop("signature")
        gaps.append(Gap("/notice/signature", "the draft is signed or dated but not both; the signature "
                        "was left out"))
    for pointer, fallback, what in (
        ("/organisation/name", profile.organisation, "the organisation's name"),
        ("/decision_maker/role", profile.decision_maker_title, "the decision maker's role"),
    ):
        if not _get(decision, pointer):
            _put(decision, pointer, fallback)
            gaps.append(Gap(pointer, f"the draft does not give {what}; the profile's \"{fallback}\" "
                                     "was used"))
    if "meeting" in decision or "/meeting" in profile.requires:
        meeting = decision.setdefault("meeting", {})
        if not meeting.get("board") and profile.board:
            meeting["board"] = profile.board
            gaps.append(Gap("/meeting/board", f"the draft does not name the board; the profile's "
                            f"\"{profile.board}\" was used"))
    final = (core_status or "").casefold() != "draft" and bool(
        _get(decision, "/reference") and _get(decision, "/notice/signature/name"))
    decision["status"] = "final" if final else "draft"
    return decision, gaps
