"""The excerpt each finding carries: the first characters of the paragraph it points at, on one line.

A Word draft's paragraphs each have a location of their own. A decision's Markdown body gives all its
paragraphs the body's JSON pointer: there, the paragraph holding the text the message quotes is taken.
"""

from __future__ import annotations

import re

from notice_builder.model.findings import Finding
from notice_builder.model.outline import Outline

EXCERPT_CHARACTERS = 120
_QUOTED = re.compile(r'"([^"]{2,})"')


def excerpt(text: str) -> str:
    """A paragraph's text on one line, cut to its first 120 characters."""
    return " ".join(text.split())[:EXCERPT_CHARACTERS]


def _key(location) -> tuple:
    return location.paragraph, location.pointer, location.area


def with_excerpts(findings: list[Finding], outline: Outline) -> list[Finding]:
    """The findings, each with the excerpt of the paragraph it points at (if it points at one)."""
    if not findings:
        return findings
    wanted = {_key(finding.location) for finding in findings}
    texts: dict[tuple, list[str]] = {}
    blocks = [*(block for _, block in outline.blocks()), *outline.outside]
    for block in blocks:
        location = block.location
        if (key := (location.paragraph, location.pointer, location.area)) in wanted:
            # An empty content control shows only its prompt: that is what the reader sees there.
            shown = block.text if block.text.strip() or not block.prompts else " ".join(block.prompts)
            texts.setdefault(key, []).append(shown)
    done = []
    for finding in findings:
        candidates = texts.get(_key(finding.location))
        if not candidates:
            done.append(finding)
            continue
        chosen = candidates[0]
        if len(candidates) > 1:
            quoted = [q.rstrip("…") for q in _QUOTED.findall(finding.message)]
            chosen = next((t for t in candidates if any(q and q in " ".join(t.split()) for q in quoted)),
                          next((t for t in candidates if t.strip()), chosen))
        # A new Finding, not dataclasses.replace, which costs several times more for each finding.
        done.append(Finding(code=finding.code, message=finding.message, path=finding.path,
                            location=finding.location, severity=finding.severity, hint=finding.hint,
                            excerpt=excerpt(chosen)))
    return done
