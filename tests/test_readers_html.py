"""HTML: visible copy by block, attribute copy, page facts, all at exact source offsets."""

from __future__ import annotations

import pytest

from culturelint.document import Document, Segment
from culturelint.readers import read_document


def read(text: str) -> Document:
    return read_document("index.html", text, "html")


def source(doc: Document, segment: Segment, start: int = 0, end: int | None = None) -> str:
    """The file text behind segment characters [start, end)."""
    stop = len(segment.text) if end is None else end
    return doc.text[slice(*segment.span(start, stop))]


def sub(doc: Document, segment: Segment, part: str) -> str:
    """The file text behind the first occurrence of `part` in the segment text."""
    i = segment.text.index(part)
    return source(doc, segment, i, i + len(part))


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in doc.segments]


def kind_of(doc: Document, text: str) -> str:
    [segment] = [s for s in doc.segments if s.text == text]
    return segment.kind


PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
  <title>Frühjahrs&shy;angebot &amp; mehr</title>
  <meta name="description" content="Die &quot;besten&quot; Preise">
  <meta property="og:title" content="Angebot">
  <meta name="twitter:description" content="Jetzt kaufen">
  <meta name="viewport" content="width=device-width">
</head>
<body>
  <h1>Der <em>beste</em> Preis</h1>
  <p>Weiße  Lilien
     für &amp; Sie.</p>
  <ul><li>Erstes <a href="/a">Element</a></li><li>Zweites</li></ul>
  <table><tr><th>Plan</th><td>4,44&nbsp;€</td></tr></table>
  <blockquote>Ein Zitat</blockquote>
  <nav><a href="/kontakt">Kontakt</a></nav>
  <div>Lose Zeile</div>
  <button type="button">Jetzt <b>kaufen</b></button>
  <a class="btn btn-primary" href="/buy">Bestellen</a>
  <input type="submit" value="Absenden">
  <input type="text" placeholder="Ihre E-Mail" aria-label="E-Mail-Adresse">
  <img src="lilies.png" alt="Weiße Lilien" title="Blumen">
