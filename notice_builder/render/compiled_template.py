"""The fast render path: each Word template is preprocessed and compiled once, then filled many times.

docxtpl reopens the template, re-runs its preprocessing and recompiles Jinja for every document, and
python-docx then recompresses every part. Here docxtpl's own preprocessing (`patch_xml`) and
post-processing (`resolve_listing`, `fix_tables`, `fix_docpr_ids`) run on templates compiled once per
process, only the parts that change are rendered and compressed (document, headers and footers,
core properties, and numbering or relationships when lists or links were added), and every other
member is copied from the template still compressed. The result is the same Word XML as
`docx_render.render_document`, which stays as the reference implementation.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from notice_builder.docx.library_internals import (
    core_properties_element,
    fix_drawing_ids,
    fix_tables,
    patch_xml,
    resolve_listing,
    serialize_part,
    template_body_xml,
    template_part_xml,
)
from notice_builder.docx.namespaces import FOOTNOTES_CONTENT_TYPE, PACKAGE_RELATIONSHIPS, qn
from notice_builder.docx.zip_members import ZipMember, read_members, write_zip
from notice_builder.model.findings import Finding, Location, NoticeBuilderError
from notice_builder.model.profile import Profile
from notice_builder.render.context import ContextBuilder
from notice_builder.render.core_properties import (
    TEMPLATED_PROPERTIES,
    decision_properties,
    read_property,
    write_properties,
)
from notice_builder.render.docx_render import jinja_environment, template_failed, template_unreadable
from notice_builder.render.word_resources import ListNumbering, ListStyles

CORE_PART = "docProps/core.xml"
_LISTING_CHARACTERS = ("\t", "\a", "\n", "\f")
_PARAGRAPH_LINE = re.compile(r"<w:p([ >])")
_PARAGRAPH_LINE_BACK = re.compile(r"\n<w:p([ >])")
# Rendered parts are small and new for every document: zlib's fastest level halves the time spent
# compressing them, for about a tenth more bytes (a few hundred a document).
RENDERED_PART_LEVEL = 1
_RECOVERING_PARSER = etree.XMLParser(recover=True)  # the parser docxtpl's fix_tables makes
_BODY_MARK = "notice-builder-body"
_NAMESPACE_DECLARATION = re.compile(rb' xmlns(?::([^=\s]+))?="([^"]*)"')


@dataclass(frozen=True)
class Relationship:
    """One relationship of the main document part, as its .rels file lists it."""

    rid: str
    reltype: str
    target: str
    external: bool


@dataclass(frozen=True)
class CompiledPart:
    """A template part whose XML is a compiled Jinja template."""

    name: str
    template: Template
    reparse: bool  # headers and footers are reparsed and reserialised as python-docx does


def _compile(docxtpl: DocxTemplate, xml: str) -> Template:
    """docxtpl's preprocessing of one part (patch_xml, one paragraph a line), compiled by Jinja."""
    patched = _PARAGRAPH_LINE.sub(r"\n<w:p\1", patch_xml(docxtpl, xml))
    return jinja_environment().from_string(patched)


def _finish(docxtpl: DocxTemplate, rendered: str) -> str:
    """docxtpl's post-processing of a rendered part (render_xml_part after the Jinja call)."""
    xml = _PARAGRAPH_LINE_BACK.sub(r"<w:p\1", rendered)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if any(character in xml for character in _LISTING_CHARACTERS):
        xml = resolve_listing(docxtpl, xml)
    return xml


