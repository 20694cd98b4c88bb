"""A Word document's text outside its body's paragraphs: headers, footers, text boxes, footnotes, endnotes.

Word calls each of these a "story". Their paragraphs are read as the body's are (`iter_paragraphs`),
but kept apart, so they never shift the body's paragraph numbering. A text box Word writes twice, for
new Word (mc:Choice) and for old (mc:Fallback, VML), is read once. Separator footnotes (the rule above
the notes) hold no text of the author's and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from notice_builder.docx.elements import W_P, W_TC, W_TXBX_CONTENT, iter_paragraphs
from notice_builder.docx.namespaces import NAMESPACES, qn
from notice_builder.docx.package_reader import DocxPackage
from notice_builder.model.findings import Finding, UnreadableInput

W_BODY, W_DOCUMENT = qn("w:body"), qn("w:document")
MC_CHOICE, MC_FALLBACK = qn("mc:Choice"), qn("mc:Fallback")
W_TYPE, W_ID = qn("w:type"), qn("w:id")
# Relationship type (its last part) of each story part, with the area its text is in, in reading order.
STORY_PARTS = (
    ("/header", "header"), ("/footnotes", "footnote"), ("/endnotes", "endnote"), ("/footer", "footer"),
)
_NOTES = {"footnote": (qn("w:footnote"), qn("w:footnoteReference")),
          "endnote": (qn("w:endnote"), qn("w:endnoteReference"))}
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(frozen=True)
class StoryParagraph:
    """A paragraph outside the body: the area it is in, and the body paragraph it is anchored to, if any."""

    area: str  # "header", "footer", "text box", "footnote", "endnote"
    paragraph: etree._Element
    root: etree._Element  # the story (w:hdr, w:txbxContent, w:footnote ...) it belongs to
    anchor: etree._Element | None = None  # a text box's or note reference's paragraph in the body
    within: str | None = None  # for a text box: the area it sits in, if not the body ("header")


def document_body(package: DocxPackage) -> etree._Element:
    """The main document's w:body; UnreadableInput if the part is not a WordprocessingML document."""
    root = package.xml(package.main_part)
    body = root.find(W_BODY) if root is not None and root.tag == W_DOCUMENT else None
    if body is None:
        tag = root.tag if root is not None else "nothing"
        namespace = tag[1:].partition("}")[0] if tag.startswith("{") else ""
        known = namespace in NAMESPACES.values()
        raise UnreadableInput([Finding(
            code="docx-unknown-format",
            message=f"the main part {package.main_part} is not a Word document body that can be read "
                    f"(its root is {tag.rsplit('}', 1)[-1]!r}"
                    + ("" if known or not namespace else f" in the unknown namespace {namespace}") + ")",
            path=package.path,
            hint="open it in Word and save it as a Word Document (.docx); nothing in it was checked",
        )])
    return body


def table_cell(p: etree._Element) -> int | None:
    """The position in its row of the table cell a paragraph is in (None outside a table)."""
    parent = p.getparent()
    while parent is not None and parent.tag != W_TC:
        parent = parent.getparent()
    return None if parent is None else sum(1 for _ in parent.itersiblings(W_TC, preceding=True))


def _duplicate_text_box(content: etree._Element) -> bool:
    """True for old Word's copy (mc:Fallback) of a text box whose new form (mc:Choice) is also there."""
    parent = content.getparent()
    while parent is not None:
        if parent.tag == MC_FALLBACK:
            alternate = parent.getparent()
            return alternate is not None and any(
                choice.tag == MC_CHOICE and next(choice.iter(W_TXBX_CONTENT), None) is not None
                for choice in alternate
            )
        parent = parent.getparent()
    return False


def _anchor(content: etree._Element, stop: etree._Element) -> etree._Element | None:
    """The paragraph of `stop`'s story that holds a text box (outside any other text box)."""
    anchor, parent = None, content.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == W_P:
            anchor = parent
        parent = parent.getparent()
    return anchor


def text_boxes(root: etree._Element, within: str | None = None) -> Iterator[StoryParagraph]:
    """Each paragraph of each text box under `root`, read once, with the paragraph it is anchored in."""
    for content in root.iter(W_TXBX_CONTENT):
        if _duplicate_text_box(content):
            continue
        anchor = _anchor(content, root)
        for p, _ in iter_paragraphs(content):
            yield StoryParagraph("text box", p, content, anchor, within)


def _note_anchors(body: etree._Element, reference_tag: str) -> dict[str, etree._Element]:
    """Note id -> the body paragraph whose reference mark points at it."""
    anchors: dict[str, etree._Element] = {}
    for reference in body.iter(reference_tag):
        anchor = _anchor(reference, body)
        if anchor is not None:
            anchors.setdefault(reference.get(W_ID) or "", anchor)
    return anchors


def story_paragraphs(package: DocxPackage, body: etree._Element) -> Iterator[StoryParagraph]:
    """Every paragraph outside the body's own: headers, the body's text boxes, notes, footers."""
    for relationship, area in STORY_PARTS:
        if area == "footnote":
            yield from text_boxes(body)
        for name in package.related_parts(package.main_part, relationship):
            root = package.xml(name)
            if root is None:
                continue
            if area in _NOTES:
                note_tag, reference_tag = _NOTES[area]
                anchors = None
                for note in root.iter(note_tag):
                    if note.get(W_TYPE) in _SEPARATORS:
                        continue
                    if anchors is None:
                        anchors = _note_anchors(body, reference_tag)
                    anchor = anchors.get(note.get(W_ID) or "")
                    for p, _ in iter_paragraphs(note):
                        yield StoryParagraph(area, p, note, anchor)
                continue
            for p, _ in iter_paragraphs(root):
                yield StoryParagraph(area, p, root)
            yield from text_boxes(root, within=area)
