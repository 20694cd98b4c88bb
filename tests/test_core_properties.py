"""docProps/core.xml: every property in its own namespace, whatever the process has imported.

docxcompose (imported for agenda packs, so by every `notice` command) rebinds python-docx's "cp"
prefix to the custom-properties namespace. Properties written through python-docx after that go into
the wrong namespace and Word reports unreadable content; these tests import it first on purpose.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docxcompose.composer  # noqa: F401  (rebinds python-docx's "cp" prefix, as in real runs)
import pytest
from lxml import etree

from notice_builder.docx.namespaces import CP as CORE
from notice_builder.docx.namespaces import DC, DCTERMS
from notice_builder.load import load_decision_file
from notice_builder.pipeline import render_documents
from notice_builder.publish.pack import build_pack, load_meeting
from notice_builder.render.core_properties import CORE_NAMESPACES, PROPERTY_LIMIT, write_properties
from tests.conftest import EXAMPLES, FINAL_EXAMPLE

CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
EMPTY_CORE = f'<cp:coreProperties xmlns:cp="{CORE}" xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}"/>'


def core_xml(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return etree.fromstring(archive.read("docProps/core.xml"))


def text_of(core: etree._Element, namespace: str, name: str) -> list[str]:
    return [element.text or "" for element in core.iter(f"{{{namespace}}}{name}")]


def assert_only_core_namespaces(core: etree._Element) -> None:
    namespaces = {etree.QName(element).namespace for element in core}
    assert namespaces <= CORE_NAMESPACES, namespaces
    assert CUSTOM_PROPERTIES not in etree.tostring(core).decode()


@pytest.mark.parametrize("engine", ["compiled", "docxtpl"])
def test_a_notice_keeps_each_property_in_its_namespace_once(engine):
    documents = render_documents(load_decision_file(FINAL_EXAMPLE), engine=engine)
    core = core_xml(documents["notice"])
    assert_only_core_namespaces(core)
    assert text_of(core, CORE, "keywords") == ["WMPCC 012/2013"]
    assert text_of(core, CORE, "category") == ["Non-confidential Notice of Decision"]
    assert text_of(core, CORE, "contentStatus") == ["Final"]
    assert text_of(core, CORE, "lastModifiedBy") == ["notice-builder"]
    assert text_of(core, CORE, "revision") == ["1"]
    assert text_of(core, DCTERMS, "created") == ["2013-09-24T00:00:00Z"]
    assert text_of(core, DC, "language") == ["en-GB"]


def test_both_render_paths_write_the_same_core_properties():
    source = load_decision_file(FINAL_EXAMPLE)
    fast, reference = render_documents(source), render_documents(source, engine="docxtpl")
    for kind in fast:
        assert etree.tostring(core_xml(fast[kind])) == etree.tostring(core_xml(reference[kind]))


def test_an_agenda_pack_keeps_each_property_in_its_namespace_once():
    core = core_xml(build_pack(load_meeting(EXAMPLES / "meeting-2013-07-16")))
    assert_only_core_namespaces(core)
    assert text_of(core, CORE, "category") == ["Agenda pack"]
    assert len(text_of(core, CORE, "keywords")) == 1


def test_elements_outside_the_core_namespaces_are_dropped():
    core = etree.fromstring(EMPTY_CORE)
    etree.SubElement(core, f"{{{CUSTOM_PROPERTIES}}}keywords").text = "stray"
    write_properties(core, {"keywords": "WMPCC 001/2013"})
    assert_only_core_namespaces(core)
    assert text_of(core, CORE, "keywords") == ["WMPCC 001/2013"]


def test_dates_are_utc_and_created_and_modified_are_typed():
    core = etree.fromstring(EMPTY_CORE)
    moment = dt.datetime(2013, 7, 16, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    write_properties(core, {"created": moment, "last_printed": moment})
    created = core.find(f"{{{DCTERMS}}}created")
    assert created.text == "2013-07-16T09:30:00Z"
    assert created.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"
    assert core.find(f"{{{CORE}}}lastPrinted").get("{http://www.w3.org/2001/XMLSchema-instance}type") is None


def test_a_property_longer_than_word_holds_is_refused():
    core = etree.fromstring(EMPTY_CORE)
    with pytest.raises(ValueError, match="255"):
        write_properties(core, {"title": "x" * (PROPERTY_LIMIT + 1)})
