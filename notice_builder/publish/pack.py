"""`notice pack`: a board meeting's agenda pack, every covering report with its notice, in agenda order.

The meeting file (meeting.json, checked against schemas/meeting.schema.json) gives the meeting's
name, date and agenda. The pack opens with a front sheet and its contents: one real entry an item (its
number, title and reference), each a link to the item, and no Word field, so nothing needs updating
(Word's "Update this field" text never shows). Then come each item's documents in the profile's order
(covering report, then the notice annexed to it), merged with docxcompose. Each item is a section of
its own whose page header names the item and, for a draft, starts `DRAFT` as the item's own documents'
headers do; a draft item's heading and contents entry say DRAFT too.

A decision dated after the meeting, or more than LONG_BEFORE_DAYS before it, gets a warning: it is
probably on the wrong agenda, or its date is wrong.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docxcompose.composer import Composer

from notice_builder.docx.atomic_files import refuse_existing, write_atomically
from notice_builder.docx.library_internals import core_properties_element, paragraph_element, part_element
from notice_builder.docx.namespaces import nsdecls, qn
from notice_builder.docx.package_writer import normalise_docx
from notice_builder.load import DecisionSource, load_decision_file
from notice_builder.model.decision_text import decision_date, format_date
from notice_builder.model.findings import Finding, NoticeBuilderError, Severity
from notice_builder.model.profile import Profile
from notice_builder.pipeline import render_documents, run_decision
from notice_builder.profiles import profile_for
from notice_builder.render.context import header_text
from notice_builder.render.core_properties import GENERATOR, fit_property, write_properties
from notice_builder.validate import validate_against

MEETING_FILE = "meeting.json"
AGENDA_ITEM_STYLE = "Agenda Item"
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
LONG_BEFORE_DAYS = 90  # a decision dated more than this before the meeting is probably misfiled


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item with papers: its number and its (valid) decision."""

    number: str
    decision: DecisionSource

    @property
    def title(self) -> str:
        return self.decision.data["title"]

    @property
    def reference(self) -> str | None:
        return self.decision.data.get("reference")

    @property
    def draft(self) -> bool:
        return self.decision.data.get("status") != "final"

    @property
    def bookmark(self) -> str:
        return f"agenda_item_{re.sub(r'[^A-Za-z0-9]', '_', self.number)}"[:40]


@dataclass(frozen=True)
class Meeting:
    """A board meeting from its meeting file: name, date, venue and the agenda items with papers."""

    path: Path
    name: str
    date: str
    venue: str | None
    items: tuple[AgendaItem, ...]
    warnings: list[Finding] = field(default_factory=list)


def _date_warning(source: DecisionSource, index: int, entry: dict, meeting_date: str,
                  decision: DecisionSource) -> Finding | None:
    """A warning if the decision is dated after the meeting, or long before it."""
    meeting_day = dt.date.fromisoformat(meeting_date)
    try:
        day = decision_date(decision.data).date()
    except (KeyError, ValueError, TypeError):
        return None
    if day > meeting_day:
        problem = f"is dated {format_date(day.isoformat())}, after the meeting on {format_date(meeting_date)}"
    elif (meeting_day - day).days > LONG_BEFORE_DAYS:
        problem = (f"is dated {format_date(day.isoformat())}, more than {LONG_BEFORE_DAYS} days before the "
                   f"meeting on {format_date(meeting_date)}")
    else:
        return None
    return Finding(
        code="decision-date", severity=Severity.WARNING, path=source.path,
        location=source.location(f"/agenda/{index}/decision"),
        message=f"agenda item {entry['item']}: the decision {decision.path} {problem}",
        hint="check the decision's date (its signature date, `date` or meeting date) and that it is on "
             "this meeting's agenda; the pack was still made",
    )


def _item_decision(source: DecisionSource, index: int, folder: Path) -> DecisionSource | list[Finding]:
    entry = source.data["agenda"][index]
    pointer = f"/agenda/{index}/decision"
    path = folder / entry["decision"]
    if not path.is_file():
        return [Finding(code="missing-decision", message=f"agenda item {entry['item']}: no file {path}",
                        path=source.path, location=source.location(pointer),
                        hint="give the decision file's name relative to the meeting file")]
    run = run_decision(path, lint=False, render=False)
    return list(run.findings) if run.errors or run.source is None else run.source


def load_meeting(meeting_dir: str | Path) -> Meeting:
    """Read and check a meeting folder's meeting file and every decision its agenda names.

    Raises NoticeBuilderError with every problem found (the meeting file's and the decisions').
    """
    folder = Path(meeting_dir)
    path = folder / MEETING_FILE if folder.is_dir() else folder
    source = load_decision_file(path)
    findings = validate_against("meeting", source)
    if findings:
        raise NoticeBuilderError(findings)
    items, problems, warnings = [], [], []
    for index, entry in enumerate(source.data["agenda"]):
        decision = _item_decision(source, index, path.parent)
        if isinstance(decision, list):
            problems += decision
        else:
            items.append(AgendaItem(entry["item"], decision))
            warning = _date_warning(source, index, entry, source.data["date"], decision)
            if warning:
                warnings.append(warning)
    if problems:
        raise NoticeBuilderError(problems)
    data = source.data
    return Meeting(path, data["name"], data["date"], data.get("venue"), tuple(items), warnings)


def _fill_placeholders(part_element, values: dict[str, str]) -> None:
    """Replace the template's `{{ name }}` header and footer fields with the pack's own text."""
    for text in part_element.iter(qn("w:t")):
        if text.text and "{{" in text.text:
            text.text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text.text)


