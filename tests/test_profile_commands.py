"""An office's own folder: `notice init`, `notice templates check`, `notice next-ref`, and profile choice."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from docx import Document

from notice_builder import profiles as profiles_module
from notice_builder.load import load_decision_file
from notice_builder.model.reference_format import ReferenceFormat
from notice_builder.office.reference_ledger import LEDGER_NAME, allocate_reference
from notice_builder.profiles import builtin_profile_names, load_profile, profile_for
from notice_builder.render.template_check import check_template
from tests.conftest import FINAL_EXAMPLE, REPO, example_data

OFFICE_MARK = "OFFICE'S OWN TEMPLATE"


@pytest.fixture
def office(run, tmp_path):
    """A fresh wmpcc office folder made by `notice init`."""
    folder = tmp_path / "office"
    assert run("init", folder).exit_code == 0
    return folder


def edit_part(template: Path, edit, part: str = "word/document.xml") -> None:
    """Rewrite one XML part of a .docx in place, as an officer's edit in Word would."""
    with zipfile.ZipFile(template) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)


def add_paragraph(text: str):
    """An edit adding a Normal paragraph holding `text` at the end of the body."""
    paragraph = f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"
    return lambda xml: xml.replace("<w:sectPr", paragraph + "<w:sectPr", 1)


def texts(docx_path: Path) -> list[str]:
    return [p.text for p in Document(str(docx_path)).paragraphs]


# notice init

@pytest.mark.parametrize("profile", builtin_profile_names())
def test_init_writes_profile_templates_example_settings_and_readme(run, tmp_path, profile):
    folder = tmp_path / "office"
    result = run("init", folder, "--profile", profile)
    assert result.exit_code == 0, result.output
    templates = {p.relative_to(folder).as_posix() for p in (folder / "templates").rglob("*.docx")}
    assert templates == {f"templates/{d.template}"
                         for d in load_profile(profile).built_documents(on_request=True).values()}
    assert json.loads((folder / "profile.json").read_text())["name"] == profile
    assert "profile" not in json.loads((folder / "decisions" / "example.json").read_text())
    assert '[tool.notice-builder]\nprofile = "profile.json"' in (folder / "pyproject.toml").read_text()
    assert "notice templates check" in (folder / "README.md").read_text()


@pytest.mark.parametrize("profile", builtin_profile_names())
def test_a_new_office_folder_builds_lints_and_checks_clean_from_anywhere(run, tmp_path, monkeypatch, profile):
    folder = tmp_path / "office"
    run("init", folder, "--profile", profile)
    monkeypatch.chdir(tmp_path)
    built = run("build", folder / "decisions" / "example.json", "-o", tmp_path / "out")
    assert built.exit_code == 0, built.output
    assert {p.name.rsplit("-", 1)[0] for p in (tmp_path / "out").iterdir()}  # documents were written
    linted = run("lint", folder / "decisions")
    assert linted.exit_code == 0, linted.output
    checked = run("templates", "check", folder)
    count = len(load_profile(profile).built_documents(on_request=True))
    assert checked.exit_code == 0 and f"{count} templates OK" in checked.output


