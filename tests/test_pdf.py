"""Both documents convert to PDF with LibreOffice, headings and all (what gets published)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from notice_builder.pipeline import build_documents
from tests.conftest import REFERENCE_EXAMPLE

pytestmark = pytest.mark.libreoffice


def test_both_documents_convert_to_pdf_with_libreoffice(tmp_path):
    assert shutil.which("soffice"), "LibreOffice is required: make system-deps installs it"
    built = build_documents(REFERENCE_EXAMPLE, tmp_path / "docx").documents
    profile_dir = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *(str(d.path) for d in built)],
        check=True, capture_output=True, timeout=180,
    )
    for document in built:
        pdf = tmp_path / "pdf" / (document.path.stem + ".pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        expected = "PURPOSE OF REPORT" if document.kind == "board-report" else "EQUALITY IMPLICATIONS"
        assert expected in text
