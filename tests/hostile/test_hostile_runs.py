"""Runs that go wrong: Ctrl-C, two runs on one cache, a read-only tree, a corrupt cache."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hostile_util import GOOD, assert_no_traceback, check, check_process, write

from culturelint.cache import CACHE_DIR
from culturelint.checks import BUILTIN_CHECKS


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        write(tmp_path / f"page{i}.md", GOOD)
    write(tmp_path / "good.md", GOOD)
    return tmp_path


def cache_entries(root: Path) -> list[Path]:
    """Cached results (`<version>/ab/abcd....json`), not the derived data beside them,
    which a run writes or not depending on what this process has computed before."""
    return sorted(
        p
        for p in (root / CACHE_DIR).rglob("*.json")
        if len(p.parent.name) == 2 and p.stem.startswith(p.parent.name)
    )


def _ctrl_c() -> None:
    raise KeyboardInterrupt


def _sigterm() -> None:
    import signal

    os.kill(os.getpid(), signal.SIGTERM)


@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [(_ctrl_c, 130, "interrupted"), (_sigterm, 143, "terminated")],
    ids=["ctrl-c", "sigterm"],
)
def test_a_stopped_run_leaves_no_partial_files(
    tree: Path, monkeypatch: pytest.MonkeyPatch, stop: Callable[[], None], code: int, said: str
) -> None:
    """Ctrl-C, and SIGTERM (a CI timeout, `timeout`, `docker stop`), which unwinds the
    same way."""
    import signal

    calls = {"n": 0}
    victim = BUILTIN_CHECKS[0]
    real_run = victim.run

    def stopped(doc, ctx):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the first file completes, the second is cut short
            stop()
        return real_run(doc, ctx)

    monkeypatch.setattr(victim, "run", stopped)
    before = signal.getsignal(signal.SIGTERM)
    run = check("-j", "1", "--baseline", "base.json", "--update-baseline", ".")
    assert (run.code, run.stderr.strip()) == (code, f"culturelint: {said}")
    assert signal.getsignal(signal.SIGTERM) == before  # the caller's handler is back
    assert not (tree / "base.json").exists()
    entries = cache_entries(tree)
    assert len(entries) == 1  # the completed file only
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))
    assert list(tree.rglob("*.tmp")) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_to_a_real_run_leaves_every_cache_entry_whole(tmp_path: Path, jobs: str) -> None:
    """The signal sent to the process group while a run writes its cache, as CI
    runners send it: exit 143, no temporary file, every entry readable."""
    import signal
    import subprocess
    import sys
    import time

    for i in range(400):
        write(tmp_path / f"page{i:03}.md", GOOD.replace("19.99", f"{i}.99"))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    env.pop("CULTURELINT_DEBUG", None)
    command = [sys.executable, "-m", "culturelint", "check", "--jobs", jobs, "."]
    proc = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not cache_entries(tmp_path) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    if proc.returncode != 143:
        pytest.skip(f"the run ended before the signal came (exit {proc.returncode})")
    assert err.decode().strip() == "culturelint: terminated", err.decode()
    entries = cache_entries(tmp_path)
    assert 0 < len(entries) < 400
    for entry in entries:
        json.loads(entry.read_text(encoding="utf-8"))
    assert list(tmp_path.rglob("*.tmp")) == []


def test_ctrl_c_waits_for_derived_data_built_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run builds derived data on background threads; interrupted while one
    file is being written, the run returns only once it is whole, with no temporary
    file left (the command line's interpreter would join the thread on exit anyway;
    a caller in the same process must not see a half-built folder either)."""
    import time

    from culturelint import runner
    from culturelint.profiles import validcache

    target = tmp_path / "derived.sqlite"

    def slow_write(path: Path) -> bool:
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text("half", encoding="utf-8")
        time.sleep(0.3)
        temp.write_text("whole", encoding="utf-8")
        os.replace(temp, path)
        return True

    def interrupted(config: object, opts: object) -> int:
        validcache.build_soon(target, slow_write)
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "_run_check", interrupted)
    code = runner.run_check(None, None)  # type: ignore[arg-type]

    assert code == 130
    assert target.read_text(encoding="utf-8") == "whole"
    assert list(tmp_path.glob("*.tmp")) == []


