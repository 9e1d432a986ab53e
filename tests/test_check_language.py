"""CL101 wrong-language."""

from __future__ import annotations

import pytest

from checkutil import REALCOPY, flagged, make_profile, paragraphs_doc, real_profile, run_check
from culturelint.checks.language import CHECK, canonical, detect
from culturelint.document import Document, SegmentBuilder
from culturelint.finding import Severity

JAPANESE = "全国の店舗で新しいコレクションを販売中です。ぜひお近くの店舗でお確かめください。"
GERMAN = "Unsere neue Kollektion ist ab sofort in allen Filialen in ganz Deutschland erhältlich."
ENGLISH = "Our new collection is available now in all stores across the whole country."
FRENCH = "Notre nouvelle collection est disponible dès maintenant dans tous nos magasins."
CHINESE = "我们的新系列现已在全国所有门店上市，欢迎光临选购，更多优惠等你来发现。"
KOREAN = "새로운 컬렉션이 지금 전국 모든 매장에서 판매 중입니다. 가까운 매장을 방문해 주세요."


@pytest.mark.parametrize(
    ("market", "copy", "foreign", "message"),
    [
        (
            "ja-JP",
            JAPANESE,
            ENGLISH,
            "Segment appears to be English, but ja-JP copy should be Japanese",
        ),
        ("ja-JP", JAPANESE, KOREAN, "Segment appears to be Korean, but ja-JP copy should be"),
        (
            "de-DE",
            GERMAN,
            ENGLISH,
            "Segment appears to be English, but de-DE copy should be German",
        ),
        ("de-DE", GERMAN, FRENCH, "Segment appears to be French, but de-DE copy should be German"),
        ("de-DE", GERMAN, JAPANESE, "Segment appears to be Japanese, but de-DE copy should be"),
        ("zh-CN", CHINESE, JAPANESE, "Segment appears to be Japanese, but zh-CN copy should be"),
    ],
)
def test_flags_the_foreign_segment(market: str, copy: str, foreign: str, message: str) -> None:
    doc = paragraphs_doc(f"# Launch\n\n{copy}\n\n{foreign}\n")
    hits = run_check(CHECK, doc, make_profile(market))
    assert flagged(doc, hits) == [foreign]
    assert hits[0].message.startswith(message)
    assert hits[0].evidence is not None and hits[0].evidence.key == "languages"


@pytest.mark.parametrize(
    ("market", "copy"),
    [
        ("ja-JP", JAPANESE),
        ("ja-JP", "Firefox は初期設定でトラッカーをブロックし、あなたのプライバシーを守ります。"),
        ("de-DE", GERMAN),
        ("de-DE", "Laden Sie Firefox kostenlos herunter: der Browser für Windows, Mac und Linux."),
        ("zh-CN", CHINESE),
    ],
)
def test_copy_in_the_market_language_passes(market: str, copy: str) -> None:
    doc = paragraphs_doc(copy)
    assert run_check(CHECK, doc, make_profile(market)) == []


@pytest.mark.parametrize(
    ("market", "copy"),
    [
        # Too short to tell: brand names, buttons, product names stay as they are.
        ("ja-JP", "Download now"),
        ("ja-JP", "Black Friday Sale: up to 40% off"),
        ("de-DE", "Free Shipping on all orders"),
        # English words in German copy: langdetect hesitates (sv 0.7, de 0.3).
        ("de-DE", "Firefox blockiert standardmäßig Tracker, damit Sie privat surfen können."),
        # Half German, half English: the market language is too likely to fire.
        (
            "de-DE",
            "Unsere neue Kollektion ist da und sie ist wunderschön. Shop the new collection "
            "now online.",
        ),
        # Only kanji: langdetect calls it Korean, which the script contradicts.
        ("ja-JP", "株式会社東京本社営業部販売促進課長山田太郎株式会社大阪支社営業部販売促進課長"),
        # A placeholder with English inside is not copy.
        ("ja-JP", "{count, plural, one {You have one new message waiting} other {Messages}}です"),
        # Product names around a sentence in the market's script: langdetect reads
        # them as Italian, English or Somali.
        ("ja-JP", "Ferrari Roma Spider Rosso Corsa Edizione Speciale の予約受付中。"),
        ("ja-JP", "Bose QuietComfort Ultra Earbuds and Headphones Bundle Special Edition が登場。"),
        ("zh-CN", "Dolce Gabbana Light Blue Eau Intense Pour Homme 全新上市。"),
        ("ar-SA", "Ferrari Roma Spider Rosso Corsa Edizione Speciale متوفر الآن."),
    ],
)
def test_near_misses_stay_quiet(market: str, copy: str) -> None:
    doc = paragraphs_doc(copy)
    assert run_check(CHECK, doc, make_profile(market)) == []


