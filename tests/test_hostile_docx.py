"""Hostile .docx files given to `notice lint`: exit 2, one line naming the file and the problem, bounded
time and memory, and nothing read from outside the file.

Each case is built in tmp_path and linted in a child process with a 512 MB address-space limit and a
hang guard, so a zip bomb or an entity expansion that got through would fail the test, not the machine.
"""

from __future__ import annotations

import io
import os
import resource
import struct
import subprocess
import sys
import uuid
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from notice_builder.docx.package_reader import OLE_MAGIC, Limits, open_docx
from notice_builder.load import load_decision_file
from notice_builder.model.findings import UnreadableInput
from notice_builder.pipeline import render_documents
from tests.conftest import SHORT_EXAMPLE

MB = 1024 * 1024
MEMORY_LIMIT = 512 * MB
HANG_GUARD_SECONDS = 120  # a guard against hangs, not a speed test
NOTICE = str(Path(sys.executable).with_name("notice"))
CANARY = f"canary-{uuid.uuid4().hex}"
DOCTYPE_ETC_PASSWD = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def lint(path: Path) -> Outcome:
    """`notice lint PATH` in a child process with bounded memory and a hang guard."""
    done = subprocess.run([NOTICE, "lint", str(path)], capture_output=True, text=True,
                          timeout=HANG_GUARD_SECONDS, preexec_fn=_limit_memory, cwd=path.parent)
    return Outcome(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def good_docx() -> bytes:
    return render_documents(load_decision_file(SHORT_EXAMPLE))["notice"]


def repack(source: bytes, path: Path, *, replace: dict[str, bytes] | None = None,
           drop: tuple[str, ...] = (), add: dict[str, bytes] | None = None) -> Path:
    """A copy of the package `source` with members replaced, dropped or added."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(io.BytesIO(source)) as original, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            if info.filename not in drop:
                out.writestr(info.filename, replace.get(info.filename, original.read(info)))
        for name, data in add.items():
            out.writestr(name, data)
    return path


def assert_refused(outcome: Outcome, path: Path, code: str) -> None:
    """Exit 2 and exactly one error line, which names the file and the problem; no traceback."""
    assert outcome.code == 2, outcome
    errors = [line for line in (outcome.stdout + outcome.stderr).splitlines() if str(path) in line]
    assert len(errors) == 1, outcome  # besides the summary, "1 error in 1 file"
    assert errors[0].startswith(f"{path}: {code} "), errors[0]
    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert "root:" not in outcome.stderr + outcome.stdout


def _bomb(path: Path, name: str, megabytes: int, base: bytes) -> Path:
    """A package whose `name` part is `megabytes` of zeros, written without holding them in memory."""
    with zipfile.ZipFile(io.BytesIO(base)) as original, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            if info.filename != name:
                out.writestr(info.filename, original.read(info))
        with out.open(name, "w") as member:
            member.write(b'<w:document ' + W + b'><w:body><w:p><w:r><w:t>')
            zeros = b"0" * MB
            for _ in range(megabytes):
                member.write(zeros)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def _ole(path: Path, *streams: str) -> Path:
    """A compound (OLE) file: its magic number and a directory naming `streams` in UTF-16."""
    directory = b"".join(s.encode("utf-16-le").ljust(128, b"\0") for s in ("Root Entry", *streams))
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 4096)
    return path


# -- not a Word package ------------------------------------------------------------------------
@pytest.mark.parametrize("content,code", [
    (b"Dear officer, please find attached.", "docx-not-zip"),
    (b"", "docx-not-zip"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "docx-not-zip"),
    (b"{\\rtf1\\ansi Notice}", "docx-not-zip"),
], ids=["text", "empty", "pdf", "rtf"])
def test_a_file_that_is_not_a_zip_is_refused(tmp_path, content, code):
    path = tmp_path / "notice.docx"
    path.write_bytes(content)
    assert_refused(lint(path), path, code)


def test_a_truncated_zip_is_refused(tmp_path, good_docx):
    path = tmp_path / "truncated.docx"
    path.write_bytes(good_docx[: len(good_docx) // 2])
    assert_refused(lint(path), path, "docx-damaged")


def _member_data_offset(package: bytes, name: str) -> int:
    """Where the compressed bytes of member `name` start in `package`."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", package, info.header_offset + 26)
    return info.header_offset + 30 + name_length + extra_length


