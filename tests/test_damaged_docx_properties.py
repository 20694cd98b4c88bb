"""Property tests: `notice lint` on a damaged or oddly built Word package gives findings, never a crash.

Hypothesis flips bytes anywhere in a real .docx (zip headers, compressed streams, the directory), and
inserts Word elements with hostile values into its document, styles and numbering parts. Either the
file is read and linted, or it is refused as unreadable with one finding; nothing else escapes.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from notice_builder.load import load_decision_file
from notice_builder.pipeline import lint_file, render_documents
from tests.conftest import FINAL_EXAMPLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TAGS = ["p", "r", "t", "pPr", "rPr", "pStyle", "numPr", "ilvl", "numId", "outlineLvl", "b", "caps", "tbl",
        "tr", "tc", "sdt", "sdtContent", "ins", "del", "delText", "hyperlink", "br", "tab", "basedOn",
        "style", "num", "abstractNum", "lvl", "abstractNumId", "start", "sectPr", "fldSimple", "moveFrom"]
VALUES = ["", "0", "-1", "99", "99999999999999999999", "abc", "Heading1", "ListBullet", "Normal", "off",
          "maybe", "%1.%2.", "\u202e", "x" * 3000]
PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


@pytest.fixture(scope="module")
def package() -> bytes:
    return render_documents(load_decision_file(FINAL_EXAMPLE))["notice"]


def lint_bytes(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("damaged") / "draft.docx"
    path.write_bytes(data)
    report = lint_file(path)
    if report.unreadable:
        assert [f.severity.value for f in report.findings] == ["error"]
        assert report.findings[0].code.startswith(("docx-", "unreadable"))


@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1,
                      max_size=20))
def test_flipped_bytes_are_linted_or_refused(package, tmp_path_factory, flips):
    data = bytearray(package)
    for where, value in flips:
        data[int(where * len(data))] = value
    lint_bytes(bytes(data), tmp_path_factory)


edits = st.lists(st.tuples(st.sampled_from(PARTS), st.integers(0, 10_000), st.sampled_from(TAGS),
                           st.sampled_from(VALUES), st.booleans()), min_size=1, max_size=25)


@given(edits=edits)
def test_hostile_elements_in_well_formed_parts_are_linted(package, tmp_path_factory, edits):
    with zipfile.ZipFile(io.BytesIO(package)) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    roots = {name: etree.fromstring(parts[name]) for name in PARTS if name in parts}
    for name, position, tag, value, as_text in edits:
        if name not in roots:
            continue
        elements = list(roots[name].iter())
        parent = elements[position % len(elements)]
        child = etree.SubElement(parent, f"{{{W}}}{tag}")
        if as_text:
            child.text = value
        else:
            child.set(f"{{{W}}}val", value)
    for name, root in roots.items():
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    lint_bytes(buffer.getvalue(), tmp_path_factory)
