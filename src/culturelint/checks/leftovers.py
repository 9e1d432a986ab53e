"""CL103 source-language-leftover: short source-language fragments left in localized copy.

CL101 judges whole segments with a language detector, which needs a sentence or two
to be sure. The leftovers that survive a localization pass are shorter: a "Buy now"
button, a "Learn more" link, a "Sign up" heading, one English sentence at the end of a
German paragraph, "Free shipping on all orders" inside Japanese copy. A detector
cannot judge two words; a dictionary can.

A fragment (a clause of a segment, or in a market written in another script a run of
Latin-script words) is a leftover when its words are words of the source language
and not of the market's language. The words come from spaCy's data, not a hand list:
its stop words and the word forms of the spacy-lookups-data lemma tables. Words both
languages use ("Online", "Shop", "App", "E-Mail", "Team", "Design" in German) are told
apart by the same tables and, where spacy-lookups-data has word frequencies for both
languages, by how common a word is in each: "Shop" is about as frequent in German as
in English text, "now" is hundreds of times rarer. Brand and product names
(capitalised words that are no dictionary word, and the project's `keep_terms`) never
make a leftover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum, IntEnum
from functools import lru_cache
from typing import Any, NamedTuple

from culturelint.checks import _frequencies as frequencies
from culturelint.checks import _lookups as lookups
from culturelint.checks import _wordsets as wordsets
from culturelint.checks import language as cl101
from culturelint.checks._util import (
    CharacterTable,
    mask_non_copy,
    script_counts,
    script_of,
    segment_hit,
)
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.l10n.options import OPTIONS_KEY as L10N_OPTIONS
from culturelint.regex_cache import compile_cached
from culturelint.registry import LANGUAGE_TAG, STRINGS, Check, CheckContext, RuleDoc, options_schema

CODE = "CL103"
NAME = "source-language-leftover"

SOURCE_OPTION = "source_language"
KEEP_OPTION = "keep_terms"

# Segments that are UI strings: a single source-language word there is a leftover
# ("Subscribe", "Search"); elsewhere a fragment needs two words.
SINGLE_WORD_KINDS = frozenset({"cta", "placeholder", "aria_label"})
# A document is localized when less than this share of its words are source-language
# words that the market's language does not share.
LOCALIZED_SHARE = 0.5
# A word is shared by both languages when it is at most this much rarer (natural log
# of the frequency ratio) in the market's language than in the source language:
# "Shop" (ratio -0.7 in German), "App" (-1.2); "now" (-5.8) and "more" (-6) are not.
SHARED_LOG_RATIO = 3.0
# Fragments of this many words may hold one word no dictionary knows (a typo, a rare
# word) and still count as source language.
TOLERANT_WORDS = 5

# Clause boundaries in scripts with spaces: sentence ends, dashes and bars between
# spaced words, bullets, colons and line breaks.
_CLAUSE_BREAK = compile_cached(r"(?<=[.!?…])\s+|\s[–—|·•]\s|[•·]|:\s|\n+|(?<=[.!?])[\"”»)]\s*")
# A word: letters, with inner hyphens or apostrophes ("E-Mail", "don't").
_WORD = compile_cached(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MARKUP = compile_cached(r"</?[A-Za-z][^<>]*>")
# Characters that may sit inside a run of Latin-script words in CJK copy.
_RUN_PUNCTUATION = frozenset(" '’-&+.,!?/:\u00a0")


class Kind(Enum):
    """What a word says about the language of its fragment."""

    SOURCE = "source"  # a source-language word the market language does not have
    SHARED = "shared"  # a word of both languages ("Online", "Team" in German)
    MARKET = "market"  # a market-language word, or any word in the market's script
    NEUTRAL = "neutral"  # a name, an acronym, a single letter: says nothing
    UNKNOWN = "unknown"  # a lower-case word no dictionary knows


class Depth(IntEnum):
    """How far the judgement of a word may go: the source language's words alone, then
    the market language's lemma tables, then word frequencies in both.

    Each step can only move a word towards the market (SOURCE to SHARED; UNKNOWN or
    NEUTRAL to MARKET), and `_verdict` never calls a fragment a leftover for more
    market-side words, so a fragment that is none at one depth is none at the next.
    The fragments are judged at the cheap depths first: most copy has no leftover
    without the market's tables, which on a first run in a repository are a store
    still being built (Polish: four million words, four seconds)."""

    SOURCE = 0
    MARKET = 1
    FREQUENCY = 2


class Fragment(NamedTuple):
    start: int
    end: int
    text: str


class Lexicon:
    """Classifies words as source-language, shared, market-language or neutral."""

    def __init__(self, source: str, market: list[str], keep: Iterable[str] = ()) -> None:
        self.source = source
        self.market = [m for m in market if m != source]
        self.keep = frozenset(k.casefold() for k in keep)
        self.latin_market = any(_latin_script(m) for m in self.market)
        self._frequencies_queued = False
        self._kinds: dict[tuple[str, bool], Kind] = {}
        self._leftovers: dict[tuple[str, bool], bool] = {}

    def stop(self, word: str) -> bool:
        return word.casefold() in lookups.stop_words(self.source)

    def command(self, word: str) -> bool:
        """A word a one-word button can say: a function word or a verb."""
        folded = word.casefold()
        return self.stop(word) or folded in wordsets.source_verbs(self.source)

    def kind(self, word: str, depth: Depth = Depth.FREQUENCY) -> Kind:
        """What `word` says about its fragment, judged as far as `depth` (see `Depth`).

        Remembered per word: copy repeats its words, and each answer costs several
        table lookups."""
        key = (word, depth)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = self._kind(word, depth)
            if len(self._kinds) > 100_000:
                self._kinds.clear()
        return found

    def open_at(self, fragment: str, single_word: bool, depth: Depth) -> bool:
        """Whether `fragment` may still be a leftover, judged at each depth up to `depth`."""
        words = _WORD.findall(fragment)
        return all(
            _verdict(words, [self.kind(w, d) for w in words], self, single_word)
            for d in Depth
            if d <= depth
        )

    def prefetch(self, pieces: Iterable[tuple[str, bool]]) -> None:
        """Ask the word stores about the words of the fragments (text, and whether a
        single word is enough) not judged yet, a few hundred words per query, before
        `leftover` judges them one at a time: the source's vocabulary about every
        word, the market's tables about the words of the fragments the vocabulary
        leaves open."""
        pieces = [
            (fragment, single_word)
            for fragment, single_word in pieces
            if (fragment, single_word) not in self._leftovers
        ]
        words = {word for fragment, _ in pieces for word in _WORD.findall(fragment)}
        words |= {part for word in words for part in re.split(r"['’\-]", word) if part}
        if not words:
            return
        folded = {w.casefold().replace("’", "'") for w in words}
        wordsets.prefetch([wordsets.vocabulary(self.source)], folded)
        if self.latin_market:
            self.prefetch_market(
                word
                for fragment, single_word in pieces
                if self.open_at(fragment, single_word, Depth.SOURCE)
                for word in _WORD.findall(fragment)
            )

    def prefetch_market(self, words: Iterable[str]) -> None:
        """Ask the market's tables about `words` (and their hyphenated parts) at once."""
        words = set(words)
        words |= {part for word in words for part in re.split(r"['’\-]", word) if part}
        if not words or not self.latin_market:
            return
        forms = {form for w in words for form in (w, w.lower(), w.capitalize())}
        tables = [s for m in self.market for pair in wordsets.market_tables(m) for s in pair]
        wordsets.prefetch(tables, forms)

    def leftover(self, fragment: str, single_word: bool = False) -> bool:
        """`is_leftover`, remembered per fragment: headings, buttons and stock
        sentences repeat across a market's pages, and each answer looks up every word
        of the fragment twice."""
        key = (fragment, single_word)
        found = self._leftovers.get(key)
        if found is None:
            if len(self._leftovers) >= 50_000:
                self._leftovers.clear()
            found = self._leftovers[key] = is_leftover(fragment, self, single_word)
        return found

    def _kind(self, word: str, depth: Depth) -> Kind:
        folded = word.casefold().replace("’", "'")
        if folded in self.keep:
            return Kind.NEUTRAL
        if not all(script_of(c) == "Latin" for c in word if c.isalpha()):
            return Kind.MARKET
        if len(word) == 1:
            return Kind.SOURCE if folded in lookups.stop_words(self.source) else Kind.NEUTRAL
        if word.isupper() and len(word) <= 5:
            return Kind.NEUTRAL  # an acronym: PDF, USB, FAQ
        if folded not in wordsets.vocabulary(self.source) and re.search(r"['\-]", folded):
            return self._compound(word, depth)
        in_source = folded in wordsets.vocabulary(self.source)
        in_market = (
            depth >= Depth.MARKET
            and self.latin_market
            and any(wordsets.market_word(m, word, self.source) for m in self.market)
        )
        if not in_source:
            if in_market:
                return Kind.MARKET
            if word[0].isupper() or any(c.isupper() for c in word[1:]):
                return Kind.NEUTRAL  # a name: Firefox, iPhone
            return Kind.UNKNOWN
        if in_market or (depth >= Depth.FREQUENCY and self._shared_by_frequency(word)):
            return Kind.SHARED
        return Kind.SOURCE

    def _compound(self, word: str, depth: Depth) -> Kind:
        """A hyphenated word the source dictionary lacks as a whole ("Online-Shop",
        "sign-up") is what its parts are: market if one part is, source if all are."""
        parts = [self.kind(p, depth) for p in re.split(r"['’\-]", word) if p]
        if Kind.MARKET in parts:
            return Kind.MARKET
        if Kind.UNKNOWN in parts:
            return Kind.UNKNOWN
        words = [k for k in parts if k is not Kind.NEUTRAL]
        if not words:
            return Kind.NEUTRAL
        return Kind.SOURCE if all(k is Kind.SOURCE for k in words) else Kind.SHARED

    def prefetch_frequencies(self, pieces: Iterable[tuple[str, bool]]) -> None:
        """Ask the frequency tables at once about the words that the second pass of
        `is_leftover` will ask about one at a time: those of the fragments (text, and
        whether a single word is enough) that the first pass leaves open. Until a
        table has its store, each question not asked in a batch costs a scan of it."""
        markets = self._frequency_markets()
        if not markets:
            return
        words: set[str] = set()
        for fragment, single_word in pieces:
            if (fragment, single_word) in self._leftovers:
                continue
            if not self.open_at(fragment, single_word, Depth.MARKET):
                continue
            for word in _WORD.findall(fragment):
                for part in (word, *re.split(r"['’\-]", word)):
                    if part and self.kind(part, Depth.MARKET) is Kind.SOURCE:
                        words.add(part)
        if not words:
            return
        self._queue_frequencies(markets)
        forms = {form for w in words for form in (w, w.lower(), w.capitalize())}
        source = frequencies.table(self.source)
        if not isinstance(source, frequencies.Frequencies):
            return  # the whole table is in memory (no cache folder)
        scanned = sum(getattr(frequencies.table(m), "scan_seconds", 0.0) for m in markets)
        if source.scan_seconds + scanned >= frequencies.SCAN_SECONDS_BEFORE_STORE:
            # The markets' first: the builder thread takes those, and the source's,
            # asked first, is built meanwhile by the thread that asks (`settle`).
            for language in [*markets, self.source]:
                frequencies.table(language).want_store()
        source.prefetch(forms)
        forms = {f for f in forms if f in source}  # no value in the source: not asked
        for market in markets:
            frequencies.table(market).prefetch(forms)

    def _frequency_markets(self) -> list[str]:
        """The market's languages with a frequency table, if the source has one too."""
        markets = [m for m in self.market if "lexeme_prob" in lookups.tables(m)]
        if not self.latin_market or not markets or "lexeme_prob" not in lookups.tables(self.source):
            return []
        return markets

    def _queue_frequencies(self, markets: list[str]) -> None:
        """On the first question, start getting every table it needs (see
        `frequencies.prepare`)."""
        if not self._frequencies_queued:
            frequencies.prepare([self.source, *markets])
            self._frequencies_queued = True

    def _shared_by_frequency(self, word: str) -> bool:
        markets = self._frequency_markets()
        if not markets:
            return False
        self._queue_frequencies(markets)
        source = frequencies.table(self.source)
        mine = frequencies.log_probability(source, word) if source else None
        if mine is None:
            return False
        for market in markets:
            theirs = frequencies.log_probability(frequencies.table(market), word)
            if theirs is not None and theirs - mine > -SHARED_LOG_RATIO:
                return True
        return False


