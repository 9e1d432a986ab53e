"""Remembers which market profiles and rule files have passed their JSON Schema, and
where other data derived once and reused across runs lives (`folder`).

Validating is the dearest part of loading them: jsonschema alone takes about a tenth
of a second to import, which a pre-commit hook linting one file pays on every commit.
The verdict depends only on the file's text, the schema and the tool version, so a
file that passed once is recorded under a hash of those three and not validated again.

Only passes are recorded. A file with errors is validated every time, so its errors
are always reported in full, exactly as without this record. The record lives in the
result cache's folder and is off until the run names that folder (`configure`), so
`--no-cache` and library use neither read nor write it.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from culturelint import __version__

T = TypeVar("T")

_root: Path | None = None


def configure(cache_root: Path | None) -> None:
    """Keep records (and other derived data, see `folder`) under `cache_root`, the
    `.culturelint_cache` folder, or nowhere (None: validate and derive every time)."""
    global _root
    _root = Path(cache_root) if cache_root is not None else None


def root() -> Path | None:
    """The `.culturelint_cache` folder in use, or None (see `configure`)."""
    return _root


def folder(name: str) -> Path | None:
    """The folder for one kind of derived data, or None when no cache is configured."""
    return _root / __version__ / name if _root is not None else None


def ensure_folder(path: Path) -> None:
    """Create a derived-data folder, and the cache's .gitignore if it is missing.

    Raises OSError when the tree is read-only.
    """
    from culturelint.atomic import write_atomic

    path.mkdir(parents=True, exist_ok=True)
    if _root is not None:
        marker = _root / ".gitignore"
        if not marker.exists():
            write_atomic(marker, "# Created by culturelint.\n*\n")


def _record(kind: str, schema: bytes, text: str) -> Path | None:
    base = folder("valid")
    if base is None:
        return None
    h = hashlib.sha256()
    for part in (
        __version__.encode(),
        kind.encode(),
        schema,
        text.encode("utf-8", "surrogatepass"),
    ):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    key = h.hexdigest()
    return base / key[:2] / key


def known_valid(kind: str, schema: bytes, text: str) -> bool:
    """True when this very text passed this schema before."""
    record = _record(kind, schema, text)
    return record is not None and record.is_file()


def remember_valid(kind: str, schema: bytes, text: str) -> None:
    """Record a pass; a folder that cannot be written just means no record."""
    record = _record(kind, schema, text)
    if record is None or record.is_file():
        return
    from culturelint.atomic import write_atomic

    try:
        ensure_folder(record.parent)
        write_atomic(record, b"")
    except OSError:
        pass


def memo_json(
    name: str,
    key: str,
    compute: Callable[[], Any],
    read: Callable[[Any], T],
    packages: Iterable[str] = (),
) -> T:
    """`compute()`, remembered as JSON in the folder `name` under `key`, and handed
    back through `read`.

    For small tables derived from installed packages (CLDR through babel, say) that
    cost more to rebuild than to read. `packages` names those packages (their
    versions become part of the key), `key` everything else the value depends on
    (locales, years). Without a cache folder, or when the file cannot be read or
    written, the value is computed.

    The file's first line is a digest of the key and the JSON text after it, so a
    file that was damaged, cut short or copied from another key is computed again
    and stored over, never believed. `read` turns the JSON value into what the
    caller uses and raises TypeError, ValueError, KeyError or IndexError on a value
    of the wrong shape, which is treated the same way. A fresh value goes through
    JSON and `read` too, so it comes back exactly as a stored one would.
    """
    import json

    base = folder(name)
    found = [(package, _installed_version(package)) for package in packages] if base else []
    if base is None or any(release is None for _, release in found):
        return _through_json(compute(), read)
    versions = " ".join(f"{package} {release}" for package, release in found)
    whole = f"{versions} {key}".encode("utf-8", "surrogatepass")
    path = base / (hashlib.sha256(whole).hexdigest()[:32] + ".json")
    try:
        text = unsealed(whole, path.read_text(encoding="utf-8"))
        if text is not None:
            return read(json.loads(text))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        pass
    text = json.dumps(compute(), ensure_ascii=False, sort_keys=True)
    from culturelint.atomic import write_atomic

    try:
        ensure_folder(base)
        write_atomic(path, sealed(whole, text))
    except (OSError, ValueError):
        pass
    return read(json.loads(text))


def sealed(key: bytes, text: str) -> str:
    """`text` as stored under `key` in the derived data: after a first line with a
    digest of both, which `unsealed` checks."""
    return f"{_digest(key, text)}\n{text}"


def unsealed(key: bytes, stored: str) -> str | None:
    """The text `sealed(key, text)` stored, or None if `stored` is anything else: cut
    short, damaged, from an older format or stored under another key."""
    digest, _, text = stored.partition("\n")
    return text if digest == _digest(key, text) else None


def _digest(key: bytes, text: str) -> str:
    return hashlib.sha256(key + b"\0" + text.encode("utf-8", "surrogatepass")).hexdigest()


def _through_json(value: Any, read: Callable[[Any], T]) -> T:
    import json

    return read(json.loads(json.dumps(value, ensure_ascii=False)))


def _installed_version(package: str) -> str | None:
    from culturelint import installed

    return installed.version(package)


def strings(value: Any) -> list[str]:
    """A JSON list of strings, for `memo_json`'s `read`."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("not a list of strings")
    return value


