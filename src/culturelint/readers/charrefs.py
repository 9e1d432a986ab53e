"""HTML character references, decoded with their source spans.

An HTML parser hands back decoded text ("Tom & Jerry") but a finding has to point at
the source ("Tom &amp; Jerry"). This module decodes references the way the WHATWG
tokenizer does (HTML Living Standard, 13.2.5.72 "Character reference state"),
one reference at a time, so every decoded character keeps the span it came from.
"""

from __future__ import annotations

import html.entities

from culturelint.readers.tags import tag_end
from culturelint.regex_cache import compile_cached

# A run of decoded text and the source it stands for. When `end - start == len(text)`
# the run is verbatim (character i came from start + i); otherwise it maps as a whole.
Piece = tuple[str, int, int]

_NAMED: dict[str, str] = {name.rstrip(";"): value for name, value in html.entities.html5.items()}
# The references that may appear without a semicolon (the HTML 4 Latin-1 set).
_LEGACY: frozenset[str] = frozenset(name for name in html.entities.html5 if not name.endswith(";"))
_MAX_NAMED = max(map(len, _NAMED))
_MAX_LEGACY = max(map(len, _LEGACY))

# Windows-1252 code points that numeric references in the C1 range stand for.
_NUMERIC_REPLACEMENTS: dict[int, str] = {
    0x00: "\ufffd",
    0x80: "\u20ac",
    0x82: "\u201a",
    0x83: "\u0192",
    0x84: "\u201e",
    0x85: "\u2026",
    0x86: "\u2020",
    0x87: "\u2021",
    0x88: "\u02c6",
    0x89: "\u2030",
    0x8A: "\u0160",
    0x8B: "\u2039",
    0x8C: "\u0152",
    0x8E: "\u017d",
    0x91: "\u2018",
    0x92: "\u2019",
    0x93: "\u201c",
    0x94: "\u201d",
    0x95: "\u2022",
    0x96: "\u2013",
    0x97: "\u2014",
    0x98: "\u02dc",
    0x99: "\u2122",
    0x9A: "\u0161",
    0x9B: "\u203a",
    0x9C: "\u0153",
    0x9E: "\u017e",
    0x9F: "\u0178",
}

_HEX = frozenset("0123456789abcdefABCDEF")


def char_ref_at(src: str, i: int, limit: int, in_attribute: bool) -> tuple[str, int] | None:
    """Decode the reference that starts at src[i] == "&".

    Returns (decoded text, index after the reference), or None when the "&" is a
    literal ampersand.
    """
    j = i + 1
    if j < limit and src[j] == "#":
        return _numeric_ref(src, i, limit)
    while j < limit and (src[j].isalpha() or src[j].isdigit()):
        j += 1
    length = j - i - 1
    if length == 0:
        return None
    name = src[i + 1 : j] if length <= _MAX_NAMED else ""
    has_semicolon = j < limit and src[j] == ";"
    if has_semicolon and name in _NAMED:
        return _NAMED[name], j + 1
    if name in _LEGACY:
        following = src[j] if j < limit else ""
        if in_attribute and following and (following.isalnum() or following == "="):
            return None
        return _NAMED[name], j
    # "&notit;" reads as "&not" + "it;" in text; attributes keep it literal.
    if in_attribute:
        return None
    for k in range(min(length, _MAX_LEGACY), 0, -1):
        prefix = src[i + 1 : i + 1 + k]
        if prefix in _LEGACY:
            return _NAMED[prefix], i + 1 + k
    return None


def _numeric_ref(src: str, i: int, limit: int) -> tuple[str, int] | None:
    j = i + 2
    is_hex = j < limit and src[j] in "xX"
    if is_hex:
        j += 1
    digits_start = j
    if is_hex:
        while j < limit and src[j] in _HEX:
            j += 1
    else:
        while j < limit and src[j].isdigit():
            j += 1
    digits = src[digits_start:j]
    if not digits:
        return None
    end = j + 1 if j < limit and src[j] == ";" else j
    significant = digits.lstrip("0") or "0"
    if len(significant) > 16:
        return "\ufffd", end
    code = int(significant, 16 if is_hex else 10)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd", end
    return _NUMERIC_REPLACEMENTS.get(code, chr(code)), end


_ATTRIBUTE_SPECIAL = compile_cached(r"[&\r\0]")


