"""Organisation profiles: which documents an office produces, and the headings and fields of each.

The profile is the one source of truth for an office's form: rendering lays documents out from it,
validation requires the parts it names (validate/profile_schema.py), and the linter's missing-heading,
heading-order and missing-field rules check drafts against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from notice_builder.findings import Finding, NoticeBuilderError

DEFAULT_PROFILE = "wmpcc"
WILDCARD = "*"
WILDCARD_AT_LEAST_ONE = "+"
_BUILTIN_DIR = Path(__file__).resolve().parent / "profiles"


@dataclass(frozen=True)
class HeadingSpec:
    """A heading a document carries: its id, its exact wording, where its content comes from."""

    id: str
    text: str
    source: str | None = None
    required: bool = True
    level: int = 1

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
                headings=tuple(HeadingSpec(**h) for h in spec["headings"]),
                markers=tuple(spec.get("markers", ())),
                fields=tuple(FieldSpec(**f) for f in spec.get("fields", ())),
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
        from notice_builder.resources import template_path

        return template_path(document.template)

    def built_documents(self, *, on_request: bool = False) -> dict[str, DocumentSpec]:
        """The documents a build writes; those made only on request are added when asked."""
        return {**self.documents, **(self.on_request_documents if on_request else {})}


def builtin_profile_names() -> list[str]:
    """Names of the profiles shipped with notice-builder."""
    return sorted(p.stem for p in _BUILTIN_DIR.glob("*.json"))


def is_profile_path(name_or_path: str) -> bool:
    """A value with a folder separator or a .json suffix names a file; anything else a built-in."""
    return "/" in name_or_path or "\\" in name_or_path or name_or_path.endswith(".json")


def _unknown_profile(name: str) -> NoticeBuilderError:
    import difflib

    close = difflib.get_close_matches(name[:100], builtin_profile_names(), n=1)
    shown = name if len(name) <= 60 else name[:57] + "..."
    return NoticeBuilderError([Finding(
        code="unknown-profile", message=f"there is no built-in profile '{shown}'", path=shown,
        hint=(f"did you mean '{close[0]}'? " if close else "")
        + f"built-in profiles: {', '.join(builtin_profile_names())}; or give a profile file's path",
    )])


@cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name, or a profile JSON file by path, checked against its schema."""
    if is_profile_path(name_or_path):
        path = Path(name_or_path).resolve()
        builtin = False
    else:
        if name_or_path not in builtin_profile_names():  # never a path built from what a file says
            raise _unknown_profile(name_or_path)
        path = _BUILTIN_DIR / f"{name_or_path}.json"
        builtin = True
    from notice_builder.load import load_decision_file
    from notice_builder.validate.schema_validation import validate_against

    source = load_decision_file(path)
    findings = validate_against("profile", source)
    if findings:
        raise NoticeBuilderError(findings)
    profile = Profile.from_dict(source.data, path=None if builtin else path)
    _check_reference_format(profile, source)
    return profile


def _check_reference_format(profile: Profile, source) -> None:
    from notice_builder.reference_numbers import ReferenceFormat

    try:
        ReferenceFormat(profile.reference_format)
    except ValueError as error:
        raise NoticeBuilderError([Finding(
            code="profile", message=str(error), path=source.path,
            location=source.location("/reference_format"),
            hint="use {seq} for the running number and {year} for the year",
        )]) from None


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


def project_or_default_profile(folder: str | Path) -> Profile:
    """The profile of the project `folder` is in (nearest pyproject.toml), else the default."""
    from notice_builder.project_settings import project_profile

    return load_profile(project_profile(folder) or DEFAULT_PROFILE)


def profile_for(source, profile: Profile | str | None = None) -> Profile:
    """The profile for a decision: the one given, else the built-in it names, else its project's.

    A decision names only a built-in profile: a path in it is refused by validation, never opened.
    An unknown name is reported at the decision's /profile.
    """
    if isinstance(profile, Profile):
        return profile
    if profile:
        return load_profile(profile)
    named = source.data.get("profile") if isinstance(source.data, dict) else None
    if isinstance(named, str) and named and not is_profile_path(named):
        try:
            return load_profile(named)
        except NoticeBuilderError as error:
            raise NoticeBuilderError([
                replace(f, path=source.path, location=source.location("/profile")) for f in error.findings
            ]) from None
    return project_or_default_profile(Path(source.path).parent)
