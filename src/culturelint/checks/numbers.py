"""CL202 unlucky-number: numbers the market reads as bad luck or as a code, where they
are chosen on purpose: the ending of a price, the size of a set, a number on its own,
and where a profile asks for them, the ending of a phone number or a model name.

Most numbers in copy are not chosen for how they sound: dates, times, versions,
measurements. The check therefore classifies every number before it compares it with
the profile, and stays quiet on anything that is not clearly one of the kinds an entry
asks for. Model names and phone numbers are their own kinds: a profile that does not
list them never hears about "iPhone 14" or a hotline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from culturelint.checks._util import (
    NumberToken,
    ascii_digits,
    first_sentence,
    is_latin_letter,
    iter_numbers,
    mask_non_copy,
    money_finder,
    script_of,
    segment_hit,
)
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# -- tables ------------------------------------------------------------------------------

# Words that make a number a count of items: counters (Japanese, Chinese) and their
# Western equivalents. "4個", "4つ", "4件", "4个", "4 pieces", "4-pack", "4er-Pack".
COUNTERS: dict[str, list[str]] = {
    "ja": [
        "個", "つ", "本", "枚", "人", "名", "件", "点", "台", "冊", "匹", "頭", "羽", "箱",
        "袋", "杯", "足", "着", "組", "粒", "錠", "包", "缶", "品", "皿", "部", "セット",
        "パック",
    ],
    "zh": [
        "个", "個", "件", "只", "支", "本", "张", "盒", "包", "瓶", "袋", "套", "双", "对",
        "人", "位", "份", "条", "片", "粒", "颗", "杯", "箱", "台", "部", "款", "枚", "罐",
        "组",
    ],
    "en": [
        "piece", "pieces", "pc", "pcs", "item", "items", "pack", "packs", "pk", "set",
        "sets", "pair", "pairs", "count", "ct", "units", "bottles", "cans", "boxes",
        "people", "persons", "servings", "pages",
    ],
    "de": [
        "stück", "stk", "teile", "teilig", "er", "packung", "paar", "flaschen", "dosen",
        "personen", "seiten",
    ],
    "it": [
        "pezzi", "pezzo", "pz", "confezioni", "confezione", "paia", "bottiglie", "persone",
        "pagine",
    ],
}  # fmt: skip

# After a counter, what makes the number something other than a set of items: 目 makes
# an ordinal ("4枚目", the fourth sheet), and a count of reasons, points or steps is no
# set ("選ばれる4つの理由", a stock heading of Japanese copy; "4个理由").
_NOT_A_SET = compile_cached(
    r"目|(?:の|之)?(?:理由|ポイント|特長|特徴|メリット|ステップ|方法|コツ|秘密|原因"
    r"|步骤|优势|特点)"
)

# Words after a number that make it a measurement, a time or a date rather than a number
# on its own: "4K" is a resolution, "4月" April, "18 Uhr" a time, "4折" a discount. CLDR's
# unit names of the market's languages count too ("17 ore", "17 pollici", "88 Liter":
# see `cldr_unit_words`); these are the words CLDR does not have.
UNITS: dict[str, list[str]] = {
    "ja": [
        "年", "月", "日", "時", "時間", "分", "秒", "歳", "才", "度", "倍", "割", "週",
        "ヶ月", "か月",
    ],
    "zh": [
        "年", "月", "日", "号", "点", "时", "小时", "分", "分钟", "秒", "岁", "度", "倍",
        "折", "周",
    ],
    "en": [
        "am", "pm", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minutes", "s", "sec",
        "seconds", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "k", "m", "cm", "mm", "km", "kg", "g", "mg", "l", "ml", "gb", "mb", "tb", "kb",
        "hz", "ghz", "mhz", "px", "pt", "mp", "fps", "w", "kw", "kwh", "v", "mah", "in",
        "inch", "inches", "ft", "oz", "lb", "lbs", "mph", "percent",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ],
    "de": [
        "uhr", "std", "stunden", "minuten", "tage", "tagen", "wochen", "monate", "monaten",
        "jahre", "jahren", "prozent",
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember",
    ],
}  # fmt: skip

# Words before a number that make it a price without a currency sign: "価格: 1,984".
PRICE_WORDS: dict[str, list[str]] = {
    "ja": ["価格", "税込", "税抜", "定価", "特価", "本体価格", "販売価格"],
    "zh": ["价格", "售价", "特价", "原价", "现价", "仅售", "只需", "到手价"],
    "en": ["price"],
    "de": ["preis"],
}

# Latin words before a number that make it a version or an age limit, not a number
# chosen on its own: "version 4", "v 4", "ab 18".
NOT_STANDALONE_AFTER = frozenset(
    {"version", "ver", "v", "rev", "release", "gen", "generation", "edition", "update"}
    | {"ab", "über", "unter", "age", "aged", "ages", "over", "under"}
    | {"alle", "dalle", "ore"}  # Italian hours: "dalle 9 alle 17", "ore 17"
)
# Capitalised words before a number usually make it a product or model name ("Windows
# 11", "iPhone 14"); after these labels the number is the thing itself ("No. 4", "Room
# 4", "Zimmer 4") and counts as standing alone.
LABEL_WORDS = frozenset(
    {"no", "nr", "nº", "number", "nummer", "room", "zimmer", "floor", "etage", "gate", "seat",
     "platz", "table", "tisch", "code", "artikel", "model", "modell", "typ", "type"}
)  # fmt: skip

# Capitalised words before a number that make it a step, a rank or a date rather than
# a model name ("Top 4", "Step 4", "Chapter 4", "April 4").
NOT_MODEL_WORDS = frozenset(
    {"top", "step", "chapter", "page", "level", "day", "week", "phase", "part", "tip",
     "season", "episode", "stage", "round", "grade", "class", "category", "section",
     "figure", "schritt", "seite", "stufe", "teil", "kapitel", "tag", "woche", "runde"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
# Labels after which the number is the name of a model ("Modell 4", "Type 4"); they
# also count as labels for `standalone` (see LABEL_WORDS).
MODEL_LABELS = frozenset({"model", "modell", "typ", "type"})
# Letters glued to a number that make it something other than a model name: versions
# (v4), quarters and halves (Q4, H1, FY24), calendar weeks (KW4), file formats (MP4)
# and paper sizes (A4, B5).
GLUED_NOT_MODEL = frozenset({"v", "ver", "rev", "q", "h", "fy", "kw", "cw", "mp", "a", "b"})
# A section sign or an abbreviation that cites a provision of a law right before a
# number: the number is the law's, not one the copy chose ("§ 18 Abs. 2 MStV" in a
# German Impressum is not the far-right code 18).
_LEGAL_REFERENCE = compile_cached(
    r"(?:§§?|(?<![^\W\d_])(?:abs|art|artikel|absatz|ziff|lit|article|sec|section|para)\.?)"
    r"[\s\u00a0]*$",
    re.IGNORECASE,
)
# A phone number is looked for only in a segment with at least this many digits.
PHONE_MIN_DIGITS = 6

# A character right before a number that ties it to something else: a code ("AB-1944",
# "#4"), a date or time ("2024-04", "1/4", "14:00"), a sign ("-4", "+4"), a range
# ("3～4"), a dimension ("2×4").
_TIED_BEFORE = frozenset("-–/:._#@№$+±−×~～〜")
# A character right after a number with the same effect when a digit follows it.
_TIED_AFTER_DIGIT = frozenset("-–/:×~～〜")
# A character right after a number that makes it a percentage, a degree, an age
# rating ("18+"), or part of a name like "401(k)".
_TIED_AFTER = frozenset("%％‰°℃′″+(")
# Ordinal prefix in Japanese and Chinese: 第4回 is "the 4th time".
_ORDINAL_PREFIX = "第"

_GAP = "[ \u00a0\u202f]?"
_LATIN_WORD_BEFORE = compile_cached(r"([^\W\d_][\w'’-]*)\.?[ \u00a0]?$")
# Latin letters glued to the number, at the start of a word: the "X" of "X4".
_GLUED_LETTERS = compile_cached(r"(?<![A-Za-z0-9'’-])([A-Za-z]{1,4})$")
_DIGIT_GROUP = compile_cached(r"\d+")
_MONTHS = frozenset(UNITS["en"][UNITS["en"].index("january") :]) | frozenset(
    UNITS["de"][UNITS["de"].index("januar") :]
)


class Classified(NamedTuple):
    # The entry `match` kind: "price_ending", "count", "standalone", "phone" or "model".
    kind: str
    start: int  # span to report, in segment characters
    end: int
    token: NumberToken  # for a phone number, its last group of digits
    # A model label ("Modell 4") also makes the number stand alone: where to report it
    # for a `standalone` entry.
    label: bool = False


class _Patterns(NamedTuple):
    counter: re.Pattern[str]
    unit: re.Pattern[str]
    price_word: re.Pattern[str]


def _words(table: dict[str, list[str]], languages: Iterable[str]) -> list[str]:
    words: list[str] = []
    for language in languages:
        words.extend(table.get(language, []))
    # Longest first; ties in order, so that the pattern's text (and its stored
    # program, see regex_cache) is the same in every process.
    return sorted(set(words), key=lambda w: (-len(w), w))


def _after(words: list[str], gap: str) -> re.Pattern[str]:
    """`gap` and then one of `words` (longest first), any case.

    The words are grouped by their first letter, "m(?:in|m|...)|k(?:g|m|...)": `re`
    tries the alternatives of a group one by one, and a market's hundreds of CLDR unit
    names made each number cost ten times more as one flat list. The words of two
    groups start with different letters, so the word found is the same either way.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        first = word[0].lower()
        groups.setdefault(first if len(first) == 1 else word[0], []).append(word)
    alternatives = "|".join(
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(w[1:]) + (r"(?![^\W\d_])" if _ends_a_word(w) else "") for w in group)
        + ")"
        for first, group in groups.items()
    )
    return compile_cached(f"{gap}(?:{alternatives})", re.IGNORECASE)


