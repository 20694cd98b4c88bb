"""Check .docx files for what makes Word say "unreadable content" and offer to repair them.

    python scripts/check_ooxml.py [--schemas SCHEMA_DIR] FILE_OR_FOLDER...

Three layers, each reported as `file: part: message` lines; the exit status is 1 if any is found.

1. Package checks (always; no schemas needed): every part has a content type and every content
   type override names a real part; every internal relationship target exists; every r:id in a
   part names one of that part's relationships (hyperlinks external); numbering, style and
   bookmark ids are unique and every list used exists; core.xml follows OPC Part 2 section 8.3.4
   (dcterms dates typed W3CDTF, no refinements, no xml:lang on the root).
2. Element order and values (always): the children of w:pPr, w:rPr, w:tblPr, w:tcPr, w:sectPr,
   w:tbl, w:tr, w:tc, w:numbering, w:num, w:abstractNum, w:lvl, w:style and w:body must follow
   the xsd:sequence of ECMA-376 Transitional wml.xsd (one order only: Word, unlike LibreOffice,
   refuses the others), and common attribute values (on/off, integers, jc, tcW type) are checked.
3. XML Schema validation (with --schemas): each XML part is validated with lxml against the
   schema of its root namespace, found among the *.xsd files under SCHEMA_DIR (the ECMA-376
   Transitional schemas: wml.xsd and what it imports, dml-main.xsd, shared-*.xsd, and the OPC
   opc-contentTypes.xsd, opc-relationships.xsd, opc-coreProperties.xsd with dc/dcterms/xml.xsd).
   Markup compatibility is applied first, as Word does: elements and attributes of namespaces
   listed in mc:Ignorable (w14, w15, wp14 ...) are removed, and mc:AlternateContent is replaced by
   its mc:Fallback. The schemas are not shipped with notice-builder (they are Ecma's); get them
   from ECMA-376 Part 1 and Part 2's electronic inserts.

If the `openxml-audit` package (the Open XML SDK's schemas in pure Python) is importable,
`--sdk` also runs it on each file, for a second opinion on everything Word validates.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from lxml import etree

from notice_builder.docx.namespaces import CONTENT_TYPES as CT
from notice_builder.docx.namespaces import CP, DC, DCTERMS, MC, XSI, A, R, W
from notice_builder.docx.namespaces import PACKAGE_RELATIONSHIPS as PKG_REL

XML_NS = "http://www.w3.org/XML/1998/namespace"
HYPERLINK = f"{R}/hyperlink"
_W = f"{{{W}}}"

# -- element order: ECMA-376 Part 1 (Transitional) wml.xsd, complex type by complex type --------------
# A tuple inside a sequence is a choice: its members share one position and may repeat in any order.
_PPR_BASE = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle"]
_RPR_BASE = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color",
             "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd",
             "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
_TBLPR_BASE = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
               "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"]
_TCPR_BASE = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark", "headers"]
_TRPR_CHOICE = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
                "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")
_SECTPR = [("headerReference", "footerReference"), "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
           "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
           "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
_BLOCK = ("p", "tbl", "sdt", "customXml", "altChunk", "bookmarkStart", "bookmarkEnd", "proofErr",
          "permStart", "permEnd", "ins", "del", "moveFrom", "moveTo", "commentRangeStart",
          "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
          "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
          "customXmlDelRangeEnd", "oMathPara", "oMath")
SEQUENCES: dict[str, list] = {
    "pPr": [*_PPR_BASE, "rPr", "sectPr", "pPrChange"],
    "rPr": [*_RPR_BASE, "rPrChange"],
    "tblPr": [*_TBLPR_BASE, "tblPrChange"],
    "tcPr": [*_TCPR_BASE, ("cellIns", "cellDel", "cellMerge"), "tcPrChange"],
    "trPr": [_TRPR_CHOICE, ("ins", "del"), "trPrChange"],
    "sectPr": _SECTPR,
    "tbl": [*_BLOCK[5:8], "tblPr", "tblGrid", ("tr", "customXml", "sdt", *_BLOCK[4:])],
    "tr": ["tblPrEx", "trPr", ("tc", "customXml", "sdt", *_BLOCK[4:])],
    "tc": ["tcPr", _BLOCK],
    "body": [_BLOCK, "sectPr"],
    "numbering": ["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"],
    "num": ["abstractNumId", "lvlOverride"],
    "lvlOverride": ["startOverride", "lvl"],
    "abstractNum": ["nsid", "multiLevelType", "tmpl", "name", "styleLink", "numStyleLink", "lvl"],
    "lvl": ["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId",
            "legacy", "lvlJc", "pPr", "rPr"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
              "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
              "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"],
    "numPr": ["ilvl", "numId", "numberingChange", "ins"],
}
# Only these may repeat (all others occur at most once); choices repeat within themselves.
REPEATABLE = {"lvl", "abstractNum", "num", "numPicBullet", "lvlOverride", "tblStylePr", "gridCol"}
# A w:rPr inside w:lvl, w:style, w:rPrDefault... is CT_RPr too; w:rPr inside w:pPr is CT_ParaRPr,
# which starts with ins/del/moveFrom/moveTo before the same properties.
_PARA_RPR = ["ins", "del", "moveFrom", "moveTo", *_RPR_BASE, "rPrChange"]

ON_OFF = {"true", "false", "1", "0", "on", "off"}
ON_OFF_ELEMENTS = {"b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "vanish", "noProof",
                   "keepNext", "keepLines", "pageBreakBefore", "widowControl", "cantSplit", "tblHeader",
                   "contextualSpacing", "bidi", "titlePg", "qFormat", "semiHidden", "unhideWhenUsed",
                   "hidden", "isLgl", "autoRedefine", "locked", "rtl", "cs", "webHidden", "noWrap"}
JC_VALUES = {"start", "center", "end", "both", "mediumKashida", "distribute", "numTab", "highKashida",
             "lowKashida", "thaiDistribute", "left", "right"}
TABLE_JC_VALUES = {"center", "end", "left", "right", "start"}
WIDTH_TYPES = {"nil", "pct", "dxa", "auto"}
INTEGER_ATTRIBUTES = {("tcW", "w"), ("tblW", "w"), ("gridCol", "w"), ("ilvl", "val"), ("numId", "val"),
                      ("startOverride", "val"), ("start", "val"), ("abstractNumId", "val"),
                      ("spacing", "before"), ("spacing", "after"), ("ind", "left"), ("ind", "hanging"),
                      ("ind", "firstLine"), ("pgSz", "w"), ("pgSz", "h"), ("sz", "val"), ("szCs", "val")}


def local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _positions(sequence: list) -> dict[str, int]:
    places: dict[str, int] = {}
    for index, item in enumerate(sequence):
        for name in (item if isinstance(item, tuple) else (item,)):
            places.setdefault(name, index)
    return places


_POSITIONS = {name: _positions(seq) for name, seq in SEQUENCES.items()}
_PARA_RPR_POSITIONS = _positions(_PARA_RPR)
_CHOICE_MEMBERS = {name for seq in SEQUENCES.values() for item in seq if isinstance(item, tuple)
                   for name in item}


def order_problems(root: etree._Element) -> Iterator[str]:
    """Children of WordprocessingML elements out of their schema order, unknown, or repeated."""
    for element in root.iter(f"{_W}*"):
        name = local(element.tag)
        if name not in _POSITIONS:
            continue
        parent = element.getparent()
        places = _POSITIONS[name]
        if name == "rPr" and parent is not None and local(parent.tag) == "pPr":
            places = _PARA_RPR_POSITIONS
        if name == "sectPr" and parent is not None and local(parent.tag) == "sectPrChange":
            continue
        last, seen = -1, Counter()
        for child in element:
            if not isinstance(child.tag, str) or not child.tag.startswith(_W):
                continue  # extension namespaces are dealt with by markup compatibility
            child_name = local(child.tag)
            where = f"w:{name}/w:{child_name} (line {child.sourceline})"
            if child_name not in places:
                yield f"{where}: not allowed in w:{name}"
                continue
            position = places[child_name]
            if position < last:
                yield f"{where}: out of order (ECMA-376 wants it before an earlier sibling)"
            seen[child_name] += 1
            if seen[child_name] == 2 and child_name not in REPEATABLE and child_name not in _CHOICE_MEMBERS:
                yield f"{where}: occurs more than once"
            last = max(last, position)
        if name == "tc" and not any(local(c.tag) in ("p", "tbl", "sdt", "customXml") for c in element):
            yield f"w:tc (line {element.sourceline}): a table cell must end with a paragraph"


def value_problems(root: etree._Element) -> Iterator[str]:
    """Attribute values Word rejects: on/off, integers, justification, width types."""
    for element in root.iter(f"{_W}*"):
        name = local(element.tag)
        val = element.get(f"{_W}val")
        where = f"w:{name} (line {element.sourceline})"
        if name in ON_OFF_ELEMENTS and val is not None and val not in ON_OFF:
            yield f"{where}: w:val={val!r} is not an on/off value"
        if name == "jc" and val is not None:
            parent = element.getparent()
            allowed = TABLE_JC_VALUES if parent is not None and local(parent.tag) in ("tblPr", "trPr") \
                else JC_VALUES
            if val not in allowed:
                yield f"{where}: w:val={val!r} is not a justification value here"
        if name in ("tcW", "tblW", "tblInd") and element.get(f"{_W}type") not in (None, *WIDTH_TYPES):
            yield f"{where}: w:type={element.get(f'{_W}type')!r} is not a width type"
        for attribute in ("w", "val", "before", "after", "left", "hanging", "firstLine", "h"):
            if (name, attribute) in INTEGER_ATTRIBUTES:
                value = element.get(f"{_W}{attribute}")
                if value is not None and not re.fullmatch(r"-?\d+", value):
                    yield f"{where}: w:{attribute}={value!r} is not an integer"


# -- the package ------------------------------------------------------------------------------------
def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _parse(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def package_problems(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(part, message) for content types, relationships and ids that Word would not accept."""
    names = [n for n in archive.namelist() if not n.endswith("/")]
    if "[Content_Types].xml" not in names:
        yield "[Content_Types].xml", "missing"
        return
    types = _parse(archive, "[Content_Types].xml")
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{{{CT}}}Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{{{CT}}}Override")}
    for part_name in overrides:
        if part_name.lstrip("/") not in names:
            yield "[Content_Types].xml", f"override for {part_name}, which is not in the package"
    for name in names:
        if name == "[Content_Types].xml":
            continue
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if f"/{name}" not in overrides and extension not in defaults:
            yield name, "has no content type"
    duplicates = [n for n, count in Counter(n.lower() for n in names).items() if count > 1]
    for name in duplicates:
        yield name, "part name occurs more than once (names are case-insensitive)"

    for rels_name in (n for n in names if n.endswith(".rels")):
        source = rels_name.replace("_rels/", "")[: -len(".rels")]
        base = posixpath.dirname(source)
        rels = _parse(archive, rels_name)
        ids = Counter()
        by_id = {}
        for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
            rid, target, mode = rel.get("Id"), rel.get("Target", ""), rel.get("TargetMode", "Internal")
            ids[rid] += 1
            by_id[rid] = rel
            if mode == "External":
                if any(c.isspace() or ord(c) > 126 for c in target):
                    yield rels_name, f"{rid}: external target {target[:80]!r} is not an escaped URI"
                continue
            resolved = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                          else posixpath.join(base, target))
            if resolved not in names:
                yield rels_name, f"{rid}: target {target} ({resolved}) is not in the package"
        for rid, count in ids.items():
            if count > 1:
                yield rels_name, f"relationship id {rid} occurs {count} times"
        if source in names and source.endswith(".xml"):
            part = _parse(archive, source)
            for element in part.iter():
                for attribute, value in element.attrib.items():
                    if not attribute.startswith(f"{{{R}}}"):
                        continue
                    rel = by_id.get(value)
                    if rel is None:
                        yield source, f"{local(element.tag)} r:{local(attribute)}={value} has no relationship"
                    elif local(element.tag) == "hyperlink" and (
                            rel.get("Type") != HYPERLINK or rel.get("TargetMode") != "External"):
                        yield source, f"hyperlink {value} is not an external hyperlink relationship"
    for name in names:
        if name.endswith(".xml") and name.startswith("word/") and not name.endswith(".rels"):
            root = _parse(archive, name)
            refs = [e for e in root.iter() if isinstance(e.tag, str) and any(
                a.startswith(f"{{{R}}}") for a in e.attrib)]
            if refs and _rels_name(name) not in names:
                yield name, "uses relationships but has no .rels part"
    yield from _id_problems(archive, names)
    if "docProps/core.xml" in names:
        yield from (("docProps/core.xml", m) for m in core_problems(_parse(archive, "docProps/core.xml")))


