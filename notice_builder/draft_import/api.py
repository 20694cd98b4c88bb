"""`import_draft`: a Word draft (or the covering report and notice as separate files) becomes a decision.

The draft is read through the same safe reader and outline as `notice lint` (the same limits and
refusals), split into its documents as lint splits it, placed by the profile, and checked against the
schema. Nothing is written here: `write_decision` (decision_writer.py) does that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.docx.namespaces import NAMESPACES
from notice_builder.docx.package_reader import DEFAULT_LIMITS, DocxPackage, Limits, open_docx
from notice_builder.docx.shared_parts import package_numbering
from notice_builder.draft_import.assemble import build_decision
from notice_builder.draft_import.masthead import Masthead
from notice_builder.draft_import.placement import DocumentPlacer, Placed, Unplaced
from notice_builder.draft_import.profile_choice import ProfileChoice, choose_profile
from notice_builder.draft_import.word_markdown import read_rich_paragraphs
from notice_builder.load.docx_outline import read_blocks, split_documents
from notice_builder.model.findings import Finding, Location, Severity
from notice_builder.model.outline import Document, Outline, heading_key, matching_heading
from notice_builder.model.profile import DocumentSpec, Profile
from notice_builder.profiles import load_profile, project_or_default_profile
from notice_builder.validate.formats import is_valid_email, is_valid_uk_telephone

TELEPHONE, EMAIL = "/notice/contact_officer/telephone", "/notice/contact_officer/email"
GENERATOR = "notice-builder"  # lastModifiedBy of the documents this tool builds


@dataclass
class ImportResult:
    """A draft read into a decision: the decision, what needs attention, and how much was placed."""

    paths: list[str]
    decision: dict
    profile: Profile
    profile_reason: str
    findings: list[Finding] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs with text
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def placed(self) -> int:
        return self.paragraphs - len(self.unplaced)

    @property
    def placed_share(self) -> float:
        return self.placed / self.paragraphs if self.paragraphs else 1.0

    @property
    def needs_attention(self) -> bool:
        return bool(self.findings)

    def summary(self) -> dict:
        """A JSON-ready summary: paragraphs placed and not, the profile, the status."""
        return {"inputs": self.paths, "profile": self.profile.name, "status": self.decision.get("status"),
                "paragraphs": self.paragraphs, "placed": self.placed,
                "unplaced": len(self.unplaced), "findings": len(self.findings)}


@dataclass
class _Read:
    path: str
    outline: Outline
    rich: dict
    core: dict[str, str]


def _core(package: DocxPackage) -> dict[str, str]:
    """The document properties an import uses: author, status, who saved it last, when it was made."""
    name = package.related_part("", "/core-properties")
    root = package.xml(name) if name else None
    if root is None:
        return {}
    found = {}
    for key, path in (("author", "dc:creator"), ("status", "cp:contentStatus"),
                      ("modified_by", "cp:lastModifiedBy"), ("created", "dcterms:created")):
        found[key] = (root.findtext(path, namespaces=NAMESPACES) or "").strip()
    return found


class _ParsedOnce:
    """A package whose XML parts are parsed once: the outline and the Markdown reader both walk the
    main document, and neither changes it. Everything else is the package's own."""

    def __init__(self, package: DocxPackage):
        self._package = package
        self._trees: dict = {}

    def xml(self, name: str):
        if name not in self._trees:
            self._trees[name] = self._package.xml(name)
        return self._trees[name]

    def __getattr__(self, name: str):
        return getattr(self._package, name)


def _read(path: Path, profile: Profile, limits: Limits) -> tuple[_ParsedOnce, list, set, object]:
    package = _ParsedOnce(open_docx(path, limits))
    try:
        blocks, page_starts, sheet = read_blocks(package, profile)
    except BaseException:
        package.close()
        raise
    return package, blocks, page_starts, sheet


def _read_draft(path: Path, profile: Profile | None, limits: Limits) -> tuple[_Read, ProfileChoice]:
    first = profile or project_or_default_profile(path.parent)
    package, blocks, page_starts, sheet = _read(path, first, limits)
    try:
        outline = Outline(str(path), "docx", split_documents(blocks, page_starts, first))
        if profile is not None:
            choice = ProfileChoice(profile, f"profile {profile.name} (given)")
        else:
            choice = choose_profile(outline, first)
            if choice.profile is not first:
                blocks, page_starts, sheet = read_blocks(package, choice.profile)
                outline = Outline(str(path), "docx", split_documents(blocks, page_starts, choice.profile))
        rich = read_rich_paragraphs(package, sheet, package_numbering(package))
        core = _core(package)
    finally:
        package.close()
    return _Read(str(path), outline, {r.index: r for r in rich}, core), choice


