"""Convert many Word documents to accessible PDF in one LibreOffice run (what the office publishes).

Starting LibreOffice costs about 1.8 s and each further document about 0.2 s, so a batch converts
every document with one `soffice --convert-to` call. The PDF is tagged, carries the document title
(Word's core property) as its displayed title and the headings as bookmarks, as the Public Sector
Bodies Accessibility Regulations 2018 expect. LibreOffice stamps each PDF with the clock and a random
ID; both are pinned afterwards so the same document always gives the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from notice_builder.model.findings import Finding, NoticeBuilderError

INSTALL_HINT = "install LibreOffice Writer: apt-get install -y libreoffice-writer-nogui"
EXPORT_OPTIONS = {
    "UseTaggedPDF": True,  # structure tags for screen readers
    "PDFUACompliance": True,  # PDF/UA: alternative text checks, document language
    "DisplayPDFDocumentTitle": True,  # readers show the title, not the file name
    "ExportBookmarks": True,  # headings as PDF bookmarks
}
TIMEOUT_SECONDS_PER_DOCUMENT = 30
_CREATION_DATE = re.compile(rb"/CreationDate\(D:(\d{14})")
_XMP_CREATE_DATE = re.compile(rb"<xmp:CreateDate>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")
_DOCUMENT_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]")
_DOCUMENT_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")  # LibreOffice's own, also clock-based


@dataclass(frozen=True)
class PdfJob:
    """One document to convert: the .docx, and the date its PDF should carry."""

    docx: Path
    date: dt.datetime


def pdf_filter() -> str:
    """The --convert-to argument: Writer's PDF export with the accessibility options set."""
    options = {name: {"type": "boolean", "value": str(on).lower()} for name, on in EXPORT_OPTIONS.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def soffice() -> str:
    """Path of LibreOffice's soffice, or an error that says how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise NoticeBuilderError([Finding(
            code="libreoffice-missing", message="--pdf needs LibreOffice, which is not installed",
            path="soffice", hint=INSTALL_HINT,
        )])
    return found


def _pin(pattern: re.Pattern, data: bytes, values: tuple[bytes, ...]) -> bytes:
    """Replace each group of `pattern` by the value of the same length (keeps the xref offsets valid)."""
    def replace(match: re.Match) -> bytes:
        text = match.group(0)
        for index, value in enumerate(values, start=1):
            start, end = match.span(index)
            offset = match.start()
            if end - start == len(value):
                text = text[: start - offset] + value + text[end - offset:]
        return text

    return pattern.sub(replace, data)


def reproducible_pdf(data: bytes, date: dt.datetime) -> bytes:
    """The PDF with LibreOffice's clock time replaced by `date` and its ID derived from the content."""
    data = _pin(_CREATION_DATE, data, (date.strftime("%Y%m%d%H%M%S").encode(),))
    data = _pin(_XMP_CREATE_DATE, data, (date.strftime("%Y-%m-%dT%H:%M:%S").encode(),))
    blank = b"0" * 32
    blanked = _pin(_DOCUMENT_CHECKSUM, _pin(_DOCUMENT_ID, data, (blank, blank)), (blank,))
    digest = hashlib.md5(blanked, usedforsecurity=False).hexdigest().upper().encode()
    return _pin(_DOCUMENT_CHECKSUM, _pin(_DOCUMENT_ID, data, (digest, digest)), (digest,))


def timeout_for(documents: int) -> float:
    """How long one LibreOffice run may take for `documents` documents, start-up included."""
    return 60 + TIMEOUT_SECONDS_PER_DOCUMENT * documents


def _end_group(process: subprocess.Popen) -> None:
    """Kill every process of LibreOffice's own process group (soffice starts helpers), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    if process.stderr:
        process.stderr.close()


def run_soffice(arguments: list[str], environment: dict[str, str], timeout: float) -> list[str]:
    """Run LibreOffice in a session of its own; the last line of its complaint if it failed.

    No argument after the options may start with '-': every file is an absolute path, so a file
    named like an option (`--accept=...`) is only ever a file. On a timeout, an error or Ctrl-C the
    whole process group is killed, so no LibreOffice (or a port it opened) outlives the command.
    """
    if any(not Path(argument).is_absolute() for argument in arguments[arguments.index("--outdir") + 1:]):
        raise ValueError("LibreOffice is given absolute paths only")
    process = subprocess.Popen(
        arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=environment, text=True, errors="replace", start_new_session=True,
    )
    try:
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            return ["LibreOffice did not finish in time"]
        return errors.strip().splitlines()[-1:] if process.returncode else []
    finally:
        _end_group(process)


def convert_to_pdf(jobs: list[PdfJob]) -> dict[Path, bytes | Finding]:
    """Convert every job's .docx in one LibreOffice run; the PDF bytes, or a finding, per .docx."""
    if not jobs:
        return {}
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="notice-pdf-") as temporary:
        work = Path(temporary).resolve()
        # A private profile: a user's open LibreOffice (or a parallel build) cannot lock this one.
        profile = (work / "profile").as_uri()
        out_dir = work / "pdf"
        stems = {job.docx.stem for job in jobs}
        if len(stems) != len(jobs):
            raise ValueError("documents converted together need distinct file names")
        environment = {**os.environ, "TZ": "UTC"}
        documents = [str(job.docx.resolve()) for job in jobs]
        arguments = [command, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                     "--convert-to", pdf_filter(), "--outdir", str(out_dir), *documents]
        problem = run_soffice(arguments, environment, timeout_for(len(jobs)))
        results: dict[Path, bytes | Finding] = {}
        for job in jobs:
            produced = out_dir / f"{job.docx.stem}.pdf"
            if produced.is_file():
                results[job.docx] = reproducible_pdf(produced.read_bytes(), job.date)
            else:
                results[job.docx] = Finding(
                    code="pdf-failed", message="LibreOffice did not convert this document to PDF"
                    + (f": {problem[0]}" if problem else ""),
                    path=str(job.docx), hint="open it in LibreOffice to see why; " + INSTALL_HINT,
                )
        return results
