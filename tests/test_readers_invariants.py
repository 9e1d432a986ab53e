"""Properties every reader keeps for any input: no crash, and positions that hold."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from culturelint.document import Document, LineIndex
from culturelint.readers import read_document

# Pieces of syntax that exercise the tricky paths: markers, entities, escapes, HTML,
# line endings, multi-code-point characters.
ATOMS = [
    "a", "b", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "*", "**", "_", "`", "[", "]",
    "(", ")", "![", "<", ">", "> ", "- ", "1. ", "# ", "|", "\\", "\\*", "&amp;", "&copy",
    "&#x41;", "&bogus;", "<b>", "</b>", "<!--", "-->", "<a href='x'>", "</a>", "<div>",
    "</div>", "<p>", '"', "http://x.y", "<http://x>", "日本", "👍", "👨\u200d👩\u200d👧",
    "---", "===", "    ", "```", '[x]: /u "t"', "<img alt='A&amp;' src=s>", "<br>",
    "<script>", "</script>", "é", "\u3000", "<style>a{color:red}</style>",
]  # fmt: skip

documents = st.lists(st.sampled_from(ATOMS), max_size=40).map("".join)


def assert_positions_hold(doc: Document) -> None:
    text = doc.text
    for segment in doc.segments:
        assert "".join(p.text for p in segment.pieces) == segment.text
        for piece in segment.pieces:
            assert 0 <= piece.src_start <= piece.src_end <= len(text)
            written = text[piece.src_start : piece.src_end]
            if piece.verbatim and not piece.text.isspace():
                assert written == piece.text
        if segment.text:
            start, end = segment.span(0, len(segment.text))
            assert 0 <= start <= end <= len(text)
    for comment in doc.comments:
        assert text[comment.start : comment.end] == comment.text
    if doc.page is not None:
        for colour in doc.page.colours:
            assert text[colour.start : colour.end] == colour.raw


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_any_input_reads_and_every_position_holds(fmt: str, text: str) -> None:
    assert_positions_hold(read_document("any", text, fmt))


def _line_starts_one_character_at_a_time(text: str) -> list[int]:
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 1
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["a", "日", "\n", "\r", "\r\n", "\n\r", " "])).map("".join))
def test_line_and_column_of_every_offset(text: str) -> None:
    """Lines end at \\n, \\r\\n or a lone \\r: the index agrees with a walk over the text
    one character at a time, at every offset and one past the end."""
    starts = _line_starts_one_character_at_a_time(text)
    index = LineIndex(text)

    assert index.line_count == len(starts)
    for offset in range(len(text) + 1):
        line = max(n for n, start in enumerate(starts) if start <= offset)
        assert index.position(offset) == (line + 1, offset - starts[line] + 1)


def test_importing_readers_loads_no_parser() -> None:
    code = (
        "import sys, culturelint.readers\n"
        "heavy = {'markdown_it', 'justhtml', 'yaml'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
