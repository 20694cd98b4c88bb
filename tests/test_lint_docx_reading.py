"""Reading .docx drafts: headings through the style chain in any language, and refusing unsafe files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lint_drafts import NOTICE, write_docx

from notice_builder.docx.package_reader import Limits, open_docx
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.model.findings import UnreadableInput
from notice_builder.profiles import load_profile


def headings(path: Path):
    outline = read_docx_outline(path, load_profile())
    return [
        (b.heading.text, b.heading.level, b.heading.styled) for d in outline.documents for b in d.headings
    ]


@pytest.mark.parametrize("name", ["Überschrift 1", "Titre 1", "Nagłówek 1", "Kop 1"])
def test_heading_style_names_in_any_language(tmp_path, name):
    document = docx.Document()
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    document.add_paragraph("Financial implications", style=style)
    document.add_paragraph("Text.")
    document.save(tmp_path / "d.docx")
    assert headings(tmp_path / "d.docx") == [("Financial implications", 1, True)]


def test_custom_style_based_on_a_heading_is_a_heading(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("Council Section", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 2"]
    document.add_paragraph("Legal implications", style=style)
    document.save(tmp_path / "d.docx")
    assert headings(tmp_path / "d.docx") == [("Legal implications", 2, True)]


def test_outline_level_on_the_paragraph_makes_a_heading(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Risks")
    outline = paragraph._p.get_or_add_pPr()._add_outlineLvl()
    outline.set(qn("w:val"), "0")
    document.save(tmp_path / "d.docx")
    assert headings(tmp_path / "d.docx") == [("Risks", 1, True)]


def test_paragraph_numbers_count_table_cells_in_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Before")
    document.add_table(rows=1, cols=2).rows[0].cells[1].text = "Cell"
    document.add_paragraph("After")
    document.save(tmp_path / "d.docx")
    outline = read_docx_outline(tmp_path / "d.docx", load_profile())
    assert [(b.index, b.text) for b in outline.documents[0].blocks] == [
        (1, "Before"),
        (2, ""),
        (3, "Cell"),
        (4, "After"),
    ]


def _blocks_of(tmp_path: Path, *paragraphs: str):
    """The blocks of a draft whose body is these paragraphs, each given as the XML inside its w:p."""
    document = docx.Document()
    body = document.element.body
    for inner in paragraphs:
        body.insert(len(body) - 1, parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"))
    document.save(tmp_path / "d.docx")
    outline = read_docx_outline(tmp_path / "d.docx", load_profile())
    return [b for d in outline.documents for b in d.blocks]


_CHANGE = 'w:author="A" w:date="2013-09-17T00:00:00Z"'


def test_paragraph_text_is_what_word_shows(tmp_path):
    [block] = _blocks_of(
        tmp_path,
        "<w:r><w:t>Cost</w:t><w:tab/><w:t>5,000</w:t><w:br/><w:t>non</w:t><w:noBreakHyphen/>"
        "<w:t>recurring</w:t></w:r>"
        f'<w:ins w:id="1" {_CHANGE}><w:r><w:t xml:space="preserve"> added</w:t></w:r></w:ins>'
        f'<w:del w:id="2" {_CHANGE}><w:r><w:delText> deleted</w:delText></w:r></w:del>'
        f'<w:moveFrom w:id="3" {_CHANGE}><w:r><w:t> moved away</w:t></w:r></w:moveFrom>'
        '<w:hyperlink w:anchor="costs"><w:r><w:t xml:space="preserve"> in a link</w:t></w:r></w:hyperlink>'
        '<w:r><w:br w:type="page"/></w:r>',
    )
    assert block.text == "Cost\t5,000\nnon-recurring added in a link"


def test_typed_heading_emphasis_is_read_run_by_run(tmp_path):
    blocks = _blocks_of(
        tmp_path,
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Risk </w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
        '<w:hyperlink w:anchor="r"><w:r><w:rPr><w:b/></w:rPr><w:t>register</w:t></w:r></w:hyperlink>',
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r>'
        "<w:r><w:t>then plain</w:t></w:r>",
        '<w:r><w:rPr><w:caps/></w:rPr><w:t>shown in capitals</w:t></w:r>',
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Not bold</w:t></w:r>',
    )
    assert [(b.text, b.heading and (b.heading.text, b.heading.level)) for b in blocks] == [
        ("Risk  register", ("Risk register", 2)),
        ("Bold then plain", None),
        ("shown in capitals", ("shown in capitals", 1)),
        ("Not bold", None),
    ]


# -- refusing unusable and hostile files --------------------------------------------------------
def _valid_docx(tmp_path: Path) -> bytes:
    return write_docx(tmp_path / "ok.docx", NOTICE).read_bytes()


def _rezip(data: bytes, replace: dict[str, bytes | None], level=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", level) as target:
        for item in source.infolist():
            if item.filename in replace:
                continue
            target.writestr(item.filename, source.read(item))
        for name, content in replace.items():
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


_BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document '
    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)
_EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document '
    b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    b"<w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


def _cases(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    good = _valid_docx(tmp_path)
    types = zipfile.ZipFile(io.BytesIO(good)).read("[Content_Types].xml")
    return {
        "text": (b"This is not a Word document\n", "docx-not-zip"),
        "pdf": (b"%PDF-1.7\n...", "docx-not-zip"),
        "empty": (b"", "docx-not-zip"),
        "truncated": (good[: len(good) // 2], "docx-damaged"),
        "no-document": (_rezip(good, {"word/document.xml": None}), "docx-no-document"),
        "plain-zip": (_rezip(b"PK\x05\x06" + b"\x00" * 18, {"readme.txt": b"hello"}), "docx-no-document"),
        "bomb": (
            _rezip(good, {"word/document.xml": b"<" + b" " * (3 * 1024 * 1024) + b">"}),
            "docx-too-large",
        ),
        "billion-laughs": (_rezip(good, {"word/document.xml": _BILLION_LAUGHS}), "docx-unsafe-xml"),
        "external-entity": (_rezip(good, {"word/document.xml": _EXTERNAL_ENTITY}), "docx-unsafe-xml"),
        "macros": (
            _rezip(
                good,
                {
                    "[Content_Types].xml": types.replace(
                        b"document.main+xml", b"document.macroEnabled.main+xml"
                    ),
                    "word/vbaProject.bin": b"\x00",
                },
            ),
            "docx-macros",
        ),
        "encrypted": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le"),
            "docx-encrypted",
        ),
        "word97": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le"),
            "docx-legacy-doc",
        ),
        "bad-xml": (_rezip(good, {"word/document.xml": b"<w:document><unclosed>"}), "docx-invalid-xml"),
    }


CASES = [
    "text",
    "pdf",
    "empty",
    "truncated",
    "no-document",
    "plain-zip",
    "bomb",
    "billion-laughs",
    "external-entity",
    "macros",
    "encrypted",
    "word97",
    "bad-xml",
]


@pytest.mark.parametrize("case", CASES)
def test_unusable_file_is_refused_with_one_clear_finding(tmp_path, case):
    data, code = _cases(tmp_path)[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(data)
    with pytest.raises(UnreadableInput) as caught:
        read_docx_outline(path, load_profile())
    [finding] = caught.value.findings
    assert finding.code == code
    assert finding.path == str(path) and finding.hint


def test_total_unpacked_size_is_capped(tmp_path):
    path = write_docx(tmp_path / "ok.docx", NOTICE)
    with pytest.raises(UnreadableInput) as caught:
        read_docx_outline(path, load_profile(), limits=Limits(total_bytes=2000))
    assert caught.value.findings[0].code == "docx-too-large"


def test_macro_enabled_file_can_be_read_read_only_when_allowed(tmp_path):
    data, _ = _cases(tmp_path)["macros"]
    (tmp_path / "m.docm").write_bytes(data)
    with open_docx(tmp_path / "m.docm", allow_macros=True) as package:
        assert package.main_part == "word/document.xml"
