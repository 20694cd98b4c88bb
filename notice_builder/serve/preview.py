"""HTML previews: a body's Markdown, and a decision's documents as they will print ("Check your answers").

Markdown is read by the project's own reader (notice_builder.markdown: the same parse, pasted bullets
and line breaks included, that the Word documents are made from) and written as escaped HTML; only
the links the documents make (http, https, mailto, tel) become links. The documents are laid out
from the profile, as the templates lay them out, from the public copy of the decision, so a preview
never shows exempt information.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from notice_builder.markdown import MarkdownToken, MarkdownTooDeep, parse_markdown
from notice_builder.model.decision_text import field_text, format_date
from notice_builder.model.profile import Profile, resolve_pointer
from notice_builder.model.redaction import public_decision, standard_sentence

LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _inline(children: tuple[MarkdownToken, ...]) -> str:
    """Inline tokens other than links as HTML."""
    out = []
    for token in children:
        if token.type == "text":
            out.append(escape(token.content))
        elif token.type == "code_inline":
            out.append(f"<code>{escape(token.content)}</code>")
        elif token.type == "hardbreak":
            out.append("<br>")
        elif token.nesting and token.tag in ("strong", "em", "s"):
            out.append(f"<{'/' if token.nesting < 0 else ''}{token.tag}>")
        elif token.type == "image":
            out.append(escape(token.content))
    return "".join(out)


def markdown_html(text: str, *, heading_offset: int = 2) -> Markup:
    """`text` (Markdown) as safe HTML; a `#` heading in it becomes an h3 (offset by `heading_offset`)."""
    try:
        tokens = parse_markdown(text or "")
    except MarkdownTooDeep:
        return Markup(f"<p>{escape(text)}</p>")
    out = []
    links_open = []
    for token in tokens:
        if token.hidden:
            continue
        if token.type == "inline":
            html = []
            for child in token.children:
                if child.type == "link_open":
                    href = str(child.attr("href") or "")
                    safe = href.lower().startswith(LINK_SCHEMES)
                    links_open.append(safe)
                    html.append(f'<a href="{escape(href)}" rel="noopener noreferrer">' if safe else "")
                elif child.type == "link_close":
                    html.append("</a>" if links_open and links_open.pop() else "")
                else:
                    html.append(_inline((child,)))
            out.append("".join(html))
        elif token.type in ("fence", "code_block"):
            out.append(f"<pre><code>{escape(token.content)}</code></pre>")
        elif token.type == "hr":
            out.append("<hr>")
        elif token.tag.startswith("h") and token.tag[1:].isdigit():
            level = min(6, int(token.tag[1:]) + heading_offset)
            out.append(f"<{'/' if token.nesting < 0 else ''}h{level}>")
        elif token.nesting and token.tag:
            start = token.attr("start") if token.tag == "ol" and token.nesting > 0 else None
            attrs = f' start="{int(start)}"' if isinstance(start, int) or (isinstance(start, str) and
                                                                          start.isdigit()) else ""
            out.append(f"<{'/' if token.nesting < 0 else ''}{token.tag}{attrs if token.nesting > 0 else ''}>")
    return Markup("".join(out))


def document_previews(decision: dict, profile: Profile) -> list[dict]:
    """Each public document of `decision`, laid out for the check page: title, fields and sections."""
    public = public_decision(decision, profile)
    documents = []
    for kind, spec in profile.built_documents().items():
        sections = []
        numbered = spec.layout == "board-report" or kind == "board-report"
        for heading in spec.headings:
            value = resolve_pointer(public, heading.source) if heading.source else None
            if heading.is_wildcard:
                for section in value or []:
                    if isinstance(section, dict):
                        sections.append({"heading": section.get("heading", ""), "level": heading.level,
                                         "pointer": heading.source,
                                         "html": markdown_html(section.get("body", ""))})
                continue
            if heading.source is None:
                sections.append({"heading": heading.text, "level": heading.level, "pointer": "", "html": ""})
                continue
            if numbered and isinstance(value, list):
                sections.append({"heading": heading.text, "level": heading.level, "pointer": heading.source,
                                 "paragraphs": [markdown_html(p) for p in value if isinstance(p, str)]})
                continue
            if isinstance(value, list):
                value = "\n".join(f"- {v}" for v in value if isinstance(v, str)) or \
                    standard_sentence(profile, public, f"no_{heading.id}")
            if value is None:
                value = standard_sentence(profile, public, heading.id)
            if value is None:
                continue
            sections.append({"heading": heading.text, "level": heading.level, "pointer": heading.source,
                             "html": markdown_html(value if isinstance(value, str) else field_text(value))})
        fields = []
        for labelled in spec.fields:
            value = resolve_pointer(public, labelled.source)
            text = field_text(value) if value not in (None, "") else ""
            if text:
                fields.append({"label": labelled.label, "value": text, "pointer": labelled.source})
        documents.append({"kind": kind, "title": spec.title, "sections": sections, "fields": fields,
                          "numbered": numbered, **(_report_parts(public) if numbered else {})})
    return documents


def _report_parts(decision: dict) -> dict:
    """What a covering report prints around its sections: the meeting, the authors and the annexes."""
    meeting = decision.get("meeting") if isinstance(decision.get("meeting"), dict) else {}
    report = decision.get("report") if isinstance(decision.get("report"), dict) else {}
    try:
        date = format_date(meeting.get("date"))
    except (TypeError, ValueError):
        date = str(meeting.get("date"))
    authors = [f"{a.get('name', '')}, {a.get('role', '')}" for a in report.get("authors") or []
               if isinstance(a, dict)]
    annexes = [a for a in report.get("annexes") or [] if isinstance(a, dict)]
    title = report.get("title") or decision.get("title") or ""
    return {"meeting": [str(meeting.get("board", "")).upper(), date, str(meeting.get("report_type", ""))],
            "report_title": str(title).upper(),
            "authors": authors, "annexes": annexes}


def signature_lines(decision: dict) -> dict:
    """What the signature block prints: the signer and the date, or the draft's wording."""
    notice = decision.get("notice") if isinstance(decision.get("notice"), dict) else {}
    signature = notice.get("signature") if isinstance(notice.get("signature"), dict) else {}
    try:
        date = format_date(signature.get("date"))
    except (TypeError, ValueError):
        date = str(signature.get("date"))
    return {"name": signature.get("name") or "Unsigned draft", "date": date or "Not yet decided"}
