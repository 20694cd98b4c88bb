"""dangling-annex (NL008): an annex or appendix referred to that the draft neither contains nor lists.

References are "Annex B", "Annexe 2", "Appendix C" in the text. An annex is present when a
document of the draft is that annex (the documents after the covering report are annexes A, B ...
in order, or as labelled by an "ANNEX B" line), when a paragraph starts with its label
("Annex B - IIP Management Report"), or, in a decision file, when `report.annexes` lists it.
Each missing annex is reported once, at its first mention. A document on its own (a notice built
or saved separately from its covering report, with no list of annexes) is not checked, since its
annexes travel beside it; set the option `standalone` to check it anyway.

Fails:  "Attached at Annex B is the report", with no Annex B in the draft
Passes: the same with "Annex B: IIP Management Report" in the list of annexes
"""

from __future__ import annotations

import re

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.model.outline import ANNEX_LINE

_MENTION = re.compile(r"\b(Annexe?|ANNEXE?|Appendix|APPENDIX)\s+([A-Z]{1,2}|\d{1,2})\b")


def check(context: RuleContext):
    outline = context.outline
    present = {d.annex for d in outline.documents if d.annex} | set(outline.listed_annexes)
    listed = {m.group(1).upper() for _, b in context.text_blocks() if (m := ANNEX_LINE.match(b.text))}
    if len(outline.documents) < 2 and not present and not listed and not context.options["standalone"]:
        return
    present |= listed
    reported: set[str] = set()
    for _, block in context.text_blocks():
        text = block.text
        if not ("nnex" in text or "NNEX" in text or "ppendix" in text or "PPENDIX" in text):
            continue  # a cheap first look: most paragraphs mention no annex
        for match in _MENTION.finditer(text):
            label = match.group(2).upper()
            if label in present or label in reported:
                continue
            reported.add(label)
            yield context.finding(
                block.location,
                f"{quote(match.group(0))} is referred to but is not in the draft or listed as an annex",
                f"attach {match.group(0)}, list it, or correct the reference",
            )


RULE = Rule(
    code="NL008",
    slug="dangling-annex",
    description="An annex is referred to but not present or listed",
    severity=Severity.WARNING,
    check=check,
    options={"standalone": False},
    tags=("structure",),
    doc=__doc__,
)
