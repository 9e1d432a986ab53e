"""The lazily compiled token_match must answer exactly as the whole pattern does."""

from __future__ import annotations

import random
import re

import pytest

from culturelint.matching import _LazyAlternation


@pytest.fixture(scope="module")
def french_token_match() -> re.Pattern[str]:
    from spacy.lang.fr import French

    return French.Defaults.token_match.__self__  # type: ignore[union-attr]


def _words() -> list[str]:
    from spacy.lang.fr.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    rng = random.Random(7)
    words = list(TOKENIZER_EXCEPTIONS)[:3000]
    words += [
        "e-mail",
        "aujourd'hui",
        "c'est-à-dire",
        "anti-âge",
        "hip-hop",
        "l'offre",
        "rendez-vous",
        "Saint-Étienne",
        "porte-monnaie",
        "bonjour",
        "prix",
        "-",
        "'",
    ]
    stems = ["anti", "hip", "porte", "auto", "contre", "sous", "grand", "l", "d", "qu"]
    for _ in range(3000):
        sep = rng.choice(["-", "'", "’", ""])
        tail = "".join(rng.choice("abcdéèàùç") for _ in range(rng.randint(0, 6)))
        words.append(rng.choice(stems) + sep + tail)
    return words


def test_same_answers_as_the_whole_french_pattern(french_token_match: re.Pattern[str]) -> None:
    lazy = _LazyAlternation(french_token_match.pattern, french_token_match.flags)
    for word in _words():
        assert bool(lazy.match(word)) == bool(french_token_match.match(word)), word
