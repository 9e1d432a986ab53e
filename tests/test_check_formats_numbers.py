"""CL703 number-separators, and the number reading the format checks share."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks.formats import read_number
from culturelint.checks.numbers_format import CHECK
from culturelint.finding import Hit, Severity


def hits(market: str, text: str) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    found = run_check(CHECK, doc, make_profile(market))
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Jetzt für 1,299.00 € statt 1,499.00 €.", ["1,299.00", "1,499.00"]),
        ("de-DE", "Über 1,234,567 Nutzer", ["1,234,567"]),  # a repeated ',' can only group
        ("de-DE", "Nur 14.99 € im Monat", ["14.99"]),  # a price with a decimal point
        ("de-DE", "Ab 1,000 €", ["1,000"]),  # euros have two decimals, so ',' groups
        ("en-US", "Now 1.299,00 instead of 1.499,00", ["1.299,00", "1.499,00"]),
        ("en-US", "Only $14,99 a month", ["14,99"]),
        ("en-US", "Over 1.234.567 users", ["1.234.567"]),
        ("fr-FR", "Seulement 1,299.00 €", ["1,299.00"]),
        ("ja-JP", "特価 ￥1.980 または 1.980円", ["1.980", "1.980"]),  # yen has no decimals
        ("es-ES", "Solo 1,299.00 €", ["1,299.00"]),
    ],
)
def test_separators_of_another_market_are_warnings(
    market: str, text: str, expected: list[str]
) -> None:
    texts, found = hits(market, text)
    assert texts == expected
    assert all(h.severity is None for h in found)


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Nur 3.5 kg leicht", "3.5"),  # a decimal point next to a unit
        ("de-DE", "Nur 4.5 % Zinsen", "4.5"),
        ("fr-FR", "Seulement 1.299,00 €", "1.299,00"),  # France groups with a space
        ("en-US", "Sold 12,34,567 copies", "12,34,567"),  # Indian grouping elsewhere
        ("hi-IN", "कुल 1,234,567 ग्राहक", "1,234,567"),  # thousands grouping in India
    ],
)
def test_unusual_but_readable_numbers_are_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Jetzt für 1.299,00 € oder 14,99 € und 1.234.567 Nutzer"),
        ("de-DE", "4,5 Sterne und 3,5 kg"),
        ("de-DE", "Schon 1.000 Kunden"),  # one thousand in German
        ("en-US", "Now $1,299.00 or $14.99, over 1,234,567 users"),
        ("en-US", "Rated 4.5 stars"),
        ("fr-FR", "1 299,00 € ou 1\u202f299,00 € ou 1\u00a0299,00 €"),
        ("de-CH", "Nur 1’299.00 CHF oder 1'299.00 CHF"),
        ("hi-IN", "सिर्फ़ ₹12,34,567 और ₹1,00,000"),
        ("ja-JP", "特価 ￥1,980 または 1,980円"),
    ],
)
def test_the_market_separators_pass(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        # One reading is as good as the other: never guess.
        ("en-US", "Over 1.000 users"),
        ("de-DE", "Schon 1,000 Kunden"),
        ("de-DE", "4.5 Sterne"),  # a decimal point, but no price or unit
        ("de-DE", "Version 1.2.3, v2.0.1 und Release 1,299.00"),
        ("en-US", "Update to 1.2.3 or v2.0.1"),
        ("de-DE", "Server 192.168.0.1"),
        ("de-DE", "Am 03.04.2026 um 10:30 oder 10.30:00"),
        ("de-DE", "Artikel SKU-1,299.00 und Art.-Nr. 1,299.00 und AB1,299.00"),
        ("de-DE", "Ruf an: +49 30 123 456 789"),
        ("de-DE", "Preise 1.000-2.000 €"),
        ("de-DE", "Nur $14.99 im Monat"),  # a foreign price: CL701's business
        ("de-DE", "Datei 1.299.jpg und 1.5x schneller"),
        ("de-DE", "Siehe https://example.com/p/1,299.00"),
        ("ja-JP", "バージョン 1.2.3 と 192.168.0.1"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "1,299.00 €",
            "'1,299.00' uses '.' as the decimal separator; de-DE writes 1.299,00 "
            "(decimal ',', thousands '.')",
            "1.299,00",
        ),
        (
            "en-US",
            "1.234.567 users",
            "'1.234.567' groups digits with '.', the decimal separator in en-US; en-US "
            "writes 1,234,567 (decimal '.', thousands ',')",
            "1,234,567",
        ),
        (
            "fr-FR",
            "1,299.00 €",
            "'1,299.00' uses '.' as the decimal separator; fr-FR writes 1\u202f299,00 "
            "(decimal ',', thousands a space)",
            "1\u202f299,00",
        ),
        (
            "hi-IN",
            "1,234,567 ग्राहक",
            "'1,234,567' is grouped by thousands; hi-IN groups by lakh; hi-IN writes "
            "12,34,567 (decimal '.', thousands ',')",
            "12,34,567",
        ),
    ],
)
def test_message_and_cldr_formatted_suggestion(
    market: str, text: str, message: str, suggestion: str
) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.decimal"


@pytest.mark.parametrize(
    ("raw", "readings"),
    [
        ("1299", [("1299", "", None, None)]),
        ("1,299.00", [("1299", "00", ",", ".")]),
        ("1.299,00", [("1299", "00", ".", ",")]),
        ("1.299", [("1299", "", ".", None), ("1", "299", None, ".")]),
        ("14,99", [("14", "99", None, ",")]),
        ("1\u202f299,00", [("1299", "00", " ", ",")]),
        ("1’299.00", [("1299", "00", "'", ".")]),
        ("1,234,567", [("1234567", "", ",", None)]),
        ("12,34,567", [("1234567", "", ",", None)]),
        ("0.299", [("0", "299", None, ".")]),  # "0.299" groups nothing
        ("1.2.3", []),
        ("192.168.0.1", []),
        ("03.04.2026", []),
        ("1,299,00", []),
    ],
)
def test_read_number(raw: str, readings: list[tuple[str, str, str | None, str | None]]) -> None:
    found = [(r.integer, r.fraction, r.group, r.decimal) for r in read_number(raw)]
    assert found == readings
