"""`notice serve` in a real browser: Playwright drives the Debian chromium package (never `playwright
install`), against one server and one browser for the module, on 127.0.0.1 with a free port."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from serve_helpers import EXAMPLES, office_of_examples

from notice_builder.pipeline import build_documents
from notice_builder.serve.form_model import field_id
from notice_builder.serve.server import serving_in_thread

CHROMIUM = os.environ.get("NOTICE_CHROMIUM", "/usr/bin/chromium")
# The README's screenshots are taken by these tests; they are written to docs/ only when asked
# (NOTICE_DOCS_SCREENSHOTS=1), so that a test run leaves the work tree as it was.
DOCS = Path(__file__).resolve().parents[1] / "docs"
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the test extra")

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    reason = f"chromium is not installed at {CHROMIUM}; `make system-deps` installs it with apt"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests fail instead of skipping)", pytrace=False)
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=reason)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return office_of_examples(tmp_path_factory.mktemp("browser-office"))


@pytest.fixture(scope="module")
def server(folder):
    with serving_in_thread(folder) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def context(browser, server):
    """One browser context that has used the one-time address, so it holds the session cookie."""
    made = browser.new_context(viewport={"width": 1000, "height": 800}, accept_downloads=True)
    page = made.new_page()
    page.goto(server.url)
    assert page.locator("h1").inner_text() == "Decisions"
    page.close()
    yield made
    made.close()


@pytest.fixture
def page(context, server):
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    opened.goto(f"http://127.0.0.1:{server.port}/")
    opened.evaluate("localStorage.clear()")
    yield opened
    opened.close()


def base(server) -> str:
    return f"http://127.0.0.1:{server.port}"


def open_decision(page, server, name: str) -> None:
    page.goto(base(server) + "/")
    page.locator("tr", has=page.locator("code", has_text=name)).locator("td a").first.click()
    page.wait_for_selector("#decision-form")


def copy_example(folder: Path, example: str, name: str) -> Path:
    target = folder / name
    shutil.copy(Path(EXAMPLES[0]).parent / example, target)
    return target


def by_id(page, pointer: str, suffix: str = ""):
    return page.locator("#" + field_id(pointer) + suffix)


def screenshot(page, name: str, tmp_path: Path) -> None:
    """A screenshot for the README (docs/) when NOTICE_DOCS_SCREENSHOTS=1, else into the test's folder."""
    folder = DOCS if os.environ.get("NOTICE_DOCS_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / name))
    assert (folder / name).stat().st_size > 10_000


def serious_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


# ---- writing a decision ----------------------------------------------------------------------------

STARTER_ANSWERS = {
    "/title": "West Midlands Police and Crime Commissioner: Grants for Victim Services 2014",
    "/report/purpose/0": "To ask the Board to consider grants for victim services.",
    "/report/background/0": "Victim services are funded by the Ministry of Justice grant.",
    "/report/recommendations/0": "The Board is asked to comment on the proposed grants.",
    "/report/authors/0/name": "Jacky Courtney",
    "/report/authors/0/role": "Head of Commissioning",
    "/notice/contact_officer/name": "Jacky Courtney",
    "/notice/contact_officer/telephone": "0121 626 6060",
    "/notice/contact_officer/email": "j.courtney@west-midlands.pnn.police.uk",
    "/notice/executive_summary": "The Commissioner funds services for victims of crime.",
    "/notice/decision": "I approve grants of £100,000 for victim services.",
    "/notice/facts_and_advice/summary": "The report to the Board forms the basis of the decision.",
    "/notice/implications/financial": "The grants are met from the Ministry of Justice grant.",
    "/notice/implications/legal": "The Commissioner may make grants under section 9 of the 2011 Act.",
    "/notice/implications/equality": "There are no equality implications.",
}


def test_a_new_decision_written_from_empty_to_valid_downloads_what_notice_build_makes(page, server, folder,
                                                                                      tmp_path):
    page.goto(base(server) + "/")
    page.get_by_role("button", name="Start a new decision").click()
    page.wait_for_selector("#decision-form")
    page.screenshot(path=str(tmp_path / "empty-form.png"))
    for pointer, text in STARTER_ANSWERS.items():
        by_id(page, pointer).fill(text)
    for part, text in (("day", "16"), ("month", "7"), ("year", "2013")):
        by_id(page, "/meeting/date", f"-{part}").fill(text)
    page.get_by_role("button", name="Save and check").click()
    page.wait_for_url("**/check")
    assert page.get_by_role("heading", name="Check your answers").is_visible()
    assert page.locator(".draft-mark").first.inner_text() == "DRAFT"
    saved = folder / "new-decision.json"
    build = build_documents(saved, tmp_path / "out")
    for document in build.documents:
        with page.expect_download() as download:
            page.locator(f"a[href$='/download/{document.kind}.docx']").click()
        assert download.value.suggested_filename == document.path.name
        assert Path(download.value.path()).read_bytes() == document.path.read_bytes()


def test_a_finding_shows_beside_its_field_once_left_and_goes_when_corrected(page, server, folder, tmp_path):
    copy_example(folder, "wmpcc-012-2013-final-signed.json", "finding-test.json")
    open_decision(page, server, "finding-test.json")
    email = by_id(page, "/notice/contact_officer/email")
    error = page.locator(f"#{field_id('/notice/contact_officer/email')}-error")
    expect = playwright_api.expect
    email.fill("j.courtney@")
    expect(page.locator("[data-status-line]")).to_contain_text("problem")
    expect(error).to_be_hidden()  # not while the officer is still in the field
    email.press("Tab")
    expect(error).to_be_visible()
    expect(error).to_contain_text("email")
    screenshot(page, "serve-form.png", tmp_path)
    email.fill("j.courtney@west-midlands.pnn.police.uk")
    email.press("Tab")
    expect(error).to_be_hidden()
    expect(page.locator("[data-status-line]")).to_have_text("No problems found")


def test_the_error_summary_links_move_focus_to_their_fields(page, server, folder):
    copy_example(folder, "short-draft.json", "summary-test.json")
    open_decision(page, server, "summary-test.json")
    by_id(page, "/title").fill("")
    by_id(page, "/notice/decision").fill("")
    page.get_by_role("button", name="Save and check").click()
    summary = page.locator(".error-summary")
    playwright_api.expect(summary).to_be_focused()
    links = summary.locator("a")
    assert links.count() >= 2
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")[1:]
        link.click()
        playwright_api.expect(page.locator("#" + target)).to_be_focused()
    assert page.locator(f"#{field_id('/title')}-error").is_visible()  # and beside each field


def test_choosing_final_reveals_the_reference_and_the_signature(page, server, folder):
    copy_example(folder, "short-draft.json", "final-test.json")
    open_decision(page, server, "final-test.json")
    reference = by_id(page, "/reference")
    signature_date = by_id(page, "/notice/signature/date", "-day")
    assert reference.is_hidden() and signature_date.is_hidden()
    page.locator("input[name='/status'][value='final']").check()
    assert reference.is_visible() and signature_date.is_visible()
    assert by_id(page, "/notice/signature/name").is_visible()
    assert page.get_by_role("button", name="Issue the next reference number").is_visible()
    page.locator("input[name='/status'][value='draft']").check()
    assert reference.is_hidden()


def test_marking_a_body_confidential_reveals_its_exemption_ground(page, server, folder):
    copy_example(folder, "short-draft.json", "confidential-test.json")
    open_decision(page, server, "confidential-test.json")
    ground = by_id(page, "/notice/implications/legal/exemption")
    assert ground.is_hidden()
    by_id(page, "/notice/implications/legal/confidential").check()
    assert ground.is_visible()


def test_paragraphs_are_added_and_reordered(page, server, folder):
    path = copy_example(folder, "short-draft.json", "paragraph-test.json")
    open_decision(page, server, "paragraph-test.json")
    first = json.loads(path.read_text())["report"]["background"][0]
    page.get_by_role("button", name="Add another paragraph").nth(1).click()  # purpose, background, ...
    added = by_id(page, "/report/background/1")
    playwright_api.expect(added).to_be_focused()
    added.fill("A second background paragraph.")
    page.get_by_role("button", name="Move paragraph 2 up").first.click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator("[data-saved]").wait_for()
    assert json.loads(path.read_text())["report"]["background"] == ["A second background paragraph.", first]


def test_text_pasted_from_word_keeps_its_bullets_and_paragraphs(page, server, folder):
    path = copy_example(folder, "short-draft.json", "paste-test.json")
    open_decision(page, server, "paste-test.json")
    area = by_id(page, "/notice/decision")
    area.fill("")
    area.focus()
    word_text = ("I approve the sponsorship:\r\n\u2022\tof the awards evening\r\n\u2022\tof the prizes"
                 "\r\n\r\nThe end.")
    page.evaluate("""([id, text]) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        data.setData('text/html', '<p class=MsoListParagraph>...</p>');
        document.getElementById(id).dispatchEvent(
            new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""", [area.get_attribute("id"), word_text])
    page.get_by_text("Preview of the decision").click()
    preview = page.locator(f"[data-preview-for='{area.get_attribute('id')}']")
    preview.locator("li").nth(1).wait_for()
    assert preview.locator("li").all_inner_texts() == ["of the awards evening", "of the prizes"]
    assert preview.locator("p").all_inner_texts() == ["I approve the sponsorship:", "The end."]
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator("[data-saved]").wait_for()
    assert json.loads(path.read_text())["notice"]["decision"] == word_text.replace("\r\n", "\n")


def test_a_save_is_refused_when_the_file_changed_on_disk(page, server, folder):
    path = copy_example(folder, "short-draft.json", "conflict-test.json")
    open_decision(page, server, "conflict-test.json")
    theirs = path.read_text().replace("Sponsorship", "Sponsorship (changed in git)")
    path.write_text(theirs)
    by_id(page, "/notice/decision").fill("My own words.")
    page.get_by_role("button", name="Save", exact=True).click()
    problem = page.locator(".notification-problem")
    problem.wait_for()
    assert "changed on disk after you opened it" in problem.inner_text()
    assert by_id(page, "/notice/decision").input_value() == "My own words."
    assert path.read_text() == theirs


def test_autosaved_input_is_offered_back_after_the_page_is_closed(context, page, server, folder):
    copy_example(folder, "short-draft.json", "autosave-test.json")
    open_decision(page, server, "autosave-test.json")
    by_id(page, "/notice/decision").fill("Typed, never saved.")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('autosave-test.json'))")
    url = page.url
    page.close()
    again = context.new_page()
    again.goto(url)
    banner = again.locator("[data-autosave-banner]")
    banner.wait_for()
    assert by_id(again, "/notice/decision").input_value() != "Typed, never saved."
    again.get_by_role("button", name="Restore my input").click()
    again.wait_for_load_state()
    assert by_id(again, "/notice/decision").input_value() == "Typed, never saved."
    again.close()


