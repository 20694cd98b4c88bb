"""A paragraph's text as Word shows it, read in one pass: runs, tabs, breaks, hyphens, drawings, the
prompts of content controls left empty, and the instructions of its fields ("MERGEFIELD Name").
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from notice_builder.docx.elements import (
    CONTAINERS,
    DRAWINGS,
    W_BR,
    W_CR,
    W_NO_BREAK_HYPHEN,
    W_PPR,
    W_R,
    W_SDT,
    W_T,
    W_TAB,
    showing_placeholder,
)
from notice_builder.docx.namespaces import qn

W_FLD_SIMPLE, W_INSTR = qn("w:fldSimple"), qn("w:instr")
W_FLD_CHAR, W_FLD_CHAR_TYPE, W_INSTR_TEXT = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")


@dataclass(slots=True)
class ParagraphText:
    """A paragraph read in one pass over its children: its properties and its text as Word shows it."""

    properties: etree._Element | None  # w:pPr
    text: str
    shown_runs: list[etree._Element]  # the runs with visible text, whose emphasis a typed heading needs
    drawing: bool
    page_break: bool
    prompts: list[str]  # text content controls show while they are empty ("Click or tap here ...")
    fields: list[str]  # the instructions of the fields in it ("MERGEFIELD SchoolName"), as written


def _collect_runs(element: etree._Element, runs: list[etree._Element], prompts: list[etree._Element],
                  fields: list[str] | None = None) -> None:
    """Append the runs of a container (a content control, an insertion, a hyperlink ...) in order.

    The runs of a content control showing its placeholder go to `prompts` instead: Word shows that
    text in grey until the author fills the control in, and it is not the document's text.
    """
    for child in element:
        if child.tag == W_R:
            runs.append(child)
        elif child.tag == W_SDT and showing_placeholder(child):
            _collect_runs(child, prompts, prompts, fields)
        elif child.tag in CONTAINERS:
            if child.tag == W_FLD_SIMPLE and fields is not None:
                fields.append(child.get(W_INSTR) or "")
            _collect_runs(child, runs, prompts, fields)


_RUN_CHARACTERS = {W_TAB: "\t", W_NO_BREAK_HYPHEN: "-"}


def run_text(run: etree._Element) -> str:
    """A run's text as Word shows it: its text, tabs, no-break hyphens, and line breaks as newlines
    (a page break is no text)."""
    parts = []
    for child in run:
        tag = child.tag
        if tag == W_T:
            parts.append(child.text or "")
        elif tag in (W_BR, W_CR):
            if child.get(qn("w:type")) != "page":
                parts.append("\n")
        else:
            parts.append(_RUN_CHARACTERS.get(tag, ""))
    return "".join(parts)


def read_paragraph(p: etree._Element) -> ParagraphText:
    """A paragraph's properties and text: its runs' text, tabs, line breaks and hyphens, in order.

    Deleted and moved-away text (w:del, w:moveFrom) is not shown, nor is a text box's (inside a
    drawing, duplicated for old Word); a picture or a page break is noted.
    """
    properties = None
    runs: list[etree._Element] = []
    prompt_runs: list[etree._Element] = []
    fields: list[str] = []
    for child in p:
        tag = child.tag
        if tag == W_R:
            runs.append(child)
        elif tag == W_PPR:
            properties = child if properties is None else properties
        elif tag == W_SDT and showing_placeholder(child):
            _collect_runs(child, prompt_runs, prompt_runs, fields)
        elif tag in CONTAINERS:
            if tag == W_FLD_SIMPLE:
                fields.append(child.get(W_INSTR) or "")
            _collect_runs(child, runs, prompt_runs, fields)
    prompt = "".join(run_text(run) for run in prompt_runs).strip() if prompt_runs else ""
    parts: list[str] = []
    shown_runs: list[etree._Element] = []
    drawing = page_break = False
    for run in runs:
        pieces = []
        for child in run:
            tag = child.tag
            if tag == W_T:
                pieces.append(child.text or "")
            elif tag == W_TAB:
                pieces.append("\t")
            elif tag in (W_BR, W_CR):
                if child.get(qn("w:type")) == "page":
                    page_break = True
                else:
                    pieces.append("\n")
            elif tag == W_NO_BREAK_HYPHEN:
                pieces.append("-")
            elif tag in DRAWINGS:
                drawing = True
            elif tag == W_FLD_CHAR:
                if child.get(W_FLD_CHAR_TYPE) == "begin":
                    fields.append("")
            elif tag == W_INSTR_TEXT:
                if fields:
                    fields[-1] += child.text or ""
                else:  # a field begun in an earlier paragraph
                    fields.append(child.text or "")
        text = "".join(pieces)
        parts.append(text)
        if text and not text.isspace():
            shown_runs.append(run)
    prompts = [prompt] if prompt else []
    fields = [" ".join(f.split()) for f in fields if f.strip()]
    return ParagraphText(properties, "".join(parts), shown_runs, drawing, page_break, prompts, fields)