def write_sqlite(path: Path, create: list[str], insert: str, rows: Iterable[Any]) -> bool:
    """Build an SQLite file of derived data all or nothing (a temporary file renamed
    into place, like write_atomic), so concurrent runs and Ctrl-C never leave a torn
    one: `create` statements, then `insert` once per row. False when it cannot be
    written (a read-only tree, a value SQLite refuses)."""
    return _write_sqlite(path, create, lambda conn: conn.executemany(insert, rows))


def write_sqlite_sql(path: Path, statements: list[str], params: dict[str, Any]) -> bool:
    """Like `write_sqlite`, for a file SQLite fills itself: each statement runs once
    with `params` (`INSERT ... SELECT ... FROM json_each(:table)`, say). False also
    when a statement fails (malformed JSON, an SQLite without JSON functions)."""

    def fill(conn: Any) -> None:
        for statement in statements:
            conn.execute(statement, params)

    return _write_sqlite(path, [], fill)


# What a statement of `write_sqlite_json` reads its JSON object from: one piece of the
# object's members, put back between braces.
JSON_PIECE = "'{' || CAST(:piece AS TEXT) || '}'"
# Bytes of JSON per piece. SQLite holds a piece about four times over while it reads
# it: building Portuguese's word store from its 26 MB table took 147 MB read whole,
# 56 MB in pieces, the table's own bytes included.
_PIECE_SIZE = 2_000_000


# A JSON object for `write_sqlite_json`: its bytes, or a function that returns them
# (None when there are none to be had).
JsonSource = bytes | Callable[[], "bytes | None"]


def write_sqlite_json(
    path: Path, create: list[str], inserts: list[tuple[str, JsonSource | None]]
) -> bool:
    """Like `write_sqlite_sql`, for statements that each read one JSON object (UTF-8
    bytes, starting with "{"): each runs as `json_each(JSON_PIECE)` once per piece of
    its object's members, in order, so a repeated key's last value still comes last.
    A statement given None for its object runs once, where it stands.

    Handed a whole table at once, SQLite held it four times over (the parameter, its
    cast, json_each's copy, the parse), 150 MB for Portuguese's lemmas, and that came
    on top of whatever the run held. If a cut falls where the pieces are not valid
    JSON (a line break inside an array), the build is done again from the whole object.

    An object given as a function is asked for when its first statement runs and let
    go after its last: a store filled from several tables holds one at a time (the
    nine of Polish's word tables are 149 MB together, its largest 60 MB).
    """

    if any(isinstance(raw, bytes) and not _json_object(raw) for _, raw in inserts):
        return False  # not a JSON object: the caller builds the store another way

    def fill(conn: Any, cut: bool) -> None:
        held: tuple[Any, bytes | None] = (None, None)  # a function's object, while in use
        for i, (sql, source) in enumerate(inserts):
            if source is None:
                conn.execute(sql)
                continue
            if isinstance(source, bytes):
                raw: bytes | None = source
            else:
                if held[0] is not source:
                    held = (None, None)  # the last object goes before the next is made
                    held = (source, source())
                raw = held[1]
                if raw is None or not _json_object(raw):
                    raise ValueError("not a JSON object")  # no file: built another way
                if all(later is not source for _, later in inserts[i + 1 :]):
                    held = (None, None)
            _execute_pieces(conn, sql, raw, cut)
            raw = None  # nothing here holds a function's object once `held` lets it go

    return _write_sqlite(path, create, lambda conn: fill(conn, True)) or _write_sqlite(
        path, create, lambda conn: fill(conn, False)
    )


