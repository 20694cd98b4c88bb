"""Write .docx packages reproducibly: same members, same bytes (fixed timestamps and attributes)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# Word and LibreOffice ignore zip timestamps; fixing them is what makes builds byte-identical.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def reproducible_zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of (name, data) pairs with fixed timestamps and attributes, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
    return buffer.getvalue()


def normalise_docx(data: bytes) -> bytes:
    """Rewrite a saved .docx so that nothing in it depends on the clock or the machine."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return reproducible_zip(members)
