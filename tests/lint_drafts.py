"""Word drafts for the lint tests, built with python-docx from the reference draft's text."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.shared import Pt

REFERENCE = Path(__file__).resolve().parent / "data" / "wmpcc-technology-task-force-2013.txt"
# Sub-headings the reference types in plain text; the styled draft makes them Heading 2.
SUB_HEADINGS = frozenset(
    {
        "The Challenge",
        "The concept of an IIP",
        "IIP Delivery Model",
        "Project Costs",
        "Commercial Arrangements and Evaluation",
        "Scope and Value",
        "Gateway Timetable",
    }
)
PLAIN_HEADINGS = frozenset({"Schedule of Background Papers", "Public Access to Information"})
_NEW_LINE_PARAGRAPH = re.compile(r"^(?:- |\d+\. )|\t")


def reference_paragraphs(text: str | None = None) -> list[str]:
    """The reference text as paragraphs: blank lines separate them, wrapped lines are joined."""
    text = REFERENCE.read_text(encoding="utf-8") if text is None else text
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in chunk.strip("\n").split("\n"):
            if not line.strip():
                continue
            inside_bold = " ".join(current).count("**") % 2 == 1
            if (
                current
                and not inside_bold
                and (
                    _NEW_LINE_PARAGRAPH.search(line)
                    or _NEW_LINE_PARAGRAPH.search(current[-1])
                    or _is_caps_heading(current[-1])
                )
            ):
                paragraphs.append(" ".join(current))
                current = []
            current.append(line.strip() if "\t" not in line else line.rstrip())
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


def _add_runs(paragraph, text: str) -> None:
    """Add `text` to a paragraph, **bold** spans as bold runs."""
    for n, piece in enumerate(text.split("**")):
        if piece:
            paragraph.add_run(piece).bold = n % 2 == 1 or None


def _is_caps_heading(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text.replace("*", ""))
    return bool(letters) and letters.isupper() and len(text.split()) <= 15 and not text.startswith("- ")


def build_draft(
    path: Path,
    *,
    styled: bool = False,
    paragraphs: list[str] | None = None,
    title: str | None = "Technology Task Force",
) -> Path:
    """Write the reference as a .docx: headings typed in capitals (as drafted), or in Heading styles."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    if title:
        document.core_properties.title = title
    for text in reference_paragraphs() if paragraphs is None else paragraphs:
        plain = text.replace("**", "")
        if styled and (_is_caps_heading(text) or plain in PLAIN_HEADINGS):
            document.add_heading(plain, level=1)
        elif styled and plain in SUB_HEADINGS:
            document.add_heading(plain, level=2)
        elif text.startswith("- "):
            _add_runs(document.add_paragraph(style="List Bullet"), text[2:])
        else:
            _add_runs(document.add_paragraph(), text)
    document.save(path)
    return path


# A complete notice in Heading styles, as (style, text) pairs: "" is Normal, "bold" is Normal in bold.
NOTICE = [
    ("Title", "NON-CONFIDENTIAL NOTICE OF DECISION"),
    ("", "Contact Officer: Jacky Courtney"),
    ("", "Telephone Number: 0121 626 6060"),
    ("", "Email: j.courtney@west-midlands.pnn.police.uk"),
    ("", "Title: Community Safety Grant"),
    ("Heading 1", "EXECUTIVE SUMMARY"),
    ("", "The Commissioner is asked to approve a grant."),
    ("Heading 1", "DECISION"),
    ("", "I approve the grant."),
    ("Heading 1", "NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER"),
    ("", "The report forms the basis of the decision."),
    ("Heading 1", "FINANCIAL IMPLICATIONS"),
    ("", "The cost of £5,000 is met from the budget."),
    ("Heading 1", "LEGAL IMPLICATIONS"),
    ("", "There are no legal implications."),
    ("Heading 1", "EQUALITY IMPLICATIONS"),
    ("", "There are no equality implications."),
    ("Heading 1", "Schedule of Background Papers"),
    ("", "None."),
    ("Heading 1", "Public Access to Information"),
    ("", "This decision will be published."),
]


def write_docx(path: Path, paragraphs: list[tuple[str, str]], *, title: str | None = "A decision") -> Path:
    """A .docx with the given (style, text) paragraphs."""
    document = docx.Document()
    if title:
        document.core_properties.title = title
    for style, text in paragraphs:
        if style == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style or None)
    document.save(path)
    return path


def replace(paragraphs: list[tuple[str, str]], old: str, *new: tuple[str, str]) -> list[tuple[str, str]]:
    """The paragraphs with the one whose text is `old` replaced by `new` (nothing: deleted)."""
    position = next(i for i, (_, text) in enumerate(paragraphs) if text == old)
    return [*paragraphs[:position], *new, *paragraphs[position + 1 :]]


def codes(findings) -> list[str]:
    return [f.code for f in findings]
