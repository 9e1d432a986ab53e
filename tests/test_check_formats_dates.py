"""CL702 date-format."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks.dates_format import CHECK, market_styles
from culturelint.finding import Hit, Severity


def hits(market: str, text: str) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    found = run_check(CHECK, doc, make_profile(market))
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        # No month 31: only a month-first reading fits, and the market reads day first.
        ("de-DE", "Das Angebot gilt bis 12/31/2026.", "12/31/2026"),
        ("de-DE", "Das Angebot gilt bis 12.31.2026.", "12.31.2026"),
        ("en-GB", "Offer ends 12/31/2026.", "12/31/2026"),
        ("es-ES", "La oferta termina el 3/15/2026.", "3/15/2026"),
        ("pt-BR", "Válido no 12/31/2026", "12/31/2026"),  # "no" is a word, "No." a label
        # And the other way round in a month-first market.
        ("en-US", "Sale ends 31/12/2026.", "31/12/2026"),
        ("ja-JP", "セールは12/31/2026まで", "12/31/2026"),
    ],
)
def test_a_date_only_another_order_fits_is_a_warning(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is None  # the rule's default: warning


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Start am 03/04/2026", "03/04/2026"),  # order fits, separator does not
        ("en-US", "Starts 03.04.2026", "03.04.2026"),
        ("ja-JP", "発売日 03/04/2026", "03/04/2026"),  # year-first market
        ("de-DE", "Gültig bis 31/12/2026", "31/12/2026"),  # unambiguous, wrong separator
        ("de-DE", "Ab 2026/04/03", "2026/04/03"),  # year first in a day-first market
        ("ja-JP", "発売日 2026.04.03", "2026.04.03"),
    ],
)
def test_ambiguous_or_oddly_separated_dates_are_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Gültig bis 31.12.2026 oder 31.12.26."),
        ("de-DE", "Start am 03.04.2026 und 3.4.2026"),
        ("en-US", "Sale ends 12/31/2026, or 3/4/26."),
        ("en-GB", "Starts 03/04/2026."),
        ("fr-FR", "Début le 03/04/2026."),
        ("es-ES", "Del 5/3/26 al 05/03/2026."),  # short and medium patterns
        ("ja-JP", "発売日 2026/4/3 と 2026/04/03"),
        ("ko-KR", "출시일 2026. 4. 3."),
        # ISO 8601 passes everywhere.
        ("de-DE", "Start: 2026-04-03"),
        ("en-US", "Start: 2026-04-03"),
        ("ja-JP", "開始: 2026-04-03"),
    ],
)
def test_the_market_pattern_and_iso_pass(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Update auf v2.0.1 oder Version 2.10.12 und 1.2.3"),
        ("en-US", "Upgrade to v2.0.1, version 2.10.12 or 1.2.3"),
        ("de-DE", "Server 192.168.0.1 und 10.0.0.12"),
        ("de-DE", "Endstand 3-1, geöffnet 10-12 Uhr, Service 24/7"),
        ("en-US", "Score 3-1, open 24/7, mix 1/2 cup, pi is 3.14"),
        ("de-DE", "Artikel AB-12.03.2026 und SKU-12/31/2026"),
        ("de-DE", "Siehe https://example.com/2026/12/31/sale"),
        ("en-US", "Call 030-123-4567 or 12-34-56 at 12:30"),
        ("en-US", "Art.-Nr. 12/31/2026"),
        ("pt-BR", "Pedido No. 12/31/2026"),
        ("ja-JP", "型番 12/31/2026"),
        # A two-digit year with a separator the market does not use is too likely a
        # version or a code to be read as a date.
        ("de-DE", "Build 2.10.12 und 12/31/26"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


def test_ambiguous_message_names_both_readings() -> None:
    _, (hit,) = hits("de-DE", "Start am 03/04/2026")
    assert hit.message == (
        "ambiguous date '03/04/2026': means 3 April 2026 in en-GB but March 4, 2026 in "
        "en-US; de-DE writes dd.MM.y"
    )
    assert hit.suggestion == (
        "Write 03.04.2026 (3 April 2026) or 04.03.2026 (4 March 2026), as dd.MM.y"
    )
    assert hit.evidence is not None and hit.evidence.key == "formats.date_short"


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "bis 12/31/2026",
            "'12/31/2026' can only be read month first (31 December 2026); de-DE writes "
            "dates day first, as dd.MM.y",
            "31.12.2026",
        ),
        (
            "en-US",
            "until 31/12/2026",
            "'31/12/2026' can only be read day first (31 December 2026); en-US writes "
            "dates month first, as M/d/y",
            "12/31/2026",
        ),
        (
            "ja-JP",
            "12/31/2026まで",
            "'12/31/2026' can only be read month first (31 December 2026); ja-JP writes "
            "dates year first, as y/MM/dd",
            "2026/12/31",
        ),
    ],
)
def test_message_and_cldr_formatted_suggestion(
    market: str, text: str, message: str, suggestion: str
) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion


@pytest.mark.parametrize(
    ("patterns", "styles"),
    [
        (("dd.MM.yy", "dd.MM.y", "d. MMMM y"), [("DMY", ".", False), ("DMY", ".", True)]),
        (("yy. M. d.", "y. M. d.", "y년 MMMM d일"), [("YMD", ". ", False), ("YMD", ". ", True)]),
        (
            ("d\u200f/M\u200f/y", "dd\u200f/MM\u200f/y", "d MMMM y"),
            [("DMY", "/", True), ("DMY", "/", True)],
        ),
        (("d 'de' MMMM 'de' y",), []),
    ],
)
def test_numeric_styles_from_cldr_patterns(
    patterns: tuple[str, ...], styles: list[tuple[str, str, bool]]
) -> None:
    found = [(s.order, s.separator, s.four_digit_year) for s in market_styles(patterns)]
    assert found == styles
