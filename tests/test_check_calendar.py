"""CL401 sensitive-date, CL402 holiday-not-kept, CL403 wrong-hemisphere-season, and the
date finder they share."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.calendar import (
    NOT_KEPT,
    SEASON,
    SEASON_WORDS,
    SEASONS,
    SENSITIVE,
    hemisphere,
    same_words,
    window_season,
)
from culturelint.checks.dates import (
    Campaign,
    CampaignError,
    campaign_line,
    campaign_of,
    date_finder,
    pattern_regex,
)
from culturelint.cli import app
from culturelint.document import Document
from culturelint.finding import Severity
from culturelint.readers import read_document


def md(text: str, path: str = "copy.md") -> Document:
    return read_document(path, text, "markdown")


def front(campaign: str, body: str, market: str = "") -> str:
    market_line = f"market: {market}\n" if market else ""
    return f"---\n{market_line}campaign: {campaign}\n---\n\n{body}\n"


# -- the date finder ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("de_DE", "Am 5.4.2026 geht es los", [("5.4.2026", "2026-04-05")]),
        ("de_DE", "Am 5. April 2026 geht es los", [("5. April 2026", "2026-04-05")]),
        ("de_DE", "Bis 05.04.26!", [("05.04.26", "2026-04-05")]),
        ("de_DE", "Ab 5. April", [("5. April", "2026-04-05")]),
        ("en_US", "Starts April 5, 2026.", [("April 5, 2026", "2026-04-05")]),
        ("en_US", "Starts 4/5/2026.", [("4/5/2026", "2026-04-05")]),
        ("en_US", "Ends Apr 5th", [("Apr 5th", "2026-04-05")]),
        ("en_GB", "Starts 5 April 2026", [("5 April 2026", "2026-04-05")]),
        ("en_GB", "Starts 05/04/2026", [("05/04/2026", "2026-04-05")]),
        ("ja_JP", "2026年4月5日発売", [("2026年4月5日", "2026-04-05")]),
        ("ja_JP", "４月５日から", [("４月５日", "2026-04-05")]),
        ("ja_JP", "2026/04/05", [("2026/04/05", "2026-04-05")]),
        ("zh_Hans_CN", "2026年4月5日起", [("2026年4月5日", "2026-04-05")]),
        ("zh_Hans_CN", "4月5日全场", [("4月5日", "2026-04-05")]),
        ("fr_FR", "Dès le 5 avril 2026", [("5 avril 2026", "2026-04-05")]),
        ("fr_FR", "Dès le 5 avr.", [("5 avr.", "2026-04-05")]),
        ("pt_BR", "Em 5 de abril de 2026", [("5 de abril de 2026", "2026-04-05")]),
        ("ko_KR", "2026년 4월 5일 출시", [("2026년 4월 5일", "2026-04-05")]),
        ("nl_NL", "Op 05-04-2026", [("05-04-2026", "2026-04-05")]),
        # ISO dates in every locale.
        ("ja_JP", "Release 2026-04-05", [("2026-04-05", "2026-04-05")]),
        ("de_DE", "Stand: 2026-04-05.", [("2026-04-05", "2026-04-05")]),
    ],
)
def test_dates_in_the_market_formats(
    locale: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = date_finder(locale).find(text, year=2026)
    assert [(text[m.start : m.end], m.date.isoformat()) for m in found] == expected


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("de_DE", "Am 31.4.2026"),  # no 31 April
        ("en_US", "On 13/5/2026"),  # day-first in a month-first market
        ("de_DE", "Firmware v4.5.2026"),  # version numbers
        ("de_DE", "Version 4.5.2026 ist da"),
        ("de_DE", "Build 1.4.5.2026"),
        ("de_DE", "Um 12:30 Uhr, 19,99 €"),  # times and prices
        ("en_US", "Support 24/7, 4/5 stars"),  # numeric dates need a year
        ("en_US", "You may 5 times"),  # "may" is not May
        ("ja_JP", "24時間365日サポート"),
    ],
)
def test_things_that_are_not_dates(locale: str, text: str) -> None:
    assert date_finder(locale).find(text, year=2026) == []


def test_year_less_dates_take_the_year_inside_the_window() -> None:
    window = Campaign(dt.date(2026, 12, 20), dt.date(2027, 1, 10), "campaign")
    text = "Vom 28. Dezember bis 5. Januar"
    found = date_finder("de_DE").find(text, window=window, year=2026)
    assert [m.date.isoformat() for m in found] == ["2026-12-28", "2027-01-05"]
    assert not any(m.has_year for m in found)


def test_pattern_regex_skips_patterns_with_weekdays() -> None:
    assert pattern_regex("EEEE, d. MMMM y", "April") is None
    assert pattern_regex("d.M.y", "") is not None


# -- the campaign window ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ("campaign: {start: 2026-04-03, end: 2026-04-06}", ("2026-04-03", "2026-04-06")),
        ('campaign: {start: "2026-04-03", end: "2026-04-06"}', ("2026-04-03", "2026-04-06")),
        ("campaign: {start: 2026-04-03}", ("2026-04-03", "2026-04-03")),
        ("campaign: 2026-04-03/2026-04-06", ("2026-04-03", "2026-04-06")),
        ("campaign: {start: 2026-04-03T09:00:00, end: 2026-04-06}", ("2026-04-03", "2026-04-06")),
        ("date: 2026-04-05", ("2026-04-05", "2026-04-05")),
    ],
)
def test_campaign_window(meta: str, expected: tuple[str, str]) -> None:
    campaign = campaign_of(md(f"---\n{meta}\n---\n\nText\n"))
    assert campaign is not None
    assert (campaign.start.isoformat(), campaign.end.isoformat()) == expected


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        ("campaign: {start: next week}", "'next week' is not a date"),
        ("campaign: {start: 2026-04-06, end: 2026-04-03}", "ends (2026-04-03) before"),
        ("campaign: {end: 2026-04-03}", "needs a `start:`"),
    ],
)
def test_unreadable_campaign_window(meta: str, problem: str) -> None:
    doc = md(f"---\nmarket: zh-CN\n{meta}\n---\n\nText\n")
    with pytest.raises(CampaignError, match="line 3") as error:
        campaign_of(doc)
    assert problem in str(error.value)


def test_campaign_line_is_the_whole_line() -> None:
    doc = md("---\nmarket: de-DE\ncampaign: {start: 2026-04-03}\r\n---\n\nText\n")
    start, end = campaign_line(doc, "campaign")
    assert doc.text[start:end] == "campaign: {start: 2026-04-03}"
    assert campaign_line(doc, "date") == (0, 0)


def test_no_campaign_window() -> None:
    assert campaign_of(md("---\nmarket: de-DE\n---\n\nText\n")) is None
    assert campaign_of(paragraphs_doc("Text")) is None


# -- CL401 sensitive-date: the campaign window ------------------------------------------------

QINGMING_WINDOW = "{start: 2026-04-03, end: 2026-04-06}"


@pytest.mark.parametrize(
    ("market", "campaign", "expected_key"),
    [
        ("zh-CN", QINGMING_WINDOW, ["calendar.sensitive.qingming"]),
        ("zh-CN", "{start: 2026-04-08, end: 2026-04-12}", []),
        # The same days are not sensitive in Japan.
        ("ja-JP", QINGMING_WINDOW, []),
        ("ja-JP", "{start: 2026-08-10, end: 2026-08-14}", ["calendar.sensitive.obon"]),
        ("de-DE", "{start: 2026-11-20, end: 2026-11-23}", ["calendar.sensitive.totensonntag"]),
        ("en-US", "{start: 2026-09-11}", ["calendar.sensitive.september-11"]),
        ("en-AU", "{start: 2026-04-24, end: 2026-04-26}", ["calendar.sensitive.anzac-day"]),
        # 9/11 is a date of the US profile only.
        ("de-DE", "{start: 2026-09-11}", []),
        # A public holiday is no reason to warn: German Unity Day.
        ("de-DE", "{start: 2026-10-02, end: 2026-10-04}", []),
    ],
)
def test_campaign_window_on_a_sensitive_date(
    market: str, campaign: str, expected_key: list[str]
) -> None:
    doc = md(front(campaign, "Jetzt zugreifen!"))
    hits = run_check(SENSITIVE, doc, real_profile(market))
    assert [h.evidence.key for h in hits] == expected_key
    for hit in hits:
        assert doc.text[hit.start : hit.end] == f"campaign: {campaign}"


def test_campaign_message_names_occasion_and_advice() -> None:
    doc = md(front(QINGMING_WINDOW, "新品上市"))
    (hit,) = run_check(SENSITIVE, doc, real_profile("zh-CN"))
    assert "Qingming" in hit.message and "2026-04-05" in hit.message
    assert "keep the tone quiet" in hit.message
    assert hit.evidence.source and "holidays" in hit.evidence.source
    assert hit.severity is Severity.INFO  # the base-chinese entry says info


def test_a_period_that_began_the_year_before_counts() -> None:
    entry = {
        "id": "year-end",
        "name": "Year-end mourning",
        "kind": "mourning",
        "when": {"fixed": "12-30"},
        "days": 4,
        "advice": "Keep it quiet.",
        "source": "Example",
        "confidence": "high",
    }
    profile = make_profile("de-DE", calendar={"sensitive": [entry]})
    doc = md(front("{start: 2027-01-01, end: 2027-01-05}", "Text"))
    (hit,) = run_check(SENSITIVE, doc, profile)
    assert "2026-12-30 to 2027-01-02" in hit.message
    assert hit.severity is Severity.WARNING


def test_a_single_date_key_is_a_window() -> None:
    doc = md("---\nmarket: en-US\ndate: 2026-09-11\n---\n\nBig sale\n")
    (hit,) = run_check(SENSITIVE, doc, real_profile("en-US"))
    assert doc.text[hit.start : hit.end] == "date: 2026-09-11"


# -- CL401 sensitive-date: dates in the copy ------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("zh-CN", "4月5日全场狂欢大促！", ["4月5日"]),
        ("zh-CN", "2026年4月5日全场狂欢大促！", ["2026年4月5日"]),
        ("en-US", "Doors open September 11, 2026 at noon.", ["September 11, 2026"]),
        ("en-US", "Doors open 9/11/2026 at noon.", ["9/11/2026"]),
        # Negative: a day that is no sensitive date.
        ("en-US", "Doors open September 12, 2026 at noon.", []),
        # Near miss: 11/9 is 9 November in a month-first market.
        ("en-US", "Doors open 11/9/2026 at noon.", []),
        # Near miss: 11 September is sensitive in the US profile, not in Germany's.
        ("de-DE", "Am 11.09.2026 geht es los.", []),
        ("de-DE", "Am 22. November 2026 feiern wir.", ["22. November 2026"]),
        # Near miss: a version number shaped like the date.
        ("de-DE", "Version 22.11.2026 ist da.", []),
    ],
)
def test_dates_in_copy_on_sensitive_days(market: str, text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    hits = run_check(SENSITIVE, doc, real_profile(market))
    assert flagged(doc, hits) == expected
    for hit in hits:
        assert "falls on" in hit.message


def test_year_less_copy_date_takes_the_campaign_year() -> None:
    # Qingming falls on 4 April in 2028 and on 5 April in 2026.
    body = "4月4日全场狂欢\n\n4月5日新品上市"
    doc = md(front("{start: 2028-04-01, end: 2028-04-10}", body, market="zh-CN"))
    hits = run_check(SENSITIVE, doc, real_profile("zh-CN"))
    assert flagged(doc, hits) == ["campaign: {start: 2028-04-01, end: 2028-04-10}", "4月4日"]


# -- CL402 holiday-not-kept -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected", "suggests"),
    [
        ("de-DE", "Unser großer Thanksgiving-Sale!", ["Thanksgiving"], "Erntedankfest"),
        ("de-DE", "Angebote zum 4th of July", ["4th of July"], "Tag der Deutschen Einheit"),
        ("en-GB", "Our Fourth of July deals are here", ["Fourth of July"], None),
        ("en-GB", "A Thanksgiving feast for everyone", ["Thanksgiving"], None),
        ("en-US", "Boxing Day deals start now", ["Boxing Day"], "after-Christmas"),
    ],
)
def test_holidays_the_market_does_not_keep(
    market: str, text: str, expected: list[str], suggests: str | None
) -> None:
    doc = paragraphs_doc(text)
    hits = run_check(NOT_KEPT, doc, real_profile(market))
    assert flagged(doc, hits) == expected
    assert "does not keep" in hits[0].message
    if suggests:
        assert suggests in (hits[0].suggestion or "")
    else:
        assert hits[0].suggestion is None


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("en-US", "Our Thanksgiving sale starts Friday"),  # kept in the US
        ("en-GB", "Boxing Day deals start now"),  # kept in the UK
        ("de-DE", "Black Friday: 30 % auf alles"),  # adopted, not listed
        ("de-DE", "Zum Erntedankfest"),
        ("en-GB", "Delivery by 4 July"),  # a date, not the holiday
    ],
)
def test_kept_holidays_are_not_flagged(market: str, text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(NOT_KEPT, doc, real_profile(market)) == []


# -- CL403 wrong-hemisphere-season ------------------------------------------------------------

DECEMBER = "{start: 2026-12-01, end: 2026-12-24}"
JULY = "{start: 2026-07-01, end: 2026-07-31}"


@pytest.mark.parametrize(
    ("market", "campaign", "body", "expected"),
    [
        ("pt-BR", DECEMBER, "Coleção de inverno com 30% de desconto", ["inverno"]),
        ("pt-BR", DECEMBER, "Winter Sale: 30% off", ["Winter"]),
        # English season words in other markets' copy, German and Japanese included.
        ("de-DE", DECEMBER, "Jetzt im Summertime-Special: 30 % Rabatt", ["Summertime"]),
        ("ja-JP", DECEMBER, "Summer Sale 開催中", ["Summer"]),
        ("fr-FR", JULY, "Les WINTERS sont longs", ["WINTERS"]),
        ("en-AU", DECEMBER, "Our winter collection is here", ["winter"]),
        ("pt-BR", JULY, "Liquidação de verão", ["verão"]),
        ("en-US", DECEMBER, "Our summer collection is here", ["summer"]),
        ("de-DE", JULY, "Die neue Winter-Kollektion", ["Winter"]),
        ("fr-FR", DECEMBER, "La collection de l'été", ["l'été"]),
        ("ja-JP", "{start: 2026-09-01, end: 2026-10-31}", "春の新作が登場", ["春の"]),
        # Negative: the season of the window.
        ("pt-BR", DECEMBER, "Coleção de verão com 30% de desconto", []),
        ("en-AU", DECEMBER, "Our summer collection is here", []),
        ("en-US", DECEMBER, "Our winter collection is here", []),
        # Near misses: "ver" (to see) shares a lemma with "verão"; "a été" is "has been";
        # 青春の is "of youth"; English "spring" alone is too ambiguous to count.
        ("pt-BR", JULY, "Clique para ver mais", []),
        ("fr-FR", DECEMBER, "Le prix a été réduit", []),
        ("ja-JP", "{start: 2026-09-01, end: 2026-10-31}", "青春の思い出に", []),
        ("en-US", "{start: 2026-10-01, end: 2026-10-31}", "Spring into savings", []),
        # A window across two seasons says nothing, nor does a tropical market.
        ("pt-BR", "{start: 2026-11-20, end: 2026-12-10}", "Coleção de inverno", []),
        ("id-ID", DECEMBER, "Koleksi winter kami", []),
    ],
)
def test_season_words_against_the_window(
    market: str, campaign: str, body: str, expected: list[str]
) -> None:
    doc = md(front(campaign, body))
    hits = run_check(SEASON, doc, real_profile(market))
    assert flagged(doc, hits) == expected


def test_season_message() -> None:
    doc = md(front(DECEMBER, "Coleção de inverno"))
    (hit,) = run_check(SEASON, doc, real_profile("pt-BR"))
    assert hit.message == (
        "'inverno' names winter, but the campaign (2026-12-01 to 2026-12-24) runs in "
        "summer in the pt-BR market (southern hemisphere)"
    )
    assert hit.suggestion == "Speak of summer (or of no season) in pt-BR copy"
    assert hit.evidence.key == "calendar.hemisphere"


def test_no_window_no_season_finding() -> None:
    doc = md("---\nmarket: pt-BR\n---\n\nColeção de inverno\n")
    assert run_check(SEASON, doc, real_profile("pt-BR")) == []
    # An unreadable window is CL401's to report.
    bad = md("---\nmarket: pt-BR\ncampaign: {start: soon}\n---\n\nColeção de inverno\n")
    assert run_check(SEASON, bad, real_profile("pt-BR")) == []
    with pytest.raises(CampaignError):
        run_check(SENSITIVE, bad, real_profile("pt-BR"))


@pytest.mark.parametrize(
    ("tag", "calendar", "expected"),
    [
        ("pt-BR", {"hemisphere": "south"}, "south"),
        ("en-AU", {}, "south"),  # an uncurated profile: the territory list decides
        ("es-AR", {}, "south"),
        ("en-SG", {}, "tropical"),
        ("en-US", {}, "north"),
        ("en-AU", {"hemisphere": "north"}, "north"),  # the profile wins
    ],
)
def test_hemisphere(tag: str, calendar: dict[str, Any], expected: str) -> None:
    assert hemisphere(make_profile(tag, calendar=calendar)) == expected


@pytest.mark.parametrize(
    ("start", "end", "side", "expected"),
    [
        ("2026-12-01", "2027-02-28", "north", "winter"),
        ("2026-12-01", "2027-02-28", "south", "summer"),
        ("2026-06-15", "2026-06-20", "north", "summer"),
        ("2026-05-20", "2026-06-10", "north", None),
    ],
)
def test_window_season(start: str, end: str, side: str, expected: str | None) -> None:
    campaign = Campaign(dt.date.fromisoformat(start), dt.date.fromisoformat(end), "campaign")
    assert window_season(campaign, side) == expected


@pytest.mark.parametrize(
    ("term", "found", "expected"),
    [("verão", "ver", False), ("Sommer", "Sommers", True), ("l'été", "L'été", True)],
)
def test_same_words(term: str, found: str, expected: bool) -> None:
    assert same_words(term, found) is expected


def test_every_season_has_words_in_the_same_languages() -> None:
    languages = {season: set(SEASON_WORDS[season]) for season in SEASONS}
    assert len({frozenset(langs) for langs in languages.values()}) == 1


# -- through the command line ---------------------------------------------------------------


def test_cli_positions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = (
        "---\nmarket: zh-CN\ncampaign: {start: 2026-04-03, end: 2026-04-06}\n---\n\n"
        "清明节快乐！4月5日全场狂欢，感恩节特惠。\n"
    )
    (tmp_path / "ad.md").write_text(text, encoding="utf-8")
    (tmp_path / "br.md").write_text(
        "---\nmarket: pt-BR\ncampaign: {start: 2026-12-01, end: 2026-12-24}\n---\n\n"
        "Coleção de inverno\n",
        encoding="utf-8",
    )
    (tmp_path / "us.md").write_text(
        "---\nmarket: en-US\n---\n\nBoxing Day deals\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL4", "."]
    )
    assert result.exit_code == 1, result.output
    found = {
        (Path(f["path"]).name, f["rule"], f["line"], f["column"], f["end_line"], f["end_column"])
        for f in json.loads(result.stdout)["findings"]
    }
    assert found == {
        ("ad.md", "CL401", 3, 1, 3, 47),
        ("ad.md", "CL401", 6, 7, 6, 11),
        ("br.md", "CL403", 6, 12, 6, 19),
        ("us.md", "CL402", 5, 1, 5, 11),
    }


def test_cli_reports_an_unreadable_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ad.md").write_text(
        "---\nmarket: zh-CN\ncampaign: {start: tomorrow}\n---\n\n新品\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["check", "--no-cache", "--format", "json", "ad.md"])
    assert result.exit_code == 2, result.output
    (error,) = json.loads(result.stdout)["errors"]
    assert "front matter `campaign:`, line 3: 'tomorrow' is not a date" in error["message"]


# -- professionally localized copy stays quiet --------------------------------------------------


def _fluent_messages(path: Path) -> list[str]:
    from fluent.syntax import FluentParser, ast

    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["de-DE", "fr-FR", "ja-JP", "zh-CN", "pt-BR", "es-ES", "en-US"])
@pytest.mark.parametrize("campaign", ["{start: 2026-01-05, end: 2026-01-25}", JULY])
def test_professional_localization_is_not_flagged(market: str, campaign: str) -> None:
    files = sorted((REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    messages = [m for f in files for m in _fluent_messages(f)]
    assert len(messages) > 100
    doc = md(front(campaign, "\n\n".join(messages), market=market))
    profile = real_profile(market)
    for check in (SENSITIVE, NOT_KEPT, SEASON):
        assert flagged(doc, run_check(check, doc, profile)) == [], check.code


@pytest.mark.parametrize("locale", ["de_DE", "en_US", "ja_JP", "ar_SA", "fr_FR", "zh_Hans_CN"])
def test_digit_first_patterns_match_where_finditer_does(locale: str) -> None:
    """Patterns that open with a digit are tried only where a run of digits starts;
    the matches must be those of `finditer` over every position."""
    import random
    import re

    from culturelint.checks import dates

    finder = date_finder(locale)
    patterns = [dates._ISO, *finder._patterns]
    digit_first = [p for p in patterns if p.pattern.startswith(dates._DIGIT_FIRST)]
    assert dates._ISO in digit_first and len(digit_first) >= 2
    from babel.dates import format_date

    written = [
        format_date(dt.date(2026, month, day), form, locale=locale)
        for month, day in ((4, 5), (12, 24), (1, 31))
        for form in ("short", "medium", "long")
    ]
    pieces = [*written, "1", "12", "2026", "٣", "４", ".", "/", "-", " ", "年", "月", "日",
              "v", "x", "a", "\n"]  # fmt: skip
    rng = random.Random(locale)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        starts = [m.start() for m in re.finditer(r"\d+", text)]
        for pattern in digit_first:
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in dates._matches_at(pattern, text, starts)] == want, text
            found += len(want)
    assert found > 200
