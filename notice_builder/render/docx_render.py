"""Render one document of a decision through its docxtpl template, in a Jinja sandbox."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from notice_builder.docx.library_internals import core_properties_element
from notice_builder.docx.package_writer import normalise_docx
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.profile import Profile
from notice_builder.render.context import ContextBuilder
from notice_builder.render.core_properties import decision_properties, write_properties
from notice_builder.render.word_resources import DocxResources


def literal_value(value):
    """A value as XML text, braces written as character references.

    docxtpl turns `{_{`, `}_}`, `{_%` and `%_}` in rendered XML back into Jinja delimiters; as
    references they cannot form one, so a value always prints exactly as written.
    """
    if hasattr(value, "__html__"):  # ready-made Word XML (WordXml) or already-escaped Markup
        return value
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


@cache
def jinja_environment() -> SandboxedEnvironment:
    """Autoescaping sandbox: values print as text, and a template cannot reach Python internals."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=literal_value)


def template_unreadable(template_file: Path, exc: Exception) -> NoticeBuilderError:
    """The finding for a template that cannot be opened: a missing, damaged or non-Word file."""
    return NoticeBuilderError([Finding(
        code="template-unreadable", message=f"the Word template cannot be opened: {exc}",
        path=str(template_file), hint="check the profile's template path; a template is a .docx saved "
        "from Word with List Bullet and List Number styles",
    )])


def template_failed(template_file: Path, exc: Exception) -> NoticeBuilderError:
    """The finding for a template that fails while filled in (it is code from outside: anything goes)."""
    detail = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    return NoticeBuilderError([Finding(
        code="template-error", message=f"the template could not be filled in: {detail}",
        path=str(template_file), hint="run `notice templates check` on the template",
    )])


def render_document(decision: dict, profile: Profile, kind: str, *, source_path: str = "") -> bytes:
    """The .docx bytes of one document (`board-report`, `notice`) of a validated decision."""
    document = profile.document(kind)
    template_file = profile.template_path(document)
    try:
        template = DocxTemplate(str(template_file))
        template.init_docx()
        resources = DocxResources(template.docx)
    except Exception as exc:
        raise template_unreadable(template_file, exc) from None
    context = ContextBuilder(decision, profile, resources).build(document)
    try:
        template.render(context, jinja_env=jinja_environment(), autoescape=True)
    except Exception as exc:
        raise template_failed(template_file, exc) from None
    write_properties(core_properties_element(template.docx), decision_properties(decision, document))
    buffer = io.BytesIO()
    template.save(buffer)
    return normalise_docx(buffer.getvalue())
