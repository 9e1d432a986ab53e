"""Markdown: segments that read like the rendered page and map back to exact source text."""

from __future__ import annotations

import datetime

import pytest

from culturelint.document import Document, Segment
from culturelint.readers import read_document


def read(text: str) -> Document:
    return read_document("launch.md", text, "markdown")


def source(doc: Document, segment: Segment, start: int = 0, end: int | None = None) -> str:
    """The file text behind segment characters [start, end)."""
    stop = len(segment.text) if end is None else end
    return doc.text[slice(*segment.span(start, stop))]


def sub(doc: Document, segment: Segment, part: str) -> str:
    """The file text behind the first occurrence of `part` in the segment text."""
    i = segment.text.index(part)
    return source(doc, segment, i, i + len(part))


def only(doc: Document, kind: str) -> Segment:
    found = [s for s in doc.segments if s.kind == kind]
    assert len(found) == 1, [(s.kind, s.text) for s in doc.segments]
    return found[0]


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in doc.segments]


# Front matter -----------------------------------------------------------------------

FRONT = """---
market: ja-JP
audience: b2c
campaign:
  start: 2026-04-03
  end: 2026-04-06
page: landing
---
# Spring sale
"""


def test_front_matter_becomes_meta_with_key_line_offsets() -> None:
    doc = read(FRONT)
    assert doc.meta["market"] == "ja-JP"
    assert doc.meta["campaign"] == {
        "start": datetime.date(2026, 4, 3),
        "end": datetime.date(2026, 4, 6),
    }
    assert doc.market_hint == "ja-JP"
    assert doc.is_landing
    campaign = doc.meta_offsets["campaign"]
    assert doc.text[campaign:].startswith("campaign:")
    assert doc.position(campaign) == (4, 1)
    assert doc.position(doc.meta_offsets["market"]) == (2, 1)


def test_front_matter_is_not_copy_and_lines_stay_true() -> None:
    doc = read(FRONT)
    assert texts(doc) == [("heading", "Spring sale")]
    heading = doc.segments[0]
    assert doc.position(heading.span(0, 1)[0]) == (9, 3)


def test_front_matter_with_crlf_line_endings() -> None:
    doc = read(FRONT.replace("\n", "\r\n"))
    assert doc.meta["market"] == "ja-JP"
    assert doc.position(doc.meta_offsets["campaign"]) == (4, 1)
    assert sub(doc, doc.segments[0], "sale") == "sale"
    assert doc.position(doc.segments[0].span(7, 11)[0]) == (9, 10)


def test_invalid_front_matter_is_a_warning_and_the_body_is_still_read() -> None:
    doc = read("---\nmarket: ja-JP\ncampaign: [2026-04-03\n---\nBody copy\n")
    assert doc.meta == {}
    assert doc.market_hint is None
    [(message, offset)] = doc.warnings
    assert "front matter is not valid YAML" in message
    assert offset is not None and doc.position(offset)[0] in (3, 4)
    assert texts(doc) == [("paragraph", "Body copy")]


def test_front_matter_whose_aliases_expand_beyond_reason_is_refused() -> None:
    """379 bytes that expand to 43 million values took gigabytes to report."""
    nested = "".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]\n" for i in range(2, 9))
    first = "x1: &x1 [a, a, a, a, a, a, a, a, a]\n"
    doc = read(f"---\nmarket: ja-JP\n{first}{nested}campaign: *x8\n---\nBody\n")
    assert doc.meta == {}
    [(message, offset)] = doc.warnings
    assert "expands to more than 100,000 values" in message
    assert offset is not None and 2 <= doc.position(offset)[0] <= 11
    assert texts(doc) == [("paragraph", "Body")]