def test_init_refuses_a_folder_that_is_not_empty(run, tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = run("init", folder)
    assert result.exit_code == 1 and "output-exists" in result.output
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_init_fills_an_empty_folder(run, tmp_path):
    (tmp_path / "office").mkdir()
    assert run("init", tmp_path / "office").exit_code == 0
    assert (tmp_path / "office" / "profile.json").is_file()


def test_init_with_an_unknown_profile_is_exit_1_and_writes_nothing(run, tmp_path):
    result = run("init", tmp_path / "office", "--profile", "wmpc")
    assert result.exit_code == 1 and "did you mean 'wmpcc'" in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_in_an_office_folder_leaves_the_profile_to_the_folder(run, office):
    assert run("new", office / "decisions" / "draft.json").exit_code == 0
    assert "profile" not in json.loads((office / "decisions" / "draft.json").read_text())


# a new profile is data: its JSON and templates, no code

def new_profile(folder: Path, example: str | None = None) -> Path:
    """A copy of the wmpcc profile under a new name and organisation, its templates beside it."""
    data = json.loads((REPO / "notice_builder" / "profiles" / "wmpcc.json").read_text())
    data.update(name="northshire", organisation="Northshire Police and Crime Commissioner")
    data.pop("example")
    if example:
        data["example"] = example
    shutil.copytree(REPO / "templates" / "wmpcc", folder / "templates" / "wmpcc")
    (folder / "profile.json").write_text(json.dumps(data, indent=2))
    return folder / "profile.json"


@pytest.fixture
def builtin_dir(tmp_path, monkeypatch):
    """A built-in profiles folder holding copies of the shipped ones, to add a profile to."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    for name in builtin_profile_names():
        shutil.copy(profiles_module.builtin_profile_path(name), folder)
    monkeypatch.setattr(profiles_module, "_BUILTIN_DIR", folder)
    load_profile.cache_clear()
    yield folder
    load_profile.cache_clear()


def test_init_from_a_profile_file_copies_it_and_its_example_and_the_folder_builds(run, tmp_path):
    source = tmp_path / "northshire-form"
    (source / "examples").mkdir(parents=True)
    example = example_data(FINAL_EXAMPLE)
    example["organisation"]["name"] = "Northshire Police and Crime Commissioner"
    (source / "examples" / "final.json").write_text(json.dumps(example))
    profile = new_profile(source, example="examples/final.json")
    folder = tmp_path / "office"
    result = run("init", folder, "--profile", profile)
    assert result.exit_code == 0, result.output
    copied = json.loads((folder / "profile.json").read_text())
    assert copied["name"] == "northshire" and copied["example"] == "decisions/example.json"
    assert (folder / "templates" / "wmpcc" / "notice.docx").read_bytes() == \
        (source / "templates" / "wmpcc" / "notice.docx").read_bytes()
    assert run("validate", folder / "decisions" / "example.json").exit_code == 0
    built = run("build", folder / "decisions" / "example.json", "-o", tmp_path / "out")
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "WMPCC-012-2013-board-report.docx", "WMPCC-012-2013-notice.docx"]
    again = run("init", tmp_path / "second", "--profile", folder / "profile.json")  # an office's copy
    assert again.exit_code == 0, again.output


def test_a_new_built_in_profile_without_an_example_starts_from_the_starter_decision(
        run, tmp_path, builtin_dir, monkeypatch):
    new_profile(tmp_path / "form").rename(builtin_dir / "northshire.json")
    folder = tmp_path / "office"
    result = run("init", folder, "--profile", "northshire")
    assert result.exit_code == 0, result.output
    assert run("new", folder / "decisions" / "new.json").exit_code == 0
    written = json.loads((folder / "decisions" / "example.json").read_text())
    assert written == json.loads((folder / "decisions" / "new.json").read_text())
    assert written["organisation"]["name"] == "Northshire Police and Crime Commissioner"
    assert "example" not in json.loads((folder / "profile.json").read_text())
    (folder / "decisions" / "new.json").write_text(json.dumps(example_data(FINAL_EXAMPLE)))
    monkeypatch.chdir(folder)
    assert run("validate", "decisions/new.json").exit_code == 0
    built = run("build", "decisions/new.json", "-o", "out")
    assert built.exit_code == 0, built.output
    assert len(list((folder / "out").iterdir())) == 2


@pytest.mark.parametrize("broken,code", [
    (lambda form: (form / "profile.json").write_text(json.dumps(
        {**json.loads((form / "profile.json").read_text()), "example": "missing.json"})), "unreadable"),
    (lambda form: (form / "templates" / "wmpcc" / "notice.docx").unlink(), "template-missing"),
])
def test_init_from_a_profile_with_a_missing_file_is_exit_1_and_writes_nothing(run, tmp_path, broken, code):
    form = tmp_path / "form"
    profile = new_profile(form)
    broken(form)
    result = run("init", tmp_path / "office", "--profile", profile)
    assert result.exit_code == 1 and code in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form"]


# choosing a profile: --profile, then the decision's, then the project's, then wmpcc

def test_build_in_an_office_folder_uses_the_office_templates(run, office, tmp_path):
    edit_part(office / "templates" / "wmpcc" / "notice.docx", add_paragraph(OFFICE_MARK))
    assert run("build", office / "decisions" / "example.json", "-o", tmp_path / "out").exit_code == 0
    assert OFFICE_MARK in texts(tmp_path / "out" / "WMPCC-012-2013-notice.docx")


def test_a_decision_naming_a_built_in_profile_beats_the_folder_and_profile_option_beats_both(
        run, office, tmp_path):
    edit_part(office / "templates" / "wmpcc" / "notice.docx", add_paragraph(OFFICE_MARK))
    named = office / "decisions" / "named.json"
    named.write_text(json.dumps({**example_data(FINAL_EXAMPLE), "profile": "wmpcc"}))
    assert run("build", named, "-o", tmp_path / "a").exit_code == 0
    assert OFFICE_MARK not in texts(tmp_path / "a" / "WMPCC-012-2013-notice.docx")
    assert run("build", named, "-o", tmp_path / "b", "--profile", office / "profile.json").exit_code == 0
    assert OFFICE_MARK in texts(tmp_path / "b" / "WMPCC-012-2013-notice.docx")


def test_profile_precedence_for_build(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.notice-builder]\nprofile = "pcc-decision-record"\n')
    plain, named = project / "plain.json", project / "named.json"
    plain.write_text(json.dumps({"status": "draft"}))
    named.write_text(json.dumps({"status": "draft", "profile": "council-executive-decision"}))
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"status": "draft"}))
    assert profile_for(load_decision_file(elsewhere)).name == "wmpcc"
    assert profile_for(load_decision_file(plain)).name == "pcc-decision-record"
    assert profile_for(load_decision_file(named)).name == "council-executive-decision"
    assert profile_for(load_decision_file(named), "wmpcc").name == "wmpcc"


@pytest.mark.parametrize("change,pointer,message", [
    ({"reference_format": "WMPCC {seq:3d}/{year}"}, "/reference_format", "not a number format"),
    ({"reference_format": "WMPCC {seq}/{yr}"}, "/reference_format", "must contain {seq}"),
    ({"name": "West Midlands"}, "/name", "Enter the profile name in the correct format"),
])
def test_a_broken_profile_file_is_a_finding_naming_the_file_and_field(run, office, tmp_path, change, pointer,
                                                                      message):
    profile = office / "profile.json"
    profile.write_text(json.dumps({**json.loads(profile.read_text()), **change}, indent=2))
    for args in (["templates", "check", office], ["next-ref", office],
                 ["build", office / "decisions" / "example.json", "-o", tmp_path / "out"]):
        result = run(*args)
        assert result.exit_code == 1, args
        assert f"{profile}:" in result.output and f" {pointer}: " in result.output
        assert message in result.output
        assert "Traceback" not in result.output


# notice templates check

def test_templates_check_names_a_misspelt_variable_with_did_you_mean(run, office):
    template = office / "templates" / "wmpcc" / "notice.docx"
    edit_part(template, lambda xml: xml.replace("{{ decision_maker.role }}", "{{ titel }}"))
    result = run("templates", "check", office)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "titel" in line]
    assert line.startswith(f"{template}:paragraph ")
    assert "template-variable unknown variable 'titel'" in line and "did you mean 'title'?" in line


def test_templates_check_follows_attributes_of_the_decision(run, office):
    edit_part(office / "templates" / "wmpcc" / "notice.docx",
              add_paragraph("{{ notice.contact_oficer.email }}"))
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert "unknown variable 'notice.contact_oficer'" in result.output
    assert "did you mean 'notice.contact_officer'?" in result.output


def test_templates_check_reads_headers_and_footers(run, office):
    edit_part(office / "templates" / "wmpcc" / "board-report.docx",
              lambda xml: xml.replace("{{ reference }}", "{{ referenc }}"), "word/header1.xml")
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert "unknown variable 'referenc' in word/header1.xml" in result.output
    assert "did you mean 'reference'?" in result.output


def test_templates_check_accepts_every_variable_a_decision_can_fill(tmp_path, office):
    template = office / "templates" / "wmpcc" / "notice.docx"
    edit_part(template, add_paragraph(
        "{{ notice.contact_officer.email }} {{ meeting.report_type }} {{ organisation.office|upper }} "
        "{% for key, value in organisation.items() %}{{ key }}{% endfor %}{% set x = title %}{{ x }}"
        "{{ range(3)|list }}"))
    profile = load_profile(str(office / "profile.json"))
    assert check_template(template, profile, profile.documents["notice"]) == []


def test_templates_check_finds_a_missing_required_heading(run, office):
    template = office / "templates" / "wmpcc" / "board-report.docx"
    document = Document(str(template))
    [loop_heading] = [p for p in document.paragraphs if p.text == "{{ section.heading }}"]
    loop_heading.text = "PURPOSE OF REPORT"  # headings typed in, and RECOMMENDATIONS left out
    loop_heading.insert_paragraph_before("BACKGROUND", style="Heading 1")
    document.save(str(template))
    result = run("templates", "check", office)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "template-heading" in line]
    assert lines == [f"{template}: template-heading the required heading 'RECOMMENDATIONS' is missing "
                     "(hint: add 'RECOMMENDATIONS' in the Heading 1 style, or keep the "
                     "`{{ section.heading }}` loop of the original template)"]


def test_templates_check_finds_a_required_heading_not_in_a_heading_style(run, office):
    template = office / "templates" / "wmpcc" / "board-report.docx"
    document = Document(str(template))
    [loop_heading] = [p for p in document.paragraphs if p.text == "{{ section.heading }}"]
    loop_heading.text = "PURPOSE OF REPORT"
    loop_heading.insert_paragraph_before("BACKGROUND", style="Heading 1")
    loop_heading.insert_paragraph_before("RECOMMENDATIONS", style="Normal")
    document.save(str(template))
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert ("the required heading 'RECOMMENDATIONS' is in the 'Normal' style, not a Heading style"
            in result.output)


def test_templates_check_finds_the_section_heading_loop_in_normal_style(run, office):
    template = office / "templates" / "wmpcc" / "board-report.docx"
    document = Document(str(template))
    [loop_heading] = [p for p in document.paragraphs if p.text == "{{ section.heading }}"]
    loop_heading.style = document.styles["Normal"]
    document.save(str(template))
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert (f"{template}:paragraph 6: template-heading the section headings paragraph "
            "'{{ section.heading }}' is in the 'Normal' style") in result.output


def test_templates_check_names_the_paragraph_of_a_tag_never_closed(run, office):
    template = office / "templates" / "wmpcc" / "notice.docx"
    edit_part(template, add_paragraph("{% if x %}"))
    paragraphs = len(Document(str(template)).paragraphs)
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert (f"{template}:paragraph {paragraphs}: template-syntax the {{% if %}} block opened here "
            "is not closed with {% endif %}: '{% if x %}'") in result.output


def test_templates_check_names_an_unknown_tag(run, office):
    edit_part(office / "templates" / "wmpcc" / "notice.docx", add_paragraph("{% iff x %}"))
    result = run("templates", "check", office)
    assert result.exit_code == 1 and "template-syntax" in result.output and "'iff'" in result.output


def test_templates_check_reports_a_missing_or_damaged_template(run, office):
    (office / "templates" / "wmpcc" / "board-report.docx").unlink()
    (office / "templates" / "wmpcc" / "notice.docx").write_text("not a Word file")
    result = run("templates", "check", office)
    assert result.exit_code == 1
    assert "board-report.docx: template-missing" in result.output
    assert "notice.docx: template-unreadable" in result.output


def test_templates_check_defaults_to_the_current_folder(run, office, monkeypatch):
    monkeypatch.chdir(office)
    result = run("templates", "check")
    assert result.exit_code == 0 and "3 templates OK" in result.output


def test_templates_check_of_a_built_in_profile_checks_the_bundled_templates(run, tmp_path):
    result = run("templates", "check", tmp_path, "--profile", "pcc-decision-record")
    assert result.exit_code == 0 and "1 templates OK" in result.output


@pytest.mark.parametrize("profile", builtin_profile_names())
def test_every_bundled_template_passes_the_check(profile):
    chosen = load_profile(profile)
    for document in chosen.built_documents(on_request=True).values():
        assert check_template(chosen.template_path(document), chosen, document) == []


# notice next-ref

def test_next_ref_starts_at_001_and_counts_up(run, tmp_path):
    assert run("next-ref", tmp_path, "--year", 2013, "--ledger", tmp_path).output == "WMPCC 001/2013\n"
    assert run("next-ref", tmp_path, "--year", 2013).output == "WMPCC 002/2013\n"  # the ledger is here now


def test_next_ref_outside_an_office_folder_refuses_and_names_the_folder(run, tmp_path):
    folder = tmp_path / "somewhere"
    folder.mkdir()
    result = run("next-ref", folder, "--year", 2013)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"no reference was issued: {folder.resolve()} is not in an office folder" in result.stderr
    assert "in any folder above it" in result.stderr and "--ledger" in result.stderr
    assert list(tmp_path.rglob("*")) == [folder]  # no ledger, no lock file started


def test_next_ref_with_a_ledger_file_keeps_numbering_in_it(run, tmp_path):
    ledger = tmp_path / "office" / LEDGER_NAME
    ledger.parent.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run("next-ref", elsewhere, "--year", 2013, "--ledger", ledger).output == "WMPCC 001/2013\n"
    assert run("next-ref", elsewhere, "--year", 2013, "--ledger", ledger).output == "WMPCC 002/2013\n"
    assert json.loads(ledger.read_text())["issued"] == ["WMPCC 001/2013", "WMPCC 002/2013"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == [LEDGER_NAME, "elsewhere", "office"]


def test_next_ref_leaves_no_lock_file_behind(run, tmp_path):
    folder = tmp_path / "office"
    run("init", folder)
    assert run("next-ref", folder / "decisions", "--year", 2013).exit_code == 0
    assert not [p for p in folder.rglob("*.lock")]
    assert not (folder / (LEDGER_NAME + ".tmp")).exists()


def test_next_ref_follows_the_decisions_in_the_folder(run, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.json").write_text(json.dumps({"reference": "WMPCC 001/2013"}))
    assert run("next-ref", tmp_path, "--year", 2013, "--ledger", tmp_path).output == "WMPCC 002/2013\n"


def test_next_ref_never_reissues_a_number_in_the_ledger(run, tmp_path):
    (tmp_path / LEDGER_NAME).write_text(json.dumps({"issued": ["WMPCC 007/2013"]}))
    assert run("next-ref", tmp_path, "--year", 2013).output == "WMPCC 008/2013\n"
    assert json.loads((tmp_path / LEDGER_NAME).read_text())["issued"] == ["WMPCC 007/2013", "WMPCC 008/2013"]


def test_next_ref_restarts_each_year_and_defaults_to_this_year(run, tmp_path):
    run("next-ref", tmp_path, "--year", 2013, "--ledger", tmp_path)
    assert run("next-ref", tmp_path, "--year", 2014).output == "WMPCC 001/2014\n"
    assert run("next-ref", tmp_path).output == f"WMPCC 001/{dt.date.today().year}\n"


@pytest.mark.parametrize("profile,first", [("council-executive-decision", "ED/2013/001"),
                                           ("pcc-decision-record", "2013/001")])
def test_next_ref_uses_the_profile_format(run, tmp_path, profile, first):
    (tmp_path / "a.json").write_text(json.dumps({"reference": "WMPCC 009/2013"}))  # another format
    result = run("next-ref", tmp_path, "--profile", profile, "--year", 2013, "--ledger", tmp_path)
    assert result.output == first + "\n"


def test_next_ref_keeps_one_ledger_for_an_office_folder(run, tmp_path):
    folder = tmp_path / "council"
    run("init", folder, "--profile", "council-executive-decision")
    assert run("next-ref", folder / "decisions", "--year", 2013).output == "ED/2013/001\n"
    assert run("next-ref", folder, "--year", 2013).output == "ED/2013/002\n"
    assert (folder / LEDGER_NAME).is_file() and not (folder / "decisions" / LEDGER_NAME).exists()


def test_next_ref_reports_a_damaged_ledger(run, tmp_path):
    (tmp_path / LEDGER_NAME).write_text("{not json")
    result = run("next-ref", tmp_path)
    assert result.exit_code == 1 and "ledger-corrupt" in result.output and "Traceback" not in result.output


def test_references_typed_without_leading_zeros_still_count():
    reference_format = ReferenceFormat("WMPCC {seq:03d}/{year}")
    assert reference_format.parse("WMPCC 5/2013") is None
    assert reference_format.parse("WMPCC 5/2013", strict=False) == (5, 2013)


def _allocate(folder: str) -> str:
    return allocate_reference(Path(folder), ReferenceFormat("ED/{year}/{seq:03d}"), 2013)


@pytest.mark.parametrize("executor", [ProcessPoolExecutor, ThreadPoolExecutor])
def test_concurrent_allocations_never_issue_the_same_number(tmp_path, executor):
    with executor(max_workers=8) as pool:
        issued = list(pool.map(_allocate, [str(tmp_path)] * 40))
    assert sorted(issued) == [f"ED/2013/{n:03d}" for n in range(1, 41)]
    assert sorted(json.loads((tmp_path / LEDGER_NAME).read_text())["issued"]) == sorted(issued)
    assert sorted(p.name for p in tmp_path.iterdir()) == [LEDGER_NAME]  # no lock or temporary file


def test_init_then_next_ref_follows_the_example_decision(run, tmp_path):
    folder = tmp_path / "office"
    run("init", folder)
    shutil.copy(folder / "decisions" / "example.json", folder / "decisions" / "copy.json")
    assert run("next-ref", folder, "--year", 2013).output == "WMPCC 013/2013\n"