def test_the_token_and_host_checks_refuse_another_user(browser, server, page):
    stranger = browser.new_context()
    other = stranger.new_page()
    answer = other.goto(base(server) + "/")
    assert answer.status == 403 and "Not allowed" in other.content()
    answer = other.goto(server.url)  # the one-time address, used already
    assert answer.status == 403
    stranger.close()
    rebound = page.request.get(base(server) + "/", headers={"Host": f"rebind.example:{server.port}"})
    assert rebound.status == 403


def test_the_whole_form_can_be_filled_in_with_the_keyboard_alone(page, server, folder):
    path = copy_example(folder, "short-draft.json", "keyboard-test.json")
    open_decision(page, server, "keyboard-test.json")
    page.locator("body").focus()
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        active = page.evaluate("[document.activeElement.id, document.activeElement.tagName,"
                               " document.activeElement.textContent.trim()]")
        reached.append(active)
        if active[0] == field_id("/title"):
            page.keyboard.press("Control+A")
            page.keyboard.type("Typed with the keyboard alone")
        if active[1] == "BUTTON" and active[2] == "Save":
            break
    ids = {item[0] for item in reached}
    expected = page.evaluate("Array.from(document.querySelectorAll('#decision-form input:not([type=hidden]),"
                             " #decision-form textarea'))"
                             ".filter(e => e.offsetParent !== null && e.type !== 'radio').map(e => e.id)")
    assert set(expected) <= ids, set(expected) - ids
    page.keyboard.press("Enter")
    page.locator("[data-saved]").wait_for()
    assert json.loads(path.read_text())["title"] == "Typed with the keyboard alone"


