"""Read a .docx into an Outline with lxml: paragraphs, headings (styled or typed), numbering, documents.

Style IDs are resolved to names, heading levels, bold and capitals through the basedOn chain once
per distinct styles.xml (cached). A heading is a paragraph whose style (or the paragraph itself)
has an outline level, or whose style name is "heading N" in any of the languages Word uses
("Überschrift 1", "Titre 1", "Kop 1" ...). Paragraphs typed to look like headings are found with
`outline.fake_heading_level`, except a profile field's label on its own ("Protective Marking:" in
bold, left blank), which is a field, not a heading. A combined draft is split into its documents
by the profile's document markers (e.g. "NOTICE OF DECISION") and stand-alone "Annex B" lines;
see `split_documents`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from notice_builder.docx.package_reader import DEFAULT_LIMITS, DocxPackage, Limits, open_docx, parse_xml
from notice_builder.model.findings import Location
from notice_builder.model.outline import (
    ANNEX_LINE,
    UNKNOWN_KIND,
    Block,
    Document,
    Heading,
    Outline,
    fake_heading_level,
    heading_key,
    heading_matches,
    label_key,
    may_be_heading,
)
from notice_builder.model.profile import Profile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
W_P, W_TBL, W_TR, W_TC, W_R = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "r"
W_PPR, W_RPR, W_VAL = _W + "pPr", _W + "rPr", _W + "val"
W_T, W_TAB, W_BR, W_CR, W_NO_BREAK_HYPHEN = _W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"
W_SDT, W_SDT_PR, W_SHOWING_PLACEHOLDER = _W + "sdt", _W + "sdtPr", _W + "showingPlcHdr"
_CONTAINERS = frozenset(
    {
        _W + "sdt",
        _W + "sdtContent",
        _W + "customXml",
        _W + "ins",
        _W + "smartTag",
        _W + "hyperlink",
        _W + "fldSimple",
        _W + "moveTo",
        _W + "dir",
        _W + "bdo",
    }
)
_DRAWINGS = frozenset(
    {
        _W + "drawing",
        _W + "pict",
        _W + "object",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
    }
)
_FALSE = frozenset({"0", "false", "off", "none"})
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
_CORE_NS = {"dc": "http://purl.org/dc/elements/1.1/"}
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
DISABLE_PROPERTY = "notice-lint-disable"

# "heading 1" in the languages Word localises style names into (lower-cased, digits stripped).
_HEADING_NAME = re.compile(
    r"^(?:heading|überschrift|berschrift|titre|titolo|título|titulo|encabezado|kop|rubrik|overskrift|"
    r"otsikko|nagłówek|nagwek|заголовок|címsor|cmsor|nadpis|başlık|balk|antraštė|virsraksts|pealkiri|"
    r"見出し|标题|標題|제목)\s*([1-9])$"
)
_TITLE_NAME = re.compile(
    r"^(?:title|subtitle|titel|titre|titolo|título|titulo|untertitel|sous-titre|"
    r"subtítulo|sottotitolo|ondertitel|otsikko|tytuł|заголовок)$"
)
_MARKER_MAX_WORDS = 15


def _on(element: etree._Element | None) -> bool | None:
    """A Word on/off property: None if absent, else whether it is switched on."""
    if element is None:
        return None
    return (element.get(W_VAL) or "1").lower() not in _FALSE


def _first_children(element: etree._Element) -> dict[str, etree._Element]:
    """Each tag's first child, in one pass: a paragraph's properties are looked up by tag."""
    found: dict[str, etree._Element] = {}
    for child in element:
        found.setdefault(child.tag, child)
    return found


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag, or None: lxml's `find` parses a path each call, which costs more."""
    for child in element:
        if child.tag == tag:
            return child
    return None


@dataclass(frozen=True)
class StyleFacts:
    """What a paragraph or character style means once its basedOn chain is resolved."""

    name: str
    outline_level: int | None = None
    is_title: bool = False
    bold: bool | None = None
    caps: bool | None = None
    num: tuple[str, int] | None = None


