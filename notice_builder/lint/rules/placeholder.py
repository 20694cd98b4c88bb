"""placeholder (NL005): text left to be filled in.

Patterns (a table, extendable with the `extra_patterns` option, regular expressions):
  - XX standing for a number: "0XX/2013", "£XX,XXX", "WMPCC XXX/2013" (two or more capital X not
    part of a word);
  - a run of four or more dots or of underscores ("Signature.....", "Date ____");
  - a bracketed instruction: "[insert date]", "<enter name>", "{TBC}";
  - TBC, TBD, TBA in capitals, "to be confirmed/determined/agreed";
  - lorem ipsum;
  - a date format for a date: "DD/MM/YYYY", "dd.mm.yy";
  - Word's content-control prompts typed or pasted as text: "Click or tap here to enter text.",
    "Choose an item.";
  - a label with no value: "Date:", "Telephone Number:", "Signature....." with nothing after.
One finding per pattern per paragraph; a label with no value is reported instead of its dots.
A content control left empty shows its own prompt (any wording, e.g. "Enter the decision
number"); that prompt is reported, unless its label is already reported as having no value.
A required field of the profile left blank ("Protective Marking: ....."; "Signature....." in a
final notice) is left to missing-field, so it is reported once; an optional field
("Decision number:" in a draft) and a draft's "Signature....." are still reported here.

Fails:  "NOTICE OF DECISION 0XX/2013", "Date.....", "Cost: £[insert amount]", "Date: DD/MM/YYYY"
Passes: "NOTICE OF DECISION 012/2013", "Date: 17 September 2013", an ellipsis "..." in a quote
"""

from __future__ import annotations

import re

from notice_builder.lint.labels import split_label
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity

# (name, substrings one of which must be present for the pattern to be tried, pattern). The
# substring test is a cheap first look; Python's regular expressions are slow to scan a paragraph.
PATTERNS = (
    ("XX", ("XX",), re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])")),
    ("a run of dots", ("....", "…", ". . ."), re.compile(r"\.{4,}|…{2,}|(?:\. ){3,}\.|…\.{2,}")),
    ("a run of underscores", ("____",), re.compile(r"_{4,}")),
    (
        "a bracketed instruction",
        ("[", "<", "{"),
        re.compile(
            r"[\[<{]\s*(?:insert|enter|add|name|date|tb[cda]|x{2,}|placeholder|details?|to be)\b"
            r"[^\]>}\n]{0,80}[\]>}]",
            re.IGNORECASE,
        ),
    ),
    (
        "TBC",
        ("TB", "be confirmed", "be determined", "be agreed", "be advised"),
        re.compile(r"\bTB[CDA]\b|\b[Tt]o be (?:confirmed|determined|agreed|advised)\b"),
    ),
    ("lorem ipsum", ("orem", "OREM"), re.compile(r"\blorem ipsum\b", re.IGNORECASE)),
    (
        "a date format",
        ("YY", "yy"),  # every year form has these; "dd" and "mm" are in many ordinary words
        re.compile(r"\b(?:DD|dd)\s?[/.-]\s?(?:MM|mm)\s?[/.-]\s?(?:YYYY|yyyy|YY|yy|20YY|20yy)\b"),
    ),
    (
        "a form prompt",
        ("lick ", "LICK ", "hoose an ", "HOOSE AN "),
        re.compile(
            r"\bClick (?:or tap )?(?:here )?to enter (?:text|a date)\b|\bChoose an item\b", re.IGNORECASE
        ),
    ),
)
# One scan for any pattern's substrings: most paragraphs have none, and need no further look.
_ANY_GUARD = re.compile("|".join(re.escape(g) for _, guards, _ in PATTERNS for g in guards))
_TOKEN = re.compile(r"\S*$"), re.compile(r"^\S*")


def _around(text: str, start: int, end: int) -> str:
    """The match widened to the whole word it sits in, e.g. XX -> 0XX/2013."""
    left = _TOKEN[0].search(text[:start]).group()
    right = _TOKEN[1].search(text[end:]).group()
    return (left + text[start:end] + right).strip(",;:()")


def check(context: RuleContext):
    extra = [(p, ("",), re.compile(p)) for p in context.options["extra_patterns"]]
    patterns = list(PATTERNS) + extra
    left_to_missing_field = _blank_required_fields(context)
    for _, block in context.outline.blocks():
        if block.index in left_to_missing_field:
            continue
        text = block.text
        labelled = split_label(text) if text.strip() else None
        if labelled is None and block.table_row is not None and text.strip():
            labelled = _bare_label(text)  # | Date | (blank) |: a table's label needs no colon
        if labelled and not labelled[1] and not _row_has_value(context, block):
            yield context.finding(
                block.location,
                f"{quote(text.strip())} is a label with no value",
                "fill in the value after the label, or delete the line",
            )
            continue
        for prompt in block.prompts:
            if not _row_label_reported(context, block, left_to_missing_field):
                yield context.finding(
                    block.location,
                    f"{quote(prompt)} is a content control's prompt: the control was not filled in",
                    "click the control and type or choose its value, or delete the control",
                )
        if not text.strip():
            continue
        if not extra and not _ANY_GUARD.search(text):
            continue
        for name, guards, pattern in patterns:
            match = any(g in text for g in guards) and pattern.search(text)
            if match:
                yield context.finding(
                    block.location,
                    f"{quote(_around(text, *match.span()))} is a placeholder ({name}) left in the text",
                    "replace it with the real value before the document goes out",
                )


def _blank_required_fields(context: RuleContext) -> set[int]:
    """Blocks that leave a required profile field blank: missing-field reports those, once."""
    blank = set()
    for document in context.outline.documents:
        for _, line in context.field_lines(document):
            if line is not None and not line.value:
                blank.update(b.index for b in (line.block, *line.value_blocks))
    return blank


def _row_label_reported(context: RuleContext, block, left_to_missing_field: set[int]) -> bool:
    """A prompt in the value cell of a table row whose label is blank: the label's finding says it."""
    if block.table_row is None:
        return False
    return any(
        b.table_row == block.table_row and b is not block and b.index in left_to_missing_field
        for _, b in context.outline.blocks()
    )


def _bare_label(text: str) -> tuple[str, str] | None:
    """A table cell holding only a known label without its colon ("Date", "Signed"), as split_label."""
    labelled = split_label(text.rstrip() + ":")
    return labelled if labelled and not labelled[1] else None


def _row_has_value(context: RuleContext, block) -> bool:
    """A label in a table cell whose value sits in the next cell of the same row is filled in.

    Another bare label in the row is not a value: | Signed | (blank) | Date | (blank) |.
    """
    if block.table_row is None:
        return False
    return any(
        b.table_row == block.table_row and b is not block and b.has_content and not _bare_label(b.text)
        for _, b in context.outline.blocks()
    )


RULE = Rule(
    code="NL005",
    slug="placeholder",
    description="Placeholder text left to be filled in",
    severity=Severity.ERROR,
    check=check,
    options={"extra_patterns": []},
    tags=("content",),
    doc=__doc__,
)
