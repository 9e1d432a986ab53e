"""CL103 source-language-leftover."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, make_profile, real_profile, run_check
from culturelint.checks.leftovers import CHECK, Kind
from culturelint.cli import app
from culturelint.config import Config
from culturelint.document import Document, verbatim_segment

GERMAN = "Entdecken Sie den Lautsprecher, der Ihr Zuhause mit Musik füllt."
FRENCH = "Découvrez l'enceinte qui remplit votre maison de musique."
JAPANESE = "新しいスマートスピーカーが登場しました。"
CHINESE = "全新智能音箱现已上市，欢迎选购。"


def page(*segments: tuple[str, str]) -> Document:
    """A document of (kind, text) segments, one a line, mapped verbatim."""
    text = "\n".join(t for _, t in segments)
    built, offset = [], 0
    for kind, segment_text in segments:
        built.append(verbatim_segment(segment_text, offset, kind))
        offset += len(segment_text) + 1
    return Document(path="page.html", text=text, format="html", segments=built)


@pytest.mark.parametrize(
    ("market", "copy", "leftover", "expected"),
    [
        ("de-DE", GERMAN, ("cta", "Buy now"), ["Buy now"]),
        ("de-DE", GERMAN, ("link", "Learn more"), ["Learn more"]),
        ("de-DE", GERMAN, ("cta", "Subscribe"), ["Subscribe"]),
        ("de-DE", GERMAN, ("heading", "Add to cart"), ["Add to cart"]),
        (
            "de-DE",
            GERMAN,
            ("paragraph", f"{GERMAN} Learn more about our offers."),
            ["Learn more about our offers"],
        ),
        ("de-DE", GERMAN, ("heading", "Neu – Free shipping"), ["Free shipping"]),
        ("fr-FR", FRENCH, ("link", "Contact us"), ["Contact us"]),
        ("fr-FR", FRENCH, ("cta", "Read more"), ["Read more"]),
        ("ja-JP", JAPANESE, ("paragraph", "詳しくはLearn moreをクリック"), ["Learn more"]),
        ("ja-JP", JAPANESE, ("cta", "Shop Now"), ["Shop Now"]),
        ("zh-CN", CHINESE, ("cta", "立即购买 Buy now"), ["Buy now"]),
    ],
)
def test_leftovers_are_flagged(
    market: str, copy: str, leftover: tuple[str, str], expected: list[str]
) -> None:
    doc = page(("paragraph", copy), leftover)
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == expected


@pytest.mark.parametrize(
    ("market", "copy", "segment"),
    [
        # Words German shares with English.
        ("de-DE", GERMAN, ("heading", "Online Shop")),
        ("de-DE", GERMAN, ("paragraph", "Jetzt im Online-Shop, per E-Mail oder in der App.")),
        ("de-DE", GERMAN, ("heading", "Smart Home")),
        ("de-DE", GERMAN, ("heading", "Team Design")),
        ("de-DE", GERMAN, ("cta", "Sale")),
        ("de-DE", GERMAN, ("cta", "Login")),
        # Brand and product names.
        ("de-DE", GERMAN, ("heading", "Firefox Focus")),
        ("de-DE", GERMAN, ("heading", "Private Browsing")),
        ("ja-JP", JAPANESE, ("paragraph", "Firefox Focusで安全に")),
        ("ja-JP", JAPANESE, ("paragraph", "新しいAurora Pro登場、USB-C対応")),
        # Translated.
        ("fr-FR", FRENCH, ("cta", "En savoir plus")),
        ("zh-CN", CHINESE, ("cta", "立即购买")),
    ],
)
def test_near_misses_are_not_flagged(market: str, copy: str, segment: tuple[str, str]) -> None:
    doc = page(("paragraph", copy), segment)
    assert run_check(CHECK, doc, real_profile(market)) == []


def test_a_page_in_english_throughout_is_not_localized() -> None:
    doc = page(
        ("heading", "Meet Aurora"), ("paragraph", "The speaker for your home."), ("cta", "Buy now")
    )
    assert run_check(CHECK, doc, real_profile("de-DE")) == []


def test_markets_that_write_the_source_language_are_not_checked() -> None:
    doc = page(("paragraph", "Discover the speaker."), ("cta", "Buy now"))
    assert run_check(CHECK, doc, real_profile("en-GB")) == []


def test_whole_segments_cl101_detects_are_left_to_it() -> None:
    english = "Our new collection is available now in all stores across the whole country."
    japanese = [("paragraph", JAPANESE * 3)] * 3
    doc = page(*japanese, ("paragraph", english), ("cta", "Learn more"))
    assert flagged(doc, run_check(CHECK, doc, real_profile("ja-JP"))) == ["Learn more"]


def test_keep_terms_option() -> None:
    config = Config(options={"source-language-leftover": {"keep_terms": ["Made for you"]}})
    doc = page(("paragraph", GERMAN), ("heading", "Made for you"), ("cta", "Buy now"))
    assert flagged(doc, run_check(CHECK, doc, real_profile("de-DE"), config)) == ["Buy now"]


def test_source_language_option() -> None:
    config = Config(options={"CL103": {"source_language": "de"}})
    doc = page(("paragraph", FRENCH), ("cta", "Jetzt kaufen"), ("cta", "Buy now"))
    hits = run_check(CHECK, doc, real_profile("fr-FR"), config)
    assert flagged(doc, hits) == ["Jetzt kaufen"]
    assert hits[0].message == "'Jetzt kaufen' is German left in fr-FR copy"
    assert hits[0].suggestion == "Translate 'Jetzt kaufen' into French"


def test_hand_made_profile_languages_decide() -> None:
    profile = make_profile("de-CH", languages=["de", "fr"])
    doc = page(("paragraph", GERMAN), ("paragraph", FRENCH), ("cta", "Sign up"))
    assert flagged(doc, run_check(CHECK, doc, profile)) == ["Sign up"]


def _fluent_messages(market: str) -> list[str]:
    from fluent.syntax import FluentParser, ast

    messages = []
    for path in sorted((REALCOPY / market).rglob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
                messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize("market", ["de-DE", "fr-FR", "ja-JP", "zh-CN", "pt-BR", "es-ES"])
def test_professional_localization_is_not_flagged(market: str) -> None:
    messages = _fluent_messages(market)
    assert len(messages) > 100, "the shared realcopy data is missing"
    doc = page(*[("paragraph", m) for m in messages])
    assert flagged(doc, run_check(CHECK, doc, real_profile(market))) == []


def test_cli_reports_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(
        '<html lang="de"><body>\n'
        "<p>Entdecken Sie den Lautsprecher, der Ihr Zuhause mit Musik füllt.</p>\n"
        '<a class="cta" href="/kaufen">Buy now</a>\n</body></html>\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL103", "page.html"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 31, 38)
    assert finding["market"] == "de-DE" and finding["category"] == "language"


def test_project_l10n_options_are_honoured() -> None:
    config = Config(options={"l10n": {"keep_terms": ["Made for you"], "source_locale": "en-US"}})
    doc = page(("paragraph", GERMAN), ("heading", "Made for you"), ("cta", "Buy now"))
    assert flagged(doc, run_check(CHECK, doc, real_profile("de-DE"), config)) == ["Buy now"]


def test_units_left_as_their_source_are_left_to_cl102() -> None:
    doc = page(("paragraph", GERMAN), ("msgstr", "Start your free trial today"))
    doc.segments[1].source = "Start your free trial today"
    assert run_check(CHECK, doc, real_profile("de-DE")) == []
    doc.segments[1].source = "Start your free trial"
    assert flagged(doc, run_check(CHECK, doc, real_profile("de-DE"))) == [
        "Start your free trial today"
    ]


def _latin_runs_one_character_at_a_time(text: str) -> list[tuple[int, int, str]]:
    """The runs as a loop over the characters finds them: the reference."""
    from culturelint.checks._util import script_of
    from culturelint.checks.leftovers import _RUN_PUNCTUATION, _trimmed

    out = []
    start = None
    for i, char in enumerate(text + "\x00"):
        latin = (char.isalnum() and script_of(char) == "Latin") or (
            char.isascii() and char.isdigit()
        )
        if latin or (start is not None and char in _RUN_PUNCTUATION):
            if start is None:
                start = i
            continue
        if start is not None:
            out.extend(tuple(f) for f in _trimmed(text, start, i))
            start = None
    return out


def test_latin_runs_are_the_runs_a_loop_over_the_characters_finds() -> None:
    import random

    from culturelint.checks.leftovers import latin_runs

    pieces = [
        *"aZé1٣４ｗ .,'’-&+!?/:\u00a0\n()「」、。",
        "Learn more",
        "詳しくは",
        "へ",
        "ＡＢＣ",
        "مرحبا",
        "Ünïcödé",
        "\ud800",
        "ǅ",
    ]
    rng = random.Random(5)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 16)))
        runs = [tuple(f) for f in latin_runs(text)]
        assert runs == _latin_runs_one_character_at_a_time(text), ascii(text)
        found += len(runs)
    assert found > 3000
    assert [f.text for f in latin_runs("詳しくはLearn more へ。")] == ["Learn more"]


def test_a_fragment_is_judged_once_per_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Lexicon.leftover` remembers `is_leftover`'s answer per fragment and per
    single-word setting; the answers are `is_leftover`'s own."""
    from culturelint.checks import leftovers

    lexicon = leftovers.Lexicon("en", ["de"])
    fragments = ["Learn more", "Entdecken Sie mehr", "Buy now", "Subscribe"]
    expected = {
        (f, single): leftovers.is_leftover(f, lexicon, single)
        for f in fragments
        for single in (False, True)
    }
    assert set(expected.values()) == {True, False}
    calls: list[str] = []
    judge = leftovers.is_leftover

    def counting(fragment: str, lexicon: leftovers.Lexicon, single_word: bool = False) -> bool:
        calls.append(fragment)
        return judge(fragment, lexicon, single_word)

    monkeypatch.setattr(leftovers, "is_leftover", counting)
    for _ in range(3):
        for (fragment, single), answer in expected.items():
            assert lexicon.leftover(fragment, single_word=single) is answer
    assert len(calls) == len(expected)


