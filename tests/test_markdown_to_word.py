"""Markdown body text becomes real Word structure: runs, lists, tables, links, headings."""

from __future__ import annotations

from lxml import etree

from notice_builder.render.markdown_to_word import BlockOptions, markdown_to_word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


class RecordingResources:
    """Stands in for a document: hands out ids and remembers what was asked for."""

    def __init__(self):
        self.links: dict[str, str] = {}
        self.numbered_starts: list[int] = []

    def hyperlink_id(self, url):
        return self.links.setdefault(url, f"rId{100 + len(self.links)}")

    def bullet_list_id(self):
        return 1

    def new_numbered_list_id(self, start):
        self.numbered_starts.append(start)
        return 10 + len(self.numbered_starts)


def render(text: str, **options):
    resources = RecordingResources()
    xml = markdown_to_word(text, resources, BlockOptions(**options)).xml
    body = etree.fromstring(f'<w:body xmlns:w="{W}" xmlns:r="{R}">{xml}</w:body>')
    return body, resources


def texts(element) -> str:
    return "".join(element.itertext())


def test_plain_text_is_one_paragraph_with_the_text_escaped():
    body, _ = render("Police & Crime <Board> costs £5,000 > £4,000")
    [paragraph] = body.findall("w:p", NS)
    assert texts(paragraph) == "Police & Crime <Board> costs £5,000 > £4,000"


def test_template_syntax_in_text_stays_literal():
    body, _ = render("{{ secret }} {% if x %} </w:t></w:r><w:p>")
    assert texts(body) == "{{ secret }} {% if x %} </w:t></w:r><w:p>"


def test_bold_and_italic_are_run_properties_not_asterisks():
    body, _ = render("**Customers and Citizens:** WMP will *provide*")
    runs = body.findall(".//w:r", NS)
    assert [texts(r) for r in runs] == ["Customers and Citizens:", " WMP will ", "provide"]
    assert runs[0].find("w:rPr/w:b", NS) is not None
    assert runs[2].find("w:rPr/w:i", NS) is not None
    assert "*" not in texts(body)


def test_bullet_list_items_are_word_list_paragraphs():
    body, _ = render("Intro:\n\n- one\n- two\n  - nested")
    items = body.xpath("w:p[w:pPr/w:numPr]", namespaces=NS)
    assert [texts(p) for p in items] == ["one", "two", "nested"]
    assert [p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for p in items] == ["ListBullet"] * 3
    levels = [p.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{{{W}}}val") for p in items]
    assert levels == ["0", "0", "1"]


def test_each_numbered_list_restarts_at_its_own_start():
    body, resources = render("1. a\n2. b\n\nText\n\n3. c\n4. d")
    assert resources.numbered_starts == [1, 3]
    num_ids = [p.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val")
               for p in body.xpath("w:p[w:pPr/w:numPr]", namespaces=NS)]
    assert num_ids == ["11", "11", "12", "12"]


def test_gfm_table_has_a_repeating_bold_header_row():
    body, _ = render("| Gate | Milestone |\n|---|---|\n| 0 | July-2013 |\n| 1 | Oct-2013 |")
    [table] = body.findall("w:tbl", NS)
    rows = table.findall("w:tr", NS)
    assert [[texts(c) for c in r.findall("w:tc", NS)] for r in rows] == [
        ["Gate", "Milestone"], ["0", "July-2013"], ["1", "Oct-2013"]]
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    assert rows[0].find(".//w:rPr/w:b", NS) is not None
    assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 2


def test_links_are_clickable_hyperlinks_with_relationships():
    url = "http://www.westmidlands-pcc.gov.uk/transparency/"
    body, resources = render(f"See [the record]({url}) and <{url}>.")
    links = body.findall(".//w:hyperlink", NS)
    assert [texts(link) for link in links] == ["the record", url]
    assert {link.get(f"{{{R}}}id") for link in links} == {resources.links[url]}


def test_unsafe_link_schemes_stay_as_text():
    body, resources = render("[click](javascript:alert(1)) [file](file:///etc/passwd)")
    assert body.findall(".//w:hyperlink", NS) == []
    assert resources.links == {}
    assert "click" in texts(body)


def test_raw_html_is_shown_as_text():
    body, _ = render("<b>bold?</b>")
    assert texts(body) == "<b>bold?</b>"


def test_markdown_headings_become_sub_headings_of_the_section():
    body, _ = render("## The Challenge\n\nText\n\n### Detail\n\nMore", heading_level=1)
    styles = [p.find("w:pPr/w:pStyle", NS) for p in body.findall("w:p", NS)]
    names = [s.get(f"{{{W}}}val") if s is not None else None for s in styles]
    assert names == ["Heading2", None, "Heading3", None]


def test_first_paragraph_style_numbers_a_report_paragraph():
    body, _ = render("First\n\nSecond", first_paragraph_style="NumberedParagraph")
    styles = [p.find("w:pPr/w:pStyle", NS) for p in body.findall("w:p", NS)]
    assert styles[0].get(f"{{{W}}}val") == "NumberedParagraph"
    assert styles[1] is None


def test_empty_markdown_still_yields_a_paragraph():
    body, _ = render("---")
    assert len(body.findall("w:p", NS)) == 1


def test_a_repeated_body_renders_the_same_and_still_takes_fresh_list_and_link_ids():
    plain = "Standard wording, *the same* in every decision.\n\n- one\n- two"
    first, _ = render(plain)
    again, _ = render(plain)
    assert etree.tostring(first) == etree.tostring(again)

    numbered = "1. first\n2. second\n\nSee [the plan](https://www.example.gov.uk/plan)."
    resources = RecordingResources()
    for _ in range(2):  # each document that prints the body needs its own list and link
        markdown_to_word(numbered, resources, BlockOptions())
    assert resources.numbered_starts == [1, 1]
    other = RecordingResources()
    markdown_to_word(numbered, other, BlockOptions())
    assert other.numbered_starts == [1] and other.links
