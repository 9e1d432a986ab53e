"""The reporter entry point: dispatch by format name and the shared path helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelint.finding import Finding, Severity
from culturelint.reporters import FORMATS, Report, relative_posix, render


def make_report() -> Report:
    finding = Finding(
        path="copy/de-DE/sale.md",
        line=1,
        column=1,
        end_line=1,
        end_column=5,
        rule="CL701",
        name="currency-format",
        category="format",
        severity=Severity.WARNING,
        market="de-DE",
        message="Use € in German copy.",
        snippet="$100",
    )
    return Report(findings=[finding], errors=[], files=1, version="0.1.0", rules=[])


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("text", "copy/de-DE/sale.md\n"),
        ("json", '"findings": ['),
        ("sarif", '"version": "2.1.0"'),
        ("github", "::warning file=copy/de-DE/sale.md,"),
    ],
)
def test_render_dispatches_to_each_format(fmt: str, marker: str) -> None:
    output = render(make_report(), fmt, root=Path.cwd())

    assert marker in output
    assert output.endswith("\n")


def test_every_documented_format_is_known() -> None:
    assert FORMATS == ("text", "json", "sarif", "github")


@pytest.mark.parametrize("fmt", ["xml", "JSON", "", "sarif2"])
def test_unknown_format_is_a_value_error_naming_the_choices(fmt: str) -> None:
    with pytest.raises(ValueError, match="text, json, sarif, github"):
        render(make_report(), fmt)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("copy/a.md", "copy/a.md"),
        ("./copy/a.md", "copy/a.md"),
        ("copy//landing page, v2.md", "copy/landing page, v2.md"),
    ],
)
def test_relative_paths_are_normalised(path: str, expected: str) -> None:
    assert relative_posix(path, Path("/repo")) == expected


def test_absolute_path_inside_root_becomes_relative(tmp_path: Path) -> None:
    path = str(tmp_path / "copy" / "ja-JP" / "launch.md")

    assert relative_posix(path, tmp_path) == "copy/ja-JP/launch.md"


def test_absolute_path_outside_root_stays_absolute(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "a.md"

    assert relative_posix(str(outside), tmp_path / "repo") == outside.as_posix()
