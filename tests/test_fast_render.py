"""The compiled-template render path gives the same Word package as the docxtpl reference path."""

from __future__ import annotations

import io
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from lxml import etree

from notice_builder.docx.package_writer import ZIP_EPOCH
from notice_builder.load import load_decision_file
from notice_builder.pipeline import render_documents
from notice_builder.profiles import profile_for
from notice_builder.render import compiled_template, docx_render
from tests.conftest import ALL_EXAMPLES, FINAL_EXAMPLE, custom_template, example_data, source_of

# Every part the fast path renders itself; the rest are copied from the template.
RENDERED_PARTS = ("word/document.xml", "word/header1.xml", "word/footer1.xml", "word/numbering.xml",
                  "word/_rels/document.xml.rels", "docProps/core.xml")


def members(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def both_paths(source, kind):
    profile = profile_for(source)
    return (docx_render.render_document(source.data, profile, kind),
            compiled_template.render_document(source.data, profile, kind))


EXAMPLE_DOCUMENTS = [(example, kind) for example in ALL_EXAMPLES
                     for kind in profile_for(load_decision_file(example)).documents]


@pytest.mark.parametrize(("example", "kind"), EXAMPLE_DOCUMENTS, ids=lambda v: getattr(v, "stem", v))
def test_fast_path_gives_the_reference_word_xml(example, kind):
    slow, fast = (members(d) for d in both_paths(load_decision_file(example), kind))
    assert list(fast) == list(slow)
    for part in RENDERED_PARTS:
        assert canonical(fast[part]) == canonical(slow[part]), part


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_fast_path_writes_the_same_bytes_for_every_part(example):
    source = load_decision_file(example)
    for kind in profile_for(source).documents:
        slow, fast = (members(d) for d in both_paths(source, kind))
        assert fast == slow


def test_links_and_lists_get_the_ids_python_docx_would_give():
    data = example_data()
    data["notice"]["decision"] = (
        "1. one\n2. two\n\nThen [a](https://example.gov.uk/a), [b](https://example.gov.uk/b) "
        "and [a again](https://example.gov.uk/a).\n\n3. three\n4. four"
    )
    data["notice"]["implications"]["legal"] = "See [c](mailto:legal@example.gov.uk)."
    slow, fast = (members(d) for d in both_paths(source_of(data), "notice"))
    rels = fast["word/_rels/document.xml.rels"]
    assert rels.count(b"TargetMode=\"External\"") == 3  # the repeated link reuses its relationship
    for part in ("word/document.xml", "word/numbering.xml", "word/_rels/document.xml.rels"):
        assert fast[part] == slow[part]


def test_fast_output_is_a_valid_zip_with_fixed_timestamps():
    docx = render_documents(load_decision_file(FINAL_EXAMPLE))["notice"]
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert archive.testzip() is None
        assert {info.date_time for info in archive.infolist()} == {ZIP_EPOCH}
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())


def test_build_uses_the_fast_path_and_keeps_docxtpl_as_reference():
    """Both engines give the same parts in the same order, byte for byte; only the compression of
    the rendered parts differs (the fast path uses zlib's fastest level for them)."""
    source = load_decision_file(FINAL_EXAMPLE)
    fast, slow = render_documents(source), render_documents(source, engine="docxtpl")
    assert fast.keys() == slow.keys()
    for kind in fast:
        assert list(members(fast[kind]).items()) == list(members(slow[kind]).items())


def test_template_is_compiled_once_per_process():
    source = load_decision_file(FINAL_EXAMPLE)
    profile = profile_for(source)
    path = profile.template_path(profile.documents["notice"])
    assert compiled_template.compiled_template(path) is compiled_template.compiled_template(path)


def _with_drawings(xml: str) -> str:
    """Two drawings whose ids collide, as copying a logo twice in Word leaves them."""
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    drawing = (f'<w:p><w:r><w:drawing><wp:inline xmlns:wp="{wp}"><wp:extent cx="9525" cy="9525"/>'
               '<wp:docPr id="7" name="Logo"/></wp:inline></w:drawing></w:r></w:p>')
    return xml.replace("<w:sectPr", drawing * 2 + "<w:sectPr", 1)


def test_drawing_ids_are_renumbered_as_docxtpl_does(tmp_path):
    profile = custom_template(tmp_path, _with_drawings)
    source = source_of(example_data())
    fast, slow = (members(render_documents(source, profile, engine=engine)["notice"])["word/document.xml"]
                  for engine in ("compiled", "docxtpl"))
    assert fast == slow
    ids = etree.fromstring(fast).xpath("//wp:docPr/@id", namespaces={
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"})
    assert ids == ["1001", "1002"]


def test_documents_rendered_at_once_from_threads_come_out_as_rendered_alone():
    sources = [load_decision_file(example) for example in ALL_EXAMPLES]
    jobs = [(source, kind) for source in sources for kind in profile_for(source).documents] * 4

    def render(job):
        source, kind = job
        return compiled_template.render_document(source.data, profile_for(source), kind)

    alone = [render(job) for job in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(render, jobs)) == alone
