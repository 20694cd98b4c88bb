"""Findings: the structured errors and warnings every stage returns, printed only at the edge."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How much a finding matters; ordered so that `--fail-on` can compare them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


# What `--fail-on` accepts: the least severe finding that fails a run, or never.
FAIL_ON_CHOICES = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Location:
    """Where a finding is: a line and column in a text file, a JSON pointer, a paragraph number.

    `area` names text outside a Word document's body ("header", "footer", "text box in paragraph 12",
    "footnote in paragraph 3"); `paragraph` only ever counts the body's paragraphs.
    """

    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    paragraph: int | None = None
    area: str | None = None

    def describe(self) -> str:
        """Render as the `:line:col pointer` or `:paragraph N` suffix used after a file name."""
        parts = []
        if self.line is not None:
            parts.append(f":{self.line}" + (f":{self.column}" if self.column is not None else ""))
        if self.paragraph is not None:
            parts.append(f":paragraph {self.paragraph}")
        if self.area is not None:
            parts.append(f":{self.area}")
        text = "".join(parts)
        if self.pointer is not None:
            text += f" {self.pointer or '/'}"
        return text


@dataclass(frozen=True)
class Finding:
    """One problem found in one file: what, where, how bad, and how to fix it."""

    code: str
    message: str
    path: str
    location: Location = field(default_factory=Location)
    severity: Severity = Severity.ERROR
    hint: str | None = None
    # The first characters of the paragraph (or JSON value) the finding is about, on one line, so that a
    # reader can see what it points at without opening the document; filled in by the lint engine.
    excerpt: str | None = None

    def __str__(self) -> str:
        text = f"{self.path}{self.location.describe()}: {self.code} {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def as_dict(self) -> dict:
        """A JSON-ready form, used by the JSON report and the batch manifest."""
        location = {k: v for k, v in vars(self.location).items() if v is not None}
        data = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "location": location,
        }
        if self.hint:
            data["hint"] = self.hint
        if self.excerpt is not None:
            data["excerpt"] = self.excerpt
        return data


class NoticeBuilderError(Exception):
    """Raised when input cannot be used; carries the findings that explain why."""

    def __init__(self, findings: list[Finding]):
        self.findings = list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class UnreadableInput(NoticeBuilderError):
    """The input file could not be read or parsed at all (CLI exit code 2 for lint)."""