class CompiledTemplate:
    """One Word template, read, preprocessed and compiled once; `render` fills it for one context."""

    def __init__(self, path: Path):
        self.path = path
        self.members = read_members(path)
        self._docxtpl = DocxTemplate(str(path))
        self._docxtpl.init_docx()
        document = self._docxtpl.docx
        self.document_name = document.part.partname.lstrip("/")
        self.document_rels_name = document.part.partname.rels_uri.lstrip("/")
        self.relationships = tuple(
            Relationship(rel.rId, rel.reltype, rel.target_ref, rel.is_external)
            for rel in document.part.rels.values()
        )
        self.numbering = document.part.numbering_part.element
        self.numbering_name = document.part.numbering_part.partname.lstrip("/")
        self.list_styles = ListStyles.read(self.numbering, document.part.styles.element)
        self.body = _compile(self._docxtpl, template_body_xml(self._docxtpl))
        root = copy.deepcopy(document.element)
        self._body_index = root.index(root.body)
        root.remove(root.body)
        # The part is written as the root's XML around the body's: putting the body into the root (or
        # taking it out) makes lxml re-resolve the namespaces of every element, in time that grows with
        # the square of the body's size (minutes for a long body).
        root.insert(self._body_index, etree.Comment(_BODY_MARK))
        self._document_head, self._document_tail = serialize_part(root).split(f"<!--{_BODY_MARK}-->".encode())
        self._root_nsmap = dict(root.nsmap)
        self._root_namespaces = {
            (prefix or "").encode(): escape(uri).encode() for prefix, uri in root.nsmap.items()
        }
        self._shared = threading.Lock()
        self.parts = tuple(self._header_footer_parts(document)) + tuple(self._footnote_parts(document))
        self._core_element = copy.deepcopy(core_properties_element(document))
        # A property without template syntax renders to itself: set it once here, not per document.
        templated, plain = [], {}
        for name in TEMPLATED_PROPERTIES:
            value = read_property(self._core_element, name)
            if "{" in value:
                templated.append((name, jinja_environment().from_string(value)))
            else:
                plain[name] = value
        write_properties(self._core_element, plain)
        self._templated_properties = tuple(templated)

    def _header_footer_parts(self, document):
        for rel in document.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.target_part.blob:
                xml = template_part_xml(self._docxtpl, rel.target_part)
                yield CompiledPart(rel.target_part.partname.lstrip("/"), _compile(self._docxtpl, xml), True)

    def _footnote_parts(self, document):
        for part in document.part.package.parts:
            if part.content_type == FOOTNOTES_CONTENT_TYPE:
                xml = part.blob.decode("utf-8")
                yield CompiledPart(part.partname.lstrip("/"), _compile(self._docxtpl, xml), False)

    def new_resources(self) -> TemplateResources:
        """Fresh hyperlink and list bookkeeping for one document rendered from this template."""
        return TemplateResources(self)

    def render_body(self, context: dict) -> bytes:
        """word/document.xml: the body rendered, tables and drawing ids fixed as docxtpl does."""
        rendered = _finish(self._docxtpl, self.body.render(context))
        if "tbl" in rendered:  # tables whose grid docxtpl may have to fix
            body = fix_tables(self._docxtpl, rendered)
        else:  # parsed as fix_tables parses, with a parser made once rather than for every document
            body = etree.fromstring(rendered, parser=_RECOVERING_PARSER)
        if "docPr" in rendered:  # drawings to renumber (an XPath search is costly to make for nothing)
            with self._shared:  # docxtpl's id counter serves every render in turn
                fix_drawing_ids(self._docxtpl, body)
        inner = _inner_body_xml(body, self._root_nsmap, self._root_namespaces)
        return self._document_head + inner + self._document_tail

    def render_part(self, part: CompiledPart, context: dict) -> bytes:
        xml = _finish(self._docxtpl, part.template.render(context))
        return _reserialised(xml) if part.reparse else xml.encode("utf-8")

    def render_core_properties(self, context: dict, decision: dict, kind_spec) -> bytes:
        """docProps/core.xml: the template's properties rendered, then the decision's set over them."""
        element = copy.deepcopy(self._core_element)
        write_properties(element, {name: text.render(context) for name, text in self._templated_properties})
        write_properties(element, decision_properties(decision, kind_spec))
        return serialize_part(element)