def _execute_pieces(conn: Any, sql: str, raw: bytes, cut: bool) -> None:
    """`sql` once per piece of `raw` (a function of its own, so that no piece, which
    holds on to `raw`, outlives the call)."""
    for piece in _members(raw, cut):
        conn.execute(sql, {"piece": piece})


def _json_object(raw: bytes) -> bool:
    return bytes(raw[:4096]).lstrip().startswith(b"{")


def _members(raw: bytes, cut: bool) -> list[memoryview]:
    """The members of the JSON object `raw` (its text between the outer braces), in
    pieces of about _PIECE_SIZE bytes when `cut`. A piece ends only before a comma that
    ends a line: a JSON string cannot hold a raw line break, so that comma stands
    between two values. Memory views, not copies: sqlite3 binds them as they are."""
    start, end = raw.find(b"{") + 1, raw.rfind(b"}")
    whole = memoryview(raw)
    if not cut:
        return [whole[start:end]]
    pieces = []
    while True:
        comma = raw.find(b",\n", start + _PIECE_SIZE, end)
        if comma < 0:
            pieces.append(whole[start:end])
            return pieces
        pieces.append(whole[start:comma])
        start = comma + 1


def _write_sqlite(path: Path, create: list[str], fill: Callable[[Any], Any]) -> bool:
    """Build `path` unless it is there: a derived-data file never changes once written,
    so one that another process finished while this one waited in `_building` is the
    file this one would have written."""
    import os
    import sqlite3
    import tempfile

    from culturelint.atomic import signals_held

    temp = ""
    try:
        ensure_folder(path.parent)
        with _building(path):
            if path.is_file():
                return True
            if path in _ABANDONED:
                return False
            try:
                with signals_held():  # a Ctrl-C comes once `temp` is known, never before
                    fd, temp = tempfile.mkstemp(
                        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
                    )
                os.close(fd)
                # No statement cache: a cached statement keeps its parameters bound,
                # and those are pieces of JSON tables, or whole sets of words.
                conn = _Abandonable(sqlite3.connect(temp, cached_statements=0), path)
                try:
                    # A new file, discarded if anything fails: no rollback journal
                    # needed. The page cache stays SQLite's default (2 MB): a 64 MB one
                    # made no store build faster, and a first run took up to 100 MB more.
                    conn.execute("PRAGMA journal_mode = OFF")
                    with conn.connection:
                        for statement in create:
                            conn.execute(statement)
                        fill(conn)
                finally:
                    conn.close()
                os.replace(temp, path)
            finally:
                if temp and os.path.exists(temp):
                    os.unlink(temp)
    except (OSError, ValueError, sqlite3.Error):
        return False
    return True


class _Abandonable:
    """The connection a derived-data file is written through, which `settle_run` can
    stop: it interrupts the statement under way, and each statement asks first whether
    the file was abandoned. (A progress handler would need the interpreter lock every
    few thousand steps, and a builder thread waits for it while the rules run: the
    German lemma store took a quarter longer.)"""

    def __init__(self, connection: Any, path: Path) -> None:
        self.connection = connection
        self._path = path
        _WRITING[path] = connection

    def _go_on(self) -> None:
        import sqlite3

        if self._path in _ABANDONED:
            raise sqlite3.OperationalError("abandoned")

    def execute(self, sql: str, params: Any = ()) -> Any:
        self._go_on()
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> Any:
        self._go_on()
        return self.connection.executemany(sql, rows)

    def close(self) -> None:
        if _WRITING.get(self._path) is self.connection:
            del _WRITING[self._path]
        self.connection.close()


