"""missing-field (NL014): a labelled field the profile requires is absent, or has no value.

Each profile document lists its labelled fields (`fields` in `notice_builder/profiles/*.json`:
"Decision number:", "Author and Job Role:", "Protective Marking:" ...); those with `required`
(the default) must be given. A field is a paragraph that starts with its label, then its value
("Protective Marking: OFFICIAL"), or a table row with the label in one cell and the value in the
next. Case, spacing, bold and the colon do not matter ("PROTECTIVE MARKING : OFFICIAL"); without
a colon the rest of the line is the value only in the masthead (before the first profile heading)
or a table. A value of only dots, underscores or dashes ("Date.....") is no value. In a decision
file the fields are the lines the template will print, each at its JSON pointer; a field whose
value is absent is reported at the nearest part of the decision that is there.

Signature and date: a document whose profile prints a signature block (`signature_after`) must,
once final, have "Signature:" and "Date:" filled in; this rule reports either one missing or
blank. A decision file says it is final in its status; a Word draft cannot, so there the
`unsigned` rule judges by its reference number instead. The two never report the same document:
`unsigned` leaves final documents with a signature block to this rule. A draft's "Signature:" and
"Date:" lines are not required (the placeholder rule still reports "Signature....." in them).

The placeholder rule leaves the lines this rule checks to it, so a blank field is one finding.

Fails:  a Decision Making Record without "Protective Marking:", or with "Protective Marking:" blank
Passes: "Protective Marking: OFFICIAL"; a table row | Protective Marking | OFFICIAL |
"""

from __future__ import annotations

from notice_builder.lint.labels import label_key
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity


def check(context: RuleContext):
    for document in context.outline.documents:
        spec = context.spec(document)
        if spec is None:
            continue
        for label, line in context.field_lines(document):
            if line is None:
                yield context.finding(
                    document.field_places.get(label_key(label), document.first_location),
                    f"the field {quote(label)} is missing, required in the {spec.title}",
                    f"add a line {quote(label + ' ...')} with its value",
                )
            elif not line.value:
                yield context.finding(
                    line.block.location,
                    f"{quote(label)} has no value",
                    f"fill in the {label_key(label)}",
                )


RULE = Rule(
    code="NL014",
    slug="missing-field",
    description="A labelled field the profile requires is missing or has no value",
    severity=Severity.ERROR,
    check=check,
    tags=("content", "profile"),
    doc=__doc__,
)
