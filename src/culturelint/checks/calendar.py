"""CL401-CL403: campaigns and the market's calendar.

- CL401 sensitive-date: a campaign window, or a date written in the copy, that falls
  on a period the market profile lists as sensitive (Qingming, Volkstrauertag, 9/11,
  Ramadan as a season to plan for ...). Public holidays as such are not flagged: a sale
  on a public holiday is normal; only the periods a profile curates count.
- CL402 holiday-not-kept: copy that names a holiday the market does not keep
  ("Thanksgiving sale" in Germany, "Boxing Day" in the US).
- CL403 wrong-hemisphere-season: a season word that contradicts the campaign window in
  the market's hemisphere ("winter collection" in a December campaign for Brazil).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.checks.dates import (
    Campaign,
    CampaignError,
    campaign_line,
    campaign_of,
    date_finder,
)
from culturelint.document import Document
from culturelint.finding import Evidence, Hit, Severity
from culturelint.matching import matcher_for
from culturelint.profiles.model import Profile, SensitiveDate
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# -- CL401 sensitive-date -------------------------------------------------------------------


def run_sensitive(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    campaign = campaign_of(doc)  # raises CampaignError: reported once, by this rule
    periods = _PeriodCache(profile)
    if campaign is not None:
        yield from _window_hits(doc, profile, campaign, periods)
    yield from _copy_hits(doc, ctx, campaign, periods)


class _PeriodCache:
    """A profile's sensitive periods by year, computed once per file."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._years: dict[int, list[SensitiveDate]] = {}

    def year(self, year: int) -> list[SensitiveDate]:
        if year not in self._years:
            self._years[year] = self.profile.sensitive_dates(year)
        return self._years[year]

    def overlapping(self, start: dt.date, end: dt.date) -> list[SensitiveDate]:
        """Periods that share a day with [start, end]; a period that began the year
        before (a Ramadan starting in December) counts too."""
        found: dict[tuple[str, dt.date], SensitiveDate] = {}
        for year in range(start.year - 1, end.year + 1):
            for period in self.year(year):
                if period.start <= end and start <= period.end:
                    found.setdefault((period.key, period.start), period)
        return sorted(found.values(), key=lambda p: (p.start, p.key))


def _window_hits(
    doc: Document, profile: Profile, campaign: Campaign, periods: _PeriodCache
) -> Iterator[Hit]:
    start, end = campaign_line(doc, campaign.key)
    for period in periods.overlapping(campaign.start, campaign.end):
        yield Hit(
            start,
            end,
            f"The campaign ({campaign.label()}) overlaps {_occasion(period)}: "
            f"{_advice(period.entry)}",
            suggestion=_plan(period),
            evidence=profile.evidence(period.key, period.entry),
            severity=profile.severity_for(period.entry, Severity.WARNING),
        )


def _copy_hits(
    doc: Document, ctx: CheckContext, campaign: Campaign | None, periods: _PeriodCache
) -> Iterator[Hit]:
    profile = ctx.profile
    finders = [date_finder(locale) for locale in market_locales(profile)]
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        text = mask_non_copy(segment.text)
        taken: list[tuple[int, int]] = []  # a date another locale's finder also read
        for finder in finders:
            for found in finder.find(text, window=campaign, year=ctx.year):
                if any(s < found.end and found.start < e for s, e in taken):
                    continue
                taken.append((found.start, found.end))
                for period in periods.overlapping(found.date, found.date):
                    written = segment.text[found.start : found.end]
                    yield segment_hit(
                        segment,
                        found.start,
                        found.end,
                        f"'{written}' ({found.date.isoformat()}) falls on "
                        f"{_occasion(period)}: {_advice(period.entry)}",
                        suggestion=_plan(period),
                        evidence=profile.evidence(period.key, period.entry),
                        severity=profile.severity_for(period.entry, Severity.WARNING),
                    )


def market_locales(profile: Profile) -> list[str]:
    """Babel locales whose date formats copy for the market is written in: the market's
    own, then each further language of the profile in the market's territory (or on its
    own when CLDR has no such locale)."""
    from babel import Locale, UnknownLocaleError

    locales = [profile.locale.locale]
    for language in profile.languages[1:]:
        for identifier in (f"{language}_{profile.territory}", language):
            try:
                Locale.parse(identifier)
            except (UnknownLocaleError, ValueError):
                continue
            if identifier not in locales:
                locales.append(identifier)
            break
    return locales


def _occasion(period: SensitiveDate) -> str:
    name = str(period.entry.get("name") or period.key)
    if period.start == period.end:
        when = period.start.isoformat()
    else:
        when = f"{period.start.isoformat()} to {period.end.isoformat()}"
    kind = period.entry.get("kind")
    return f"{name} ({when}{', ' + str(kind) if kind else ''})"