def test_two_runs_at_once_share_a_cache(tree: Path) -> None:
    for i in range(12):
        write(tree / f"more{i}.md", GOOD.replace("19.99", f"{i}.99"))
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: check_process("-j", "2", ".", cwd=tree), range(2)))
    assert [r.code for r in runs] == [1, 1]
    assert runs[0].report["findings"] == runs[1].report["findings"]
    for entry in cache_entries(tree):
        json.loads(entry.read_text(encoding="utf-8"))
    again = check_process(".", cwd=tree)  # served from the cache
    assert again.report["findings"] == runs[0].report["findings"]


def test_corrupt_cache_entry_is_a_miss(tree: Path) -> None:
    first = check("good.md")
    for entry in cache_entries(tree):
        entry.write_text('{"findings": [{"path": 1', encoding="utf-8")
    assert check("good.md").report["findings"] == first.report["findings"]
    for entry in cache_entries(tree):
        entry.write_text('{"findings": 5, "errors": []}', encoding="utf-8")
    assert check("good.md").report["findings"] == first.report["findings"]


@pytest.fixture
def read_only(tree: Path) -> Path:
    """A tree whose folder refuses new files (root ignores modes, so use a real check)."""
    os.chmod(tree, stat.S_IRUSR | stat.S_IXUSR)
    probe = tree / "probe"
    try:
        probe.write_text("x")
    except OSError:
        yield tree
    else:
        probe.unlink()
        pytest.skip("running as root: a read-only folder is still writable here")
    finally:
        os.chmod(tree, stat.S_IRWXU)


def test_read_only_tree_still_reports(read_only: Path) -> None:
    run = check(".")
    assert run.code == 1
    assert run.good_file_linted


def test_baseline_write_failure_is_an_error(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import culturelint.baseline

    def refuse(path: Path, data: str | bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(culturelint.baseline, "write_atomic", refuse)
    run = check("--no-cache", "--baseline", "base.json", "--update-baseline", ".")
    assert run.code == 2
    assert any(
        "cannot write baseline: Permission denied" in e["message"] for e in run.report["errors"]
    )


def test_cache_write_failure_is_not_an_error(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import culturelint.atomic

    def refuse(path: Path, data: str | bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(culturelint.atomic, "write_atomic", refuse)
    run = check(".")
    assert run.code == 1 and run.report["errors"] == []


def test_unexpected_exception_is_one_line_internal_error(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import culturelint.runner

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("something inside culturelint")

    monkeypatch.setattr(culturelint.runner, "_lint_all", broken)
    run = check("--no-cache", ".")
    assert run.code == 2
    assert_no_traceback(run)
    assert "internal error: ZeroDivisionError: something inside culturelint" in run.stderr
    assert "please report it" in run.stderr


def test_no_traceback_from_a_real_process(tree: Path) -> None:
    os.symlink("loop.md", tree / "loop.md")
    write(tree / "bin.md", b"\x89PNG\r\n\x1a\n" + bytes(20))
    run = check_process("--no-cache", ".", cwd=tree)
    assert run.code == 2
    assert_no_traceback(run)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path, fmt: str) -> None:
    """`culturelint check | head`: the report is written as it is made, so the reader
    leaves in the middle of it. The run stops with exit code 2 (the report was not
    delivered) and says nothing: no traceback, no error about the pipe."""
    import subprocess
    import sys

    from hostile_util import SRC

    # About a thousand findings: a report far larger than a pipe holds.
    write(tmp_path / "de-DE" / "prices.txt", "Nur $5 heute!\n\n" * 1000)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("CULTURELINT_DEBUG", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "culturelint", "check", "--no-cache", "--format", fmt, "."],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    code = proc.wait(timeout=120)

    assert first  # the report had begun
    assert code == 2
    assert stderr == ""
