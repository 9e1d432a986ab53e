"""Building segment text the way a reader sees it, without losing source positions.

Readers pour text into a `TextSink` as they walk a parse tree. HTML collapses runs
of white space into one space and drops it at the ends of a block; the sink does
that while remembering which source characters each space stands for. Observers
(`Watcher`) see the same text, so a link's or a footer's visible text is gathered
in the same pass.
"""

from __future__ import annotations

from typing import Any

from culturelint.document import Segment, SegmentBuilder
from culturelint.regex_cache import compile_cached

HTML_SPACE = " \t\n\f\r"
_COLLAPSIBLE = compile_cached(r"[ \t\n\f\r]{2,}|[\t\n\f\r]")


class Watcher:
    """Collects the text added while it is active (a link's text, a footer's text)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.start: int | None = None
        self.end: int | None = None

    def saw(self, text: str, start: int, end: int) -> None:
        self.parts.append(text)
        if not text.strip():
            return  # white space between words is not where the text starts or ends
        if self.start is None:
            self.start = start
        self.end = end

    def space(self) -> None:
        """A word boundary (collapsed white space, a block edge); no position of its own."""
        self.parts.append(" ")

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class TextSink:
    """A SegmentBuilder that knows about white space and tells its watchers.

    `add` and `add_mapped` put text in as it is. `html_text`, `html_mapped`
    and `line_break` collapse white space as an HTML renderer does.
    """

    def __init__(self, watchers: list[Watcher] | None = None) -> None:
        self._builder = SegmentBuilder()
        self._watchers = watchers if watchers is not None else []
        self._pending: tuple[str, int, int, bool] | None = None  # text, start, end, verbatim

    def __len__(self) -> int:
        return len(self._builder)

    @property
    def text(self) -> str:
        return self._builder.text

    def add(self, text: str, start: int) -> None:
        if text:
            self._builder.add(text, start)
            self._tell(text, start, start + len(text))

    def add_mapped(self, text: str, start: int, end: int) -> None:
        if text:
            self._builder.add_mapped(text, start, end)
            self._tell(text, start, end)

    def _tell(self, text: str, start: int, end: int) -> None:
        for watcher in self._watchers:
            watcher.saw(text, start, end)

    # HTML white-space handling -------------------------------------------------

    def html_text(self, text: str, start: int) -> None:
        """Source text copied verbatim; white space runs collapse to one space."""
        body = text.lstrip(HTML_SPACE)
        lead = len(text) - len(body)
        if lead:
            self._space(text[:lead] == " ", start, start + lead)
        body = body.rstrip(HTML_SPACE)
        if not body:
            return
        pos = start + lead
        if "  " not in body and body.isprintable():
            # No run to collapse (printable text holds no tab, newline, form feed or
            # carriage return): the usual case, without searching for one.
            self._flush_space()
            self.add(body, pos)
        else:
            self._collapse(body, pos)
        trail = len(text) - lead - len(body)
        if trail:
            end = start + len(text)
            self._space(text[-trail:] == " ", end - trail, end)

    def _collapse(self, body: str, pos: int) -> None:
        """Single spaces stay inside verbatim runs; other white space maps as a whole."""
        i = 0
        for m in _COLLAPSIBLE.finditer(body):
            self._flush_space()
            self.add(body[i : m.start()], pos + i)
            self._space(False, pos + m.start(), pos + m.end())
            i = m.end()
        self._flush_space()
        self.add(body[i:], pos + i)

    def html_mapped(self, text: str, start: int, end: int) -> None:
        """Decoded text (a character reference) standing for source[start:end]."""
        if text and all(ch in HTML_SPACE for ch in text):
            self._space(False, start, end)
            return
        self._flush_space()
        self.add_mapped(text, start, end)

    def html_piece(self, text: str, start: int, end: int) -> None:
        if end - start == len(text):
            self.html_text(text, start)
        else:
            self.html_mapped(text, start, end)

    def line_break(self, start: int, end: int) -> None:
        """A forced line break (<br>): wins over surrounding white space."""
        for watcher in self._watchers:
            watcher.space()
        if len(self._builder):
            self._pending = ("\n", start, end, False)

    def _space(self, verbatim: bool, start: int, end: int) -> None:
        for watcher in self._watchers:
            watcher.space()
        if not len(self._builder) or self._pending is not None:
            return
        self._pending = (" ", start, end, verbatim)

    def _flush_space(self) -> None:
        pending = self._pending
        if pending is None:
            return
        self._pending = None
        text, start, end, verbatim = pending
        if verbatim:
            self.add(text, start)
        else:
            self.add_mapped(text, start, end)

    def build(self, kind: str, **attrs: Any) -> Segment | None:
        """The segment so far (None when it holds no visible text)."""
        self._pending = None
        if not self._builder.text.strip():
            return None
        return self._builder.build(kind, attrs=attrs) if attrs else self._builder.build(kind)


def remap_segment(segment: Segment, to_src: list[int]) -> Segment:
    """Move a segment built over a substring onto the whole file.

    `to_src[i]` is the file offset of substring character i (one extra entry for
    the end). A verbatim piece stays verbatim where the mapping is contiguous.
    """
    builder = SegmentBuilder()
    for piece in segment.pieces:
        start = to_src[piece.src_start]
        if piece.src_end > piece.src_start:
            end = to_src[piece.src_end - 1] + 1
        else:
            end = start
        if piece.verbatim and end - start == len(piece.text):
            builder.add(piece.text, start)
        else:
            builder.add_mapped(piece.text, start, end)
    return builder.build(
        segment.kind,
        key=segment.key,
        source=segment.source,
        note=segment.note,
        attrs=dict(segment.attrs),
    )