</body>
</html>
"""


def test_every_segment_kind_of_a_page() -> None:
    doc = read(PAGE)
    assert texts(doc) == [
        ("title", "Frühjahrs\u00adangebot & mehr"),
        ("meta", 'Die "besten" Preise'),
        ("meta", "Angebot"),
        ("meta", "Jetzt kaufen"),
        ("heading", "Der beste Preis"),
        ("paragraph", "Weiße Lilien für & Sie."),
        ("list_item", "Erstes Element"),
        ("list_item", "Zweites"),
        ("table_cell", "Plan"),
        ("table_cell", "4,44\u00a0€"),
        ("blockquote", "Ein Zitat"),
        ("link", "Kontakt"),
        ("text", "Lose Zeile"),
        ("cta", "Jetzt kaufen"),
        ("cta", "Bestellen"),
        ("cta", "Absenden"),
        ("placeholder", "Ihre E-Mail"),
        ("aria_label", "E-Mail-Adresse"),
        ("alt", "Weiße Lilien"),
        ("title", "Blumen"),
    ]


def test_text_maps_through_markup_entities_and_collapsed_white_space() -> None:
    doc = read(PAGE)
    paragraph = next(s for s in doc.segments if s.kind == "paragraph")
    assert source(doc, paragraph) == "Weiße  Lilien\n     für &amp; Sie."
    assert sub(doc, paragraph, "Lilien") == "Lilien"
    assert source(doc, paragraph, 5, 6) == "  "
    assert source(doc, paragraph, 12, 13) == "\n     "
    assert sub(doc, paragraph, "&") == "&amp;"
    assert doc.position(paragraph.span(13, 16)[0]) == (13, 6)
    heading = next(s for s in doc.segments if s.kind == "heading")
    assert sub(doc, heading, "beste") == "beste"
    assert source(doc, heading) == "Der <em>beste</em> Preis"


def test_attribute_segments_point_inside_the_quotes() -> None:
    doc = read(PAGE)
    description = next(s for s in doc.segments if s.attrs.get("name") == "description")
    assert source(doc, description) == "Die &quot;besten&quot; Preise"
    assert sub(doc, description, '"besten"') == "&quot;besten&quot;"
    assert doc.position(description.span(0, 1)[0]) == (5, 37)
    cta = next(s for s in doc.segments if s.text == "Absenden")
    assert source(doc, cta) == "Absenden"
    assert cta.attrs == {"tag": "input", "attr": "value"}
    alt = next(s for s in doc.segments if s.kind == "alt")
    assert doc.text[alt.span(0, 5)[0] - 5 : alt.span(0, 5)[1]] == 'alt="Weiße'


def test_entities_in_text_and_attributes() -> None:
    doc = read('<p title="a&amp;b &notit; &copy">Tom &amp; Jerry &notit; &copy 2026 &#x1F44D;</p>')
    title, paragraph = doc.segments
    assert (title.kind, paragraph.kind) == ("title", "paragraph")
    assert paragraph.text == "Tom & Jerry ¬it; © 2026 👍"
    assert sub(doc, paragraph, "¬") == "&not"
    assert sub(doc, paragraph, "©") == "&copy"
    assert sub(doc, paragraph, "👍") == "&#x1F44D;"
    assert title.text == "a&b &notit; ©"
    assert sub(doc, title, "&notit;") == "&notit;"
    assert sub(doc, title, "©") == "&copy"


def test_multibyte_text_crlf_and_lone_cr() -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["<p>日本語の", "コピー 👍 and 👨\u200d👩\u200d👧 مرحبا</p>"])
        doc = read(text)
        [segment] = doc.segments
        assert segment.text == "日本語の コピー 👍 and 👨\u200d👩\u200d👧 مرحبا"
        assert source(doc, segment, 4, 5) == newline
        assert doc.position(segment.span(5, 6)[0]) == (2, 1)
        family = segment.text.index("👨")
        assert source(doc, segment, family, family + 5) == "👨\u200d👩\u200d👧"
        assert doc.position(segment.span(family, family + 1)[0]) == (2, 11)
        assert sub(doc, segment, "مرحبا") == "مرحبا"


def test_invisible_and_machine_text_is_skipped() -> None:
    text = (
        "<body><p>Visible</p>"
        "<script>var best = 'ever';</script><style>p{color:red}</style>"
        "<noscript>Enable JS</noscript><template><p>Later</p></template>"
        "<pre>the best</pre><p>Run <code>best --ever</code> now</p>"
        "<div hidden>Hidden</div><div aria-hidden='true'>Decor</div>"
        "<div style='display: none'>None</div><div aria-hidden='false'>Shown</div>"
        "<div hidden='until-found'>Findable</div></body>"
    )
    assert texts(read(text)) == [
        ("paragraph", "Visible"),
        ("paragraph", "Run now"),
        ("text", "Shown"),
        ("text", "Findable"),
    ]


def test_links_inside_text_are_part_of_it_links_alone_are_segments() -> None:
    doc = read(
        '<p>Read our <a href="/story">story</a> today</p>'
        '<div><a href="/faq">FAQ</a></div>'
        '<p>Then <a class="cta-main" href="/buy">buy</a> it</p>'
    )
    assert texts(doc) == [
        ("paragraph", "Read our story today"),
        ("link", "FAQ"),
        ("paragraph", "Then"),
        ("cta", "buy"),
        ("paragraph", "it"),
    ]
    assert [(link.href, link.text) for link in doc.page.links] == [
        ("/story", "story"),
        ("/faq", "FAQ"),
        ("/buy", "buy"),
    ]
    story = doc.page.links[0]
    assert doc.text[story.start : story.end] == "story"


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        ('<a class="btn" href="/x">Go</a>', "cta"),
        ('<a class="button-large" href="/x">Go</a>', "cta"),
        ('<a role="button" href="/x">Go</a>', "cta"),
        ('<a class="submitbtn" href="/x">Go</a>', "link"),
        ('<a class="octagon" href="/x">Go</a>', "link"),
        ("<button>Go</button>", "cta"),
    ],
)
def test_what_counts_as_a_call_to_action(markup: str, kind: str) -> None:
    assert kind_of(read(f"<div>{markup}</div>"), "Go") == kind


def test_market_hint_prefers_the_culturelint_meta_over_lang() -> None:
    with_meta = read('<html lang="en"><head><meta name="culturelint-market" content="en-GB">')
    assert with_meta.market_hint == "en-GB"
    assert with_meta.meta["lang"] == "en"
    only_lang = read('<html lang="ja"><p>copy</p>')
    assert only_lang.market_hint == "ja"
    assert read("<p>copy</p>").market_hint is None


def test_images_links_and_footer_facts() -> None:
    text = (
        "<body><img src='hero.jpg' alt='Hero'><img src='spacer.gif'>"
        "<div class='site-footer'>Kontakt</div>"
        "<footer>© 2026 Muster GmbH · <a href='/impressum'>Impressum</a>"
        "<img src='tuev.png' alt='TÜV geprüft'></footer></body>"
    )
    doc = read(text)
    page = doc.page
    assert page is not None
    assert [(i.src, i.alt) for i in page.images] == [
        ("hero.jpg", "Hero"),
        ("spacer.gif", None),
        ("tuev.png", "TÜV geprüft"),
    ]
    hero = page.images[0]
    assert doc.text[hero.start : hero.end] == "<img src='hero.jpg' alt='Hero'>"
    assert page.footer_text == "Kontakt © 2026 Muster GmbH · Impressum TÜV geprüft"
    assert doc.text[page.anchor[0] : page.anchor[1]] == "<footer>"


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("<html><body class='x'><p>a</p></body></html>", "<body class='x'>"),
        ("<div role='contentinfo'>c</div><p>a</p>", "<div role='contentinfo'>"),
        ("<p>no body tag</p>", ""),
    ],
)
def test_anchor_falls_back_to_footer_like_then_body_then_start(text: str, anchor: str) -> None:
    doc = read(text)
    assert doc.page is not None
    start, end = doc.page.anchor
    assert doc.text[start:end] == anchor


def test_colours_from_style_blocks_and_attributes() -> None:
    text = (
        "<style>\n/* white is risky */\n"
        ".hero, .banner { color: #FFF; background: url(red.png) black }\n"
        "@media (min-width: 600px) { a:hover { border: 1px solid rgb(255 0 0 / 50%) } }\n"
        ":root { --brand: hsl(0, 100%, 50%); --font: 'Red Hat' }\n</style>\n"
        '<p style="color: rgba(0, 128, 0, .5); margin: 4px">x</p>'
        '<font color="tomato">y</font>'
    )
    doc = read(text)
    assert doc.page is not None
    found = [(c.value, c.raw, c.prop, c.selector) for c in doc.page.colours]
    assert found == [
        ("#ffffff", "#FFF", "color", ".hero, .banner"),
        ("#000000", "black", "background", ".hero, .banner"),
        ("#ff0000", "rgb(255 0 0 / 50%)", "border", "a:hover"),
        ("#ff0000", "hsl(0, 100%, 50%)", "--brand", ":root"),
        ("#008000", "rgba(0, 128, 0, .5)", "color", "p"),
        ("#ff6347", "tomato", "color", "font"),
    ]
    for colour in doc.page.colours:
        assert doc.text[colour.start : colour.end] == colour.raw
    assert doc.position(doc.page.colours[0].start) == (3, 25)


def test_comments_are_recorded_with_exact_offsets() -> None:
    text = "<p>a</p>\n<!-- culturelint-disable-next-line CL201 -->\n<p>white</p><!--x--->"
    doc = read(text)
    assert [c.text for c in doc.comments] == [
        "<!-- culturelint-disable-next-line CL201 -->",
        "<!--x--->",
    ]
    for comment in doc.comments:
        assert doc.text[comment.start : comment.end] == comment.text
    assert doc.position(doc.comments[0].start) == (2, 1)


def test_malformed_html_is_recovered_not_fatal() -> None:
    doc = read("<p>one<p>two <b>bold <i>both</b> italic</i></span> tail <div <p>x</p>")
    assert [s.text for s in doc.segments][:2] == ["one", "two bold both italic tail"]
    second = doc.segments[1]
    assert sub(doc, second, "tail") == "tail"
    assert sub(doc, second, "italic") == "italic"


def test_text_joined_across_an_ignored_end_tag_keeps_positions() -> None:
    doc = read("<p>``</div><é and more</p>")
    [segment] = doc.segments
    assert segment.text == "``<é and more"
    assert source(doc, segment, 2, 4) == "<é"
    assert source(doc, segment, 0, 2) == "``"


def test_a_literal_less_than_sign_in_text() -> None:
    doc = read("<title>a<b title</title><p>5 < 6 and 7<=8</p>")
    assert texts(doc) == [("title", "a<b title"), ("paragraph", "5 < 6 and 7<=8")]
    assert source(doc, doc.segments[1]) == "5 < 6 and 7<=8"


def test_ten_thousand_levels_of_nesting() -> None:
    text = "<div>" * 10_000 + "deep copy" + "</div>" * 10_000
    doc = read(text)
    [segment] = doc.segments
    assert segment.text == "deep copy"
    assert source(doc, segment) == "deep copy"


def test_empty_page() -> None:
    doc = read("")
    assert doc.segments == []
    assert doc.page is not None and doc.page.anchor == (0, 0)


def test_unrendered_titles_hidden_attributes_and_named_anchors_are_not_copy() -> None:
    doc = read(
        '<head><link rel="alternate" title="Feed" href="/feed"></head>'
        '<body><abbr title="Gesellschaft mit beschränkter Haftung">GmbH</abbr>'
        '<div hidden><img src="x.png" alt="Secret"></div><a name="top"></a></body>'
    )
    assert texts(doc) == [
        ("title", "Gesellschaft mit beschränkter Haftung"),
        ("text", "GmbH"),
    ]
    assert doc.page is not None
    assert doc.page.links == []
    assert doc.page.images == []
