"""placeholder (NL005): text left to be filled in, in any merge tool's syntax, anywhere in the document.

Patterns (a table, `placeholder_patterns.PATTERNS`, extendable with the `extra_patterns` option):
  - merge fields: "{{ name }}", "{name}", "<<name>>", "« name »", "{% if x %}";
  - a name or instruction in square brackets: "[SchoolName]", "[name]", "[Insert date]", "[Swansea
    Civil Court]" (not a citation "[2019] EWHC 12", a reference "[1]", "[sic]", "[REDACTED]" or a
    Markdown link "[text](url)"), and "<enter name>";
  - XX standing for a number ("0XX/2013", "£XX,XXX"), not in a word (XXL) nor "Part XX" of an Act;
  - a run of four or more dots ("Signature.....") or of underscores ("Date ____"); a line of nothing
    but underscores is a separator, not a blank, except in a table cell (| Signed | ______ |);
  - TBC, TBA, TBD, "to be confirmed"; drafting notes: "AWAITING CLARIFICATION", "BLANK – please
    complete";
  - a template's choice left in: "Lead Member for/Director of", "approve/do not approve";
  - lorem ipsum; a date format ("DD/MM/YYYY"); Word's prompts typed as text ("Click or tap here to
    enter text.", "Choose an item.").
And in the Word document itself:
  - Word fields a merge fills in (MERGEFIELD, MACROBUTTON, FILLIN, ASK), still in the document, and
    legacy form fields left at their blank default;
  - a content control showing its prompt (any wording: "Enter the decision number");
  - a label with no value ("Date:", "Telephone Number:" with nothing after), a form table's question
    with its answer cell empty, a heading of nothing but " - " (the names around it left out);
  - any label that is all there is between two headings, or above the first ("Decision Ref:" at the
    top, then the decision's title): its value was left out.
Headers, footers, text boxes and footnotes are read too (their findings say where). Blanks in a
section that applies only "If different from above" (or "if applicable") are not reported. One
finding per kind per paragraph. This rule reports a blank label whatever other rules do: a required
field left blank ("Protective Marking: .....") is also missing-field's, which may be switched off.

Fails:  "NOTICE OF DECISION 0XX/2013", "Date.....", "Cost: £[insert amount]", "Dear {{ name }}"
Passes: "NOTICE OF DECISION 012/2013", "Date: 17 September 2013", "[2019] EWHC 12", a line of ____
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from notice_builder.lint.labels import split_label
from notice_builder.lint.placeholder_patterns import (
    MERGE_NAMES,
    PATTERNS,
    blank_heading,
    may_hold_placeholder,
)
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.model.outline import Block, Document

_TOKEN = re.compile(r"\S*$"), re.compile(r"^\S*")
_BLANK_FORM_FIELD = "\u2002" * 5  # what Word shows in a legacy text form field left at its default
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title)$", re.IGNORECASE)
# A section heading saying the section is filled in only sometimes: its blanks may be left so.
_CONDITIONAL = re.compile(
    r"^[\W\d]*(?:if\s|where\s+(?:applicable|relevant|different)|\(?if\s+applicable)|\bif\s+(?:applicable|"
    r"different|relevant|required|appropriate)\b",
    re.IGNORECASE,
)
_MAX_QUESTION_WORDS = 25
_UNDERSCORES_ONLY = re.compile(r"^\s*_{4,}\s*$")
# A field's label alone on its line: a few words and a colon ("Decision Ref:").
_LABEL_ALONE = re.compile(r"^\s*[^\W\d][^:.;!?]{0,60}:\s*$")
_LABEL_WORDS = 6


def _around(text: str, start: int, end: int) -> str:
    """The match widened to the whole word it sits in, e.g. XX -> 0XX/2013."""
    left = _TOKEN[0].search(text[:start]).group()
    right = _TOKEN[1].search(text[end:]).group()
    return (left + text[start:end] + right).strip(",;:()")


def _rows(context: RuleContext) -> dict[int, list[Block]]:
    """The body's table rows: row id -> its paragraphs (cells' paragraphs in order)."""
    def compute():
        rows: dict[int, list[Block]] = {}
        for _, block in context.outline.blocks():
            if block.table_row is not None:
                rows.setdefault(block.table_row, []).append(block)
        return rows
    return context.once(("table_rows",), compute)


def _conditional(document: Document) -> set[int]:
    """Blocks under a heading that says its section applies only sometimes ("If different from above")."""
    inside, level, found = False, 0, set()
    for block in document.blocks:
        if block.heading is not None:
            # The next section ends it; a field label typed in bold ("Region:") is not a section.
            if inside and block.heading.level <= level and not block.heading.text.rstrip().endswith(":"):
                inside = False
            if not inside and _CONDITIONAL.search(block.heading.text):
                inside, level = True, block.heading.level
                continue
        if inside:
            found.add(block.index)
    return found


def _cells(row: list[Block]) -> list[list[Block]]:
    """A table row's paragraphs grouped by cell, in order."""
    cells: dict[int | None, list[Block]] = {}
    for block in row:
        cells.setdefault(block.table_cell, []).append(block)
    return list(cells.values())


