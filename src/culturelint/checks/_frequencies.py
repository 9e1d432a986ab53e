"""Word frequencies from spacy-lookups-data's lexeme_prob tables (log probabilities
of word forms in a large corpus), with which CL103 tells a word both languages use
("Shop" in German) from a source-language word ("now").

A table holds a million words, 30 MB of JSON; a run asks about a few. Until a
table has its SQLite store, the words are found in its JSON text (`Frequencies`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from culturelint.checks import _lookups as lookups
from culturelint.checks._jsonscan import numbers_of_keys
from culturelint.profiles.validcache import remembered

# A run that has spent this long (seconds) scanning the frequency tables' text, about
# half of what writing their SQLite stores takes on two threads, has the stores
# written and reads those from then on: a folder of pages left in English would
# otherwise scan on every page. A few pages are answered by their scans (two German
# pages with a sentence of English each: a first run of 1.34-1.38 s, against
# 2.65-3.1 s when the second page had the stores written).
SCAN_SECONDS_BEFORE_STORE = 0.5


@cache
def table(language: str) -> Any:
    """Log probabilities of word forms in a large corpus of `language`, where
    spacy-lookups-data has them (English, German, Spanish ...): a mapping with `in`
    and `[]`. Without a cache folder, the whole table; with one, `Frequencies`, since
    a check asks for a handful of words and the whole table takes a second to load."""
    path = lookups.store_path(f"prob-{language}")
    if path is None:
        return load_probabilities(language)
    return Frequencies(language, path)


def load_probabilities(language: str) -> dict[str, float]:
    """`language`'s whole lexeme_prob table: each key's first numeric value, as the
    stores and the scans of the text read it (spacy-lookups-data never repeats one)."""
    raw = lookups.table_json(language, "lexeme_prob")
    pairs = json.loads(raw, object_pairs_hook=list) if raw is not None else []
    found: dict[str, float] = {}
    for pair in pairs if isinstance(pairs, list) else []:
        if not isinstance(pair, tuple):
            return {}  # not an object: no table
        key, value = pair
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.setdefault(key, float(value))
    return found


def prepare(languages: Iterable[str]) -> None:
    """Start decompressing the tables of `languages` that have neither a store nor a
    decompressed copy yet, all at once, on helper threads (zlib lets go of the
    interpreter lock): a check that needs one needs the source's and the market's
    together, and one after the other they took a tenth of a second more."""
    for language in languages:
        path = lookups.store_path(f"prob-{language}")
        if path is None or path.is_file() or path.with_suffix(".json").is_file():
            continue
        _decompressing(language)


def _decompressing(language: str) -> None:
    """Start decompressing `language`'s lexeme_prob table on a helper thread, once."""
    import os

    from culturelint.profiles import validcache

    key = (os.getpid(), language)  # a forked worker has none of its parent's threads
    if key not in _DECOMPRESSED:
        _DECOMPRESSED[key] = validcache.compute_soon(lookups.table_json, language, "lexeme_prob")


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
    `log_probability`; `_get` gives None for a word the table lacks."""

    def _get(self, word: str) -> float | None:
        raise NotImplementedError

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._get(word) is not None

    def __getitem__(self, word: str) -> float:
        value = self._get(word)
        if value is None:
            raise KeyError(word)
        return value


class Frequencies(_Probabilities):
    """word -> log probability in one language, for a run with a cache folder.

    Read from the table's SQLite store (`ProbStore`) once there is one. Until then the
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
        self._store: ProbStore | None = None
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
        if not ProbStore.build(path, self.language, self._text or None):
            return False
        try:
            self.text_path.unlink(missing_ok=True)
        except OSError:
            pass  # mapped by another process, where that forbids it: left for now
        return True

    def _opened_store(self) -> ProbStore | None:
        from culturelint.profiles import validcache

        if self._store is None:
            if self._store_wanted:
                validcache.settle(self.store_path)
            if self.store_path.is_file():
                self._store = ProbStore(self.store_path)
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
        decompressed now (or by `prepare`), held until its copy, written
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
        texts = lookups.json_tables(language, ["lexeme_prob"])
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
        # `load_probabilities` and `numbers_of_keys`.
        ("INSERT OR IGNORE INTO prob SELECT word, p FROM read ORDER BY word, rowid", None),
    ]
    return validcache.write_sqlite_json(path, create, inserts)


class ProbStore(_Probabilities):
    """word -> log probability in SQLite, in the derived-data cache. Answers are
    remembered: `log_probability` asks whether a form is there, then for its value."""

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
            sorted(load_probabilities(language).items()),  # in key order: B-tree appends
        )

    def _get(self, word: str) -> float | None:
        return remembered(self._seen, word, self._probability_of)

    def _probability_of(self, word: str) -> float | None:
        row = self._db.one("SELECT p FROM prob WHERE word = ?", (word,))
        return None if row is None else float(row[0])


def log_probability(table: Any, word: str) -> float | None:
    forms = (word, word.lower(), word.capitalize())
    if isinstance(table, Frequencies):
        table.prefetch(forms)  # one scan for the three, if it comes to a scan
    values = [float(table[w]) for w in forms if w in table]
    return max(values) if values else None
