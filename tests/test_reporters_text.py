"""The human-readable output: grouping, alignment, help/why lines, summary, colour."""

from __future__ import annotations

import re

import pytest

from culturelint.finding import Evidence, FileError, Finding, Severity
from culturelint.reporters import Report, render

ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")

JA_LINE = "夏の新作: 日本語 の白いギフト"


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


def make_report(
    findings: list[Finding], errors: list[FileError] | None = None, files: int = 5
) -> Report:
    return Report(findings=findings, errors=errors or [], files=files, version="0.1.0", rules=[])


def sample_findings() -> list[Finding]:
    return [
        make_finding(),
        make_finding(
            line=12,
            column=1,
            end_line=12,
            end_column=9,
            rule="CL601",
            name="absolute-claims",
            category="claims",
            severity=Severity.ERROR,
            message="「最高」 is an absolute claim.",
            suggestion=None,
            evidence=None,
        ),
        make_finding(
            path="copy/pt-BR/landing page, v2.html",
            line=7,
            column=5,
            end_line=7,
            end_column=6,
            rule="CL203",
            name="gesture-emoji",
            category="gesture",
            severity=Severity.INFO,
            market="pt-BR",
            message="👌 is an obscene gesture in Brazil.",
            suggestion=None,
            evidence=Evidence("pt-BR", "gestures.ok_hand", None),
            snippet="👌",
        ),
    ]


def test_findings_are_grouped_under_one_header_per_file() -> None:
    output = render(make_report(sample_findings()), "text")

    assert output == (
        "copy/ja-JP/launch.md\n"
        "  3:7   warning  CL201  White gift wrapping suggests mourning in Japan."
        "  [colour-connotation]\n"
        "                        help: Use red or gold wrapping.\n"
        "                        why: colours.white in the ja-JP profile"
        " (Hofstede et al. 2010)\n"
        "  12:1  error    CL601  「最高」 is an absolute claim.  [absolute-claims]\n"
        "\n"
        "copy/pt-BR/landing page, v2.html\n"
        "  7:5  info  CL203  👌 is an obscene gesture in Brazil.  [gesture-emoji]\n"
        "                    why: gestures.ok_hand in the pt-BR profile\n"
        "\n"
        "Found 3 problems (1 error, 1 warning, 1 info) in 2 of 5 files.\n"
    )


def test_columns_count_code_points() -> None:
    output = render(make_report([make_finding()]), "text")

    # "夏の新作: " is six code points, so 日本語 starts in column 7.
    assert "  3:7 " in output


def test_messages_line_up_within_a_file() -> None:
    header, first, help_line, why_line, second = render(
        make_report(sample_findings()[:2]), "text"
    ).splitlines()[:5]

    assert header == "copy/ja-JP/launch.md"
    column = first.index("White")
    assert second.index("「最高」") == column
    assert help_line.index("help:") == column
    assert why_line.index("why:") == column


def test_unsorted_input_still_gets_one_header_per_file() -> None:
    first, second, third = sample_findings()

    output = render(make_report([first, third, second]), "text")

    assert output.count("copy/ja-JP/launch.md\n") == 1
    assert output.count("copy/pt-BR/landing page, v2.html\n") == 1


def test_multi_line_message_is_indented_and_tagged_once() -> None:
    finding = make_finding(message="First line.\nSecond line.", suggestion=None, evidence=None)

    lines = render(make_report([finding]), "text").splitlines()

    assert lines[1] == "  3:7  warning  CL201  First line."
    assert lines[2] == "                       Second line.  [colour-connotation]"


def test_control_characters_in_copy_cannot_reach_the_terminal() -> None:
    finding = make_finding(message="Bad \x1b[31mred\x1b[0m text\x07")

    output = render(make_report([finding]), "text")

    assert "\x1b" not in output
    assert "\x07" not in output
    assert "Bad \\x1b[31mred\\x1b[0m text\\x07" in output


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            FileError("copy/broken.po", "unterminated string", line=12),
            "copy/broken.po:12: error: unterminated string",
        ),
        (
            FileError("copy/no market.md", "no market: add `market:` to the front matter"),
            "copy/no market.md: error: no market: add `market:` to the front matter",
        ),
        (
            FileError("copy/a.md", "two\nlines", line=1),
            "copy/a.md:1: error: two lines",
        ),
    ],
)
def test_errors_are_listed_with_path_and_line(error: FileError, expected: str) -> None:
    lines = render(make_report([], [error]), "text").splitlines()

    assert lines[0] == expected


@pytest.mark.parametrize(
    ("findings", "errors", "files", "expected"),
    [
        ([], [], 5, "All checked: 5 files, no problems."),
        ([], [], 1, "All checked: 1 file, no problems."),
        (
            [],
            [FileError("a.md", "bad")],
            5,
            "No problems found in 5 files; 1 file could not be checked.",
        ),
        (
            sample_findings(),
            [FileError("a.md", "bad", 1), FileError("a.md", "worse", 2), FileError("b.md", "x")],
            5,
            "Found 3 problems (1 error, 1 warning, 1 info) in 2 of 5 files;"
            " 2 files could not be checked.",
        ),
        (
            sample_findings()[:1],
            [],
            1,
            "Found 1 problem (0 errors, 1 warning, 0 info) in 1 of 1 file.",
        ),
        (
            [],
            [FileError("rules/x.yaml", "bad", setup=True), FileError("base.json", "x", setup=True)],
            5,
            "No problems found in 5 files; 2 setup errors.",
        ),
        (
            sample_findings(),
            [FileError("a.md", "bad"), FileError("base.json", "missing", setup=True)],
            5,
            "Found 3 problems (1 error, 1 warning, 1 info) in 2 of 5 files;"
            " 1 file could not be checked; 1 setup error.",
        ),
    ],
)
def test_summary_line(
    findings: list[Finding], errors: list[FileError], files: int, expected: str
) -> None:
    lines = render(make_report(findings, errors, files), "text").splitlines()

    assert lines[-1] == expected


def test_plain_output_has_no_escape_codes() -> None:
    output = render(make_report(sample_findings(), [FileError("a.md", "bad")]), "text")

    assert "\x1b" not in output


def test_colour_output_is_the_plain_output_plus_escape_codes() -> None:
    report = make_report(sample_findings(), [FileError("a.md", "bad", 2)])

    coloured = render(report, "text", color=True)
    plain = render(report, "text", color=False)

    assert "\x1b[" in coloured
    assert ANSI_RE.sub("", coloured) == plain


def test_colour_output_does_not_wrap_long_lines() -> None:
    report = make_report([make_finding(message="word " * 200)])

    coloured = render(report, "text", color=True)

    assert ANSI_RE.sub("", coloured) == render(report, "text")


def test_brackets_in_copy_are_not_read_as_markup() -> None:
    finding = make_finding(message="[bold]Sale[/bold] ends today")

    coloured = render(make_report([finding]), "text", color=True)

    assert "[bold]Sale[/bold] ends today" in ANSI_RE.sub("", coloured)
