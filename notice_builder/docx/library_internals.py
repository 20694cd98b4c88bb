"""The one place that reaches into python-docx's and docxtpl's private or undocumented members.

Pinned in pyproject.toml: python-docx>=1.2,<2 and docxtpl>=0.20,<0.21. Every use below is checked by
the test suite (byte-for-byte comparison of the two render paths, comments, packs, templates); on
a new major or minor version, check each function here first. Why each is needed:

python-docx
- `Document._body`: the parent a `Paragraph` proxy needs to be built over a w:p found with lxml.
- `Paragraph._p`: the w:p of a paragraph python-docx just added, to append XML it has no API for.
- `Comment._comment_elm`: a comment's w:comment, to date it with the draft's date, not the clock.
- `Package._core_properties_part`: docProps/core.xml, created when missing (python-docx's public
  `core_properties` writes through a process-wide prefix table that docxcompose rebinds).
- `XmlPart._element`: a header, footer or numbering part's root element, read or replaced whole.
- `Table._cells`: every cell of a new table, in order (used by the benchmark's draft generator).
- `docx.opc.oxml.serialize_part_xml`: the exact serialisation python-docx saves parts with, so the
  compiled render path writes the same bytes as the docxtpl one.

docxtpl (DocxTemplate)
- `patch_xml`: the Jinja preprocessing of a part's XML ({%p %}, {{r }} and split tags mended).
- `get_xml`, `get_part_xml`: a part's XML as docxtpl reads it before `patch_xml`.
- `HEADER_URI`, `FOOTER_URI`, `get_headers_footers`: the header and footer parts docxtpl renders.
- `resolve_listing`, `fix_tables`, `fix_docpr_ids`, `docx_ids_index`: the post-processing docxtpl
  runs after the Jinja call (line breaks and tabs in values, table grids, unique drawing ids; the id
  counter restarts at 1000 for each document, as a fresh DocxTemplate would).
"""

from __future__ import annotations

from docx.opc.oxml import serialize_part_xml
from docx.text.paragraph import Paragraph
from lxml import etree

DOCX_IDS_START = 1000  # docxtpl's first drawing id (DocxTemplate.docx_ids_index at construction)


# -- python-docx -------------------------------------------------------------------------------
def paragraph_proxy(document, element: etree._Element) -> Paragraph:
    """A python-docx Paragraph over a w:p of `document`'s body found by walking the XML."""
    return Paragraph(element, document._body)


def paragraph_element(paragraph) -> etree._Element:
    """The w:p behind a python-docx Paragraph."""
    return paragraph._p


def comment_element(comment) -> etree._Element:
    """The w:comment behind a python-docx Comment."""
    return comment._comment_elm


def core_properties_element(document) -> etree._Element:
    """docProps/core.xml's root of a python-docx Document (the part is created if the package has none)."""
    return document.part.package._core_properties_part.element


def part_element(part) -> etree._Element:
    """The root element of a python-docx XML part, header or footer."""
    return part._element


def replace_part_element(part, element: etree._Element) -> None:
    """Replace the whole root element of a python-docx XML part (e.g. a numbering part)."""
    part._element = element


def table_cells(table) -> list:
    """Every cell of a python-docx Table, row by row."""
    return table._cells


def serialize_part(element: etree._Element) -> bytes:
    """A part's XML as python-docx writes it when it saves a package."""
    return serialize_part_xml(element)


# -- docxtpl -----------------------------------------------------------------------------------
def template_body_xml(template) -> str:
    """The main document part's XML as docxtpl reads it (after `init_docx`)."""
    return template.get_xml()


def template_part_xml(template, part) -> str:
    """Another part's XML (a header or footer) as docxtpl reads it."""
    return template.get_part_xml(part)


def template_headers_footers(template) -> list:
    """The header and footer parts of a template, headers first, as docxtpl finds them."""
    return [part for uri in (template.HEADER_URI, template.FOOTER_URI)
            for _, part in template.get_headers_footers(uri)]


def patch_xml(template, xml: str) -> str:
    """docxtpl's preprocessing of a part's XML into Jinja source."""
    return template.patch_xml(xml)


def resolve_listing(template, xml: str) -> str:
    """docxtpl's handling of tabs, line and page breaks in rendered values."""
    return template.resolve_listing(xml)


def fix_tables(template, xml: str) -> etree._Element:
    """docxtpl's repair of rendered table grids; returns the parsed body."""
    return template.fix_tables(xml)


def fix_drawing_ids(template, body: etree._Element) -> None:
    """Renumber drawings (wp:docPr ids) in `body` from docxtpl's first id, as a fresh template would."""
    template.docx_ids_index = DOCX_IDS_START
    template.fix_docpr_ids(body)
