"""Write files so that a reader never sees half of one.

A baseline, a cache entry or an `--output` report that is cut short by Ctrl-C, a full
disk or a killed CI job would be worse than none: the next run would trust it. So every
file the tool writes goes to a temporary file next to the target and is renamed over it
in one step; the old file stays whole until the new one is complete. Ctrl-C and
SIGTERM are held back while a file is written, so they cannot strand the temporary
file either.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` (str is written as UTF-8), all or nothing.

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
    payload = _utf8(data) if isinstance(data, str) else data
    mode = _mode_for(target)
    with signals_held():
        _write_and_rename(target, payload, mode, durable)
    if durable:
        _sync_directory(target.parent)


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait (held by the operating system) until the file is in
    place: raised between creating the temporary file and knowing its name, they
    would leave it behind. A write takes milliseconds; the signal comes right after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no SIGTERM to hold
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _write_and_rename(target: Path, payload: bytes, mode: int, durable: bool = True) -> None:
    # Opened before the try block so the cleanup there knows which file to remove.
    handle = tempfile.NamedTemporaryFile(
        mode="wb",
        delete=False,
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".tmp",
    )
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        # NamedTemporaryFile makes a private (0600) file; keep the mode users expect.
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        # A full disk, or any other error: no stray temporary file either.
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
