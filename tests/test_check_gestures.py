"""CL203 offensive-gesture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checkutil import flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.gestures import CHECK, base_emoji, find_emoji
from culturelint.cli import app
from culturelint.finding import Severity


def thumbs_up(**extra: Any) -> dict[str, Any]:
    return {
        "id": "thumbs-up",
        "name": "Thumbs-up",
        "meaning": "Rude here. Test entry.",
        "emoji": ["👍"],
        "words": {"en": ["thumbs up"], "de": ["Daumen hoch"]},
        "source": "test source",
        "confidence": "medium",
        **extra,
    }


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("tr-TR", "Yeni koleksiyon geldi 👌", ["👌"]),
        ("tr-TR", "Yeni koleksiyon geldi 👌🏽!", ["👌🏽"]),
        ("pt-BR", "Tudo certo 👌 com seu pedido", ["👌"]),
        ("pt-BR", "Foto: modelo fazendo o sinal de OK", ["sinal de OK"]),
        ("en-US", "Our team says 👌", ["👌"]),
        ("zh-CN", "新品上市 🙂", ["🙂"]),
        ("zh-CN", "谢谢[微笑]", ["[微笑]"]),
        ("en-GB", "Photo brief: a fan giving the V-sign to the camera", ["V-sign"]),
        ("fr-FR", "Visuel : une main faisant le signe OK", ["signe OK"]),
        ("it-IT", "Il modello fa le corna dietro la testa", ["fa le corna"]),
    ],
)
def test_profile_gestures_are_flagged(market: str, text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        # The ✌️ emoji shows the palm outward: harmless in Britain, unlike the gesture.
        ("en-GB", "Summer is here ✌️"),
        # ar-SA lists the thumbs-up gesture only by its description, not the emoji.
        ("ar-SA", "شكراً لكم 👍"),
        # The French entry concerns the gesture, not the emoji.
        ("fr-FR", "Tout est prêt 👌"),
        # No gesture at all.
        ("tr-TR", "Yeni koleksiyon geldi ✨"),
        # 🙂‍↔️ (head shaking) is a ZWJ sequence, a different emoji from 🙂.
        ("zh-CN", "不要这样 🙂\u200d↔️"),
    ],
)
def test_near_misses_are_not_flagged(market: str, text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile(market)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great job 👍🏽", ["👍🏽"]),
        ("Great job 👍\ufe0f", ["👍\ufe0f"]),
        ("Great job 👍🏿👍", ["👍🏿", "👍"]),
        ("Give it a thumbs up", ["thumbs up"]),
        ("Nothing to see here 👋", []),
    ],
)
def test_skin_tones_and_variation_selectors_are_normalised(text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    hits = run_check(CHECK, doc, make_profile("en-US", gestures={"entries": [thumbs_up()]}))
    assert flagged(doc, hits) == expected


def test_words_are_matched_on_lemmas_in_the_market_language() -> None:
    profile = make_profile("de-DE", languages=["de"], gestures={"entries": [thumbs_up()]})
    doc = paragraphs_doc("Alle zeigen Daumen hoch. Give it a thumbs up.")
    assert flagged(doc, run_check(CHECK, doc, profile)) == ["Daumen hoch"]


def test_base_emoji_and_find_emoji() -> None:
    assert base_emoji("👍🏽") == "👍"
    assert base_emoji("✌️") == "✌"
    assert list(find_emoji("a ✌🏻 b", "✌️")) == [(2, 4)]


@pytest.mark.parametrize(
    ("market", "entry", "severity"),
    [
        ("en-US", thumbs_up(), Severity.WARNING),
        ("en-US", thumbs_up(confidence="low"), Severity.INFO),
        ("en-US", thumbs_up(severity="info"), Severity.INFO),
    ],
)
def test_severity_follows_the_entry(market: str, entry: dict[str, Any], severity: Severity) -> None:
    doc = paragraphs_doc("👍")
    (hit,) = run_check(CHECK, doc, make_profile(market, gestures={"entries": [entry]}))
    assert hit.severity is severity
    assert hit.evidence is not None and hit.evidence.key == "gestures.thumbs-up"
    assert hit.evidence.source == "test source"
    assert "Rude here" in hit.message


def test_real_profile_severity_and_evidence() -> None:
    doc = paragraphs_doc("新品上市 🙂")
    (hit,) = run_check(CHECK, doc, real_profile("zh-CN"))
    assert hit.severity is Severity.INFO
    assert hit.evidence is not None and hit.evidence.key == "gestures.slightly-smiling-face"


def test_cli_reports_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(
        "---\nmarket: tr-TR\n---\n\nYeni koleksiyon geldi 👌🏽\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL203", "post.md"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 23, 25)
    assert finding["rule"] == "CL203" and finding["severity"] == "info"
