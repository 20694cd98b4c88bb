"""The one table of OOXML namespaces, and `qn("w:p")` -> "{...main}p" (Clark notation)."""

from __future__ import annotations

from functools import cache

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "custom": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "rels": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
W = NAMESPACES["w"]
R = NAMESPACES["r"]
A = NAMESPACES["a"]
MC = NAMESPACES["mc"]
CP = NAMESPACES["cp"]
DC = NAMESPACES["dc"]
DCTERMS = NAMESPACES["dcterms"]
XSI = NAMESPACES["xsi"]
CUSTOM_PROPERTIES = NAMESPACES["custom"]
PACKAGE_RELATIONSHIPS = NAMESPACES["rels"]
CONTENT_TYPES = NAMESPACES["ct"]

# Relationship types and content types named outside python-docx's constants.
OFFICE_DOCUMENT_TYPE = f"{R}/officeDocument"
STYLES_WITH_EFFECTS_TYPE = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@cache
def qn(name: str) -> str:
    """The Clark name of a prefixed name: qn("w:p") -> "{http://...wordprocessingml/2006/main}p"."""
    prefix, _, local = name.partition(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def nsdecls(*prefixes: str) -> str:
    """xmlns declarations for these prefixes, for XML written as text: nsdecls("w") -> 'xmlns:w="..."'."""
    return " ".join(f'xmlns:{prefix}="{NAMESPACES[prefix]}"' for prefix in prefixes)
