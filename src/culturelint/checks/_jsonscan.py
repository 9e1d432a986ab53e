"""Numbers of a few keys of a large JSON object, found in its text without parsing it.

CL103 asks a word-frequency table of a million words (30 MB of JSON) about a dozen
words. Parsing the table takes a second, as does writing it into an indexed store.
Searching the text for each key as it is written takes a few milliseconds when the
key is common (the tables list the commonest words first) and about ten when it is
not there at all; one pass of a regular expression for all the keys left takes a
tenth of a second, whatever they are. Either way a key is found only where a member
of the object starts, and however JSON may write it (a character outside ASCII as
itself or as a `\\u` escape in either case), so the answers are those of parsing the
object, with one rule for a key the object repeats (which a JSON writer of a mapping
never does): its first numeric value counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

_NUMBER = rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_VALUE = re.compile(rb"[ \t\n\r]*:[ \t\n\r]*(" + _NUMBER + rb")")
_SPACE = b" \t\n\r"
# Searches for one key at a time stop once they have read this many times the text
# (mostly keys that are not there, each a whole pass at memchr speed): the keys left
# then take the one pass of the pattern, which costs about as much as ten of those.
_SEARCH_PASSES = 4


def numbers_of_keys(text: Any, keys: Collection[str]) -> dict[str, float]:
    """The first number each of `keys` has in the flat JSON object `text` (bytes, or a
    buffer such as a memory map, UTF-8), for the keys that have one. Values that are
    objects are not looked into: the object must be flat. Keys with a quote, a
    backslash or a control character are looked up as JSON writes them by default."""
    found: dict[str, float] = {}
    left: list[str] = []
    budget = _SEARCH_PASSES * len(text)
    for key in sorted(set(keys)):
        needle = _as_written(key)
        if needle is None or budget <= 0:
            left.append(key)
            continue
        value, read = _first_number(text, needle)
        budget -= read
        if value is not None:
            found[key] = value
    if left:
        found.update(_by_pattern(text, left))
    return found


def _as_written(key: str) -> bytes | None:
    """`key` between quotes as every JSON writer writes it, if there is one way only:
    printable ASCII without a quote or a backslash."""
    if key.isascii() and key.isprintable() and '"' not in key and "\\" not in key:
        return b'"' + key.encode() + b'"'
    return None


def _first_number(text: Any, needle: bytes) -> tuple[float | None, int]:
    """The first numeric value of the key written as `needle`, and how far the search
    read."""
    start = 0
    while True:
        at = text.find(needle, start)
        if at < 0:
            return None, len(text)
        if _member_starts_at(text, at):
            value = _VALUE.match(text, at + len(needle))
            if value is not None:
                return float(value.group(1)), at
        start = at + 1


def _by_pattern(text: Any, keys: list[str]) -> dict[str, float]:
    """One pass for all `keys`, each in any of the ways JSON may write it."""
    pattern = re.compile(
        rb'"(' + _alternatives(keys) + rb')"[ \t\n\r]*:[ \t\n\r]*(' + _NUMBER + rb")"
    )
    found: dict[str, float] = {}
    for match in pattern.finditer(text):
        if _member_starts_at(text, match.start()):
            key = json.loads(b'"' + match.group(1) + b'"')
            found.setdefault(key, float(match.group(2)))
    return found


def _member_starts_at(text: Any, quote: int) -> bool:
    """Whether the quote at `quote` opens a member's key: only white space between it
    and the "{" or "," before it. A quote inside a string is escaped, so in a flat
    object no other quote is preceded by one of those."""
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
