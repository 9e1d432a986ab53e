"""CL502 pressure-urgency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.pressure import CHECK, heuristic_scores, legal_entry
from culturelint.cli import app
from culturelint.finding import Severity


def hits(market: str, text: str) -> list[str]:
    doc = paragraphs_doc(text)
    return flagged(doc, run_check(CHECK, doc, real_profile(market)))


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "残りわずか！今だけ半額です。", ["残りわずか", "今だけ"]),
        ("ja-JP", "残り３点のみ。お急ぎください。", ["残り３点", "お急ぎください"]),
        ("zh-CN", "限时特价，仅剩3件，先到先得！", ["限时", "仅剩3件", "先到先得"]),
        ("zh-TW", "限時優惠，倒計時開始", ["限時", "倒計時"]),
        (
            "de-DE",
            "Nur noch 2 Stück auf Lager – jetzt zugreifen!",
            ["Nur noch 2 Stück", "jetzt zugreifen"],
        ),
        (
            "fr-FR",
            "Dernière chance : plus que 3 articles en stock !",
            ["Dernière chance", "plus que 3 articles"],
        ),
        ("es-ES", "¡Date prisa! Solo quedan 2 unidades.", ["Date prisa", "Solo quedan 2"]),
        ("ko-KR", "마감 임박! 서두르세요.", ["마감 임박", "서두르세요"]),
    ],
)
def test_urgency_in_high_uai_or_lto_markets(market: str, text: str, expected: list[str]) -> None:
    assert hits(market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "数量限定の商品です。在庫状況は商品ページでご確認ください。"),
        ("ja-JP", "期間限定のフレーバーが登場しました。"),  # everyday retail vocabulary
        ("de-DE", "Jetzt nur noch 19,99 € – solange der Vorrat reicht."),  # a price, a qualifier
        ("de-DE", "Die Aktion endet am 31. Mai."),  # a plain end date
        ("fr-FR", "Offre valable jusqu'à épuisement des stocks."),
        ("zh-CN", "全国包邮，支持7天无理由退货。"),
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text) == []


@pytest.mark.parametrize("market", ["en-US", "en-GB", "sv-SE", "nl-NL", "id-ID"])
def test_low_uai_and_lto_markets_are_not_checked(market: str) -> None:
    profile = real_profile(market)
    assert not heuristic_scores(profile) and legal_entry(profile) is None
    assert not CHECK.applies_to(profile)


def test_heuristic_findings_are_info_and_say_so() -> None:
    doc = paragraphs_doc("残りわずか！")
    (hit,) = run_check(CHECK, doc, real_profile("ja-JP"))
    assert hit.severity == Severity.INFO
    assert "uncertainty avoidance 92" in hit.message and "heuristic" in hit.message
    assert hit.evidence is not None and hit.evidence.key == "hofstede.uai+lto"


def test_india_false_urgency_is_a_legal_warning() -> None:
    doc = paragraphs_doc("Hurry, only 2 left! 20 people are viewing this. Offer ends in 3 hours.")
    found = run_check(CHECK, doc, real_profile("hi-IN"))
    assert flagged(doc, found) == ["Hurry", "only 2 left", "20 people are viewing", "Offer ends in"]
    assert {h.severity for h in found} == {Severity.WARNING}
    assert "Dark Patterns" in found[0].message
    assert found[0].evidence is not None and found[0].evidence.key == "claims.false-urgency"


def test_legal_entry_terms_are_used() -> None:
    entry = {
        "id": "false-urgency",
        "kind": "other",
        "law": "Test Act s. 1",
        "message": "False urgency is banned.",
        "terms": {"en": ["grab it before grandma does"]},
        "source": "Test source",
        "confidence": "high",
    }
    profile = make_profile("en-US", claims={"entries": [entry]})
    doc = paragraphs_doc("Grab it before grandma does!")
    assert flagged(doc, run_check(CHECK, doc, profile)) == ["Grab it before grandma does"]


def test_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ad.md").write_text(
        "---\nmarket: ja-JP\n---\n\n新作登場。残りわずかです。\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL502", "ad.md"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 6, 11)
    assert finding["severity"] == "info"


def _fluent_messages(path: Path) -> list[str]:
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["de-DE", "fr-FR", "es-ES", "ja-JP", "zh-CN", "pt-BR"])
def test_professional_localization_is_not_flagged(market: str) -> None:
    files = sorted((REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    messages = [m for path in files for m in _fluent_messages(path)]
    doc = paragraphs_doc("\n\n".join(messages))
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == []
