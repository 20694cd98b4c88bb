"""Walking WordprocessingML with lxml: tag names, on/off properties, and the body's paragraphs, runs,
tables, content controls and text boxes in reading order.

Paragraph N in findings is the N-th paragraph `iter_paragraphs` yields (1-based): the linter, the
annotator and the template checker all number paragraphs with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from notice_builder.docx.namespaces import qn

W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_PPR, W_RPR, W_VAL = qn("w:pPr"), qn("w:rPr"), qn("w:val")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
W_SDT, W_SDT_PR, W_SHOWING_PLACEHOLDER = qn("w:sdt"), qn("w:sdtPr"), qn("w:showingPlcHdr")
W_TXBX_CONTENT = qn("w:txbxContent")
CONTAINERS = frozenset(
    {
        qn("w:sdt"),
        qn("w:sdtContent"),
        qn("w:customXml"),
        qn("w:ins"),
        qn("w:smartTag"),
        qn("w:hyperlink"),
        qn("w:fldSimple"),
        qn("w:moveTo"),
        qn("w:dir"),
        qn("w:bdo"),
    }
)
DRAWINGS = frozenset(
    {
        qn("w:drawing"),
        qn("w:pict"),
        qn("w:object"),
        qn("mc:AlternateContent"),
    }
)
OFF_VALUES = frozenset({"0", "false", "off", "none"})


def on(element: etree._Element | None) -> bool | None:
    """A Word on/off property: None if absent, else whether it is switched on."""
    if element is None:
        return None
    return (element.get(W_VAL) or "1").lower() not in OFF_VALUES


def first_children(element: etree._Element) -> dict[str, etree._Element]:
    """Each tag's first child, in one pass: a paragraph's properties are looked up by tag."""
    found: dict[str, etree._Element] = {}
    for child in element:
        found.setdefault(child.tag, child)
    return found


def first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag, or None: lxml's `find` parses a path each call, which costs more."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def int_value(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def rows(table: etree._Element) -> Iterator[etree._Element]:
    """A table's own rows, in order, including rows inside a content control or custom XML (a
    repeating section wraps its rows in w:sdt), but not the rows of a table nested in a cell.
    """
    for child in table:
        if child.tag == W_TR:
            yield child
        elif child.tag in CONTAINERS:
            yield from rows(child)


def iter_paragraphs(body: etree._Element) -> Iterator[tuple[etree._Element, int | None]]:
    """Each paragraph of the body in reading order, with a table-row id for table-cell paragraphs.

    Paragraph N in findings is the N-th element this yields (1-based); the annotator uses the same
    walk to find it again. Text boxes are not entered: `stories.text_boxes` reads them, once each.
    """
    row_counter = [0]

    def walk(element: etree._Element, row: int | None):
        for child in element:
            tag = child.tag
            if tag == W_P:
                yield child, row
            elif tag == W_TBL:
                for tr in rows(child):
                    row_counter[0] += 1
                    this_row = row_counter[0]
                    for tc in tr:
                        if tc.tag == W_TC:
                            yield from walk(tc, this_row)
                        elif tc.tag in CONTAINERS:
                            for inner in tc.iter(W_TC):
                                yield from walk(inner, this_row)
            elif tag in CONTAINERS:
                yield from walk(child, row)

    yield from walk(body, None)


def iter_runs(paragraph: etree._Element) -> list[etree._Element]:
    """A paragraph's own runs (w:r children), in order."""
    return [run for run in paragraph if run.tag == W_R]


def iter_text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """The content (w:txbxContent) of each text box under `element`, in document order."""
    return element.iter(W_TXBX_CONTENT)


def showing_placeholder(sdt: etree._Element) -> bool:
    """True if a content control (w:sdt) is empty and shows its placeholder ("Choose an item.")."""
    properties = first_child(sdt, W_SDT_PR)
    return properties is not None and first_child(properties, W_SHOWING_PLACEHOLDER) is not None


def in_placeholder(p: etree._Element, body: etree._Element) -> bool:
    """True if the paragraph is inside a block-level content control that shows its placeholder."""
    parent = p.getparent()
    while parent is not None and parent is not body:
        if parent.tag == W_SDT and showing_placeholder(parent):
            return True
        parent = parent.getparent()
    return False
