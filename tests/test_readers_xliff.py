"""The XLIFF reader: 1.2 and 2.x targets with exact positions through entities, CDATA,
line endings and multi-byte text; inline codes; refused XML."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.document import Comment, Document, Segment
from culturelint.readers import read_document, reader_for
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import EMPTY, SOURCE_LANGUAGE

V12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '<file source-language="en" target-language="{lang}" datatype="plaintext" original="x">\n'
    "<body>\n"
    "{units}\n"
    "</body></file></xliff>\n"
)


def v12(units: str, lang: str = "ja-JP") -> str:
    return V12.replace("{lang}", lang).replace("{units}", units)


def read(text: str) -> Document:
    return read_document("checkout.xlf", text, "xliff")


def where(doc: Document, segment: Segment, start: int, end: int) -> tuple[int, int, int, int]:
    src_start, src_end = segment.span(start, end)
    return (*doc.position(src_start), *doc.position(src_end))


def test_target_is_a_segment_with_source_note_and_state() -> None:
    doc = read(
        v12(
            '<trans-unit id="cta" resname="buy"><source>Buy now</source>\n'
            '<target state="translated">今すぐ購入</target><note>Button</note></trans-unit>'
        )
    )
    (segment,) = doc.segments
    assert (segment.kind, segment.key, segment.text, segment.source) == (
        "target",
        "cta",
        "今すぐ購入",
        "Buy now",
    )
    assert segment.note == "Button"
    assert segment.attrs["state"] == "translated"
    assert segment.attrs["resname"] == "buy"
    # Multi-byte text before and inside the target: columns are code points.
    assert where(doc, segment, 3, 5) == (6, 31, 6, 33)
    assert doc.market_hint == "ja-JP"
    assert doc.meta[SOURCE_LANGUAGE] == "en"


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_entities_cdata_and_line_breaks_map_onto_what_is_written(newline: str) -> None:
    units = (
        '<trans-unit id="u"><source>A &amp; B</source>'
        "<target>Ä &amp; &#x42;<![CDATA[<b>&]]>\nZ</target></trans-unit>"
    )
    doc = read(v12(units, "de-DE").replace("\n", newline))
    (segment,) = doc.segments
    assert segment.text == "Ä & B<b>&\nZ"
    line = 5
    column = doc.text.splitlines()[line - 1].index("Ä") + 1
    assert where(doc, segment, 0, 1) == (line, column, line, column + 1)
    assert where(doc, segment, 2, 3) == (line, column + 2, line, column + 7)  # &amp;
    assert where(doc, segment, 4, 5) == (line, column + 8, line, column + 14)  # &#x42;
    i = segment.text.index("<b>")
    assert where(doc, segment, i, i + 4) == (line, column + 23, line, column + 27)
    assert where(doc, segment, len(segment.text) - 1, len(segment.text)) == (
        line + 1,
        1,
        line + 1,
        2,
    )


def test_inline_codes_are_attrs_not_text() -> None:
    doc = read(
        v12(
            '<trans-unit id="u"><source>Pay <x id="1"/>by <g id="2">card</g> '
            '<ph id="3">&lt;br/&gt;</ph></source>'
            '<target>Zahlen <x id="1"/>per <g id="2">Karte</g> <bpt id="4">[b]</bpt>!'
            '<ept id="4">[/b]</ept></target></trans-unit>',
            "de-DE",
        )
    )
    (segment,) = doc.segments
    assert segment.text == "Zahlen per Karte !"
    assert segment.attrs["source_codes"] == ["<x#1>", "<g#2>", "</g>", "<ph#3>"]
    assert segment.attrs["codes"] == ["<x#1>", "<g#2>", "</g>", "<bpt#4>", "<ept#4>"]


def test_xliff2_segments_states_notes_and_codes() -> None:
    doc = read(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="de"><file id="f"><unit id="u1"><notes><note>Sign-up box</note></notes>'
        '<segment id="s1" state="translated"><source>Click <pc id="1">here</pc></source>'
        '<target>Hier <pc id="1">klicken</pc><cp hex="00A0"/>!</target></segment>'
        '<segment id="s2"><source>Done</source><target>Fertig</target></segment>'
        "</unit></file></xliff>"
    )
    first, second = doc.segments
    assert (first.key, first.text, first.note) == ("u1#s1", "Hier klicken\u00a0!", "Sign-up box")
    assert first.attrs["state"] == "translated"
    assert first.attrs["codes"] == ["<pc#1>", "</pc>"]
    assert (second.key, second.text) == ("u1#s2", "Fertig")
    assert doc.market_hint == "de"
    assert doc.text[slice(*first.span(12, 13))] == '<cp hex="00A0"/>'


def test_limits_from_maxwidth_in_characters_only() -> None:
    doc = read(
        v12(
            '<trans-unit id="a" maxwidth="10" size-unit="char"><source>a</source>'
            '<target>b</target></trans-unit><trans-unit id="b" maxwidth="100">'
            "<source>a</source><target>b</target></trans-unit>"
        )
    )
    assert doc.segments[0].attrs["max_length"] == 10
    assert "max_length" not in doc.segments[1].attrs  # pixels by default: not a char limit


def test_missing_and_empty_targets_are_empty_units() -> None:
    doc = read(
        v12(
            '<trans-unit id="a"><source>Legal</source><target state="new"/></trans-unit>\n'
            '<trans-unit id="b"><source>Help</source></trans-unit>\n'
            '<trans-unit id="c" translate="no"><source>Acme</source></trans-unit>'
        )
    )
    a, b = doc.meta[EMPTY]
    assert (a.key, a.source, doc.text[a.start : a.end]) == ("a", "Legal", '<target state="new"/>')
    assert (b.key, doc.text[b.start : b.end]) == ("b", '<trans-unit id="b">')


def test_alt_trans_proposals_are_not_copy() -> None:
    doc = read(
        v12(
            '<trans-unit id="a"><source>Hi</source><target>Hallo</target>'
            "<alt-trans><source>Hi</source><target>Servus</target></alt-trans></trans-unit>",
            "de-DE",
        )
    )
    assert [s.text for s in doc.segments] == ["Hallo"]


def test_comment_before_a_unit_applies_to_it() -> None:
    doc = read(
        v12(
            "<!-- culturelint-disable-next-line CL802 -->\n"
            '<trans-unit id="a">\n<source>Hi</source>\n<target>Hallo</target>\n</trans-unit>',
            "de-DE",
        )
    )
    (comment,) = doc.comments
    assert isinstance(comment, Comment) and comment.applies_to is not None
    assert doc.text[slice(*comment.applies_to)].endswith("</trans-unit>")


def test_entity_expansion_is_refused_quickly() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + "]><xliff>&j;</xliff>"
    )
    started = time.perf_counter()
    with pytest.raises(ReadError, match="declares entities"):
        read(bomb)
    assert time.perf_counter() - started < 1


def test_external_entity_is_refused() -> None:
    text = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    with pytest.raises(ReadError, match="refused XML"):
        read(text)


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(ReadError) as info:
        read("<xliff>\n<file>\n</xliff>")
    assert info.value.line == 3


def test_extensions() -> None:
    assert reader_for("ja/a.xlf") == reader_for("a.xliff") == "xliff"


ATOMS = ["<trans-unit id='a'>", "</trans-unit>", "<source>", "</source>", "<target>",
         "</target>", "<g id='1'>", "</g>", "<x id='2'/>", "&amp;", "&#x41;", "<![CDATA[<]]>",
         "\r\n", "ä", "日", "<!-- c -->", "<", "&"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=30).map("".join))
def test_any_input_reads_or_is_a_read_error(body: str) -> None:
    try:
        doc = read(v12(body))
    except ReadError:
        return
    for segment in doc.segments:
        for piece in segment.pieces:
            if piece.verbatim:
                assert doc.text[piece.src_start : piece.src_end] == piece.text


def test_text_written_as_it_reads_is_aligned_as_the_character_loop_aligns_it() -> None:
    """`_align` adds text that reads as written in one run; `_align_each`, the loop
    over characters, must build the same segment from it."""
    import random

    from culturelint.document import SegmentBuilder
    from culturelint.readers.xliff import _align_each, _verbatim

    pieces = ["Buy", " ", "\n", "\r\n", "é", "&amp;", "&#x41;", "<![CDATA[", "]]>", "<b>", "x"]
    rng = random.Random(11)
    verbatim = 0
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        at = rng.randint(0, len(text))
        data = text[at : rng.randint(at, len(text))]
        for cdata in (False, True):
            if not _verbatim(text, data, at):
                continue
            verbatim += 1
            one_run, each = SegmentBuilder(), SegmentBuilder()
            one_run.add(data, at)
            _align_each(text, data, at, each, cdata=cdata)
            assert each.build("p") == one_run.build("p"), (text, at, data)
    assert verbatim > 1000


def test_line_tables_hold_the_byte_and_character_offset_of_each_line() -> None:
    import random

    from culturelint.readers.xliff import _Walker

    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choices(["a", "é", "€", "😀", "\n", "\r\n", " "], k=rng.randint(0, 30)))
        walker = _Walker(text)
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        assert walker._line_chars == starts
        assert walker._line_bytes == [len(text[:i].encode("utf-8")) for i in starts]
