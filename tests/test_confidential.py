"""Exempt information never reaches a published document, and the confidential part carries all of it.

A canary string is planted in every place the schema lets a decision hold confidential text. None may
appear anywhere in a public document (any zip part: body, headers, footers, comments, core and custom
properties, relationships), in the batch manifest, the register or the agenda pack.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from notice_builder.cli import main
from notice_builder.model.redaction import confidential_items, public_decision
from notice_builder.pipeline import render_documents, validate_decision
from notice_builder.validate import decision_schema
from tests.conftest import FINAL_EXAMPLE, example_data, open_docx, source_of

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
PUBLIC_KINDS = ("board-report", "notice")


def canary(label: str) -> str:
    """A string that appears nowhere else, so finding it anywhere proves a leak."""
    return f"Qz{label}{uuid.uuid4().hex[:10]}"


def confidential_text(token: str) -> str:
    """Markdown that exercises every way text reaches Word: runs, lists, tables, a link, a placeholder."""
    return (f"{token} opening paragraph with **{token}b** and a [link](https://{token.lower()}.example/{token}).\n\n"
            f"- {token}l item\n\n| {token}h | b |\n| --- | --- |\n| {token}c | TBC |\n\n"
            f"Figures to follow: [insert {token}p amount]")


def canary_decision() -> tuple[dict, list[str]]:
    """The final example with confidential text in every place the schema allows, and its canaries."""
    data = example_data(FINAL_EXAMPLE)
    tokens: list[str] = []

    def plant(label: str) -> str:
        tokens.append(canary(label))
        return tokens[-1]

    def body(label: str, ground: str) -> dict:
        return {"text": confidential_text(plant(label)), "confidential": True, "exemption": ground}

    notice = data["notice"]
    facts = notice["facts_and_advice"]
    facts["summary"] = body("summary", "Schedule 12A paragraph 3")
    implications = decision_schema()["properties"]["notice"]["properties"]["implications"]["properties"]
    for name in implications:
        notice["implications"][name] = body(name, "Schedule 12A paragraph 5")
    for name in ("reasons", "alternative_options"):
        notice[name] = body(name, "Schedule 12A paragraph 3")
    facts.setdefault("sections", []).append({
        "heading": plant("sectionheading"), "body": confidential_text(plant("sectionbody")),
        "confidential": True, "exemption": "Freedom of Information Act 2000 section 43",
    })
    notice["confidential_part"] = {"exemption": "Schedule 12A paragraph 3", "sections": [
        {"heading": plant("partheading"), "body": confidential_text(plant("partbody"))},
        {"heading": plant("partheading"), "body": confidential_text(plant("partbody")),
         "confidential": True, "exemption": "Schedule 12A paragraph 1"},
    ]}
    return data, tokens


def _schema_places(schema: dict, root: dict, pointer: str = "") -> Iterable[str]:
    """Pointers (`*` for any array item) of every place the schema accepts confidential content."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if "confidential" in root["$defs"][name].get("properties", {}):
            yield pointer
        return
    for key, sub in schema.get("properties", {}).items():
        if key == "confidential_part":
            yield f"{pointer}/{key}"
        yield from _schema_places(sub, root, f"{pointer}/{key}")
    if "items" in schema:
        yield from _schema_places(schema["items"], root, f"{pointer}/*")


