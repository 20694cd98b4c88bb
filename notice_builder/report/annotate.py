"""Write a copy of a Word draft with each finding as a comment on its paragraph.

The original is never modified: the copy is written atomically (a temporary file beside OUT, then
moved into place), so OUT is either the old file or the whole new one. An existing OUT is only
replaced when asked (`force`), and never when it is the draft itself. The draft is checked part by
part within the safe-reading limits before python-docx opens it. The copy is reproducible: the zip
carries fixed timestamps and each comment is dated with the draft's own last-modified date, not the
clock, so annotating the same draft twice gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.text.run import Run

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.docx.elements import iter_paragraphs, iter_runs
from notice_builder.docx.library_internals import comment_element, paragraph_element, paragraph_proxy
from notice_builder.docx.namespaces import qn
from notice_builder.docx.package_reader import open_docx
from notice_builder.docx.package_writer import normalise_docx
from notice_builder.model.findings import Finding, NoticeBuilderError

AUTHOR = "notice lint"
INITIALS = "NL"
W_DATE = qn("w:date")


def _refuse(path: Path, message: str, hint: str) -> NoticeBuilderError:
    return NoticeBuilderError([Finding(code="annotate", message=message, path=str(path), hint=hint)])


def check_destination(source: Path, out: Path, force: bool) -> None:
    """Refuse to write over the draft itself, or over an existing file unless `force`."""
    if out.exists() and out.resolve() == source.resolve():
        raise _refuse(
            out,
            "will not write the annotated copy over the original draft",
            "give --annotate a new file name",
        )
    if out.exists() and not force:
        raise _refuse(out, "the file already exists", "choose another name, or add --force to replace it")
    if not out.parent.is_dir():
        raise _refuse(out, "the folder does not exist", "create the folder first")


def _comment_text(finding: Finding) -> str:
    text = f"{finding.code} ({finding.severity.value}): {finding.message}"
    return text + (f"\nHow to fix: {finding.hint}" if finding.hint else "")


def _runs(paragraphs: list, finding: Finding, document) -> list[Run]:
    """The runs of the paragraph a finding is about (a new empty run if it has none)."""
    number = finding.location.paragraph or 1
    element = paragraphs[min(max(number, 1), len(paragraphs)) - 1]
    paragraph = paragraph_proxy(document, element)
    return [Run(r, paragraph) for r in iter_runs(element)] or [paragraph.add_run("")]


def annotate_docx(
    source: str | Path,
    findings: Iterable[Finding],
    out: str | Path,
    *,
    force: bool = False,
    author: str = AUTHOR,
    initials: str = INITIALS,
) -> Path:
    """Save a copy of `source` at `out` with one Word comment per finding; returns `out`."""
    source, out = Path(source), Path(out)
    check_destination(source, out, force)
    with open_docx(source) as package:
        package.verify_all_parts()
    document = docx.Document(str(source))
    body = document.element.body
    paragraphs = [p for p, _ in iter_paragraphs(body)]
    if not paragraphs:
        paragraphs = [paragraph_element(document.add_paragraph())]
    comments = [
        document.add_comment(_runs(paragraphs, finding, document), text=_comment_text(finding),
                             author=author, initials=initials)
        for finding in findings
    ]
    modified = document.core_properties.modified
    for comment in comments:  # the draft's date, not the clock's: the same draft gives the same copy
        if modified is None:
            comment_element(comment).attrib.pop(W_DATE, None)
        else:
            comment_element(comment).set(W_DATE, modified.strftime("%Y-%m-%dT%H:%M:%SZ"))
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(out, normalise_docx(buffer.getvalue()), force=force)
    return out
