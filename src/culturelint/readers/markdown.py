"""Markdown files: front matter, then the copy a reader of the rendered page sees.

Parsing is markdown-it-py's (CommonMark plus tables). markdown-it gives line
ranges for blocks only, so exact positions are rebuilt in two steps:

1. Block to source. A block's inline content (the text markdown-it parses for
   a paragraph, heading or table cell) is its source lines minus container
   markers (`> `, list indentation). Each content line is a suffix of its source
   line, which gives a map from every content character to a file offset.
2. Inline to block. Every inline rule that creates tokens is wrapped to record
   the span it consumed (`_POS` in `Token.meta`); plain text sits in the gaps
   between those spans. `text_join` and `fragments_join`, which would merge
   tokens and lose their spans, are turned off.

What becomes a segment: headings, paragraphs (kind `list_item`, `blockquote` inside
those containers), table cells, link text (inside its paragraph), image alt text,
link and image titles, and visible text of HTML blocks and inline HTML (through
the HTML reader). Code, URLs and the front matter never do. Emphasis markers are
stripped; escapes and entities map to their source span; a soft line break reads
as one space mapped onto the line break.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from culturelint.document import Comment, CssColour, Document, Image, Link, PageFacts, Segment
from culturelint.readers.charrefs import decode_attribute
from culturelint.readers.frontmatter import split_front_matter
from culturelint.readers.lines import SourceLines
from culturelint.readers.sink import TextSink, Watcher, remap_segment
from culturelint.readers.tags import scan_start_tag
from culturelint.regex_cache import compile_cached

_POS = "culturelint_pos"
# Inline HTML whose content is not copy.
_SKIPPED_HTML = frozenset(
    {"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "noscript"}
)
_INLINE_TAG = compile_cached(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ATTRIBUTE_KINDS = (
    ("title", "title"),
    ("aria-label", "aria_label"),
    ("placeholder", "placeholder"),
)
_SPACE = " \t\n"
# CommonMark's own limit is 20 levels; copy nested deeper would vanish silently.
MAX_NESTING = 100


def read(path: str, text: str) -> Document:
    lines = SourceLines(text)
    front = split_front_matter(lines)
    if front is not None:
        # Blank lines keep markdown-it's line numbers equal to the file's.
        source = "\n" * front.body_line + text[lines.start(front.body_line) :]
    else:
        source = text
    env: dict[str, Any] = {}
    tokens = _parser().parse(source, env)
    reader = _Reader(text, lines)
    reader.blocks(tokens)
    warnings = list(front.warnings) if front else []
    too_deep = _nesting_cut(tokens)
    if too_deep is not None:
        # markdown-it stops reading blocks at its nesting limit, and the containers it
        # was in take the lines after it too: say which were skipped, never quietly.
        read_after = any(t.map and t.map[0] > too_deep and t.type == "inline" for t in tokens)
        skipped = "the copy nested deeper" if read_after else "the rest of the file"
        warnings.append(
            (
                f"Markdown nested more than {MAX_NESTING} levels deep; {skipped} was not checked",
                lines.start(too_deep),
            )
        )
    meta = front.meta if front else {}
    market = meta.get("market")
    return Document(
        path=path,
        text=text,
        format="markdown",
        segments=sorted(reader.segments, key=lambda s: s.pieces[0].src_start),
        meta=meta,
        market_hint=(str(market).strip() or None) if market is not None else None,
        meta_offsets=front.offsets if front else {},
        comments=reader.comments,
        page=reader.page,
        warnings=warnings,
    )


def _nesting_cut(tokens: list[Any]) -> int | None:
    """The 0-based line where markdown-it hit its nesting limit, or None."""
    for token in tokens:
        if token.level >= MAX_NESTING - 1 and token.map:
            return int(token.map[0])
    return None


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.core.ruler.disable("text_join")
    md.inline.ruler2.disable("fragments_join")
    # Ruler keeps its rules in `__rules__` (name, fn, alt); markdown-it plugins use it too.
    for rule in list(md.inline.ruler.__rules__):
        if rule.name not in ("text", "linkify"):
            md.inline.ruler.at(rule.name, _tracked(rule.name, rule.fn), {"alt": rule.alt})
    return md


def _tracked(name: str, rule: Any) -> Any:
    """Wrap an inline rule so the tokens it creates remember the source they consumed."""
    per_character = name in ("emphasis", "strikethrough")

    def tracked(state: Any, silent: bool) -> bool:
        if silent:
            return bool(rule(state, silent))
        start = state.pos
        before = len(state.tokens)
        had_pending = bool(state.pending)
        ok = bool(rule(state, silent))
        if ok:
            new = state.tokens[before:]
            if had_pending and new and new[0].type == "text":
                new = new[1:]  # the pending text flushed by the first push
            offset = start
            for token in new:
                if _POS in token.meta:
                    continue
                if token.type == "text":
                    # Delimiter runs (** or ~~) are one token per character.
                    if per_character:
                        token.meta[_POS] = (offset, offset + len(token.content))
                        offset += len(token.content)
                    continue
                token.meta[_POS] = (start, state.pos)
        return ok

    return tracked


@dataclass
class _Inline:
    """One block's inline content, its map to the file, and walk state."""

    content: str
    to_src: list[int]  # file offset of each content character, plus one for the end
    autolink: bool = False
    skip_depth: int = 0
    links: list[tuple[Any, int, int, Watcher]] = field(default_factory=list)
    html_links: list[tuple[str, int, int, Watcher]] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return self.autolink or self.skip_depth > 0