def test_a_corrupt_deflate_stream_is_refused(tmp_path, good_docx):
    data = bytearray(good_docx)
    start = _member_data_offset(good_docx, "word/document.xml")
    data[start] = 0xFF  # deflate block type 3 does not exist: zlib fails, before any CRC check
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    assert_refused(lint(path), path, "docx-damaged")


def test_a_zip_needing_an_unknown_zip_version_is_refused(tmp_path, good_docx):
    data = bytearray(good_docx)
    directory = data.rfind(b"PK\x01\x02")  # the last central directory entry
    data[directory + 6:directory + 8] = (255).to_bytes(2, "little")  # "version needed to extract": 25.5
    path = tmp_path / "future.docx"
    path.write_bytes(bytes(data))
    assert_refused(lint(path), path, "docx-damaged")


def test_a_zip_with_no_document_part_is_refused(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "empty.docx", drop=("word/document.xml",))
    assert_refused(lint(path), path, "docx-no-document")


def test_a_zip_that_is_not_a_word_package_is_refused(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8\xff")
    assert_refused(lint(path), path, "docx-no-document")


def test_malformed_xml_is_refused(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "broken.docx", replace={"word/document.xml": b"<w:document><w:body>"})
    assert_refused(lint(path), path, "docx-invalid-xml")


# -- zip bombs ---------------------------------------------------------------------------------
def test_a_zip_bomb_of_200_megabytes_is_refused_without_unpacking_it(tmp_path, good_docx):
    path = _bomb(tmp_path / "bomb.docx", "word/document.xml", 200, good_docx)
    assert path.stat().st_size < 2 * MB
    assert_refused(lint(path), path, "docx-too-large")


def test_a_highly_compressed_part_under_the_size_cap_is_refused_by_ratio(tmp_path, good_docx):
    path = _bomb(tmp_path / "ratio.docx", "word/styles.xml", 20, good_docx)
    assert_refused(lint(path), path, "docx-too-large")


def test_a_part_that_lies_about_its_size_is_stopped_while_unpacking(tmp_path, good_docx):
    path = _bomb(tmp_path / "liar.docx", "word/document.xml", 200, good_docx)
    data = bytearray(path.read_bytes())
    # Rewrite the declared uncompressed size (local header and central directory) to 1 KB.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    size = info.file_size.to_bytes(4, "little")
    assert data.count(size) >= 2
    data[:] = data.replace(size, (1024).to_bytes(4, "little"))
    path.write_bytes(bytes(data))
    outcome = lint(path)
    assert outcome.code == 2 and outcome.stdout.startswith(f"{path}: "), outcome
    assert any(code in outcome.stdout for code in ("docx-too-large", "docx-damaged"))


def test_a_package_with_too_many_parts_is_refused(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "many.docx", add={f"word/media/x{i}.bin": b"" for i in range(10_001)})
    assert_refused(lint(path), path, "docx-too-large")


def test_total_unpacked_size_is_capped_across_parts(tmp_path, good_docx):
    noise = os.urandom(3 * MB)
    path = repack(good_docx, tmp_path / "total.docx", add={f"word/media/p{i}.bin": noise for i in range(4)})
    with pytest.raises(UnreadableInput) as caught, open_docx(path, Limits(total_bytes=8 * MB)) as package:
        package.verify_all_parts()
    assert caught.value.findings[0].code == "docx-too-large"


# -- XML attacks -------------------------------------------------------------------------------
def _document_with_doctype(doctype: bytes, body: bytes = b"&x;") -> bytes:
    paragraph = b"<w:p><w:r><w:t>" + body + b"</w:t></w:r></w:p>"
    return doctype + b"<w:document " + W + b"><w:body>" + paragraph + b"</w:body></w:document>"


BILLION_LAUGHS = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
    for i in range(1, 10)) + b"]>"


@pytest.mark.parametrize("part", ["word/document.xml", "[Content_Types].xml", "word/styles.xml",
                                  "word/header1.xml", "docProps/core.xml", "word/_rels/document.xml.rels"])
