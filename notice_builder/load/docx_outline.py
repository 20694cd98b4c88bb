"""Read a .docx into an Outline with lxml: paragraphs, headings (styled or typed), numbering, documents.

Paragraphs, styles and numbering come from the Word-format layer (`notice_builder.docx`), which
resolves style IDs to names, heading levels, bold and capitals once per distinct styles.xml. A heading
is a paragraph whose style (or the paragraph itself) has an outline level, or whose style name is
"heading N" in any of the languages Word uses ("Überschrift 1", "Titre 1", "Kop 1" ...). Paragraphs
typed to look like headings are found with `outline.fake_heading_level`, except a profile field's
label on its own ("Protective Marking:" in bold, left blank), which is a field, not a heading. A
combined draft is split into its documents by the profile's document markers (e.g. "NOTICE OF
DECISION") and stand-alone "Annex B" lines; see `split_documents`.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from notice_builder.docx.elements import W_VAL, first_children, in_placeholder, int_value, iter_paragraphs, on
from notice_builder.docx.namespaces import NAMESPACES, qn
from notice_builder.docx.numbering import num_pr
from notice_builder.docx.package_reader import DEFAULT_LIMITS, DocxPackage, Limits, open_docx
from notice_builder.docx.paragraph_text import ParagraphText, read_paragraph
from notice_builder.docx.shared_parts import package_numbering, package_styles
from notice_builder.docx.stories import document_body, table_cell
from notice_builder.docx.styles import StyleSheet, emphasis
from notice_builder.load.docx_stories import outside_blocks
from notice_builder.load.outline_inference import infer_outline
from notice_builder.model.findings import Finding, Location, UnreadableInput
from notice_builder.model.limits import MAX_DRAFT_PARAGRAPHS
from notice_builder.model.outline import (
    ANNEX_LINE,
    UNKNOWN_KIND,
    Block,
    Document,
    Heading,
    Outline,
    fake_heading_level,
    heading_key,
    label_key,
    may_be_heading,
)
from notice_builder.model.profile import Profile

# Body-text styles: only paragraphs in these (or the default paragraph style) can be typed headings.
# A custom style ("Board Name", "Masthead") is a deliberate choice, not a heading typed by hand.
# List Paragraph is the style Word gives any paragraph put in a numbered list: a council's "1.
# Decision" typed in bold and numbered by Word's multi-level list is in it.
BODY_STYLE_NAMES = frozenset(
    {
        "list paragraph",
        "listenabsatz",
        "paragraphe de liste",
        "paragrafo elenco",
        "párrafo de lista",
        "lijstalinea",
        "normal",
        "body text",
        "body text 2",
        "body text 3",
        "body text first indent",
        "plain text",
        "no spacing",
        "normal (web)",
        "standard",
        "default",
        "textkörper",
        "corps de texte",
        "corpo testo",
        "cuerpo de texto",
        "plattetekst",
        "brødtekst",
        "brödtext",
    }
)
DISABLE_PROPERTY = "notice-lint-disable"

_MARKER_MAX_WORDS = 15


def _known_heading_levels(profile: Profile) -> dict[str, int]:
    """The profile's headings (heading_key) with their level in the form: a typed one takes that level."""
    levels: dict[str, int] = {}
    for spec in profile.documents.values():
        for h in spec.headings:
            if not h.is_wildcard:
                for wording in h.wordings:
                    if key := heading_key(wording):
                        levels[key] = min(h.level, levels.get(key, h.level))
    return levels


def _known_labels(profile: Profile) -> frozenset[str]:
    """The profile's field labels (and the signature block's), which a blank field shows alone."""
    labels = {label_key(w) for spec in profile.documents.values() for f in spec.fields for w in f.wordings}
    return frozenset(labels | {"signature", "date"})