def test_front_matter_reads_as_profiles_do_tabs_after_a_colon_included() -> None:
    """libyaml reads the front matter when PyYAML has it, as it reads the profiles and
    rule packs: a tab after "key:" is white space, where PyYAML's own parser stops."""
    import yaml

    doc = read("---\nmarket:\tde-DE\npage: landing\n---\nBody\n")
    if getattr(yaml, "CSafeLoader", None) is None:
        assert doc.meta == {} and "not valid YAML" in doc.warnings[0][0]
        return
    assert doc.meta == {"market": "de-DE", "page": "landing"}
    assert doc.warnings == []
    assert doc.position(doc.meta_offsets["page"]) == (3, 1)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("campaign: {start: 2024-02-30}", "front matter has an invalid value: '2024-02-30'"),
        ("a: *nope", "front matter is not valid YAML: found undefined alias 'nope'"),
        ("a: 'bell \x07'", "front matter is not valid YAML: unacceptable character U+0007"),
        # YAML would keep the second market silently.
        (
            "market: fr-FR",
            "front matter is not valid YAML: found duplicate key 'market' (first given on line 2)",
        ),
    ],
)
def test_front_matter_problems_are_worded_by_pyyaml(front: str, message: str) -> None:
    doc = read(f"---\nmarket: de-DE\n{front}\n---\nBody\n")
    # A value PyYAML cannot build loses its own key only; broken YAML loses them all.
    assert doc.meta == ({"market": "de-DE"} if "invalid value" in message else {})
    [(found, offset)] = doc.warnings
    assert found.startswith(message)
    assert offset is not None and doc.position(offset)[0] == 3


def test_front_matter_must_be_a_mapping() -> None:
    doc = read("---\n- a\n- b\n---\nBody\n")
    assert doc.meta == {}
    assert doc.warnings == [("front matter must be a mapping of keys to values", 4)]


@pytest.mark.parametrize(
    "text",
    ["\n---\nmarket: ja-JP\n---\nBody\n", "---\nmarket: ja-JP\nBody without a closing fence\n"],
    ids=["not-at-start", "unclosed"],
)
def test_no_front_matter_unless_fenced_at_the_very_start(text: str) -> None:
    doc = read(text)
    assert doc.meta == {}
    assert doc.market_hint is None


# Blocks -----------------------------------------------------------------------------


def test_headings_paragraphs_and_setext_headings() -> None:
    doc = read("# Big *launch* #\n\nSetext title\n============\n\nA paragraph.\n")
    assert texts(doc) == [
        ("heading", "Big launch"),
        ("heading", "Setext title"),
        ("paragraph", "A paragraph."),
    ]
    big = doc.segments[0]
    assert sub(doc, big, "launch") == "launch"
    assert source(doc, big) == "Big *launch"
    assert doc.position(doc.segments[1].span(0, 1)[0]) == (3, 1)


def test_emphasis_is_stripped_even_inside_words() -> None:
    doc = read("un*frigging*believable and **bold**text and __dunder__\n")
    para = doc.segments[0]
    assert para.text == "unfriggingbelievable and boldtext and dunder"
    assert sub(doc, para, "unfrigging") == "un*frigging"
    assert sub(doc, para, "believable") == "believable"
    assert sub(doc, para, "boldtext") == "bold**text"
    assert sub(doc, para, "dunder") == "dunder"


def test_unmatched_delimiters_stay_as_text_at_their_own_position() -> None:
    doc = read("***a** and 5 * 3\n")
    para = doc.segments[0]
    assert para.text == "*a and 5 * 3"
    assert source(doc, para, 0, 1) == "*"
    assert doc.segments[0].span(0, 1) == (0, 1)
    assert sub(doc, para, "5 * 3") == "5 * 3"


def test_soft_break_reads_as_space_mapped_to_the_newline() -> None:
    doc = read("White lilies for\nthe launch\n")
    para = doc.segments[0]
    assert para.text == "White lilies for the launch"
    assert source(doc, para, 16, 17) == "\n"
    assert doc.position(para.span(17, 18)[0]) == (2, 1)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_lone_cr_files_map_exactly(newline: str) -> None:
    text = newline.join(["# Title", "", "One line", "and *two*", "", "- item", ""])
    doc = read(text)
    assert texts(doc) == [
        ("heading", "Title"),
        ("paragraph", "One line and two"),
        ("list_item", "item"),
    ]
    para = doc.segments[1]
    assert source(doc, para, 8, 9) == newline
    assert sub(doc, para, "two") == "two"
    assert doc.position(para.span(13, 16)[0]) == (4, 6)
    assert doc.position(doc.segments[2].span(0, 1)[0]) == (6, 3)


def test_hard_breaks_read_as_newline() -> None:
    doc = read("Call now  \nor later\\\ntoday\n")
    para = doc.segments[0]
    assert para.text == "Call now\nor later\ntoday"
    assert source(doc, para, 8, 9) == "\n"
    assert sub(doc, para, "today") == "today"


