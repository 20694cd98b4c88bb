"""`notice import`: Word drafts become decision files (issue 16).

The drafts are built by the tests' own builders (lint_drafts.py, foreign_drafts.py) and by python-docx
here, as an officer would type them in Word, and by `notice build` for the round trip.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import docx
import foreign_drafts
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from import_roundtrip import build_and_import, differences, kind_of
from lint_drafts import PLAIN_HEADINGS, SUB_HEADINGS, _is_caps_heading, build_draft, reference_paragraphs

from notice_builder.bench import make_decisions
from notice_builder.cli import main
from notice_builder.draft_import import decision_text, import_draft
from notice_builder.model.findings import UnreadableInput
from notice_builder.profiles import load_profile

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example_decisions():
    return sorted(p for p in EXAMPLES.glob("*.json"))


# -- round trip: build, then import the built documents ------------------------------------------
@pytest.mark.parametrize("example", _example_decisions(), ids=lambda p: p.stem)
def test_every_example_comes_back_from_its_built_documents_field_for_field(example):
    decision = json.loads(example.read_text(encoding="utf-8"))
    profile = load_profile(decision.get("profile", "wmpcc"))
    compared, differing = differences(decision, build_and_import(decision, profile), profile)
    assert compared > 20
    assert differing == []


@pytest.mark.parametrize("example", _example_decisions(), ids=lambda p: p.stem)
def test_building_an_imported_example_gives_byte_identical_documents(example):
    from import_roundtrip import render_documents

    from notice_builder.load.decision_file import DecisionSource

    decision = json.loads(example.read_text(encoding="utf-8"))
    profile = load_profile(decision.get("profile", "wmpcc"))
    imported = build_and_import(decision, profile)
    assert imported.get("status") == decision["status"]
    assert (render_documents(DecisionSource("imported.json", imported), profile)
            == render_documents(DecisionSource("original.json", decision), profile))


def test_two_hundred_generated_decisions_come_back_with_at_least_98_percent_of_fields_equal(tmp_path):
    profile = load_profile("wmpcc")
    total, kinds = 0, collections.Counter()
    for path in make_decisions(tmp_path / "decisions", 200):
        decision = json.loads(path.read_text(encoding="utf-8"))
        compared, differing = differences(decision, build_and_import(decision, profile), profile)
        total += compared
        kinds.update(kind_of(pointer) for pointer, _, _ in differing)
    equal = 1 - sum(kinds.values()) / total
    print(f"\n200 generated decisions: {total} fields, {equal:.2%} equal; differing kinds: {dict(kinds)}")
    assert equal >= 0.98, kinds.most_common()


# -- the reference draft typed into Word ------------------------------------------------------------
def _bold_heading_draft(path: Path) -> Path:
    """The reference with its headings typed as bold Normal paragraphs (no Heading style, no capitals)."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    for text in reference_paragraphs():
        plain = text.replace("**", "")
        paragraph = document.add_paragraph()
        if _is_caps_heading(text) or plain in PLAIN_HEADINGS or plain in SUB_HEADINGS:
            paragraph.add_run(plain if plain in SUB_HEADINGS else _in_title_case(plain)).bold = True
        else:
            for n, piece in enumerate(text.split("**")):
                if piece:
                    paragraph.add_run(piece).bold = n % 2 == 1 or None
    document.save(path)
    return path


def _in_title_case(text: str) -> str:
    """"NOTICE OF DECISION 0XX/2013" -> "Notice Of Decision 0XX/2013": words, not references."""
    return " ".join(w if any(c.isdigit() for c in w) else w.capitalize() for w in text.split())


REFERENCE_DRAFTS = {
    "styled": lambda path: build_draft(path, styled=True),
    "typed-capitals": lambda path: build_draft(path, styled=False),
    "fake-bold": _bold_heading_draft,
}
# Where each of the reference's headings must put the text under it: (field, the text's first words).
REFERENCE_SECTIONS = [
    ("/report/purpose/0", "The purpose of this report is to ask Board"),
    ("/report/background/0", "The Commissioner has indicated"),
    ("/report/recommendations/0", "The Board is asked to comment"),
    ("/notice/executive_summary", "On 14 February the Commissioner decided"),
    ("/notice/decision", "I support the approach"),
    ("/notice/facts_and_advice/summary", "The report, supporting document"),
    ("/notice/facts_and_advice/sections/0/body", ""),
    ("/notice/implications/financial", ""),
    ("/notice/implications/legal", "The Commissioner has been provided with legal advice"),
    ("/notice/implications/equality", "There are no direct equalities implications"),
    ("/notice/background_papers/0", 'Technology Task Force "IIP Management Report"'),
    ("/notice/public_access", "Information contained in this decision"),
]


