"""langdetect's sampling, stopped as soon as the answer can no longer change CL101's.

langdetect runs seven seeded trials and averages them. CL101 stays quiet whenever one
of the market's languages ends with a probability of at least MARKET_PROBABILITY, and
the average only grows as trials are added (each adds a share that is never negative).
So once the trials so far give a market language more than that, the remaining trials
cannot change the outcome, and they are skipped. Copy reaching langdetect is nearly
always in the market's language: on the benchmark corpus every such paragraph stopped
after the first trial, a sixth of the time.

The trials that do run are langdetect's own (`Detector._update_lang_prob` and
`_normalize_prob` with the same random sequence), so every probability computed is
bit for bit langdetect's; with no languages to stop at, the answer is langdetect's
whole answer.

The n-grams sampled are langdetect's too, taken word by word (`_extract_ngrams`):
langdetect calls three methods per character of the text, which took longer than the
trial itself. The n-grams and their order are the same, so the random sampling over
them is too (a test compares them on thousands of texts).

Imported only when a segment needs langdetect.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from culturelint.checks._util import CharacterTable

# Each character as NGram.normalize gives it.
_NORMALIZED = CharacterTable(NGram.normalize)
# (normalized word, space after it) -> the n-grams langdetect takes from it.
_WORD_NGRAMS: dict[tuple[str, bool], tuple[str, ...]] = {}
_WORD_MEMO_LIMIT = 50_000
# The n-gram table the memo was filled with (langdetect's profiles, as loaded once).
_MEMO_TABLE: list[Any] = [None]


class EarlyStopDetector(Detector):
    """A langdetect `Detector` that stops between trials once any language in
    `stop_at` (langdetect's codes) has more than `above` of the final average."""

    def __init__(self, factory: Any, stop_at: Iterable[str] = (), above: float = 1.0) -> None:
        super().__init__(factory)
        stop = set(stop_at)
        self._stop_at = [i for i, lang in enumerate(self.langlist) if lang in stop]
        self._above = above
        self.trials = 0  # trials run so far

    def _detect_block(self) -> None:
        # langdetect 1.0.9's Detector._detect_block with the stop test after each
        # trial, and without its verbose printing. langdetect: Copyright 2014-2015
        # Michal Danilak, after Cybozu Labs' language-detection; Apache License 2.0.
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")

        self.langprob = [0.0] * len(self.langlist)

        self.random.seed(self.seed)
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH

            i = 0
            while True:
                self._update_lang_prob(prob, self.random.choice(ngrams), alpha)
                if i % 5 == 0:
                    if (
                        self._normalize_prob(prob) > self.CONV_THRESHOLD
                        or i >= self.ITERATION_LIMIT
                    ):
                        break
                i += 1
            for j in range(len(self.langprob)):
                self.langprob[j] += prob[j] / self.n_trial
            self.trials += 1
            if any(self.langprob[j] > self._above for j in self._stop_at):
                return

    def _extract_ngrams(self) -> list[str]:
        # langdetect 1.0.9's Detector._extract_ngrams with NGram.add_char, word by
        # word. Its buffer of the last three normalized characters and its
        # capital-word rule both start again after each space, so a word gives the
        # same n-grams wherever it stands: they depend only on the word and on
        # whether a space follows it. Words repeat, so each is worked out once.
        known = self.word_lang_prob_map
        if _MEMO_TABLE[0] is not known:  # another factory's table: other n-grams
            _WORD_NGRAMS.clear()
            _MEMO_TABLE[0] = known
        words = self.text.translate(_NORMALIZED).split(" ")
        last = len(words) - 1
        result: list[str] = []
        for i, word in enumerate(words):
            if word:
                key = (word, i < last)
                found = _WORD_NGRAMS.get(key)
                if found is None:
                    found = _word_ngrams(word, i < last, known)
                    if len(_WORD_NGRAMS) >= _WORD_MEMO_LIMIT:
                        _WORD_NGRAMS.clear()
                    _WORD_NGRAMS[key] = found
                result.extend(found)
        return result


def _word_ngrams(word: str, space_after: bool, known: Any) -> tuple[str, ...]:
    """The n-grams NGram.add_char and Detector._extract_ngrams take from one word
    (normalized, no space in it) after a space, and from the space after it."""
    out: list[str] = []
    grams = " "
    previous = " "
    capital_word = False
    for ch in word + " " if space_after else word:
        if len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if previous.isupper():
                capital_word = True
        else:
            capital_word = False
        previous = ch
        if capital_word:
            continue
        if ch != " " and ch in known:
            out.append(ch)
        if len(grams) >= 2 and grams[-2:] in known:
            out.append(grams[-2:])
        if len(grams) >= 3 and grams in known:
            out.append(grams)
    return tuple(out)