class _Reader:
    def __init__(self, text: str, lines: SourceLines) -> None:
        self.text = text
        self.lines = lines
        self.segments: list[Segment] = []
        self.comments: list[Comment] = []
        self.page = PageFacts()
        self.watchers: list[Watcher] = []
        self._titles_seen: set[tuple[int, int]] = set()
        self._definitions: dict[str, int] | None = None

    # Blocks ----------------------------------------------------------------------

    def blocks(self, tokens: list[Any]) -> None:
        containers: list[str] = []
        kind = "paragraph"
        atx = False
        row_line, row_cursor = 0, 0
        for token in tokens:
            kind_of = token.type
            if kind_of == "blockquote_open":
                containers.append("blockquote")
            elif kind_of == "list_item_open":
                containers.append("list_item")
            elif kind_of in ("blockquote_close", "list_item_close") and containers:
                containers.pop()
            elif kind_of == "heading_open":
                kind, atx = "heading", token.markup.startswith("#")
            elif kind_of == "paragraph_open":
                kind, atx = (containers[-1] if containers else "paragraph"), False
            elif kind_of == "tr_open" and token.map:
                row_line = token.map[0]
                row_cursor = self.lines.start(row_line)
            elif kind_of in ("th_open", "td_open"):
                kind = "table_cell"
            elif kind_of == "inline" and token.map and token.content:
                if kind == "table_cell":
                    to_src, row_cursor = self._cell_map(token.content, row_line, row_cursor)
                else:
                    to_src = self._line_map(token.content, token.map[0], atx, token.map[1])
                self._inline(token, kind, to_src)
            elif kind_of == "html_block" and token.map:
                self._html_block(token)

    def _line_map(
        self, content: str, first_line: int, atx: bool = False, end_line: int | None = None
    ) -> list[int]:
        to_src: list[int] = []
        parts = content.split("\n")
        if end_line is not None:
            # Python's strip() also drops lines of Unicode spaces (U+3000) that
            # CommonMark keeps in the block: skip them to find the first content line.
            for skip in range(max(0, end_line - first_line - len(parts)) + 1):
                if _locate(parts[0], self.lines.line(first_line + skip), atx) is not None:
                    first_line += skip
                    break
        for k, part in enumerate(parts):
            line = first_line + k
            start = self.lines.start(line)
            placed = _locate(part, self.lines.line(line), atx)
            if placed is None:
                to_src.extend([start] * len(part))
            else:
                offset, synthetic = placed
                # Spaces markdown-it made from a partly used tab map onto that tab.
                to_src.extend([max(start, start + offset - 1)] * synthetic)
                to_src.extend(range(start + offset, start + offset + len(part) - synthetic))
            if k < len(parts) - 1:
                to_src.append(self.lines.end(line))
        to_src.append(to_src[-1] + 1 if to_src else self.lines.start(first_line))
        return to_src

    def _cell_map(self, content: str, line: int, cursor: int) -> tuple[list[int], int]:
        """Find a table cell in its row; a `|` in the content was written `\\|`."""
        needle = content.replace("|", "\\|")
        found = self.text.find(needle, cursor, self.lines.end(line))
        if found < 0:
            return [cursor] * (len(content) + 1), cursor
        to_src: list[int] = []
        i = found
        for ch in content:
            if ch == "|":
                i += 1
            to_src.append(i)
            i += 1
        to_src.append(i)
        return to_src, i

    # Inline content --------------------------------------------------------------

    def _inline(self, token: Any, kind: str, to_src: list[int]) -> None:
        state = _Inline(token.content, to_src)
        sink = TextSink(self.watchers)
        self._walk(state, token.children or [], 0, sink)
        segment = sink.build(kind)
        if segment is not None:
            self.segments.append(segment)

    def _walk(self, state: _Inline, tokens: list[Any], base: int, sink: TextSink) -> None:
        """Walk inline tokens whose positions are relative to content[base:]."""
        cursor = base
        for token in tokens:
            kind = token.type
            pos = token.meta.get(_POS)
            span = (base + pos[0], base + pos[1]) if pos else None
            if kind == "text":
                cursor = self._text(state, sink, token.content, span, cursor)
            elif span is None:
                continue
            elif kind == "text_special":
                if not state.suppressed:
                    self._mapped(state, sink, token.content, *span)
                cursor = span[1]
            elif kind in ("softbreak", "hardbreak"):
                if not state.suppressed:
                    self._line_break(state, sink, span, hard=kind == "hardbreak")
                cursor = span[1]
            elif kind == "html_inline":
                self._html_inline(state, sink, token.content, *span)
                cursor = span[1]
            elif kind == "link_open":
                cursor = self._link_open(state, token, span)
            elif kind == "link_close":
                cursor = self._link_close(state, cursor, span)
            elif kind == "image":
                self._image(state, token, span, sink)
                cursor = span[1]
            else:  # code_inline, emphasis markers
                cursor = max(cursor, span[1])

    def _text(
        self, state: _Inline, sink: TextSink, text: str, span: tuple[int, int] | None, cursor: int
    ) -> int:
        if not text:
            return max(cursor, span[1]) if span else cursor
        content = state.content
        start = span[0] if span else cursor
        if not content.startswith(text, start):
            start = content.find(text, cursor)
        if start < 0:
            if not state.suppressed:
                self._mapped(state, sink, text, cursor, min(cursor + 1, len(content)))
            return cursor
        end = start + len(text)
        if not state.suppressed:
            self._run(state, sink, start, end)
        return end

    def _run(self, state: _Inline, sink: TextSink, start: int, end: int) -> None:
        """Add content[start:end], verbatim wherever it is verbatim in the file."""
        to_src = state.to_src
        i = start
        while i < end:
            j = i + 1
            if i == start and to_src[i:end] == list(range(to_src[i], to_src[i] + end - i)):
                j = end  # the usual case, one run, found without a step per character
            while j < end and to_src[j] == to_src[j - 1] + 1:
                j += 1
            text = state.content[i:j]
            at = to_src[i]
            if self.text.startswith(text, at):
                sink.html_text(text, at)
            else:
                sink.html_mapped(text, at, to_src[j - 1] + 1)
            i = j

    def _mapped(self, state: _Inline, sink: TextSink, text: str, start: int, end: int) -> None:
        to_src = state.to_src
        src_start = to_src[start]
        src_end = to_src[end - 1] + 1 if end > start else src_start
        sink.html_mapped(text, src_start, src_end)

    def _line_break(
        self, state: _Inline, sink: TextSink, span: tuple[int, int], hard: bool
    ) -> None:
        """A soft break reads as a space, a hard break as a line break; both map to the EOL."""
        newline = state.content.find("\n", span[0], span[1])
        if newline < 0:
            return
        at = state.to_src[newline]
        width = 2 if self.text.startswith("\r\n", at) else 1
        if hard:
            sink.line_break(at, at + width)
        else:
            sink.html_mapped(" ", at, at + width)

    # Links and images --------------------------------------------------------------

    def _link_open(self, state: _Inline, token: Any, span: tuple[int, int]) -> int:
        if token.markup == "autolink":
            state.autolink = True
            start, end = self._file_span(state, *span)
            text = state.content[span[0] + 1 : span[1] - 1]
            self.page.links.append(Link(token.attrGet("href") or "", text, start, end))
            return span[1]
        watcher = Watcher()
        self.watchers.append(watcher)
        state.links.append((token, span[0], span[1], watcher))
        return span[0] + 1

    def _link_close(self, state: _Inline, cursor: int, span: tuple[int, int]) -> int:
        if state.autolink:
            state.autolink = False
            return span[1]
        if not state.links:
            return span[1]
        token, start, end, watcher = state.links.pop()
        self.watchers.remove(watcher)
        if watcher.start is not None and watcher.end is not None:
            link_start, link_end = watcher.start, watcher.end
        else:
            link_start, link_end = self._file_span(state, start, end)
        href = token.attrGet("href") or ""
        self.page.links.append(Link(str(href), watcher.text, link_start, link_end))
        title = token.attrGet("title")
        if title:
            label_end = state.content.find("]", cursor, end)
            self._title(state, str(title), start + 1, label_end, end)
        return end

    def _image(self, state: _Inline, token: Any, span: tuple[int, int], sink: TextSink) -> None:
        start, end = span
        alt = TextSink(self.watchers)
        self._walk(state, token.children or [], start + 2, alt)
        segment = alt.build("alt")
        if segment is not None:
            self.segments.append(segment)
        file_start, file_end = self._file_span(state, start, end)
        alt_text = " ".join(alt.text.split())
        self.page.images.append(
            Image(str(token.attrGet("src") or ""), alt_text, file_start, file_end)
        )
        title = token.attrGet("title")
        if title:
            self._title(state, str(title), start + 2, start + 2 + len(token.content), end)

    def _title(
        self, state: _Inline, title: str, label_start: int, label_end: int, end: int
    ) -> None:
        """A link or image title: in the link itself, or in its reference definition."""
        from markdown_it.common.utils import normalizeReference

        content = state.content
        if label_end < 0 or label_end >= end or content[label_end] != "]":
            return
        after = label_end + 1
        if after < end and content[after] == "(":
            raw = _title_span(content, after + 1, end)
            if raw is not None:
                pieces = _unescape_pieces(content, *raw)
                to_src = state.to_src
                self._title_segment(
                    title, pieces, lambda i: to_src[i], to_src[raw[0]], to_src[raw[1] - 1] + 1
                )
            return
        label = content[label_start:label_end]
        if after < end and content[after] == "[":
            close = content.find("]", after + 1, end)
            if close > after + 1:
                label = content[after + 1 : close]
        definition = self._definition(normalizeReference(label))
        if definition is None:
            return
        raw = _title_span(self.text, definition, len(self.text), allow_newlines=True)
        if raw is not None:
            pieces = _unescape_pieces(self.text, *raw)
            self._title_segment(title, pieces, lambda i: i, raw[0], raw[1])

    def _title_segment(
        self,
        title: str,
        pieces: list[tuple[str, int, int]],
        to_src: Any,
        raw_start: int,
        raw_end: int,
    ) -> None:
        if (raw_start, raw_end) in self._titles_seen:
            return
        self._titles_seen.add((raw_start, raw_end))
        sink = TextSink()
        if "".join(p[0] for p in pieces) == title:
            for text, start, end in pieces:
                src_start = to_src(start)
                src_end = to_src(end - 1) + 1 if end > start else src_start
                if end - start == len(text) and self.text.startswith(text, src_start):
                    sink.html_text(text, src_start)
                else:
                    sink.html_mapped(text, src_start, src_end)
        else:
            sink.html_mapped(" ".join(title.split()), raw_start, raw_end)
        segment = sink.build("title")
        if segment is not None:
            self.segments.append(segment)

    def _definition(self, label: str) -> int | None:
        """File offset just after `[label]:` of a link reference definition."""
        from markdown_it.common.utils import normalizeReference

        if self._definitions is None:
            found: dict[str, int] = {}
            for n in range(len(self.lines)):
                line = self.lines.line(n)
                m = _DEFINITION.match(line)
                if m:
                    key = normalizeReference(m.group(1))
                    found.setdefault(key, self.lines.start(n) + m.end())
            self._definitions = found
        return self._definitions.get(label)

    def _file_span(self, state: _Inline, start: int, end: int) -> tuple[int, int]:
        to_src = state.to_src
        return to_src[start], (to_src[end - 1] + 1 if end > start else to_src[start])

    # HTML ------------------------------------------------------------------------

    def _html_inline(self, state: _Inline, sink: TextSink, html: str, start: int, end: int) -> None:
        file_start, file_end = self._file_span(state, start, end)
        if html.startswith("<!--"):
            self.comments.append(Comment(self.text[file_start:file_end], file_start, file_end))
            return
        m = _INLINE_TAG.match(html)
        if m is None:
            return
        name = m.group(2).lower()
        self_closing = html.rstrip().endswith("/>")
        if m.group(1):  # an end tag
            if name in _SKIPPED_HTML and state.skip_depth:
                state.skip_depth -= 1
            elif name == "a" and state.html_links and not state.skip_depth:
                href, link_start, link_end, watcher = state.html_links.pop()
                self.watchers.remove(watcher)
                if watcher.start is not None and watcher.end is not None:
                    link_start, link_end = watcher.start, watcher.end
                self.page.links.append(Link(href, watcher.text, link_start, link_end))
            return
        if name in _SKIPPED_HTML and not self_closing:
            state.skip_depth += 1
            return
        if state.skip_depth:
            return
        if name == "br":
            sink.line_break(file_start, file_end)
            return
        tag = scan_start_tag(state.content, start)
        if tag is None:
            return
        values = tag.values

        def value(attr: str) -> str:
            if attr not in values:
                return ""
            return "".join(p[0] for p in decode_attribute(state.content, *values[attr]))

        attribute_kinds = list(_ATTRIBUTE_KINDS)
        if name in ("img", "area", "input"):
            attribute_kinds.append(("alt", "alt"))
        if name == "input" and value("type").lower() in ("submit", "button", "reset"):
            attribute_kinds.append(("value", "cta"))
        for attr, kind in attribute_kinds:
            if attr in values:
                self._attribute_segment(state, name, attr, kind, *values[attr])
        if name == "img":
            alt = value("alt") if "alt" in values else None
            self.page.images.append(Image(value("src"), alt, file_start, file_end))
        elif name == "a":
            watcher = Watcher()
            self.watchers.append(watcher)
            state.html_links.append((value("href"), file_start, file_end, watcher))

    def _attribute_segment(
        self, state: _Inline, tag: str, attr: str, kind: str, start: int, end: int
    ) -> None:
        sink = TextSink()
        for text, s, e in decode_attribute(state.content, start, end):
            sink.html_piece(text, s, e)
        segment = sink.build(kind, tag=tag, attr=attr)
        if segment is not None:
            self.segments.append(remap_segment(segment, state.to_src))

    def _html_block(self, token: Any) -> None:
        from culturelint.readers.html import extract

        content = token.content
        to_src = self._line_map(content, token.map[0])
        result = extract(content, fragment=True)

        def start_of(i: int) -> int:
            return to_src[min(i, len(content))]

        def end_of(i: int) -> int:
            return to_src[min(i, len(content)) - 1] + 1 if i > 0 else to_src[0]

        self.segments.extend(remap_segment(s, to_src) for s in result.segments)
        for c in result.comments:
            start, end = start_of(c.start), end_of(c.end)
            self.comments.append(Comment(self.text[start:end], start, end))
        page = self.page
        page.links.extend(
            Link(x.href, x.text, start_of(x.start), end_of(x.end)) for x in result.page.links
        )
        page.images.extend(
            Image(x.src, x.alt, start_of(x.start), end_of(x.end)) for x in result.page.images
        )
        page.colours.extend(
            CssColour(c.value, c.raw, c.prop, c.selector, start_of(c.start), end_of(c.end))
            for c in result.page.colours
        )
        if result.page.footer_text:
            page.footer_text = " ".join(filter(None, (page.footer_text, result.page.footer_text)))
        if result.page.anchor != (0, 0) and page.anchor == (0, 0):
            page.anchor = (start_of(result.page.anchor[0]), end_of(result.page.anchor[1]))


_DEFINITION = compile_cached(r"[ \t>]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)?\[((?:[^\[\]\\]|\\.)+)\]:")


def _locate(part: str, line: str, atx: bool) -> tuple[int, int] | None:
    """Where content line `part` sits in source `line`: (offset, leading synthetic spaces)."""
    if "\0" in line:
        line = line.replace("\0", "\ufffd")  # markdown-it's own replacement
    if atx:
        hashes = line.find("#")
        found = line.find(part, hashes + 1 if hashes >= 0 else 0)
        return (found, 0) if found >= 0 else None
    trimmed = part.lstrip(" ")
    for candidate, synthetic in ((part, 0), (trimmed, len(part) - len(trimmed))):
        if synthetic and candidate == part:
            continue
        if line.endswith(candidate):
            return len(line) - len(candidate), synthetic
        stripped = line.rstrip()
        if stripped.endswith(candidate):
            return len(stripped) - len(candidate), synthetic
    found = line.find(part)
    return (found, 0) if found >= 0 else None


def _title_span(
    text: str, pos: int, end: int, allow_newlines: bool = True
) -> tuple[int, int] | None:
    """The inside of a link title after a destination starting near `pos`."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    pos = _skip_space(text, pos, end)
    destination = parseLinkDestination(text, pos, end)
    if not destination.ok:
        return None
    after = _skip_space(text, destination.pos, end)
    if after == destination.pos:
        return None  # a title must be separated from the destination
    title = parseLinkTitle(text, after, end)
    if not title.ok:
        return None
    return after + 1, title.pos - 1


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _unescape_pieces(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Backslash escapes and entities of text[start:end] as markdown-it decodes them."""
    from markdown_it.common.utils import UNESCAPE_ALL_RE, replaceEntityPattern

    pieces: list[tuple[str, int, int]] = []
    i = start
    for m in UNESCAPE_ALL_RE.finditer(text, start, end):
        if m.start() > i:
            pieces.append((text[i : m.start()], i, m.start()))
        escaped = m.group(1)
        decoded = escaped if escaped else replaceEntityPattern(m.group(), m.group(2))
        pieces.append((decoded, m.start(), m.end()))
        i = m.end()
    if i < end:
        pieces.append((text[i:end], i, end))
    return pieces
