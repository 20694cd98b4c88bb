"""All of a Word draft's text is read: headers, footers, text boxes, footnotes, content controls, fields,
in Transitional and ISO Strict OOXML alike; what cannot be read exits 2; every finding carries its excerpt."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import story_drafts
from click.testing import CliRunner
from lint_accuracy import NO_REAL_DRAFTS, REAL_DEFECTS, real_drafts_folder
from lint_drafts import NOTICE, replace, write_docx

from notice_builder.cli.lint_commands import lint
from notice_builder.lint import lint_docx
from notice_builder.load.docx_outline import read_docx_outline
from notice_builder.profiles import load_profile
from notice_builder.report.sarif import report_as_sarif

PCC_RECORD = [
    ("Title", "Decision Making Record"),
    ("", "Decision number: 2024/031"),
    ("", "Title: Custody nurse contract extension"),
    ("", "Author and Job Role: Lee Chan, Contracts Manager"),
    ("Heading 1", "Executive Summary"),
    ("", "The contract is extended by six months."),
    ("Heading 1", "Recommendation"),
    ("", "That the Commissioner approves the extension."),
]


@pytest.fixture()
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def _outside(findings):
    return {(f.code, f.location.area) for f in findings if f.location.area is not None}


def _body(findings):
    return [(f.code, f.location.paragraph, f.message) for f in findings if f.location.area is None]


# -- text outside the body ----------------------------------------------------------------------
def test_placeholders_in_headers_footers_text_boxes_and_footnotes_are_reported_where_they_are(tmp_path):
    path = story_drafts.build(
        tmp_path / "d.docx", NOTICE, header=["Ref: {{ reference }}"], footer=["Version TBC"],
        text_boxes={7: "Cost £XX"}, footnotes={9: "See [Insert report name]."},
        endnotes={11: "Source: <<source>>"},
    )
    found = _outside(lint_docx(path, load_profile()))
    assert found == {
        ("placeholder", "header"), ("placeholder", "footer"),
        ("placeholder", "text box in paragraph 7"), ("placeholder", "footnote in paragraph 9"),
        ("placeholder", "endnote in paragraph 11"),
    }


def test_text_outside_the_body_does_not_shift_the_body_paragraph_numbers(tmp_path):
    defective = replace(NOTICE, "I approve the grant.", ("", "I approve the grant of £XX."))
    plain = lint_docx(write_docx(tmp_path / "plain.docx", defective), load_profile())
    stories = story_drafts.build(
        tmp_path / "stories.docx", defective, header=["OFFICIAL", "Second line TBC"], footer=["Page 1"],
        text_boxes={2: "A text box", 9: "Another box"}, footnotes={5: "A note.", 9: "Another note."},
    )
    with_stories = lint_docx(stories, load_profile())
    assert _body(with_stories) == _body(plain)
    assert ("placeholder", 9) in {(code, paragraph) for code, paragraph, _ in _body(plain)}


def test_a_text_box_written_twice_for_old_and_new_word_is_read_once(tmp_path):
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, text_boxes={3: "Cost £XX"})
    outline = read_docx_outline(path, load_profile())
    assert [b.text for b in outline.outside] == ["Cost £XX"]
    assert len([f for f in lint_docx(path, load_profile()) if f.code == "placeholder"]) == 1


def test_separator_footnotes_are_not_read(tmp_path):
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, footnotes={4: "The note."})
    outline = read_docx_outline(path, load_profile())
    assert [(b.text, b.location.area) for b in outline.outside] == [("The note.", "footnote in paragraph 4")]


def test_a_content_control_prompt_in_a_header_is_a_placeholder(tmp_path):
    prompt = story_drafts.prompt_control("Enter date")
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, header_xml=[prompt])
    [finding] = [f for f in lint_docx(path, load_profile()) if f.code == "placeholder"]
    assert finding.location.area.startswith("header") and '"Enter date"' in finding.message
    assert finding.excerpt == "Enter date"


def test_a_contact_number_in_a_footer_is_checked(tmp_path):
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, footer=["Queries: tel: no: 909 6500"])
    assert _outside(lint_docx(path, load_profile())) == {("contact-details", "footer")}


@pytest.mark.parametrize("header", [["OFFICIAL"], ["Protective Marking: OFFICIAL-SENSITIVE"],
                                    ["Decision record\tNOT PROTECTIVELY MARKED\tPage 1"]])
def test_a_protective_marking_in_the_header_gives_the_field(tmp_path, header):
    profile = load_profile("pcc-decision-record")
    without = lint_docx(story_drafts.build(tmp_path / "a.docx", PCC_RECORD), profile)
    assert any(f.code == "missing-field" and "Protective Marking" in f.message for f in without)
    with_header = lint_docx(story_drafts.build(tmp_path / "b.docx", PCC_RECORD, header=header), profile)
    assert not any(f.code == "missing-field" and "Protective Marking" in f.message for f in with_header)


def test_official_inside_a_word_of_the_header_is_not_a_marking(tmp_path):
    path = story_drafts.build(tmp_path / "a.docx", PCC_RECORD, header=["Unofficial notes"])
    findings = lint_docx(path, load_profile("pcc-decision-record"))
    assert any(f.code == "missing-field" and "Protective Marking" in f.message for f in findings)


# -- Word fields ----------------------------------------------------------------------------------
def test_an_unmerged_mergefield_is_one_placeholder(tmp_path):
    field = story_drafts.merge_field_runs("SchoolName")
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, runs={7: field})
    [finding] = [f for f in lint_docx(path, load_profile()) if f.code == "placeholder"]
    assert finding.location.paragraph == 7 and "MERGEFIELD SchoolName" in finding.message


def test_a_legacy_form_field_left_blank_is_a_placeholder(tmp_path):
    paragraphs = replace(NOTICE, "I approve the grant.", ("", "I approve the grant."),
                         ("", "E-mail address to which replies are sent: "))
    field = story_drafts.blank_form_field_runs()
    path = story_drafts.build(tmp_path / "d.docx", paragraphs, runs={10: field})
    [finding] = [f for f in lint_docx(path, load_profile()) if f.code == "placeholder"]
    assert finding.location.paragraph == 10 and "form field" in finding.message


def test_page_number_fields_are_not_placeholders(tmp_path):
    page = ['<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:fldChar '
            'w:fldCharType="begin"/></w:r>',
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:instrText> PAGE '
            '</w:instrText></w:r>',
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:fldChar '
            'w:fldCharType="end"/></w:r>']
    path = story_drafts.build(tmp_path / "d.docx", NOTICE, runs={7: page})
    assert not [f for f in lint_docx(path, load_profile()) if f.code == "placeholder"]


# -- ISO Strict -----------------------------------------------------------------------------------
def _strict_twin(tmp_path: Path, name: str, paragraphs, **stories) -> tuple[Path, Path]:
    transitional = story_drafts.build(tmp_path / f"{name}.docx", paragraphs, **stories)
    return transitional, story_drafts.as_strict(transitional, tmp_path / f"{name}-strict.docx")


def _comparable(findings):
    return [(f.code, f.location, f.message, f.excerpt) for f in findings]


@pytest.mark.parametrize("profile", ["wmpcc", "pcc-decision-record"])
def test_strict_is_read_exactly_as_transitional(tmp_path, profile):
    paragraphs = replace(NOTICE, "I approve the grant.", ("", "I approve the grant of £XX."),
                         ("Heading 1", "LEGAL IMPLICATIONS"), ("", "Tel: 909 6500"))
    transitional, strict = _strict_twin(
        tmp_path, "d", paragraphs, header=["OFFICIAL"], footer=["Version {{ v }}"],
        text_boxes={4: "Box TBC"}, footnotes={6: "See [name]."}, endnotes={8: "Cost £XX"},
        runs={2: story_drafts.merge_field_runs("Name")},
    )
    assert zipfile.ZipFile(strict).read("word/document.xml").count(b"purl.oclc.org/ooxml") >= 1
    found = lint_docx(transitional, load_profile(profile))
    assert {f.code for f in found} >= {"placeholder", "duplicate-heading", "contact-details"}
    assert _comparable(lint_docx(strict, load_profile(profile))) == _comparable(found)


def test_a_strict_draft_with_a_placeholder_does_not_pass(tmp_path, runner):
    _, strict = _strict_twin(tmp_path, "d", replace(NOTICE, "I approve the grant.", ("", "Cost £XX")))
    result = runner.invoke(lint, [str(strict)])
    assert result.exit_code == 1 and "placeholder" in result.output


@pytest.mark.skipif(not REAL_DEFECTS.is_file(), reason=NO_REAL_DRAFTS)
def test_the_real_strict_document_is_read():
    outline = read_docx_outline(real_drafts_folder() / "other" / "docling_Strict.docx", load_profile())
    assert [b.text for _, b in outline.blocks()] == ["Some text"]


# -- what cannot be read ----------------------------------------------------------------------------
@pytest.mark.parametrize("root", [
    b'<foo xmlns="urn:example:not-word"><body/></foo>',
    b'<w:document xmlns:w="http://example.com/unknown-wordprocessingml"><w:body><w:p/></w:body></w:document>',
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
])
def test_a_main_part_that_is_not_a_readable_document_exits_2(tmp_path, runner, root):
    source = write_docx(tmp_path / "ok.docx", NOTICE)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, root if info.filename == "word/document.xml" else data)
    result = runner.invoke(lint, [str(broken)])
    assert result.exit_code == 2
    assert "broken.docx" in result.output and "docx-unknown-format" in result.output
    assert "Traceback" not in result.output


# -- excerpts -------------------------------------------------------------------------------------
def test_every_finding_in_json_carries_its_paragraph_excerpt(tmp_path, runner):
    long_text = "I approve the grant of £XX for " + "words " * 40
    paragraphs = replace(NOTICE, "I approve the grant.", ("", long_text))
    path = story_drafts.build(tmp_path / "d.docx", paragraphs, footer=["Version TBC"])
    result = runner.invoke(lint, ["--format", "json", str(path)])
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert findings and all("excerpt" in f and len(f["excerpt"]) <= 120 for f in findings)
    body = next(f for f in findings if f["location"].get("paragraph") == 9)
    assert body["excerpt"].startswith("I approve the grant of £XX for words") and len(body["excerpt"]) == 120
    footer = next(f for f in findings if f["location"].get("area") == "footer")
    assert footer["excerpt"] == "Version TBC"


def test_every_sarif_result_carries_its_excerpt_as_the_region_snippet(tmp_path):
    from notice_builder.lint.api import FileReport, LintReport

    paragraphs = replace(NOTICE, "I approve the grant.", ("", "Cost £XX"))
    path = story_drafts.build(tmp_path / "d.docx", paragraphs, header=["Ref {{ x }}"])
    findings = lint_docx(path, load_profile())
    sarif = report_as_sarif(LintReport([FileReport(str(path), findings)]))
    results = sarif["runs"][0]["results"]
    assert results and all(r["properties"]["excerpt"] == r["locations"][0]["physicalLocation"]["region"]
                           ["snippet"]["text"] for r in results)
    names = {n["name"] for r in results for n in r["locations"][0].get("logicalLocations", [])}
    assert {"header", "paragraph 9"} <= names


@pytest.mark.skipif(not REAL_DEFECTS.is_file(), reason=NO_REAL_DRAFTS)
def test_excerpts_are_the_text_defects_json_gives_for_the_paragraph():
    folder = real_drafts_folder()
    checked = 0
    for entry in json.loads((folder / "DEFECTS.json").read_text(encoding="utf-8")):
        texts = {(d["paragraph"], d["text"]) for d in entry["defects"] + entry["not_defects"]}
        for finding in lint_docx(folder / entry["file"], load_profile(entry["profile"])):
            for paragraph, text in texts:
                if finding.location.paragraph == paragraph and finding.location.area is None:
                    assert finding.excerpt == text
                    checked += 1
    assert checked >= 20


def test_an_annotated_copy_says_where_a_finding_outside_the_body_is(tmp_path, runner):
    import docx

    path = story_drafts.build(tmp_path / "d.docx", NOTICE, footer=["Version TBC"])
    out = tmp_path / "annotated.docx"
    result = runner.invoke(lint, ["--annotate", str(out), str(path)])
    assert result.exit_code == 1
    [comment] = [c.text for c in docx.Document(out).comments if "placeholder" in c.text]
    assert comment.startswith("In the footer: placeholder")


def _rewritten(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return target


def test_a_damaged_header_exits_2_naming_the_part(tmp_path, runner):
    source = story_drafts.build(tmp_path / "ok.docx", NOTICE, header=["OFFICIAL"])
    header = next(n for n in zipfile.ZipFile(source).namelist() if n.startswith("word/header"))
    broken = _rewritten(source, tmp_path / "broken.docx",
                        lambda name, data: data[: len(data) // 2] if name == header else data)
    result = runner.invoke(lint, [str(broken)])
    assert result.exit_code == 2 and header in result.output and "Traceback" not in result.output


def test_a_header_relationship_pointing_outside_the_package_is_not_followed(tmp_path):
    source = story_drafts.build(tmp_path / "ok.docx", NOTICE, header=["Ref TBC"])

    def outside(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(b'Target="header1.xml"', b'Target="../../../../etc/passwd"')
        return data

    moved = _rewritten(source, tmp_path / "moved.docx", outside)
    assert read_docx_outline(moved, load_profile()).outside == []
