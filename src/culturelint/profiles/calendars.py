"""Dated occurrences, for one year, of the sensitive periods a profile curates.

A curated `calendar.sensitive` entry says *when* a period falls in one of four ways:
a holiday of the `holidays` package (`holiday:`), a fixed day (`fixed:`), a list of
announced dates (`dates:`) or a rule computed here (`computed:`). Lunar and lunisolar
periods (Ramadan, Yom HaShoah, Ghost Month) move every Gregorian year, so they are
computed rather than typed into profiles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from culturelint.profiles import derived
from culturelint.profiles.model import Profile, ProfileError, SensitiveDate

Period = tuple[dt.date, dt.date]  # first and last day, inclusive

ONE_DAY = dt.timedelta(days=1)


def sensitive_dates(profile: Profile, year: int) -> list[SensitiveDate]:
    """Every curated sensitive period of the profile that falls in `year`, by start date."""
    calendar = profile.section("calendar")
    holidays_cfg = calendar.get("holidays") or {}
    country = str(holidays_cfg.get("country") or profile.territory)
    found: list[SensitiveDate] = []
    for entry in calendar.get("sensitive") or []:
        key = f"calendar.sensitive.{entry.get('id')}"
        days = int(entry.get("days") or 1)
        for start, end in occurrences(
            entry.get("when") or {}, year, profile.territory, country, key
        ):
            end = max(end, start + dt.timedelta(days=days - 1))
            found.append(SensitiveDate(start, end, entry, key))
    return sorted(found, key=lambda s: (s.start, s.key))


def occurrences(
    when: dict[str, Any], year: int, territory: str, country: str, key: str = "when"
) -> list[Period]:
    """The periods a `when:` mapping describes in `year` (possibly none)."""
    if "holiday" in when:
        return _holiday_periods(str(when["holiday"]), country, year)
    if "fixed" in when:
        return _fixed(str(when["fixed"]), year, key)
    if "dates" in when:
        days = [_parse_date(value, key) for value in when["dates"] or []]
        return [(day, day) for day in sorted(days) if day.year == year]
    if "computed" in when:
        rule = COMPUTED.get(str(when["computed"]))
        if rule is None:
            known = ", ".join(sorted(COMPUTED))
            raise ProfileError(
                f"unknown computed date '{when['computed']}' (known: {known})", where=key
            )
        return rule(year, territory)
    raise ProfileError("'when' needs one of holiday, fixed, dates, computed", where=key)


# -- holiday, fixed and dated entries ------------------------------------------------------


def _holiday_periods(name: str, country: str, year: int) -> list[Period]:
    """Days whose holiday name contains `name`, consecutive days merged into one period.

    Every category the country has is searched: Israel's Remembrance Day, for one, is in
    the package's "optional" category, not in "public".
    """
    needle = name.casefold()
    categories = derived.holiday_categories(country)
    days = sorted(
        {
            h.date
            for h in derived.public_holidays(country, year, categories)
            if needle in h.name.casefold()
        }
    )
    periods: list[Period] = []
    for day in days:
        if periods and day - periods[-1][1] <= ONE_DAY:
            periods[-1] = (periods[-1][0], day)
        else:
            periods.append((day, day))
    return periods


def _fixed(month_day: str, year: int, key: str) -> list[Period]:
    try:
        month, day = (int(part) for part in month_day.split("-"))
        date = dt.date(year, month, day)
    except ValueError:
        if month_day == "02-29":  # a leap day has no occurrence in other years
            return []
        raise ProfileError(f"'{month_day}' is not a MM-DD day", where=key) from None
    return [(date, date)]


def _parse_date(value: Any, key: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ProfileError(f"'{value}' is not a YYYY-MM-DD date", where=key) from None


# -- computed periods ----------------------------------------------------------------------


def _ramadan(year: int, territory: str) -> list[Period]:
    """1 Ramadan to the last day of Ramadan, by the Umm al-Qura calendar (hijridate).

    Where the month begins on moon sighting the actual start can be a day later than the
    tabular one; hijridate covers 1343-1500 AH (1924-2077) and years outside give nothing.
    """
    from hijridate import Gregorian, Hijri

    try:
        first = Gregorian(year, 1, 1).to_hijri().year
        last = Gregorian(year, 12, 31).to_hijri().year
    except OverflowError:
        return []
    periods = []
    for hijri_year in range(first, last + 1):
        try:
            start = _as_date(Hijri(hijri_year, 9, 1).to_gregorian())
            end = _as_date(Hijri(hijri_year, 10, 1).to_gregorian()) - ONE_DAY
        except OverflowError:
            continue
        if start.year <= year <= end.year:
            periods.append((start, end))
    return periods


def _yom_hashoah(year: int, territory: str) -> list[Period]:
    """27 Nisan, moved off the Sabbath's edges as Israel's law has it since 1959.

    On a Friday it moves back to Thursday (26 Nisan), on a Sunday forward to Monday
    (28 Nisan). 27 Nisan is the 12th day after the first day of Passover (15 Nisan).
    """
    passover = _passover(year)
    if passover is None:
        return []
    day = passover + dt.timedelta(days=12)
    if day.weekday() == 4:  # Friday
        day -= ONE_DAY
    elif day.weekday() == 6:  # Sunday
        day += ONE_DAY
    return [(day, day)]


def _obon(year: int, territory: str) -> list[Period]:
    """13-16 August, the date most of Japan keeps (Tokyo and some regions keep 13-16 July)."""
    return [(dt.date(year, 8, 13), dt.date(year, 8, 16))]


def _lunar_new_year(year: int, territory: str) -> list[Period]:
    day = _lunisolar_holiday("lunar_new_year", year, territory)
    return [(day, day)] if day else []


def _qingming(year: int, territory: str) -> list[Period]:
    day = _lunisolar_holiday("qingming", year, territory)
    return [(day, day)] if day else []


def _ghost_month(year: int, territory: str) -> list[Period]:
    """The 7th month of the Chinese lunisolar calendar.

    Anchored on the package's Mid-Autumn date (15th day of the 8th month): the 7th month
    is the lunar month before the 8th, or the one before that when a leap 7th month (a
    month without a principal solar term) comes between. Some communities also keep the
    leap month; the regular month is what every calendar marks.
    """
    mid_autumn = _lunisolar_holiday("mid_autumn", year, territory)
    if mid_autumn is None:
        return []
    offset = _UTC_OFFSET_HOURS.get(territory, 8)
    eighth = mid_autumn - dt.timedelta(days=14)
    start = _new_moon_before(eighth, offset)
    end = eighth - ONE_DAY
    if not _has_principal_term(start, eighth, offset):
        end = start - ONE_DAY
        start = _new_moon_before(start, offset)
    return [(start, end)]


# Orthodox churches date Easter by the Julian computus; everyone else by the Gregorian.
_ORTHODOX_EASTER = frozenset(
    {"BG", "BY", "CY", "ER", "ET", "GE", "GR", "MD", "ME", "MK", "RO", "RS", "RU", "UA"}
)


def _easter_sunday(year: int, territory: str) -> dt.date:
    from dateutil import easter

    method = easter.EASTER_ORTHODOX if territory in _ORTHODOX_EASTER else easter.EASTER_WESTERN
    return easter.easter(year, method)


def _easter(year: int, territory: str) -> list[Period]:
    day = _easter_sunday(year, territory)
    return [(day, day)]


def _good_friday(year: int, territory: str) -> list[Period]:
    day = _easter_sunday(year, territory) - dt.timedelta(days=2)
    return [(day, day)]


def _holy_week(year: int, territory: str) -> list[Period]:
    """Palm Sunday to Easter Sunday."""
    easter = _easter_sunday(year, territory)
    return [(easter - dt.timedelta(days=7), easter)]


def _black_friday(year: int, territory: str) -> list[Period]:
    """The day after US Thanksgiving, the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return [(thursday + ONE_DAY, thursday + ONE_DAY)]


