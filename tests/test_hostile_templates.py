"""Template and XML injection: values print as themselves; a customised template cannot leave its sandbox.

Values are autoescaped and braces are written as character references, so nothing a decision holds
is ever read as Jinja or as Word XML. Templates run in Jinja's SandboxedEnvironment: a template that
reaches for Python internals gets a `template-error` finding, not a shell.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import RENDER_ENGINES, render_documents
from notice_builder.profiles import load_profile
from tests.conftest import SHORT_EXAMPLE, custom_template, example_data, open_docx, source_of

ENGINES = sorted(RENDER_ENGINES)
INJECTIONS = {
    "jinja-expression": "{{ 7*7 }} {{ title }}",
    "jinja-statement": "{% for x in range(3) %}x{% endfor %}",
    "jinja-comment": "{# hidden #} shown",
    "docxtpl-tags": "{{p body }} {%tr endfor %} {{r run }}",
    "docxtpl-escapes": "{_{ x }_} {_% y %_}",
    "xml-break-out": "</w:t></w:r><w:p><w:r><w:t>injected",
    "ampersand": "R&D & Co",
    "less-than": "a < b <w:p/>",
    "cdata-end": "]]> <![CDATA[ x ]]>",
    "entity-lookalike": "&lt; &#38; &amp;",
}
# Markdown reads `&amp;` as an entity, and `_..._` as emphasis: those are Markdown, not injection.
MARKDOWN_SAFE = {name: value for name, value in INJECTIONS.items()
                 if name not in ("entity-lookalike", "docxtpl-escapes")}


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", INJECTIONS)
def test_plain_fields_print_injection_attempts_as_literal_text(name, engine):
    value = INJECTIONS[name]
    data = example_data()
    data["title"] = f"Title {value}"
    data["notice"]["contact_officer"]["name"] = f"Officer {value}"
    data["decision_maker"]["role"] = f"Role {value}"
    data["report"]["authors"][0]["name"] = f"Author {value}"
    data["report"]["annexes"] = [{"label": "A", "title": f"Annex {value}"}]
    data["notice"]["facts_and_advice"]["sections"] = [{"heading": f"Heading {value}", "body": "Body."}]
    documents = render_documents(source_of(data), engine=engine)
    notice, report = open_docx(documents["notice"]), open_docx(documents["board-report"])
    assert f"Title: Title {value}" in texts(notice)
    assert f"Contact Officer: Officer {value}" in texts(notice)
    assert f"Role {value}" in texts(notice)
    assert f"Heading {value}" in texts(notice)
    assert f"Annex A: Annex {value}" in texts(report)
    assert any(t.startswith(f"Authors of the Report: Author {value},") for t in texts(report))
    assert notice.core_properties.subject == f"Title {value}"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", MARKDOWN_SAFE)
def test_markdown_fields_print_injection_attempts_as_literal_text(name, engine):
    value = MARKDOWN_SAFE[name]
    data = example_data()
    data["notice"]["decision"] = f"Decision {value}"
    data["notice"]["implications"]["legal"] = f"- Item {value}\n\n| A {value} |\n| --- |\n| `{value}` |"
    notice = open_docx(render_documents(source_of(data), engine=engine)["notice"])
    assert f"Decision {value}" in texts(notice)
    assert f"Item {value}" in texts(notice)
    [table] = notice.tables
    assert [row.cells[0].text for row in table.rows] == [f"A {value}", value]


def _with_paragraph(text: str):
    """An edit that adds a paragraph holding `text` (a Jinja tag) at the end of the document body."""
    paragraph = f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"
    return lambda xml: xml.replace("<w:sectPr", paragraph + "<w:sectPr", 1)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["jinja-expression", "docxtpl-escapes", "xml-break-out", "ampersand"])
def test_header_prints_injection_attempts_as_literal_text(tmp_path, name, engine):
    value = INJECTIONS[name]

    def title_in_header(xml: str) -> str:
        return xml.replace("{{ reference }}", "{{ reference }} {{ title }}")

    profile = custom_template(tmp_path, title_in_header, "word/header1.xml")
    data = example_data()
    data["title"] = f"Title {value}"
    notice = open_docx(render_documents(source_of(data), profile, engine=engine)["notice"])
    # under the large DRAFT line, the (empty) reference and the title
    assert [p.text for p in notice.sections[0].header.paragraphs] == ["DRAFT", f" Title {value}"]


SANDBOX_ESCAPES = {
    "cycler-globals-os": "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "subclasses": "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c('touch MARKER') }}"
                  "{% endfor %}",
    "format-string": "{{ '{0.__class__.__init__.__globals__}'.format(title) }} MARKER",
    "undefined-name": "{{ config.items() }} MARKER",
}


@pytest.mark.parametrize("name", SANDBOX_ESCAPES)
def test_template_reaching_python_internals_is_a_clean_finding_and_runs_nothing(tmp_path, name, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned"
    payload = SANDBOX_ESCAPES[name].replace("MARKER", str(marker))
    profile = custom_template(tmp_path, _with_paragraph(payload))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SHORT_EXAMPLE), "-o", str(out), "--profile", profile])
    assert result.exit_code == 1, result.output
    assert "template-error" in result.output and "Traceback" not in result.output
    assert not marker.exists() and not out.exists()


def test_the_classic_id_payload_raises_a_security_error_finding(tmp_path):
    profile = custom_template(tmp_path, _with_paragraph(
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}"))
    with pytest.raises(NoticeBuilderError) as caught:
        render_documents(source_of(example_data()), profile)
    [finding] = caught.value.findings
    assert finding.code == "template-error"
    assert "unsafe" in finding.message or "SecurityError" in finding.message or "access" in finding.message
    assert "uid=" not in str(finding)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("tag", ["{{ title ", "{% for x in notice.sections %}", "{{ title | nosuchfilter }}",
                                 "{% for x in 5 %}{% endfor %}"])
def test_a_broken_template_is_a_finding_not_a_traceback(tmp_path, tag, engine):
    profile = custom_template(tmp_path, _with_paragraph(tag))
    with pytest.raises(NoticeBuilderError) as caught:
        render_documents(source_of(example_data()), load_profile(profile), engine=engine)
    assert caught.value.findings[0].code.startswith("template")


def test_a_template_that_is_not_a_word_file_is_a_finding(tmp_path):
    profile = custom_template(tmp_path, lambda xml: xml)
    (Path(profile).parent / "templates" / "wmpcc" / "notice.docx").write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["build", str(SHORT_EXAMPLE), "-o", str(tmp_path / "out"),
                                       "--profile", profile])
    assert result.exit_code == 1 and "template" in result.output and "Traceback" not in result.output
