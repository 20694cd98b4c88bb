"""The SARIF 2.1.0 report, so code-scanning tools (GitHub, Azure DevOps, IDEs) can show findings.

Rules are listed in runs[0].tool.driver.rules (id NL001, name the slug). Findings in a decision
file point at their line and column; findings in a Word document have no lines, so they point at
line 1 of the file and name the paragraph as a logical location ("paragraph 89"), or the area outside
the body ("header"). Each result carries its paragraph's excerpt as the region's snippet and in its
properties.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from notice_builder.lint.api import LintReport
from notice_builder.lint.registry import all_rules
from notice_builder.model.findings import Finding, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return metadata.version("notice-builder")
    except metadata.PackageNotFoundError:
        return "0"


def _first_paragraph(doc: str) -> str:
    return " ".join(doc.strip().split("\n\n", 1)[0].split()) if doc else ""


def _descriptors() -> tuple[list[dict], dict[str, int]]:
    rules, index = [], {}
    for rule in all_rules():
        index[rule.slug] = len(rules)
        rules.append(
            {
                "id": rule.code,
                "name": rule.slug,
                "shortDescription": {"text": rule.description},
                "fullDescription": {"text": _first_paragraph(rule.doc) or rule.description},
                "help": {"text": rule.doc.strip() or rule.description},
                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                "properties": {"tags": list(rule.tags)},
            }
        )
    return rules, index


def _location(finding: Finding) -> dict:
    path = Path(finding.path)
    artifact = {"uri": path.as_posix()}
    if not path.is_absolute():
        artifact["uriBaseId"] = "%SRCROOT%"
    loc = finding.location
    region = {"startLine": loc.line or 1}
    if loc.column is not None:
        region["startColumn"] = loc.column
    if finding.excerpt is not None:
        region["snippet"] = {"text": finding.excerpt}
    location: dict = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    logical = []
    if loc.paragraph is not None:
        logical.append({"name": f"paragraph {loc.paragraph}", "kind": "element"})
    if loc.area is not None:
        logical.append({"name": loc.area, "kind": "element"})
    if loc.pointer is not None:
        logical.append(
            {"name": loc.pointer or "/", "fullyQualifiedName": loc.pointer or "/", "kind": "object"}
        )
    if logical:
        location["logicalLocations"] = logical
    return location


def report_as_sarif(report: LintReport) -> dict:
    """The whole run as a SARIF 2.1.0 log (a JSON-ready dict)."""
    rules, index = _descriptors()
    results = []
    for finding in report.findings:
        if finding.code not in index:  # unreadable input, schema and syntax errors
            index[finding.code] = len(rules)
            rules.append(
                {
                    "id": finding.code,
                    "name": finding.code,
                    "shortDescription": {"text": finding.code.replace("-", " ")},
                }
            )
        result = {
            "ruleId": rules[index[finding.code]]["id"],
            "ruleIndex": index[finding.code],
            "level": _LEVELS[finding.severity],
            "message": {"text": finding.message + (f" (hint: {finding.hint})" if finding.hint else "")},
            "locations": [_location(finding)],
        }
        if finding.excerpt is not None:
            result["properties"] = {"excerpt": finding.excerpt}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "notice-builder", "version": _version(), "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