@contextlib.contextmanager
def _building(path: Path) -> Iterator[None]:
    """Hold the build lock of `path`: the processes of one run (or two runs) that need
    the same file at once build it once, the others wait for it. On a first run over
    several markets both workers reached each market's lemma table together and each
    built it, a core's worth of work thrown away per table.

    An advisory lock on a small file beside it (`flock`), which the system lets go
    when the process ends, however it ends: a killed run never strands a lock. A run
    that is stopped rather than killed (Ctrl-Z in another terminal) keeps it, so the
    wait is bounded (`_LOCK_WAIT`; a build takes a second or two). Past it, and where
    there is no `flock` (Windows, some network file systems), each process builds its
    own copy, as before: slower, never wrong."""
    import os
    import time

    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break  # its builder is stuck: build without the lock
                time.sleep(0.01)
            except OSError:
                break  # no locks here: build without one
        yield
    finally:
        os.close(fd)  # lets go of the lock


# Seconds a builder waits for another to finish the same file before building its own.
_LOCK_WAIT = 60.0


@lru_cache(maxsize=1)
def sqlite_reads_json() -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38, an extension
    before). Reading a large JSON table into SQLite with `json_each` takes a third of
    the time of parsing it in Python and inserting the rows one by one."""
    import sqlite3

    try:
        with sqlite3.connect(":memory:") as conn:
            conn.execute("SELECT key FROM json_each('{\"a\": 1}')").fetchall()
    except sqlite3.Error:
        return False
    return True


# Keys per query of `SQLiteReader.lookup` (SQLite allows 999 parameters before 3.32).
LOOKUP_BATCH = 500
# Answers a store remembers per process (`SQLiteReader.remember`).
SEEN_LIMIT = 500_000


def remembered(seen: dict[str, Any], key: str, find: Callable[[str], Any]) -> Any:
    """`seen[key]`, or `find(key)` kept there (up to SEEN_LIMIT answers): the word
    stores' memo for words asked one at a time, which `SQLiteReader.remember` fills
    in batches."""
    if key in seen:
        return seen[key]
    found = find(key)
    if len(seen) < SEEN_LIMIT:
        seen[key] = found
    return found


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class SQLiteReader:
    """Read-only queries on a derived-data file; a forked worker opens its own
    connection, as SQLite requires.

    `immutable` is for the stores written once, into a temporary file renamed into
    place (`write_sqlite`, `write_sqlite_sql`), and never changed after: SQLite then
    skips the locking and change detection it otherwise does around every query
    (two thirds of the time of looking up one word). Files that later runs add to
    (`GrowingStore`) must not be opened so.
    """

    def __init__(self, path: Path, immutable: bool = False) -> None:
        self.path = path
        self.immutable = immutable
        self._conn: Any = None
        self._pid = -1

    def one(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        """The first row, or None. A text argument SQLite cannot hold (a lone
        surrogate, from a JSON escape say) matches nothing: every stored key is UTF-8."""
        try:
            return self._connection().execute(sql, args).fetchone()
        except UnicodeEncodeError:
            return None

    def all(self, sql: str) -> list[Any]:
        return self._connection().execute(sql).fetchall()

    def lookup(self, sql: str, keys: Iterable[str]) -> dict[str, Any]:
        """{key: value} for the `keys` found by `sql`, a query of the shape "SELECT key,
        value FROM t WHERE key IN ({})", asked for many keys at once: a query per key
        costs about five times what a batch does per key, and a run over a repository
        looks up tens of thousands of words. Keys SQLite cannot hold match nothing."""
        found: dict[str, Any] = {}
        batch = [k for k in keys if k.isascii() or _utf8(k)]
        for i in range(0, len(batch), LOOKUP_BATCH):
            chunk = batch[i : i + LOOKUP_BATCH]
            marks = ",".join("?" * len(chunk))
            found.update(self._connection().execute(sql.format(marks), chunk).fetchall())
        return found

    def remember(
        self, seen: dict[str, Any], sql: str, keys: Iterable[str], missing: Any = None
    ) -> None:
        """Look up the `keys` not in `seen` (see `lookup`) and put each answer in it,
        `missing` for a key not found, up to SEEN_LIMIT answers: the store's memo of
        words, asked for a segment's words at once before they are asked one by one.
        A file SQLite cannot read leaves `seen` as it was."""
        import sqlite3

        new = [k for k in dict.fromkeys(keys) if k not in seen][: max(0, SEEN_LIMIT - len(seen))]
        if not new:
            return
        try:
            found = self.lookup(sql, new)
        except sqlite3.Error:
            return  # the lookups one at a time will say what is wrong
        for key in new:
            seen[key] = found.get(key, missing)

    def _connection(self) -> Any:
        import os
        import sqlite3

        if self._conn is None or self._pid != os.getpid():
            flags = "?mode=ro&immutable=1" if self.immutable else "?mode=ro"
            self._conn = sqlite3.connect(Path(self.path).absolute().as_uri() + flags, uri=True)
            self._pid = os.getpid()
        return self._conn


# path -> (Future of its build, the function that writes it, whether it is anticipated)
_BUILDS: dict[Path, tuple[Any, Callable[[Path], bool], bool]] = {}
_BUILDER: Any = None
_BUILDER_PID = -1
# Anticipated builds the end of a run is abandoning (`settle_run`): `_write_sqlite`
# stops writing them.
_ABANDONED: set[Path] = set()
# The connections derived-data files are being written through, for `settle_run`.
_WRITING: dict[Path, Any] = {}


def build_soon(path: Path, write: Callable[[Path], bool], anticipated: bool = False) -> None:
    """Queue writing the derived-data file `path` on a background thread, unless it
    exists or is queued already; `settle(path)` waits for it. An `anticipated` file is
    one a rule may need, queued before anything asked for it: the end of a run drops
    it if nothing did (`settle_run`).

    For the stores SQLite fills from JSON by itself (`write_sqlite_json`): SQLite lets
    go of the interpreter lock while it works, so on a first run the rules go on
    meanwhile. One builder thread, one build at a time: two builder threads saved
    0.3 s of a first run over ten markets (6.0 against 6.3 s) and cost 57 MB (288
    against 230 MB), with each build reading its JSON in pieces (`write_sqlite_json`);
    before that, a first run over the whole benchmark corpus went from 430 to 570 MB.
    A second build runs only in a thread that would otherwise wait (see `settle`). The
    thread is no daemon: a run that ends first waits for it, and every file is
    complete or not there. A build that fails leaves no file, and the rule that needs
    it builds it in the foreground.
    """
    global _BUILDER, _BUILDER_PID
    import os

    if _PLANNED is not None:
        if path not in _PLANNED and not path.is_file():
            _PLANNED.append(path)
        return
    if _BUILDER_PID != os.getpid():
        # A forked worker inherits the parent's pool but none of its threads.
        _BUILDER = _thread_pool(1, "culturelint-build")
        _BUILDER_PID = os.getpid()
        _BUILDS.clear()
    if path in _BUILDS or path.is_file():
        return
    _BUILDS[path] = (_BUILDER.submit(write, path), write, anticipated)


_HELPERS: Any = None
_HELPERS_PID = -1
_HELPED: set[Any] = set()  # the helpers' futures not done yet, for `settle_all`


def compute_soon(work: Callable[..., T], *args: Any) -> Any:
    """Start `work(*args)` on a helper thread and return its Future: for work that lets
    go of the interpreter lock (zlib decompressing a table) and that a thread about to
    wait for it would otherwise do after other such work, one piece at a time. Two
    helpers, apart from the builder (which may be busy with a store for a second);
    like it, they are no daemons, a forked worker starts its own, and `settle_all`
    waits for them (a file they write is complete or not there).
    """
    global _HELPERS, _HELPERS_PID
    import os

    if _HELPERS_PID != os.getpid():
        _HELPERS = _thread_pool(2, "culturelint-help")
        _HELPERS_PID = os.getpid()
        _HELPED.clear()
    future = _HELPERS.submit(work, *args)
    _HELPED.add(future)
    future.add_done_callback(_HELPED.discard)  # done: its result is the caller's alone
    return future


def _thread_pool(workers: int, name: str) -> Any:
    """A pool of background threads that leave signals to the main thread."""
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(
        max_workers=workers, thread_name_prefix=name, initializer=_signals_to_main
    )


def _signals_to_main() -> None:
    """Leave Ctrl-C and SIGTERM to the main thread. While it writes a file it holds
    them back (`atomic.signals_held`), but the system hands a signal to any thread that
    does not: this one, and Python then raises it in the main thread all the same,
    half-way through the write, leaving its temporary file behind."""
    import signal

    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


_PLANNED: list[Path] | None = None  # see `planning`


@contextlib.contextmanager
def planning() -> Iterator[list[Path]]:
    """Within: `build_soon` lists the files it would build, in the list given, and
    builds none. How a run learns which markets a first run still has to prepare."""
    global _PLANNED
    _PLANNED = []
    try:
        yield _PLANNED
    finally:
        _PLANNED = None


def settle(path: Path) -> None:
    """Wait for a `build_soon` of `path`, if one was queued in this process.

    When the builder has not started it (it is busy with an earlier file), the caller
    builds it itself rather than wait for both: a rule that asks for two stores
    (CL103 wants the source's and the market's word frequencies, a second each) then
    waits for about one build, not two. A build the builder has started is waited
    for; taking other queued files meanwhile would keep the caller from its rules
    after the builder is free again.
    """
    entry = _BUILDS.pop(path, None)
    if entry is None:
        return
    future, write, _anticipated = entry
    if future.cancel():  # not started: build it here, beside the builder's
        try:
            write(path)
        except Exception:
            pass  # as on the builder: no file, and the rule that needs it builds it
        return
    future.exception()  # waits; a failure just means no file


def settle_all() -> None:
    """Wait for every build queued in this process, and for the helpers' work. Called
    before forking workers and at the end of a run: a process forked while a builder
    thread is inside SQLite inherits SQLite's locks held, and hangs on its first query,
    and a worker that ended without waiting would leave a helper's file unwritten."""
    import os

    for path in list(_BUILDS):
        settle(path)
    if _HELPERS_PID == os.getpid():
        for future in list(_HELPED):
            future.exception()  # waits; a failure is the caller's to see