def _advice(entry: dict[str, Any]) -> str:
    return " ".join(str(entry.get("advice") or "no advice recorded").split())


def _plan(period: SensitiveDate) -> str:
    return (
        f"Check the campaign's timing and tone for {period.start.isoformat()}"
        + (f" to {period.end.isoformat()}" if period.end != period.start else "")
        + " against the advice, or move it"
    )


SENSITIVE = Check(
    code="CL401",
    name="sensitive-date",
    category="calendar",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a campaign that runs on, or copy that names a date on, a period the "
            "market profile lists as sensitive (`calendar.sensitive`: days of mourning "
            "and remembrance, religious and fasting periods, dates with a history). "
            "Periods are computed for each year the campaign touches: Qingming, "
            "Ramadan, Obon, Volkstrauertag and the like move every year.\n\n"
            "The campaign window comes from front matter: `campaign: {start: "
            "2026-04-03, end: 2026-04-06}` (YAML dates or ISO strings; `end` defaults "
            "to `start`; an ISO interval `2026-04-03/2026-04-06` works too) or a single "
            "`date:`. That finding points at the `campaign:` line. A value that is not "
            "a date is reported as an error of the file.\n\n"
            "Dates in the copy are found in the market's own formats from CLDR: ISO "
            "2026-04-05; de 5.4.2026 and 5. April 2026; en-US April 5, 2026 and "
            "4/5/2026; ja and zh 2026年4月5日; fr 5 avril 2026; and year-less dates "
            "with a month name or 月 (5. April, April 5, 4月5日), which take the "
            "year that puts them in the campaign window, else the campaign's or the "
            "current year. A token is a date only when its fields make a real day in "
            "the market's order (13/5/2026 is no date in en-US); numeric dates need a "
            "year, and version numbers (v4.5.2026, Version 4.5.2026) and times are not "
            "dates.\n\n"
            "Public holidays are not flagged as such (a sale on a public holiday is "
            "normal), only the periods the profile lists, with their advice. Severity: "
            "the entry's own, else info for low-confidence entries, else warning."
        ),
        why=(
            "A festive launch on a day of mourning reads as disrespect: in 2016 a US "
            'mattress store\'s 9/11 "Twin Towers" sale video closed the store; on '
            "China's national mourning day of 4 April 2020 (Qingming) games and "
            "streaming went offline and sites turned grey. Campaign calendars are "
            "usually planned in the source market, whose calendar has none of these "
            "dates."
        ),
        example=(
            "---\nmarket: zh-CN\ncampaign: {start: 2026-04-03, end: 2026-04-06}\n---\n"
            "4月5日全场狂欢大促！"
        ),
        good_example=(
            "---\nmarket: zh-CN\ncampaign: {start: 2026-04-08, end: 2026-04-12}\n---\n"
            "4月8日起新品上市"
        ),
        fix=(
            "Move the campaign or the named date, or keep the copy for those days in "
            "line with the advice in the message (a season to plan for, like Ramadan, "
            "needs adapted copy, not avoidance). Suppress the finding when the date has "
            "been reviewed."
        ),
        sources=(
            "The profile entry's own sources (shown by `culturelint explain CL401 --market TAG`)",
            "Unicode CLDR date formats and month names, via Babel",
            "python-holidays, https://holidays.readthedocs.io/",
        ),
    ),
    run=run_sensitive,
    applies=lambda profile: bool(profile.section("calendar").get("sensitive")),
    markets_label="markets whose profile lists sensitive periods",
)


# -- CL402 holiday-not-kept -------------------------------------------------------------------

