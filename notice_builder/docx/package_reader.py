"""Open a Word .docx package safely: bounded reads, no entity expansion, a clear Finding for each refusal.

This is the only module that touches the zip container. Every way a file can be unusable (not a
zip, damaged, no document part, a zip bomb, XML with a DOCTYPE, macros, encryption, an old .doc)
raises `UnreadableInput` carrying one Finding that names the file, the problem and the fix.
Nothing is extracted to disk and no part outside the package is ever read: relationships that
point outside it (TargetMode="External") are ignored and XML is parsed without DTDs or network.

Macro-enabled documents (.docm) are refused by default: the linter only reads XML and would be
safe, but a draft with macros should not be circulated, and python-docx cannot write one back.
Pass `allow_macros=True` to read one read-only.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from notice_builder.docx.namespaces import OFFICE_DOCUMENT_TYPE, qn
from notice_builder.docx.strict import as_transitional, is_strict
from notice_builder.model.findings import Finding, UnreadableInput

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_SAVE_AS_DOCX = "open it in Word and use File > Save As > Word Document (.docx)"

# Other formats people rename or mistake for .docx: (magic prefix, what it is).
_OTHER_FORMATS = (
    (b"{\\rtf", "a Rich Text Format (.rtf) file"),
    (b"%PDF", "a PDF file"),
    (b"<?xml", "a Word 2003 XML or other XML file"),
    (b"<html", "an HTML file"),
    (b"<!DOCTYPE html", "an HTML file"),
)


@dataclass(frozen=True)
class Limits:
    """How much a package may make us read: protects against zip bombs and runaway files."""

    file_bytes: int = 100 * MB
    member_bytes: int = 50 * MB
    total_bytes: int = 100 * MB
    ratio: int = 100
    ratio_applies_above: int = 1 * MB
    members: int = 10_000


DEFAULT_LIMITS = Limits()
# Large parts already read within the limits and found free of a DOCTYPE and of macros, by the SHA-256 of
# their stored (compressed) bytes, method and size: equal stored bytes unpack to equal content, which a
# matching CRC and size do not promise. The value says whether the part is an OLE compound file.
_VERIFIED_PARTS: dict[tuple[bytes, int, int], bool] = {}
_VERIFIED_PARTS_MAX = 1024
_REMEMBER_VERIFIED_ABOVE = 16 * 1024


def _refuse(path: str, code: str, message: str, hint: str) -> UnreadableInput:
    return UnreadableInput([Finding(code=code, message=message, path=path, hint=hint)])


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


# What zipfile and zlib raise for a damaged package: a bad header or directory, a corrupt deflate
# stream, a CRC mismatch, a truncated file, or a version or method no reader supports.
DAMAGED_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError)


def _damaged(path: str, exc: Exception) -> UnreadableInput:
    return _refuse(
        path,
        "docx-damaged",
        f"the file is damaged or truncated ({exc})",
        "open it in Word, which can often repair it, and save it again",
    )


def parse_xml(data: bytes) -> etree._Element:
    """Parse package XML with no DTD, no entity expansion, no network; raises XMLSyntaxError."""
    root = etree.fromstring(data, _PARSER)
    if root is None:
        raise etree.XMLSyntaxError("the part is empty", None, 0, 0)
    return root


_DECLARED_ENCODING = re.compile(r"""encoding\s*=\s*(["'])([^"']*)\1""")
# Byte-order marks and the first bytes of "<?xm" in the encodings an XML parser recognises: only UTF-8 and
# UTF-16 (what Word writes) are read; UTF-32, UCS-4 and EBCDIC are named so that they can be refused.
_BYTE_ORDER_MARKS = (
    (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"), (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\x2b\x2f\x76", "UTF-7"),
    (b"\xdd\x73\x66\x73", "UTF-EBCDIC"),
)
_UNMARKED = (
    (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"), (b"\x4c\x6f\xa7\x94", "EBCDIC"),
)
_UTF8_NAMES = frozenset({"utf8"})
_UTF16_NAMES = frozenset({"utf16", "utf16le", "utf16be"})
# An XML attribute naming a macro project, wherever it is: a content type (vbaProject, macroEnabled), a
# relationship type (vbaProject, wordVbaData) or an embedded object's ProgID (Excel.SheetMacroEnabled.12).
# Searched for in lower-cased text, and only if one of the words is there at all.
_MACRO_WORDS = ("macroenabled", "vbaproject", "wordvbadata")
_MACRO_ATTRIBUTE = re.compile(
    r"""(?:contenttype|type|progid)\s*=\s*["'][^"'<>]*(?:macroenabled|vbaproject|wordvbadata)""")
_VBA_PROJECT_STREAM = "_vba_project".encode("utf-16-le")  # in every VBA project (MS-OVBA), any case
_MACRO_PART_NAMES = ("vbaproject.bin", "vbadata.xml")
_ALT_CHUNK = "/afchunk"
_EMBEDDED_DEPTH = 2


def _encoding_of(data: bytes) -> str:
    """The encoding an XML parser would read `data` in: a Python codec name, or the name of one refused."""
    for mark, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name
    for start, name in _UNMARKED:
        if data.startswith(start):
            return name
    if b"\x00" in data[:4]:
        return "UTF-32"
    return "utf-8"


def xml_text(data: bytes) -> tuple[str | None, str | None]:
    """(the text of an XML part, None), or (None, the encoding it is in) if that is not UTF-8 or UTF-16.

    The encoding is taken as a parser takes it, from the byte-order mark or the first bytes, then the
    XML declaration; a declaration naming any other encoding (UTF-7, Latin-1, EBCDIC) is refused, so a
    DOCTYPE cannot be hidden from the check below in an encoding it does not decode.
    """
    encoding = _encoding_of(data)
    if encoding not in ("utf-8", "utf-16-le", "utf-16-be"):
        return None, encoding
    text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("<?xml"):
        end = text.find("?>")
        declaration = text[: end if end >= 0 else 200]
        if "encoding" in declaration:
            match = _DECLARED_ENCODING.search(declaration)
            declared = re.sub(r"[-_\s]", "", match.group(2)).lower() if match else "?"
            allowed = _UTF8_NAMES if encoding == "utf-8" else _UTF16_NAMES
            if declared not in allowed:
                return None, match.group(2) if match else "an unreadable encoding"
    return text, None


_XML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?[ \t\r\n]*<[?A-Za-z_]"  # UTF-8
    rb"|(?:\xff\xfe)?<\x00[?A-Za-z_]\x00"  # UTF-16 little-endian
    rb"|(?:\xfe\xff)?\x00<\x00[?A-Za-z_]"  # UTF-16 big-endian
)


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _looks_like_xml(data: bytes) -> bool:
    """Whether a part not named as XML starts as XML does, in UTF-8 or UTF-16 (a renamed part)."""
    return _XML_START.match(data) is not None


def part_key(name: str) -> str:
    """A part name as OPC compares them: case-insensitive, Unicode-normalised, with no leading slash."""
    normal = posixpath.normpath(name.replace("\\", "/").lstrip("/"))
    return unicodedata.normalize("NFC", normal).casefold()


def _describe_ole(path: Path, limit: int) -> tuple[str, str, str]:
    """Tell an encrypted .docx from a Word 97-2003 .doc by the stream names in the OLE directory."""
    with path.open("rb") as handle:
        data = handle.read(limit)
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "docx-encrypted",
            "the document is encrypted (password-protected)",
            "remove the password in Word (File > Info > Protect Document > Encrypt with Password, "
            "clear it) and save again",
        )
    if "WordDocument".encode("utf-16-le") in data:
        return ("docx-legacy-doc", "this is a Word 97-2003 .doc file, not a .docx", _SAVE_AS_DOCX)
    return (
        "docx-encrypted",
        "the file is encrypted or a Word 97-2003 .doc (an OLE compound file)",
        "if it has a password, remove it in Word; otherwise " + _SAVE_AS_DOCX,
    )


@dataclass
class DocxPackage:
    """An opened .docx: its zip, its main document part's name, and bounded access to its parts."""

    path: str
    zip: zipfile.ZipFile
    limits: Limits
    main_part: str = "word/document.xml"
    _read_total: int = 0
    _cache: dict[str, bytes] = field(default_factory=dict)
    _rels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def read(self, name: str) -> bytes:
        """The bytes of one part, read in chunks and stopped as soon as any limit is passed."""
        if name in self._cache:
            return self._cache[name]
        info = self.zip.getinfo(name)
        limits = self.limits
        if info.file_size > limits.member_bytes:
            raise self._bomb(f"the part {name} would unpack to {info.file_size // MB} MB")
        chunks, size = [], 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > limits.member_bytes:
                        raise self._bomb(
                            f"the part {name} unpacks to more than {limits.member_bytes // MB} MB"
                        )
                    if self._read_total > limits.total_bytes:
                        raise self._bomb(f"the parts unpack to more than {limits.total_bytes // MB} MB")
                    if size > limits.ratio_applies_above and size > limits.ratio * max(info.compress_size, 1):
                        raise self._bomb(f"the part {name} is compressed more than {limits.ratio}:1")
                    chunks.append(chunk)
        except DAMAGED_ZIP as exc:
            raise _damaged(self.path, exc) from None
        data = b"".join(chunks)
        self._cache[name] = data
        return data

    def checked(self, name: str) -> bytes:
        """The bytes of an XML part, refused if it declares a DOCTYPE or is in an encoding Word never uses."""
        return self._checked_text(name)[0]

    def _checked_text(self, name: str) -> tuple[bytes, str]:
        """The bytes of an XML part and its text in lower case, refused as `checked` says."""
        data = self.read(name)
        text, refused = xml_text(data)
        if refused is not None:
            raise _refuse(
                self.path,
                "docx-unsafe-xml",
                f"the part {name} is encoded as {refused}, which Word never writes",
                "the file may have been tampered with; do not open it, ask the author for a "
                "fresh copy saved from Word",
            )
        text = text.lower()
        if "<!doctype" in text:
            raise _refuse(
                self.path,
                "docx-unsafe-xml",
                f"the part {name} declares a DOCTYPE, which Word never writes",
                "the file may have been tampered with; do not open it, ask the author for a "
                "fresh copy saved from Word",
            )
        return data, text

    def invalid_xml(self, name: str, exc: Exception) -> UnreadableInput:
        return _refuse(
            self.path,
            "docx-invalid-xml",
            f"the part {name} is not well-formed XML ({exc})",
            "open it in Word, which can often repair it, and save it again",
        )

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed as XML without DTDs, entities or network access; None if it is absent.

        A Strict OOXML part is read in the Transitional namespaces (`strict.as_transitional`).
        """
        if not self.has(name):
            return None
        data, text = self._checked_text(name)
        try:
            root = parse_xml(data)
        except etree.XMLSyntaxError as exc:
            raise self.invalid_xml(name, exc) from None
        return as_transitional(root) if is_strict(text) else root

    def related_part(self, source: str, relationship_type_suffix: str) -> str | None:
        """The package name of the part `source` points to by a relationship of that type, if any."""
        folder = posixpath.dirname(source)
        for rel_type, target in self._relationships(source):
            if rel_type.endswith(relationship_type_suffix):
                name = _target_name(folder, target)
                return name if name is not None and self.has(name) else None
        return None

    def related_parts(self, source: str, relationship_type_suffix: str) -> list[str]:
        """Every part in the package `source` points to by relationships of that type, once each, in order."""
        folder = posixpath.dirname(source)
        names = (_target_name(folder, target) for rel_type, target in self._relationships(source)
                 if rel_type.endswith(relationship_type_suffix))
        return list(dict.fromkeys(name for name in names if name is not None and self.has(name)))

    def _relationships(self, source: str) -> list[tuple[str, str]]:
        """(type, target) of each relationship of `source` inside the package; its .rels parsed once."""
        if (known := self._rels.get(source)) is not None:
            return known
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found = [
            (rel.get("Type") or "", rel.get("Target") or "")
            for rel in (rels.iter(qn("rels:Relationship")) if rels is not None else ())
            if rel.get("TargetMode") != "External"
        ]
        self._rels[source] = found
        return found

    def verify_all_parts(self, *, check_macros: bool = False) -> None:
        """Read every part within the limits and check every XML part, so a tampered file is refused.

        Every part named as XML (.xml, .rels) is checked for a DOCTYPE and an encoding Word never writes
        (a part under another name is checked so when it is parsed, by `xml`). With `check_macros`,
        every part is also checked for macros whatever its name:
        a VBA project (by name, by its stream, or named by a content type, relationship type or ProgID),
        a package embedded in it that holds one, or an altChunk whose content is an OLE object.

        Parts an office's drafts share (styles, theme, settings: often hundreds of kilobytes) are
        unpacked once per process: a part whose stored bytes match one already verified is skipped.
        """
        ole_parts: set[str] = set()
        alt_chunks: set[str] = set()
        for info in self.zip.infolist():
            if info.is_dir():
                continue
            name = info.filename
            key = self._stored_key(info) if check_macros and info.file_size >= _REMEMBER_VERIFIED_ABOVE \
                else None
            if key is not None and key in _VERIFIED_PARTS:  # still counts towards the whole package's size
                self._read_total += info.file_size
                if self._read_total > self.limits.total_bytes:
                    raise self._bomb(f"the parts unpack to more than {self.limits.total_bytes // MB} MB")
                if _VERIFIED_PARTS[key]:
                    ole_parts.add(part_key(name))
                continue
            data = self.read(name)
            if _is_xml_name(name):
                text = self._checked_text(name)[1]
            else:  # searched for macros; refused for its encoding or a DOCTYPE only if it is parsed
                text = (xml_text(data)[0] or "").lower() if _looks_like_xml(data) else None
            is_ole = data.startswith(OLE_MAGIC)
            if is_ole:
                ole_parts.add(part_key(name))
            if check_macros:
                if (reason := self._macro_reason(name, data, text, 0)) is not None:
                    raise _macros_refused(self.path, reason)
                if text is not None and _ALT_CHUNK in text and name.lower().endswith(".rels"):
                    alt_chunks.update(self._alt_chunk_targets(name, data))
            if key is not None:
                if len(_VERIFIED_PARTS) >= _VERIFIED_PARTS_MAX:
                    _VERIFIED_PARTS.clear()
                _VERIFIED_PARTS[key] = is_ole
            if name != self.main_part:
                self._cache.pop(name, None)  # only checked, not kept
        if check_macros and (embedded := sorted(alt_chunks & ole_parts)):
            raise _macros_refused(self.path, f"an altChunk importing an embedded OLE object ({embedded[0]})")

    def _stored_key(self, info: zipfile.ZipInfo) -> tuple[bytes, int, int] | None:
        """SHA-256 of a member's stored bytes, its method and size; None if its header cannot be read."""
        handle = self.zip.fp
        if handle is None:
            return None
        try:
            handle.seek(info.header_offset)
            header = handle.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                return None
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            handle.seek(info.header_offset + 30 + name_length + extra_length)
            digest, remaining = hashlib.sha256(), info.compress_size
            while remaining > 0:
                chunk = handle.read(min(_CHUNK, remaining))
                if not chunk:
                    return None
                digest.update(chunk)
                remaining -= len(chunk)
        except (OSError, ValueError):
            return None
        return digest.digest(), info.compress_type, info.file_size

    def _macro_reason(self, name: str, data: bytes, text: str | None, depth: int) -> str | None:
        """What makes this part a macro carrier, in words, or None (`text`: an XML part's, in lower case)."""
        if posixpath.basename(name).lower().endswith(_MACRO_PART_NAMES):
            return f"a VBA macro project ({name})"
        if data.startswith(OLE_MAGIC) and _VBA_PROJECT_STREAM in data.lower():
            return f"a VBA macro project ({name})"
        if text is not None and any(word in text for word in _MACRO_WORDS) \
                and (match := _MACRO_ATTRIBUTE.search(text)) is not None:
            return f"a reference to macros in {name} ({match.group().split('=')[0].strip()} "\
                f"{match.group().rsplit('/', 1)[-1].rsplit('.', 1)[-1][:40]!r})"
        if data.startswith(b"PK") and depth < _EMBEDDED_DEPTH:
            return self._embedded_macros(name, data, depth + 1)
        return None

    def _embedded_macros(self, name: str, data: bytes, depth: int) -> str | None:
        """Why a zip package embedded as a part (an .xlsm or .docm, under any name) carries macros."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except DAMAGED_ZIP:
            return None  # not a zip: nothing inside to run
        inner = DocxPackage(self.path, archive, self.limits, _read_total=self._read_total)
        try:
            infos = archive.infolist()
            if len(infos) > self.limits.members:
                raise self._bomb(f"the embedded package {name} has {len(infos)} parts")
            for info in infos:
                if info.is_dir() or info.flag_bits & 0x1:
                    continue
                part = inner.read(info.filename)
                inner._cache.pop(info.filename, None)
                looks_xml = _is_xml_name(info.filename) or _looks_like_xml(part)
                text = (xml_text(part)[0] or "").lower() if looks_xml else None
                if (reason := inner._macro_reason(info.filename, part, text, depth)) is not None:
                    return f"{reason}, inside the embedded package {name}"
        finally:
            self._read_total = inner._read_total
            archive.close()
        return None

    def _alt_chunk_targets(self, rels_name: str, data: bytes) -> set[str]:
        """Part keys of the altChunk targets in one .rels part (already checked for a DOCTYPE)."""
        try:
            rels = parse_xml(data)
        except etree.XMLSyntaxError:
            return set()
        folder = posixpath.dirname(posixpath.dirname(rels_name))  # word/_rels/x.rels -> word
        targets = set()
        for rel in rels.iter():
            if not isinstance(rel.tag, str) or not rel.tag.endswith("Relationship"):
                continue
            target = rel.get("Target") or ""
            if (rel.get("Type") or "").lower().endswith(_ALT_CHUNK) and rel.get("TargetMode") != "External":
                joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                targets.add(part_key(joined))
        return targets

    def _bomb(self, detail: str) -> UnreadableInput:
        return _refuse(
            self.path,
            "docx-too-large",
            f"refused to unpack: {detail}",
            "a decision notice is normally well under 10 MB; compress pictures in Word, or "
            "check that the file is what it claims to be",
        )


def _target_name(folder: str, target: str) -> str | None:
    """The part a relationship's target names, from the source's folder; None if it leaves the package."""
    name = posixpath.normpath(
        posixpath.join(folder, target.lstrip("/")) if not target.startswith("/") else target.lstrip("/")
    )
    return None if name.startswith("../") or name == ".." else name


def _macros_refused(path: str, reason: str) -> UnreadableInput:
    return _refuse(
        path,
        "docx-macros",
        f"the document carries macros: {reason}; notice-builder does not open documents that carry macros",
        "in Word use File > Save As > Word Document (.docx), which drops the macros and embedded "
        "macro workbooks, and lint that copy",
    )


def open_docx(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, *, allow_macros: bool = False
) -> DocxPackage:
    """Open a .docx for reading, or raise UnreadableInput with one Finding saying why it cannot be."""
    name = str(path)
    file_path = Path(path)
    try:
        status = file_path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise _refuse(
                name,
                "not-a-file",
                "this is not a regular file (a device, pipe or folder); not read",
                "give the path of a Word .docx file",
            )
        size = status.st_size
        with file_path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise _refuse(
            name,
            "unreadable",
            f"cannot read the file: {exc.strerror or exc}",
            "check the path and that you may read it",
        ) from None
    if size > limits.file_bytes:
        raise _refuse(
            name,
            "docx-too-large",
            f"the file is larger than {limits.file_bytes // MB} MB",
            "compress the pictures in Word (File > Compress Pictures) or check it is the right file",
        )
    if head.startswith(OLE_MAGIC):
        code, message, hint = _describe_ole(file_path, limits.file_bytes)
        raise _refuse(name, code, message, hint)
    if not head.startswith(b"PK"):
        if not head:
            raise _refuse(name, "docx-not-zip", "the file is empty", "save the document again from Word")
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        for magic, what in _OTHER_FORMATS:
            if stripped.startswith(magic.lower()):
                raise _refuse(name, "docx-not-zip", f"this is {what}, not a Word .docx", _SAVE_AS_DOCX)
        raise _refuse(name, "docx-not-zip", "not a Word .docx file (it is not a zip package)", _SAVE_AS_DOCX)
    try:
        archive = zipfile.ZipFile(file_path)
    except DAMAGED_ZIP as exc:
        raise _damaged(name, exc) from None
    package = DocxPackage(name, archive, limits)
    try:
        _check_package(package, allow_macros)
    except BaseException:
        archive.close()
        raise
    return package


def _check_package(package: DocxPackage, allow_macros: bool) -> None:
    infos = package.zip.infolist()
    if len(infos) > package.limits.members:
        raise package._bomb(f"the package has {len(infos)} parts")
    names: dict[str, str] = {}
    for info in infos:
        key = part_key(info.filename)
        if info.is_dir():
            continue
        if (first := names.get(key)) is not None:
            same = "twice" if first == info.filename else f"twice ('{first}' and '{info.filename}')"
            raise _refuse(
                package.path,
                "docx-duplicate-part",
                f"the package holds the part '{first}' {same}; a reader could be shown either copy",
                "the file may have been tampered with; do not open it, ask the author for a "
                "fresh copy saved from Word",
            )
        names[key] = info.filename
    if any(i.flag_bits & 0x1 for i in infos):
        raise _refuse(
            package.path,
            "docx-encrypted",
            "the zip package is password-protected",
            "save an unprotected copy from Word",
        )
    types = package.xml("[Content_Types].xml")
    if types is None:
        raise _refuse(
            package.path,
            "docx-no-document",
            "this zip file is not a Word package (it has no [Content_Types].xml)",
            _SAVE_AS_DOCX,
        )
    content_types = " ".join(
        el.get("ContentType") or ""
        for el in types.iter(qn("ct:Override"), qn("ct:Default"))
    )
    macros = "macroenabled" in content_types.lower() or any(
        posixpath.basename(i.filename).lower().endswith(_MACRO_PART_NAMES) for i in infos
    )
    if macros and not allow_macros:
        raise _refuse(
            package.path,
            "docx-macros",
            "this is a macro-enabled Word document (.docm); "
            "notice-builder does not open documents that carry macros",
            "in Word use File > Save As > Word Document (.docx), which drops the macros, and lint that copy",
        )
    main = package.related_part("", OFFICE_DOCUMENT_TYPE.rsplit("/", 1)[1]) or "word/document.xml"
    if not package.has(main):
        raise _refuse(
            package.path,
            "docx-no-document",
            "this zip file is not a Word document (it has no word/document.xml)",
            "check the file: an Excel or PowerPoint file renamed to .docx looks like this",
        )
    package.main_part = main
    # Every part within the limits, no DOCTYPE in any part, read or not, and no macros under any name.
    package.verify_all_parts(check_macros=not allow_macros)
