"""The text sink collapses HTML white space and keeps every character's source position."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.readers.sink import TextSink


def _collapsed(text: str) -> str:
    """What a browser shows: runs of HTML white space as one space, none at the ends."""
    return re.sub(r"[ \t\n\f\r]+", " ", text).strip(" ")


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Jetzt kaufen", "Jetzt kaufen"),
        ("  Jetzt   kaufen  ", "Jetzt kaufen"),
        ("Jetzt\nkaufen", "Jetzt kaufen"),
        ("Jetzt\t \r\nkaufen", "Jetzt kaufen"),
        ("Preis:\u00a0€5", "Preis:\u00a0€5"),  # a no-break space is text, not white space
        ("Zeile\u2028zwei", "Zeile\u2028zwei"),  # nor is a line separator
    ],
)
def test_white_space_collapses_as_in_a_browser(source: str, text: str) -> None:
    sink = TextSink()
    sink.html_text(source, 10)
    segment = sink.build("p")
    assert segment is not None
    assert segment.text == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\n\f\r\u00a0\u2028", max_size=20), st.integers(0, 50))
def test_every_character_maps_back_to_its_source(source: str, offset: int) -> None:
    sink = TextSink()
    sink.html_text(source, offset)
    segment = sink.build("p")
    if not _collapsed(source).strip():  # nothing visible, not even a no-break space
        assert segment is None
        return
    assert segment is not None
    assert segment.text == _collapsed(source)
    padded = " " * offset + source
    for piece in segment.pieces:
        if piece.verbatim:
            assert padded[piece.src_start : piece.src_end] == piece.text
        else:  # a collapsed run stands for white space only
            assert piece.text == " "
            assert padded[piece.src_start : piece.src_end].strip(" \t\n\f\r") == ""