def test_external_entities_are_never_resolved_in_any_part(tmp_path, good_docx, part):
    hostile = _document_with_doctype(DOCTYPE_ETC_PASSWD)
    path = repack(good_docx, tmp_path / "xxe.docx", replace={part: hostile})
    assert_refused(lint(path), path, "docx-unsafe-xml")


def test_an_entity_pointing_at_a_local_file_never_reads_it(tmp_path, good_docx):
    secret = tmp_path / "secret.txt"
    secret.write_text(CANARY)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it to read would block: the hang guard would catch any attempt
    doctype = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a SYSTEM "file://%s"><!ENTITY b SYSTEM "%s">'
               b'<!ENTITY %% c SYSTEM "file://%s"> %%c;]>') % (bytes(secret), bytes(fifo), bytes(fifo))
    path = repack(good_docx, tmp_path / "xxe.docx",
                  replace={"word/document.xml": _document_with_doctype(doctype, b"&a;&b;")})
    outcome = lint(path)
    assert_refused(outcome, path, "docx-unsafe-xml")
    assert CANARY not in outcome.stdout + outcome.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_doctype_hidden_in_utf16_is_found(tmp_path, good_docx, encoding):
    text = _document_with_doctype(BILLION_LAUGHS, b"&lol9;").decode("ascii")
    text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding.upper()}"?>')
    path = repack(good_docx, tmp_path / "utf16.docx", replace={"word/document.xml": text.encode(encoding)})
    assert_refused(lint(path), path, "docx-unsafe-xml")


def test_billion_laughs_is_refused_without_expanding(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "lol.docx",
                  replace={"word/document.xml": _document_with_doctype(BILLION_LAUGHS, b"&lol9;")})
    outcome = lint(path)
    assert_refused(outcome, path, "docx-unsafe-xml")
    assert "lollol" not in outcome.stdout + outcome.stderr


def test_xml_nested_a_hundred_thousand_deep_is_refused_or_read_never_a_crash(tmp_path, good_docx):
    deep = b'<w:document ' + W + b'><w:body>' + b"<w:sdt><w:sdtContent>" * 100_000 + b"<w:p/>" + \
        b"</w:sdtContent></w:sdt>" * 100_000 + b"</w:body></w:document>"
    path = repack(good_docx, tmp_path / "deep.docx", replace={"word/document.xml": deep})
    outcome = lint(path)
    assert outcome.code in (0, 1, 2) and "Traceback" not in outcome.stderr, outcome
    if outcome.code == 2:  # too deep for the XML parser, or too compressible to be a real document
        code = "docx-invalid-xml" if "docx-invalid-xml" in outcome.stdout else "docx-too-large"
        assert_refused(outcome, path, code)


def test_relationships_pointing_outside_the_package_are_never_followed(tmp_path, good_docx):
    secret = tmp_path / "secret.xml"
    secret.write_text(f"<w:styles {W.decode()}><w:style w:styleId='{CANARY}'/></w:styles>")
    rels = zipfile.ZipFile(io.BytesIO(good_docx)).read("word/_rels/document.xml.rels").decode()
    for target, mode in (("../../../../../../etc/passwd", ""), (str(secret), ""),
                         (f"file://{secret}", ' TargetMode="External"')):
        rels = rels.replace("</Relationships>", f'<Relationship Id="rIdX{len(rels)}" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/styles" '
                            f'Target="{target}"{mode}/></Relationships>')
    path = repack(good_docx, tmp_path / "rels.docx", replace={"word/_rels/document.xml.rels": rels.encode()},
                  drop=("word/styles.xml",))
    outcome = lint(path)
    assert outcome.code in (0, 1, 2) and "Traceback" not in outcome.stderr, outcome
    assert CANARY not in outcome.stdout + outcome.stderr and "root:" not in outcome.stdout


