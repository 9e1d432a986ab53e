"""Write files so that a reader never sees half of one.

A baseline, a cache entry or an `--output` report that is cut short by Ctrl-C, a full
disk or a killed CI job would be worse than none: the next run would trust it. So every
file the tool writes goes to a temporary file next to the target and is renamed over it
in one step; the old file stays whole until the new one is complete. Ctrl-C and
SIGTERM are held back while the temporary file is created and while it is renamed, and
one that comes while it is written removes it, so they cannot strand it either.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[str], *, durable: bool = True) -> None:
    """Replace `path` with `data` (str is written as UTF-8), all or nothing.

    `data` may also be text in pieces (a report made as it is written): each is
    written as it comes, and the file appears only once the last one is in. Ctrl-C
    while the pieces are made stops the run at once and leaves the old file as it was.

    `durable=False` skips asking the disk to store the file and its folder entry before
    going on (fsync). It is for files whose loss costs only work done again, such as
    result cache entries, which a first run writes one per file: waiting on the disk
    for each is what a slow disk would make that run pay. The rename still makes the
    new file appear whole or not at all to other processes; only a crash of the
    machine itself can leave such a file empty or cut short, which its reader takes
    for a miss.
    """
    # Follow a symlink so the link keeps pointing at the file, which gets the new content.
    target = Path(os.path.realpath(path))
    if isinstance(data, bytes):
        pieces: Iterable[bytes] = (data,)
    elif isinstance(data, str):
        pieces = (_utf8(data),)
    else:
        pieces = map(_utf8, data)
    _write_and_rename(target, pieces, _mode_for(target), durable)
    if durable:
        _sync_directory(target.parent)


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait (held by the operating system) until the block is done:
    raised between creating the temporary file and knowing its name, they would leave
    it behind. The blocks take microseconds; the signal comes right after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no SIGTERM to hold
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _write_and_rename(
    target: Path, pieces: Iterable[bytes], mode: int, durable: bool = True
) -> None:
    """Write `pieces` to a temporary file beside `target`, then rename it over `target`.

    Signals are held while the temporary file is made and named, and while it is
    renamed; a signal raised while the pieces are made or written ends up in the
    cleanup, which removes the temporary file (a report of many findings takes
    seconds to make, too long to keep Ctrl-C waiting)."""
    temp: Path | None = None
    try:
        with signals_held():
            handle = tempfile.NamedTemporaryFile(
                mode="wb",
                delete=False,
                dir=target.parent,
                prefix=f".{target.name}.",
                suffix=".tmp",
            )
            temp = Path(handle.name)
        with handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        with signals_held():
            # NamedTemporaryFile makes a private (0600) file; keep the mode users expect.
            os.chmod(temp, mode)
            os.replace(temp, target)
            temp = None
    except BaseException:
        # A full disk, Ctrl-C, or any other error: no stray temporary file either.
        if temp is not None:
            with signals_held():
                with contextlib.suppress(OSError):
                    handle.close()
                with contextlib.suppress(OSError):
                    temp.unlink()
        raise


def _utf8(text: str) -> bytes:
    """UTF-8, except that a file name which is not UTF-8 (its bytes held as lone
    surrogates) is written back as the bytes it has on disk, as a terminal shows it."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace")


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain `open(path, "w")` would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        pass
    # The umask can only be read by setting it; put it straight back.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; best effort, as not every platform allows it."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