_HYPHEN = compile_cached(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def words_of(text: str) -> str:
    """Segment text as words to match, offsets unchanged: links and placeholders
    blanked, and hyphens inside compounds made spaces, so that the "Thanksgiving" of
    "Thanksgiving-Sale" and the "Sommer" of "Sommer-Kollektion" are words of their own
    (a tokenizer keeps such compounds whole)."""
    masked = mask_non_copy(text)
    return _HYPHEN.sub(" ", masked) if "-" in masked else masked


def run_not_kept(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    for index, entry in enumerate(profile.section("calendar").get("not_kept") or []):
        key = f"calendar.not_kept.{entry.get('id', index)}"
        name = str(entry.get("name") or entry.get("id"))
        equivalent = entry.get("equivalent")
        suggestion = f"Use the local occasion instead: {equivalent}" if equivalent else None
        evidence = profile.evidence(key, entry)
        severity = profile.severity_for(entry, Severity.WARNING)
        for language, terms in profile.terms(entry.get("terms")).items():
            matcher = matcher_for(language, terms)
            for segment in doc.segments:
                for match in matcher.find(words_of(segment.text)):
                    found = segment.text[match.start : match.end]
                    yield segment_hit(
                        segment,
                        match.start,
                        match.end,
                        f"'{found}' names {name}, which the {profile.tag} market does not keep: "
                        "copy built around it reads as imported",
                        suggestion=suggestion,
                        evidence=evidence,
                        severity=severity,
                    )


NOT_KEPT = Check(
    code="CL402",
    name="holiday-not-kept",
    category="calendar",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags copy that names a holiday the market does not keep, from the "
            "profile's `calendar.not_kept` entries (terms matched on lemmas, by "
            "characters in Chinese and Japanese), with the local equivalent as the "
            "suggestion when there is one. Holidays the market has adopted (Black "
            "Friday in Germany and the UK) are not listed and not flagged."
        ),
        why=(
            'A "Thanksgiving sale" in Germany or a "Fourth of July" offer in the UK '
            "tells the reader the campaign was made for someone else. Whether a day is "
            "kept is a matter of record: the national holiday calendars (python-"
            "holidays) show that Germany has no Thanksgiving and the US no Boxing Day."
        ),
        example="# market: de-DE\nUnser großer Thanksgiving-Sale: 30 % auf alles!",
        good_example="# market: de-DE\nUnser großer Herbst-Sale: 30 % auf alles!",
        fix=(
            "Name a local occasion (the suggestion gives one where the profile has it) "
            "or none: a sale needs no foreign holiday."
        ),
        sources=(
            "python-holidays, national holiday calendars, https://holidays.readthedocs.io/",
            "The profile entry's own sources (shown by `culturelint explain CL402 --market TAG`)",
        ),
    ),
    run=run_not_kept,
    applies=lambda profile: bool(profile.section("calendar").get("not_kept")),
    markets_label="markets whose profile lists holidays they do not keep",
)


# -- CL403 wrong-hemisphere-season ------------------------------------------------------------

SEASONS = ("winter", "spring", "summer", "autumn")
OPPOSITE = {"winter": "summer", "summer": "winter", "spring": "autumn", "autumn": "spring"}

# Meteorological seasons of the northern hemisphere by month (DJF winter, MAM spring,
# JJA summer, SON autumn); the southern hemisphere has the opposite season.
_NORTH_SEASON = {
    12: "winter", 1: "winter", 2: "winter",
    3: "spring", 4: "spring", 5: "spring",
    6: "summer", 7: "summer", 8: "summer",
    9: "autumn", 10: "autumn", 11: "autumn",
}  # fmt: skip

# For profiles without `calendar.hemisphere`. Southern: territories of the southern
# hemisphere that keep the four temperate seasons, reversed (Christmas in summer).
# Tropical: equatorial territories with wet and dry seasons instead of four seasons
# (no season word is "wrong" there). Everything else counts as northern.
SOUTHERN_TERRITORIES = frozenset({"AR", "AU", "BR", "CL", "LS", "NA", "NZ", "PY", "SZ", "UY", "ZA"})
TROPICAL_TERRITORIES = frozenset({"BN", "ID", "MY", "PH", "SG", "TH"})