def _id_problems(archive: zipfile.ZipFile, names: list[str]) -> Iterator[tuple[str, str]]:
    num_ids: set[str] = set()
    if "word/numbering.xml" in names:
        numbering = _parse(archive, "word/numbering.xml")
        abstract = Counter(a.get(f"{_W}abstractNumId") for a in numbering.iter(f"{_W}abstractNum"))
        nums = Counter(n.get(f"{_W}numId") for n in numbering.iter(f"{_W}num"))
        for kind, counter in (("abstractNumId", abstract), ("numId", nums)):
            for value, count in counter.items():
                if count > 1:
                    yield "word/numbering.xml", f"{kind} {value} occurs {count} times"
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None or ref.get(f"{_W}val") not in abstract:
                yield "word/numbering.xml", f"num {num.get(f'{_W}numId')} names no existing abstractNum"
        num_ids = set(nums)
    if "word/styles.xml" in names:
        styles = _parse(archive, "word/styles.xml")
        for value, count in Counter(s.get(f"{_W}styleId") for s in styles.iter(f"{_W}style")).items():
            if count > 1:
                yield "word/styles.xml", f"styleId {value} occurs {count} times"
    for name in names:
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = _parse(archive, name)
        for num_id in root.iter(f"{_W}numId"):
            value = num_id.get(f"{_W}val")
            if value not in num_ids and value != "0" and local(num_id.getparent().getparent().tag) != "lvl":
                yield name, f"numId {value} (line {num_id.sourceline}) is not a list in numbering.xml"
        bookmarks = Counter(b.get(f"{_W}id") for b in root.iter(f"{_W}bookmarkStart"))
        for value, count in bookmarks.items():
            if count > 1:
                yield name, f"bookmark id {value} occurs {count} times"


