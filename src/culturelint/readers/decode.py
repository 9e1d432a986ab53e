"""Bytes to text, refusing anything that is not text.

Copy files arrive from many editors: UTF-8 with or without a byte order mark, UTF-16
from Windows tools, now and then a PNG that matched a glob. A finding must point at
the right line and column, so line endings are kept exactly as written (CRLF, lone
CR): every offset a reader hands out indexes the string returned here.
"""

from __future__ import annotations

import codecs
import unicodedata

from culturelint.readers.errors import ReadError

# Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of binary formats that end up next to copy (images, documents, archives).
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"BM",  # checked with care below: "BM" can start a text file too
)

BINARY_MESSAGE = "binary file, not text"


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; raise ReadError for binary or undecodable input.

    `path` is the display path; the message leaves it out because the caller
    reports the error against the path already.
    """
    if not data:
        return ""
    if _looks_binary_by_magic(data):
        raise ReadError(BINARY_MESSAGE)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], encoding)
    if b"\x00" in data:
        unmarked = _unmarked_utf16_or_32(data)
        if unmarked is None:
            raise ReadError(BINARY_MESSAGE)
        return unmarked
    return _decode_with(data, "utf-8")


def _unmarked_utf16_or_32(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text saved without a byte order mark, or None.

    Such files come from Windows tools and some translation-memory exports. Text in
    a Latin script then has a NUL byte in every code unit, always at the same place
    within the unit; binary data does not. The test is strict so that a binary file is
    never read as text: the NULs must sit only where that encoding puts them, the bytes
    must decode, and the text must hold white space and no NUL or other control character.
    (UTF-16 text with no NUL byte at all, such as CJK-only copy, cannot be told from
    binary this way and is refused; save it as UTF-8 or with a BOM.)
    """
    candidates: list[str] = []
    if len(data) % 4 == 0:
        # A code point is at most 0x10FFFF: one byte of each unit is NUL, the next <= 0x10.
        if not any(data[3::4]) and max(data[2::4]) <= 0x10:
            candidates.append("utf-32-le")
        elif not any(data[0::4]) and max(data[1::4]) <= 0x10:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        # Latin letters put the NUL in the high byte; the other byte of a unit is NUL
        # only now and then (a surrogate such as U+DE00), never as often.
        odd_nuls = data[1::2].count(0)
        even_nuls = data[0::2].count(0)
        # And text has ASCII (spaces, line breaks) often: one unit in ten at least.
        enough = len(data) // 20
        if odd_nuls > 8 * even_nuls and odd_nuls >= enough:
            candidates.append("utf-16-le")
        elif even_nuls > 8 * odd_nuls and even_nuls >= enough:
            candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Text has white space somewhere (at least a line break) and nothing odd.
        if any(ch.isspace() for ch in text) and not any(_is_control(ch) for ch in text):
            return text
    return None


def _is_control(ch: str) -> bool:
    """A character no copy holds: controls, private use, unassigned code points."""
    if ch < " ":
        return ch not in "\t\n\r\f\v"
    if ch < "\x7f":
        return False
    return unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")


def _looks_binary_by_magic(data: bytes) -> bool:
    for magic in _MAGIC:
        if data.startswith(magic):
            if magic == b"BM":
                # A BMP header carries its file size right after the mark; plain text
                # that happens to start with "BM" (say, "BMW ...") does not.
                return len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data)
            return True
    return False


def _decode_with(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _decode_error(data, encoding, exc) from None
    if encoding != "utf-8" and "\x00" in text:
        raise ReadError(BINARY_MESSAGE)
    return text


def _decode_error(data: bytes, encoding: str, exc: UnicodeDecodeError) -> ReadError:
    # Everything before the first bad byte decoded cleanly, so it tells us the line
    # and the column (in code points, as every other position we report).
    good = data[: exc.start].decode(encoding, errors="replace")
    line = 1 + good.count("\n") + good.count("\r") - good.count("\r\n")
    line_start = max(good.rfind("\n"), good.rfind("\r")) + 1
    column = len(good) - line_start + 1
    name = (
        "UTF-8" if encoding == "utf-8" else encoding.upper().replace("-LE", "").replace("-BE", "")
    )
    bad = data[exc.start : exc.start + 1]
    message = f"invalid {name} at line {line}, column {column} (byte 0x{bad.hex()})"
    legacy = _legacy_guess(data, bad) if encoding == "utf-8" else None
    if legacy is not None:
        # Not decoded with a warning instead: the guess cannot be checked, and a wrong
        # guess would put findings on mojibake. The user re-saves once and is done.
        message += f"; it looks like {legacy}: re-save the file as UTF-8"
    else:
        message += "; re-save the file as UTF-8"
    return ReadError(message, line)


def _legacy_guess(data: bytes, bad: bytes) -> str | None:
    """Name the likely legacy encoding of a file that is not UTF-8, for the message."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return f"Windows-1252/Latin-1 text (0x{bad.hex()} would be {bad.decode('cp1252')!r})"
