"""Pairing translation files with their source-language siblings, and units by key."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelint.config import Config
from culturelint.l10n.options import L10nOptions, l10n_options
from culturelint.l10n.pairing import pairing, source_path_for
from culturelint.profiles.model import Profile
from culturelint.readers import read_document
from culturelint.registry import CheckContext


def files(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("{}", encoding="utf-8")


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("locales/de/app.json", "locales/en/app.json"),
        ("l10n/de-DE/main.ftl", "l10n/en-US/main.ftl"),
        ("l10n/de_DE/main.ftl", "l10n/en_US/main.ftl"),
        ("i18n/ja.json", "i18n/en.json"),
        ("messages.de-DE.json", "messages.en-US.json"),
        ("messages.fr.json", "messages.en.json"),
        ("strings_de.json", "strings_en.json"),
        ("_locales/ja/messages.json", "_locales/en/messages.json"),
        ("l10n/de-DE/main.ftl", "l10n/en/main.ftl"),
    ],
)
def test_source_sibling_by_path_convention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, source: str
) -> None:
    monkeypatch.chdir(tmp_path)
    files(tmp_path, target, source)
    found = source_path_for(target, L10nOptions(root=tmp_path))
    assert found is not None and found.as_posix() == source


def test_no_sibling_near_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files(tmp_path, "locales/de/app.json", "locales/en/other.json")
    assert source_path_for("locales/de/app.json", L10nOptions(root=tmp_path)) is None


def test_source_locale_and_source_paths_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files(tmp_path, "t/de/a.json", "t/fr/a.json", "base/strings.json")
    config = Config(
        root=tmp_path,
        options={
            "l10n": {"source_locale": "fr", "source_paths": {"t/ja/*.json": "base/strings.json"}}
        },
    )
    opts = l10n_options(config)
    assert source_path_for("t/de/a.json", opts) == Path("t/fr/a.json")
    files(tmp_path, "t/ja/a.json")
    assert source_path_for("t/ja/a.json", opts) == tmp_path / "base/strings.json"


def context(market: str, config: Config | None = None) -> CheckContext:
    profile = Profile(tag=market, name=market, data={"market": market})
    return CheckContext(market=market, profile=profile, config=config or Config(), year=2026)


def write(root: Path, path: str, text: str) -> None:
    (root / path).parent.mkdir(parents=True, exist_ok=True)
    (root / path).write_text(text, encoding="utf-8")


def test_units_pair_by_key_with_plurals_and_missing_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        "en/app.json",
        '{"items_one": "{{count}} item", "items_other": "{{count}} items",'
        ' "nav": {"home": "Home", "help": "Help"}, "promo": {"a": "A", "b": "B"}}',
    )
    target = '{"items_other": "{{count}} 個", "nav": {"home": "ホーム"}}'
    write(tmp_path, "ja/app.json", target)
    doc = read_document("ja/app.json", target, "json")
    result = pairing(doc, context("ja-JP"))
    assert result is not None and result.source_path == "en/app.json"
    assert [(p.segment.key, p.source) for p in result.pairs] == [
        ("items_other", "{{count}} items"),
        ("nav.home", "Home"),
    ]
    assert [(m.key, doc.text[m.start : m.end]) for m in result.missing] == [
        ("nav.help", "}"),
        ("promo", "}"),
    ]
    assert result.missing[1].start == len(target) - 1


def test_fluent_variants_pair_with_the_same_or_the_default_variant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "en-US/a.ftl", "t = { $n ->\n [one] One tab\n *[other] { $n } tabs\n}\n")
    target = "t = { $n ->\n [one] Ein Tab\n [few] { $n } Tabs\n *[other] { $n } Tabs\n}\n"
    write(tmp_path, "de-DE/a.ftl", target)
    doc = read_document("de-DE/a.ftl", target, "fluent")
    result = pairing(doc, context("de-DE"))
    assert result is not None
    assert [(p.segment.attrs["variant"], p.source) for p in result.pairs] == [
        ("one", "One tab"),
        ("few", "{ $n } tabs"),
        ("other", "{ $n } tabs"),
    ]


def test_a_file_in_the_source_language_is_a_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "en-US/a.ftl", "t = Hi\n")
    doc = read_document("en-US/a.ftl", "t = Hi\n", "fluent")
    result = pairing(doc, context("en-US"))
    assert result is not None and result.is_source and result.pairs == []


def test_other_formats_are_not_paired() -> None:
    doc = read_document("de/a.md", "Hallo", "markdown")
    assert pairing(doc, context("de-DE")) is None