# -- macros, encryption, old formats -----------------------------------------------------------
def test_a_macro_enabled_document_is_refused(tmp_path, good_docx):
    types = zipfile.ZipFile(io.BytesIO(good_docx)).read("[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    path = repack(good_docx, tmp_path / "macros.docm", replace={"[Content_Types].xml": types},
                  add={"word/vbaProject.bin": OLE_MAGIC + b"Attribute VB_Name"})
    assert_refused(lint(path), path, "docx-macros")


def test_a_macro_project_renamed_to_docx_is_refused(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "sneaky.docx", add={"word/vbaProject.bin": OLE_MAGIC})
    assert_refused(lint(path), path, "docx-macros")


def test_a_password_protected_document_is_refused(tmp_path):
    path = _ole(tmp_path / "protected.docx", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")
    assert_refused(lint(path), path, "docx-encrypted")


def test_a_word_97_document_is_refused_with_how_to_convert_it(tmp_path):
    path = _ole(tmp_path / "old.doc", "WordDocument", "1Table", "\x05SummaryInformation")
    outcome = lint(path)
    assert_refused(outcome, path, "docx-legacy-doc")
    assert "Save As" in outcome.stdout


def test_a_zip_with_encrypted_members_is_refused(tmp_path, good_docx):
    path = repack(good_docx, tmp_path / "zipcrypto.docx")
    data = bytearray(path.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + flag_offset] |= 0x1
            start += 4
    path.write_bytes(bytes(data))
    assert_refused(lint(path), path, "docx-encrypted")


# -- a DOCTYPE in any encoding, duplicate part names, a forged CRC -------------------------------
def _utf7_hiding_markup(text: str) -> bytes:
    """UTF-7 with every '<' after the declaration written as '+ADw-', so no '<!DOCTYPE' byte string."""
    declaration, rest = text.split("?>", 1)
    return (declaration + "?>").encode("ascii") + rest.encode("utf-7").replace(b"<", b"+ADw-")


_ENCODED = {
    "utf-16 with a byte-order mark": ("UTF-16", lambda t: t.encode("utf-16")),
    "utf-16-le without one": ("UTF-16", lambda t: t.encode("utf-16-le")),
    "utf-16-be without one": ("UTF-16BE", lambda t: t.encode("utf-16-be")),
    "utf-32 with a byte-order mark": ("UTF-32", lambda t: t.encode("utf-32")),
    "utf-32-be without one": ("UTF-32BE", lambda t: t.encode("utf-32-be")),
    "utf-7": ("UTF-7", _utf7_hiding_markup),
    "ebcdic (IBM037)": ("IBM037", lambda t: t.encode("cp037")),
    "ebcdic (IBM500)": ("IBM500", lambda t: t.encode("cp500")),
    "latin-1": ("ISO-8859-1", lambda t: t.encode("latin-1")),
    "utf-8 with a byte-order mark, declared utf-16": ("UTF-16", lambda t: t.encode("utf-8-sig")),
    "utf-16 with a byte-order mark, declared utf-8": ("UTF-8", lambda t: t.encode("utf-16")),
}


@pytest.mark.parametrize("part", ["word/document.xml", "customXml/item1.xml"])
@pytest.mark.parametrize("encoding", sorted(_ENCODED))
def test_a_doctype_is_refused_in_every_encoding(tmp_path, good_docx, encoding, part):
    declared, encode = _ENCODED[encoding]
    text = _document_with_doctype(BILLION_LAUGHS, b"&lol9;").decode("ascii").replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{declared}"?>')
    path = repack(good_docx, tmp_path / "encoded.docx", replace={part: encode(text)},
                  add={} if part == "word/document.xml" else {part: encode(text)})
    outcome = lint(path)
    assert_refused(outcome, path, "docx-unsafe-xml")
    assert "lollol" not in outcome.stdout + outcome.stderr


def _forge_crc(data: bytes, target: int) -> bytes:
    """Four bytes that, appended to `data`, make its CRC-32 `target` (CRC-32 is affine over GF(2))."""
    base = zlib.crc32(data + bytes(4))
    basis: dict[int, tuple[int, int]] = {}  # highest set bit -> (effect on the CRC, input bits)
    for i in range(32):
        value, combination = zlib.crc32(data + (1 << i).to_bytes(4, "little")) ^ base, 1 << i
        for bit in reversed(range(32)):
            if value >> bit & 1:
                if bit not in basis:
                    basis[bit] = (value, combination)
                    break
                value, combination = value ^ basis[bit][0], combination ^ basis[bit][1]
    want, combination = target ^ base, 0
    for bit in reversed(range(32)):
        if want >> bit & 1:
            want, combination = want ^ basis[bit][0], combination ^ basis[bit][1]
    return combination.to_bytes(4, "little")


def test_a_part_forged_to_the_crc_and_size_of_a_verified_part_is_still_checked(tmp_path, good_docx):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx)
    open_docx(good).close()  # its large parts are verified and remembered for this process
    styles = zipfile.ZipFile(io.BytesIO(good_docx)).read("word/styles.xml")
    hostile = _document_with_doctype(BILLION_LAUGHS, b"&lol9;")
    hostile += b" " * (len(styles) - 4 - len(hostile))
    hostile += _forge_crc(hostile, zlib.crc32(styles))
    assert (zlib.crc32(hostile), len(hostile)) == (zlib.crc32(styles), len(styles))
    path = repack(good_docx, tmp_path / "forged.docx", add={"customXml/item1.xml": hostile})
    with pytest.raises(UnreadableInput) as refused:
        open_docx(path).close()
    assert refused.value.findings[0].code == "docx-unsafe-xml"


