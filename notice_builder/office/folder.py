"""An office's folder: its own profile, Word templates and decisions (`notice init`, `templates check`,
`next-ref`).

A folder made by `notice init` has a pyproject.toml whose `[tool.notice-builder] profile` names the
folder's profile.json, so every command run on a decision inside it uses the office's form.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from notice_builder.load import load_decision_file
from notice_builder.load.project_settings import nearest_settings, project_profile
from notice_builder.model.findings import Finding, NoticeBuilderError
from notice_builder.model.profile import DEFAULT_PROFILE, Profile
from notice_builder.model.reference_format import ReferenceFormat
from notice_builder.office.reference_ledger import LEDGER_NAME, allocate_reference
from notice_builder.office.starter import starter_decision
from notice_builder.profiles import builtin_profile_path, load_profile
from notice_builder.render.template_check import check_template
from notice_builder.resources import schema_path

PROFILE_FILE = "profile.json"
TEMPLATES_FOLDER = "templates"

PROJECT_SETTINGS = '[tool.notice-builder]\nprofile = "profile.json"\n'
IGNORED_FILES = "out/\n.notice-references.json.lock\n.notice-references.json.tmp\n"
OFFICER_README = """# {organisation}: decision notices

This folder holds the office's form for decision notices (started from the `{profile}` profile) and
its decisions.

- `profile.json`: the documents, headings, labelled fields, reference format and standard wording.
- `templates/`: the Word templates. Open them in Word to change fonts, logos, headers and footers;
  keep the `{{{{ ... }}}}` and `{{%p ... %}}` tags. After editing one, run `notice templates check`.
- `decisions/`: one JSON file a decision. `decisions/example.json` {example_is}.
- `pyproject.toml`: tells `notice` to use this folder's profile for every decision inside it.
- `.notice-references.json`: every reference number issued so far. Keep it: it is how a number
  is never issued twice.

Everyday commands, run in this folder:

    notice next-ref                  # the next reference number, e.g. {reference}
    notice new decisions/my-decision.json
    notice validate decisions/my-decision.json
    notice lint decisions/           # duplicated or missing headings, placeholders, ...
    notice build decisions/my-decision.json -o out
    notice templates check           # after editing a template in Word
"""


def _display(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, as an officer would type it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _schema_reference(name: str, folder: Path) -> str:
    """A `$schema` value for a file in `folder`: the bundled schema, relative where a path can be."""
    try:
        return Path(os.path.relpath(schema_path(name), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return schema_path(name).as_posix()


def _json_text(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _refuse_used_folder(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NoticeBuilderError([Finding(
            code="output-exists", message="the folder exists and is not empty; nothing was written",
            path=str(folder), hint="give a new folder name, or an empty folder",
        )])


def _example_decision(profile: Profile, target: Path) -> dict:
    """The profile's example decision, or where it has none the starter `notice new` would write."""
    path = profile.example_path()
    if path is None:
        return starter_decision(target, profile)
    try:
        example = load_decision_file(path).data
    except NoticeBuilderError as error:
        hint = "correct `example` in the profile, or remove it to start from a blank decision" \
            if profile.path else "reinstall notice-builder"
        raise NoticeBuilderError([replace(f, hint=hint) for f in error.findings]) from None
    if not isinstance(example, dict):
        raise NoticeBuilderError([Finding(
            code="example-invalid", message="the profile's example is not a decision (a JSON object)",
            path=str(path), hint="correct `example` in the profile, or remove it",
        )])
    return example


def _office_files(folder: Path, profile: Profile) -> dict[str, str | Path]:
    """What `notice init` writes: relative path -> text, or the file to copy."""
    example = _example_decision(profile, folder / "decisions" / "example.json")
    example.pop("profile", None)  # the folder's pyproject.toml chooses the profile
    example.pop("$schema", None)
    profile_file = profile.path or builtin_profile_path(profile.name)
    profile_data = json.loads(profile_file.read_text(encoding="utf-8"))
    profile_data.pop("$schema", None)
    profile_data.pop("example", None)
    if profile.example:  # the copy's example is the one it came with, now in the folder
        profile_data["example"] = "decisions/example.json"
    files: dict[str, str | Path] = {
        PROFILE_FILE: _json_text({"$schema": _schema_reference("profile", folder), **profile_data}),
        "decisions/example.json": _json_text(
            {"$schema": _schema_reference("decision", folder / "decisions"), **example}),
        "pyproject.toml": PROJECT_SETTINGS,
        "README.md": OFFICER_README.format(
            organisation=profile.organisation, profile=profile.name,
            example_is="shows a complete one" if profile.example else "is a new decision's fields to fill in",
            reference=ReferenceFormat(profile.reference_format).example()),
        ".gitignore": IGNORED_FILES,
    }
    for document in profile.built_documents(on_request=True).values():
        template = profile.template_path(document)
        if not template.is_file():
            raise NoticeBuilderError([Finding(
                code="template-missing", message="the profile's template file does not exist",
                path=str(template),
                hint=f"put the Word template there, or fix '{document.template}' in the profile",
            )])
        files[f"{TEMPLATES_FOLDER}/{document.template}"] = template
    return files