def _planted_places(value, pointer: str = "") -> Iterable[str]:
    if isinstance(value, dict):
        if value.get("confidential") is True or pointer.endswith("/confidential_part"):
            yield pointer
        for key, item in value.items():
            yield from _planted_places(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _planted_places(item, f"{pointer}/*")


def zip_texts(data: bytes) -> dict[str, str]:
    """Every member of a zip package, decoded; member names included, so nothing is left unread."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: info.filename + "\n" + archive.read(info).decode("utf-8", "replace")
                for info in archive.infolist()}


def leaks(files: Iterable[Path], tokens: list[str]) -> list[tuple[str, str]]:
    """(file or file!member, canary) for every canary found in `files`; zip packages are opened.

    Call it on any published output, e.g. a manifest, a register or a pack written by a new command.
    """
    found = []
    for file in files:
        raw = file.read_bytes()
        is_zip = zipfile.is_zipfile(io.BytesIO(raw))
        texts = zip_texts(raw) if is_zip else {"": raw.decode("utf-8", "replace")}
        for member, text in texts.items():
            found += [(f"{file}!{member}" if member else str(file), t) for t in tokens if t in text]
    return found


def lowered(tokens: list[str]) -> list[str]:
    """The canaries as they appear in a link's host name as well."""
    return tokens + [t.lower() for t in tokens]


@pytest.fixture(scope="module")
def planted() -> tuple[dict, list[str]]:
    return canary_decision()


@pytest.fixture(scope="module")
def built(planted, tmp_path_factory) -> tuple[Path, list[str]]:
    """The canary decision built with `notice build --confidential` into a fresh folder."""
    data, tokens = planted
    folder = tmp_path_factory.mktemp("built")
    decision = folder / "decision.json"
    decision.write_text(json.dumps(data, indent=2))
    result = CliRunner().invoke(main, ["build", str(decision), "-o", str(folder / "out"), "--confidential"])
    assert result.exit_code == 0, result.output
    return folder / "out", tokens


def test_the_canary_decision_is_valid_and_covers_every_confidential_place_in_the_schema(planted):
    data, _ = planted
    assert validate_decision(source_of(data)) == []
    places = set(_schema_places(decision_schema(), decision_schema()))
    assert places >= {"/notice/confidential_part", "/notice/implications/legal",
                      "/notice/facts_and_advice/sections/*"}
    assert places <= set(_planted_places(data))


@pytest.mark.parametrize("engine", ["compiled", "docxtpl"])
def test_no_canary_in_any_zip_part_of_the_public_documents(planted, engine):
    data, tokens = planted
    documents = render_documents(source_of(data), engine=engine)
    assert set(documents) == set(PUBLIC_KINDS)
    for kind, document in documents.items():
        for member, text in zip_texts(document).items():
            assert [t for t in lowered(tokens) if t in text] == [], f"{kind}: {member}"


def test_build_writes_the_confidential_part_only_with_the_flag(planted, tmp_path):
    data, tokens = planted
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["build", str(decision), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "WMPCC-012-2013-board-report.docx", "WMPCC-012-2013-notice.docx"]
    assert leaks((tmp_path / "out").iterdir(), lowered(tokens)) == []


def test_confidential_part_holds_every_canary_and_public_files_beside_it_hold_none(built):
    out, tokens = built
    confidential = out / "WMPCC-012-2013-confidential.docx"
    public = [p for p in out.iterdir() if p != confidential]
    assert len(public) == 2
    assert leaks(public, lowered(tokens)) == []
    assert {t for _, t in leaks([confidential], tokens)} == set(tokens)


def test_confidential_part_is_marked_not_for_publication_in_header_footer_title_and_properties(built):
    out, _ = built
    document = open_docx((out / "WMPCC-012-2013-confidential.docx").read_bytes())
    section = document.sections[0]
    assert section.header.paragraphs[0].text.startswith(NOT_FOR_PUBLICATION)
    assert section.footer.paragraphs[0].text.startswith(NOT_FOR_PUBLICATION)
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text.startswith(NOT_FOR_PUBLICATION)
    assert document.core_properties.title.startswith(NOT_FOR_PUBLICATION)


def test_public_notice_says_a_confidential_part_exists_and_on_what_ground(planted):
    data, _ = planted
    notice = open_docx(render_documents(source_of(data))["notice"])
    texts = [p.text for p in notice.paragraphs]
    legal = texts.index("LEGAL IMPLICATIONS")
    sentence = "This section contains exempt information under Schedule 12A paragraph 5."
    assert texts[legal + 1].startswith(sentence)
    grounds = ["Schedule 12A paragraph 3", "Freedom of Information Act 2000 section 43",
               "Schedule 12A paragraph 1"]
    for ground in grounds:
        assert any(f"Further facts and advice contain exempt information under {ground}." in t for t in texts)
    assert not any(r.reltype.endswith("/hyperlink") and "qz" in r.target_ref.lower()
                   for r in notice.part.rels.values())


def test_required_headings_stay_when_their_text_is_confidential(planted):
    data, _ = planted
    notice = open_docx(render_documents(source_of(data))["notice"])
    headings = [p.text for p in notice.paragraphs if p.style.name == "Heading 1"]
    for heading in ("NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER",
                    "FINANCIAL IMPLICATIONS", "LEGAL IMPLICATIONS", "EQUALITY IMPLICATIONS"):
        assert heading in headings


def test_exemption_ground_is_printed_literally_not_as_markdown():
    data = example_data()
    data["notice"]["implications"]["legal"] = {"text": "advice", "confidential": True,
                                               "exemption": "para. 5 [x](https://evil.example) **b**\n\n# H"}
    notice = open_docx(render_documents(source_of(data))["notice"])
    assert any("under para. 5 [x](https://evil.example) **b** # H." in p.text for p in notice.paragraphs)
    assert not [r for r in notice.part.rels.values() if "evil" in r.target_ref]


def test_confidential_items_and_public_decision_split_the_decision_without_overlap(planted):
    from notice_builder.profiles import load_profile

    data, tokens = planted
    profile = load_profile()
    public_text = json.dumps(public_decision(data, profile))
    secret_text = json.dumps([vars(i) for i in confidential_items(data, profile)])
    assert [t for t in tokens if t in public_text] == []
    assert all(t in secret_text for t in tokens)


def test_a_decision_without_exempt_information_gets_no_confidential_part(tmp_path):
    result = CliRunner().invoke(main, ["build", str(FINAL_EXAMPLE), "-o", str(tmp_path), "--confidential"])
    assert result.exit_code == 0, result.output
    assert not any("confidential" in p.name for p in tmp_path.iterdir())


def test_existing_confidential_part_is_not_overwritten_without_force(built, planted, tmp_path):
    data, _ = planted
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps(data))
    target = tmp_path / "out" / "WMPCC-012-2013-confidential.docx"
    target.parent.mkdir()
    target.write_bytes(b"the signed copy")
    result = CliRunner().invoke(main, ["build", str(decision), "-o", str(tmp_path / "out"), "--confidential"])
    assert result.exit_code == 1 and "exists already" in result.output
    assert target.read_bytes() == b"the signed copy"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_batch_manifest_register_and_pack_carry_no_canary(planted, tmp_path):
    data, tokens = planted
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    (meeting / "decision.json").write_text(json.dumps(data, indent=2))
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(meeting / "decision.json"), "-o", str(out), "-j", "1"])
    assert (out / "manifest.json").is_file(), result.output
    assert runner.invoke(main, ["build", str(meeting / "decision.json"), "-o", str(out), "--confidential",
                                "--force"]).exit_code == 0
    register = runner.invoke(main, ["register", str(meeting / "decision.json"), "--include-drafts",
                                    "-o", str(out / "register.html"), "--documents", str(out)])
    assert register.exit_code == 0, register.output
    assert "-confidential.docx" not in (out / "register.html").read_text()
    (meeting / "meeting.json").write_text(json.dumps({
        "name": data["meeting"]["board"], "date": data["meeting"]["date"],
        "agenda": [{"item": "5", "decision": "decision.json"}]}))
    packed = runner.invoke(main, ["pack", str(meeting), "-o", str(tmp_path / "pack.docx")])
    assert packed.exit_code == 0, packed.output
    published = [out / "manifest.json", out / "register.html", tmp_path / "pack.docx",
                 *(p for p in out.glob("*.docx") if not p.name.endswith("-confidential.docx"))]
    assert leaks(published, lowered(tokens)) == []
    for output in (result.output, register.output, packed.output):
        assert [t for t in tokens if t in output] == []


