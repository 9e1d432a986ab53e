"""Term matching: whole tokens, case-folded or by lemma; characters for unspaced scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from culturelint.matching import TermMatch, TermMatcher, matcher_for, tokens

SRC = Path(__file__).resolve().parents[1] / "src"


def found(language: str, terms: list[str], text: str, **kwargs: bool) -> list[tuple[str, str]]:
    """(text as found, term as listed) for each match."""
    return [
        (text[m.start : m.end], m.term) for m in matcher_for(language, terms, **kwargs).find(text)
    ]


@pytest.mark.parametrize(
    ("language", "terms", "text", "expected"),
    [
        # German: plural by lemma, capitals, whole tokens only.
        ("de", ["Uhr"], "Neue Uhren im Angebot", [("Uhren", "Uhr")]),
        ("de", ["Uhr"], "UHREN HEUTE REDUZIERT", [("UHREN", "Uhr")]),
        ("de", ["Kunde"], "Unsere Kunden lieben es", [("Kunden", "Kunde")]),
        # German adjectives the lemma table lacks: one inflectional ending is dropped.
        ("de", ["schwarz"], "Das schwarze Kleid", [("schwarze", "schwarz")]),
        ("de", ["unser"], "unsere Preise", [("unsere", "unser")]),
        ("en", ["iphone"], "Two iPhones", [("iPhones", "iphone")]),
        # English: plural, capitalized, superlative kept as written.
        ("en", ["clock"], "Clocks and a clock.", [("Clocks", "clock"), ("clock", "clock")]),
        ("en", ["clocks"], "Buy a clock", [("clock", "clocks")]),
        ("en", ["best"], "Best prices", [("Best", "best")]),
        ("en", ["guarantee"], "All guarantees apply", [("guarantees", "guarantee")]),
        # French: feminine and plural forms by lemma.
        (
            "fr",
            ["gratuit"],
            "Livraison gratuite, retours gratuits",
            [("gratuite", "gratuit"), ("gratuits", "gratuit")],
        ),
        ("fr", ["meilleur"], "Les meilleures offres", [("meilleures", "meilleur")]),
        # Spanish: plural by lemma, capitals by case folding.
        ("es", ["reloj"], "Relojes de pared", [("Relojes", "reloj")]),
        ("es", ["gratis"], "Envío GRATIS", [("GRATIS", "gratis")]),
        ("es", ["garantizado"], "Resultados garantizados", [("garantizados", "garantizado")]),
    ],
)
def test_lemma_and_case_folded_matches(
    language: str, terms: list[str], text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(language, terms, text) == expected


@pytest.mark.parametrize(
    ("language", "terms", "text"),
    [
        ("de", ["Uhr"], "Die Uhrzeit steht fest"),  # compound, not the word
        ("de", ["best"], "Bitte bestätigen Sie"),  # prefix of a longer word
        ("en", ["clock"], "Clockwork orange"),
        ("en", ["best"], "A better deal"),  # the tables lemmatize both to "well"
        ("de", ["ich"], "Sie und wir"),  # the German table maps both to "ich"
        ("en", ["car"], "Who cares"),  # known to the table as a form of "care"
        ("de", ["Uhr"], "Uhrzeiten"),
        ("en", ["click here"], "click there, then here"),
        ("fr", ["gratuit"], "gratuitement"),
        ("es", ["reloj"], "relojería"),
    ],
)
def test_near_misses_do_not_match(language: str, terms: list[str], text: str) -> None:
    assert found(language, terms, text) == []


def test_multi_word_terms_match_across_spacing_and_case() -> None:
    text = "Please Click  here\nor CLICK HERE now"
    assert found("en", ["click here"], text) == [
        ("Click  here", "click here"),
        ("CLICK HERE", "click here"),
    ]


def test_longest_term_wins_and_matches_do_not_overlap() -> None:
    text = "Get free shipping today"
    assert found("en", ["free", "free shipping"], text) == [("free shipping", "free shipping")]


def test_offsets_point_into_the_original_text() -> None:
    text = "Straße:  Die   Uhren!"
    (match,) = matcher_for("de", ["Uhr"]).find(text)
    assert match == TermMatch(start=15, end=20, term="Uhr")
    assert text[match.start : match.end] == "Uhren"


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        (["最高"], "業界最高の品質", [("最高", "最高")]),
        (["最高", "最高級"], "最高級の牛肉", [("最高級", "最高級")]),
        (["最好"], "这是最好的选择", [("最好", "最好")]),
        # Latin letters inside Japanese text: case- and width-folded, whole words.
        (["iphone"], "新しいiPhoneを買う", [("iPhone", "iphone")]),
        (["best"], "ｂｅｓｔ価格", [("ｂｅｓｔ", "best")]),
        (["best"], "bestsellerランキング", []),
        (["セール"], "ｾｰﾙ開催中", [("ｾｰﾙ", "セール")]),
        (["nope"], "何もない", []),
    ],
)
def test_unspaced_languages_match_by_characters(
    terms: list[str], text: str, expected: list[tuple[str, str]]
) -> None:
    language = "zh" if "这" in text else "ja"
    assert found(language, terms, text) == expected


def test_unspaced_offsets_survive_width_folding() -> None:
    text = "今日はＢＥＳＴセール"
    (match,) = matcher_for("ja", ["best"]).find(text)
    assert (match.start, match.end) == (3, 7)


@pytest.mark.parametrize(
    ("terms", "text", "expected"),
    [
        (["Sie"], "Können Sie uns helfen?", [("Sie", "Sie")]),
        (["Sie"], "Ob sie kommt?", []),
        (["Sie"], "SIE", []),
        (["Ihr"], "Ihr Konto", [("Ihr", "Ihr")]),
        (["Ihr"], "Habt ihr Zeit?", []),
        (["Ihr"], "Ihre Bestellung", []),  # no lemmas when case-sensitive
    ],
)
def test_case_sensitive_markers_match_the_surface_form(
    terms: list[str], text: str, expected: list[tuple[str, str]]
) -> None:
    assert found("de", terms, text, case_sensitive=True) == expected


def test_case_insensitive_matching_ignores_case_of_markers() -> None:
    assert found("de", ["Sie"], "sie und Sie") == [("sie", "Sie"), ("Sie", "Sie")]


def test_case_sensitive_unspaced() -> None:
    assert found("ja", ["ABC"], "ABCとabc", case_sensitive=True) == [("ABC", "ABC")]


def test_region_tags_use_the_base_language() -> None:
    assert found("de-DE", ["Uhr"], "Uhren") == [("Uhren", "Uhr")]
    assert TermMatcher("ja_JP", ["東京"]).find("東京へ") == [TermMatch(0, 2, "東京")]


def test_language_without_lemma_table_matches_case_folded_tokens() -> None:
    assert found("fi", ["paras"], "Paras laatu, parasta") == [("Paras", "paras")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("최고 품질", ["최고"]),
        ("최고의 품질", ["최고"]),  # the particle 의 attached
        ("품질이 최고입니다", ["최고"]),
        ("사업자  등록번호는", ["사업자 등록번호"]),  # two spaces, a particle
        ("비최고 품질", []),  # inside another word
    ],
)
def test_korean_terms_match_at_the_start_of_a_word(text: str, expected: list[str]) -> None:
    matches = matcher_for("ko", ["최고", "사업자 등록번호"]).find(text)
    assert [m.term for m in matches] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("النبيذ الأحمر", ["نبيذ"]),  # the article
        ("عروض على والنبيذ وبالبيرة", ["نبيذ", "بيرة"]),  # "and the", "with the"
        ("للخمر", ["الخمر"]),  # listed with its article, found with ل
        ("تخفيضات كبيرة", []),  # "big": بيرة inside another word
        ("الخمرة", []),  # a longer word
        ("له وله", []),  # الله is not ال + له
        ("والله", ["الله"]),
    ],
)
def test_arabic_terms_match_after_the_article_and_one_letter_particles(
    text: str, expected: list[str]
) -> None:
    matches = matcher_for("ar", ["نبيذ", "الخمر", "بيرة", "الله"]).find(text)
    assert [m.term for m in matches] == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_and_empty_term_lists(text: str) -> None:
    assert matcher_for("en", ["x"]).find(text) == []
    assert matcher_for("en", []).find("anything") == []
    assert matcher_for("en", ["  "]).find("anything") == []


def test_matchers_are_cached_per_language_and_terms() -> None:
    assert matcher_for("en", ["a", "b"]) is matcher_for("en", ("a", "b"))
    assert matcher_for("en", ["a"]) is not matcher_for("en", ["a"], case_sensitive=True)


def test_tokens_give_offsets_folded_forms_and_lemmas() -> None:
    text = "Die Uhren sind da."
    assert tokens("de", text) == [
        (0, 3, "die", "der"),
        (4, 9, "uhren", "uhr"),
        (10, 14, "sind", "sein"),
        (15, 17, "da", "da"),
        (17, 18, ".", "."),
    ]


def test_tokens_of_unspaced_text_are_characters_and_latin_words() -> None:
    assert tokens("ja", "新型iPhone 15") == [
        (0, 1, "新", "新"),
        (1, 2, "型", "型"),
        (2, 8, "iphone", "iphone"),
        (9, 11, "15", "15"),
    ]


def _run_isolated(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=True,
    )
    return result.stdout.strip()


def test_long_runs_keep_the_rule_tokenizer() -> None:
    """Megabytes of one language are split by the rules too: with its chunk memo warm
    the rule tokenizer is faster than spaCy, whose import and pipeline cost seconds."""
    code = (
        "import sys\n"
        "from culturelint.matching import _tokenizer\n"
        "split = _tokenizer('en')\n"
        'text = "Our summer sale starts today, don\'t miss it (e.g. 4K TVs)! " * 40\n'
        "spans = [split(text + str(i)) for i in range(1000)]\n"
        "assert sum(len(text) for _ in spans) > 2_000_000\n"
        "assert spans[0][:3] == [(0, 3), (4, 10), (11, 15)]\n"
        "print('spacy' in sys.modules)\n"
    )
    assert _run_isolated(code) == "False"


def test_spacy_is_not_imported_for_unspaced_languages_or_at_import() -> None:
    code = (
        "import sys\n"
        "from culturelint.matching import matcher_for, tokens, TermMatcher\n"
        "TermMatcher('en', ['clock'])\n"
        "assert matcher_for('ja', ['最高']).find('業界最高')\n"
        "tokens('zh', '最好')\n"
        "print('spacy' in sys.modules)\n"
    )
    assert _run_isolated(code) == "False"


# -- terms looked for in copy of another language -------------------------------------


@pytest.mark.parametrize(
    ("language", "terms", "text", "found"),
    [
        ("en", ["mouse"], "Zwei mice im Haus", ["mice"]),  # lemma table: mice -> mouse
        ("en", ["summer"], "Unser SUMMERS-Deal", ["SUMMERS"]),  # stem and case
        ("en", ["summer sale"], "Jetzt: Summer Sale!", ["Summer Sale"]),
        ("de", ["Baum"], "Big trees: Bäume", ["Bäume"]),  # Bäume -> Baum, no "baum" in it
        ("en", ["summer"], "夏のセール Summer 開催", ["Summer"]),
        ("en", ["mouse"], "Ein Mausklick genügt", []),
        ("en", ["summer"], "Sommerschlussverkauf", []),
    ],
)
def test_foreign_copy_gives_the_same_matches(
    language: str, terms: list[str], text: str, found: list[str]
) -> None:
    matcher = TermMatcher(language, terms)
    foreign = matcher.find(text, foreign=True)
    assert foreign == matcher.find(text)
    assert [text[m.start : m.end] for m in foreign] == found


def test_foreign_copy_without_a_form_of_the_terms_is_not_tokenized() -> None:
    from culturelint import matching

    matcher = TermMatcher("en", ["midsummer", "summer", "summertime"])
    text = "Die neue Winterkollektion ist da, mit 30 % Rabatt auf alles 4711."
    assert matcher.find(text, foreign=True) == []
    assert matcher._forms == ("summer",)  # the longer forms hold it
    before = matching._analysed.cache_info().currsize
    matcher.find(text + " Noch heute.", foreign=True)
    assert matching._analysed.cache_info().currsize == before


def test_foreign_and_plain_search_agree_on_mixed_copy() -> None:
    """Word salads of English, German, Spanish and French copy with inflected and
    irregular forms: every term list finds the same matches either way."""
    import random

    words = (
        "the mice sang better songs in summers past mouse geese goose went gone "
        "die Bäume Baum Häuser Haus größte groß Mäuse besten gut "
        "los árboles árbol hablo hablar fui ir mejores bueno "
        "les souris chevaux cheval été allé aller meilleurs bon "
        "ıyi Iyi İstanbul STRASSE Straße Summer-Sale x4 4K 24/7"
    ).split()
    term_lists = {
        "en": ["mouse", "goose", "good", "summer sale", "sing", "go"],
        "de": ["Baum", "Haus", "groß", "Maus", "gut", "Straße"],
        "es": ["árbol", "hablar", "ir", "bueno"],
        "fr": ["cheval", "aller", "bon", "souris"],
    }
    rng = random.Random(3)
    checked = 0
    for _ in range(600):
        text = " ".join(rng.choices(words, k=rng.randint(1, 12)))
        for language, terms in term_lists.items():
            matcher = matcher_for(language, terms)
            plain = matcher.find(text)
            assert matcher.find(text, foreign=True) == plain, (language, text)
            checked += bool(plain)
    assert checked > 300


def test_case_folding_leaves_words_as_slices_of_the_folded_text() -> None:
    """What the foreign search relies on: case folding goes character by character,
    and a word looked up as written, in lower case or capitalized folds the same,
    except for dotless ı (capitalized I), which `_inflected_forms` allows for."""
    differ = [
        chr(i)
        for i in range(sys.maxunicode + 1)
        if chr(i).lower().casefold() != chr(i).casefold()
        or chr(i).title().casefold() != chr(i).casefold()
    ]
    assert differ == ["ı"]
    text = "ΣΟΦΟΣ Straße İstanbul ǅemal ﬃ"
    assert "".join(c.casefold() for c in text) == text.casefold()


def test_inflected_forms_are_the_words_that_do_not_hold_their_lemma(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from culturelint import matching
    from culturelint.profiles import validcache

    validcache.configure(None)
    table = {"mice": ["mouse"], "Mäuse": "Maus", "mouses": "mouse", "Ide": "ide", "x": ""}
    monkeypatch.setattr(matching, "_lemma_table", lambda language: table)
    # "ıde" capitalizes to "Ide", so it looks that entry up, and does not hold "ide".
    assert matching._inflected_forms("xx", ("ide", "maus", "mouse")) == ["mice", "mäuse", "ıde"]
    assert matching._inflected_forms("xx", ("cat",)) == []


def test_a_long_term_list_in_foreign_copy_is_searched_by_tokens() -> None:
    from culturelint import matching

    terms = [f"word{i}x" for i in range(matching._MAX_FORMS + 1)]
    matcher = TermMatcher("en", terms)
    assert matcher.find("Ein word7x hier", foreign=True) == matcher.find("Ein word7x hier")
    assert matcher._forms == ("",)  # every text is tokenized, as without `foreign`
    short = TermMatcher("en", terms[:3])
    assert not short._may_hold_terms("Ein Text")
    assert short._forms == ("word0x", "word1x", "word2x")


# -- one test per document: find_each -------------------------------------------------

_SEGMENTS = {
    "en": ["Buy two clocks today.", "Clockwise, not a", "clock", "BEST PRICES", ""],
    "de": ["Neue Uhren im Angebot", "Uhrzeit: 10 Uhr", "Heute neu"],
    "ja": ["白いシャツ", "面白い話", "ＢＥＳＴ価格", "best"],
    "zh": ["纯白的礼盒", "送钟", "白", "色"],
    "ar": ["والبيرة الباردة", "كبيرة", "بيرة خالية من الكحول"],
    "ko": ["통신판매업신고는 완료", "신고", "통신"],
}
_TERMS = {
    "en": ["clock", "best price", "buy"],
    "de": ["Uhr", "neu"],
    "ja": ["白い", "best"],
    "zh": ["白色", "钟", "纯白"],
    "ar": ["البيرة", "الكحول"],
    "ko": ["통신판매업", "신고"],
}


@pytest.mark.parametrize("case_sensitive", [False, True])
@pytest.mark.parametrize("language", sorted(_SEGMENTS))
def test_find_each_gives_what_find_gives_on_each_text(language: str, case_sensitive: bool) -> None:
    matcher = TermMatcher(language, _TERMS[language], case_sensitive=case_sensitive)
    texts = _SEGMENTS[language]
    expected = [(i, matcher.find(t)) for i, t in enumerate(texts) if matcher.find(t)]
    assert list(matcher.find_each(texts)) == expected
    if not case_sensitive:
        assert expected  # each language's texts hold matches, so the test can fail


@pytest.mark.parametrize(
    ("language", "terms", "texts"),
    [
        # A term split over two texts is in neither: joining them must not find it.
        ("zh", ["白色"], ["纯白", "色的礼盒"]),
        ("ja", ["白い"], ["白", "い"]),
        ("ar", ["البيرة الباردة"], ["البيرة", "الباردة"]),
        ("en", ["best price"], ["best", "price"]),
        # Words present, but not as the term: a near miss for the quick test.
        ("en", ["clock"], ["o'clock is not it", "clockwise"]),
        ("ko", ["통신판매업"], ["통신", "판매업"]),
    ],
)
def test_find_each_near_misses(language: str, terms: list[str], texts: list[str]) -> None:
    assert list(TermMatcher(language, terms).find_each(texts)) == []


@pytest.mark.parametrize(
    "text", ["白いシャツ", "ＢＥＳＴ価格", "Straße", "ﬁne", "İstanbul ﷺ", "plain"]
)
def test_folding_maps_each_folded_character_to_its_source(text: str) -> None:
    from culturelint.matching import _fold_char, _fold_with_index

    folded, index = _fold_with_index(text)
    assert folded == "".join(_fold_char(c) for c in text)
    assert index == [i for i, c in enumerate(text) for _ in _fold_char(c)]


@pytest.mark.parametrize(("texts", "kept"), [(3000, True), (1000, False)])
def test_a_long_document_is_tokenized_once_per_text(
    monkeypatch: pytest.MonkeyPatch, texts: int, kept: bool
) -> None:
    """Rules walk a document's segments one after the other. With more segments than
    the caches hold, each walk pushed out what the next rule needed; within
    `one_document` every text of a long document is tokenized once. A short document
    needs no such memo (the caches hold it)."""
    from culturelint import matching

    calls: list[str] = []
    real = matching._spaced_tokens

    def counted(language: str, text: str) -> tuple[object, ...]:
        calls.append(text)
        return real(language, text)

    monkeypatch.setattr(matching, "_spaced_tokens", counted)
    matching._analysed.cache_clear()
    matching._keyed_tokens.cache_clear()
    segments = [f"Die Uhr Nummer {i} ist neu" for i in range(texts)]
    matcher = TermMatcher("de", ["Uhr"])

    with matching.one_document(len(segments)):
        for _walk in range(3):  # three rules
            assert sum(len(matcher.find(text)) for text in segments) == texts
        assert (matching._DOCUMENT is not None) == kept

    assert matching._DOCUMENT is None
    assert sorted(text for text in calls if text != "Uhr") == sorted(segments)  # once each


def test_the_document_memo_is_dropped_when_a_rule_fails() -> None:
    from culturelint import matching

    with pytest.raises(RuntimeError), matching.one_document(5000):
        assert matching._DOCUMENT == {}
        raise RuntimeError("a rule crashed")

    assert matching._DOCUMENT is None