def _at(decision: dict, pointer: str):
    value = decision
    for key in pointer.strip("/").split("/"):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return value


@pytest.mark.parametrize("kind", REFERENCE_DRAFTS)
def test_the_reference_draft_is_placed_heading_by_heading_with_its_defects_reported(tmp_path, kind):
    draft = REFERENCE_DRAFTS[kind](tmp_path / f"{kind}.docx")
    result = import_draft(draft)
    assert result.profile.name == "wmpcc"
    assert result.placed_share >= 0.95, [(u.paragraph, u.text) for u in result.unplaced]
    decision = result.decision
    for pointer, start in REFERENCE_SECTIONS:
        assert _at(decision, pointer).startswith(start), pointer
    sections = decision["notice"]["facts_and_advice"]["sections"]
    assert sections[0]["heading"].upper() == "INTRODUCTION AND BACKGROUND"
    assert "West Midlands Police (WMP) faces two core challenges" in sections[0]["body"]
    assert "£797,400" in decision["notice"]["implications"]["financial"]
    assert [a["name"] for a in decision["report"]["authors"]] == ["Chris Sims", "Jacky Courtney"]
    assert decision["meeting"]["board"] == "Strategic Policing and Crime Board"
    assert decision["meeting"]["date"] == "2013-07-16"
    assert decision["meeting"]["report_type"].upper() == "DECISION"
    # The defects are kept, not hidden: no reference for the placeholder, the phone as typed.
    assert "reference" not in decision and decision["status"] == "draft"
    assert decision["notice"]["contact_officer"]["telephone"] == "0121 626"
    codes = {f.code: f for f in result.findings}
    assert "'0XX/2013'" in codes["import-placeholder"].message
    assert codes["import-placeholder"].location.paragraph is not None
    assert "'0121 626'" in codes["import-contact"].message
    # LEGAL IMPLICATIONS twice: both texts kept, in order, and said so
    assert "'LEGAL IMPLICATIONS'" in codes["import-repeated-heading"].message.upper()
    legal = decision["notice"]["implications"]["legal"]
    assert legal.index("(PQQ).") < legal.index("OJEU Contract Notice, Mol and PQQ.")


def test_the_styled_reference_keeps_its_lists_links_and_table_as_markdown(tmp_path):
    decision = import_draft(build_draft(tmp_path / "styled.docx", styled=True)).decision
    body = decision["notice"]["facts_and_advice"]["sections"][0]["body"]
    assert body.startswith("## The Challenge\n\n")
    assert "- **Customers and Citizens:** WMP will provide" in body
    assert "1. Design of a target operating model" in body and "\n2. Development of the change" in body
    financial = decision["notice"]["implications"]["financial"]
    assert "## Gateway Timetable" in financial
    # typed with tabs between the columns: a table all the same
    table = "\n\n| Gate | Description/Purpose | Milestone |\n| --- | --- | --- |\n| 0 | Commissioner"
    assert table in financial


# -- other offices' drafts --------------------------------------------------------------------------
@pytest.mark.parametrize("defects", [False, True], ids=["clean", "defective"])
@pytest.mark.parametrize("name", sorted(foreign_drafts.DRAFTS))
def test_other_offices_drafts_are_placed_with_their_own_profile(tmp_path, name, defects):
    _, profile = foreign_drafts.DRAFTS[name]
    result = import_draft(foreign_drafts.write_draft(tmp_path, name, defects), profile)
    assert result.placed_share >= 0.90, [(u.paragraph, u.text, u.reason) for u in result.unplaced]
    unplaced = [f for f in result.findings if f.code == "import-unplaced"]
    assert len(unplaced) == len(result.unplaced)
    assert all(f.location.paragraph for f in unplaced)


@pytest.mark.parametrize("name", ["opcc-record", "council-typed", "council-word-numbered", "german-word",
                                  "signoff-form", "tracked-record", "mopac-request"])
def test_the_profile_a_draft_is_written_in_is_chosen_by_its_headings(tmp_path, name):
    result = import_draft(foreign_drafts.write_draft(tmp_path, name))
    assert result.profile.name == foreign_drafts.DRAFTS[name][1]
    assert result.profile.name in result.profile_reason


