"""CL704 measurement-units."""

from __future__ import annotations

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks import units
from culturelint.checks.units import CHECK
from culturelint.finding import Hit, Severity


def hits(market: str, text: str, **data: object) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    found = run_check(CHECK, doc, make_profile(market, **data))
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Nur 5 miles vom Zentrum", ["5 miles"]),
        ("de-DE", "Nur 5 Meilen vom Zentrum, 26.2 mi Strecke", ["5 Meilen", "26.2 mi"]),
        ("de-DE", "Ein 5-mile Lauf bei 70°F", ["5-mile", "70°F"]),
        ("de-DE", "Wiegt 10 lbs, fasst 2 gallons und 12 oz", ["10 lbs", "2 gallons", "12 oz"]),
        ("de-DE", "Von 5–10 miles und -4 °F", ["5–10 miles", "-4 °F"]),
        ("fr-FR", "À 5 milles, haut de 10 pieds", ["5 milles", "10 pieds"]),
        ("es-ES", "A 5 millas, 3 pies de alto", ["5 millas", "3 pies"]),
        ("ja-JP", "駅から5マイル、気温70°F", ["5マイル", "70°F"]),
        ("zh-CN", "距离5英里，重10磅", ["5英里", "10磅"]),
        ("en-AU", "Just 5 miles from the beach, 1,200 sq ft", ["5 miles", "1,200 sq ft"]),
    ],
)
def test_imperial_units_in_metric_markets_are_warnings(
    market: str, text: str, expected: list[str]
) -> None:
    texts, found = hits(market, text)
    assert texts == expected
    assert all(h.severity is None for h in found)


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        # Screens, wheels and pipes are sold in inches in metric markets too.
        ("de-DE", "Ein 27 Zoll Monitor", "27 Zoll"),
        ("fr-FR", "Écran de 27 pouces", "27 pouces"),
        ("de-DE", "Ein 27-inch Monitor", "27-inch"),
        # The UK: fuel in litres, weather in °C.
        ("en-GB", "Fill up 10 gallons", "10 gallons"),
        ("en-GB", "Sunny at 70°F", "70°F"),
        # The US uses metric beside its own units in places.
        ("en-US", "A 10 km run", "10 km"),
        ("en-US", "Only 20 kg", "20 kg"),
        ("en-US", "Warm at 30 °C", "30 °C"),
    ],
)
def test_softer_cases_are_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Nur 8 km vom Zentrum, bei 21 °C, wiegt 4,5 kg"),
        ("ja-JP", "駅から8km、気温21℃"),
        ("en-US", "Just 5 miles away at 70°F, 10 lbs, 6 feet"),
        ("en-GB", "5 miles away, 30 mph limit, 2 pints, 6 feet tall, 11 stone"),
        # US copy uses millimetres, litres, millilitres and grams every day.
        ("en-US", "A 3.5 mm jack, 2 liters, 500 ml and 30 grams of protein"),
        # Both systems side by side.
        ("de-DE", "Nur 5 miles (8 km) vom Zentrum"),
        ("de-DE", "Nur 8 km (5 miles) vom Zentrum"),
        ("de-DE", "Nur 8 km / 5 miles vom Zentrum"),
        ("en-US", "A 10 km (6.2 mi) run"),
    ],
)
def test_the_market_units_pass(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Wir sind in 5 Städten, in Berlin und in 2026"),  # "in" the preposition
        ("en-AU", "Put 2 in the box, we ship in 5 days"),
        ("en-AU", "A gift, 5 left, loft 3"),  # "ft" inside words
        ("de-DE", "Artikel SKU-10lb, Modell 5 mi, Version 2 ft"),  # codes and labels
        ("de-DE", "Fahrenheit 451 ist ein Roman"),  # a title, not a temperature
        ("en-AU", "5 pounds off, 2 pies for $10"),  # money and food
        ("de-DE", "Ein Pfund Kaffee, 5 Pfund"),  # Pfund is 500 g in German
        ("de-DE", "Siehe https://example.com/5-miles-run"),
        ("de-DE", "Ein 5fach Zoom und 5G"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "Nur 5 miles",
            "'5 miles' is an imperial unit (miles); de-DE uses the metric system",
            "5 miles ≈ 8 km",
        ),
        (
            "de-DE",
            "26.2 mi",
            "'26.2 mi' is an imperial unit (miles); de-DE uses the metric system",
            "26.2 mi ≈ 42,2 km",
        ),
        (
            "fr-FR",
            "70 °F",
            "'70 °F' is an imperial unit (degrees Fahrenheit); fr-FR uses the metric system",
            "70 °F ≈ 21 °C",
        ),
        (
            "en-GB",
            "10 gallons",
            "'10 gallons': en-GB sells fuel and drinks in litres",
            "10 gallons ≈ 45.5 l",  # imperial gallons
        ),
        (
            "en-US",
            "100 km/h",
            "'100 km/h' is a metric unit (kilometres per hour); en-US readers expect US "
            "customary units, at least beside it",
            "100 km/h ≈ 62.1 mph",
        ),
    ],
)
def test_message_and_converted_suggestion(
    market: str, text: str, message: str, suggestion: str
) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.measurement"


def test_the_profile_measurement_system_wins() -> None:
    profile = {"formats": {"measurement": "us", "source": "Project style guide"}}
    texts, found = hits("de-DE", "Nur 5 miles und 10 km", **profile)
    assert texts == ["10 km"]
    assert found[0].evidence is not None
    assert found[0].evidence.source == "Project style guide"


@pytest.mark.parametrize(
    ("system", "languages"),
    [("imperial", ("de",)), ("imperial", ("es",)), ("metric", ("en",)), ("imperial", ("ja",))],
)
def test_the_quick_pattern_finds_every_text_with_a_measurement(
    system: str, languages: tuple[str, ...]
) -> None:
    """`find_measurements` looks at a text only if the quick pattern (a digit and a
    unit) matches it; any measurement must therefore match it too."""
    import random

    patterns = units._pattern(system, languages)
    symbols = sorted(patterns.units, key=len)
    pieces = [*symbols, "5", "12", "1.5", "2,5", "3'5", "1\u00a0000", " ", "\u00a0", "-", "–",
              "−", "x", "ö", ".", "’", "(", "/", "or"]  # fmt: skip
    rng = random.Random(system + "".join(languages))
    measured = 0
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        if patterns.measurement.search(text) is not None:
            measured += 1
            assert patterns.quick.search(text) is not None, text
    assert measured > 300
