"""Locate the bundled templates, schemas and profiles, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = _PACKAGE_DIR / "_data"
_SOURCE_ROOT = _PACKAGE_DIR.parent


def data_dir(name: str) -> Path:
    """Return the `templates` or `schemas` folder, wherever this copy of the package keeps it."""
    for root in (_INSTALLED_DATA, _SOURCE_ROOT):
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"notice-builder is installed without its {name}/ folder")


def schema_path(name: str = "decision") -> Path:
    """Path of a bundled JSON Schema, e.g. `decision` -> schemas/decision.schema.json."""
    return data_dir("schemas") / f"{name}.schema.json"


def template_path(name: str) -> Path:
    """Path of a bundled Word template, e.g. `wmpcc/notice.docx`."""
    return data_dir("templates") / name
