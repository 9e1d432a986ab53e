"""Each declarative rule type, loaded from YAML and run over documents."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from culturelint.config import Config
from culturelint.document import Document, Link, PageFacts, Segment, verbatim_segment
from culturelint.finding import Hit
from culturelint.profiles.model import Profile
from culturelint.registry import Check, CheckContext
from culturelint.rules_engine import load_rule_file
from culturelint.safe_regex import RegexTimeout

DOC = {"what": "what it flags", "why": "why it matters", "sources": ["A source, 2024"]}


def make_rule(tmp_path: Path, **fields: Any) -> Check:
    """Write one rule to a YAML file and load it through the loader."""
    import yaml

    rule = {
        "code": "ACME001",
        "name": "test-rule",
        "category": "tone",
        "severity": "warning",
        "message": "flagged {match}",
        "doc": DOC,
        **fields,
    }
    path = tmp_path / "acme.yaml"
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True), encoding="utf-8")
    (check,) = load_rule_file(path)
    return check


def make_doc(*segments: str | tuple[str, str], **kwargs: Any) -> Document:
    """Segments laid out one per line; a tuple is (kind, text)."""
    parts: list[Segment] = []
    text = ""
    for seg in segments:
        kind, body = seg if isinstance(seg, tuple) else ("paragraph", seg)
        if text:
            text += "\n"
        parts.append(verbatim_segment(body, len(text), kind))
        text += body
    return Document(
        path="copy.md", text=text, format=kwargs.pop("format", "markdown"), segments=parts, **kwargs
    )


def context(tag: str = "en-US", **data: Any) -> CheckContext:
    return CheckContext(market=tag, profile=Profile(tag, tag, data), config=Config(), year=2026)


def run(check: Check, doc: Document, ctx: CheckContext | None = None) -> list[tuple[str, Hit]]:
    """(flagged text, hit) pairs; the text is cut from the document by the hit's offsets."""
    return [(doc.text[h.start : h.end], h) for h in check.run(doc, ctx or context())]


def flagged(check: Check, doc: Document, ctx: CheckContext | None = None) -> list[str]:
    return [text for text, _ in run(check, doc, ctx)]


# -- terms -------------------------------------------------------------------------


@pytest.fixture
def guarantee_rule(tmp_path: Path) -> Check:
    return make_rule(
        tmp_path,
        type="terms",
        message="'{match}' ({term}) needs care in {market}",
        terms={"en": ["guarantee", "risk-free"], "de": ["Garantie"], "ja": ["保証"]},
    )


def test_terms_flag_each_occurrence_with_a_rendered_message(guarantee_rule: Check) -> None:
    doc = make_doc("Our Guarantees are risk-free.", "No guarantee, no deal.")
    hits = run(guarantee_rule, doc)
    assert [text for text, _ in hits] == ["Guarantees", "risk-free", "guarantee"]
    assert hits[0][1].message == "'Guarantees' (guarantee) needs care in en-US"
    assert hits[0][1].evidence is None  # the sources are in the rule's documentation


def test_terms_use_the_lists_of_the_market_language(guarantee_rule: Check) -> None:
    doc = make_doc("Mit Garantien und guarantee", "返金保証付き")
    assert flagged(guarantee_rule, doc, context("de-DE")) == ["Garantien"]
    assert flagged(guarantee_rule, doc, context("ja-JP")) == ["保証"]
    assert flagged(guarantee_rule, doc, context("fr-FR")) == []  # no French list


def test_terms_match_inflected_forms_by_lemma(guarantee_rule: Check) -> None:
    assert flagged(guarantee_rule, make_doc("Delivery guaranteed")) == ["guaranteed"]


def test_terms_near_miss(guarantee_rule: Check) -> None:
    assert flagged(guarantee_rule, make_doc("Ask your guarantor, riskfree")) == []


def test_terms_case_sensitive(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="terms", terms={"de": ["Sie"]}, case_sensitive=True)
    doc = make_doc("Melden Sie sich an, sie wartet.")
    assert flagged(check, doc, context("de-DE")) == ["Sie"]


def test_terms_kinds_filter(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="terms", terms={"en": ["now"]}, kinds=["cta"])
    doc = make_doc(("paragraph", "Shop now"), ("cta", "Buy now"))
    assert flagged(check, doc) == ["now"]
    assert run(check, doc)[0][1].start == doc.text.index("Buy now") + 4