def read_blocks(
    package: DocxPackage, profile: Profile, body: etree._Element | None = None
) -> tuple[list[Block], set[int], StyleSheet]:
    """Every paragraph of the main document as a Block, and the indexes of those that open a page."""
    body = document_body(package) if body is None else body
    paragraphs = sum(1 for _ in body.iter(qn("w:p")))
    if paragraphs > MAX_DRAFT_PARAGRAPHS:
        raise UnreadableInput([Finding(
            code="docx-too-large",
            message=f"the draft has {paragraphs} paragraphs; the limit is {MAX_DRAFT_PARAGRAPHS}",
            path=package.path,
            hint="a decision notice has tens to a few hundred paragraphs; check it is the right file",
        )])
    sheet = package_styles(package)
    counter = package_numbering(package).counter()
    levels = _known_heading_levels(profile)
    known = frozenset(levels)
    labels = _known_labels(profile)
    blocks: list[Block] = []
    page_starts: set[int] = set()
    break_pending = False
    for index, (p, row) in enumerate(iter_paragraphs(body), start=1):
        content = read_paragraph(p)
        if p.getparent() is not body and in_placeholder(p, body):
            # A paragraph (or cell) content control showing its placeholder: all of it is a prompt.
            text = content.text.strip()
            content = ParagraphText(content.properties, "", [], content.drawing, content.page_break,
                                 [text] if text else [], content.fields)
        style_id = outline_level = numpr = None
        page_before = section_end = False
        if content.properties is not None:
            properties = first_children(content.properties)
            pstyle = properties.get(qn("w:pStyle"))
            style_id = pstyle.get(W_VAL) if pstyle is not None else None
            if (outline := properties.get(qn("w:outlineLvl"))) is not None:
                outline_level = int_value(outline.get(W_VAL), 9)
            if (numpr_el := properties.get(qn("w:numPr"))) is not None:
                numpr = num_pr(numpr_el)
            page_before = bool(on(properties.get(qn("w:pageBreakBefore"))))
            section_end = qn("w:sectPr") in properties
        style = sheet.get(style_id)
        if page_before or break_pending:
            page_starts.add(index)
        break_pending = content.page_break or section_end
        numpr = numpr or style.num
        number = None
        if numpr and numpr[0] != "0":
            number = counter.next(*numpr)
        text = content.text.strip()
        level = (
            outline_level + 1
            if outline_level is not None and outline_level < 9
            else None
            if outline_level is not None
            else style.outline_level
        )
        heading = None
        if text and level is not None:
            heading = Heading(text=" ".join(text.split()), level=level, styled=True)
        elif (
            text
            and row is None
            and (
                style_id is None
                or style_id == sheet.default_paragraph
                or style.name.casefold() in BODY_STYLE_NAMES
            )
            and not (numpr and numpr[0] != "0" and number is None)
            and may_be_heading(text)
            and label_key(text) not in labels  # a blank field, "Protective Marking:" in bold
        ):
            bold, caps = emphasis(content.shown_runs, style, sheet)
            shown = text.upper() if caps else text
            fake = fake_heading_level(shown, bold=bold, known_keys=known)
            if fake is not None:
                # "Legal" typed in bold under "AREAS OF CONSIDERATION" is the form's level-2 heading.
                fake = levels.get(heading_key(shown), fake)
                heading = Heading(text=" ".join(text.split()), level=fake, styled=False)
        blocks.append(
            Block(
                index=index,
                text=content.text,
                location=Location(paragraph=index),
                heading=heading,
                style=style.name,
                number=number,
                list_item=bool(numpr and numpr[0] != "0"),
                table_row=row,
                table_cell=table_cell(p) if row is not None else None,
                has_drawing=content.drawing,
                prompts=tuple(content.prompts),
                fields=tuple(content.fields),
            )
        )
    return blocks, page_starts, sheet


# -- splitting a combined draft into its documents ----------------------------------------------
def _marker_kind(block: Block, markers: list[tuple[str, str]], quick: re.Pattern) -> str | None:
    text = block.text.strip()
    if not text or len(text) > 200 or len(text.split()) > _MARKER_MAX_WORDS or not quick.search(text):
        return None
    key = heading_key(text)
    for marker, kind in markers:
        if f" {marker} " in f" {key} ":
            return kind
    return None


def _vote_kind(blocks: list[Block], profile: Profile) -> str:
    """The profile document whose headings this stretch of paragraphs carries most of."""
    best, best_score = UNKNOWN_KIND, 0
    for kind, spec in profile.documents.items():
        score = _heading_score(blocks, spec)
        if score > best_score:
            best, best_score = kind, score
    return best


def split_documents(blocks: list[Block], page_starts: set[int], profile: Profile) -> list[Document]:
    """Split a draft into its documents: the covering report first, then each annex.

    A document starts at a short paragraph carrying one of the profile's document markers (its
    title, e.g. "NON-CONFIDENTIAL NOTICE OF DECISION 0XX/2013"), moved back over up to three
    heading-like lines just above it (the masthead, "ANNEX A") unless body text or a page break
    intervenes; or at a stand-alone "Annex B" line that opens a page. A stretch without a marker
    takes the kind whose required headings it carries most of. Documents after the first are
    annexes A, B, ... in order unless an "Annex X" line labels them.
    """
    markers = sorted(
        (
            (heading_key(m), kind)
            for kind, spec in profile.documents.items()
            for m in (*spec.markers, spec.title)
        ),
        key=lambda m: -len(m[0]),
    )
    # A cheap first look for any marker's words, before the exact comparison of heading keys.
    quick = re.compile(
        "|".join(r"\W+".join(map(re.escape, m.split())) for m, _ in markers) or "(?!)", re.IGNORECASE
    )
    starts: list[tuple[int, str | None]] = [(0, None)]  # (position in blocks, kind if marked)
    for position, block in enumerate(blocks):
        kind = _marker_kind(block, markers, quick)
        if kind is None and block.index in page_starts and ANNEX_LINE.match(block.text):
            starts.append((position, None))
        elif kind is not None:
            start = _masthead_start(blocks, position, page_starts)
            if start <= starts[-1][0]:
                starts[-1] = (starts[-1][0], starts[-1][1] or kind)
            else:
                starts.append((start, kind))
    starts = _confirmed(starts, blocks, profile)
    documents: list[Document] = []
    waiting: tuple[int, str | None] | None = None  # (start, kind) of stretches with no heading yet
    for number, (start, kind) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        first = start
        if waiting is not None:
            first, kind = waiting[0], kind or waiting[1]
        if number + 1 < len(starts) and not any(b.heading for b in blocks[start:end]):
            # A stretch with no heading (a masthead, a cover line) belongs to what follows it; its
            # start is kept rather than its blocks, so a run of such stretches costs their length once.
            waiting = (first, kind)
            continue
        waiting = None
        stretch = blocks[first:end]
        label = next((m.group(1).upper() for b in stretch[:4] if (m := ANNEX_LINE.match(b.text))), None)
        documents.append(Document(kind=kind or _vote_kind(stretch, profile), blocks=stretch, annex=label))
    used = {d.annex for d in documents if d.annex}
    letters = (chr(c) for c in range(ord("A"), ord("Z") + 1))
    for document in documents[1:]:
        if document.annex is None:
            document.annex = next((x for x in letters if x not in used), None)
    return documents


