"""Data derived once and kept in .culturelint_cache/: the same answers as computing it."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from culturelint.checks import _frequencies, _lookups, _util, _wordsets
from culturelint.profiles import derived, validcache


def _clear_memos() -> None:
    _util.currency_symbols.cache_clear()
    derived.holiday_categories.cache_clear()
    derived._public_holidays.cache_clear()


def test_memo_json_computes_once_then_reads(cache_root: Path) -> None:
    calls: list[int] = []

    def compute() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    assert validcache.memo_json("demo", "key 1", compute, dict) == {"a": [1, 2]}
    assert validcache.memo_json("demo", "key 1", compute, dict) == {"a": [1, 2]}
    assert len(calls) == 1
    assert validcache.memo_json("demo", "key 2", compute, dict) == {"a": [1, 2]}
    assert len(calls) == 2  # another key is another value
    assert (cache_root / ".gitignore").is_file()


def test_memo_json_recomputes_a_corrupt_file(cache_root: Path) -> None:
    validcache.memo_json("demo", "k", lambda: [1], list)
    (stored,) = (cache_root).rglob("*.json")
    stored.write_text('{"torn', encoding="utf-8")
    assert validcache.memo_json("demo", "k", lambda: [2], list) == [2]
    assert validcache.memo_json("demo", "k", lambda: [3], list) == [2]  # rewritten whole


def _strict_list(value: object) -> list[int]:
    if not isinstance(value, list) or not all(type(item) is int for item in value):
        raise TypeError("not a list of ints")
    return value


def test_memo_json_recomputes_a_value_its_reader_refuses(cache_root: Path) -> None:
    assert validcache.memo_json("demo", "k", lambda: {"a": 1}, dict) == {"a": 1}
    assert validcache.memo_json("demo", "k", lambda: [2], _strict_list) == [2]
    assert validcache.memo_json("demo", "k", lambda: [3], _strict_list) == [2]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace("[1, 2]", "[1, 3]"),  # a changed value
        lambda text: text.split("\n", 1)[1],  # no digest: JSON alone
        lambda text: text[:-1],  # cut short
        lambda text: "",
    ],
)
def test_memo_json_does_not_believe_a_damaged_file(
    cache_root: Path, damage: Callable[[str], str]
) -> None:
    validcache.memo_json("demo", "k", lambda: [1, 2], list)
    (stored,) = cache_root.rglob("*.json")
    stored.write_text(damage(stored.read_text(encoding="utf-8")), encoding="utf-8")
    assert validcache.memo_json("demo", "k", lambda: [4], list) == [4]
    assert validcache.memo_json("demo", "k", lambda: [5], list) == [4]


def test_memo_json_does_not_believe_another_keys_file(cache_root: Path) -> None:
    validcache.memo_json("demo", "one", lambda: [1], list)
    validcache.memo_json("demo", "two", lambda: [2], list)
    one, two = sorted(cache_root.rglob("*.json"), key=lambda p: p.read_text(encoding="utf-8")[-2])
    two.write_text(one.read_text(encoding="utf-8"), encoding="utf-8")
    assert validcache.memo_json("demo", "two", lambda: [3], list) == [3]


def test_memo_json_hands_a_fresh_value_back_as_a_stored_one(cache_root: Path) -> None:
    fresh = validcache.memo_json("demo", "k", lambda: (1, 2), list)
    stored = validcache.memo_json("demo", "k", lambda: (3, 4), list)
    assert fresh == stored == [1, 2]


def test_memo_json_without_a_cache_folder_always_computes() -> None:
    validcache.configure(None)
    calls: list[int] = []
    for _ in range(2):
        validcache.memo_json("demo", "k", lambda: calls.append(1) or 5, int)
    assert calls == [1, 1]


def test_memo_json_on_a_read_only_folder_still_answers(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr("culturelint.atomic.write_atomic", refuse)
    assert validcache.memo_json("demo", "k", lambda: {"x": 1}, dict) == {"x": 1}
    assert not list(cache_root.rglob("*.json"))


@pytest.mark.parametrize("locale", ["de_DE", "ja_JP", "en_US", "ar_SA"])
def test_currency_symbols_from_the_cache_equal_cldr(cache_root: Path, locale: str) -> None:
    validcache.configure(None)
    _clear_memos()
    direct = _util.currency_symbols(locale)
    validcache.configure(cache_root)
    for _ in range(2):  # written, then read back
        _clear_memos()
        assert _util.currency_symbols(locale) == direct
    assert direct["€"] == frozenset({"EUR"})
    assert "￥" in direct and "¥" in direct


@pytest.mark.parametrize(("country", "year"), [("DE", 2026), ("IL", 2026), ("SA", 2027)])
def test_holidays_from_the_cache_equal_the_package(
    cache_root: Path, country: str, year: int
) -> None:
    validcache.configure(None)
    _clear_memos()
    categories = derived.holiday_categories(country)
    direct = derived.public_holidays(country, year, categories)
    validcache.configure(cache_root)
    for _ in range(2):
        _clear_memos()
        assert derived.holiday_categories(country) == categories
        assert derived.public_holidays(country, year, categories) == direct
    assert direct  # every one of these countries has holidays


def test_unsupported_holiday_country_is_remembered_as_empty(cache_root: Path) -> None:
    _clear_memos()
    assert derived.holiday_categories("XX") == ()
    _clear_memos()
    assert derived.holiday_categories("XX") == ()
    assert derived.public_holidays("XX", 2026) == []


# -- tokenizer chunk memo ---------------------------------------------------------------


def test_growing_store_keeps_values_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "memo.sqlite"
    store = validcache.GrowingStore(path)
    assert store.get("a") is None  # no file yet
    store.put("a", "x\x1fy")
    assert store.get("a") == "x\x1fy"  # known before it is saved
    store.flush()
    again = validcache.GrowingStore(path)
    assert again.get("a") == "x\x1fy"
    again.put("a", "other")  # first answer stays
    again.put("b", "z")
    assert again.get("a") == "x\x1fy" and again.get("b") == "z"
    again.flush()
    assert validcache.GrowingStore(path).get("a") == "x\x1fy"
    assert validcache.GrowingStore(path).get("b") == "z"


def test_growing_store_replaces_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "memo.sqlite"
    path.write_bytes(b"this is not an SQLite file, " * 100)
    store = validcache.GrowingStore(path)
    assert store.get("a") is None
    store.put("a", "b")
    store.flush()  # the corrupt file is removed, not patched
    assert not path.exists() or validcache.GrowingStore(path).get("a") in (None, "b")
    store.put("a", "b")
    store.flush()
    assert validcache.GrowingStore(path).get("a") == "b"


def test_growing_store_read_whole_after_as_many_lookups_as_kilobytes(tmp_path: Path) -> None:
    path = tmp_path / "memo.sqlite"
    store = validcache.GrowingStore(path)
    for i in range(3000):
        store.put(f"key{i}", f"value{i}")
    store.flush()
    reader = validcache.GrowingStore(path)
    lookups = path.stat().st_size // reader.BYTES_PER_LOOKUP
    assert 0 < lookups < 3000
    for i in range(lookups):
        assert reader.get(f"key{i}") == f"value{i}"
    assert reader._whole is None  # one lookup each so far
    assert reader.get("key2999") == "value2999"
    assert reader._whole is not None and len(reader._whole) == 3000
    assert reader.get("absent") is None
    reader.put("new", "one")  # a put of this run is still seen, and saved
    assert reader.get("new") == "one"
    reader.flush()
    assert reader.get("new") == "one"
    assert validcache.GrowingStore(path).get("new") == "one"


def test_growing_store_above_the_limit_is_never_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.sqlite"
    store = validcache.GrowingStore(path)
    for i in range(3000):
        store.put(f"key{i}", f"value{i}")
    store.flush()
    monkeypatch.setattr(validcache.GrowingStore, "READ_WHOLE_LIMIT", path.stat().st_size - 1)
    reader = validcache.GrowingStore(path)
    for i in range(3000):
        assert reader.get(f"key{i}") == f"value{i}"
    assert reader._whole is None


def test_rule_tokenizer_with_a_chunk_memo_splits_the_same_without_compiling(
    tmp_path: Path,
) -> None:
    from culturelint import matching

    rules = matching._export_rules(matching._nlp("en"))
    assert rules is not None
    phrases = matching._RuleTokenizer(rules).phrases.values()
    rules["phrases"] = [[list(p), string] for items in phrases for p, string in items]  # as saved
    text = "Don't miss it (e.g. the 4K-ready $99 model), www.example.com!"
    plain = matching._RuleTokenizer(rules).spans(text)
    path = tmp_path / "chunks.sqlite"
    first = validcache.GrowingStore(path)
    assert matching._RuleTokenizer(rules, first).spans(text) == plain
    first.flush()
    later = matching._RuleTokenizer(rules, validcache.GrowingStore(path))
    assert later.spans(text) == plain
    assert not later._compiled  # every chunk came from the memo
    assert later.spans(text + " newword!") == matching._RuleTokenizer(rules).spans(
        text + " newword!"
    )
    assert later._compiled


# -- langdetect's profiles ----------------------------------------------------------


_TEXTS = [
    "The quick brown fox jumps over the lazy dog and keeps running.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le renard brun rapide saute par-dessus le chien paresseux.",
    "El rápido zorro marrón salta sobre el perro perezoso.",
    "Szybki brązowy lis przeskakuje nad leniwym psem.",
    "Быстрая коричневая лиса прыгает через ленивую собаку.",
    "敏捷的棕色狐狸跳过了懒狗。",
    "Save 40% on every Aurora speaker this week only!!!",
]


def _table_file(cache_root: Path) -> Path:
    (found,) = cache_root.rglob("langdetect-*.bin")
    return found


def test_langdetect_from_the_stored_profiles_gives_the_same_probabilities(
    cache_root: Path,
) -> None:
    from culturelint.checks import _langdetect_profiles, language

    validcache.configure(None)
    language._factory.cache_clear()
    direct = [language._detect(text)[0] for text in _TEXTS]
    validcache.configure(cache_root)
    language._factory.cache_clear()
    assert [language._detect(text)[0] for text in _TEXTS] == direct  # loads, then stores
    assert _table_file(cache_root).is_file()
    language._factory.cache_clear()
    factory = language._factory()
    assert isinstance(factory.word_lang_prob_map, _langdetect_profiles.NgramTable)
    assert [language._detect(text)[0] for text in _TEXTS] == direct
    language._factory.cache_clear()


def test_a_corrupt_stored_profile_falls_back_to_langdetects_own(cache_root: Path) -> None:
    from culturelint.checks import language

    language._factory.cache_clear()
    expected = language._detect(_TEXTS[1])[0]
    language._factory.cache_clear()
    path = _table_file(cache_root)
    good = path.read_bytes()
    for damaged in (b"\x00not a table", good[:-8], good[: len(good) // 2], good + b"x"):
        path.write_bytes(damaged)
        language._factory.cache_clear()
        assert language._detect(_TEXTS[1])[0] == expected
        assert path.read_bytes() == good  # rewritten whole
    language._factory.cache_clear()


def test_langdetect_answers_are_kept_for_the_next_run(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from culturelint.checks import language

    first = language._probabilities(_TEXTS[2])
    assert first and max(first, key=first.__getitem__) == "fr"
    validcache.flush_stores()
    assert list(cache_root.rglob("answers.sqlite"))
    validcache._store_at.cache_clear()  # a new process opens the store afresh

    def no_detector(_text: str, _expected: frozenset[str]) -> tuple[dict[str, float], bool]:
        raise AssertionError("answered by langdetect again")

    monkeypatch.setattr(language, "_detect", no_detector)
    assert language._probabilities(_TEXTS[2]) == first


def test_the_sparse_table_gives_langdetects_exact_probabilities() -> None:
    """The same numbers, not just the same winner, over texts in many languages and
    mixtures, from langdetect's own table and from the stored sparse one."""
    import copy
    import random

    from langdetect.detector import Detector
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from culturelint.checks import _langdetect_profiles

    rng = random.Random(5)
    words = " ".join(_TEXTS).split()
    texts = [*_TEXTS, *(" ".join(rng.choices(words, k=rng.randint(3, 40))) for _ in range(60))]
    factory = DetectorFactory()  # langdetect's own table: a dict of full lists
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    sparse = copy.copy(factory)
    sparse.word_lang_prob_map = _langdetect_profiles.NgramTable.from_factory(factory)
    assert isinstance(factory.word_lang_prob_map, dict)
    for text in texts:
        theirs, ours = Detector(factory), Detector(sparse)
        theirs.append(text)
        ours.append(text)
        expected = [(x.lang, x.prob) for x in theirs.get_probabilities()]
        assert [(x.lang, x.prob) for x in ours.get_probabilities()] == expected
        assert ours.langprob == theirs.langprob