def _ends_a_word(word: str) -> bool:
    """Whether a word must end where the text's word ends to count ("17 ore", not
    "17 orecchini"): so in scripts with spaces; Japanese and Chinese counters and Korean
    units take particles right after them ("4個入り", "17시간이")."""
    return word[-1].isalpha() and script_of(word[-1]) not in ("Han", "Kana", "Hangul")


@lru_cache(maxsize=32)
def patterns(languages: tuple[str, ...]) -> _Patterns:
    """Counter, unit and price-word patterns for the market's languages and English."""
    langs = (*languages, "en")
    price_words = "|".join(re.escape(w) for w in _words(PRICE_WORDS, langs))
    units = {**UNITS}
    for language in langs:
        units[language] = [*UNITS.get(language, []), *cldr_unit_words(language)]
    return _Patterns(
        counter=_after(_words(COUNTERS, langs), f"(?:{_GAP}|-)"),
        unit=_after(_words(units, langs), _GAP),
        price_word=compile_cached(f"(?:{price_words})[ \u00a0]*[:：]?[ \u00a0]*$", re.IGNORECASE),
    )


# The CLDR units copy measures things in; the others (daltons, parsecs, solar masses,
# Beaufort) only add words that are more often words of the sentence ("da" in Italian).
CLDR_UNITS = frozenset(
    {f"duration-{u}" for u in ("century", "decade", "year", "quarter", "month", "week", "day",
                                "night", "hour", "minute", "second", "millisecond")}
    | {f"duration-{u}-person" for u in ("year", "month", "week", "day")}
    | {f"length-{u}" for u in ("kilometer", "meter", "centimeter", "millimeter", "mile",
                              "yard", "foot", "inch")}
    | {f"mass-{u}" for u in ("tonne", "ton", "kilogram", "gram", "milligram", "pound",
                            "ounce")}
    | {f"volume-{u}" for u in ("cubic-meter", "liter", "deciliter", "centiliter",
                              "milliliter", "gallon", "quart", "pint", "cup", "fluid-ounce",
                              "tablespoon", "teaspoon")}
    | {f"area-{u}" for u in ("square-kilometer", "hectare", "square-meter",
                            "square-centimeter", "square-mile", "acre", "square-foot")}
    | {f"speed-{u}" for u in ("kilometer-per-hour", "meter-per-second", "mile-per-hour")}
    | {f"temperature-{u}" for u in ("celsius", "fahrenheit", "generic")}
    | {f"energy-{u}" for u in ("kilowatt-hour", "joule", "kilojoule", "calorie",
                              "kilocalorie", "foodcalorie")}
    | {f"power-{u}" for u in ("watt", "kilowatt", "megawatt", "horsepower")}
    | {f"digital-{u}" for u in ("bit", "byte", "kilobit", "kilobyte", "megabit", "megabyte",
                               "gigabit", "gigabyte", "terabit", "terabyte", "petabyte")}
    | {f"frequency-{u}" for u in ("hertz", "kilohertz", "megahertz", "gigahertz")}
    | {"graphics-pixel", "graphics-megapixel", "graphics-dot-per-inch"}
    | {"concentr-percent", "concentr-permille", "concentr-item"}
)  # fmt: skip


