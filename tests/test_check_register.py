"""CL501 register-mismatch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from typer.testing import CliRunner

from checkutil import (
    MARKETS,
    REALCOPY,
    flagged,
    make_profile,
    paragraphs_doc,
    real_profile,
    run_check,
)
from culturelint.checks.register import CHECK, expected_register, find_forms
from culturelint.cli import app
from culturelint.finding import Severity
from culturelint.profiles.loader import ProfileStore


def hits(market: str, text: str, register: str | None = None, kind: str = "paragraph") -> list[str]:
    doc = paragraphs_doc(text, kind=kind)
    if register is not None:
        doc.meta["register"] = register
    return flagged(doc, run_check(CHECK, doc, real_profile(market)))


# -- a fixed register (front matter or profile) -------------------------------------------------


@pytest.mark.parametrize(
    ("market", "register", "text", "expected"),
    [
        ("de-DE", "formal", "Bestellen Sie jetzt und sichere dir 10 % Rabatt.", ["dir"]),
        ("de-DE", "formal", "Dein Warenkorb wartet. Sie finden ihn oben rechts.", ["Dein"]),
        ("de-DE", "informal", "Sichere dir den Rabatt und bestellen Sie heute.", ["Sie"]),
        (
            "de-DE",
            "informal",
            "Wir liefern morgen. Sie erhalten Ihre Bestellung per Post.",
            ["Sie", "Ihre"],
        ),
        (
            "fr-FR",
            "formal",
            "Découvrez notre offre : tu vas adorer ta nouvelle robe.",
            ["tu", "ta"],
        ),
        ("fr-FR", "informal", "Profite de l'offre et commandez votre robe.", ["votre"]),
        ("es-ES", "formal", "Usted recibirá el pedido; te enviamos tu factura.", ["te", "tu"]),
        ("es-ES", "informal", "Descubre la oferta: usted ahorra un 20 %.", ["usted"]),
    ],
)
def test_other_register_is_flagged(
    market: str, register: str, text: str, expected: list[str]
) -> None:
    assert hits(market, text, register) == expected


@pytest.mark.parametrize(
    ("market", "register", "text"),
    [
        ("de-DE", "formal", "Bestellen Sie jetzt und sichern Sie sich Ihren Rabatt."),
        ("de-DE", "informal", "Bestell jetzt und sichere dir deinen Rabatt."),
        ("fr-FR", "formal", "Commandez votre robe, nous vous l'envoyons demain."),
        ("es-ES", "informal", "Descubre tu oferta: te enviamos el pedido a ti."),
    ],
)
def test_consistent_copy_is_clean(market: str, register: str, text: str) -> None:
    assert hits(market, text, register) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lower-case sie/ihr/ihre mean she, they, her: never formal address.
        ("Die Kunden lieben es, weil sie ihre Zeit sparen.", []),
        # A capitalised form at the start of a sentence may mean "they" ...
        ("Unsere Kunden sparen viel. Sie lieben den Service.", []),
        # ... unless the same sentence confirms it with a formal form further in.
        ("Sie erhalten Ihre Bestellung morgen.", ["Sie", "Ihre"]),
        # An imperative's "Sie" never starts the sentence.
        ("Bestellen Sie heute.", ["Sie"]),
        # A heading word after a colon starts a new sentence too.
        ("Neu: Sie sparen 20 %.", []),
    ],
)
def test_german_sie_heuristic(text: str, expected: list[str]) -> None:
    assert hits("de-DE", text, "informal") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新しい体験が始まる。今すぐお試しください。", ["る"]),
        ("これは本物だ！ぜひご覧ください。", ["だ"]),
        ("ついに完成した。詳しくはこちら。", ["た"]),
        ("みんなで遊ぼう。お待ちしております。", ["う"]),
    ],
)
def test_japanese_plain_sentences_in_polite_copy(text: str, expected: list[str]) -> None:
    assert hits("ja-JP", text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("新しいスピーカーが登場しました。ぜひお試しください。", "paragraph"),
        ("新登場。今すぐチェック。", "paragraph"),  # noun endings (体言止め)
        ("美しい。軽い。", "paragraph"),  # adjectives are not judged
        ("お見逃しなく！詳しくはこちらをご覧ください。", "paragraph"),
        ("新しい体験が始まる", "paragraph"),  # no sentence punctuation: a label
        ("収集するデータには何がある？", "paragraph"),  # one question: an FAQ heading
        ("新しい体験が始まる。", "heading"),  # headings are not sentences
        ("新しい体験が始まる。", "list_item"),
    ],
)
def test_japanese_near_misses(text: str, kind: str) -> None:
    assert hits("ja-JP", text, kind=kind) == []


# -- brand choice: mixed registers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        (
            "de-DE",
            "Entdecken Sie unsere Angebote. Ihre Vorteile: Sie sparen. Du wirst es lieben.",
            ["Du"],
        ),
        ("de-DE", "Hol dir den Deal! Dein Rabatt wartet. Bestellen Sie jetzt.", ["Sie"]),
        ("fr-FR", "Vous allez adorer. Votre commande arrive. Tu vas adorer.", ["Tu"]),
        ("es-ES", "Te damos tu regalo, es para ti. Usted puede pagar.", ["Usted"]),
        ("ko-KR", "지금 시작하세요. 함께 해요. 너무 좋아!", ["좋아"]),
    ],
)
def test_mixed_registers_report_the_minority(market: str, text: str, expected: list[str]) -> None:
    assert hits(market, text) == expected


def test_mixed_message_names_both_counts() -> None:
    doc = paragraphs_doc(
        "Entdecken Sie unsere Angebote und sichern Sie sich Ihre Vorteile. Du wirst es lieben."
    )
    (hit,) = run_check(CHECK, doc, real_profile("de-DE"))
    assert "3 formal (Sie, Ihre) and 1 informal (Du)" in hit.message
    assert hit.severity == Severity.WARNING
    assert hit.evidence is not None and hit.evidence.key == "formality.register"


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Du wirst es lieben. Hol dir den Deal."),
        ("fr-FR", "Vous allez adorer. Votre commande arrive."),
        # Korean nouns that end like 반말 (언어 "language", 이미지 "image") are not endings.
        ("ko-KR", "새로운 기능을 만나보세요. 지원 언어. 고화질 이미지."),
        ("ko-KR", "설치가 필요. 지금 바로 확인하세요."),
    ],
)
def test_one_register_is_not_mixed(market: str, text: str) -> None:
    assert hits(market, text) == []


# -- where the expected register comes from ------------------------------------------------------


def test_front_matter_wins_over_profile() -> None:
    doc = paragraphs_doc("Hol dir den Deal.")
    doc.meta["register"] = "formal"
    assert expected_register(doc, real_profile("de-DE")) == ("formal", True)
    assert expected_register(paragraphs_doc("x"), real_profile("de-DE")) == ("brand-choice", False)


def test_config_override_sets_the_register() -> None:
    store = ProfileStore(
        bundled_dirs=[MARKETS], overrides={"ja-JP": {"formality": {"register": "informal"}}}
    )
    profile = store.load("ja-JP")
    doc = paragraphs_doc("新しい体験が始まる。今すぐお試しください。")
    assert flagged(doc, run_check(CHECK, doc, profile)) == ["ください"]


def test_profile_register_severity_follows_confidence() -> None:
    doc = paragraphs_doc("新しい体験が始まる。今すぐお試しください。")
    (hit,) = run_check(CHECK, doc, real_profile("ja-JP"))  # confidence: low
    assert hit.severity == Severity.INFO
    doc.meta["register"] = "formal"
    (hit,) = run_check(CHECK, doc, real_profile("ja-JP"))
    assert hit.severity == Severity.WARNING


def test_bad_front_matter_value_is_reported() -> None:
    doc = paragraphs_doc("Hol dir den Deal.")
    doc.meta["register"] = "casual"
    (hit,) = run_check(CHECK, doc, real_profile("de-DE"))
    assert "register: casual" in hit.message


def test_profile_markers_extend_the_tables() -> None:
    profile = make_profile(
        "de-DE",
        formality={"register": "formal", "markers": {"informal": {"de": ["Digga"]}}},
    )
    doc = paragraphs_doc("Bestellen Sie jetzt, Digga.")
    assert flagged(doc, run_check(CHECK, doc, profile)) == ["Digga"]


def test_no_markers_no_check() -> None:
    assert not CHECK.applies_to(real_profile("en-GB"))
    assert CHECK.applies_to(real_profile("ko-KR"))


def test_forms_are_in_document_order() -> None:
    doc = paragraphs_doc("Du bist da.\n\nSie sind da? Bestellen Sie.")
    forms = find_forms(doc, real_profile("de-DE"))
    assert [f.text for f in forms] == ["Du", "Sie"]


# -- the profiles carry the data ---------------------------------------------------------------


@pytest.mark.parametrize("market", ["ja-JP", "de-DE", "fr-FR", "es-ES", "ko-KR"])
def test_profiles_have_formality_with_sources(market: str) -> None:
    formality = real_profile(market).section("formality")
    assert formality["register"] in ("formal", "brand-choice")
    assert formality.get("source")


# -- through the CLI ---------------------------------------------------------------------------


def test_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "promo.md").write_text(
        "---\nmarket: de-DE\nregister: formal\n---\n\nBestellen Sie jetzt und sichere dir 10 %.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL501", "promo.md"]
    )
    data = json.loads(result.stdout)
    (finding,) = data["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (6, 33, 36)
    assert finding["severity"] == "warning"


# -- professional copy stays clean --------------------------------------------------------------


def _fluent_messages(path: Path) -> list[str]:
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["de-DE", "fr-FR", "es-ES", "ja-JP"])
def test_professional_localization_is_not_flagged(market: str) -> None:
    files = sorted((REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    profile = real_profile(market)
    for path in files:
        doc = paragraphs_doc("\n\n".join(_fluent_messages(path)))
        assert flagged(doc, run_check(CHECK, doc, profile)) == [], path.name
