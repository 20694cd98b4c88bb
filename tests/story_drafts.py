"""Word drafts with text outside the body (headers, footers, text boxes, footnotes, content controls,
Word fields) and their ISO Strict twins, for the reading and content-rule tests.

Built with python-docx; what python-docx cannot write (text boxes, footnotes, fields) is added as the
WordprocessingML Word writes, and Strict is made as Word's "Strict Open XML Document" is: the same
parts with the Strict namespaces and relationship types.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECLARATIONS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
# Transitional -> Strict namespaces (ECMA-376 Part 1), as Word's Strict format writes them.
STRICT = {
    W_NS: "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        "http://purl.oclc.org/ooxml/officeDocument/customProperties",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes":
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
}


def text_box_run(text: str) -> str:
    """A run holding a text box as Word writes it: for new Word (wps) and again for old (VML)."""
    paragraph = f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    return (
        f"<w:r {DECLARATIONS}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2000000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr/>'
        f"<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:150pt;height:40pt"><v:textbox>'
        f"<w:txbxContent>{paragraph}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def merge_field_runs(name: str) -> list[str]:
    """A MERGEFIELD as Word writes it (begin, instruction, separate, «Name», end), as runs."""
    return [
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {DECLARATIONS}><w:instrText xml:space="preserve"> MERGEFIELD {name} </w:instrText></w:r>',
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {DECLARATIONS}><w:t>«{name}»</w:t></w:r>',
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="end"/></w:r>',
    ]


def blank_form_field_runs() -> list[str]:
    """A legacy text form field left at its default: Word shows five en spaces."""
    return [
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/>'
        "<w:enabled/><w:textInput/></w:ffData></w:fldChar></w:r>",
        f'<w:r {DECLARATIONS}><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>',
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {DECLARATIONS}><w:t>\u2002\u2002\u2002\u2002\u2002</w:t></w:r>',
        f'<w:r {DECLARATIONS}><w:fldChar w:fldCharType="end"/></w:r>',
    ]


def prompt_control(prompt: str) -> str:
    """An inline content control showing its placeholder prompt."""
    return (
        f'<w:sdt {DECLARATIONS}><w:sdtPr><w:id w:val="5"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{escape(prompt)}</w:t></w:r>'
        "</w:sdtContent></w:sdt>"
    )


def build(
    path: Path,
    paragraphs: list[tuple[str, str]],
    *,
    header: list[str] = (),
    footer: list[str] = (),
    header_xml: list[str] = (),
    text_boxes: dict[int, str] | None = None,
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
    runs: dict[int, list[str]] | None = None,
    title: str | None = "A decision",
) -> Path:
    """A draft of (style, text) body paragraphs, with header and footer lines, text boxes anchored in
    body paragraph N (1-based), footnotes and endnotes referenced from paragraph N, extra runs (XML) added to
    paragraph N, and extra XML elements (runs or content controls) in a header paragraph.
    """
    document = docx.Document()
    if title:
        document.core_properties.title = title
    body = []
    for style, text in paragraphs:
        if style == "bold":
            paragraph = document.add_paragraph()
            paragraph.add_run(text).bold = True
        else:
            paragraph = document.add_paragraph(text, style=style or None)
        body.append(paragraph)
    section = document.sections[0]
    for number, line in enumerate(header):
        target = section.header.paragraphs[0] if number == 0 else section.header.add_paragraph()
        target.text = line
    for xml in header_xml:
        section.header.add_paragraph()._p.append(parse_xml(xml))
    for number, line in enumerate(footer):
        target = section.footer.paragraphs[0] if number == 0 else section.footer.add_paragraph()
        target.text = line
    for number, text in (text_boxes or {}).items():
        body[number - 1]._p.append(parse_xml(text_box_run(text)))
    for number, xml_runs in (runs or {}).items():
        for xml in xml_runs:
            body[number - 1]._p.append(parse_xml(xml))
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        for note, (number, _) in enumerate((notes or {}).items(), start=1):
            body[number - 1]._p.append(parse_xml(
                f'<w:r {DECLARATIONS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:{kind}Reference w:id="{note}"/></w:r>'
            ))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if footnotes:
        data = _with_notes(data, list(footnotes.values()))
    if endnotes:
        data = _with_notes(data, list(endnotes.values()), "endnote")
    path.write_bytes(data)
    return path


def _rewrite(data: bytes, change) -> bytes:
    """The package with each part passed through change(name, bytes) -> bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
        for name, content in getattr(change, "added", {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _with_notes(data: bytes, notes: list[str], kind: str = "footnote") -> bytes:
    """Add a footnotes (or endnotes) part, separators first as Word writes them, with notes 1, 2, ..."""
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
        f"</w:p></w:{kind}>"
    )
    body = "".join(
        f'<w:{kind} w:id="{number}"><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        f"</w:{kind}>"
        for number, text in enumerate(notes, start=1)
    )
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {DECLARATIONS}>'
            f"{separators}{body}</w:{kind}s>")
    override = (f'<Override PartName="/word/{kind}s.xml" ContentType="application/vnd.openxmlformats-'
                f'officedocument.wordprocessingml.{kind}s+xml"/></Types>')
    relationship = (f'<Relationship Id="rId{kind}" Type="http://schemas.openxmlformats.org/officeDocument/'
                    f'2006/relationships/{kind}s" Target="{kind}s.xml"/></Relationships>')

    def change(name: str, content: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return content.replace(b"</Types>", override.encode())
        if name == "word/_rels/document.xml.rels":
            return content.replace(b"</Relationships>", relationship.encode())
        return content

    change.added = {f"word/{kind}s.xml": part.encode("utf-8")}
    return _rewrite(data, change)


STRICT_RELATIONSHIP_TYPE = b'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/'


def as_strict(source: Path, target: Path) -> Path:
    """Write `source` again as ISO/IEC 29500 Strict: Strict namespaces and relationship types."""
    relationship_types = re.compile(rb'Type="http://schemas\.openxmlformats\.org/officeDocument/2006/relationships/')

    def change(name: str, content: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")) or name == "[Content_Types].xml":
            return content
        content = relationship_types.sub(STRICT_RELATIONSHIP_TYPE, content)
        for transitional, strict in STRICT.items():
            content = content.replace(f'"{transitional}"'.encode(), f'"{strict}"'.encode())
        if name == "word/document.xml":
            content = re.sub(rb"(<w:document\b)", rb'\1 w:conformance="strict"', content, count=1)
        return content

    target.write_bytes(_rewrite(source.read_bytes(), change))
    return target
