"""The string formats the decision schema uses beyond JSON Schema's own: telephone, email, Word text."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from jsonschema import FormatChecker

# XML 1.0 forbids these; Word refuses a document that contains them.
_FORBIDDEN_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Deliberately plain: local part, @, a domain with at least one dot and no empty labels.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
                    r"[A-Za-z]{2,}$")

_CHARACTER_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed"}


def forbidden_character(text: str) -> str | None:
    """Describe the first character in `text` that cannot appear in a Word document, if any."""
    match = _FORBIDDEN_IN_XML.search(text)
    if not match:
        return None
    char = match.group()
    name = _CHARACTER_NAMES.get(char) or unicodedata.name(char, "")
    if 0xD800 <= ord(char) <= 0xDFFF:
        name = "a lone surrogate"
    label = f"U+{ord(char):04X}" + (f" ({name})" if name else "")
    return f"{label} at character {match.start() + 1}"


def is_valid_email(value: str) -> bool:
    """A whole address with a local part, an @ and a dotted domain."""
    return bool(_EMAIL.fullmatch(value)) and ".." not in value and len(value) <= 254


def is_valid_uk_telephone(value: str) -> bool:
    """A complete, dialable UK number (national or +44 form), by Google's libphonenumber rules."""
    if forbidden_character(value):  # libphonenumber ignores trailing junk such as NUL or a vertical tab
        return False
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


FORMAT_CHECKER = FormatChecker(formats=["date"])


@FORMAT_CHECKER.checks("email")
def _check_email(value: object) -> bool:
    return not isinstance(value, str) or is_valid_email(value)


@FORMAT_CHECKER.checks("uk-telephone")
def _check_uk_telephone(value: object) -> bool:
    return not isinstance(value, str) or is_valid_uk_telephone(value)


@FORMAT_CHECKER.checks("word-text")
def _check_word_text(value: object) -> bool:
    return not isinstance(value, str) or forbidden_character(value) is None