def _replace_header(header, text: str) -> None:
    """The front sheet's header is the pack's own line, not the template's (which marks one decision)."""
    first, *others = header.paragraphs
    for paragraph in others:
        element = paragraph_element(paragraph)
        element.getparent().remove(element)
    first.text = text


def _agenda_item_style(document) -> None:
    """A heading-like style for the line that starts each item: what the TOC field lists."""
    style = document.styles.add_style(AGENDA_ITEM_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Heading 1"]
    style.paragraph_format.page_break_before = True


def front_sheet(meeting: Meeting, profile: Profile, template: Path):
    """The pack's first pages: front sheet and contents, on the house template's styles and page."""
    document = Document(str(template))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = document.sections[0]
    _replace_header(section.header, f"{meeting.name}: {format_date(meeting.date)}")
    _fill_placeholders(part_element(section.footer), {"footer_text": "Agenda pack"})
    _agenda_item_style(document)
    organisation = meeting.items[0].decision.data["organisation"]["name"] if meeting.items \
        else profile.organisation
    document.add_paragraph(organisation.upper(), style="Organisation Name")
    document.add_paragraph(meeting.name, style="Title")
    document.add_paragraph(format_date(meeting.date), style="Subtitle")
    if meeting.venue:
        document.add_paragraph(meeting.venue)
    document.add_paragraph("Agenda pack", style="Subtitle")
    document.add_paragraph("Contents", style="Subtitle")
    for item in meeting.items:
        reference = f" ({item.reference})" if item.reference else ""
        line = document.add_paragraph()
        link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{item.bookmark}" w:history="1"/>')
        paragraph_element(line).append(link)
        for text, bold in ((f"Item {item.number}: ", True), (_draft_mark(item), True),
                           (f"{item.title}{reference}", False)):
            if text:
                run = line.add_run(text)
                run.bold = bold or None
                link.append(run._r)
    return document


def _draft_mark(item: AgendaItem) -> str:
    return "DRAFT – " if item.draft else ""


def _item_heading(item: AgendaItem) -> str:
    return f"Agenda item {item.number}: {_draft_mark(item)}{item.reference or item.title}"


def _start_item(document, item: AgendaItem, meeting: Meeting) -> None:
    """A section of the item's own, headed as its documents are (`DRAFT – ...` for a draft), then its
    heading, with the bookmark its contents entry links to."""
    section = document.add_section(WD_SECTION.CONTINUOUS)  # the heading starts the page
    header = section.header
    header.is_linked_to_previous = True  # drop the front sheet's header the new section copied
    header.is_linked_to_previous = False
    status = header_text(item.decision.data)
    parts = [status, f"Agenda item {item.number}", f"{meeting.name}: {format_date(meeting.date)}"]
    header.paragraphs[0].text = " – ".join(part for part in parts if part)
    heading = document.add_paragraph(style=AGENDA_ITEM_STYLE)
    element = paragraph_element(heading)
    index = str(900_000 + meeting.items.index(item))  # clear of the bookmark ids merged documents use
    element.append(parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{index}" w:name="{item.bookmark}"/>'))
    heading.add_run(_item_heading(item))
    element.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{index}"/>'))


def _pin_list_ids(document) -> None:
    """docxcompose gives merged lists random nsids; number them instead, so packs are reproducible."""
    numbering = document.part.numbering_part.element
    for position, abstract in enumerate(numbering.iterchildren(qn("w:abstractNum")), start=1):
        nsid = abstract.find(qn("w:nsid"))
        if nsid is not None:
            nsid.set(qn("w:val"), f"{0x4E420000 + position:08X}")


def _set_properties(document, meeting: Meeting, organisation: str) -> None:
    when = decision_date({"meeting": {"date": meeting.date}})
    write_properties(core_properties_element(document), {
        "title": fit_property(f"Agenda pack: {meeting.name}, {format_date(meeting.date)}"),
        "subject": fit_property(meeting.name),
        "author": fit_property(organisation),
        "language": "en-GB",
        "category": "Agenda pack",
        "keywords": fit_property(" ".join(i.reference for i in meeting.items if i.reference)),
        "comments": "",
        "content_status": "",
        "last_modified_by": GENERATOR,
        "revision": 1,
        "created": when,
        "modified": when,
        "last_printed": when,
    })


def build_pack(meeting: Meeting, profile: Profile | str | None = None) -> bytes:
    """The agenda pack as .docx bytes: front sheet, contents, then each item's documents."""
    chosen = profile_for(meeting.items[0].decision, profile)
    first_kind = next(iter(chosen.documents.values()))
    document = front_sheet(meeting, chosen, chosen.template_path(first_kind))
    composer = Composer(document)
    for item in meeting.items:
        documents = render_documents(item.decision, profile)
        _start_item(document, item, meeting)
        for index, kind in enumerate(documents):
            if index:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            composer.append(Document(io.BytesIO(documents[kind])))
    _pin_list_ids(document)
    _set_properties(document, meeting, meeting.items[0].decision.data["organisation"]["name"])
    buffer = io.BytesIO()
    composer.save(buffer)
    return normalise_docx(buffer.getvalue())


def write_pack(meeting_dir: str | Path, out: str | Path, *, force: bool = False,
               profile: str | None = None) -> list[Finding]:
    """Check the meeting, build its agenda pack and write it to `out` atomically; returns the warnings."""
    target = Path(out)
    refuse_existing([target], force)
    meeting = load_meeting(meeting_dir)
    data = build_pack(meeting, profile)
    write_atomically(target, data, force=force)
    return meeting.warnings