def test_the_sparse_table_read_from_the_profiles_is_the_one_built_from_langdetects() -> None:
    """A first run reads langdetect's profile files itself rather than through its
    dense table: the same languages in the same order, the same n-grams, entries and
    probabilities, bit for bit."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from culturelint.checks._langdetect_profiles import NgramTable

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    expected = NgramTable.from_factory(factory)
    table = NgramTable.from_profiles(PROFILES_DIRECTORY)
    assert table.languages == expected.languages == factory.langlist
    assert table._names == expected._names
    assert (table._counts, table._indexes) == (expected._counts, expected._indexes)
    assert table._values.tobytes() == expected._values.tobytes()


@pytest.mark.parametrize(
    "profiles",
    [
        {
            "a": {"name": "xx", "freq": {"a": 1}, "n_words": [5, 0, 0]},
            "b": {"name": "xx", "freq": {}, "n_words": [1, 1, 1]},
        },
        {"a": {"name": "xx", "freq": {"ab": 1}, "n_words": [5]}},
        {"a": {"freq": {}, "n_words": [1, 1, 1]}},
    ],
    ids=["two profiles of one language", "no count for bigrams", "no name"],
)
def test_profiles_langdetect_would_refuse_are_refused(
    tmp_path: Path, profiles: dict[str, object]
) -> None:
    """Read by hand, they raise, and the first run falls back on langdetect's own
    reading, which says what is wrong."""
    from culturelint.checks._langdetect_profiles import NgramTable

    for name, profile in profiles.items():
        (tmp_path / name).write_text(json.dumps(profile), encoding="utf-8")
    with pytest.raises((ValueError, KeyError, IndexError)) as refused:
        NgramTable.from_profiles(str(tmp_path))
    if len(profiles) == 2:
        assert "two profiles for 'xx'" in str(refused.value)


def test_profiles_it_cannot_read_itself_are_left_to_langdetect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from culturelint.checks import _langdetect_profiles
    from culturelint.checks._langdetect_profiles import NgramTable

    def refuse(directory: str) -> NgramTable:
        raise ValueError("a profile langdetect reads differently")

    monkeypatch.setattr(NgramTable, "from_profiles", refuse)
    factory = _langdetect_profiles.load_factory(tmp_path)
    assert isinstance(factory.word_lang_prob_map, NgramTable)
    assert len(factory.langlist) == 55 and "de" in factory.langlist
    assert list(tmp_path.glob("langdetect-*.bin"))


@pytest.mark.parametrize("stored", [False, True], ids=["first run", "later run"])
def test_the_detector_reads_the_sparse_table(tmp_path: Path, stored: bool) -> None:
    """langdetect's own table (about 70 MB of lists) is not kept for the run, on a first
    run either: the detector reads the sparse table, which is stored for later runs."""
    from culturelint.checks import _langdetect_profiles

    if stored:
        _langdetect_profiles.load_factory(tmp_path)
    factory = _langdetect_profiles.load_factory(tmp_path)
    assert isinstance(factory.word_lang_prob_map, _langdetect_profiles.NgramTable)
    assert list(tmp_path.glob("langdetect-*.bin"))
    without_folder = _langdetect_profiles.load_factory(None)
    assert isinstance(without_folder.word_lang_prob_map, _langdetect_profiles.NgramTable)


# -- compiled regular expressions ---------------------------------------------------------


_PATTERNS = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)|(?<=[A-Za-zÀ-ɏ])\.(?=[A-Z])", 0),
    (r"^[\u0300-\u036f\U0001F300-\U0001FAFF]+|[a-zß]+(?:-[a-zß]+)*$", re.IGNORECASE),
    (r"(?x) \b hello \s+ (world)? ", 0),
    (r"[^\W\d_]{2,}", re.UNICODE),
]


@pytest.mark.parametrize(("pattern", "flags"), _PATTERNS)
def test_a_stored_program_is_the_pattern_re_compiles(
    cache_root: Path, pattern: str, flags: int
) -> None:
    from culturelint import regex_cache

    expected = re.compile(pattern, flags)
    first = regex_cache.compile_cached(pattern, flags)
    validcache.flush_stores()
    validcache._store_at.cache_clear()  # the next process
    again = regex_cache.compile_cached(pattern, flags)
    for compiled in (first, again):
        # Pattern equality compares the text, the flags and the compiled program.
        assert compiled == expected
        assert compiled.groupindex == expected.groupindex
        assert compiled.groups == expected.groups
    assert list(cache_root.rglob("programs-*.sqlite"))


def test_spacy_tokenizer_patterns_from_stored_programs(cache_root: Path) -> None:
    from culturelint import matching, regex_cache

    rules = matching._export_rules(matching._nlp("de"))
    assert rules is not None
    for key in ("prefix", "suffix", "infix", "url_match"):
        if rules["patterns"][key] is None:
            continue
        pattern, flags = rules["patterns"][key]
        regex_cache.compile_cached(pattern, flags)
        validcache.flush_stores()
        validcache._store_at.cache_clear()
        assert regex_cache.compile_cached(pattern, flags) == re.compile(pattern, flags)


def test_a_damaged_stored_program_falls_back_to_re(cache_root: Path) -> None:
    from culturelint import regex_cache

    pattern = r"\d+(?:[.,]\d+)?"
    regex_cache.compile_cached(pattern)
    validcache.flush_stores()
    validcache._store_at.cache_clear()
    store = regex_cache._store()
    assert store is not None
    import sqlite3

    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE memo SET value = '[1, [999999], 0, {}, [null]]'")
    conn.close()
    validcache._store_at.cache_clear()
    compiled = regex_cache.compile_cached(pattern)
    assert compiled == re.compile(pattern)
    assert compiled.fullmatch("1,5")


def test_text_sqlite_cannot_hold_is_computed_not_stored(tmp_path: Path) -> None:
    """A lone surrogate (a JSON string can hold "\\udc80") is not UTF-8: the store
    neither crashes nor keeps it."""
    store = validcache.GrowingStore(tmp_path / "memo.sqlite")
    store.put("ok", "fine")
    store.put("bad\udc80", "x")
    store.put("key", "bad\udc80")
    store.flush()
    again = validcache.GrowingStore(tmp_path / "memo.sqlite")
    assert again.get("ok") == "fine"
    assert again.get("bad\udc80") is None
    assert again.get("key") is None


def test_the_cli_lints_a_surrogate_in_locale_json_twice(tmp_path: Path) -> None:
    """First run (spaCy tokenizes, derived data is built) and second run (the rule
    tokenizer and the stores answer), each a process of its own."""
    import json
    import os
    import subprocess
    import sys

    import culturelint

    env = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}

    folder = tmp_path / "locales" / "de"
    folder.mkdir(parents=True)
    (folder / "app.json").write_text(
        '{"title": "Jetzt kaufen \\udc80 f\\u00fcr nur 19,99 $", "x": "Sch\\u00f6n"}',
        encoding="utf-8",
    )
    for _ in range(2):  # the second run reads what the first stored
        done = subprocess.run(
            [sys.executable, "-m", "culturelint", "check", "--no-cache", "--format", "json", "."],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
        )
        assert "internal error" not in done.stderr, done.stderr
        assert done.stdout, done.stderr
        assert done.returncode in (0, 1), done.stderr
        report = json.loads(done.stdout)
        assert report["summary"]["files"] == 1
        assert report["errors"] == []
        assert [f["rule"] for f in report["findings"]] == ["CL701"]  # the "$", still found


# -- tokenizer rules shipped with the package -----------------------------------------


def _shipped_names() -> list[str]:
    folder = Path(__file__).resolve().parents[1] / "src" / "culturelint" / "data" / "tokenizers"
    return sorted(p.name for p in folder.glob("*.json.gz"))


def test_shipped_tokenizer_rules_are_spacys_own() -> None:
    """Every shipped file equals a fresh export from the installed spaCy, when that is
    the release the files were exported from (otherwise they are never read)."""
    from importlib.metadata import version

    from culturelint import matching

    names = _shipped_names()
    assert names
    installed = version("spacy")
    if not all(f"-spacy-{installed}.json.gz" in name for name in names):
        pytest.skip(f"shipped rules are for another spaCy release than {installed}")
    for name in names:
        language = name.split("-spacy-")[0]
        assert matching._shipped_rules(language) == json.loads(
            json.dumps(matching.export_rules(language))
        ), language


def test_shipped_rules_tokenize_without_importing_spacy(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import culturelint

    code = (
        "import sys\n"
        "from culturelint import matching\n"
        "spans = matching._tokenizer('de')('Uhren (z.B. 4K-fähig) für 19,99 €!')\n"
        "print(len(spans), 'spacy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    count, imported = done.stdout.split()
    assert int(count) > 5
    assert imported == "False"


# -- stores SQLite fills from spacy-lookups-data's JSON --------------------------------

needs_sql_json = pytest.mark.skipif(
    not validcache.sqlite_reads_json(), reason="this SQLite has no JSON functions"
)


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return sorted(conn.execute(f"SELECT * FROM {table}").fetchall())


@needs_sql_json
@pytest.mark.parametrize(
    "language",
    [
        "en",  # plain strings
        "fr",  # every lemma a list
        "ga",  # several lemma_lookup_* tables, some lemmas lists, no lemma_lookup
    ],
)
def test_stores_sqlite_fills_equal_the_ones_python_builds(
    tmp_path: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from culturelint import matching

    if not _lookups.tables(language):
        pytest.skip("spacy-lookups-data is not installed")
    sql, python = tmp_path / "sql.sqlite", tmp_path / "python.sqlite"
    assert _wordsets.write_market_tables(sql, language)
    market = tuple(s for pair in _wordsets.build_market_tables(language) for s in pair)
    assert _wordsets.SetStore.write(python, market)
    assert _rows(sql, "word") == _rows(python, "word")
    assert _rows(sql, "sets") == _rows(python, "sets")

    lemma_sql, lemma_python = tmp_path / "lemma-sql.sqlite", tmp_path / "lemma-py.sqlite"
    assert matching._LemmaStore._build(lemma_sql, language)
    monkeypatch.setattr(validcache, "sqlite_reads_json", lambda: False)
    assert matching._LemmaStore._build(lemma_python, language)
    assert _rows(lemma_sql, "lemma") == _rows(lemma_python, "lemma")


# Members whose text holds what a careless cut would trip on: commas and quotes inside
# strings, escaped line breaks, a key repeated far from its first use, an array laid
# out over several lines.
_PIECE_MEMBERS = [
    ("a", "x"),
    ("b,", 'say "hi",'),
    ("c", "line\n,\n next"),
    ("a", "repeated: the last value wins"),
    ("d", ["one", "two,", "three"]),
    ("e", 1.5),
    ("f", ""),
]


@needs_sql_json
@pytest.mark.parametrize(
    ("between", "array_indent"),
    [
        (", ", None),  # one line: one piece
        (",\n    ", None),  # a member per line, as spacy-lookups-data lays its tables out
        (",\n", 2),  # arrays over several lines too: a cut inside one falls back
    ],
    ids=["one line", "members on lines", "arrays on lines"],
)
@pytest.mark.parametrize("piece_size", [1, 20, 10_000])
def test_json_read_in_pieces_is_the_object_json_loads_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    between: str,
    array_indent: int | None,
    piece_size: int,
) -> None:
    """Every member once, a repeated key's last value, whatever the pieces' size and
    wherever the line breaks fall."""
    members = [*_PIECE_MEMBERS * 30, *((f"k{i}", f"v{i}") for i in range(200))]
    body = between.join(
        f"{json.dumps(k)}: {json.dumps(v, indent=array_indent, ensure_ascii=False)}"
        for k, v in members
    )
    raw = ("{\n" + body + "\n}").encode()
    monkeypatch.setattr(validcache, "_PIECE_SIZE", piece_size)
    path = tmp_path / "t.sqlite"
    insert = (
        f"INSERT OR REPLACE INTO t SELECT key, value FROM json_each({validcache.JSON_PIECE})",
        raw,
    )
    assert validcache.write_sqlite_json(path, ["CREATE TABLE t (k TEXT PRIMARY KEY, v)"], [insert])
    got = {k: json.loads(v) if k == "d" else v for k, v in _rows(path, "t")}
    assert got == json.loads(raw)
    pieces = validcache._members(raw, cut=True)
    assert b",".join(bytes(p) for p in pieces) == raw[1:-1]
    assert (len(pieces) > 1) == ("\n" in between and piece_size < 10_000)


@needs_sql_json
def test_json_objects_given_as_functions_are_made_one_at_a_time(tmp_path: Path) -> None:
    """A store filled from several tables asks for each table when its first
    statement runs and lets it go after its last, so it never holds two at once; the
    store is the one the tables' bytes make. A table that cannot be had makes no file
    (its caller builds the store another way)."""
    import sys

    tables = [b'{\n"a": 1,\n"b": 2\n}', b'{\n"b": 3,\n"c": 4\n}']
    made: list[int] = []
    given: list[bytes] = []

    def source(i: int) -> Callable[[], bytes]:
        def make() -> bytes:
            for table in given:  # held by `given`, `table` and getrefcount's argument alone
                assert sys.getrefcount(table) == 3, "the last table is still held"
            made.append(i)
            given.append(bytes(bytearray(tables[i])))  # a new object, not an interned one
            return given[-1]

        return make

    upsert = f"INSERT OR REPLACE INTO t SELECT key, value FROM json_each({validcache.JSON_PIECE})"
    twice = (
        f"INSERT OR REPLACE INTO t SELECT key || '!', value FROM json_each({validcache.JSON_PIECE})"
    )
    create = ["CREATE TABLE t (k TEXT PRIMARY KEY, v)"]
    first, second = source(0), source(1)
    lazy, eager = tmp_path / "lazy.sqlite", tmp_path / "eager.sqlite"
    assert validcache.write_sqlite_json(
        lazy, create, [(upsert, first), (twice, first), (upsert, second), (twice, second)]
    )
    assert made == [0, 1]
    assert validcache.write_sqlite_json(
        eager,
        create,
        [(upsert, tables[0]), (twice, tables[0]), (upsert, tables[1]), (twice, tables[1])],
    )
    assert _rows(lazy, "t") == _rows(eager, "t")
    assert dict(_rows(lazy, "t")) == {"a": 1, "b": 3, "c": 4, "a!": 1, "b!": 3, "c!": 4}
    missing = tmp_path / "missing.sqlite"
    assert not validcache.write_sqlite_json(
        missing, create, [(upsert, first), (upsert, lambda: None)]
    )
    assert not missing.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@needs_sql_json
def test_sets_written_in_the_background_equal_the_ones_written_row_by_row(
    tmp_path: Path,
) -> None:
    from culturelint.checks._wordsets import SetStore

    sets = (frozenset({"a", "b", "Äpfel"}), frozenset({"b", "c"}), frozenset())
    soon, now = tmp_path / "soon.sqlite", tmp_path / "now.sqlite"
    assert SetStore.write_soon(soon, sets)
    validcache.settle(soon)
    assert SetStore.write(now, sets)
    assert _rows(soon, "word") == _rows(now, "word") == [("a", 1), ("b", 3), ("c", 2), ("Äpfel", 1)]
    assert _rows(soon, "sets") == [(3,)]


def test_a_background_build_is_waited_for_and_done_once(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "store.sqlite"
    started, release = threading.Event(), threading.Event()
    calls: list[Path] = []

    def write(target: Path) -> bool:
        calls.append(target)
        started.set()
        release.wait(5)
        return validcache.write_sqlite(
            target, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", [(1,)]
        )

    validcache.build_soon(path, write)
    validcache.build_soon(path, write)  # queued already
    assert started.wait(5)
    assert not path.exists()
    release.set()
    validcache.settle(path)
    assert path.is_file() and calls == [path]
    validcache.build_soon(path, write)  # there already
    validcache.settle(path)
    assert calls == [path]


def test_a_build_the_builder_has_not_started_is_made_by_the_thread_that_waits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the builder busy on an earlier file, a thread that needs a later one builds
    it itself rather than wait for both; each file is built once, and a build that
    fails there leaves no file and no traceback, as on the builder."""
    import threading

    busy, wanted, broken = (tmp_path / f"{n}.sqlite" for n in ("busy", "wanted", "broken"))
    started, release = threading.Event(), threading.Event()
    built_by: dict[str, str] = {}

    def write(target: Path) -> bool:
        built_by[target.name] = threading.current_thread().name
        if target == busy:
            started.set()
            release.wait(5)
        return validcache.write_sqlite(
            target, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", [(1,)]
        )

    def fail(target: Path) -> bool:
        raise RuntimeError("disk on fire")

    validcache.build_soon(busy, write)
    validcache.build_soon(wanted, write)
    validcache.build_soon(broken, fail)
    assert started.wait(5)
    here = threading.current_thread().name
    validcache.settle(wanted)  # the builder is still on `busy`
    assert wanted.is_file() and built_by["wanted.sqlite"] == here
    assert not busy.exists()
    validcache.settle(broken)
    assert not broken.exists() and capsys.readouterr() == ("", "")
    release.set()
    validcache.settle(busy)
    assert busy.is_file() and built_by["busy.sqlite"] != here
    validcache.settle_all()
    assert sorted(built_by) == ["busy.sqlite", "wanted.sqlite"]  # each once


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX")
def test_the_builder_thread_leaves_signals_to_the_main_thread(tmp_path: Path) -> None:
    """The main thread holds Ctrl-C and SIGTERM back while it writes a file; a builder
    thread that accepted them would take the signal meanwhile, and Python would raise
    it in the main thread half-way through the write."""
    import signal
    import threading

    masks: list[set[signal.Signals]] = []
    started = threading.Event()

    def write(target: Path) -> bool:
        masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, []))
        started.set()
        return False

    validcache.build_soon(tmp_path / "store.sqlite", write)
    # Waited for once the builder has it: a build it has not started yet, the waiting
    # thread would make itself.
    assert started.wait(5)
    validcache.settle_all()
    assert len(masks) == 1 and {signal.SIGINT, signal.SIGTERM} <= masks[0]
    assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # main thread


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX")
def test_helper_threads_leave_signals_to_the_main_thread_too() -> None:
    """`compute_soon`'s threads (decompressing word tables) are masked like the
    builder's, and hand back what they computed."""
    import signal
    import threading

    def mask() -> tuple[str, set[signal.Signals]]:
        return threading.current_thread().name, signal.pthread_sigmask(signal.SIG_BLOCK, [])

    name, blocked = validcache.compute_soon(mask).result(timeout=5)
    assert name.startswith("culturelint-help")
    assert {signal.SIGINT, signal.SIGTERM} <= blocked
    assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # main thread