# Season words. CLDR has no names for the seasons (babel exposes months, weekdays,
# quarters and day periods only), so they are listed here: the everyday words copy uses,
# and phrases where the bare word is ambiguous (English "spring" and "fall", French
# "été", which is also "been"; Japanese single characters, which sit inside other
# words). German and Dutch compounds written as one word are listed whole, because
# tokens match whole; hyphenated ones ("Sommer-Sale") are split before matching.
SEASON_WORDS: dict[str, dict[str, list[str]]] = {
    "summer": {
        "en": ["summer", "summertime", "midsummer"],
        "de": [
            "Sommer",
            "Hochsommer",
            "sommerlich",
            "Sommerkollektion",
            "Sommersale",
            "Sommerschlussverkauf",
            "Sommerangebote",
        ],
        "fr": ["l'été", "cet été", "d'été", "en été", "estival", "estivale"],
        "es": ["verano", "veraniego"],
        "pt": ["verão"],
        "it": ["estate", "estivo", "estiva"],
        "nl": ["zomer", "zomercollectie", "zomersale"],
        "ja": ["夏季", "夏の", "夏物", "夏服", "夏休み", "今夏", "この夏", "サマー"],
        "zh": ["夏季", "夏天", "夏日", "今夏", "盛夏"],
        "ko": ["여름"],
    },
    "winter": {
        "en": ["winter", "wintertime", "midwinter"],
        "de": [
            "Winter",
            "winterlich",
            "Winterkollektion",
            "Wintersale",
            "Winterschlussverkauf",
            "Winterangebote",
        ],
        "fr": ["hiver", "hivernal", "hivernale"],
        "es": ["invierno", "invernal"],
        "pt": ["inverno"],
        "it": ["inverno", "invernale"],
        "nl": ["winter", "wintercollectie", "wintersale"],
        "ja": [
            "冬季",
            "冬の",
            "冬物",
            "冬服",
            "冬休み",
            "今冬",
            "この冬",
            "ウィンター",
            "ウインター",
        ],
        "zh": ["冬季", "冬天", "冬日", "今冬", "寒冬"],
        "ko": ["겨울"],
    },
    "spring": {
        "en": ["springtime", "spring collection", "spring sale", "spring season"],
        "de": [
            "Frühling",
            "Frühjahr",
            "frühlingshaft",
            "Frühjahrskollektion",
            "Frühlingskollektion",
        ],
        "fr": ["printemps", "printanier", "printanière"],
        "es": ["primavera", "primaveral"],
        "pt": ["primavera"],
        "it": ["primavera", "primaverile"],
        "nl": ["lente", "voorjaar", "voorjaarscollectie"],
        "ja": ["春季", "春の", "春物", "春服", "春休み", "今春", "この春"],
        "zh": ["春季", "春天", "春日"],
        "ko": ["봄철", "봄맞이"],
    },
    "autumn": {
        "en": ["autumn", "autumnal", "fall collection", "fall sale", "fall season"],
        "de": ["Herbst", "herbstlich", "Herbstkollektion", "Herbstsale"],
        "fr": ["automne", "automnal", "automnale"],
        "es": ["otoño", "otoñal"],
        "pt": ["outono"],
        "it": ["autunno", "autunnale"],
        "nl": ["herfst", "najaar", "herfstcollectie", "najaarscollectie"],
        "ja": ["秋季", "秋の", "秋物", "秋服", "今秋", "この秋", "オータム"],
        "zh": ["秋季", "秋天", "秋日", "金秋"],
        "ko": ["가을"],
    },
}

# Words that hold a season phrase without naming the season: 青春の (of youth), 新春の
# and 迎春 (New Year greetings), 立春の (the calendar's first day of spring, in February).
NOT_SEASON: dict[str, list[str]] = {
    "ja": ["青春", "新春", "迎春", "賀春", "頌春", "立春", "思春", "売春", "立秋", "立夏", "立冬"],
    "zh": ["青春", "立春", "立秋", "立夏", "立冬"],
}


def hemisphere(profile: Profile) -> str:
    """`calendar.hemisphere` of the profile, else from the territory lists above."""
    value = profile.section("calendar").get("hemisphere")
    if value in ("north", "south", "tropical"):
        return str(value)
    if profile.territory in SOUTHERN_TERRITORIES:
        return "south"
    if profile.territory in TROPICAL_TERRITORIES:
        return "tropical"
    return "north"


def season_of(day: dt.date, side: str) -> str:
    season = _NORTH_SEASON[day.month]
    return OPPOSITE[season] if side == "south" else season


def window_season(campaign: Campaign, side: str) -> str | None:
    """The one season the whole window falls in, or None when it spans two."""
    seasons = set()
    month = dt.date(campaign.start.year, campaign.start.month, 1)
    while month <= campaign.end:
        seasons.add(season_of(month, side))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return seasons.pop() if len(seasons) == 1 else None