def cldr_unit_words(language: str) -> list[str]:
    """The words CLDR writes after a number for each unit of `CLDR_UNITS` in `language`,
    in every length and plural form: "ora", "ore", "h", "pollici", "Liter", "시간".

    A number followed by one is a measurement or a duration, never a number chosen on
    its own, in every language CLDR covers. Kept with the derived data: reading a
    locale's unit patterns costs a good part of a pre-commit run.
    """
    from culturelint.profiles import validcache

    units = " ".join(sorted(CLDR_UNITS))  # a change to the list is a new key
    return validcache.memo_json(
        "cldr",
        f"unit words {language} {units}",
        lambda: _unit_words_from_cldr(language),
        validcache.strings,
        ["babel"],
    )


def _unit_words_from_cldr(language: str) -> list[str]:
    from babel import Locale, UnknownLocaleError

    try:
        units = Locale.parse(language)._data["unit_patterns"]
    except (UnknownLocaleError, ValueError, KeyError):
        return []
    words = set()
    for unit, lengths in units.items():
        if unit not in CLDR_UNITS:
            continue
        for forms in lengths.values():
            for form, pattern in forms.items():
                # "per" patterns ("{0}/h", "{0} all’ora") are rates, not a unit after a
                # number; only patterns that put the number first name a unit after it.
                if form == "per" or not pattern.startswith("{0}"):
                    continue
                word = pattern[3:].strip(" \u00a0\u202f")
                # A lone letter ("A" for ampere, French "a" for years) is too often a
                # word of the sentence ("17 a persona"); symbols ("%", "″") are kept.
                if word and "{" not in word and not (len(word) == 1 and word.isalpha()):
                    words.add(word)
    return sorted(words)