def test_a_failing_background_build_leaves_no_file_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "store.sqlite"

    def write(target: Path) -> bool:
        raise RuntimeError("disk on fire")

    validcache.build_soon(path, write)
    validcache.settle(path)
    assert not path.exists()
    assert capsys.readouterr() == ("", "")
    validcache.settle(path)  # nothing queued any more: returns at once


def _slow_fill(rows: int) -> list[str]:
    """Statements that keep SQLite busy for a long while (a second or more for each
    few million rows) without the interpreter."""
    return [
        "CREATE TABLE t (x INTEGER PRIMARY KEY, y)",
        "INSERT INTO t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
        f" WHERE i < {rows}) SELECT i, randomblob(16) FROM n",
    ]


def test_the_end_of_a_run_drops_anticipated_builds_nothing_asked_for(tmp_path: Path) -> None:
    """A store queued in case a rule needs it (a market's word tables) is not waited
    for at the end of a run that never opened it: the build under way stops within
    moments and one not started never starts, each leaving no file, while a store the
    run did ask for, and one it queued to keep (not anticipated), are finished."""
    import threading
    import time

    running, queued, asked, kept = (
        tmp_path / f"{n}.sqlite" for n in ("running", "queued", "asked", "kept")
    )
    started = threading.Event()
    written: list[str] = []

    def write(target: Path) -> bool:
        written.append(target.stem)
        if target == running:
            started.set()
        rows = 50_000_000 if target == running else 10
        return validcache.write_sqlite_sql(target, _slow_fill(rows), {})

    validcache.build_soon(running, write, anticipated=True)
    validcache.build_soon(queued, write, anticipated=True)
    validcache.build_soon(asked, write, anticipated=True)
    validcache.build_soon(kept, write)
    assert started.wait(5)
    validcache.settle(asked)  # a rule needs it: built here, the builder being busy
    assert asked.is_file()
    begun = time.monotonic()
    validcache.settle_run()
    assert time.monotonic() - begun < 5  # the whole build takes half a minute or more
    assert not running.exists() and not queued.exists()
    assert kept.is_file()
    assert written == ["running", "asked", "kept"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == [
        "asked.sqlite",
        "kept.sqlite",
    ]  # no temporary file left
    # Dropped for that run only: a later run that needs the file builds it.
    validcache.build_soon(queued, write, anticipated=True)
    validcache.settle(queued)
    assert queued.is_file()


def _rows_given(rows: list[tuple[int]], seen: list[int], wait: Callable[[], None] = lambda: None):  # type: ignore[no-untyped-def]
    """Rows for write_sqlite that note each row taken, after `wait`."""
    wait()
    for row in rows:
        seen.append(row[0])
        yield row


def test_two_builders_of_one_file_build_it_once(tmp_path: Path) -> None:
    """The second builder of a file another is building waits for it, then finds it
    there and builds nothing (processes lock the same way: `flock` locks are held per
    open file, not per process)."""
    import threading
    import time

    path = tmp_path / "store.sqlite"
    started, release = threading.Event(), threading.Event()
    first_rows: list[int] = []
    second_rows: list[int] = []
    results: dict[str, bool] = {}

    def hold() -> None:
        started.set()
        release.wait(10)

    def build(name: str, rows: list[tuple[int]], seen: list[int], wait: Callable[[], None]) -> None:
        results[name] = validcache.write_sqlite(
            path, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", _rows_given(rows, seen, wait)
        )

    first = threading.Thread(target=build, args=("first", [(1,), (2,)], first_rows, hold))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=build, args=("second", [(3,)], second_rows, lambda: None))
    second.start()
    time.sleep(0.2)  # the second builder reaches the lock the first one holds
    assert "second" not in results
    release.set()
    first.join(10)
    second.join(10)
    assert results == {"first": True, "second": True}
    assert first_rows == [1, 2] and second_rows == []
    assert _rows(path, "t") == [(1,), (2,)]


def test_a_builder_stuck_holding_the_lock_is_waited_for_only_so_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stopped mid-build (Ctrl-Z) keeps its lock: the next one builds its own
    copy after `_LOCK_WAIT` instead of waiting for ever."""
    import os
    import time

    fcntl = pytest.importorskip("fcntl")

    monkeypatch.setattr(validcache, "_LOCK_WAIT", 0.3)
    path = tmp_path / "store.sqlite"
    held = os.open(tmp_path / ".store.sqlite.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.monotonic()
        built = validcache.write_sqlite(
            path, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", [(5,)]
        )
        waited = time.monotonic() - started
    finally:
        os.close(held)
    assert built and _rows(path, "t") == [(5,)]
    assert waited >= 0.3  # it did wait for the holder first


def _die_while_building(path: str) -> None:
    import os

    def die(conn: object) -> None:
        os._exit(3)  # killed half-way: the lock is held, the temporary file written

    validcache._write_sqlite(Path(path), ["CREATE TABLE t (x)"], die)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_a_build_lock_goes_with_the_process_that_held_it(tmp_path: Path) -> None:
    import multiprocessing
    import threading

    path = tmp_path / "store.sqlite"
    child = multiprocessing.get_context("fork").Process(
        target=_die_while_building, args=(str(path),)
    )
    child.start()
    child.join(30)
    assert child.exitcode == 3 and not path.exists()
    done: list[bool] = []
    builder = threading.Thread(
        target=lambda: done.append(
            validcache.write_sqlite(
                path, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", [(7,)]
            )
        )
    )
    builder.start()
    builder.join(30)
    assert done == [True]  # not waiting for a lock nobody holds
    assert _rows(path, "t") == [(7,)]


def test_planning_lists_the_builds_and_starts_none(tmp_path: Path) -> None:
    there = tmp_path / "there.sqlite"
    assert validcache.write_sqlite(there, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", [])
    calls: list[Path] = []

    def write(target: Path) -> bool:
        calls.append(target)
        return True

    with validcache.planning() as planned:
        for name in ("a.sqlite", "b.sqlite", "a.sqlite", "there.sqlite"):
            validcache.build_soon(tmp_path / name, write)
    assert planned == [tmp_path / "a.sqlite", tmp_path / "b.sqlite"]
    validcache.settle_all()
    assert calls == [] and not (tmp_path / "a.sqlite").exists()
    validcache.build_soon(tmp_path / "a.sqlite", write)  # planning is over: built
    validcache.settle_all()
    assert calls == [tmp_path / "a.sqlite"]


def _cli_on_german_page(folder: Path, copy: str) -> Callable[[], CompletedProcess[str]]:
    """`copy` written to de-DE/page.md under `folder`, and a function that runs
    `culturelint check --no-cache --format json .` there in a new process."""
    import os
    import subprocess
    import sys

    import culturelint

    env = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}
    page = folder / "de-DE" / "page.md"
    page.parent.mkdir()
    page.write_text(copy, encoding="utf-8")
    command = [sys.executable, "-m", "culturelint", "check", "--no-cache", "--format", "json", "."]

    def run() -> CompletedProcess[str]:
        return subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)

    return run


def test_a_first_run_builds_the_word_stores_and_the_second_reads_them(tmp_path: Path) -> None:
    """The CLI twice on German copy in a new folder: the first run builds the stores
    (some in the background), the second finds every one complete and says the same."""

    if not _lookups.tables("de"):
        pytest.skip("spacy-lookups-data is not installed")
    run = _cli_on_german_page(
        tmp_path,
        "# Angebot\n\nUnser weißes Hemd ist ideal für Hochzeiten. Jetzt bestellen!\n\n"
        "Learn more about our shop.\n",
    )
    runs, built = [], []
    for _ in range(2):
        runs.append(run())
        files = (tmp_path / ".culturelint_cache").rglob("*.sqlite")
        built.append(
            {
                p.name: p.stat().st_mtime_ns
                for p in files
                if "-lookups-" in p.name or p.name.startswith(("market-", "vocabulary-"))
            }
        )
    assert built[0] == built[1]  # the second run rebuilt nothing
    stores = sorted(built[0])
    assert runs[0].returncode == 1, runs[0].stderr  # CL103 finds "Learn more about our shop"
    assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr == ""
    assert "CL103" in runs[0].stdout
    assert any(name.startswith("market-de-") for name in stores)
    assert any(name.startswith("de-lookups-") for name in stores)
    assert any(name.startswith("vocabulary-en-") for name in stores)
    assert not list((tmp_path / ".culturelint_cache").rglob("*.tmp"))


def test_a_first_run_hands_its_workers_the_markets_still_to_build(cache_root: Path) -> None:
    """The markets named by the files' paths, in the order of their first files, less
    those with nothing to build; none at all once built."""
    from culturelint import runner
    from culturelint.config import Config
    from culturelint.discover import Target
    from culturelint.engine import Linter, build_registry

    if validcache.folder("lemmas") is None or not validcache.sqlite_reads_json():
        pytest.skip("needs SQLite's JSON functions")
    config = Config(root=cache_root.parent)
    linter = Linter(config, build_registry(config)[0])
    names = ["fr-FR/a.md", "de-DE/b.md", "fr-FR/c.md", "notes/d.md", "ja-JP/e.md"]
    targets = [Target(cache_root.parent / name, name, False) for name in names]
    opts = runner.RunOptions(paths=["."])
    wanted = runner._markets_to_prepare(linter, config, opts, targets)
    assert wanted == ["fr-FR", "de-DE", "ja-JP"]  # notes/d.md names no market
    assert not list(cache_root.rglob("*.sqlite"))  # planned, not built
    for market in wanted:
        linter.prepare_market(market)
    validcache.settle_all()
    assert any(cache_root.rglob("de-lookups-*.sqlite"))
    assert runner._markets_to_prepare(linter, config, opts, targets) == []
    assert runner._markets_to_prepare(linter, config, replace(opts, market="es-ES"), targets) == [
        "es-ES"
    ]


@pytest.mark.parametrize("market", ["it-IT", "no such tag"])
def test_preparing_a_market_that_cannot_be_loaded_is_left_to_its_files(
    cache_root: Path, market: str
) -> None:
    """A broken profile (here an `extends:` cycle) or a bad tag is reported on each of
    the market's files; preparing the market says nothing and stops nothing."""
    from culturelint.config import Config
    from culturelint.engine import Linter, build_registry
    from culturelint.profiles.loader import ProfileStore

    fixtures = Path(__file__).parent / "fixtures" / "profiles" / "invalid" / "cycle"
    config = Config(root=cache_root.parent)
    linter = Linter(config, build_registry(config)[0])
    linter.store = ProfileStore(bundled_dirs=[fixtures])
    with validcache.planning() as planned:
        linter.prepare_market(market)
    assert planned == []


def test_a_run_whose_first_file_is_cached_plans_nothing(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planning resolves every file's market: a rerun skips it once its first file's
    result comes from the cache (the derived data was built by the run that put it
    there)."""
    from culturelint import runner
    from culturelint.config import Config
    from culturelint.discover import Target
    from culturelint.engine import Linter, build_registry

    if validcache.folder("lemmas") is None or not validcache.sqlite_reads_json():
        pytest.skip("needs SQLite's JSON functions")
    root = cache_root.parent
    monkeypatch.chdir(root)  # where the result cache goes without a config file
    names = ["fr-FR/a.md", "de-DE/b.md"]
    for name in names:
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text("Seulement 19,99 $.\n", encoding="utf-8")
    config = Config(root=root)
    opts = runner.RunOptions(paths=["."])
    linter = Linter(config, build_registry(config)[0])
    linter.cache = runner._make_cache(config, opts)
    targets = [Target(root / name, name, True) for name in names]
    assert runner._markets_to_prepare(linter, config, opts, targets) == ["fr-FR", "de-DE"]
    assert not linter.cached(targets[0].path, targets[0].display)
    linter.lint_path(targets[0].path, targets[0].display)
    validcache.settle_all()
    assert linter.cached(targets[0].path, targets[0].display)
    assert runner._markets_to_prepare(linter, config, opts, targets) == []
    assert runner._markets_to_prepare(linter, config, opts, targets[::-1]) == ["de-DE"]


def test_one_process_queues_the_markets_before_it_lints_their_files(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With `--jobs 1` the background thread builds the later markets' tables while the
    first market's files are linted; a run on one file plans nothing."""
    from culturelint import runner
    from culturelint.config import Config
    from culturelint.discover import Target
    from culturelint.engine import Linter, build_registry

    if validcache.folder("lemmas") is None or not validcache.sqlite_reads_json():
        pytest.skip("needs SQLite's JSON functions")
    root = cache_root.parent
    names = ["fr-FR/a.md", "fr-FR/b.md", "de-DE/c.md"]
    for name in names:
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text("Nur heute: 19,99 €.\n", encoding="utf-8")
    config = Config(root=root)
    linter = Linter(config, build_registry(config)[0])
    events: list[tuple[str, str]] = []
    queue, lint = validcache.build_soon, linter.lint_path

    def queued(path: Path, write: Callable[[Path], bool]) -> None:
        if validcache._PLANNED is None:
            events.append(("queue", path.name.split("-")[0]))
        queue(path, write)

    def linted(path: Path, display: str):  # type: ignore[no-untyped-def]
        events.append(("lint", display))
        return lint(path, display)

    monkeypatch.setattr(validcache, "build_soon", queued)
    monkeypatch.setattr(linter, "lint_path", linted)
    opts = runner.RunOptions(paths=["."], jobs=1)
    targets = [Target(root / name, name, True) for name in names]
    results = runner._lint_all(linter, config, opts, targets)
    validcache.settle_all()
    assert len(results) == 3
    assert events.index(("queue", "de")) < events.index(("lint", "fr-FR/a.md"))

    def no_plan(*args: object) -> list[str]:
        raise AssertionError("a run on one file plans nothing")

    monkeypatch.setattr(runner, "_markets_named", no_plan)
    assert len(runner._lint_all(linter, config, opts, targets[:1])) == 1


def test_a_first_run_on_two_processes_says_what_one_process_says(tmp_path: Path) -> None:
    """Several markets, no derived data yet: the workers prepare markets side by side,
    and the report is the one a single process gives."""
    import os
    import subprocess
    import sys

    import culturelint

    copy = {
        "de-DE": "Nur $19.99 am 24.12.2026! Learn more about our shop.\n",
        "fr-FR": "Seulement 19,99 $ : chemise blanche pour le mariage.\n",
        "ja-JP": "今だけ 4,444円！ Learn more about our shop today.\n",
    }
    for market, text in copy.items():
        for i in range(4):
            page = tmp_path / market / f"p{i}.md"
            page.parent.mkdir(exist_ok=True)
            page.write_text(f"# {i}\n\n{text}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}
    outputs = []
    for jobs in ("2", "1"):
        shutil.rmtree(tmp_path / ".culturelint_cache", ignore_errors=True)
        command = [
            sys.executable,
            "-m",
            "culturelint",
            "check",
            "-j",
            jobs,
            "--format",
            "json",
            ".",
        ]
        done = subprocess.run(
            [*command, "."], cwd=tmp_path, capture_output=True, text=True, env=env
        )
        assert done.returncode == 1 and done.stderr == "", done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["findings"]) >= 12


def test_derived_tables_of_the_wrong_shape_are_rebuilt_not_trusted(tmp_path: Path) -> None:
    """Every table kept as JSON replaced by valid JSON of another shape, or by another
    table's file: the next run says exactly what the first said, and stores the right
    tables again."""
    run = _cli_on_german_page(
        tmp_path,
        "# Angebot\n\nNur $49 am 24.12.2026, 5 km vom Zentrum. Anruf: +1 212 555 0100.\n"
        "Ein weißes Hemd für 19,99 €.\n",
    )
    first = run()
    tables = sorted((tmp_path / ".culturelint_cache").rglob("*.json"))
    kept = {path: path.read_text(encoding="utf-8") for path in tables}
    folders = {path.parent.name for path in tables}
    assert {"cldr", "holidays", "phones", "installed", "yaml"} <= folders, folders
    wrong = ["{}", "null", '"x"', "[[1, 2, 3]]", '{"a": [1]}', "[true, 7]", "-3", "[[null]]"]
    for index, path in enumerate(tables):
        path.write_text(wrong[index % len(wrong)], encoding="utf-8")
    for folder in ("cldr", "holidays", "installed"):
        one, other = [path for path in tables if path.parent.name == folder][:2]
        one.write_text(kept[other], encoding="utf-8")
        other.write_text(kept[one], encoding="utf-8")
    second = run()
    assert first.returncode == 1, first.stderr
    assert (second.returncode, second.stdout, second.stderr) == (1, first.stdout, first.stderr)
    assert {path: path.read_text(encoding="utf-8") for path in tables} == kept


def _build_in_child(path: str) -> None:
    target = Path(path)
    validcache.build_soon(
        target,
        lambda p: validcache.write_sqlite(
            p, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", []
        ),
    )
    validcache.settle(target)
    raise SystemExit(0 if target.is_file() else 1)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_a_forked_worker_builds_in_the_background_too(tmp_path: Path) -> None:
    """A worker forked after the parent built something inherits the parent's pool
    but not its threads: it must start its own, not wait forever."""
    import multiprocessing

    first = tmp_path / "parent.sqlite"
    validcache.build_soon(
        first,
        lambda p: validcache.write_sqlite(
            p, ["CREATE TABLE t (x)"], "INSERT INTO t VALUES (?)", []
        ),
    )
    validcache.settle_all()  # as the runner does before it forks
    child = multiprocessing.get_context("fork").Process(
        target=_build_in_child, args=(str(tmp_path / "child.sqlite"),)
    )
    child.start()
    child.join(30)
    assert child.exitcode == 0


def test_a_second_run_compiles_no_pattern_anew(tmp_path: Path) -> None:
    """Every pattern a run compiles is stored for the next one. Patterns built from word
    sets list their words in one order in every process (not in the order of a set,
    which changes with Python's per-process string hashing): otherwise each run would
    compile them again and add programs to the store without end."""
    import os
    import sqlite3
    import subprocess
    import sys

    import culturelint

    pages = {
        "de-DE/seite.md": "# Angebot\n\nAb 3. Oktober 2026: 2 Flaschen für 19,99 € (0,75 l).\n",
        "en-US/page.md": "# Sale\n\nOn October 3, 2026: 2 bottles for $19.99, 5 lbs.\n",
        "ja-JP/page.md": "# セール\n\n2026年10月3日から、2本で税込1,980円。\n",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    base = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}
    command = [sys.executable, "-m", "culturelint", "check", "--no-cache", "--jobs", "1", "."]
    stored = []
    for seed in ("1", "2"):
        env = {**base, "PYTHONHASHSEED": seed}
        run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
        assert run.returncode in (0, 1), run.stderr
        [store] = (tmp_path / ".culturelint_cache").rglob("programs-*.sqlite")
        with sqlite3.connect(store) as conn:
            stored.append(conn.execute("SELECT count(*) FROM memo").fetchone()[0])
        conn.close()
    assert stored[0] > 100  # the rules' own patterns, not only the tokenizer's
    assert stored[1] == stored[0]


def test_word_sets_prefetched_answer_as_looked_up_one_by_one(tmp_path: Path) -> None:
    """Words asked in batches (more than one batch, with a word SQLite cannot hold and
    words no set has) answer `in` exactly as lookups one word at a time do."""
    from culturelint.checks._wordsets import SetStore

    sets = (
        frozenset(f"wort{i}" for i in range(0, 1500, 2)),
        frozenset(f"wort{i}" for i in range(0, 1500, 3)) | {"Äpfel"},
    )
    path = tmp_path / "sets.sqlite"
    assert SetStore.write(path, sets)
    asked = [f"wort{i}" for i in range(1600)] + ["Äpfel", "\udc80", "", "äpfel"]
    one_by_one = SetStore(path).sets(2)
    batched_store = SetStore(path)
    batched = batched_store.sets(2)
    batched_store.prefetch(asked)
    assert set(asked[:-1]) <= set(batched_store._seen)  # all but the surrogate, at once
    for word in asked:
        expected = [word in s for s in sets]
        assert [word in s for s in one_by_one] == expected, word
        assert [word in s for s in batched] == expected, word


def test_lemmas_prefetched_answer_as_looked_up_one_by_one(tmp_path: Path) -> None:
    from culturelint import matching

    path = tmp_path / "lemma.sqlite"
    rows = [(f"Form{i}", f"form{i // 2}") for i in range(1200)]
    assert validcache.write_sqlite(
        path,
        ["CREATE TABLE lemma (word TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID"],
        "INSERT INTO lemma VALUES (?, ?)",
        rows,
    )
    asked = [f"Form{i}" for i in range(1300)] + ["form1", "\udc80"]
    one_by_one, batched = matching._LemmaStore(path), matching._LemmaStore(path)
    batched.prefetch(asked)
    for word in asked:
        assert batched.get(word, "-") == one_by_one.get(word, "-"), word


def test_tokens_and_leftovers_are_the_same_with_the_stores_read_in_batches(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """German copy with English left in it, tokenized and judged by CL103 with the
    stores read in batches and with every batch turned off."""
    from culturelint import matching
    from culturelint.checks import leftovers

    if not _lookups.tables("de"):
        pytest.skip("spacy-lookups-data is not installed")
    texts = [
        "Unser weißes Hemd ist ideal für Hochzeiten. Jetzt bestellen!",
        "Learn more about our shop and sign up today.",
        "Die Online-Shop-Angebote gelten bis Sonntag; Free shipping on all orders.",
        "SCHWARZE UHREN im Angebot, nur heute",
    ]

    def judged() -> list[object]:
        matching._analysed.cache_clear()
        matching._word_keys.cache_clear()
        matching._lemma_table.cache_clear()
        _wordsets.market_tables.cache_clear()
        _wordsets.vocabulary.cache_clear()
        lexicon = leftovers.Lexicon("en", ["de"])
        fragments = [f.text for t in texts for f in leftovers.clauses(t)]
        lexicon.prefetch((f, False) for f in fragments)
        return [matching._analyse("de", t) for t in texts] + [
            lexicon.leftover(f) for f in fragments
        ]

    batched = judged()
    validcache.settle_all()
    batched = judged()  # now from the stores built by the first pass
    monkeypatch.setattr(_wordsets.SetStore, "prefetch", lambda self, words: None)
    monkeypatch.setattr(matching._LemmaStore, "prefetch", lambda self, words: None)
    assert judged() == batched
    assert any(batched[len(texts) :])  # "Learn more about our shop ..." is a leftover


def test_stores_open_in_a_folder_whose_name_looks_like_a_uri(tmp_path: Path) -> None:
    """The stores are opened through SQLite file URIs: "#", "?" and "%" in the path
    must stay part of the file name."""
    from culturelint.checks._wordsets import SetStore

    folder = tmp_path / "copy #1 ? 100% done"
    folder.mkdir()
    path = folder / "sets.sqlite"
    assert SetStore.write(path, (frozenset({"Haus"}),))
    store = SetStore(path)
    assert store.count() == 1  # opened, not rebuilt in memory
    [houses] = store.sets(1)
    assert "Haus" in houses and "Maus" not in houses


def test_word_probabilities_are_asked_of_sqlite_once_per_word(tmp_path: Path) -> None:
    """CL103 asks whether a form is in the table, then for its value: one query."""
    from culturelint.checks._frequencies import ProbStore

    path = tmp_path / "prob.sqlite"
    assert validcache.write_sqlite(
        path,
        ["CREATE TABLE prob (word TEXT PRIMARY KEY, p REAL) WITHOUT ROWID"],
        "INSERT INTO prob VALUES (?, ?)",
        [("free", -9.5), ("Free", -12.0)],
    )
    store = ProbStore(path)
    queries: list[tuple[str, ...]] = []
    one = store._db.one
    store._db.one = lambda sql, args: queries.append(args) or one(sql, args)  # type: ignore[method-assign]
    for _ in range(2):
        assert "free" in store and store["free"] == -9.5
        assert store["Free"] == -12.0
        assert "FREE" not in store
        with pytest.raises(KeyError):
            store["gratis"]
    assert sorted(queries) == [("FREE",), ("Free",), ("free",), ("gratis",)]


_PROB_JSON = {
    "en": '{"free": -9.5, "Free": -12, "label": "not a number", "dup": -1.0, "dup": -2.0,'
    ' "online": -10.0}',
    "de": '{"frei": -7.0, "free": -15.0, "online": -11.5, "Größe": -8.25}',
}


def _fake_prob_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small lexeme_prob table for English and German, and fresh memos around it."""

    monkeypatch.setattr(_lookups, "tables", lambda language: ("lexeme_prob",))
    monkeypatch.setattr(
        _lookups,
        "table_json",
        lambda language, table: (
            _PROB_JSON[language].encode()
            if table == "lexeme_prob" and language in _PROB_JSON
            else None
        ),
    )
    _fresh_frequencies(monkeypatch)


def _fresh_frequencies(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process has: no frequency tables open or being decompressed, no
    answers remembered in memory (earlier runs' are read from their store)."""
    import functools

    validcache.settle_all()
    validcache.flush_stores()
    validcache._store_at.cache_clear()
    monkeypatch.setattr(_frequencies, "_DECOMPRESSED", {})
    monkeypatch.setattr(_frequencies, "table", functools.cache(_frequencies.table.__wrapped__))


@pytest.mark.parametrize("sqlite_json", [True, False])
@pytest.mark.parametrize("given_text", [True, False])
def test_word_probabilities_stored_are_the_tables_as_json_reads_it(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch, sqlite_json: bool, given_text: bool
) -> None:
    """Filled by SQLite from the JSON (read again, or the text a scan decompressed
    already), or row by row where SQLite cannot read JSON: the numbers only, and a
    repeated key's first value (as a scan of the text reads it)."""

    if sqlite_json and not validcache.sqlite_reads_json():
        pytest.skip("this SQLite has no JSON functions")
    _fake_prob_tables(monkeypatch)
    monkeypatch.setattr(validcache, "sqlite_reads_json", lambda: sqlite_json)
    path = _lookups.store_path("prob-en")
    assert path is not None
    text = _PROB_JSON["en"].encode() if given_text else None
    assert _frequencies.ProbStore.build(path, "en", text)
    assert _rows(path, "prob") == [
        ("Free", -12.0),
        ("dup", -1.0),
        ("free", -9.5),
        ("online", -10.0),
    ]


@pytest.mark.parametrize(
    ("text", "table"),
    [
        ('{"a": true, "a": 1, "b": -2.5, "b": -3, "c": "x"}', {"a": 1.0, "b": -2.5}),
        ('[{"a": 1}]', {}),  # not an object
        ("null", {}),
    ],
)
def test_a_whole_frequency_table_is_read_as_the_scans_read_it(
    monkeypatch: pytest.MonkeyPatch, text: str, table: dict[str, float]
) -> None:
    """Without a cache folder CL103 holds the whole table: numbers only (true is no
    number), a repeated key's first one, and nothing from a file that is no object."""

    monkeypatch.setattr(_lookups, "table_json", lambda language, name: text.encode())
    assert _frequencies.load_probabilities("en") == table


def _decompressions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages whose tables get decompressed from here on, in order."""

    queued: list[str] = []
    real = validcache.compute_soon

    def compute_soon(work: Callable[..., object], *args: object) -> object:
        if work is _lookups.table_json:
            queued.append(str(args[0]))
        return real(work, *args)

    monkeypatch.setattr(validcache, "compute_soon", compute_soon)
    return queued


def test_word_probabilities_of_a_first_run_come_from_one_scan_of_each_table(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No store is written for the few words of one page: both tables are decompressed
    at once and scanned for the forms of a word together; the answers are the
    tables'."""
    from culturelint.checks import leftovers

    _fake_prob_tables(monkeypatch)
    queued = _decompressions(monkeypatch)
    lexicon = leftovers.Lexicon("en", ["de"])
    assert lexicon._shared_by_frequency("online")  # -11.5 against -10: within e^3
    assert queued == ["en", "de"]
    assert not lexicon._shared_by_frequency("free")  # -15 against -9.5
    assert not lexicon._shared_by_frequency("Größe")  # not in the source's table
    source, market = _frequencies.table("en"), _frequencies.table("de")
    assert (source.scans, market.scans) == (3, 2)  # one per word and table asked
    assert queued == ["en", "de"]  # decompressed once
    validcache.settle_all()
    assert source.text_path.read_bytes() == _PROB_JSON["en"].encode()  # for later runs
    assert not source.store_path.exists() and not market.store_path.exists()


def test_word_probabilities_answered_once_are_not_scanned_for_again(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next run reads the answers of the runs before it; a word none of them asked
    about is found in the decompressed copy, without decompressing the table again."""

    _fake_prob_tables(monkeypatch)
    first = _frequencies.table("de")
    assert "online" in first and first["frei"] == -7.0 and "gratis" not in first
    _fresh_frequencies(monkeypatch)
    queued = _decompressions(monkeypatch)
    again = _frequencies.table("de")
    assert again["online"] == -11.5 and again["frei"] == -7.0 and "gratis" not in again
    assert again.scans == 0
    assert again["Größe"] == -8.25
    assert again.scans == 1 and queued == []  # the copy, not the table


def test_a_decompressed_table_is_let_go_once_its_copy_is_written(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run holds the table it decompressed (30 MB a language) only until the
    copy written in the background is there: the next scan maps that instead."""
    import mmap

    _fake_prob_tables(monkeypatch)
    table = _frequencies.table("de")
    assert table["online"] == -11.5
    assert isinstance(table._text, bytes)
    validcache.settle_all()  # the copy is written
    assert table["Größe"] == -8.25  # a new word: another scan
    assert isinstance(table._text, mmap.mmap)


def test_settling_waits_for_the_helpers_work() -> None:
    """A run (or a worker) that ends settles first: a helper's file is then complete."""
    import threading

    started, finished = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        time.sleep(0.2)
        finished.set()

    validcache.compute_soon(work)
    assert started.wait(5)
    validcache.settle_all()
    assert finished.is_set()


def test_a_cut_short_copy_of_a_table_is_not_read(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy without the object's end (a crash while the machine wrote it) would
    answer "not there" for every word after the cut: the table is decompressed again,
    and the copy replaced."""

    _fake_prob_tables(monkeypatch)
    table = _frequencies.table("de")
    table.text_path.parent.mkdir(parents=True, exist_ok=True)
    text = _PROB_JSON["de"].encode()
    table.text_path.write_bytes(text[: text.index(b'"online"')])
    assert table["online"] == -11.5 and table["Größe"] == -8.25
    validcache.settle_all()
    assert table.text_path.read_bytes() == text  # and written whole for later runs


@pytest.mark.parametrize("scanned_enough", [True, False])
def test_a_run_that_has_scanned_long_enough_builds_the_stores(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch, scanned_enough: bool
) -> None:
    """A folder of pages left in English would scan on every page: once the run has
    spent SCAN_SECONDS_BEFORE_STORE scanning, the next page has the stores of both
    tables built and reads them, and their decompressed copies are let go. Until
    then, each page is answered by scans."""
    from culturelint.checks import leftovers

    if not validcache.sqlite_reads_json():
        pytest.skip("this SQLite has no JSON functions")
    if not _lookups.tables("de"):
        pytest.skip("spacy-lookups-data is not installed")
    _fresh_frequencies(monkeypatch)
    monkeypatch.setattr(_frequencies, "SCAN_SECONDS_BEFORE_STORE", 1e-9 if scanned_enough else 1e9)
    lexicon = leftovers.Lexicon("en", ["de"])
    lexicon.prefetch_frequencies([("Learn more about our speakers today", False)])
    source, market = _frequencies.table("en"), _frequencies.table("de")
    assert (source.scans, market.scans) == (1, 1)
    assert not source.store_path.exists()
    lexicon.prefetch_frequencies([("Sign up for the whole collection", False)])
    validcache.settle_all()
    built = [t.store_path.is_file() for t in (source, market)]
    assert built == [scanned_enough, scanned_enough]
    assert (source.scans, market.scans) == ((1, 1) if scanned_enough else (2, 2))
    assert source["collection"] == _frequencies.load_probabilities("en")["collection"]
    copies = [t.text_path.exists() for t in (source, market)]
    assert copies == [not scanned_enough, not scanned_enough]  # let go once not needed
    if scanned_enough:
        assert source._text is None and market._text is None  # the stores answer


def test_a_page_without_source_language_copy_decompresses_no_table(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a fragment that the first pass leaves open gets its words asked about: a
    German page with loan words ("Online-Shop", "Team") and an English brand name
    costs a first run no table, and no scan."""
    from culturelint.checks import leftovers

    if not _lookups.tables("de"):
        pytest.skip("spacy-lookups-data is not installed")
    _fresh_frequencies(monkeypatch)
    queued = _decompressions(monkeypatch)
    lexicon = leftovers.Lexicon("en", ["de"])
    german = [
        "Unser Online-Shop ist rund um die Uhr für Sie da",
        "Das Team von Lumen Sound antwortet schnell",
        "Jetzt bestellen",
    ]
    pieces = [(f.text, False) for t in german for f in leftovers.clauses(t)]
    lexicon.prefetch(pieces)
    lexicon.prefetch_frequencies(pieces)
    assert queued == []
    assert not any(lexicon.leftover(text) for text, _ in pieces)
    lexicon.prefetch_frequencies([("Learn more about our speakers", False)])
    assert queued == ["en", "de"]