def _singles_day(year: int, territory: str) -> list[Period]:
    return [(dt.date(year, 11, 11), dt.date(year, 11, 11))]


def _first_advent(year: int) -> dt.date:
    """Four Sundays before Christmas: the Sunday from 27 November to 3 December."""
    christmas = dt.date(year, 12, 25)
    fourth = christmas - dt.timedelta(days=(christmas.weekday() + 1) % 7 or 7)
    return fourth - dt.timedelta(days=21)


def _totensonntag(year: int, territory: str) -> list[Period]:
    """The last Sunday of the church year, a week before the first Sunday of Advent."""
    day = _first_advent(year) - dt.timedelta(days=7)
    return [(day, day)]


def _volkstrauertag(year: int, territory: str) -> list[Period]:
    """Germany's day of national mourning, two Sundays before the first Sunday of Advent."""
    day = _first_advent(year) - dt.timedelta(days=14)
    return [(day, day)]


def _remembrance_sunday(year: int, territory: str) -> list[Period]:
    """The second Sunday of November (the Sunday nearest 11 November)."""
    first = dt.date(year, 11, 1)
    day = first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7)
    return [(day, day)]


def _dia_de_muertos(year: int, territory: str) -> list[Period]:
    return [(dt.date(year, 11, 1), dt.date(year, 11, 2))]