def _question(cells: list[list[Block]]) -> tuple[Block, bool] | None:
    """(the first cell's paragraph, whether the row answers it) for a row of label and answer cells."""
    first = next((b for b in cells[0] if b.text.strip()), None) if len(cells) > 1 else None
    if first is None or len(first.text.split()) > _MAX_QUESTION_WORDS:
        return None
    return first, any(b.has_content for cell in cells[1:] for b in cell)


def _form_answers_left_blank(blocks: list[Block], rows: dict[int, list[Block]]) -> dict[int, str]:
    """Questions of form tables whose answer cells are empty: block index -> the question.

    A row with text in its first cell and other cells beside it asks a question (or gives a label).
    In a draft whose tables answer more than two thirds of their questions, a question left
    unanswered is a blank, unless its table leaves more unanswered than it answers (a checklist:
    "Action taken | Details", filled in only for what was done). The first row of a table is its
    caption or column headings, never reported (unless it is the table's only row).
    """
    tables: list[list[tuple[Block, bool, bool]]] = []  # (question, answered, in the table's first row)
    row_counts: list[int] = []
    previous = None
    for block in blocks:
        if block.table_row is None:
            previous = None
            continue
        if block.table_row == previous:
            continue
        first_row = previous is None
        if first_row:
            tables.append([])
            row_counts.append(0)
        previous = block.table_row
        row_counts[-1] += 1
        question = _question(_cells(rows[block.table_row]))
        if question is not None:
            tables[-1].append((*question, first_row))
    # A table of one row has no caption row: its one question is a question.
    tables = [table if count > 1 else [(b, a, False) for b, a, _ in table]
              for table, count in zip(tables, row_counts, strict=True)]
    questions = [row for table in tables for row in table]
    if sum(answered for _, answered, _ in questions) <= 2 * sum(not a for _, a, _ in questions):
        return {}
    found: dict[int, str] = {}
    for table in tables:
        blank = [b for b, answered, first_row in table if not answered and not first_row]
        if blank and (len(table) == 1 or len(blank) <= sum(answered for _, answered, _ in table)):
            found.update((b.index, b.text.strip()) for b in blank)
    return found


def _bare_label(text: str) -> tuple[str, str] | None:
    """A table cell holding only a known label without its colon ("Date", "Signed"), as split_label."""
    labelled = split_label(text.rstrip() + ":")
    return labelled if labelled and not labelled[1] else None


def _row_has_value(block: Block, rows: dict[int, list[Block]]) -> bool:
    """A label in a table cell whose value sits in the next cell of the same row is filled in.

    Another bare label in the row is not a value: | Signed | (blank) | Date | (blank) |.
    """
    if block.table_row is None or block.index < 0:
        return False
    return any(b is not block and b.has_content and not _bare_label(b.text) for b in rows[block.table_row])


def _merge_fields(block: Block) -> list[str]:
    return [f for f in block.fields if f.split(None, 1)[0].upper() in MERGE_NAMES]


def _may_be_blank(block: Block, form_blanks: dict[int, str]) -> bool:
    """A cheap first look: whether `_blank` could find anything in the paragraph."""
    text = block.text
    return (block.table_row is not None or block.index in form_blanks or ":" in text or ".." in text
            or "…" in text or "__" in text or _BLANK_FORM_FIELD[0] in text)


def _label_alone_in_section(block: Block, before: Block | None, after: Block | None) -> bool:
    """A label alone on its line (not itself a heading, nor in a table), with a heading straight after
    it and none but a heading (or the top of the document) before it."""
    return (after is not None and after.heading is not None and block.heading is None
            and (before is None or before.heading is not None)
            and block.table_row is None and len(block.text.split()) <= _LABEL_WORDS
            and _LABEL_ALONE.match(block.text) is not None)


