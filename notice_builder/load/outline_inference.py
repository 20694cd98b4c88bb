"""The outline of a Word draft judged from the whole document, not one paragraph at a time.

The reader (`docx_outline.read_blocks`) marks each paragraph that is styled as a heading, or typed
to look like one (short, bold or capitals: `outline.fake_heading_level`). Seen in its context, a
typed line is often something else, and a heading's level depends on what is around it:

  - a bold bullet typed with a dash ("- Domestic abuse issues"), or the second line of a bullet or
    title wrapped over two lines, is list text, not a heading;
  - a line ending in a colon is a lead-in when a bullet list follows it ("Consider the following:"),
    and a field label when another label, a value or a heading follows it ("Region:" then "LDU:",
    "Date of Decision:" then "27th June 2014"), unless it is worded as
    one of the profile's headings ("Other options considered and rejected by the Executive:");
  - a line standing in a label's place in a run of labels with their values under them ("Decision
    Papers/Reason for Restricted" between "Date of Decision:" and "Decision Maker:") is a label;
  - an instruction to the reader ("You will be required to ...", "If yes, ...") is not a heading,
    even in a heading style when it runs to a sentence ("Please scan and email copies of ...");
  - a heading style on a table cell, or on a paragraph with no words (" - "), makes no section;
  - a typed heading under a styled one is its sub-heading; a numbered typed heading ("1. Background
    information", "2. Request permission ...") right under an unnumbered one is its sub-section, as
    is a typed heading that follows another with nothing between them.
A line worded as one of the profile's headings and ending in a colon is a heading however long.
Headings the profile names keep the profile's level. Styled headings keep their style's level.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from notice_builder.model.outline import MAX_HEADING_WORDS, Block, Heading, heading_key

_BULLET = re.compile(r"^\s*[-–—•·*▪○◦✓✔]\s*")
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|\([a-z0-9]{1,4}\)|[a-z][.)])\s+", re.I)
_LABEL_LINE = re.compile(r"^[^\W\d][^:.;!?]{0,120}:(?:\s|$)")
_SHORT_VALUE_WORDS = 6
_LONGEST_LABEL = 200
_NOTHING = frozenset({"none", "nil", "n/a", "na", "-", "tbc"})
_SENTENCE = re.compile(r"[.!?;]\s+\S")
_NO_WORDS = re.compile(r"^[\W_]*$")
# First words of an instruction to whoever fills the form in, not of a heading (unnumbered lines only).
_INSTRUCTION_WORDS = frozenset({"you", "your", "please", "if", "note", "i", "we"})
# A line ending in one of these words runs on into the next line.
_RUNS_ON = frozenset({"or", "and", "of", "the", "to", "for", "a", "an", "in", "with", "by", "on", "at",
                      "from"})


def _content(blocks: Sequence[Block], start: int, step: int) -> Block | None:
    """The nearest paragraph with content from `start` in direction `step` (1 or -1), if any."""
    position = start
    while 0 <= position < len(blocks):
        if blocks[position].has_content:
            return blocks[position]
        position += step
    return None


def _runs_on(text: str) -> bool:
    words = text.rstrip().split()
    return bool(words) and (words[-1].casefold() in _RUNS_ON or text.rstrip().endswith(","))


def _known_level(key: str, known: Mapping[str, int]) -> int | None:
    """The profile's level for a line worded as one of its headings: the whole of it, or its first
    words if they are two or more ("Other options considered and rejected by the Executive")."""
    while key:
        if key in known:
            return known[key]
        cut = key.rfind(" ")
        key = key[:cut] if cut > 0 and " " in key[:cut] else ""
    return None


def _label_heading(block: Block, known: Mapping[str, int]) -> Heading | None:
    """A line too long to pass for a typed heading that is one all the same: worded as a profile
    heading and ending in a colon, with nothing after it ("Details of any conflict of interest
    declared by the Leader or lead councillors and any dispensation granted:")."""
    text = " ".join(block.text.split())
    if block.table_row is not None or not text.endswith(":") or len(text) > _LONGEST_LABEL:
        return None
    if len(text.split()) <= MAX_HEADING_WORDS:
        return None  # short enough for the reader to have judged it (not bold, not capitals)
    level = _known_level(heading_key(text), known)
    return Heading(text, level, styled=False) if level is not None else None


def _is_form_line(text: str) -> bool:
    """A field of a form: a label with a short value or none ("Region:", "Custodial term: 4 years")."""
    match = _LABEL_LINE.match(text.strip())
    return bool(match) and len(text.strip()[match.end():].split()) <= _SHORT_VALUE_WORDS


def _is_value(text: str) -> bool:
    """A field's value on the line under its label: a date or number ("27th June 2014"), or a code
    ("PCC", "Decision-2014-18-Pension-Scheme"); not "None" or "N/A", which say a section has nothing."""
    words = text.split()
    if len(words) == 1:  # a code, not a word: "PCC", "2023/52", "Decision-2014-18-Pension-Scheme"
        token = words[0]
        code = any(c.isdigit() for c in token) or (token.isupper() and len(token) > 1)
        return code and token.casefold() not in _NOTHING
    dated = any(c.isdigit() for c in text) and not _SENTENCE.search(text)
    return dated and len(words) <= _SHORT_VALUE_WORDS - 2


def _is_list_text(block: Block) -> bool:
    return bool(_BULLET.match(block.text)) or block.list_item


def _label_above(blocks: Sequence[Block], position: int, step: int) -> bool:
    """Whether the paragraph with content two steps from `position` (step -1 or 1) is a typed label
    alone on its line ("Date of Decision:"), outside any table."""
    found: list[Block] = []
    position += step
    while 0 <= position < len(blocks) and len(found) < 2:
        if blocks[position].has_content:
            found.append(blocks[position])
        position += step
    if len(found) < 2:
        return False
    near, far = found
    return (far is not None and far.table_row is None and far.text.strip().endswith(":")
            and _is_form_line(far.text) and near.heading is None)


def _in_label_run(blocks: Sequence[Block], position: int) -> bool:
    """A line in a run of labels each with its value on the next line: a label alone with its value two
    lines above it, and another two lines below it. It stands in a label's place, colon or not."""
    return _label_above(blocks, position, -1) and _label_above(blocks, position, 1)


def _not_a_heading(blocks: Sequence[Block], position: int, known: Mapping[str, int]) -> bool:
    """Whether the heading at `position`, seen with its neighbours, is not a section heading at all."""
    block = blocks[position]
    heading = block.heading
    text = block.text.strip()
    words = text.split()
    instruction = (not _NUMBERED.match(text) and bool(words)
                   and words[0].strip(",:").casefold() in _INSTRUCTION_WORDS)
    if _NO_WORDS.match(text) or block.table_row is not None:
        return True
    if heading.styled:
        return instruction and len(words) > MAX_HEADING_WORDS  # "Please scan and email ..." in Heading 2

    if _BULLET.match(block.text):
        return True
    before = _content(blocks, position - 1, -1)
    if (
        before is not None
        and before.index == block.index - 1
        and before.table_row is None
        and (_runs_on(before.text) or (before.heading and (_BULLET.match(before.text) or text[:1].islower())))
    ):
        return True  # the second line of a wrapped bullet or title
    if instruction:
        return True
    if not text.endswith(":") and _in_label_run(blocks, position):
        return True  # "Decision Papers/Reason for Restricted" between "Date of Decision:" and the next label
    after = _content(blocks, position + 1, 1) if text.endswith(":") else None
    if after is None:
        return False
    if _is_value(after.text.strip()):
        return True  # "Decision Made:" then "12 September 2012": a field, whatever its wording
    unknown = _known_level(heading_key(text), known) is None
    # ... a lead-in to a list, a label beside the next label, or one whose value was left out before
    # the next heading ("Decision Ref:" straight above the decision's title)
    return unknown and (_is_list_text(after) or _is_form_line(after.text) or after.heading is not None)


def infer_outline(blocks: list[Block], known_levels: Mapping[str, int]) -> list[Block]:
    """The blocks with their headings judged in context: false ones dropped, typed ones given levels.

    `known_levels` are the profile's headings (by heading_key) with their level in its form.
    """
    kept: list[Block] = []
    for position, block in enumerate(blocks):
        if block.heading is not None and _not_a_heading(blocks, position, known_levels):
            block = replace(block, heading=None)
        elif block.heading is None and (heading := _label_heading(block, known_levels)) is not None:
            block = replace(block, heading=heading)
        kept.append(block)
    styled_level = 0  # the level of the last styled heading: typed ones below it are its sub-headings
    anchor: int | None = None  # the level of the last unnumbered typed heading, for numbered ones after it
    previous: Block | None = None  # the last paragraph with content
    nested: set[int] = set()  # typed headings put under the typed heading just before them
    result: list[Block] = []
    for block in kept:
        heading = block.heading
        if heading is not None and heading.styled:
            styled_level, anchor = heading.level, None
        elif heading is not None and heading_key(heading.text) not in known_levels:
            level = max(heading.level, styled_level + 1)
            numbered = _NUMBERED.match(heading.text)
            if numbered and anchor is not None:
                level = anchor + 1
            elif previous is not None and previous.heading is not None and not previous.heading.styled:
                # Straight after another typed heading: under it, or beside it if that one was itself
                # put under the line before (a run of typed lines is one level deep, not a staircase).
                level = previous.heading.level + (0 if previous.index in nested else 1)
                nested.add(block.index)
            if not numbered:
                anchor = level
            block = replace(block, heading=Heading(heading.text, level, styled=False))
        if block.has_content:
            previous = block
        result.append(block)
    return result
