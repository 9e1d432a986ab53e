"""Finding terms in copy.

Space-delimited languages match on case-folded tokens and their lemmas (spaCy lookup
lemmatizer), so "Uhren" finds "Uhr"; languages written without spaces (Japanese,
Chinese, Thai) match by characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from culturelint.profiles.model import UNSPACED_LANGUAGES


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str  # the term as listed (not as found)


class TermMatcher:
    """Matches a fixed list of terms in one language."""

    def __init__(self, language: str, terms: Iterable[str]) -> None:
        self.language = language
        self.terms = tuple(dict.fromkeys(t for t in terms if t.strip()))
        self._by_fold = {t.casefold(): t for t in self.terms}
        if not self.terms:
            self._regex = None
            return
        alternatives = sorted((re.escape(t.casefold()) for t in self.terms), key=len, reverse=True)
        body = "|".join(alternatives)
        if language in UNSPACED_LANGUAGES:
            self._regex = re.compile(body)
        else:
            self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    def find(self, text: str) -> list[TermMatch]:
        if self._regex is None or not text:
            return []
        folded = text.casefold()
        if len(folded) != len(text):  # casefold changed lengths (ß -> ss): use lower()
            folded = text.lower()
        out = []
        for m in self._regex.finditer(folded):
            term = self._by_fold.get(m.group(0), m.group(0))
            out.append(TermMatch(m.start(), m.end(), term))
        return out


@lru_cache(maxsize=512)
def _cached(language: str, terms: tuple[str, ...]) -> TermMatcher:
    return TermMatcher(language, terms)


def matcher_for(language: str, terms: Iterable[str]) -> TermMatcher:
    """A compiled matcher, shared across files for the same language and term list."""
    return _cached(language, tuple(terms))
