"""contact-details (NL010): telephone numbers that are not valid UK numbers, malformed email addresses.

Telephone numbers are found after a label, whatever its wording ("Telephone Number:", "tel: no:",
"Tel No", "Phone", "Mobile", "Fax", "Ext"), and anywhere as digits in a UK shape (starting 0 or +44,
at least eight digits); each is checked with Google's libphonenumber (`phonenumbers`) as a complete
UK number someone outside can dial, so "0121 626" (cut short), "909 6500" (no area code), "121 626
6060" (no leading 0) and "555-0100" fail and "0121 626 6060" passes. An extension ("Ext 4521") is
fine beside a full number but not on its own. Email addresses are words that look like one (letters,
an "@", a domain: "Kick Off @ 3" is not one), or the value after an "Email:" label, checked as a
whole address with a dotted domain. Web addresses are skipped. Headers, footers, text boxes and
footnotes are checked too.

Fails:  "Telephone Number: 0121 626", "tel: no: 909 6500", "Ext 4521", "Email: j.courtney@west-midlands"
Passes: "Telephone Number: 0121 626 6060", "Email: j.courtney@west-midlands.pnn.police.uk"
"""

from __future__ import annotations

import re
from functools import lru_cache

from notice_builder.lint.labels import split_label
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.validate.formats import is_valid_email, is_valid_uk_telephone

# A telephone label, whatever its wording ("Tel:", "tel: no:", "Tel No", "Phone", "Current contact
# telephone number:", "Ext"), then only "no", "number" and punctuation before the number.
_PHONE_LABEL = re.compile(
    r"\b(?:(?P<ext>ext(?:ension|n)?)|tel(?:ephone)?|phone|mobile|mob|fax|switchboard|direct\s+(?:line|dial))\b"
    r"(?:[\s.:;#()/-]|\b(?:no|nos|numbers?)\b)*?"
    r"(?P<number>\+?\(?\d(?:[ \t\-()]{0,2}\d)*)",
    re.IGNORECASE,
)
# A first look for a label's start, in one scan: most paragraphs have none.
_LABEL_START = re.compile(r"\b(?:tel|phone|mob|fax|ext|switchboard|direct)", re.IGNORECASE)
# Digits in a UK shape, not part of a longer word, path, amount or reference. The look-behind comes
# after the first character, so that the scan skips ahead to a "0" or "+" (it is many times faster).
_UK_SHAPED = re.compile(
    r"[0+](?<![\w/.£$€-][0+])(?:(?<=\+)44\s?\(?0?\)?\s?|(?<=0))\d(?:[\s-]?\d){7,11}(?![\w/])"
)
_ANY_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_NOT_IN_ADDRESS = re.compile(r"[<>()\[\],;:\"']")
_EMAIL_LABELS = frozenset({"email", "e-mail", "email address", "e-mail address"})
_SHORTEST_NUMBER = 6  # fewer digits after "Tel" is an internal extension, unless labelled one
_SHORTEST_EXTENSION = 3
_SERVICE_NUMBERS = frozenset({"999", "112", "101", "111", "105", "119"})


@lru_cache(maxsize=4096)
def _valid_telephone(number: str) -> bool:
    return is_valid_uk_telephone(number)


def _digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def _service_number(digits: str) -> bool:
    """UK numbers dialled without an area code: 999, 112, 101, 111, 105, 119, 116 xxx, 118 xxx."""
    return digits in _SERVICE_NUMBERS or (len(digits) == 6 and digits.startswith(("116", "118")))


def _number_problem(number: str) -> str | None:
    """Why a number given as a telephone number cannot be dialled from outside, or None if it can."""
    digits = _digits(number)
    if _service_number(digits):
        return None
    if number.startswith("+") or digits.startswith("0"):
        return None if _valid_telephone(number) else "is not a valid UK number"
    if _valid_telephone("0" + digits):
        return "has no leading 0: nobody can dial it as written"
    if len(digits) <= 8:
        return "has no area code: nobody outside the office can dial it"
    return "is not a valid UK number"


def _telephone_problems(text: str):
    """(number, problem) for each telephone number in the text that cannot be dialled from outside.

    A number after a telephone label is checked whatever it starts with; digits in a UK shape are
    checked anywhere. An extension is fine beside a full number, but not on its own.
    """
    spans, extensions, full = [], [], False
    if _LABEL_START.search(text):
        for match in _PHONE_LABEL.finditer(text):
            number = match.group("number").strip(" -.()")
            digits = _digits(number)
            if match.group("ext"):
                if len(digits) >= _SHORTEST_EXTENSION:
                    extensions.append(number)
                spans.append(match.span("number"))
                continue
            if len(digits) < _SHORTEST_NUMBER:
                label = text[match.start():match.start("number")].rstrip()
                if len(digits) >= _SHORTEST_EXTENSION and label.endswith((":", ".")) \
                        and not _service_number(digits):
                    extensions.append(number)  # "Tel: 4521": an internal extension
                continue
            spans.append(match.span("number"))
            problem = _number_problem(number)
            full = full or problem is None
            if problem is not None:
                yield number, problem
    for match in _UK_SHAPED.finditer(text) if "0" in text or "+" in text else ():
        if not any(start <= match.start() < end for start, end in spans):
            number = match.group(0).strip()
            problem = _number_problem(number)
            full = full or problem is None
            if problem is not None:
                yield number, problem
    if extensions and not full:
        yield extensions[0], "is an extension on its own: nobody outside the office can dial it"


def _email_like(text: str):
    """Each run of characters that looks like an e-mail address: something@something, with letters.

    "Kick Off @ 3" and "@team" are not addresses; "j.courtney@" and "j.courtney@west-midlands" are
    (malformed ones).
    """
    for word in text.split():
        if "@" not in word:
            continue
        for part in _NOT_IN_ADDRESS.split(word):
            local, at, domain = part.strip(".").partition("@")
            domain_like = not domain or (domain[0].isalnum() and any(c.isalpha() for c in domain))
            if at and any(c.isalpha() for c in local) and domain_like:
                yield part.strip(".")


def check(context: RuleContext):
    blocks = [b for _, b in context.text_blocks()] + [b for b in context.outline.outside if b.text.strip()]
    for block in blocks:
        text = block.text
        has_email = "@" in text or "mail" in text or "MAIL" in text or "Mail" in text
        if not has_email and _ANY_DIGIT.search(text) is None:
            continue
        if "://" in text or "www." in text:
            text = _URL.sub(" ", text)
        for number, problem in dict.fromkeys(_telephone_problems(text)):
            yield context.finding(
                block.location,
                f"telephone number {quote(number)} {problem}",
                "give the full number with its area code, e.g. 0121 626 6060",
            )
        if not has_email:
            continue
        candidates = list(_email_like(text)) if "@" in text else []
        labelled = split_label(text)
        if labelled and labelled[0] in _EMAIL_LABELS and labelled[1] and "@" not in labelled[1]:
            candidates.append(labelled[1])
        for address in dict.fromkeys(candidates):
            if address.lower().startswith("mailto:"):
                address = address[7:]
            if not is_valid_email(address):
                yield context.finding(
                    block.location,
                    f"email address {quote(address)} is malformed",
                    "write the whole address, e.g. name@example.gov.uk",
                )


RULE = Rule(
    code="NL010",
    slug="contact-details",
    description="A telephone number is not a valid UK number or an email address is malformed",
    severity=Severity.ERROR,
    check=check,
    tags=("content",),
    doc=__doc__,
)
