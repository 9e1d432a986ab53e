"""CL101 wrong-language: a segment written in none of the market's languages.

Two witnesses, cheapest first. The script settles what it can on its own: kana means
Japanese, Hangul means Korean, and in a market that writes Chinese, Hebrew or Arabic a
segment in that script is taken as the market's language (langdetect confuses Japanese
with Chinese, Arabic with Persian and Urdu). Everything else goes to langdetect, and
the check fires only when langdetect is sure: short segments, mixed segments and
anything it hesitates about stay quiet, because a false "this is English" on correct
copy costs more trust than a missed leftover paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from culturelint.checks._util import mask_non_copy, script_of, segment_hit, trimmed
from culturelint.document import Document
from culturelint.finding import Evidence, Hit, Severity
from culturelint.registry import Check, CheckContext, RuleDoc

# Below these sizes langdetect guesses: a segment needs this many letters, and in a
# script that separates words with spaces, this many words.
MIN_LETTERS = 40
MIN_WORDS = 6
# Scripts written without spaces carry a word in one or two characters.
MIN_LETTERS_UNSPACED = 20
UNSPACED_SCRIPTS = frozenset({"Han", "Kana", "Thai"})

# langdetect must give the foreign language at least this probability, and each of
# the market's languages less than MARKET_PROBABILITY.
MIN_PROBABILITY = 0.9
MARKET_PROBABILITY = 0.1

# A script that settles the language when it makes up this share of the letters.
DOMINANT_SHARE = 0.5
# Japanese text has kana; Chinese has none. A few percent of kana among the CJK
# characters is enough to tell, and keeps a stray "ー" in Chinese copy from counting.
MIN_KANA_SHARE = 0.05

# langdetect's codes that differ from the market profiles' (BCP 47) codes.
_LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh", "tl": "fil", "no": "nb"}
# Market languages written the same way as another code langdetect knows.
_SAME_LANGUAGE = {"nn": "nb", "no": "nb", "iw": "he", "in": "id"}

# The scripts a detected language is written in. A detection whose script does not
# make up most of the letters is langdetect guessing (it calls long runs of kanji
# Korean) and is discarded. Languages not listed are written in Latin script.
_LANGUAGE_SCRIPTS = {
    "ja": frozenset({"Han", "Kana"}),
    "zh": frozenset({"Han"}),
    "ko": frozenset({"Hangul"}),
    "ar": frozenset({"Arabic"}),
    "fa": frozenset({"Arabic"}),
    "ur": frozenset({"Arabic"}),
    "he": frozenset({"Hebrew"}),
    "ru": frozenset({"Cyrillic"}),
    "uk": frozenset({"Cyrillic"}),
    "bg": frozenset({"Cyrillic"}),
    "mk": frozenset({"Cyrillic"}),
    "el": frozenset({"Greek"}),
    "th": frozenset({"Thai"}),
    "hi": frozenset({"Devanagari"}),
    "mr": frozenset({"Devanagari"}),
    "ne": frozenset({"Devanagari"}),
    "bn": frozenset({"Bengali"}),
    "pa": frozenset({"Gurmukhi"}),
    "gu": frozenset({"Gujarati"}),
    "ta": frozenset({"Tamil"}),
    "te": frozenset({"Telugu"}),
    "kn": frozenset({"Kannada"}),
    "ml": frozenset({"Malayalam"}),
}
_LATIN = frozenset({"Latin"})

_WORD = re.compile(r"[^\W\d_]+")

EVIDENCE_KEY = "languages"


@dataclass(frozen=True)
class Detection:
    language: str  # BCP 47 language code
    how: str  # "script" or "langdetect"


def canonical(language: str) -> str:
    code = language.lower().replace("_", "-")
    code = _LANGDETECT_CODES.get(code, code.split("-")[0])
    return _SAME_LANGUAGE.get(code, code)


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    expected = [canonical(lang) for lang in ctx.profile.languages]
    for segment in doc.segments:
        detection = detect(segment.text, frozenset(expected))
        if detection is None or detection.language in expected:
            continue
        start, end = trimmed(segment.text)
        found = language_name(detection.language)
        wanted = _either(language_name(lang) for lang in dict.fromkeys(expected))
        yield segment_hit(
            segment,
            start,
            end,
            f"Segment appears to be {found}, but {ctx.market} copy should be {wanted}",
            suggestion=f"Translate it into {wanted}, or remove it from the {ctx.market} copy",
            evidence=Evidence(profile=ctx.profile.tag, key=EVIDENCE_KEY, source=None),
        )


def detect(text: str, expected: frozenset[str]) -> Detection | None:
    """The language of `text` when it can be told reliably, else None.

    `expected` (the market's languages) decides what the script may settle on its own:
    in a Chinese market, Han text without kana is Chinese; elsewhere it is left to
    langdetect.
    """
    text = mask_non_copy(text)
    scripts = Counter(script_of(c) for c in text if c.isalpha())
    letters = sum(scripts.values())
    if not letters or not _long_enough(text, scripts, letters):
        return None
    by_script = _language_by_script(scripts, letters, expected)
    if by_script is not None:
        return Detection(by_script, "script")
    return _langdetect(text, scripts, letters, expected)


def _long_enough(text: str, scripts: Counter[str], letters: int) -> bool:
    unspaced = sum(scripts[s] for s in UNSPACED_SCRIPTS)
    if unspaced / letters >= DOMINANT_SHARE:
        return letters >= MIN_LETTERS_UNSPACED
    return letters >= MIN_LETTERS and len(_WORD.findall(text)) >= MIN_WORDS


def _language_by_script(
    scripts: Counter[str], letters: int, expected: frozenset[str]
) -> str | None:
    def share(*names: str) -> float:
        return sum(scripts[n] for n in names) / letters

    cjk = scripts["Han"] + scripts["Kana"]
    if share("Han", "Kana") >= DOMINANT_SHARE and scripts["Kana"] >= MIN_KANA_SHARE * cjk:
        return "ja"
    if share("Hangul") >= DOMINANT_SHARE:
        return "ko"
    if "zh" in expected and share("Han") >= DOMINANT_SHARE:
        return "zh"
    if "he" in expected and share("Hebrew") >= DOMINANT_SHARE:
        return "he"
    if share("Arabic") >= DOMINANT_SHARE:
        for language in ("ar", "fa", "ur"):
            if language in expected:
                return language
    return None


def _langdetect(
    text: str, scripts: Counter[str], letters: int, expected: frozenset[str]
) -> Detection | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:  # no usable features, e.g. only symbols
        return None
    probabilities: dict[str, float] = {}
    for item in ranked:
        code = canonical(item.lang)
        probabilities[code] = probabilities.get(code, 0.0) + item.prob
    if not probabilities:
        return None
    best = max(probabilities, key=probabilities.__getitem__)
    if probabilities[best] < MIN_PROBABILITY:
        return None
    if any(probabilities.get(lang, 0.0) >= MARKET_PROBABILITY for lang in expected):
        return None
    written_in = _LANGUAGE_SCRIPTS.get(best, _LATIN)
    if sum(scripts[s] for s in written_in) / letters < DOMINANT_SHARE:
        return None
    return Detection(best, "langdetect")


@lru_cache(maxsize=1)
def _factory() -> Any:
    """langdetect's factory with its language profiles loaded once per process, and a
    fixed seed: langdetect samples at random, and a linter must say the same thing
    twice. A private factory leaves langdetect's global one as other code set it."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """English name of a language code ("ja" -> "Japanese"), the code if unknown."""
    from babel import Locale

    return str(Locale.parse("en").languages.get(code, code))


def _either(names: Iterator[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " or " + items[-1]


CHECK = Check(
    code="CL101",
    name="wrong-language",
    category="language",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a segment of copy (a heading, paragraph, alt text, meta description, "
            "translation unit ...) that is written in none of the market's languages: "
            "the English paragraph left in the Japanese page, the German button in the "
            "French shop.\n\n"
            "The market's languages are the profile's `languages` (its main language "
            "when the list is absent). The language of a segment is decided in two "
            "steps. First the script: kana means Japanese and Hangul means Korean; in a "
            "market that writes Chinese, Hebrew or Arabic, a segment mostly in Han "
            "characters (without kana), Hebrew or Arabic script is taken to be in the "
            "market's language. Otherwise langdetect decides, and the rule fires only "
            f"when it gives one foreign language a probability of at least "
            f"{MIN_PROBABILITY}, gives each market language less than "
            f"{MARKET_PROBABILITY}, and the text is mostly in that language's script.\n\n"
            f"Segments shorter than {MIN_LETTERS} letters or {MIN_WORDS} words "
            f"({MIN_LETTERS_UNSPACED} characters in Chinese, Japanese or Thai) are not "
            "checked: language detection on a few words is a guess, and short strings "
            "are often brand names, product names or quotations that stay in the "
            "original language on purpose. Links, e-mail addresses and placeholders "
            "such as {name} or %s are ignored. One finding per segment, spanning it."
        ),
        why=(
            "A paragraph in the wrong language is the most visible localization "
            "failure: readers notice it at once and read it as neglect. Machine "
            "translation pipelines and CMS fallbacks leave such paragraphs behind "
            "silently (an untranslated string falls back to the source language). In "
            "some markets it is also a legal matter: France's Loi Toubon (Law "
            "94-665, Art. 2) requires French in all written advertising, and Poland, "
            "Vietnam and (from 2026) Russia have similar language mandates."
        ),
        example=(
            "# market: ja-JP\n"
            "新しいコレクションが登場しました。\n\n"
            "Our new collection is available now in all stores across the country."
        ),
        good_example=(
            "# market: ja-JP\n"
            "新しいコレクションが登場しました。\n\n"
            "全国の店舗で新しいコレクションを販売中です。"
        ),
        fix=(
            "Translate the segment, or remove it from this market's copy. If the market "
            "really publishes in more than one language, list them all under "
            "`languages:` in the market profile (or a project override). A deliberate "
            "foreign-language passage can be suppressed with "
            "`<!-- culturelint-disable-next-line CL101 -->`."
        ),
        sources=(
            "Shuyo, N. (2010) language-detection library (langdetect is its Python port): "
            "https://github.com/Mimino666/langdetect",
            "Loi n° 94-665 du 4 août 1994 (Loi Toubon), Art. 2: "
            "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000006421210",
        ),
    ),
    run=run,
)
