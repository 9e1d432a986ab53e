"""CL101 wrong-language: a segment written in none of the market's languages.

Three witnesses, cheapest first. The script settles what it can on its own: kana means
Japanese, Hangul means Korean, and in a market that writes Chinese, Hebrew or Arabic a
segment in that script is taken as the market's language (langdetect confuses Japanese
with Chinese, Arabic with Persian and Urdu). Then the common words: copy full of "und",
"der", "ist" in a German market is German, which is the normal case and needs no
statistics. Everything else goes to langdetect, and the check fires only when
langdetect is sure: short segments, mixed segments and anything it hesitates about stay
quiet, because a false "this is English" on correct copy costs more trust than a missed
leftover paragraph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from culturelint.checks._util import mask_non_copy, script_counts, segment_hit, trimmed
from culturelint.document import Document
from culturelint.finding import Evidence, Hit, Severity
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# Below these sizes langdetect guesses: a segment needs this many letters, and in a
# script that separates words with spaces, this many words.
MIN_LETTERS = 40
MIN_WORDS = 6
# Letters of a market's own (non-Latin) script that make a word of it in a segment.
MIN_OWN_LETTERS = 2
# In scripts whose characters are syllables or words (and that may go without spaces)
# fewer characters say as much.
MIN_LETTERS_DENSE = 20
DENSE_SCRIPTS = frozenset({"Han", "Kana", "Hangul", "Thai"})

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

# Languages langdetect has no profile for, and the relatives it names instead. Its 55
# profiles have Croatian and Indonesian but no Serbian, Bosnian, Montenegrin or Malay,
# which ISO 639-3 groups with them as one macrolanguage (Serbo-Croatian "hbs", Malay
# "msa"); Serbian in Cyrillic comes out as Macedonian, its nearest Cyrillic profile.
# Such a guess says only "a relative of the market's language", never a wrong language.
_UNPROFILED_RELATIVES = {
    "sr": frozenset({"hr", "mk"}),
    "bs": frozenset({"hr", "mk"}),
    "cnr": frozenset({"hr", "mk"}),
    "sh": frozenset({"hr", "mk"}),
    "ms": frozenset({"id"}),
}

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

_WORD = compile_cached(r"[^\W\d_]+")

# The most frequent function words of the languages most copy is written in. A segment
# whose words are clearly those of a market language needs no statistical detection:
# it is the normal case, and skipping langdetect there keeps a run that finds nothing
# from paying for loading its profiles (about a third of a second).
COMMON_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to is are was with for you your this that these our from have has "
        "will be it its on by or not can we they their more all now new get just only "
        "about into than which who what when how at an".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit für sie ein eine einen einem dem den des auf sich "
        "auch wir ihr ihre ihren werden wird zu von bei oder noch nur jetzt sind unser "
        "unsere unseren alle allen im am ab kann können mehr über sofort ganz wie dass "
        "es ich du uns sein neue neuen".split()
    ),
    "fr": frozenset(
        "le la les et des est une un pour avec vous votre vos nous notre nos sur dans du "
        "au aux ce cette ces qui que pas plus sont être avoir tous toutes tout son sa "
        "ses leur leurs mais ou où dès maintenant".split()
    ),
    "es": frozenset(
        "el la los las y es una un para con que por del al sus su nuestro nuestra "
        "nuestros más está están son o como tu tus ya ahora todo todos todas este esta "
        "estos hay muy también pero sin".split()
    ),
    "it": frozenset(
        "il lo la gli le e è di che per con una un del della delle dei non sono più nel "
        "nella alla questo questa tuo tua tutti tutte anche ora già ma come se siamo".split()
    ),
    "pt": frozenset(
        "o os a as e é de do da dos das que para com um uma não mais seu sua seus nosso "
        "nossa em no na nos nas você agora todos todas também pelo pela são está".split()
    ),
    "nl": frozenset(
        "de het een en van is niet met voor op zijn je jouw onze ons wij ook dat die "
        "deze bij naar nu maar er al nog wordt worden kunnen meer".split()
    ),
}


def _by_word(lists: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    """Each word with the languages that list it ("de" is German and Dutch), so that a
    segment's words are counted for every language in one pass."""
    languages: dict[str, tuple[str, ...]] = {}
    for language, words in lists.items():
        for word in words:
            languages[word] = (*languages.get(word, ()), language)
    return languages


_LANGUAGES_OF = _by_word(COMMON_WORDS)

# Share of a segment's words that must be common words of a market language, which
# must also be at least twice as many as those of any other listed language.
MIN_COMMON_SHARE = 0.15