def scaffold_office(folder: Path, profile_name: str = DEFAULT_PROFILE) -> list[Path]:
    """Create `folder` with a copy of a profile (a built-in or a file), its templates, an example decision
    and a README.

    Everything is written into a temporary folder beside it first, so a failure leaves nothing behind.
    """
    folder = Path(folder)
    _refuse_used_folder(folder)
    files = _office_files(folder, load_profile(profile_name))
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = folder.parent / f".{folder.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    staging.mkdir()  # unlike mkdtemp's, with the permissions the officer's umask gives
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                shutil.copyfile(content, target)
            else:
                target.write_text(content, encoding="utf-8")
        if folder.exists():
            folder.rmdir()  # empty, as checked above
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / relative for relative in files]


def office_profile(folder: Path, profile: str | None = None) -> Profile:
    """The profile given, else the folder's project profile or its profile.json, else the default."""
    if profile:
        return load_profile(profile)
    chosen = project_profile(folder)
    if chosen is None and (Path(folder) / PROFILE_FILE).is_file():
        chosen = str((Path(folder) / PROFILE_FILE).resolve())
    return load_profile(chosen or DEFAULT_PROFILE)


@dataclass(frozen=True)
class TemplateReport:
    """The templates `notice templates check` looked at, and what it found in them."""

    templates: list[str]
    findings: list[Finding] = field(default_factory=list)


def check_office_templates(folder: Path, profile: str | None = None) -> TemplateReport:
    """Check every document template of the folder's profile (those made on request too).

    A built-in profile's templates are looked for in the folder's templates/ if it has one (an
    office's edited copies), else the bundled ones are checked.
    """
    chosen = office_profile(folder, profile)
    own_templates = Path(folder) / TEMPLATES_FOLDER
    if chosen.template_dir is None and own_templates.is_dir():
        chosen = replace(chosen, template_dir=own_templates)
    report = TemplateReport([])
    for document in chosen.built_documents(on_request=True).values():
        path = chosen.template_path(document)
        report.templates.append(_display(path))
        report.findings.extend(check_template(path, chosen, document, display_name=_display(path)))
    return report


def ledger_folder(folder: Path) -> Path | None:
    """Where an office's reference ledger lives, or None if `folder` is in no office.

    The nearest folder at or above `folder` that is an office's project folder (its pyproject.toml has
    a `[tool.notice-builder]` table) or already holds a ledger. One ledger an office, wherever in it
    `notice next-ref` is run, so no number is issued twice.
    """
    start = Path(folder).resolve()
    found = nearest_settings(start)
    project = found[0].parent if found else None
    for candidate in (start, *start.parents):
        if candidate == project or (candidate / LEDGER_NAME).is_file():
            return candidate
    return None


def _no_office(folder: Path) -> NoticeBuilderError:
    looked = Path(folder).resolve()
    return NoticeBuilderError([Finding(
        code="no-office-folder",
        message=f"no reference was issued: {looked} is not in an office folder. No pyproject.toml with a "
                f"[tool.notice-builder] table, and no reference ledger ({LEDGER_NAME}), was found in it or "
                "in any folder above it, so a new numbering here could repeat numbers issued elsewhere",
        path=str(folder),
        hint="run `notice next-ref` in the office's folder (made by `notice init`) or name that folder "
             "(`notice next-ref path/to/office`); to keep the ledger somewhere else, give it with "
             f"`--ledger path/to/{LEDGER_NAME}`",
    )])


def next_reference(folder: Path, profile: str | None = None, year: int | None = None,
                   ledger: Path | None = None) -> str:
    """Issue the next reference in the profile's format for the office that `folder` belongs to.

    `ledger` (a ledger file, or the folder to keep it in) is used instead of looking for the office's;
    without it, a folder in no office is refused, so numbers are never restarted by accident.
    """
    chosen = office_profile(folder, profile)
    reference_format = ReferenceFormat(chosen.reference_format)
    if ledger is not None:
        ledger = Path(ledger)
        file = ledger / LEDGER_NAME if ledger.is_dir() else ledger
        return allocate_reference(file.parent, reference_format, year, ledger=file)
    office = ledger_folder(folder)
    if office is None:
        raise _no_office(folder)
    return allocate_reference(office, reference_format, year)
