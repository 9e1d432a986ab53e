"""Numbers of a few keys found in a JSON object's text: the answers of parsing it."""

from __future__ import annotations

import json
import mmap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.checks import _jsonscan
from culturelint.checks._jsonscan import numbers_of_keys

ASKED = ["free", "Free", "freedom", "fre", "online", "Größe", "größe", "😀", "don't", "x"]


def _parsed(text: bytes, keys: list[str]) -> dict[str, float]:
    """What parsing finds, with the module's rule for a repeated key: its first
    numeric value."""
    found: dict[str, float] = {}
    for key, value in json.loads(text, object_pairs_hook=list):
        if key in keys and isinstance(value, (int, float)) and not isinstance(value, bool):
            found.setdefault(key, float(value))
    return found


@pytest.mark.parametrize(
    "text",
    [
        # as json.dumps(indent=2) writes it, spacy-lookups-data's layout
        json.dumps({"free": -9.5, "Free": -12, "freedom": -11.25, "Größe": -8.0}, indent=2),
        # compact, non-ASCII as itself
        json.dumps(
            {"free": -9.5, "Größe": -8.0, "😀": -20}, ensure_ascii=False, separators=(",", ":")
        ),
        # escapes in upper case, white space of every kind around the colon
        '{"Gr\\u00D6\\u00DFe" :\t-8.5 ,\r\n "\\uD83D\\uDE00"\n:\n-19}',
        # a key that is a prefix of another, asked and not in the table
        '{"freedom": -11, "fr": -2}',
        # repeated keys, one whose first value is not a number
        '{"free": -1, "online": "n/a", "free": -2, "online": -3, "x": 1, "x": 2}',
        # values that are no numbers, exponents, integers
        '{"free": true, "Free": null, "online": "-3", "x": -1.5e1, "größe": 0, "don\'t": -7E-1}',
        # the asked keys inside other keys and values, never at a member's start
        '{"a\\"free\\": -1, \\"b": -2, "c": "free", "d,\\"online\\"": -4, "free\\\\": -5}',
        # keys that end in an asked key after an escaped quote: x"free, y"online
        '{"x\\"free": -1, "free": -2, "y\\"online" : -3}',
        # an empty object
        "{}",
    ],
)
@pytest.mark.parametrize("searches", [4, 0], ids=["key by key", "one pattern"])
def test_the_numbers_are_those_of_parsing_the_object(
    text: str, searches: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_jsonscan, "_SEARCH_PASSES", searches)
    raw = text.encode()
    assert numbers_of_keys(raw, ASKED) == _parsed(raw, ASKED)


def test_keys_searched_for_past_the_budget_go_to_the_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys that are not there cost a whole search each: after a few, the rest are
    found in one pass, with the same answers."""
    raw = json.dumps({f"word{i}": -float(i) for i in range(50)}, indent=2).encode()
    asked = [f"missing{i}" for i in range(10)] + ["word7", "word42"]
    patterns: list[list[str]] = []
    real = _jsonscan._by_pattern
    monkeypatch.setattr(
        _jsonscan, "_by_pattern", lambda text, keys: patterns.append(keys) or real(text, keys)
    )
    assert numbers_of_keys(raw, asked) == {"word7": -7.0, "word42": -42.0}
    assert len(patterns) == 1 and 0 < len(patterns[0]) < len(asked)


def test_a_found_key_a_missing_key_and_a_near_miss() -> None:
    raw = b'{"free": -9.5, "freebie": -14, "Free": -12}'
    found = numbers_of_keys(raw, ["free", "fre", "gratis"])
    assert found == {"free": -9.5}  # "fre" is only the start of keys, "gratis" is absent


def test_a_key_with_a_quote_or_a_backslash_is_found_as_json_writes_it() -> None:
    keys = ['say "hi"', "back\\slash", "tab\tin"]
    raw = json.dumps({k: -1.0 - i for i, k in enumerate(keys)}).encode()
    assert numbers_of_keys(raw, keys) == {'say "hi"': -1.0, "back\\slash": -2.0, "tab\tin": -3.0}


def test_a_memory_mapped_file_is_read_like_bytes(tmp_path: Path) -> None:
    path = tmp_path / "table.json"
    path.write_text(json.dumps({"free": -9.5, "Größe": -8.0}, indent=2), encoding="utf-8")
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as text:
        assert numbers_of_keys(text, ["Größe", "free", "frei"]) == {"Größe": -8.0, "free": -9.5}


def test_a_lone_surrogate_is_found_only_as_an_escape() -> None:
    raw = b'{"a\\ud800": -4, "b": -1}'
    assert numbers_of_keys(raw, ["a\ud800", "b"]) == {"a\ud800": -4.0, "b": -1.0}


def test_no_keys_asked_is_no_pass() -> None:
    assert numbers_of_keys(b"not even JSON", []) == {}


_KEYS = st.text(alphabet=st.sampled_from("aAbßü😀 \"\\,:{}\n'-"), min_size=1, max_size=6)
_VALUES = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.text(max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(
    members=st.lists(st.tuples(_KEYS, _VALUES), max_size=12),
    absent=st.lists(_KEYS, max_size=3),
    indent=st.sampled_from([None, 0, 2]),
    ascii_only=st.booleans(),
    searches=st.sampled_from([4, 1, 0]),
)
def test_any_flat_object_reads_as_parsing_it(
    members: list[tuple[str, object]],
    absent: list[str],
    indent: int | None,
    ascii_only: bool,
    searches: int,
) -> None:
    """Keys with quotes, backslashes, braces, commas, line breaks and characters outside
    ASCII or outside the basic plane, repeated keys, values of every JSON type, in
    each layout json.dumps writes: the numbers found are the parse's."""
    # Written member by member, so that a key may repeat (a dict would merge them).
    pieces = [
        json.dumps(k, ensure_ascii=ascii_only) + ": " + json.dumps(v, ensure_ascii=ascii_only)
        for k, v in members
    ]
    if indent is None:
        raw = ("{" + ", ".join(pieces) + "}").encode()
    else:
        pad = "\n" + " " * indent
        raw = ("{" + pad + ("," + pad).join(pieces) + "\n}").encode()
    asked = [k for k, _ in members] + absent
    previous = _jsonscan._SEARCH_PASSES
    _jsonscan._SEARCH_PASSES = searches
    try:
        assert numbers_of_keys(raw, asked) == _parsed(raw, asked)
    finally:
        _jsonscan._SEARCH_PASSES = previous
