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