def decode_attribute(src: str, start: int, end: int) -> list[Piece]:
    """Decode an attribute value written at src[start:end] into mapped pieces."""
    pieces: list[Piece] = []
    i = start
    while i < end:
        m = _ATTRIBUTE_SPECIAL.search(src, i, end)
        j = m.start() if m else end
        if j > i:
            pieces.append((src[i:j], i, j))
        if j >= end:
            break
        ch = src[j]
        if ch == "&":
            ref = char_ref_at(src, j, end, in_attribute=True)
            if ref is None:
                pieces.append(("&", j, j + 1))
                i = j + 1
            else:
                pieces.append((ref[0], j, ref[1]))
                i = ref[1]
        elif ch == "\r":
            stop = j + 2 if src.startswith("\r\n", j) and j + 1 < end else j + 1
            pieces.append(("\n", j, stop))
            i = stop
        else:  # NUL
            pieces.append(("\ufffd", j, j + 1))
            i = j + 1
    return pieces


_TEXT_SPECIAL = compile_cached(r"[&\r\0<]")
_HTML_SPACE = " \t\n\f\r"


def align_text(data: str, src: str, start: int) -> list[Piece]:
    """Map the text of a parsed text node back onto the source it came from.

    `data` is what the HTML parser made of the source from `start` on: references
    decoded, CRLF folded, NUL dropped, and sometimes two runs joined across markup
    the tree builder ignored (a stray `</span>`). The parsed text is the truth; the
    source is walked alongside it, and whatever cannot be matched maps as a whole to
    the place it was expected, so a position is never lost.
    """
    pieces: list[Piece] = []
    n = len(data)
    limit = len(src)
    i, k = start, 0
    while k < n:
        if i >= limit:
            pieces.append((data[k:], limit, limit))
            break
        m = _TEXT_SPECIAL.search(src, i)
        j = m.start() if m else limit
        if j > i:
            run = min(j - i, n - k)
            if src.startswith(data[k : k + run], i):
                pieces.append((data[k : k + run], i, i + run))
                i += run
                k += run
                continue
            same = _common_prefix(src, i, data, k, run)
            if same:
                pieces.append((data[k : k + same], i, i + same))
                i += same
                k += same
        i, k = _align_special(data, k, src, i, limit, pieces)
    return pieces


def _common_prefix(src: str, i: int, data: str, k: int, run: int) -> int:
    length = 0
    while length < run and src[i + length] == data[k + length]:
        length += 1
    return length


def _align_special(
    data: str, k: int, src: str, i: int, limit: int, pieces: list[Piece]
) -> tuple[int, int]:
    """Match one source character that is not copied verbatim; return the new (i, k)."""
    ch = src[i]
    want = data[k]
    if ch == "&":
        ref = char_ref_at(src, i, limit, in_attribute=False)
        if ref is not None and data.startswith(ref[0], k):
            pieces.append((ref[0], i, ref[1]))
            return ref[1], k + len(ref[0])
    if ch == want and not (ch == "<" and _ignored_markup(data, k, src, i)):
        pieces.append((ch, i, i + 1))
        return i + 1, k + 1
    if ch == "\r" and want == "\n":
        stop = i + 2 if src.startswith("\r\n", i) else i + 1
        pieces.append(("\n", i, stop))
        return stop, k + 1
    if ch == "\0":
        if want == "\ufffd":
            pieces.append((want, i, i + 1))
            return i + 1, k + 1
        return i + 1, k
    if ch == "<":
        return _skip_markup(src, i, limit), k
    if want in _HTML_SPACE:
        # White space the tree builder moved here (table foster parenting).
        pieces.append((want, i, i))
        return i, k + 1
    if ch in _HTML_SPACE:
        return i + 1, k
    # Nothing matches: keep the rest of the text, pinned to where it was expected.
    pieces.append((data[k:], i, i + 1))
    return i + 1, len(data)


def _ignored_markup(data: str, k: int, src: str, i: int) -> bool:
    """Is the "<" at src[i] a tag the tree builder dropped, rather than the "<" of the text?

    A literal "<" (in "a < b", or in <title> text) is followed in the source by the
    same characters as in the text; an ignored tag (`</div>`) is not.
    """
    following = src[i + 1 : i + 2]
    if not following or not (following.isascii() and (following.isalpha() or following in "/!?")):
        return False
    probe = data[k : k + 16]
    return not src.startswith(probe, i)


def _skip_markup(src: str, i: int, limit: int) -> int:
    if src.startswith("<!--", i):
        end = src.find("-->", i + 4)
        return limit if end < 0 else end + 3
    end = tag_end(src, i)
    if end is not None:
        return min(end, limit)
    gt = src.find(">", i + 1)  # a bogus comment (<!x>, <?x>) ends at the first ">"
    return limit if gt < 0 else gt + 1