def test_terms_offsets_map_through_segment_pieces(tmp_path: Path) -> None:
    from culturelint.document import SegmentBuilder

    # "Tom &amp; Jerry guarantee" where the entity stands for "&".
    source = "<p>Tom &amp; Jerry guarantee</p>"
    builder = SegmentBuilder()
    builder.add("Tom ", 3)
    builder.add_mapped("&", 7, 12)
    builder.add(" Jerry guarantee", 12)
    doc = Document("page.html", source, "html", segments=[builder.build("paragraph")])
    check = make_rule(tmp_path, type="terms", terms={"en": ["guarantee"]})
    assert flagged(check, doc) == ["guarantee"]


# -- substitute --------------------------------------------------------------------


@pytest.fixture
def click_rule(tmp_path: Path) -> Check:
    return make_rule(
        tmp_path,
        type="substitute",
        message="write '{suggestion}' rather than '{match}'",
        substitute={"en": {"click here": "select", "utilize": "use"}},
    )


@pytest.mark.parametrize(
    ("text", "found", "suggestion"),
    [
        ("Click here to start", "Click here", "Select"),
        ("or click here.", "click here", "select"),
        ("CLICK HERE", "CLICK HERE", "SELECT"),
        ("We utilize it", "utilize", "use"),
        ("It utilizes AI", "utilizes", "use"),
    ],
)
def test_substitute_suggests_in_matching_case(
    click_rule: Check, text: str, found: str, suggestion: str
) -> None:
    ((flagged_text, hit),) = run(click_rule, make_doc(text))
    assert flagged_text == found
    assert hit.suggestion == suggestion
    assert hit.message == f"write '{suggestion}' rather than '{found}'"


@pytest.mark.parametrize("text", ["Click the button here", "click her", "Select here"])
def test_substitute_negative_and_near_miss(click_rule: Check, text: str) -> None:
    assert run(click_rule, make_doc(text)) == []


# -- pattern -----------------------------------------------------------------------


@pytest.fixture
def urgency_rule(tmp_path: Path) -> Check:
    return make_rule(
        tmp_path,
        type="pattern",
        pattern=r"\b(?:act|buy|order) now\b",
        flags=["ignorecase"],
        message="urgency: {match}",
    )


def test_pattern_flags_every_match(urgency_rule: Check) -> None:
    doc = make_doc("Buy now and ORDER NOW!", "Act now.")
    hits = run(urgency_rule, doc)
    assert [text for text, _ in hits] == ["Buy now", "ORDER NOW", "Act now"]
    assert hits[2][1].message == "urgency: Act now"


@pytest.mark.parametrize("text", ["Buy it now", "Buy nowhere", "Rebuy now"])
def test_pattern_negative_and_near_miss(urgency_rule: Check, text: str) -> None:
    assert flagged(urgency_rule, make_doc(text)) == []


def test_pattern_without_ignorecase_is_case_sensitive(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="pattern", pattern="SALE")
    assert flagged(check, make_doc("SALE sale Sale")) == ["SALE"]


def test_pattern_ignores_empty_matches(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="pattern", pattern="x*")
    assert flagged(check, make_doc("ab xx c")) == ["xx"]


def test_pattern_timeout_keeps_the_hits_before_and_switches_the_rule_off(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="pattern", pattern="(a|[ab]a)+$")
    slow = "a" * 40 + "b"
    doc = make_doc("aaa", slow, "aa")
    hits: list[str] = []
    started = time.perf_counter()
    with pytest.raises(RegexTimeout) as info:
        for hit in check.run(doc, context()):
            hits.append(doc.text[hit.start : hit.end])
    assert time.perf_counter() - started < 1.0
    assert hits == ["aaa"]  # the segments after the slow one are not searched
    assert info.value.rule == "ACME001"
    assert info.value.offset == doc.text.index(slow)
    assert "rule ACME001: pattern '(a|[ab]a)+$' took longer than" in str(info.value)
    with pytest.raises(RegexTimeout) as again:
        list(check.run(make_doc("aaa"), context()))
    assert again.value.earlier and again.value.offset is None


# -- require -----------------------------------------------------------------------


