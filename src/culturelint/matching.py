"""Finding terms in copy.

Space-delimited languages are tokenized by a blank spaCy pipeline and lemmatized with
the lookup tables of spacy-lookups-data (no statistical model, nothing fetched at run
time). A term matches a run of whole tokens when, token by token, the case-folded
forms or the lemmas agree, so "Uhren" finds "Uhr" and "clocks" finds "clock", while
"Uhrzeit" does not find "Uhr". Words the lemma table does not know also match
without one inflectional ending ("schwarze" finds "schwarz"). Languages written
without spaces (Japanese, Chinese, Thai ...) match by characters, without spaCy.

spaCy and the lemma tables are loaded on first use, once per process and language:
a run whose checks never match terms in a spaced language never imports spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from culturelint.profiles.model import UNSPACED_LANGUAGES

# (start, end, case-folded form, lemma): offsets into the text that was tokenized.
Token = tuple[int, int, str, str]
# The same and the stems of a word its lemma table does not know.
_Token = tuple[int, int, str, str, tuple[str, ...]]

# Inflectional endings stripped from words missing from the lemma table, so that a
# term listed in its base form still finds them.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("e", "em", "en", "er", "es", "n", "s"),
    "nl": ("e", "en", "s"),
    "en": ("s", "es"),
    "fr": ("e", "s", "es"),
    "es": ("s", "es"),
    "pt": ("s",),
}

# spaCy languages whose blank tokenizer needs an optional third-party package unless
# told otherwise; these settings keep them on spaCy's own rule-based tokenizer.
_BLANK_CONFIG: dict[str, dict[str, Any]] = {
    "vi": {"nlp": {"tokenizer": {"use_pyvi": False}}},
}


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str  # the term as listed (not as found)


def base_language(language: str) -> str:
    """Language subtag of a tag: de-DE -> de, pt_BR -> pt, ZH -> zh."""
    return language.replace("_", "-").split("-")[0].strip().lower()


def is_unspaced(language: str) -> bool:
    return base_language(language) in UNSPACED_LANGUAGES


# -- spaced languages: spaCy tokens and lookup lemmas ------------------------------


@cache
def _nlp(language: str) -> Any:
    """A blank pipeline (tokenizer only); spaCy's multi-language one when the
    language has none or needs a package that is not installed (Korean needs mecab)."""
    import spacy

    try:
        return spacy.blank(language, config=_BLANK_CONFIG.get(language, {}))
    except (ImportError, ValueError, KeyError):
        return spacy.blank("xx")


@cache
def _lemma_table(language: str) -> dict[str, Any]:
    """The `lemma_lookup` table of spacy-lookups-data for `language`, or {}.

    Read through spaCy's lookups registry but kept as a plain dict: building a spaCy
    `Table` hashes every key and takes several times longer for the large tables.
    """
    from spacy.util import load_language_data, registry

    try:
        if language not in registry.lookups:
            return {}
        paths = registry.lookups.get(language)
    except (ImportError, ValueError, KeyError):
        return {}
    path = paths.get("lemma_lookup") if isinstance(paths, dict) else None
    if path is None:
        return {}
    table = load_language_data(path)
    return table if isinstance(table, dict) else {}


def _initial(text: str) -> str:
    """First letter without case or accents: "Äpfel" -> "a"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return decomposed[:1]


def _lemma(table: dict[str, Any], word: str, folded: str) -> tuple[str, bool]:
    """Case-folded lookup lemma of `word` (or `folded`), and whether the table knows
    the word as written or in lower case.

    The tables are keyed by surface form ("Uhren" but not "uhren", "clocks" but not
    "Clocks"), so the word is tried as written, in lower case and capitalized (for
    German nouns in all-caps headings). A lemma that does not start with the word's
    first letter is ignored: the tables map suppletive forms such as better -> well,
    beste -> gut or Sie -> ich, and matching on those would flag "better" for "best".
    """
    if not table:
        return folded, False
    for n, key in enumerate((word, word.lower(), word.capitalize())):
        value = table.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            if _initial(value) == _initial(word):
                return value.casefold(), n < 2
            return folded, False
    return folded, False


