"""Organisation profiles: which documents an office produces and the headings each must carry.

The profile is the one source of truth for required headings: rendering lays documents out from it
and the linter's missing-heading and heading-order rules check drafts against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DEFAULT_PROFILE = "wmpcc"
WILDCARD = "*"
_BUILTIN_DIR = Path(__file__).resolve().parent / "profiles"


@dataclass(frozen=True)
class HeadingSpec:
    """A heading a document carries: its id, its exact wording, where its content comes from."""

    id: str
    text: str
    source: str
    required: bool = True

    @property
    def is_wildcard(self) -> bool:
        """True for a placeholder that stands for any number of author-named sections."""
        return self.text == WILDCARD


@dataclass(frozen=True)
class DocumentSpec:
    """One document of a profile (e.g. the notice): its title, template and heading outline."""

    kind: str
    title: str
    template: str
    headings: tuple[HeadingSpec, ...]
    markers: tuple[str, ...] = ()

    @property
    def required_headings(self) -> tuple[HeadingSpec, ...]:
        return tuple(h for h in self.headings if h.required and not h.is_wildcard)


@dataclass(frozen=True)
class Profile:
    """An office's form: its documents, reference format and standard wording."""

    name: str
    organisation: str
    decision_maker_title: str
    board: str
    reference_format: str
    documents: dict[str, DocumentSpec]
    standard_text: dict[str, str]

    @classmethod
    def from_dict(cls, data: dict) -> Profile:
        documents = {
            kind: DocumentSpec(
                kind=kind,
                title=spec["title"],
                template=spec["template"],
                headings=tuple(HeadingSpec(**h) for h in spec["headings"]),
                markers=tuple(spec.get("markers", ())),
            )
            for kind, spec in data["documents"].items()
        }
        return cls(
            name=data["name"],
            organisation=data["organisation"],
            decision_maker_title=data.get("decision_maker_title", ""),
            board=data.get("board", ""),
            reference_format=data["reference_format"],
            documents=documents,
            standard_text=dict(data.get("standard_text", {})),
        )


def builtin_profile_names() -> list[str]:
    """Names of the profiles shipped with notice-builder."""
    return sorted(p.stem for p in _BUILTIN_DIR.glob("*.json"))


@cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name, or a profile JSON file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = _BUILTIN_DIR / f"{name_or_path}.json"
    return Profile.from_dict(json.loads(path.read_text(encoding="utf-8")))


def resolve_pointer(data, pointer: str):
    """The value at a JSON pointer in `data`, or None where any step is missing."""
    value = data
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, dict):
            value = value.get(token)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
        if value is None:
            return None
    return value
