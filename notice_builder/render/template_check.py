"""Check an office's customised Word template before it is used: tags, variables and headings.

Errors name the template, the paragraph (numbered as `notice lint` numbers a document's paragraphs)
and the tag, so an officer can find them in Word.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from notice_builder.docx.elements import W_P, W_T, iter_paragraphs
from notice_builder.docx.library_internals import (
    core_properties_element,
    paragraph_proxy,
    patch_xml,
    template_headers_footers,
)
from notice_builder.docx.namespaces import FOOTNOTES_CONTENT_TYPE
from notice_builder.model.findings import Finding, Location
from notice_builder.model.profile import DocumentSpec, Profile
from notice_builder.render.context import ContextBuilder
from notice_builder.render.core_properties import TEMPLATED_PROPERTIES, read_property
from notice_builder.render.docx_render import jinja_environment
from notice_builder.validate import decision_schema
from notice_builder.validate.profile_schema import decision_schema_for, resolve_ref

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_FOR_SECTIONS = re.compile(r"\{%[-+]?(?:p|tr|tc|r)?\s+for\s+(\w+)\s+in\s+[\w.]*sections\b")
_HEADING_LOOP = r"\{{\{{[-+]?(?:p|r)?\s*{name}\.heading\s*[-+]?\}}\}}"
_UNKNOWN = object()  # a value whose shape the sample cannot show: nothing below it is checked
_MISSING = object()  # an attribute the sample does not have: a misspelt or invented variable
# Words that a Jinja block opens and `end<word>` closes, to say where an unclosed block began.
_BLOCK_TAGS = {"for", "if", "macro", "call", "filter", "with", "block", "autoescape"}
SAMPLE_TEXT = {"date": "2013-07-16", "email": "officer@example.org", "uk-telephone": "0121 626 6060"}


@dataclass(frozen=True)
class TemplatePart:
    """One templated part of a .docx: its Jinja source, one line a paragraph, and those paragraphs."""

    name: str  # "" for the document body, else e.g. word/header1.xml or "the title property"
    source: str
    paragraphs: list[tuple[int | None, str]]  # (paragraph number, text as typed) per line after the first

    def place(self, line: int | None) -> tuple[Location, str]:
        """Where Jinja's line `line` is: the paragraph's location, and a quote of it for the message."""
        where = f" in {self.name}" if self.name else ""
        index = (line or 1) - 2
        if not 0 <= index < len(self.paragraphs):
            return Location(), where
        number, text = self.paragraphs[index]
        return Location(paragraph=number), f"{where}: '{text.strip()[:80]}'"


class _SampleResources:
    """WordResources that allocate nothing: the check only needs the context's shape."""

    def hyperlink_id(self, url: str) -> str:
        return "rId0"

    def bullet_list_id(self) -> int:
        return 1

    def new_numbered_list_id(self, start: int) -> int:
        return 1


def _sample_value(schema: dict, root: dict, depth: int = 0) -> Any:
    """A value with every property the schema allows, one item a list, so every name is present."""
    schema = resolve_ref(schema, root)
    for choice in ("oneOf", "anyOf"):
        if schema.get(choice):
            return _sample_value(schema[choice][0], root, depth)
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if "enum" in schema:
        return schema["enum"][0]
    if depth > 8:
        return None
    if kind == "object":
        return {key: _sample_value(value, root, depth + 1)
                for key, value in schema.get("properties", {}).items()}
    if kind == "array":
        return [_sample_value(schema.get("items", {}), root, depth + 1)]
    return SAMPLE_TEXT.get(schema.get("format"), "Sample text")


def sample_decision(profile: Profile) -> dict:
    """A final decision filling every field the profile's schema allows, and a confidential part."""
    schema = decision_schema_for(decision_schema(), profile)
    decision = _sample_value(schema, schema)
    decision["status"] = "final"
    decision["reference"] = profile.reference_format.format(seq=1, year=2013)
    # A confidential part gives the confidential document something to print.
    decision["notice"]["confidential_part"] = {
        "text": "Sample text", "confidential": True, "exemption": "Sample ground"}
    return decision


def sample_context(profile: Profile, document: DocumentSpec) -> dict:
    """A context with every name a real render of `document` can have."""
    return ContextBuilder(sample_decision(profile), profile, _SampleResources()).build(document)


def _numbered_source(root: etree._Element, numbers: dict[etree._Element, int]) -> tuple[str, list]:
    """The part's XML with each paragraph on its own line, and (number, text) of each paragraph.

    docxtpl's preprocessing keeps the line breaks, so Jinja's line numbers lead back to paragraphs.
    """
    xml = etree.tostring(root, encoding="unicode").replace("\r", " ").replace("\n", " ")
    paragraphs = [(numbers.get(p), "".join(t.text or "" for t in p.iter(W_T)))
                  for p in root.iter(W_P)]
    return _PARAGRAPH_START.sub(r"\n<w:p\1", xml), paragraphs


def _template_parts(template: DocxTemplate) -> Iterator[TemplatePart]:
    """The body, headers, footers, footnotes and templated properties, preprocessed as docxtpl does."""
    docx = template.get_docx()
    body = docx.element.body
    numbers = {p: index for index, (p, _) in enumerate(iter_paragraphs(body), start=1)}
    source, paragraphs = _numbered_source(body, numbers)
    yield TemplatePart("", patch_xml(template, source), paragraphs)
    others = template_headers_footers(template)
    others += [part for part in docx.part.package.parts if part.content_type == FOOTNOTES_CONTENT_TYPE]
    for part in others:
        root = parse_xml(part.blob)
        numbers = {p: index for index, p in enumerate(root.iter(W_P), start=1)}
        source, paragraphs = _numbered_source(root, numbers)
        yield TemplatePart(part.partname.lstrip("/"), patch_xml(template, source), paragraphs)
    for name in TEMPLATED_PROPERTIES:
        value = read_property(core_properties_element(docx), name)
        if "{" in value:
            yield TemplatePart(f"the document's {name} property", value, [])


def _attribute(value: Any, name: str) -> Any:
    """`value.name` as Jinja looks it up (attribute, then item); _MISSING if there is neither."""
    if value is _UNKNOWN:
        return _UNKNOWN
    if isinstance(value, dict):
        if name in value:
            return value[name]
        return getattr(value, name) if hasattr(dict, name) else _MISSING
    return getattr(value, name, _UNKNOWN)


def _item_shape(value: Any) -> Any:
    """What one item of a loop over `value` looks like: its dict items merged, so any key counts."""
    if not isinstance(value, list | tuple) or not value:
        return _UNKNOWN
    if all(isinstance(item, dict) for item in value):
        merged: dict = {}
        for item in value:
            merged.update(item)
        return merged
    return value[0]


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "…"


@dataclass(frozen=True)
class UnknownVariable:
    """A name or attribute a template uses that no decision can give it."""

    line: int
    name: str
    suggestion: str | None


class _VariableChecker:
    """Walks a template's syntax tree and reports names and attributes the sample context lacks."""

    def __init__(self) -> None:
        self.problems: list[UnknownVariable] = []

    def report(self, node: nodes.Node, name: str, known: list[str]) -> None:
        parent, _, last = name.rpartition(".")
        close = difflib.get_close_matches(last, [k for k in known if isinstance(k, str)], n=1)
        suggestion = f"{parent}.{close[0]}" if close and parent else (close[0] if close else None)
        self.problems.append(UnknownVariable(node.lineno, name, suggestion))

    def resolve(self, node: nodes.Node, scope: dict) -> Any:
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                scope[node.name] = _UNKNOWN
                return _UNKNOWN
            if node.name in scope:
                return scope[node.name]
            self.report(node, node.name, list(scope))
            return _UNKNOWN
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            name = node.attr if isinstance(node, nodes.Getattr) else _constant(node.arg)
            if isinstance(node, nodes.Getitem):
                self.walk(node.arg, scope)
            parent = self.resolve(node.node, scope)
            if name is None:
                return _UNKNOWN
            value = _attribute(parent, name)
            if value is _MISSING:
                self.report(node, f"{_dotted(node.node)}.{name}", list(parent))
                return _UNKNOWN
            return value
        self.walk(node, scope)
        return _UNKNOWN

    def walk(self, node: nodes.Node, scope: dict) -> None:
        if isinstance(node, nodes.For):
            item = _item_shape(self.resolve(node.iter, scope))
            inner = {**scope, "loop": _UNKNOWN}
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = item
            else:  # `for key, value in ...`: the sample cannot say what each name holds
                inner.update(dict.fromkeys((n.name for n in node.target.find_all(nodes.Name)), _UNKNOWN))
            for child in [*node.body, *([node.test] if node.test else [])]:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, scope)
            return
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)


def _constant(node: nodes.Node) -> str | None:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def _open_block(source: str, before_line: int) -> tuple[str, int] | None:
    """The innermost block tag (e.g. `if`) still open at `before_line`, with the line it opened on."""
    stack: list[tuple[str, int]] = []
    after_begin = False
    try:
        for line, kind, value in jinja_environment().lex(source):
            if line > before_line:
                break
            if kind == "whitespace":
                continue
            if after_begin and kind == "name":
                if value in _BLOCK_TAGS:
                    stack.append((value, line))
                elif value.startswith("end") and stack and stack[-1][0] == value[3:]:
                    stack.pop()
            after_begin = kind == "block_begin"
    except TemplateSyntaxError:
        pass  # the tags read so far still say which block is open
    return stack[-1] if stack else None


def _syntax_finding(error: TemplateSyntaxError, part: TemplatePart, name: str) -> Finding:
    """The syntax error, placed at the block left open if that is what went wrong."""
    message = error.message or "the tags do not parse"
    location, quoted = part.place(error.lineno)
    unclosed = "needs to be closed" in message or message.startswith("Unexpected end of template")
    opened = _open_block(part.source, error.lineno) if unclosed else None
    if opened:
        tag, line = opened
        reached = (f"; Jinja reached the end{part.place(None)[1]}" if message.startswith("Unexpected end")
                   else f"; Jinja reached paragraph {location.paragraph}{quoted}")
        location, quoted = part.place(line)
        message = f"the {{% {tag} %}} block opened here is not closed with {{% end{tag} %}}{quoted}{reached}"
        quoted = ""
    return Finding(code="template-syntax", message=f"{message}{quoted}", path=name, location=location,
                   hint="check the tag's {% %} or {{ }} pairs and spelling in Word")