def _blank(context: RuleContext, block: Block, rows, form_blanks: dict[int, str],
           around: tuple[Block | None, Block | None] = (None, None)) -> Iterator:
    """Findings for a paragraph that leaves a value blank: a label, a form field, a form's answer.
    `around` is the paragraph with content before it and the one after it, if any."""
    text = block.text
    labelled = split_label(text) if text.strip() else None
    if labelled is None and block.table_row is not None and text.strip():
        labelled = _bare_label(text)  # | Date | (blank) |: a table's label needs no colon
    if labelled is None and _label_alone_in_section(block, *around):
        labelled = (text.strip(), "")
    if labelled and not labelled[1] and not _row_has_value(block, rows):
        yield context.finding(
            block.location,
            f"{quote(text.strip())} is a label with no value",
            "fill in the value after the label, or delete the line",
        )
    elif _BLANK_FORM_FIELD in text:
        yield context.finding(
            block.location,
            f"the form field after {quote(text.split(_BLANK_FORM_FIELD)[0].strip() or text)} was left blank",
            "type the value into the form field, or delete the line",
        )
    elif block.index in form_blanks:
        yield context.finding(
            block.location,
            f"{quote(form_blanks[block.index])} has no answer: the cell beside it is empty",
            "fill in the answer, or write \"not applicable\" if it does not apply",
        )


def _paragraph(context: RuleContext, block: Block, patterns, prompts: bool = True, text: bool = True
               ) -> Iterator:
    """Findings for what a paragraph's fields, content controls' prompts (if `prompts`) and text (if
    `text`) leave to be filled in."""
    merge = _merge_fields(block)
    for instruction in merge[:1]:
        yield context.finding(
            block.location,
            f"the Word field {quote(instruction)} is still in the document: the merge was never done",
            "run the mail merge, or replace the field with its value (select it and press Ctrl+Shift+F9)",
        )
    for prompt in block.prompts if prompts else ():
        yield context.finding(
            block.location,
            f"{quote(prompt)} is a content control's prompt: the control was not filled in",
            "click the control and type or choose its value, or delete the control",
        )
    if not text or not block.text.strip():
        return
    text = block.text
    # A heading style on a line of only punctuation makes no section (the outline drops it), but it is
    # still a heading whose words were left out.
    if (block.heading is not None or _HEADING_STYLE.match(block.style)) and blank_heading(text):
        yield context.finding(
            block.location,
            f"the heading {quote(text.strip())} has only punctuation: the words around it were left out",
            "fill in the names or numbers the heading should give",
        )
        return
    if block.table_row is not None and _UNDERSCORES_ONLY.match(text):
        # In a table cell (| Signed | ______ |) a line of underscores is the blank to sign on.
        yield context.finding(
            block.location,
            f"{quote(text.strip())} is a placeholder (a run of underscores) left in the text",
            "replace it with the real value before the document goes out",
        )
        return
    if patterns is PATTERNS and not may_hold_placeholder(text):
        return
    reported: list[tuple[int, int]] = []
    for name, guards, pattern in patterns:
        if merge and name == "a merge field":
            continue  # the field's own result, «Name», reported above
        for guard in guards:
            if guard in text:
                break
        else:
            continue
        if match := pattern.search(text):
            span = match.span("blank") if "blank" in pattern.groupindex else match.span()
            if any(start < span[1] and span[0] < end for start, end in reported):
                continue  # "<< name >>" is a merge field; that it is also a bracketed word adds nothing
            reported.append(span)
            yield context.finding(
                block.location,
                f"{quote(_around(text, *span))} is a placeholder ({name}) left in the text",
                "replace it with the real value before the document goes out",
            )


def check(context: RuleContext):
    extra = [(p, ("",), re.compile(p)) for p in context.options["extra_patterns"]]
    patterns = PATTERNS + tuple(extra) if extra else PATTERNS
    rows = _rows(context)
    form_blanks = _form_answers_left_blank([b for _, b in context.outline.blocks()], rows) if rows else {}
    for document in context.outline.documents:
        conditional = _conditional(document)
        blank_rows: set[int] = set()
        with_content = [block for block in document.blocks if block.has_content]
        padded = [None, *with_content, None]
        around = {b.index: (padded[n], padded[n + 2]) for n, b in enumerate(with_content)}
        for block in document.blocks:
            text = block.text
            if not block.prompts and not block.fields and not text.strip():
                continue
            blank = [] if block.index in conditional or not _may_be_blank(block, form_blanks) \
                else list(_blank(context, block, rows, form_blanks, around.get(block.index, (None, None))))
            if blank and block.table_row is not None:
                blank_rows.add(block.table_row)
            yield from blank
            # A blank label's dots, or the prompt in the value cell of a row whose label is reported,
            # say the same again.
            yield from _paragraph(context, block, patterns, prompts=block.table_row not in blank_rows,
                                  text=not blank)
    for block in context.outline.outside:
        blank = list(_blank(context, block, {}, {}))
        yield from blank
        yield from _paragraph(context, block, patterns, text=not blank)


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