@pytest.mark.parametrize(
    ("market", "copy"),
    [
        (
            "ja-JP",
            "詳しくはこちら: Learn more about how we protect your data and your privacy "
            "at every step.",
        ),
        ("ar-SA", "اقرأ المزيد: Learn more about how we protect your data and your privacy."),
    ],
)
def test_an_english_sentence_beside_the_market_script_is_still_flagged(
    market: str, copy: str
) -> None:
    doc = paragraphs_doc(copy)
    hits = run_check(CHECK, doc, make_profile(market))
    assert [h.message.split(",")[0] for h in hits] == ["Segment appears to be English"]


def test_every_market_language_is_accepted_and_named() -> None:
    profile = make_profile("de-CH", languages=["de", "fr", "it"])
    doc = paragraphs_doc(f"{GERMAN}\n\n{FRENCH}\n\n{ENGLISH}")
    hits = run_check(CHECK, doc, profile)
    assert flagged(doc, hits) == [ENGLISH]
    assert hits[0].message == (
        "Segment appears to be English, but de-CH copy should be German, French or Italian"
    )


def test_hit_spans_the_segment_without_surrounding_space() -> None:
    text = f"{JAPANESE}\n\n   {ENGLISH}   \n"
    doc = paragraphs_doc(text)
    hits = run_check(CHECK, doc, make_profile("ja-JP"))
    assert len(hits) == 1
    assert (hits[0].start, hits[0].end) == (text.index(ENGLISH), text.index(ENGLISH) + len(ENGLISH))


def test_segment_from_mapped_pieces_points_at_the_source() -> None:
    # An HTML reader decodes "&amp;" to "&": the hit still covers the source characters.
    source = f"<p>{ENGLISH[:20]}&amp;{ENGLISH[21:]}</p>"
    builder = SegmentBuilder()
    builder.add(ENGLISH[:20], 3)
    builder.add_mapped("&", 23, 28)
    builder.add(ENGLISH[21:], 28)
    doc = Document(path="p.html", text=source, format="html", segments=[builder.build("paragraph")])
    hits = run_check(CHECK, doc, make_profile("ja-JP"))
    assert flagged(doc, hits) == [source[3:-4]]


def test_every_segment_kind_is_checked() -> None:
    doc = paragraphs_doc(ENGLISH, kind="meta")
    assert flagged(doc, run_check(CHECK, doc, make_profile("de-DE"))) == [ENGLISH]


def test_copy_in_the_market_language_does_not_load_langdetect() -> None:
    from culturelint.checks import language

    language._factory.cache_clear()
    doc = paragraphs_doc(f"{GERMAN}\n\n{JAPANESE}")
    hits = run_check(CHECK, doc, make_profile("de-DE"))
    assert flagged(doc, hits) == [JAPANESE]  # settled by the script
    assert language._factory.cache_info().misses == 0


def test_results_are_deterministic() -> None:
    doc = paragraphs_doc("\n\n".join([GERMAN, ENGLISH, FRENCH, JAPANESE] * 3))
    first = run_check(CHECK, doc, make_profile("de-DE"))
    assert len(first) == 9
    assert all(run_check(CHECK, doc, make_profile("de-DE")) == first for _ in range(3))