def _stems(language: str, folded: str) -> tuple[str, ...]:
    """The word without one inflectional ending of its language ("schwarze" -> "schwarz").

    Only for words the lemma table does not know: the German table, for one, lacks
    many inflected adjectives. Stems shorter than three letters are dropped.
    """
    return tuple(
        folded[: -len(ending)]
        for ending in _ENDINGS.get(language, ())
        if folded.endswith(ending) and len(folded) - len(ending) >= 3
    )


def _spaced_tokens(language: str, text: str) -> tuple[_Token, ...]:
    nlp = _nlp(language)
    table = _lemma_table(language)
    out: list[_Token] = []
    for token in nlp.make_doc(text):
        if token.is_space:
            continue
        word = token.text
        folded = word.casefold()
        lemma, known = _lemma(table, word, folded)
        stems = () if known else _stems(language, folded)
        out.append((token.idx, token.idx + len(word), folded, lemma, stems))
    return tuple(out)


@lru_cache(maxsize=2048)
def _analyse(language: str, text: str) -> tuple[_Token, ...]:
    """Tokens of `text`, cached because several rules look at the same segment."""
    if language in UNSPACED_LANGUAGES:
        return tuple((*t, ()) for t in _unspaced_tokens(text))
    return _spaced_tokens(language, text)


# -- unspaced languages: characters ------------------------------------------------


def _fold_char(ch: str) -> str:
    """Width and case folding of one character (full-width "Ｂ" -> "b")."""
    if ch.isascii():
        return ch.lower()
    return unicodedata.normalize("NFKC", ch).casefold()


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of its source character."""
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        parts.append(folded)
        index.extend([i] * len(folded))
    return "".join(parts), index


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _unspaced_tokens(text: str) -> tuple[Token, ...]:
    """One token per character, except runs of ASCII letters and digits ("iPhone")."""
    out: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        j = i + 1
        if _is_latin_word_char(ch):
            while j < n and _is_latin_word_char(text[j]):
                j += 1
        folded = _fold(text[i:j])
        out.append((i, j, folded, folded))
        i = j
    return tuple(out)


def tokens(language: str, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, case-folded form, lemma) of each word of `text`.

    For checks that need token-level facts (counting pronouns, say). Spaces are not
    tokens. In languages written without spaces each character is a token, except
    that runs of Latin letters and digits stay whole.
    """
    return [t[:4] for t in _analyse(base_language(language), text)]


# -- matchers ----------------------------------------------------------------------


