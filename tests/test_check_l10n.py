"""CL102 and CL801-CL807: translations compared with their sources, through the engine
(so positions are the lines and columns a user sees)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from culturelint.cli import app
from culturelint.config import Config
from culturelint.engine import Linter, build_registry
from culturelint.registry import Registry
from shared import SHARED

REALCOPY = SHARED / "data" / "realcopy"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "l10n"

Found = tuple[int, int, str, str]  # line, column, flagged text, severity
Lint = Callable[..., list[Found]]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return build_registry(Config())[0]


@pytest.fixture
def lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: Registry) -> Lint:
    """Write `files` under a temporary folder and lint `target` with one rule."""
    monkeypatch.chdir(tmp_path)

    def run(
        files: dict[str, str], target: str, code: str, options: dict[str, Any] | None = None
    ) -> list[Found]:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(text, encoding="utf-8")
        config = Config(root=tmp_path, options=options or {})
        result = Linter(config, registry, select=[code]).lint_path(tmp_path / target, target)
        assert result.errors == []
        return [(f.line, f.column, f.snippet, f.severity.value) for f in result.findings]

    return run


def po(language: str, *entries: tuple[str, str]) -> str:
    body = "".join(f'msgid "{source}"\nmsgstr "{target}"\n\n' for source, target in entries)
    return f'msgid ""\nmsgstr "Language: {language}\\n"\n\n' + body


def one_po(language: str, source: str, target: str) -> dict[str, str]:
    return {"shop.po": po(language, (source, target))}


# Line of the first entry's msgstr in `po(...)`, and its first column inside the quotes.
MSGSTR = 5
COL = 9

# -- CL801 placeholder-mismatch -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "target", "expected"),
    [
        (
            "de_DE",
            "Hello {name}, welcome",
            "Hallo {nmae}, willkommen",
            [
                (MSGSTR, COL, "Hallo {nmae}, willkommen", "error"),
                (MSGSTR, COL + 6, "{nmae}", "error"),
            ],
        ),
        ("ja_JP", "%s items in %s", "%s 個の商品", [(MSGSTR, COL, "%s 個の商品", "error")]),
        ("de_DE", "Hello {name}", "Hallo {name}", []),
        ("ja_JP", "%s bought %s", "%2$s を %1$s が購入", []),  # near miss: reordered
        ("fr_FR", "Save 50% now", "Économisez 50 % maintenant", []),  # near miss: percent
    ],
)
def test_placeholders_in_po(
    lint, language: str, source: str, target: str, expected: list[Found]
) -> None:
    assert lint(one_po(language, source, target), "shop.po", "CL801") == expected


def test_po_plural_form_may_drop_what_only_one_source_form_has(lint: Lint) -> None:
    text = (
        'msgid ""\nmsgstr "Language: de_DE\\n"\n\n'
        'msgid "One file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "Eine Datei"\nmsgstr[1] "%d Dateien"\n\n'
        'msgid "%s: one file"\nmsgid_plural "%s: %d files"\nmsgstr[0] "Eine Datei"\n'
        'msgstr[1] "%s: %d Dateien"\n'
    )
    assert lint({"a.po": text}, "a.po", "CL801") == [(11, 12, "Eine Datei", "error")]


RUSSIAN_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


@pytest.mark.parametrize(
    ("language", "plural_forms", "forms", "expected"),
    [
        # A form serving many numbers must show the count, as msgfmt --check wants.
        ("de_DE", "nplurals=2; plural=(n != 1);", ["Eine Datei", "Dateien"], [(7, 12)]),
        ("de_DE", "", ["Eine Datei", "Dateien"], [(7, 12)]),  # no formula: n != 1
        # Russian msgstr[0] serves 1, 21, 31 ...: it needs its %d too.
        ("ru_RU", RUSSIAN_PLURALS, ["Один файл", "%d файла", "%d файлов"], [(6, 12)]),
        ("ru_RU", RUSSIAN_PLURALS, ["%d файл", "%d файла", "%d файлов"], []),
        # Japanese has one form, for every number.
        ("ja_JP", "nplurals=1; plural=0;", ["ファイル"], [(6, 12)]),
        ("ja_JP", "nplurals=1; plural=0;", ["%d 個のファイル"], []),
        # Near miss: French uses msgstr[0] for 0 and 1, so it needs the count.
        ("fr_FR", "nplurals=2; plural=(n > 1);", ["Un fichier", "%d fichiers"], [(6, 12)]),
        ("de_DE", "nplurals=2; plural=(n != 1);", ["Eine Datei", "%d Dateien"], []),
    ],
)
def test_po_plural_form_for_many_numbers_keeps_the_count(
    lint: Lint, language: str, plural_forms: str, forms: list[str], expected: list[tuple[int, int]]
) -> None:
    header = f"Language: {language}\\n" + (
        f"Plural-Forms: {plural_forms}\\n" if plural_forms else ""
    )
    msgstrs = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
    text = f'msgid ""\nmsgstr "{header}"\n\nmsgid "One file"\nmsgid_plural "%d files"\n{msgstrs}'
    found = lint({"a.po": text}, "a.po", "CL801")
    assert [(line, column) for line, column, _snippet, _sev in found] == expected


def test_printf_messages_show_the_source_spelling(tmp_path: Path, registry: Registry) -> None:
    text = po("de_DE", ("%d file", "Datei"), ("%s sent %d", "%d gesendet von %s"))
    (tmp_path / "a.po").write_text(text, encoding="utf-8")
    config = Config(root=tmp_path)
    result = Linter(config, registry, select=["CL801"]).lint_path(tmp_path / "a.po", "a.po")
    assert [f.message for f in result.findings] == [
        "Placeholder %d (conversion 1) of the source is missing from the translation",
        "Placeholder %d is conversion 1 here, but the source's is %s: printf conversions "
        "must keep their order and type",
        "Placeholder %s is conversion 2 here, but the source's is %d: printf conversions "
        "must keep their order and type",
    ]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ('{"n": "{count, plural, other {# 個の商品}}"}', []),  # ja needs only "other"
        ('{"n": "{count, plural, other {商品}}"}', []),  # "#" is not a placeholder
        (  # {count} missing, {cuont} not in the source: both span the plural
            '{"n": "{cuont, plural, other {# 個}}"}',
            [(1, 8, "{cuont, plural, other {# 個}}", "error")] * 2,
        ),
    ],
)
def test_icu_plural_compares_argument_names_not_branches(
    lint, target: str, expected: list[Found]
) -> None:
    files = {
        "en/app.json": '{"n": "{count, plural, one {# item} other {# items}}"}',
        "ja/app.json": target,
    }
    assert lint(files, "ja/app.json", "CL801") == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("t = { $n ->\n [one] Ein Tab\n *[other] { $n } Tabs\n}\n", []),
        ("t = { $n ->\n [one] Ein Tab\n *[other] { $m } Tabs\n}\n", [(3, 11, "{ $m }", "error")]),
        ("t = Ein Tab\n", [(1, 5, "Ein Tab", "error")]),
        ("b = Mit Firefox\n", [(1, 5, "Mit Firefox", "warning")]),  # term: warning
        ("b = { -brand } mit { -brand }\n", []),  # terms count by presence
    ],
)
def test_fluent_variables_and_terms(lint: Lint, target: str, expected: list[Found]) -> None:
    files = {
        "en-US/a.ftl": (
            "t = { $n ->\n [one] One tab\n *[other] { $n } tabs\n}\nb = With { -brand }\n"
        ),
        "de-DE/a.ftl": target,
    }
    assert lint(files, "de-DE/a.ftl", "CL801") == expected


# -- CL802 markup-mismatch -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "target", "expected"),
    [
        (
            "de_DE",
            "Read our <a>terms</a>",
            "Lesen Sie unsere <a>AGB",
            [(MSGSTR, COL, "Lesen Sie unsere <a>AGB", "error")],
        ),
        (
            "ja_JP",
            "Read our <a>terms</a>",
            "<a>利用規約</a><div>をお読みください",
            [(MSGSTR, COL + 11, "<div>", "error")],
        ),
        (
            "ja_JP",
            "<b>Bold</b> and <i>it</i>",
            "<b>太字<i>と</b>斜体</i>",
            [(MSGSTR, COL + 5, "<i>", "error"), (MSGSTR, COL + 15, "</i>", "error")],
        ),
        ("de_DE", "Read our <a>terms</a>", "Lesen Sie unsere <a>AGB</a>", []),
        (
            "fr_FR",
            "The <b>Fingerprinting</b> guide",
            "Le guide <i>Fingerprinting</i>&nbsp;<b>x</b>",
            [],
        ),
    ],
    ids=["missing-close", "added-div", "bad-nesting", "same", "added-emphasis-near-miss"],
)
def test_markup(lint: Lint, language: str, source: str, target: str, expected: list[Found]) -> None:
    found = lint(one_po(language, source, target), "shop.po", "CL802")
    assert sorted(found) == sorted(expected)


def test_xliff_inline_codes(lint: Lint) -> None:
    xlf = (
        '<xliff version="1.2"><file source-language="en" target-language="ja-JP"><body>\n'
        '<trans-unit id="a"><source>Pay <x id="1"/> now</source>\n'
        "<target>今すぐ支払う</target></trans-unit>\n"
        '<trans-unit id="b"><source>Pay <x id="1"/> now</source>\n'
        '<target>今すぐ<x id="1"/>支払う</target></trans-unit>\n'
        "</body></file></xliff>"
    )
    assert lint({"a.xlf": xlf}, "a.xlf", "CL802") == [(3, 9, "今すぐ支払う", "error")]


def test_many_inline_codes_are_counted_not_spelled_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, registry: Registry
) -> None:
    """A target with 3,000 extra codes gave a 39,000-character message."""
    monkeypatch.chdir(tmp_path)
    nested = '<g id="1">' * 3000 + "x" + "</g>" * 3000 + '<x id="2"/><x id="3"/>' * 4
    nested += "".join(f'<x id="{n}"/>' for n in range(4, 8))
    (tmp_path / "d.xlf").write_text(
        '<xliff version="1.2"><file source-language="en" target-language="de"><body>'
        f'<trans-unit id="1"><source>a <x id="9"/></source><target>{nested}</target>'
        "</trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    result = Linter(Config(root=tmp_path), registry, select=["CL802"]).lint_path(
        tmp_path / "d.xlf", "d.xlf"
    )
    [finding] = result.findings
    assert finding.message == (
        "Inline codes differ from the source (missing <x#9>; not in the source: "
        "</g> (3000 times), <g#1> (3000 times), <x#2> (4 times), <x#3> (4 times), <x#4> "
        "and 3 more)"
    )


# -- CL803 number-mismatch -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "target", "expected"),
    [
        (
            "de_DE",
            "Free returns within 30 days",
            "Kostenlose Rücksendung in 14 Tagen",
            [(MSGSTR, COL, "Kostenlose Rücksendung in 14 Tagen", "warning")],
        ),
        ("ja_JP", "Save 20% today", "今日はお得", [(MSGSTR, COL, "今日はお得", "warning")]),
        ("de_DE", "Only 1,000.50 €", "Nur 1.000,50 €", []),
        ("ja_JP", "Join 10,000 users", "1万人のユーザーに参加", []),
        ("de_DE", "3 ways to save", "Drei Wege zu sparen", []),  # near miss: spelled out
        ("ja_JP", "3 ways to save", "三つの節約方法", []),
        ("de_DE", "Open at 2 pm", "Geöffnet ab 14 Uhr", []),
        # Times with minutes, and midnight, on the 24-hour clock.
        ("de_DE", "Ends at 5:30 pm", "Endet um 17:30 Uhr", []),
        ("de_DE", "Ends at 5:30 p.m.", "Endet um 17.30 Uhr", []),
        ("fr_FR", "Ends at 5:30 pm", "Se termine à 17 h 30", []),
        ("ja_JP", "Ends at 5:30 pm", "17時30分に終了", []),
        ("de_DE", "Opens at 12 am", "Öffnet um 0 Uhr", []),
        ("ja_JP", "Opens at 12 am", "午前0時に開店", []),
        # Near misses: a wrong hour, and a price that looks like a time.
        (
            "de_DE",
            "Ends at 5:30 pm",
            "Endet um 18:30 Uhr",
            [(MSGSTR, COL, "Endet um 18:30 Uhr", "warning")],
        ),
        ("de_DE", "Only 17.30 today", "Nur heute 17,30", []),
        # Scale words and myriads.
        ("ja_JP", "1.5 million users", "150万人のユーザー", []),
        ("ja_JP", "2.5 billion", "25億", []),
        ("ja_JP", "Over 25,000 stores", "2万5,000店舗以上", []),
        ("zh_CN", "$1.2M raised", "筹集了120万美元", []),
        ("ja_JP", "120 million", "1億2000万", []),
        ("de_DE", "1.5 million users", "1,5 Millionen Nutzer", []),
        (
            "ja_JP",
            "1.5 million users",
            "15万人のユーザー",
            [(MSGSTR, COL, "15万人のユーザー", "warning")],
        ),
    ],
)
def test_numbers(
    lint: Lint, language: str, source: str, target: str, expected: list[Found]
) -> None:
    assert lint(one_po(language, source, target), "shop.po", "CL803") == expected


# -- CL804 missing-translation ---------------------------------------------------------------


def test_empty_msgstr_and_fuzzy_near_miss(lint: Lint) -> None:
    text = (
        po("de_DE", ("Track your order", ""), ("Buy", "Kaufen"))
        + '#, fuzzy\nmsgid "Old"\nmsgstr ""\n'
    )
    assert lint({"a.po": text}, "a.po", "CL804") == [(5, 1, 'msgstr ""', "warning")]


def test_missing_json_key_points_at_its_object(lint: Lint) -> None:
    files = {
        "en/app.json": '{\n "nav": {\n  "home": "Home",\n  "help": "Help"\n }\n}',
        "ja/app.json": '{\n "nav": {\n  "home": "ホーム"\n }\n}',
        "de/app.json": '{\n "nav": {\n  "home": "Start",\n  "help": "Hilfe"\n }\n}',
    }
    assert lint(files, "ja/app.json", "CL804") == [(4, 2, "}", "warning")]
    assert lint(files, "de/app.json", "CL804") == []


def test_missing_json_list_item_points_at_its_list(lint: Lint) -> None:
    files = {
        "en/app.json": '{\n "steps": [\n  "Choose",\n  "Pay"\n ]\n}',
        "de/app.json": '{\n "steps": [\n  "Wählen"\n ]\n}',
        "fr/app.json": '{\n "steps": [\n  "Choisir",\n  "Payer"\n ]\n}',
    }
    assert lint(files, "de/app.json", "CL804") == [(4, 2, "]", "warning")]
    assert lint(files, "fr/app.json", "CL804") == []


def test_missing_fluent_message_points_at_the_file_start(lint: Lint) -> None:
    files = {"en-US/a.ftl": "a = A\nb = B\n    .title = T\n", "ja-JP/a.ftl": "a = エー\n"}
    assert lint(files, "ja-JP/a.ftl", "CL804") == [(1, 1, "", "warning")]


def test_include_fuzzy_checks_fuzzy_entries(lint: Lint) -> None:
    text = po("de_DE") + '#, fuzzy\nmsgid "Hi {name}"\nmsgstr "Hallo"\n'
    assert lint({"a.po": text}, "a.po", "CL801") == []
    found = lint({"a.po": text}, "a.po", "CL801", {"l10n": {"include_fuzzy": True}})
    assert found == [(6, 9, "Hallo", "error")]


# -- CL805 length-limit ------------------------------------------------------------------------


def xliff_unit(lang: str, width: str, target: str) -> dict[str, str]:
    return {
        "a.xlf": (
            f'<xliff version="1.2"><file source-language="en" target-language="{lang}"><body>\n'
            f'<trans-unit id="cta" maxwidth="{width}" size-unit="char"><source>Buy now</source>\n'
            f"<target>{target}</target></trans-unit></body></file></xliff>"
        )
    }


@pytest.mark.parametrize(
    ("lang", "target", "expected"),
    [
        ("ja-JP", "今すぐ購入してください", [(3, 17, "ださい", "warning")]),
        ("de-DE", "Jetzt kaufen", [(3, 19, "en", "warning")]),
        ("de-DE", "Kaufen", []),
        ("ja-JP", "今すぐ購入します", []),  # near miss: exactly at the limit
    ],
)
def test_declared_character_limit(
    lint: Lint, lang: str, target: str, expected: list[Found]
) -> None:
    width = "10" if lang == "de-DE" else "8"
    assert lint(xliff_unit(lang, width, target), "a.xlf", "CL805") == expected


def test_configured_limit_counts_display_width(lint: Lint) -> None:
    files = {
        "en/app.json": '{"cta": {"buy": "Buy now"}}',
        "ja/app.json": '{"cta": {"buy": "今すぐ購入"}}',
    }
    options = {"CL805": {"limits": {"cta.*": 8}}}
    assert lint(files, "ja/app.json", "CL805", options) == [(1, 22, "入", "warning")]
    assert lint(files, "ja/app.json", "CL805", {"CL805": {"limits": {"cta.*": 10}}}) == []


def test_expansion_ratio_is_info(lint: Lint) -> None:
    long = "Jetzt kaufen und dabei sehr viel Geld sparen, solange der Vorrat reicht, nur heute"
    files = one_po("de_DE", "Buy now, save", long)
    assert lint(files, "shop.po", "CL805") == [(MSGSTR, COL, long, "info")]
    assert lint(files, "shop.po", "CL805", {"CL805": {"max_ratio": 0}}) == []


# -- CL806 url-mismatch ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "source", "target", "expected"),
    [
        (
            "de_DE",
            "Write to help@acme.example",
            "Schreiben Sie an hilfe@acme.example",
            [(MSGSTR, COL + 17, "hilfe@acme.example", "warning")],
        ),
        (
            "ja_JP",
            "See https://acme.example/en/faq",
            "詳細はこちら",
            [(MSGSTR, COL, "詳細はこちら", "warning")],
        ),
        ("de_DE", "See https://acme.example/en/faq.", "Siehe https://acme.example/de/faq.", []),
        (
            "ja_JP",
            "See https://en.acme.example/faq?lang=en-US",
            "https://ja.acme.example/faq?lang=ja-JP を参照",
            [],
        ),
        (
            "de_DE",
            "See https://acme.example/en/faq",
            "Siehe https://acme.example/fr/faq",
            [(MSGSTR, COL + 6, "https://acme.example/fr/faq", "warning")],
        ),
    ],
    ids=[
        "changed-address",
        "dropped-url",
        "locale-path",
        "locale-host-and-query",
        "other-locale-near-miss",
    ],
)
def test_urls(lint: Lint, language: str, source: str, target: str, expected: list[Found]) -> None:
    assert lint(one_po(language, source, target), "shop.po", "CL806") == expected


# -- CL807 glossary-term -----------------------------------------------------------------------

GLOSSARY = "account:\n  de: Konto\n  ja: アカウント\ndo_not_translate: [Acme Cloud]\n"


@pytest.mark.parametrize(
    ("language", "source", "target", "expected"),
    [
        (
            "de_DE",
            "Create your account",
            "Erstellen Sie Ihr Benutzerprofil",
            [(MSGSTR, COL, "Erstellen Sie Ihr Benutzerprofil", "warning")],
        ),
        (
            "ja_JP",
            "Create your account",
            "プロフィールを作成",
            [(MSGSTR, COL, "プロフィールを作成", "warning")],
        ),
        ("de_DE", "Delete accounts", "Löschen Sie Kontos", []),  # plural and inflection
        ("ja_JP", "Create your account", "アカウントを作成", []),
        (
            "de_DE",
            "Try Acme Cloud",
            "Testen Sie Acme Wolke",
            [(MSGSTR, COL, "Testen Sie Acme Wolke", "warning")],
        ),
        ("de_DE", "Accountability matters", "Verantwortung zählt", []),  # near miss: not the word
    ],
)
def test_glossary(
    lint: Lint, language: str, source: str, target: str, expected: list[Found]
) -> None:
    files = {**one_po(language, source, target), "glossary.yaml": GLOSSARY}
    assert lint(files, "shop.po", "CL807", {"l10n": {"glossary": "glossary.yaml"}}) == expected


# -- CL102 untranslated ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de_DE", "Start your free trial", [(MSGSTR, COL, "Start your free trial", "warning")]),
        ("ja_JP", "Start your free trial", [(MSGSTR, COL, "Start your free trial", "warning")]),
        ("de_DE", "Online", []),
        ("fr_FR", "Contact", []),
        ("ja_JP", "{count} GB", []),
        ("de_DE", "%s versus Apple Safari", []),  # near miss: names
        ("en_GB", "Start your free trial", []),  # same language
        # Words of the target language too, as its lemma tables tell.
        ("de_DE", "Hotel", []),
        ("de_DE", "Information", []),
        ("fr_FR", "Restaurant", []),
        # ... but not the English words around them.
        ("de_DE", "Design and Innovation", [(MSGSTR, COL, "Design and Innovation", "warning")]),
    ],
)
def test_untranslated(lint: Lint, language: str, text: str, expected: list[Found]) -> None:
    assert lint(one_po(language, text, text), "shop.po", "CL102") == expected


def test_keep_terms_and_names_kept_elsewhere_in_the_file(lint: Lint) -> None:
    files = {"shop.po": po("de_DE", ("Dashboard", "Dashboard"), ("Smart Tabs", "Smart Tabs"),
                           ("Try Smart Tabs", "Smart Tabs ausprobieren"))}  # fmt: skip
    assert lint(files, "shop.po", "CL102") == [(MSGSTR, COL, "Dashboard", "warning")]
    assert lint(files, "shop.po", "CL102", {"l10n": {"keep_terms": ["Dashboard"]}}) == []


# -- the CLI, the examples and real copy ---------------------------------------------------------


def test_examples_show_every_l10n_rule_through_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    paths = ["po", "xliff", "fluent", "json/de/app.json", "json/ja/app.json"]
    result = CliRunner().invoke(
        app,
        ["check", "--no-cache", "--format", "json", "--select", "CL102,CL8", "--config",
         "culturelint.yaml", *paths],
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["errors"] == []
    found = {(f["path"], f["line"], f["column"], f["rule"]) for f in report["findings"]}
    assert found >= {
        ("po/shop.de-DE.po", 13, 28, "CL801"),
        ("po/shop.de-DE.po", 16, 9, "CL802"),
        ("po/shop.de-DE.po", 19, 9, "CL803"),
        ("po/shop.de-DE.po", 24, 2, "CL806"),
        ("po/shop.de-DE.po", 27, 1, "CL804"),
        ("po/shop.de-DE.po", 30, 9, "CL102"),
        ("po/shop.de-DE.po", 33, 23, "CL805"),
        ("po/shop.de-DE.po", 33, 9, "CL807"),
        ("xliff/ja-JP/checkout.xlf", 7, 44, "CL805"),
        ("xliff/ja-JP/checkout.xlf", 16, 36, "CL802"),
        ("xliff/ja-JP/checkout.xlf", 20, 36, "CL801"),
        ("xliff/ja-JP/checkout.xlf", 24, 9, "CL804"),
        ("xliff/de-DE/newsletter.xlf", 8, 17, "CL803"),
        ("fluent/de-DE/landing.ftl", 11, 23, "CL801"),
        ("fluent/de-DE/landing.ftl", 14, 18, "CL802"),
        ("fluent/ja-JP/landing.ftl", 1, 1, "CL804"),
        ("json/de/app.json", 5, 3, "CL804"),
        ("json/de/app.json", 13, 31, "CL806"),
        ("json/ja/app.json", 8, 21, "CL801"),
    }
    sources = {"fluent/en-US/landing.ftl", "json/en/app.json"}
    assert not [f for f in report["findings"] if f["path"] in sources]
    assert result.exit_code == 1


# Findings on the real, professionally translated Fluent files that a reviewer agrees
# with: the German footer keeps the English heading "Company" (es-ES, fr-FR and ja-JP
# translate it), and pt-BR rewrote "Repeat steps 1-3" as "the previous steps", which
# drops the step numbers (a reviewer confirms and suppresses it).
REALCOPY_FINDINGS = {
    ("de-DE/footer.ftl", 21, "CL102"),
    ("pt-BR/firefox/features/picture-in-picture.ftl", 20, "CL803"),
}


def test_real_professional_translations_lint_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy: a run keeps derived data in .culturelint_cache/ of its folder, and the
    # shared data is only read.
    shutil.copytree(REALCOPY, tmp_path / "realcopy")
    monkeypatch.chdir(tmp_path / "realcopy")
    locales = ["de-DE", "fr-FR", "ja-JP", "zh-CN", "pt-BR", "es-ES", "en-US"]
    result = CliRunner().invoke(
        app,
        ["check", "--no-cache", "--format", "json", "--select", "CL102,CL801,CL802,CL803,CL806",
         *locales],
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["summary"]["files"] > 150
    found = {(f["path"], f["line"], f["rule"]) for f in report["findings"]}
    assert found == REALCOPY_FINDINGS


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Save 20%", 8),
        ("", 0),
        ("今すぐ購入", 10),  # wide: two columns each
        ("ＡＢ", 4),  # full-width Latin
        ("ｶﾀｶﾅ", 4),  # half-width katakana: one column each
        ("e\u0301te\u0301", 3),  # combining accents take none
        ("Größe 購入", 10),
    ],
)
def test_display_width(text: str, width: int) -> None:
    from culturelint.checks.translation import display_width

    assert display_width(text) == width


def test_a_missing_icu_argument_is_named_by_its_key(tmp_path: Path, registry: Registry) -> None:
    text = po("de_DE", ("{count, plural, one {# item} other {# items}}", "Artikel"))
    (tmp_path / "a.po").write_text(text, encoding="utf-8")
    result = Linter(Config(root=tmp_path), registry, select=["CL801"]).lint_path(
        tmp_path / "a.po", "a.po"
    )
    assert [f.message for f in result.findings] == [
        "Placeholder {count} of the source is missing from the translation"
    ]
