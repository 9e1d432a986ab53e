"""The market explorer as a team meets it: `markets`, `markets show`, `markets compare`.

These views answer "what is different there?" before a campaign is adapted, so the tests
pin what a reader relies on: every curated market listed with its coverage, the Hofstede
scores of the published dataset, this year's computed dates, the resolved profile with
the project's overrides, and a clear exit 2 for a market that does not exist.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result
from typer.testing import CliRunner

from culturelint.cli import app

runner = CliRunner()

CURATED = {
    "en-US", "en-GB", "en-AU", "de-DE", "fr-FR", "es-ES", "es-MX", "pt-BR", "it-IT",
    "nl-NL", "sv-SE", "pl-PL", "ru-RU", "tr-TR", "ar-SA", "ar-AE", "he-IL", "hi-IN",
    "zh-CN", "zh-TW", "ja-JP", "ko-KR", "id-ID", "th-TH",
}  # fmt: skip
SECTIONS = (
    "hofstede", "formats", "colours", "numbers", "gestures", "taboos", "trust",
    "calendar", "formality", "claims",
)  # fmt: skip
# Hofstede, Hofstede & Minkov (2010), 6-D data matrix: Japan (JPN) and Finland (FIN).
JAPAN = {"pdi": 54, "idv": 46, "mas": 95, "uai": 92, "lto": 88, "ivr": 42}
FINLAND = {"pdi": 33, "idv": 63, "mas": 26, "uai": 59, "lto": 38, "ivr": 57}
MARKS = "●◐○·"
# Wide enough that rich neither wraps nor truncates the tables under test.
WIDE = {"COLUMNS": "250"}


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty folder, so no project config changes the profiles."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def markets(*args: str, ok: bool = True) -> Result:
    result = runner.invoke(app, ["markets", *args], env=WIDE)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def show_json(tag: str, *args: str) -> dict[str, Any]:
    return json.loads(markets("show", tag, "--format", "json", *args).stdout)


def hofstede_bars(text: str) -> dict[str, int]:
    """`pdi  ████░░░  54  Power distance: ...` lines of `markets show`, as scores."""
    return {
        m["dim"]: int(m["value"])
        for m in re.finditer(r"^\s+(?P<dim>[a-z]{3})\s+[█░]+\s+(?P<value>\d+)\s", text, re.M)
    }


def compare_blocks(text: str) -> dict[str, dict[str, int]]:
    """The Hofstede part of `markets compare`: dimension -> market -> score."""
    blocks: dict[str, dict[str, int]] = {}
    current: dict[str, int] = {}
    for line in text.splitlines():
        head = re.match(r"^\s+.+ \((?P<dim>[a-z]{3})\): ", line)
        if head:
            current = blocks.setdefault(head["dim"], {})
            continue
        row = re.match(r"^\s+(?P<tag>[a-z]{2}-[A-Z]{2})\s*\*?\s+[█░]+\s+(?P<value>\d+)$", line)
        if row:
            current[row["tag"]] = int(row["value"])
    return blocks


# -- markets: the list ------------------------------------------------------------------


def test_list_shows_every_curated_market_with_a_column_per_section() -> None:
    text = markets().stdout
    header = text.splitlines()[0].split()
    assert header[:2] == ["market", "name"]
    assert header[2:] == [
        "hof",
        "fmt",
        "col",
        "num",
        "gest",
        "tab",
        "trust",
        "cal",
        "form",
        "claim",
    ]
    rows = {
        line.split()[0]: line
        for line in text.splitlines()[1:]
        if re.match(r"[a-z]{2}-[A-Z]{2}\s", line)
    }
    assert set(rows) == CURATED
    for tag, line in rows.items():
        assert sum(line.count(mark) for mark in MARKS) == len(SECTIONS), tag


def test_list_json_gives_the_same_markets_with_coverage_per_section() -> None:
    data = json.loads(markets("--format", "json").stdout)
    assert {row["market"] for row in data} == CURATED
    for row in data:
        assert row["curated"] is True
        assert set(row["coverage"]) == set(SECTIONS)
        missing = [s for s, state in row["coverage"].items() if state not in ("curated", "empty")]
        assert not missing, f"{row['market']}: sections neither curated nor empty: {missing}"


def test_list_all_adds_derived_markets_but_never_base_profiles() -> None:
    default = {row["market"] for row in json.loads(markets("--format", "json").stdout)}
    everything = {
        row["market"]: row for row in json.loads(markets("--all", "--format", "json").stdout)
    }
    assert "fi-FI" not in default
    finland = everything["fi-FI"]
    assert finland["curated"] is False
    assert finland["coverage"]["hofstede"] == "derived"
    assert finland["coverage"]["colours"] == "missing"
    assert CURATED <= set(everything)
    assert not [tag for tag in everything if tag.startswith("base-")]


def test_list_text_mentions_all_only_when_it_is_not_given() -> None:
    assert "--all" in markets().stdout
    assert "--all" not in markets("--all").stdout


# -- markets show ----------------------------------------------------------------------


def test_show_japan_draws_the_dataset_scores_and_this_years_dates() -> None:
    text = markets("show", "ja-JP", "--year", "2026").stdout
    assert hofstede_bars(text) == JAPAN
    assert "Hofstede, G., Hofstede, G. J. & Minkov, M. (2010)" in text
    assert "Sensitive dates 2026" in text
    assert "2026-08-13 – 2026-08-16  Obon" in text


def test_show_uses_the_year_asked_for() -> None:
    text = markets("show", "ja-JP", "--year", "2027").stdout
    assert "Sensitive dates 2027" in text and "2027-08-13 – 2027-08-16  Obon" in text
    assert "2026-08-13" not in text


@pytest.mark.parametrize(
    ("tag", "estimated"),
    [
        ("ar-SA", True),  # pdi/idv/mas/uai from the "Arab countries" aggregate
        ("ar-AE", True),
        ("ja-JP", False),
        ("he-IL", False),  # near miss: a Middle East market with its own row
    ],
)
def test_show_marks_regional_estimates(tag: str, estimated: bool) -> None:
    text = markets("show", tag, "--year", "2026").stdout
    assert ("estimate:" in text) is estimated
    assert show_json(tag, "--year", "2026")["derived"]["hofstede"]["estimated"] is estimated


def test_show_json_is_the_resolved_profile_derived_and_curated() -> None:
    data = show_json("de-DE", "--year", "2026")
    assert (data["market"], data["curated"]) == ("de-DE", True)
    derived = data["derived"]
    assert derived["year"] == 2026
    assert derived["hofstede"]["scores"] == {
        "pdi": 35,
        "idv": 67,
        "mas": 66,
        "uai": 65,
        "lto": 83,
        "ivr": 40,
    }
    assert derived["locale"]["currencies"][0] == "EUR"
    assert {"date": "2026-10-03", "name": "German Unity Day"} in derived["holidays"]
    claims = {entry["id"] for entry in data["claims"]["entries"]}
    assert "price-reduction-prior-price" in claims  # inherited from base-eu
    assert data["formality"]["register"] == "brand-choice"


def test_show_yaml_carries_the_same_data_as_json() -> None:
    as_yaml = yaml.safe_load(markets("show", "de-DE", "--year", "2026", "--format", "yaml").stdout)
    assert as_yaml == show_json("de-DE", "--year", "2026")


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize(
    ("config", "register"),
    [
        ("overrides: {de-DE: {formality: {register: informal}}}\n", "informal"),
        ("overrides: {de_de: {formality: {register: formal}}}\n", "formal"),
        # near miss: an override for another market leaves de-DE alone
        ("overrides: {fr-FR: {formality: {register: informal}}}\n", "brand-choice"),
    ],
)
def test_show_reflects_the_projects_overrides(
    in_tmp: Path, fmt: str, config: str, register: str
) -> None:
    (in_tmp / "culturelint.yaml").write_text(config, encoding="utf-8")
    out = markets("show", "de-DE", "--format", fmt).stdout
    data = json.loads(out) if fmt == "json" else yaml.safe_load(out)
    assert data["formality"]["register"] == register
    assert data["formality"]["note"]  # the rest of the section is still the curated one


def test_a_bad_override_exits_2_naming_the_config_and_key(in_tmp: Path) -> None:
    (in_tmp / "culturelint.yaml").write_text(
        "overrides: {de-DE: {formality: {register: bogus}}}\n", encoding="utf-8"
    )
    for args in (["show", "de-DE"], ["compare", "de-DE", "ja-JP"], []):
        result = markets(*args, ok=False)
        assert result.exit_code == 2, args
        assert "culturelint.yaml" in result.stderr
        assert "overrides.de-DE.formality.register" in result.stderr
        assert "Traceback" not in result.output


def test_show_a_derived_market() -> None:
    text = markets("show", "fi-FI", "--year", "2026").stdout
    assert text.startswith("fi-FI Finland  (derived market (no curated profile))")
    assert hofstede_bars(text) == FINLAND
    assert "currency EUR" in text
    assert "none curated" in text
    assert "Public holidays 2026" in text and "2026-12-06  Independence Day" in text


def test_show_a_curated_market_says_so() -> None:
    assert markets("show", "en-AU", "--year", "2026").stdout.startswith(
        "en-AU Australia  (curated profile)"
    )


@pytest.mark.parametrize(
    ("tag", "entry", "start_2026", "start_2025"),
    [
        ("zh-CN", "qingming", {"2026-04-05"}, "2025-04-04"),
        ("he-IL", "yom-kippur", {"2026-09-21"}, "2025-10-02"),
        ("ar-SA", "ramadan", {"2026-02-18", "2026-02-19"}, "2025-03-01"),
        ("en-AU", "anzac-day", {"2026-04-25"}, "2025-04-25"),
        ("en-AU", "remembrance-day", {"2026-11-11"}, "2025-11-11"),
    ],
)
def test_show_computes_movable_dates_for_the_year(
    tag: str, entry: str, start_2026: set[str], start_2025: str
) -> None:
    def starts(year: str) -> list[str]:
        dates = show_json(tag, "--year", year)["derived"]["sensitive_dates"]
        return [d["start"] for d in dates if d["id"] == entry]

    (start,) = starts("2026")
    assert start in start_2026
    assert starts("2025") == [start_2025]
    assert start in markets("show", tag, "--year", "2026").stdout


def test_ramadan_is_shown_as_a_period() -> None:
    (ramadan,) = [
        d
        for d in show_json("ar-SA", "--year", "2026")["derived"]["sensitive_dates"]
        if d["id"] == "ramadan"
    ]
    assert ramadan["end"] > ramadan["start"]
    assert (
        f"{ramadan['start']} – {ramadan['end']}  Ramadan"
        in markets("show", "ar-SA", "--year", "2026").stdout
    )


@pytest.mark.parametrize("year", ["0", "-5", "10000"])
def test_show_rejects_a_year_outside_the_calendar(year: str) -> None:
    result = markets("show", "de-DE", "--year", year, ok=False)
    assert result.exit_code == 2
    assert "year" in result.stderr


# -- markets compare -------------------------------------------------------------------


def test_compare_shows_each_dimension_for_each_market_and_flags_gaps() -> None:
    text = markets("compare", "en-US", "ja-JP", "de-DE").stdout
    blocks = compare_blocks(text)
    assert set(blocks) == set(JAPAN)
    for dim, scores in blocks.items():
        assert set(scores) == {"en-US", "ja-JP", "de-DE"}, dim
        assert scores["ja-JP"] == JAPAN[dim]
    assert "differs by 45: adapt copy from ja-JP to en-US with care" in text  # idv 91 vs 46
    assert "differs by 62" in text  # lto 26 vs 88
    assert "Differences that matter for copy" in text
    assert "USD" in text and "JPY" in text and "EUR" in text


@pytest.mark.parametrize(
    ("tags", "flags"),
    [
        (("es-ES", "fr-FR"), ["differs by 20"]),  # idv 51 vs 71: exactly at the threshold
        (("ar-SA", "th-TH"), []),  # near miss: at most 19 apart on every dimension
    ],
)
def test_compare_flags_differences_of_20_points_or_more(
    tags: tuple[str, str], flags: list[str]
) -> None:
    text = markets("compare", *tags).stdout
    assert re.findall(r"differs by \d+", text) == flags


def test_compare_stars_estimated_scores() -> None:
    text = markets("compare", "ar-SA", "th-TH").stdout
    assert re.search(r"^\s+ar-SA \* ", text, re.M)
    assert not re.search(r"^\s+th-TH \* ", text, re.M)
    assert "* estimated from a regional aggregate" in text
    assert "estimated" not in markets("compare", "ja-JP", "de-DE").stdout


def test_compare_needs_two_markets() -> None:
    result = markets("compare", "ja-JP", ok=False)
    assert result.exit_code == 2
    assert "at least two markets" in result.stderr


# -- unknown markets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "xx-QQ"], "unknown market 'xx-QQ': CLDR knows no territory 'QQ'"),
        (["show", "nonsense"], "'nonsense' is not a market tag"),
        (["compare", "ja-JP", "xx-QQ"], "unknown market 'xx-QQ'"),
        (["show", "base-eu"], "'base-eu'"),
    ],
)
def test_unknown_market_exits_2_with_a_clear_message(args: list[str], message: str) -> None:
    result = markets(*args, ok=False)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("spelling", ["ja_JP", "ja-jp", "JA_jp"])
def test_a_differently_spelled_tag_is_the_same_market(spelling: str) -> None:
    assert markets("show", spelling, "--year", "2026").stdout.startswith("ja-JP Japan")