class StyleSheet:
    """Style ID -> resolved StyleFacts for one styles.xml, and the document's default language."""

    def __init__(self, root: etree._Element | None):
        self.facts: dict[str, StyleFacts] = {}
        self.default_paragraph: str | None = None
        self.language: str | None = None
        raw: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(_W + "style"):
                style_id = style.get(_W + "styleId")
                if style_id is None:
                    continue
                raw[style_id] = style
                if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
                    self.default_paragraph = style_id
            lang = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}lang")
            if lang is not None:
                self.language = lang.get(W_VAL) or None
        for style_id in raw:
            self.facts[style_id] = self._resolve(style_id, raw)

    @staticmethod
    def _resolve(style_id: str, raw: dict[str, etree._Element]) -> StyleFacts:
        name_el = raw[style_id].find(_W + "name")
        name = name_el.get(W_VAL, style_id) if name_el is not None else style_id
        level = bold = caps = num = None
        is_title = False
        seen: set[str] = set()
        current: str | None = style_id
        while current in raw and current not in seen and len(seen) < 32:
            seen.add(current)
            style = raw[current]
            ppr, rpr = style.find(W_PPR), style.find(W_RPR)
            if level is None and ppr is not None and (outline := ppr.find(_W + "outlineLvl")) is not None:
                level = _int(outline.get(W_VAL), 9)
            if level is None:
                own_name_el = style.find(_W + "name")
                own_name = (own_name_el.get(W_VAL, "") if own_name_el is not None else "").casefold().strip()
                for candidate in (own_name, current.casefold()):
                    if match := _HEADING_NAME.match(candidate):
                        level = int(match.group(1)) - 1
                        break
                    if _TITLE_NAME.match(candidate):
                        is_title = True
            if rpr is not None:
                bold = _on(rpr.find(_W + "b")) if bold is None else bold
                caps = _on(rpr.find(_W + "caps")) if caps is None else caps
            if num is None and ppr is not None and (numpr := ppr.find(_W + "numPr")) is not None:
                num = _num_pr(numpr)
            based = style.find(_W + "basedOn")
            current = based.get(W_VAL) if based is not None else None
        heading_level = level + 1 if level is not None and level < 9 else None
        return StyleFacts(
            name=name,
            outline_level=heading_level,
            is_title=is_title and heading_level is None,
            bold=bold,
            caps=caps,
            num=num,
        )

    def get(self, style_id: str | None) -> StyleFacts:
        if style_id is None:
            style_id = self.default_paragraph
        found = self.facts.get(style_id or "")
        return found if found is not None else StyleFacts(name=style_id or "Normal")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _num_pr(numpr: etree._Element) -> tuple[str, int] | None:
    num_id = _child(numpr, _W + "numId")
    ilvl = _child(numpr, _W + "ilvl")
    if num_id is None:
        return None
    value = num_id.get(W_VAL) or "0"
    if value == "0":
        return ("0", 0)  # numbering explicitly switched off
    return value, min(max(_int(ilvl.get(W_VAL) if ilvl is not None else "0", 0), 0), 8)


class Numbering:
    """Word's automatic list numbering, replayed so each numbered paragraph gets the number Word shows."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[int, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(_W + "lvl"):
                start, fmt = lvl.find(_W + "start"), lvl.find(_W + "numFmt")
                levels[_int(lvl.get(_W + "ilvl"), 0)] = (
                    _int(start.get(W_VAL) if start is not None else "1", 1),
                    (fmt.get(W_VAL) if fmt is not None else "decimal") or "decimal",
                )
            self.levels[abstract.get(_W + "abstractNumId") or ""] = levels
        for num in root.iter(_W + "num"):
            abstract_id = num.find(_W + "abstractNumId")
            overrides = {}
            for override in num.iter(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                if start is not None:
                    overrides[_int(override.get(_W + "ilvl"), 0)] = _int(start.get(W_VAL), 1)
            self.nums[num.get(_W + "numId") or ""] = (
                abstract_id.get(W_VAL) if abstract_id is not None else "",
                overrides,
            )

    def counter(self) -> NumberingCounter:
        return NumberingCounter(self)


class NumberingCounter:
    """The running counters of one pass through a document."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()

    def next(self, num_id: str, ilvl: int) -> tuple[int, ...] | None:
        """The number shown for a paragraph in list `num_id` at `ilvl`, or None for bullets."""
        abstract_id, overrides = self.numbering.nums.get(num_id, ("", {}))
        levels = self.numbering.levels.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 9:
                    counters[level] = start - 1
        start, fmt = levels.get(ilvl, (1, "decimal"))
        counters[ilvl] = (start - 1 if counters[ilvl] is None else counters[ilvl]) + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if fmt in ("bullet", "none"):
            return None
        return tuple(
            c if c is not None else levels.get(i, (1, ""))[0] for i, c in enumerate(counters[: ilvl + 1])
        )