class TemplateResources:
    """WordResources for the fast path: the same rIds and numIds python-docx and ListNumbering give."""

    def __init__(self, template: CompiledTemplate):
        self._template = template
        self.relationships = list(template.relationships)
        self.added_links = False
        self._links: dict[str, str] | None = None  # external hyperlink URL -> rId, made at the first link
        self._used: set[str] = set()
        self._free = 1  # no rIdN below this is free
        self.numbering: etree._Element | None = None
        self._lists: ListNumbering | None = None

    def hyperlink_id(self, url: str) -> str:
        """An existing external hyperlink to `url`, else the lowest free rIdN (python-docx's rule).

        Both are looked up, not searched for: the links by URL, and the lowest free number, which
        only grows since relationships are only added.
        """
        if self._links is None:
            self._links = {}
            for rel in self.relationships:
                if rel.external and rel.reltype == RT.HYPERLINK:
                    self._links.setdefault(rel.target, rel.rid)
            self._used = {rel.rid for rel in self.relationships}
        if (rid := self._links.get(url)) is not None:
            return rid
        while f"rId{self._free}" in self._used:
            self._free += 1
        rid = f"rId{self._free}"
        self._used.add(rid)
        self._links[url] = rid
        self.relationships.append(Relationship(rid, RT.HYPERLINK, url, True))
        self.added_links = True
        return rid

    def bullet_list_id(self) -> int:
        return self._template.list_styles.bullet_num_id

    def new_numbered_list_id(self, start: int) -> int:
        if self._lists is None:
            self.numbering = copy.deepcopy(self._template.numbering)
            self._lists = ListNumbering(self.numbering, self._template.list_styles)
        return self._lists.new_numbered_list_id(start)

    def relationships_xml(self) -> bytes:
        """The main part's .rels, element for element as python-docx writes it (CT_Relationships)."""
        rels = etree.Element(qn("rels:Relationships"), nsmap={None: PACKAGE_RELATIONSHIPS})
        for rel in self.relationships:
            attributes = {"Id": rel.rid, "Type": rel.reltype, "Target": rel.target}
            if rel.external:
                attributes["TargetMode"] = RTM.EXTERNAL
            etree.SubElement(rels, qn("rels:Relationship"), attributes)
        return serialize_part(rels)


def _inner_body_xml(body: etree._Element, root_nsmap: dict,
                    root_namespaces: dict[bytes, bytes]) -> bytes:
    """The body's XML as it is written inside the document root: as lxml does when it moves an element
    under a parent, the body's namespace declarations that the root makes already (same prefix, same
    URI) are left out, on the body and on any element in it."""
    etree.cleanup_namespaces(body, top_nsmap=root_nsmap)  # the root's, on the body's tag only
    xml = etree.tostring(body, encoding="UTF-8")
    end = xml.index(b">")  # lxml writes '>' in an attribute value as &gt;: this ends the start tag

    def declared(match: re.Match) -> bytes:
        return b"" if root_namespaces.get(match.group(1) or b"") == match.group(2) else match.group(0)

    return _NAMESPACE_DECLARATION.sub(declared, xml[:end]) + xml[end:]


@lru_cache(maxsize=64)
def _reserialised(xml: str) -> bytes:
    """A rendered header or footer parsed and written again as python-docx does (a footer is often the
    same in every document, so it is done once)."""
    return serialize_part(parse_xml(xml.encode("utf-8")))


@cache
def _compiled(path: Path, stamp: tuple[int, int]) -> CompiledTemplate:
    return CompiledTemplate(path)


def compiled_template(path: Path) -> CompiledTemplate:
    """The compiled template at `path`, compiled once per process (again if the file changes)."""
    status = path.stat()
    return _compiled(path.absolute(), (status.st_mtime_ns, status.st_size))


def render_document(decision: dict, profile: Profile, kind: str, *, source_path: str = "") -> bytes:
    """The .docx bytes of one document of a validated decision, from the compiled template."""
    document = profile.document(kind)
    template_file = profile.template_path(document)
    try:
        template = compiled_template(template_file)
    except Exception as exc:  # a missing, damaged or non-Word template: the profile's problem
        raise template_unreadable(template_file, exc) from None
    resources = template.new_resources()
    context = ContextBuilder(decision, profile, resources).build(document)
    try:
        changed = {template.document_name: template.render_body(context)}
        for part in template.parts:
            changed[part.name] = template.render_part(part, context)
    except Exception as exc:  # the template is code from outside; whatever it does wrong is a finding
        raise template_failed(template_file, exc) from None
    try:
        changed[CORE_PART] = template.render_core_properties(context, decision, document)
    except ValueError as exc:  # a core property over Word's 255 characters
        raise NoticeBuilderError([Finding(
            code="property-too-long", message=f"a document property is too long for Word: {exc}",
            path=source_path, location=Location(pointer="/title"), hint="shorten the decision title",
        )]) from None
    if resources.numbering is not None:
        changed[template.numbering_name] = serialize_part(resources.numbering)
    if resources.added_links:
        changed[template.document_rels_name] = resources.relationships_xml()
    return write_zip(
        ZipMember.deflate(member.name, changed[member.name], RENDERED_PART_LEVEL) if member.name in changed
        else member
        for member in template.members
    )
