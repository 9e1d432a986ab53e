"""The JSON output is a public contract (DESIGN.md): its exact shape is tested here."""

from __future__ import annotations

import json

import pytest

from culturelint.finding import Evidence, FileError, Finding, Severity
from culturelint.reporters import Report, render


def make_finding(**overrides: object) -> Finding:
    values: dict[str, object] = {
        "path": "copy/ja-JP/launch.md",
        "line": 3,
        "column": 12,
        "end_line": 3,
        "end_column": 15,
        "rule": "CL201",
        "name": "colour-connotation",
        "category": "colour",
        "severity": Severity.WARNING,
        "market": "ja-JP",
        "message": "「日本語」 is shown in white, the colour of mourning in Japan.",
        "suggestion": "Use red or gold for a celebration.",
        "evidence": Evidence("ja-JP", "colours.white", "Hofstede et al. 2010"),
        "snippet": "日本語",
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


def make_report(findings: list[Finding], errors: list[FileError] | None = None) -> Report:
    return Report(findings=findings, errors=errors or [], files=5, version="1.2.3", rules=[])


def test_json_matches_the_documented_contract_exactly() -> None:
    findings = [
        make_finding(),
        make_finding(
            path="copy/pt-BR/landing page, v2.html",
            line=7,
            column=5,
            end_line=7,
            end_column=6,
            rule="CL203",
            name="gesture-emoji",
            category="gesture",
            severity=Severity.ERROR,
            market="pt-BR",
            message="👌 is an obscene gesture in Brazil.",
            suggestion=None,
            evidence=None,
            snippet="👌",
        ),
    ]
    errors = [FileError("copy/broken.po", "not valid gettext: unterminated string", line=12)]

    data = json.loads(render(make_report(findings, errors), "json"))

    assert data == {
        "version": "1.2.3",
        "findings": [
            {
                "path": "copy/ja-JP/launch.md",
                "line": 3,
                "column": 12,
                "end_line": 3,
                "end_column": 15,
                "rule": "CL201",
                "name": "colour-connotation",
                "category": "colour",
                "severity": "warning",
                "market": "ja-JP",
                "message": "「日本語」 is shown in white, the colour of mourning in Japan.",
                "suggestion": "Use red or gold for a celebration.",
                "evidence": {
                    "profile": "ja-JP",
                    "key": "colours.white",
                    "source": "Hofstede et al. 2010",
                },
            },
            {
                "path": "copy/pt-BR/landing page, v2.html",
                "line": 7,
                "column": 5,
                "end_line": 7,
                "end_column": 6,
                "rule": "CL203",
                "name": "gesture-emoji",
                "category": "gesture",
                "severity": "error",
                "market": "pt-BR",
                "message": "👌 is an obscene gesture in Brazil.",
                "suggestion": None,
                "evidence": None,
            },
        ],
        "errors": [
            {
                "path": "copy/broken.po",
                "message": "not valid gettext: unterminated string",
                "line": 12,
            }
        ],
        "summary": {
            "files": 5,
            "findings": 2,
            "errors": 1,
            "by_severity": {"error": 1, "warning": 1, "info": 0},
            "by_market": {"ja-JP": 1, "pt-BR": 1},
        },
    }


def test_snippet_is_not_part_of_the_contract() -> None:
    data = json.loads(render(make_report([make_finding()]), "json"))

    assert "snippet" not in data["findings"][0]


def test_output_keeps_non_ascii_readable_and_ends_with_newline() -> None:
    text = render(make_report([make_finding()]), "json")

    assert "「日本語」" in text
    assert "\\u" not in text
    assert text.endswith("}\n")
    assert text.startswith('{\n  "version": "1.2.3",')


def test_empty_run_still_has_every_severity_key() -> None:
    data = json.loads(render(make_report([]), "json"))

    assert data["findings"] == []
    assert data["errors"] == []
    assert data["summary"] == {
        "files": 5,
        "findings": 0,
        "errors": 0,
        "by_severity": {"error": 0, "warning": 0, "info": 0},
        "by_market": {},
    }


@pytest.mark.parametrize(
    ("markets", "expected"),
    [
        (["ja-JP", "de-DE", "ja-JP"], {"de-DE": 1, "ja-JP": 2}),
        (["zh-CN"], {"zh-CN": 1}),
        # A finding without a market has no key to be counted under.
        ([None, "de-DE"], {"de-DE": 1}),
    ],
)
def test_by_market_counts_findings_per_tag_sorted(
    markets: list[str | None], expected: dict[str, int]
) -> None:
    findings = [make_finding(market=market, line=i + 1) for i, market in enumerate(markets)]

    by_market = json.loads(render(make_report(findings), "json"))["summary"]["by_market"]

    assert by_market == expected
    assert list(by_market) == sorted(expected)


def test_error_without_line_has_no_line_key() -> None:
    report = make_report([], [FileError("copy/no-market.md", "no market for this file")])

    errors = json.loads(render(report, "json"))["errors"]

    assert errors == [{"path": "copy/no-market.md", "message": "no market for this file"}]
