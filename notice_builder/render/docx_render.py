"""Render one document of a decision through its docxtpl template, in a Jinja sandbox."""

from __future__ import annotations

import io
from functools import cache

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from notice_builder.findings import Finding, NoticeBuilderError
from notice_builder.profile import DocumentSpec, Profile
from notice_builder.render.context import ContextBuilder, decision_date
from notice_builder.render.package import normalise_docx
from notice_builder.render.word_resources import DocxResources
from notice_builder.resources import template_path

GENERATOR = "notice-builder"


@cache
def jinja_environment() -> SandboxedEnvironment:
    """Autoescaping sandbox: values print as text, and a template cannot reach Python internals."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def document_title(decision: dict, document: DocumentSpec) -> str:
    """The title stored in the document properties (and shown by PDF readers and screen readers)."""
    reference = f" {decision['reference']}" if decision.get("reference") else ""
    return f"{document.title}{reference}: {decision['title']}"


def set_core_properties(docx, decision: dict, document: DocumentSpec) -> None:
    """Title, language and dates taken from the decision, never from the clock."""
    props = docx.core_properties
    props.title = document_title(decision, document)
    props.subject = decision["title"]
    props.author = decision["organisation"]["name"]
    props.keywords = decision.get("reference", "")
    props.language = "en-GB"
    props.content_status = decision["status"].capitalize()
    props.category = document.title
    props.last_modified_by = GENERATOR
    props.comments = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = decision_date(decision)


def render_document(decision: dict, profile: Profile, kind: str, *, source_path: str = "") -> bytes:
    """The .docx bytes of one document (`board-report`, `notice`) of a validated decision."""
    document = profile.documents[kind]
    template_file = template_path(document.template)
    template = DocxTemplate(str(template_file))
    template.init_docx()
    context = ContextBuilder(decision, profile, DocxResources(template.docx)).build(document)
    try:
        template.render(context, jinja_env=jinja_environment(), autoescape=True)
    except TemplateError as exc:
        raise NoticeBuilderError([Finding(
            code="template-error", message=f"the template could not be filled in: {exc}",
            path=str(template_file), hint="run `notice templates check` on the template",
        )]) from None
    set_core_properties(template.docx, decision, document)
    buffer = io.BytesIO()
    template.save(buffer)
    return normalise_docx(buffer.getvalue())