def test_nested_lists_and_their_paragraphs_are_list_items() -> None:
    text = "- top item\n  - nested *item*\n    1. deeper\n\n- loose\n\n  second para\n"
    doc = read(text)
    assert texts(doc) == [
        ("list_item", "top item"),
        ("list_item", "nested item"),
        ("list_item", "deeper"),
        ("list_item", "loose"),
        ("list_item", "second para"),
    ]
    nested = doc.segments[1]
    assert sub(doc, nested, "item") == "item"
    assert doc.position(nested.span(0, 1)[0]) == (2, 5)
    assert doc.position(doc.segments[2].span(0, 1)[0]) == (3, 8)
    assert doc.position(doc.segments[4].span(0, 1)[0]) == (7, 3)


def test_list_item_with_a_tab_after_the_marker() -> None:
    doc = read("-\ttab item\n\tcontinued\n")
    item = doc.segments[0]
    assert item.text == "tab item continued"
    assert sub(doc, item, "continued") == "continued"


def test_blockquote_text_skips_the_markers() -> None:
    doc = read("> Quote line one\n> continues *here*\n>\n> > nested quote\n")
    assert texts(doc) == [
        ("blockquote", "Quote line one continues here"),
        ("blockquote", "nested quote"),
    ]
    quote = doc.segments[0]
    assert sub(doc, quote, "continues") == "continues"
    assert source(doc, quote, 14, 15) == "\n"
    assert doc.position(quote.span(14, 15)[0]) == (1, 17)
    assert doc.position(quote.span(15, 16)[0]) == (2, 3)
    assert doc.position(doc.segments[1].span(0, 1)[0]) == (4, 5)


def test_table_cells_with_escaped_pipes_and_markup() -> None:
    text = "| Plan | Price \\| tax |\n|------|-------|\n| **Gold** | ¥4,444 |\n| a | a |\n"
    doc = read(text)
    assert texts(doc) == [
        ("table_cell", "Plan"),
        ("table_cell", "Price | tax"),
        ("table_cell", "Gold"),
        ("table_cell", "¥4,444"),
        ("table_cell", "a"),
        ("table_cell", "a"),
    ]
    price = doc.segments[1]
    assert source(doc, price) == "Price \\| tax"
    assert sub(doc, price, "tax") == "tax"
    assert sub(doc, doc.segments[2], "Gold") == "Gold"
    assert doc.position(doc.segments[3].span(0, 1)[0]) == (3, 14)
    second_a = doc.segments[5]
    assert doc.position(second_a.span(0, 1)[0]) == (4, 7)


def test_code_blocks_and_inline_code_are_not_copy() -> None:
    text = "Run `npm install best-ever` now.\n\n```\nthe best ever\n```\n\n    indented best\n"
    doc = read(text)
    assert texts(doc) == [("paragraph", "Run now.")]
    assert sub(doc, doc.segments[0], "now.") == "now."


# Inline -----------------------------------------------------------------------------


def test_link_text_is_part_of_the_paragraph_and_urls_are_never_copy() -> None:
    text = 'See [the *best* offer](https://shop.example/best-offer "Best &amp; cheapest") today.\n'
    doc = read(text)
    para = only(doc, "paragraph")
    assert para.text == "See the best offer today."
    assert "https" not in para.text and "best-offer" not in para.text
    assert sub(doc, para, "offer") == "offer"
    assert sub(doc, para, "today") == "today"
    assert doc.text.index("today") == para.span(19, 24)[0]
    title = only(doc, "title")
    assert title.text == "Best & cheapest"
    assert source(doc, title) == "Best &amp; cheapest"
    assert sub(doc, title, "&") == "&amp;"
    [link] = doc.page.links
    assert link.href == "https://shop.example/best-offer"
    assert link.text == "the best offer"
    assert doc.text[link.start : link.end] == "the *best* offer"
    assert doc.page.anchor == (0, 0)


def test_autolinks_are_links_but_not_copy() -> None:
    doc = read("Visit <https://example.com/sale> now\n")
    assert texts(doc) == [("paragraph", "Visit now")]
    [link] = doc.page.links
    assert link.href == "https://example.com/sale"
    assert doc.text[link.start : link.end] == "<https://example.com/sale>"


