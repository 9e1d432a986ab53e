"""`culturelint check`: find files, lint them (in parallel when it pays), report, exit."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from culturelint import __version__
from culturelint.config import Config
from culturelint.engine import (
    FileResult,
    Linter,
    SizeError,
    build_registry,
    glossary_problems,
    market_problems,
    rule_option_problems,
    too_large_message,
    unknown_rule_references,
)
from culturelint.finding import FileError, Finding, Severity

if TYPE_CHECKING:
    from culturelint.discover import Target

# Below this many files per process, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 4
EXIT_ERROR = 2


@dataclass
class RunOptions:
    paths: list[str]
    market: str | None = None
    fmt: str = "text"
    fail_on: str = "warning"
    select: list[str] | None = None
    ignore: list[str] | None = None
    baseline: Path | None = None
    update_baseline: bool = False
    jobs: int | None = None
    use_cache: bool = True
    output: Path | None = None
    stdin_filename: str | None = None
    color: bool = False
    progress: bool = False


def tune_collector() -> None:
    """Collect the youngest generation every 10,000 allocations instead of 700.

    Linting allocates millions of short-lived objects (tokens, matches, parse nodes)
    and keeps a growing set of long-lived ones (word and lemma memos). At Python's
    default the cyclic collector took 8 % of a run over 1 MB of copy, most of it in
    full collections walking those memos; at 10,000 it takes a third of that, with
    the same peak memory. Each worker sets it too: a spawned one (rather than forked)
    starts with Python's default.
    """
    import gc

    gc.set_threshold(10_000, 10, 10)


def run_check(config: Config, opts: RunOptions) -> int:
    """Run `culturelint check`; the exit code. Never raises, never prints a traceback.

    A CI gate must not pass because the linter fell over, nor leave a half-written
    file behind: Ctrl-C exits 130 and SIGTERM 143 (every file the run writes is
    written atomically, so whatever is on disk is whole), and an unexpected exception
    is reported in one line as an internal error with exit 2. CULTURELINT_DEBUG=1
    shows the traceback.
    """
    from culturelint import interrupt

    try:
        with interrupt.sigterm_unwinds():
            tune_collector()
            return _run_check(config, opts)
    except KeyboardInterrupt as exc:
        sys.stderr.write(f"culturelint: {interrupt.message(exc)}\n")
        _settle_builds()
        return interrupt.exit_code(exc)
    except SizeError as exc:
        sys.stderr.write(f"culturelint: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of our output went away (`| head`): nothing more can be said.
        _silence_stdout()
        return EXIT_ERROR
    except Exception as exc:
        if os.environ.get("CULTURELINT_DEBUG"):
            raise
        sys.stderr.write(internal_error_message(exc))
        return EXIT_ERROR


def _settle_builds() -> None:
    """Let derived data being built in the background finish (a fraction of a second),
    so that when the run returns, each such file is whole or not there, and no
    temporary file is left. A second Ctrl-C stops waiting: the interpreter then joins
    the builder threads on its way out, as it does after every run."""
    from culturelint.profiles import validcache

    try:
        validcache.settle_run()
    except KeyboardInterrupt:
        pass


def internal_error_message(exc: BaseException) -> str:
    """One line for a bug in culturelint itself, with what to do about it."""
    detail = " ".join(str(exc).split())[:300]
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return (
        f"culturelint: internal error: {what}\n"
        "culturelint: this is a bug in culturelint, not in your files; please report it "
        "with the command you ran (CULTURELINT_DEBUG=1 shows the traceback)\n"
    )


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run_check(config: Config, opts: RunOptions) -> int:
    from culturelint.discover import discover
    from culturelint.readers import reader_for

    _configure_derived_cache(config)
    registry, errors = build_registry(config)
    errors = [replace(error, setup=True) for error in errors]
    problems = unknown_rule_references(registry, config, opts.select, opts.ignore)
    problems += rule_option_problems(registry, config)
    problems += glossary_problems(config)
    linter = Linter(config, registry, market=opts.market, select=opts.select, ignore=opts.ignore)
    problems += market_problems(linter.store, config, opts.market)
    if problems:
        # A rule file that cannot be loaded is often why a code names no rule: say so
        # first, or only its symptom in the config is shown.
        sys.stderr.writelines(
            f"culturelint: {e.path}{f':{e.line}' if e.line else ''}: {e.message}\n" for e in errors
        )
        sys.stderr.writelines(f"culturelint: {problem}\n" for problem in problems)
        return EXIT_ERROR
    if opts.use_cache:
        linter.cache = _make_cache(config, opts)
    results: list[FileResult] = []
    names: list[str] = []  # of the files linted, as findings name them, in `results`' order
    files = 0
    if opts.paths == ["-"]:
        name = opts.stdin_filename or "-"
        data = sys.stdin.buffer.read(linter.max_bytes + 1)
        if len(data) > linter.max_bytes:
            results.append(
                FileResult(errors=[FileError(name, too_large_message(None, linter.max_bytes))])
            )
        else:
            results.append(linter.lint_bytes(data, name, reader_for(name) or "text"))
        names = [name]
        files = 1
    else:
        if "-" in opts.paths:
            errors.append(
                FileError("-", "stdin ('-') cannot be combined with other paths", setup=True)
            )
        targets: list[Target] = []
        for item in discover(
            [p for p in opts.paths if p != "-"], config, lambda p: reader_for(p) is not None
        ):
            if isinstance(item, str):
                path, _, message = item.rpartition(": ")  # a path may hold ": " too
                errors.append(FileError(path, message))
            else:
                targets.append(item)
        files = len(targets)
        results = _lint_all(linter, config, opts, targets)
        names = [target.display for target in targets]
    _save_memos()
    _prune_cache()

    findings: list[Finding] = []
    for res in results:
        findings.extend(res.findings)
        errors.extend(res.errors)
    findings.sort(key=Finding.sort_key)

    if opts.baseline is not None:
        from culturelint.baseline import Baseline, BaselineError, updated

        try:
            if opts.update_baseline:
                checked = [name for name, res in zip(names, results, strict=True) if not res.errors]
                rules = [check.code for check in linter.checks]
                baseline, kept, warning = updated(opts.baseline, findings, checked, rules)
                if warning:
                    sys.stderr.write(f"culturelint: {warning}\n")
                baseline.save(opts.baseline)
                also = f" and kept {kept} for files or rules not checked" if kept else ""
                sys.stderr.write(
                    f"culturelint: wrote {len(findings)} findings{also} to {opts.baseline}\n"
                )
                findings = []
            else:
                findings, _matched = Baseline.load(opts.baseline).filter(findings)
        except (BaselineError, OSError) as exc:
            # The messages name the file for other callers; here the error's path does.
            message = str(exc).removeprefix(f"{opts.baseline}: ")
            errors.append(FileError(str(opts.baseline), message, setup=True))

    from culturelint.reporters import Report, chunks

    report = Report(
        findings=findings,
        errors=errors,
        files=files,
        version=__version__,
        rules=linter.checks,
    )
    # Written as it is made: the report of a large repository is many times the size
    # of its findings (see `reporters.chunks`).
    text = chunks(report, opts.fmt, color=opts.color and opts.output is None, root=Path.cwd())
    if opts.output is not None:
        from culturelint.atomic import write_atomic

        try:
            write_atomic(opts.output, text)
        except OSError as exc:
            sys.stderr.write(f"culturelint: {opts.output}: cannot write: {exc.strerror or exc}\n")
            return 2
    else:
        sys.stdout.writelines(text)
        sys.stdout.flush()
    if errors:
        return 2
    return 1 if _fails(findings, opts.fail_on) else 0


def _fails(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def _lint_all(
    linter: Linter, config: Config, opts: RunOptions, targets: list[Target]
) -> list[FileResult]:
    jobs = opts.jobs or os.cpu_count() or 1
    jobs = min(jobs, max(1, len(targets) // MIN_FILES_PER_JOB))
    progress = _Progress(len(targets)) if opts.progress else None
    results: list[FileResult] = []
    if jobs <= 1:
        if len(targets) > 1:
            # Queued now, the background thread builds the next markets' tables while
            # this one lints the first market's files (one file: no market to wait for).
            for market in _markets_named(linter, config, opts, targets):
                linter.prepare_market(market)
        for target in targets:
            results.append(linter.lint_path(target.path, target.display))
            if progress:
                progress.advance()
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from culturelint.profiles import validcache

        prepare = _markets_to_prepare(linter, config, opts, targets)
        validcache.settle_all()  # no builder thread inside SQLite while forking
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        init_args = (config, opts, linter.cache is not None)
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=init_args,
        )
        try:
            for market in prepare:
                pool.submit(_prepare_market, market)
            work = [(t.path, t.display) for t in targets]
            for res in pool.map(_work, work, chunksize=max(1, len(work) // (jobs * 8))):
                results.append(res)
                if progress:
                    progress.advance()
        except BaseException:
            # Ctrl-C or a worker that died: drop the queued files, let the running
            # ones finish their (atomic) cache writes, then pass the problem on.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
    if progress:
        progress.close()
    return results


def _markets_named(
    linter: Linter, config: Config, opts: RunOptions, targets: list[Target]
) -> list[str]:
    """The markets a first run is to prepare: those the files' paths name, in the order
    of their first files (a file's own metadata may name another, which its file then
    prepares as it is linted).

    Preparing them first, a single process queues every market's lemma and word tables
    on its background thread before its first file, which then builds the next
    market's tables while the first market's files are linted (each market's first
    file queued its own and waited for them); workers build different markets' tables
    side by side (`_markets_to_prepare`).

    Working this out resolves every file's market (25-35 ms for 1,810 files). A run
    whose first file has its result in the cache has run here before, and is taken to
    have its derived data: a rerun with nothing changed pays a read of one file for
    this instead, and a market new to the repository builds its tables as it meets
    them.
    """
    from culturelint.profiles import validcache
    from culturelint.resolve import MarketError, resolve_market

    if validcache.root() is None or not targets:
        return []
    if linter.cached(targets[0].path, targets[0].display):
        return []
    markets: dict[str, None] = {}
    for target in targets:
        try:
            markets.setdefault(resolve_market(target.display, opts.market, None, config)[0])
        except MarketError:
            continue
    return list(markets)


def _markets_to_prepare(
    linter: Linter, config: Config, opts: RunOptions, targets: list[Target]
) -> list[str]:
    """The markets of `_markets_named` that have derived data left to build, for the
    workers: they take these before any file, one each at a time. Given files in path
    order, both took the files of one market at the same time, and each waited for (or
    built) the same tables. Loads the markets' profiles here, before any worker is
    forked (each would load them anyway)."""
    from culturelint.profiles import validcache

    wanted = []
    with validcache.planning() as planned:
        for market in _markets_named(linter, config, opts, targets):
            before = len(planned)
            linter.prepare_market(market)
            if len(planned) > before:
                wanted.append(market)
    return wanted


def _prepare_market(market: str) -> None:
    """Build the derived data of `market` in this worker, and return once it is built
    (see `_markets_to_prepare`)."""
    assert _WORKER is not None
    from culturelint.profiles import validcache

    try:
        _WORKER.prepare_market(market)
    finally:
        validcache.settle_all()


_WORKER: Linter | None = None


def _init_worker(config: Config, opts: RunOptions, use_cache: bool) -> None:
    global _WORKER
    import signal

    # Ctrl-C (and a SIGTERM sent to the group) reaches every process; the parent alone
    # handles it and lets the workers finish the file in hand, so a worker never dies
    # with a traceback half-way through a file or its cache entry.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    tune_collector()
    _configure_derived_cache(config)
    registry, _errors = build_registry(config)  # setup errors are reported by the parent
    _WORKER = Linter(config, registry, market=opts.market, select=opts.select, ignore=opts.ignore)
    if use_cache:
        _WORKER.cache = _make_cache(config, opts)
    # A worker ends when the pool shuts down, through multiprocessing's exit handling
    # (not atexit): its finalizers are where it can still save.
    from multiprocessing.util import Finalize

    Finalize(None, _save_memos, exitpriority=10)


def _save_memos() -> None:
    """Keep what this process learnt (tokenizer splits, language guesses) for the next
    run, and let the derived data still being built in the background finish."""
    from culturelint.profiles import validcache

    validcache.flush_stores()
    validcache.settle_run()


def _prune_cache() -> None:
    """Drop what is stale in .culturelint_cache/ (once a day; see culturelint.prune)."""
    from culturelint.profiles import validcache

    root = validcache.root()
    if root is not None:
        from culturelint.prune import prune

        prune(root)


def _configure_derived_cache(config: Config) -> None:
    """Data derived once from the installed libraries and reused across runs (schema
    verdicts, tokenizer rules, lemma tables, language guesses) lives in
    .culturelint_cache/ next to the results. It depends only on versions and inputs,
    never on the files linted, so --no-cache (which re-lints every file) keeps it; a
    read-only tree simply derives everything in memory."""
    from culturelint.profiles import validcache

    root = config.path.parent if config.path else Path.cwd()
    validcache.configure(root / ".culturelint_cache")


def _make_cache(config: Config, opts: RunOptions):  # type: ignore[no-untyped-def]
    from culturelint.cache import Cache, settings_fingerprint
    from culturelint.l10n.options import l10n_options
    from culturelint.profiles.loader import bundled_market_dirs
    from culturelint.rules_engine.loader import bundled_rule_dirs

    data_dirs = [
        *bundled_market_dirs(),
        *bundled_rule_dirs(),
        *config.market_paths,
        *config.rule_paths,
    ]
    extra = {"market": opts.market, "select": opts.select, "ignore": opts.ignore}
    root = config.path.parent if config.path else Path.cwd()
    try:
        glossaries = list(l10n_options(config).glossary)
    except ValueError:
        glossaries = []  # reported on each file that needs them
    return Cache(root, settings_fingerprint(config, extra, data_dirs, glossaries))


def _work(item: tuple[Path, str]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.lint_path(*item)


class _Progress:
    """A progress bar on stderr, shown only once a run has taken more than a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._bar = None
        self._task = None

    def advance(self) -> None:
        self.done += 1
        if self._bar is None and time.monotonic() - self.started > 1.0 and self.done < self.total:
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("Linting", total=self.total, completed=self.done)
        elif self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
