"""Styles and numbering parts resolved once per process: an office's drafts share them, and Word's
default styles.xml is hundreds of kilobytes.
"""

from __future__ import annotations

from lxml import etree

from notice_builder.docx.numbering import Numbering
from notice_builder.docx.package_reader import DocxPackage, parse_xml
from notice_builder.docx.strict import as_transitional
from notice_builder.docx.styles import StyleSheet


def _parsed(data: bytes) -> etree._Element:
    """A styles or numbering part, in the Transitional namespaces even if it is Strict."""
    root = parse_xml(data)
    return as_transitional(root) if b"purl.oclc.org/ooxml/" in data else root


def _stylesheet(data: bytes) -> StyleSheet:
    return StyleSheet(_parsed(data))


def _numbering(data: bytes) -> Numbering:
    return Numbering(_parsed(data))


# Styles and numbering are the same across an office's drafts (and Word's default styles.xml is
# hundreds of kilobytes): each distinct part is unpacked and resolved once per process, found again
# by the zip directory's CRC and size without unpacking it.
_SHARED_PARTS: dict[tuple, object] = {}
_SHARED_PARTS_MAX = 128


def _shared_part(package: DocxPackage, name: str | None, build, empty):
    """A styles or numbering part, resolved through the cache; `empty` if the package has none."""
    if not name:
        return empty
    info = package.zip.getinfo(name)
    key = (build.__name__, info.CRC, info.file_size)
    if (cached := _SHARED_PARTS.get(key)) is not None:
        return cached
    try:
        value = build(package.checked(name))
    except etree.XMLSyntaxError as exc:
        raise package.invalid_xml(name, exc) from None
    if len(_SHARED_PARTS) >= _SHARED_PARTS_MAX:
        _SHARED_PARTS.clear()
    _SHARED_PARTS[key] = value
    return value


def package_styles(package: DocxPackage) -> StyleSheet:
    """The main document's style sheet, resolved (empty if the package has none)."""
    name = package.related_part(package.main_part, "/styles")
    return _shared_part(package, name, _stylesheet, StyleSheet(None))


def package_numbering(package: DocxPackage) -> Numbering:
    """The main document's list numbering (empty if the package has none)."""
    name = package.related_part(package.main_part, "/numbering")
    return _shared_part(package, name, _numbering, Numbering(None))