def core_problems(core: etree._Element) -> Iterator[str]:
    """OPC Part 2 section 8.3.4: how a producer must write the core properties."""
    if etree.QName(core).namespace != CP:
        yield "the root element is not cp:coreProperties"
    if core.get(f"{{{XML_NS}}}lang") is not None:
        yield "xml:lang must not be used on cp:coreProperties"
    for child in core:
        if not isinstance(child.tag, str):
            continue
        namespace, name = etree.QName(child).namespace, etree.QName(child).localname
        if namespace == DCTERMS and name not in ("created", "modified"):
            yield f"dcterms:{name} is not a core property"
        xsi_type = child.get(f"{{{XSI}}}type") or ""
        prefix, _, type_name = xsi_type.rpartition(":")
        if namespace == DCTERMS and (child.nsmap.get(prefix or None), type_name) != (DCTERMS, "W3CDTF"):
            yield f"dcterms:{name} must carry xsi:type=\"dcterms:W3CDTF\""
        if namespace not in (CP, DC, DCTERMS):
            yield f"{{{namespace}}}{name} is not a core property"


def word_part_problems(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    for name in archive.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            root = _parse(archive, name)
            for message in (*order_problems(root), *value_problems(root)):
                yield name, message


# -- XML Schema validation ---------------------------------------------------------------------------
def apply_markup_compatibility(root: etree._Element) -> etree._Element:
    """Remove what a consumer that knows only ECMA-376 ignores: mc:Ignorable namespaces, AlternateContent."""
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    for element in root.iter():
        value = element.get(f"{{{MC}}}Ignorable")
        if value:
            ignorable.update(element.nsmap.get(prefix) for prefix in value.split())
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC}}}Fallback")
        parent = alternate.getparent()
        index = parent.index(alternate)
        for child in reversed(list(fallback) if fallback is not None else []):
            parent.insert(index, child)
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignorable and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for attribute in list(element.attrib):
            namespace = etree.QName(attribute).namespace
            if namespace in ignorable or namespace == MC:
                del element.attrib[attribute]
    return root


