"""The Fluent reader: messages, attributes, terms and select variants as segments with
exact positions through multiline patterns, CRLF, placeables and literals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.document import Comment, Document, Segment
from culturelint.readers import read_document, reader_for
from shared import SHARED

REALCOPY = SHARED / "data" / "realcopy"


def read(text: str, path: str = "de/main.ftl") -> Document:
    return read_document(path, text, "fluent")


def where(doc: Document, segment: Segment, start: int, end: int) -> tuple[int, int, int, int]:
    src_start, src_end = segment.span(start, end)
    return (*doc.position(src_start), *doc.position(src_end))


def by_key(doc: Document) -> dict[str, list[Segment]]:
    out: dict[str, list[Segment]] = {}
    for segment in doc.segments:
        out.setdefault(segment.key or "", []).append(segment)
    return out


def test_message_attribute_and_term_are_segments() -> None:
    doc = read("-brand = Acme\nhello = Hallo { $name }\n    .title = Grüße von { -brand }\n")
    segments = by_key(doc)
    (term,) = segments["-brand"]
    (hello,) = segments["hello"]
    (title,) = segments["hello.title"]
    assert (term.text, term.kind, term.attrs["term"]) == ("Acme", "message", True)
    assert hello.text == "Hallo { $name }"
    assert hello.attrs["refs"] == {"$name": 1}
    assert title.attrs["refs"] == {"-brand": 1}
    assert where(doc, title, 0, 5) == (3, 14, 3, 19)
    assert doc.market_hint is None


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_multiline_pattern_maps_each_line(newline: str) -> None:
    text = "intro =\n    Erste Zeile\n      eingerückt 日本\n    { $n } Ende\n".replace(
        "\n", newline
    )
    doc = read(text)
    (segment,) = doc.segments
    assert segment.text == "Erste Zeile\n  eingerückt 日本\n{ $n } Ende"
    assert where(doc, segment, 0, 5) == (2, 5, 2, 10)
    i = segment.text.index("eingerückt")
    assert where(doc, segment, i, i + 10) == (3, 7, 3, 17)
    j = segment.text.index("日本")
    assert where(doc, segment, j, j + 2) == (3, 18, 3, 20)
    k = segment.text.index("{ $n }")
    assert where(doc, segment, k, k + 6) == (4, 5, 4, 11)


def test_select_variants_are_segments_with_the_text_around_them() -> None:
    doc = read(
        'tabs = { $count ->\n    [one] Ein { "{" }Tab\n   *[other] { $count } Tabs\n} offen\n'
    )
    one, other = doc.segments
    assert (one.attrs["variant"], one.text) == ("one", "Ein {Tab offen")
    assert (other.attrs["variant"], other.attrs["default_variant"]) == ("other", True)
    assert other.text == "{ $count } Tabs offen"
    assert one.attrs["select"] is True and one.attrs["refs"] == {"$count": 2}
    # The string literal maps onto the whole placeable that writes it.
    i = one.text.index("{")
    assert doc.text[slice(*one.span(i, i + 1))] == '{ "{" }'
    assert where(doc, one, 0, 3) == (2, 11, 2, 14)


def test_message_comment_applies_to_the_whole_message() -> None:
    doc = read("# culturelint-disable-next-line CL801\nlong =\n    eins\n    zwei\n\n## Group\n")
    first, group = doc.comments
    assert isinstance(first, Comment) and first.applies_to is not None
    assert doc.text[slice(*first.applies_to)].endswith("zwei")
    assert group.text == "## Group"
    assert doc.segments[0].note is None


def test_translator_comment_is_the_note() -> None:
    doc = read("# Shown on the button\nbuy = Kaufen\n")
    assert doc.segments[0].note == "Shown on the button"


def test_syntax_error_is_a_warning_and_the_rest_is_read() -> None:
    doc = read("good = Gut\nbad = = {\nalso-good = Auch gut\n")
    assert [s.key for s in doc.segments] == ["good", "also-good"]
    ((message, offset),) = doc.warnings
    assert message.startswith("Fluent syntax error")
    assert doc.position(offset)[0] == 2


def test_a_syntax_error_is_where_the_parser_found_it() -> None:
    """The warning is at the parser's position, as a compiler's would be; its text
    says where the entry that goes unchecked starts."""
    text = "a = A\nb =\n    line one\n    line two\n    hello { $x\n    more\n"
    doc = read(text)
    ((message, offset),) = doc.warnings
    assert message == (
        'Fluent syntax error: Expected token: "}" (column 5; the entry from line 2 was not checked)'
    )
    assert doc.position(offset) == (6, 5)


def test_a_syntax_error_on_the_entry_line_names_its_column() -> None:
    doc = read("a = A\nb c\n")
    ((message, offset),) = doc.warnings
    assert message == 'Fluent syntax error: Expected token: "=" (column 3)'
    assert doc.position(offset) == (2, 3)


def test_extension() -> None:
    assert reader_for("de-DE/main.ftl") == "fluent"


def test_real_professional_files_read_and_every_position_holds() -> None:
    files = sorted(REALCOPY.rglob("*.ftl"))
    assert len(files) > 150
    for path in files:
        doc = read(path.read_text("utf-8"), str(path))
        assert not doc.warnings, path
        for segment in doc.segments:
            for piece in segment.pieces:
                written = doc.text[piece.src_start : piece.src_end]
                if piece.verbatim:
                    assert written == piece.text, (path, segment.key)


ATOMS = ["a = ", "-t = ", "\n", "\r\n", "    ", ".title = ", "{ $x }", "{ -t }", '{ "{" }',
         "{ $n ->\n [one] A\n *[other] B\n}", "Text", "日本", "# c\n", "{", "}", "="]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=30).map("".join))
def test_any_input_reads_and_positions_hold(text: str) -> None:
    doc = read(text)
    for segment in doc.segments:
        for piece in segment.pieces:
            if piece.verbatim:
                assert doc.text[piece.src_start : piece.src_end] == piece.text
    for comment in doc.comments:
        assert doc.text[comment.start : comment.end] == comment.text