# -- classification ------------------------------------------------------------------------


def classify(
    text: str, locale: str, languages: tuple[str, ...], region: str | None = None
) -> Iterator[Classified]:
    """Every number in `text` that is a price, a count of items, a number on its own or
    part of a model name, and with a `region` (ISO 3166 code), every phone number.

    Numbers tied to something else (dates, times, versions, codes, units,
    percentages, ranges) are not returned, nor the digits of a phone number one by one.
    """
    if not any(map(str.isdigit, text)):
        return  # no number: do not pay for the currency tables
    text = mask_non_copy(text)
    phones = list(find_phones(text, region)) if region else []
    yield from phones
    finder = money_finder(locale)
    pats = patterns(languages)
    for token in iter_numbers(text):
        if any(p.start <= token.start < p.end for p in phones):
            continue
        money = finder.at(text, token)
        if money is not None:
            yield Classified("price_ending", money.start, money.end, token)
            continue
        if pats.price_word.search(text, max(0, token.start - 16), token.start):
            yield Classified("price_ending", token.start, token.end, token)
            continue
        if not token.is_integer:
            continue
        if _tied_before(text, token):
            glued = _glued_model(text, token, pats)
            if glued is not None:
                yield glued
            continue
        counter = pats.counter.match(text, token.end)
        if counter is not None:
            if not _NOT_A_SET.match(text, counter.end()):
                yield Classified("count", token.start, counter.end(), token)
            continue
        if _tied_after(text, token) or pats.unit.match(text, token.end):
            continue
        if _LEGAL_REFERENCE.search(text, max(0, token.start - 12), token.start):
            continue  # "§ 18 Abs. 2 MStV", "Art. 4 DSGVO": a provision, not a choice
        name = _name_before(text, token)
        if name is None:
            yield Classified("standalone", token.start, token.end, token)
            continue
        folded = name.group(1).casefold()
        if folded in MODEL_LABELS:
            yield Classified("model", name.start(1), token.end, token, label=True)
        elif folded in LABEL_WORDS:
            yield Classified("standalone", token.start, token.end, token)
        elif _model_word(name.group(1)):
            yield Classified("model", name.start(1), token.end, token)