class SchemaSet:
    """One lxml XMLSchema per target namespace among the .xsd files under a folder."""

    PREFERRED: ClassVar[dict[str, str]] = {
        W: "wml.xsd", A: "dml-main.xsd"}

    def __init__(self, folder: Path):
        self.files: dict[str, Path] = {}
        for path in sorted(folder.rglob("*.xsd")):
            namespace = etree.parse(str(path)).getroot().get("targetNamespace")
            if namespace and (namespace not in self.files or path.name == self.PREFERRED.get(namespace)):
                self.files[namespace] = path
        self._loaded: dict[str, etree.XMLSchema] = {}

    def schema_for(self, namespace: str) -> etree.XMLSchema | None:
        if namespace not in self.files:
            return None
        if namespace not in self._loaded:
            self._loaded[namespace] = etree.XMLSchema(etree.parse(str(self.files[namespace])))
        return self._loaded[namespace]


def schema_problems(archive: zipfile.ZipFile, schemas: SchemaSet) -> Iterator[tuple[str, str]]:
    for name in archive.namelist():
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        root = apply_markup_compatibility(_parse(archive, name))
        schema = schemas.schema_for(etree.QName(root).namespace)
        if schema is None:
            yield name, f"no schema for {etree.QName(root).namespace} (not validated)"
            continue
        if not schema.validate(root):
            for error in schema.error_log:
                yield name, f"line {error.line}: {error.message}"