@pytest.mark.parametrize("second", ["word/document.xml", "Word/Document.XML", "word\\document.xml",
                                    "/word/document.xml", "[Content_Types].xml", "word/./document.xml"])
def test_duplicate_part_names_are_refused(tmp_path, good_docx, second):
    path = repack(good_docx, tmp_path / "duplicate.docx")
    other = _document_with_doctype(b"", b"the copy the linter would not read")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns "Duplicate name"
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr(second, other)
    assert_refused(lint(path), path, "docx-duplicate-part")


# -- macros under any name, found by content, content type and relationship type ----------------
def _ole_bytes(*streams: str) -> bytes:
    directory = b"".join(s.encode("utf-16-le").ljust(128, b"\0") for s in ("Root Entry", *streams))
    return OLE_MAGIC + b"\0" * 504 + directory + b"\0" * 1024


def _zip_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


VBA_PROJECT = _ole_bytes("VBA", "_VBA_PROJECT", "dir", "Module1", "PROJECT", "PROJECTwm")
WORKBOOK_97 = _ole_bytes("Workbook", "\x05SummaryInformation")
_CT = b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
_XLSX_TYPES = _CT + (b'<Default Extension="xml" ContentType="application/xml"/>'
                     b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
XLSX = _zip_bytes({"[Content_Types].xml": _XLSX_TYPES, "xl/workbook.xml": b"<workbook/>"})
XLSM = _zip_bytes({
    "[Content_Types].xml": _CT + b'<Override PartName="/xl/vbaProject.bin" '
                                 b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    "xl/workbook.xml": b"<workbook/>", "xl/vbaProject.bin": VBA_PROJECT})
XLSM_RENAMED = _zip_bytes({"[Content_Types].xml": _XLSX_TYPES, "xl/workbook.xml": b"<workbook/>",
                           "xl/printerSettings9.dat": VBA_PROJECT})
DOCM = _zip_bytes({"[Content_Types].xml": _CT + b'<Default Extension="xml" ContentType="application/vnd.'
                                                b'ms-word.document.macroEnabled.main+xml"/></Types>',
                   "word/document.xml": b"<w:document " + W + b"/>", "word/VBAProject.BIN": VBA_PROJECT})
OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OLE_OBJECT = ('<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" '
               'ProgID="{prog_id}" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1" r:id="rIdObj"/>'
               '</w:object></w:r>')


def _with(source: bytes, *, types: str = "", rels: str = "", body: str = "") -> dict[str, bytes]:
    """Replacements adding an Override to the content types, a relationship and body XML."""
    package = zipfile.ZipFile(io.BytesIO(source))
    document = package.read("word/document.xml").decode()
    if body and 'w:p' in document:
        document = document.replace("<w:body>", "<w:body><w:p>" + body + "</w:p>", 1) \
            if body.startswith("<w:r") else document.replace("<w:body>", "<w:body>" + body, 1)
    return {
        "[Content_Types].xml": package.read("[Content_Types].xml").decode().replace(
            "</Types>", types + "</Types>").encode(),
        "word/_rels/document.xml.rels": package.read("word/_rels/document.xml.rels").decode().replace(
            "</Relationships>", rels + "</Relationships>").encode(),
        "word/document.xml": document.encode(),
    }


def _relationship(kind: str, target: str, rel_id: str = "rIdX") -> str:
    return f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"/>'


MACRO_CARRIERS = {
    "a VBA project under another name": lambda d: ({}, {"word/settings2.dat": VBA_PROJECT}),
    "a VBA project in mixed case": lambda d: ({}, {"word/VbaProject.Bin": b"\0" * 64}),
    "Word's VBA data part in mixed case": lambda d: ({}, {"word/VBAdata.XML": b"<wne:vbaSuppData/>"}),
    "a part typed as a VBA project": lambda d: (_with(d, types='<Override PartName="/word/custom.bin" '
                                                     'ContentType="application/vnd.ms-office.vbaProject"/>'),
                                                {"word/custom.bin": b"\0" * 64}),
    "a macro-enabled content type in capitals": lambda d: (
        _with(d, types='<Override PartName="/word/x.xml" ContentType="application/vnd.ms-word.'
                       'document.MACROENABLED.main+xml"/>'), {"word/x.xml": b"<x/>"}),
    "a vbaProject relationship": lambda d: (
        _with(d, rels=_relationship("http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                                    "custom.bin")), {"word/custom.bin": b"\0" * 64}),
    "an embedded .xlsm named .bin": lambda d: ({}, {"word/embeddings/oleObject1.bin": XLSM}),
    "an embedded workbook with a renamed VBA project": lambda d: (
        {}, {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": XLSM_RENAMED}),
    "an OLE object whose ProgID is a macro workbook": lambda d: (
        _with(d, rels=_relationship(f"{OFFICE_RELATIONSHIPS}/oleObject", "embeddings/oleObject1.bin",
                                    "rIdObj"), body=_OLE_OBJECT.format(prog_id="Excel.SheetMacroEnabled.12")),
        {"word/embeddings/oleObject1.bin": WORKBOOK_97}),
    "an altChunk importing an OLE file": lambda d: (
        _with(d, rels=_relationship(f"{OFFICE_RELATIONSHIPS}/aFChunk", "chunk.dat", "rIdAlt"),
              body='<w:altChunk r:id="rIdAlt"/>'),
        {"word/chunk.dat": _ole_bytes("WordDocument", "1Table")}),
    "an altChunk importing a .docm": lambda d: (
        _with(d, rels=_relationship(f"{OFFICE_RELATIONSHIPS}/aFChunk", "afchunk.docx", "rIdAlt"),
              body='<w:altChunk r:id="rIdAlt"/>'),
        {"word/afchunk.docx": DOCM}),
}


@pytest.mark.parametrize("carrier", sorted(MACRO_CARRIERS))
def test_macros_are_refused_whatever_their_name_or_case(tmp_path, good_docx, carrier):
    replace, add = MACRO_CARRIERS[carrier](good_docx)
    path = repack(good_docx, tmp_path / "carrier.docx", replace=replace, add=add)
    assert_refused(lint(path), path, "docx-macros")


@pytest.mark.parametrize("embedded", ["xlsx", "ole workbook"])
def test_embedded_objects_without_macros_are_read(tmp_path, good_docx, embedded):
    data, prog_id = (XLSX, "Excel.Sheet.12") if embedded == "xlsx" else (WORKBOOK_97, "Excel.Sheet.8")
    replace = _with(good_docx, rels=_relationship(f"{OFFICE_RELATIONSHIPS}/oleObject",
                                                  "embeddings/oleObject1.bin", "rIdObj"),
                    body=_OLE_OBJECT.format(prog_id=prog_id))
    path = repack(good_docx, tmp_path / "embedded.docx", replace=replace,
                  add={"word/embeddings/oleObject1.bin": data})
    outcome = lint(path)
    assert outcome.code in (0, 1), outcome