def run_season(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    side = hemisphere(profile)
    if side == "tropical":
        return
    try:
        campaign = campaign_of(doc)
    except CampaignError:
        return  # CL401 reports an unreadable window; no window, no season to compare
    if campaign is None:
        return
    current = window_season(campaign, side)
    if current is None:
        return
    wrong = OPPOSITE[current]
    place = "southern" if side == "south" else "northern"
    evidence = _season_evidence(profile, place)
    languages = list(dict.fromkeys([*profile.languages, "en"]))
    seen: set[tuple[int, int]] = set()  # "Winter" is German and English
    for language in languages:
        terms = SEASON_WORDS[wrong].get(language)
        if not terms:
            continue
        matcher = matcher_for(language, terms)
        excluded = matcher_for(language, NOT_SEASON.get(language, []))
        # English season words in another market's copy: looked for as words first.
        foreign = language not in profile.languages
        for segment in doc.segments:
            text = words_of(segment.text)
            masks = [(m.start, m.end) for m in excluded.find(text, foreign=foreign)]
            for match in matcher.find(text, foreign=foreign):
                if any(s < match.end and match.start < e for s, e in masks):
                    continue
                found = segment.text[match.start : match.end]
                span = segment.span(match.start, match.end)
                if span in seen or not same_words(match.term, found):
                    continue
                seen.add(span)
                yield segment_hit(
                    segment,
                    match.start,
                    match.end,
                    f"'{found}' names {wrong}, but the campaign ({campaign.label()}) runs "
                    f"in {current} in the {profile.tag} market ({place} hemisphere)",
                    suggestion=f"Speak of {current} (or of no season) in {profile.tag} copy",
                    evidence=evidence,
                )


def _season_evidence(profile: Profile, place: str) -> Evidence:
    declared = bool(profile.section("calendar").get("hemisphere"))
    origin = "the profile" if declared else "the rule's territory list"
    return Evidence(
        profile=profile.tag,
        key="calendar.hemisphere",
        source=(
            f"{place.title()} hemisphere (from {origin}); meteorological seasons "
            "(Dec-Feb, Mar-May, Jun-Aug, Sep-Nov)"
        ),
    )


def same_words(term: str, found: str) -> bool:
    """Whether a lemma match is the season word itself and not a look-alike: Portuguese
    "ver" (to see) has the lemma of "verão" (summer) in spaCy's tables.

    Each found word must start with its term word less at most one final letter
    ("Sommers" for "Sommer", "summers" for "summer", but not "ver" for "verão").
    """
    term_words = _words(term)
    found_words = _words(found)
    if len(term_words) != len(found_words):
        return True
    return all(
        f.startswith(t[: max(3, len(t) - 1)]) for t, f in zip(term_words, found_words, strict=True)
    )


def _words(text: str) -> list[str]:
    return [w for w in text.casefold().replace("’", "'").replace("'", " ").split() if w]


SEASON = Check(
    code="CL403",
    name="wrong-hemisphere-season",
    category="calendar",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a season word (summer, Sommer, été, verão, 夏季, 여름 ...) in copy "
            "whose campaign window falls entirely in the opposite season in the "
            'market\'s hemisphere: "winter collection" in a December campaign for '
            'Brazil or Australia (where December is summer), "summer sale" in a July '
            "campaign for Brazil. Seasons are meteorological (in the north Dec-Feb "
            "winter, Mar-May spring, Jun-Aug summer, Sep-Nov autumn; reversed in the "
            "south).\n\n"
            "The hemisphere is the profile's `calendar.hemisphere`; without one, a small "
            "list of southern territories (AR, AU, BR, CL, LS, NA, NZ, PY, SZ, UY, ZA) "
            "and tropical ones (BN, ID, MY, PH, SG, TH) decides, and everything else is "
            "northern. Tropical markets are never flagged. Without a campaign window in "
            "front matter, or with one that spans two seasons, nothing is flagged: the "
            "rule does not guess the date.\n\n"
            "Season words are looked for in the market's languages and English. CLDR "
            "has no season names, so the words are listed in the rule (en, de, fr, es, "
            "pt, it, nl, ja, zh, ko); ambiguous words are matched only in phrases "
            '(English "spring collection", "fall sale"; French "cet été", "l\'été"; '
            "Japanese 夏の, 夏物, not 夏 alone), and 青春の (youth) or 新春 (New "
            "Year) are never seasons."
        ),
        why=(
            "Global campaigns are planned in the northern hemisphere; copied to Brazil, "
            'Argentina, South Africa or Australia, a "winter sale" runs in the heat of '
            "December and tells the reader the brand does not know where they live."
        ),
        example=(
            "---\nmarket: pt-BR\ncampaign: {start: 2026-12-01, end: 2026-12-24}\n---\n"
            "Coleção de inverno com 30% de desconto"
        ),
        good_example=(
            "---\nmarket: pt-BR\ncampaign: {start: 2026-12-01, end: 2026-12-24}\n---\n"
            "Coleção de verão com 30% de desconto"
        ),
        fix=(
            "Name the season the campaign runs in for the market, or no season. When "
            "the season is meant (a preview of next winter's range), suppress the "
            "finding."
        ),
        sources=(
            "Meteorological seasons (Dec-Feb winter, Mar-May spring, Jun-Aug summer, "
            'Sep-Nov autumn in the north): CBS Denver, "Meteorological Winter Is Here" '
            "(1 Dec 2017), https://denver.cbslocal.com/2017/12/01/meteorological-winter-is-here/",
        ),
    ),
    run=run_season,
    markets_label="all (not tropical markets)",
)

CHECKS = [SENSITIVE, NOT_KEPT, SEASON]
