"""Numbers of a few keys of a large JSON object, found in its text without parsing it.

CL103 asks a word-frequency table of a million words (30 MB of JSON) about a dozen
words. Parsing the table takes a second, as does writing it into an indexed store;
one pass of a regular expression over the text takes a tenth of one. The pass finds
each key however JSON may write it (a character outside ASCII as itself or as a
`\\u` escape in either case), and only where a member of the outer object starts, so
its answers are those of parsing the whole object.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_SPACE = b" \t\n\r"


def numbers_of_keys(text: Any, keys: Collection[str]) -> dict[str, float]:
    """The number each of `keys` has in the JSON object `text` (bytes, or a buffer such
    as a memory map, UTF-8), for the keys whose value is a number; with a repeated key,
    its last numeric value, as SQLite's json_each reads it. Keys with a quote, a
    backslash or a control character are looked up as JSON writes them by default."""
    if not keys:
        return {}
    pattern = re.compile(
        rb'"(' + _alternatives(sorted(set(keys))) + rb')"[ \t\n\r]*:[ \t\n\r]*(' + _NUMBER + rb")"
    )
    found: dict[str, float] = {}
    for match in pattern.finditer(text):
        if _member_starts_at(text, match.start()):
            key = json.loads(b'"' + match.group(1) + b'"')
            found[key] = float(match.group(2))
    return found


def _member_starts_at(text: Any, quote: int) -> bool:
    """Whether the quote at `quote` opens a member's key: only white space between it
    and the "{" or "," before it. A quote inside a string is escaped, so in an object
    whose values are numbers no other quote is preceded by one of those."""
    i = quote - 1
    while i >= 0 and text[i] in _SPACE:
        i -= 1
    return i >= 0 and text[i] in b"{,"


def _alternatives(keys: list[str]) -> bytes:
    """A pattern for `keys` as a trie (shared prefixes written once): the pass tries
    it at every quote of the text, and a trie fails at the first character that no
    key has there instead of once per key."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> bytes:
    branches = [_char_pattern(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return b""
    group = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
    if "" in node:  # a key ends here, and others go on
        return b"(?:" + group + b")?"
    return group


def _char_pattern(char: str) -> bytes:
    """One character of a key as JSON may write it."""
    written = json.dumps(char)[1:-1]  # the default form: ASCII, escapes in lower case
    if char.isascii() or not written.startswith("\\u"):
        return re.escape(written.encode())
    escape = b"".join(
        rb"\\u"
        + b"".join(
            b"[%s%s]" % (h.lower().encode(), h.upper().encode()) if h.isalpha() else h.encode()
            for h in unit
        )
        for unit in written.split("\\u")[1:]
    )
    try:
        itself = char.encode()
    except UnicodeEncodeError:  # a lone surrogate: UTF-8 text cannot hold it
        return escape
    return b"(?:" + re.escape(itself) + b"|" + escape + b")"
