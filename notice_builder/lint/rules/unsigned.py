"""unsigned (NL006): a notice that is final, or carries a reference, without a signature or a date.

Checked in notices and in any profile document that is signed (`signature_after`).

A reference is a "Reference:" (or "Decision number") line or table row with a value, or a number
like "012/2013" in the notice's masthead (before its first profile heading; not the month and year
of a date); a placeholder such as "0XX/2013" is not a reference (that is a draft; the placeholder
rule reports it). A signature is a "Signature:"/"Signed:" line or table row with a value or a
picture, not only a signature line or the signatory's title ("Signed: ........ Police and Crime
Commissioner"); a date is a "Date:" line or row with a value, not a template ("../../....").
Decision files say final in their status.

A final document whose profile prints a signature block (`signature_after`) is left to
missing-field, which requires its "Signature:" and "Date:" lines as fields, so one gap is one
finding. This rule keeps what only it can see: a document that carries a reference number but is
not known to be final (every Word draft, which has no status; a decision file still in draft with
a reference), and a final notice whose profile prints no signature block.

Fails:  "NOTICE OF DECISION 012/2013" ... "Signature....." "Date....."; "Signed: ........ Police and
        Crime Commissioner" "Date: ../../...." (a signature line and a date template, not filled in)
Passes: the same with "Signed: Bob Jones" and "Date: 17 September 2013"; a draft with "0XX/2013"
"""

from __future__ import annotations

import re

from notice_builder.lint.labels import (
    DATE_LABELS,
    REFERENCE_LABELS,
    SIGNATURE_LABELS,
    signs_off,
    split_cell_label,
    split_label,
)
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity

# "012/2013", but not the month and year of a date ("12/03/2024") in the masthead.
_REFERENCE = re.compile(r"(?<![\d/])\d{1,4}/\d{4}\b(?!/)")
_PLACEHOLDER = re.compile(r"X{2,}|\.{3,}|_{3,}|\[|\bTB[CDA]\b")


def _filled(value: str) -> bool:
    return bool(value) and not _PLACEHOLDER.search(value)


def check(context: RuleContext):
    for document in context.outline.documents:
        spec = context.spec(document)
        if document.kind != "notice" and not (spec and spec.signature_after):
            continue
        if signs_off(spec, document):
            continue  # final, with a signature block: missing-field requires its Signature and Date
        reference = None
        signature = date = None
        signature_block = None
        masthead_end = context.body_start(document)
        rows: dict[int, list] = {}
        for block in document.blocks:
            if block.table_row is not None:
                rows.setdefault(block.table_row, []).append(block)
        for position, block in enumerate(document.blocks):
            if block.table_row is not None:  # | Decision number | 2024/031 |, | Signed | R. Jones |
                labelled = split_cell_label(block, rows[block.table_row]) if block.text.strip() else None
            else:
                labelled = split_label(block.text)
            label, value = labelled if labelled else ("", "")
            if label in REFERENCE_LABELS and _filled(value):
                reference = value
            elif position < masthead_end and reference is None and (m := _REFERENCE.search(block.text)):
                reference = m.group()
            if label in SIGNATURE_LABELS:
                signature_block = signature_block or block
                signature = signature or _filled(value) or block.has_drawing
            elif label in DATE_LABELS:
                date = date or _filled(value)
        final = document.status == "final"
        if not (final or reference) or (signature and date):
            continue
        why = "is final" if final else f"carries the reference {quote(reference)}"
        missing = " or ".join(m for m, ok in (("signature", signature), ("date", date)) if not ok)
        location = signature_block.location if signature_block else document.first_location
        yield context.finding(
            location,
            f"the notice {why} but has no {missing}",
            "a notice with a reference is a signed decision: sign and date it, "
            "or remove the reference until it is",
        )


RULE = Rule(
    code="NL006",
    slug="unsigned",
    description="A final or numbered notice has no signature or date",
    severity=Severity.ERROR,
    check=check,
    tags=("content",),
    doc=__doc__,
)