def find_phones(text: str, region: str) -> Iterator[Classified]:
    """Phone numbers in `text` as the market dials them (libphonenumber's matcher).

    The matcher is only asked about text with enough digits to hold a phone number:
    it is slow, and copy is mostly prices and dates.
    """
    if sum(map(str.isdigit, text)) < PHONE_MIN_DIGITS:
        return
    from culturelint.checks.phones import may_hold_number

    if not may_hold_number(text, region.upper()):
        return  # the matcher would find nothing
    import phonenumbers

    for match in phonenumbers.PhoneNumberMatcher(text, region.upper()):
        groups = list(_DIGIT_GROUP.finditer(match.raw_string))
        if not groups:
            continue
        last = groups[-1]
        token = NumberToken(
            start=match.start + last.start(),
            end=match.start + last.end(),
            integer=ascii_digits(last.group(0)),
            fraction="",
        )
        yield Classified("phone", match.start, match.end, token)


def _tied_before(text: str, token: NumberToken) -> bool:
    if token.start == 0:
        return False
    prev = text[token.start - 1]
    return prev in _TIED_BEFORE or prev == _ORDINAL_PREFIX or is_latin_letter(prev)


def _tied_after(text: str, token: NumberToken) -> bool:
    if token.end >= len(text):
        return False
    nxt = text[token.end]
    following = text[token.end + 1] if token.end + 1 < len(text) else ""
    if nxt in _TIED_AFTER or is_latin_letter(nxt):
        return True  # "40%", "18+", "401(k)", "4K", "4th"
    if nxt in _TIED_AFTER_DIGIT:
        return following.isdigit() or (nxt in "-–" and is_latin_letter(following))
    return False


def _name_before(text: str, token: NumberToken) -> re.Match[str] | None:
    """The Latin word right before the number that makes it something other than a
    number on its own: a label ("No. 4"), a name ("Aurora 4") or a version ("v 4")."""
    match = _LATIN_WORD_BEFORE.search(text, max(0, token.start - 40), token.start)
    if match is None or not is_latin_letter(match.group(1)[0]):
        return None
    word = match.group(1)
    folded = word.casefold()
    if folded in NOT_STANDALONE_AFTER or folded in LABEL_WORDS or folded in MODEL_LABELS:
        return match
    return match if any(c.isupper() for c in word) else None


def _model_word(word: str) -> bool:
    """Whether a capitalised word before a number names a product ("Aurora", "iPhone")
    rather than a version, an age, a step or a date ("version", "ab", "Step", "April")."""
    folded = word.casefold()
    return not (folded in NOT_STANDALONE_AFTER or folded in NOT_MODEL_WORDS or folded in _MONTHS)


