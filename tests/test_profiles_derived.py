"""Locale facts from CLDR (babel) and public holidays (holidays)."""

from __future__ import annotations

import datetime as dt

import pytest

from culturelint.profiles.derived import (
    currency_symbol_variants,
    date_order,
    holiday_categories,
    hour_cycle,
    locale_facts,
    measurement_system,
    public_holidays,
)
from culturelint.profiles.model import ProfileError


@pytest.mark.parametrize(
    ("tag", "currency", "decimal", "group", "order", "cycle", "measurement"),
    [
        ("de-DE", "EUR", ",", ".", "DMY", "h23", "metric"),
        ("en-US", "USD", ".", ",", "MDY", "h12", "us"),
        ("ja-JP", "JPY", ".", ",", "YMD", "h23", "metric"),
        ("ar-SA", "SAR", ".", ",", "DMY", "h12", "metric"),
        ("hi-IN", "INR", ".", ",", "DMY", "h12", "metric"),
        ("fi-FI", "EUR", ",", "\u00a0", "DMY", "h23", "metric"),
        ("en-GB", "GBP", ".", ",", "DMY", "h23", "uk"),
    ],
)
def test_locale_facts(
    tag: str, currency: str, decimal: str, group: str, order: str, cycle: str, measurement: str
) -> None:
    facts = locale_facts(tag, {})
    assert facts.currencies[0] == currency
    assert (facts.decimal, facts.group) == (decimal, group)
    assert facts.date_order == order
    assert facts.hour_cycle == cycle
    assert facts.measurement == measurement


def test_german_details() -> None:
    facts = locale_facts("de-DE", {})
    assert facts.locale == "de_DE"
    assert facts.currency_symbols == {"EUR": "€"}
    assert facts.date_short == "dd.MM.yy"
    assert facts.first_day == 0
    assert facts.weekend == (5, 6)
    assert facts.direction == "ltr"
    assert facts.currency_format == "#,##0.00\u00a0¤"


def test_arabic_saudi_is_rtl_with_arabic_digits_and_friday_weekend() -> None:
    facts = locale_facts("ar-SA", {})
    assert facts.direction == "rtl"
    assert facts.numbering == "arab"
    assert facts.weekend == (4, 5)
    assert facts.first_day == 6


def test_hindi_india_groups_by_lakh() -> None:
    facts = locale_facts("hi-IN", {})
    assert facts.currency_format == "¤#,##,##0.00"
    assert facts.currency_symbols["INR"] == "₹"


def test_us_week_starts_on_sunday_and_time_is_12_hour() -> None:
    facts = locale_facts("en-US", {})
    assert facts.first_day == 6
    assert "h" in facts.time_short


def test_curated_formats_override_cldr() -> None:
    facts = locale_facts(
        "en-US", {"measurement": "metric", "hour_cycle": "h23", "currencies": ["EUR", "USD"]}
    )
    assert facts.measurement == "metric"
    assert facts.hour_cycle == "h23"
    assert facts.currencies == ("EUR", "USD")
    assert set(facts.currency_symbols) == {"EUR", "USD"}


def test_override_keys_that_are_not_facts_change_nothing() -> None:
    assert locale_facts("de-DE", {"note": "x", "source": "y"}) == locale_facts("de-DE", {})


def test_language_without_a_locale_for_the_territory_falls_back() -> None:
    facts = locale_facts("fr-JP", {})
    assert facts.locale == "fr"  # CLDR has no fr_JP: French formats ...
    assert facts.currencies == ("JPY",)  # ... the territory's currency ...
    assert facts.first_day == 6  # ... and the territory's week (Sunday first in Japan)
    assert facts.decimal == ","


def test_script_subtag_is_used() -> None:
    facts = locale_facts("zh-Hant-TW", {})
    assert facts.locale == "zh_Hant_TW"
    assert facts.currencies == ("TWD",)


@pytest.mark.parametrize("tag", ["japan", "ja", "ja-jp", "xx-JP"])
def test_bad_or_unknown_tags_raise_profile_error(tag: str) -> None:
    with pytest.raises(ProfileError):
        locale_facts(tag, {})


@pytest.mark.parametrize(
    ("pattern", "order"),
    [
        ("dd.MM.yy", "DMY"),
        ("M/d/yy", "MDY"),
        ("y/MM/dd", "YMD"),
        ("yy. M. d.", "YMD"),
        ("d 'de' MMMM 'de' y", "DMY"),  # quoted literals ignored
        ("HH:mm", ""),
    ],
)
def test_date_order(pattern: str, order: str) -> None:
    assert date_order(pattern) == order


@pytest.mark.parametrize(
    ("pattern", "cycle"),
    [
        ("h:mm a", "h12"),
        ("K:mm a", "h12"),
        ("HH:mm", "h23"),
        ("HH 'h' mm", "h23"),  # the 'h' is a literal (fr-CA), not an hour field
        ("Bh:mm", "h12"),
    ],
)
def test_hour_cycle(pattern: str, cycle: str) -> None:
    assert hour_cycle(pattern) == cycle


@pytest.mark.parametrize(
    ("territory", "system"),
    [
        ("US", "us"),
        ("LR", "us"),
        ("MM", "us"),
        ("GB", "uk"),
        ("gb", "uk"),
        ("DE", "metric"),
        ("CA", "metric"),
    ],
)
def test_measurement_system(territory: str, system: str) -> None:
    assert measurement_system(territory) == system


def test_currency_symbol_variants_include_the_plain_yen_sign() -> None:
    facts = locale_facts("ja-JP", {})
    assert currency_symbol_variants(facts, "JPY") == ("￥", "¥")


def test_currency_symbol_variants_without_a_compatibility_form() -> None:
    facts = locale_facts("de-DE", {})
    assert currency_symbol_variants(facts, "EUR") == ("€",)
    assert currency_symbol_variants(facts, "USD") == ()


# -- holidays --------------------------------------------------------------------------------


def test_japanese_holidays_2026_in_english() -> None:
    days = {h.date: h.name for h in public_holidays("JP", 2026, ())}
    assert days[dt.date(2026, 1, 12)] == "Coming of Age Day"
    assert days[dt.date(2026, 7, 20)] == "Marine Day"
    assert days[dt.date(2026, 11, 23)] == "Labor Thanksgiving Day"
    assert len(days) == 18


def test_holidays_are_sorted_and_tagged_with_their_category() -> None:
    found = public_holidays("US", 2026, ("public", "unofficial"))
    assert [h.date for h in found] == sorted(h.date for h in found)
    categories = {h.name: h.category for h in found}
    assert categories["Independence Day"] == "public"
    assert categories["Halloween"] == "unofficial"


def test_default_category_only_without_categories() -> None:
    names = {h.name for h in public_holidays("US", 2026, ())}
    assert "Independence Day" in names
    assert "Halloween" not in names


def test_several_names_on_one_day_are_split() -> None:
    names = {h.name for h in public_holidays("TH", 2026, ()) if h.date == dt.date(2026, 12, 5)}
    assert {"National Day", "National Father's Day"} <= names
    assert not any("; " in name for name in names)


def test_unsupported_country_has_no_holidays() -> None:
    assert public_holidays("XX", 2026, ()) == []


def test_unknown_category_is_ignored() -> None:
    assert public_holidays("JP", 2026, ("no-such-category",)) == public_holidays("JP", 2026, ())


def test_returned_list_is_a_copy() -> None:
    first = public_holidays("JP", 2026, ())
    first.clear()
    assert public_holidays("JP", 2026, ())


def test_holiday_categories() -> None:
    assert "optional" in holiday_categories("IL")
    assert holiday_categories("XX") == ()