def test_fields_in_a_two_column_table_and_headings_worded_differently_are_placed(tmp_path):
    decision = import_draft(foreign_drafts.write_draft(tmp_path, "council-typed"),
                            "council-executive-decision").decision
    assert decision["reference"] == "ED/2024/031"
    assert decision["title"] == "Eastgate leisure centre roof"
    assert decision["decision_maker"] == {"name": "Councillor Helen Marsh",
                                          "role": "Cabinet Member for Leisure"}
    assert decision["notice"]["contact_officer"]["telephone"] == "01234 567890"
    assert decision["notice"]["reasons"].startswith("2.1 The roof is at the end of its life")
    climate = decision["notice"]["implications"]["climate"]
    assert climate == "6.9.1 The new roof is insulated to current standards."


def test_an_unplaced_paragraph_is_kept_in_the_decision_and_named_by_number_and_text(tmp_path):
    result = import_draft(foreign_drafts.write_draft(tmp_path, "council-typed"), "council-executive-decision")
    finding = next(f for f in result.findings if "Key decision" in f.message)
    assert finding.location.paragraph == 9 and finding.code == "import-unplaced"
    assert "Key decision" in json.dumps(result.decision)  # never dropped
    assert result.decision["status"] == "draft"


# -- Markdown from Word's own formatting ------------------------------------------------------------
def _hyperlink(paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                   "hyperlink", is_external=True)
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>{text}</w:t>'
                                  "</w:r></w:hyperlink>"))


