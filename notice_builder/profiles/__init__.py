"""The built-in profiles (the JSON files beside this module), and how a decision's profile is found.

A profile is named (a built-in), or given as a file's path, or chosen by a project's pyproject.toml.
A profile file is checked against `schemas/profile.schema.json` when it is loaded, once per process; the
built-in profiles ship with the tool and are checked by its tests instead, not at every start.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from notice_builder.load import load_decision_file
from notice_builder.load.project_settings import project_profile
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.profile import DEFAULT_PROFILE, Profile, is_profile_path
from notice_builder.model.reference_format import ReferenceFormat
from notice_builder.validate.schema_validation import validate_against

_BUILTIN_DIR = Path(__file__).resolve().parent


def builtin_profile_names() -> list[str]:
    """Names of the profiles shipped with notice-builder."""
    return sorted(p.stem for p in _BUILTIN_DIR.glob("*.json"))


def builtin_profile_path(name: str) -> Path:
    """The file of the built-in profile `name` (which must be one of `builtin_profile_names()`)."""
    return _BUILTIN_DIR / f"{name}.json"


def _unknown_profile(name: str) -> NoticeBuilderError:
    import difflib

    close = difflib.get_close_matches(name[:100], builtin_profile_names(), n=1)
    shown = name if len(name) <= 60 else name[:57] + "..."
    return NoticeBuilderError([Finding(
        code="unknown-profile", message=f"there is no built-in profile '{shown}'", path=shown,
        hint=(f"did you mean '{close[0]}'? " if close else "")
        + f"built-in profiles: {', '.join(builtin_profile_names())}; or give a profile file's path",
    )])


@cache
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A built-in profile by name, or a profile JSON file by path (checked against its schema)."""
    if is_profile_path(name_or_path):
        path = Path(name_or_path).resolve()
        builtin = False
    else:
        if name_or_path not in builtin_profile_names():  # never a path built from what a file says
            raise _unknown_profile(name_or_path)
        path = builtin_profile_path(name_or_path)
        builtin = True
    source = load_decision_file(path)
    findings = [] if builtin else validate_against("profile", source)
    if findings:
        raise NoticeBuilderError(findings)
    profile = Profile.from_dict(source.data, path=None if builtin else path)
    _check_reference_format(profile, source)
    return profile


def _check_reference_format(profile: Profile, source) -> None:
    try:
        ReferenceFormat(profile.reference_format)
    except ValueError as error:
        raise NoticeBuilderError([Finding(
            code="profile", message=str(error), path=source.path,
            location=source.location("/reference_format"),
            hint="use {seq} for the running number and {year} for the year",
        )]) from None


def project_or_default_profile(folder: str | Path) -> Profile:
    """The profile of the project `folder` is in (nearest pyproject.toml), else the default."""
    return load_profile(project_profile(folder) or DEFAULT_PROFILE)


def profile_for(source, profile: Profile | str | None = None) -> Profile:
    """The profile for a decision: the one given, else the built-in it names, else its project's.

    A decision names only a built-in profile: a path in it is refused by validation, never opened.
    An unknown name is reported at the decision's /profile.
    """
    if isinstance(profile, Profile):
        return profile
    if profile:
        return load_profile(profile)
    named = source.data.get("profile") if isinstance(source.data, dict) else None
    if isinstance(named, str) and named and not is_profile_path(named):
        try:
            return load_profile(named)
        except NoticeBuilderError as error:
            raise NoticeBuilderError([
                replace(f, path=source.path, location=source.location("/profile")) for f in error.findings
            ]) from None
    return project_or_default_profile(Path(source.path).parent)
