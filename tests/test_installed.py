"""Versions and entry points from the derived data equal importlib.metadata's, and a
change to what is installed is seen by the next run."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from culturelint import installed


@pytest.fixture
def fresh(cache_root: Path) -> Iterator[Path]:
    """A cache folder, and a process that has asked nothing yet."""
    _next_process()
    yield cache_root
    _next_process()


def _next_process() -> None:
    """What a new process starts without: the memos of this one."""
    installed.version.cache_clear()
    installed.fingerprint.cache_clear()
    installed.distributions.cache_clear()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder on sys.path that distributions can be put in."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def _distribution(site: Path, name: str, version: str, entry_points: str = "") -> Path:
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir()
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    if entry_points:
        (folder / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["PyYAML", "pyyaml", "jsonschema", "babel", "no-such-dist-xyz"])
def test_versions_are_importlib_metadatas(fresh: Path, name: str) -> None:
    try:
        expected: str | None = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        expected = None
    assert installed.version(name) == expected
    _next_process()
    assert installed.version(name) == expected  # read back from the derived data
    assert list(fresh.rglob("installed/*.json"))


def test_entry_points_are_importlib_metadatas(fresh: Path) -> None:
    expected = [
        (ep.name, ep.value) for ep in importlib.metadata.entry_points(group="console_scripts")
    ]
    assert expected  # pytest's own, at least
    assert installed.entry_points("console_scripts") == expected
    _next_process()
    assert installed.entry_points("console_scripts") == expected


def test_a_plugin_installed_after_a_run_is_found_by_the_next(fresh: Path, site: Path) -> None:
    group = "culturelint.checks"
    before = installed.entry_points(group)
    _next_process()
    folder = _distribution(site, "acme-lint", "1.0", f"[{group}]\nacme = acme_lint:CHECKS\n")
    assert installed.entry_points(group) == [*before, ("acme", "acme_lint:CHECKS")]
    assert installed.version("acme-lint") == "1.0"

    # Its entry points rewritten in place (a development install that regenerates them).
    _next_process()
    points = folder / "entry_points.txt"
    points.write_text(f"[{group}]\nacme = acme_lint.v2:CHECKS\n", encoding="utf-8")
    stamp = points.stat().st_mtime_ns + 1_000_000_000
    os.utime(points, ns=(stamp, stamp))
    assert installed.entry_points(group) == [*before, ("acme", "acme_lint.v2:CHECKS")]

    # Upgraded, then removed.
    _next_process()
    folder.rename(site / "acme_lint-1.1.dist-info")
    (site / "acme_lint-1.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: acme-lint\nVersion: 1.1\n", encoding="utf-8"
    )
    assert installed.version("acme-lint") == "1.1"
    _next_process()
    for file in (site / "acme_lint-1.1.dist-info").iterdir():
        file.unlink()
    (site / "acme_lint-1.1.dist-info").rmdir()
    assert installed.version("acme-lint") is None
    assert installed.entry_points(group) == before


def test_the_same_versions_installed_afresh_keep_the_result_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh install stamps new times, and a CI runner's environment may lie
    elsewhere: the distributions' digest (the result cache's key) ignores both, and
    follows versions and entry points."""
    group = "culturelint.checks"

    def digest(site: Path) -> str:
        with monkeypatch.context() as patch:
            patch.syspath_prepend(str(site))
            _next_process()
            return installed.distributions()

    first = tmp_path / "a" / "site-packages"
    first.mkdir(parents=True)
    _distribution(first, "acme-lint", "1.0", f"[{group}]\nacme = acme_lint:CHECKS\n")
    _distribution(first, "other", "2.0")
    before = digest(first)

    again = tmp_path / "b" / "site-packages"
    again.mkdir(parents=True)
    _distribution(again, "acme-lint", "1.0", f"[{group}]\nacme = acme_lint:CHECKS\n")
    _distribution(again, "other", "2.0")
    for file in again.rglob("*"):
        os.utime(file, ns=(1, 1))
    assert digest(again) == before
    # The fingerprint of the memos does see the new times.
    assert _fingerprint(first) != _fingerprint(again)

    (again / "acme_lint-1.0.dist-info" / "entry_points.txt").write_text(
        f"[{group}]\nacme = acme_lint.v2:CHECKS\n", encoding="utf-8"
    )
    assert digest(again) != before
    (again / "other-2.0.dist-info").rename(again / "other-2.1.dist-info")
    changed = digest(again)
    egg = again / "legacy.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.0\nName: legacy\nVersion: 1\n\nText\n")
    with_egg = digest(again)
    assert with_egg != changed
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.0\nName: legacy\nVersion: 2\n\nText\n")
    assert digest(again) != with_egg
    _next_process()


def _fingerprint(site: Path) -> str:
    sys.path.insert(0, str(site))
    try:
        _next_process()
        return installed.fingerprint()
    finally:
        sys.path.remove(str(site))
        _next_process()


def test_a_file_saved_in_the_working_folder_keeps_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sys.path[0] is the working folder: editing copy there must not make every run
    ask importlib.metadata again."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend("")
    installed.fingerprint.cache_clear()
    first = installed.fingerprint()
    (tmp_path / "page.md").write_text("# New\n", encoding="utf-8")
    installed.fingerprint.cache_clear()
    assert installed.fingerprint() == first
    installed.fingerprint.cache_clear()


def test_a_run_with_the_answers_stored_does_not_import_importlib_metadata(tmp_path: Path) -> None:
    import culturelint

    page = tmp_path / "de-DE" / "seite.md"
    page.parent.mkdir()
    page.write_text("# Angebot\n\nJetzt bestellen.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from culturelint import cli\n"
        "sys.argv = ['culturelint', 'check', '--no-cache', 'de-DE/seite.md']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print('importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(culturelint.__file__).parents[1])}
    imported = []
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=env
        )
        imported.append(run.stderr.strip().splitlines()[-1])
    assert imported == ["True", "False"]


def test_the_result_cache_key_changes_with_what_is_installed(fresh: Path, site: Path) -> None:
    """A plug-in installed or removed changes the rules: a result cached before must
    not be served after."""
    from culturelint.cache import settings_fingerprint
    from culturelint.config import Config

    def key() -> str:
        _next_process()
        return settings_fingerprint(Config(), {}, [])

    before = key()
    assert key() == before  # nothing changed
    _distribution(site, "acme-lint", "1.0", "[culturelint.checks]\nacme = acme_lint:CHECKS\n")
    with_plugin = key()
    assert with_plugin != before