def test_every_example_opened_in_the_browser_and_saved_unchanged_is_the_same_file(page, server, folder):
    for example in EXAMPLES:
        before = (folder / example.name).read_bytes()
        open_decision(page, server, example.name)
        page.get_by_role("button", name="Save", exact=True).click()
        page.locator("[data-saved]").wait_for()
        assert (folder / example.name).read_bytes() == before, example.name


def test_no_page_has_a_serious_or_critical_accessibility_violation(page, server, folder, tmp_path):
    copy_example(folder, "wmpcc-012-2013-final-signed.json", "axe-test.json")
    pages = {}
    page.goto(base(server) + "/")
    pages["listing"] = serious_violations(page)
    open_decision(page, server, "axe-test.json")
    pages["form"] = serious_violations(page)
    email = by_id(page, "/notice/contact_officer/email")
    email.fill("nobody@")
    email.press("Tab")
    playwright_api.expect(page.locator(f"#{field_id('/notice/contact_officer/email')}-error")).to_be_visible()
    pages["form with findings"] = serious_violations(page)
    page.get_by_role("button", name="Save and check").click()
    page.locator(".error-summary").wait_for()
    pages["error summary"] = serious_violations(page)
    page.screenshot(path=str(tmp_path / "error-summary.png"))
    page.goto(base(server) + "/d/4/check")
    pages["check"] = serious_violations(page)
    assert pages == {name: [] for name in pages}


