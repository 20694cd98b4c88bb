"""Text that is safe to show on a terminal: control and other invisible code points written as escapes.

File names, JSON keys and values, and the text of Word drafts reach the terminal in findings and
reports. An escape sequence (ESC, the 8-bit CSI U+009B), a bidirectional override, a line separator
or a lone surrogate in them would be acted on by the terminal, or break the line, instead of being
shown; each is written as a Python-style escape (`\\x1b`, `\\u202e`) instead.
"""

from __future__ import annotations

import unicodedata

# Control (Cc), format (Cf: bidi overrides, zero-width), surrogate (Cs), unassigned (Cn), and line or
# paragraph separator (Zl, Zp) code points.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"})


def _escape(character: str) -> str:
    point = ord(character)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def _unsafe(character: str) -> bool:
    return unicodedata.category(character) in UNSAFE_CATEGORIES


def escape_controls(text: str) -> str:
    """`text` with every control or invisible code point (newlines too) written as an escape."""
    if text.isprintable():  # almost every line: nothing to do
        return text
    return "".join(_escape(c) if _unsafe(c) else c for c in text)


def _json_escape(character: str) -> str:
    point = ord(character)
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def escape_controls_in_json(text: str) -> str:
    """JSON text (from json.dumps) with the same code points written as JSON `\\u` escapes.

    Outside strings JSON holds only ASCII, so this changes no value: the document reads the same.
    """
    if text.isprintable():
        return text
    return "".join(_json_escape(c) if c not in "\n" and _unsafe(c) else c for c in text)
