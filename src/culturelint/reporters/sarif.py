"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What GitHub needs to show a finding well: a rule descriptor with help text (shown next
to the alert), a physical location relative to the repository (`%SRCROOT%`), and a
`partialFingerprints` value that survives lines moving, so an alert stays the same alert
from one push to the next. Columns count code points, declared with `columnKind`.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from culturelint.baseline import fingerprint
from culturelint.finding import FileError, Finding, Severity
from culturelint.registry import Check, RuleDoc
from culturelint.reporters import Report, relative_posix
from culturelint.reporters.json import Items
from culturelint.reporters.json import chunks as json_chunks

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/culturelint/"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "culturelint/v1"

LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}

# A period after these does not end the sentence ("e.g. white at weddings").
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "no.")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")


def chunks(report: Report, *, root: Path | None = None) -> Iterator[str]:
    """The SARIF document in pieces, a result at a time (see `json.Items`)."""
    return json_chunks(to_sarif(report, root=root))


def to_sarif(report: Report, *, root: Path | None = None) -> dict[str, Any]:
    base = (root or Path.cwd()).absolute()
    rules, rule_index = _rules(report)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "culturelint",
                "version": report.version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [_invocation(report.errors, base)],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(base)}},
        "results": Items(_results(report.findings, rule_index, base)),
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for match in _SENTENCE_END.finditer(text):
        head = text[: match.end()]
        if not head.lower().endswith(_ABBREVIATIONS):
            return head
    return text


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Descriptors for the active rules, plus a minimal one for any code only seen in results.

    A plug-in or a stale cache could report a code that is not in the active list; SARIF
    requires every `ruleIndex` to point at a descriptor, so such a code still gets one.
    """
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for check in sorted(report.rules, key=lambda c: c.code):
        if check.code not in index:
            index[check.code] = len(descriptors)
            descriptors.append(_descriptor(check))
    for finding in report.findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(_minimal_descriptor(finding))
    return descriptors, index


def _descriptor(check: Check) -> dict[str, Any]:
    what = " ".join(check.doc.what.split()) or check.name
    return {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": first_sentence(what)},
        "fullDescription": {"text": what},
        "help": {"text": _help_text(check.doc), "markdown": _help_markdown(check.doc)},
        "defaultConfiguration": {"level": LEVEL[check.severity]},
        "properties": {"category": check.category, "tags": ["culturelint", check.category]},
    }


def _minimal_descriptor(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": {"category": finding.category, "tags": ["culturelint", finding.category]},
    }


def _help_text(doc: RuleDoc) -> str:
    parts = [doc.what.strip()]
    if doc.why.strip():
        parts.append(f"Why: {doc.why.strip()}")
    if doc.example.strip():
        parts.append(f"Example:\n{_indent(doc.example)}")
    if doc.good_example.strip():
        parts.append(f"Better:\n{_indent(doc.good_example)}")
    if doc.fix.strip():
        parts.append(f"How to fix: {doc.fix.strip()}")
    if doc.sources:
        parts.append("Sources:\n" + "\n".join(f"- {source}" for source in doc.sources))
    return "\n\n".join(part for part in parts if part)


def _help_markdown(doc: RuleDoc) -> str:
    parts = [doc.what.strip()]
    if doc.why.strip():
        parts.append(f"**Why.** {doc.why.strip()}")
    if doc.example.strip():
        parts.append(f"**Example**\n\n{_fenced(doc.example)}")
    if doc.good_example.strip():
        parts.append(f"**Better**\n\n{_fenced(doc.good_example)}")
    if doc.fix.strip():
        parts.append(f"**How to fix.** {doc.fix.strip()}")
    if doc.sources:
        items = "\n".join(f"- {_markdown_source(source)}" for source in doc.sources)
        parts.append(f"**Sources**\n\n{items}")
    return "\n\n".join(part for part in parts if part)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.strip("\n").splitlines())


def _fenced(text: str) -> str:
    # A fence longer than any backtick run inside, so an example cannot close it early.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.strip(chr(10))}\n{fence}"


def _markdown_source(source: str) -> str:
    return f"<{source}>" if re.fullmatch(r"https?://\S+", source) else source


def _results(
    findings: list[Finding], rule_index: dict[str, int], base: Path
) -> Iterator[dict[str, Any]]:
    # Identical findings in one file share a hash; the occurrence number keeps them apart,
    # the way GitHub's own primaryLocationLineHash does.
    seen: Counter[str] = Counter()
    # Findings come a file at a time; a file's location is worked out once (resolving
    # paths took half the time of the report).
    path, location = None, {}
    for finding in findings:
        if finding.path != path:
            path, location = finding.path, _artifact_location(finding.path, base)
        digest = fingerprint(finding)
        seen[digest] += 1
        text = finding.message
        if finding.suggestion:
            text += f"\nSuggestion: {finding.suggestion}"
        region = _region(finding)
        if finding.snippet:
            region["snippet"] = {"text": finding.snippet}
        properties: dict[str, Any] = {"category": finding.category}
        if finding.market is not None:
            properties["market"] = finding.market
        if finding.evidence is not None:
            properties["evidence"] = finding.evidence.to_dict()
        yield {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVEL[finding.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": location,
                        "region": region,
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
            "properties": properties,
        }


def _region(finding: Finding) -> dict[str, Any]:
    """The finding's span; clamped only if a check produced an impossible one."""
    start_line = max(1, finding.line)
    start_column = max(1, finding.column)
    end_line = max(start_line, finding.end_line)
    end_column = max(1, finding.end_column)
    if end_line == start_line:
        end_column = max(start_column, end_column)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _invocation(errors: list[FileError], base: Path) -> dict[str, Any]:
    notifications = []
    for error in errors:
        location: dict[str, Any] = {"artifactLocation": _artifact_location(error.path, base)}
        if error.line is not None and error.line >= 1:
            location["region"] = {"startLine": error.line}
        notifications.append(
            {
                "level": "error",
                "message": {"text": error.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    return {"executionSuccessful": not errors, "toolExecutionNotifications": notifications}


def _artifact_location(path: str, base: Path) -> dict[str, Any]:
    relative = relative_posix(path, base)
    if Path(relative).is_absolute():
        # Outside the source root: the only honest location is the absolute file URI.
        return {"uri": Path(relative).as_uri()}
    # From the bytes the file system gave: a name that is not UTF-8 is percent-encoded
    # as it is on disk, as Path.as_uri() does for absolute paths.
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def _directory_uri(directory: Path) -> str:
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"