class TermMatcher:
    """Matches a fixed list of terms in one language.

    Matches never overlap: at each position the longest term wins, and the search
    resumes after it. With `case_sensitive`, terms match their exact surface form and
    lemmas play no part (for formality markers such as German "Sie" against "sie").
    """

    def __init__(self, language: str, terms: Iterable[str], case_sensitive: bool = False) -> None:
        self.language = base_language(language)
        self.terms = tuple(dict.fromkeys(t for t in terms if t.strip()))
        self.case_sensitive = case_sensitive
        self.unspaced = self.language in UNSPACED_LANGUAGES
        self._regex: re.Pattern[str] | None = None
        self._by_term: dict[str, str] = {}
        self._index: dict[str, list[_Candidate]] | None = None  # spaced languages

    # The compiled form is built on first use so that constructing a matcher (at rule
    # load time, say) never imports spaCy.

    def find(self, text: str) -> list[TermMatch]:
        if not self.terms or not text:
            return []
        if self.unspaced:
            return self._find_chars(text)
        return self._find_tokens(text)

    # -- by characters -------------------------------------------------------------

    def _compile_chars(self) -> re.Pattern[str]:
        if self._regex is None:
            fold = (lambda s: s) if self.case_sensitive else _fold
            alternatives = []
            for term in sorted(self.terms, key=len, reverse=True):
                key = fold(term.strip())
                self._by_term.setdefault(key, term)
                body = re.escape(key)
                # Latin words inside CJK text still match whole: "best" not in "bestseller".
                if _is_latin_word_char(key[0]):
                    body = r"(?<![A-Za-z0-9])" + body
                if _is_latin_word_char(key[-1]):
                    body += r"(?![A-Za-z0-9])"
                alternatives.append(body)
            self._regex = re.compile("|".join(alternatives))
        return self._regex

    def _find_chars(self, text: str) -> list[TermMatch]:
        regex = self._compile_chars()
        if self.case_sensitive:
            return [
                TermMatch(m.start(), m.end(), self._by_term.get(m.group(0), m.group(0)))
                for m in regex.finditer(text)
            ]
        folded, index = _fold_with_index(text)
        out = []
        for m in regex.finditer(folded):
            if m.end() == m.start():
                continue
            start = index[m.start()]
            end = index[m.end() - 1] + 1
            out.append(TermMatch(start, end, self._by_term.get(m.group(0), m.group(0))))
        return out

    # -- by tokens -----------------------------------------------------------------

    def _compile_tokens(self) -> dict[str, list[_Candidate]]:
        """First-token key -> terms starting with it, each as one key set per token."""
        if self._index is not None:
            return self._index
        index: dict[str, list[_Candidate]] = {}
        for order, term in enumerate(self.terms):
            if self.case_sensitive:
                keys = tuple(frozenset({t[2]}) for t in self._surface_tokens(term))
            else:
                keys = tuple(frozenset({t[2], t[3]}) for t in _analyse(self.language, term))
            if not keys:
                continue
            for key in keys[0]:
                index.setdefault(key, []).append((keys, order, term))
        self._index = index
        return index

    def _surface_tokens(self, text: str) -> list[tuple[int, int, str]]:
        return [
            (t.idx, t.idx + len(t.text), t.text)
            for t in _nlp(self.language).make_doc(text)
            if not t.is_space
        ]

    def _find_tokens(self, text: str) -> list[TermMatch]:
        index = self._compile_tokens()
        if self.case_sensitive:
            toks = self._surface_tokens(text)
            spans = [(s, e) for s, e, _ in toks]
            keysets = [frozenset({k}) for _, _, k in toks]
        else:
            analysed = _analyse(self.language, text)
            spans = [(t[0], t[1]) for t in analysed]
            keysets = [frozenset({t[2], t[3], *t[4]}) for t in analysed]
        return _scan(spans, keysets, index)


# A term as one set of acceptable keys per token, its place in the list, and the term.
_Candidate = tuple[tuple[frozenset[str], ...], int, str]


def _scan(
    spans: Sequence[tuple[int, int]],
    keysets: Sequence[frozenset[str]],
    index: dict[str, list[_Candidate]],
) -> list[TermMatch]:
    """Leftmost-longest, non-overlapping matches of terms over tokens.

    A term token matches a text token when they share a key: the case-folded form,
    the lemma, or (text side only) a stem of a word the lemma table does not know.
    Among terms of equal length the one listed first wins.
    """
    out: list[TermMatch] = []
    i = 0
    n = len(spans)
    while i < n:
        best: tuple[int, int, str] | None = None  # (-length, order, term)
        for key in keysets[i]:
            for keys, order, term in index.get(key, ()):
                size = len(keys)
                if i + size > n:
                    continue
                rank = (-size, order, term)
                if best is not None and rank >= best:
                    continue
                if all(keys[j] & keysets[i + j] for j in range(size)):
                    best = rank
        if best is None:
            i += 1
            continue
        size = -best[0]
        out.append(TermMatch(spans[i][0], spans[i + size - 1][1], best[2]))
        i += size
    return out


@lru_cache(maxsize=512)
def _cached(language: str, terms: tuple[str, ...], case_sensitive: bool) -> TermMatcher:
    return TermMatcher(language, terms, case_sensitive=case_sensitive)


def matcher_for(language: str, terms: Iterable[str], case_sensitive: bool = False) -> TermMatcher:
    """A compiled matcher, shared across files for the same language and term list."""
    return _cached(base_language(language), tuple(terms), case_sensitive)
