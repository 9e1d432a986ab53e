"""Inputs the coverage-guided fuzzer (fuzz/) found to break a reader, kept as tests.

Each case once raised or produced a position that pointed at the wrong text.
"""

from __future__ import annotations

import pytest

from culturelint.readers import read_document

CASES = [
    # The start tag's quoted ">" ended the tag early when realigning joined text.
    ("html", '><html g=">">\n<'),
    # Text foster-parented out of a table mapped onto a later character.
    ("html", "<table></p> <<p>D"),
    # A control character in front matter: yaml.ReaderError from the loader itself.
    ("markdown", "---\nmarket: de\x12\n---\nHallo\n"),
    # A date that is no date: ValueError from PyYAML's timestamp constructor.
    ("markdown", "---\ncampaign:\n  start: 2024-02-30\n---\nHallo\n"),
]


@pytest.mark.parametrize(("fmt", "text"), CASES)
def test_fuzzer_finding_stays_fixed(fmt: str, text: str) -> None:
    doc = read_document("case", text, fmt)
    for segment in doc.segments:
        for piece in segment.pieces:
            assert 0 <= piece.src_start <= piece.src_end <= len(text)
            if piece.verbatim and not piece.text.isspace():
                assert text[piece.src_start : piece.src_end] == piece.text
    for message, offset in doc.warnings:
        assert offset is not None and 0 <= offset <= len(text), message


# -- found by fuzzing the PO reader ---------------------------------------------------


def test_po_comment_span_is_exactly_its_text() -> None:
    from culturelint.readers.po import read

    text = '# note \t\nmsgid "a"\nmsgstr "b"\n'
    doc = read("x.po", text)
    (comment,) = doc.comments
    assert text[comment.start : comment.end] == comment.text == "# note"


@pytest.mark.parametrize("odd_break", ["\x0c", "\x1c", "\u2028", "\x85"])
def test_po_error_line_counts_lines_as_editors_do(odd_break: str) -> None:
    from culturelint.readers.errors import ReadError
    from culturelint.readers.po import read

    # polib counts `odd_break` as a line end; editors (and findings) do not.
    text = f'msgid "a"{odd_break}x\nmsgstr "b"\nbroken\n'
    with pytest.raises(ReadError) as info:
        read("x.po", text)
    lines = text.count("\n") + 1
    assert info.value.line is None or 1 <= info.value.line <= lines