COMPUTED: dict[str, Callable[[int, str], list[Period]]] = {
    "ramadan": _ramadan,
    "yom-hashoah": _yom_hashoah,
    "obon": _obon,
    "ghost-month": _ghost_month,
    "lunar-new-year": _lunar_new_year,
    "qingming": _qingming,
    "easter": _easter,
    "good-friday": _good_friday,
    "holy-week": _holy_week,
    "black-friday": _black_friday,
    "singles-day": _singles_day,
    "totensonntag": _totensonntag,
    "volkstrauertag": _volkstrauertag,
    "remembrance-sunday": _remembrance_sunday,
    "dia-de-muertos": _dia_de_muertos,
}


def _as_date(value: dt.date) -> dt.date:
    return dt.date(value.year, value.month, value.day)


# -- private APIs of the holidays package --------------------------------------------------
# The holidays package keeps its lunisolar and Hebrew date tables in private classes.
# Every use of them is in the two functions below, checked against holidays 0.109. If a
# release renames them, these functions return None and the periods they feed are empty;
# the tests of this module then fail and say which one.

_LUNISOLAR_CALENDARS = {"KR": "KOREAN_CALENDAR", "VN": "VIETNAMESE_CALENDAR"}


def _lunisolar_holiday(name: str, year: int, territory: str) -> dt.date | None:
    """`name` is one of lunar_new_year, qingming, mid_autumn (methods `<name>_date`)."""
    try:
        from holidays.calendars import chinese

        lunisolar = chinese._ChineseLunisolar()
        calendar = getattr(chinese, _LUNISOLAR_CALENDARS.get(territory, "CHINESE_CALENDAR"))
        if name == "mid_autumn":  # no per-country variant in the package
            day, _estimated = lunisolar.mid_autumn_date(year)
        else:
            day, _estimated = getattr(lunisolar, f"{name}_date")(year, calendar)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return day


def _passover(year: int) -> dt.date | None:
    """First day of Passover (15 Nisan) in a Gregorian year."""
    try:
        from holidays.calendars.hebrew import _HebrewLunisolar

        return _HebrewLunisolar().passover_date(year)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None


# -- astronomy for lunar months ------------------------------------------------------------
# Chinese lunar months begin on the local day of the new moon; a leap month is one that
# contains no principal solar term (a solar longitude that is a multiple of 30 degrees).
# The formulas are from J. Meeus, *Astronomical Algorithms*, 2nd ed. (1998): new moons
# from chapter 49 (error well under a minute), the Sun's longitude from chapter 25
# (about 0.01 degree, i.e. some 15 minutes of time). Day boundaries that close are rare.

_UTC_OFFSET_HOURS = {"CN": 8, "HK": 8, "MO": 8, "TW": 8, "SG": 8, "MY": 8, "KR": 9, "VN": 7}
_J2000_MIDNIGHT = 2451544.5  # Julian day of 2000-01-01 00:00 UT
_EPOCH = dt.date(2000, 1, 1)
_SYNODIC_MONTH = 29.530588861


def _delta_t_days(year: float) -> float:
    """TT minus UT (Espenak & Meeus polynomial for 2005-2050, fine to a minute nearby)."""
    t = year - 2000
    return (62.92 + 0.32217 * t + 0.005589 * t * t) / 86400


