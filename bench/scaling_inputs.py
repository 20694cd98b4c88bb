"""Generated inputs of any size for the scaling benchmark (bench/scaling.py) and tests/test_growth.py.

Nothing here is stored: a Word draft or a decision of N paragraphs is written on demand, in a
shape chosen to reach the costly paths of the linter, the reports and the renderer:

Drafts (`make_draft`), one heading then one body paragraph, repeated:
  same      every heading "LEGAL IMPLICATIONS" in Heading 1 (duplicate-heading on each)
  different every heading different ("Section 17 of the plan") in Heading 1
  fake      headings typed in bold in a Normal paragraph (fake-heading on each)
  annex     an "Annex B - Report" line opening a page, then a paragraph mentioning Annex C
  markers   a "NON-CONFIDENTIAL NOTICE OF DECISION" line, then its DECISION heading
  runs      no headings: paragraphs of one-word runs, every other one bold (dense formatting)
  terms     no headings: each paragraph a new term written two ways ("ab-cd", "abcd"; "Ab & Cd",
            "Ab and Cd"), for inconsistent-term
Decisions (`make_decision`), the short example with facts-and-advice sections:
  same      N/2 sections all headed "Background", each body one paragraph
  different N/2 sections with different headings
  grouped   N/10 sections all headed "Background", each body nine paragraphs
  runs      bodies of paragraphs of short bold runs ("**a** b **c** ...") and a link in each
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from notice_builder.docx.namespaces import W as _W

REPO = Path(__file__).resolve().parents[1]
SHORT_EXAMPLE = REPO / "examples" / "short-draft.json"
DRAFT_KINDS = ("same", "different", "fake", "annex", "markers", "runs", "terms")
DECISION_KINDS = ("same", "different", "grouped", "runs")

_BODY_TEXT = "The Commissioner has been provided with legal advice relating to the recommendations."


def _p(text: str, *, style: str | None = None, bold: bool = False, page: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:pageBreakBefore/>" if page else "")
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _runs_paragraph(words: int = 12) -> str:
    runs = "".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if i % 2 == 0 else ""}<w:t xml:space="preserve">w{i} </w:t></w:r>'
        for i in range(words)
    )
    return f"<w:p>{runs}</w:p>"


def _token(i: int) -> str:
    return hashlib.blake2b(str(i).encode(), digest_size=6).hexdigest()


def _letters(i: int) -> str:
    return _token(i).translate(str.maketrans("0123456789", "ghijklmnop"))


def draft_paragraphs(kind: str, n: int) -> list[str]:
    """The w:p elements of a draft of `kind` with `n` paragraphs."""
    out: list[str] = []
    i = 0
    while len(out) < n:
        if kind == "same":
            out.append(_p("LEGAL IMPLICATIONS", style="Heading1"))
        elif kind == "different":
            out.append(_p(f"Section {i} of the plan", style="Heading1"))
        elif kind == "fake":
            out.append(_p(f"Project Costs {i}", bold=True))
        elif kind == "annex":
            out.append(_p("Annex B - Report", page=True))
        elif kind == "markers":
            out.append(_p("NON-CONFIDENTIAL NOTICE OF DECISION"))
            out.append(_p("DECISION", style="Heading1"))
        elif kind == "runs":
            out.append(_runs_paragraph())
        elif kind == "terms":
            a, b = _letters(i), _letters(i)[::-1]
            out.append(_p(f"The {a}-{b} scheme and the {a}{b} plan; the {a.title()} &amp; {b.title()} "
                          f"board and {a.title()} and {b.title()}"))
        else:
            raise ValueError(kind)
        # a varying reference in each paragraph, so that the XML compresses as real text does
        text = f"{_BODY_TEXT} Ref {_token(i)}."
        out.append(_p("As set out at Annex C. " + text if kind == "annex" else text))
        i += 1
    return out[:n]


def _blank_docx() -> bytes:
    import docx  # python-docx's default template: styles Heading 1..9, numbering

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


_BLANK: list[bytes] = []


def make_draft(path: Path, kind: str, n: int) -> Path:
    """Write a .docx draft of `kind` with `n` paragraphs to `path`."""
    if not _BLANK:
        _BLANK.append(_blank_docx())
    body = "".join(draft_paragraphs(kind, n))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )
    with zipfile.ZipFile(io.BytesIO(_BLANK[0])) as blank, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in blank.infolist():
            data = document.encode("utf-8") if item.filename == "word/document.xml" else blank.read(item)
            out.writestr(item.filename, data)
    return path


def decision_data(kind: str, n: int) -> dict:
    """The short example decision with about `n` paragraphs of facts and advice."""
    data = json.loads(SHORT_EXAMPLE.read_text(encoding="utf-8"))
    facts = data["notice"]["facts_and_advice"]
    if kind == "runs":
        paragraph = " ".join(f"**b{i}** w{i}" for i in range(6)) + " [site](https://example.org/{k})"
        bodies, per_body = [], 500
        for start in range(0, n, per_body):
            count = min(per_body, n - start)
            bodies.append("\n\n".join(paragraph.replace("{k}", str(start + j)) for j in range(count)))
        facts["sections"] = [{"heading": "Background", "body": body} for body in bodies]
    elif kind == "grouped":
        facts["sections"] = [
            {"heading": "Background",
             "body": "\n\n".join(f"{_BODY_TEXT} Ref {_token(i * 10 + j)}." for j in range(9))}
            for i in range(max(n // 10, 1))
        ]
    else:
        facts["sections"] = [
            {"heading": "Background" if kind == "same" else f"Background {i}",
             "body": f"{_BODY_TEXT} Ref {_token(i)}."}
            for i in range(max(n // 2, 1))
        ]
    return data


def make_decision(path: Path, kind: str, n: int) -> Path:
    """Write a decision file of `kind` with about `n` paragraphs to `path`."""
    path.write_text(json.dumps(decision_data(kind, n), indent=1), encoding="utf-8")
    return path
