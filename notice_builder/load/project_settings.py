"""The `[tool.notice-builder]` table of the nearest pyproject.toml: an office folder's settings.

    [tool.notice-builder]
    profile = "profile.json"      # a built-in name, or a profile file relative to this pyproject.toml

    [tool.notice-builder.lint]    # see notice_builder/lint/config.py
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.profile import is_profile_path

TOOL_NAME = "notice-builder"


def read_toml(path: Path) -> dict:
    """A TOML file's data; a NoticeBuilderError naming the file if it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NoticeBuilderError([Finding(
            code="config", message=f"cannot read the configuration: {exc.strerror or exc}", path=str(path),
            hint="check the path",
        )]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NoticeBuilderError([Finding(
            code="config", message=f"not valid TOML: {exc}", path=str(path), hint="check the file's syntax",
        )]) from None


def tool_table(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The `[tool.notice-builder]` table of parsed pyproject data, if it has one."""
    tool = data.get("tool")
    table = tool.get(TOOL_NAME) if isinstance(tool, Mapping) else None
    return table if isinstance(table, Mapping) else None


def nearest_settings(start: str | Path | None = None) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest pyproject.toml at or above `start` (default: the working folder) with our table."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = tool_table(read_toml(pyproject))
            if table is not None:
                return pyproject, table
    return None


def project_profile(start: str | Path | None = None) -> str | None:
    """The profile a project folder chooses: a built-in name, or a profile file's absolute path."""
    found = nearest_settings(start)
    if found is None or not isinstance(found[1].get("profile"), str):
        return None
    pyproject, table = found
    value = table["profile"]
    return str((pyproject.parent / value).resolve()) if is_profile_path(value) else value