def _variable_findings(part: TemplatePart, tree: nodes.Template, context: dict, name: str) -> list[Finding]:
    checker = _VariableChecker()
    checker.walk(tree, {**dict.fromkeys(jinja_environment().globals, _UNKNOWN), **context})
    findings = []
    for problem in checker.problems:
        location, quoted = part.place(problem.line)
        findings.append(Finding(
            code="template-variable", message=f"unknown variable '{problem.name}'{quoted}", path=name,
            location=location,
            hint=f"did you mean '{problem.suggestion}'?" if problem.suggestion
            else "check the spelling; `notice schema` lists the fields a decision has",
        ))
    return findings


def _is_heading_style(style) -> bool:
    while style is not None:
        if re.fullmatch(r"heading [1-9]", (style.name or "").lower()):
            return True
        style = style.base_style
    return False


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.replace("&", "and")).strip().lower()


@dataclass(frozen=True)
class _BodyParagraph:
    number: int
    text: str
    style: str
    is_heading: bool


def _body_paragraphs(template: DocxTemplate) -> list[_BodyParagraph]:
    document = template.get_docx()
    paragraphs = []
    for number, (element, _) in enumerate(iter_paragraphs(document.element.body), start=1):
        paragraph = paragraph_proxy(document, element)
        style = paragraph.style
        paragraphs.append(_BodyParagraph(number, paragraph.text, style.name if style is not None else "",
                                         _is_heading_style(style)))
    return paragraphs


def _heading_findings(template: DocxTemplate, document: DocumentSpec, name: str) -> list[Finding]:
    """Each required heading must be in a Heading style: literally, or printed by the sections loop."""
    paragraphs = _body_paragraphs(template)
    loop_names = {m.group(1) for p in paragraphs for m in _FOR_SECTIONS.finditer(p.text)}
    loop_headings = [p for p in paragraphs for loop in loop_names
                     if re.search(_HEADING_LOOP.format(name=re.escape(loop)), p.text)]
    if any(p.is_heading for p in loop_headings):
        return []
    if loop_headings:
        return [Finding(
            code="template-heading", path=name, location=Location(paragraph=p.number),
            message=f"the section headings paragraph '{p.text.strip()}' is in the '{p.style}' style, "
                    "not a Heading style, so the headings will not be real headings",
            hint="apply the Heading 1 style (or a style based on it) to the paragraph in Word",
        ) for p in loop_headings]
    findings = []
    for spec in document.required_headings:
        matches = [p for p in paragraphs if _normalise(p.text) == _normalise(spec.text)]
        if any(p.is_heading for p in matches):
            continue
        if matches:
            findings.append(Finding(
                code="template-heading", path=name, location=Location(paragraph=matches[0].number),
                message=f"the required heading '{spec.text}' is in the '{matches[0].style}' style, "
                        "not a Heading style",
                hint=f"apply the Heading {spec.level} style to it in Word",
            ))
        else:
            findings.append(Finding(
                code="template-heading", path=name,
                message=f"the required heading '{spec.text}' is missing",
                hint=f"add '{spec.text}' in the Heading {spec.level} style, or keep the "
                     "`{{ section.heading }}` loop of the original template",
            ))
    return findings


def check_template(template_file: Path, profile: Profile, document: DocumentSpec,
                   display_name: str | None = None) -> list[Finding]:
    """Every problem that would stop `template_file` rendering `document` correctly."""
    name = display_name or str(template_file)
    if not Path(template_file).is_file():
        return [Finding(code="template-missing", message="the template file does not exist", path=name,
                        hint=f"copy it from a fresh `notice init`, or fix '{document.template}' in the "
                             "profile")]
    try:
        template = DocxTemplate(str(template_file))
        parts = list(_template_parts(template))
    except Exception as error:  # a damaged or non-Word file: whatever the reader says is the finding
        return [Finding(code="template-unreadable", message=f"cannot open the template: {error}", path=name,
                        hint="save it from Word as a Word Document (.docx)")]
    try:
        context = sample_context(profile, document)
    except Exception as error:  # a profile whose sources the layout cannot use: say so, don't crash
        return [Finding(code="template-context", path=name,
                        message=f"cannot make a sample of what the '{document.kind}' template is given: "
                                f"{error}",
                        hint="check the profile's headings and fields point at parts of the decision")]
    findings: list[Finding] = []
    for part in parts:
        try:
            tree = jinja_environment().parse(part.source)
        except TemplateSyntaxError as error:
            findings.append(_syntax_finding(error, part, name))
            continue
        findings += _variable_findings(part, tree, context, name)
    return findings + _heading_findings(template, document, name)
