"""Round trip for the import tests: build a decision's documents, import them, compare field by field.

Two decisions are the same if they build the same documents: every field equal, Markdown bodies equal
as Markdown (the same HTML from the project's parser), and a field the original leaves out compared
with what the build prints in its place (the profile's standard declaration, public access sentence,
"None." for no background papers), since that is what the documents show.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from notice_builder.draft_import import import_draft
from notice_builder.load.decision_file import DecisionSource
from notice_builder.markdown.parser import markdown_it
from notice_builder.model.profile import Profile
from notice_builder.model.redaction import standard_sentence
from notice_builder.pipeline import render_documents

MARKDOWN_FIELDS = ("/notice/", "/report/purpose", "/report/background", "/report/recommendations")
LINE_FIELDS = ("/title", "/organisation/", "/decision_maker/", "/meeting/", "/report/title", "/reference",
               "/notice/contact_officer/", "/notice/signature/", "/notice/author/", "/report/authors/",
               "/report/annexes/", "/notice/protective_marking")


def as_built(decision: dict, profile: Profile) -> dict:
    """The decision as its documents show it: standard wording where it leaves a field out."""
    shown = copy.deepcopy(decision)
    shown.pop("$schema", None)
    notice = shown.setdefault("notice", {})
    for key, pointer in (("declaration", "declaration_of_interests"), ("public_access", "public_access")):
        if key in profile.standard_text and not notice.get(pointer):
            notice[pointer] = standard_sentence(profile, shown, key)
    report = shown.get("report")
    if isinstance(report, dict) and (report.get("title") or "").upper() == shown["title"].upper():
        report.pop("title")  # printed in capitals, as the title is: the same words
    for pointer in unprinted(shown, profile):
        *parents, last = pointer.strip("/").split("/")
        node = shown
        for key in parents:
            node = node.get(key, {})
        node.pop(last, None)
    return shown


def unprinted(decision: dict, profile: Profile) -> list[str]:
    """Fields the profile's documents do not print, which no import of them can give back."""
    printed_fields = {f.source for d in profile.documents.values() for f in d.fields}
    declaration = profile.standard_text.get("declaration", "")
    gone = []
    if "{office}" not in declaration:
        gone.append("/organisation/office")
    if not decision["notice"].get("signature") and "/decision_maker" not in printed_fields:
        gone.append("/decision_maker/name")
    if not any(p.startswith("/notice/contact_officer") for p in printed_fields):
        gone.append("/notice/contact_officer")
    return gone


def leaves(value, at: str = "") -> dict[str, object]:
    """Every scalar of a decision by JSON pointer."""
    if isinstance(value, dict):
        return {p: v for k, item in value.items() for p, v in leaves(item, f"{at}/{k}").items()}
    if isinstance(value, list):
        return {p: v for n, item in enumerate(value) for p, v in leaves(item, f"{at}/{n}").items()}
    return {at: value}


def same_markdown(a, b) -> bool:
    if not (isinstance(a, str) and isinstance(b, str)):
        return a == b
    render = markdown_it().render
    return a == b or render(a) == render(b)


Difference = tuple[str, object, object]


def differences(original: dict, imported: dict, profile: Profile) -> tuple[int, list[Difference]]:
    """(fields compared, [(pointer, original value, imported value) that differ])."""
    want, got = leaves(as_built(original, profile)), leaves(imported)
    want.pop("/profile", None)
    got.pop("/profile", None)
    got.pop("/$schema", None)
    keys = sorted(set(want) | set(got))
    return len(keys), [(k, want.get(k), got.get(k)) for k in keys
                       if not same_markdown(want.get(k), got.get(k))]


def build_and_import(decision: dict, profile: Profile, folder: Path | None = None) -> dict:
    """Build the decision's documents, then import them (in the profile's order) as one decision."""
    documents = render_documents(DecisionSource("decision.json", decision), profile)
    with tempfile.TemporaryDirectory() as work:
        base = folder or Path(work)
        paths = []
        for kind, data in documents.items():
            path = base / f"{kind}.docx"
            path.write_bytes(data)
            paths.append(path)
        return import_draft(paths).decision


def kind_of(pointer: str) -> str:
    """A field's kind for the report: its pointer without list positions (/report/background/3 -> ...)."""
    return "/".join(part if not part.isdigit() else "N" for part in pointer.split("/"))
