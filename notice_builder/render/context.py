"""Turn a validated decision into the values the Word templates print, laid out by the profile."""

from __future__ import annotations

import re
from typing import Any

from notice_builder.model.decision_text import field_text, format_date, short_title
from notice_builder.model.findings import Finding, Location, NoticeBuilderError
from notice_builder.model.profile import DocumentSpec, HeadingSpec, Profile, resolve_pointer
from notice_builder.model.redaction import confidential_items, public_decision, standard_sentence
from notice_builder.render.markdown_to_word import (
    BlockOptions,
    MarkdownTooDeep,
    WordResources,
    WordXml,
    markdown_to_word,
)

NUMBERED_PARAGRAPH_STYLE = "NumberedParagraph"
UNSIGNED_TEXT = "Unsigned draft"
UNDATED_TEXT = "Not yet decided"


def header_text(decision: dict) -> str:
    """Status and reference on one line: `DRAFT – WMPCC 005/2013`, or just the reference.

    The built-in templates print DRAFT on a large line of its own (`is_draft`) and the `reference`
    under it; `header_text` stays for templates an office made before that.
    """
    parts = []
    if decision["status"] == "draft":
        parts.append("DRAFT")
    if decision.get("reference"):
        parts.append(decision["reference"])
    return " – ".join(parts)


_PARAGRAPH_START = re.compile(r"<w:p>(<w:pPr>(<w:pStyle [^>]*/>)?(<w:keepNext/>)?)?")


def _keep_start(match: re.Match) -> str:
    style = match.group(2) or ""
    if match.group(1):  # properties already: keepNext and keepLines go after the style, in schema order
        return f"<w:p><w:pPr>{style}<w:keepNext/><w:keepLines/>"
    return "<w:p><w:pPr><w:keepNext/><w:keepLines/></w:pPr>"


def kept_with_next(xml: WordXml) -> WordXml:
    """`xml` with every paragraph kept whole and on the page of the next: for the signature block."""
    return WordXml(_PARAGRAPH_START.sub(_keep_start, xml.xml))


