"""Page layout a reader sees: the signature block on one page, headings with their text, and the
page furniture (a DRAFT marking that cannot be missed, `Page N of M` with the reference and title)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docx.shared import Pt

from notice_builder.load import load_decision_file
from notice_builder.pipeline import render_documents
from tests.conftest import FINAL_EXAMPLE, REFERENCE_EXAMPLE, REPO, open_docx

DECLARATION = "I confirm that I do not have any disclosable pecuniary interests"
FINAL_FOOTER = "WMPCC 012/2013 – Grants for Independent Domestic Violence Adviser Services 2013/14 – Page "
DRAFT_FOOTER = "DRAFT – Technology Task Force - Innovation and Integration Partner – Page "
TEMPLATES = sorted((REPO / "templates").rglob("*.docx"))


def _signature_block(document) -> list:
    """The paragraphs from the decision maker's role to `Date:`, in order."""
    paragraphs = document.paragraphs
    date = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Date:"))
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith(DECLARATION)) - 1
    return paragraphs[first:date + 1]


@pytest.mark.parametrize("example", [REFERENCE_EXAMPLE, FINAL_EXAMPLE], ids=lambda p: p.stem)
@pytest.mark.parametrize("engine", ["compiled", "docxtpl"])
def test_the_signature_block_is_kept_together(example, engine):
    notice = open_docx(render_documents(load_decision_file(example), engine=engine)["notice"])
    block = _signature_block(notice)
    assert block[0].text == "West Midlands Police and Crime Commissioner"
    assert block[-2].text.startswith("Signature:")
    for paragraph in block:
        assert paragraph.paragraph_format.keep_together, paragraph.text
    for paragraph in block[:-1]:  # each keeps with the next; Date: ends the block
        assert paragraph.paragraph_format.keep_with_next, paragraph.text


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_heading_style_keeps_with_the_next_paragraph(template):
    styles = open_docx(template.read_bytes()).styles
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert styles[name].paragraph_format.keep_with_next, name


def _header_footer(data: bytes) -> tuple[str, str]:
    with zipfile.ZipFile(BytesIO(data)) as package:
        return package.read("word/header1.xml").decode(), package.read("word/footer1.xml").decode()


@pytest.mark.parametrize("engine", ["compiled", "docxtpl"])
def test_a_draft_is_marked_in_large_bold_red_letters_and_a_final_decision_is_not(engine):
    for kind, data in render_documents(load_decision_file(REFERENCE_EXAMPLE), engine=engine).items():
        header = open_docx(data).sections[0].header
        mark = header.paragraphs[0]
        assert mark.text == "DRAFT", kind
        [run] = mark.runs
        assert run.bold and run.font.size >= Pt(20), kind
        assert str(run.font.color.rgb) == "C00000", kind
    for kind, data in render_documents(load_decision_file(FINAL_EXAMPLE), engine=engine).items():
        texts = [p.text for p in open_docx(data).sections[0].header.paragraphs]
        assert texts == ["WMPCC 012/2013"], kind


@pytest.mark.parametrize("engine", ["compiled", "docxtpl"])
def test_the_footer_reads_page_n_of_m_with_the_reference_or_draft_and_the_short_title(engine):
    for example, expected in [(FINAL_EXAMPLE, FINAL_FOOTER), (REFERENCE_EXAMPLE, DRAFT_FOOTER)]:
        for kind, data in render_documents(load_decision_file(example), engine=engine).items():
            footer = open_docx(data).sections[0].footer.paragraphs[0]
            assert footer.text.startswith(expected), (kind, footer.text)
            xml = _header_footer(data)[1]
            assert xml.index('w:instr=" PAGE "') < xml.index(" of ") < xml.index('w:instr=" NUMPAGES "')


def _pdf_pages(docx: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Each document converted by LibreOffice, as the text of its pages."""
    folder.mkdir()
    for kind, data in docx.items():
        (folder / f"{kind}.docx").write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to",
         "pdf", "--outdir", str(folder), *(str(folder / f"{kind}.docx") for kind in docx)],
        check=True, capture_output=True, timeout=300,
    )
    pages = {}
    for kind in docx:
        text = subprocess.run(["pdftotext", "-layout", str(folder / f"{kind}.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        pages[kind] = text.split("\f")[:-1]
    return pages


def _page_of(pages: list[str], text: str) -> int:
    found = [number for number, page in enumerate(pages, 1) if text in " ".join(page.split())]
    assert found, text
    return found[0]


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory) -> dict[Path, dict[str, list[str]]]:
    """Both documents of the reference draft and the final example, as LibreOffice lays them out."""
    assert shutil.which("soffice") and shutil.which("pdftotext")
    folder = tmp_path_factory.mktemp("pdf")
    return {example: _pdf_pages(render_documents(load_decision_file(example)), folder / example.stem)
            for example in (REFERENCE_EXAMPLE, FINAL_EXAMPLE)}


@pytest.mark.libreoffice
@pytest.mark.parametrize("example", [REFERENCE_EXAMPLE, FINAL_EXAMPLE], ids=lambda p: p.stem)
def test_in_the_pdf_the_signature_block_is_on_one_page(example, pdf_pages):
    notice = pdf_pages[example]["notice"]
    signature = _page_of(notice, "Signature:")
    assert _page_of(notice, DECLARATION) == signature == _page_of(notice, "Date:")
    assert "West Midlands Police and Crime Commissioner" in notice[signature - 1].split(DECLARATION)[0]


@pytest.mark.libreoffice
@pytest.mark.parametrize("example", [REFERENCE_EXAMPLE, FINAL_EXAMPLE], ids=lambda p: p.stem)
def test_in_the_pdf_every_page_is_numbered_n_of_m_and_a_draft_says_so_at_the_top(example, pdf_pages):
    footer = FINAL_FOOTER if example == FINAL_EXAMPLE else DRAFT_FOOTER
    for kind, texts in pdf_pages[example].items():
        for number, page in enumerate(texts, 1):
            assert f"{footer}{number} of {len(texts)}" in " ".join(page.split()), (kind, number)
            assert page.lstrip().startswith("DRAFT") == (example == REFERENCE_EXAMPLE), (kind, number)
