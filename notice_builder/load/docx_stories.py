"""The paragraphs of a Word draft outside its body (headers, footers, text boxes, notes) as Blocks.

They are read like the body's paragraphs (text, content-control prompts, field instructions) but are
not numbered with them: each Block's index is negative and its location names the area ("header",
"text box in paragraph 12", "footnote in paragraph 3"; "header, paragraph 2" for the second paragraph
of the headers), so a finding in a header never points at a
body paragraph and the body's paragraph numbers stay those a reader counts.
"""

from __future__ import annotations

from lxml import etree

from notice_builder.docx.elements import in_placeholder, iter_paragraphs
from notice_builder.docx.package_reader import DocxPackage
from notice_builder.docx.paragraph_text import read_paragraph
from notice_builder.docx.stories import StoryParagraph, story_paragraphs
from notice_builder.model.findings import Finding, Location, UnreadableInput
from notice_builder.model.limits import MAX_DRAFT_PARAGRAPHS
from notice_builder.model.outline import Block


def _area(story: StoryParagraph, numbers: dict[etree._Element, int]) -> str:
    """Where a story paragraph is, in words a reader can follow in Word."""
    if story.area == "text box" and story.within is not None:
        return f"text box in the {story.within}"
    if story.anchor is not None and story.anchor in numbers:
        return f"{story.area} in paragraph {numbers[story.anchor]}"
    return story.area


def outside_blocks(package: DocxPackage, body: etree._Element) -> list[Block]:
    """Every paragraph outside the body's own, in reading order: headers, text boxes, notes, footers."""
    blocks: list[Block] = []
    numbers: dict[etree._Element, int] | None = None
    counted: dict[str, int] = {}  # paragraphs so far in each area, so that each location is one paragraph
    for story in story_paragraphs(package, body):
        if len(blocks) >= MAX_DRAFT_PARAGRAPHS:
            raise UnreadableInput([Finding(
                code="docx-too-large",
                message=f"the draft has more than {MAX_DRAFT_PARAGRAPHS} paragraphs in its headers, "
                        "footers, text boxes and notes",
                path=package.path,
                hint="a decision notice has tens to a few hundred paragraphs; check it is the right file",
            )])
        content = read_paragraph(story.paragraph)
        text, prompts = content.text, tuple(content.prompts)
        if in_placeholder(story.paragraph, story.root):
            text, prompts = "", (content.text.strip(),) if content.text.strip() else ()
        if numbers is None and story.anchor is not None:
            numbers = {p: index for index, (p, _) in enumerate(iter_paragraphs(body), start=1)}
        area = _area(story, numbers or {})
        counted[area] = number = counted.get(area, 0) + 1
        if not text.strip() and not prompts and not content.fields:
            continue  # an empty line of a header adds nothing to check
        blocks.append(Block(
            index=-(len(blocks) + 1),
            text=text,
            location=Location(area=area if number == 1 else f"{area}, paragraph {number}"),
            has_drawing=content.drawing,
            prompts=prompts,
            fields=tuple(content.fields),
        ))
    return blocks
