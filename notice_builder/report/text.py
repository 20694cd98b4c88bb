"""The human report: one line a finding, `path:paragraph N: code message (hint: ...)`."""

from __future__ import annotations

from collections import Counter

from notice_builder.lint.api import LintReport
from notice_builder.model.terminal_text import escape_controls


def format_text(report: LintReport) -> str:
    """Every finding, one a line, in file and document order; control characters written as escapes."""
    return "".join(f"{escape_controls(str(finding))}\n" for finding in report.findings)


def summary(report: LintReport) -> str:
    """One line counting findings by severity, e.g. '3 errors, 12 warnings in 2 files'."""
    counts = Counter(f.severity.value for f in report.findings)
    unreadable = sum(r.unreadable for r in report.files)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]
    ]
    text = ", ".join(parts) or "no problems"
    files = len(report.files)
    text += f" in {files} file{'s' if files != 1 else ''}"
    if unreadable:
        text += f" ({unreadable} unreadable)"
    return text