def test_reference_links_and_their_titles() -> None:
    text = 'Read [our story][about] and [faq].\n\n[about]: /about "Since 1923"\n[faq]: /faq\n'
    doc = read(text)
    assert only(doc, "paragraph").text == "Read our story and faq."
    title = only(doc, "title")
    assert title.text == "Since 1923"
    assert source(doc, title) == "Since 1923"
    assert doc.position(title.span(0, 1)[0]) == (3, 18)
    assert [(link.href, link.text) for link in doc.page.links] == [
        ("/about", "our story"),
        ("/faq", "faq"),
    ]


def test_images_give_alt_and_title_segments_and_page_facts() -> None:
    text = 'Intro\n\n![White *chrysanthemum* bouquet](flowers.png "Gift &amp; wrap")\n'
    doc = read(text)
    alt = only(doc, "alt")
    assert alt.text == "White chrysanthemum bouquet"
    assert sub(doc, alt, "chrysanthemum") == "chrysanthemum"
    assert sub(doc, alt, "bouquet") == "bouquet"
    title = only(doc, "title")
    assert title.text == "Gift & wrap"
    assert source(doc, title) == "Gift &amp; wrap"
    [image] = doc.page.images
    assert image.src == "flowers.png"
    assert image.alt == "White chrysanthemum bouquet"
    assert doc.text[image.start : image.end].startswith("![White")
    assert "flowers.png" not in " ".join(s.text for s in doc.segments)


def test_image_inside_a_link() -> None:
    doc = read("[![logo](logo.png) Brand *name*](https://brand.example)\n")
    assert texts(doc) == [("alt", "logo"), ("paragraph", "Brand name")]
    assert sub(doc, doc.segments[1], "name") == "name"
    [link] = doc.page.links
    assert link.text == "logo Brand name"


def test_backslash_escapes_and_entities_map_to_their_source() -> None:
    text = "Only \\*today\\*: 50&nbsp;% off &amp; more &#x41;&#66;\n"
    doc = read(text)
    para = doc.segments[0]
    assert para.text == "Only *today*: 50\u00a0% off & more AB"
    assert source(doc, para, 5, 6) == "\\*"
    assert sub(doc, para, "today") == "today"
    assert sub(doc, para, "\u00a0") == "&nbsp;"
    assert sub(doc, para, "&") == "&amp;"
    assert sub(doc, para, "AB") == "&#x41;&#66;"
    assert sub(doc, para, "% off") == "% off"


def test_multibyte_copy_maps_by_code_point() -> None:
    text = "# 日本語の*見出し*\n\nمرحبا **بالعالم** 👍 and 👨\u200d👩\u200d👧 family\n"
    doc = read(text)
    heading, para = doc.segments
    assert heading.text == "日本語の見出し"
    assert sub(doc, heading, "見出し") == "見出し"
    assert doc.position(heading.span(4, 5)[0]) == (1, 8)
    assert sub(doc, para, "بالعالم") == "بالعالم"
    assert sub(doc, para, "👍") == "👍"
    family = para.text.index("👨")
    assert source(doc, para, family, family + 5) == "👨\u200d👩\u200d👧"
    assert doc.position(para.span(family, family + 1)[0]) == (3, 25)
    assert sub(doc, para, "family") == "family"


# HTML inside Markdown -------------------------------------------------------------------


def test_html_blocks_are_read_as_html() -> None:
    text = (
        "Intro\n\n"
        '<div class="hero" style="background: #fff">\n'
        "<p>Pure <b>white</b> &amp; clean</p>\n"
        '<img src="a.png" alt="A white &quot;gift&quot;">\n'
        "<script>var best = 1;</script>\n"
        "</div>\n"
    )
    doc = read(text)
    assert texts(doc) == [
        ("paragraph", "Intro"),
        ("paragraph", "Pure white & clean"),
        ("alt", 'A white "gift"'),
    ]
    para = doc.segments[1]
    assert sub(doc, para, "white") == "white"
    assert sub(doc, para, "&") == "&amp;"
    assert doc.position(para.span(0, 1)[0]) == (4, 4)
    alt = doc.segments[2]
    assert sub(doc, alt, '"gift"') == "&quot;gift&quot;"
    [colour] = doc.page.colours
    assert (colour.value, doc.text[colour.start : colour.end]) == ("#ffffff", "#fff")
    assert colour.selector == "div.hero"
    assert [image.src for image in doc.page.images] == ["a.png"]


