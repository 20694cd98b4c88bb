"""Hyperlink relationships and list numbering inside a Word document being rendered.

Both are looked up through the template's own styles (List Bullet, List Number), so an office that
restyles its template in Word keeps working lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def _style_num_id(styles: etree._Element, style_id: str) -> int | None:
    """numId that a paragraph style applies, following its basedOn chain."""
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.find(f"{_W}style[@{_W}styleId='{style_id}']")
        if style is None:
            return None
        num = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        if num is not None:
            return int(num.get(f"{_W}val"))
        based = style.find(f"{_W}basedOn")
        style_id = based.get(f"{_W}val") if based is not None else None
    return None


def _abstract_of(numbering: etree._Element, num_id: int | None) -> str | None:
    """abstractNumId of the list instance `num_id`."""
    if num_id is None:
        return None
    node = numbering.find(f"{_W}num[@{_W}numId='{num_id}']/{_W}abstractNumId")
    return node.get(f"{_W}val") if node is not None else None


@dataclass(frozen=True)
class ListStyles:
    """The Word lists that a template's bullet and number paragraph styles apply (read once a template)."""

    bullet_num_id: int
    number_abstract_id: str

    @classmethod
    def read(cls, numbering: etree._Element, styles: etree._Element,
             bullet_style: str = "ListBullet", number_style: str = "ListNumber") -> ListStyles:
        bullet = _style_num_id(styles, bullet_style)
        number_abstract = _abstract_of(numbering, _style_num_id(styles, number_style))
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
        used = (int(n.get(f"{_W}numId")) for n in numbering.findall(f"{_W}num"))
        self._next_num_id = max(used, default=0) + 1

    def bullet_list_id(self) -> int:
        return self._styles.bullet_num_id

    def new_numbered_list_id(self, start: int) -> int:
        """Append a w:num that restarts the numbered list at `start`; return its numId."""
        num_id, self._next_num_id = self._next_num_id, self._next_num_id + 1
        num = etree.SubElement(self._numbering, f"{_W}num", {f"{_W}numId": str(num_id)})
        etree.SubElement(num, f"{_W}abstractNumId", {f"{_W}val": self._styles.number_abstract_id})
        override = etree.SubElement(num, f"{_W}lvlOverride", {f"{_W}ilvl": "0"})
        etree.SubElement(override, f"{_W}startOverride", {f"{_W}val": str(start)})
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
