"""HTML pages: visible copy by block, attribute copy, and facts about the page.

Parser choice: justhtml (MIT, pure Python), an HTML5 parser that follows the WHATWG
tree-construction algorithm, so malformed markup is recovered the way browsers
recover it (`<p>one<p>two`, unclosed tags, stray end tags) and deep nesting is
handled without recursion. With `track_node_locations=True` it records where every
element and text node starts in the source. That is the anchor; the exact
positions inside are recovered here:

- a text node's characters are walked against the source from its start
  (`charrefs.align_text`), so a decoded `&amp;` maps to its five source characters
  and a run joined across an ignored tag still maps correctly;
- attribute values are located by re-reading the start tag (`tags.scan_start_tag`)
  and decoded reference by reference (`charrefs.decode_attribute`).

Only justhtml's public node API is used (name, attrs, children, data,
origin_offset). The tree is walked with an explicit stack, never recursion.

Each block (p, h1-h6, li, td, a button ...) becomes one segment, with white space
collapsed as a browser renders it. A source character belongs to at most one
segment, so a check never reports the same text twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from culturelint.document import (
    Comment,
    Document,
    Image,
    Link,
    PageFacts,
    Segment,
)
from culturelint.readers.charrefs import align_text, decode_attribute
from culturelint.readers.css import colour_value, colours_in_declarations, colours_in_stylesheet
from culturelint.readers.sink import TextSink, Watcher
from culturelint.readers.tags import StartTag, scan_start_tag
from culturelint.regex_cache import compile_cached

# Not copy: machine text, code, and containers whose content is not rendered.
SKIPPED = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "code",
        "pre",
        "kbd",
        "samp",
        "textarea",
        "iframe",
        "object",
        "canvas",
        "math",
    }
)

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Elements that start a new segment; the kind comes from `_block_kind`.
BLOCKS = frozenset(
    {
        "html",
        "head",
        "body",
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "search",
        "section",
        "summary",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
        "legend",
        "label",
        "option",
        "optgroup",
        "select",
        "title",
        *HEADINGS,
    }
)

# Blocks that hold running text: a link inside them is part of the sentence.
_TEXT_KINDS = frozenset({"paragraph", "heading", "list_item", "table_cell", "blockquote", "cta"})
# Kinds a neutral container (div, section ...) passes on to what it holds.
_INHERITED_KINDS = frozenset({"list_item", "table_cell", "blockquote", "cta"})

_CTA_CLASS = compile_cached(r"(?:^|[^a-z])(?:btn|button|cta)(?:$|[^a-z])")
_HIDDEN_STYLE = compile_cached(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_INPUT_CTA_TYPES = frozenset({"submit", "button", "reset"})
_META_NAMES = frozenset(
    {
        "description",
        "og:title",
        "og:description",
        "og:site_name",
        "og:image:alt",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
    }
)
# Presentation attributes that hold a colour (old HTML and SVG).
_COLOUR_ATTRIBUTES = frozenset({"color", "bgcolor", "fill", "stroke", "stop-color"})
MARKET_META = "culturelint-market"
# Elements whose `title` is never shown to a reader (alternate style sheets, feeds).
_UNRENDERED = frozenset({"html", "head", "link", "meta", "base"})


@dataclass
class HtmlResult:
    """What an HTML text yields; offsets index the text that was parsed."""

    segments: list[Segment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    page: PageFacts = field(default_factory=PageFacts)
    lang: str | None = None
    market: str | None = None


def read(path: str, text: str) -> Document:
    result = extract(text)
    meta: dict[str, Any] = {}
    if result.lang:
        meta["lang"] = result.lang
    return Document(
        path=path,
        text=text,
        format="html",
        segments=result.segments,
        meta=meta,
        market_hint=result.market or result.lang or None,
        comments=result.comments,
        page=result.page,
    )


def extract(src: str, *, fragment: bool = False) -> HtmlResult:
    """Parse `src` (a whole page, or a fragment such as a Markdown HTML block)."""
    from justhtml import JustHTML

    parsed = JustHTML(src, track_node_locations=True, sanitize=False, fragment=fragment)
    walker = _Walker(src)
    walker.walk(parsed.root)
    return walker.finish()


@dataclass
class _Block:
    tag: str
    kind: str
    sink: TextSink


@dataclass
class _Exit:
    """What entering an element changed, to undo on leaving it."""

    node: Any
    block: bool = False
    hidden: bool = False
    link: tuple[Watcher, str, StartTag | None] | None = None
    footer: bool = False


class _Walker:
    def __init__(self, src: str) -> None:
        self.src = src
        self.result = HtmlResult()
        self.watchers: list[Watcher] = []
        self.blocks: list[_Block] = [_Block("#document", "text", self._sink())]
        self.hidden = 0
        self.footer_depth = 0
        self.footer_watcher = Watcher()
        self.footer_tag: tuple[int, int] | None = None
        self.footerish_tag: tuple[int, int] | None = None
        self.body_tag: tuple[int, int] | None = None
        self.seen_tags: set[int] = set()

    def _sink(self) -> TextSink:
        return TextSink(self.watchers)

    # The walk ------------------------------------------------------------------

    def walk(self, root: Any) -> None:
        stack: list[Any] = [root]
        while stack:
            item = stack.pop()
            if isinstance(item, _Exit):
                self._leave(item)
                continue
            name = item.name
            if name == "#text":
                self._text(item)
            elif name == "#comment":
                self._comment(item)
            elif item.children is not None and not name.startswith("#"):
                exit_record = self._enter(item)
                if exit_record is not None:
                    stack.append(exit_record)
                    stack.extend(reversed(item.children))
            elif item.children:
                stack.extend(reversed(item.children))

    def finish(self) -> HtmlResult:
        while len(self.blocks) > 1:
            self._close_block()
        self._flush(self.blocks[0])
        result = self.result
        result.segments.sort(key=lambda s: s.pieces[0].src_start if s.pieces else 0)
        result.page.footer_text = self.footer_watcher.text
        result.page.anchor = self.footer_tag or self.footerish_tag or self.body_tag or (0, 0)
        return result

    def _enter(self, node: Any) -> _Exit | None:
        name: str = node.name
        html_ns = node.namespace in (None, "html")
        lowered = name.lower()
        attrs: dict[str, str | None] = node.attrs or {}
        tag = self._start_tag(node, lowered)
        if html_ns and lowered == "style":
            self._style_block(node)
            return None
        if html_ns and lowered in SKIPPED:
            return None
        record = _Exit(node)
        if self._is_hidden(attrs):
            self.hidden += 1
            record.hidden = True
        if self.hidden:
            return record
        if html_ns:
            self._landmarks(lowered, attrs, tag, record)
        if tag is not None:
            self._attributes(node, lowered, attrs, tag)
        if html_ns:
            if lowered == "br":
                span = (tag.start, tag.end) if tag else self._origin(node)
                self.blocks[-1].sink.line_break(*span)
            kind = self._block_kind(lowered, attrs)
            if kind is not None:
                self._open_block(lowered, kind)
                record.block = True
            if lowered == "a" and "href" in attrs:
                watcher = Watcher()
                self.watchers.append(watcher)
                record.link = (watcher, attrs.get("href") or "", tag)
        return record

    def _leave(self, record: _Exit) -> None:
        if record.link is not None:
            watcher, href, tag = record.link
            self.watchers.remove(watcher)
            self._record_link(watcher, href, tag, record.node)
        if record.block:
            self._close_block()
        if record.footer:
            self.footer_depth -= 1
            if not self.footer_depth:
                self.watchers.remove(self.footer_watcher)
        if record.hidden:
            self.hidden -= 1

    # Blocks ----------------------------------------------------------------------

    def _block_kind(self, name: str, attrs: dict[str, str | None]) -> str | None:
        current = self.blocks[-1].kind
        if name == "button" or (attrs.get("role") or "").lower() == "button":
            return "cta"
        if name == "a":
            classes = (attrs.get("class") or "").lower().split()
            if any(_CTA_CLASS.search(c) for c in classes):
                return "cta"
            return None if current in _TEXT_KINDS else "link"
        if name not in BLOCKS:
            return None
        if name in HEADINGS:
            return "heading"
        if name == "title":
            return "title"
        if name == "li":
            return "list_item"
        if name in ("td", "th"):
            return "table_cell"
        if name == "blockquote":
            return "blockquote"
        if name in ("p", "figcaption"):
            return current if current in _INHERITED_KINDS else "paragraph"
        return current if current in _INHERITED_KINDS else "text"

    def _open_block(self, tag: str, kind: str) -> None:
        parent = self.blocks[-1]
        self._flush(parent)
        self.blocks.append(_Block(tag, kind, self._sink()))

    def _close_block(self) -> None:
        block = self.blocks.pop()
        self._flush(block)

    def _flush(self, block: _Block) -> None:
        for watcher in self.watchers:
            watcher.space()
        segment = block.sink.build(block.kind, tag=block.tag)
        if segment is not None:
            self.result.segments.append(segment)
        block.sink = self._sink()

    # Text and comments -----------------------------------------------------------

    def _text(self, node: Any) -> None:
        if self.hidden or not node.data:
            return
        start = node.origin_offset
        sink = self.blocks[-1].sink
        if start is None:
            parent = node.parent
            anchor = parent.origin_offset if parent is not None else None
            anchor = anchor or 0
            sink.html_mapped(node.data, anchor, anchor)
            return
        src = self.src
        for text, s, e in align_text(node.data, src, start):
            if e - s == len(text) and not src.startswith(text, s):
                # Alignment went astray (text the tree builder moved, such as table
                # foster parenting): claim the span as a whole, never a wrong character.
                sink.html_mapped(text, s, e)
            else:
                sink.html_piece(text, s, e)

    def _comment(self, node: Any) -> None:
        start = node.origin_offset
        if start is None:
            return
        src = self.src
        if src.startswith("<!--", start):
            if src.startswith("<!-->", start):
                end = start + 5
            elif src.startswith("<!--->", start):
                end = start + 6
            else:
                candidates = [
                    i for i in (src.find("-->", start + 4), src.find("--!>", start + 4)) if i >= 0
                ]
                if not candidates:
                    end = len(src)
                else:
                    first = min(candidates)
                    end = first + (3 if src.startswith("-->", first) else 4)
        else:
            gt = src.find(">", start)
            end = len(src) if gt < 0 else gt + 1
        self.result.comments.append(Comment(src[start:end], start, end))

    # Attributes ------------------------------------------------------------------

    def _start_tag(self, node: Any, name: str) -> StartTag | None:
        """The element's start tag as written; None for implied or cloned elements."""
        start = node.origin_offset
        if start is None or start in self.seen_tags:
            return None
        tag = scan_start_tag(self.src, start)
        if tag is None or tag.name != name:
            return None
        self.seen_tags.add(start)
        return tag

    def _is_hidden(self, attrs: dict[str, str | None]) -> bool:
        if "hidden" in attrs and (attrs["hidden"] or "").lower() != "until-found":
            return True
        if (attrs.get("aria-hidden") or "").strip().lower() == "true":
            return True
        style = attrs.get("style")
        return bool(style and _HIDDEN_STYLE.search(style))

    def _attributes(
        self, node: Any, name: str, attrs: dict[str, str | None], tag: StartTag
    ) -> None:
        values = tag.values
        html_ns = node.namespace in (None, "html")
        if "alt" in values and name in ("img", "area", "input"):
            self._attribute_segment(tag, "alt", "alt")
        if "title" in values and name not in _UNRENDERED:
            self._attribute_segment(tag, "title", "title")
        if "aria-label" in values:
            self._attribute_segment(tag, "aria-label", "aria_label")
        if "placeholder" in values:
            self._attribute_segment(tag, "placeholder", "placeholder")
        if name == "input" and (attrs.get("type") or "").lower() in _INPUT_CTA_TYPES:
            if "value" in values:
                self._attribute_segment(tag, "value", "cta")
        if name == "meta":
            self._meta(attrs, tag)
        if name == "html" and html_ns and attrs.get("lang"):
            self.result.lang = (attrs.get("lang") or "").strip() or None
        if name == "img" and html_ns:
            alt = attrs.get("alt")
            self.result.page.images.append(Image(attrs.get("src") or "", alt, tag.start, tag.end))
        if "style" in values:
            start, end = values["style"]
            selector = self._selector(name, attrs)
            self.result.page.colours.extend(
                colours_in_declarations(self.src[start:end], start, selector)
            )
        for attr in _COLOUR_ATTRIBUTES & values.keys():
            start, end = values[attr]
            colour = colour_value(self.src[start:end], attr, self._selector(name, attrs), start)
            if colour is not None:
                self.result.page.colours.append(colour)

    def _meta(self, attrs: dict[str, str | None], tag: StartTag) -> None:
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        if key == MARKET_META:
            self.result.market = (attrs.get("content") or "").strip() or None
        elif key in _META_NAMES and "content" in tag.values:
            self._attribute_segment(tag, "content", "meta", name=key)

    def _attribute_segment(self, tag: StartTag, attr: str, kind: str, **extra: str) -> None:
        start, end = tag.values[attr]
        sink = TextSink([self.footer_watcher] if self.footer_depth else [])
        if self.footer_depth:
            self.footer_watcher.space()
        for text, s, e in decode_attribute(self.src, start, end):
            sink.html_piece(text, s, e)
        segment = sink.build(kind, tag=tag.name, attr=attr, **extra)
        if segment is not None:
            self.result.segments.append(segment)
            if self.footer_depth:
                self.footer_watcher.space()

    @staticmethod
    def _selector(name: str, attrs: dict[str, str | None]) -> str:
        classes = (attrs.get("class") or "").split()
        return name + "".join("." + c for c in classes)

    def _style_block(self, node: Any) -> None:
        children = node.children or []
        if not children or children[0].origin_offset is None:
            return
        start = children[0].origin_offset
        match = compile_cached(r"</style", re.IGNORECASE).search(self.src, start)
        end = match.start() if match else len(self.src)
        self.result.page.colours.extend(colours_in_stylesheet(self.src[start:end], start))

    # Page facts ------------------------------------------------------------------

    def _landmarks(
        self, name: str, attrs: dict[str, str | None], tag: StartTag | None, record: _Exit
    ) -> None:
        span = (tag.start, tag.end) if tag else None
        if name == "body" and span and self.body_tag is None:
            self.body_tag = span
        ident = ((attrs.get("id") or "") + " " + (attrs.get("class") or "")).lower()
        is_footer = name == "footer"
        footerish = (
            is_footer or (attrs.get("role") or "").lower() == "contentinfo" or "footer" in ident
        )
        if not footerish:
            return
        if span:
            if is_footer and self.footer_tag is None:
                self.footer_tag = span
            elif self.footerish_tag is None:
                self.footerish_tag = span
        if not self.footer_depth:
            self.footer_watcher.space()
            self.watchers.append(self.footer_watcher)
        self.footer_depth += 1
        record.footer = True

    def _record_link(self, watcher: Watcher, href: str, tag: StartTag | None, node: Any) -> None:
        if watcher.start is not None and watcher.end is not None:
            start, end = watcher.start, watcher.end
        elif tag is not None:
            start, end = tag.start, tag.end
        else:
            start = end = node.origin_offset or 0
        self.result.page.links.append(Link(href, watcher.text, start, end))

    @staticmethod
    def _origin(node: Any) -> tuple[int, int]:
        start = node.origin_offset or 0
        return start, start