def _glued_model(text: str, token: NumberToken, pats: _Patterns) -> Classified | None:
    """A number glued to capital letters, "X4" or "GT4", read as a model name; not a
    version (v4), a quarter (Q4), a format (MP4) or a paper size (A4)."""
    glued = _GLUED_LETTERS.search(text, max(0, token.start - 4), token.start)
    if glued is None or not any(c.isupper() for c in glued.group(1)):
        return None
    if glued.group(1).casefold() in GLUED_NOT_MODEL:
        return None
    if _tied_after(text, token) or pats.unit.match(text, token.end):
        return None
    return Classified("model", glued.start(1), token.end, token)


# -- the check -------------------------------------------------------------------------------


def unlucky_entries(profile: Profile) -> list[dict[str, Any]]:
    """The profile's number entries worth reporting (lucky numbers never are)."""
    return [
        e
        for e in profile.entries("numbers")
        if not e.get("lucky") and str(e.get("number", "")).isdigit() and e.get("match")
    ]


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entries = unlucky_entries(profile)
    if not entries:
        return
    languages = tuple(profile.languages)
    region = market_region(profile) if any("phone" in e["match"] for e in entries) else None
    for segment in doc.segments:
        for found in classify(segment.text, profile.locale.locale, languages, region):
            matched = _entry_for(found, entries)
            if matched is not None:
                yield _hit(segment, found, *matched, profile)


def market_region(profile: Profile) -> str | None:
    """The market's country code for dialling ("JP" for ja-JP), None if it has none."""
    for part in reversed(profile.tag.replace("_", "-").split("-")[1:]):
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return None


def _entry_for(
    found: Classified, entries: list[dict[str, Any]]
) -> tuple[dict[str, Any], str] | None:
    """The entry a classified number matches and the kind it matched as; the longest
    number wins ("44" over "4"). Price and phone numbers match by their ending, the
    rest exactly (so an entry for 4 does not hear "iPhone 14")."""
    digits = found.token.integer
    kinds = (found.kind, "standalone") if found.label else (found.kind,)
    candidates = []
    for entry in entries:
        number = str(entry["number"])
        for kind in kinds:
            if kind not in entry["match"]:
                continue
            if kind in ("price_ending", "phone"):
                matched = digits.endswith(number)
            else:
                matched = digits == number
            if matched:
                candidates.append((entry, kind))
                break
    return max(candidates, key=lambda c: len(str(c[0]["number"])), default=None)


def _hit(
    segment: Segment, found: Classified, entry: dict[str, Any], kind: str, profile: Profile
) -> Hit:
    number = str(entry["number"])
    start, end = found.start, found.end
    if kind == "standalone":
        start, end = found.token.start, found.token.end  # "Modell 88": the 88
    shown = segment.text[start:end]
    if kind == "price_ending":
        what = f"Price {shown} ends in {number}"
        suggestion = f"Choose a price that does not end in {number}"
    elif kind == "count":
        what = f"A set of {number} ({shown})"
        suggestion = f"Choose a set size other than {number}"
    elif kind == "phone":
        what = f"Phone number {shown} ends in {number}"
        suggestion = f"Consider a number that does not end in {number} for published lines"
    elif kind == "model":
        what = f"Model name {shown} carries the number {number}"
        suggestion = f"Consider a model name without {number} for this market"
    else:
        what = f"The number {number}"
        suggestion = f"Choose another number, or make sure {number} cannot be read this way"
    meaning = first_sentence(str(entry.get("meaning", "")))
    return segment_hit(
        segment,
        start,
        end,
        f"{what}, which may read badly in {profile.tag}: {meaning}",
        suggestion=suggestion,
        evidence=profile.evidence(f"numbers.{entry['id']}", entry),
        severity=profile.severity_for(entry, Severity.WARNING),
    )


