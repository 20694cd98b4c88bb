"""The compiled schema check (jsonschema-rs) never passes what Python's jsonschema refuses, and the findings
are those of the pure-Python path.

Differential properties: decisions generated from the schema, and the examples (decisions, the meeting,
the built-in profiles) broken with hostile values, are given to both. Whenever the compiled check says
valid, Python's iter_errors must be empty; and the findings must be exactly those Python alone gives.
"""

from __future__ import annotations

import copy
import functools
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning
from hypothesis_jsonschema import from_schema

from notice_builder.load import load_decision_file
from notice_builder.model.findings import NoticeBuilderError
from notice_builder.pipeline import validate_decision
from notice_builder.profiles import builtin_profile_names, load_profile, profile_for
from notice_builder.validate import bundled_schema, decision_schema, validate_against
from notice_builder.validate.formats import FORMAT_CHECKER
from notice_builder.validate.patterns import Draft202012Validator
from notice_builder.validate.profile_schema import decision_schema_for
from notice_builder.validate.schema_validation import (
    SchemaValidator,
    _validator,
    decision_validator,
    explain_errors,
)
from tests.conftest import ALL_EXAMPLES, EXAMPLES, FINAL_EXAMPLE, example_data, source_of
from tests.test_properties import FORMATS, compact

pytestmark = pytest.mark.filterwarnings("ignore:Overriding standard format")

PROFILES = {name: load_profile(name) for name in sorted(builtin_profile_names())}
MEETING_EXAMPLE = EXAMPLES / "meeting-2013-07-16" / "meeting.json"
PROFILE_FILES = sorted((Path(__file__).resolve().parents[1] / "notice_builder" / "profiles").glob("*.json"))
MANY = settings(max_examples=300)  # the examples broken: cheap, and the more the better

# Where the engines are known or likely to differ: Python's \s takes U+001C-U+001F and U+0085 for space
# and Rust's does not; Python's $ matches before a final newline; datetime refuses year 0 and non-ASCII
# digits; a lone surrogate is not UTF-8, which Rust strings are; Word cannot hold C0 controls.
SPACES = [chr(code) for code in range(0x110000) if chr(code).isspace()]  # what Python's \s matches
HOSTILE_TEXT = [
    *SPACES, "", " \x1f ", "\x85\x1c", " \x85 ", "\x85\u3000", "\r\n", "\ufeff", "\u200b", "\u180e", "\x00",
    "a\x00", "Grant\x0b2013", "\x0c", "A \ud800 B", "\udfff", "\ufffe", "text\n", "\ntext", "é", "x" * 2001,
    "x" * 200001, "٣", "\U0001f600",
]
HOSTILE_DATES = [
    "2013-02-30", "2013-02-29", "1900-02-29", "2000-02-29", "2012-02-29", "0000-01-01", "0001-01-01",
    "9999-12-31", "2013-07-16\n", "\n2013-07-16", " 2013-07-16", "２０１３-07-16", "٢٠١٣-٠٧-١٦", "2013-7-16",
    "20130716", "2013-07-16T00:00:00", "2013-13-01", "2013-00-10", "2013-07-00", "2013-W29-2", "+2013-07-16",
]
HOSTILE_REFERENCES = [
    "WMPCC 005/2013\n", "WMPCC 005/2013 ", "\nWMPCC 005/2013", "WMPCC 005/2013\x00", "WMPCC ٠٠٥/2013",
    "WMPCC 005/２０１３", "wmpcc 005/2013", "WMPCC 5/2013", "WMPCC 0005/2013", "ABC 1/2013\n",
    "ABC 12345/2013", "CED/2013/001\n", "PCC-DMR 001/2013\n",
]
HOSTILE_CONTACTS = [
    "0121 626 6060\n", "0121 626 6060\x00", "0121 626 6060\x0b", "0121 626", "+44 121 626 6060",
    "٠١٢١ ٦٢٦ ٦٠٦٠", "a@b.co\n", "j.courtney@", "a..b@c.uk", "é@b.uk", "a@b.c", "a@-b.uk",
]
HOSTILE_NAMES = ["x.json\n", "x.json", "5\n", "5a", "wmpcc\n", "/a/b\n", "{seq}\n", "WMPCC {seq}/{year}\n"]
ALL_HOSTILE = HOSTILE_TEXT + HOSTILE_DATES + HOSTILE_REFERENCES + HOSTILE_CONTACTS + HOSTILE_NAMES
BY_FIELD = {"date": HOSTILE_DATES, "reference": HOSTILE_REFERENCES, "telephone": HOSTILE_CONTACTS,
            "email": HOSTILE_CONTACTS, "decision": HOSTILE_NAMES, "item": HOSTILE_NAMES,
            "profile": HOSTILE_NAMES, "reference_format": HOSTILE_NAMES}
