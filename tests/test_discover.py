from pathlib import Path

from culturelint.config import Config
from culturelint.discover import Target, discover

SUPPORTED = {".md", ".html", ".txt"}


def accepts(path: str) -> bool:
    return Path(path).suffix in SUPPORTED


def files(tmp_path: Path, *names: str) -> None:
    for name in names:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")


def paths(items: list[Target | str]) -> list[str]:
    return sorted(t.path.name for t in items if isinstance(t, Target))


def test_recurses_supported_files_and_honours_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    files(tmp_path, "a.md", "b.html", "c.py", "build/d.md", "sub/e.txt", "sub/f.md")
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / "sub" / ".gitignore").write_text("f.md\n")
    found = list(discover([str(tmp_path)], Config(root=tmp_path), accepts))
    assert paths(found) == ["a.md", "b.html", "e.txt"]


def test_config_exclude_applies_to_explicit_files(tmp_path: Path) -> None:
    files(tmp_path, "drafts/a.md", "b.md")
    config = Config(root=tmp_path, exclude=["drafts"])
    found = list(
        discover([str(tmp_path / "drafts" / "a.md"), str(tmp_path / "b.md")], config, accepts)
    )
    assert paths(found) == ["b.md"]


def test_explicit_file_ignored_by_git_is_still_linted(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    files(tmp_path, "build/d.md")
    (tmp_path / ".gitignore").write_text("build/\n")
    found = list(discover([str(tmp_path / "build" / "d.md")], Config(root=tmp_path), accepts))
    assert paths(found) == ["d.md"]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    found = list(discover([str(tmp_path / "nope.md")], Config(root=tmp_path), accepts))
    assert found == [f"{tmp_path / 'nope.md'}: no such file or directory"]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    files(tmp_path, "a/x.md")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    found = list(discover([str(tmp_path)], Config(root=tmp_path), accepts))
    assert paths(found) == ["x.md"]
