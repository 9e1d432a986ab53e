"""Fixtures shared by the tests of the derived-data cache and what is kept in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from culturelint.profiles import validcache


@pytest.fixture
def cache_root(tmp_path: Path) -> Iterator[Path]:
    """A `.culturelint_cache` folder for derived data, as a run configures it."""
    root = tmp_path / ".culturelint_cache"
    validcache.configure(root)
    yield root
    validcache.configure(None)


@pytest.fixture(autouse=True)
def _no_cache_folder_left_configured() -> Iterator[None]:
    """A test that runs the CLI in-process leaves the derived-data folder it used
    configured; the next test starts without one, as a new process would (answers
    kept there, installed plug-ins say, would otherwise outlive a test's monkeypatch)."""
    yield
    validcache.configure(None)
