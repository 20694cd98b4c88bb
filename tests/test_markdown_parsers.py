"""The compiled Markdown parser (pulldown-cmark) gives exactly markdown-it-py's tokens for every text it
takes, and declines what the two read differently."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_builder.bench import markdown_body
from notice_builder.markdown import MAX_NESTING, parse_markdown
from notice_builder.markdown.compiled_parser import compiled_tokens
from notice_builder.markdown.reference_parser import reference_tokens
from tests.conftest import ALL_EXAMPLES

# Texts where CommonMark's rules are subtle: the compiled parser takes each of these, and must agree.
TAKEN = [
    "", "plain", "#", "# Heading #", "### Three ###   ", "Setext\n===", "Setext\n---", "para\n***\nmore",
    "*em* **strong** ***both*** _u_ __uu__ *a **b** c*", "**bold**text", "a*b*c a_b_c", "*a *b* c*",
    "**a*", "*a**", "__a_", "foo*bar*", "foo_bar_", "*(*foo*)*", "**foo*bar*baz**", "*foo**bar**baz*",
    "£*5*", "*£5*", "“*quoted*”", "—*dash*—", "€**10**€", "**Total:** £1,000", "ü*ö*ä", "a * b * c",
    "`code` ``co`de`` ` a ` `` ` ``", "`unclosed", "\\*not em\\* \\_x\\_ \\`", "&amp; &copy; &nbsp; &bogus;",
    "line one\nline two", "hard  \nbreak", "trailing spaces   \nnext", "£\u00a05 in the middle",
    "[link](https://example.gov.uk)", "[t](<a b> \"title\")", "[t](u 'single')", "[no link]", "[a](b",
    "<https://www.legislation.gov.uk/ukpga/2011/13>", "<someone@example.gov.uk>", "<http://ü.de/ä?x=1&y=2>",
    "[ü](https://ü.example/ä b)", "[x](https://a.gov.uk/%20ok)", "[x](https://a.gov.uk/\\(paren\\))",
    "[x](mailto:a@b.c)", "[x](tel:0121)", "[*em link*](/u) [**b**](/v)", "[a [nested](/in) b](/out)",
    "[`code`](/c)", "- one\n- two\n- three", "- a\n  - b\n- c", "* star\n+ plus\n- minus", "1. one\n2. two",
    "3. three\n4. four", "1) paren\n2) paren", "0. zero", "- a\n\n- b", "- a\n\n  second\n- b",
    "- # heading in item", "- > quote in item", "> - item in quote", "> quote\nlazy", "> a\n>\n> b",
    ">>> deep", "- a\n---", "a\n- b", "a\n1. b", "a\n2. b", "   - indented", "***", "- - -", "___",
    "* * *\n- x", "Para with **bold\nacross** lines", "1. **Item**\n2. **Other**", "- [link](/u) in list",
    "  leading spaces", "a\n\n\n\nb", "\n\nx\n\n", "\\", "#hashtag", "#5 issue", "\\# not heading",
    "1.5 million", "2013. A year", "100. item", "1234567890. too long", "> ", "[](/empty)",
    "**", "_", "[", "]", "`", "&", "<", "<>", "< x >", "a<b", "a > b", "5 < 6", "x_y_z", "**£500,000**.",
    "| a | b |\n|---|---|\n| 1 | 2 |", "Before.\n\n| **Total** | :- |\n|:-|--:|\n| [l](/u) | £1 |\n\nAfter.",
    "| a |\n| :-: |", "|x|y|\n|-|-|\n||\u00fc|",
]

# Texts the compiled parser must hand to markdown-it-py: GFM, raw HTML, images, unsafe links, deep
# nesting, and the corners where markdown-it-py departs from cmark (see compiled_parser).
DECLINED = [
    "x\n| a |\n|---|", "| a\n--", "| a \\| b |\n|---|", "  | a |\n  |---|", "| a | b |\n|---|\n| 1 |",
    "| `a|b` |\n|---|", "| a |\n|---|\nlazy", "a | b", "~~struck~~", "~single~", "~~~\nfenced\n~~~", "a\tb",
    "a\r\nb", "a\0b",
    "<b>bold</b>", "<div>\nblock\n</div>", "<!-- comment -->", "![image](x.png)", "[x](javascript:alert(1))",
    "<javascript:alert(1)>", "[x](vbscript:y)", ">" * (MAX_NESTING + 2) + " deep",
    "".join("  " * i + "- a\n" for i in range(MAX_NESTING + 2)), "*" * 200 + "a" + "*" * 200,
    "[ref][r]\n\n[r]: https://x.gov.uk \"T\"", "[r]:\n2.", "&#35; &#x22; &#0; &#7;", "hard\\\nbreak",
    "\\ \n*", "    code block", "- a\n  - b\n    - c", "100. _\n    #", ">\n    >", "```\nfenced\n```",
    "- e\n  ```\n\n-", "0. `\n e`", "\u00a0", "a\u00a0", "- \u00a0a", "# \u2003x", "\u3000",
    "-\n\n\n-", "1.\n\n\n2.", "- x\n-", "- \n  x", "*",
]


def assert_same_tokens(text: str) -> bool:
    """The compiled parse, if taken, equals the reference parse; True when it was taken."""
    compiled = compiled_tokens(text)
    if compiled is not None:
        assert compiled == reference_tokens(text), text
    return compiled is not None


@pytest.mark.parametrize("text", TAKEN)
def test_compiled_parser_takes_and_agrees(text):
    assert assert_same_tokens(text), f"declined: {text!r}"


@pytest.mark.parametrize("text", DECLINED)
def test_compiled_parser_declines_what_markdown_it_reads_otherwise(text):
    assert compiled_tokens(text) is None
    assert parse_markdown(text) == tuple(reference_tokens(text))


def _markdown_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _markdown_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _markdown_strings(item)]
    return []


def test_example_and_benchmark_texts_parse_alike():
    texts = [text for path in ALL_EXAMPLES for text in _markdown_strings(json.loads(path.read_text("utf-8")))]
    rng = random.Random(5)
    texts += [markdown_body(rng, rng.randint(1, 5)) for _ in range(300)]
    taken = sum(assert_same_tokens(text) for text in texts)
    assert taken > len(texts) * 0.6  # the fast parser does most of the work, not a sliver of it


SNIPPETS = [
    "word", "other", "£5", "“", "”", "—", "é", " ", "  ", "   ", "    ", "\n", "\n\n", "*", "**", "_", "__",
    "`", "``", "\\", "[", "]", "(", ")", "<", ">", "!", "#", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ",
    "> ", "---", "***", "```", "&amp;", "&#35;", "&nope;", "https://a.gov.uk/x", "a@b.uk", "\"", "'", ":",
    "[a](/u)", "[r]: /u", "[r]", "<https://a.gov.uk>", ".", ",", "=", "|", "~", "\t",
]


@settings(derandomize=True)  # the same texts in every run: CI is not a lottery
@given(st.lists(st.sampled_from(SNIPPETS), max_size=40).map("".join))
def test_generated_texts_parse_alike(text):
    assert_same_tokens(text)


CELLS = ["a", "", " ", "*x*", "**b**", "£1,000", "[l](/u)", "<https://a.uk>", "_u_", "&amp;", "#", "-", "> q",
         "1.", "*", "[", "]", "x  y", "\\*", "<"]


@st.composite
def tables(draw) -> str:
    columns = draw(st.integers(1, 4))

    def row() -> str:
        return "|" + "|".join(f" {draw(st.sampled_from(CELLS))} " for _ in range(columns)) + "|"

    dashes = st.sampled_from(["---", ":--", "--:", ":-:", " - "])
    delimiter = "|" + "|".join(draw(dashes) for _ in range(columns)) + "|"
    rows = [row(), delimiter, *(row() for _ in range(draw(st.integers(0, 4))))]
    before = draw(st.sampled_from(["", "Para.\n\n", "- item\n\n", "# H\n\n", "> q\n\n", "Para.\n"]))
    after = draw(st.sampled_from(["", "\n\nAfter.", "\n", "\n\n- x", "\nlazy"]))
    return before + "\n".join(rows) + after


@settings(derandomize=True)
@given(tables())
def test_generated_tables_parse_alike(text):
    assert_same_tokens(text)


@settings(derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_arbitrary_texts_parse_alike(text):
    assert_same_tokens(text)
