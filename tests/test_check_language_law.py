"""CL104 language-law."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.language_law import CHECK
from culturelint.cli import app
from culturelint.config import Config
from culturelint.finding import Severity

# A language law for a market that has none, to show the rule is driven by the profile.
TEST_LAW: dict[str, Any] = {
    "law": "Test Language Act, art. 1",
    "message": "Use the national term. Second sentence.",
    "source": "test law source",
    "confidence": "high",
    "terms": [
        {
            "id": "correo",
            "foreign": ["e-mail", "email"],
            "equivalent": ["correo electrónico"],
            "source": "test term source",
            "confidence": "medium",
        }
    ],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Abonnez-vous à notre newsletter.", ["newsletter"]),
        ("Recevez nos offres par e-mail.", ["e-mail"]),
        ("Consultez vos e-mails partout.", ["e-mails"]),
        ("Une start-up française de la tech.", ["start-up"]),
        ("Partagez vos photos avec le hashtag de la marque.", ["hashtag"]),
        ("Profitez du click and collect dans nos boutiques.", ["click and collect"]),
        ("Regardez en streaming sur votre smartphone.", ["streaming", "smartphone"]),
    ],
)
def test_french_anglicisms_are_flagged(text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, real_profile("fr-FR"))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Abonnez-vous à notre lettre d'information.",
        "Recevez nos offres par courriel.",
        # The French equivalent given in the same segment: the law is satisfied.
        "Abonnez-vous à notre newsletter (lettre d'information) mensuelle.",
        "Votre e-mail, ou courriel, reste privé.",
        # A quoted word is a mention, not a use.
        "Le mot « hashtag » se dit mot-clic au Québec.",
        # A hashtag or a handle is not a word of the copy.
        "Suivez-nous : #startup #innovation",
        # Addresses and links are not copy.
        "Écrivez à newsletter@example.fr ou visitez https://example.fr/start-up",
    ],
)
def test_near_misses_are_not_flagged(text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile("fr-FR")) == []


def test_markets_without_a_language_law_are_not_checked() -> None:
    doc = paragraphs_doc("Melden Sie sich für den Newsletter an und erhalten Sie eine E-Mail.")
    for market in ("de-DE", "pl-PL"):
        profile = real_profile(market)
        assert not CHECK.applies_to(profile)
        assert run_check(CHECK, doc, profile) == []
    assert CHECK.applies_to(real_profile("fr-FR"))


def test_keep_terms_protect_brand_names() -> None:
    config = Config(options={"language-law": {"keep_terms": ["Newsletter"]}})
    doc = paragraphs_doc("Découvrez Newsletter, notre application, par e-mail.")
    hits = run_check(CHECK, doc, real_profile("fr-FR"), config)
    assert flagged(doc, hits) == ["e-mail"]


@pytest.mark.parametrize(
    ("keep", "text"),
    [
        (["e-mail"], "Recevez nos offres par e-mail ou par email, tous nos e-mails."),
        (["Hashtag"], "Notre hashtags du jour."),
    ],
)
def test_keeping_one_spelling_keeps_the_whole_term(keep: list[str], text: str) -> None:
    """Listing the word that was reported silences it in every spelling the entry has."""
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile("fr-FR")) != []
    config = Config(options={"language-law": {"keep_terms": keep}})
    assert run_check(CHECK, doc, real_profile("fr-FR"), config) == []


def test_message_suggestion_and_evidence() -> None:
    doc = paragraphs_doc("Recevez nos offres par e-mail.")
    (hit,) = run_check(CHECK, doc, real_profile("fr-FR"))
    assert "'courriel'" in hit.message and "Loi Toubon" in hit.message
    assert hit.suggestion is not None and hit.suggestion.startswith("Write 'courriel'")
    assert hit.evidence is not None and hit.evidence.key == "language_law.courriel"
    assert hit.evidence.source and "CTNX0306622X" in hit.evidence.source
    assert hit.severity is Severity.INFO  # official terms bind the State, not private copy


def test_another_market_and_language_from_the_profile() -> None:
    profile = make_profile("es-ES", languages=["es"], language_law=TEST_LAW)
    doc = paragraphs_doc(
        "Recibe las ofertas por email.\n\nRecibe las ofertas por correo electrónico."
    )
    (hit,) = run_check(CHECK, doc, profile)
    assert doc.text[hit.start : hit.end] == "email"
    assert "Test Language Act" in hit.message
    assert hit.severity is Severity.WARNING  # the term's own confidence (medium)
    assert hit.evidence is not None and hit.evidence.source == "test term source; test law source"


def _fluent_messages(market: str) -> list[str]:
    from fluent.syntax import FluentParser, ast

    messages = []
    for path in sorted((REALCOPY / market).rglob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
                messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


def test_professional_french_only_shows_justified_findings() -> None:
    messages = _fluent_messages("fr-FR")
    assert len(messages) > 100, "the shared realcopy data is missing"
    doc = paragraphs_doc("\n\n".join(messages))
    found = flagged(doc, run_check(CHECK, doc, real_profile("fr-FR")))
    # mozilla.org's French writes "e-mail" and "smartphone", both of which have an
    # official equivalent (courriel; mobile multifonction): real findings, nothing else.
    assert sorted(set(found)) == ["e-mail", "e-mails", "smartphone"]


def test_cli_reports_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "promo.md").write_text(
        "---\nmarket: fr-FR\n---\n\nInscrivez-vous à la newsletter.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL104", "promo.md"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 21, 31)
    assert finding["name"] == "language-law"