def settle_run() -> None:
    """`settle_all` at the end of a run, after dropping the anticipated builds that
    nothing in the run asked for: one not started yet is not started, one under way
    is interrupted (`_Abandonable`) and leaves no file. A later run that
    needs the file builds it then.

    A market's word tables are queued as its first file is read, in case CL103 needs
    them, and most copy needs none. Polish's take four seconds to build: a first
    pre-commit run on one Polish page waited that long at its end for a store it
    never opened."""
    dropped = [path for path, (_, _, anticipated) in _BUILDS.items() if anticipated]
    _ABANDONED.update(dropped)
    try:
        futures = [_BUILDS.pop(path)[0] for path in dropped]
        for path in dropped:
            writing = _WRITING.get(path)
            if writing is not None:
                writing.interrupt()
        for future in [f for f in futures if not f.cancel()]:
            # Waits the moment it takes to stop; at most one statement (a piece of a
            # table, a few hundredths of a second) if the interruption came between two.
            future.exception()
    finally:
        _ABANDONED.difference_update(dropped)
    settle_all()


# Every GrowingStore of this process, for `flush_stores`.
_OPEN_STORES: list[GrowingStore] = []


def flush_stores() -> None:
    """Save what every growing store of this process learnt. Called once at the end of
    a run (and of each worker), never per file."""
    for store in _OPEN_STORES:
        store.flush()


