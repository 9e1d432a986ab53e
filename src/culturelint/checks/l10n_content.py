"""CL803 number-mismatch and CL806 url-mismatch: facts of the source that the
translation must keep.

A price, a percentage, a count or a link is a fact, not wording: "30 days" that
becomes "3 Tage", or a link that now points at another page, changes what the
company promises. Both rules compare each translated unit with its source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from culturelint.checks._util import segment_hit
from culturelint.document import Document
from culturelint.finding import Hit, Severity
from culturelint.l10n.compare import comparable, whole
from culturelint.l10n.extract import Number, numbers, urls
from culturelint.l10n.pairing import Pair
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# -- CL803 ------------------------------------------------------------------------------

# Small numbers a translation may spell out: "2 tabs" -> "zwei Tabs", "3 ways" ->
# "三つの方法". Digits of the source are checked; words are accepted for 1 to 12.
NUMBER_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "de": {1: ("ein", "eine", "einen", "einem", "einer", "eines", "eins"), 2: ("zwei",),
           3: ("drei",), 4: ("vier",), 5: ("fünf",), 6: ("sechs",), 7: ("sieben",),
           8: ("acht",), 9: ("neun",), 10: ("zehn",), 11: ("elf",), 12: ("zwölf",)},
    "fr": {1: ("un", "une"), 2: ("deux",), 3: ("trois",), 4: ("quatre",), 5: ("cinq",),
           6: ("six",), 7: ("sept",), 8: ("huit",), 9: ("neuf",), 10: ("dix",),
           11: ("onze",), 12: ("douze",)},
    "es": {1: ("un", "una", "uno"), 2: ("dos",), 3: ("tres",), 4: ("cuatro",),
           5: ("cinco",), 6: ("seis",), 7: ("siete",), 8: ("ocho",), 9: ("nueve",),
           10: ("diez",), 11: ("once",), 12: ("doce",)},
    "pt": {1: ("um", "uma"), 2: ("dois", "duas"), 3: ("três",), 4: ("quatro",),
           5: ("cinco",), 6: ("seis",), 7: ("sete",), 8: ("oito",), 9: ("nove",),
           10: ("dez",), 11: ("onze",), 12: ("doze",)},
    "it": {1: ("un", "uno", "una"), 2: ("due",), 3: ("tre",), 4: ("quattro",),
           5: ("cinque",), 6: ("sei",), 7: ("sette",), 8: ("otto",), 9: ("nove",),
           10: ("dieci",), 11: ("undici",), 12: ("dodici",)},
    "nl": {1: ("een", "één"), 2: ("twee",), 3: ("drie",), 4: ("vier",), 5: ("vijf",),
           6: ("zes",), 7: ("zeven",), 8: ("acht",), 9: ("negen",), 10: ("tien",),
           11: ("elf",), 12: ("twaalf",)},
    "en": {1: ("one", "a", "an"), 2: ("two",), 3: ("three",), 4: ("four",), 5: ("five",),
           6: ("six",), 7: ("seven",), 8: ("eight",), 9: ("nine",), 10: ("ten",),
           11: ("eleven",), 12: ("twelve",)},
}  # fmt: skip
# Chinese and Japanese numerals, written inside words ("三つ", "两个").
CJK_NUMERALS: dict[int, tuple[str, ...]] = {
    1: ("一",), 2: ("二", "两", "兩"), 3: ("三",), 4: ("四",), 5: ("五",), 6: ("六",),
    7: ("七",), 8: ("八",), 9: ("九",), 10: ("十",), 11: ("十一",), 12: ("十二",),
}  # fmt: skip
_WORD = compile_cached(r"[^\W\d_]+")


def run_numbers(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result, pairs = comparable(doc, ctx)
    if result is None:
        return
    for pair in pairs:
        missing = _missing_numbers(pair, result.target_language)
        if missing:
            shown = ", ".join(n.text for n in missing)
            plural = "s" if len(missing) > 1 else ""
            yield whole(
                pair.segment,
                f"Number{plural} {shown} of the source {'are' if plural else 'is'} not in the "
                "translation",
                suggestion="Keep the source's numbers (written the way the market writes "
                "them), or correct the source if the translation is right",
            )


def _missing_numbers(pair: Pair, language: str) -> list[Number]:
    assert pair.source is not None
    wanted = numbers(pair.source)
    if not wanted:
        return []
    target = list(numbers(pair.segment.text, space_groups=True))
    words = {w.casefold() for w in _WORD.findall(pair.segment.text)}
    spelled = NUMBER_WORDS.get(language, {})
    missing = []
    for number in wanted:
        match = next((t for t in target if t.values & number.values), None)
        if match is not None:
            target.remove(match)
            continue
        if _spelled_out(number, words, pair.segment.text, spelled, language):
            continue
        missing.append(number)
    return missing


def _spelled_out(
    number: Number, words: set[str], text: str, spelled: dict[int, tuple[str, ...]], language: str
) -> bool:
    for value in number.values:
        if value != value.to_integral_value() or not 1 <= value <= 12:
            continue
        n = int(value)
        if any(w in words for w in spelled.get(n, ())):
            return True
        if language in ("ja", "zh") and any(c in text for c in CJK_NUMERALS[n]):
            return True
    return False


# -- CL806 ------------------------------------------------------------------------------

_LOCALE_PART = compile_cached(r"^[a-z]{2,3}(?:[-_](?:[a-z]{4}[-_])?(?:[a-z]{2}|\d{3}))?$", re.I)


def run_urls(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result, pairs = comparable(doc, ctx)
    if result is None:
        return
    languages = {result.source_language, result.target_language}
    for pair in pairs:
        assert pair.source is not None
        source_urls = urls(pair.source)
        if not source_urls:
            continue
        target_urls = urls(pair.segment.text)
        unmatched = list(target_urls)
        lost = []
        for url in source_urls:
            key = normalize_url(url.key, languages)
            match = next((t for t in unmatched if normalize_url(t.key, languages) == key), None)
            if match is not None:
                unmatched.remove(match)
            else:
                lost.append(url.key)
        for source_url in lost:
            if unmatched:
                changed = unmatched.pop(0)
                yield segment_hit(
                    pair.segment,
                    changed.start,
                    changed.end,
                    f"{changed.key} differs from the source's {source_url}",
                    suggestion=f"Use {source_url} (only a locale segment such as /en/ may change)",
                )
            else:
                yield whole(
                    pair.segment,
                    f"{source_url} of the source is missing from the translation",
                    suggestion="Keep the source's links and e-mail addresses",
                )


def normalize_url(url: str, languages: set[str]) -> str:
    """The URL with locale segments (path parts, the first host label, query values
    like `?lang=de`) of the source or target language replaced by one marker."""
    if "@" in url and "://" not in url:
        return url.lower()
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if len(labels) > 2 and _is_locale(labels[0], languages):
        labels[0] = "{locale}"
    path = "/".join("{locale}" if _is_locale(p, languages) else p for p in parts.path.split("/"))
    query = "&".join(
        f"{k}={'{locale}' if _is_locale(v, languages) else v}"
        for k, _, v in (item.partition("=") for item in parts.query.split("&") if item)
    )
    return f"{'.'.join(labels)}{path.rstrip('/')}?{query}#{parts.fragment}"


def _is_locale(part: str, languages: set[str]) -> bool:
    return bool(_LOCALE_PART.match(part)) and re.split(r"[-_]", part)[0].lower() in languages


# -- rule documentation ------------------------------------------------------------------------

NUMBERS = Check(
    code="CL803",
    name="number-mismatch",
    category="l10n",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a translation that does not contain a number of its source. Numbers "
            "are compared by value, so the market's way of writing them counts as the "
            "same number: 1,000.5 = 1.000,5 = 1 000,5; 10,000 = 1万 and 25,000 = "
            "2万5,000 (Japanese and Chinese myriads); 1.5 million = $1.5M = 150万; 2 p.m. "
            "= 14 (Uhr), 5:30 p.m. = 17:30 = 17.30 Uhr, 12 a.m. = 0 Uhr. Numbers 1 to 12 "
            "may be spelled out in "
            'the translation ("3 ways" -> "drei Wege", "三つの方法"). Numbers inside '
            "placeholders, tags and URLs are not copy and are ignored; numbers the "
            "translation adds are not reported (a date or a unit may need them). One "
            "finding per unit, naming the missing numbers."
        ),
        why=(
            "Numbers in marketing copy are promises: a price, a discount, a trial "
            "period, a warranty. A typo in translation (30 days -> 3 Tage) changes the "
            "offer in one market only, where it may be binding under consumer law and "
            "where the team that wrote the offer cannot read it."
        ),
        example='# de-DE, source "Try it free for 30 days"\n3 Tage kostenlos testen',
        good_example="30 Tage kostenlos testen",
        fix="Copy the number from the source, written in the market's format; if the "
        "number is meant to differ in this market, suppress the finding on that unit.",
        sources=(
            "Unicode CLDR, Number formatting (grouping and decimal separators): "
            "https://cldr.unicode.org/translation/number-currency-formats",
        ),
    ),
    run=run_numbers,
)

URLS = Check(
    code="CL806",
    name="url-mismatch",
    category="l10n",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a URL or an e-mail address of the source that the translation "
            "changed or dropped. A localized link is fine when only its locale part "
            "differs: a path segment (`/en/` -> `/de/`, `/en-US/` -> `/de-DE/`), the first "
            "host label (`en.example.com` -> `de.example.com`) or a query value "
            "(`?lang=en` -> `?lang=de`) naming the source or the target language. A "
            "changed URL points at itself; a dropped one at the unit."
        ),
        why=(
            "Links are the path to the sale or to the legally required page: a typo in "
            "a translated URL sends that market to an error page, and a link rewritten "
            "by a translator (or a machine translation tool) may point at a "
            "competitor's or a phishing site."
        ),
        example='# fr-FR, source "Visit https://example.com/en/shop"\n'
        "Visitez https://exemple.com/fr/shop",
        good_example="Visitez https://example.com/fr/shop",
        fix="Copy the URL from the source and change only its locale part, if the "
        "site has a page for this market.",
        sources=("RFC 3986, Uniform Resource Identifier: https://www.rfc-editor.org/rfc/rfc3986",),
    ),
    run=run_urls,
)

CHECKS = [NUMBERS, URLS]
