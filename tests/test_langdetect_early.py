"""langdetect stopped early: the same probabilities when it runs to the end, the same
CL101 decisions when it stops, and answers remembered only where they apply."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from culturelint.checks import language
from culturelint.checks._util import script_counts
from culturelint.profiles import validcache

TEXTS = [
    "The quick brown fox jumps over the lazy dog and keeps running all day.",
    "Over 4000 customers already trust Kestrel every day, from Boston to Denver.",
    "Der schnelle braune Fuchs springt über den faulen Hund und rennt weiter.",
    "Versandkostenfrei ab 50 Euro, Rückgabe innerhalb von dreißig Tagen möglich.",
    "Le renard brun rapide saute par-dessus le chien paresseux tous les jours.",
    "Livraison offerte dès 50 euros, retours gratuits pendant trente jours.",
    "El rápido zorro marrón salta sobre el perro perezoso cada mañana.",
    "Envío gratuito en pedidos superiores a 50 euros, devoluciones en treinta días.",
    "A rápida raposa marrom pula sobre o cão preguiçoso todas as manhãs.",
    "De snelle bruine vos springt over de luie hond en rent verder.",
    "Szybki brązowy lis przeskakuje nad leniwym psem każdego ranka.",
    "Быстрая коричневая лиса прыгает через ленивую собаку каждое утро.",
]
MARKETS = [{"en"}, {"de"}, {"fr"}, {"es"}, {"pt"}, {"nl"}, {"de", "fr"}, {"fr", "nl"}]


@pytest.fixture(autouse=True)
def no_cache() -> Iterator[None]:
    validcache.configure(None)
    language._factory.cache_clear()
    yield
    validcache.configure(None)
    language._factory.cache_clear()


def _mixtures(count: int) -> list[str]:
    """Word salads across the languages above: the doubtful cases."""
    rng = random.Random(11)
    words = " ".join(TEXTS).split()
    return [" ".join(rng.choices(words, k=rng.randint(6, 30))) for _ in range(count)]


def test_run_to_the_end_it_is_langdetect_bit_for_bit() -> None:
    from langdetect.detector import Detector

    from culturelint.checks._langdetect_early import EarlyStopDetector

    factory = language._factory()
    for text in [*TEXTS, *_mixtures(40)]:
        theirs, ours = Detector(factory), EarlyStopDetector(factory)
        theirs.append(text)
        ours.append(text)
        expected = [(x.lang, x.prob) for x in theirs.get_probabilities()]
        assert [(x.lang, x.prob) for x in ours.get_probabilities()] == expected
        assert ours.langprob == theirs.langprob
        assert ours.trials == ours.n_trial


def _decide(text: str, expected: frozenset[str]) -> language.Detection | None:
    scripts = script_counts(text)
    return language._langdetect(text, scripts, sum(scripts.values()), expected)


def _realcopy() -> list[str]:
    """The lines of professionally localized strings in seven languages, Japanese and
    Chinese among them (shared/data/realcopy)."""
    from checkutil import REALCOPY

    texts = []
    for path in sorted(REALCOPY.rglob("*.ftl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(line.split(" = ", 1)[-1].strip())
    return texts


def _odd_texts(count: int) -> list[str]:
    """Random text from pieces that exercise every branch of langdetect's n-gram
    buffer: capitals in runs, punctuation and spaces of every kind, scripts that
    normalize to one character, Vietnamese marks, digits, an ideographic space."""
    rng = random.Random(7)
    pieces = [
        *"aAbBzZéÉßçñ ,.-'’!?0123456789\n\t",
        "\u00a0",
        "\u2009",
        "\u3000",
        "ab",
        "USA",
        "iPhone",
        "ÉTÉ",
        "ひらがな",
        "カタカナ",
        "漢字中文",
        "한국어",
        "ㄅㄆ",
        "مرحبا",
        "ی",
        "Tiếng Việt",
        "a\u0301",
        "ș",
        "ț",
        "Ặ",
        "Привет",
        "שלום",
    ]
    return ["".join(rng.choices(pieces, k=rng.randint(1, 40))) for _ in range(count)]


def test_the_ngrams_are_langdetects_in_the_same_order() -> None:
    """The random sampling picks n-grams by index: the list must be langdetect's."""
    from langdetect.detector import Detector

    from culturelint.checks._langdetect_early import EarlyStopDetector

    factory = language._factory()
    real = _realcopy()
    assert len(real) > 1000
    texts = [*TEXTS, *_mixtures(40), *_odd_texts(3000), *real]
    for text in texts:
        theirs, ours = Detector(factory), EarlyStopDetector(factory)
        theirs.append(text)
        ours.append(text)
        theirs.cleaning_text()
        ours.cleaning_text()
        assert ours._extract_ngrams() == theirs._extract_ngrams(), ascii(text)
        assert ours._extract_ngrams() == theirs._extract_ngrams()  # and from the memo


