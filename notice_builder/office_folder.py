"""`notice init`: scaffold an office's folder with its own profile, templates and an example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from notice_builder.findings import Finding, NoticeBuilderError
from notice_builder.profile import load_profile
from notice_builder.resources import data_dir, schema_path

# The bundled example decision that shows each built-in profile's form.
EXAMPLE_FOR_PROFILE = {
    "wmpcc": "wmpcc-012-2013-final-signed.json",
    "pcc-decision-record": "pcc-decision-record.json",
    "council-executive-decision": "council-executive-decision.json",
}

OFFICER_README = """# {organisation}: decision notices

This folder holds the office's form for decision notices (profile `{profile}`) and its decisions.

- `profile.json`: the documents, headings, labelled fields, reference format and standard wording.
- `templates/`: the Word templates. Open them in Word to change fonts, logos, headers and footers;
  keep the `{{{{ ... }}}}` and `{{%p ... %}}` tags. After editing, run `notice templates check`.
- `decisions/`: one JSON file a decision. `decisions/example.json` shows a complete one.
- `pyproject.toml`: tells `notice` to use this folder's profile.

Everyday commands, run in this folder:

    notice next-ref decisions        # the next reference number, never issued twice
    notice new decisions/my-decision.json
    notice validate decisions/my-decision.json
    notice lint decisions/           # duplicated or missing headings, placeholders, ...
    notice build decisions/my-decision.json -o out
"""


def scaffold_office(folder: Path, profile_name: str) -> list[Path]:
    """Create `folder` with a copy of a built-in profile, its templates and an example decision."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise NoticeBuilderError([Finding(
            code="output-exists", message="the folder exists and is not empty; nothing was written",
            path=str(folder), hint="choose a new folder name",
        )])
    profile = load_profile(profile_name)
    if profile.path is not None:
        raise NoticeBuilderError([Finding(
            code="unknown-profile", message="`notice init` starts from a built-in profile", path=profile_name,
            hint="give a built-in name such as wmpcc; to copy an office folder, copy the folder",
        )])
    written: list[Path] = []

    def write(relative: str, text: str) -> None:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)

    profile_data = json.loads((Path(__file__).parent / "profiles" / f"{profile.name}.json").read_text())
    profile_data = {"$schema": schema_path("profile").as_posix(), **profile_data}
    write("profile.json", json.dumps(profile_data, indent=2, ensure_ascii=False) + "\n")
    for document in profile.documents.values():
        target = folder / "templates" / document.template
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(profile.template_path(document), target)
        written.append(target)
    example = json.loads((data_dir("examples") / EXAMPLE_FOR_PROFILE[profile.name]).read_text())
    example.pop("profile", None)  # the folder's pyproject.toml chooses the profile
    example["$schema"] = schema_path("decision").as_posix()
    write("decisions/example.json", json.dumps(example, indent=2, ensure_ascii=False) + "\n")
    write("pyproject.toml", '[tool.notice-builder]\nprofile = "profile.json"\n')
    write("README.md", OFFICER_README.format(organisation=profile.organisation, profile=profile.name))
    return written
