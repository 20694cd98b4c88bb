"""inconsistent-term (NL009): the same term written two ways in one draft.

General checks, none tied to one document:
  - acronyms: an acronym defined in brackets after its words ("Memorandum of Information (MoI)")
    gives the expected spelling from the words' initials (small words such as "of" may be skipped;
    a capitalised word gives a capital). Every other spelling that differs only by case or by a
    character easily confused (l/I/1, O/0) is reported: "Moi", "Mol" for "MoI". A variant of an
    all-capital acronym must itself have two capitals, so "It" never counts for "IT";
  - "&" and "and" in the same phrase: "Police & Crime" and "Police and Crime";
  - hyphenation: "on-going" and "ongoing", "NON-CONFIDENTIAL" and "NON - CONFIDENTIAL";
  - money: "£5,000" and "£5000" (thousands separators), "£100m" and "£100 million", "£1m" and "£1M";
  - a year range or reference joined two ways: "2022/23" and "2022-23", "2020-17" and "2020/17";
  - a name of three or more capitalised words written elsewhere with a word in lower case between
    capitalised ones: "Air Quality Action Plan" and "Air quality Action Plan" (not "Eastgate leisure
    centre" for "Eastgate Leisure Centre": sentence case after the first word is a style);
  - a possessive name without its apostrophe: "Commissioners Grants" beside "Commissioner's Grants"
    (the form without is reported);
  - with the option `undefined_acronyms` (off by default: house styles differ on it), an acronym of
    three or more capitals never introduced in brackets while the draft spells out its words as a
    whole name ("DHR" and "Domestic Homicide Review"): reported at its first use.
The less used form is reported at its first place, naming the other form.

Fails:  "Memorandum of Information (Moi)" ... "the Mol"; "£5,000" ... "£5000"; "2022/23" ... "2022-23"
Passes: "Information Technology (IT)" ... "IT" ... "It is funded."; "Domestic Homicide Review (DHR)" ... "DHR"

Options: `acronyms`, `ampersands`, `hyphenation`, `numbers`, `names` (true): switch a check off;
`undefined_acronyms` (false): switch the check of acronyms never introduced on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.model.outline import Block

_SKIPPABLE = frozenset({"of", "and", "for", "the", "in", "on", "to", "&", "at", "by", "with", "a", "an"})
_DEFINITION = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9&]{1,9})\s*\)")
_WORDS_BEFORE = re.compile(r"[A-Za-z&]+(?:['\u2019][A-Za-z]+)?")  # "Commissioner's" is one word
_TOKEN = re.compile(r"(?<![\w@./-])[A-Za-z0-9][A-Za-z0-9]*(?![\w@])")
# An address starts a word: matching from inside one would rescan a long word at every letter.
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+")


@lru_cache(maxsize=8192)
def _without_addresses(text: str) -> str:
    """The text with web and email addresses blanked out (cheaply: most paragraphs have none)."""
    if "@" in text or "://" in text or "www." in text:
        return _URL_OR_EMAIL.sub(" ", text)
    return text


# Characters easily taken for one another, each with the one it stands for.
_CONFUSABLE = (("l", "i"), ("1", "i"), ("|", "i"), ("0", "o"))
_CHARACTER_CLASS = {"i": "[il1|]", "o": "[o0]"}
# The characters beyond ASCII that a case-insensitive pattern takes for an ASCII letter, and that
# casefold() leaves alone or lengthens: "İ" and dotless "ı" for "i". (Long "ſ" and the Kelvin sign
# casefold to "s" and "k".) tests/test_lint_rules.py checks that the list is complete.
_ASCII_LOOKALIKES = (("\u0130", "i"), ("\u0131", "i"))
_AMPERSAND = re.compile(r"\b([A-Z][a-z]+)\s*&\s*([A-Z][a-z]+)\b")
_WORDS = re.compile(r"\w+")
_HYPHENATED = re.compile(r"\b([A-Za-z]{2,})(\s?-\s?)([A-Za-z]{2,})\b")
_MONEY = re.compile(r"[£€$]\s?(\d{1,3}(?:,\d{3})+|\d{4,})(?:\.\d+)?\b(?!,\d)")
_MONEY_SCALE = re.compile(r"[£€$]\s?\d+(?:\.\d+)?\s?(m|bn|k|million|billion|thousand)\b", re.IGNORECASE)
# A year range or a reference: four digits, "/" or "-", then two or four digits, not inside a date or code.
_JOINED_NUMBERS = re.compile(r"(?<![\w/.\-])(\d{4})\s?([/\-])\s?(\d{2}|\d{4})(?![\w/\-]|\.\d)")
# Words of a name ("Air", "Quality") and everything else, which ends a run of words.
_NAME_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[^\sA-Za-z]")
_LONGEST_NAME = 8  # words
_FEW_KEYS = 64  # hyphenated terms looked for as whole words by one regex; more, by a set lookup a word
# (A capital first, then the look-behind: the pattern engine then skips to capitals, twice as fast.)
_CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])[a-z]+(?:[ \t]+[A-Z][a-z]+){2,}(?![\w'\u2019])")
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'\u2019][A-Z])[a-z]+")
# A capitalised word ending in "s", "'s" or "\u2019s", and the word after it: "Commissioner's Grants".
_POSSESSIVE = re.compile(r"([A-Z](?<![\w'\u2019][A-Z])[a-z]{2,})(['\u2019]s|s)[ \t]+([A-Za-z]+)")
_UNDEFINED_ACRONYM = re.compile(r"(?<![\w&./-])[A-Z]{3,6}(?![\w&-])")


def _replace(text: str, pairs) -> str:
    """Each (old, new) replaced in turn: str.replace is many times faster than str.translate."""
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _fold(token: str) -> str:
    """Case and confusable characters aside: "Mol", "M0I" and "moi" fold alike."""
    return _replace(token.casefold(), _CONFUSABLE)


@lru_cache(maxsize=8192)
def _initials(words: tuple[str, ...], acronym: str) -> str | None:
    """The acronym the last words spell, with their case, or None if they do not spell it."""
    target = _fold(acronym)

    def match(i: int, j: int) -> str | None:  # words[: i] must spell target[: j]
        if j == 0:
            return ""
        if i == 0:
            return None
        word = words[i - 1]
        # A small word in lower case ("of" in "Office of the Police and Crime Commissioner (OPCC)")
        # is skipped if the words before it can spell the rest; it gives a letter only if they cannot
        # ("Ministry of Justice (MoJ)").
        small = word in _SKIPPABLE
        if small and (found := match(i - 1, j)) is not None:
            return found
        if _fold(word[0]) == target[j - 1] and (found := match(i - 1, j - 1)) is not None:
            return found + word[0]
        if word.lower() in _SKIPPABLE and not small:
            return match(i - 1, j)
        return None

    return match(len(words), len(target))


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _acronym_like(token: str, canonical: str) -> bool:
    if canonical.isupper():
        return sum(c.isupper() or c.isdigit() for c in token) >= 2
    return (token[0].isupper() or token[0].isdigit()) and not token.islower()


def _find_all(variants: re.Pattern, text: str, keys) -> Iterator[re.Match]:
    """`variants.finditer(text)`, for a pattern whose every match starts with a spelling of one of
    `keys` (as `_fold` gives it), without running the pattern at every position.

    The text is folded in one go and each key looked for with `str.find`; the pattern confirms each
    place. A text whose folding moves characters (an "ß" becomes "ss") is scanned as usual.
    """
    folded = _fold(_replace(text, _ASCII_LOOKALIKES))
    if len(folded) != len(text):
        yield from variants.finditer(text)
        return
    places = []
    for key in keys:
        at = folded.find(key)
        while at >= 0:
            places.append(at)
            at = folded.find(key, at + 1)
    end = 0
    for at in sorted(places):
        if at >= end and (match := variants.match(text, at)):
            end = match.end()
            yield match


def _last_words(text: str, end: int, count: int) -> list[str]:
    """The last `count` words (letters and "&") before `end`, looking back no further than needed."""
    window = 160
    while True:
        start = max(0, end - window)
        words = _WORDS_BEFORE.findall(text, start, end)
        if start == 0 or len(words) > count:  # more than `count`: the first may be cut, and is dropped
            return words[-count:]
        window *= 4


def _acronyms(context: RuleContext, blocks):
    expected: dict[str, str] = {}
    for _, block in blocks:
        if "(" not in block.text:
            continue
        for match in _DEFINITION.finditer(block.text):
            acronym = match.group(1)
            words = _last_words(block.text, match.start(), 12)
            spelled = _initials(tuple(words[-(len(acronym) + 6) :]), acronym)
            if acronym[0].isupper() and spelled is not None and sum(c.isupper() for c in spelled) >= 2:
                expected.setdefault(_fold(spelled), spelled)
    if not expected:
        return
    # A pattern matching any spelling of any defined acronym, confusables and case included,
    # instead of folding every word of the draft.
    variants = re.compile(
        r"(?<![\w@./-])(?:"
        + "|".join("".join(_CHARACTER_CLASS.get(c, re.escape(c)) for c in key) for key in expected)
        + r")s?(?![\w@])",
        re.IGNORECASE,
    )
    # One regex pass over the whole draft: paragraphs joined by newlines, which the pattern's
    # look-arounds treat as the ends of words, so matches are those of each paragraph alone.
    texts = [_without_addresses(block.text) for _, block in blocks]
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    seen: dict[str, dict[str, list]] = defaultdict(dict)
    for match in _find_all(variants, "\n".join(texts), expected):
        block = blocks[bisect_right(starts, match.start()) - 1][1]
        token = match.group(0)
        key = _fold(token)
        if key not in expected and key.endswith("s") and key[:-1] in expected:
            key, token = key[:-1], token[:-1]
        if key in expected and _acronym_like(token, expected[key]):
            seen[key].setdefault(token, []).append(block)
    for key, spellings in seen.items():
        canonical = expected[key]
        for spelling, places in spellings.items():
            if spelling == canonical or (canonical not in spellings and len(spellings) == 1):
                continue
            others = "; ".join(
                f'"{s}" ({context.place(p[0].location)})' for s, p in spellings.items() if s != spelling
            )
            yield context.finding(
                places[0].location,
                f"{quote(spelling)} ({_times(len(places))}) is also written {others}; its words spell "
                f'"{canonical}"',
                f'write "{canonical}" throughout',
            )


def _report_minority(context: RuleContext, forms: dict[str, list], what: str):
    """Report every form but the most used one, when a term is written more than one way."""
    if len(forms) < 2:
        return
    ranked = sorted(forms.items(), key=lambda item: (-len(item[1]), item[1][0].index))
    usual = ranked[0][0]
    for form, places in ranked[1:]:
        yield context.finding(
            places[0].location,
            f"{quote(form)} is also written {quote(usual)} in this draft ({what})",
            f"write {quote(usual)} throughout",
        )


def _ampersands(context: RuleContext, blocks):
    if not any("&" in block.text for _, block in blocks):
        return
    text_of = [(block, block.text) for _, block in blocks]
    pairs = {(m.group(1), m.group(2)) for _, t in text_of for m in _AMPERSAND.finditer(t) if "&" in t}
    # Which paragraphs can hold a pair at all: those with both its words (or, for "Policeand Crime",
    # a word's parts around "and"). A pair is then looked for in the fewer paragraphs of its two
    # words' rather than in every paragraph, which cost pairs times paragraphs.
    holding: dict[str, dict[int, None]] = {}
    for number, (_, text) in enumerate(text_of):
        for word in dict.fromkeys(_WORDS.findall(text.lower())):
            for token in {word, *word.split("and")} if "and" in word else (word,):
                holding.setdefault(token, {})[number] = None
    for first, second in sorted(pairs):
        forms: dict[str, list] = {}
        pattern = re.compile(rf"\b{first}\s*(&|and)\s*{second}\b", re.IGNORECASE)
        one, other = sorted((holding.get(first.lower(), {}), holding.get(second.lower(), {})), key=len)
        for block, text in (text_of[n] for n in one if n in other):
            for match in pattern.finditer(text):
                forms.setdefault(" ".join(match.group(0).split()), []).append(block)
        with_amp = {f: p for f, p in forms.items() if "&" in f}
        with_and = {f: p for f, p in forms.items() if "&" not in f}
        if with_amp and with_and:
            yield from _report_minority(context, {**with_amp, **with_and}, "'&' and 'and'")


def _hyphenation(context: RuleContext, blocks):
    forms: dict[str, dict[str, list]] = defaultdict(dict)
    texts = [(block, _without_addresses(block.text)) for _, block in blocks]
    for block, text in texts:
        if "-" not in text:
            continue
        for match in _HYPHENATED.finditer(text):
            key = (match.group(1) + match.group(3)).lower()
            shape = "-" if match.group(2) == "-" else " - "
            forms[key].setdefault(f"{match.group(1)}{shape}{match.group(3)}".lower(), []).append(block)
    if not forms:
        return
    # Where each key is written as one word ("ongoing"): a key is letters only, so `\bkey\b` matches
    # exactly a whole word of the text. One pass over the words, not one search of the text a key.
    # Paragraphs are lowered one by one: the plain-ASCII ones take str.lower's fast path.
    lowered = [text.lower() for _, text in texts]
    solid: dict[str, dict[int, Block]] = {}
    if len(forms) <= _FEW_KEYS:
        # `\bkey\b` in the lowered text is exactly a word equal to the key: one regex pass over the
        # paragraphs joined by newlines, instead of a Python loop over every word.
        starts = list(accumulate((len(t) + 1 for t in lowered[:-1]), initial=0))
        keys = "|".join(re.escape(key) for key in sorted(forms, key=len, reverse=True))
        for match in re.finditer(rf"\b(?:{keys})\b", "\n".join(lowered)):
            block = texts[bisect_right(starts, match.start()) - 1][0]
            solid.setdefault(match.group(0), {})[block.index] = block
    else:  # many keys: an alternation of them all would be slower than a set lookup a word
        for (block, _), text in zip(texts, lowered, strict=True):
            for word in _WORDS.findall(text):
                if word in forms:
                    solid.setdefault(word, {})[block.index] = block
    for key, shapes in forms.items():
        found = dict(shapes)
        if key in solid:
            found[key] = list(solid[key].values())
        if len(found) > 1 and any("-" in s and " " not in s for s in found):
            yield from _report_minority(context, found, "hyphenation")


def _numbers(context: RuleContext, blocks):
    separators: dict[str, list] = {}
    scales: dict[str, list] = {}
    for _, block in blocks:
        if "£" not in block.text and "€" not in block.text and "$" not in block.text:
            continue
        for match in _MONEY.finditer(block.text):
            style = "£1,000" if "," in match.group(1) else "£1000"
            separators.setdefault(style, []).append((match.group(0), block))
        for match in _MONEY_SCALE.finditer(block.text):
            unit = match.group(1)
            style = ("£1m" if unit.islower() else "£1M") if len(unit) <= 2 else "£1 million"
            scales.setdefault(style, []).append((match.group(0), block))
    for styles, what in ((separators, "thousands separators"), (scales, "millions")):
        if len(styles) > 1:
            usual = max(styles, key=lambda s: len(styles[s]))
            for style, places in styles.items():
                if style != usual:
                    example, block = places[0]
                    yield context.finding(
                        block.location,
                        f"{quote(example)} is written in the style {style}, but the draft "
                        f"mostly writes money as {usual} ({what}), e.g. {quote(styles[usual][0][0])}",
                        f"write amounts of money one way: {usual}",
                    )


def _joined_numbers(context: RuleContext, blocks):
    forms: dict[tuple[str, str], dict[str, list]] = defaultdict(dict)
    for _, block in blocks:
        text = block.text
        if "/" not in text and "-" not in text:
            continue
        for match in _JOINED_NUMBERS.finditer(text):
            first, joint, second = match.groups()
            forms[(first, second)].setdefault(f"{first}{joint}{second}", []).append(block)
    for found in forms.values():
        yield from _report_minority(context, found, "'/' and '-'")


def _capitalised(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _broken_capitals(words: list[str]) -> bool:
    """Capitals broken in the middle of a name ("Air quality Action Plan"), not the whole name in
    capitals nor in sentence case after its first word ("Eastgate leisure centre"), which is a style."""
    lower = [n for n, word in enumerate(words) if word.islower()]
    return not lower or any(_capitalised(word) for word in words[lower[0]:])


def _word_runs(blocks):
    """Each paragraph's runs of words (punctuation, figures and symbols end a run), with the block."""
    for _, block in blocks:
        run: list[str] = []
        for token in _NAME_TOKEN.findall(block.text):
            if token[0].isalpha():
                run.append(token)
                continue
            if run:
                yield block, run
            run = []
        if run:
            yield block, run


