"""SARIF output: valid against the official 2.1.0 schema and usable by GitHub code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from culturelint.finding import Evidence, FileError, Finding, Severity
from culturelint.registry import Check, RuleDoc
from culturelint.reporters import Report, render
from culturelint.reporters.sarif import FINGERPRINT_KEY, first_sentence
from shared import SHARED

SCHEMA_PATH = SHARED / "data" / "sarif-schema-2.1.0.json"
JA_LINE = "夏の新作: 日本語 の白いギフト"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"the official SARIF schema is not available at {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def make_finding(**overrides: object) -> Finding:
    values: dict[str, object] = {
        "path": "copy/ja-JP/launch.md",
        "line": 3,
        "column": JA_LINE.index("日本語") + 1,
        "end_line": 3,
        "end_column": JA_LINE.index("日本語") + 1 + len("日本語"),
        "rule": "CL201",
        "name": "colour-connotation",
        "category": "colour",
        "severity": Severity.WARNING,
        "market": "ja-JP",
        "message": "White gift wrapping suggests mourning in Japan.",
        "suggestion": "Use red or gold wrapping.",
        "evidence": Evidence("ja-JP", "colours.white", "Hofstede et al. 2010"),
        "snippet": "日本語",
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


def make_check(code: str, name: str, category: str, severity: Severity, doc: RuleDoc) -> Check:
    return Check(code, name, category, severity, doc, run=lambda document, context: [])


COLOUR_DOC = RuleDoc(
    what="A colour carries a meaning the campaign did not intend, e.g. white at a launch. "
    "The profile lists the colour's connotations.",
    why="In Japan and China white is worn at funerals.",
    example="Our ```white``` gift box",
    good_example="Our red gift box",
    fix="Change the colour or the wording.",
    sources=("https://example.org/colour-study", "Hofstede et al. 2010"),
)
RULES = [
    make_check("CL601", "absolute-claims", "claims", Severity.ERROR, RuleDoc("No 最高。", "Law.")),
    make_check("CL201", "colour-connotation", "colour", Severity.WARNING, COLOUR_DOC),
    make_check("CL203", "gesture-emoji", "gesture", Severity.INFO, RuleDoc("Gestures.", "")),
]


def sample_findings() -> list[Finding]:
    return [
        make_finding(),
        make_finding(
            path="copy/pt-BR/landing page, v2.html",
            line=7,
            column=5,
            end_line=8,
            end_column=2,
            rule="CL203",
            name="gesture-emoji",
            category="gesture",
            severity=Severity.INFO,
            market="pt-BR",
            message="👌 is an obscene gesture in Brazil.",
            suggestion=None,
            evidence=None,
            snippet="👌",
        ),
        make_finding(
            line=12,
            column=1,
            end_line=12,
            end_column=3,
            rule="CL601",
            name="absolute-claims",
            category="claims",
            severity=Severity.ERROR,
            message="「最高」 is an absolute claim.",
            suggestion=None,
            evidence=None,
            snippet="最高",
        ),
    ]


def make_report(
    findings: list[Finding] | None = None,
    errors: list[FileError] | None = None,
    rules: list[Check] | None = None,
) -> Report:
    return Report(
        findings=sample_findings() if findings is None else findings,
        errors=errors or [],
        files=4,
        version="0.1.0",
        rules=RULES if rules is None else rules,
    )


def to_sarif(report: Report, root: Path = Path("/repo")) -> dict[str, Any]:
    return json.loads(render(report, "sarif", root=root))


def run_of(report: Report, root: Path = Path("/repo")) -> dict[str, Any]:
    (run,) = to_sarif(report, root)["runs"]
    return run


@pytest.mark.parametrize(
    "report",
    [
        make_report(),
        make_report(findings=[], rules=[]),
        make_report(errors=[FileError("copy/broken.po", "unterminated string", line=4)]),
        make_report(errors=[FileError("copy/no market.md", "no market")]),
        make_report(rules=[]),
    ],
    ids=["findings", "empty", "error-with-line", "error-without-line", "no-rule-metadata"],
)
def test_output_validates_against_the_official_schema(
    validator: Draft4Validator, report: Report
) -> None:
    errors = sorted(validator.iter_errors(to_sarif(report)), key=lambda e: list(e.path))

    assert [error.message for error in errors] == []


def test_top_level_declares_schema_version_and_column_kind() -> None:
    sarif = to_sarif(make_report())
    run = sarif["runs"][0]

    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert sarif["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///repo/"}}
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("culturelint", "0.1.0")
    assert driver["informationUri"] == "https://pypi.org/project/culturelint/"


def test_one_descriptor_per_active_rule_sorted_by_code() -> None:
    rules = run_of(make_report())["tool"]["driver"]["rules"]

    assert [rule["id"] for rule in rules] == ["CL201", "CL203", "CL601"]


def test_descriptor_carries_the_rule_documentation() -> None:
    colour = run_of(make_report())["tool"]["driver"]["rules"][0]

    assert colour["name"] == "colour-connotation"
    assert colour["shortDescription"] == {
        "text": "A colour carries a meaning the campaign did not intend, e.g. white at a launch."
    }
    assert colour["fullDescription"]["text"].endswith("lists the colour's connotations.")
    assert colour["defaultConfiguration"] == {"level": "warning"}
    assert colour["properties"] == {"category": "colour", "tags": ["culturelint", "colour"]}
    markdown = colour["help"]["markdown"]
    assert "**Why.** In Japan and China white is worn at funerals." in markdown
    # The example contains a triple backtick, so the fence must be longer.
    assert "````text\nOur ```white``` gift box\n````" in markdown
    assert "- <https://example.org/colour-study>\n- Hofstede et al. 2010" in markdown
    text = colour["help"]["text"]
    assert "Why: In Japan and China" in text
    assert "How to fix: Change the colour or the wording." in text
    assert "**" not in text


@pytest.mark.parametrize(
    ("severity", "level"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")],
)
def test_severity_maps_to_sarif_level(severity: Severity, level: str) -> None:
    check = make_check("CL201", "colour-connotation", "colour", severity, COLOUR_DOC)
    report = make_report(findings=[make_finding(severity=severity)], rules=[check])

    run = run_of(report)

    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == level
    assert run["results"][0]["level"] == level


def test_every_result_points_at_its_descriptor() -> None:
    run = run_of(make_report())
    rules = run["tool"]["driver"]["rules"]

    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_missing_from_the_active_list_gets_a_minimal_descriptor(
    validator: Draft4Validator,
) -> None:
    report = make_report(rules=RULES[1:2])  # only CL201 is known

    sarif = to_sarif(report)
    run = sarif["runs"][0]

    assert not list(validator.iter_errors(sarif))
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["CL201", "CL203", "CL601"]
    minimal = run["tool"]["driver"]["rules"][2]
    assert minimal["name"] == "absolute-claims"
    assert minimal["defaultConfiguration"] == {"level": "error"}
    assert "help" not in minimal
    assert run["results"][2]["ruleIndex"] == 2


@pytest.mark.parametrize("index", [0, 1, 2])
def test_region_is_the_findings_span(index: int) -> None:
    finding = sample_findings()[index]

    result = run_of(make_report())["results"][index]
    region = result["locations"][0]["physicalLocation"]["region"]

    assert region["startLine"] == finding.line
    assert region["startColumn"] == finding.column
    assert region["endLine"] == finding.end_line
    assert region["endColumn"] == finding.end_column
    assert region["snippet"] == {"text": finding.snippet}


def test_japanese_region_counts_code_points() -> None:
    region = run_of(make_report())["results"][0]["locations"][0]["physicalLocation"]["region"]

    assert JA_LINE[region["startColumn"] - 1 : region["endColumn"] - 1] == "日本語"


def test_impossible_span_is_clamped_to_a_valid_region(validator: Draft4Validator) -> None:
    broken = make_finding(line=0, column=0, end_line=0, end_column=0)

    sarif = to_sarif(make_report(findings=[broken]))
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]

    assert not list(validator.iter_errors(sarif))
    assert (region["startLine"], region["startColumn"]) == (1, 1)
    assert (region["endLine"], region["endColumn"]) == (1, 1)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("copy/ja-JP/launch.md", "copy/ja-JP/launch.md"),
        ("./copy/ja-JP/launch.md", "copy/ja-JP/launch.md"),
        ("copy/pt-BR/landing page, v2.html", "copy/pt-BR/landing%20page%2C%20v2.html"),
        ("copy/ja-JP/日本語.md", "copy/ja-JP/%E6%97%A5%E6%9C%AC%E8%AA%9E.md"),
        ("/repo/copy/de-DE/sale.md", "copy/de-DE/sale.md"),
    ],
)
def test_uri_is_relative_to_srcroot_and_percent_encoded(path: str, uri: str) -> None:
    result = run_of(make_report(findings=[make_finding(path=path)]))["results"][0]

    location = result["locations"][0]["physicalLocation"]["artifactLocation"]

    assert location == {"uri": uri, "uriBaseId": "%SRCROOT%"}


def test_file_outside_the_root_gets_an_absolute_uri() -> None:
    result = run_of(make_report(findings=[make_finding(path="/elsewhere/a b.md")]))["results"][0]

    location = result["locations"][0]["physicalLocation"]["artifactLocation"]

    assert location == {"uri": "file:///elsewhere/a%20b.md"}


def test_message_includes_the_suggestion() -> None:
    results = run_of(make_report())["results"]

    assert results[0]["message"]["text"] == (
        "White gift wrapping suggests mourning in Japan.\nSuggestion: Use red or gold wrapping."
    )
    assert results[1]["message"]["text"] == "👌 is an obscene gesture in Brazil."


def test_result_properties_carry_market_category_and_evidence() -> None:
    results = run_of(make_report())["results"]

    assert results[0]["properties"] == {
        "category": "colour",
        "market": "ja-JP",
        "evidence": {"profile": "ja-JP", "key": "colours.white", "source": "Hofstede et al. 2010"},
    }
    assert results[1]["properties"] == {"category": "gesture", "market": "pt-BR"}


def fingerprint_of(finding: Finding) -> str:
    result = run_of(make_report(findings=[finding]))["results"][0]
    return result["partialFingerprints"][FINGERPRINT_KEY]


def test_fingerprint_survives_lines_moving() -> None:
    original = make_finding()
    moved = make_finding(line=original.line + 20, end_line=original.end_line + 20, column=1)

    assert fingerprint_of(original) == fingerprint_of(moved)


@pytest.mark.parametrize(
    "changed",
    [
        make_finding(snippet="白い"),
        make_finding(rule="CL202"),
        make_finding(path="copy/ja-JP/other.md"),
    ],
    ids=["flagged-text", "rule", "path"],
)
def test_fingerprint_changes_with_text_rule_or_path(changed: Finding) -> None:
    assert fingerprint_of(changed) != fingerprint_of(make_finding())


def test_identical_findings_get_distinct_fingerprints() -> None:
    twins = [make_finding(line=3), make_finding(line=9, end_line=9)]

    results = run_of(make_report(findings=twins))["results"]
    first, second = (r["partialFingerprints"][FINGERPRINT_KEY] for r in results)

    assert first != second
    assert first.rsplit(":", 1) == [second.rsplit(":", 1)[0], "1"]
    assert second.endswith(":2")


def test_successful_invocation_has_no_notifications() -> None:
    (invocation,) = run_of(make_report())["invocations"]

    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_file_errors_become_error_notifications() -> None:
    errors = [
        FileError("copy/broken.po", "unterminated string", line=4),
        FileError("copy/no market.md", "no market for this file"),
    ]

    (invocation,) = run_of(make_report(errors=errors))["invocations"]

    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "unterminated string"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "copy/broken.po", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 4},
                    }
                }
            ],
        },
        {
            "level": "error",
            "message": {"text": "no market for this file"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": "copy/no%20market.md",
                            "uriBaseId": "%SRCROOT%",
                        }
                    }
                }
            ],
        },
    ]


def test_output_is_json_with_readable_non_ascii() -> None:
    text = render(make_report(), "sarif", root=Path("/repo"))

    assert "「最高」" in text
    assert text.endswith("}\n")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("White means mourning. Use red.", "White means mourning."),
        ("Colours, e.g. white, carry meaning. More.", "Colours, e.g. white, carry meaning."),
        ("白は喪の色です。赤を使ってください。", "白は喪の色です。"),
        ("Version 2.1 is current", "Version 2.1 is current"),
        ("  Spread\n over  lines. Rest.", "Spread over lines."),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_schema_check_would_catch_a_malformed_result(validator: Draft4Validator) -> None:
    sarif = to_sarif(make_report())
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    sarif["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0

    messages = [error.message for error in validator.iter_errors(sarif)]

    assert len(messages) == 2
