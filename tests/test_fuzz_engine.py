"""Property tests over the whole pipeline: random copy in, findings that point right out.

Random text, Markdown and HTML built from fragments (RTL, combining marks, CRLF and
lone CR included) go through decode, the reader and every check. Nothing may raise;
every segment lies inside the file; every finding's line and column point at the text
it names (its snippet is the text from line:column to end_line:end_column).

Each test stays fast (a few dozen examples); set CULTURELINT_FUZZ_DEEP=1 for a long
run (thousands of examples each).
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from culturelint.config import Config
from culturelint.engine import Linter, build_registry

DEEP = bool(os.environ.get("CULTURELINT_FUZZ_DEEP"))
EXAMPLES = 3000 if DEEP else 25

FRAGMENTS = [
    "Nur $5", "19,99 €", "¥4,444", " ", "\n", "\r\n", "\r", "\n\n", "**", "_", "`", "# ",
    "> ", "- ", "1. ", "[", "](u)", "![a](b)", "<b>", "</b>", "<p>", "</p>", "<div>",
    "&amp;", "&#x24;", "<!-- x -->", "<a href='x'>", "</a>", "mérite", "e\u0301",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u200f", "\u202e",
    "日本語", "👍🏽", "四", "白", "KOSTENLOS!!!", "13.11.2026", "\t", "|", "| a |",
]  # fmt: skip

copy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map(
    "".join
)

_BREAK = re.compile(r"\r\n|\r|\n")


@pytest.fixture(scope="module")
def linter() -> Linter:
    config = Config()
    registry, _errors = build_registry(config)
    return Linter(config, registry, market="de-DE")


def text_at(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source text between two 1-based (line, code-point column) positions."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    return text[starts[line - 1] + column - 1 : starts[end_line - 1] + end_column - 1]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=copy)
def test_findings_point_at_their_text(linter: Linter, suffix: str, body: str) -> None:
    body = body.replace("\0", "")
    result = linter.lint_bytes(body.encode("utf-8", "surrogatepass"), f"copy{suffix}")
    if "\ud800" <= max(body, default=" ") and any("\ud800" <= c <= "\udfff" for c in body):
        assert result.errors  # lone surrogates are not UTF-8: refused, never a crash
        return
    assert not [e for e in result.errors if "could not check" in e.message], result.errors
    lines = len(_BREAK.split(body))
    for f in result.findings:
        assert 1 <= f.line <= f.end_line <= lines
        snippet = text_at(body, f.line, f.column, f.end_line, f.end_column)
        assert f.snippet == snippet[:200]
