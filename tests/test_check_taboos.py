"""CL204 taboo-reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checkutil import flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.taboos import CHECK
from culturelint.cli import app
from culturelint.finding import Severity


def entry(entry_id: str, terms: dict[str, list[str]], **extra: Any) -> dict[str, Any]:
    return {
        "id": entry_id,
        "kind": "gift",
        "terms": terms,
        "meaning": "Test meaning. Second sentence.",
        "source": "test source",
        "confidence": "medium",
        **extra,
    }


CLOCK_GIFT = entry(
    "clock-gift",
    {"en": ["clock"], "de": ["Uhr"]},
    context={"en": ["gift", "present"], "de": ["Geschenk"]},
)
ALCOHOL = entry(
    "alcohol",
    {"en": ["beer", "wine"]},
    kind="drink",
    unless={"en": ["alcohol-free", "non-alcoholic"]},
)
PORK = entry("pork", {"en": ["pork"]}, kind="food", unless={"en": ["contains no pork"]})


def hand_profile(tag: str, *entries: dict[str, Any], languages: list[str] | None = None):  # type: ignore[no-untyped-def]
    data: dict[str, Any] = {"taboos": {"entries": list(entries)}}
    if languages:
        data["languages"] = languages
    return make_profile(tag, **data)


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("zh-CN", "精美挂钟礼盒，春节送礼首选。", ["挂钟"]),
        ("zh-TW", "精緻掛鐘禮盒，春節送禮首選。", ["掛鐘"]),
        ("zh-CN", "雨伞是很实用的礼物。", ["伞"]),
        ("ja-JP", "白い菊の花束をギフトにどうぞ。", ["白い菊"]),
        ("de-DE", "Grillen: Jedem das Seine!", ["Jedem das Seine"]),
        ("de-DE", "Das Tor mit der Aufschrift Arbeit macht frei.", ["Arbeit macht frei"]),
        ("de-DE", "Unser Motto: Ebit macht frei.", ["macht frei"]),
        ("ar-SA", "بيرة باردة مع كل طلب", ["بيرة"]),
        ("ar-SA", "استمتع بالنبيذ الفاخر والبيرة", ["بالنبيذ", "والبيرة"]),  # with particles
        ("ar-SA", "أفضل لحم الخنزير في المدينة", ["لحم الخنزير"]),
        ("nl-NL", "Nieuw: Zwarte Pieten kostuum", ["Zwarte Pieten"]),
        ("es-ES", "¡Ofertas de miedo este viernes 13!", ["viernes 13"]),
    ],
)
def test_profile_taboos_are_flagged(market: str, text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        # A clock without gift context is a product, not a taboo.
        ("zh-CN", "新款挂钟上市。"),
        # 钟点 ("hour") and 分钟 ("minute") are not clocks.
        ("zh-CN", "钟点工服务，三十分钟送达礼品。"),
        # 凤梨 (pineapple) holds 梨 (pear); pineapple cakes are a classic gift.
        ("zh-CN", "凤梨酥礼盒，送礼佳品。"),
        # White chrysanthemums outside a gift context.
        ("ja-JP", "白い菊の写真展を開催します。"),
        # An alcohol-free product is fine in Gulf copy.
        ("ar-SA", "بيرة خالية من الكحول"),
        ("ar-SA", "بيرة بدون كحول منعشة"),
        ("ar-SA", "تخفيضات كبيرة على كل شيء"),  # كبيرة ("big") holds بيرة
        ("ar-SA", "منتج لا يحتوي على لحم الخنزير"),
        # "hot dog" says nothing about pork.
        ("ar-SA", "هوت دوغ لذيذ"),
        # The camp-gate slogan is matched as written: its words inflected are ordinary
        # German ("frees up capacity", "we take the day off").
        ("de-DE", "Die neue Software macht freie Kapazitäten sichtbar."),
        ("de-DE", "Wir machen frei: Am 24. Dezember bleibt das Büro geschlossen."),
        # A real date that falls on a Friday the 13th.
        ("es-ES", "La tienda abre el viernes 13 de marzo de 2026."),
        ("es-MX", "Nos vemos el viernes 13 de noviembre."),
    ],
)
def test_near_misses_are_not_flagged(market: str, text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile(market)) == []


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("en-US", "Clocks make a great gift.", ["Clocks"]),
        ("en-US", "Turn the dial clockwise. A perfect gift.", []),
        ("en-US", "Open at nine o'clock: gift wrapping included.", []),
        ("en-US", "Our wall clock collection.", []),
        ("de-DE", "Uhren als Geschenk für Ihre Geschäftspartner.", ["Uhren"]),
        ("de-DE", "Die Uhrzeit steht auf dem Geschenk.", []),
    ],
)
def test_lemmas_and_context(market: str, text: str, expected: list[str]) -> None:
    language = market.split("-")[0]
    profile = hand_profile(market, CLOCK_GIFT, languages=[language])
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, profile)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Free beer with every pizza.", ["beer"]),
        ("Try our alcohol-free beer.", []),
        ("Non-alcoholic beer and wine for the party.", []),
        ("Alcohol-free beer. Also: fine wine.", ["wine"]),
        ("Pork-free sausages.", []),
        ("Contains no pork.", []),
        ("Slow-roasted pork belly.", ["pork"]),
        ("Hot dogs for everyone.", []),
    ],
)
def test_negations_cancel_terms(text: str, expected: list[str]) -> None:
    profile = hand_profile("en-AE", ALCOHOL, PORK, languages=["en"])
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, profile)) == expected


def test_hit_carries_meaning_evidence_and_severity() -> None:
    doc = paragraphs_doc("精美挂钟礼盒")
    (hit,) = run_check(CHECK, doc, real_profile("zh-CN"))
    assert hit.evidence is not None and hit.evidence.key == "taboos.clock-gift"
    assert hit.evidence.source and "theguardian.com" in hit.evidence.source
    assert hit.severity is Severity.WARNING
    assert "送钟" in hit.message
    low = hand_profile("en-US", {**CLOCK_GIFT, "confidence": "low"}, languages=["en"])
    (info,) = run_check(CHECK, paragraphs_doc("A clock as a gift"), low)
    assert info.severity is Severity.INFO


def test_cli_reports_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ad.md").write_text(
        "---\nmarket: zh-CN\n---\n\n新年礼物推荐：精美挂钟。\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL204", "ad.md"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 10, 12)
    assert finding["evidence"]["key"] == "taboos.clock-gift"
