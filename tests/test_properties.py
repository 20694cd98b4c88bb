"""Property-based tests: any decision the schema accepts builds sound documents; any it rejects is refused.

Decisions are generated from the JSON Schema itself (hypothesis-jsonschema), with strategies for our
own formats. Examples run per test: 50, or 200 when the CI environment variable is set (conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json
import string
import warnings
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import _from_schema, from_schema

from notice_builder.model.findings import NoticeBuilderError
from notice_builder.model.redaction import confidential_items
from notice_builder.pipeline import render_documents, validate_decision
from notice_builder.profiles import load_profile
from notice_builder.validate import decision_schema
from notice_builder.validate.profile_schema import decision_schema_for
from tests.conftest import open_docx, source_of
from tests.test_confidential import zip_texts

# We narrow the standard formats "date" and "email" to the forms our validator accepts, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding standard format")



class _CollectionSteps:
    """hypothesis-jsonschema 0.23 drives `many` with `.more()`, which Hypothesis 6.1xx replaced by a
    context manager and iterator; this adapter gives it the old interface over the new one."""

    def __init__(self, data, **sizes):
        self._many = conjecture_utils.many(data, **sizes)
        self._many.__enter__()
        self._steps = iter(self._many)

    def more(self) -> bool:
        try:
            next(self._steps)
        except StopIteration:
            self._many.__exit__(None, None, None)
            return False
        return True

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture_utils.many, "more"):
    _from_schema.cu = SimpleNamespace(many=_CollectionSteps)

TELEPHONES = ["0121 626 6060", "+44 121 626 6060", "01216266060", "020 7946 0018", "0113 496 0000",
              "0300 123 3000", "0345 113 5000"]
# Letters, spaces and the characters Markdown, Jinja and XML give meaning to, so bodies carry structure.
TEXT_ALPHABET = st.one_of(
    st.sampled_from(string.ascii_letters + string.digits + " \n\t#*_-`[]()|>!<&{}%'\".:/\\"),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn")),  # controls: Word cannot hold most
)
WORD_TEXT = st.text(TEXT_ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip())
EMAILS = st.builds("{}@{}.{}".format, st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z]", fullmatch=True),
                   st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z]", fullmatch=True),
                   st.sampled_from(["uk", "gov.uk", "police.uk", "org"])).filter(lambda e: ".." not in e)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
FORMATS = {"uk-telephone": st.sampled_from(TELEPHONES), "word-text": WORD_TEXT, "email": EMAILS,
           "date": DATES}



def compact(schema):
    """The schema with lists capped at 2 items and strings at 80 characters: still only valid decisions,
    but small enough to generate and build hundreds of them in seconds."""
    if isinstance(schema, list):
        return [compact(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    smaller = {key: compact(value) for key, value in schema.items()}
    if "items" in smaller:
        smaller["maxItems"] = min(smaller.get("maxItems", 2), 2)
    if "maxLength" in smaller:
        smaller["maxLength"] = 80
    return smaller


# The profile is chosen by the test (a decision may only name a built-in one; see test_hostile_decisions),
# and decisions are generated from the schema as that profile requires it.
PROFILE = load_profile()
SCHEMA = decision_schema_for(decision_schema(), PROFILE)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", HypothesisWarning)
    DECISIONS = from_schema(compact(SCHEMA), custom_formats=FORMATS).map(
        lambda d: {key: value for key, value in d.items() if key != "profile"})
ENOUGH_TIME = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                              HealthCheck.filter_too_much])


def heading_texts(data: bytes, style: str = "Heading 1") -> list[str]:
    return [p.text for p in open_docx(data).paragraphs if p.style.name == style]


def in_order(wanted: list[str], found: list[str]) -> bool:
    """True if `wanted` appears in `found` in the same order (other headings may come between)."""
    remaining = iter(found)
    return all(any(w == f for f in remaining) for w in wanted)


@ENOUGH_TIME
@given(DECISIONS, st.booleans())
def test_every_valid_decision_builds_documents_word_reopens_with_the_required_outline(decision, exempt):
    """With or without a confidential part (built on request), which never reaches a public document."""
    if exempt:
        decision["notice"]["confidential_part"] = {
            "exemption": "Schedule 12A paragraph 3", "sections": [{"heading": "Part 2", "body": "Zq exempt"}]}
    source = source_of(decision)
    assert validate_decision(source) == []
    documents = render_documents(source, PROFILE, confidential=True)
    has_exempt = bool(confidential_items(decision, PROFILE))
    assert set(documents) == set(PROFILE.documents) | ({"confidential"} if has_exempt else set())
    for kind, spec in PROFILE.documents.items():
        wanted = [h.text for h in spec.required_headings]
        found = heading_texts(documents[kind])
        note(f"{kind}: {found}")
        assert in_order(wanted, found)
        assert "Zq exempt" not in "".join(zip_texts(documents[kind]).values())
    if exempt:
        assert "Part 2" in heading_texts(documents["confidential"])


# -- invalid decisions: mutate a valid one -----------------------------------------------------
def _resolve(schema: dict) -> dict:
    root = SCHEMA
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def objects_with_required(value, schema: dict):
    """(object, its required keys) for every object in `value`, following the schema alongside."""
    schema = _resolve(schema)
    if isinstance(value, dict):
        if schema.get("required"):
            yield value, schema["required"]
        for key, item in value.items():
            yield from objects_with_required(item, schema.get("properties", {}).get(key, {}))
    elif isinstance(value, list):
        for item in value:
            yield from objects_with_required(item, schema.get("items", {}))


def string_holders(value):
    """(container, key) of every string in `value`."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield value, key
            yield from string_holders(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield value, index
            yield from string_holders(item)


@st.composite
def invalid_decisions(draw):
    """A valid decision broken one way: a required field dropped, a wrong type, or a bad format."""
    decision = json.loads(json.dumps(draw(DECISIONS)))
    how = draw(st.sampled_from(["drop", "type", "format"]))
    if how == "drop":
        holder, required = draw(st.sampled_from(list(objects_with_required(decision, SCHEMA))))
        del holder[draw(st.sampled_from(required))]
    elif how == "type":
        holder, key = draw(st.sampled_from([h for h in string_holders(decision) if h[1] != "$schema"]))
        wrong = st.one_of(st.integers(), st.booleans(), st.none(), st.lists(st.integers(), max_size=2))
        holder[key] = draw(wrong)
    else:
        contact = decision["notice"]["contact_officer"]
        field, bad = draw(st.sampled_from([
            (contact, ("telephone", "0121 626")), (contact, ("email", "j.courtney@")),
            (decision["meeting"], ("date", "2013-02-30")), (decision, ("title", "Grant\x0b2013")),
            (decision["notice"], ("decision", "I agree\x00")), (decision, ("title", "A \ud800 B")),
        ]))
        field[bad[0]] = bad[1]
    note(f"{how}: {json.dumps(decision)[:2000]}")
    return decision


@ENOUGH_TIME
@given(invalid_decisions())
def test_every_invalid_decision_gets_validation_findings_never_an_exception(decision):
    source = source_of(decision)
    findings = validate_decision(source)
    assert findings
    assert all(f.code == "schema" and f.message for f in findings)
    try:
        render_documents(source, PROFILE)
    except NoticeBuilderError as error:
        assert error.findings == findings
    else:
        raise AssertionError("an invalid decision was built")
