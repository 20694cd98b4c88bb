"""contact-details (NL010): telephone numbers that are not valid UK numbers, malformed email addresses.

Telephone numbers are found after a label ("Telephone Number:", "Tel:", "Phone", "Mobile") and
anywhere as digits in a UK shape (starting 0 or +44, at least eight digits); each is checked with
Google's libphonenumber (`phonenumbers`) as a complete, dialable UK number, so "0121 626" (cut
short) fails and "0121 626 6060" passes. Email addresses are any word with an "@", or the value
after an "Email:" label, checked as a whole address with a dotted domain. Web addresses are skipped.

Fails:  "Telephone Number: 0121 626", "Email: j.courtney@west-midlands"
Passes: "Telephone Number: 0121 626 6060", "Email: j.courtney@west-midlands.pnn.police.uk"
"""

from __future__ import annotations

import re
from functools import lru_cache

from notice_builder.lint.labels import split_label
from notice_builder.lint.rule import Rule, RuleContext, quote
from notice_builder.model.findings import Severity
from notice_builder.validate.formats import is_valid_email, is_valid_uk_telephone

_LABELLED_PHONE = re.compile(
    r"\b(?:tel(?:ephone)?|phone|mobile|fax)\b\.?(?:\s*(?:no\.?|number))?\s*[:.]?\s*(\+?\(?\d[\d\s()\-]*\d)",
    re.IGNORECASE,
)
# Digits in a UK shape, not part of a longer word, path, amount or reference. The look-behind comes
# after the first character, so that the scan skips ahead to a "0" or "+" (it is many times faster).
_UK_SHAPED = re.compile(
    r"[0+](?<![\w/.£$€-][0+])(?:(?<=\+)44\s?\(?0?\)?\s?|(?<=0))\d(?:[\s-]?\d){7,11}(?![\w/])"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_NOT_IN_ADDRESS = re.compile(r"[<>()\[\],;:\"']")
_EMAIL_LABELS = frozenset({"email", "e-mail", "email address", "e-mail address"})


@lru_cache(maxsize=4096)
def _valid_telephone(number: str) -> bool:
    return is_valid_uk_telephone(number)


def _telephones(text: str):
    spans = []
    lower = text.lower()
    labelled = "tel" in lower or "phone" in lower or "mobile" in lower or "fax" in lower
    for match in _LABELLED_PHONE.finditer(text) if labelled else ():
        spans.append(match.span(1))
        yield match.group(1).strip()
    for match in _UK_SHAPED.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            yield match.group(0).strip()


def _email_like(text: str):
    """Each run of characters with an "@" between spaces, brackets, commas, colons or quotes."""
    for word in text.split():
        if "@" in word:
            yield from (part for part in _NOT_IN_ADDRESS.split(word) if "@" in part)


def check(context: RuleContext):
    for _, block in context.text_blocks():
        text = block.text
        has_email = "@" in text or "mail" in text.lower()
        if not has_email and "0" not in text and "+44" not in text:
            continue  # every UK number has a 0 or +44
        if "://" in text or "www." in text:
            text = _URL.sub(" ", text)
        for number in dict.fromkeys(_telephones(text)):
            if not _valid_telephone(number):
                yield context.finding(
                    block.location,
                    f"telephone number {quote(number)} is not a valid UK number",
                    "give the full number with its area code, e.g. 0121 626 6060",
                )
        if not has_email:
            continue
        candidates = [word.strip(".") for word in _email_like(text)]
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