EVIDENCE_KEY = "languages"


class Detection(NamedTuple):
    language: str  # BCP 47 language code
    how: str  # "script", "common words" or "langdetect"


@lru_cache(maxsize=256)
def canonical(language: str) -> str:
    """One code per language, whoever wrote it: "zh-cn" -> "zh", "no" -> "nb"."""
    code = language.lower().replace("_", "-")
    code = _LANGDETECT_CODES.get(code, code.split("-")[0])
    return _SAME_LANGUAGE.get(code, code)


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    expected = [canonical(lang) for lang in ctx.profile.languages]
    for segment in doc.segments:
        detection = detect(segment.text, frozenset(expected))
        if detection is None or detection.language in expected:
            continue
        if any(detection.language in _UNPROFILED_RELATIVES.get(e, ()) for e in expected):
            continue
        start, end = trimmed(segment.text)
        found = language_name(detection.language)
        wanted = _either([language_name(lang) for lang in dict.fromkeys(expected)])
        yield segment_hit(
            segment,
            start,
            end,
            f"Segment appears to be {found}, but {ctx.market} copy should be {wanted}",
            suggestion=f"Translate it into {wanted}, or remove it from the {ctx.market} copy",
            evidence=Evidence(profile=ctx.profile.tag, key=EVIDENCE_KEY, source=None),
        )


@lru_cache(maxsize=4096)
def detect(text: str, expected: frozenset[str]) -> Detection | None:
    """The language of `text` when it can be told reliably, else None.

    `expected` (the market's languages) decides what the script may settle on its own:
    in a Chinese market, Han text without kana is Chinese; elsewhere it is left to
    langdetect.

    Cached: headings, buttons and footers repeat across the pages of a market, and
    CL103 asks about the segments CL101 has just judged.
    """
    text = mask_non_copy(text)
    scripts = script_counts(text)
    letters = sum(scripts.values())
    if not letters or not _long_enough(text, scripts, letters):
        return None
    by_script = _language_by_script(scripts, letters, expected)
    if by_script is not None:
        return Detection(by_script, "script")
    by_words = _market_language_by_words(text, expected)
    if by_words is not None:
        return Detection(by_words, "common words")
    if _names_in_market_script(text, scripts, expected):
        return None
    return _langdetect(text, scripts, letters, expected)


def _names_in_market_script(text: str, scripts: Counter[str], expected: frozenset[str]) -> bool:
    """A sentence in the market's own script around Latin names: "Ferrari Roma Spider
    Rosso Corsa の予約受付中", "Bose QuietComfort Ultra Earbuds 全新上市".

    Brands and product lines are capitalized, and langdetect reads them as Italian,
    English or Somali. Where the segment holds a word in a script of the market's
    languages (other than Latin), only its words in lower case can be a leftover
    sentence, and too few of them are no sentence to judge.
    """
    own = {s for lang in expected for s in _LANGUAGE_SCRIPTS.get(lang, _LATIN)} - _LATIN
    if sum(scripts[s] for s in own) < MIN_OWN_LETTERS:
        return False
    lower = sum(1 for word in _WORD.findall(text) if word[0].islower() and word[0] < "\u0250")
    return lower < MIN_WORDS


def _long_enough(text: str, scripts: Counter[str], letters: int) -> bool:
    dense = sum(scripts[s] for s in DENSE_SCRIPTS)
    if dense / letters >= DOMINANT_SHARE:
        return letters >= MIN_LETTERS_DENSE
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