@pytest.fixture
def impressum_rule(tmp_path: Path) -> Check:
    return make_rule(
        tmp_path,
        type="require",
        category="trust",
        markets=["de"],
        message="no {term} link for {market}",
        require={
            "terms": {"de": ["Impressum"]},
            "patterns": [r"/impressum\b"],
            "flags": ["ignorecase"],
            "where": "link",
            "only_landing": True,
        },
    )


def landing(links: list[Link], body: str = "Willkommen") -> Document:
    doc = make_doc(body, format="html")
    doc.page = PageFacts(links=links, anchor=(5, 9))
    return doc


def test_require_flags_a_missing_element_at_the_page_anchor(impressum_rule: Check) -> None:
    doc = landing([Link(href="/kontakt", text="Kontakt", start=0, end=1)])
    ((_, hit),) = run(impressum_rule, doc, context("de-DE"))
    assert (hit.start, hit.end) == (5, 9)
    assert hit.message == "no Impressum link for de-DE"


@pytest.mark.parametrize(
    "link",
    [
        Link(href="/legal", text="Impressum", start=0, end=1),
        Link(href="/IMPRESSUM", text="Rechtliches", start=0, end=1),
    ],
)
def test_require_is_satisfied_by_a_term_or_a_pattern(impressum_rule: Check, link: Link) -> None:
    assert run(impressum_rule, landing([link]), context("de-DE")) == []


def test_require_near_miss_text_outside_links_does_not_count(impressum_rule: Check) -> None:
    doc = landing([], body="Unser Impressum finden Sie unten")
    assert len(run(impressum_rule, doc, context("de-DE"))) == 1


def test_require_skips_pages_that_are_not_landing_pages(impressum_rule: Check) -> None:
    doc = make_doc("Nur ein Blogartikel")
    assert run(impressum_rule, doc, context("de-DE")) == []


def test_require_without_page_facts_searches_the_whole_document(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path,
        type="require",
        message="say {term}",
        require={"terms": {"en": ["money-back guarantee"]}},
    )
    assert run(check, make_doc("Full money-back guarantees apply.")) == []
    ((_, hit),) = run(check, make_doc("Buy today."))
    assert (hit.start, hit.end) == (0, 0)
    assert hit.message == "say money-back guarantee"


def test_require_footer_and_fallback(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path,
        type="require",
        message="no {term}",
        require={"terms": {"en": ["privacy"]}, "where": "footer"},
    )
    in_body = make_doc("Privacy matters", format="html")
    in_body.page = PageFacts(footer_text="© ACME", anchor=(0, 3))
    assert len(run(check, in_body)) == 1
    in_footer = make_doc("Hello", format="html")
    in_footer.page = PageFacts(footer_text="Privacy · Terms")
    assert run(check, in_footer) == []
    no_footer = make_doc("Privacy policy", format="html")
    no_footer.page = PageFacts()
    assert run(check, no_footer) == []


def test_require_does_nothing_for_a_market_without_terms(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path, type="require", message="no {term}", require={"terms": {"de": ["Impressum"]}}
    )
    assert run(check, make_doc("Hello"), context("en-US")) == []


