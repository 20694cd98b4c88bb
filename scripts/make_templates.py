"""Generate the bundled Word templates in templates/ (run: python scripts/make_templates.py).

The .docx files are the product: an office can open and restyle them in Word. This script records
how the shipped ones were made, so that a change of house style is a reviewed diff rather than a
binary blob. It writes only templates/; it is not used at run time.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor, Twips

from notice_builder.docx.library_internals import paragraph_element, replace_part_element
from notice_builder.docx.namespaces import STYLES_WITH_EFFECTS_TYPE, nsdecls, qn

ROOT = Path(__file__).resolve().parents[1]
W_NS = nsdecls("w")
FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
# Fixed so that regenerating the templates gives the same bytes.
ZIP_TIMESTAMP = (2013, 7, 16, 0, 0, 0)

BULLETS = ["•", "◦", "▪"]
NUMBER_FORMATS = ["decimal", "lowerLetter", "lowerRoman"]


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, font: str | None = None) -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def numbering_xml() -> str:
    """Bullets, numbered lists and the report's running paragraph numbers as Word numbering."""
    bullet_levels = "".join(
        _level(i, "bullet", BULLETS[i % 3], 720 * (i + 1), 360, FONT) for i in range(9)
    )
    number_levels = "".join(
        _level(i, NUMBER_FORMATS[i % 3], f"%{i + 1}.", 720 * (i + 1), 360) for i in range(9)
    )
    paragraph_levels = _level(0, "decimal", "%1.", 567, 567)
    return (
        f'<w:numbering {W_NS}>'
        f'<w:abstractNum w:abstractNumId="10"><w:nsid w:val="1A2B3C01"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Bullets"/>{bullet_levels}'
        "</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="11"><w:nsid w:val="1A2B3C02"/>'
        f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="Numbers"/>{number_levels}'
        "</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="12"><w:nsid w:val="1A2B3C03"/>'
        f'<w:multiLevelType w:val="singleLevel"/><w:name w:val="Report paragraphs"/>'
        f"{paragraph_levels}</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>'
        "</w:numbering>"
    )