def _stylesheet(data: bytes) -> StyleSheet:
    return StyleSheet(parse_xml(data))


def _numbering(data: bytes) -> Numbering:
    return Numbering(parse_xml(data))


# Styles and numbering are the same across an office's drafts (and Word's default styles.xml is
# hundreds of kilobytes): each distinct part is unpacked and resolved once per process, found again
# by the zip directory's CRC and size without unpacking it.
_SHARED_PARTS: dict[tuple, object] = {}
_SHARED_PARTS_MAX = 128


def _shared_part(package: DocxPackage, name: str | None, build, empty):
    """A styles or numbering part, resolved through the cache; `empty` if the package has none."""
    if not name:
        return empty
    info = package.zip.getinfo(name)
    key = (build.__name__, info.CRC, info.file_size)
    if (cached := _SHARED_PARTS.get(key)) is not None:
        return cached
    try:
        value = build(package.checked(name))
    except etree.XMLSyntaxError as exc:
        raise package.invalid_xml(name, exc) from None
    if len(_SHARED_PARTS) >= _SHARED_PARTS_MAX:
        _SHARED_PARTS.clear()
    _SHARED_PARTS[key] = value
    return value


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """A table's own rows, in order, including rows inside a content control or custom XML (a
    repeating section wraps its rows in w:sdt), but not the rows of a table nested in a cell.
    """
    for child in table:
        if child.tag == W_TR:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _rows(child)


def iter_paragraphs(body: etree._Element) -> Iterator[tuple[etree._Element, int | None]]:
    """Each paragraph of the body in reading order, with a table-row id for table-cell paragraphs.

    Paragraph N in findings is the N-th element this yields (1-based); the annotator uses the same
    walk to find it again. Text boxes are not entered (their content is duplicated for old Word).
    """
    row_counter = [0]

    def walk(element: etree._Element, row: int | None):
        for child in element:
            tag = child.tag
            if tag == W_P:
                yield child, row
            elif tag == W_TBL:
                for tr in _rows(child):
                    row_counter[0] += 1
                    this_row = row_counter[0]
                    for tc in tr:
                        if tc.tag == W_TC:
                            yield from walk(tc, this_row)
                        elif tc.tag in _CONTAINERS:
                            for inner in tc.iter(W_TC):
                                yield from walk(inner, this_row)
            elif tag in _CONTAINERS:
                yield from walk(child, row)

    yield from walk(body, None)


@dataclass(slots=True)
class _Paragraph:
    """A paragraph read in one pass over its children: its properties and its text as Word shows it."""

    properties: etree._Element | None  # w:pPr
    text: str
    shown_runs: list[etree._Element]  # the runs with visible text, whose emphasis a typed heading needs
    drawing: bool
    page_break: bool
    prompts: list[str]  # text content controls show while they are empty ("Click or tap here ...")


def showing_placeholder(sdt: etree._Element) -> bool:
    """True if a content control (w:sdt) is empty and shows its placeholder ("Choose an item.")."""
    properties = _child(sdt, W_SDT_PR)
    return properties is not None and _child(properties, W_SHOWING_PLACEHOLDER) is not None


def _collect_runs(element: etree._Element, runs: list[etree._Element], prompts: list[etree._Element]) -> None:
    """Append the runs of a container (a content control, an insertion, a hyperlink ...) in order.

    The runs of a content control showing its placeholder go to `prompts` instead: Word shows that
    text in grey until the author fills the control in, and it is not the document's text.
    """
    for child in element:
        if child.tag == W_R:
            runs.append(child)
        elif child.tag == W_SDT and showing_placeholder(child):
            _collect_runs(child, prompts, prompts)
        elif child.tag in _CONTAINERS:
            _collect_runs(child, runs, prompts)


