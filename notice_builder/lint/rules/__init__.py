"""The lint rules, one a module; this tuple is the registry, in code order."""

from notice_builder.lint.rules import (
    contact_details,
    dangling_annex,
    document_metadata,
    duplicate_heading,
    empty_section,
    fake_heading,
    heading_level_skip,
    heading_order,
    inconsistent_term,
    missing_field,
    missing_heading,
    paragraph_numbering,
    pasted_text,
    placeholder,
    unsigned,
)

RULES = tuple(
    sorted(
        (
            duplicate_heading.RULE,
            missing_heading.RULE,
            heading_order.RULE,
            empty_section.RULE,
            placeholder.RULE,
            unsigned.RULE,
            paragraph_numbering.RULE,
            dangling_annex.RULE,
            inconsistent_term.RULE,
            contact_details.RULE,
            fake_heading.RULE,
            heading_level_skip.RULE,
            document_metadata.RULE,
            missing_field.RULE,
            pasted_text.RULE,
        ),
        key=lambda rule: rule.code,
    )
)
