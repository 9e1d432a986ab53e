"""Ctrl-C and SIGTERM end a run the same way: unwinding, not dying.

A CI job that times out, `timeout 60 culturelint check`, `docker stop` and process
supervisors send SIGTERM, whose default is to end the process on the spot: a file
being written (a cache entry, a baseline, an `--output` report) would leave its
temporary file behind. Turned into an exception, SIGTERM runs the same clean-up as
Ctrl-C, and the run exits 143 (128 + SIGTERM) where Ctrl-C exits 130.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is. A KeyboardInterrupt, so every
    `except KeyboardInterrupt` that cleans up after Ctrl-C does so after it too."""


def _raise_terminated(_signum: int, _frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """Within the block, SIGTERM raises `Terminated`; the handler before is put back
    after it. Only the main thread may set a handler: elsewhere (culturelint run from
    a thread of another program) nothing changes."""
    try:
        before = signal.signal(signal.SIGTERM, _raise_terminated)
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def exit_code(exc: KeyboardInterrupt) -> int:
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def message(exc: KeyboardInterrupt) -> str:
    return "terminated" if isinstance(exc, Terminated) else "interrupted"
