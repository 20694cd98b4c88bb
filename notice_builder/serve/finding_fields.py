"""Which field of the form a finding belongs to, by its JSON pointer.

A finding names the place it is about; the form names each field by the same pointer. A finding goes
to the field at its pointer, else the nearest field that holds it (a body's text is in the body's
field), else, for a missing field reported at its group ("Enter the signature date" at /notice), the
field inside the group whose name the message gives, else the group's first field.
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_builder.model.findings import Finding
from notice_builder.serve.form_model import FormField
from notice_builder.validate.messages import field_name


@dataclass(frozen=True)
class PlacedFinding:
    """A finding with the form field it is shown beside (`field` is an HTML id, "" for none)."""

    field: str
    pointer: str
    message: str
    hint: str
    severity: str
    code: str


def _message_names(made: FormField, root: dict) -> str:
    parts = made.pointer.strip("/").split("/")
    return field_name(parts, root)


ISO_DATE_FORM = " in the form 2013-07-16"  # how the message catalogue asks for a date in the file


def place_findings(findings: list[Finding] | tuple[Finding, ...], fields: list[FormField],
                   root: dict) -> list[PlacedFinding]:
    """Each finding with the id of the field it belongs to, in the order of the form's fields."""
    every = [f for top in fields for f in top.walk()]
    by_pointer = {f.pointer: f for f in every}
    order = {f.pointer: i for i, f in enumerate(every)}
    placed = []
    for finding in findings:
        pointer = finding.location.pointer or ""
        target = _field_for(pointer, finding.message, by_pointer, every, root)
        message = finding.message
        if target is not None and target.kind == "date":  # three boxes, not the file's ISO form
            message = message.replace(ISO_DATE_FORM, "")
        placed.append((order.get(target.pointer, len(every)) if target else len(every), PlacedFinding(
            target.id if target else "",
            pointer, message, finding.hint or "", finding.severity.value, finding.code)))
    placed.sort(key=lambda pair: pair[0])
    return _one_error_a_field([p for _, p in placed])


def _one_error_a_field(placed: list[PlacedFinding]) -> list[PlacedFinding]:
    """A field with errors shows its first error only (as the GOV.UK pattern asks: one message a
    field, "Enter the decision" rather than that and "section DECISION is empty"); a field without
    errors shows its warnings. The rest come back once the first is corrected."""
    with_errors = {p.field for p in placed if p.severity == "error" and p.field}
    kept, seen = [], set()
    for finding in placed:
        if finding.field in with_errors:
            if finding.severity != "error" or finding.field in seen:
                continue
            seen.add(finding.field)
        kept.append(finding)
    return kept


def _field_for(pointer: str, message: str, by_pointer: dict, every: list[FormField],
               root: dict) -> FormField | None:
    probe = pointer
    while probe:
        made = by_pointer.get(probe)
        if made is not None and made.kind not in ("group", "list"):
            return made
        if made is not None:
            break
        probe = probe.rsplit("/", 1)[0]
    inside = [f for f in every if f.pointer.startswith((probe or pointer) + "/") and f.kind not in ("group",)]
    if not inside:
        return by_pointer.get(probe) if probe else None
    lowered = message.lower()
    named = [f for f in inside if f" {_message_names(f, root).lower()}" in f" {lowered}"]
    if named:
        return max(named, key=lambda f: len(_message_names(f, root)))
    return inside[0]
