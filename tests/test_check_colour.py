"""CL201 colour-connotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checkutil import flagged, make_profile, page_doc, paragraphs_doc, real_profile, run_check
from culturelint.checks._util import first_sentence
from culturelint.checks.colour import CHECK, VOCABULARY, family_of
from culturelint.config import Config
from culturelint.document import Document
from culturelint.finding import Severity

SOURCE = "Aslam (2006), Journal of Marketing Communications 12(1)"


def entry(colour: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": colour,
        "colour": colour,
        "meaning": f"{colour.title()} is the colour of mourning here. It is also worn at X.",
        "source": SOURCE,
        "confidence": "medium",
        **extra,
    }


def profile_with(tag: str, *entries: dict[str, Any]):  # type: ignore[no-untyped-def]
    return make_profile(tag, colours={"entries": list(entries)})


WHITE_JA = entry("white", words={"ja": ["白", "ホワイト"], "en": ["white"]})
WHITE_ZH = entry("white", words={"zh": ["白", "白色"]})
BLACK_DE = entry("black", words={"de": ["schwarz"]})
WHITE_DE = entry("white", words={"de": ["weiß"]})

# -- words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "colour_entry", "text", "expected"),
    [
        ("ja-JP", WHITE_JA, "新作の白いシャツが登場。", ["白"]),
        ("ja-JP", WHITE_JA, "ホワイトのギフトボックス", ["ホワイト"]),
        ("zh-CN", WHITE_ZH, "新春白色礼盒，送给家人。", ["白色"]),
        ("de-DE", BLACK_DE, "Die schwarzen Schuhe für den Abend.", ["schwarzen"]),
        ("de-DE", WHITE_DE, "Das weiße Hemd ist zurück.", ["weiße"]),
    ],
)
def test_colour_words_are_flagged(
    market: str, colour_entry: dict[str, Any], text: str, expected: list[str]
) -> None:
    doc = paragraphs_doc(f"# Neu\n\n{text}")
    hits = run_check(CHECK, doc, profile_with(market, colour_entry))
    assert flagged(doc, hits) == expected


@pytest.mark.parametrize(
    ("market", "colour_entry", "text"),
    [
        # Words that hold the colour character without naming the colour.
        ("ja-JP", WHITE_JA, "面白い企画をご用意しました。"),
        ("ja-JP", WHITE_JA, "ホワイトデーのお返しに。"),
        ("ja-JP", WHITE_JA, "空白のままで送信できます。"),
        ("ja-JP", WHITE_JA, "サイトをホワイトリストに登録"),
        ("zh-CN", WHITE_ZH, "加入白名单"),
        ("zh-CN", WHITE_ZH, "我明白你的需求，白天也可以送货。"),
        ("de-DE", WHITE_DE, "Ich weiß, was Sie suchen."),
        ("de-DE", WHITE_DE, "Wer weiß, was morgen kommt?"),
        # The entry's English words do not apply to a market that writes Japanese.
        ("ja-JP", WHITE_JA, "Our white collection"),
        # No colour word at all.
        ("de-DE", BLACK_DE, "Die neue Kollektion ist da."),
    ],
)
def test_near_misses_are_not_flagged(market: str, colour_entry: dict[str, Any], text: str) -> None:
    doc = paragraphs_doc(text)
    assert run_check(CHECK, doc, profile_with(market, colour_entry)) == []


def test_message_suggestion_evidence_and_severity() -> None:
    colour_entry = entry("white", words={"ja": ["白"]}, contexts=["gift", "funeral"])
    doc = paragraphs_doc("白いギフト")
    (hit,) = run_check(CHECK, doc, profile_with("ja-JP", colour_entry))
    assert (
        hit.message
        == "'白' (white) carries a connotation in ja-JP: White is the colour of mourning here."
    )
    assert hit.suggestion == "Avoid white where the copy touches on: gift, funeral"
    assert hit.evidence is not None
    assert (hit.evidence.profile, hit.evidence.key, hit.evidence.source) == (
        "ja-JP",
        "colours.white",
        SOURCE,
    )
    assert hit.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("extra", "severity"),
    [
        ({"confidence": "low"}, Severity.INFO),
        ({"confidence": "high"}, Severity.WARNING),
        ({"confidence": "low", "severity": "error"}, Severity.ERROR),
    ],
)
def test_severity_follows_the_entry(extra: dict[str, Any], severity: Severity) -> None:
    doc = paragraphs_doc("白色礼盒")
    hits = run_check(CHECK, doc, profile_with("zh-CN", {**WHITE_ZH, **extra}))
    assert [h.severity for h in hits] == [severity]


def test_entry_without_words_is_not_looked_for_by_default() -> None:
    doc = paragraphs_doc("新作の白いシャツ")
    assert run_check(CHECK, doc, profile_with("ja-JP", entry("white"))) == []


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ja-JP", "面白い新作の白いシャツ", ["白い"]),
        ("ja-JP", "真っ白なドレスと白色のバッグ", ["真っ白", "白色"]),
        # A colour's character inside a word that does not name the colour.
        ("ja-JP", "白熱した試合と白菜の鍋", []),
        ("zh-CN", "我明白：白色礼盒", ["白色"]),
        ("zh-CN", "白天吃白菜，喝白酒", []),
        ("de-DE", "Ich weiß: Weiß steht Ihnen.", ["Weiß"]),
        ("de-DE", "Das weiße Hemd", ["weiße"]),
    ],
)
def test_colour_names_option_uses_the_vocabulary(
    market: str, text: str, expected: list[str]
) -> None:
    config = Config(options={"colour-connotation": {"colour-names": True}})
    doc = paragraphs_doc(text)
    hits = run_check(CHECK, doc, profile_with(market, entry("white")), config)
    assert flagged(doc, hits) == expected


def test_empty_words_switch_the_vocabulary_off() -> None:
    config = Config(options={"CL201": {"colour-names": True}})
    doc = paragraphs_doc("白いシャツ")
    assert run_check(CHECK, doc, profile_with("ja-JP", entry("white", words={})), config) == []


def test_vocabulary_covers_every_colour_of_the_schema() -> None:
    import json
    from importlib import resources

    schema = json.loads(
        resources.files("culturelint.schemas").joinpath("market.schema.json").read_text()
    )
    colours = schema["$defs"]["colourEntry"]["properties"]["colour"]["enum"]
    assert sorted(VOCABULARY) == sorted(colours)
    assert all({"en", "ja", "zh", "de"} <= set(VOCABULARY[c]) for c in colours)


# -- CSS ------------------------------------------------------------------------------------

LANDING = """<html><head><style>
body { background-color: #FFFFFF; color: #fff; border-color: #ffffff }
.card { background: #fdfdfd }
</style></head><body><h1>新春礼盒</h1></body></html>"""


def landing(colours: list[tuple[str, str, str, str]], html: str = LANDING) -> Document:
    return page_doc(html, colours)


WHITE_CSS = entry("white", css=True)


@pytest.mark.parametrize("market", ["zh-CN", "ja-JP"])
def test_dominant_background_is_flagged_at_the_value(market: str) -> None:
    doc = landing(
        [
            ("#FFFFFF", "#ffffff", "background-color", "body"),
            ("#fff", "#ffffff", "color", "body"),
            ("#ffffff", "#ffffff", "border-color", "body"),
            ("#fdfdfd", "#fdfdfd", "background", ".card"),
        ]
    )
    hits = run_check(CHECK, doc, profile_with(market, WHITE_CSS))
    assert flagged(doc, hits) == ["#FFFFFF"]
    assert hits[0].start == LANDING.index("#FFFFFF")
    assert hits[0].message.startswith(
        f"#FFFFFF (white, the background-color of body) carries a connotation in {market}: "
    )
    assert hits[0].evidence is not None and hits[0].evidence.key == "colours.white"


@pytest.mark.parametrize(
    ("prop", "selector", "where"),
    [
        ("background", ".hero", "the background of .hero"),
        ("background-color", "header.site", "the background-color of header.site"),
        ("background-color", "body > main", "the background-color of body > main"),
        ("--brand-primary", ":root", "the brand colour --brand-primary"),
        ("--accent", "html", "the brand colour --accent"),
    ],
)
def test_prominent_places(prop: str, selector: str, where: str) -> None:
    html = f"<style>{selector} {{ {prop}: #000 }}</style>"
    doc = page_doc(html, [("#000", "#000000", prop, selector)])
    hits = run_check(CHECK, doc, profile_with("de-DE", entry("black", css=True)))
    assert flagged(doc, hits) == ["#000"]
    assert f"(black, {where})" in hits[0].message


@pytest.mark.parametrize(
    ("prop", "selector"),
    [
        ("border-color", "body"),  # borders never make a page look a colour
        ("outline-color", ".hero"),
        ("color", "body"),  # black text is just text
        ("background", ".footer-note"),  # used once, not a dominant selector
        ("--grey-900", ":root"),  # a custom property that is not the brand palette
        ("--brand-primary", ".card"),  # brand-named, but not on :root
    ],
)
def test_not_prominent(prop: str, selector: str) -> None:
    html = f"<style>{selector} {{ {prop}: #000 }}</style>"
    doc = page_doc(html, [("#000", "#000000", prop, selector)])
    assert run_check(CHECK, doc, profile_with("de-DE", entry("black", css=True))) == []


def test_colour_used_three_times_is_reported_once_at_its_first_use() -> None:
    html = "<style>.a{background:#c00}.b{fill:#c00}.c{color:#c00}.d{color:#c00}</style>"
    uses = [
        ("#c00", "#cc0000", p, s)
        for p, s in [("background", ".a"), ("fill", ".b"), ("color", ".c"), ("color", ".d")]
    ]
    doc = page_doc(html, uses)
    hits = run_check(CHECK, doc, profile_with("zh-CN", entry("red", css=True)))
    assert [h.start for h in hits] == [html.index("#c00")]
    assert "(red, used 4 times on the page)" in hits[0].message


def test_one_finding_per_entry_and_selector() -> None:
    html = "<style>body{background:#fff;background-color:#fefefe}</style>"
    doc = page_doc(
        html,
        [
            ("#fff", "#ffffff", "background", "body"),
            ("#fefefe", "#fefefe", "background-color", "body"),
        ],
    )
    hits = run_check(CHECK, doc, profile_with("ja-JP", WHITE_CSS))
    assert flagged(doc, hits) == ["#fff"]


@pytest.mark.parametrize(
    ("colour_entry", "is_landing"),
    [
        (entry("white", css=False), True),  # the entry does not ask for CSS
        (entry("white"), True),
        (WHITE_CSS, False),  # only landing pages
        (entry("red", css=True), True),  # white is not red
    ],
)
def test_css_near_misses(colour_entry: dict[str, Any], is_landing: bool) -> None:
    doc = landing([("#FFFFFF", "#ffffff", "background-color", "body")])
    if not is_landing:
        doc.format = "markdown"
    assert run_check(CHECK, doc, profile_with("zh-CN", colour_entry)) == []


@pytest.mark.parametrize(
    ("value", "families"),
    [
        ("#ffffff", {"white"}),
        ("#fffaf0", {"white"}),  # floral white: tinted, still white
        ("#f5e6cc", set()),  # cream is not white
        ("#000000", {"black"}),
        ("#1a1a1a", {"black"}),
        ("#222222", {"grey"}),
        ("#808080", {"grey"}),
        ("#c8102e", {"red"}),
        ("#ff0000", {"red"}),
        ("#ff8080", {"pink"}),  # a light red is pink, not red
        ("#ffd700", {"gold", "yellow"}),
        ("#8b4513", {"brown"}),
        ("#008000", {"green"}),
        ("#0000ff", {"blue"}),
        ("#800080", {"purple"}),
        ("#ffa500", {"orange"}),
        ("#ffffff10", set()),  # almost transparent paints nothing
        ("#ffffffff", {"white"}),
        ("white", set()),  # not normalised: no family rather than a guess
    ],
)
def test_colour_families(value: str, families: set[str]) -> None:
    assert family_of(value) == families


# -- curated profiles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "text"),
    [
        # The curated white entries leave out words on purpose: white is an everyday
        # product colour in both markets, and red is a good colour in China.
        ("ja-JP", "面白い新作の白いシャツとホワイトデーのギフト"),
        ("zh-CN", "新春红色礼盒，白色T恤，我明白"),
        ("de-DE", "Das schwarze Kleid und das weiße Hemd."),
    ],
)
def test_curated_profiles_do_not_flag_everyday_colour_words(market: str, text: str) -> None:
    profile = real_profile(market)
    assert profile.curated
    assert run_check(CHECK, paragraphs_doc(text), profile) == []


def test_curated_entry_supplies_meaning_and_evidence() -> None:
    profile = real_profile("ja-JP")
    doc = paragraphs_doc("白いシャツ")
    config = Config(options={"colour-connotation": {"colour-names": True}})
    (hit,) = run_check(CHECK, doc, profile, config)
    (white,) = [e for e in profile.entries("colours") if e["colour"] == "white"]
    assert hit.message == (
        f"'白い' (white) carries a connotation in ja-JP: {first_sentence(white['meaning'])}"
    )
    assert hit.evidence == profile.evidence(f"colours.{white['id']}", white)
    assert hit.evidence.source


def test_landing_page_read_by_the_html_reader() -> None:
    from culturelint.readers import read_document

    html = (
        "<!doctype html><html lang='zh-CN'><head><style>\n"
        ":root { --brand-primary: #FFFFFF; --grey: #eee }\n"
        "body { background-color: white; color: #333 }\n"
        ".card { border: 1px solid #fff }\n"
        "</style></head><body style='background:#fefefe'><h1>新春礼盒</h1></body></html>"
    )
    doc = read_document("landing.html", html, "html")
    hits = run_check(CHECK, doc, profile_with("zh-CN", WHITE_CSS))
    assert flagged(doc, hits) == ["#FFFFFF", "white"]
    assert [h.start for h in hits] == [html.index("#FFFFFF"), html.index("white;")]


@pytest.mark.parametrize(("entries", "applies"), [([WHITE_JA], True), ([], False)])
def test_applies_only_to_markets_with_colour_entries(
    entries: list[dict[str, Any]], applies: bool
) -> None:
    assert CHECK.applies_to(profile_with("ja-JP", *entries)) is applies


# -- colours that matter only in a context (white next to gift or New Year words) ---------

CONTEXT_WHITE = {
    "colours": {
        "entries": [
            {
                "id": "white",
                "colour": "white",
                "meaning": "White is the colour of mourning.",
                "words": {"zh": ["白色"], "en": ["white"]},
                "context": {"zh": ["礼盒", "春节"], "en": ["gift"]},
                "source": "Aslam 2006",
                "confidence": "low",
            }
        ]
    }
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("白色礼盒装，送朋友。", ["白色"]),  # colour word with a gift word: fires
        ("春节限定白色款", ["白色"]),
        ("白色款，简约百搭。", []),  # product colour, no context: quiet
        ("我明白，礼盒很快到。", []),  # near miss: 白 inside 明白 is not the colour word
    ],
)
def test_context_gates_colour_words(text: str, expected: list[str]) -> None:
    profile = make_profile("zh-CN", language="zh", **CONTEXT_WHITE)
    doc = paragraphs_doc(text)
    assert flagged(doc, run_check(CHECK, doc, profile)) == expected


def test_shipped_zh_cn_profile_flags_white_gift_boxes() -> None:
    doc = paragraphs_doc("白色礼盒装，限时特价。\n\n白色款，简约百搭。")
    hits = run_check(CHECK, doc, real_profile("zh-CN"))
    assert flagged(doc, hits) == ["白色"]
    assert hits[0].start == 0


# -- alt texts and image file names ---------------------------------------------------------


def read_html(html: str) -> Document:
    from culturelint.readers import read_document

    return read_document("page.html", html, "html")


def read_markdown(text: str) -> Document:
    from culturelint.readers import read_document

    return read_document("page.md", text, "markdown")


@pytest.mark.parametrize(
    ("market", "colour_entry", "html", "expected"),
    [
        ("ja-JP", WHITE_JA, '<img src="a.png" alt="白いギフトボックス">', ["白"]),
        ("zh-CN", WHITE_ZH, '<p>新品</p><img src="a.png" alt="白色礼盒">', ["白色"]),
    ],
)
def test_alt_text_is_searched_like_copy(
    market: str, colour_entry: dict[str, Any], html: str, expected: list[str]
) -> None:
    doc = read_html(html)
    hits = run_check(CHECK, doc, profile_with(market, colour_entry))
    assert flagged(doc, hits) == expected
    assert [s.kind for s in doc.segments if s.text.startswith("白")] == ["alt"]


WHITE_FILES = entry("white", words={"ja": ["白"], "zh": ["白色"], "en": ["white"]})


@pytest.mark.parametrize(
    ("market", "src", "expected"),
    [
        ("ja-JP", "/img/white-gift-box.jpg", ["white"]),
        ("ja-JP", "/img/gift_WHITE.png?v=2", ["WHITE"]),  # query string dropped
        ("ja-JP", "https://cdn.example.jp/img/whiteGiftBox.webp", ["white"]),  # camelCase
        ("ja-JP", "/img/新作の白いシャツ.png", ["白"]),  # CJK: anywhere in the name
        ("zh-CN", "/img/hero.white.png", ["white"]),
        ("zh-CN", "/img/新春白色礼盒.jpg", ["白色"]),
        ("zh-CN", "/img/white_box", ["white"]),  # no extension: still an image
    ],
)
def test_image_file_names_are_flagged_at_the_word(
    market: str, src: str, expected: list[str]
) -> None:
    doc = read_html(f'<html><body><img src="{src}" alt=""></body></html>')
    hits = run_check(CHECK, doc, profile_with(market, WHITE_FILES))
    assert flagged(doc, hits) == expected
    assert hits[0].message.startswith("Image file name '")
    assert hits[0].evidence is not None and hits[0].evidence.key == "colours.white"


@pytest.mark.parametrize(
    ("market", "src"),
    [
        ("ja-JP", "/docs/whitepaper.pdf"),  # not an image, and not the whole word
        ("ja-JP", "/img/white-label-kit.png"),  # "white label" is not the colour
        ("ja-JP", "/img/white.pdf"),  # not an image
        ("ja-JP", "/img/whiteboard.png"),  # not a whole word
        ("ja-JP", "/img/面白いギフト.png"),  # 白 inside 面白い
        ("zh-CN", "https://cdn.example.cn/img/hero.jpg?bg=white"),  # only in the query
        ("zh-CN", "/img/白名单.png"),  # whitelist
        ("zh-CN", "/img/red-gift.png#white"),  # only in the fragment
    ],
)
def test_image_file_name_near_misses(market: str, src: str) -> None:
    doc = read_html(f'<img src="{src}" alt="">')
    assert run_check(CHECK, doc, profile_with(market, WHITE_FILES)) == []


@pytest.mark.parametrize(
    ("market", "src", "expected"),
    [
        ("zh-CN", "/img/blackboard.png", []),  # black is not a whole word here
        ("zh-CN", "/img/black-friday-sale.png", []),  # a sale, not the colour
        ("de-DE", "/img/schwarz-weiss_Kleid.jpg", ["schwarz"]),
        ("de-DE", "/img/Schwarzwald.jpg", []),  # the Black Forest
    ],
)
def test_file_names_in_a_spaced_language(market: str, src: str, expected: list[str]) -> None:
    black = entry("black", words={"de": ["schwarz"], "en": ["black"]})
    doc = read_html(f'<img src="{src}" alt="">')
    assert flagged(doc, run_check(CHECK, doc, profile_with(market, black))) == expected


def test_image_file_names_need_an_entry_with_words() -> None:
    doc = read_html('<img src="/img/white-gift.png" alt="">')
    config = Config(options={"colour-connotation": {"colour-names": True}})
    assert run_check(CHECK, doc, profile_with("ja-JP", entry("white")), config) == []


@pytest.mark.parametrize(
    ("src", "alt", "expected"),
    [
        ("/img/white-gift-box.png", "", ["white"]),  # context word in the file name
        ("/img/white-box.png", "春节礼盒", ["white"]),  # context word in the alt text
        ("/img/白色礼盒.png", "", ["白色"]),
        ("/img/white-tshirt.png", "简约百搭", []),  # a product colour: no context
        ("/img/white-tshirt.png", None, []),
    ],
)
def test_file_names_respect_the_entry_context(
    src: str, alt: str | None, expected: list[str]
) -> None:
    alt_attr = "" if alt is None else f' alt="{alt}"'
    doc = read_html(f'<img src="{src}"{alt_attr}>')
    profile = make_profile("zh-CN", language="zh", **CONTEXT_WHITE)
    hits = [h for h in run_check(CHECK, doc, profile) if h.message.startswith("Image")]
    assert flagged(doc, hits) == expected


def test_markdown_image_points_at_the_file_name_in_the_src() -> None:
    text = '# 新品\n\n![white gift](/img/white-gift.png "white")\n'
    doc = read_markdown(text)
    hits = [
        h
        for h in run_check(CHECK, doc, profile_with("ja-JP", WHITE_FILES))
        if h.message.startswith("Image")
    ]
    assert [h.start for h in hits] == [text.index("/img/white") + len("/img/")]


def test_percent_encoded_file_name_points_at_the_image() -> None:
    html = '<img src="/img/%E7%99%BD%E8%89%B2%E7%A4%BC%E7%9B%92.png" alt="">'
    doc = read_html(html)
    hits = run_check(CHECK, doc, profile_with("zh-CN", WHITE_FILES))
    assert len(hits) == 1
    assert "'白色礼盒'" in hits[0].message
    assert (hits[0].start, hits[0].end) == (0, len(html))


def test_shipped_zh_cn_profile_flags_white_gift_images_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from culturelint.cli import app

    monkeypatch.chdir(tmp_path)
    html = (
        '<!doctype html>\n<html lang="zh-CN"><body>\n<h1>新品</h1>\n'
        '<img src="/img/white-gift-box.png" alt="">\n'
        '<img src="/img/white-tshirt.png" alt="">\n</body></html>\n'
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL201", "page.html"]
    )
    found = [
        (f["rule"], f["line"], f["column"], f["end_column"])
        for f in json.loads(result.stdout)["findings"]
    ]
    assert found == [("CL201", 4, 16, 21)], result.output
