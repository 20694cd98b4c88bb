"""Word styles resolved through their basedOn chains: name, heading level (from the outline level or a
"heading N" name in any of Word's languages), title, bold, capitals and list numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from notice_builder.docx.elements import W_PPR, W_RPR, W_VAL, first_child, int_value, on
from notice_builder.docx.namespaces import NAMESPACES, qn
from notice_builder.docx.numbering import num_pr

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
            for style in root.iter(qn("w:style")):
                style_id = style.get(qn("w:styleId"))
                if style_id is None:
                    continue
                raw[style_id] = style
                is_default = style.get(qn("w:default")) in ("1", "true", "on")
                if style.get(qn("w:type")) == "paragraph" and is_default:
                    self.default_paragraph = style_id
            lang = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NAMESPACES)
            if lang is not None:
                self.language = lang.get(W_VAL) or None
        for style_id in raw:
            self.facts[style_id] = self._resolve(style_id, raw)

    @staticmethod
    def _resolve(style_id: str, raw: dict[str, etree._Element]) -> StyleFacts:
        name_el = raw[style_id].find(qn("w:name"))
        name = name_el.get(W_VAL, style_id) if name_el is not None else style_id
        level = bold = caps = num = None
        is_title = False
        seen: set[str] = set()
        current: str | None = style_id
        while current in raw and current not in seen and len(seen) < 32:
            seen.add(current)
            style = raw[current]
            ppr, rpr = style.find(W_PPR), style.find(W_RPR)
            if level is None and ppr is not None and (outline := ppr.find(qn("w:outlineLvl"))) is not None:
                level = int_value(outline.get(W_VAL), 9)
            if level is None:
                own_name_el = style.find(qn("w:name"))
                own_name = (own_name_el.get(W_VAL, "") if own_name_el is not None else "").casefold().strip()
                for candidate in (own_name, current.casefold()):
                    if match := _HEADING_NAME.match(candidate):
                        level = int(match.group(1)) - 1
                        break
                    if _TITLE_NAME.match(candidate):
                        is_title = True
            if rpr is not None:
                bold = on(rpr.find(qn("w:b"))) if bold is None else bold
                caps = on(rpr.find(qn("w:caps"))) if caps is None else caps
            if num is None and ppr is not None and (numpr := ppr.find(qn("w:numPr"))) is not None:
                num = num_pr(numpr)
            based = style.find(qn("w:basedOn"))
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


def emphasis(runs: list[etree._Element], style: StyleFacts, sheet: StyleSheet) -> tuple[bool, bool]:
    """(all bold, all in capitals) for these runs, each set on the run, its character style or the
    paragraph style; both False for no runs. Read only for a paragraph that may be a typed heading.
    """
    all_bold = all_caps = bool(runs)
    for run in runs:
        bold = caps = char_style = None
        rpr = first_child(run, W_RPR)
        if rpr is not None:
            bold, caps = on(first_child(rpr, qn("w:b"))), on(first_child(rpr, qn("w:caps")))
            rstyle = first_child(rpr, qn("w:rStyle"))
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


def style_num_id(styles: etree._Element, style_id: str) -> int | None:
    """numId that a paragraph style applies, following its basedOn chain."""
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NAMESPACES)
        if style is None:
            return None
        num = style.find("w:pPr/w:numPr/w:numId", NAMESPACES)
        if num is not None:
            return int(num.get(W_VAL))
        based = style.find("w:basedOn", NAMESPACES)
        style_id = based.get(W_VAL) if based is not None else None
    return None