def _names(context: RuleContext, blocks):
    """Names of three or more capitalised words written elsewhere with a word in lower case, and
    possessive names written without their apostrophe."""
    names: dict[tuple[str, ...], str] = {}
    # One pass over the whole draft, its paragraphs joined by newlines, which no name runs across.
    texts = [block.text for _, block in blocks]
    whole = "\n".join(texts)
    for run in dict.fromkeys(_CAPITALISED_RUN.findall(whole)):
        words = run.split()
        for first in range(min(len(words), _LONGEST_NAME) - 2):  # and its tails: "Air Quality ..."
            tail = words[first:_LONGEST_NAME]                    # of "The Air Quality ..."
            if tail[0].casefold() not in _SKIPPABLE:
                names.setdefault(tuple(w.casefold() for w in tail), " ".join(tail))
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    yield from _broken_names(context, blocks, names, whole, starts)
    yield from _possessives(context, blocks, whole, starts)


def _broken_names(context: RuleContext, blocks, names: dict[tuple[str, ...], str], whole: str,
                  starts: list[int]):
    if not names:
        return
    lengths = sorted({len(key) for key in names})
    first_words = {key[0] for key in names}
    longest = lengths[-1]
    # Only the words after a capitalised word that starts a name are read (one pass over the draft).
    variants: dict[tuple[str, ...], dict[str, list]] = defaultdict(dict)
    for start in _CAPITALISED_WORD.finditer(whole):
        if start.group(0).casefold() not in first_words:
            continue
        run: list[str] = []
        for token in _NAME_TOKEN.finditer(whole, start.start()):
            if not token.group(0)[0].isalpha() or len(run) == longest:
                break
            run.append(token.group(0))
        folded = tuple(w.casefold() for w in run)
        for length in lengths:
            key = folded[:length]
            if len(key) == length and key in names:
                words = run[:length]
                if all(_capitalised(w) or w.islower() for w in words) and _broken_capitals(words):
                    block = blocks[bisect_right(starts, start.start()) - 1][1]
                    variants[key].setdefault(" ".join(words), []).append(block)
    for key, forms in variants.items():
        for form, places in forms.items():
            if form != names[key]:
                yield context.finding(
                    places[0].location,
                    f"{quote(form)} is also written {quote(names[key])} in this draft (capitals)",
                    f"write {quote(names[key])} throughout",
                )