# -- limit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "text", "expected"),
    [
        # exclamation_run: positive, negative, near misses
        ({"what": "exclamation_run", "max": 1}, "Sale!!! Now!", ["!!!"]),
        ({"what": "exclamation_run", "max": 1}, "Sale! Now!", []),
        ({"what": "exclamation_run", "max": 1}, "Really?!", []),
        ({"what": "exclamation_run", "max": 1}, "Really!?!", ["!?!"]),
        ({"what": "exclamation_run", "max": 1}, "セール！！", ["！！"]),
        ({"what": "exclamation_run", "max": 1}, "Wow‼", ["‼"]),
        ({"what": "exclamation_run", "max": 2}, "Wow!! Yes!!!", ["!!!"]),
        # exclamations_per_sentence
        ({"what": "exclamations_per_sentence", "max": 0}, "Hi there! Bye.", ["Hi there!"]),
        ({"what": "exclamations_per_sentence", "max": 1}, "Wow! Great!", []),
        ({"what": "exclamations_per_sentence", "max": 1}, "Wow!!!", []),
        # exclamations_per_segment
        (
            {"what": "exclamations_per_segment", "max": 1},
            "Welcome. Sale today! Hurry!",
            ["Sale today! Hurry!"],
        ),
        ({"what": "exclamations_per_segment", "max": 1}, "Welcome. Sale today!", []),
        ({"what": "exclamations_per_segment", "max": 1}, "Sale today!!!", []),
        # caps_words_per_segment
        (
            {"what": "caps_words_per_segment", "max": 2},
            "Get FREE SHIPPING TODAY only",
            ["FREE SHIPPING TODAY"],
        ),
        ({"what": "caps_words_per_segment", "max": 2}, "Get FREE SHIPPING today", []),
        (
            {"what": "caps_words_per_segment", "max": 2},
            "Made in the USA, UK and EU",
            ["USA, UK and EU"],
        ),
        (
            {"what": "caps_words_per_segment", "max": 2, "min_length": 4},
            "Made in the USA, UK and EU",
            [],
        ),
        ({"what": "caps_words_per_segment", "max": 0}, "ÜBER uns", ["ÜBER"]),
        ({"what": "caps_words_per_segment", "max": 0}, "iPhone 4K A", []),
        # sentence_words
        (
            {"what": "sentence_words", "max": 4},
            "One two three four five. Six.",
            ["One two three four five."],
        ),
        ({"what": "sentence_words", "max": 5}, "One two three four five. Six.", []),
        ({"what": "sentence_words", "max": 2}, "Costs 3.50 euros", ["Costs 3.50 euros"]),
    ],
)
def test_limits(tmp_path: Path, limit: dict[str, Any], text: str, expected: list[str]) -> None:
    check = make_rule(tmp_path, type="limit", limit=limit, message="{count} over {limit}: {match}")
    assert flagged(check, make_doc(text)) == expected


@pytest.mark.parametrize(
    ("limit", "segments", "expected"),
    [
        # Counts are per passage: spread over two, they are not added up.
        ({"what": "exclamations_per_segment", "max": 1}, ["Hi!", "Bye!"], []),
        ({"what": "exclamations_per_segment", "max": 1}, ["Hi!", "Hi! Bye!"], ["Hi! Bye!"]),
        ({"what": "caps_words_per_segment", "max": 1}, ["FREE gift", "NEW in"], []),
        ({"what": "caps_words_per_segment", "max": 1}, ["ok", "FREE NEW"], ["FREE NEW"]),
        ({"what": "caps_words_per_segment", "max": 1}, ["ÜBER uns", "NEU da"], []),
        ({"what": "caps_words_per_segment", "max": 1}, ["über", "NEU ÜBER"], ["NEU ÜBER"]),
        # A run of marks ends with its passage.
        ({"what": "exclamation_run", "max": 1}, ["Sale!", "!Now"], []),
        ({"what": "exclamation_run", "max": 1}, ["Sale.", "Now!!"], ["!!"]),
    ],
)
def test_limits_count_each_passage_of_a_document(
    tmp_path: Path, limit: dict[str, Any], segments: list[str], expected: list[str]
) -> None:
    check = make_rule(tmp_path, type="limit", limit=limit, message="{count} over {limit}: {match}")
    assert flagged(check, make_doc(*segments)) == expected


def test_a_word_str_islower_accepts_is_never_a_caps_word() -> None:
    """The caps measure skips such words without a look at their letters: every
    character with a lower-case form, alone, among capitals and after them."""
    import sys

    from culturelint.rules_engine.limit import is_caps_word

    lower = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).islower()]
    assert len(lower) > 2000
    for char in lower:
        for word in (char, "ABC" + char, char + "ABC", "AB" + char + "CD", char * 4):
            assert not word.islower() or not is_caps_word(word, 1), ascii(word)
    assert is_caps_word("STRAßE") and not "STRAßE".islower()  # ß has no capital


@pytest.mark.parametrize("min_length", [1, 2, 4])
def test_caps_measure_agrees_with_a_look_at_every_word(min_length: int) -> None:
    """Random text of capitals, small letters, joiners and separators, ASCII only for
    one length: the caps measure, which rules most texts out by their capitals, finds
    what a look at every word finds."""
    import random

    from culturelint.rules_engine.limit import _WORD_RE, Limit, is_caps_word

    rng = random.Random(min_length)
    alphabet = ["A", "B", "Q", "a", "z", "'", "-", " ", ".", "1", "_", "--", "AB-C"]
    alphabet += ["É", "é", "ß", "’", "Σ", "ǅ", "ϒ", "字", "²"] if min_length != 4 else []
    fired = 0
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        for limit in (0, 1, 2):
            words = [
                (m.start(), m.end())
                for m in _WORD_RE.finditer(text)
                if is_caps_word(m.group(0), min_length)
            ]
            want = [(len(words), (words[0][0], words[-1][1]))] if len(words) > limit else []
            measured = Limit("caps_words_per_segment", limit, min_length)
            assert list(measured.measure(text, False)) == want, (text, limit)
            fired += bool(want)
    assert fired > 500


