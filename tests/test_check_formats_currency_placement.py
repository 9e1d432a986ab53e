"""CL707 currency-placement."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks.currency_placement import CHECK, placement
from culturelint.finding import Hit, Severity


def hits(market: str, text: str) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    found = run_check(CHECK, doc, make_profile(market))
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Jetzt nur €10 im Monat", ["€10"]),
        ("de-DE", "Jetzt nur € 14,99 im Monat", ["€ 14,99"]),
        ("de-DE", "Statt 20 Euro: € 14,99", ["€ 14,99"]),  # the € follows a word, not an amount
        ("de-DE", "Ab 10 € € 14,99", ["€ 14,99"]),  # each amount has its own €
        ("fr-FR", "Seulement €10 par mois", ["€10"]),
        ("es-ES", "Solo €10 al mes", ["€10"]),
        ("en-US", "Only 10 $ a month", ["10 $"]),
        ("nl-NL", "Nu voor 10 €", ["10 €"]),
        ("ja-JP", "特価 1,980￥", ["1,980￥"]),
        ("zh-CN", "仅需 299¥", ["299¥"]),
        ("pt-BR", "Por 49,90 R$", ["49,90 R$"]),
    ],
)
def test_symbol_on_the_wrong_side_is_a_warning(market: str, text: str, expected: list[str]) -> None:
    texts, found = hits(market, text)
    assert texts == expected
    assert all(h.severity is None for h in found)


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Jetzt nur 10€ im Monat", "10€"),
        ("fr-FR", "Seulement 10€ par mois", "10€"),
        ("nl-NL", "Nu voor €10", "€10"),
        ("pt-BR", "Por R$49,90", "R$49,90"),
    ],
)
def test_missing_space_is_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Nur 10 €, 10\u00a0€ oder 14,99\u202f€"),  # any white space counts
        ("fr-FR", "Seulement 10 € ou 1\u202f299,00\u00a0€"),
        ("en-US", "Only $10 or US$20"),
        ("en-GB", "Only £10"),
        ("nl-NL", "Nu voor € 10"),
        ("pt-BR", "Por R$ 49,90"),
        ("ja-JP", "特価 ￥1,980、¥1,980、1,980円、1,980 円"),  # 円 after the amount is normal
        ("zh-CN", "仅需 ¥299 或 299元"),
        ("ko-KR", "특가 ₩1,000 또는 1,000원"),
        ("de-DE", "Ab EUR 10 oder 10 EUR"),  # ISO codes go either side
        ("de-CH", "Nur CHF 10 oder 10 CHF"),
        ("es-MX", "Solo $299 al mes"),
    ],
)
def test_the_market_pattern_passes(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Nur $14.99 oder £5"),  # foreign currencies: CL701's business
        ("en-US", "Only €20"),
        ("de-DE", "Preise in € und $"),  # no amount
        ("de-DE", "Setze ${price} oder {amount} € ein"),  # placeholders
        ("de-DE", "Siehe https://example.com/buy?p=€10"),
        ("de-DE", "Modell SKU€10 und Code AB€20"),  # glued to a code
        ("de-DE", "Zwischen 10–20 € oder von 10 bis 20 €"),  # ranges
        ("ja-JP", "バージョン 1.2.3 と 192.168.0.1"),
        # A symbol after one amount is not also before the next one.
        ("de-DE", "129,99 € 79,99 €"),  # an old and a new price
        ("de-DE", "Nur 9,99 € 30 Tage lang testen."),
        ("fr-FR", "Dès 9,99 € 3 mois offerts."),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "€10",
            "'€' belongs after the amount in de-DE: 10\u00a0€ (#,##0.00\u00a0¤)",
            "10\u00a0€",
        ),
        (
            "de-DE",
            "€14.99",
            "'€' belongs after the amount in de-DE: 14,99\u00a0€ (#,##0.00\u00a0¤)",
            "14,99\u00a0€",
        ),
        ("en-US", "10 $", "'$' belongs before the amount in en-US: $10 (¤#,##0.00)", "$10"),
        (
            "fr-FR",
            "10€",
            "'10€' needs a space between amount and '€' in fr-FR: 10\u00a0€",
            "10\u00a0€",
        ),
        (
            "ja-JP",
            "1,980￥",
            "'￥' belongs before the amount in ja-JP: ￥1,980 (¤#,##0.00)",
            "￥1,980",
        ),
    ],
)
def test_message_and_cldr_formatted_suggestion(
    market: str, text: str, message: str, suggestion: str
) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.currency_format"


@pytest.mark.parametrize(
    ("pattern", "before", "spaced"),
    [
        ("#,##0.00\u00a0¤", False, True),
        ("¤#,##0.00", True, False),
        ("¤\u00a0#,##0.00;¤\u00a0-#,##0.00", True, True),
        ("\u200f#,##0.00\u00a0¤;\u200f-#,##0.00\u00a0¤", False, True),
    ],
)
def test_placement_from_cldr_pattern(pattern: str, before: bool, spaced: bool) -> None:
    found = placement(pattern)
    assert found is not None
    assert (found.before, found.spaced) == (before, spaced)
