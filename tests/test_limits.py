"""Inputs beyond what a real notice needs are refused at once, naming the limit and the value; the
costs that grew faster than the input (duplicate findings, Word comments, hyperlink ids) are linear.

Inputs are generated (bench/scaling_inputs.py), never stored. Timing is tests/test_growth.py's.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, example_data, source_of
from docx import Document
from lxml import etree

from notice_builder.docx.namespaces import W as NAMESPACE_W
from notice_builder.model import limits
from notice_builder.pipeline import run_decision, validate_decision
from notice_builder.validate.schema_validation import decision_schema

sys.path.insert(0, str(REPO / "bench"))
from scaling_inputs import decision_data, draft_paragraphs, make_draft

W = f"{{{NAMESPACE_W}}}"


# -- caps ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [(), ("--format", "sarif"), ("--annotate", "OUT")])
def test_a_draft_over_the_paragraph_cap_is_unreadable_in_one_line(run, tmp_path, args):
    draft = make_draft(tmp_path / "long.docx", "same", limits.MAX_DRAFT_PARAGRAPHS + 1)
    args = tuple(str(tmp_path / "out.docx") if a == "OUT" else a for a in args)
    result = run("lint", *args, draft)
    assert result.exit_code == 2
    expected = (f"the draft has {limits.MAX_DRAFT_PARAGRAPHS + 1} paragraphs; "
                f"the limit is {limits.MAX_DRAFT_PARAGRAPHS}")
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.docx").exists()


def test_a_draft_at_the_cap_is_linted(run, tmp_path):
    draft = make_draft(tmp_path / "at-cap.docx", "different", limits.MAX_DRAFT_PARAGRAPHS)
    assert run("lint", draft).exit_code in (0, 1)


def _too_large(findings):
    return [f for f in findings if f.code == "too-large"]


def test_a_list_over_the_cap_is_refused_naming_its_pointer():
    data = example_data()
    data["notice"]["facts_and_advice"]["sections"] = [
        {"heading": "Background", "body": "Text."}
    ] * (limits.MAX_LIST_ITEMS + 1)
    run = run_decision(source_of(data), keep_going=True)
    [finding] = run.findings  # nothing else runs: no lint, no schema, no render
    assert finding.code == "too-large" and finding.location.pointer == "/notice/facts_and_advice/sections"
    assert f"has {limits.MAX_LIST_ITEMS + 1} items; the limit is {limits.MAX_LIST_ITEMS}" in finding.message
    assert finding.location.line is not None and not run.documents


def test_too_many_lines_of_text_are_refused_naming_the_longest_field():
    data = decision_data("runs", limits.MAX_DECISION_LINES + 500)
    [finding] = _too_large(validate_decision(source_of(data)))
    assert finding.location.pointer.startswith("/notice/facts_and_advice/sections/")
    assert f"the limit is {limits.MAX_DECISION_LINES}" in finding.message
    assert "lines of text (500 in this field)" in finding.message


def test_a_decision_over_the_size_cap_is_refused_before_anything_else(run, tmp_path):
    data = example_data()
    data["notice"]["decision"] = "x" * limits.MAX_DECISION_BYTES
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for command in ("lint", "build"):
        result = run(command, path, *(("-o", tmp_path / "out") if command == "build" else ()))
        assert result.exit_code == 1, command
        assert f"the limit is {limits.MAX_DECISION_BYTES}" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_decisions_within_the_caps_are_not_refused():
    for kind in ("grouped", "runs"):
        assert not _too_large(validate_decision(source_of(decision_data(kind, 10_000))))


def test_the_schema_body_length_is_the_cap_of_limits():
    defs = decision_schema()["$defs"]
    assert defs["markdown"]["maxLength"] == defs["body"]["maxLength"] == limits.MAX_BODY_CHARACTERS


# -- duplicate headings: one other place and a count, not every other ---------------------------
def test_each_duplicate_heading_names_one_other_place_and_counts_the_rest(tmp_path):
    from notice_builder.lint import lint_docx
    from notice_builder.profiles import load_profile

    draft = make_draft(tmp_path / "same.docx", "same", 8)  # LEGAL IMPLICATIONS at paragraphs 1, 3, 5, 7
    found = [f for f in lint_docx(draft, load_profile("wmpcc")) if f.code == "duplicate-heading"]
    messages = {f.location.paragraph: f.message for f in found}
    assert messages[1].endswith("(also at paragraph 3 and 2 other places)")
    assert messages[5].endswith("(also at paragraph 1 and 2 other places)")
    draft = make_draft(tmp_path / "many.docx", "same", 2000)
    found = [f for f in lint_docx(draft, load_profile("wmpcc")) if f.code == "duplicate-heading"]
    assert len(found) == 1000 and max(len(f.message) for f in found) < 120


# -- annotate --------------------------------------------------------------------------------------
def test_annotate_gives_every_finding_its_comment_in_order(run, tmp_path):
    draft = make_draft(tmp_path / "fake.docx", "fake", 600)
    out = tmp_path / "annotated.docx"
    assert run("lint", "--annotate", out, draft).exit_code in (0, 1)
    with zipfile.ZipFile(out) as package:
        comments = etree.fromstring(package.read("word/comments.xml"))
        document = etree.fromstring(package.read("word/document.xml"))
    ids = [c.get(f"{W}id") for c in comments.iter(f"{W}comment")]
    assert ids == [str(n) for n in range(len(ids))] and len(ids) >= 300
    anchored = [r.get(f"{W}id") for r in document.iter(f"{W}commentReference")]
    assert sorted(anchored, key=int) == ids


def _with_dangling_relationship(path: Path) -> Path:
    make_draft(path.with_suffix(".tmp"), "same", 4)
    with zipfile.ZipFile(path.with_suffix(".tmp")) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rId99" Target="media/gone.png" Type="http://schemas.openxml'
                    b'formats.org/officeDocument/2006/relationships/image"/></Relationships>'))
            out.writestr(info, data)
    return path


def test_annotate_copes_with_a_dangling_internal_relationship(run, tmp_path):
    draft = _with_dangling_relationship(tmp_path / "dangling.docx")
    assert run("lint", draft).exit_code == 1  # lint reads it
    out = tmp_path / "annotated.docx"
    result = run("lint", "--annotate", out, draft)
    assert result.exit_code == 1 and "Traceback" not in result.output
    comments = Document(str(out)).comments
    assert len(list(comments)) >= 2


# -- hyperlink ids ---------------------------------------------------------------------------------
def test_many_links_get_the_ids_python_docx_would_give(tmp_path):
    data = example_data()
    links = " ".join(f"[link {n % 40}](https://example.org/{n % 40})" for n in range(120))
    data["notice"]["executive_summary"] = f"See {links}."
    source = source_of(data)
    fast = run_decision(source, lint=False).documents["notice"]
    slow = run_decision(source, lint=False, engine="docxtpl").documents["notice"]
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(slow)) as b:
        for name in ("word/document.xml", "word/_rels/document.xml.rels"):
            assert a.read(name) == b.read(name), name
        rels = etree.fromstring(a.read("word/_rels/document.xml.rels"))
    assert sum(r.get("TargetMode") == "External" for r in rels) == 40


def test_generated_drafts_have_the_paragraphs_asked_for():
    for kind in ("same", "different", "fake", "annex", "markers", "runs"):
        assert len(draft_paragraphs(kind, 101)) == 101
