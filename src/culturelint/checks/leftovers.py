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

import gzip
import importlib.util
import json
import re
import zlib
from collections.abc import Callable, Container, Iterable, Iterator
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from culturelint.checks import language as cl101
from culturelint.checks._jsonscan import numbers_of_keys
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
from culturelint.profiles.validcache import remembered
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


class Fragment(NamedTuple):
    start: int
    end: int
    text: str


# -- word lists from spaCy ------------------------------------------------------------


# The word lists are read straight from the files of spacy-lookups-data and spaCy's
# stop-word modules. Going through spaCy would import it (seconds) and, for stop
# words, the language's package with its tokenizer exceptions (seconds more for
# French), and this rule needs neither a tokenizer nor a pipeline.


@cache
def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data"


@cache
def _tables(language: str) -> tuple[str, ...]:
    """Names of the spacy-lookups-data tables of `language` ("lemma_lookup" ...)."""
    folder = _data_dir()
    if folder is None or not folder.is_dir():
        return ()
    prefix = f"{language}_"
    return tuple(
        sorted(p.name[len(prefix) : -len(".json.gz")] for p in folder.glob(f"{prefix}*.json.gz"))
    )


def _load(language: str, table: str) -> dict[str, Any]:
    raw = _table_json(language, table)
    data = json.loads(raw) if raw is not None else None
    return data if isinstance(data, dict) else {}


def _table_json(language: str, table: str) -> bytes | None:
    """The JSON of one spacy-lookups-data table (UTF-8), or None if there is no such
    table. One call into zlib, which lets other threads run (gzip.open's reader is a
    Python loop): the stores SQLite fills from it are built on background threads.
    Bytes, not text: SQLite takes them as they are, where a str would be held twice
    more while a store is built (the str, and the UTF-8 copy SQLite is handed)."""
    folder = _data_dir()
    if folder is None or table not in _tables(language):
        return None
    return gzip.decompress((folder / f"{language}_{table}.json.gz").read_bytes())


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of `language` (the commonest function words), or none."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language / "stop_words.py"
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_culturelint_stop_{language}", path)
    if module_spec is None or module_spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(w.casefold() for w in getattr(module, "STOP_WORDS", ()))


@cache
def _data_version() -> str:
    """spacy-lookups-data's version, in derived file names: an upgrade rebuilds them."""
    from culturelint import installed

    return installed.version("spacy-lookups-data") or "none"


def _derived(name: str, build: Callable[[], Any]) -> Any:
    """A word set or table derived from spacy-lookups-data, kept in the derived-data
    cache (.culturelint_cache/) as a marshal file once built: re-reading the gzipped
    JSON tables costs seconds a run, loading the derived file a few milliseconds.
    Without a cache folder (--no-cache), it is built every time."""
    import marshal
    import sys

    from culturelint.profiles import validcache

    folder = validcache.folder("leftovers")
    if folder is None:
        return build()
    data_version = _data_version()
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    path = folder / f"{name}-{data_version}-py{py}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        from culturelint.atomic import write_atomic

        validcache.ensure_folder(folder)
        write_atomic(path, marshal.dumps(value))
    except (OSError, ValueError):
        pass
    return value


