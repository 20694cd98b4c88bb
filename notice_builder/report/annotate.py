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
import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import docx
from docx.text.run import Run
from lxml import etree

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.docx.elements import iter_paragraphs, iter_runs
from notice_builder.docx.library_internals import comment_element, paragraph_element, paragraph_proxy
from notice_builder.docx.namespaces import qn
from notice_builder.docx.package_reader import DocxPackage, open_docx
from notice_builder.docx.package_writer import normalise_docx, reproducible_zip
from notice_builder.model.findings import Finding, NoticeBuilderError, UnreadableInput

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
    if finding.location.area is not None:  # text outside the body: the comment sits on paragraph 1
        text = f"In the {finding.location.area}: {text}"
    return text + (f"\nHow to fix: {finding.hint}" if finding.hint else "")


def _runs(paragraphs: list, finding: Finding, document) -> list[Run]:
    """The runs of the paragraph a finding is about (a new empty run if it has none)."""
    number = finding.location.paragraph or 1
    element = paragraphs[min(max(number, 1), len(paragraphs)) - 1]
    paragraph = paragraph_proxy(document, element)
    return [Run(r, paragraph) for r in iter_runs(element)] or [paragraph.add_run("")]


def _add_comments(document, paragraphs: list, findings: Iterable[Finding], author: str,
                  initials: str) -> list:
    """One comment per finding, in time linear in their number.

    python-docx gives each new comment the next id after the largest of the comments already in the
    part, which it finds by scanning them all, so adding n comments costs n². Each comment is taken
    out of the part once the next one is added (the last one left in keeps the ids counting up), and
    all are put back, in order, at the end: the same comments, ids and order.
    """
    comments, held = [], []
    for finding in findings:
        comment = document.add_comment(_runs(paragraphs, finding, document), text=_comment_text(finding),
                                       author=author, initials=initials)
        if comments:
            previous = comment_element(comments[-1])
            previous.getparent().remove(previous)
            held.append(previous)
        comments.append(comment)
    if held:
        last = comment_element(comments[-1])
        for element in held:
            last.addprevious(element)
    return comments


def _without_dangling_relationships(package: DocxPackage) -> bytes | None:
    """The package's bytes without its relationships to parts it does not hold, or None if it has none.

    Word and the linter ignore a relationship whose target part is missing (a picture deleted by
    hand, a tool's leftover); python-docx fails to open the package. The copy drops such
    relationships, which point at nothing.
    """
    names = [info.filename for info in package.zip.infolist() if not info.is_dir()]
    present = set(names)
    changed: dict[str, bytes] = {}
    for name in names:
        folder, base = posixpath.split(name)
        if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
            continue
        root = package.xml(name)
        if root is None:
            continue
        source_folder = posixpath.dirname(folder)
        dangling = []
        for rel in root.iter(qn("rels:Relationship")):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            resolved = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(source_folder, target)
            )
            if unquote(resolved) not in present and resolved not in present:
                dangling.append(rel)
        for rel in dangling:
            rel.getparent().remove(rel)
        if dangling:
            changed[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not changed:
        return None
    return reproducible_zip([(name, changed.get(name) or package.read(name)) for name in names])


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
        openable = _without_dangling_relationships(package)
    try:
        document = docx.Document(io.BytesIO(openable) if openable is not None else str(source))
    except Exception as exc:  # what the linter reads, python-docx may still refuse: one line, no traceback
        raise UnreadableInput([Finding(
            code="annotate", message=f"cannot add comments to this draft: {exc}", path=str(source),
            hint="open it in Word and save it again, then annotate the new copy",
        )]) from None
    body = document.element.body
    paragraphs = [p for p, _ in iter_paragraphs(body)]
    if not paragraphs:
        paragraphs = [paragraph_element(document.add_paragraph())]
    comments = _add_comments(document, paragraphs, findings, author, initials)
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
