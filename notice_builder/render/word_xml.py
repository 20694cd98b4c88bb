"""Small builders for WordprocessingML fragments (runs, paragraphs, tables), escaped once, here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache


@dataclass(frozen=True)
class RunStyle:
    """Character formatting of a run of text."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    hyperlink: bool = False
    # the run's w:rPr element ("" for plain text), written once per style rather than once per run
    properties_xml: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "properties_xml", _run_properties(self))

    def but(self, name: str, value: bool) -> RunStyle:
        """This style with one property set to `value` (there are only 32 styles, so each is made once)."""
        return _restyled(self, name, value)


def _run_properties(style: RunStyle) -> str:
    props = []
    if style.hyperlink:
        props.append('<w:rStyle w:val="Hyperlink"/>')
    if style.code:
        props.append('<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>')
    if style.bold:
        props.append("<w:b/><w:bCs/>")
    if style.italic:
        props.append("<w:i/><w:iCs/>")
    if style.strike:
        props.append("<w:strike/>")
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


@cache
def _restyled(style: RunStyle, name: str, value: bool) -> RunStyle:
    return replace(style, **{name: value})


def escape(text: str) -> str:
    """`text` with the XML special characters &, < and > escaped (as xml.sax.saxutils.escape, inlined)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_run(text: str, style: RunStyle | None = None) -> str:
    """A run holding `text`, XML special characters and braces escaped (see docx_render.literal_value)."""
    props = style.properties_xml if style else ""
    text = escape(text).replace("{", "&#123;").replace("}", "&#125;")
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def break_run() -> str:
    """A line break inside a paragraph (Markdown hard break)."""
    return "<w:r><w:br/></w:r>"


def paragraph(runs: str, *, style: str | None = None, num_id: int | None = None, level: int = 0,
              indent_twips: int | None = None, keep_next: bool = False,
              space_before_twips: int | None = None) -> str:
    """A paragraph with an optional style, list numbering, spacing and left indent."""
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{escape(style)}"/>')
    if keep_next:
        props.append("<w:keepNext/>")
    if num_id is not None:
        props.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    if space_before_twips is not None:
        props.append(f'<w:spacing w:before="{space_before_twips}"/>')
    if indent_twips is not None:
        props.append(f'<w:ind w:left="{indent_twips}"/>')
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def column_widths(text_lengths: list[int], width_twips: int) -> list[int]:
    """Share the width in proportion to each column's longest text, no column under a tenth."""
    floor = width_twips // (10 if len(text_lengths) < 10 else len(text_lengths))
    weights = [max(length, 1) for length in text_lengths]
    widths = [max(floor, width_twips * w // sum(weights)) for w in weights]
    scale = width_twips / sum(widths)
    return [int(w * scale) for w in widths]


def table(header: list[str], rows: list[list[str]], text_lengths: list[int] | None = None,
          width_twips: int = 9026) -> str:
    """A grid table whose first row repeats as a header; cells hold ready-made paragraph XML."""
    columns = max([len(header)] + [len(r) for r in rows]) or 1
    lengths = (text_lengths or []) + [1] * columns
    widths = column_widths(lengths[:columns], width_twips)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def row(cells: list[str], is_header: bool) -> str:
        cells = cells + [paragraph("")] * (columns - len(cells))
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if is_header else \
            "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
            for w, cell in zip(widths, cells, strict=True)
        )
        return f"<w:tr>{trpr}{tcs}</w:tr>"

    body = row(header, True) + "".join(row(r, False) for r in rows)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )
