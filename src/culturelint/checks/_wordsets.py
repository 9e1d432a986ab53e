"""Word sets from spacy-lookups-data: the source language's vocabulary, the market
language's word forms and lemmas, and the source's verbs, kept in SQLite stores in
the derived-data cache and looked up a word at a time (CL103, CL102).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from functools import cache, partial
from pathlib import Path
from typing import Any

from culturelint.checks import _lookups as lookups
from culturelint.profiles.validcache import remembered


def stored_sets(
    name: str,
    build: Callable[[], tuple[frozenset[str], ...]],
    write: Callable[[Path], bool] | None = None,
) -> tuple[Container[str], ...]:
    """Word sets derived from spacy-lookups-data, kept in the derived-data cache as
    one SQLite file once built, and looked up a word at a time.

    The market tables hold hundreds of thousands of words per language (Portuguese
    more than 800,000): loading them whole cost most of a second a run, while a run
    asks for a few thousand words. Without a cache folder (--no-cache), or when the
    file cannot be written, the sets are built in memory. `write`, when given, writes
    the file without building the sets in Python (False: it could not).
    """

    from culturelint.profiles import validcache

    path = lookups.store_path(name)
    if path is None:
        return build()
    validcache.settle(path)
    if not path.is_file() and (write is None or not write(path)):
        sets = build()
        if SetStore.write_soon(path, sets) or not SetStore.write(path, sets):
            return sets  # this run reads them in memory
    store = SetStore(path)
    count = store.count()
    return build() if count is None else store.sets(count)


class SetStore:
    """Several word sets in SQLite: each word with one bit per set that holds it.
    Lookups are remembered, since copy repeats its words. A forked worker opens its
    own connection, as SQLite requires."""

    def __init__(self, path: Path) -> None:
        from culturelint.profiles.validcache import SQLiteReader

        self.path = path
        self._db = SQLiteReader(path, immutable=True)
        self._seen: dict[str, int] = {}

    @staticmethod
    def write(path: Path, sets: tuple[frozenset[str], ...]) -> bool:
        from culturelint.profiles import validcache

        bits = SetStore._bits(sets)
        # False also for a word SQLite cannot store (a lone surrogate).
        return validcache.write_sqlite(
            path,
            SetStore._create(len(sets)),
            "INSERT INTO word VALUES (?, ?)",
            [(word, bits[word]) for word in sorted(bits)],  # in key order: B-tree appends
        )

    @staticmethod
    def write_soon(path: Path, sets: tuple[frozenset[str], ...]) -> bool:
        """Queue `write` on the background thread (validcache.build_soon), each set
        handed to SQLite as one JSON array, so that it runs without the interpreter:
        the run that built the sets reads them in memory. False when SQLite cannot
        read JSON."""
        import json

        from culturelint.profiles import validcache

        if not validcache.sqlite_reads_json():
            return False
        words = {
            f"s{i}": json.dumps(list(words), ensure_ascii=False) for i, words in enumerate(sets)
        }
        upsert = "ON CONFLICT (w) DO UPDATE SET bits = bits | excluded.bits"
        statements = [
            *SetStore._create(len(sets)),
            *(
                f"INSERT INTO word SELECT value, {1 << i} FROM json_each(:s{i})"
                f" WHERE true ORDER BY 1 {upsert}"  # "WHERE true": see write_market_tables
                for i in range(len(sets))
            ),
        ]
        validcache.build_soon(path, lambda p: validcache.write_sqlite_sql(p, statements, words))
        return True

    @staticmethod
    def _bits(sets: tuple[frozenset[str], ...]) -> dict[str, int]:
        bits: dict[str, int] = {}
        for i, words in enumerate(sets):
            for word in words:
                bits[word] = bits.get(word, 0) | (1 << i)
        return bits

    @staticmethod
    def _create(count: int) -> list[str]:
        return [
            "CREATE TABLE sets (count INTEGER)",
            f"INSERT INTO sets VALUES ({count})",
            "CREATE TABLE word (w TEXT PRIMARY KEY, bits INTEGER) WITHOUT ROWID",
        ]

    def _execute(self, sql: str, args: tuple[Any, ...]) -> Any:
        return self._db.one(sql, args)

    def count(self) -> int | None:
        import sqlite3

        try:
            row = self._execute("SELECT count FROM sets", ())
            self._execute("SELECT bits FROM word LIMIT 1", ())  # readable, not corrupt
        except sqlite3.Error:
            return None
        return row[0] if row and isinstance(row[0], int) else None

    def sets(self, count: int) -> tuple[Container[str], ...]:
        return tuple(StoredSet(self, 1 << i) for i in range(count))

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up `words` in one query per few hundred, so that the `in` tests
        that follow find them remembered."""
        self._db.remember(self._seen, "SELECT w, bits FROM word WHERE w IN ({})", words, 0)

    def bits(self, word: str) -> int:
        return remembered(self._seen, word, self._bits_of)

    def _bits_of(self, word: str) -> int:
        try:
            row = self._execute("SELECT bits FROM word WHERE w = ?", (word,))
        except UnicodeEncodeError:
            row = None  # no stored word has a lone surrogate: write() would have failed
        return row[0] if row else 0


class StoredSet(Container[str]):
    """One set of a `SetStore`: supports `in`, as the frozenset it replaces."""

    def __init__(self, store: SetStore, bit: int) -> None:
        self._store = store
        self._bit = bit

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self._store.bits(word) & self._bit)


def prefetch(sets: Iterable[Container[str]], words: set[str]) -> None:
    """`SetStore.prefetch` on each store behind `sets`, once (in-memory sets need
    none)."""
    stores = {id(s._store): s._store for s in sets if isinstance(s, StoredSet)}
    for store in stores.values():
        store.prefetch(words)


@cache
def vocabulary(language: str) -> Container[str]:
    """Case-folded words of the source language: its stop words, the forms and lemmas
    of its lemma lookup tables and the base forms of its lemma index
    (spacy-lookups-data; for English, WordNet's)."""
    return stored_sets(f"vocabulary-{language}", lambda: (_build_vocabulary(language),))[0]


def _build_vocabulary(language: str) -> frozenset[str]:
    # map() rather than generator expressions: a first run that meets source-language
    # words in a market's copy builds this in the foreground (English: 123,355 words).
    words: set[str] = set(lookups.stop_words(language))
    for name in lookups.tables(language):
        wanted = _is_lemma_table(name) or name == "lemma_index"
        data = lookups.load(language, name) if wanted else {}
        if name == "lemma_index":
            for forms in data.values():
                words.update(map(str.casefold, map(str, forms)))
        else:
            words.update(map(str.casefold, map(str, data)))
            for value in data.values():
                if isinstance(value, list):
                    words.update(map(str.casefold, map(str, value)))
                else:
                    words.add(str(value).casefold())
    words.discard("")
    return frozenset(words)


@cache
def market_tables(language: str) -> tuple[tuple[Container[str], Container[str]], ...]:
    """The forms and the lemmas of the market language's lemma lookup tables.

    Kept case-sensitive (as the tables are): German "US" is not English "us". The
    lemma index is left out: French's lists "more" as an old noun, which would make
    "Learn more" French.
    """
    sets = stored_sets(
        f"market-{language}",
        lambda: tuple(s for pair in build_market_tables(language) for s in pair),
        lambda path: write_market_tables(path, language),
    )
    return tuple((sets[i], sets[i + 1]) for i in range(0, len(sets), 2))


def prepare_market_tables(language: str) -> None:
    """Start writing the store of `market_tables(language)` in the background, on a
    first run, while the source language's vocabulary is built in the foreground."""
    from culturelint.profiles import validcache

    path = lookups.store_path(f"market-{language}")
    if path is not None and validcache.sqlite_reads_json():
        validcache.build_soon(path, lambda p: write_market_tables(p, language), anticipated=True)


def write_market_tables(path: Path, language: str) -> bool:
    """The store of `build_market_tables`'s sets, filled by SQLite from the JSON
    itself: a third of the time of parsing it in Python and inserting word by word
    (1.3 s against 0.4 s for German's 420,000 words). Table i gives bit 2i to its
    forms and bit 2i + 1 to its lemmas."""
    from culturelint.profiles import validcache

    names = [name for name in lookups.tables(language) if _is_lemma_table(name)]
    if not validcache.sqlite_reads_json():
        return False
    tables = [partial(lookups.table_json_or_none, language, name) for name in names]
    upsert = "ON CONFLICT (w) DO UPDATE SET bits = bits | excluded.bits"
    each = f"json_each({validcache.JSON_PIECE})"
    inserts: list[tuple[str, validcache.JsonSource | None]] = []
    for i, raw in enumerate(tables):
        form, lemma = 1 << (2 * i), 1 << (2 * i + 1)
        # "WHERE true" lets SQLite read ON CONFLICT as an upsert, not a join clause.
        inserts += [
            (f"INSERT INTO word SELECT key, {form} FROM {each} WHERE true {upsert}", raw),
            (
                f"INSERT INTO word SELECT DISTINCT value, {lemma} FROM {each}"
                f" WHERE type = 'text' ORDER BY 1 {upsert}",
                raw,
            ),
            (
                f"INSERT INTO word SELECT DISTINCT e.value, {lemma}"
                f" FROM {each} AS a, json_each(a.value) AS e"
                f" WHERE a.type = 'array' AND e.type = 'text' ORDER BY 1 {upsert}",
                raw,
            ),
        ]
    return validcache.write_sqlite_json(path, SetStore._create(2 * len(names)), inserts)


def build_market_tables(language: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    tables = []
    for name in lookups.tables(language):
        if _is_lemma_table(name):
            data = lookups.load(language, name)
            lemmas = frozenset(
                lemma
                for value in data.values()
                for lemma in (value if isinstance(value, list) else [value])
                if isinstance(lemma, str)
            )
            tables.append((frozenset(k for k in data if isinstance(k, str)), lemmas))
    return tuple(tables)


def _is_lemma_table(name: str) -> bool:
    return name.startswith("lemma_lookup")


def market_word(language: str, word: str, source: str) -> bool:
    """Whether `word` is a word of `language`: one of its stop words, or a form or a
    lemma in its lemma tables as written, in lower case or capitalised.

    A lemma that is a function word of the source language does not count: the
    tables hold stray English plurals ("mores" -> "more", "homes" -> "home"), and
    "more" must not make "Learn more" French.
    """
    if word.casefold() in lookups.stop_words(language):
        return True
    forms = (word, word.lower(), word.capitalize())
    source_stop = lookups.stop_words(source)
    for forms_in_table, lemmas in market_tables(language):
        for form in forms:
            if form in forms_in_table or (form in lemmas and form.casefold() not in source_stop):
                return True
    return False


@cache
def source_verbs(language: str) -> frozenset[str]:
    """Base forms of the source language's verbs (its lemma index), for one-word
    buttons: "Subscribe" and "Search" are commands, "Sale" and "Home" are labels
    other languages borrow."""
    return lookups.derived(
        f"verbs-{language}",
        lambda: frozenset(
            str(v).casefold() for v in lookups.load(language, "lemma_index").get("verb", ())
        ),
    )
