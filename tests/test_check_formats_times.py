"""CL705 time-format."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.times import CHECK
from culturelint.finding import Hit, Severity


def hits(market: str, text: str) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    found = run_check(CHECK, doc, make_profile(market))
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Livestream heute um 3pm", ["3pm"]),
        ("de-DE", "Um 3:30 PM oder 3 p.m.", ["3:30 PM", "3 p.m."]),
        ("de-DE", "Geöffnet 9am–5pm und 9-11am", ["9am–5pm", "9-11am"]),
        ("fr-FR", "Rendez-vous à 3 PM", ["3 PM"]),
        ("es-ES", "A las 3 p. m. en Madrid", ["3 p. m."]),
        ("ja-JP", "配信は3PMから", ["3PM"]),
    ],
)
def test_twelve_hour_times_in_24_hour_markets_are_warnings(
    market: str, text: str, expected: list[str]
) -> None:
    texts, found = hits(market, text)
    assert texts == expected
    assert all(h.severity is None for h in found)


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("en-US", "Doors open at 15:00", "15:00"),
        ("en-US", "Livestream from 00:30", "00:30"),
        ("es-MX", "Abrimos a las 18:30", "18:30"),
    ],
)
def test_24_hour_times_in_12_hour_markets_are_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Livestream heute um 15:00 Uhr oder 15 Uhr"),
        ("fr-FR", "Rendez-vous à 15 h ou 15:30"),
        ("ja-JP", "配信は午後3時から、15時から、15:00から"),  # 午後 is Japanese for p.m.
        ("zh-CN", "直播下午3点开始，15:00结束"),  # 下午 is Chinese for p.m.
        ("en-US", "Doors open at 3pm, or 3:30 PM, until 11 a.m."),
        ("ko-KR", "오후 3시에 시작"),
    ],
)
def test_the_market_clock_passes(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Treffen 3 am Montag, Stück 2 am Stand"),  # the German word "am"
        ("de-DE", "3 amazing Deals"),
        ("de-DE", "Modell GPT-3pm und v3pm"),  # codes
        ("de-DE", "Siehe https://example.com/3pm-live"),
        ("en-US", "A 16:9 screen, 16:10 aspect ratio, score 3:1, John 18:20"),
        ("en-US", "Ratio 16:10, workout 13:30 min, timestamp 2026-04-03T15:00"),
        ("en-US", "Version 13:45 and build 20:30"),
        ("en-US", "Time code 10:15:30:12"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "um 3pm",
            "'3pm' is a 12-hour time; de-DE uses the 24-hour clock (HH:mm)",
            "15:00",
        ),
        (
            "ja-JP",
            "9-11am",
            "'9-11am' is a 12-hour time; ja-JP uses the 24-hour clock (H:mm)",
            "9:00–11:00",
        ),
        (
            "en-US",
            "at 15:00",
            "'15:00' is a 24-hour time; en-US uses the 12-hour clock (h:mm\u202fa)",
            "3:00\u202fPM",
        ),
    ],
)
def test_message_and_cldr_formatted_suggestion(
    market: str, text: str, message: str, suggestion: str
) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.hour_cycle"


def test_every_twelve_hour_time_holds_the_quick_pattern() -> None:
    """`twelve_hour_times` tries its pattern only on texts the quick pattern (a digit
    and a marker) matches; every match of the pattern must hold one."""
    import random

    from culturelint.checks import times

    pieces = ["3", "11", "12", "0", ":30", ".45", " ", "\u00a0", "-", "–", "am", "AM", "pm",
              "p.m.", "P. M.", "a.", "m", "x", "é", "Montag"]  # fmt: skip
    rng = random.Random(12)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        if times._TWELVE.search(text) is not None:
            matched += 1
            assert times._TWELVE_QUICK.search(text) is not None, text
    assert matched > 500


def test_a_market_with_both_clocks_in_use_is_not_checked() -> None:
    """British copy writes 9am and 19:30 alike (GOV.UK, Hart's Rules): en-GB's profile
    says so, though CLDR's short time for en-GB is HH:mm."""
    doc = paragraphs_doc("Open daily 9am to 5pm. Doors open at 7.30pm, last entry 19:30.")
    assert run_check(CHECK, doc, real_profile("en-GB")) == []
    # Near miss: the same copy in a market with one clock.
    assert flagged(doc, run_check(CHECK, doc, real_profile("de-DE"))) == ["9am", "5pm", "7.30pm"]