# -- running it ------------------------------------------------------------------------------------
def docx_files(paths: Iterable[str]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        yield from sorted(path.rglob("*.docx")) if path.is_dir() else [path]


def check_file(path: Path, schemas: SchemaSet | None = None) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        found = [*package_problems(archive), *word_part_problems(archive)]
        if schemas is not None:
            found += schema_problems(archive, schemas)
    return [f"{path}: {part}: {message}" for part, message in found]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schemas", type=Path, help="folder holding the ECMA-376 .xsd files")
    parser.add_argument("--sdk", action="store_true", help="also run openxml-audit if it is installed")
    parser.add_argument("paths", nargs="+", help=".docx files, or folders searched for them")
    args = parser.parse_args(argv)
    schemas = SchemaSet(args.schemas) if args.schemas else None
    files = list(docx_files(args.paths))
    problems = [line for path in files for line in check_file(path, schemas)]
    unvalidated = [p for p in problems if p.endswith("(not validated)")]
    problems = [p for p in problems if not p.endswith("(not validated)")]
    if args.sdk:
        problems += _sdk_problems(files)
    for line in problems + sorted({u.split(": ", 1)[1] for u in unvalidated}):
        print(line)
    print(f"{len(files)} files checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def _sdk_problems(files: list[Path]) -> list[str]:
    try:
        from openxml_audit import OpenXmlValidator  # type: ignore[import-not-found]
    except ImportError:
        return ["openxml-audit is not installed; --sdk skipped"]
    validator = OpenXmlValidator()
    found = []
    for path in files:
        result = validator.validate(str(path))
        found += [f"{path}: {getattr(e, 'part_uri', '')}: {getattr(e, 'description', e)}"
                  for e in getattr(result, "errors", [])]
    return found


if __name__ == "__main__":
    sys.exit(main())