def _possessives(context: RuleContext, blocks, whole: str, starts: list[int]):
    """Possessive names written without their apostrophe; `whole` is the paragraphs' text joined by
    newlines, `starts` where each paragraph begins in it."""
    if "'s" not in whole and "\u2019s" not in whole:
        return  # no possessive with its apostrophe: nothing to compare with
    forms: dict[tuple[str, str], dict[str, list]] = defaultdict(dict)
    for match in _POSSESSIVE.finditer(whole):
        stem, ending, after = match.groups()
        block = blocks[bisect_right(starts, match.start()) - 1][1]
        forms[(stem.casefold(), after.casefold())].setdefault(f"{stem}{ending} {after}", []).append(block)
    for found in forms.values():
        marked = [form for form in found if "'" in form or "\u2019" in form]
        if marked and len(found) > 1:
            for form, places in found.items():
                if form not in marked:
                    yield context.finding(
                        places[0].location,
                        f"{quote(form)} is also written {quote(marked[0])} in this draft (apostrophe)",
                        f"write {quote(marked[0])} throughout",
                    )


def _spelled_out(blocks, wanted: set[str]) -> dict[str, str]:
    """For each acronym in `wanted`, capitalised words of the draft whose initials spell it."""
    found: dict[str, str] = {}
    longest = max(len(a) for a in wanted)
    for _, run in _word_runs(blocks):
        for i, word in enumerate(run):
            if not _capitalised(word):
                continue
            initials, words = "", []
            for n, following in enumerate(run[i:], start=i):
                words.append(following)
                if following.islower() and following in _SKIPPABLE:
                    continue
                if not _capitalised(following) or len(initials) >= longest:
                    break
                initials += following[0]
                # the whole name: not "Extended Sentence for Public" of "... Public Protection"
                whole = n + 1 == len(run) or not _capitalised(run[n + 1])
                if whole and initials in wanted and initials not in found:
                    found[initials] = " ".join(words)
    return found


