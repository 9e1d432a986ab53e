"""CL202 unlucky-number."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks import numbers
from culturelint.checks.numbers import CHECK, classify
from culturelint.finding import Severity

SOURCE = "Simmons & Schindler (2003), Journal of International Marketing 11(2)"


def entry(number: str, *match: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"n{number}",
        "number": number,
        "meaning": f"{number} sounds like 'death'. More detail follows here.",
        "match": list(match),
        "source": SOURCE,
        "confidence": "medium",
        **extra,
    }


FOUR_ALL = entry("4", "price_ending", "count", "standalone")


def profile_with(tag: str, *entries: dict[str, Any]):  # type: ignore[no-untyped-def]
    return make_profile(tag, numbers={"entries": list(entries)})


def hits_in(tag: str, text: str, *entries: dict[str, Any]) -> list[str]:
    doc = paragraphs_doc(f"# 新商品\n\n{text}")
    return flagged(doc, run_check(CHECK, doc, profile_with(tag, *entries)))


# -- prices ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "特価 ¥1,984（税込）", ["¥1,984"]),
        ("ja-JP", "特価 ￥1,984", ["￥1,984"]),
        ("ja-JP", "販売価格 1,994円（税込）", ["1,994円"]),
        ("ja-JP", "価格：1,984", ["1,984"]),
        ("ja-JP", "今なら $14.99", ["$14.99"]),  # decimals ignored: the amount ends in 14
        ("ja-JP", "4円から", ["4円"]),
        ("zh-CN", "限时特价 44元", ["44元"]),
        ("zh-CN", "仅需 ¥1,984", ["¥1,984"]),
        ("zh-CN", "RMB 1,994 起", ["RMB 1,994"]),
        ("zh-CN", "售价 1984", ["1984"]),
        ("zh-CN", "只要4块", ["4块"]),
    ],
)
def test_price_endings(market: str, text: str, expected: list[str]) -> None:
    assert hits_in(market, text, entry("4", "price_ending")) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "特価 ¥1,980"),  # ends in 0
        ("ja-JP", "¥40 引き"),  # ends in 0
        ("ja-JP", "4.5倍のポイント"),  # not a price
        ("ja-JP", "¥1,049"),  # 4 is not the last digit
        ("zh-CN", "2024年新款 299元"),  # a year, and a price ending in 9
        ("zh-CN", "4个装"),  # a count, and the entry only cares about prices
    ],
)
def test_price_near_misses(market: str, text: str) -> None:
    assert hits_in(market, text, entry("4", "price_ending")) == []


# -- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "お得な4個セット", ["4個"]),
        ("ja-JP", "選べる4つの味", ["4つ"]),
        ("ja-JP", "4枚セットのお皿", ["4枚"]),
        ("ja-JP", "４本入り", ["４本"]),  # full-width digit
        ("ja-JP", "Gift box with 4 pieces", ["4 pieces"]),
        ("zh-CN", "4个装礼盒", ["4个"]),
        ("zh-CN", "4只装", ["4只"]),
        ("zh-CN", "Value 4-pack", ["4-pack"]),
    ],
)
def test_counts(market: str, text: str, expected: list[str]) -> None:
    assert hits_in(market, text, entry("4", "count")) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "14個セット"),  # a set of 14, not of 4
        ("ja-JP", "4月発売"),  # April
        ("ja-JP", "4時間で届きます"),  # a duration
        ("ja-JP", "第4回キャンペーン"),  # an ordinal
        ("ja-JP", "3～4個"),  # a range
        ("zh-CN", "4月4日上市"),  # a date
        ("zh-CN", "下午4点开始"),  # a time
        ("ja-JP", "4枚目は無料"),  # the fourth sheet: an ordinal
        ("ja-JP", "選ばれる4つの理由"),  # reasons are not a set of items
        ("ja-JP", "4つのポイントで解説"),
        ("zh-CN", "选择我们的4个理由"),
    ],
)
def test_count_near_misses(market: str, text: str) -> None:
    assert hits_in(market, text, entry("4", "count")) == []


# -- standalone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("zh-CN", "办公室在4楼", ["4"]),
        ("zh-CN", "No. 4 香水", ["4"]),
        ("ja-JP", "Room 4 へどうぞ", ["4"]),
        ("ja-JP", "選ばれる理由は 4 です", ["4"]),
    ],
)
def test_standalone(market: str, text: str, expected: list[str]) -> None:
    assert hits_in(market, text, entry("4", "standalone")) == expected


NEAR_MISSES = [
    "4K 対応",
    "4G 回線",
    "24/7 サポート",
    "Windows 4",
    "iPhone 4",
    "Pixel 4 在售",
    "A4 サイズ",
    "Core i4",
    "v4",
    "version 4",
    "2024",
    "4.5",
    "4:30",
    "2024-4-4",
    "4/4",
    "1/4",
    "4%",
    "4% discount",
    "40%",
    "4th",
    "AB-4",
    "#4",
    "-4",
    "+4",
    "4 GB",
    "4-star",
    "4(k)",
    "2×4",
    "4 April",
    "April 4",
    "03-4444-4444",
    "https://example.com/items/4",
    "詳細は info4@example.jp まで",
    "{4}",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
@pytest.mark.parametrize("market", ["ja-JP", "zh-CN"])
def test_numbers_tied_to_something_else_are_never_reported(market: str, text: str) -> None:
    assert hits_in(market, text, FOUR_ALL) == []


# -- entries, messages, severity ------------------------------------------------------------


def test_one_finding_per_number_with_its_own_kind() -> None:
    text = "4個セットが ¥1,984、4楼でお受け取り"
    assert hits_in("ja-JP", text, FOUR_ALL) == ["4個", "¥1,984", "4"]


def test_longest_number_wins() -> None:
    four = entry("4", "price_ending")
    forty_four = entry("44", "price_ending", id="n44")
    doc = paragraphs_doc("特价 144元 和 14元")
    hits = run_check(CHECK, doc, profile_with("zh-CN", four, forty_four))
    assert flagged(doc, hits) == ["144元", "14元"]
    assert [h.evidence.key for h in hits if h.evidence] == ["numbers.n44", "numbers.n4"]


def test_lucky_numbers_are_never_reported() -> None:
    eight = entry("8", "price_ending", lucky=True)
    assert hits_in("zh-CN", "特价 ¥888", eight) == []


def test_message_suggestion_evidence() -> None:
    doc = paragraphs_doc("特価 ¥1,984")
    (hit,) = run_check(CHECK, doc, profile_with("ja-JP", entry("4", "price_ending")))
    assert (
        hit.message
        == "Price ¥1,984 ends in 4, which may read badly in ja-JP: 4 sounds like 'death'."
    )
    assert hit.suggestion == "Choose a price that does not end in 4"
    assert hit.evidence is not None
    assert (hit.evidence.key, hit.evidence.source) == ("numbers.n4", SOURCE)


@pytest.mark.parametrize(
    ("extra", "severity"),
    [
        ({}, Severity.WARNING),
        ({"confidence": "low"}, Severity.INFO),
        ({"severity": "info", "confidence": "high"}, Severity.INFO),
    ],
)
def test_severity_follows_the_entry(extra: dict[str, Any], severity: Severity) -> None:
    doc = paragraphs_doc("4个装")
    hits = run_check(CHECK, doc, profile_with("zh-CN", entry("4", "count", **extra)))
    assert [h.severity for h in hits] == [severity]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("¥1,984 の 4個 セット", ["price_ending", "count"]),
        ("4楼", ["standalone"]),
        ("14:00 から 4K で", []),
    ],
)
def test_classify(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in classify(text, "zh_CN", ("zh", "ja"))] == kinds


# -- curated profiles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "特価 ¥1,984、4個セット、¥1,980、4月4日", ["¥1,984", "4個"]),
        ("zh-CN", "特价 ¥1,984，4个装，¥888，4月4日", ["¥1,984", "4个"]),
        ("de-DE", "Modell 88 für 88 €, ab 18, um 18 Uhr, 88 Stück", ["88"]),
    ],
)
def test_curated_profiles(market: str, text: str, expected: list[str]) -> None:
    profile = real_profile(market)
    doc = paragraphs_doc(text)
    hits = run_check(CHECK, doc, profile)
    assert flagged(doc, hits) == expected
    for hit in hits:
        assert hit.evidence is not None and hit.evidence.source
        assert hit.evidence.key.startswith("numbers.")


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("it-IT", "Il negozio è aperto dalle 9 alle 17."),
        ("it-IT", "Ore 17: aperitivo in terrazza."),
        ("it-IT", "Consegna in 17 ore, reso in 17 giorni lavorativi."),
        ("it-IT", "Lo schermo da 17 pollici pesa 17 kg."),
        ("it-IT", "Confezione da 17 pezzi."),
        ("it-IT", "Ha compiuto 17 anni."),
        ("de-DE", "Das Buch hat 88 Seiten."),
        ("de-DE", "Der Rucksack fasst 88 Liter und wiegt 88 Kilogramm."),
        ("fr-FR", "Livraison en 13 heures."),
        ("ko-KR", "배송은 4시간이면 끝나요."),  # a unit with a particle after it
    ],
)
def test_times_quantities_and_measurements_in_the_market_language_are_quiet(
    market: str, text: str
) -> None:
    """Unit names come from CLDR for every language: "17 ore" is a duration in Italian
    as "17 hours" is in English, not a number chosen on its own."""
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile(market)) == []


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("it-IT", "Il numero 17 porta sfortuna.", ["17"]),
        ("it-IT", "Ci sono 17 orecchini.", ["17"]),  # "ore" only as a whole word
        ("de-DE", "Aktion 88 Literaturpreise", []),  # "Aktion 88" reads as a name
        ("de-DE", "Es gibt 88 Literaturpreise.", ["88"]),  # "Liter" as a whole word
    ],
)
def test_unit_names_count_only_as_whole_words(market: str, text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == expected


@pytest.mark.parametrize("language", ["it", "de", "ja", "ko", "ar", "ru"])
def test_unit_words_grouped_by_first_letter_match_as_one_flat_list(language: str) -> None:
    words = numbers._words(
        {**numbers.UNITS, language: numbers.cldr_unit_words(language)}, (language, "en")
    )
    flat = re.compile(
        numbers._GAP
        + "(?:"
        + "|".join(
            re.escape(w) + (r"(?![^\W\d_])" if numbers._ends_a_word(w) else "") for w in words
        )
        + ")",
        re.IGNORECASE,
    )
    grouped = numbers._after(words, numbers._GAP)
    pick = random.Random(language)
    pieces = [*pick.sample(words, min(60, len(words))), " ", "\u00a0", "a", "x", "é", "2", "."]
    for _ in range(3000):
        text = "".join(pick.choice(pieces) for _ in range(pick.randint(0, 3)))
        text = text.upper() if pick.random() < 0.2 else text
        expected = flat.match(text)
        found = grouped.match(text)
        assert (found and found.span()) == (expected and expected.span()), text


@pytest.mark.parametrize(
    ("entries", "applies"),
    [
        ([FOUR_ALL], True),
        ([entry("8", "price_ending", lucky=True)], False),
        ([], False),
    ],
)
def test_applies_only_to_markets_with_unlucky_numbers(
    entries: list[dict[str, Any]], applies: bool
) -> None:
    assert CHECK.applies_to(profile_with("zh-CN", *entries)) is applies


# -- phone numbers --------------------------------------------------------------------------

PHONE_4 = entry("4", "phone")
PHONE_44 = entry("44", "phone", id="n44")


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "お問い合わせ: 0120-444-444 まで", ["0120-444-444"]),
        ("ja-JP", "電話 03-1234-5644（平日）", ["03-1234-5644"]),
        ("ja-JP", "Call us on +81 3-1234-5644 today", ["+81 3-1234-5644"]),
        ("zh-CN", "客服热线 400-444-4444", ["400-444-4444"]),
        ("zh-CN", "Hotline: 010-6444-4444", ["010-6444-4444"]),
    ],
)
def test_phone_numbers(market: str, text: str, expected: list[str]) -> None:
    assert hits_in(market, text, PHONE_4) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "お問い合わせ: 0120-444-440 まで"),  # ends in 0
        ("ja-JP", "電話 03-4444-1230"),  # the 4s are not at the end
        ("ja-JP", "特価 ¥1,984,444"),  # a price, not a phone number
        ("zh-CN", "2024-04-04 14:00 开售"),  # a date and a time
        ("zh-CN", "客服热线 400-444-4440"),
        ("zh-CN", "订单号 44444"),  # too few digits to be a phone number
    ],
)
def test_phone_near_misses(market: str, text: str) -> None:
    assert hits_in(market, text, PHONE_4) == []


def test_phone_number_is_one_finding_not_its_digit_groups() -> None:
    # A standalone entry for 444 would otherwise hear the groups of the hotline.
    standalone = entry("444", "standalone", id="n444")
    assert hits_in("ja-JP", "0120 444 444", PHONE_4, standalone) == ["0120 444 444"]


def test_phone_message_and_longest_ending() -> None:
    doc = paragraphs_doc("お問い合わせ 0120-444-444")
    hits = run_check(CHECK, doc, profile_with("ja-JP", PHONE_4, PHONE_44))
    (hit,) = hits
    assert hit.evidence is not None and hit.evidence.key == "numbers.n44"
    assert hit.message.startswith("Phone number 0120-444-444 ends in 44, which may read badly")
    assert hit.suggestion == "Consider a number that does not end in 44 for published lines"


def test_phone_numbers_are_not_looked_for_without_a_phone_entry() -> None:
    assert hits_in("ja-JP", "お問い合わせ 0120-444-444", FOUR_ALL) == []


# -- model names ----------------------------------------------------------------------------

MODEL_4 = entry("4", "model")


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "新型 Aurora 4 が登場", ["Aurora 4"]),
        ("ja-JP", "型番X4をお選びください", ["X4"]),
        ("ja-JP", "The new iPhone 4 case", ["iPhone 4"]),
        ("zh-CN", "全新 Aurora 4 上市", ["Aurora 4"]),
        ("zh-CN", "Das neue Modell 4 ist da", ["Modell 4"]),
        ("zh-CN", "GT4 限量版", ["GT4"]),
    ],
)
def test_model_names(market: str, text: str, expected: list[str]) -> None:
    assert hits_in(market, text, MODEL_4) == expected


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("ja-JP", "iPhone 14 対応"),  # the number is 14, not 4
        ("ja-JP", "A4 サイズ"),  # a paper size
        ("ja-JP", "Q4 決算"),  # a quarter
        ("ja-JP", "MP4 形式"),  # a file format
        ("ja-JP", "version 4 / v4"),
        ("zh-CN", "April 4 发布"),  # a date
        ("zh-CN", "Step 4: 完成"),  # a step
        ("zh-CN", "Aurora 4K 显示器"),  # a resolution
        ("zh-CN", "Aurora 4 GB"),  # a measurement
        ("zh-CN", "办公室在4楼"),  # a floor number, no name
    ],
)
def test_model_near_misses(market: str, text: str) -> None:
    assert hits_in(market, text, MODEL_4) == []


def test_model_label_still_counts_for_standalone_entries() -> None:
    # "Modell 4" is a model name and, after a label, a number on its own: a standalone
    # entry reports the number, a model entry the whole name.
    assert hits_in("zh-CN", "Modell 4", entry("4", "standalone")) == ["4"]
    assert hits_in("zh-CN", "Modell 4", MODEL_4) == ["Modell 4"]


def test_model_message() -> None:
    doc = paragraphs_doc("全新 Aurora 4 上市")
    (hit,) = run_check(CHECK, doc, profile_with("zh-CN", MODEL_4))
    assert hit.message.startswith("Model name Aurora 4 carries the number 4, which may read")


# -- the default profiles stay quiet on names and phone numbers ---------------------------


@pytest.mark.parametrize("market", ["ja-JP", "zh-CN"])
@pytest.mark.parametrize(
    "text",
    ["4K 対応", "24/7 サポート", "Windows 11", "iPhone 14", "0120-444-444", "A4 サイズ"],
)
def test_default_profiles_stay_quiet_on_near_misses(market: str, text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, real_profile(market)) == []


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("zh-CN", "全新 Aurora 4 上市，Aurora 14 同步", ["Aurora 4"]),
        ("zh-TW", "新款 X4 登場", ["X4"]),
        ("ja-JP", "新型 Aurora 4 が登場", []),  # the model entry is Chinese only
    ],
)
def test_shipped_model_entry_is_low_confidence(market: str, text: str, expected: list[str]) -> None:
    doc = paragraphs_doc(text)
    hits = run_check(CHECK, doc, real_profile(market))
    assert flagged(doc, hits) == expected
    for hit in hits:
        assert hit.severity is Severity.INFO
        assert hit.evidence is not None and hit.evidence.key == "numbers.four-in-model-names"
        assert "razaoautomovel.com" in (hit.evidence.source or "")


def test_real_copy_stays_quiet() -> None:
    from fluent.syntax import parse
    from fluent.syntax.ast import Message, TextElement

    from checkutil import REALCOPY

    for market in ("ja-JP", "zh-CN"):
        profile = real_profile(market)
        files = sorted((REALCOPY / market).rglob("*.ftl"))
        assert files
        for path in files:
            resource = parse(path.read_text(encoding="utf-8"))
            for message in resource.body:
                if not isinstance(message, Message) or message.value is None:
                    continue
                text = "".join(
                    e.value for e in message.value.elements if isinstance(e, TextElement)
                )
                doc = paragraphs_doc(text.replace("\n\n", "\n"))
                hits = run_check(CHECK, doc, profile)
                assert hits == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Verantwortlich nach § 18 Abs. 2 MStV: Max Mustermann", []),  # a provision
        ("Gemäß §§ 18 ff. und Art. 18 DSGVO", []),
        ("Siehe Artikel 18 der Satzung", []),
        ("18 Rosen zum Valentinstag", ["18"]),  # a number the copy chose
        ("Das smart 18 Paket", ["18"]),  # "art" only as a whole word
    ],
)
def test_legal_references_are_not_numbers_on_their_own(text: str, expected: list[str]) -> None:
    assert hits_in("de-DE", text, entry("18", "standalone")) == expected
