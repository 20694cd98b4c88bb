"""Every .docx notice-builder writes must open in Word without the "unreadable content" repair prompt.

Word, unlike LibreOffice, refuses children out of their ECMA-376 schema order, ids that clash,
relationships that lead nowhere and parts without a content type. scripts/check_ooxml.py checks all
of that without the (Ecma's, unshipped) schemas; these tests run it on what the tool builds: every
example through both render engines, a decision with exempt information in every place (so the
confidential part too), the agenda pack and the Word templates themselves. With the ECMA-376
schemas at hand, `python scripts/check_ooxml.py --schemas DIR FILES` also validates every part.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from notice_builder.cli import main
from notice_builder.pipeline import render_documents
from tests.conftest import ALL_EXAMPLES, REPO, example_data, source_of
from tests.test_confidential import canary_decision

_spec = importlib.util.spec_from_file_location("check_ooxml", REPO / "scripts" / "check_ooxml.py")
check_ooxml = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_ooxml)

ENGINES = ("compiled", "docxtpl")
MARKDOWN = """# Heading

Text with **bold _both_** ~~gone~~ `code` and [a link](https://example.com/p%C3%A4th?a=1&b=2).

1. one
   - nested bullet
     1. deeper
2. two

5. restarts at five

> quoted

| Head | | Right |
| --- | :-: | --: |
| a | | [l](mailto:a@b.example) |

```
code {{ block }}
```
"""


def problems_in(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        found = [*check_ooxml.package_problems(archive), *check_ooxml.word_part_problems(archive)]
    return [f"{part}: {message}" for part, message in found]


def _markdown_everywhere(path: Path) -> dict:
    data = example_data(path)
    for key in ("executive_summary", "decision"):
        if key in data["notice"]:
            data["notice"][key] = MARKDOWN
    return data


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_every_example_builds_parts_word_accepts(path, engine):
    for data in (example_data(path), _markdown_everywhere(path)):
        for name, docx in render_documents(source_of(data), engine=engine, confidential=True).items():
            assert problems_in(docx) == [], name


@pytest.mark.parametrize("engine", ENGINES)
def test_the_confidential_part_and_public_documents_beside_it_are_conformant(engine):
    data, _ = canary_decision()
    documents = render_documents(source_of(data), engine=engine, confidential=True)
    assert "confidential" in documents
    for name, docx in documents.items():
        assert problems_in(docx) == [], name


def test_the_agenda_pack_is_conformant(tmp_path):
    out = tmp_path / "pack.docx"
    main(["pack", str(REPO / "examples" / "meeting-2013-07-16"), "-o", str(out)], standalone_mode=False)
    assert problems_in(out.read_bytes()) == []


@pytest.mark.parametrize("template", sorted((REPO / "templates").rglob("*.docx")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_templates_are_conformant(template):
    assert problems_in(template.read_bytes()) == []


def test_no_template_style_names_a_list_the_template_does_not_have():
    """The default template's List Bullet 2/3 and List Number 2/3 once named numIds 2, 3, 6 and 7 of
    its own numbering, which make_templates replaces: 6 and 7 no longer existed, 2 and 3 were other
    lists (List Bullet 2 numbered, List Bullet 3 numbered as report paragraphs)."""
    w = check_ooxml._W
    for template in sorted((REPO / "templates").rglob("*.docx")):
        with zipfile.ZipFile(template) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
        lists = {}
        for style in styles.iter(f"{w}style"):
            num_pr = style.find(f"{w}pPr/{w}numPr")
            if num_pr is not None and num_pr.find(f"{w}numId") is not None:
                level = num_pr.find(f"{w}ilvl")
                lists[style.get(f"{w}styleId")] = (num_pr.find(f"{w}numId").get(f"{w}val"),
                                                   level.get(f"{w}val") if level is not None else "0")
        assert {k: v for k, v in lists.items() if k.startswith("List")} == {
            "ListBullet": ("1", "0"), "ListBullet2": ("1", "1"), "ListBullet3": ("1", "2"),
            "ListNumber": ("2", "0"), "ListNumber2": ("2", "1"), "ListNumber3": ("2", "2"),
        }, template


# -- the checker itself: it must see what Word refuses ---------------------------------------------
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _order(xml: str) -> list[str]:
    return list(check_ooxml.order_problems(etree.fromstring(xml)))


def test_the_checker_finds_children_out_of_schema_order():
    assert _order(f'<w:pPr {W_NS}><w:pStyle w:val="A"/><w:keepNext/><w:numPr/><w:spacing/><w:ind/>'
                  "</w:pPr>") == []
    assert _order(f'<w:pPr {W_NS}><w:jc w:val="left"/><w:pStyle w:val="A"/></w:pPr>') != []
    assert _order(f"<w:rPr {W_NS}><w:rStyle w:val='H'/><w:rFonts/><w:b/><w:bCs/><w:i/><w:strike/>"
                  "</w:rPr>") == []
    assert _order(f"<w:rPr {W_NS}><w:b/><w:rFonts/></w:rPr>") != []
    assert _order(f"<w:tblPr {W_NS}><w:tblLook/><w:tblW/></w:tblPr>") != []
    assert _order(f"<w:sectPr {W_NS}><w:pgMar/><w:pgSz/></w:sectPr>") != []
    assert _order(f"<w:numbering {W_NS}><w:num/><w:abstractNum/></w:numbering>") != []
    assert _order(f"<w:tc {W_NS}><w:tcPr/></w:tc>") != []  # a cell needs a paragraph
    assert _order(f"<w:pPr {W_NS}><w:b/></w:pPr>") != []  # not a paragraph property


def test_the_checker_finds_bad_values_and_dangling_references():
    values = list(check_ooxml.value_problems(etree.fromstring(
        f'<w:p {W_NS}><w:pPr><w:keepNext w:val="yes"/><w:jc w:val="justify"/></w:pPr></w:p>')))
    assert len(values) == 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("word/document.xml",
                         f'<w:document {W_NS} xmlns:r="{check_ooxml.R}"><w:body><w:p>'
                         '<w:hyperlink r:id="rId9"/></w:p></w:body></w:document>')
        archive.writestr("word/_rels/document.xml.rels",
                         f'<Relationships xmlns="{check_ooxml.PKG_REL}"><Relationship Id="rId1" '
                         'Type="t" Target="missing.xml"/></Relationships>')
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        found = [message for _, message in check_ooxml.package_problems(archive)]
    assert any("missing.xml" in m for m in found)
    assert any("rId9" in m for m in found)
    assert any("content type" in m for m in found)  # .rels has no Default