def _stored_sets(
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

    path = _store_path(name)
    if path is None:
        return build()
    validcache.settle(path)
    if not path.is_file() and (write is None or not write(path)):
        sets = build()
        if _SetStore.write_soon(path, sets) or not _SetStore.write(path, sets):
            return sets  # this run reads them in memory
    store = _SetStore(path)
    count = store.count()
    return build() if count is None else store.sets(count)


def _store_path(name: str) -> Path | None:
    """Where `_stored_sets` keeps the sets called `name`; None without a cache folder."""
    from culturelint.profiles import validcache

    folder = validcache.folder("leftovers")
    return None if folder is None else folder / f"{name}-{_data_version()}.sqlite"


class _SetStore:
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

        bits = _SetStore._bits(sets)
        # False also for a word SQLite cannot store (a lone surrogate).
        return validcache.write_sqlite(
            path,
            _SetStore._create(len(sets)),
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
            *_SetStore._create(len(sets)),
            *(
                f"INSERT INTO word SELECT value, {1 << i} FROM json_each(:s{i})"
                f" WHERE true ORDER BY 1 {upsert}"  # "WHERE true": see _write_market_tables
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
        return tuple(_StoredSet(self, 1 << i) for i in range(count))

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


class _StoredSet(Container[str]):
    """One set of a `_SetStore`: supports `in`, as the frozenset it replaces."""

    def __init__(self, store: _SetStore, bit: int) -> None:
        self._store = store
        self._bit = bit

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self._store.bits(word) & self._bit)


def _prefetch(sets: Iterable[Container[str]], words: set[str]) -> None:
    """`_SetStore.prefetch` on each store behind `sets`, once (in-memory sets need
    none)."""
    stores = {id(s._store): s._store for s in sets if isinstance(s, _StoredSet)}
    for store in stores.values():
        store.prefetch(words)


@cache
def vocabulary(language: str) -> Container[str]:
    """Case-folded words of the source language: its stop words, the forms and lemmas
    of its lemma lookup tables and the base forms of its lemma index
    (spacy-lookups-data; for English, WordNet's)."""
    return _stored_sets(f"vocabulary-{language}", lambda: (_build_vocabulary(language),))[0]


def _build_vocabulary(language: str) -> frozenset[str]:
    # map() rather than generator expressions: a first run that meets source-language
    # words in a market's copy builds this in the foreground (English: 123,355 words).
    words: set[str] = set(stop_words(language))
    for name in _tables(language):
        data = _load(language, name) if _is_lemma_table(name) or name == "lemma_index" else {}
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
def _market_tables(language: str) -> tuple[tuple[Container[str], Container[str]], ...]:
    """The forms and the lemmas of the market language's lemma lookup tables.

    Kept case-sensitive (as the tables are): German "US" is not English "us". The
    lemma index is left out: French's lists "more" as an old noun, which would make
    "Learn more" French.
    """
    sets = _stored_sets(
        f"market-{language}",
        lambda: tuple(s for pair in _build_market_tables(language) for s in pair),
        lambda path: _write_market_tables(path, language),
    )
    return tuple((sets[i], sets[i + 1]) for i in range(0, len(sets), 2))


def _prepare_market_tables(language: str) -> None:
    """Start writing the store of `_market_tables(language)` in the background, on a
    first run, while the source language's vocabulary is built in the foreground."""
    from culturelint.profiles import validcache

    path = _store_path(f"market-{language}")
    if path is not None and validcache.sqlite_reads_json():
        validcache.build_soon(path, lambda p: _write_market_tables(p, language))


def _json_tables(language: str, names: list[str]) -> list[bytes] | None:
    """The JSON of each table in `names`, or None when SQLite cannot read JSON or a
    table is missing (see `_table_json`)."""
    from culturelint.profiles import validcache

    if not validcache.sqlite_reads_json():
        return None
    texts = []
    for name in names:
        try:
            raw = _table_json(language, name)
        except (OSError, ValueError, EOFError):
            return None
        if raw is None:
            return None
        texts.append(raw)
    return texts


def _write_market_tables(path: Path, language: str) -> bool:
    """The store of `_build_market_tables`'s sets, filled by SQLite from the JSON
    itself: a third of the time of parsing it in Python and inserting word by word
    (1.3 s against 0.4 s for German's 420,000 words). Table i gives bit 2i to its
    forms and bit 2i + 1 to its lemmas."""
    from culturelint.profiles import validcache

    names = [name for name in _tables(language) if _is_lemma_table(name)]
    texts = _json_tables(language, names)
    if texts is None:
        return False
    upsert = "ON CONFLICT (w) DO UPDATE SET bits = bits | excluded.bits"
    each = f"json_each({validcache.JSON_PIECE})"
    inserts = []
    for i, raw in enumerate(texts):
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
    return validcache.write_sqlite_json(path, _SetStore._create(2 * len(names)), inserts)


def _build_market_tables(language: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    tables = []
    for name in _tables(language):
        if _is_lemma_table(name):
            data = _load(language, name)
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
    if word.casefold() in stop_words(language):
        return True
    forms = (word, word.lower(), word.capitalize())
    source_stop = stop_words(source)
    for forms_in_table, lemmas in _market_tables(language):
        for form in forms:
            if form in forms_in_table or (form in lemmas and form.casefold() not in source_stop):
                return True
    return False


# A run that has spent this long (seconds) scanning the frequency tables' text, about
# half of what writing their SQLite stores takes on two threads, has the stores
# written and reads those from then on: a folder of pages left in English would
# otherwise scan on every page. A few pages are answered by their scans (two German
# pages with a sentence of English each: a first run of 1.34-1.38 s, against
# 2.65-3.1 s when the second page had the stores written).
SCAN_SECONDS_BEFORE_STORE = 0.5


@cache
def _frequencies(language: str) -> Any:
    """Log probabilities of word forms in a large corpus of `language`, where
    spacy-lookups-data has them (English, German, Spanish ...): a mapping with `in`
    and `[]`. Without a cache folder, the whole table; with one, `_Frequencies`, since
    a check asks for a handful of words and the whole table takes a second to load."""
    path = _store_path(f"prob-{language}")
    if path is None:
        return _load_probabilities(language)
    return _Frequencies(language, path)


def _load_probabilities(language: str) -> dict[str, float]:
    """`language`'s whole lexeme_prob table: each key's first numeric value, as the
    stores and the scans of the text read it (spacy-lookups-data never repeats one)."""
    raw = _table_json(language, "lexeme_prob")
    pairs = json.loads(raw, object_pairs_hook=list) if raw is not None else []
    found: dict[str, float] = {}
    for pair in pairs if isinstance(pairs, list) else []:
        if not isinstance(pair, tuple):
            return {}  # not an object: no table
        key, value = pair
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.setdefault(key, float(value))
    return found


def _prepare_frequencies(languages: Iterable[str]) -> None:
    """Start decompressing the tables of `languages` that have neither a store nor a
    decompressed copy yet, all at once, on helper threads (zlib lets go of the
    interpreter lock): a check that needs one needs the source's and the market's
    together, and one after the other they took a tenth of a second more."""
    for language in languages:
        path = _store_path(f"prob-{language}")
        if path is None or path.is_file() or path.with_suffix(".json").is_file():
            continue
        _decompressing(language)


def _decompressing(language: str) -> None:
    """Start decompressing `language`'s lexeme_prob table on a helper thread, once."""
    import os

    from culturelint.profiles import validcache

    key = (os.getpid(), language)  # a forked worker has none of its parent's threads
    if key not in _DECOMPRESSED:
        _DECOMPRESSED[key] = validcache.compute_soon(_table_json, language, "lexeme_prob")


def _decompressed(language: str) -> bytes | None:
    """`language`'s lexeme_prob table as JSON bytes (None if it cannot be read),
    handed over once: the caller keeps it, and the helper's copy is let go."""
    import os

    _decompressing(language)
    future = _DECOMPRESSED.pop((os.getpid(), language))
    try:
        return future.result()  # type: ignore[no-any-return]
    except (OSError, ValueError, EOFError, zlib.error):
        return None


_DECOMPRESSED: dict[tuple[int, str], Any] = {}


def _write_table_text(path: Path, raw: bytes) -> bool:
    """A lexeme_prob table's JSON, kept decompressed in the cache (30 MB, a few
    hundredths of a second to write, in the background) so that later runs map it
    instead of decompressing it again."""
    from culturelint.atomic import write_atomic
    from culturelint.profiles import validcache

    try:
        validcache.ensure_folder(path.parent)
        write_atomic(path, raw, durable=False)
    except (OSError, ValueError):
        return False
    return True


class _Probabilities:
    """word -> log probability, asked as a mapping (`in`, then `[]`) by
    `_log_probability`; `_get` gives None for a word the table lacks."""

    def _get(self, word: str) -> float | None:
        raise NotImplementedError

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._get(word) is not None

    def __getitem__(self, word: str) -> float:
        value = self._get(word)
        if value is None:
            raise KeyError(word)
        return value


class _Frequencies(_Probabilities):
    """word -> log probability in one language, for a run with a cache folder.

    Read from the table's SQLite store (`_ProbStore`) once there is one. Until then the
    words are found in the table's JSON text itself, a batch at a time (`prefetch`,
    `numbers_of_keys`): a few hundredths of a second for a page's words among a
    million. Writing the two stores a German page with a sentence of English in it
    needs took its first run a second and more (most of it sorting a million words for
    each B-tree), for the dozen words the page asks about. The text is kept decompressed in
    the cache and mapped, and every answer is remembered across runs (a growing
    store), so an edit-commit loop scans only for words it has not asked about before;
    a run that keeps scanning has the store built (`want_store`).
    """

    def __init__(self, language: str, store_path: Path) -> None:
        from culturelint.profiles import validcache

        self.language = language
        self.store_path = store_path
        self.text_path = store_path.with_suffix(".json")
        self.scans = 0
        self.scan_seconds = 0.0
        self._answers = validcache.growing_store("leftovers", f"{store_path.stem}-answers.sqlite")
        self._seen: dict[str, float | None] = {}
        self._store: _ProbStore | None = None
        self._store_wanted = False
        self._text: Any = None  # the JSON text: a memory map or bytes
        self._writing: Any = None  # the Future of writing the decompressed copy

    def _get(self, word: str) -> float | None:
        if word not in self._seen:
            self.prefetch([word])
        return self._seen.get(word)

    def prefetch(self, words: Iterable[str]) -> None:
        """Find every one of `words` not known yet: in the store if there is one, else
        among the answers of earlier runs, else in one scan of the text."""
        from culturelint.profiles import validcache

        new = [w for w in dict.fromkeys(words) if w not in self._seen]
        if not new:
            return
        if len(self._seen) + len(new) > validcache.SEEN_LIMIT:
            self._seen.clear()
        store = self._opened_store()
        if store is not None:
            for word in new:
                self._seen[word] = store._get(word)
            return
        unknown = []
        for word in new:
            stored = self._answers.get(word) if self._answers is not None else None
            if stored is None:
                unknown.append(word)
            else:
                self._seen[word] = float(stored) if stored else None
        if not unknown:
            return
        found = self._scan(unknown)
        for word in unknown:
            value = found.get(word)
            self._seen[word] = value
            if self._answers is not None:
                self._answers.put(word, "" if value is None else repr(value))

    def want_store(self) -> None:
        """Have the store built (in the background until a question waits for it)."""
        from culturelint.profiles import validcache

        if not self._store_wanted:
            validcache.build_soon(self.store_path, self._build_store)
            self._store_wanted = True

    def _build_store(self, path: Path) -> bool:
        """The store, from the text this run has decompressed or mapped already if it
        has; then the decompressed copy goes, as the store answers in its place (a
        process that has it mapped still reads it)."""
        if not _ProbStore.build(path, self.language, self._text or None):
            return False
        try:
            self.text_path.unlink(missing_ok=True)
        except OSError:
            pass  # mapped by another process, where that forbids it: left for now
        return True

    def _opened_store(self) -> _ProbStore | None:
        from culturelint.profiles import validcache

        if self._store is None:
            if self._store_wanted:
                validcache.settle(self.store_path)
            if self.store_path.is_file():
                self._store = _ProbStore(self.store_path)
                self._text = None  # the store answers now
        return self._store

    def _scan(self, words: list[str]) -> dict[str, float]:
        import time

        start = time.perf_counter()
        self.scans += 1
        found = numbers_of_keys(self._table_text(), words)
        self.scan_seconds += time.perf_counter() - start
        return found

    def _table_text(self) -> Any:
        """The JSON text: the decompressed copy in the cache, mapped; else the table
        decompressed now (or by `_prepare_frequencies`), held until its copy, written
        in the background for later runs, is there to map (30 MB a language)."""
        import mmap
        import os

        from culturelint.profiles import validcache

        if self._writing is not None and self._writing.done():
            if self._writing.exception() is None and self._writing.result():
                self._text = None  # mapped from now on, not held
            self._writing = None
        if self._text is None:
            try:
                with self.text_path.open("rb") as file:
                    mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
                if not mapped[-16:].rstrip().endswith(b"}"):  # cut short: written again
                    mapped.close()
                    self.text_path.unlink()
                    raise ValueError(self.text_path)
                self._text = mapped
                _DECOMPRESSED.pop((os.getpid(), self.language), None)  # written meanwhile
            except (OSError, ValueError):
                raw = _decompressed(self.language)
                if raw is not None:
                    self._writing = validcache.compute_soon(_write_table_text, self.text_path, raw)
                self._text = raw if raw is not None else b""
        return self._text


def _write_frequencies(path: Path, language: str, text: Any = None) -> bool:
    """The store of `language`'s lexeme_prob table, filled by SQLite from the JSON
    itself (`text`, if the caller has it decompressed): parsing the table in Python and
    inserting word by word took 3.3 s and about 200 MB per language; this takes
    1.0-1.2 s, most of it sorting the words so that the B-tree is written in key
    order."""
    from culturelint.profiles import validcache

    if text is not None and validcache.sqlite_reads_json():
        texts: list[Any] | None = [text]  # bytes or a memory map: read in place
    else:
        texts = _json_tables(language, ["lexeme_prob"])
    if texts is None:
        return False
    create = [
        "CREATE TABLE prob (word TEXT PRIMARY KEY, p REAL) WITHOUT ROWID",
        "CREATE TEMP TABLE read (word TEXT, p REAL)",
    ]
    inserts: list[tuple[str, bytes | None]] = [
        (
            f"INSERT INTO read SELECT key, value FROM json_each({validcache.JSON_PIECE})"
            " WHERE type IN ('integer', 'real')",
            texts[0],
        ),
        # In key order, so the B-tree is written front to back (a fifth faster than
        # piece by piece), and a repeated key's first value stays, as in
        # `_load_probabilities` and `numbers_of_keys`.
        ("INSERT OR IGNORE INTO prob SELECT word, p FROM read ORDER BY word, rowid", None),
    ]
    return validcache.write_sqlite_json(path, create, inserts)


class _ProbStore(_Probabilities):
    """word -> log probability in SQLite, in the derived-data cache. Answers are
    remembered: `_log_probability` asks whether a form is there, then for its value."""

    def __init__(self, path: Path) -> None:
        from culturelint.profiles.validcache import SQLiteReader

        self.path = path
        self._db = SQLiteReader(path, immutable=True)
        self._seen: dict[str, float | None] = {}

    @staticmethod
    def build(path: Path, language: str, text: Any = None) -> bool:
        """Write the store of `language`'s table at `path`: by SQLite from the JSON
        (`text`, when given), or row by row where SQLite cannot read JSON."""
        from culturelint.profiles import validcache

        if _write_frequencies(path, language, text):
            return True
        return validcache.write_sqlite(
            path,
            ["CREATE TABLE prob (word TEXT PRIMARY KEY, p REAL) WITHOUT ROWID"],
            "INSERT INTO prob VALUES (?, ?)",
            sorted(_load_probabilities(language).items()),  # in key order: B-tree appends
        )

    def _get(self, word: str) -> float | None:
        return remembered(self._seen, word, self._probability_of)

    def _probability_of(self, word: str) -> float | None:
        row = self._db.one("SELECT p FROM prob WHERE word = ?", (word,))
        return None if row is None else float(row[0])


def _log_probability(table: Any, word: str) -> float | None:
    forms = (word, word.lower(), word.capitalize())
    if isinstance(table, _Frequencies):
        table.prefetch(forms)  # one scan for the three, if it comes to a scan
    values = [float(table[w]) for w in forms if w in table]
    return max(values) if values else None


@cache
def _source_verbs(language: str) -> frozenset[str]:
    """Base forms of the source language's verbs (its lemma index), for one-word
    buttons: "Subscribe" and "Search" are commands, "Sale" and "Home" are labels
    other languages borrow."""
    return _derived(
        f"verbs-{language}",
        lambda: frozenset(
            str(v).casefold() for v in _load(language, "lemma_index").get("verb", ())
        ),
    )


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
        return word.casefold() in stop_words(self.source)

    def command(self, word: str) -> bool:
        """A word a one-word button can say: a function word or a verb."""
        folded = word.casefold()
        return self.stop(word) or folded in _source_verbs(self.source)

    def kind(self, word: str, frequency: bool = True) -> Kind:
        """What `word` says about its fragment. Without `frequency`, a source word
        the market's tables lack is taken as source-only without consulting the
        frequency tables (slow to load): a first pass that rules most fragments out.

        Remembered per word: copy repeats its words, and each answer costs several
        table lookups."""
        key = (word, frequency)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = self._kind(word, frequency)
            if len(self._kinds) > 100_000:
                self._kinds.clear()
        return found

    def prefetch(self, fragments: Iterable[str]) -> None:
        """Ask the word stores about every word of `fragments` not judged yet, a few
        hundred words per query, before `leftover` judges them one at a time."""
        words = {
            word
            for fragment in fragments
            if (fragment, False) not in self._leftovers and (fragment, True) not in self._leftovers
            for word in _WORD.findall(fragment)
        }
        words |= {part for word in words for part in re.split(r"['’\-]", word) if part}
        if not words:
            return
        _prefetch([vocabulary(self.source)], {w.casefold().replace("’", "'") for w in words})
        if self.latin_market:
            forms = {form for w in words for form in (w, w.lower(), w.capitalize())}
            tables = [s for m in self.market for pair in _market_tables(m) for s in pair]
            _prefetch(tables, forms)

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

    def _kind(self, word: str, frequency: bool) -> Kind:
        folded = word.casefold().replace("’", "'")
        if folded in self.keep:
            return Kind.NEUTRAL
        if not all(script_of(c) == "Latin" for c in word if c.isalpha()):
            return Kind.MARKET
        if len(word) == 1:
            return Kind.SOURCE if folded in stop_words(self.source) else Kind.NEUTRAL
        if word.isupper() and len(word) <= 5:
            return Kind.NEUTRAL  # an acronym: PDF, USB, FAQ
        if folded not in vocabulary(self.source) and re.search(r"['\-]", folded):
            return self._compound(word, frequency)
        in_source = folded in vocabulary(self.source)
        in_market = self.latin_market and any(
            market_word(m, word, self.source) for m in self.market
        )
        if not in_source:
            if in_market:
                return Kind.MARKET
            if word[0].isupper() or any(c.isupper() for c in word[1:]):
                return Kind.NEUTRAL  # a name: Firefox, iPhone
            return Kind.UNKNOWN
        if in_market or (frequency and self._shared_by_frequency(word)):
            return Kind.SHARED
        return Kind.SOURCE

    def _compound(self, word: str, frequency: bool) -> Kind:
        """A hyphenated word the source dictionary lacks as a whole ("Online-Shop",
        "sign-up") is what its parts are: market if one part is, source if all are."""
        parts = [self.kind(p, frequency) for p in re.split(r"['’\-]", word) if p]
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
            found = _WORD.findall(fragment)
            kinds = [self.kind(w, frequency=False) for w in found]
            if not _verdict(found, kinds, self, single_word):
                continue
            for word in found:
                for part in (word, *re.split(r"['’\-]", word)):
                    if part and self.kind(part, frequency=False) is Kind.SOURCE:
                        words.add(part)
        if not words:
            return
        self._queue_frequencies(markets)
        forms = {form for w in words for form in (w, w.lower(), w.capitalize())}
        source = _frequencies(self.source)
        if not isinstance(source, _Frequencies):
            return  # the whole table is in memory (no cache folder)
        scanned = sum(getattr(_frequencies(m), "scan_seconds", 0.0) for m in markets)
        if source.scan_seconds + scanned >= SCAN_SECONDS_BEFORE_STORE:
            # The markets' first: the builder thread takes those, and the source's,
            # asked first, is built meanwhile by the thread that asks (`settle`).
            for language in [*markets, self.source]:
                _frequencies(language).want_store()
        source.prefetch(forms)
        forms = {f for f in forms if f in source}  # no value in the source: not asked
        for market in markets:
            _frequencies(market).prefetch(forms)

    def _frequency_markets(self) -> list[str]:
        """The market's languages with a frequency table, if the source has one too."""
        markets = [m for m in self.market if "lexeme_prob" in _tables(m)]
        if not self.latin_market or not markets or "lexeme_prob" not in _tables(self.source):
            return []
        return markets

    def _queue_frequencies(self, markets: list[str]) -> None:
        """On the first question, start getting every table it needs (see
        `_prepare_frequencies`)."""
        if not self._frequencies_queued:
            _prepare_frequencies([self.source, *markets])
            self._frequencies_queued = True

    def _shared_by_frequency(self, word: str) -> bool:
        markets = self._frequency_markets()
        if not markets:
            return False
        self._queue_frequencies(markets)
        source = _frequencies(self.source)
        mine = _log_probability(source, word) if source else None
        if mine is None:
            return False
        for market in markets:
            theirs = _log_probability(_frequencies(market), word)
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
    words = _WORD.findall(fragment)
    if not _verdict(words, [lexicon.kind(w, frequency=False) for w in words], lexicon, single_word):
        return False
    return _verdict(words, [lexicon.kind(w) for w in words], lexicon, single_word)


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
    lexicon.prefetch(fragment.text for _, fragment, _ in pieces)
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
    """Queue the market languages' word tables on a first run (see `_market_tables`)."""
    source, market = _languages(ctx)
    if source not in market:
        for language in market:
            _prepare_market_tables(language)


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
    kinds = [lexicon.kind(w, frequency=False) for w in words]
    counted = [k for k in kinds if k is not Kind.NEUTRAL]
    return bool(counted) and counted.count(Kind.SOURCE) < LOCALIZED_SHARE * len(counted)


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
