"""The PO/POT reader: msgstr segments with exact positions through escapes and
continuation lines, headers, plurals, fuzzy and obsolete entries, comments."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.document import Comment, Document, Segment
from culturelint.readers import read_document, reader_for
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import EMPTY, FUZZY, TEMPLATE

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def read(text: str, path: str = "de/shop.po") -> Document:
    return read_document(path, text, "pot" if path.endswith(".pot") else "po")


def where(doc: Document, segment: Segment, start: int, end: int) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of segment characters [start, end)."""
    src_start, src_end = segment.span(start, end)
    return (*doc.position(src_start), *doc.position(src_end))


def test_msgstr_is_a_segment_with_key_source_and_note() -> None:
    doc = read(HEADER + '# Button on the cart page\n#. extracted\nmsgid "Buy"\nmsgstr "Kaufen"\n')
    (segment,) = doc.segments
    assert (segment.kind, segment.text, segment.key, segment.source) == (
        "msgstr",
        "Kaufen",
        "Buy",
        "Buy",
    )
    assert segment.note == "Button on the cart page\nextracted"
    assert where(doc, segment, 0, 6) == (9, 9, 9, 15)


@pytest.mark.parametrize(
    ("line_end",),
    [("\n",), ("\r\n",)],
    ids=["lf", "crlf"],
)
def test_escapes_and_continuation_lines_map_exactly(line_end: str) -> None:
    text = (HEADER + 'msgid "Hi"\nmsgstr ""\n"Gr\\u00fc \\"du\\"\\n"\n"über €5"\n').replace(
        "\n", line_end
    )
    doc = read(text)
    (segment,) = doc.segments
    assert segment.text == 'Gr\\u00fc "du"\nüber €5'
    # The escaped quote maps onto its two source characters on line 8.
    i = segment.text.index('"')
    assert where(doc, segment, i, i + 1) == (8, 11, 8, 13)
    # "über" starts the next quoted line, after its opening quote.
    j = segment.text.index("über")
    assert where(doc, segment, j, j + 4) == (9, 2, 9, 6)
    assert where(doc, segment, len(segment.text) - 2, len(segment.text)) == (9, 7, 9, 9)


def test_msgctxt_is_part_of_the_key() -> None:
    doc = read(HEADER + 'msgctxt "menu"\nmsgid "Open"\nmsgstr "Öffnen"\n')
    assert doc.segments[0].key == "menu|Open"
    assert doc.segments[0].attrs["context"] == "menu"


def test_plural_forms_are_segments_with_their_index() -> None:
    doc = read(
        HEADER + 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n'
        'msgstr[1] "%d Dateien"\n'
    )
    one, other = doc.segments
    assert (one.attrs["plural"], one.source) == (0, "%d file")
    assert (other.attrs["plural"], other.source, other.attrs["msgid_plural"]) == (
        1,
        "%d files",
        "%d files",
    )
    assert where(doc, other, 0, 2) == (9, 12, 9, 14)