def import_draft(paths: str | Path | Sequence[str | Path], profile: Profile | str | None = None, *,
                 limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """The decision a Word draft means. Several paths are one decision's documents, in order.

    Raises UnreadableInput (with a finding naming the file and the problem) if a file cannot be read.
    """
    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    given = load_profile(profile) if isinstance(profile, str) else profile
    reads: list[_Read] = []
    choice = None
    for path in paths:
        read, this_choice = _read_draft(path, given or (choice.profile if choice else None), limits)
        choice = choice or this_choice
        reads.append(read)
    chosen = choice.profile
    placed = Placed()
    core = reads[0].core
    masthead = Masthead(chosen, placed.values, placed.where, placed.placeholders,
                        core_author=core.get("author"))
    placed.masthead = masthead
    unplaced_by_path: list[tuple[str, Unplaced]] = []
    for read in reads:
        before = len(placed.unplaced)
        for number, document in enumerate(read.outline.documents):
            spec = document_spec(document, chosen, first=number == 0)
            DocumentPlacer(chosen, spec, read.rich, placed, masthead).place(document)
        unplaced_by_path += [(read.path, u) for u in placed.unplaced[before:]]
    if "/date" not in placed.values and "/date" in chosen.requires:
        created = core.get("created", "")[:10]
        if core.get("modified_by") == GENERATOR and created:
            placed.values["/date"] = created  # a document this tool built carries the decision's date
    decision, gaps = build_decision(placed, chosen, core_status=core.get("status"))
    findings = _findings(placed, unplaced_by_path, gaps, reads[0].path)
    if findings:
        decision["status"] = "draft"
    return ImportResult([str(p) for p in paths], decision, chosen, choice.reason, findings,
                        placed.counted, [u for _, u in unplaced_by_path])


def document_spec(document: Document, profile: Profile, *, first: bool) -> DocumentSpec | None:
    """The profile's document a part of the draft is: the one whose headings (any wording) it has most
    of, the kind the outline gave it on a tie; None for an annex with none of them."""
    keys = [heading_key(b.heading.text) for b in document.headings]
    best, best_score = profile.documents.get(document.kind), -1
    for spec in sorted(profile.documents.values(), key=lambda s: s.kind != document.kind):
        table = {heading_key(w): n for n, h in enumerate(spec.headings) if not h.is_wildcard
                 for w in h.wordings}
        score = len({matching_heading(key, table) for key in keys} - {None})
        if score > best_score:
            best, best_score = spec, score
    if best_score == 0 and not first and document.annex is not None:
        return None
    return best or next(iter(profile.documents.values()))


def _findings(placed: Placed, unplaced: list[tuple[str, Unplaced]], gaps, path: str) -> list[Finding]:
    findings = []
    for where, item in unplaced:
        shown = item.text if len(item.text) <= 80 else item.text[:77] + "..."
        findings.append(Finding(
            code="import-unplaced", path=where, location=Location(paragraph=item.paragraph),
            severity=Severity.WARNING,
            message=f"not placed: {shown!r} ({item.reason}); it was put in {item.put_at}",
            hint="move it to the field it belongs to in the decision file, or delete it",
        ))
    for paragraph, pointer, text in placed.placeholders:
        shown = f"a placeholder in the draft ({text!r})" if text else "left blank in the draft"
        findings.append(Finding(
            code="import-placeholder", path=path, location=Location(paragraph=paragraph),
            severity=Severity.WARNING,
            message=f"{pointer} is {shown}; the decision has none",
            hint=f"fill in {pointer} when it is known"
            + (" (notice next-ref issues the next reference)" if pointer == "/reference" else ""),
        ))
    for pointer, check, what in ((TELEPHONE, is_valid_uk_telephone, "a complete UK telephone number"),
                                 (EMAIL, is_valid_email, "a whole email address")):
        value = placed.values.get(pointer)
        if isinstance(value, str) and not check(value):
            findings.append(Finding(
                code="import-contact", path=path, location=Location(paragraph=placed.where.get(pointer)),
                severity=Severity.WARNING,
                message=f"{pointer} is {value!r} in the draft, which is not {what}; it is kept as typed",
                hint=f"correct {pointer} in the decision file (nothing was guessed)",
            ))
    for paragraph, heading, pointer in placed.repeated:
        findings.append(Finding(
            code="import-repeated-heading", path=path, location=Location(paragraph=paragraph),
            severity=Severity.WARNING,
            message=f"{heading!r} comes a second time; the text under it was added to {pointer} after the "
                    "first's",
            hint=f"read {pointer} in the decision file and keep what is meant",
        ))
    for gap in gaps:
        findings.append(Finding(code="import-missing", path=path, location=Location(pointer=gap.pointer),
                                severity=Severity.WARNING, message=gap.message,
                                hint=f"check {gap.pointer} in the decision file"))
    return findings