class _Stops:
    """The part of a Lexicon that `_verdict` asks: which words are function words."""

    def __init__(self, stop: set[str]) -> None:
        self._stop = stop

    def stop(self, word: str) -> bool:
        return word in self._stop

    def command(self, word: str) -> bool:
        return self.stop(word)


_KINDS = list(Kind)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["the", "Shop", "now", "Sie", "more", "Team"]), st.sampled_from(_KINDS)
        ),
        min_size=1,
        max_size=7,
    ),
    st.sets(st.sampled_from(["the", "now", "more", "Sie"])),
    st.booleans(),
    st.integers(min_value=0, max_value=6),
    st.booleans(),
)
def test_market_evidence_never_makes_a_leftover(
    pairs: list[tuple[str, object]], stop: set[str], single: bool, at: int, to_market: bool
) -> None:
    """What the market's tables and the word frequencies can do to a word is move it
    towards the market: any kind to MARKET (a compound whose part is a market word),
    SOURCE to SHARED. None of these may turn a fragment that is no leftover into one:
    `is_leftover` asks the cheap depths first and stops at the first "no" (`Depth`)."""
    from culturelint.checks.leftovers import _verdict

    words = [w for w, _ in pairs]
    kinds = [k for _, k in pairs]
    i = at % len(kinds)
    moved = list(kinds)
    if to_market:
        moved[i] = Kind.MARKET
    elif kinds[i] is Kind.SOURCE:
        moved[i] = Kind.SHARED
    lexicon = _Stops(stop)
    before = _verdict(words, kinds, lexicon, single)  # type: ignore[arg-type]
    after = _verdict(words, moved, lexicon, single)  # type: ignore[arg-type]
    assert after <= before


def test_copy_without_leftovers_never_opens_the_market_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The market's lemma tables are asked about a fragment's words only when the
    source's vocabulary alone leaves it open: a German page holds no fragment that is
    English by the English vocabulary, and a page with "Learn more" needs the tables
    (which say whether "more" is German too)."""
    from culturelint.checks import _wordsets, leftovers

    asked: list[str] = []
    real = _wordsets.market_tables

    def market_tables(language: str) -> object:
        asked.append(language)
        return real(language)

    monkeypatch.setattr(_wordsets, "market_tables", market_tables)
    profile = real_profile("de-DE")
    german = page(
        ("p", GERMAN), ("cta", "Jetzt bestellen"), ("p", "Unser Online-Shop ist für Sie da.")
    )
    assert run_check(CHECK, german, profile) == []
    assert asked == []
    leftovers._lexicon.cache_clear()
    english = page(("p", GERMAN), ("link", "Learn more about our speakers"))
    assert flagged(english, run_check(CHECK, english, profile)) == ["Learn more about our speakers"]
    assert asked and set(asked) == {"de"}