WRONG_VALUES = st.one_of(
    st.integers(), st.sampled_from([10**30, -(10**30), 2**64, 2**63, 10**400]), st.floats(),
    st.booleans(), st.none(), st.lists(st.integers(), max_size=2), st.just({}), st.just([]),
    st.just({"text": "x", "confidential": True, "exemption": "Schedule 12A paragraph 3"}),
    st.just({"text": "x", "confidential": 1, "exemption": "Schedule 12A paragraph 3"}),
    st.just({"heading": "A", "body": "B", "confidential": True}),
).map(copy.deepcopy)  # a fresh object each time: a later change must not reach the next example


def python_validator(schema: dict) -> Draft202012Validator:
    """The validator as it was before the compiled check: Python's jsonschema alone."""
    return Draft202012Validator(schema, format_checker=FORMAT_CHECKER)


PYTHON_DECISION_VALIDATORS = {name: python_validator(decision_schema_for(decision_schema(), profile))
                              for name, profile in PROFILES.items()}


def assert_same_as_python(validator: SchemaValidator, python: Draft202012Validator, source, findings) -> None:
    """The differential property, for one document."""
    if validator.compiled.accepts(source.data):
        errors = [error.message for error in python.iter_errors(source.data)]
        assert errors == [], "the compiled check passed a document Python refuses"
    assert findings == explain_errors(python, source)


