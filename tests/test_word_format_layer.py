"""Only the Word-format layer (notice_builder/docx/) names OOXML namespaces or reaches library internals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from notice_builder.docx.namespaces import NAMESPACES

ROOT = Path(__file__).resolve().parents[1]
LAYER = ROOT / "notice_builder" / "docx"
ADAPTER = LAYER / "library_internals.py"
# Every OOXML namespace, and the host names their URIs share (a namespace spelt out anew is caught
# even if the table does not list it).
NAMESPACE_TEXTS = (*NAMESPACES.values(), "schemas.openxmlformats.org", "schemas.microsoft.com/office")
# python-docx private members, and docxtpl's (and python-docx's) undocumented internals.
PRIVATE_ATTRIBUTES = frozenset({
    "_body", "_comment_elm", "_core_properties_part", "_element", "_p", "_cells",
    "patch_xml", "fix_tables", "docx_ids_index", "fix_docpr_ids", "resolve_listing",
    "get_xml", "get_part_xml", "get_headers_footers", "HEADER_URI", "FOOTER_URI",
})
PRIVATE_MODULES = frozenset({"docx.oxml.ns", "docx.opc.oxml"})


def _sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if LAYER not in p.parents)


def namespace_uses(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [uri for uri in NAMESPACE_TEXTS if uri in text]


def private_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module in PRIVATE_MODULES:
            found.append(f"line {node.lineno}: from {node.module}")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name in PRIVATE_MODULES]
    return found


@pytest.mark.parametrize("path", _sources("notice_builder", "scripts", "bench"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_word_layer_names_ooxml_namespaces(path):
    assert namespace_uses(path) == [], f"use notice_builder.docx.namespaces in {path.relative_to(ROOT)}"


@pytest.mark.parametrize("path", _sources("notice_builder", "scripts", "bench"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_adapter_reaches_library_internals(path):
    assert private_uses(path) == [], f"use notice_builder.docx.library_internals in {path.relative_to(ROOT)}"


def test_the_checks_catch_what_they_look_for(tmp_path):
    """Code as it was before the layer (five modules declaring w:, private members) is refused."""
    before = tmp_path / "before.py"
    before.write_text(
        'W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"\n'
        "from docx.oxml.ns import qn\n"
        "paragraph = Paragraph(element, document._body)\n"
        "comment._comment_elm.set(W_DATE, when)\n"
        "xml = template.patch_xml(source)\n"
    )
    assert namespace_uses(before)
    assert len(private_uses(before)) == 4


def test_the_adapter_names_its_version_pins():
    docstring = ast.get_docstring(ast.parse(ADAPTER.read_text(encoding="utf-8")))
    assert "python-docx>=1.2,<2" in docstring and "docxtpl>=0.20,<0.21" in docstring
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "python-docx>=1.2,<2" in pyproject and "docxtpl>=0.20,<0.21" in pyproject
