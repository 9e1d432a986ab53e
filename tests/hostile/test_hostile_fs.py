"""The file system turning hostile: link loops, pipes, permissions, files that vanish."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_util import GOOD, check, write

import culturelint.engine

SRC = Path(__file__).resolve().parents[2] / "src"
ARGS = ["--market", "de-DE", "--format", "json"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good.md", GOOD)
    return tmp_path


def test_symlink_loops_are_reported_not_followed(tree: Path) -> None:
    os.symlink("b.md", tree / "a.md")
    os.symlink("a.md", tree / "b.md")
    os.symlink("self.md", tree / "self.md")
    os.mkdir(tree / "sub")
    os.symlink("..", tree / "sub" / "up")  # a directory loop: never walked into
    for args in (["."], ["a.md", "self.md", "good.md"]):
        run = check("--no-cache", *args)
        assert run.code == 2
        for name in ("a.md", "self.md"):
            (error,) = run.errors_for(name)
            assert error["message"] == "symbolic link loop; not checked"
        assert run.good_file_linted


def test_broken_symlink_is_reported(tree: Path) -> None:
    os.symlink("gone.md", tree / "dangling.md")
    run = check("--no-cache", ".")
    assert run.code == 2
    assert "broken symbolic link" in run.errors_for("dangling.md")[0]["message"]
    assert run.good_file_linted


def test_a_working_symlink_is_linted_once(tree: Path) -> None:
    os.symlink("good.md", tree / "alias.md")
    run = check("--no-cache", ".")
    assert run.code == 1
    assert run.report["summary"]["files"] == 1


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_pipes_and_devices_are_refused_not_read(tree: Path, kind: str) -> None:
    # A named pipe would block the run forever; /dev/zero would never end.
    if kind == "fifo":
        os.mkfifo(tree / "special.md")
    else:
        os.symlink("/dev/zero", tree / "special.md")
    run = check("--no-cache", ".")
    assert run.code == 2
    assert "not a regular file" in run.errors_for("special.md")[0]["message"]
    assert run.good_file_linted


def test_unreadable_file_is_reported(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod 000 still reads: simulate the permission error."""
    write(tree / "secret.md", GOOD)
    real_open = open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path).name == "secret.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(culturelint.engine, "open", guarded_open, raising=False)
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for("secret.md")
    assert error["message"] == "cannot read file: Permission denied"
    assert run.good_file_linted


def test_file_that_vanishes_after_discovery(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tree / "fleeting.md", GOOD)
    import culturelint.discover

    real_discover = culturelint.discover.discover

    def discover_then_delete(*args, **kwargs):  # type: ignore[no-untyped-def]
        targets = list(real_discover(*args, **kwargs))
        (tree / "fleeting.md").unlink()  # gone between discovery and reading
        yield from targets

    monkeypatch.setattr(culturelint.discover, "discover", discover_then_delete)
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for("fleeting.md")
    assert error["message"] == "file disappeared before it could be read"
    assert run.good_file_linted


def test_a_path_that_does_not_exist(tree: Path) -> None:
    run = check("--no-cache", "missing: really.md", "good.md")
    assert run.code == 2
    (error,) = run.errors_for("missing: really.md")
    assert error["message"] == "no such file or directory"
    assert run.good_file_linted


def _as_user_without_override() -> list[str] | None:
    """A command prefix under which file permissions apply: none needed for a normal
    user; for root, setpriv dropping the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, "--bounding-set", caps, "--inh-caps", caps]
    if subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        return None
    return prefix


@pytest.mark.parametrize(
    ("target", "where", "said"),
    [
        (".", "locked", "cannot read folder (Permission denied); its files were not checked"),
        ("locked", "locked", "cannot read folder (Permission denied); its files were not checked"),
        ("locked/x.md", "locked/x.md", "cannot read (Permission denied)"),
    ],
)
def test_a_folder_that_may_not_be_entered_is_reported_not_skipped(
    tmp_path: Path, target: str, where: str, said: str
) -> None:
    """It was skipped without a word (exit 0), and naming it crashed the run."""
    prefix = _as_user_without_override()
    if prefix is None:
        pytest.skip("no way to run without root's permission override")
    write(tmp_path / "ok.md", GOOD)
    write(tmp_path / "locked" / "x.md", GOOD)
    (tmp_path / "locked").chmod(0)
    try:
        run = subprocess.run(
            [*prefix, sys.executable, "-m", "culturelint", "check", "--no-cache", *ARGS, target],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    errors = json.loads(run.stdout)["errors"]
    assert [(e["path"], e["message"]) for e in errors] == [(where, said)]
    assert json.loads(run.stdout)["summary"]["files"] == (1 if target == "." else 0)
