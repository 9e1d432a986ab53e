"""Helpers the built-in checks share: numbers, masking, sentences, scripts, prices."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.checks._util import (
    first_sentence,
    iter_numbers,
    mask_non_copy,
    money_finder,
    script_of,
    trimmed,
)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1,994円", [("1,994", "1994", "")]),
        ("14,99 €", [("14,99", "14", "99")]),
        ("$1,234,567.89", [("1,234,567.89", "1234567", "89")]),
        ("1.234,56 €", [("1.234,56", "1234", "56")]),
        ("1\u202f234,56 €", [("1\u202f234,56", "1234", "56")]),
        ("４個", [("４", "4", "")]),
        ("3.14159", [("3.14159", "3", "14159")]),
        ("2024-04-04", [("2024", "2024", ""), ("04", "04", ""), ("04", "04", "")]),
        ("room 12 345", [("12", "12", ""), ("345", "345", "")]),  # a space never groups
        ("I bought 4, then 5.", [("4", "4", ""), ("5", "5", "")]),
    ],
)
def test_iter_numbers(text: str, numbers: list[tuple[str, str, str]]) -> None:
    found = [(text[n.start : n.end], n.integer, n.fraction) for n in iter_numbers(text)]
    assert found == numbers


# The number pattern as first written, with its look-behind in front.
_PLAIN_NUMBER = re.compile(r"(?<!\d)\d+(?:[,.'’\u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)?(?!\d)")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789٣４,.'’\u00a0\u202f a-", max_size=24))
def test_iter_numbers_finds_what_the_plain_pattern_finds(text: str) -> None:
    """The shipped pattern starts with a digit so that `re` can skip ahead; it must
    find exactly the numbers the plain "(?<!\\d)\\d+" form finds."""
    found = [(n.start, n.end) for n in iter_numbers(text)]
    assert found == [m.span() for m in _PLAIN_NUMBER.finditer(text)]


ICU = "{n, plural, one {# item} other {# items}}"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Hallo {name}!", "Hallo       !"),
        ("Noch { $count } Tage", "Noch            Tage"),
        (f"{ICU} left", " " * len(ICU) + " left"),
        ("Hello %s and %1$d", "Hello    and     "),
        ("Save 40% today", "Save 40% today"),  # a percentage, not a placeholder
        ("See https://example.com/a?b=4 now", "See " + " " * 25 + " now"),
        ("Mail sales@example.co.jp today", "Mail " + " " * 19 + " today"),
    ],
)
def test_mask_non_copy_keeps_offsets(text: str, masked: str) -> None:
    assert mask_non_copy(text) == masked
    assert len(mask_non_copy(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("White is for mourning. It is also for brides.", "White is for mourning."),
        ("Used e.g. in gifts. More.", "Used e.g. in gifts."),
        ("The No. 1 claim. More.", "The No. 1 claim."),
        ("白は喪の色です。赤は祝いの色です。", "白は喪の色です。"),
        ("One line\n  folded over.", "One line folded over."),
        ("", ""),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latin"),
        ("ß", "Latin"),
        ("白", "Han"),
        ("し", "Kana"),
        ("ー", "Kana"),
        ("한", "Hangul"),
        ("ש", "Hebrew"),
        ("ع", "Arabic"),
        ("д", "Cyrillic"),
        ("ก", "Thai"),
    ],
)
def test_script_of(char: str, script: str) -> None:
    assert script_of(char) == script


def test_script_counts_count_each_letter_by_its_script() -> None:
    """`script_counts` reads a text through a translate table; it must count as
    `script_of` on each letter does, scripts in the order they first appear."""
    import random
    from collections import Counter

    from culturelint.checks._util import script_counts

    alphabet = "aZß é白しー한שعдกअ１Ａ4 .,\u0301\u200b·ªº" + "".join(
        map(chr, range(0x2000, 0x2100))
    )
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 40)))
        expected = Counter(map(script_of, filter(str.isalpha, text)))
        counted = script_counts(text)
        assert counted == expected and list(counted) == list(expected), text
    assert script_counts("Save 20%") == Counter({"Latin": 4})
    assert script_counts("今すぐ Save") == Counter({"Han": 1, "Kana": 2, "Latin": 4})


def test_trimmed() -> None:
    assert trimmed("  abc \n") == (2, 5)
    assert trimmed("   ") == (0, 0)


@pytest.mark.parametrize(
    ("text", "price", "marker"),
    [
        ("Nur $14.99 heute", "$14.99", "$"),
        ("14,99\u00a0€ pro Monat", "14,99\u00a0€", "€"),
        ("Preis 1,994円（税込）", "1,994円", "円"),
        ("US$ 5", "US$ 5", "US$"),
        ("HK$20", "HK$20", "HK$"),
        ("RMB 44", "RMB 44", "RMB"),
        ("100 ر.س.", "100 ر.س", "ر.س"),
        ("20 USD", "20 USD", "USD"),
    ],
)
def test_money_finder(text: str, price: str, marker: str) -> None:
    (money,) = money_finder("de_DE").find(text)
    assert text[money.start : money.end] == price
    assert text[money.marker_start : money.marker_end] == marker == money.marker


@pytest.mark.parametrize(
    "text",
    ["TOP 10", "ABC$20", "20 kreative Ideen", "EURO 2024", "USB 3", "Preise in €", "20 USDT"],
)
def test_money_finder_near_misses(text: str) -> None:
    assert money_finder("de_DE").find(text) == []


def test_money_finder_answers_again_with_the_number_asked_about() -> None:
    """`at` remembers the marker around a span; the amount is always the caller's."""
    from culturelint.checks._util import NumberToken, money_finder

    finder = money_finder("de_DE")
    text = "Nur 14,99 € heute, dann 20 USD"
    first = finder.at(text, NumberToken(4, 9, "14", "99"))
    again = finder.at(text, NumberToken(4, 9, "", ""))
    assert first is not None and again is not None
    assert first.amount == NumberToken(4, 9, "14", "99")
    assert again.amount == NumberToken(4, 9, "", "")
    assert first._replace(amount=None) == again._replace(amount=None)
    assert (first.start, first.end, first.marker, first.codes) == (4, 11, "€", frozenset({"EUR"}))
    usd = finder.at(text, NumberToken(24, 26, "20", ""))
    assert usd is not None and (usd.marker, usd.end) == ("USD", len(text))
    assert finder.at(text, NumberToken(24, 25, "2", "")) is None  # another span, no marker
    assert finder.at("heute 14,99", NumberToken(6, 11, "14", "99")) is None


