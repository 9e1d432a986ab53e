"""spacy-lookups-data's tables and spaCy's stop words, read as files, and the cache
of what is derived from them.

The word lists are read straight from the files of spacy-lookups-data and spaCy's
stop-word modules. Going through spaCy would import it (seconds) and, for stop
words, the language's package with its tokenizer exceptions (seconds more for
French), and the rules that use them (CL103, CL102) need neither a tokenizer nor a
pipeline. `_wordsets.py` and `_frequencies.py` build on these.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any


@cache
def data_dir() -> Path | None:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "data"


@cache
def tables(language: str) -> tuple[str, ...]:
    """Names of the spacy-lookups-data tables of `language` ("lemma_lookup" ...)."""
    folder = data_dir()
    if folder is None or not folder.is_dir():
        return ()
    prefix = f"{language}_"
    return tuple(
        sorted(p.name[len(prefix) : -len(".json.gz")] for p in folder.glob(f"{prefix}*.json.gz"))
    )


def load(language: str, table: str) -> dict[str, Any]:
    raw = table_json(language, table)
    data = json.loads(raw) if raw is not None else None
    return data if isinstance(data, dict) else {}


def table_json(language: str, table: str) -> bytes | None:
    """The JSON of one spacy-lookups-data table (UTF-8), or None if there is no such
    table. One call into zlib, which lets other threads run (gzip.open's reader is a
    Python loop): the stores SQLite fills from it are built on background threads.
    Bytes, not text: SQLite takes them as they are, where a str would be held twice
    more while a store is built (the str, and the UTF-8 copy SQLite is handed)."""
    folder = data_dir()
    if folder is None or table not in tables(language):
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
def data_version() -> str:
    """spacy-lookups-data's version, in derived file names: an upgrade rebuilds them."""
    from culturelint import installed

    return installed.version("spacy-lookups-data") or "none"


def derived(name: str, build: Callable[[], Any]) -> Any:
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
    version = data_version()
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    path = folder / f"{name}-{version}-py{py}.marshal"
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


def store_path(name: str) -> Path | None:
    """Where `wordsets.stored_sets` keeps the sets called `name`; None without a cache folder."""
    from culturelint.profiles import validcache

    folder = validcache.folder("leftovers")
    return None if folder is None else folder / f"{name}-{data_version()}.sqlite"


def table_json_or_none(language: str, name: str) -> bytes | None:
    """`table_json`, or None also when its file cannot be read or decompressed."""
    try:
        return table_json(language, name)
    except (OSError, ValueError, EOFError):
        return None


def json_tables(language: str, names: list[str]) -> list[bytes] | None:
    """The JSON of each table in `names`, or None when SQLite cannot read JSON or a
    table is missing (see `table_json`)."""
    from culturelint.profiles import validcache

    if not validcache.sqlite_reads_json():
        return None
    texts = []
    for name in names:
        raw = table_json_or_none(language, name)
        if raw is None:
            return None
        texts.append(raw)
    return texts