def _market_language_by_words(text: str, expected: frozenset[str]) -> str | None:
    """A market language whose common words clearly dominate the segment, if any."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words:
        return None
    hits = dict.fromkeys(COMMON_WORDS, 0)
    for word in words:
        for language in _LANGUAGES_OF.get(word, ()):
            hits[language] += 1
    others = max((n for lang, n in hits.items() if lang not in expected), default=0)
    for language in sorted(expected & hits.keys()):
        own = hits[language]
        if own >= MIN_COMMON_SHARE * len(words) and own >= 2 * others:
            return language
    return None


def _langdetect(
    text: str, scripts: Counter[str], letters: int, expected: frozenset[str]
) -> Detection | None:
    probabilities = _probabilities(text, expected)
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


def _probabilities(text: str, expected: frozenset[str] = frozenset()) -> dict[str, float]:
    """langdetect's language probabilities for `text` (canonical codes).

    Sampling stops once one of the `expected` languages is sure to end with at least
    MARKET_PROBABILITY, which rules out a finding; the probabilities are then those of
    the trials so far (see `_langdetect_early`). Answers are remembered in the
    derived-data cache: the answer is fixed (seeded), and a pre-commit run on an edited
    page then skips langdetect for every paragraph it has seen before. A whole answer
    is kept by text and serves every market; a partial one only the same languages.
    """
    import json

    from culturelint.profiles import validcache

    store = validcache.growing_store("langdetect", "answers.sqlite")
    whole_key, partial_key = _answer_key(text), _answer_key(text, sorted(expected))
    if store is not None:
        for key in dict.fromkeys((whole_key, partial_key)):
            try:
                cached = json.loads(store.get(key) or "null")
            except ValueError:
                cached = None
            if isinstance(cached, dict):
                return {str(k): float(v) for k, v in cached.items()}
    probabilities, whole = _detect(text, expected)
    if store is not None:
        store.put(whole_key if whole else partial_key, json.dumps(probabilities))
    return probabilities


def _answer_key(text: str, languages: list[str] | None = None) -> str:
    """The store key of a whole answer, or of a partial one for `languages`: each a
    hash of an unambiguous JSON list, so no text can take another answer's key."""
    import hashlib
    import json

    parts = ["partial", *languages, text] if languages else ["whole", text]
    encoded = json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


def _detect(text: str, expected: frozenset[str] = frozenset()) -> tuple[dict[str, float], bool]:
    """langdetect's probabilities (canonical codes), and whether they are whole: False
    when sampling stopped early at one of the `expected` languages."""
    from langdetect.lang_detect_exception import LangDetectException

    from culturelint.checks._langdetect_early import EarlyStopDetector

    factory = _factory()
    # langdetect reports only languages above its PROB_THRESHOLD: the one to stop at
    # must clear that too, or it would drop out of the answer.
    above = max(MARKET_PROBABILITY, EarlyStopDetector.PROB_THRESHOLD)
    stop_at = [lang for lang in factory.langlist if canonical(lang) in expected]
    detector = EarlyStopDetector(factory, stop_at, above)
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:  # no usable features, e.g. only symbols
        return {}, True
    probabilities: dict[str, float] = {}
    for item in ranked:
        code = canonical(item.lang)
        probabilities[code] = probabilities.get(code, 0.0) + item.prob
    return probabilities, detector.trials == detector.n_trial


@lru_cache(maxsize=1)
def _factory() -> Any:
    """langdetect's factory with its language profiles loaded once per process, and a
    fixed seed: langdetect samples at random, and a linter must say the same thing
    twice. A private factory leaves langdetect's global one as other code set it. Its
    n-gram table is kept with the derived data (see `_langdetect_profiles`)."""
    from culturelint.checks._langdetect_profiles import load_factory
    from culturelint.profiles import validcache

    return load_factory(validcache.folder("langdetect-profiles"))


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """English name of a language code ("ja" -> "Japanese"), the code if unknown."""
    from babel import Locale

    return str(Locale.parse("en").languages.get(code, code))


def _either(names: list[str]) -> str:
    """Names joined for a message: German or French; German, French or Italian."""
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " or " + names[-1]


CHECK = Check(
    code="CL101",
    name="wrong-language",
    category="language",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags copy written in none of the market's languages. A segment (a "
            "heading, paragraph, alt text, meta description, translation unit ...) is "
            "reported when it is clearly in another language: the English paragraph "
            "left in the Japanese page, the German button in the French shop.\n\n"
            "The market's languages are the profile's `languages` (its main language "
            "when the list is absent). The language of a segment is decided in two "
            "steps. First the script: kana means Japanese and Hangul means Korean; in a "
            "market that writes Chinese, Hebrew or Arabic, a segment mostly in Han "
            "characters (without kana), Hebrew or Arabic script is taken to be in the "
            "market's language. Then the words: a segment whose words are clearly the "
            "common function words of a market language (the, und, les, el ...) is in "
            "that language. Otherwise langdetect decides, and the rule fires only "
            f"when it gives one foreign language a probability of at least "
            f"{MIN_PROBABILITY}, gives each market language less than "
            f"{MARKET_PROBABILITY}, and the text is mostly in that language's script. "
            "langdetect has no profile for Serbian, Bosnian, Montenegrin or Malay and "
            "names a relative instead (Croatian, Macedonian, Indonesian): in those "
            "markets that answer is not reported.\n\n"
            f"Segments shorter than {MIN_LETTERS} letters or {MIN_WORDS} words "
            f"({MIN_LETTERS_DENSE} characters in Chinese, Japanese, Korean or Thai) are not "
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
