"""Map each JSON pointer in a JSON text to the line and column where its value starts."""

from __future__ import annotations

import bisect
import contextlib
import re
from json.decoder import scanstring

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")


def escape_pointer_token(token: str) -> str:
    """Escape one reference token of a JSON pointer (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class JsonPositions:
    """Line/column lookup for pointers of an already-valid JSON text; built on first use."""

    def __init__(self, text: str):
        self._text = text
        self._offsets: dict[str, int] | None = None
        self._key_offsets: dict[str, int] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_column(self, pointer: str, *, key: bool = False) -> tuple[int, int] | None:
        """1-based (line, column) of the value at `pointer`, or of its key when `key` is true."""
        if self._offsets is None:
            self._offsets = {}
            # Positions are a courtesy: a partial index (very deep nesting) is still useful.
            with contextlib.suppress(RecursionError, ValueError, IndexError):
                self._index("", 0)
        offset = (self._key_offsets if key else self._offsets).get(pointer)
        if offset is None and key:
            offset = self._offsets.get(pointer)
        if offset is None:
            return None
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def nearest(self, pointer: str) -> tuple[int, int] | None:
        """Position of `pointer`, or of its closest existing ancestor (for a missing property)."""
        while True:
            found = self.line_column(pointer)
            if found or not pointer:
                return found
            pointer = pointer.rsplit("/", 1)[0]

    def _skip(self, index: int) -> int:
        return _WHITESPACE.match(self._text, index).end()

    def _index(self, pointer: str, index: int) -> int:
        text = self._text
        index = self._skip(index)
        self._offsets[pointer] = index
        char = text[index]
        if char == "{":
            index = self._skip(index + 1)
            if text[index] == "}":
                return index + 1
            while True:
                key_start = index
                key, index = scanstring(text, index + 1)
                child = f"{pointer}/{escape_pointer_token(key)}"
                self._key_offsets[child] = key_start
                index = self._skip(index) + 1  # past ':'
                index = self._skip(self._index(child, index))
                if text[index] == "}":
                    return index + 1
                index = self._skip(index + 1)  # past ','
        if char == "[":
            index = self._skip(index + 1)
            if text[index] == "]":
                return index + 1
            item = 0
            while True:
                index = self._skip(self._index(f"{pointer}/{item}", index))
                item += 1
                if text[index] == "]":
                    return index + 1
                index += 1
        if char == '"':
            return scanstring(text, index + 1)[1]
        match = _SCALAR.match(text, index)
        if not match:
            raise ValueError(f"unexpected character at offset {index}")
        return match.end()