def test_the_word_memo_follows_the_ngram_table() -> None:
    """Words worked out against one factory's n-gram table are not reused for
    another's: a table of other profiles gives other n-grams."""
    from types import SimpleNamespace

    from langdetect.detector import Detector

    from culturelint.checks._langdetect_early import EarlyStopDetector

    real = language._factory()
    small = SimpleNamespace(word_lang_prob_map={"h": [1.0], " h": [1.0]}, langlist=["xx"], seed=0)
    for factory in (real, small, real):
        theirs, ours = Detector(factory), EarlyStopDetector(factory)
        for detector in (theirs, ours):
            detector.append("hello there, hello")
            detector.cleaning_text()
        assert ours._extract_ngrams() == theirs._extract_ngrams()
    assert theirs._extract_ngrams() != ["h", " h", "h", " h"]  # the real table again


def test_stopping_early_never_changes_what_cl101_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [*TEXTS, *_mixtures(60)]
    whole_answers = {text: language._detect(text)[0] for text in texts}
    early_answers = {
        (text, frozenset(m)): language._detect(text, frozenset(m))
        for text in texts
        for m in MARKETS
    }
    cases = list(early_answers)
    monkeypatch.setattr(language, "_probabilities", lambda text, _langs: whole_answers[text])
    whole = [_decide(text, langs) for text, langs in cases]
    monkeypatch.setattr(
        language, "_probabilities", lambda text, langs: early_answers[text, langs][0]
    )
    early = [_decide(text, langs) for text, langs in cases]
    assert early == whole
    # The comparison means something only if both outcomes occur and stops happen.
    assert any(found is not None for found in whole)
    assert any(found is None for found in whole)
    assert any(not complete for _, complete in early_answers.values())
    # A stop is only ever made when a market language ends, with every trial, at
    # MARKET_PROBABILITY or more: the rule that keeps CL101 quiet.
    for (text, langs), (_, complete) in early_answers.items():
        if not complete:
            ending = whole_answers[text]
            assert any(ending.get(lang, 0.0) >= language.MARKET_PROBABILITY for lang in langs)


@pytest.mark.parametrize(
    ("text", "market", "stops"),
    [
        (TEXTS[0], {"en"}, True),  # the market's own language: settled by the first trial
        (TEXTS[2], {"de"}, True),
        (TEXTS[2], {"de", "fr"}, True),
        (TEXTS[2], {"en"}, False),  # foreign copy: every trial runs, as langdetect's
        (TEXTS[4], {"es"}, False),
        (TEXTS[0], set(), False),  # nothing to stop at
    ],
)
def test_sampling_stops_only_at_a_market_language(text: str, market: set[str], stops: bool) -> None:
    probabilities, whole = language._detect(text, frozenset(market))
    assert whole is not stops
    if not stops:
        assert probabilities == language._detect(text)[0]


def test_a_whole_answer_serves_every_market_a_partial_one_only_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validcache.configure(tmp_path / ".culturelint_cache")
    english, german = TEXTS[0], TEXTS[2]
    whole_english = language._detect(english)[0]
    partial = language._probabilities(english, frozenset({"en"}))
    assert partial != whole_english
    # The English market's shortcut is not the German market's answer.
    assert language._probabilities(english, frozenset({"de"})) == whole_english
    assert language._probabilities(german, frozenset({"en"})) == language._detect(german)[0]
    validcache.flush_stores()
    validcache._store_at.cache_clear()  # a new process opens the store afresh

    def no_detector(_text: str, _langs: frozenset[str]) -> tuple[dict[str, float], bool]:
        raise AssertionError("answered by langdetect again")

    monkeypatch.setattr(language, "_detect", no_detector)
    assert language._probabilities(english, frozenset({"en"})) == whole_english  # whole now
    assert language._probabilities(german, frozenset({"fr"})) == language._probabilities(
        german, frozenset({"en"})
    )
    with pytest.raises(AssertionError, match="again"):
        language._probabilities(TEXTS[4], frozenset({"fr"}))


@pytest.mark.parametrize(
    ("text", "languages", "other_text"),
    [
        ("Hello", ["en"], "Hello\0en"),
        ("Hello", ["en"], '["partial", "en", "Hello"]'),
        ("Hello", ["de", "fr"], "Hello\0de\0fr"),
    ],
)
def test_no_text_takes_the_key_of_another_answer(
    text: str, languages: list[str], other_text: str
) -> None:
    partial = language._answer_key(text, languages)
    assert partial != language._answer_key(other_text)
    assert partial != language._answer_key(text)
    assert language._answer_key(text, languages) == partial  # and it is stable


def test_the_stop_leaves_the_market_language_in_the_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stop is made only above MARKET_PROBABILITY (the rule's own threshold) and
    above langdetect's reporting threshold, below which a language is left out of
    the answer and could not keep CL101 quiet."""
    from culturelint.checks import _langdetect_early

    made: list[float] = []

    class Recording(_langdetect_early.EarlyStopDetector):
        def __init__(self, factory: object, stop_at: list[str], above: float) -> None:
            made.append(above)
            super().__init__(factory, stop_at, above)

    monkeypatch.setattr(_langdetect_early, "EarlyStopDetector", Recording)
    language._detect(TEXTS[0], frozenset({"en"}))
    (above,) = made
    assert above >= language.MARKET_PROBABILITY
    assert above >= Recording.PROB_THRESHOLD