def test_limit_message_placeholders(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path,
        type="limit",
        message="{count} exclamations (max {limit}) in {market}",
        limit={"what": "exclamations_per_segment", "max": 1},
    )
    ((_, hit),) = run(check, make_doc("A! B! C!"))
    assert hit.message == "3 exclamations (max 1) in en-US"


def test_several_limits_with_their_own_messages(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path,
        type="limit",
        message="fallback {count}",
        limit=[
            {"what": "exclamation_run", "max": 1, "message": "run of {count}"},
            {"what": "caps_words_per_segment", "max": 1},
        ],
    )
    messages = [hit.message for _, hit in run(check, make_doc("BIG SALE!!"))]
    assert messages == ["run of 2", "fallback 2"]


def test_sentence_words_is_not_measured_for_unspaced_languages(tmp_path: Path) -> None:
    check = make_rule(tmp_path, type="limit", limit={"what": "sentence_words", "max": 1})
    doc = make_doc("これは とても 長い 文 です。")
    assert flagged(check, doc, context("ja-JP")) == []
    assert flagged(check, doc, context("en-US")) == ["これは とても 長い 文 です。"]


# -- selection ---------------------------------------------------------------------


def test_rule_selection_reaches_the_check(tmp_path: Path) -> None:
    check = make_rule(
        tmp_path,
        type="terms",
        terms={"ja": ["最高"]},
        markets=["ja"],
        when={"hofstede": {"uai": ">= 70"}},
    )
    assert check.markets_label == "ja and uai >= 70"
    japan = Profile("ja-JP", "Japan", {})
    japan.__dict__["hofstede"] = None
    assert not check.applies_to(japan)  # no score, no match
    assert not check.applies_to(Profile("de-DE", "Germany", {}))


def test_hofstede_conditioned_rules_cite_the_scores(tmp_path: Path) -> None:
    from culturelint.profiles.model import Hofstede

    check = make_rule(
        tmp_path,
        type="pattern",
        pattern="!",
        when={"hofstede": {"uai": ">= 70"}},
    )
    ctx = context("ja-JP")
    scores = {"pdi": 54, "idv": 46, "mas": 95, "uai": 92, "lto": 88, "ivr": 42}
    ctx.profile.__dict__["hofstede"] = Hofstede("JPN", "Japan", scores)
    assert check.applies_to(ctx.profile)
    ((_, hit),) = run(check, make_doc("Now!"), ctx)
    assert hit.evidence is not None
    assert hit.evidence.to_dict() == {
        "profile": "ja-JP",
        "key": "hofstede.uai",
        "source": "Hofstede 6-D dataset, row JPN (Japan): uai 92",
    }


def test_sentences_are_those_a_loop_over_each_character_finds() -> None:
    """`sentences` jumps from one terminal mark to the next; it must split as the loop
    that looks at every character did."""
    import random

    from culturelint.rules_engine import limit

    def by_character(text: str) -> list[tuple[int, int]]:
        out, start, i, n = [], 0, 0, len(text)
        while i < n:
            if text[i] not in limit._TERMINALS:
                i += 1
                continue
            j = i
            while j < n and text[j] in limit._TERMINALS:
                j += 1
            while j < n and text[j] in limit._CLOSERS:
                j += 1
            cjk = any(c in limit._CJK_TERMINALS for c in text[i:j])
            if j >= n or text[j].isspace() or cjk:
                out.append((start, j))
                start = j
            i = j
        if start < n:
            out.append((start, n))
        return [s for s in (limit._strip(text, a, b) for a, b in out) if s[1] > s[0]]

    pieces = ["Buy now", ".", "!", "?", "…", "。", "！", "‼", '"', "”", ")", "」", " ", "\n",
              "x", "今すぐ", "3.5"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(4000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 14)))
        assert limit.sentences(text) == by_character(text), text
