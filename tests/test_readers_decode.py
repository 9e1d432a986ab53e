"""Bytes to text: encodings with a byte order mark, binary refusal, precise decode errors."""

from __future__ import annotations

import codecs

import pytest

from culturelint.readers import (
    SUPPORTED_EXTENSIONS,
    ReadError,
    decode,
    read_document,
    reader_for,
)


def test_empty_bytes_are_empty_text() -> None:
    assert decode(b"", "empty.md") == ""


def test_plain_utf8_keeps_every_line_ending() -> None:
    text = "Crème brûlée\r\nline two\rline three\n"
    assert decode(text.encode("utf-8"), "a.txt") == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Grüße\r\n".encode(), "Grüße\r\n"),
        (codecs.BOM_UTF16_LE + "日本語\r\n".encode("utf-16-le"), "日本語\r\n"),
        (codecs.BOM_UTF16_BE + "日本語".encode("utf-16-be"), "日本語"),
        (codecs.BOM_UTF32_LE + "👍 ok".encode("utf-32-le"), "👍 ok"),
        (codecs.BOM_UTF32_BE + "مرحبا".encode("utf-32-be"), "مرحبا"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_byte_order_mark_picks_the_encoding_and_is_stripped(data: bytes, expected: str) -> None:
    assert decode(data, "copy.txt") == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"GIF89a\x01\x00\x01\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"plain looking text\x00with a NUL byte",
    ],
    ids=["png", "pdf", "zip", "gif", "jpeg", "nul-byte"],
)
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        decode(data, "image.md")
    assert info.value.message == "binary file, not text"
    assert info.value.line is None


@pytest.mark.parametrize(
    "text",
    ["BMW launch copy", "PK is not a zip here", "GIF is a format we sell", "Our %PDF-1.7 guide"],
)
def test_text_that_merely_starts_like_a_signature_is_text(text: str) -> None:
    assert decode(text.encode(), "copy.txt") == text


def test_invalid_utf8_names_line_column_and_byte() -> None:
    data = "first line\r\nsecond: café\n".encode().replace("é".encode(), b"\xe9")
    with pytest.raises(ReadError) as info:
        decode(data, "copy.md")
    error = info.value
    assert error.line == 2
    assert "line 2, column 12" in error.message
    assert "0xe9" in error.message
    assert "re-save the file as UTF-8" in error.message
    assert str(error) == error.message


def test_invalid_utf8_after_lone_cr_lines_counts_them() -> None:
    with pytest.raises(ReadError) as info:
        decode(b"one\rtwo\r\xff", "copy.txt")
    assert info.value.line == 3
    assert "line 3, column 1" in info.value.message


def test_invalid_utf8_column_counts_code_points_not_bytes() -> None:
    with pytest.raises(ReadError) as info:
        decode("日本".encode() + b"\xc3(", "copy.txt")
    assert "line 1, column 3" in info.value.message


def test_broken_utf16_is_an_error_not_a_crash() -> None:
    with pytest.raises(ReadError) as info:
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "copy.txt")
    assert "UTF-16" in info.value.message


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("copy/ja-JP/launch.txt", "text"),
        ("launch.md", "markdown"),
        ("README.MARKDOWN", "markdown"),
        ("site/index.html", "html"),
        ("site/INDEX.HTM", "html"),
        ("notes.mdx", None),
        ("strings.xyz", None),
        ("Makefile", None),
        ("archive.md.bak", None),
    ],
)
def test_reader_for_goes_by_extension(path: str, fmt: str | None) -> None:
    assert reader_for(path) == fmt


def test_supported_extensions_match_reader_for() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm"} <= SUPPORTED_EXTENSIONS
    assert all(reader_for("x" + ext) for ext in SUPPORTED_EXTENSIONS)


def test_unknown_format_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="no reader for format 'docx'"):
        read_document("a.docx", "text", "docx")