_RUN_CHARACTERS = {W_TAB: "\t", W_NO_BREAK_HYPHEN: "-"}


def _run_text(run: etree._Element) -> str:
    return "".join((c.text or "") if c.tag == W_T else _RUN_CHARACTERS.get(c.tag, "") for c in run)


def _read_paragraph(p: etree._Element) -> _Paragraph:
    """A paragraph's properties and text: its runs' text, tabs, line breaks and hyphens, in order.

    Deleted and moved-away text (w:del, w:moveFrom) is not shown, nor is a text box's (inside a
    drawing, duplicated for old Word); a picture or a page break is noted.
    """
    properties = None
    runs: list[etree._Element] = []
    prompt_runs: list[etree._Element] = []
    for child in p:
        tag = child.tag
        if tag == W_R:
            runs.append(child)
        elif tag == W_PPR:
            properties = child if properties is None else properties
        elif tag == W_SDT and showing_placeholder(child):
            _collect_runs(child, prompt_runs, prompt_runs)
        elif tag in _CONTAINERS:
            _collect_runs(child, runs, prompt_runs)
    prompt = "".join(_run_text(run) for run in prompt_runs).strip() if prompt_runs else ""
    parts: list[str] = []
    shown_runs: list[etree._Element] = []
    drawing = page_break = False
    for run in runs:
        run_text = []
        for child in run:
            tag = child.tag
            if tag == W_T:
                run_text.append(child.text or "")
            elif tag == W_TAB:
                run_text.append("\t")
            elif tag in (W_BR, W_CR):
                if child.get(_W + "type") == "page":
                    page_break = True
                else:
                    run_text.append("\n")
            elif tag == W_NO_BREAK_HYPHEN:
                run_text.append("-")
            elif tag in _DRAWINGS:
                drawing = True
        text = "".join(run_text)
        parts.append(text)
        if text and not text.isspace():
            shown_runs.append(run)
    return _Paragraph(properties, "".join(parts), shown_runs, drawing, page_break, [prompt] if prompt else [])


def _in_placeholder(p: etree._Element, body: etree._Element) -> bool:
    """True if the paragraph is inside a block-level content control that shows its placeholder."""
    parent = p.getparent()
    while parent is not None and parent is not body:
        if parent.tag == W_SDT and showing_placeholder(parent):
            return True
        parent = parent.getparent()
    return False


def _emphasis(runs: list[etree._Element], style: StyleFacts, sheet: StyleSheet) -> tuple[bool, bool]:
    """(all bold, all in capitals) for these runs, each set on the run, its character style or the
    paragraph style; both False for no runs. Read only for a paragraph that may be a typed heading.
    """
    all_bold = all_caps = bool(runs)
    for run in runs:
        bold = caps = char_style = None
        rpr = _child(run, W_RPR)
        if rpr is not None:
            bold, caps = _on(_child(rpr, _W + "b")), _on(_child(rpr, _W + "caps"))
            rstyle = _child(rpr, _W + "rStyle")
            if rstyle is not None:
                char_style = sheet.facts.get(rstyle.get(W_VAL) or "")
        if bold is None:
            bold = (char_style.bold if char_style and char_style.bold is not None else style.bold) or False
        if caps is None:
            caps = (char_style.caps if char_style and char_style.caps is not None else style.caps) or False
        all_bold = all_bold and bold
        all_caps = all_caps and caps
        if not (all_bold or all_caps):
            break
    return all_bold, all_caps


def _known_heading_levels(profile: Profile) -> dict[str, int]:
    """The profile's headings (heading_key) with their level in the form: a typed one takes that level."""
    levels: dict[str, int] = {}
    for spec in profile.documents.values():
        for h in spec.headings:
            if not h.is_wildcard:
                key = heading_key(h.text)
                levels[key] = min(h.level, levels.get(key, h.level))
    return levels


