"""The JSON report: every file with its findings, for scripts and the batch command."""

from __future__ import annotations

from collections import Counter

from notice_builder.lint.api import LintReport

FORMAT_VERSION = 1


def report_as_dict(report: LintReport) -> dict:
    """A JSON-ready dict: files with findings (Finding.as_dict) and a summary."""
    counts = Counter(f.severity.value for f in report.findings)
    return {
        "version": FORMAT_VERSION,
        "tool": "notice-builder",
        "files": [
            {"path": r.path, "unreadable": r.unreadable, "findings": [f.as_dict() for f in r.findings]}
            for r in report.files
        ],
        "summary": {
            "files": len(report.files),
            "unreadable": sum(r.unreadable for r in report.files),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
        },
    }
