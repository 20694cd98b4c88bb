"""ISO/IEC 29500 Strict OOXML read as Transitional: the Strict namespaces mapped to the Transitional ones.

A Strict document (Word's "Strict Open XML Document", LibreOffice's "Office Open XML Text") has the
same elements as a Transitional one under other namespace URIs (http://purl.oclc.org/ooxml/...), and
its relationship types start with the Strict relationships namespace. Read as it is, every w:p is
unknown and the draft looks empty: the worst result a checker can give. Each part is renamed into the
Transitional namespaces once, after parsing, so the rest of the reader knows only one vocabulary.
"""

from __future__ import annotations

from lxml import etree

_STRICT = "http://purl.oclc.org/ooxml/"
# Strict namespace (after http://purl.oclc.org/ooxml/) -> Transitional namespace (ECMA-376 Part 1, A.1).
_TRANSITIONAL = {
    "wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "officeDocument/math": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "officeDocument/sharedTypes": "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    "officeDocument/customProperties": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "officeDocument/extendedProperties":
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "officeDocument/docPropsVTypes": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "officeDocument/bibliography": "http://schemas.openxmlformats.org/officeDocument/2006/bibliography",
    "drawingml/main": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "drawingml/wordprocessingDrawing": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "drawingml/picture": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "drawingml/chart": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "drawingml/diagram": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "drawingml/chartDrawing": "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
    "drawingml/compatibility": "http://schemas.openxmlformats.org/drawingml/2006/compatibility",
    "drawingml/lockedCanvas": "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas",
    "schemaLibrary/main": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}
_RELATIONSHIP_TYPES = _STRICT + "officeDocument/relationships/"
_TRANSITIONAL_TYPES = _TRANSITIONAL["officeDocument/relationships"] + "/"


def is_strict(lowered_text: str) -> bool:
    """Whether a part's text (in lower case) names any Strict namespace or relationship type."""
    return "purl.oclc.org/ooxml/" in lowered_text


def _transitional(namespace: str) -> str | None:
    if namespace.startswith(_STRICT):
        return _TRANSITIONAL.get(namespace[len(_STRICT):])
    return None


def _renamed(name: str) -> str:
    """A Clark name ({ns}local) in its Transitional namespace, or as it was."""
    if name[:1] != "{":
        return name
    namespace, _, local = name[1:].partition("}")
    transitional = _transitional(namespace)
    return f"{{{transitional}}}{local}" if transitional else name


def as_transitional(root: etree._Element) -> etree._Element:
    """Rename a Strict part's elements, attributes and relationship types into Transitional, in place."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are removed by the parser; entities stay
        element.tag = _renamed(element.tag)
        for name in [n for n in element.attrib if n[:1] == "{" and _STRICT in n]:
            element.attrib[_renamed(name)] = element.attrib.pop(name)
        kind = element.get("Type")
        if kind is not None and kind.startswith(_RELATIONSHIP_TYPES):
            element.set("Type", _TRANSITIONAL_TYPES + kind[len(_RELATIONSHIP_TYPES):])
    return root