def _confidential_holders(value, pointer: str = "") -> Iterable[tuple[str, dict, str]]:
    """(pointer, holder, text key) of every piece of exempt text in a decision."""
    if isinstance(value, dict):
        if value.get("confidential") is True:
            yield pointer, value, "text" if "text" in value else "body"
        for key, item in value.items():
            if key == "confidential_part":
                for index, section in enumerate(item["sections"]):
                    yield f"{pointer}/{key}/sections/{index}", section, "body"
            else:
                yield from _confidential_holders(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _confidential_holders(item, f"{pointer}/{index}")


def _broken_variants() -> Iterable[tuple[str, dict, str]]:
    """The canary decision with one piece of exempt text made invalid, in each way, in each place."""
    data, _ = canary_decision()
    count = len(list(_confidential_holders(data)))
    for index in range(count):
        for way in ("nested too deep", "flag not true"):
            copy, _ = canary_decision()
            pointer, holder, key = list(_confidential_holders(copy))[index]
            secret = canary("secret")
            if way == "nested too deep":  # found only when the confidential part is rendered
                holder[key] = f"{secret} " + "\n\n" + "> " * 50 + "deep"
            elif "confidential" in holder:  # the schema's enum error used to quote the value
                holder["confidential"] = secret
            else:
                continue
            yield f"{pointer} {way}", copy, secret


@pytest.mark.parametrize("case", list(_broken_variants()), ids=lambda case: case[0])
def test_errors_about_exempt_text_name_the_field_never_the_text(case, tmp_path):
    label, data, secret = case
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps(data, indent=2), encoding="utf-8")
    runner = CliRunner()
    for args in (["validate", decision], ["lint", decision],
                 ["build", decision, "-o", tmp_path / "out", "--confidential"]):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        assert secret not in result.output and secret[:12] not in result.output, (label, result.output)
    assert result.exit_code == 1, result.output
    assert label.split()[0] in result.output  # the field is named