def _confirmed(
    starts: list[tuple[int, str | None]], blocks: list[Block], profile: Profile
) -> list[tuple[int, str | None]]:
    """Drop marker starts whose stretch carries none of that document's headings.

    "Annex A: Draft Notice of Decision" in a covering report's list of annexes names the notice
    but does not start it.
    """
    kept = [starts[0]]
    for number, (start, kind) in enumerate(starts[1:], start=1):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        if kind is None or _heading_score(blocks[start:end], profile.documents[kind]) > 0:
            kept.append((start, kind))
    return kept


def _heading_score(blocks: list[Block], spec) -> int:
    """How many of `spec`'s headings the blocks carry (`heading_matches`), in one pass over them.

    A heading matches a wanted one that is its whole key or a first part of it in words, so every
    such part of every heading is collected once and each wanted heading looked up.
    """
    carried: set[str] = set()
    for block in blocks:
        if block.heading is not None:
            key = heading_key(block.heading.text)
            if not key:
                carried.add(key)
            while key and key not in carried:
                carried.add(key)
                cut = key.rfind(" ")
                key = key[:cut] if cut > 0 else ""
    return sum(
        any(heading_key(w) in carried for w in h.wordings) for h in spec.headings if not h.is_wildcard
    )


def _masthead_start(blocks: list[Block], position: int, page_starts: set[int]) -> int:
    """Where a document whose title is at `position` begins: up to three heading-like lines earlier."""
    start, moved = position, 0
    while start > 0 and moved < 3 and blocks[start].index not in page_starts:
        previous = blocks[start - 1]
        if previous.has_content:
            if previous.heading is None and not ANNEX_LINE.match(previous.text):
                break
            moved += 1
        start -= 1
    return start


# -- metadata ----------------------------------------------------------------------------------
def _core_properties(package: DocxPackage) -> tuple[str | None, str | None]:
    """The title and language in docProps/core.xml, if set."""
    name = package.related_part("", "/core-properties")
    root = package.xml(name) if name else None
    if root is None:
        return None, None
    title = (root.findtext("dc:title", namespaces=NAMESPACES) or "").strip() or None
    language = (root.findtext("dc:language", namespaces=NAMESPACES) or "").strip() or None
    return title, language


def _disabled_rules(package: DocxPackage) -> frozenset[str]:
    """Rules the author switched off with a custom document property `notice-lint-disable`."""
    name = package.related_part("", "/custom-properties")
    root = package.xml(name) if name else None
    if root is None:
        return frozenset()
    for prop in root.iter(qn("custom:property")):
        if (prop.get("name") or "").strip().lower() == DISABLE_PROPERTY:
            value = "".join(prop.itertext())
            return frozenset(v.strip().lower() for v in re.split(r"[,;\s]+", value) if v.strip())
    return frozenset()


def read_docx_outline(path: str | Path, profile: Profile, limits: Limits = DEFAULT_LIMITS) -> Outline:
    """The outline of a .docx draft; raises UnreadableInput if the file cannot be read safely."""
    with open_docx(path, limits) as package:
        body = document_body(package)
        blocks, page_starts, sheet = read_blocks(package, profile, body)
        blocks = infer_outline(blocks, _known_heading_levels(profile))  # the outline seen as a whole
        outside = outside_blocks(package, body)
        title, language = _core_properties(package)
        disabled = _disabled_rules(package)
    return Outline(
        path=str(path),
        source="docx",
        documents=split_documents(blocks, page_starts, profile),
        title=title,
        language=language or sheet.language,
        has_metadata=True,
        disabled_rules=disabled,
        outside=outside,
    )
