"""`notice register`: the record of decisions an office publishes, as CSV or as a plain accessible web page.

The Elected Local Policing Bodies (Specified Information) Order 2011 asks a police and crime
commissioner to publish a record of each decision of significant public interest; regulation 13 of the
Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations
2012 asks the same of a council's executive. The profile's `register` standard text names the law.
One row a decision: reference, title, date, decision maker, status, and relative links to its built
documents (PDF and Word files named as `notice batch` names them), so the register can sit beside
them. A register of several organisations' decisions says so, and shows each row's organisation.

Only final decisions are published decisions: drafts are left out (and counted, so the command can say
how many), unless asked for, when each is marked as a draft. When any input cannot be used, no register
is written and the error names every such input.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from notice_builder.docx.atomic_files import refuse_existing, write_atomically
from notice_builder.model.decision_text import decision_date, format_date
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.pipeline import DecisionRun, document_path, run_decision
from notice_builder.publish.inputs import collect_decision_files

COLUMNS = ("reference", "title", "date", "decision_maker", "status", "documents", "organisation")
HEADINGS = ("Reference", "Title", "Date", "Decision maker", "Status", "Documents", "Organisation")
DOCUMENT_FORMATS = ((".pdf", "PDF"), (".docx", "Word"))
FORMATS = ("csv", "html")
DRAFT_STATUS = "Draft (not a published decision)"


@dataclass(frozen=True)
class DocumentLink:
    """A link from the register to one built document: relative address and what it is."""

    href: str
    label: str


@dataclass(frozen=True)
class RegisterEntry:
    """One decision's row in the register."""

    reference: str
    title: str
    date: str  # ISO
    decision_maker: str
    status: str
    organisation: str
    documents: tuple[DocumentLink, ...]
    published_under: str = ""  # the law the register is published under (profile text `register`)
    draft: bool = False

    def csv_row(self) -> list[str]:
        links = "; ".join(link.href for link in self.documents)
        return [self.reference, self.title, self.date, self.decision_maker, self.status, links,
                self.organisation]


def _decision_maker(decision: dict) -> str:
    maker = decision["decision_maker"]
    return f"{maker['name']}, {maker['role']}" if maker.get("name") else maker["role"]


def _links(run: DecisionRun, documents_dir: Path, register_dir: Path) -> tuple[DocumentLink, ...]:
    links = []
    for kind, spec in run.profile.documents.items():
        for suffix, label in DOCUMENT_FORMATS:
            file = document_path(documents_dir, run.stem, kind, suffix)
            if file.is_file():
                href = Path(os.path.relpath(file, register_dir)).as_posix()
                links.append(DocumentLink(quote(href), f"{spec.title} ({label})"))
    return tuple(links)


@dataclass(frozen=True)
class Register:
    """The register's rows, newest first, and how many drafts were left out of it."""

    entries: list[RegisterEntry]
    drafts_left_out: int = 0


class RegisterNotWritten(NoticeBuilderError):
    """Some inputs could not be used, so no register was written; `inputs` names them."""

    def __init__(self, findings: list[Finding], inputs: list[str]):
        super().__init__(findings)
        self.inputs = inputs


def _not_written(findings: list[Finding]) -> RegisterNotWritten:
    inputs = list(dict.fromkeys(f.path for f in findings))
    return RegisterNotWritten(findings, inputs)


def register_entries(patterns: list[str], documents_dir: Path, register_dir: Path, *,
                     include_drafts: bool = False) -> Register:
    """A row for every final decision named by `patterns` (drafts too if asked), newest first.

    Raises RegisterNotWritten naming every input that cannot be used.
    """
    inputs = collect_decision_files(patterns)
    findings: list[Finding] = list(inputs.unmatched)
    entries = []
    drafts_left_out = 0
    for path in inputs.files:
        run = run_decision(path, lint=False, render=False)
        if run.errors or run.profile is None:
            findings += run.findings
            continue
        data = run.source.data
        draft = data["status"] != "final"
        if draft and not include_drafts:
            drafts_left_out += 1
            continue
        entries.append(RegisterEntry(
            reference=data.get("reference", ""), title=data["title"],
            date=decision_date(data).date().isoformat(), decision_maker=_decision_maker(data),
            status=DRAFT_STATUS if draft else data["status"].capitalize(),
            organisation=data["organisation"]["name"],
            documents=_links(run, documents_dir, register_dir),
            published_under=run.profile.standard_text.get("register", ""), draft=draft,
        ))
    if findings:
        raise _not_written(findings)
    entries.sort(key=lambda e: (e.reference, e.title))
    entries.sort(key=lambda e: e.date, reverse=True)
    return Register(entries, drafts_left_out)