CHECK = Check(
    code="CL202",
    name="unlucky-number",
    category="number",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags unlucky or coded numbers where copy chooses them: price endings, "
            "set sizes, numbers on their own. The market profile's `numbers` entries "
            "list the numbers, and each says where it matters (`match`):\n\n"
            "- `price_ending`: a price whose integer amount ends in the number: ¥1,984, "
            "1,994円, 44元 and $14.99 all end in 4 (decimals are ignored). A number is "
            "a price when a currency symbol, an ISO code or a currency unit touches it "
            "(¥, ￥, $, €, US$, JPY, 円, 元, RMB ...), or when a price word comes right "
            "before it (価格, 税込, 售价, price, Preis).\n"
            "- `count`: a number of items, written with a counter or an item word: "
            "4個, 4つ, 4本, 4枚, 4人, 4件, 4个, 4只, 4盒, 4 pieces, 4-pack, 4 pcs, "
            "4 Stück, 4er-Pack. The set must be exactly the number.\n"
            '- `standalone`: the number on its own, exactly: "No. 4", "4楼" '
            "(room and floor numbers, names, codes).\n"
            "- `phone`: a phone number, as libphonenumber reads it for the market's "
            "country, whose last group of digits ends in the number: a ja-JP hotline "
            "0120-444-444 ends in 4 and in 44. Only looked for in text with at least "
            f"{PHONE_MIN_DIGITS} digits.\n"
            '- `model`: a product or model name carrying exactly the number: "Aurora 4", '
            '"iPhone 4", "X4", "Modell 4", "Type 4". Not "iPhone 14", nor versions '
            "(v4, version 4), quarters (Q4), formats (MP4), paper sizes (A4), steps and "
            'ranks ("Step 4", "Top 4") or dates ("April 4").\n\n'
            "Numbers tied to something else are never reported: dates and times "
            "(2024-04-04, 4月4日, 14:00, 18 Uhr, April 4), versions, model names "
            "unless an entry asks for `model` (version 4, Windows 11, iPhone 14, Core i4, v4), "
            "measurements and units "
            "(4K, 4G, 4 GB, 4 cm, 4時間), percentages (4%, 40%), fractions and ratios "
            "(1/4, 24/7, 4:3), decimals (4.5), ranges (3～4), ordinals (4th, 第4回), "
            "signed numbers, codes (AB-1944, #4, 401(k)), ages (ab 18, 18+), links "
            "and placeholders, and phone numbers unless an entry asks for `phone`. "
            "A number right after a capitalised or camel-case Latin "
            "word is read as a product name (Pixel 4) and reported only under `model`; "
            "after labels such as No., Nr. or Room it stands alone. Only digits are "
            "read (also full-width ４); "
            "numbers in words (四, vier) are not.\n\n"
            "Entries marked `lucky: true` are never reported. Low-confidence entries "
            "are reported as info; an entry's own `severity` wins."
        ),
        why=(
            'Number superstitions shape real purchases. 4 sounds like "death" in '
            "Chinese and Japanese (si, shi): hospitals in both countries skip the "
            "number, and in Chinese advertised prices 8 is over-represented and 4 "
            "under-represented as the final digit (Simmons & Schindler 2003). A "
            "price ending in 4 or a gift set of four can read as a bad omen. Other "
            'numbers are codes: in Germany 88 and 18 are far-right codes for "Heil '
            'Hitler" and "Adolf Hitler", which make a product name or code look '
            "like a signal."
        ),
        example="# market: zh-CN\n限时特价：¥1,984，4个装礼盒 299元",
        good_example="# market: zh-CN\n限时特价：¥1,988，6个装礼盒 299元",
        fix=(
            "Change the price ending or the set size. If the number is fixed (a model "
            "name, a legal figure), suppress the finding on that line."
        ),
        sources=(
            'Simmons, L. C. & Schindler, R. M. (2003) "Cultural superstitions and the '
            'price endings used in Chinese advertising", Journal of International '
            "Marketing 11(2)",
            'Phillips, D. P. et al. (2001) "The Hound of the Baskervilles effect", BMJ 323:1443',
            "Alfa Romeo sold the 164 as the 168 in Hong Kong and China (model names): "
            "https://www.razaoautomovel.com/noticias/arranque-a-frio-alfa-romeo-168/",
        ),
    ),
    run=run,
    applies=lambda profile: bool(unlucky_entries(profile)),
    markets_label="markets whose profile lists unlucky numbers",
)
