import pytest

from culturelint.config import Config
from culturelint.resolve import MarketError, market_from_path, normalize_tag, resolve_market


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ja", "ja-JP"),
        ("ja-JP", "ja-JP"),
        ("de_de", "de-DE"),
        ("pt", "pt-BR"),
        ("zh", "zh-CN"),
        ("zh-Hant", "zh-TW"),
        ("zh-Hans-CN", "zh-CN"),
        ("es-419", "es-419"),
    ],
)
def test_normalize_tag(tag: str, expected: str) -> None:
    assert normalize_tag(tag) == expected


@pytest.mark.parametrize("tag", ["", "english", "xx", "ja-JPN-x", "und", "und-US", "mul", "zxx-DE"])
def test_normalize_tag_rejects(tag: str) -> None:
    with pytest.raises(MarketError):
        normalize_tag(tag)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("copy/ja-JP/launch.md", "ja-JP"),
        ("copy/ja/launch.md", "ja-JP"),
        ("content/fr_FR/page.md", "fr-FR"),
        ("launch.ja.md", "ja-JP"),
        ("strings_de-DE.json", "de-DE"),
        ("de.json", "de-DE"),
        ("messages.zh-Hant-TW.json", "zh-TW"),
        # near misses: words that look like language codes
        ("post-it.md", None),
        ("hero_it.md", None),
        ("src/lib/page.md", None),
        ("docs/index.md", None),
    ],
)
def test_market_from_path(path: str, expected: str | None) -> None:
    assert market_from_path(path) == expected


def test_resolution_order(tmp_path) -> None:
    config = Config(root=tmp_path, markets={"copy/de/*": "de-DE"}, default_market="en-US")
    path = str(tmp_path / "copy" / "de" / "ja-JP-notes.md")
    assert resolve_market(path, "fr", "ja", config) == ("fr-FR", "--market")
    assert resolve_market(path, None, "ja", config) == ("ja-JP", "file metadata")
    assert resolve_market(path, None, None, config) == ("de-DE", "config")
    other = str(tmp_path / "zh-CN" / "a.md")
    assert resolve_market(other, None, None, config) == ("zh-CN", "path")
    plain = str(tmp_path / "a.md")
    assert resolve_market(plain, None, None, config) == ("en-US", "default_market")


def test_a_locale_folder_counts_from_the_config_folder(tmp_path, monkeypatch) -> None:
    """The same file gets the same market from the root and from inside content/de/."""
    config = Config(path=tmp_path / "culturelint.yaml", root=tmp_path)
    (tmp_path / "content" / "de").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "content" / "de")
    assert resolve_market("a.md", None, None, config) == ("de-DE", "path")
    # Folders above the config's own do not count: a project under it/ is not Italian.
    (tmp_path / "it" / "site").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "it" / "site"
    with pytest.raises(MarketError):
        resolve_market("it/site/a.md", None, None, Config(path=site / "x.yaml", root=site))


def test_without_a_config_a_locale_folder_counts_from_the_repository_root(
    tmp_path, monkeypatch
) -> None:
    """`cd content/de && culturelint check a.md` in a repository with no config."""
    repo = tmp_path / "it" / "repo"  # "it" above the repository is not a market
    (repo / ".git").mkdir(parents=True)
    (repo / "content" / "de").mkdir(parents=True)
    monkeypatch.chdir(repo / "content" / "de")
    assert resolve_market("a.md", None, None, Config()) == ("de-DE", "path")
    monkeypatch.chdir(repo)
    assert resolve_market("content/de/a.md", None, None, Config()) == ("de-DE", "path")
    with pytest.raises(MarketError):
        resolve_market(str(repo / "a.md"), None, None, Config())
    # Outside a repository the path is read as given.
    monkeypatch.chdir(tmp_path / "it")
    (tmp_path / "it" / "de").mkdir()
    assert resolve_market("de/a.md", None, None, Config()) == ("de-DE", "path")


def test_no_market_error_says_how_to_set_one(tmp_path) -> None:
    with pytest.raises(MarketError, match="--market"):
        resolve_market(str(tmp_path / "a.md"), None, None, Config(root=tmp_path))


def test_bad_hint_names_its_origin(tmp_path) -> None:
    with pytest.raises(MarketError, match="file metadata"):
        resolve_market(str(tmp_path / "a.md"), None, "klingon", Config(root=tmp_path))
