"""The JSON i18n reader: which JSON is copy, key paths, message objects, exact
positions through escapes and surrogate pairs, duplicates and empty values."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.document import Document, Segment
from culturelint.readers import read_document, reader_for
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import EMPTY, OBJECTS


def read(text: str, path: str = "locales/de/app.json") -> Document:
    return read_document(path, text, "json")


def where(doc: Document, segment: Segment, start: int, end: int) -> tuple[int, int, int, int]:
    src_start, src_end = segment.span(start, end)
    return (*doc.position(src_start), *doc.position(src_end))


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("locales/de/app.json", "json"),
        ("i18n/de.json", "json"),
        ("messages.ja-JP.json", "json"),
        ("strings_de-DE.json", "json"),
        ("_locales/fr/messages.json", "json"),
        ("package.json", None),
        ("locales/de/package.json", None),
        ("de/tsconfig.app.json", None),
        ("config/settings.json", None),
        ("data/post-it.json", None),
    ],
)
def test_only_json_with_a_locale_in_its_path_is_copy(path: str, fmt: str | None) -> None:
    assert reader_for(path) == fmt


def test_nested_keys_join_with_dots() -> None:
    doc = read('{"nav": {"home": "Startseite", "items": ["Eins", "Zwei"]}, "cta": "Kaufen"}')
    assert [(s.key, s.text, s.kind) for s in doc.segments] == [
        ("nav.home", "Startseite", "value"),
        ("nav.items.0", "Eins", "value"),
        ("nav.items.1", "Zwei", "value"),
        ("cta", "Kaufen", "value"),
    ]
    assert doc.market_hint is None  # the path decides


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_escapes_and_surrogate_pairs_map_onto_what_is_written(newline: str) -> None:
    text = '{\n  "a": "日本 Gr\\u00fc\\u00dfe \\ud83d\\ude00 \\"x\\"\\n€"\n}'.replace("\n", newline)
    doc = read(text)
    (segment,) = doc.segments
    assert segment.text == '日本 Grüße 😀 "x"\n€'
    assert where(doc, segment, 0, 2) == (2, 9, 2, 11)
    assert where(doc, segment, 5, 6) == (2, 14, 2, 20)  # \u00fc
    i = segment.text.index("😀")
    assert where(doc, segment, i, i + 1) == (2, 28, 2, 40)  # the whole surrogate pair
    assert where(doc, segment, len(segment.text) - 1, len(segment.text)) == (2, 48, 2, 49)


def test_message_objects_are_one_unit_with_their_description() -> None:
    doc = read(
        '{"greeting": {"message": "Hallo $USER$", "description": "Shown on start",'
        ' "placeholders": {"user": {"content": "$1"}}},'
        ' "cta": {"string": "Kaufen", "context": "Button", "character_limit": 10},'
        ' "title": {"defaultMessage": "Willkommen", "description": "Page title"}}'
    )
    assert [(s.key, s.text, s.note) for s in doc.segments] == [
        ("greeting", "Hallo $USER$", "Shown on start"),
        ("cta", "Kaufen", "Button"),
        ("title", "Willkommen", "Page title"),
    ]
    assert doc.segments[1].attrs["max_length"] == 10


def test_an_object_with_other_keys_is_not_a_message_object() -> None:
    doc = read('{"message": {"message": "Hallo", "extra": "Zusatz"}}')
    assert [s.key for s in doc.segments] == ["message.message", "message.extra"]


def test_duplicate_key_is_a_warning_with_its_line() -> None:
    doc = read('{\n"a": "eins",\n"a": "zwei"\n}')
    ((message, offset),) = doc.warnings
    assert message == "duplicate key `a`: the later value wins"
    assert doc.position(offset) == (3, 1)


def test_empty_and_null_values_are_empty_units_and_objects_are_recorded() -> None:
    doc = read('{"nav": {"a": "", "b": null}}')
    assert [(e.key, doc.text[e.start : e.end]) for e in doc.meta[EMPTY]] == [
        ("nav.a", '""'),
        ("nav.b", "null"),
    ]
    assert doc.meta[OBJECTS]["nav"] == (8, 27)


def test_invalid_json_is_a_read_error_with_its_line() -> None:
    with pytest.raises(ReadError) as info:
        read('{\n"a": "b",\n}')
    assert info.value.line == 3


def test_json_of_numbers_is_not_an_i18n_file() -> None:
    with pytest.raises(ReadError, match="not a JSON i18n file"):
        read('{"port": 8080, "debug": true}')


def test_a_stray_number_in_copy_is_a_warning_near_miss() -> None:
    doc = read('{"title": "Hallo", "version": 2}')
    assert [s.text for s in doc.segments] == ["Hallo"]
    assert doc.warnings == [("`version` is not a string; only strings are copy", 30)]


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.text(max_size=8) | st.none(),
        lambda children: st.dictionaries(st.text(max_size=4), children, max_size=4),
        max_leaves=12,
    ),
    st.booleans(),
)
def test_any_json_reads_or_is_a_read_error(value: object, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, indent=1)
    try:
        doc = read(text)
    except ReadError:
        return
    for segment in doc.segments:
        assert json.loads(text) is not None
        for piece in segment.pieces:
            if piece.verbatim:
                assert doc.text[piece.src_start : piece.src_end] == piece.text
