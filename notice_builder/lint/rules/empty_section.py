"""empty-section (NL004): a heading with nothing under it before the next heading.

Content is any paragraph with text or a picture that is not itself a heading. A heading followed
by a deeper heading is a parent, not empty. Between two of the profile's headings the profile's
`level` decides, so a grouping heading ("Areas of consideration", no text of its own) followed by
its level-2 sub-sections is not empty even when the draft types them all at one level. Headings
in a document's masthead (before its first profile heading: "STRATEGIC POLICING AND CRIME BOARD",
"DECISION" as the report type) are not sections and are skipped, and so is a heading that
carries its own answer, a form's question "13. Registered PPO/IOM: N/A" styled as a heading.
A heading ending in a colon asks for its answer under it, and a line giving one of the profile's
fields ("Report author: Susan Sale") is the record's, not an answer: such a heading whose first line
is such a field is empty. (A title's fields, "Decision details" then "Decision Maker: Cabinet", are
its content.)
Which paragraphs are headings, and at what level, is judged from the whole document
(`load/outline_inference.py`): a bold bullet or field label is no section.

Fails:  EQUALITY IMPLICATIONS, then straight away Schedule of Background Papers
Passes: EQUALITY IMPLICATIONS, "There are no equality implications.", Schedule ...; "Areas of
        consideration" then "Consultation", both in Heading 1 (the profile puts Consultation under it)
"""

from __future__ import annotations

import re

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.model.outline import label_key

# A form line that carries its own answer: "13. Registered PPO/IOM: N/A", "Is the offender ...? Yes".
_ANSWERED = re.compile(r"[?:][\s\u2002]*[^\W_]")


def _levels(first, second, form_level: dict[int, int]) -> tuple[int, int]:
    """Two headings' levels: the profile's when both are its headings, else the draft's."""
    if first.index in form_level and second.index in form_level:
        return form_level[first.index], form_level[second.index]
    return first.heading.level, second.heading.level


def _field_line(text: str, field_keys: frozenset[str]) -> bool:
    """Whether a line gives one of the profile's fields ("Report author: Susan Sale")."""
    label, colon, _ = text.partition(":")
    return bool(colon) and label_key(label) in field_keys


def check(context: RuleContext):
    for document in context.outline.documents:
        blocks = document.blocks
        spec = context.spec(document)
        field_keys = frozenset(label_key(w) for f in spec.fields for w in f.wordings) if spec else frozenset()
        form_level = {block.index: spec.level for block, spec in context.profile_headings(document)}
        for position in range(context.body_start(document), len(blocks)):
            heading = blocks[position].heading
            if heading is None or _ANSWERED.search(heading.text):
                continue
            empty = True
            for following in blocks[position + 1 :]:
                if following.heading is not None:
                    parent, child = _levels(blocks[position], following, form_level)
                    empty = child <= parent
                    break
                if following.has_content:
                    empty = (bool(field_keys) and heading.text.rstrip().endswith(":")
                             and _field_line(following.text, field_keys))
                    break
            if empty:
                yield context.finding(
                    blocks[position].location,
                    f"section {quote(heading.text)} is empty",
                    "write the section, or say why there is nothing to say",
                )


RULE = Rule(
    code="NL004",
    slug="empty-section",
    description="A heading has no content before the next heading",
    severity=Severity.WARNING,
    check=check,
    tags=("headings",),
    doc=__doc__,
)
