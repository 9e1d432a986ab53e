"""fluent.syntax's parser with its three character-by-character loops done by regular
expressions.

fluent.syntax reads a file one character at a time through its stream object: each
character of copy costs a handful of Python calls (`current_char`, `char_at`, `get`,
`next`), which made Fluent the slowest format culturelint reads, about 1 MB/s, with
most of the time in text, identifiers and comments. Those three are runs of
characters whose end a regular expression finds in one call: text stops at `{`,
`}` or a line end, an identifier is `[a-zA-Z][a-zA-Z0-9_-]*`, a comment line runs to
its line end. Everything else (entries, placeables, selects, indentation, junk and
its error messages, spans) is fluent.syntax's own code, unchanged.

The stream treats CRLF as one line end and a lone CR as a character of text; the
patterns below do the same. `tests/test_readers_fluent_parser.py` checks that every
file gives the same tree, spans and errors as fluent.syntax's parser does, on the
real copy, on edge cases and on generated files.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fluent.syntax import FluentParser, ast
from fluent.syntax.errors import ParseError
from fluent.syntax.parser import with_span
from fluent.syntax.stream import FluentParserStream

from culturelint.regex_cache import compile_cached

# Where a text element ends: a placeable's brace or a line end (CRLF counts as one).
_TEXT_END = compile_cached(r"[{}\n]|\r\n")
# Where a comment line ends.
_LINE_END = compile_cached(r"\n|\r\n")
# An identifier, as the stream's take_id_start and take_id_char read it.
_IDENTIFIER = compile_cached(r"[a-zA-Z][a-zA-Z0-9_-]*")
_COMMENTS = {0: ast.Comment, 1: ast.GroupComment, 2: ast.ResourceComment}


def _skip_to(ps: FluentParserStream, end: int) -> None:
    """Move the stream to `end`, as calls of `next()` over the characters before it
    would (none of which is a CRLF, which `next()` steps over as one)."""
    if end > ps.index:
        ps.index = end
        ps.peek_offset = 0


class FastFluentParser(FluentParser):
    """A `FluentParser` (spans on) that reads text, identifiers and comments faster."""

    @with_span
    def get_text_element(self, ps: FluentParserStream) -> ast.TextElement:
        start = ps.index
        found = _TEXT_END.search(ps.string, start)
        end = found.start() if found else len(ps.string)
        _skip_to(ps, end)
        return ast.TextElement(ps.string[start:end])

    @with_span
    def get_identifier(self, ps: FluentParserStream) -> ast.Identifier:
        found = _IDENTIFIER.match(ps.string, ps.index)
        if found is None:
            raise ParseError("E0004", "a-zA-Z")
        _skip_to(ps, found.end())
        return ast.Identifier(found.group())

    @with_span
    def get_comment(self, ps: FluentParserStream) -> Any:
        # fluent.syntax's get_comment, with the rest of each line taken in one step.
        level = -1
        content = ""
        while True:
            i = -1
            while ps.current_char == "#" and (i < (2 if level == -1 else level)):
                ps.next()
                i += 1
            if level == -1:
                level = i
            if ps.current_char != "\n":
                ps.expect_char(" ")
                start = ps.index
                found = _LINE_END.search(ps.string, start)
                end = found.start() if found else len(ps.string)
                content += ps.string[start:end]
                _skip_to(ps, end)
            if ps.is_next_line_comment(level=level):
                content += "\n"
                ps.next()
            else:
                break
        return _COMMENTS[level](content)


@cache
def _stream_is_as_expected() -> bool:
    """Whether this fluent.syntax's stream keeps its position where the methods above
    move it; if a release changed that, its own parser is used."""
    stream = FluentParserStream("a")
    return (
        isinstance(getattr(stream, "string", None), str)
        and getattr(stream, "index", None) == 0
        and getattr(stream, "peek_offset", None) == 0
    )


def parser() -> FluentParser:
    """The parser the Fluent reader uses: the fast one when the stream is as expected."""
    if _stream_is_as_expected():
        return FastFluentParser(with_spans=True)
    return FluentParser(with_spans=True)
