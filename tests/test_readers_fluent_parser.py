"""The fast Fluent parser gives fluent.syntax's own tree: every node, value, span,
error code and error position, on real copy, edge cases and generated files."""

from __future__ import annotations

from typing import Any

import pytest
from fluent.syntax import FluentParser
from hypothesis import given, settings
from hypothesis import strategies as st

from culturelint.readers import fluent_parser
from culturelint.readers.fluent_parser import FastFluentParser
from shared import SHARED

REALCOPY = SHARED / "data" / "realcopy"


def both(text: str) -> tuple[Any, Any]:
    stock = FluentParser(with_spans=True).parse(text).to_json()
    fast = FastFluentParser(with_spans=True).parse(text).to_json()
    return stock, fast


EDGE_CASES = {
    "message": "hello = Hallo Welt\n",
    "no final newline": "hello = Hallo Welt",
    "crlf": "a = eins\r\nb =\r\n    zwei\r\n    drei\r\n",
    "lone cr in text": "a = eins\rzwei\n",
    "cr at the end": "a = eins\r",
    "crlf then cr": "a = x\r\n\r",
    "placeables": "a = Hallo { $name }, { -brand } und { other.attr }!\n",
    "literals": 'a = { "{" } { "\\u00e4" } { 5 } { -3.5 }\n',
    "select": "a = { $n ->\n    [one] ein Artikel\n   *[other] { $n } Artikel\n}\n",
    "nested select": "a = { $a ->\n *[x] { $b ->\n  [y] Y\n *[z] Z\n }\n}\n",
    "attributes": "a =\n    .title = Titel\n    .alt = Bild\n",
    "term": "-brand = Firefox\n    .gender = masculine\n",
    "identifiers": "a-b_c9 = x\nA = y\nz-- = w\n",
    "comments": "# one\n# two\n\n## group\n### resource\n###\n#\na = x\n",
    "comment attached": "# note for a\na = x\n",
    "comment crlf": "# eins\r\n# zwei\r\na = x\r\n",
    "comment with cr": "# eins\rzwei\na = x\n",
    "comment at eof": "# last",
    "empty comment at eof": "#",
    "comment without space": "#nope\na = x\n",
    "too many hashes": "#### four\na = x\n",
    "junk": "a = { $x\nb = fine\n",
    "unclosed brace in text": "a = text } more\n",
    "bad identifier": "1a = x\nä = y\nb = z\n",
    "no value": "a =\nb = x\n",
    "blank lines and indent": "a =\n\n      one\n\n   two\n\n\nb = x\n",
    "tabs": "a =\tx\n\tb = y\n",
    "special line starts": "a = x\n  [not a variant\n  *star\n  .dot\n  }brace\n",
    "variant keys": "a = { $n ->\n [0] zero\n [-1] minus\n *[other-key_2] x\n}\n",
    "function call": "a = { NUMBER($n, minimumFractionDigits: 2) } { DATETIME($d) }\n",
    "unicode": "a = 日本語のテキスト 😀 { $x } ünïcödé\n",
    "only whitespace": "   \n\n  \n",
    "empty": "",
}


@pytest.mark.parametrize("text", list(EDGE_CASES.values()), ids=list(EDGE_CASES))
def test_edge_cases_parse_as_fluent_syntax_parses_them(text: str) -> None:
    stock, fast = both(text)
    assert fast == stock


def test_real_copy_parses_as_fluent_syntax_parses_it() -> None:
    files = sorted(REALCOPY.rglob("*.ftl"))
    assert len(files) > 100
    for path in files:
        stock, fast = both(path.read_text(encoding="utf-8"))
        assert fast == stock, path


# Characters that steer the parser, with some letters and non-ASCII text between them.
_FLUENT_PIECES = st.sampled_from(
    [
        "a", "Z", "x1", "-", "_", "=", " ", "  ", "\t", "\n", "\r\n", "\r", "#", "## ", "# ",
        "{", "}", "{ $n }", "{ -t }", "[", "]", "*[", ".", "$", '"', "\\", "->", "ä", "日本",
        "😀", "0", "5", "hello = ", "\n    ", "\n  .attr = ", "{ $n ->\n", "\n *[other] ",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_FLUENT_PIECES, max_size=40).map("".join))
def test_generated_files_parse_as_fluent_syntax_parses_them(text: str) -> None:
    stock, fast = both(text)
    assert fast == stock


def test_the_fast_parser_is_used_when_the_stream_is_as_expected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert isinstance(fluent_parser.parser(), FastFluentParser)
    monkeypatch.setattr(fluent_parser, "_stream_is_as_expected", lambda: False)
    chosen = fluent_parser.parser()
    assert type(chosen) is FluentParser
    assert chosen.with_spans