def _set_font(style, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.color.rgb = BLACK
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def _paragraph_style(doc, name: str, base: str = "Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
        return style


def _attach_numbering(style, num_id: int, level: int = 0) -> None:
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:numPr")):
        ppr.remove(old)
    ilvl = f'<w:ilvl w:val="{level}"/>' if level else ""
    numbering = parse_xml(f'<w:numPr {W_NS}>{ilvl}<w:numId w:val="{num_id}"/></w:numPr>')
    pstyle = ppr.find(qn("w:pStyle"))
    ppr.insert(1 if pstyle is not None else 0, numbering)  # CT_PPrBase: pStyle, keepNext.. numPr


# The default template's own List Bullet 2/3 and List Number 2/3 name its lists (numIds 2, 3, 6, 7),
# which clean_package replaces: point them at the house lists, one level deeper each.
SECONDARY_LIST_STYLES = (("List Bullet 2", 1, 1), ("List Bullet 3", 1, 2),
                         ("List Number 2", 2, 1), ("List Number 3", 2, 2))


def house_styles(doc) -> None:
    """Arial, black headings, en-GB: the plain public-sector look of the reference."""
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(".//" + qn("w:rPr"))
    for lang in rpr_default.findall(qn("w:lang")):
        rpr_default.remove(lang)
    rpr_default.append(parse_xml(f'<w:lang {W_NS} w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'))

    normal = styles["Normal"]
    _set_font(normal, 12)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.1

    for name, size, before, italic in (("Heading 1", 12, 18, False), ("Heading 2", 12, 12, False),
                                       ("Heading 3", 12, 10, True)):
        heading = styles[name]
        _set_font(heading, size, bold=True, italic=italic)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_with_next = True

    title = styles["Title"]
    title.element.remove(title.element.pPr) if title.element.pPr is not None else None
    _set_font(title, 14, bold=True)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    subtitle = styles["Subtitle"]
    _set_font(subtitle, 14, bold=True, italic=False)
    subtitle.paragraph_format.space_after = Pt(12)

    board = _paragraph_style(doc, "Board Name")
    _set_font(board, 12, bold=True)
    board.paragraph_format.space_after = Pt(0)
    organisation = _paragraph_style(doc, "Organisation Name")
    _set_font(organisation, 14, bold=True)
    organisation.paragraph_format.space_after = Pt(0)

    for name, num_id in (("List Bullet", 1), ("List Number", 2)):
        style = _paragraph_style(doc, name, "List Paragraph")
        style.paragraph_format.space_after = Pt(4)
        _attach_numbering(style, num_id)
    for name, num_id, level in SECONDARY_LIST_STYLES:
        if name in [s.name for s in styles]:
            _attach_numbering(styles[name], num_id, level)
    numbered = _paragraph_style(doc, "Numbered Paragraph")
    _attach_numbering(numbered, 3)
    table_text = _paragraph_style(doc, "Table Text")
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.space_before = Pt(2)
    _set_font(table_text, 11)

    if "Hyperlink" not in [s.name for s in styles]:
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        link.font.underline = True
    for name in ("Header", "Footer"):
        _set_font(styles[name], 9)


KEPT_TABLE_STYLES = {"TableNormal", "TableGrid"}


def prune_styles(doc) -> None:
    """Keep one grid table style: the default template's 130 coloured ones only bloat every output."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        is_table = style.get(qn("w:type")) == "table"
        if is_table and style_id not in KEPT_TABLE_STYLES:
            root.remove(style)


def clean_package(doc) -> None:
    """Drop parts the python-docx default template carries that a notice never needs."""
    unwanted = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS_TYPE}
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in unwanted:
            doc.part.drop_rel(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    numbering = doc.part.numbering_part
    replace_part_element(numbering, parse_xml(numbering_xml()))


DRAFT_COLOUR = RGBColor(0xC0, 0x00, 0x00)


def _field(instruction: str):
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in as the page is laid out."""
    return parse_xml(f'<w:fldSimple {W_NS} w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>')


def page_setup(doc, header: str, footer: str) -> None:
    """A4 portrait, 2.54 cm margins; the header marks a draft, the footer reads `... – Page N of M`.

    A draft's header starts with DRAFT in 24 pt bold red across the page, impossible to miss; the
    reference follows on a line of its own. The footer carries the reference (or DRAFT) and the short
    title before the page numbers.
    """
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(1440))
    first = section.header.paragraphs[0]
    first.text = "{%p if is_draft %}"
    mark = section.header.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark.paragraph_format.space_after = Pt(0)
    run = mark.add_run("DRAFT")
    run.bold = True
    run.font.size = Pt(24)
    run.font.color.rgb = DRAFT_COLOUR
    section.header.add_paragraph("{%p endif %}")
    head = section.header.add_paragraph(header)
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.text = footer
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_element(foot).append(_field("PAGE"))
    foot.add_run(" of ")
    paragraph_element(foot).append(_field("NUMPAGES"))


def _labelled(doc, label: str, value: str):
    paragraph = doc.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(" " + value)
    return paragraph


def _kept(paragraph, with_next: bool = True):
    """Keep `paragraph` whole and (unless the last of its block) on the page of the next."""
    paragraph.paragraph_format.keep_together = True
    paragraph.paragraph_format.keep_with_next = with_next
    return paragraph


def new_document(header: str, footer: str):
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    house_styles(doc)
    prune_styles(doc)
    clean_package(doc)
    page_setup(doc, header, footer)
    return doc


def board_report():
    """The Board covering report: board, date, report type, title, numbered sections, authors."""
    doc = new_document("{{ reference }}", "{{ footer_text }} – Page ")
    doc.add_paragraph("{{ meeting.board_upper }}", style="Board Name")
    doc.add_paragraph("{{ meeting.date }}")
    doc.add_paragraph("{{ meeting.report_type }}", style="Board Name")
    doc.add_paragraph("{{ report.title }}", style="Title")
    doc.add_paragraph("{%p for section in report.sections %}")
    doc.add_paragraph("{{ section.heading }}", style="Heading 1")
    doc.add_paragraph("{%p for paragraph in section.paragraphs %}")
    doc.add_paragraph("{{p paragraph }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    _labelled(doc, "Authors of the Report:", "{{ report.authors_line }}")
    doc.add_paragraph("{%p for annex in report.annexes %}")
    _labelled(doc, "Annex {{ annex.label }}:", "{{ annex.title }}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def _masthead(doc, title: str) -> None:
    """The organisation, the document's title and, once allocated, the reference."""
    doc.add_paragraph("{{ organisation.name_upper }}", style="Organisation Name")
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph("{%p if reference_line %}")
    doc.add_paragraph("{{ reference_line }}", style="Subtitle")
    doc.add_paragraph("{%p endif %}")


def notice():
    """A decision notice or record: labelled fields, then the profile's sections, then the signature."""
    doc = new_document("{{ reference }}", "{{ footer_text }} – Page ")
    _masthead(doc, "{{ notice.document_title }}")
    doc.add_paragraph("{%p for field in notice.fields %}")
    _labelled(doc, "{{ field.label }}", "{{ field.value }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for section in notice.sections %}")
    doc.add_paragraph("{%p if section.level == 3 %}")
    doc.add_paragraph("{{ section.heading }}", style="Heading 3")
    doc.add_paragraph("{%p elif section.level == 2 %}")
    doc.add_paragraph("{{ section.heading }}", style="Heading 2")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("{{ section.heading }}", style="Heading 1")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if section.body %}")
    doc.add_paragraph("{{p section.body }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if section.id == notice.signature_after %}")
    # The signature block (role, declaration, Signature, Date) never splits across a page break:
    # each paragraph keeps with the next (the declaration's own paragraphs are kept by the renderer).
    _kept(doc.add_paragraph("{{ decision_maker.role }}"))
    _kept(doc.add_paragraph("{{p notice.declaration }}"))
    _kept(_labelled(doc, "Signature:", "{{ notice.signature_name }}"))
    _kept(_labelled(doc, "Date:", "{{ notice.signature_date }}"), with_next=False)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    return doc


NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"


def confidential():
    """The confidential part: exempt information only, marked NOT FOR PUBLICATION on every page."""
    doc = new_document(f"{NOT_FOR_PUBLICATION}{{% if reference %}} – {{{{ reference }}}}{{% endif %}}",
                       f"{NOT_FOR_PUBLICATION} – {{{{ footer_text }}}} – Page ")
    _masthead(doc, "{{ confidential.document_title }}")
    _labelled(doc, "Title:", "{{ title }}")
    doc.add_paragraph(
        "This part of the decision contains exempt information. It is for the decision maker only and "
        "must not be published, circulated or placed on the public record."
    ).runs[0].bold = True
    doc.add_paragraph("{%p for item in confidential.sections %}")
    doc.add_paragraph("{{ item.heading }}", style="Heading 1")
    _labelled(doc, "Exempt information:", "{{ item.exemption }}")
    doc.add_paragraph("{{p item.body }}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def save_reproducibly(doc, path: Path, title: str) -> None:
    """Save with fixed zip timestamps and core properties, so regeneration is a no-op diff."""
    from datetime import datetime

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "notice-builder", "notice-builder"
    props.language, props.revision = "en-GB", 1
    props.created = props.modified = datetime(2013, 7, 16)
    props.last_printed = datetime(2013, 7, 16)
    props.comments = props.keywords = props.subject = props.category = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates")
    out = parser.parse_args().out
    save_reproducibly(board_report(), out / "wmpcc" / "board-report.docx", "Board covering report")
    save_reproducibly(notice(), out / "wmpcc" / "notice.docx", "Notice of Decision")
    save_reproducibly(confidential(), out / "wmpcc" / "confidential.docx",
                      f"{NOT_FOR_PUBLICATION} – Confidential part of the Notice of Decision")
    save_reproducibly(notice(), out / "pcc-decision-record" / "decision-record.docx",
                      "Decision Making Record")
    save_reproducibly(notice(), out / "council-executive-decision" / "decision-record.docx",
                      "Record of Executive Decision")
    print(f"wrote the templates in {out}")


if __name__ == "__main__":
    main()