def growing_store(name: str, file_name: str) -> GrowingStore | None:
    """The store `file_name` in the derived-data folder `name`; None without a cache."""
    base = folder(name)
    return _store_at(base / file_name) if base is not None else None


@lru_cache(maxsize=64)
def _store_at(path: Path) -> GrowingStore:
    return GrowingStore(path)


class GrowingStore:
    """Text -> text remembered across runs in an SQLite file, added to as runs meet
    new keys (`put`, then `flush`), for answers that are costly to compute the first
    time and the same ever after (how the tokenizer splits a chunk of text, say).

    Nothing here is essential: a missing, locked, read-only or corrupt file only means
    the answer is computed again. Writes are SQLite transactions, so Ctrl-C or a
    concurrent run never leaves a torn file; a corrupt file is removed and rebuilt.
    """

    LIMIT = 1_000_000  # rows; past this the file is only read
    # One lookup costs about as much as reading a kilobyte of the file in one query.
    # A process that has asked as many keys as the file has kilobytes reads the rest
    # at once: at worst twice the time of lookups alone, and a run over a whole
    # repository (thousands of keys) pays a few milliseconds instead of a tenth of a
    # second. Larger files are never read whole, to keep memory bounded.
    BYTES_PER_LOOKUP = 1024
    READ_WHOLE_LIMIT = 16 * 1024 * 1024

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reader = SQLiteReader(path)
        self._readable = path.is_file()
        self._new: dict[str, str] = {}
        self._whole: dict[str, str] | None = None  # every row, once read whole
        self._lookups_left: int | None = None  # before reading whole; < 0: never
        _OPEN_STORES.append(self)

    def get(self, key: str) -> str | None:
        """The stored value, else one `put` earlier in this run and not saved yet."""
        if self._whole is not None:
            found = self._whole.get(key)
            return found if found is not None else self._new.get(key)
        if not self._readable:
            return self._new.get(key)
        import sqlite3

        if self._lookups_left is None:
            self._lookups_left = self._lookups_before_whole()
        try:
            if self._lookups_left == 0:
                self._lookups_left = -1  # once, even if it fails
                self._whole = dict(self._reader.all("SELECT key, value FROM memo"))
                return self.get(key)
            self._lookups_left -= 1
            row = self._reader.one("SELECT value FROM memo WHERE key = ?", (key,))
        except sqlite3.DatabaseError:
            self._readable = False
            row = None
        return row[0] if row else self._new.get(key)

    def _lookups_before_whole(self) -> int:
        try:
            size = self.path.stat().st_size
        except OSError:
            return -1
        return size // self.BYTES_PER_LOOKUP if size <= self.READ_WHOLE_LIMIT else -1

    def put(self, key: str, value: str) -> None:
        if len(self._new) >= 100_000:
            return
        try:
            key.encode("utf-8")
            value.encode("utf-8")
        except UnicodeEncodeError:  # SQLite text must be UTF-8: not kept
            return
        self._new[key] = value

    def flush(self) -> None:
        """Add what `put` collected; a failure drops it (it is only a memo)."""
        if not self._new:
            return
        import sqlite3

        rows, self._new = list(self._new.items()), {}
        if self._whole is not None:
            self._whole.update(rows)
        try:
            ensure_folder(self.path.parent)
            conn = sqlite3.connect(self.path, timeout=1.0)
            try:
                conn.execute("PRAGMA synchronous = OFF")
                with conn:
                    conn.execute(
                        "CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, value TEXT)"
                        " WITHOUT ROWID"
                    )
                    (count,) = conn.execute("SELECT count(*) FROM memo").fetchone()
                    if count < self.LIMIT:
                        conn.executemany("INSERT OR IGNORE INTO memo VALUES (?, ?)", rows)
            finally:
                conn.close()
            self._readable = True
        except sqlite3.DatabaseError as exc:
            if not isinstance(exc, sqlite3.OperationalError):  # corrupt, not just busy
                try:
                    self.path.unlink()
                except OSError:
                    pass
        except OSError:
            pass
