"""Word's list numbering read from numbering.xml: numId -> abstractNum -> level start and format,
replayed so each numbered paragraph gets the number Word shows.
"""

from __future__ import annotations

from lxml import etree

from notice_builder.docx.elements import W_VAL, first_child, int_value
from notice_builder.docx.namespaces import NAMESPACES, qn


def num_pr(numpr: etree._Element) -> tuple[str, int] | None:
    num_id = first_child(numpr, qn("w:numId"))
    ilvl = first_child(numpr, qn("w:ilvl"))
    if num_id is None:
        return None
    value = num_id.get(W_VAL) or "0"
    if value == "0":
        return ("0", 0)  # numbering explicitly switched off
    return value, min(max(int_value(ilvl.get(W_VAL) if ilvl is not None else "0", 0), 0), 8)


class Numbering:
    """Word's automatic list numbering, replayed so each numbered paragraph gets the number Word shows."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[int, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        if root is None:
            return
        for abstract in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iter(qn("w:lvl")):
                start, fmt = lvl.find(qn("w:start")), lvl.find(qn("w:numFmt"))
                levels[int_value(lvl.get(qn("w:ilvl")), 0)] = (
                    int_value(start.get(W_VAL) if start is not None else "1", 1),
                    (fmt.get(W_VAL) if fmt is not None else "decimal") or "decimal",
                )
            self.levels[abstract.get(qn("w:abstractNumId")) or ""] = levels
        for num in root.iter(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.iter(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int_value(override.get(qn("w:ilvl")), 0)] = int_value(start.get(W_VAL), 1)
            self.nums[num.get(qn("w:numId")) or ""] = (
                abstract_id.get(W_VAL) if abstract_id is not None else "",
                overrides,
            )

    def counter(self) -> NumberingCounter:
        return NumberingCounter(self)


class NumberingCounter:
    """The running counters of one pass through a document."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()

    def next(self, num_id: str, ilvl: int) -> tuple[int, ...] | None:
        """The number shown for a paragraph in list `num_id` at `ilvl`, or None for bullets."""
        abstract_id, overrides = self.numbering.nums.get(num_id, ("", {}))
        levels = self.numbering.levels.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                if 0 <= level < 9:
                    counters[level] = start - 1
        start, fmt = levels.get(ilvl, (1, "decimal"))
        counters[ilvl] = (start - 1 if counters[ilvl] is None else counters[ilvl]) + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if fmt in ("bullet", "none"):
            return None
        return tuple(
            c if c is not None else levels.get(i, (1, ""))[0] for i, c in enumerate(counters[: ilvl + 1])
        )


def abstract_of(numbering: etree._Element, num_id: int | None) -> str | None:
    """abstractNumId of the list instance `num_id`."""
    if num_id is None:
        return None
    node = numbering.find(f"w:num[@w:numId='{num_id}']/w:abstractNumId", NAMESPACES)
    return node.get(W_VAL) if node is not None else None
