"""Plain text: paragraphs as segments, directive lines as comments, exact positions."""

from __future__ import annotations

import pytest

from culturelint.document import Document, Segment
from culturelint.readers import read_document


def read(text: str) -> Document:
    return read_document("copy.txt", text, "text")


def source(doc: Document, segment: Segment, start: int = 0, end: int | None = None) -> str:
    """The file text behind segment characters [start, end)."""
    stop = len(segment.text) if end is None else end
    return doc.text[slice(*segment.span(start, stop))]


def test_one_segment_per_blank_line_separated_paragraph() -> None:
    doc = read("First paragraph.\n\nSecond one,\nwrapped.\n\n\n  Third.  \n")
    assert [s.text for s in doc.segments] == ["First paragraph.", "Second one,\nwrapped.", "Third."]
    assert {s.kind for s in doc.segments} == {"paragraph"}
    third = doc.segments[2]
    assert source(doc, third) == "Third."
    assert doc.position(third.span(0, 1)[0]) == (7, 3)


def test_lines_of_only_spaces_separate_paragraphs() -> None:
    doc = read("one\n \t \ntwo")
    assert [s.text for s in doc.segments] == ["one", "two"]


def test_empty_and_blank_files_have_no_segments() -> None:
    assert read("").segments == []
    assert read("\n\n  \n").segments == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_breaks_read_as_newline_and_map_to_the_file(newline: str) -> None:
    text = newline.join(["Buy the white", "gift set today", "", "Only ¥4,444"])
    doc = read(text)
    first, second = doc.segments
    assert first.text == "Buy the white\ngift set today"
    assert source(doc, first, 13, 14) == newline
    assert source(doc, first, 14, 18) == "gift"
    assert doc.position(first.span(14, 18)[0]) == (2, 1)
    assert source(doc, second, 5, 11) == "¥4,444"
    assert doc.position(second.span(5, 11)[0]) == (4, 6)


def test_multibyte_text_maps_by_code_point() -> None:
    doc = read("日本語のコピー 👍\n\nمرحبا بالعالم 👨\u200d👩\u200d👧 family")
    japanese, arabic = doc.segments
    assert source(doc, japanese, 8, 9) == "👍"
    assert doc.position(japanese.span(8, 9)[0]) == (1, 9)
    family = arabic.text.index("👨")
    assert source(doc, arabic, family, family + 5) == "👨\u200d👩\u200d👧"
    assert source(doc, arabic, family + 6) == "family"
    assert doc.position(arabic.span(family + 6, family + 7)[0]) == (3, 21)


def test_directive_lines_are_comments_not_copy() -> None:
    text = "Intro line\n# culturelint-disable-next-line CL201\nWhite roses\n"
    doc = read(text)
    assert [c.text for c in doc.comments] == ["# culturelint-disable-next-line CL201"]
    comment = doc.comments[0]
    assert doc.text[comment.start : comment.end] == comment.text
    assert doc.position(comment.start) == (2, 1)
    assert [s.text for s in doc.segments] == ["Intro line", "White roses"]


def test_a_directive_anywhere_in_a_line_counts() -> None:
    doc = read("Sale ends soon  // culturelint-disable-line CL501\r\n")
    assert len(doc.comments) == 1
    assert doc.comments[0].end == len("Sale ends soon  // culturelint-disable-line CL501")
    assert doc.segments == []


def test_the_word_culturelint_alone_is_copy() -> None:
    doc = read("culturelint checks copy\n")
    assert doc.comments == []
    assert [s.text for s in doc.segments] == ["culturelint checks copy"]
