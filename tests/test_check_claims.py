"""CL601-CL604: absolute claims, superlatives, price reductions, free claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fluent.syntax import FluentParser, ast
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.claims import ABSOLUTE, FREE, REDUCTION, RESTRICTED, SUPERLATIVE
from culturelint.cli import app
from culturelint.finding import Severity
from culturelint.registry import Check


def hits(check: Check, market: str, text: str) -> list[str]:
    doc = paragraphs_doc(text)
    return flagged(doc, run_check(check, doc, real_profile(market)))


def severities(check: Check, market: str, text: str) -> list[tuple[str, Severity | None]]:
    doc = paragraphs_doc(text)
    return [
        (doc.text[h.start : h.end], h.severity) for h in run_check(check, doc, real_profile(market))
    ]


def cli_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, code: str
) -> list[dict[str, Any]]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", code, name]
    )
    return json.loads(result.stdout)["findings"]


def fluent_doc(market: str, name: str | None = None):  # type: ignore[no-untyped-def]
    files = sorted((REALCOPY / market).rglob(name or "*.ftl"))
    assert files, "the shared realcopy data is missing"
    messages = []
    for path in files:
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
                text = " ".join("".join(parts).split())
                if text:
                    messages.append(text)
    return paragraphs_doc("\n\n".join(messages))


# -- CL601 absolute-claim --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家级品质，音质最佳！", [("国家级", Severity.ERROR), ("最佳", Severity.ERROR)]),
        ("全网销量第一的智能音箱", [("销量第一", Severity.ERROR)]),
        ("顶级工艺，世界领先。", [("顶级", Severity.ERROR), ("世界领先", Severity.ERROR)]),
        ("品质就是第一！", [("第一", Severity.ERROR)]),  # a bare 第一 ending a phrase
        ("这是最好的礼物", [("最好", Severity.INFO)]),  # compiled list: low confidence
    ],
)
def test_absolute_terms(text: str, expected: list[tuple[str, Severity]]) -> None:
    assert severities(ABSOLUTE, "zh-CN", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("顾客第一，用心服务。", [("第一", Severity.WARNING)]),
        ("我们始终追求极致。", [("极致", Severity.WARNING)]),
    ],
)
def test_service_attitude_is_downgraded(text: str, expected: list[tuple[str, Severity]]) -> None:
    found = run_check(ABSOLUTE, doc := paragraphs_doc(text), real_profile("zh-CN"))
    assert [(doc.text[h.start : h.end], h.severity) for h in found] == expected
    assert "SAMR" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "最近上新，欢迎第一次购买的顾客。",
        "最后一天！第一步：注册账户。第一章 简介",
        "请在设置的首选项中修改。每台设备都有唯一标识。",
        "最佳赏味期：12个月。最佳食用方法：冷藏后饮用。",
        "第一时间发货，最多可购买3件。",
    ],
)
def test_absolute_near_misses(text: str) -> None:
    assert hits(ABSOLUTE, "zh-CN", text) == []


def test_near_misses_hold_against_bare_profile_terms() -> None:
    entry = {
        "id": "bare",
        "kind": "absolute",
        "law": "Advertising Law Art. 9(3)",
        "message": "Absolute terms are banned.",
        "terms": {"zh": ["最", "第一", "首选"]},
        "source": "test",
        "confidence": "high",
    }
    profile = make_profile("zh-CN", claims={"entries": [entry]})
    doc = paragraphs_doc("最近很忙，第一次来，请看首选项。最强音质，首选品牌。")
    assert flagged(doc, run_check(ABSOLUTE, doc, profile)) == ["最", "首选"]


def test_absolute_message_cites_the_article() -> None:
    (hit,) = run_check(ABSOLUTE, doc := paragraphs_doc("音质最佳"), real_profile("zh-CN"))
    assert "Art. 9(3)" in hit.message and doc.text[hit.start : hit.end] == "最佳"
    assert hit.evidence is not None and hit.evidence.key == "claims.absolute-terms-statutory"


def test_absolute_applies_only_where_the_profile_says_so() -> None:
    assert ABSOLUTE.applies_to(real_profile("zh-CN"))
    assert not ABSOLUTE.applies_to(real_profile("zh-TW"))
    assert not ABSOLUTE.applies_to(real_profile("de-DE"))


def test_absolute_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "春季新品 Aurora 智能音箱，音质最佳！\n"
    (finding,) = cli_findings(tmp_path, monkeypatch, "ad.zh-CN.txt", text, "CL601")
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 20, 22)
    assert finding["severity"] == "error"


# -- CL602 unsubstantiated-superlative -----------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Der günstigste Preis in der Stadt!", ["Der günstigste"]),
        ("de-DE", "Wir sind Marktführer für Lautsprecher.", ["Marktführer"]),
        ("de-DE", "Aurora ist der beste smarte Lautsprecher.", ["der beste"]),
        (
            "de-DE",
            "Wir bieten den besten Service und die größte Auswahl.",
            ["den besten", "die größte"],
        ),
        ("de-DE", "Deutschlands beliebtester Lautsprecher", ["Deutschlands beliebtester"]),
        ("de-DE", "Klingt besser als die Konkurrenz.", ["als die Konkurrenz"]),
        ("ja-JP", "顧客満足度No.1の化粧水", ["満足度No.1"]),
        ("ja-JP", "人気ランキング第1位！日本一の味。", ["第1位", "日本一"]),
        ("ru-RU", "Лучший кофе в городе.", ["Лучший"]),
    ],
)
def test_superlatives_without_basis(market: str, text: str, expected: list[str]) -> None:
    assert hits(SUPERLATIVE, market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "顧客満足度No.1※の化粧水\n\n※2025年3月 当社調べ（購入者1,000名）"),
        ("ja-JP", "満足度No.1（2024年 自社調査）"),
        ("de-DE", "Wir sind Marktführer*.\n\n*Quelle: Statista, Stand 2024"),
        ("de-DE", "Laut Stiftung Warentest der beste Lautsprecher (Heft 5/2025)."),
        ("ru-RU", "Лучший кофе по версии журнала «Афиша», 2025."),
    ],
)
def test_a_basis_nearby_suppresses(market: str, text: str) -> None:
    assert hits(SUPERLATIVE, market, text) == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Am besten bestellen Sie heute."),
        ("de-DE", "Mit den besten Grüßen, Ihr Aurora-Team"),
        ("de-DE", "Holen Sie das Beste aus Ihrem Tag heraus."),
        ("de-DE", "Ihre Bestellung ist bestens verpackt."),
        ("de-DE", "Klingt besser als je zuvor."),
        ("de-DE", "Ist Aurora der schnellste Lautsprecher?"),
        ("ja-JP", "No.10 モデル、11位のチーム"),
    ],
)
def test_superlative_near_misses(market: str, text: str) -> None:
    assert hits(SUPERLATIVE, market, text) == []


def test_superlative_severity_follows_the_entry() -> None:
    assert severities(SUPERLATIVE, "de-DE", "Wir sind Marktführer.") == [
        ("Marktführer", Severity.INFO)
    ]
    assert severities(SUPERLATIVE, "ja-JP", "日本一の味") == [("日本一", Severity.WARNING)]


def test_superlative_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\nmarket: ja-JP\n---\n\n顧客満足度No.1の化粧水\n"
    (finding,) = cli_findings(tmp_path, monkeypatch, "ad.md", text, "CL602")
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 3, 10)


# -- CL603 price-reduction-without-reference ------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Sommer-Sale: -30 % auf alle Sandalen!", ["-30 %"]),
        (
            "de-DE",
            "Jetzt 20 % Rabatt statt 39,99 €.\n\nPreis reduziert!",
            ["20 % Rabatt", "Preis reduziert"],
        ),
        ("fr-FR", "Soldes : -40 % sur tout !", ["Soldes"]),
        ("fr-FR", "Prix barré : 29,99 € au lieu de 39,99 €", ["Prix barré"]),
        ("es-ES", "Rebajas de verano: hasta −50%", ["Rebajas"]),
        ("it-IT", "Sconto del 20% su tutto", ["Sconto"]),
        ("nl-NL", "Nu met 25% korting", ["25% korting"]),
        ("pl-PL", "Wielka promocja: -20%", ["promocja"]),
        ("sv-SE", "Rea på allt!", ["Rea"]),
        ("de-DE", "Sparen Sie 20 % auf alles!", ["Sparen Sie 20 %"]),
        ("de-DE", "Nur 29,99 € statt 39,99 €", ["statt 39,99 €"]),  # the whole former price
        ("de-DE", "Jetzt 29,99 €, vorher 49,99 €", ["vorher 49,99 €"]),
        ("fr-FR", "Économisez jusqu'à 40 % sur tout", ["Économisez jusqu'à 40 %"]),
    ],
)
def test_reduction_without_prior_price(market: str, text: str, expected: list[str]) -> None:
    assert hits(REDUCTION, market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        (
            "de-DE",
            "Sommer-Sale: -30 % auf alle Sandalen!\n\n"
            "Niedrigster Preis der letzten 30 Tage: 49,99 €",
        ),
        ("de-DE", "Jetzt 20 % Rabatt! (30-Tage-Bestpreis: 39,99 €)"),
        ("fr-FR", "Soldes : -40 % ! Prix le plus bas des 30 derniers jours : 20 €"),
        ("es-ES", "Rebajas: -50 %. Precio más bajo de los últimos 30 días: 19,99 €"),
        ("it-IT", "Sconto 20%. Prezzo più basso degli ultimi 30 giorni: 10 €"),
        ("nl-NL", "25% korting. Laagste prijs van de afgelopen 30 dagen: € 9,99"),
        ("sv-SE", "Rea! Lägsta pris de senaste 30 dagarna: 99 kr"),
        ("pl-PL", "Promocja -20%. Najniższa cena z 30 dni przed obniżką: 49 zł"),
    ],
)
def test_prior_price_anywhere_in_the_file(market: str, text: str) -> None:
    assert hits(REDUCTION, market, text) == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Summer Sale im ganzen Shop."),  # a bare "Sale" names no reduction
        ("de-DE", "Reduziert den Verbrauch um 30 %."),  # a verb, and a positive percentage
        ("de-DE", "30 % mehr Leistung, 100 % Baumwolle."),
        ("fr-FR", "Le solde de votre compte est de 30 €."),
        ("de-DE", "Spart bis zu 30 % Energie."),  # energy saved, not a price
        ("de-DE", "Vorher 3 Tage einweichen, dann 20 Minuten kochen."),  # no price
    ],
)
def test_reduction_near_misses(market: str, text: str) -> None:
    assert hits(REDUCTION, market, text) == []


def test_reduction_only_in_eu_markets() -> None:
    assert REDUCTION.applies_to(real_profile("de-DE"))
    assert not REDUCTION.applies_to(real_profile("en-GB"))
    assert not REDUCTION.applies_to(real_profile("pt-BR"))  # no Omnibus rule in Brazil


def test_reduction_message_cites_the_directive() -> None:
    doc = paragraphs_doc("-30 % auf alles")
    (hit,) = run_check(REDUCTION, doc, real_profile("de-DE"))
    assert "98/6/EC Art. 6a" in hit.message and "2019/2161" in hit.message
    assert hit.severity == Severity.WARNING


def test_reduction_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\nmarket: de-DE\n---\n\n# Sommer\n\nSommer-Sale: -30 % auf alle Sandalen!\n"
    (finding,) = cli_findings(tmp_path, monkeypatch, "sale.md", text, "CL603")
    assert (finding["line"], finding["column"], finding["end_column"]) == (7, 14, 19)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # Markdown: the struck amount, its line and columns.
        ("a.md", "Jacke ~~129,99 €~~ 79,99 €\n", [(5, 9, 17, "'129,99 €' struck through")]),
        ("b.md", "Jacke ~~129,99~~ jetzt 79,99 €\n", [(5, 9, 15, "'129,99' struck through")]),
        # HTML, also inside Markdown; an entity maps as a whole.
        ("c.html", "<p>Jacke <del>129,99&nbsp;€</del> 79,99 €</p>\n", [(5, 15, 28, None)]),
        ("d.html", "<p>Jacke <s>€ 129</s> € 79</p>\n", [(5, 13, 18, "'€ 129' struck through")]),
        ("e.md", "Jacke <del>129,99 €</del> 79,99 €\n", [(5, 12, 20, None)]),
        # A reduction word earlier in the passage is its first sign.
        ("f.md", "Rabatt: ~~129,99 €~~ 79,99 €\n", [(5, 1, 7, "'Rabatt'")]),
        # Struck, but no price: words, a bare number with no price in the passage.
        ("g.md", "~~2 Jahre~~ 3 Jahre Garantie\n", []),
        ("h.md", "Modell ~~2024~~ 2025\n", []),
        ("i.html", "<p><s>Version 2</s> Version 3</p>\n", []),
        # The prior price is stated: nothing to report.
        (
            "j.md",
            "Jacke ~~129,99 €~~ 79,99 €\n\nNiedrigster Preis der letzten 30 Tage: 99,99 €\n",
            [],
        ),
    ],
)
def test_reduction_struck_prices(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    expected: list[tuple[int, int, int, str | None]],
) -> None:
    html = name.endswith(".html")
    header = '<html lang="de-DE">\n<body>\n\n\n' if html else "---\nmarket: de-DE\n---\n\n"
    found = cli_findings(tmp_path, monkeypatch, name, header + text, "CL603")
    got = [(f["line"], f["column"], f["end_column"], f["message"]) for f in found]
    assert [(line, col, end) for line, col, end, _ in got] == [e[:3] for e in expected]
    for (_, _, _, message), (*_, shown) in zip(got, expected, strict=True):
        if shown is not None:
            assert message.startswith(f"Price reduction announced ({shown}) ")


# -- CL604 restricted-free-claim ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("en-GB", "Free tote bag with every purchase!", ["Free"]),
        ("en-GB", "Get a free mug when you buy two.", ["free"]),
        ("en-GB", "Free gift, just pay P&P.", ["Free"]),
        ("en-GB", "Free delivery + £2.99 handling fee.", ["Free"]),
        ("en-GB", "Complimentary drink, plus service charge.", ["Complimentary"]),
        ("en-GB", "3 months free with a 12-month contract.", ["free"]),
        ("en-GB", "Free for 30 days, then £9.99/month.", ["Free"]),
        ("hi-IN", "Free earphones with orders over ₹999.", ["Free"]),
    ],
)
def test_conditional_or_charged_free_claims(market: str, text: str, expected: list[str]) -> None:
    assert hits(FREE, market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("en-GB", "Free delivery."),
        ("en-GB", "Free delivery on orders over £50."),  # the usual, lawful form
        ("en-GB", "Gift wrapping free of charge."),
        ("en-GB", "Sugar-free, gluten free and hands-free."),
        ("en-GB", "Feel free to call us. BPA free. Free from plastic."),
        ("en-GB", "Sign up for a free account."),  # the account is the free thing
        ("en-GB", "Free tote bag. Spend £20 on anything else you like."),  # other sentence
        ("hi-IN", "Free shipping across India."),
    ],
)
def test_free_near_misses(market: str, text: str) -> None:
    assert hits(FREE, market, text) == []


def test_free_message_cites_the_code() -> None:
    doc = paragraphs_doc("Free tote bag with every purchase!")
    (hit,) = run_check(FREE, doc, real_profile("en-GB"))
    assert "CAP Code rules 3.22 and 3.23" in hit.message and "with every purchase" in hit.message
    # A stated condition is what the code asks for: a reminder, not a breach.
    assert hit.severity is Severity.INFO
    doc = paragraphs_doc("Free gift, just pay P&P.")
    (hit,) = run_check(FREE, doc, real_profile("en-GB"))
    assert "CAP Code rule 3.21" in hit.message
    assert hit.severity is not Severity.INFO
    doc = paragraphs_doc("Free earphones when you buy a phone.")
    (hit,) = run_check(FREE, doc, real_profile("hi-IN"))
    assert "CCPA" in hit.message


def test_free_applies_only_where_restricted() -> None:
    assert FREE.applies_to(real_profile("en-GB"))
    assert not FREE.applies_to(real_profile("en-US"))


def test_free_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\nmarket: en-GB\n---\n\nGet a free mug when you buy two.\n"
    (finding,) = cli_findings(tmp_path, monkeypatch, "mug.md", text, "CL604")
    assert (finding["line"], finding["column"], finding["end_column"]) == (5, 7, 11)
    assert finding["severity"] == "info"


# -- professional copy ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("copy", "market"),
    [
        ("de-DE", "de-DE"),
        ("fr-FR", "fr-FR"),
        ("es-ES", "es-ES"),
        ("ja-JP", "ja-JP"),
        ("pt-BR", "pt-BR"),
        ("en-US", "en-GB"),  # "Sign up for a free account" and "free themes" are fine
        ("en-US", "hi-IN"),
    ],
)
def test_professional_localization_is_not_flagged(copy: str, market: str) -> None:
    doc = fluent_doc(copy)
    profile = real_profile(market)
    for check in (ABSOLUTE, SUPERLATIVE, REDUCTION, FREE):
        if check.applies_to(profile):
            assert flagged(doc, run_check(check, doc, profile)) == [], check.code


def test_professional_chinese_only_justified_findings() -> None:
    """The one statutory term in mozilla.org's Chinese pages is 最佳 ("自定义模式为您提供
    最佳选择"), which Art. 9(3) names; 独一无二 ("a unique password") comes from the
    low-confidence compilation and is info."""
    doc = fluent_doc("zh-CN")
    found = run_check(ABSOLUTE, doc, real_profile("zh-CN"))
    assert [(doc.text[h.start : h.end], h.severity) for h in found] == [
        ("最佳", Severity.ERROR),
        ("独一无二", Severity.INFO),
    ]


def test_every_branch_of_the_reference_pattern_holds_30() -> None:
    """`states_reference` tries the pattern only on texts that hold "30"."""
    from itertools import pairwise
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from culturelint.checks.claims import REFERENCE

    ((op, (_, branches)),) = _parser.parse(REFERENCE.pattern, REFERENCE.flags).data
    assert op is sre.BRANCH and len(branches) == 3
    for branch in branches:
        assert any(
            a == (sre.LITERAL, ord("3")) and b == (sre.LITERAL, ord("0"))
            for a, b in pairwise(list(branch))
        ), branch


def test_reference_is_found_around_each_30_as_anywhere() -> None:
    """`_holds_reference` tries the pattern only around each "30" of a text; it must
    answer as a search over the whole text does, wherever the "30"s and the words sit."""
    import random

    from culturelint.checks.claims import REACH_BEFORE_30, REFERENCE, _holds_reference

    pieces = [
        "30", "300", "130", "30-Tage-Bestpreis", "Niedrigster", "LOWEST", "más bajo",
        "la plus basse", "vorheriger Preis", "Tage", "days", "jours", " ", "  ", "\n",
        "-", " - ", "Preis", "der letzten", "x" * 40, "é" * 30, "İ", "ſ", ".", ",", "3", "0",
    ]  # fmt: skip
    rng = random.Random(6)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 24)))
        expected = REFERENCE.search(text) is not None
        assert _holds_reference(text) is expected, text
        found += expected
    assert 400 < found < 3600  # both answers are well represented
    # The reach covers the longest statement that ends in "30": the longest word, then
    # a gap of 80 characters.
    from re import _parser  # type: ignore[attr-defined]

    from culturelint.checks.claims import _LOWEST

    assert REACH_BEFORE_30 >= _parser.parse(_LOWEST).getwidth()[1] + 80
    assert _holds_reference("vorheriger Preis" + "." * 80 + "30")
    assert not _holds_reference("vorheriger Preis" + "." * 81 + "30")


def test_the_reduction_pattern_is_tried_on_every_text_it_can_match() -> None:
    """`_may_announce_reduction` lets REDUCTION_PATTERNS be skipped; it must hold for
    every text the pattern matches, whatever case or look-alike letters it uses."""
    import random
    import re
    import sys

    from culturelint.checks.claims import (
        _FORMER_WORDS,
        REDUCTION_PATTERNS,
        _dotless,
        _may_announce_reduction,
    )

    for letter in "sta":
        blind = re.compile(letter, re.IGNORECASE)
        for code in range(sys.maxunicode + 1):
            if blind.fullmatch(chr(code)):
                assert chr(code).casefold() == letter, hex(code)
    for letter in set("".join(_FORMER_WORDS)):
        blind = re.compile(letter, re.IGNORECASE)
        for code in range(sys.maxunicode + 1):
            if blind.fullmatch(chr(code)):
                assert _dotless(chr(code).casefold()) == letter, hex(code)
    pieces = ["statt ", "STATT ", "ſtatt ", "Statt ", " ", "bisher ", "€", "30", "5", "-",
              "−", "%", " %", " günstiger", " off", "Preis", "x", ".", ",", "vorher ",
              "Sparen Sie ", " auf", "save "]  # fmt: skip
    rng = random.Random(603)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 8)))
        if REDUCTION_PATTERNS.search(text):
            matched += 1
            assert _may_announce_reduction(text), text
    assert matched > 200


# -- CL605 restricted-claim -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("en-AU", "Prices from $99 + GST.", [("+ GST", Severity.WARNING)]),
        ("en-US", "Proudly Made in USA.", [("Made in USA", Severity.INFO)]),  # origin: info
        ("en-US", "Get $10 for a 5-star review!", [("for a 5-star review", Severity.WARNING)]),
        ("fr-FR", "Découvrez nos vins du Jura.", [("vins", Severity.WARNING)]),
        ("zh-CN", "本产品已获得国家专利。", [("专利", Severity.WARNING)]),
        # the number is given for another claim, a clause away
        ("zh-CN", "专利技术。专利号见包装。", [("专利", Severity.WARNING)]),
        ("id-ID", "Produk halal untuk keluarga.", [("halal", Severity.INFO)]),  # its severity
        ("ar-AE", "إعلان عن البيرة الباردة", [("البيرة", Severity.WARNING)]),
    ],
)
def test_restricted_claims_from_the_profile(
    market: str, text: str, expected: list[tuple[str, Severity]]
) -> None:
    assert severities(RESTRICTED, market, text) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("en-AU", "Prices from $108.90, GST included."),
        ("en-US", "Designed in California."),  # not an origin claim of the rule
        ("en-US", "Leave us a review, good or bad."),  # no reward tied to a rating
        ("fr-FR", "Vingt ans de savoir-faire."),  # "vin" is not inside "Vingt"
        ("zh-CN", "本产品通过国家质量认证。"),
        # the patent number the law asks for, next to the claim or naming it
        ("zh-CN", "本产品已获得国家发明专利（专利号：ZL201810123456.7）。"),
        ("zh-CN", "专利号：ZL201810123456.7"),
    ],
)
def test_restricted_claim_near_misses(market: str, text: str) -> None:
    assert hits(RESTRICTED, market, text) == []


def test_false_urgency_is_left_to_the_pressure_rule() -> None:
    assert hits(RESTRICTED, "hi-IN", "Hurry, only 2 left in stock!") == []
    assert RESTRICTED.applies_to(real_profile("hi-IN"))  # its other entries still count


def test_restricted_claims_apply_only_where_the_profile_lists_some() -> None:
    assert RESTRICTED.applies_to(real_profile("en-US"))
    assert not RESTRICTED.applies_to(real_profile("de-DE"))


def test_restricted_claim_message_and_evidence() -> None:
    doc = paragraphs_doc("Prices from $99 + GST.")
    (hit,) = run_check(RESTRICTED, doc, real_profile("en-AU"))
    assert hit.message.startswith("'+ GST' is a restricted claim in en-AU: A consumer price")
    assert "Australian Consumer Law s 48" in hit.message
    assert hit.evidence is not None and hit.evidence.key == "claims.component-pricing"
    assert hit.evidence.source and "accc.gov.au" in hit.evidence.source
