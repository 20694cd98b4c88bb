"""What a lint rule is: data (code, slug, description, severity, options) plus a check over a RuleContext.

Rules live one a module in `notice_builder/lint/rules/`, like markdownlint's rule files, and import
only this module; the registry (`lint/registry.py`) lists them. A check receives a RuleContext and
yields Findings made with `context.finding(...)`; the engine fills in the rule's code, configured
severity and the file's path, so a rule only says where and what.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from notice_builder.lint.labels import FieldLine, required_field_lines
from notice_builder.model.findings import Finding, Location, Severity
from notice_builder.model.outline import (
    PROFILE_PARTIAL,
    Block,
    Document,
    Outline,
    heading_key,
    matching_heading,
)
from notice_builder.model.profile import DocumentSpec, HeadingSpec, Profile


@dataclass(frozen=True)
class Rule:
    """One lint rule: a stable code (NL001), a slug (duplicate-heading), and what it checks."""

    code: str
    slug: str
    description: str
    severity: Severity
    check: Callable[[RuleContext], Iterable[Finding]]
    options: Mapping[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    doc: str = ""

    @property
    def names(self) -> tuple[str, str]:
        return self.code, self.slug


@dataclass
class RuleContext:
    """What one rule sees while it checks one file: the outline, the profile and its options."""

    rule: Rule
    outline: Outline
    profile: Profile
    options: Mapping[str, Any]
    severity: Severity
    # What several rules work out from the same file, worked out once: shared by the file's contexts.
    shared: dict[tuple, Any] = field(default_factory=dict)

    def finding(self, location: Location, message: str, hint: str | None = None) -> Finding:
        """A Finding of this rule at `location`."""
        return Finding(
            code=self.rule.slug,
            message=message,
            path=self.outline.path,
            location=self.outline.locate(location),
            severity=self.severity,
            hint=hint,
        )

    def place(self, location: Location) -> str:
        """A short 'paragraph 12' / 'line 40' phrase for pointing at another place in a message."""
        location = self.outline.locate(location)
        if location.paragraph is not None:
            return f"paragraph {location.paragraph}"
        if location.line is not None:
            return f"line {location.line}"
        return location.pointer or "the start"

    def once(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """`compute()`, called only by the first rule that asks for `key` on this file."""
        if key not in self.shared:
            self.shared[key] = compute()
        return self.shared[key]

    def field_lines(self, document: Document) -> list[tuple[str, FieldLine | None]]:
        """Each field `document` must fill, with the line that gives it (None if none); [] if its kind is
        unknown. Worked out once per document; a header or footer may give a field the body does not.
        """
        spec = self.spec(document)
        if spec is None:
            return []
        return self.once(
            ("field_lines", id(document)),
            lambda: required_field_lines(
                spec, document, self.body_start(document), self.outline.outside, core_only=self.core_only
            ),
        )

    @property
    def core_only(self) -> bool:
        """True when the draft is another office's document of the profile's kind: only core parts are due."""
        return self.outline.profile_fit == PROFILE_PARTIAL

    def required_headings(self, spec: DocumentSpec) -> tuple[HeadingSpec, ...]:
        """The headings a document of `spec` must have: all required ones, or only the core ones."""
        return tuple(h for h in spec.required_headings if h.core or not self.core_only)

    def spec(self, document: Document) -> DocumentSpec | None:
        """The profile's description of a document, if the document's kind is known."""
        return self.profile.documents.get(document.kind)

    def profile_headings(self, document: Document) -> list[tuple[Block, HeadingSpec]]:
        """Each heading of `document` that stands for one of the profile's, with the one it stands for.

        The most specific wording wins: "Risks to human rights" is that heading, not "Risks"
        followed by more words, so it cannot stand in for a missing "Risks" too.
        """
        spec = self.spec(document)
        if spec is None:
            return []

        def compute() -> list[tuple[Block, HeadingSpec]]:
            wanted: dict[str, HeadingSpec] = {}
            for heading in spec.headings:
                if not heading.is_wildcard:
                    for wording in heading.wordings:  # the first, of equal wordings
                        if heading_key(wording):  # a wording of punctuation alone matches nothing
                            wanted.setdefault(heading_key(wording), heading)
            found = []
            for block in document.headings:
                heading = matching_heading(heading_key(block.heading.text), wanted)
                if heading is not None:
                    found.append((block, heading))
            return found

        return self.once(("profile_headings", id(document)), compute)

    def labelled_sections(self, document: Document) -> set[str]:
        """Ids of the profile headings `document` gives as a labelled line instead of a heading:
        "Reason for Decision: In accordance with ...", a table row | Reasons for Decision :- | ... |,
        or a label too long to pass for a heading ("Details of any conflict of interest declared ...:")."""
        spec = self.spec(document)
        if spec is None:
            return set()

        def compute() -> set[str]:
            wanted = {heading_key(w): h for h in spec.headings if not h.is_wildcard for w in h.wordings
                      if heading_key(w)}
            rows: dict[int, list[Block]] = {}
            for block in document.blocks:
                if block.table_row is not None:
                    rows.setdefault(block.table_row, []).append(block)
            found = set()
            for block in document.blocks:
                label, colon, _ = block.text.strip().partition(":")
                if not colon:
                    beside = rows.get(block.table_row, []) if block.table_row is not None else []
                    if not any(b is not block and b.text.strip() for b in beside):
                        continue
                    label = block.text
                heading = matching_heading(heading_key(label), wanted) if len(label) <= 200 else None
                if heading is not None:
                    found.add(heading.id)
            return found

        return self.once(("labelled_sections", id(document)), compute)

    def body_start(self, document: Document) -> int:
        """Position of the document's first profile heading: what comes before is its masthead."""
        found = self.profile_headings(document)
        first = found[0][0] if found else None
        return next((position for position, block in enumerate(document.blocks) if block is first), 0)

    def text_blocks(self) -> list[tuple[Document, Block]]:
        """Every block that has text, with its document."""
        documents = self.outline.documents
        return self.once(
            ("text_blocks",), lambda: [(d, b) for d in documents for b in d.blocks if b.text.strip()]
        )


def quote(text: str, limit: int = 80) -> str:
    """Text in double quotes on one line, shortened if long."""
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'
