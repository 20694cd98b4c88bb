"""unsigned (NL006): a notice that is final, or carries a reference, without a signature or a date.

Checked in notices and in any profile document that is signed (`signature_after`).

A reference is a "Reference:" line with a value, or a number like "012/2013" in the notice's
masthead (before its first profile heading); a placeholder such as "0XX/2013" is not a reference
(that is a draft; the placeholder rule reports it). A signature is a "Signature:"/"Signed:" line
with a value or a picture; a date is a "Date:" line with a value. Decision files say final in
their status.

A final document whose profile prints a signature block (`signature_after`) is left to
missing-field, which requires its "Signature:" and "Date:" lines as fields, so one gap is one
finding. This rule keeps what only it can see: a document that carries a reference number but is
not known to be final (every Word draft, which has no status; a decision file still in draft with
a reference), and a final notice whose profile prints no signature block.

Fails:  "NOTICE OF DECISION 012/2013" ... "Signature....." "Date....."
Passes: the same with "Signed: Bob Jones" and "Date: 17 September 2013"; a draft with "0XX/2013"
"""

from __future__ import annotations

import re

from notice_builder.findings import Severity
from notice_builder.lint.labels import (
    DATE_LABELS,
    REFERENCE_LABELS,
    SIGNATURE_LABELS,
    signs_off,
    split_label,
)
from notice_builder.lint.registry import Rule, RuleContext, quote

_REFERENCE = re.compile(r"\b\d{1,4}/\d{4}\b")
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
        for position, block in enumerate(document.blocks):
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
        missing = " or ".join(m for m, ok in (("a signature", signature), ("a date", date)) if not ok)
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