def test_html_block_inside_a_blockquote_skips_the_markers() -> None:
    doc = read("> <div>\n> Quoted <em>html</em>\n> </div>\n")
    [segment] = doc.segments
    assert segment.text == "Quoted html"
    assert sub(doc, segment, "html") == "html"
    assert doc.position(segment.span(0, 1)[0]) == (2, 3)


def test_inline_html_text_attributes_and_skipped_elements() -> None:
    text = (
        'Save <span title="Limited &amp; rare">now</span>, <code>not copy</code> ok'
        '<br>line <img src="i.png" alt="Seal"> <a href="/impressum">Impressum</a>\n'
    )
    doc = read(text)
    assert texts(doc) == [
        ("paragraph", "Save now, ok\nline Impressum"),
        ("title", "Limited & rare"),
        ("alt", "Seal"),
    ]
    title = doc.segments[1]
    assert source(doc, title) == "Limited &amp; rare"
    para = doc.segments[0]
    assert sub(doc, para, "\n") == "<br>"
    assert [(link.href, link.text) for link in doc.page.links] == [("/impressum", "Impressum")]
    link = doc.page.links[0]
    assert doc.text[link.start : link.end] == "Impressum"


def test_html_comments_anywhere_become_comments() -> None:
    text = (
        "<!-- culturelint-disable-next-line CL201 -->\n"
        "White roses <!-- culturelint-disable-line CL202 --> for you\n"
        "\n"
        "```\n<!-- in code: not a directive -->\n```\n"
    )
    doc = read(text)
    assert [c.text for c in doc.comments] == [
        "<!-- culturelint-disable-next-line CL201 -->",
        "<!-- culturelint-disable-line CL202 -->",
    ]
    for comment in doc.comments:
        assert doc.text[comment.start : comment.end] == comment.text
    assert doc.position(doc.comments[1].start) == (2, 13)
    assert texts(doc) == [("paragraph", "White roses for you")]


def test_every_verbatim_piece_is_the_source_text() -> None:
    text = FRONT + (
        "Some **bold** text, [a *link*](u) and `code`.\n"
        "> quote with &copy; and \\_escape\\_\n\n"
        "| a | *b* |\n|---|---|\n| 日本 | 👍 |\n\n"
        "<p>html &amp; text</p>\n"
    )
    for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
        doc = read(variant)
        assert doc.segments
        for segment in doc.segments:
            for piece in segment.pieces:
                written = variant[piece.src_start : piece.src_end]
                if piece.verbatim and piece.text.strip():
                    assert written == piece.text


@pytest.mark.parametrize(
    ("deep", "after", "skipped"),
    [
        (">" * 150 + " deep\n", ["Preis $9 danach"], "the copy nested deeper"),
        ("".join("  " * i + "- item\n" for i in range(60)), [], "the rest of the file"),
    ],
    ids=["blockquote", "list"],
)
def test_copy_past_the_nesting_limit_is_reported_not_skipped_quietly(
    deep: str, after: list[str], skipped: str
) -> None:
    """markdown-it stops at its nesting limit; inside a deep list the containers take
    the rest of the file with them, and the warning must say so."""
    doc = read(f"# T\n\n{deep}\nPreis $9 danach\n")
    ((message, offset),) = doc.warnings
    assert message == f"Markdown nested more than 100 levels deep; {skipped} was not checked"
    assert offset is not None and doc.text.count("\n", 0, offset) + 1 >= 3
    assert [s.text for s in doc.segments if s.text.startswith("Preis")] == after


@pytest.mark.parametrize("value", ["b2b", "B2C", "all"])
def test_front_matter_audience_keeps_a_known_value(value: str) -> None:
    doc = read(f"---\nmarket: de-DE\naudience: {value}\n---\nBody\n")
    assert doc.meta["audience"] == value
    assert doc.warnings == []


def test_front_matter_audience_of_another_value_is_reported_at_its_line_and_dropped() -> None:
    doc = read("---\nmarket: de-DE\naudience: b2x\n---\nBody\n")
    assert doc.meta == {"market": "de-DE"}
    [(message, offset)] = doc.warnings
    assert message == "front matter `audience: b2x` is not one of b2b, b2c, all; it was ignored"
    assert offset is not None and doc.position(offset) == (3, 1)