# -- currency markers: looked up, not searched -------------------------------------------


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "ja_JP", "zh_CN", "ar_SA", "sv_SE"])
def test_marker_lookups_agree_with_the_patterns(locale: str) -> None:
    """Random text around numbers, from an alphabet of marker characters, letters
    (fenced and not), digits, gaps and newlines: the lookups find exactly what the
    regular expressions of every marker find."""
    import random

    from culturelint.checks._util import money_finder

    finder = money_finder(locale)
    before, after = finder.before_pattern(), finder.after_pattern()
    markers = [m for m in finder._before_order] + [m for m in finder._after_order]
    pieces = [*markers, *"USDEURkrA zé×\n\u00a0\u202f1.$¥円元", "SEK", "US$", "RMB"]
    rng = random.Random(locale)
    checked = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        hi = rng.randint(0, len(text))
        lo = max(0, hi - rng.randint(0, 16))
        want = before.search(text, lo, hi)
        assert finder.marker_before(text, lo, hi) == (want.span() if want else None), (
            text,
            lo,
            hi,
        )
        pos = rng.randint(0, len(text))
        want = after.match(text, pos)
        assert finder.marker_after(text, pos) == (want.span() if want else None), (text, pos)
        checked += want is not None
    assert checked > 100  # the alphabet makes markers common enough to test both paths


def test_ascii_digits_reads_digits_of_every_script() -> None:
    """`ascii_digits` maps through a translate table; it must give what reading each
    character with `unicodedata.digit` gives, for every character."""
    import sys
    import unicodedata

    from culturelint.checks._util import ascii_digits

    # Every digit of Unicode, and the other characters of the first blocks (not all of
    # them: the table keeps each character it has seen).
    digits = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isdigit()]
    every = "".join(digits) + "".join(map(chr, range(0x3100)))
    expected = "".join(str(unicodedata.digit(c)) for c in every if c.isdigit())
    assert ascii_digits(every) == expected
    assert ascii_digits("1.234,56") == "123456"
    assert ascii_digits("４２") == "42"
    assert ascii_digits("٣٠") == "30"
