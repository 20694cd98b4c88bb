"""Check an office's customised Word template before it is used: tags, variables and headings.

Errors name the template, the paragraph and the tag, so an officer can find them in Word.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from notice_builder.findings import Finding, Location, NoticeBuilderError
from notice_builder.profile import DocumentSpec, Profile
from notice_builder.render.context import ContextBuilder
from notice_builder.render.docx_render import jinja_environment
from notice_builder.starter import starter_decision

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_UNKNOWN = object()  # the shape of a value the sample could not show (an empty list's items)


class _SampleResources:
    """WordResources that allocate nothing: the check only needs the context's shape."""

    def hyperlink_id(self, url: str) -> str:
        return "rId0"

    def bullet_list_id(self) -> int:
        return 1

    def new_numbered_list_id(self, start: int) -> int:
        return 1


def sample_context(profile: Profile, document: DocumentSpec) -> dict:
    """A context with the shape a real render has, built from a blank starter decision."""
    decision = starter_decision(Path("decision.json"), profile)
    return ContextBuilder(decision, profile, _SampleResources()).build(document)


def _template_parts(template_file: Path) -> list[tuple[str, str]]:
    """(part name, docxtpl-preprocessed XML) for the body, headers and footers."""
    template = DocxTemplate(str(template_file))
    document = template.get_docx()
    parts = [("document", template.patch_xml(template.get_xml()))]
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            xml = template.xml_to_string(parse_xml(part.blob))
            parts.append((part.partname.lstrip("/"), template.patch_xml(xml)))
    del document
    return parts


def _paragraph_texts(xml: str) -> list[str]:
    return ["".join(p.itertext()) for p in etree.fromstring(
        f'<root xmlns:w="{W}">{xml}</root>'.encode()).iter(f"{{{W}}}p")]


def _child_value(value: Any, name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name, None)
    return _UNKNOWN if value is _UNKNOWN else getattr(value, name, None)


def _first_item(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return value[0] if value else _UNKNOWN
    return _UNKNOWN


class _VariableChecker:
    """Walks a template's syntax tree and reports names and attributes the context lacks."""

    def __init__(self, context: dict):
        self.problems: list[tuple[int, str, str | None]] = []
        self.context = context

    def resolve(self, node: nodes.Node, scope: dict) -> Any:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            self.report(node, node.name, list(scope))
            return _UNKNOWN
        if isinstance(node, nodes.Getattr):
            parent = self.resolve(node.node, scope)
            if parent is _UNKNOWN or parent is None:
                return _UNKNOWN
            value = _child_value(parent, node.attr)
            if value is None and isinstance(parent, dict):
                self.report(node, f"{_dotted(node.node)}.{node.attr}", list(parent))
                return _UNKNOWN
            return value
        self.walk(node, scope)
        return _UNKNOWN

    def report(self, node: nodes.Node, name: str, known: list[str]) -> None:
        close = difflib.get_close_matches(name.rsplit(".", 1)[-1], known, n=1)
        prefix = name.rsplit(".", 1)[0] + "." if "." in name else ""
        self.problems.append((node.lineno, name, f"{prefix}{close[0]}" if close else None))

    def walk(self, node: nodes.Node, scope: dict) -> None:
        if isinstance(node, nodes.For):
            items = self.resolve(node.iter, scope)
            inner = dict(scope)
            for target in _names(node.target):
                inner[target] = _first_item(items)
            inner["loop"] = _UNKNOWN
            for child in [*node.body, *node.else_]:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            for target in _names(node.target):
                scope[target] = _UNKNOWN
            return
        if isinstance(node, nodes.Name | nodes.Getattr):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)


def _names(target: nodes.Node) -> list[str]:
    """Names bound by a for/set target: `x`, or `a, b`."""
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "?"


def _heading_paragraphs(template_file: Path) -> list[str]:
    """Texts of the template's paragraphs in a Heading style (its own or inherited)."""
    template = DocxTemplate(str(template_file))
    document = template.get_docx()
    return [p.text for p in document.paragraphs
            if p.style is not None and _is_heading_style(p.style)]


def _is_heading_style(style) -> bool:
    while style is not None:
        if re.fullmatch(r"heading [1-9]", style.name.lower()):
            return True
        style = style.base_style
    return False


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.replace("&", "and")).strip().lower()


def check_template(template_file: Path, profile: Profile, document: DocumentSpec) -> list[Finding]:
    """Every problem that would stop `template_file` rendering `document` correctly."""
    name = str(template_file)
    try:
        parts = _template_parts(template_file)
    except Exception as error:
        raise NoticeBuilderError([Finding(
            code="template-unreadable", message=f"cannot open the template: {error}", path=name,
            hint="save it from Word as a .docx document",
        )]) from None
    findings: list[Finding] = []
    environment = jinja_environment()
    context = sample_context(profile, document)
    for part, xml in parts:
        numbered = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        paragraphs = _paragraph_texts(xml)

        def place(line: int, paragraphs=paragraphs, part=part) -> tuple[Location, str]:
            index = max(line - 1, 0)
            text = paragraphs[index - 1] if 0 < index <= len(paragraphs) else ""
            where = "" if part == "document" else f" in {part}"
            return Location(paragraph=index or None), f"{where}: '{text.strip()[:80]}'"

        try:
            tree = environment.parse(numbered)
        except TemplateSyntaxError as error:
            location, quoted = place(error.lineno)
            findings.append(Finding(
                code="template-syntax", message=f"{error.message}{quoted}", path=name, location=location,
                hint="check the tag's {% %} or {{ }} pairs and spelling in Word",
            ))
            continue
        checker = _VariableChecker(context)
        checker.walk(tree, dict(context))
        for line, variable, suggestion in checker.problems:
            location, quoted = place(line)
            findings.append(Finding(
                code="template-variable", message=f"unknown variable '{variable}'{quoted}", path=name,
                location=location,
                hint=f"did you mean '{suggestion}'?" if suggestion else "see `notice schema` for the fields",
            ))
    headings = _heading_paragraphs(template_file)
    if not any("{{" in text and "heading" in text for text in headings):
        present = {_normalise(text) for text in headings}
        for spec in document.required_headings:
            if _normalise(spec.text) not in present:
                findings.append(Finding(
                    code="template-heading", path=name,
                    message=f"the required heading '{spec.text}' is not in a Heading style paragraph",
                    hint=f"add '{spec.text}' and apply the Heading {getattr(spec, 'level', 1)} style",
                ))
    return findings