@pytest.mark.parametrize(
    ("text", "expected", "language", "how"),
    [
        (JAPANESE, {"ja"}, "ja", "script"),
        (KOREAN, {"ja"}, "ko", "script"),
        (CHINESE, {"zh"}, "zh", "script"),
        (CHINESE, {"de"}, "zh", "langdetect"),
        (GERMAN, {"de"}, "de", "common words"),
        (FRENCH, {"de", "fr"}, "fr", "common words"),
        (ENGLISH, {"de"}, "en", "langdetect"),
        ("שלום וברכה לכל הלקוחות שלנו בכל רחבי הארץ, המבצע מתחיל היום", {"he"}, "he", "script"),
        (
            "مرحبا بكم في متجرنا الجديد، جميع المنتجات متوفرة الآن بأسعار رائعة",
            {"ar"},
            "ar",
            "script",
        ),
    ],
)
def test_detect(text: str, expected: set[str], language: str, how: str) -> None:
    found = detect(text, frozenset(expected))
    assert found is not None
    assert (found.language, found.how) == (language, how)


@pytest.mark.parametrize(
    ("code", "canonical_code"),
    [("zh-cn", "zh"), ("zh-tw", "zh"), ("no", "nb"), ("nn", "nb"), ("iw", "he"), ("de_DE", "de")],
)
def test_language_codes_are_compared_canonically(code: str, canonical_code: str) -> None:
    assert canonical(code) == canonical_code


@pytest.mark.parametrize(
    ("market", "copy", "foreign"),
    [("ja-JP", JAPANESE, ENGLISH), ("de-DE", GERMAN, ENGLISH)],
)
def test_real_profiles(market: str, copy: str, foreign: str) -> None:
    profile = real_profile(market)
    assert profile.curated
    doc = paragraphs_doc(f"{copy}\n\n{foreign}")
    hits = run_check(CHECK, doc, profile)
    assert flagged(doc, hits) == [foreign]
    assert CHECK.severity is Severity.WARNING


SERBIAN_CYRILLIC = "Наша нова колекција је сада доступна у свим продавницама широм земље."
SERBIAN_LATIN = (
    "Naša nova kolekcija je sada dostupna u svim prodavnicama širom zemlje. "
    "Pogledajte ponudu i naručite odmah."
)
MALAY = (
    "Koleksi baharu kami kini boleh didapati di semua kedai di seluruh negara. "
    "Lihat tawaran dan pesan hari ini."
)


@pytest.mark.parametrize(
    ("market", "copy", "flagged_as"),
    [
        # langdetect has no Serbian, Bosnian or Malay profile: it names a relative.
        ("sr-RS", SERBIAN_CYRILLIC, []),
        ("sr-RS", SERBIAN_LATIN, []),
        ("bs-BA", SERBIAN_LATIN, []),
        ("ms-MY", MALAY, []),
        # English is still English in those markets ...
        ("sr-RS", ENGLISH, [ENGLISH]),
        ("ms-MY", ENGLISH, [ENGLISH]),
        # ... and the relatives are still foreign where langdetect knows the language.
        ("de-DE", SERBIAN_LATIN, [SERBIAN_LATIN]),
        ("hr-HR", MALAY, [MALAY]),
    ],
)
def test_languages_langdetect_cannot_name_are_not_reported_as_their_relatives(
    market: str, copy: str, flagged_as: list[str]
) -> None:
    doc = paragraphs_doc(copy)
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == flagged_as


def _fluent_messages(path: str) -> list[str]:
    from fluent.syntax import FluentParser, ast

    resource = FluentParser().parse((REALCOPY / path).read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["ja-JP", "de-DE", "zh-CN"])
def test_professional_localization_is_not_flagged(market: str) -> None:
    files = sorted(p.relative_to(REALCOPY) for p in (REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    messages = [m for f in files for m in _fluent_messages(str(f))]
    assert len(messages) > 100
    doc = paragraphs_doc("\n\n".join(messages))
    assert flagged(doc, run_check(CHECK, doc, make_profile(market))) == []
