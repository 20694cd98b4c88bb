"""pasted-text (NL015): a line of text pasted from Word whose intent cannot be told.

Word pastes a bulleted list as lines that start with the bullet it drew ("•", "o", "▪", "–") and
a tab. A decision file's body reads these as list items and keeps a lone line break as a line
break (`notice_builder/markdown/pasted.py`, which rendering reads too), so pasted text comes out as
the officer meant it. Where the meaning cannot be told, this rule names the field (its JSON pointer)
and the line of the text: a line starting "o " among no other bullets (Word's second-level bullet,
or the word "o"?), bullets of more than one character (one list, or a list inside a list?), a typed
number such as "1)", "(a)" or "2." and a tab (a numbered list, or text?), and a line indented with a
tab (an indented paragraph, a nested item or code?). Word drafts are not read for this.

Fails:  a body "Options:\\n•\\tRepair\\no\\tReplace" (mixed bullets); "1)\\tRepair" or "(a) Repair"
Passes: "Options:\\n- Repair\\n- Replace"; "1. Repair\\n2. Replace"; "•\\tRepair\\n•\\tReplace"
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity

_WHAT = {
    "o-word": (
        "starts with \"o \": a pasted bullet, or the word?",
        'write "- " for a list item; to keep the word, join the line to the one before it',
    ),
    "mixed-bullets": (
        "mixes pasted bullets {text}: one list, or a list inside a list?",
        'write "- " for each item, indenting an inner list\'s items by two spaces more',
    ),
    "typed-number": (
        "starts with a typed number: a numbered list, or text?",
        'write "1. " for a Word numbered list, or a backslash before its first bracket or full stop '
        '("1\\)", "\\(a)") to keep it as text',
    ),
    "tab-indent": (
        "is indented with a tab: an indented paragraph, an item inside a list, or code?",
        'remove the tab, or write the line as a list item "- " indented by two spaces under its item',
    ),
}


def check(context: RuleContext):
    seen = set()
    for document in context.outline.documents:
        for place, line, kind, text in document.pasted:
            key = (place.pointer, line, kind)
            if key in seen:  # a body printed in two documents is one finding
                continue
            seen.add(key)
            message, hint = _WHAT[kind]
            shown = "" if kind == "mixed-bullets" else f", {quote(text.replace(chr(9), ' '))},"
            marks = " and ".join(quote(mark) for mark in text.split())
            yield context.finding(
                place, f"line {line} of {place.pointer}{shown} {message.format(text=marks)}", hint
            )


RULE = Rule(
    code="NL015",
    slug="pasted-text",
    description="A line pasted from Word is ambiguous: a bullet, a number or an indent",
    severity=Severity.WARNING,
    check=check,
    tags=("content", "markdown"),
    doc=__doc__,
)
