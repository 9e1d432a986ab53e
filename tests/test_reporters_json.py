"""The JSON output is a public contract (DESIGN.md): its exact shape is tested here."""

from __future__ import annotations

import json

import pytest

from culturelint.finding import Evidence, FileError, Finding, Severity
from culturelint.reporters import Report, chunks, render
from culturelint.reporters import json as json_reporter
from culturelint.reporters.json import Items, dumps


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


def _text(rng: object, size: int) -> str:
    import random

    assert isinstance(rng, random.Random)
    alphabet = (
        [chr(i) for i in range(0x20)]  # control characters, escaped
        + list('"\\/ azAZ09{}[],:\x7f')
        + ["\u00e9", "\u2028", "\u2029", "\ufeff", "\u200b", "日", "ا", "😀", "e\u0301"]
    )
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, size)))


def test_the_fast_encoder_writes_exactly_what_pythons_json_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Randomized: reports with control characters, quotes, backslashes, line and
    paragraph separators, emoji and right-to-left text in every string field, with
    and without suggestion and evidence, and errors with and without a line. The
    output is byte-identical with orjson and with the standard library."""
    import random

    pytest.importorskip("orjson")
    rng = random.Random(20261123)
    reports = []
    for _ in range(60):
        findings = [
            make_finding(
                path=_text(rng, 12),
                line=rng.randint(1, 10**6),
                message=_text(rng, 40),
                suggestion=rng.choice([None, _text(rng, 20)]),
                evidence=rng.choice(
                    [
                        None,
                        Evidence(_text(rng, 5), _text(rng, 8), rng.choice([None, _text(rng, 9)])),
                    ]
                ),
                market=_text(rng, 5),
            )
            for _ in range(rng.randint(0, 6))
        ]
        errors = [
            FileError(_text(rng, 10), _text(rng, 30), rng.choice([None, rng.randint(1, 99)]))
            for _ in range(rng.randint(0, 3))
        ]
        reports.append(make_report(findings, errors))
    fast = [render(r, "json") for r in reports]

    monkeypatch.setattr(json_reporter, "orjson", None)  # as if it were not installed
    standard = [render(r, "json") for r in reports]
    assert fast == standard
    assert all(json.loads(text) for text in fast)


def test_a_string_orjson_refuses_falls_back_to_the_standard_encoder() -> None:
    report = make_report([make_finding(path="bad-\udc80-name.md")])
    text = render(report, "json")
    # Escaped, so the report is valid UTF-8 and reads back as the same string.
    assert '"path": "bad-\\udc80-name.md"' in text
    text.encode("utf-8")
    assert json.loads(text)["findings"][0]["path"] == "bad-\udc80-name.md"


def _materialized(value: object) -> object:
    """`value` with every `Items` made a list (what the pieces must spell out)."""
    if isinstance(value, Items):
        return [_materialized(item) for item in value.items]
    if isinstance(value, dict):
        return {key: _materialized(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_materialized(item) for item in value]
    return value


def _documents() -> list[tuple[str, object]]:
    finding = make_finding().to_dict()
    return [
        ("top-level items", Items([1, "two", None])),
        ("no items", {"findings": Items([]), "errors": []}),
        ("one item", {"findings": Items([finding])}),
        ("a batch and more", {"version": "1", "findings": Items([finding] * 600), "n": 600}),
        ("from a generator", {"findings": Items(dict(finding, line=i) for i in range(300))}),
        ("deep, as in SARIF", {"runs": [{"tool": {"a": 1}, "results": Items([finding] * 3)}]}),
        ("beside other lists", {"a": [1, [2, {}]], "b": Items([[], {}, [3]]), "c": {"d": []}}),
        ("a lone surrogate", {"findings": Items([{"path": "bad-\udc80"}, finding])}),
    ]


@pytest.mark.parametrize(("label", "document"), _documents(), ids=[d[0] for d in _documents()])
def test_pieces_join_to_exactly_what_dumps_writes(label: str, document: object) -> None:
    expected = dumps(_materialized(document))

    # Built again: the generator inside "from a generator" is spent once read.
    document = dict(_documents())[label]

    assert "".join(json_reporter.chunks(document)) == expected


def test_the_standard_encoder_writes_the_same_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("orjson")
    fast = ["".join(json_reporter.chunks(d)) for _, d in _documents()]

    monkeypatch.setattr(json_reporter, "orjson", None)

    assert ["".join(json_reporter.chunks(d)) for _, d in _documents()] == fast


def test_findings_become_objects_a_batch_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report of many findings is written without making all of them objects first:
    by the time the first finding is written, only the first batch has been made."""
    made = 0
    real = Finding.to_dict

    def counted(finding: Finding) -> dict[str, object]:
        nonlocal made
        made += 1
        return real(finding)

    monkeypatch.setattr(Finding, "to_dict", counted)
    report = make_report([make_finding(line=i + 1) for i in range(2000)])

    pieces = chunks(report, "json")
    written = [next(pieces)]
    while '"path"' not in written[-1]:
        written.append(next(pieces))

    assert written[-1].count('"path"') == made < 2000
    assert len(json.loads("".join(written + list(pieces)))["findings"]) == 2000
