"""What a reader makes of a file: segments of copy that map back to exact source offsets.

Checks never see raw Markdown or HTML. They see `Segment`s (a heading, a paragraph, an
alt text, a msgstr ...) whose characters each map back to a character offset in the
decoded file, so a finding points at the original text whatever the format.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Turns character offsets into 1-based (line, column) in code points.

    Lines end at "\\n", "\\r\\n" or a lone "\\r", as editors count them.
    """

    def __init__(self, text: str) -> None:
        # One pass over the text: looking for "\n" and "\r" from each line on scanned
        # to the end of the file for the "\r" that is usually in no line at all, which
        # made a file of 77,000 lines take a second.
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True)
class Piece:
    """A run of segment text and where it came from.

    A verbatim piece maps character for character (`src_end - src_start == len(text)`);
    any other piece (a decoded entity, collapsed white space) maps as a whole.
    """

    seg_start: int
    text: str
    src_start: int
    src_end: int
    verbatim: bool = True


@dataclass
class Segment:
    """A unit of copy as a reader found it.

    kind: heading, paragraph, list_item, table_cell, link, alt, title, aria_label,
    placeholder, meta, cta, text, msgstr, unit ... (checks may treat kinds differently).
    key/source/note carry localization-unit data for translation files.
    """

    text: str
    kind: str
    pieces: list[Piece]
    key: str | None = None
    source: str | None = None
    note: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets (start, exclusive end) of segment characters [start, end)."""
        if not self.pieces:
            return 0, 0
        end = max(end, start + 1)
        first = self._piece_at(start)
        last = self._piece_at(end - 1)
        if first.verbatim:
            src_start = first.src_start + (start - first.seg_start)
        else:
            src_start = first.src_start
        if last.verbatim:
            src_end = last.src_start + (end - 1 - last.seg_start) + 1
        else:
            src_end = last.src_end
        return src_start, max(src_end, src_start)

    def _piece_at(self, index: int) -> Piece:
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.pieces):
            starts = self.__dict__["_starts"] = [p.seg_start for p in self.pieces]
        i = bisect.bisect_right(starts, index) - 1
        return self.pieces[max(0, min(i, len(self.pieces) - 1))]


class SegmentBuilder:
    """Accumulates text with its source mapping; readers use it to build segments."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    def add(self, text: str, src_start: int) -> None:
        """Text copied verbatim from the source at `src_start`."""
        if text:
            self._append(Piece(self._length, text, src_start, src_start + len(text), True))

    def add_mapped(self, text: str, src_start: int, src_end: int) -> None:
        """Text that stands for source[src_start:src_end] as a whole (entity, escape)."""
        if text:
            self._append(Piece(self._length, text, src_start, src_end, False))

    def _append(self, piece: Piece) -> None:
        self._parts.append(piece.text)
        self._pieces.append(piece)
        self._length += len(piece.text)

    def __len__(self) -> int:
        return self._length

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, kind: str, **kwargs: Any) -> Segment:
        return Segment(text=self.text, kind=kind, pieces=list(self._pieces), **kwargs)


def verbatim_segment(text: str, src_start: int, kind: str, **kwargs: Any) -> Segment:
    builder = SegmentBuilder()
    builder.add(text, src_start)
    return builder.build(kind, **kwargs)


@dataclass(frozen=True)
class Comment:
    """A comment in the source (HTML comment, PO translator comment, Fluent comment):
    where suppression directives live."""

    text: str
    start: int
    end: int
    # For comments that belong to a translation unit (PO, Fluent, XLIFF notes): the
    # unit's source span, so a disable-next-line directive covers the whole unit.
    applies_to: tuple[int, int] | None = None


@dataclass(frozen=True)
class CssColour:
    """A colour used by a page, from a style attribute or a <style> block."""

    value: str  # normalised "#rrggbb"
    raw: str  # as written
    prop: str  # CSS property, e.g. "background-color"
    selector: str  # selector of the rule, or the element's tag for a style attribute
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Image:
    src: str
    alt: str | None
    start: int
    end: int


@dataclass
class PageFacts:
    """Facts about a whole page, for checks that look beyond single segments.

    anchor: where a finding about something missing from the page points
    (the <footer>, else <body>, else the start of the file).
    """

    colours: list[CssColour] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    footer_text: str = ""
    anchor: tuple[int, int] = (0, 0)


@dataclass
class Document:
    """A file as the checks see it."""

    path: str
    text: str
    format: str
    segments: list[Segment] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Market named by the file itself (front matter, <meta>, <html lang>, PO header ...).
    market_hint: str | None = None
    # Offset of the line that declared metadata keys, e.g. {"campaign": 12}.
    meta_offsets: dict[str, int] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    page: PageFacts | None = None
    # Problems the reader recovered from, as (message, offset of the line or None);
    # reported as errors, and the rest of the file is still linted.
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
    _lines: LineIndex | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def iter_text(self) -> Iterator[Segment]:
        return iter(self.segments)

    @property
    def is_landing(self) -> bool:
        """HTML pages, and Markdown whose front matter says `page: landing`."""
        page = self.meta.get("page")
        if page is not None:
            return str(page).lower() == "landing"
        return self.format == "html"
