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

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from notice_builder.docx.namespaces import OFFICE_DOCUMENT_TYPE, qn
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
# (CRC, size, is XML) of large parts already read within the limits and found free of a DOCTYPE.
_VERIFIED_PARTS: set[tuple[int, int, bool]] = set()
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


_DOCTYPE = re.compile(rb"<!doctype", re.IGNORECASE)


def _has_doctype(data: bytes) -> bool:
    """True if an XML part declares a DOCTYPE (the door to entity expansion and external files)."""
    if _DOCTYPE.search(data.replace(b"\x00", b"")):  # also UTF-16 or UTF-32 without a byte-order mark
        return True
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return True  # undecodable UTF-16 lookalike: refuse rather than guess
        return "<!doctype" in text.lower()
    return _DOCTYPE.search(data) is not None


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
        """The bytes of an XML part, refused if it declares a DOCTYPE."""
        data = self.read(name)
        if _has_doctype(data):
            raise _refuse(
                self.path,
                "docx-unsafe-xml",
                f"the part {name} declares a DOCTYPE, which Word never writes",
                "the file may have been tampered with; do not open it, ask the author for a "
                "fresh copy saved from Word",
            )
        return data

    def invalid_xml(self, name: str, exc: Exception) -> UnreadableInput:
        return _refuse(
            self.path,
            "docx-invalid-xml",
            f"the part {name} is not well-formed XML ({exc})",
            "open it in Word, which can often repair it, and save it again",
        )

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed as XML without DTDs, entities or network access; None if it is absent."""
        if not self.has(name):
            return None
        try:
            return parse_xml(self.checked(name))
        except etree.XMLSyntaxError as exc:
            raise self.invalid_xml(name, exc) from None

    def related_part(self, source: str, relationship_type_suffix: str) -> str | None:
        """The package name of the part `source` points to by a relationship of that type, if any."""
        folder = posixpath.dirname(source)
        for rel_type, target in self._relationships(source):
            if rel_type.endswith(relationship_type_suffix):
                name = posixpath.normpath(
                    posixpath.join(folder, target.lstrip("/"))
                    if not target.startswith("/")
                    else target.lstrip("/")
                )
                if name.startswith("../") or name == "..":
                    return None
                return name if self.has(name) else None
        return None

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

    def verify_all_parts(self) -> None:
        """Read every part within the limits and check every XML part, so a tampered file is refused.

        Parts an office's drafts share (styles, theme, settings: often hundreds of kilobytes) are
        unpacked once per process: a part whose CRC and size match one already verified is skipped.
        """
        for info in self.zip.infolist():
            key = (info.CRC, info.file_size, info.filename.endswith((".xml", ".rels")))
            if info.is_dir():
                continue
            if key in _VERIFIED_PARTS:  # still counts towards what the whole package unpacks to
                self._read_total += info.file_size
                if self._read_total > self.limits.total_bytes:
                    raise self._bomb(f"the parts unpack to more than {self.limits.total_bytes // MB} MB")
                continue
            if key[2]:
                self.checked(info.filename)
            else:
                self.read(info.filename)
            if info.file_size >= _REMEMBER_VERIFIED_ABOVE:
                if len(_VERIFIED_PARTS) >= _VERIFIED_PARTS_MAX:
                    _VERIFIED_PARTS.clear()
                _VERIFIED_PARTS.add(key)
            if info.filename != self.main_part:
                self._cache.pop(info.filename, None)  # only checked, not kept

    def _bomb(self, detail: str) -> UnreadableInput:
        return _refuse(
            self.path,
            "docx-too-large",
            f"refused to unpack: {detail}",
            "a decision notice is normally well under 10 MB; compress pictures in Word, or "
            "check that the file is what it claims to be",
        )


def open_docx(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, *, allow_macros: bool = False
) -> DocxPackage:
    """Open a .docx for reading, or raise UnreadableInput with one Finding saying why it cannot be."""
    name = str(path)
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
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
    macros = "macroEnabled" in content_types or any(
        i.filename.lower().endswith("vbaproject.bin") for i in infos
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
    package.verify_all_parts()  # every part within the limits, and no DOCTYPE in any part, read or not
