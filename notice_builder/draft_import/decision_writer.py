"""Write an imported decision as `notice new` writes one: `$schema` first, fields in the documents' order,
checked against the schema as its profile requires, written atomically and never over a file unasked.
"""

from __future__ import annotations

from pathlib import Path

from notice_builder.docx.atomic_files import write_atomically
from notice_builder.draft_import.api import ImportResult
from notice_builder.load.decision_file import parse_decision_text
from notice_builder.model.findings import Finding
from notice_builder.pipeline import validate_decision
from notice_builder.profiles.document_order import decision_file_text
from notice_builder.validate import decision_schema


def _schema_order(decision: dict) -> dict:
    """Top-level fields in the schema's order (status, reference, title ...), before the documents' order."""
    order = list(decision_schema()["properties"])
    rank = {key: n for n, key in enumerate(order)}
    return dict(sorted(decision.items(), key=lambda item: rank.get(item[0], len(order))))


def decision_text(result: ImportResult, target: Path) -> tuple[str, list[Finding]]:
    """The decision file's text and the schema's findings on it (a decision with any is a draft)."""
    decision = _schema_order(result.decision)
    text = decision_file_text(decision, result.profile, target)
    findings = validate_decision(parse_decision_text(text, str(target)), result.profile)
    if findings and decision.get("status") == "final":
        decision["status"] = "draft"
        text = decision_file_text(decision, result.profile, target)
        findings = validate_decision(parse_decision_text(text, str(target)), result.profile)
    return text, findings


def write_decision(result: ImportResult, target: Path, *, force: bool = False) -> list[Finding]:
    """Write the decision to `target` (refused if it exists, unless `force`); the schema's findings on it."""
    text, findings = decision_text(result, target)
    write_atomically(target, text.encode("utf-8"), force=force)
    return findings


def decision_path(draft: Path, out: Path | None = None) -> Path:
    """Where a draft's decision goes: `out` if given (a folder: the draft's name in it), else beside it."""
    name = draft.with_suffix(".json").name
    if out is None:
        return draft.with_suffix(".json")
    return out / name if out.is_dir() else out


__all__ = ["decision_path", "decision_text", "write_decision"]
