"""Bytes to text, refusing anything that is not text.

Copy files arrive from many editors: UTF-8 with or without a byte order mark, UTF-16
from Windows tools, now and then a PNG that matched a glob. A finding must point at
the right line and column, so line endings are kept exactly as written (CRLF, lone
CR): every offset a reader hands out indexes the string returned here.
"""

from __future__ import annotations

import codecs

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
        raise ReadError(BINARY_MESSAGE)
    return _decode_with(data, "utf-8")


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
    bad = data[exc.start : exc.start + 1].hex()
    message = (
        f"invalid {name} at line {line}, column {column} (byte 0x{bad}); re-save the file as UTF-8"
    )
    return ReadError(message, line)
