"""Zip members kept compressed, so a package can reuse a template's unchanged parts without recompressing.

`zipfile` can only write members it compresses itself. A template's styles, theme and settings are the
same in every output, so they are read once, kept as their stored (compressed) bytes, and written back
raw with a local header and central directory entry built here. Every member gets the same fixed
timestamp and attributes as `package_writer.reproducible_zip`, so the same members give the same bytes.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from notice_builder.docx.package_writer import ZIP_EPOCH

_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OF_DIRECTORY = struct.Struct("<IHHHHIIH")
_LOCAL_SIGNATURE, _CENTRAL_SIGNATURE, _END_SIGNATURE = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: deflate; made on MS-DOS (0) like reproducible_zip, so no Unix permissions
_UTF8_NAME = 0x800
_FILE_ATTRIBUTES = 0o600 << 16  # what zipfile gives a member whose attributes are left at 0
_DOS_TIME = 0
_DOS_DATE = ((ZIP_EPOCH[0] - 1980) << 9) | (ZIP_EPOCH[1] << 5) | ZIP_EPOCH[2]
_LIMIT = 0xFFFFFFFF


@dataclass(frozen=True)
class ZipMember:
    """One member of a zip archive as stored: name, method, CRC, sizes and the compressed bytes."""

    name: str
    method: int
    crc: int
    size: int
    stored: bytes

    @classmethod
    def deflate(cls, name: str, content: bytes, level: int = zlib.Z_DEFAULT_COMPRESSION) -> ZipMember:
        """Compress `content` as zipfile does (raw deflate, by default at zlib's default level)."""
        stored = zlib.compress(content, level, wbits=-15)
        return cls(name, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content), stored)


def read_members(path: str | Path) -> list[ZipMember]:
    """Every member of the archive at `path`, in order, with its bytes still compressed."""
    members = []
    with open(path, "rb") as stream, zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if info.flag_bits & 0x1:
                raise ValueError(f"{path}: {info.filename} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                members.append(ZipMember.deflate(info.filename, archive.read(info)))
                continue
            stream.seek(info.header_offset)
            header = _LOCAL_HEADER.unpack(stream.read(_LOCAL_HEADER.size))
            if header[0] != _LOCAL_SIGNATURE:
                raise ValueError(f"{path}: bad local header for {info.filename}")
            name_length, extra_length = header[9], header[10]
            stream.seek(name_length + extra_length, 1)
            stored = stream.read(info.compress_size)
            members.append(ZipMember(info.filename, info.compress_type, info.CRC, info.file_size, stored))
    return members


def write_zip(members: Iterable[ZipMember]) -> bytes:
    """A zip archive of `members`, written as stored, with fixed timestamps and attributes."""
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if member.name.isascii() else _UTF8_NAME
        if max(offset, member.size, len(member.stored)) >= _LIMIT:
            raise ValueError("the package is too large for a zip without ZIP64")
        fields = (member.method, _DOS_TIME, _DOS_DATE, member.crc, len(member.stored), member.size,
                  len(name))
        local = _LOCAL_HEADER.pack(_LOCAL_SIGNATURE, _VERSION, flags, *fields, 0)
        directory.append(_CENTRAL_HEADER.pack(_CENTRAL_SIGNATURE, _VERSION, _VERSION, flags, *fields,
                                              0, 0, 0, 0, _FILE_ATTRIBUTES, offset) + name)
        chunks += (local, name, member.stored)
        offset += len(local) + len(name) + len(member.stored)
    central = b"".join(directory)
    end = _END_OF_DIRECTORY.pack(_END_SIGNATURE, 0, 0, len(directory), len(directory), len(central),
                                 offset, 0)
    return b"".join(chunks) + central + end
