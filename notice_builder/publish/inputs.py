"""Turn the files, folders and globs given on the command line into a sorted list of decision files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from notice_builder.load.folder_walk import expand_glob, files_below, is_glob
from notice_builder.model.findings import Finding

# A meeting folder holds its meeting file beside the decisions; it is not a decision.
NOT_DECISIONS = frozenset({"meeting.json", "manifest.json"})


@dataclass
class DecisionInputs:
    """The decision files found, in a fixed order, and a finding for each input that matched none."""

    files: list[Path] = field(default_factory=list)
    unmatched: list[Finding] = field(default_factory=list)


def _is_decision_file(path: Path, exclude: Path | None) -> bool:
    if path.suffix != ".json" or path.name in NOT_DECISIONS or not path.is_file():
        return False
    if any(part.startswith(".") for part in path.parts if part not in (".", "..")):
        return False
    return exclude is None or not path.resolve().is_relative_to(exclude)


def _matches(pattern: str) -> list[Path]:
    """Every file under a folder, or matched by a glob (folders it matches are searched too).

    Symlinked folders are never followed, so a symlink loop below a folder or a glob ends at once.
    """
    folder = Path(pattern)
    found = [folder] if folder.is_dir() else expand_glob(pattern)
    return [
        file for path in found
        for file in (
            (p for p in files_below(path, lambda name: name.startswith(".")) if p.suffix == ".json")
            if path.is_dir() else [path]
        )
    ]


def collect_decision_files(patterns: Iterable[str], exclude: Path | None = None) -> DecisionInputs:
    """Decision files named by `patterns` (files, folders searched recursively, globs), sorted, once each.

    Files inside `exclude` (the output folder) and meeting or manifest files are skipped, so a batch
    can be rerun over a meeting folder that holds its own outputs.
    """
    excluded = exclude.resolve() if exclude is not None else None
    inputs = DecisionInputs()
    seen: dict[Path, Path] = {}
    for pattern in patterns:
        literal = Path(pattern)
        if (literal.exists() and not literal.is_dir()) or (not literal.exists() and not is_glob(pattern)):
            chosen = [literal]  # named explicitly: used, or reported (unreadable, a device) whatever its name
        else:
            chosen = [p for p in _matches(pattern) if _is_decision_file(p, excluded)]
        if not chosen:
            inputs.unmatched.append(Finding(
                code="no-input", message="no decision file matches this input", path=pattern,
                hint="give decision files, folders that hold them, or a quoted glob: 'decisions/*.json'",
            ))
        for path in chosen:
            seen.setdefault(path.resolve(), path)
    inputs.files = sorted(seen.values(), key=lambda p: p.as_posix())
    return inputs
