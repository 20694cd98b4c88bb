"""Exempt information: what the public documents may show, and what only the confidential part prints.

The schema marks exempt information three ways: a section body written as
`{"text": ..., "confidential": true, "exemption": ...}`, a facts-and-advice section with
`"confidential": true` and its `exemption`, and a whole `notice.confidential_part`. `public_decision`
returns the decision with all of it taken out and the profile's standard sentence, naming the ground,
put in its place. Public documents are rendered from that copy alone, so no template, document
property or hyperlink relationship of a public document can reach the confidential text.
`confidential_items` lists what the confidential part (NOT FOR PUBLICATION) prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from notice_builder.model.profile import Profile

CONFIDENTIAL_PART_KEY = "confidential_part"
# standard_text keys, and the wording used when a profile does not give its own: a profile can
# change the sentence but cannot, by leaving it out, make confidential text appear.
SECTION_SENTENCE, PART_SENTENCE = "confidential_section", "confidential_part"
DEFAULT_SENTENCES = {
    SECTION_SENTENCE: "This section contains exempt information under {exemption}. It was given to the "
                      "decision maker in a confidential part and is not for publication.",
    PART_SENTENCE: "Further facts and advice contain exempt information under {exemption}. They were "
                   "given to the decision maker in a confidential part and are not for publication.",
}
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class ConfidentialItem:
    """One piece of exempt information: the heading it is printed under, its ground and its text."""

    heading: str
    exemption: str
    text: str
    pointer: str


def is_confidential(value: Any) -> bool:
    """True for a body or section the decision marks as exempt information."""
    return isinstance(value, dict) and value.get("confidential") is True


def literal_markdown(value: str) -> str:
    """`value` as Markdown that prints exactly as written, on one line (for words put into standard text)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(value.split()))


def standard_sentence(profile: Profile, decision: dict, key: str, **fields: str) -> str | None:
    """The profile's standard wording for `key` (Markdown), with {office} and `fields` filled in."""
    text = profile.standard_text.get(key, DEFAULT_SENTENCES.get(key))
    if text is None:
        return None
    organisation = decision.get("organisation") if isinstance(decision, dict) else None
    organisation = organisation if isinstance(organisation, dict) else {}
    values = {"office": organisation.get("office") or organisation.get("name") or "", **fields}
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", literal_markdown(value))
    return text


def public_decision(decision: dict, profile: Profile) -> dict:
    """A copy of `decision` holding no exempt information: only the standard sentences naming its grounds.

    It never raises, even for a decision that fails validation, so the linter can use it too.
    """
    withheld: list[str] = []

    def ground(value: dict) -> str:
        return value.get("exemption") if isinstance(value.get("exemption"), str) else "an exemption"

    def redact(value: Any) -> Any:
        if isinstance(value, list):
            kept = []
            for item in value:
                if type(item) is str:  # most items: nothing to take out, so no call for them
                    kept.append(item)
                elif is_confidential(item):
                    withheld.append(ground(item))
                else:
                    kept.append(redact(item))
            return kept
        if not isinstance(value, dict):
            return value
        if is_confidential(value):  # a body in object form: the sentence takes the text's place
            return standard_sentence(profile, decision, SECTION_SENTENCE, exemption=ground(value))
        public = {}
        for key, item in value.items():
            if key == CONFIDENTIAL_PART_KEY and isinstance(item, dict):
                sections = item.get("sections") if isinstance(item.get("sections"), list) else []
                withheld.append(ground(item))
                withheld.extend(ground(s) for s in sections if isinstance(s, dict) and "exemption" in s)
            else:
                public[key] = item if type(item) is str else redact(item)
        return public

    public = redact(decision)
    *parents, last = profile.confidential_statement_after.strip("/").split("/")
    holder = public
    for key in parents:
        holder = holder.get(key) if isinstance(holder, dict) else None
    if withheld and isinstance(holder, dict):
        sentences = [standard_sentence(profile, decision, PART_SENTENCE, exemption=exemption)
                     for exemption in dict.fromkeys(withheld)]
        before = [holder[last]] if isinstance(holder.get(last), str) else []
        holder[last] = "\n\n".join([*before, *sentences])
    return public


def confidential_items(decision: dict, profile: Profile) -> list[ConfidentialItem]:
    """Every piece of exempt information in `decision`, in the order the file gives it."""
    headings = {h.source: h.text for d in profile.documents.values() for h in d.headings if h.source}
    items: list[ConfidentialItem] = []

    def section(value: dict, pointer: str, exemption: str) -> None:
        items.append(ConfidentialItem(value["heading"], value.get("exemption") or exemption,
                                      value["body"], pointer))

    def walk(value: Any, pointer: str) -> None:
        if isinstance(value, list):
            for index, item in enumerate(value):
                if is_confidential(item) and "heading" in item:
                    section(item, f"{pointer}/{index}", item["exemption"])
                else:
                    walk(item, f"{pointer}/{index}")
        elif is_confidential(value):
            name = headings.get(pointer) or pointer.rsplit("/", 1)[-1].replace("_", " ").upper()
            items.append(ConfidentialItem(name, value["exemption"], value["text"], pointer))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == CONFIDENTIAL_PART_KEY and isinstance(item, dict):
                    for index, part in enumerate(item.get("sections", [])):
                        section(part, f"{pointer}/{key}/sections/{index}", item["exemption"])
                else:
                    walk(item, f"{pointer}/{key}")

    walk(decision, "")
    return items
