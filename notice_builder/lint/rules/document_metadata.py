"""document-metadata (NL013): a Word document without a title or a language in its properties.

Assistive technology reads the title (docProps/core.xml dc:title) and chooses a voice from the
language (dc:language, or the default w:lang of styles.xml). Both are needed for an accessible
publication (WCAG 2.2 2.4.2, 3.1.1). Decision files are not checked: the build sets both.

Fails:  a .docx whose File > Info > Properties > Title is empty
Passes: a title set and the document language set to English (United Kingdom)
"""

from __future__ import annotations

from notice_builder.lint.rule import Rule, RuleContext
from notice_builder.model.findings import Location, Severity


def check(context: RuleContext):
    outline = context.outline
    if not outline.has_metadata:
        return
    where = outline.documents[0].first_location if outline.documents else Location()
    if not outline.title:
        yield context.finding(
            where,
            "the document has no title in its properties",
            "set it in Word: File > Info > Properties > Title",
        )
    if not outline.language:
        yield context.finding(
            where,
            "the document has no language set",
            "in Word select all, then Review > Language > Set Proofing Language",
        )


RULE = Rule(
    code="NL013",
    slug="document-metadata",
    description="The document has no title or language set",
    severity=Severity.WARNING,
    check=check,
    tags=("accessibility",),
    doc=__doc__,
)
