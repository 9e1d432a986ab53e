"""The CL702-CL707 format checks together: registration, shared near misses, positions
through the command line, and professionally localized copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks import (
    BUILTIN_CHECKS,
    currency_placement,
    dates_format,
    numbers_format,
    phones,
    times,
    units,
)
from culturelint.cli import app
from culturelint.registry import Check

FORMAT_CHECKS = [
    dates_format.CHECK,
    numbers_format.CHECK,
    units.CHECK,
    times.CHECK,
    phones.CHECK,
    currency_placement.CHECK,
]
IDS = [c.code for c in FORMAT_CHECKS]


@pytest.mark.parametrize("check", FORMAT_CHECKS, ids=IDS)
def test_registered_with_complete_docs(check: Check) -> None:
    assert check in BUILTIN_CHECKS
    assert check.category == "format"
    doc = check.doc
    assert doc.what and doc.why and doc.example and doc.good_example and doc.fix and doc.sources


@pytest.mark.parametrize("check", FORMAT_CHECKS, ids=IDS)
def test_the_documented_examples_behave(check: Check) -> None:
    """The example in each rule's docs fires, and the good example does not."""
    for example, fires in ((check.doc.example, True), (check.doc.good_example, False)):
        header, text = example.split("\n", 1)
        market = header.removeprefix("# market: ")
        doc = paragraphs_doc(text)
        assert bool(run_check(check, doc, make_profile(market))) is fires, example


# Things in copy that look like numbers, dates, times, prices or units and are none.
NEAR_MISSES = {
    "de-DE": (
        "Update auf v2.0.1 oder Version 2.10.12, Server 192.168.0.1, Modell XR-12.03.2026, "
        "SKU-1,299.00, Art.-Nr. 4155552671, Galaxy S21 und iPhone 15 Pro, Endstand 3-1, "
        "geöffnet 10-12 Uhr, Service 24/7, Seite https://example.com/2026/12/31/3pm-5-miles "
        "und {price} sowie %1$s, Schritte 1-3, ©1998–2026"
    ),
    "en-US": (
        "Upgrade to v2.0.1 or version 2.10.12 on 10.0.0.12, model XR-12.03.2026, "
        "SKU-1,299.00, order 4155552671, Galaxy S21 and iPhone 15 Pro, score 3-1, "
        "open 24/7, 16:9 display, see https://example.com/2026/12/31/15:00-10km "
        "and {price} or %1$s, steps 1-3, ©1998–2026"
    ),
    "ja-JP": (
        "バージョン 2.0.1、サーバー 192.168.0.1、型番 XR-12.03.2026、SKU-1,299.00、"
        "注文番号 4155552671、Galaxy S21、https://example.com/2026/12/31/3pm-5-miles、"
        "{price}、手順 1~3、©1998–2026"
    ),
}


@pytest.mark.parametrize("check", FORMAT_CHECKS, ids=IDS)
@pytest.mark.parametrize("market", sorted(NEAR_MISSES))
def test_versions_models_links_codes_and_ranges_never_fire(check: Check, market: str) -> None:
    doc = paragraphs_doc(NEAR_MISSES[market])
    assert flagged(doc, run_check(check, doc, make_profile(market))) == []


def test_positions_through_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "launch.md").write_text(
        "---\nmarket: de-DE\n---\n\n"
        "# Angebot\n\n"
        "Gültig bis 12/31/2026, für 1,299.00 € statt €1.499.\n\n"
        "Nur 5 miles vom Zentrum, Start um 3pm.\n\n"
        "Fragen? (212) 555-0123\n\n"
        "```\ncode 12/31/2026 3pm 5 miles €10\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "launch-ja.md").write_text(
        "---\nmarket: ja-JP\n---\n\n特価 1,980￥、発売日 12/31/2026\n",
        encoding="utf-8",
    )
    codes = ",".join(IDS)
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", codes, "."]
    )
    assert result.exit_code == 1, result.output
    found = sorted(
        (Path(f["path"]).name, f["rule"], f["line"], f["column"], f["end_column"])
        for f in json.loads(result.stdout)["findings"]
    )
    assert found == [
        ("launch-ja.md", "CL702", 5, 15, 25),
        ("launch-ja.md", "CL707", 5, 4, 10),
        ("launch.md", "CL702", 7, 12, 22),
        ("launch.md", "CL703", 7, 28, 36),
        ("launch.md", "CL704", 9, 5, 12),
        ("launch.md", "CL705", 9, 35, 38),
        ("launch.md", "CL706", 11, 9, 23),
        ("launch.md", "CL707", 7, 45, 51),
    ]


def _fluent_messages(path: Path) -> list[str]:
    from fluent.syntax import FluentParser, ast

    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if not isinstance(entry, (ast.Message, ast.Term)):
            continue
        patterns = [entry.value] if entry.value is not None else []
        patterns += [attribute.value for attribute in entry.attributes]
        for pattern in patterns:
            parts = [e.value for e in pattern.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["de-DE", "fr-FR", "ja-JP", "zh-CN", "pt-BR", "es-ES", "en-US"])
def test_professional_localization_is_not_flagged(market: str) -> None:
    files = sorted((REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    messages = [m for f in files for m in _fluent_messages(f)]
    assert len(messages) > 100
    doc = paragraphs_doc("\n\n".join(messages))
    profile = make_profile(market)
    for check in FORMAT_CHECKS:
        assert flagged(doc, run_check(check, doc, profile)) == [], check.code


def test_the_label_search_starts_where_the_word_can() -> None:
    """`labelled_as_code` searches from `word_before_from`, not 24 characters back: the
    match, and so the answer, must be the same for any text and number position."""
    import random

    from culturelint.checks import formats

    pieces = [
        "Version", "Nr.", "Art.-Nr.", "No.", "no", "model", "Bestellung", "für", "à",
        " ", "  ", "\u00a0", ":", ".", "-", "’", "\n", "_", "12", "x" * 9, "v", "ISBN",
    ]  # fmt: skip
    rng = random.Random(24)
    labelled = 0
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 12))) + "5"
        for start in range(len(text) + 1):
            window = formats._WORD_BEFORE.search(text, max(0, start - 24), start)
            narrowed = formats._WORD_BEFORE.search(
                text, formats.word_before_from(text, start), start
            )
            assert (window and window.span()) == (narrowed and narrowed.span()), (text, start)
        labelled += formats.labelled_as_code(text, len(text) - 1)
    assert labelled > 500