def footer_text(decision: dict) -> str:
    """What the footer prints before `Page N of M`: `WMPCC 012/2013 – Grants for ...`.

    The reference (a draft without one: DRAFT) and the short title, the title without the
    organisation's name in front.
    """
    parts = [decision.get("reference") or ("DRAFT" if decision["status"] == "draft" else ""),
             short_title(decision)]
    return " – ".join(part for part in parts if part)


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class ContextBuilder:
    """Builds the template context for one document of one decision.

    Every document but the confidential part is built from `public_decision`, so exempt
    information never reaches a public document's context, text, properties or hyperlinks.
    """

    def __init__(self, decision: dict, profile: Profile, resources: WordResources):
        self.decision = public_decision(decision, profile)
        self._confidential_decision = decision
        self.profile = profile
        self.resources = resources

    def markdown(self, text: str, *, confidential_at: str | None = None, **options: Any) -> WordXml:
        """`text` as Word XML; exempt text (`confidential_at`: its pointer) is never quoted in an error."""
        try:
            return markdown_to_word(text, self.resources, BlockOptions(**options))
        except MarkdownTooDeep as error:
            start = " ".join(text.split())[:40]
            where = (f"the confidential text at {confidential_at}" if confidential_at
                     else f"a text ({start!r})")
            raise NoticeBuilderError([Finding(
                code="markdown-too-deep", path="decision", location=Location(pointer=confidential_at),
                message=f"{where} is {error} (lists or quotes inside one another)",
                hint="a notice needs two or three levels of list at most; flatten the list or quotation",
            )]) from None

    def standard_text(self, key: str) -> str | None:
        return standard_sentence(self.profile, self.decision, key)

    def common(self, document: DocumentSpec) -> dict:
        decision = self.decision
        organisation = decision["organisation"]
        meeting = decision.get("meeting") or {"board": "", "date": None, "report_type": ""}
        return {
            "title": decision["title"],
            "reference": decision.get("reference", ""),
            # printed under the title, unless a labelled field (e.g. Decision number:) prints it
            "reference_line": "" if any(f.source == "/reference" for f in document.fields)
            else decision.get("reference", ""),
            "status": decision["status"],
            "is_draft": decision["status"] == "draft",
            "header_text": header_text(decision),
            "footer_text": footer_text(decision),
            "organisation": {**organisation, "name_upper": organisation["name"].upper()},
            "decision_maker": decision["decision_maker"],
            "meeting": {
                **meeting,
                "board_upper": meeting["board"].upper(),
                "date": format_date(meeting["date"]),
            },
        }

    def board_report(self, document: DocumentSpec) -> dict:
        report = self.decision["report"]
        sections = []
        for spec in document.headings:
            paragraphs = resolve_pointer(self.decision, spec.source) or []
            sections.append({
                "id": spec.id,
                "heading": spec.text,
                "paragraphs": [
                    self.markdown(p, first_paragraph_style=NUMBERED_PARAGRAPH_STYLE)
                    for p in paragraphs
                ],
            })
        authors = [f"{a['name']}, {a['role']}" for a in report["authors"]]
        return {
            **self.common(document),
            "report": {
                "title": (report.get("title") or self.decision["title"]).upper(),
                "sections": sections,
                "authors_line": _join_names(authors),
                "annexes": report.get("annexes", []),
            },
        }

    def _section_bodies(self, spec: HeadingSpec) -> list[dict]:
        """The sections one heading of the profile yields: none, one, or the author's (wildcard)."""
        section = {"id": spec.id, "heading": spec.text, "level": spec.level, "body": None}
        if spec.source is None:  # a heading that groups the sub-sections after it
            return [section]
        value = resolve_pointer(self.decision, spec.source)
        if spec.is_wildcard:
            return [
                {**section, "heading": s["heading"],
                 "body": self.markdown(s["body"], heading_level=spec.level)}
                for s in value or []
            ]
        if isinstance(value, list):
            value = "\n\n".join(value) if value else self.standard_text(f"no_{spec.id}")
        if value is None:
            value = self.standard_text(spec.id)
        if value is None:
            return []
        return [{**section, "body": self.markdown(value, heading_level=spec.level)}]

    def notice(self, document: DocumentSpec) -> dict:
        notice = self.decision["notice"]
        signature = notice.get("signature") or {}
        declaration = notice.get("declaration_of_interests") or self.standard_text("declaration") or ""
        if notice.get("interests"):
            declaration += "\n\n" + notice["interests"]
        sections = [body for spec in document.headings for body in self._section_bodies(spec)]
        fields = [{"label": f.label, "value": field_text(resolve_pointer(self.decision, f.source))}
                  for f in document.fields]
        return {
            **self.common(document),
            "notice": {
                "document_title": document.title.upper(),
                "contact_officer": notice.get("contact_officer", {}),
                "fields": [f for f in fields if f["value"]],
                "signature_after": document.signature_after or "decision",
                "sections": sections,
                # the declaration stays on the page of the Signature and Date after it
                "declaration": kept_with_next(self.markdown(declaration)) if declaration
                else WordXml(""),
                "signature_name": signature.get("name") or UNSIGNED_TEXT,
                "signature_date": format_date(signature.get("date")) or UNDATED_TEXT,
            },
        }

    def confidential(self, document: DocumentSpec) -> dict:
        """The confidential part: each piece of exempt information under its heading, with its ground."""
        sections = [
            {"heading": item.heading, "exemption": item.exemption,
             "body": self.markdown(item.text, confidential_at=item.pointer)}
            for item in confidential_items(self._confidential_decision, self.profile)
        ]
        return {
            **self.common(document),
            "confidential": {"document_title": document.title.upper(), "sections": sections},
        }

    def build(self, document: DocumentSpec) -> dict:
        """The context for `document` (its kind picks the layout)."""
        layouts = {"board-report": self.board_report, "notice": self.notice,
                   "confidential": self.confidential}
        return layouts[document.layout or document.kind](document)
