"""The profile model: which documents an office produces, and the headings and fields of each.

The profile is the one source of truth for an office's form: rendering lays documents out from it,
validation requires the parts it names (validate/profile_schema.py), and the linter's missing-heading,
heading-order and missing-field rules check drafts against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.resources import data_dir, template_path

DEFAULT_PROFILE = "wmpcc"
WILDCARD = "*"
WILDCARD_AT_LEAST_ONE = "+"


@dataclass(frozen=True)
class HeadingSpec:
    """A heading a document carries: its id, its exact wording, where its content comes from."""

    id: str
    text: str
    source: str | None = None
    required: bool = True
    level: int = 1
    aliases: tuple[str, ...] = ()  # other wordings of the heading that mean the same
    core: bool = False  # every document of the kind has it (another office's form is checked for it)
    # Phrases by which another office's record gives the section in its text, with no heading ("because")
    said_by: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """The heading's own wording, then the other wordings that mean the same."""
        return (self.text, *self.aliases)

    @property
    def is_wildcard(self) -> bool:
        """True for a placeholder that stands for author-named sections (`*` any, `+` at least one)."""
        return self.text in (WILDCARD, WILDCARD_AT_LEAST_ONE)


@dataclass(frozen=True)
class FieldSpec:
    """A labelled field printed before the first heading, e.g. `Decision number:`."""

    label: str
    source: str
    required: bool = True
    aliases: tuple[str, ...] = ()  # other labels that mean the same, e.g. "Tel No:" for "Telephone:"
    core: bool = False  # every document of the kind gives it (another office's form is checked for it)

    @property
    def wordings(self) -> tuple[str, ...]:
        """The field's own label, then the other labels that mean the same."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class DocumentSpec:
    """One document of a profile (e.g. the notice): its title, template, fields and headings."""

    kind: str
    title: str
    template: str
    headings: tuple[HeadingSpec, ...]
    markers: tuple[str, ...] = ()
    fields: tuple[FieldSpec, ...] = ()
    signature_after: str | None = None
    on_request: bool = False
    layout: str = ""  # which context the template gets: board-report, notice or confidential

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
    requires: tuple[str, ...] = ()
    confidential_statement_after: str = "/notice/facts_and_advice/summary"
    section_defaults: dict[str, str] = field(default_factory=dict)
    example: str | None = None  # the example decision that shows the form, if there is one
    template_dir: Path | None = None  # None: the bundled templates/ folder
    path: Path | None = None  # where the profile was read from; None for a built-in
    # Documents made only on request (the confidential part). They are kept out of `documents` so
    # that code which builds, packs or lists "every document" can never publish one by accident.
    on_request_documents: dict[str, DocumentSpec] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict, *, path: Path | None = None) -> Profile:
        documents = {
            kind: DocumentSpec(
                kind=kind,
                title=spec["title"],
                template=spec["template"],
                headings=tuple(HeadingSpec(**_with_alias_tuple(h)) for h in spec["headings"]),
                markers=tuple(spec.get("markers", ())),
                fields=tuple(FieldSpec(**_with_alias_tuple(f)) for f in spec.get("fields", ())),
                signature_after=spec.get("signature_after"),
                on_request=spec.get("on_request", False),
                layout=spec.get("layout", kind),
            )
            for kind, spec in data["documents"].items()
        }
        return cls(
            name=data["name"],
            organisation=data["organisation"],
            decision_maker_title=data.get("decision_maker_title", ""),
            board=data.get("board", ""),
            reference_format=data["reference_format"],
            documents={kind: d for kind, d in documents.items() if not d.on_request},
            standard_text=dict(data.get("standard_text", {})),
            requires=tuple(data.get("requires", ())),
            confidential_statement_after=data.get(
                "confidential_statement_after", "/notice/facts_and_advice/summary"),
            section_defaults=dict(data.get("section_defaults", {})),
            example=data.get("example"),
            template_dir=path.parent / "templates" if path else None,
            path=path,
            on_request_documents={kind: d for kind, d in documents.items() if d.on_request},
        )

    def document(self, kind: str) -> DocumentSpec:
        """The document of this kind, published or made on request; KeyError if there is none."""
        return self.documents.get(kind) or self.on_request_documents[kind]

    def template_path(self, document: DocumentSpec) -> Path:
        """Where `document`'s Word template is: beside the profile file, or bundled."""
        if self.template_dir is not None:
            return self.template_dir / document.template
        return template_path(document.template)

    def example_path(self) -> Path | None:
        """The example decision: beside the profile file, or bundled in examples/; None if it has none."""
        if self.example is None:
            return None
        return (self.path.parent if self.path else data_dir("examples")) / self.example

    def built_documents(self, *, on_request: bool = False) -> dict[str, DocumentSpec]:
        """The documents a build writes; those made only on request are added when asked."""
        return {**self.documents, **(self.on_request_documents if on_request else {})}


def _with_alias_tuple(entry: dict) -> dict:
    """A heading or field entry of a profile file, its aliases as a tuple (the specs are frozen)."""
    entry = {**entry, "aliases": tuple(entry.get("aliases", ()))}
    return {**entry, "said_by": tuple(entry["said_by"])} if "said_by" in entry else entry


def is_profile_path(name_or_path: str) -> bool:
    """A value with a folder separator or a .json suffix names a file; anything else a built-in."""
    return "/" in name_or_path or "\\" in name_or_path or name_or_path.endswith(".json")


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
