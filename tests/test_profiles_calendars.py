"""Sensitive periods dated for a year: holidays, fixed days, dated lists, computed rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from culturelint.profiles import calendars
from culturelint.profiles.model import Profile, ProfileError

D = dt.date


def profile_with(
    tag: str, when: dict[str, Any], days: int | None = None, **calendar: Any
) -> Profile:
    entry: dict[str, Any] = {
        "id": "period",
        "name": "Period",
        "kind": "religious",
        "when": when,
        "advice": "Test advice",
        "source": "Test source",
        "confidence": "high",
    }
    if days:
        entry["days"] = days
    data = {"market": tag, "name": tag, "calendar": {"sensitive": [entry], **calendar}}
    return Profile(tag=tag, name=tag, data=data, curated=True)


def periods(
    tag: str, when: dict[str, Any], year: int, days: int | None = None, **calendar: Any
) -> list[tuple[dt.date, dt.date]]:
    found = profile_with(tag, when, days, **calendar).sensitive_dates(year)
    return [(s.start, s.end) for s in found]


@pytest.mark.parametrize(
    ("name", "tag", "year", "expected"),
    [
        ("easter", "de-DE", 2026, (D(2026, 4, 5), D(2026, 4, 5))),
        ("easter", "ru-RU", 2026, (D(2026, 4, 12), D(2026, 4, 12))),  # Orthodox computus
        ("good-friday", "de-DE", 2026, (D(2026, 4, 3), D(2026, 4, 3))),
        ("holy-week", "es-ES", 2026, (D(2026, 3, 29), D(2026, 4, 5))),
        ("totensonntag", "de-DE", 2026, (D(2026, 11, 22), D(2026, 11, 22))),
        ("totensonntag", "de-DE", 2027, (D(2027, 11, 21), D(2027, 11, 21))),
        ("volkstrauertag", "de-DE", 2026, (D(2026, 11, 15), D(2026, 11, 15))),
        ("black-friday", "en-US", 2026, (D(2026, 11, 27), D(2026, 11, 27))),
        ("black-friday", "en-US", 2025, (D(2025, 11, 28), D(2025, 11, 28))),
        ("remembrance-sunday", "en-GB", 2026, (D(2026, 11, 8), D(2026, 11, 8))),
        ("remembrance-sunday", "en-GB", 2025, (D(2025, 11, 9), D(2025, 11, 9))),
        ("singles-day", "zh-CN", 2026, (D(2026, 11, 11), D(2026, 11, 11))),
        ("dia-de-muertos", "es-MX", 2026, (D(2026, 11, 1), D(2026, 11, 2))),
        ("obon", "ja-JP", 2026, (D(2026, 8, 13), D(2026, 8, 16))),
        ("lunar-new-year", "zh-CN", 2026, (D(2026, 2, 17), D(2026, 2, 17))),
        ("qingming", "zh-CN", 2026, (D(2026, 4, 5), D(2026, 4, 5))),
        ("qingming", "zh-CN", 2025, (D(2025, 4, 4), D(2025, 4, 4))),
        # Yom HaShoah: 27 Nisan (2026, a Tuesday); on a Friday back to Thursday (2025);
        # on a Sunday on to Monday (2024).
        ("yom-hashoah", "he-IL", 2026, (D(2026, 4, 14), D(2026, 4, 14))),
        ("yom-hashoah", "he-IL", 2025, (D(2025, 4, 24), D(2025, 4, 24))),
        ("yom-hashoah", "he-IL", 2024, (D(2024, 5, 6), D(2024, 5, 6))),
        # Ghost Month: 7th lunar month; 2006 had a leap 7th month after the regular one.
        ("ghost-month", "zh-CN", 2026, (D(2026, 8, 13), D(2026, 9, 10))),
        ("ghost-month", "zh-CN", 2025, (D(2025, 8, 23), D(2025, 9, 21))),
        ("ghost-month", "zh-CN", 2023, (D(2023, 8, 16), D(2023, 9, 14))),
        ("ghost-month", "zh-CN", 2006, (D(2006, 7, 25), D(2006, 8, 23))),
    ],
)
def test_computed_dates(name: str, tag: str, year: int, expected: tuple[dt.date, dt.date]) -> None:
    assert periods(tag, {"computed": name}, year) == [expected]


def test_ramadan_2026() -> None:
    [(start, end)] = periods("ar-SA", {"computed": "ramadan"}, 2026)
    assert start in (D(2026, 2, 18), D(2026, 2, 19))
    assert end in (D(2026, 3, 18), D(2026, 3, 19))
    assert (end - start).days + 1 in (29, 30)


def test_ramadan_can_fall_twice_in_one_gregorian_year() -> None:
    found = periods("ar-SA", {"computed": "ramadan"}, 2030)
    assert [start for start, _ in found] == [D(2030, 1, 5), D(2030, 12, 26)]
    assert found[1][1].year == 2031  # the December Ramadan runs into the next year


def test_ramadan_outside_the_umm_al_qura_tables_has_no_dates() -> None:
    assert periods("ar-SA", {"computed": "ramadan"}, 2090) == []


def test_eid_al_fitr_2026_from_saudi_holidays() -> None:
    [(start, _end)] = periods("ar-SA", {"holiday": "Eid al-Fitr"}, 2026)
    assert start in (D(2026, 3, 19), D(2026, 3, 20))


def test_yom_kippur_2026_from_israeli_holidays() -> None:
    assert periods("he-IL", {"holiday": "Yom Kippur"}, 2026) == [(D(2026, 9, 21), D(2026, 9, 21))]


def test_holiday_names_are_searched_in_every_category() -> None:
    # Yom HaZikaron ("Remembrance Day") is in the package's optional category for IL.
    assert periods("he-IL", {"holiday": "remembrance day"}, 2026) == [
        (D(2026, 4, 21), D(2026, 4, 21))
    ]


def test_holiday_country_can_differ_from_the_territory() -> None:
    when = {"holiday": "Yom Kippur"}
    assert periods("en-US", when, 2026) == []
    assert periods("en-US", when, 2026, holidays={"country": "IL"}) == [
        (D(2026, 9, 21), D(2026, 9, 21))
    ]


def test_holiday_that_does_not_exist_has_no_dates() -> None:
    assert periods("ja-JP", {"holiday": "Obon"}, 2026) == []


def test_unsupported_holiday_country_has_no_dates() -> None:
    assert periods("en-US", {"holiday": "Christmas"}, 2026, holidays={"country": "XX"}) == []


def test_consecutive_holiday_days_form_one_period() -> None:
    [(start, end)] = periods("zh-CN", {"holiday": "Spring Festival"}, 2026)
    assert start <= D(2026, 2, 17) <= end
    assert (end - start).days >= 2


@pytest.mark.parametrize(
    ("fixed", "year", "expected"),
    [
        ("05-04", 2026, [(D(2026, 5, 4), D(2026, 5, 4))]),
        ("02-29", 2028, [(D(2028, 2, 29), D(2028, 2, 29))]),
        ("02-29", 2026, []),
    ],
)
def test_fixed_days(fixed: str, year: int, expected: list[tuple[dt.date, dt.date]]) -> None:
    assert periods("nl-NL", {"fixed": fixed}, year) == expected


def test_invalid_fixed_day_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match=r"calendar\.sensitive\.period"):
        periods("nl-NL", {"fixed": "13-40"}, 2026)


def test_dated_list_keeps_only_the_year() -> None:
    when = {"dates": ["2026-10-01", "2027-10-01", "2026-04-04"]}
    assert periods("th-TH", when, 2026) == [
        (D(2026, 4, 4), D(2026, 4, 4)),
        (D(2026, 10, 1), D(2026, 10, 1)),
    ]
    assert periods("th-TH", when, 2028) == []


def test_days_lengthens_a_one_day_occurrence() -> None:
    assert periods("th-TH", {"dates": ["2026-10-13"]}, 2026, days=7) == [
        (D(2026, 10, 13), D(2026, 10, 19))
    ]


def test_days_never_shortens_a_computed_period() -> None:
    assert periods("ja-JP", {"computed": "obon"}, 2026, days=1) == [
        (D(2026, 8, 13), D(2026, 8, 16))
    ]


def test_sensitive_dates_carry_entry_and_key_sorted_by_start() -> None:
    profile = profile_with("de-DE", {"computed": "totensonntag"})
    profile.data["calendar"]["sensitive"].append(
        {
            **profile.data["calendar"]["sensitive"][0],
            "id": "good-friday",
            "when": {"computed": "good-friday"},
        }
    )
    found = profile.sensitive_dates(2026)
    assert [s.key for s in found] == [
        "calendar.sensitive.good-friday",
        "calendar.sensitive.period",
    ]
    assert found[0].entry["id"] == "good-friday"


def test_profile_without_sensitive_entries_has_none() -> None:
    profile = Profile(tag="fi-FI", name="Finland", data={"market": "fi-FI", "name": "Finland"})
    assert profile.sensitive_dates(2026) == []


def test_unknown_computed_name_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="unknown computed date 'diwali'"):
        periods("hi-IN", {"computed": "diwali"}, 2026)


def test_new_moon_matches_the_worked_example_of_the_algorithm() -> None:
    # Meeus, Astronomical Algorithms, example 49.a: new moon of February 1977,
    # JDE 2443192.65118.
    assert calendars._new_moon_jde(-283) == pytest.approx(2443192.65118, abs=1e-4)


def test_new_moons_agree_with_the_lunisolar_tables_1901_to_2099() -> None:
    # Lunar New Year and the 1st of the 8th month (Mid-Autumn minus 14 days) begin lunar
    # months, so each must be the local date of a new moon computed here.
    mismatches = []
    for year in range(1901, 2100):
        lunar_new_year = calendars._lunisolar_holiday("lunar_new_year", year, "CN")
        mid_autumn = calendars._lunisolar_holiday("mid_autumn", year, "CN")
        assert lunar_new_year is not None and mid_autumn is not None
        for month_start in (lunar_new_year, mid_autumn - dt.timedelta(days=14)):
            if calendars._new_moon_before(month_start + dt.timedelta(days=1), 8) != month_start:
                mismatches.append(month_start)
    assert mismatches == []


@pytest.mark.parametrize("year", [1919, 1938, 1949, 1968, 2006, 2044])
def test_leap_seventh_months_are_recognised(year: int) -> None:
    [(start, end)] = periods("zh-CN", {"computed": "ghost-month"}, year)
    mid_autumn = calendars._lunisolar_holiday("mid_autumn", year, "CN")
    assert mid_autumn is not None
    # The regular 7th month ends a whole (leap) month before the 8th begins.
    assert (mid_autumn - dt.timedelta(days=14) - end).days > 28
    assert 29 <= (end - start).days + 1 <= 30