def test_one_plural_form_translates_the_plural_source() -> None:
    header = HEADER.replace("de_DE", "ja_JP").replace("nplurals=2; plural=(n != 1)", "nplurals=1")
    doc = read(header + 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 個"\n')
    assert doc.segments[0].source == "%d files"


def test_language_header_is_the_market_hint() -> None:
    assert read(HEADER + 'msgid "a"\nmsgstr "b"\n').market_hint == "de_DE"
    assert read('msgid ""\nmsgstr "Language: sr@latin\\n"\n').market_hint == "sr"
    assert read('msgid "a"\nmsgstr "b"\n').market_hint is None


def test_fuzzy_entries_are_kept_aside_and_obsolete_ones_skipped() -> None:
    doc = read(HEADER + '#, fuzzy\nmsgid "a"\nmsgstr "A"\n\n#~ msgid "old"\n#~ msgstr "alt"\n')
    assert doc.segments == []
    (fuzzy,) = doc.meta[FUZZY]
    assert (fuzzy.text, fuzzy.attrs["fuzzy"]) == ("A", True)


def test_empty_msgstr_is_an_empty_unit_at_its_keyword() -> None:
    doc = read(HEADER + 'msgid "Track"\nmsgstr ""\n')
    assert doc.segments == []
    (empty,) = doc.meta[EMPTY]
    assert (empty.key, empty.source) == ("Track", "Track")
    assert doc.text[empty.start : empty.end] == 'msgstr ""'


def test_translator_comment_applies_to_its_whole_entry() -> None:
    doc = read(HEADER + '# culturelint-disable-next-line CL801\nmsgid "a"\nmsgstr ""\n"b"\n')
    (comment,) = doc.comments
    assert isinstance(comment, Comment)
    assert comment.text == "# culturelint-disable-next-line CL801"
    assert comment.applies_to is not None
    assert doc.text[comment.applies_to[0] : comment.applies_to[1]].endswith('"b"')
    assert doc.segments[0].note is None  # a directive is not a note for translators


def test_pot_is_a_template_without_segments() -> None:
    doc = read('msgid ""\nmsgstr ""\n\nmsgid "Buy"\nmsgstr ""\n', path="shop.pot")
    assert doc.segments == [] and EMPTY not in doc.meta
    assert doc.meta[TEMPLATE] is True
    assert doc.market_hint == "en"
    assert reader_for("po/shop.pot") == "pot"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgstr "b\n', 2),
        ('msgid "a"\nmsgstr "b" c"\n', 2),
        ('msgid "a"\n\nmsgstr "b"\nbogus "c"\n', 4),
        ('"orphan"\n', 1),
    ],
    ids=["unclosed", "text-after-quote", "unknown-keyword", "string-without-keyword"],
)
def test_broken_quoting_is_a_read_error_with_its_line(text: str, line: int) -> None:
    with pytest.raises(ReadError) as info:
        read(text)
    assert info.value.line == line


def test_well_formed_near_miss_reads() -> None:
    doc = read('msgid "a \\"quoted\\" word"\nmsgstr "ein \\"Wort\\""\n')
    assert doc.segments[0].text == 'ein "Wort"'


ATOMS = ['msgid ', 'msgstr ', 'msgstr[0] ', 'msgctxt ', '"', '\\"', "\\n", "\\", "#, fuzzy",
         "# c", "#~ ", "\n", "\r\n", "a", "ü", "日", " ", '""']  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=30).map("".join))
def test_any_input_reads_or_is_a_read_error(text: str) -> None:
    try:
        doc = read(text)
    except ReadError:
        return
    for segment in doc.segments:
        for piece in segment.pieces:
            if piece.verbatim:
                assert doc.text[piece.src_start : piece.src_end] == piece.text


RU_HEADER = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && '
    'n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
)


def test_plural_forms_fewer_than_the_header_asks_for_are_empty_units() -> None:
    text = RU_HEADER + 'msgid "file"\nmsgid_plural "files"\nmsgstr[0] "файл"\nmsgstr[1] "файла"\n'
    doc = read(text, "ru/shop.po")
    [empty] = doc.meta[EMPTY]
    assert (empty.key, empty.source, empty.attrs["plural"], empty.attrs["nplurals"]) == (
        "file", "files", 2, 3,
    )  # fmt: skip
    assert doc.position(empty.start) == (9, 1)  # the last msgstr[] written


def test_all_plural_forms_present_is_no_empty_unit() -> None:
    forms = 'msgstr[0] "файл"\nmsgstr[1] "файла"\nmsgstr[2] "файлов"\n'
    doc = read(RU_HEADER + 'msgid "file"\nmsgid_plural "files"\n' + forms, "ru/shop.po")
    assert EMPTY not in doc.meta


def test_a_duplicate_message_definition_is_reported_at_the_second() -> None:
    text = (
        'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Buy"\nmsgstr "Kaufen"\n\n'
        'msgctxt "menu"\nmsgid "Buy"\nmsgstr "Kauf"\n\nmsgid "Buy"\nmsgstr "Jetzt kaufen"\n'
    )
    doc = read(text)
    [(message, offset)] = doc.warnings  # near miss: another msgctxt is another message
    assert message.startswith("duplicate message definition: 'Buy' was first defined on line 4")
    assert doc.position(offset) == (11, 1)


def test_an_entry_without_msgstr_at_the_end_is_reported() -> None:
    doc = read('msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "Buy"\n')
    assert [(m, doc.position(o)) for m, o in doc.warnings] == [
        ("entry has no msgstr; msgfmt refuses the file", (4, 1))
    ]