def _known_labels(profile: Profile) -> frozenset[str]:
    """The profile's field labels (and the signature block's), which a blank field shows alone."""
    labels = {label_key(f.label) for spec in profile.documents.values() for f in spec.fields}
    return frozenset(labels | {"signature", "date"})


def read_blocks(package: DocxPackage, profile: Profile) -> tuple[list[Block], set[int], StyleSheet]:
    """Every paragraph of the main document as a Block, and the indexes of those that open a page."""
    document = package.xml(package.main_part)
    body = document.find(_W + "body") if document is not None else None
    if body is None:
        return [], set(), StyleSheet(None)
    styles_name = package.related_part(package.main_part, "/styles")
    numbering_name = package.related_part(package.main_part, "/numbering")
    sheet = _shared_part(package, styles_name, _stylesheet, StyleSheet(None))
    numbering = _shared_part(package, numbering_name, _numbering, Numbering(None))
    counter = numbering.counter()
    levels = _known_heading_levels(profile)
    known = frozenset(levels)
    labels = _known_labels(profile)
    blocks: list[Block] = []
    page_starts: set[int] = set()
    break_pending = False
    for index, (p, row) in enumerate(iter_paragraphs(body), start=1):
        content = _read_paragraph(p)
        if p.getparent() is not body and _in_placeholder(p, body):
            # A paragraph (or cell) content control showing its placeholder: all of it is a prompt.
            text = content.text.strip()
            content = _Paragraph(content.properties, "", [], content.drawing, content.page_break,
                                 [text] if text else [])
        style_id = outline_level = numpr = None
        page_before = section_end = False
        if content.properties is not None:
            properties = _first_children(content.properties)
            pstyle = properties.get(_W + "pStyle")
            style_id = pstyle.get(W_VAL) if pstyle is not None else None
            if (outline := properties.get(_W + "outlineLvl")) is not None:
                outline_level = _int(outline.get(W_VAL), 9)
            if (numpr_el := properties.get(_W + "numPr")) is not None:
                numpr = _num_pr(numpr_el)
            page_before = bool(_on(properties.get(_W + "pageBreakBefore")))
            section_end = _W + "sectPr" in properties
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
            bold, caps = _emphasis(content.shown_runs, style, sheet)
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
                has_drawing=content.drawing,
                prompts=tuple(content.prompts),
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
    explicit: list[str | None] = []
    for number, (start, kind) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        stretch = blocks[start:end]
        if documents and not any(b.heading for b in documents[-1].blocks):
            # A stretch with no heading (a masthead, a cover line) belongs to what follows it.
            stretch = documents.pop().blocks + stretch
            kind = kind or explicit.pop()
        label = next((m.group(1).upper() for b in stretch[:4] if (m := ANNEX_LINE.match(b.text))), None)
        documents.append(Document(kind=kind or _vote_kind(stretch, profile), blocks=stretch, annex=label))
        explicit.append(kind)
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
    keys = [heading_key(b.heading.text) for b in blocks if b.heading]
    wanted = [heading_key(h.text) for h in spec.headings if not h.is_wildcard]
    return sum(any(heading_matches(k, w) for k in keys) for w in wanted)


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
    title = (root.findtext("dc:title", namespaces=_CORE_NS) or "").strip() or None
    language = (root.findtext("dc:language", namespaces=_CORE_NS) or "").strip() or None
    return title, language


def _disabled_rules(package: DocxPackage) -> frozenset[str]:
    """Rules the author switched off with a custom document property `notice-lint-disable`."""
    name = package.related_part("", "/custom-properties")
    root = package.xml(name) if name else None
    if root is None:
        return frozenset()
    for prop in root.iter(f"{{{_CUSTOM_NS}}}property"):
        if (prop.get("name") or "").strip().lower() == DISABLE_PROPERTY:
            value = "".join(prop.itertext())
            return frozenset(v.strip().lower() for v in re.split(r"[,;\s]+", value) if v.strip())
    return frozenset()


def read_docx_outline(path: str | Path, profile: Profile, limits: Limits = DEFAULT_LIMITS) -> Outline:
    """The outline of a .docx draft; raises UnreadableInput if the file cannot be read safely."""
    with open_docx(path, limits) as package:
        blocks, page_starts, sheet = read_blocks(package, profile)
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
    )