def _latin_script(language: str) -> bool:
    """Whether `language` is written in Latin script (CL101's table of scripts)."""
    return language not in cl101._LANGUAGE_SCRIPTS


# -- fragments -------------------------------------------------------------------------


def clauses(text: str) -> Iterator[Fragment]:
    """Sentences and clauses of `text` (split at sentence ends, dashes, bars, bullets,
    colons and line breaks), without surrounding white space and punctuation."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        yield from _trimmed(text, start, match.start())
        start = match.end()
    yield from _trimmed(text, start, len(text))


def latin_runs(text: str) -> Iterator[Fragment]:
    """Runs of Latin-script words inside text in another script ("Learn more" in
    "詳しくはLearn moreへ"): a Latin letter or a digit, then Latin letters, digits and
    the punctuation that joins words. Each character is classed once per process
    (`_run_class`), so a text is read by `str.translate` and one pattern."""
    for match in _RUN.finditer(text.translate(_RUN_CLASSES)):
        yield from _trimmed(text, match.start(), match.end())


def _run_class(char: str) -> str:
    """The class of a character in a run: L for a Latin letter or an ASCII digit, P
    for punctuation that may continue a run, x for anything else."""
    if (char.isalnum() and script_of(char) == "Latin") or (char.isascii() and char.isdigit()):
        return "L"
    return "P" if char in _RUN_PUNCTUATION else "x"


_RUN_CLASSES = CharacterTable(_run_class)
_RUN = compile_cached("L[LP]*")


def _trimmed(text: str, start: int, end: int) -> Iterator[Fragment]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "!?"):
        end -= 1
    if start < end:
        yield Fragment(start, end, text[start:end])


def is_leftover(fragment: str, lexicon: Lexicon, single_word: bool = False) -> bool:
    """Whether `fragment` reads as source-language copy the market's language does
    not share (see the rule's documentation for the thresholds)."""
    return lexicon.open_at(fragment, single_word, Depth.FREQUENCY)


def _verdict(words: list[str], kinds: list[Kind], lexicon: Lexicon, single_word: bool) -> bool:
    if Kind.MARKET in kinds:
        return False
    source = [w for w, k in zip(words, kinds, strict=True) if k is Kind.SOURCE]
    shared = kinds.count(Kind.SHARED)
    unknown = kinds.count(Kind.UNKNOWN)
    counted = len(source) + shared
    if unknown and (counted < TOLERANT_WORDS or unknown > 1):
        return False
    if not source:
        return False
    if counted == 1:
        return single_word and len(words) == 1 and lexicon.command(source[0])
    if len(source) < shared:
        return False
    if len(source) == 1 and not lexicon.stop(source[0]):
        return False  # "Smart Home" in German: one loan word next to a shared one
    return not _looks_like_name(words, lexicon)


def _looks_like_name(words: list[str], lexicon: Lexicon) -> bool:
    """Title Case without a single function word is a name: "Private Browsing",
    "Enhanced Tracking Protection". "Shop Now" and "Learn More" are calls to action."""
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return not any(lexicon.stop(w) for w in words)


# -- the check -------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _lexicon(source: str, market: tuple[str, ...], keep: tuple[str, ...]) -> Lexicon:
    """One per setting, shared across files, so the words it has classified stay known."""
    return Lexicon(source, list(market), keep)


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    project = _project_l10n(ctx)
    source, market = _languages(ctx)
    if source in market:
        return
    keep = [
        *_strings(ctx.config.option(CODE, NAME, KEEP_OPTION, [])),
        *_strings(project.get("keep_terms")),
        *_strings(project.get("do_not_translate")),
    ]
    lexicon = _lexicon(source, tuple(market), tuple(keep))
    candidates = list(_candidates(doc, lexicon, keep))
    if not candidates or not _localized(doc, lexicon):
        return
    source_name = cl101.language_name(source)
    wanted = cl101.language_name(market[0])
    for segment, fragment in candidates:
        if _for_cl101(segment, fragment, market):
            continue
        yield segment_hit(
            segment,
            fragment.start,
            fragment.end,
            f"'{fragment.text}' is {source_name} left in {ctx.market} copy",
            suggestion=f"Translate '{fragment.text}' into {wanted}",
            evidence=Evidence(profile=ctx.profile.tag, key="languages", source=None),
        )


def _candidates(
    doc: Document, lexicon: Lexicon, keep: list[str]
) -> Iterator[tuple[Segment, Fragment]]:
    split = clauses if lexicon.latin_market else latin_runs
    pieces: list[tuple[Segment, Fragment, bool]] = []
    for segment in doc.segments:
        if segment.source is not None and segment.text.strip() == segment.source.strip():
            continue  # a unit left as its source: CL102's finding
        text = _mask_terms(_mask_markup(mask_non_copy(segment.text)), keep)
        single = segment.kind in SINGLE_WORD_KINDS
        for fragment in split(text):
            pieces.append((segment, fragment, single and _whole(text, fragment)))
    lexicon.prefetch((fragment.text, single) for _, fragment, single in pieces)
    lexicon.prefetch_frequencies((fragment.text, single) for _, fragment, single in pieces)
    for segment, fragment, single_word in pieces:
        if lexicon.leftover(fragment.text, single_word=single_word):
            yield (
                segment,
                Fragment(fragment.start, fragment.end, segment.text[fragment.start : fragment.end]),
            )


def _languages(ctx: CheckContext) -> tuple[str, list[str]]:
    """The source language and the market's languages."""
    default_source = str(_project_l10n(ctx).get("source_locale") or "en")
    source = cl101.canonical(str(ctx.config.option(CODE, NAME, SOURCE_OPTION, default_source)))
    return source, list(dict.fromkeys(cl101.canonical(lang) for lang in ctx.profile.languages))


def prepare(ctx: CheckContext) -> None:
    """Queue the market languages' word tables on a first run (see `wordsets.market_tables`)."""
    source, market = _languages(ctx)
    if source not in market:
        for language in market:
            wordsets.prepare_market_tables(language)


def _project_l10n(ctx: CheckContext) -> dict[str, Any]:
    """The project-wide localization options (`options: {l10n: {...}}`), whose
    `source_locale`, `keep_terms` and `do_not_translate` this rule honours too."""
    raw = ctx.config.options.get(L10N_OPTIONS)
    return raw if isinstance(raw, dict) else {}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _mask_markup(text: str) -> str:
    """`text` with inline markup (<a href="...">, <strong>) blanked out, offsets kept:
    translation strings often carry tags, and their attributes are not copy."""
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


def _whole(text: str, fragment: Fragment) -> bool:
    """Whether `fragment` is all the words of `text` (punctuation aside)."""
    rest = text[: fragment.start] + text[fragment.end :]
    return not any(map(str.isalnum, rest))


def _mask_terms(text: str, keep: list[str]) -> str:
    """`text` with the project's do-not-translate terms blanked out, offsets kept."""
    for term in sorted(keep, key=len, reverse=True):
        pattern = compile_cached(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _localized(doc: Document, lexicon: Lexicon) -> bool:
    """Whether most of the document is in the market's language: a page that is
    English throughout is untranslated (CL101's finding), not one with leftovers."""
    if not lexicon.latin_market:
        scripts = script_counts("".join(s.text for s in doc.segments))
        letters = sum(scripts.values())
        return bool(letters) and scripts["Latin"] < LOCALIZED_SHARE * letters
    words = [w for s in doc.segments for w in _WORD.findall(mask_non_copy(s.text))]

    def mostly_market(depth: Depth) -> bool:
        kinds = [lexicon.kind(w, depth) for w in words]
        counted = [k for k in kinds if k is not Kind.NEUTRAL]
        return bool(counted) and counted.count(Kind.SOURCE) < LOCALIZED_SHARE * len(counted)

    # The market's tables only take words out of the source's count: a document that
    # is localized without them is localized with them.
    if mostly_market(Depth.SOURCE):
        return True
    lexicon.prefetch_market(words)
    return mostly_market(Depth.MARKET)


def _for_cl101(segment: Segment, fragment: Fragment, market: list[str]) -> bool:
    """A leftover that is the whole segment and long enough for CL101's language
    detection is CL101's finding: report it once."""
    if not _whole(segment.text, fragment):
        return False
    detected = cl101.detect(segment.text, frozenset(market))
    return detected is not None and detected.language not in market


CHECK = Check(
    code=CODE,
    name=NAME,
    category="language",
    severity=Severity.WARNING,
    prepare=prepare,
    options=options_schema(
        **{
            SOURCE_OPTION: {
                "type": "string",
                "pattern": LANGUAGE_TAG,
                "description": "the source language, if not options.l10n.source_locale",
            },
            KEEP_OPTION: {**STRINGS, "description": "source-language words that may stay"},
        }
    ),
    doc=RuleDoc(
        what=(
            "Flags short source-language fragments left in otherwise localized copy: "
            'a "Buy now" button, a "Learn more" link, an English heading, alt text or '
            "placeholder, or one English sentence inside a German paragraph. CL101 "
            "judges whole segments with a language detector; this rule finds what is "
            "too short for one.\n\n"
            "Only documents whose words are mostly in the market's language are "
            f"checked (less than {LOCALIZED_SHARE:.0%} source-language words): a page "
            "that is English throughout is CL101's finding. Segments are split into "
            "clauses (at sentence ends, dashes, bars, bullets, colons and line breaks); "
            "in markets written in another script (Japanese, Chinese, Korean, Arabic, "
            "Russian ...) the fragments are the runs of Latin-script words.\n\n"
            "A fragment is a leftover when all its words are source-language words "
            "(spaCy's stop words and the word forms of the spacy-lookups-data lemma "
            "tables) and at least half of them are not words of the market's language "
            "too. Words both languages use do not count against it: a word in the "
            "market language's tables, or one about as frequent in the market "
            f"language's corpus as in the source language's (within a factor of "
            f"e^{SHARED_LOG_RATIO:g}, where spacy-lookups-data has word frequencies for "
            'both, e.g. English and German), so "Online Shop", "App", "E-Mail", '
            '"Team" and "Design" are German. A fragment needs two words, and when only '
            "one of them is a source-only word it must be a function word "
            '("Contact us", "Our Team"; not "Smart Home"). A single word is enough in '
            'a button, placeholder or aria-label ("Subscribe"). Brand and product '
            "names never make a leftover: capitalised words that are in no dictionary "
            "(Firefox, iPhone), acronyms (PDF, USB), Title Case fragments without a "
            'function word ("Private Browsing"), and the project\'s do-not-translate '
            "terms (option `keep_terms`). A fragment that is a whole segment long "
            "enough for CL101 to detect its language is left to CL101.\n\n"
            "The source language is English unless the option `source_language` (or "
            "the project's `options.l10n.source_locale`) says otherwise; copy for a "
            "market that writes the source language is not checked. The project's "
            "`options.l10n.keep_terms` and `do_not_translate` are honoured too, and a "
            "translation unit left identical to its source is CL102's finding."
        ),
        why=(
            "A leftover button or sentence is the most visible sign of an unfinished "
            "localization, and the one translation pipelines produce most: a CMS "
            "falls back to the source string when a translation is missing, and a "
            "button label is often outside the text sent for translation. In France "
            "the Loi Toubon (Law 94-665, Art. 2) requires French in all written "
            "advertising; Poland's Language Act (Art. 7a) requires Polish in offers "
            "and consumer information."
        ),
        example=(
            "# market: de-DE\n"
            "<p>Entdecken Sie den Lautsprecher, der Ihr Zuhause mit Musik füllt.</p>\n"
            '<a class="cta" href="/kaufen">Buy now</a>'
        ),
        good_example=(
            "# market: de-DE\n"
            "<p>Entdecken Sie den Lautsprecher, der Ihr Zuhause mit Musik füllt.</p>\n"
            '<a class="cta" href="/kaufen">Jetzt kaufen</a>  (Online-Shop, App, E-Mail: fine)'
        ),
        fix=(
            "Translate the fragment. Product names and slogans that stay in English on "
            "purpose go into the project's do-not-translate list: "
            '`options: {source-language-leftover: {keep_terms: ["Made for you"]}}`.'
        ),
        sources=(
            "spaCy stop words and spacy-lookups-data lemma and frequency tables: "
            "https://github.com/explosion/spacy-lookups-data",
            "Loi n° 94-665 du 4 août 1994 (Loi Toubon), Art. 2: "
            "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000006421210",
        ),
    ),
    run=run,
)
