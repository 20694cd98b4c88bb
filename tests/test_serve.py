"""`notice serve` without a browser: the form model's round trip, saves and versions, downloads, the
security checks and bad uploads, over real HTTP to a server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_helpers import (
    EXAMPLES,
    canonical,
    entry_index,
    hidden,
    office_of_examples,
    session,
    unchanged_form,
)

from notice_builder.bench import make_decisions
from notice_builder.cli import main
from notice_builder.load import parse_decision_text
from notice_builder.pipeline import build_documents
from notice_builder.profiles import load_profile, profile_for
from notice_builder.profiles.document_order import decision_json_text
from notice_builder.serve.finding_fields import place_findings
from notice_builder.serve.form_model import (
    decision_from_form,
    field_id,
    form_fields,
    form_values,
    leaves,
    list_action,
    profile_schema,
)
from notice_builder.serve.listing import decision_files
from notice_builder.serve.server import refuse_other_hosts
from notice_builder.serve.versions import VERSIONS_FOLDER


def _round_trip(text: str, name: str) -> str:
    source = parse_decision_text(text, name)
    profile = profile_for(source, None)
    fields = form_fields(source.data, profile)
    return decision_json_text(decision_from_form(source.data, fields, form_values(source.data, profile)))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_loaded_into_the_form_and_saved_unchanged_is_the_same_file(example):
    text = example.read_text(encoding="utf-8")
    assert _round_trip(text, str(example)) == text


def test_200_generated_decisions_round_trip_through_the_form_byte_for_byte(tmp_path):
    for path in make_decisions(tmp_path, 200):
        canonical(path, json.loads(path.read_text(encoding="utf-8")))
        text = path.read_text(encoding="utf-8")
        assert _round_trip(text, str(path)) == text, path.name


def test_the_form_follows_the_order_of_the_documents():
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))  # wmpcc final
    pointers = [f.pointer for f in leaves(form_fields(data, load_profile("wmpcc")))]
    assert pointers.index("/status") < pointers.index("/title") < pointers.index("/report/purpose/0")
    assert pointers.index("/report/recommendations/0") < pointers.index("/notice/executive_summary")
    assert pointers.index("/notice/decision") < pointers.index("/notice/implications/financial")
    assert pointers.index("/notice/implications/equality") < pointers.index("/notice/background_papers/0")


def test_a_field_left_empty_where_there_was_none_stays_out_and_an_emptied_optional_one_is_removed():
    data = json.loads((Path(EXAMPLES[0]).parent / "wmpcc-012-2013-final-signed.json").read_text())
    profile = load_profile("wmpcc")
    fields = form_fields(data, profile)
    values = form_values(data, profile)
    assert "/date#day" in values and "date" not in data  # shown, empty, absent
    values["/reference"] = ""
    values["/notice/contact_officer/name"] = "Ann Other"
    changed = decision_from_form(data, fields, values)
    assert "reference" not in changed and "date" not in changed
    assert changed["notice"]["contact_officer"]["name"] == "Ann Other"
    assert list(changed) == [k for k in data if k != "reference"]  # keys keep their order


def test_a_body_marked_confidential_becomes_text_with_its_exemption_ground():
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    profile = load_profile("wmpcc")
    values = form_values(data, profile)
    values["/notice/implications/legal/confidential"] = "true"
    values["/notice/implications/legal/exemption"] = "Schedule 12A paragraph 3"
    changed = decision_from_form(data, form_fields(data, profile), values)
    assert changed["notice"]["implications"]["legal"] == {
        "text": data["notice"]["implications"]["legal"], "confidential": True,
        "exemption": "Schedule 12A paragraph 3"}


def test_the_date_boxes_make_an_iso_date():
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    profile = load_profile("wmpcc")
    values = form_values(data, profile)
    values.update({"/date#day": "7", "/date#month": "3", "/date#year": "2014"})
    assert decision_from_form(data, form_fields(data, profile), values)["date"] == "2014-03-07"


def test_a_date_the_boxes_cannot_show_is_kept_as_it_was_and_named_on_the_page(tmp_path):
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    data["meeting"]["date"] = "16/07/2013"
    text = decision_json_text(data)
    assert _round_trip(text, "x.json") == text
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "d.json").write_text(text, encoding="utf-8")
    with session(folder) as (_, client):
        page = client.get("/d/0").text
        assert "The file holds “16/07/2013”" in page and "1 problem to correct" in page


def test_paragraphs_are_added_removed_and_reordered():
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    profile = load_profile("wmpcc")
    background = data["report"]["background"]
    added, focus = list_action(data, profile, "add:/report/background")
    assert added["report"]["background"] == [*background, ""]
    assert focus == f"/report/background/{len(background)}"
    moved, focus = list_action(data, profile, "up:/report/background/1")
    assert moved["report"]["background"][:2] == [background[1], background[0]]
    assert focus == "/report/background/0"
    removed, _ = list_action(data, profile, "remove:/report/background/0")
    assert removed["report"]["background"] == background[1:]
    assert list_action(data, profile, "add:/title")[0] == data  # not a list: nothing happens


def test_a_missing_field_reported_at_its_group_is_shown_beside_that_field():
    from notice_builder.pipeline import run_decision

    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    data["notice"]["signature"] = {"name": "Bob Jones"}
    source = parse_decision_text(json.dumps(data), "x.json")
    profile = load_profile("wmpcc")
    findings = run_decision(source, render=False, keep_going=True).findings
    placed = place_findings(findings, form_fields(data, profile), profile_schema(profile))
    assert any(p.field == field_id("/notice/signature/date") + "-day" for p in placed), placed


def test_a_date_in_three_boxes_is_not_asked_for_in_the_files_iso_form():
    from notice_builder.pipeline import run_decision

    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    data["date"] = "2013-02-31"
    profile = load_profile("wmpcc")
    source = parse_decision_text(json.dumps(data), "x.json")
    findings = run_decision(source, render=False, keep_going=True).findings
    assert any("in the form 2013-07-16" in f.message for f in findings)  # the CLI's message
    (placed,) = [p for p in place_findings(findings, form_fields(data, profile), profile_schema(profile))
                 if p.field == field_id("/date") + "-day"]
    assert placed.message == "Enter the decision date as a real date", placed.message


def test_the_listing_passes_over_versions_outputs_and_links_out_of_the_folder(tmp_path):
    folder = office_of_examples(tmp_path / "office")
    (folder / VERSIONS_FOLDER / "x.json").mkdir(parents=True)
    (folder / VERSIONS_FOLDER / "x.json" / "old.json").write_text("{}")
    (folder / "out").mkdir()
    (folder / "out" / "manifest.json").write_text("{}")
    outside = tmp_path / "secret.json"
    outside.write_text('{"title": "secret"}')
    (folder / "link.json").symlink_to(outside)
    names = [f.name for f in decision_files(folder)]
    assert names == sorted(p.name for p in EXAMPLES)


# ---- over HTTP -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = office_of_examples(tmp_path_factory.mktemp("served"))
    with session(folder) as (running, client):
        yield folder, running, client


def test_every_request_needs_the_token_once_then_its_cookie(served):
    import httpx

    _folder, running, client = served
    base = f"http://127.0.0.1:{running.port}"
    assert httpx.get(base + "/").status_code == 403
    assert httpx.get(base + "/d/0").status_code == 403
    assert httpx.get(base + "/static/form.css").status_code == 403
    assert httpx.get(running.url).status_code == 403  # the one-time address was used by the fixture
    assert client.get("/").status_code == 200


def test_a_wrong_host_header_is_refused(served):
    _, running, client = served
    answer = client.get("/", headers={"Host": f"attacker.example:{running.port}"})
    assert answer.status_code == 403 and "address" in answer.text
    assert client.get("/", headers={"Host": "127.0.0.1:1"}).status_code == 403


def test_a_change_without_this_server_s_origin_is_refused(served):
    folder, _running, client = served
    before = {p.name: p.read_bytes() for p in folder.glob("*.json")}
    assert client.post("/new", headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/new", headers={"Origin": ""}).status_code == 403
    assert {p.name: p.read_bytes() for p in folder.glob("*.json")} == before


def test_every_answer_has_a_strict_content_security_policy(served):
    _, _, client = served
    for path in ("/", "/d/0", "/d/0/check", "/static/form.js"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_no_page_carries_inline_script_or_style(served):
    _, _, client = served
    for path in ("/", "/d/0", "/d/3", "/d/0/check"):
        page = client.get(path).text
        assert "<script>" not in page and "style=" not in page and "<style" not in page
        assert "onclick" not in page.lower()


def test_an_unknown_place_in_the_listing_is_404_and_no_path_is_taken_from_the_browser(served):
    _, _, client = served
    assert client.get("/d/999").status_code == 404
    assert client.get("/d/-1").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/d/0/download/..%2F..%2Fetc%2Fpasswd.json").status_code in (404, 409)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.txt", b"hello, this is not JSON", "not a decision file"),
    ("draft.docx", b"PK\x03\x04" + b"\0" * 100, "cannot be imported"),
    ("draft.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "not a Word .docx file"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "not a decision file"),
    ("number.json", b'{"title": 1' + b"0" * 500 + b"}", "not a decision file"),
    ("dupes.json", b'{"title": "a", "title": "b"}', "not a decision file"),
    ("list.json", b"[1, 2, 3]", "not a decision"),
    ("latin1.json", '{"title": "caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
    ("big.json", b'{"title": "' + b"a" * 3_000_000 + b'"}', "larger than a decision can be"),
])
def test_a_bad_upload_gets_a_clear_message_on_the_page(served, name, content, expected):
    folder, _, client = served
    before = sorted(p.name for p in folder.rglob("*.json"))
    answer = client.post("/upload", files={"file": (name, io.BytesIO(content))})
    assert 400 <= answer.status_code < 500, answer.status_code
    assert expected in answer.text and "There is a problem" in answer.text
    assert "Traceback" not in answer.text
    assert sorted(p.name for p in folder.rglob("*.json")) == before


def test_a_100_mb_upload_is_refused_before_it_is_read(served):
    _folder, _, client = served
    chunk = b"x" * (1024 * 1024)

    def body():
        yield b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.json\"\r\n\r\n"
        for _ in range(100):
            yield chunk
        yield b"\r\n--b--\r\n"

    answer = client.post("/upload", content=body(),
                         headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert answer.status_code == 413 and "larger than" in answer.text
    sized = client.post("/upload", files={"file": ("huge.json", io.BytesIO(b" " * (100 * 1024 * 1024)))})
    assert sized.status_code == 413 and "larger than" in sized.text  # refused on its Content-Length


def test_a_good_upload_is_saved_in_the_folder_and_opened(served):
    folder, _, client = served
    text = EXAMPLES[0].read_bytes()
    answer = client.post("/upload", files={"file": ("Council decision.json", io.BytesIO(text))},
                         follow_redirects=True)
    assert answer.status_code == 200 and "decision-form" in answer.text
    assert (folder / "council-decision.json").read_bytes() == text


def test_saving_an_unchanged_form_leaves_every_example_byte_for_byte(served):
    folder, _, client = served
    for example in EXAMPLES:
        index = entry_index(client, example.name)
        before = (folder / example.name).read_bytes()
        page = client.get(f"/d/{index}").text
        data = json.loads(before)
        values = unchanged_form(page, data, profile_for(parse_decision_text(before.decode(), example.name)))
        answer = client.post(f"/d/{index}", data={**values, "action": "save"})
        assert answer.status_code == 200 and "Saved" in answer.text
        assert (folder / example.name).read_bytes() == before


def test_a_save_writes_the_file_as_notice_new_does_and_keeps_the_version_before(tmp_path):
    folder = office_of_examples(tmp_path / "office")
    with session(folder) as (_, client):
        name = "short-draft.json"
        index = entry_index(client, name)
        before = (folder / name).read_bytes()
        page = client.get(f"/d/{index}").text
        data = json.loads(before)
        values = unchanged_form(page, data, load_profile("wmpcc"))
        values["/notice/decision"] = "I approve the sponsorship.\r\n\r\n• of the awards\r\n• of the dinner"
        answer = client.post(f"/d/{index}", data={**values, "action": "save"})
        assert answer.status_code == 200
        saved = (folder / name).read_text(encoding="utf-8")
        assert json.loads(saved)["notice"]["decision"] == (
            "I approve the sponsorship.\n\n• of the awards\n• of the dinner")
        assert saved == decision_json_text(json.loads(saved))
        kept = list((folder / VERSIONS_FOLDER / name).glob("*.json"))
        assert [p.read_bytes() for p in kept] == [before]
        check = client.get(f"/d/{index}/check").text
        assert "Restore this version" in check
        restored = client.post(f"/d/{index}/versions/0/restore",
                               data={"file": name, "base": hidden(check, "base")}, follow_redirects=True)
        assert restored.status_code == 200
        assert (folder / name).read_bytes() == before
        assert len(list((folder / VERSIONS_FOLDER / name).glob("*.json"))) == 2  # the save was kept too


def test_a_save_is_refused_when_the_file_changed_on_disk_since_it_was_opened(tmp_path):
    folder = office_of_examples(tmp_path / "office")
    with session(folder) as (_, client):
        name = "short-draft.json"
        index = entry_index(client, name)
        page = client.get(f"/d/{index}").text
        data = json.loads((folder / name).read_bytes())
        values = unchanged_form(page, data, load_profile("wmpcc"))
        changed_by_git = (folder / name).read_text().replace("Sponsorship", "Sponsorship (revised)")
        (folder / name).write_text(changed_by_git)
        values["/notice/decision"] = "Mine."
        answer = client.post(f"/d/{index}", data={**values, "action": "save"})
        assert answer.status_code == 409
        assert "changed on disk after you opened it" in answer.text
        assert "Mine." in answer.text  # the officer's input is still on the page
        assert (folder / name).read_text() == changed_by_git


def test_the_downloads_are_byte_identical_to_notice_build(served, tmp_path):
    folder, _, client = served
    name = "wmpcc-012-2013-final-signed.json"
    index = entry_index(client, name)
    built = build_documents(folder / name, tmp_path / "out")
    for document in built.documents:
        answer = client.get(f"/d/{index}/download/{document.kind}.docx")
        assert answer.status_code == 200
        assert answer.content == document.path.read_bytes()
        assert document.path.name in answer.headers["content-disposition"]
    assert client.get(f"/d/{index}/download/decision.json").content == (folder / name).read_bytes()


def test_public_downloads_never_carry_confidential_text(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    data = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    data["notice"]["implications"]["legal"] = {"text": "SECRET-LEGAL-7f3a", "confidential": True,
                                               "exemption": "Schedule 12A paragraph 3"}
    canonical(folder / "d.json", data)
    with session(folder) as (_, client):
        public = client.get("/d/0/download/notice.docx").content
        with zipfile.ZipFile(io.BytesIO(public)) as archive:
            assert not any(b"SECRET-LEGAL-7f3a" in archive.read(n) for n in archive.namelist())
        assert "SECRET-LEGAL-7f3a" not in client.get("/d/0/check").text
        confidential = client.get("/d/0/download/confidential.docx").content
        with zipfile.ZipFile(io.BytesIO(confidential)) as archive:
            assert any(b"SECRET-LEGAL-7f3a" in archive.read(n) for n in archive.namelist())


def test_a_new_decision_starts_from_the_profile_s_starter(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    with session(folder) as (_, client):
        answer = client.post("/new", follow_redirects=True)
        assert answer.status_code == 200 and "decision-form" in answer.text
        runner_dir = tmp_path / "cli"
        runner_dir.mkdir()
        os.chdir(runner_dir)
        assert CliRunner().invoke(main, ["new", "new-decision.json"]).exit_code == 0
        starter = (runner_dir / "new-decision.json").read_text()
        served = (folder / "new-decision.json").read_text()
        assert json.loads(served) | {"$schema": ""} == json.loads(starter) | {"$schema": ""}


def test_only_the_loopback_address_may_be_bound():
    for host in ("0.0.0.0", "192.168.1.4", "::", "example.org"):
        with pytest.raises(Exception, match="this computer only"):
            refuse_other_hosts(host)
    result = CliRunner().invoke(main, ["serve", ".", "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 1 and "this computer only" in result.output


def test_a_hostile_form_state_is_a_clear_message_not_a_500(served):
    _, _, client = served
    page = client.get("/d/0").text
    for state in ("[" * 50_000 + "]" * 50_000, '{"title": 1' + "0" * 300 + "}", "not json", "[]"):
        answer = client.post("/d/0", data={"file": hidden(page, "file"), "base": hidden(page, "base"),
                                           "state": state, "action": "save"})
        assert answer.status_code == 400 and "open the decision again" in answer.text


def test_the_next_reference_button_issues_one_in_an_office_and_explains_elsewhere(tmp_path):
    office = tmp_path / "northshire"
    assert CliRunner().invoke(main, ["init", str(office)]).exit_code == 0
    with session(office) as (_, client):
        index = entry_index(client, "decisions/example.json")
        page = client.get(f"/d/{index}").text
        data = json.loads((office / "decisions" / "example.json").read_text())
        source = parse_decision_text(json.dumps(data), str(office / "decisions" / "x.json"))
        values = unchanged_form(page, data, profile_for(source))
        answer = client.post(f"/d/{index}", data={**values, "action": "next-ref"})
        assert answer.status_code == 200 and "was issued and recorded" in answer.text
        ledger = (office / ".notice-references.json").read_text()
        reference = re.search(r"Reference (.+?) was issued", answer.text).group(1)
        assert reference in ledger and f'value="{reference}"' in answer.text
    folder = office_of_examples(tmp_path / "loose")
    with session(folder) as (_, client):
        index = entry_index(client, "short-draft.json")
        page = client.get(f"/d/{index}").text
        data = json.loads((folder / "short-draft.json").read_text())
        values = unchanged_form(page, data, load_profile("wmpcc"))
        answer = client.post(f"/d/{index}", data={**values, "action": "next-ref"})
        assert "no reference was issued" in answer.text.lower() and "not in an office folder" in answer.text


def test_without_libreoffice_the_check_page_says_how_to_install_it(served, monkeypatch):
    import notice_builder.serve.app as app

    _, _, client = served
    monkeypatch.setattr(app, "_has_soffice", lambda: False)
    page = client.get("/d/4/check").text
    assert "libreoffice-writer-nogui" in page and "download/notice.pdf" not in page


@pytest.mark.libreoffice
def test_the_pdf_of_a_document_downloads_when_libreoffice_is_installed(served):
    _, _, client = served
    index = entry_index(client, "short-draft.json")
    assert "download/notice.pdf" in client.get(f"/d/{index}/check").text
    answer = client.get(f"/d/{index}/download/notice.pdf", timeout=120)
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    assert answer.headers["content-disposition"].endswith('-notice.pdf"')


def test_notice_serve_prints_one_address_that_works_once_and_stops_on_ctrl_c(tmp_path):
    import signal
    import subprocess
    import sys

    import httpx

    folder = office_of_examples(tmp_path / "office")
    notice = Path(sys.executable).parent / "notice"
    process = subprocess.Popen([str(notice), "serve", str(folder), "--no-browser"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        url = ""
        while not url:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            url = line.strip() if line.strip().startswith("http://127.0.0.1:") else ""
        with httpx.Client(timeout=30) as client:
            assert "wmpcc-012-2013-final-signed.json" in client.get(url, follow_redirects=True).text
            assert httpx.get(url).status_code == 403  # spent
        port = int(url.split(":")[2].split("/")[0])
        taken = subprocess.run([str(notice), "serve", str(folder), "--no-browser", "--port", str(port)],
                               capture_output=True, text=True, timeout=60)
        assert taken.returncode == 1 and f"port {port} cannot be used" in taken.stderr
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(30) == 130  # as every command stopped with Ctrl-C
    assert "Traceback" not in process.stderr.read()


def test_an_uploaded_word_draft_becomes_a_decision_as_notice_import_makes_it(served, tmp_path):
    from foreign_drafts import write_draft

    from notice_builder.draft_import import decision_text, import_draft

    folder, _, client = served
    draft = write_draft(tmp_path, "council-typed")
    before = {p.name for p in folder.rglob("*.json")}
    answer = client.post("/upload", files={"file": ("Town centre CCTV.docx", draft.read_bytes())})
    assert answer.status_code == 303  # to the new decision's form
    answer = client.get(answer.headers["location"])
    (written,) = [p for p in folder.rglob("*.json") if p.name not in before]
    assert written.name == "town-centre-cctv.json"
    expected, _ = decision_text(import_draft(draft), written)
    assert written.read_text(encoding="utf-8") == expected  # the same file `notice import` writes
    title = json.loads(expected)["title"]
    assert title and title in answer.text  # and it opens in the form