def formatted_draft(path: Path) -> Path:
    """A short notice typed in Word with emphasis, links, Word's lists, typed bullets and a table."""
    document = docx.Document()
    document.add_paragraph("NON-CONFIDENTIAL NOTICE OF DECISION", style="Title")
    for line in ("Contact Officer: Jo Bloggs", "Telephone Number: 0121 626 6060",
                 "Email: jo.bloggs@west-midlands.pnn.police.uk", "Title: Park lighting grant"):
        document.add_paragraph(line)
    document.add_heading("EXECUTIVE SUMMARY", level=1)
    paragraph = document.add_paragraph("The grant is ")
    paragraph.add_run("urgent").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("small").italic = True
    paragraph.add_run("; see ")
    _hyperlink(paragraph, "https://www.example.gov.uk/plan", "the plan")
    paragraph.add_run(" and ")
    _hyperlink(paragraph, "https://www.example.gov.uk/", "https://www.example.gov.uk/")
    paragraph.add_run(".")
    document.add_paragraph("Lights in three parks", style="List Bullet")
    document.add_paragraph("Paths to the car parks", style="List Bullet")
    document.add_paragraph("- A typed bullet")
    document.add_heading("DECISION", level=1)
    document.add_paragraph("I approve the grant:")
    document.add_paragraph("Phase one", style="List Number")
    document.add_paragraph("Phase two", style="List Number")
    document.add_heading("Costs", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, (item, cost) in zip(table.rows, [("Item", "Cost"), ("Lamps", "£5,000"), ("Cable", "£1,000")],
                                 strict=True):
        row.cells[0].text, row.cells[1].text = item, cost
    document.add_paragraph("Costs are *estimates* [draft]")
    document.save(path)
    return path


def test_emphasis_links_lists_tables_and_sub_headings_become_markdown(tmp_path):
    decision = import_draft(formatted_draft(tmp_path / "formatted.docx"), "wmpcc").decision
    summary = decision["notice"]["executive_summary"]
    assert summary == ("The grant is **urgent** and *small*; see [the plan](https://www.example.gov.uk/plan) "
                       "and <https://www.example.gov.uk/>.\n\n- Lights in three parks\n"
                       "- Paths to the car parks\n- A typed bullet")
    assert decision["notice"]["decision"] == (
        "I approve the grant:\n\n1. Phase one\n2. Phase two\n\n## Costs\n\n"
        "| Item | Cost |\n| --- | --- |\n| Lamps | £5,000 |\n| Cable | £1,000 |\n\n"
        "Costs are \\*estimates\\* \\[draft\\]")


def _pandoc_markdown(path: Path) -> str:
    import subprocess

    return subprocess.run(["pandoc", "-f", "docx", "-t", "gfm", "--wrap=none", str(path)], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.pandoc
def test_lists_tables_and_links_read_as_pandoc_reads_them(tmp_path):
    from notice_builder.markdown.parser import markdown_it

    draft = formatted_draft(tmp_path / "formatted.docx")
    ours = import_draft(draft, "wmpcc").decision["notice"]
    render = markdown_it().render
    # pandoc writes loose lists (a paragraph in each item) and leaves a typed "- " as text; both
    # read the same otherwise, so its items are made tight and the typed bullet left out of ours.
    theirs = render(_pandoc_markdown(draft)).replace("<li>\n<p>", "<li>").replace("</p>\n</li>", "</li>")
    compared = 0
    for body in (ours["executive_summary"], ours["decision"]):
        for block in body.split("\n\n"):
            if block.startswith(("- ", "1. ", "|")) or "](" in block:
                block = "\n".join(line for line in block.split("\n") if line != "- A typed bullet")
                assert render(block) in theirs, block
                compared += 1
    assert compared == 4  # the links, the bullets, the numbered list and the table


# -- the command ------------------------------------------------------------------------------------
def test_import_writes_a_valid_decision_and_exits_0_when_everything_is_placed(tmp_path):
    profile = load_profile("pcc-decision-record")
    decision = json.loads((EXAMPLES / "pcc-decision-record.json").read_text(encoding="utf-8"))
    from import_roundtrip import render_documents  # the same build as `notice build`

    from notice_builder.load.decision_file import DecisionSource

    (tmp_path / "record.docx").write_bytes(
        render_documents(DecisionSource("d.json", decision), profile)["decision-record"])
    result = CliRunner().invoke(main, ["import", str(tmp_path / "record.docx"),
                                       "-o", str(tmp_path / "d.json")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "d.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "$schema": ')
    assert json.loads(text)["status"] == "final"
    assert "placed 34 of 34 paragraphs" in result.output
    check = CliRunner().invoke(main, ["validate", str(tmp_path / "d.json")])
    assert check.exit_code == 0, check.output


def test_import_of_a_draft_needing_attention_writes_a_draft_and_exits_1(tmp_path):
    draft = build_draft(tmp_path / "reference.docx", styled=True)
    result = CliRunner().invoke(main, ["import", str(draft)])
    assert result.exit_code == 1
    assert "import-placeholder" in result.output and "import-contact" in result.output
    assert json.loads((tmp_path / "reference.json").read_text(encoding="utf-8"))["status"] == "draft"


def test_import_never_overwrites_a_decision_without_force(tmp_path):
    draft = build_draft(tmp_path / "reference.docx", styled=True)
    (tmp_path / "reference.json").write_text("{}", encoding="utf-8")
    refused = CliRunner().invoke(main, ["import", str(draft)])
    assert refused.exit_code == 1 and "exists" in refused.output
    assert (tmp_path / "reference.json").read_text(encoding="utf-8") == "{}"
    forced = CliRunner().invoke(main, ["import", str(draft), "--force"])
    assert forced.exit_code == 1 and (tmp_path / "reference.json").read_text(encoding="utf-8") != "{}"


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_an_unreadable_draft_exits_2_with_one_line_naming_it(tmp_path, content):
    draft = tmp_path / "bad.docx"
    draft.write_bytes(content)
    result = CliRunner().invoke(main, ["import", str(draft)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and str(draft) in result.output
    assert not (tmp_path / "bad.json").exists()
    with pytest.raises(UnreadableInput):
        import_draft(draft)


def test_a_draft_with_a_doctype_is_refused_as_lint_refuses_it(tmp_path):
    import zipfile

    draft = build_draft(tmp_path / "reference.docx", styled=True)
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(draft) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "boom">]>', 1)
            target.writestr(item, data)
    result = CliRunner().invoke(main, ["import", str(hostile)])
    assert result.exit_code == 2 and "docx-unsafe-xml" in result.output
    assert not (tmp_path / "hostile.json").exists()


def test_a_required_field_left_blank_is_reported_by_paragraph_and_by_the_schema(tmp_path):
    draft = foreign_drafts.write_draft(tmp_path, "council-word-numbered", defects=True)
    result = CliRunner().invoke(main, ["import", str(draft), "--profile", "council-executive-decision"])
    assert result.exit_code == 1
    assert "paragraph 6: import-placeholder /notice/contact_officer/name is left blank" in result.output
    assert "-defective.json:" in result.output and "/notice/contact_officer: schema" in result.output


def test_json_format_reports_findings_as_lint_does_with_the_import_figures(tmp_path):
    draft = build_draft(tmp_path / "reference.docx", styled=True)
    result = CliRunner().invoke(main, ["import", str(draft), "--format", "json"])
    report = json.loads(result.stdout)
    assert report["tool"] == "notice-builder" and report["summary"]["files"] == 1
    entry = report["files"][0]
    assert {f["code"] for f in entry["findings"]} >= {"import-placeholder", "import-contact"}
    assert entry["import"]["paragraphs"] == 100 and entry["import"]["profile"] == "wmpcc"


def test_a_folder_is_imported_draft_by_draft_with_a_summary(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("opcc-record", "council-typed", "german-word"):
        foreign_drafts.write_draft(drafts, name)
    (drafts / "broken.docx").write_bytes(b"not a docx")
    (drafts / "~$lock.docx").write_bytes(b"Word's lock file")
    out = tmp_path / "decisions"
    result = CliRunner().invoke(main, ["import", str(drafts), "-o", str(out), "-j", "2"])
    assert result.exit_code == 2  # one draft was unreadable; the rest were imported
    summary = json.loads((out / "import-summary.json").read_text(encoding="utf-8"))
    assert summary["drafts"] == 4 and summary["written"] == 3 and summary["unreadable"] == 1
    assert sorted(p.name for p in out.glob("*.json")) == [
        "council-typed-clean.json", "german-word-clean.json", "import-summary.json", "opcc-record-clean.json"]
    by_draft = {Path(i["draft"]).name: i for i in summary["imports"]}
    assert by_draft["opcc-record-clean.docx"]["profile"] == "pcc-decision-record"
    assert by_draft["german-word-clean.docx"]["profile"] == "council-executive-decision"
    again = CliRunner().invoke(main, ["import", str(drafts), "-o", str(out)])
    assert again.exit_code == 1 and "exists" in again.output


def test_separate_documents_of_one_decision_are_read_as_one_draft(tmp_path):
    decision = json.loads((EXAMPLES / "wmpcc-012-2013-final-signed.json").read_text(encoding="utf-8"))
    profile = load_profile("wmpcc")
    imported = build_and_import(decision, profile, tmp_path)
    assert imported["report"]["purpose"] == decision["report"]["purpose"]
    assert imported["notice"]["decision"] == decision["notice"]["decision"]
    text, findings = decision_text(import_draft([tmp_path / "board-report.docx", tmp_path / "notice.docx"]),
                                   tmp_path / "d.json")
    assert findings == [] and json.loads(text)["reference"] == "WMPCC 012/2013"


def test_a_combined_draft_is_split_into_report_and_notice(tmp_path):
    document = docx.Document()
    paragraphs = reference_paragraphs()
    notice = next(n for n, text in enumerate(paragraphs) if "NOTICE OF DECISION" in text) - 1
    for text in paragraphs[:notice]:
        document.add_paragraph(text.replace("**", ""))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("ANNEX A")
    for text in paragraphs[notice:]:
        document.add_paragraph(text.replace("**", ""))
    document.save(tmp_path / "combined.docx")
    decision = import_draft(tmp_path / "combined.docx").decision
    assert decision["report"]["recommendations"] == [
        "The Board is asked to comment on the contents of this report."]
    assert decision["notice"]["decision"].startswith("I support the approach")
    assert "Chris Sims" not in json.dumps(decision["notice"])


# -- growth ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["same", "fake", "annex", "runs"])
def test_importing_a_draft_grows_linearly(tmp_path, kind):
    """Cost per paragraph at 10^4 paragraphs at most 3 times that at 10^3 (test_growth.py's measure)."""
    from test_growth import MAX_RATIO, _ratio, make_draft

    def action(n):
        draft = make_draft(tmp_path / f"{kind}-{n}.docx", kind, n)
        return lambda: import_draft(draft, "wmpcc")

    assert _ratio(action) <= MAX_RATIO


@pytest.mark.parametrize("name", sorted(foreign_drafts.DRAFTS))
def test_the_profile_a_draft_is_imported_with_is_the_one_lint_finds_it_fits(tmp_path, name):
    from notice_builder.lint.profile_fit import builtin_fits, choose_fit
    from notice_builder.load.docx_outline import read_docx_outline

    path = foreign_drafts.write_draft(tmp_path, name)
    fit, _ = choose_fit(builtin_fits(read_docx_outline(path, load_profile())))
    expected = fit.profile.name if fit else load_profile().name  # none fits: the folder's, else the default
    assert import_draft(path).profile.name == expected