# A cell a spreadsheet would read as a formula starts with one of these (OWASP "CSV injection"), perhaps
# after spaces; the full-width forms too, which some spreadsheets take as their ASCII ones.
FORMULA_STARTS = tuple("=+-@\t\r\n") + tuple("\uff1d\uff0b\uff0d\uff20")


def spreadsheet_text(cell: str) -> str:
    """`cell` as text a spreadsheet shows as written: a leading ' if it could start a formula."""
    return f"'{cell}" if cell.lstrip(" ").startswith(FORMULA_STARTS) else cell


def register_csv(entries: list[RegisterEntry]) -> str:
    """The register as CSV (RFC 4180, CRLF line ends), one row a decision under a header row.

    No cell can become a spreadsheet formula: one that starts like a formula gets a leading '.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows([spreadsheet_text(cell) for cell in entry.csv_row()] for entry in entries)
    return buffer.getvalue()


def _cell(entry: RegisterEntry, column: str) -> str:
    if column == "date":
        return f'<time datetime="{entry.date}">{escape(format_date(entry.date))}</time>'
    if column == "documents":
        if not entry.documents:
            return "Not yet published"
        items = "".join(f'<li><a href="{escape(link.href)}">{escape(link.label)}</a></li>'
                        for link in entry.documents)
        return f"<ul>{items}</ul>"
    if column == "reference":
        return escape(entry.reference) or "Not yet allocated"
    if column == "status" and entry.draft:
        return f"<strong>{escape(entry.status)}</strong>"
    return escape(getattr(entry, column))


def _distinct(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _introduction(entries: list[RegisterEntry], organisations: list[str]) -> str:
    """The sentence under the heading: whose decisions these are, and under which law."""
    who = organisations[0] if len(organisations) == 1 else f"{len(organisations)} organisations"
    laws = _distinct(e.published_under for e in entries)
    under = f", published under {' and '.join(laws)}" if laws else ""
    return f"Decisions of {who}{under}."


def _caption(entries: list[RegisterEntry]) -> str:
    drafts = sum(entry.draft for entry in entries)
    marked = f", {drafts} of them drafts, marked as such" if drafts else ""
    return f"Decisions, newest first ({len(entries)}{marked})"


def register_html(entries: list[RegisterEntry]) -> str:
    """The register as one plain, accessible HTML page: a captioned table with column headers."""
    organisations = _distinct(e.organisation for e in entries)
    title = f"Record of decisions: {organisations[0]}" if len(organisations) == 1 else "Record of decisions"
    columns = [(c, h) for c, h in zip(COLUMNS, HEADINGS, strict=True)
               if c != "organisation" or len(organisations) > 1]
    header = "".join(f'<th scope="col">{escape(h)}</th>' for _, h in columns)
    rows = "\n".join(
        ('<tr class="draft">' if entry.draft else "<tr>")
        + "".join(f"<td>{_cell(entry, column)}</td>" for column, _ in columns) + "</tr>"
        for entry in entries
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: Arial, sans-serif; line-height: 1.5; margin: 1rem auto; max-width: 70rem; }}
table {{ border-collapse: collapse; width: 100%; }}
caption {{ text-align: left; font-weight: bold; padding: 0.5rem 0; }}
th, td {{ border: 1px solid #505a5f; padding: 0.5rem; text-align: left; vertical-align: top; }}
ul {{ margin: 0; padding-left: 1.2rem; }}
a {{ color: #1d70b8; }}
</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<p>{escape(_introduction(entries, organisations))}</p>
<table>
<caption>{escape(_caption(entries))}</caption>
<thead>
<tr>{header}</tr>
</thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def write_register(patterns: list[str], out: str | Path, *, documents_dir: str | Path | None = None,
                   force: bool = False, include_drafts: bool = False) -> Register:
    """Write the register to `out`: CSV or HTML by its suffix; links point at `documents_dir`.

    Final decisions only unless `include_drafts`; returns what was written and the drafts left out.
    """
    target = Path(out)
    fmt = target.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise NoticeBuilderError([Finding(
            code="register-format", message="the register must be a .csv or .html file", path=str(target),
            hint="name the output register.csv or register.html",
        )])
    refuse_existing([target], force)
    register_dir = target.parent
    register = register_entries(patterns, Path(documents_dir) if documents_dir else register_dir,
                                register_dir, include_drafts=include_drafts)
    entries = register.entries
    text = register_csv(entries) if fmt == "csv" else register_html(entries)
    write_atomically(target, text.encode("utf-8"), force=force)
    return register
