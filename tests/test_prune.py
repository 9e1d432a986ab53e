"""The cache folder keeps what can still be read and loses what cannot: results of
earlier days, temporary files of killed writes, folders of versions no longer run."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from culturelint import __version__
from culturelint.cli import app
from culturelint.prune import MARKER, prune

DAY = 24 * 3600
KEY = "ab" + "0" * 62


def _file(path: Path, age_seconds: float, text: str = "{}") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    root = tmp_path / ".culturelint_cache"
    (root / __version__).mkdir(parents=True)
    return root


def test_results_of_earlier_days_go_and_todays_stay(cache: Path) -> None:
    own = cache / __version__
    old = _file(own / "ab" / f"{KEY}.json", 3 * DAY)
    fresh = _file(own / "cd" / f"cd{KEY[2:]}.json", 0)
    near = _file(own / "ef" / f"ef{KEY[2:]}.json", DAY)  # yesterday's: not yet removed
    prune(cache)
    assert not old.exists()
    assert fresh.exists() and near.exists()


def test_old_derived_data_is_kept_only_results_expire(cache: Path) -> None:
    """Derived data is keyed by versions, not by the day: it stays valid."""
    own = cache / __version__
    kept = [
        _file(own / "cldr" / "0123456789abcdef0123456789abcdef.json", 30 * DAY),
        _file(own / "valid" / "ab" / KEY[:64], 30 * DAY, ""),
        _file(own / "lemmas" / "de-lookups-1.0.5.sqlite", 30 * DAY, ""),
        _file(own / "ab" / "notes.json", 30 * DAY),  # not a result entry's name
    ]
    prune(cache)
    assert all(path.exists() for path in kept)


def test_temporary_files_of_killed_writes_go_after_an_hour(cache: Path) -> None:
    own = cache / __version__
    stranded = [
        _file(own / "ab" / f".{KEY}.json.x1y2z3.tmp", 2 * 3600),
        _file(own / "regex" / ".programs.sqlite.q9w8.tmp", 2 * 3600),
    ]
    in_flight = _file(own / "ab" / f".{KEY}.json.a1b2c3.tmp", 60)  # a concurrent write
    prune(cache)
    assert not any(path.exists() for path in stranded)
    assert in_flight.exists()


def test_versions_not_run_for_a_week_go(cache: Path) -> None:
    gone = _file(cache / "0.0.1" / MARKER, 8 * DAY, "2000-01-01")
    in_use = _file(cache / "0.0.2" / MARKER, 2 * DAY, "2000-01-01")
    unmarked_old = cache / "0.0.3"
    _file(unmarked_old / "ab" / f"{KEY}.json", 10 * DAY)
    then = time.time() - 10 * DAY
    os.utime(unmarked_old, (then, then))
    stranger = _file(cache / "notes" / "mine.txt", 30 * DAY)
    os.utime(stranger.parent, (then, then))
    prune(cache)
    assert not gone.parent.exists()
    assert not unmarked_old.exists()
    assert in_use.exists()
    assert stranger.exists()  # not a version's folder


def test_once_a_day(cache: Path) -> None:
    own = cache / __version__
    prune(cache)
    assert (own / MARKER).read_text(encoding="utf-8") == dt.date.today().isoformat()
    old = _file(own / "ab" / f"{KEY}.json", 3 * DAY)
    prune(cache)
    assert old.exists()  # today's pruning was done
    (own / MARKER).write_text("2000-01-01", encoding="utf-8")
    prune(cache)
    assert not old.exists()


def test_a_missing_or_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    prune(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()
    root = tmp_path / ".culturelint_cache"
    old = _file(root / __version__ / "ab" / f"{KEY}.json", 3 * DAY)
    os.chmod(old.parent, 0o555)
    os.chmod(root / __version__, 0o555)
    try:
        prune(root)  # nothing can be removed or marked: still no error
    finally:
        os.chmod(root / __version__, 0o755)
        os.chmod(old.parent, 0o755)
    if os.geteuid() != 0:  # root removes what it likes
        assert old.exists()


def test_a_run_prunes_and_keeps_its_own_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de-DE").mkdir()
    (tmp_path / "de-DE" / "a.md").write_text("Nur $19.99.\n", encoding="utf-8")
    own = tmp_path / ".culturelint_cache" / __version__
    old = _file(own / "ab" / f"{KEY}.json", 3 * DAY)
    runner = CliRunner()
    first = runner.invoke(app, ["check", ".", "--format", "json"])
    assert first.exit_code == 1, first.output
    assert not old.exists()
    entries = [p for p in own.glob("??/*.json")]
    assert len(entries) == 1  # this run's result
    again = runner.invoke(app, ["check", ".", "--format", "json"])
    assert again.stdout == first.stdout
