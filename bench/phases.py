"""Wall time of a whole-repository run, split by phase: readers, tokenizing, language
detection, each rule, and the rest.

A sampling profile of culturelint is flat (no function holds 2 % of a run), so the
question a speed change has to answer is which phase it moved. This script runs
`culturelint check` in this process with a timer around each phase, then prints the
phases, largest first. Rules are charged their own time only: the tokenizing and the
language detection they ask for get their own rows, whichever rule asked first.

    python bench/phases.py /tmp/c5 --build 5    # build a 5 MB corpus there, then run
    python bench/phases.py /tmp/c5              # run again on the same copy
    python bench/phases.py /tmp/c5 --json > a.json

The run is the throughput figure's (`--no-cache --jobs 1`) on copy culturelint has
not seen: `--build` also lints 0.3 MB of other copy in `DIR.warmup/`, and every run
starts from that folder's derived data, as `bench/run.py` does. Timers cost a little:
the total is a few per cent above the same run without them.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
# Phases that are not one rule's: every rule's time is charged under its code and name.
SHARED_PHASES = ("readers", "tokenizing", "langdetect")
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402


class Clock:
    """Time per phase, each phase charged its own time only (nested phases are taken
    out of the phase that called them)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        frame = [time.perf_counter(), 0.0]  # start, time of nested phases
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            elapsed = time.perf_counter() - frame[0]
            self.spent[name] += elapsed - frame[1]
            if self._stack:
                self._stack[-1][1] += elapsed

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(name):
                return fn(*args, **kwargs)

        return timed


def instrument(clock: Clock) -> None:
    """Put timers around the readers, the tokenizers, langdetect and every rule."""
    import culturelint.readers as readers
    from culturelint import engine, matching
    from culturelint.checks import language

    readers.read_document = clock.wrap("readers", readers.read_document)
    matching._spaced_tokens = clock.wrap("tokenizing", matching._spaced_tokens)
    matching._unspaced_tokens = clock.wrap("tokenizing", matching._unspaced_tokens)
    language._langdetect = clock.wrap("langdetect", language._langdetect)

    order = engine.Linter._run_order

    def timed_order(checks: list[Any]) -> list[Any]:
        def run_of(check: Any) -> Callable[..., Any]:
            real = check.run

            def run(doc: Any, ctx: Any) -> list[Any]:
                with clock.phase(f"{check.code} {check.name}"):
                    return list(real(doc, ctx))

            return run

        return [dataclasses.replace(c, run=run_of(c)) for c in order(checks)]

    engine.Linter._run_order = staticmethod(timed_order)  # type: ignore[method-assign]


def build(root: Path, size_mb: float, seed: int) -> None:
    """The corpus, and the derived data of a first run over other copy beside it."""
    warmup = root.with_name(root.name + ".warmup")
    for folder in (root, warmup):
        if folder.exists():
            shutil.rmtree(folder)
    corpus_mod.generate(root, size_mb, seed=seed)
    corpus_mod.generate(warmup, 0.3, seed=seed + 1)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "culturelint", "check", "--no-cache", "-j", "1", "."]
    subprocess.run(command, cwd=warmup, env=env, capture_output=True, check=False)


def restore(root: Path) -> None:
    """The warm-up's derived data in place of whatever an earlier run left."""
    cache = root / ".culturelint_cache"
    warm = root.with_name(root.name + ".warmup") / ".culturelint_cache"
    if cache.exists():
        shutil.rmtree(cache)
    if warm.exists():
        shutil.copytree(warm, cache)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="folder to lint")
    ap.add_argument("--build", type=float, metavar="MB", help="first build a corpus this size")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--json", action="store_true", help="print the phases as JSON")
    ap.add_argument("--top", type=int, default=15, help="rules listed by name [15]")
    args = ap.parse_args(argv)
    root = args.corpus.resolve()
    if args.build:
        build(root, args.build, args.seed)
    restore(root)

    sys.path.insert(0, str(SRC))
    clock = Clock()
    instrument(clock)
    from culturelint.cli import app

    os.chdir(root)
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        try:
            app(["check", "--no-cache", "--jobs", "1", "--format", "json", "."])
        except SystemExit:
            pass
    total = time.perf_counter() - start
    findings = len(json.loads(out.getvalue())["findings"])
    measured = sum(clock.spent.values())
    phases = sorted(clock.spent.items(), key=lambda kv: -kv[1])
    if args.json:
        report = {"total": total, "findings": findings, "phases": dict(phases)}
        print(json.dumps(report, indent=1))
        return 0
    others = [(k, v) for k, v in phases if k in SHARED_PHASES]
    rules = [(k, v) for k, v in phases if k not in SHARED_PHASES]
    print(f"{total:.2f} s in all, {findings} findings")
    for name, spent in others:
        print(f"  {spent:6.2f} s  {name}")
    print(f"  {sum(v for _, v in rules):6.2f} s  all {len(rules)} rules, of which:")
    for name, spent in rules[: args.top]:
        print(f"  {spent:10.2f} s  {name}")
    print(f"  {total - measured:6.2f} s  start-up, discovery, findings, report, the rest")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