def slots(value):
    """(container, key) of every value inside `value`, at any depth."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield value, key
        yield from slots(item)


def objects(value) -> list[dict]:
    """Every object (dict) in `value`, itself included."""
    inner = [holder[key] for holder, key in slots(value) if isinstance(holder[key], dict)]
    return [value, *inner] if isinstance(value, dict) else inner


@st.composite
def broken(draw, document):
    """`document` with one to three hostile changes: a hostile string put in or appended, a value of the
    wrong type (huge numbers included), a field removed, or an unknown field added."""
    document = copy.deepcopy(document)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):  # mostly one, so that it alone decides
        how = draw(st.sampled_from(["string", "string", "string", "append", "type", "drop", "add"]))
        holders = list(slots(document))
        strings = [(c, k) for c, k in holders if isinstance(c[k], str)]
        if how in ("string", "append") and strings:
            holder, key = draw(st.sampled_from(strings))
            hostile = draw(st.sampled_from(BY_FIELD.get(key, ALL_HOSTILE) if isinstance(key, str) else SPACES)
                           | st.sampled_from(ALL_HOSTILE) | st.text(st.sampled_from(SPACES), max_size=3))
            holder[key] = holder[key] + hostile if how == "append" else hostile
        elif how == "type" and holders:
            holder, key = draw(st.sampled_from(holders))
            holder[key] = draw(WRONG_VALUES)
        elif how == "drop":
            holder = draw(st.sampled_from([o for o in objects(document) if o] or [document]))
            if holder:
                del holder[draw(st.sampled_from(sorted(holder)))]
        elif how == "add":
            holder = draw(st.sampled_from(objects(document)))
            key = draw(st.sampled_from(["titel", "Title", "pattern", "x", "", "status", "confidential"]))
            holder[key] = draw(st.one_of(st.sampled_from(ALL_HOSTILE), WRONG_VALUES))
    note(json.dumps(document, ensure_ascii=True)[:3000])
    return document


def _decision(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# -- differential properties -------------------------------------------------------------------------
def _base_decision() -> dict:
    """The final example with one implication exempt, so that every kind of field is in it."""
    data = example_data(FINAL_EXAMPLE)
    implications = data["notice"]["implications"]
    implications["equality"] = {"text": implications["equality"], "confidential": True,
                                "exemption": "Schedule 12A paragraph 3"}
    return data


# One field of each kind: free strings, enums, patterns, formats, lines, Markdown and exempt bodies.
DECISION_FIELDS = [
    "/$schema", "/profile", "/status", "/reference", "/title", "/meeting/date", "/report/purpose/0",
    "/report/annexes/0/label", "/notice/contact_officer/telephone", "/notice/contact_officer/email",
    "/notice/decision", "/notice/signature/date", "/notice/implications/legal",
    "/notice/implications/equality/text", "/notice/implications/equality/exemption",
    "/notice/facts_and_advice/sections/0/heading", "/notice/background_papers/0",
]
MEETING_FIELDS = ["/$schema", "/name", "/date", "/venue", "/agenda/0/item", "/agenda/0/decision"]


def _put(document, pointer: str, value) -> None:
    *parents, last = pointer.strip("/").split("/")
    holder = functools.reduce(lambda node, token: node[int(token) if isinstance(node, list) else token],
                              parents, document)
    holder[int(last) if isinstance(holder, list) else last] = value


@pytest.mark.parametrize("schema_name", ["decision", "meeting"])
def test_every_hostile_value_in_every_kind_of_field_gets_the_findings_python_alone_gives(schema_name):
    """Exhaustive where the properties below sample: each hostile value, alone, in each kind of field."""
    if schema_name == "decision":
        base, fields, check = _base_decision(), DECISION_FIELDS, validate_decision
        validator, python = decision_validator(PROFILES["wmpcc"]), PYTHON_DECISION_VALIDATORS["wmpcc"]
    else:
        base, fields = _decision(MEETING_EXAMPLE), MEETING_FIELDS
        check = functools.partial(validate_against, "meeting")
        validator, python = _validator("meeting"), python_validator(bundled_schema("meeting"))
    for pointer in fields:
        for hostile in ALL_HOSTILE:
            document = copy.deepcopy(base)
            _put(document, pointer, hostile)
            source = source_of(document)
            try:
                assert_same_as_python(validator, python, source, check(source))
            except AssertionError as error:
                raise AssertionError(f"{pointer} = {hostile!r}: {error}") from None


@MANY
@given(st.sampled_from(ALL_EXAMPLES).map(_decision).flatmap(broken), st.sampled_from(sorted(PROFILES)))
def test_broken_example_decisions_get_the_findings_python_alone_gives(decision, profile_name):
    source = source_of(decision)
    profile = PROFILES[profile_name]
    assert_same_as_python(decision_validator(profile), PYTHON_DECISION_VALIDATORS[profile_name], source,
                          validate_decision(source, profile))


@MANY
@given(st.sampled_from(ALL_EXAMPLES).map(_decision).flatmap(broken))
def test_broken_decisions_naming_their_own_profile_get_the_findings_python_alone_gives(decision):
    """Without a profile given, the one the decision names applies (the default if it names none or
    an unknown one)."""
    source = source_of(decision)
    try:
        name = profile_for(source).name
    except NoticeBuilderError:
        name = load_profile().name
    assert_same_as_python(decision_validator(PROFILES[name]), PYTHON_DECISION_VALIDATORS[name], source,
                          validate_decision(source))


@MANY
@given(st.sampled_from([("meeting", MEETING_EXAMPLE)] + [("profile", p) for p in PROFILE_FILES])
       .flatmap(lambda chosen: st.tuples(st.just(chosen[0]), broken(_decision(chosen[1])))))
def test_broken_meetings_and_profiles_get_the_findings_python_alone_gives(case):
    schema_name, document = case
    source = source_of(document)
    assert_same_as_python(_validator(schema_name), python_validator(bundled_schema(schema_name)), source,
                          validate_against(schema_name, source))


# hypothesis-jsonschema insists that a custom format's values pass the format, so decisions come from the
# schema valid, and are broken afterwards.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", HypothesisWarning)
    GENERATED = st.one_of([  # one strategy a profile, built once: hypothesis-jsonschema's set-up is slow
        st.tuples(st.just(name), from_schema(compact(decision_schema_for(decision_schema(), profile)),
                                             custom_formats=FORMATS))
        for name, profile in PROFILES.items()])


@given(GENERATED, st.booleans(), st.data())  # 50 examples, 200 in CI: generating them is slow
def test_decisions_generated_from_the_schema_get_the_findings_python_alone_gives(case, breaking, data):
    """As generated (valid), or broken with hostile values."""
    profile_name, decision = case
    if breaking:
        decision = data.draw(broken(decision))
    source = source_of(decision)
    profile = PROFILES[profile_name]
    assert_same_as_python(decision_validator(profile), PYTHON_DECISION_VALIDATORS[profile_name], source,
                          validate_decision(source, profile))


@given(GENERATED)
def test_decisions_python_accepts_pass_the_compiled_check_too(case):
    """Not a matter of correctness (Python would decide) but of speed: valid decisions take the fast path."""
    profile_name, decision = case
    source = source_of(decision)
    if not list(PYTHON_DECISION_VALIDATORS[profile_name].iter_errors(source.data)):
        assert decision_validator(PROFILES[profile_name]).compiled.accepts(source.data)


# -- the cases the engines read differently -----------------------------------------------------------
def _checked(data: dict, profile_name: str = "wmpcc"):
    """(findings, whether the compiled check passed it), after checking against the pure-Python path."""
    source = source_of(data)
    profile = PROFILES[profile_name]
    findings = validate_decision(source, profile)
    assert_same_as_python(decision_validator(profile), PYTHON_DECISION_VALIDATORS[profile_name], source,
                          findings)
    return findings, decision_validator(profile).compiled.accepts(source.data)


def test_a_reference_ending_in_a_newline_is_refused_as_json_schema_reads_dollar():
    """Python's own `$` also matches before a final newline; JSON Schema's (ECMA-262) does not, and
    both validators search patterns that way (patterns.pattern_search)."""
    data = example_data(FINAL_EXAMPLE)
    data["reference"] = "WMPCC 012/2013\n"
    findings, passed = _checked(data)
    assert [f.message for f in findings] == ["'WMPCC 012/2013\\n' is not in the expected form"]
    assert not passed


def test_a_reference_with_other_trailing_characters_is_refused_by_both():
    data = example_data(FINAL_EXAMPLE)
    data["reference"] = "WMPCC 012/2013\n\n"
    findings, passed = _checked(data)
    assert [f.message for f in findings] == ["'WMPCC 012/2013\\n\\n' is not in the expected form"]
    assert not passed


@pytest.mark.parametrize("where", ["plain", "exempt"])
def test_a_body_of_an_information_separator_is_empty_and_cannot_go_into_word(where):
    data = example_data()
    implications = data["notice"]["implications"]
    implications["legal"] = "\x1c" if where == "plain" else {
        "text": "\x1c", "confidential": True, "exemption": "Schedule 12A paragraph 3"}
    findings, passed = _checked(data)
    assert sorted(f.message for f in findings) == [
        "contains a character that Word documents cannot hold: U+001C at character 1", "is empty"]
    assert not passed


def test_a_title_of_a_next_line_character_is_empty():
    """U+0085 is space to Python's \\S but text to jsonschema-rs's own; Word can hold it, so only the
    pattern refuses it."""
    data = example_data()
    data["title"] = "\x85"
    findings, passed = _checked(data)
    assert [(f.location.pointer, f.message) for f in findings] == [("/title", "is empty")]
    assert not passed


@pytest.mark.parametrize("date", ["0000-01-01", "2013-02-30", "2013-02-29", "٢٠١٣-٠٧-١٦", "2013-07-16\n"])
def test_an_impossible_date_is_refused_as_python_refuses_it(date):
    data = example_data()
    data["meeting"]["date"] = date
    findings, passed = _checked(data)
    assert [f.message for f in findings] == [f"{date!r} is not a valid date"]
    assert not passed


@pytest.mark.parametrize("value", ["A \ud800 B", 10**30, 2**64, float("inf"), float("nan")])
def test_a_value_rust_cannot_hold_or_of_the_wrong_type_is_left_to_python(value):
    data = example_data()
    data["title"] = value
    findings, passed = _checked(data)
    assert len(findings) == 1 and not passed


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.name)
def test_every_example_passes_the_compiled_check(path):
    source = load_decision_file(path)
    assert decision_validator(profile_for(source)).compiled.accepts(source.data)


def test_the_meeting_and_profile_schemas_and_the_examples_use_the_compiled_check():
    assert _validator("meeting").compiled.accepts(load_decision_file(MEETING_EXAMPLE).data)
    for path in PROFILE_FILES:
        assert _validator("profile").compiled.accepts(load_decision_file(path).data)


def test_a_schema_with_regular_expressions_as_keys_is_left_to_python():
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "patternProperties": {"\\S": {"type": "string"}}}
    assert not SchemaValidator.for_schema(schema).compiled.compiled