def _new_moon_jde(k: int) -> float:
    """Julian Ephemeris Day of lunation k (k = 0 is the new moon of 6 January 2000)."""
    t = k / 1236.85
    jde = (
        2451550.09766
        + _SYNODIC_MONTH * k
        + 0.00015437 * t**2
        - 0.000000150 * t**3
        + 0.00000000073 * t**4
    )
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    m = math.radians(2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3)
    mp = math.radians(
        201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3 - 0.000000058 * t**4
    )
    f = math.radians(
        160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3 + 0.000000011 * t**4
    )
    om = math.radians(124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3)
    sin = math.sin
    jde += (
        -0.40720 * sin(mp)
        + 0.17241 * e * sin(m)
        + 0.01608 * sin(2 * mp)
        + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m)
        - 0.00514 * e * sin(mp + m)
        + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f)
        - 0.00057 * sin(mp + 2 * f)
        + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp)
        + 0.00042 * e * sin(m + 2 * f)
        + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m)
        - 0.00017 * sin(om)
        - 0.00007 * sin(mp + 2 * m)
        + 0.00004 * sin(2 * mp - 2 * f)
        + 0.00004 * sin(3 * m)
        + 0.00003 * sin(mp + m - 2 * f)
        + 0.00003 * sin(2 * mp + 2 * f)
        - 0.00003 * sin(mp + m + 2 * f)
        + 0.00003 * sin(mp - m + 2 * f)
        - 0.00002 * sin(mp - m - 2 * f)
        - 0.00002 * sin(3 * mp + m)
        + 0.00002 * sin(4 * mp)
    )
    planetary = (
        (0.000325, 299.77, 0.107408),
        (0.000165, 251.88, 0.016321),
        (0.000164, 251.83, 26.651886),
        (0.000126, 349.42, 36.412478),
        (0.000110, 84.66, 18.206239),
        (0.000062, 141.74, 53.303771),
        (0.000060, 207.14, 2.453732),
        (0.000056, 154.84, 7.306860),
        (0.000047, 34.52, 27.261239),
        (0.000042, 207.19, 0.121824),
        (0.000040, 291.34, 1.844379),
        (0.000037, 161.72, 24.198154),
        (0.000035, 239.56, 25.513099),
        (0.000023, 331.55, 3.592518),
    )
    for i, (coefficient, base, rate) in enumerate(planetary):
        argument = base + rate * k - (0.009173 * t * t if i == 0 else 0.0)
        jde += coefficient * sin(math.radians(argument))
    return jde


def _local_date(jde: float, offset_hours: int) -> dt.date:
    jd_ut = jde - _delta_t_days(2000 + (jde - _J2000_MIDNIGHT) / 365.25)
    local = jd_ut + offset_hours / 24
    return _EPOCH + dt.timedelta(days=math.floor(local - _J2000_MIDNIGHT))


def _new_moon_before(day: dt.date, offset_hours: int) -> dt.date:
    """The local date of the last new moon before `day` (the start of the previous month)."""
    k = math.floor(((day - _EPOCH).days + _J2000_MIDNIGHT - 2451550.09766) / _SYNODIC_MONTH)
    dates = [_local_date(_new_moon_jde(i), offset_hours) for i in range(k - 1, k + 2)]
    return max(d for d in dates if d < day)


def _sun_longitude(day: dt.date, offset_hours: int) -> float:
    """Apparent solar longitude in degrees at local midnight starting `day`."""
    jd_ut = _J2000_MIDNIGHT + (day - _EPOCH).days - offset_hours / 24
    jde = jd_ut + _delta_t_days(day.year)
    t = (jde - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000289 * math.sin(3 * m)
    )
    omega = math.radians(125.04 - 1934.136 * t)
    return (l0 + centre - 0.00569 - 0.00478 * math.sin(omega)) % 360


def _has_principal_term(start: dt.date, next_start: dt.date, offset_hours: int) -> bool:
    """Whether the month from `start` to the day before `next_start` has a principal term."""
    before = _sun_longitude(start, offset_hours) // 30
    after = _sun_longitude(next_start, offset_hours) // 30
    return before != after
