"""Hyperlink relationships and list numbering inside a Word document being rendered.

Both are looked up through the template's own styles (List Bullet, List Number), so an office that
restyles its template in Word keeps working lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from notice_builder.docx.elements import W_VAL
from notice_builder.docx.namespaces import qn
from notice_builder.docx.numbering import abstract_of
from notice_builder.docx.styles import style_num_id


@dataclass(frozen=True)
class ListStyles:
    """The Word lists that a template's bullet and number paragraph styles apply (read once a template)."""

    bullet_num_id: int
    number_abstract_id: str

    @classmethod
    def read(cls, numbering: etree._Element, styles: etree._Element,
             bullet_style: str = "ListBullet", number_style: str = "ListNumber") -> ListStyles:
        bullet = style_num_id(styles, bullet_style)
        number_abstract = abstract_of(numbering, style_num_id(styles, number_style))
        if bullet is None or number_abstract is None:
            raise ValueError(
                f"the template's '{bullet_style}' and '{number_style}' styles must be Word lists"
            )
        return cls(bullet, number_abstract)


class ListNumbering:
    """Allocates Word list instances (w:num) in a numbering part, deterministically."""

    def __init__(self, numbering: etree._Element, styles: ListStyles):
        self._numbering = numbering
        self._styles = styles
        used = (int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num")))
        self._next_num_id = max(used, default=0) + 1

    def bullet_list_id(self) -> int:
        return self._styles.bullet_num_id

    def new_numbered_list_id(self, start: int) -> int:
        """Append a w:num that restarts the numbered list at `start`; return its numId."""
        num_id, self._next_num_id = self._next_num_id, self._next_num_id + 1
        num = etree.SubElement(self._numbering, qn("w:num"), {qn("w:numId"): str(num_id)})
        etree.SubElement(num, qn("w:abstractNumId"), {W_VAL: self._styles.number_abstract_id})
        override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        etree.SubElement(override, qn("w:startOverride"), {W_VAL: str(start)})
        return num_id


class DocxResources:
    """WordResources for a python-docx Document (the docxtpl rendering path)."""

    def __init__(self, document):
        part = document.part
        self._part = part
        numbering = part.numbering_part.element
        self._lists = ListNumbering(numbering, ListStyles.read(numbering, part.styles.element))

    def hyperlink_id(self, url: str) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE

        return self._part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)

    def bullet_list_id(self) -> int:
        return self._lists.bullet_list_id()

    def new_numbered_list_id(self, start: int) -> int:
        return self._lists.new_numbered_list_id(start)
