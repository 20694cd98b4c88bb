"""The document properties (docProps/core.xml): what a notice carries, written namespace by namespace.

python-docx reads and writes core properties through a process-wide prefix table, and docxcompose
(imported for agenda packs) rebinds its "cp" prefix to the custom-properties namespace. Properties
written after that (keywords, category, status, revision ...) land in the wrong namespace beside empty
real ones, and Word reports the file as having unreadable content. Every element here is named by its
full namespace, so core.xml comes out right whatever else the process has loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from lxml import etree

from notice_builder.docx.namespaces import CP, DC, DCTERMS, XSI
from notice_builder.model.decision_text import decision_date
from notice_builder.model.profile import DocumentSpec

# The namespaces a core properties part may use; an element in any other makes Word repair the file.
CORE_NAMESPACES = frozenset({CP, DC, DCTERMS})
GENERATOR = "notice-builder"
PROPERTY_LIMIT = 255  # characters in a core property (Word's limit; python-docx refuses more)
# The properties docxtpl renders as templates (DocxTemplate.render_properties).
TEMPLATED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")

# python-docx's name for each property, and its element.
ELEMENTS = {
    "author": f"{{{DC}}}creator",
    "category": f"{{{CP}}}category",
    "comments": f"{{{DC}}}description",
    "content_status": f"{{{CP}}}contentStatus",
    "created": f"{{{DCTERMS}}}created",
    "identifier": f"{{{DC}}}identifier",
    "keywords": f"{{{CP}}}keywords",
    "language": f"{{{DC}}}language",
    "last_modified_by": f"{{{CP}}}lastModifiedBy",
    "last_printed": f"{{{CP}}}lastPrinted",
    "modified": f"{{{DCTERMS}}}modified",
    "revision": f"{{{CP}}}revision",
    "subject": f"{{{DC}}}subject",
    "title": f"{{{DC}}}title",
    "version": f"{{{CP}}}version",
}
_TYPED_DATES = frozenset({ELEMENTS["created"], ELEMENTS["modified"]})  # these carry xsi:type W3CDTF

PropertyValue = str | int | dt.datetime


def read_property(core: etree._Element, name: str) -> str:
    """The text of property `name` ("" when absent)."""
    element = core.find(ELEMENTS[name])
    return (element.text or "") if element is not None else ""


def _w3cdtf(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_properties(core: etree._Element, values: Mapping[str, PropertyValue]) -> None:
    """Set each property in `values` on `core`, and drop any element outside the core namespaces.

    Raises ValueError for a text longer than Word's 255 characters.
    """
    for child in list(core):
        if not isinstance(child.tag, str) or child.tag[1:].partition("}")[0] not in CORE_NAMESPACES:
            core.remove(child)
    for name, value in values.items():
        tag = ELEMENTS[name]
        element = core.find(tag)
        if element is None:
            element = etree.SubElement(core, tag)
        if isinstance(value, dt.datetime):
            element.text = _w3cdtf(value)
            if tag in _TYPED_DATES:
                element.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
            continue
        text = str(value)
        if len(text) > PROPERTY_LIMIT:
            raise ValueError(f"the {name} property is {len(text)} characters long; Word holds "
                             f"{PROPERTY_LIMIT}")
        element.text = text


def document_title(decision: dict, document: DocumentSpec) -> str:
    """The title stored in the document properties (and shown by PDF readers and screen readers)."""
    reference = f" {decision['reference']}" if decision.get("reference") else ""
    return f"{document.title}{reference}: {decision['title']}"


def fit_property(text: str) -> str:
    """`text` cut to the 255 characters a Word document property holds, marked with an ellipsis if cut."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def decision_properties(decision: dict, document: DocumentSpec) -> dict[str, PropertyValue]:
    """Title, language and dates taken from the decision, never from the clock."""
    when = decision_date(decision)
    return {
        "title": fit_property(document_title(decision, document)),
        "subject": fit_property(decision["title"]),
        "author": fit_property(decision["organisation"]["name"]),
        "keywords": fit_property(decision.get("reference", "")),
        "language": "en-GB",
        "content_status": decision["status"].capitalize(),
        "category": document.title,
        "last_modified_by": GENERATOR,
        "comments": "",
        "revision": 1,
        "created": when,
        "modified": when,
        "last_printed": when,
    }