def test_the_check_page_shows_the_decision_as_it_will_print(page, server, folder, tmp_path):
    open_decision(page, server, "wmpcc-005-2013-technology-task-force.json")
    page.get_by_role("link", name="Check your answers").click()
    page.wait_for_url("**/check")
    assert page.locator(".draft-mark").count() == 2  # on both documents of a draft
    assert page.locator(".print-heading", has_text="PURPOSE OF REPORT").is_visible()
    assert page.locator("ol.numbered li").count() >= 3
    page.set_viewport_size({"width": 1000, "height": 1100})
    screenshot(page, "serve-check.png", tmp_path)


def test_a_damaged_word_file_or_a_huge_file_uploaded_gets_a_message_on_the_page(page, server):
    page.goto(base(server) + "/")
    page.set_input_files("#upload-file", files=[{"name": "draft.docx", "mimeType": "application/zip",
                                                 "buffer": b"PK\x03\x04" + b"\0" * 64}])
    page.get_by_role("button", name="Upload").click()
    summary = page.locator(".error-summary")
    playwright_api.expect(summary).to_be_focused()
    assert "draft.docx cannot be imported" in summary.inner_text()
    page.set_input_files("#upload-file", files=[{"name": "huge.docx", "mimeType": "application/zip",
                                                 "buffer": b" " * (8 * 1024 * 1024)}])
    page.get_by_role("button", name="Upload").click()  # refused in the page, before it is sent
    message = page.locator("#upload-file-error")
    playwright_api.expect(message).to_contain_text("larger than a Word draft can be")
    playwright_api.expect(page.locator("#upload-file")).to_be_focused()