def _undefined_acronyms(context: RuleContext, blocks):
    """Acronyms never introduced in brackets, where the draft spells out the words they stand for."""
    defined = {m.group(1).upper() for _, b in blocks if "(" in b.text for m in _DEFINITION.finditer(b.text)}
    first: dict[str, Block] = {}
    for _, block in blocks:
        for match in _UNDEFINED_ACRONYM.finditer(block.text):
            if match.group(0) not in defined:
                first.setdefault(match.group(0), block)
    if not first:
        return
    for acronym, words in _spelled_out(blocks, set(first)).items():
        yield context.finding(
            first[acronym].location,
            f"{quote(acronym)} is used without being introduced; the draft spells it out as {quote(words)}",
            f'introduce it at its first use: "{words} ({acronym})"',
        )


def check(context: RuleContext):
    blocks = context.text_blocks()
    for name, parts in (
        ("acronyms", (_acronyms,)),
        ("undefined_acronyms", (_undefined_acronyms,)),
        ("ampersands", (_ampersands,)),
        ("hyphenation", (_hyphenation,)),
        ("numbers", (_numbers, _joined_numbers)),
        ("names", (_names,)),
    ):
        if context.options[name]:
            for part in parts:
                yield from part(context, blocks)


RULE = Rule(
    code="NL009",
    slug="inconsistent-term",
    description="The same term is written in two ways",
    severity=Severity.WARNING,
    check=check,
    tags=("content",),
    options={"acronyms": True, "ampersands": True, "hyphenation": True, "numbers": True, "names": True,
             "undefined_acronyms": False},
    doc=__doc__,
)
