"""Regular expressions compiled once per machine, not once per process.

Python's `re` turns every pattern into an internal program each time a process
starts, and a pre-commit run is a new process for one small file: compiling the
patterns of culturelint's own modules took a seventh of such a run, and spaCy's
tokenizer patterns (character classes of thousands of code points) take tens of
milliseconds each. The program `re` builds depends only on the pattern, its flags
and the `re` engine, so it is kept with the derived data and handed straight to the
engine next time (`_sre.compile`, the last step of `re.compile`), skipping parsing
and optimizing. Modules compile their patterns through `compile_cached` for that
reason; the few imported before the derived-data folder is known (the CLI, the
engine) use `re.compile`, which is what `compile_cached` does without a folder.

The engine's program format is private and may change with the Python version, so
the stored programs are keyed by the Python version and the engine's MAGIC number,
and anything unexpected falls back to `re.compile`. The result is the same Pattern
either way (same pattern text, flags, groups and program).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import lru_cache
from typing import Any


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from a stored program when there is one."""
    store = _store()
    if store is None:
        return re.compile(pattern, flags)
    key = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
    stored = store.get(key)
    if stored is not None:
        rebuilt = _rebuild(pattern, stored)
        if rebuilt is not None:
            return rebuilt
    compiled, program = _compile(pattern, flags)
    if program is not None:
        store.put(key, program)
    return compiled


def _store() -> Any:
    from culturelint.profiles import validcache

    return _store_under(validcache.root())


@lru_cache(maxsize=8)
def _store_under(root: Any) -> Any:
    """The store for the derived-data folder `root`, found once per process: a run
    compiles a few hundred patterns, and building its path each time cost a third of
    reading a stored program."""
    from culturelint.profiles import validcache

    engine = _engine_id()
    if root is None or engine is None:
        return None
    return validcache.growing_store("regex", f"programs-{engine}.sqlite")


def _engine_id() -> str | None:
    try:
        import _sre
    except ImportError:
        return None
    return f"py{sys.version_info.major}{sys.version_info.minor}-sre{_sre.MAGIC}"


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], str | None]:
    """Compile as `re._compiler.compile` does, keeping the program it builds."""
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        all_flags = flags | parsed.state.flags
        groups = parsed.state.groups - 1
        compiled = _sre.compile(pattern, all_flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # a private API that moved: the public one still works
        return re.compile(pattern, flags), None
    program = json.dumps([all_flags, list(code), groups, groupindex, indexgroup])
    return compiled, program


def _rebuild(pattern: str, program: str) -> re.Pattern[str] | None:
    try:
        import _sre

        all_flags, code, groups, groupindex, indexgroup = json.loads(program)
        return _sre.compile(pattern, all_flags, code, groups, groupindex, tuple(indexgroup))  # type: ignore[no-any-return]
    except Exception:  # a stored program this engine does not take
        return None
