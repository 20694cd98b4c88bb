"""Where a decision's documents go, and how they get there: named once, staged, then published.

Output file names are decided here and nowhere else. Documents are written to hidden temporary
files beside their targets (`stage_documents`) and put in place all or none (`publish_documents`),
so an error or Ctrl-C never leaves half a decision or a temporary file behind. A process killed
outright cannot clean up: `remove_stale_staging` removes what it left, at the start of the next run.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from notice_builder.docx.atomic_files import publish_staged, remove_stale_staging, stage_file
from notice_builder.load import DecisionSource
from notice_builder.model.decision_text import short_title

TITLE_STEM_LENGTH = 80  # a title's slug is cut to this many characters, at a word, plus a hash


def title_slug(title: str, limit: int = TITLE_STEM_LENGTH) -> str:
    """`technology-task-force-innovation-and-integration-partner`: lower-case ASCII words and hyphens.

    Accented letters lose their accents; anything else that is not a letter or digit separates words.
    A slug longer than `limit` is cut at a word and ends with 8 hex digits of the whole title's hash,
    so two long titles that differ only after the cut never share a name.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(title.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    cut = slug[:limit - len(digest) - 1]
    if "-" in cut and slug[len(cut)] != "-":
        cut = cut.rsplit("-", 1)[0]
    return f"{cut.strip('-')}-{digest}"


def output_stem(source: DecisionSource) -> str:
    """The name a decision's documents start with.

    `WMPCC-005-2013` from the reference; a draft without one (a starter file, say) is named from its
    short title, `technology-task-force-innovation-and-integration-partner`; one with no title either
    after its input file.
    """
    data = source.data if isinstance(source.data, dict) else {}
    reference = data.get("reference")
    if isinstance(reference, str):
        stem = re.sub(r"[^A-Za-z0-9]+", "-", reference).strip("-")
        if stem:
            return stem
    slug = title_slug(short_title(data))
    return slug or Path(source.path).stem


def document_path(out_dir: str | Path, stem: str, kind: str, suffix: str = ".docx") -> Path:
    """Where a decision's document of `kind` goes: `OUT/WMPCC-005-2013-notice.docx` (or `.pdf`)."""
    return Path(out_dir) / f"{stem}-{kind}{suffix}"


@dataclass(frozen=True)
class StagedDocument:
    """A rendered document waiting in a hidden temporary file beside its target."""

    kind: str
    path: Path
    temporary: Path
    sha256: str
    size: int


def stage_document(kind: str, path: Path, data: bytes, *, tag: str = "",
                   durable: bool = True) -> StagedDocument:
    """Write one document to a temporary file beside `path`, noting its size and sha256."""
    temporary = stage_file(path, data, tag=tag, durable=durable)
    return StagedDocument(kind, path, temporary, hashlib.sha256(data).hexdigest(), len(data))


def stage_documents(run, out_dir: str | Path, *, tag: str = "",
                    durable: bool = True) -> list[StagedDocument]:
    """Write each rendered document of `run` to a temporary file beside its target; all or none.

    `tag` (from `staging_tag`) goes into the temporary names, so a batch can find its own leftovers
    (its worker processes stage with the batch's tag); without `durable` the caller syncs the files to
    disk itself before publishing them.
    """
    staged: list[StagedDocument] = []
    try:
        for kind, data in run.documents.items():
            target = document_path(out_dir, run.stem, kind)
            staged.append(stage_document(kind, target, data, tag=tag, durable=durable))
    except BaseException:
        discard(staged)
        raise
    return staged


def publish_documents(staged: Iterable[StagedDocument], *, force: bool = False) -> list[Path]:
    """Put staged documents in place, all or none: on a failure, the ones already placed are removed.

    Without `force` an existing file is never replaced (and so never lost); with it, a replaced file
    cannot come back, so nothing already placed is removed.
    """
    staged = list(staged)
    placed: list[Path] = []
    try:
        for document in staged:
            publish_staged(document.temporary, document.path, force=force)
            placed.append(document.path)
    except BaseException:
        if not force:
            for path in placed:
                path.unlink(missing_ok=True)
        discard(staged)
        raise
    return placed


def clear_stale_staging(out_dir: str | Path) -> int:
    """Remove the staging files that killed runs left in `out_dir` (never a running one's)."""
    return remove_stale_staging(out_dir)


def discard(staged: Iterable[StagedDocument]) -> None:
    """Remove staged documents that will not be published."""
    for document in staged:
        document.temporary.unlink(missing_ok=True)
