"""CL701 foreign-currency."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks._util import money_finder
from culturelint.checks.currency import CHECK, describe


def hits_in(market: str, text: str) -> list[str]:
    doc = paragraphs_doc(f"# Angebot\n\n{text}")
    return flagged(doc, run_check(CHECK, doc, make_profile(market)))


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Jetzt nur $14.99 im Monat.", ["$"]),
        ("de-DE", "Nur 14.99$ im Monat.", ["$"]),
        ("de-DE", "Ab US$ 20 pro Nutzer", ["US$"]),
        ("de-DE", "Preis: USD 20 oder 20 USD", ["USD", "USD"]),
        ("de-DE", "Nur £5 und ¥500", ["£", "¥"]),
        ("de-DE", "Ab 30 TRY", ["TRY"]),
        ("de-DE", "Für 99 kr im Monat", ["kr"]),
        ("ja-JP", "今なら $20 オフ", ["$"]),
        ("ja-JP", "特価 100元", ["元"]),
        ("ja-JP", "€5 のクーポン", ["€"]),
        ("ja-JP", "EUR 20 から", ["EUR"]),
        ("en-US", "Only €20 a month", ["€"]),
        ("en-US", "Starting at 20 EUR", ["EUR"]),
        ("en-US", "Just ¥2,000", ["¥"]),
        ("en-US", "From R$ 49,90", ["R$"]),
    ],
)
def test_foreign_currency_is_flagged_at_the_symbol(
    market: str, text: str, expected: list[str]
) -> None:
    assert hits_in(market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Jetzt nur 14,99 € im Monat."),
        ("de-DE", "Ab € 20 oder EUR 20"),
        ("ja-JP", "特価 ¥1,980（税込）"),
        ("ja-JP", "特価 ￥1,980"),
        ("ja-JP", "1,980円（税込）"),
        ("ja-JP", "JPY 1,980"),
        ("en-US", "Only $20 a month"),
        ("en-US", "Only US$20 a month"),
        ("zh-CN", "限时特价 ¥299"),
        ("zh-CN", "限时特价 ￥299"),
        ("zh-CN", "299元 RMB 299"),
        # "$" stands for the peso in Mexico and the dollar in Australia as well.
        ("es-MX", "Solo $299 al mes"),
        ("en-AU", "Only $29 a month"),
    ],
)
def test_the_market_currency_passes(market: str, text: str) -> None:
    assert hits_in(market, text) == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Preise in $ und €"),  # no amount
        ("de-DE", "Tickets für die EURO 2024"),  # a word that starts like a code
        ("de-DE", "Mit USB 3 und HDMI 2"),  # not currency codes
        ("de-DE", "Die TOP 10 Angebote"),  # TOP is a code (Tonga) but a word first
        ("de-DE", "Läuft mit PHP 8 und AMD 7950X"),  # names, not pesos or drams
        ("de-DE", "Setze {price} oder ${amount} oder %1$s ein"),  # placeholders
        ("de-DE", "Siehe https://example.com/buy?usd=20&p=$20"),  # a link
        ("de-DE", "20 kreative Ideen"),  # "kr" glued to a word
        ("ja-JP", "Shop$20 は無効"),  # "$" glued to a word
        ("en-US", "USD is the currency, and so on"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits_in(market, text) == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "Nur $14.99",
            "'$' (USD/AUD/CAD/MXN) is not a currency of de-DE, whose prices are in EUR",
            "Use EUR, written like 1.234,56\u00a0€ in de-DE",
        ),
        (
            "ja-JP",
            "€5 オフ",
            "'€' (EUR) is not a currency of ja-JP, whose prices are in JPY",
            "Use JPY, written like ￥1,234 in ja-JP",
        ),
        (
            "ja-JP",
            "EUR 20",
            "'EUR' is not a currency of ja-JP, whose prices are in JPY",
            "Use JPY, written like ￥1,234 in ja-JP",
        ),
        (
            "en-US",
            "¥2,000",
            "'¥' (JPY/CNY) is not a currency of en-US, whose prices are in USD",
            "Use USD, written like $1,234.56 in en-US",
        ),
    ],
)
def test_message_and_suggestion(market: str, text: str, message: str, suggestion: str) -> None:
    doc = paragraphs_doc(text)
    (hit,) = run_check(CHECK, doc, make_profile(market))
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.currencies"
    assert hit.evidence.source


def test_curated_currencies_override_cldr() -> None:
    profile = make_profile(
        "de-DE", formats={"currencies": ["EUR", "USD"], "source": "Project pricing policy"}
    )
    doc = paragraphs_doc("Nur $14.99 oder 14,99 € und £5")
    hits = run_check(CHECK, doc, profile)
    assert flagged(doc, hits) == ["£"]
    assert hits[0].evidence is not None and hits[0].evidence.source == "Project pricing policy"
    assert hits[0].message.endswith("whose prices are in EUR or USD")


@pytest.mark.parametrize(
    ("codes", "text"),
    [
        (frozenset({"EUR"}), "EUR"),
        (frozenset({"CNY", "JPY"}), "JPY/CNY"),
        (frozenset({"USD", "AUD", "CAD", "MXN", "NZD"}), "USD/AUD/CAD/MXN/..."),
    ],
)
def test_describe(codes: frozenset[str], text: str) -> None:
    assert describe(codes) == text


@pytest.mark.parametrize(
    ("symbol", "codes"),
    [
        ("$", {"USD", "AUD", "CAD", "MXN"}),
        ("¥", {"JPY", "CNY"}),
        ("￥", {"JPY", "CNY"}),
        ("kr", {"SEK", "NOK", "DKK"}),
        ("€", {"EUR"}),
        ("R$", {"BRL"}),
        ("zł", {"PLN"}),
        ("₩", {"KRW"}),
        ("₹", {"INR"}),
        ("₽", {"RUB"}),
        ("₺", {"TRY"}),
        ("₪", {"ILS"}),
        ("฿", {"THB"}),
        ("₫", {"VND"}),
        ("Rp", {"IDR"}),
        ("ر.س", {"SAR"}),
        ("د.إ", {"AED"}),
    ],
)
def test_symbols_come_from_cldr(symbol: str, codes: set[str]) -> None:
    (money,) = money_finder("de_DE").find(f"{symbol}20")
    assert money.marker == symbol
    assert codes <= money.codes


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Jetzt nur $14.99 statt 19,99 €.", ["$"]),
        ("ja-JP", "今なら $20、通常 ¥2,980", ["$"]),
        ("en-US", "Only $20, or €18 in Europe", ["€"]),
        ("zh-CN", "仅需 ¥299，海外 $49", ["$"]),
    ],
)
def test_profiles_from_the_store(market: str, text: str, expected: list[str]) -> None:
    profile = real_profile(market)
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, profile)) == expected
