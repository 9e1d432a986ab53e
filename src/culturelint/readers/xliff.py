"""XLIFF 1.2 and 2.x: every <target> a segment, mapped through entities and inline codes.

Security first: defusedxml parses the file once and refuses what makes XML dangerous
(entity declarations, so no "billion laughs"; external entities, so no file or network
access). Only a file defusedxml accepted is walked a second time with expat (the
parser defusedxml wraps), because only expat reports where each piece of text starts:
ElementTree keeps no positions. Expat counts bytes; they are turned into code points.

- Segments: kind "target", key = the unit's id (XLIFF 2 with several <segment>s:
  "unit-id#segment-id"), source = the <source> text, note = the unit's notes,
  attrs: `state`, `max_length` (1.2 `maxwidth` with `size-unit="char"`, 2.x
  `slr:sizeRestriction`), `codes` and `source_codes` (the inline codes of target
  and source, for CL802), `resname`.
- Inline codes are not text: <x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it> (1.2) and
  <ph/>, <sc/>, <ec/>, <sm/>, <em/> (2.x) leave the text and are recorded in the
  attrs; the text inside <g>, <mrk> and <pc> is copy. <cp hex="..."/> is its character.
- Units with `translate="no"` are skipped; <alt-trans> proposals are not copy.
- Missing or empty <target>: `meta["l10n_empty"]` (CL804), pointing at the empty
  <target> element, else at the unit's start tag.
- `market_hint`: 1.2 `target-language` of the first <file>, 2.x `trgLang` of <xliff>.
- XML comments are comments; a comment just before a unit applies to the whole unit.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from culturelint.document import Comment, Document, SegmentBuilder
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import (
    EMPTY,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    EmptyUnit,
)

UNIT_TAGS = frozenset({"trans-unit", "unit"})
# Inline codes whose content is native code, not copy.
CODE_TAGS = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "sm", "em", "sub"})
# Inline elements whose content is copy.
TEXT_TAGS = frozenset({"g", "mrk", "pc"})
SLR_NS = "urn:oasis:names:tc:xliff:sizerestriction:2.0"


def read(path: str, text: str) -> Document:
    _defused_check(text)
    walker = _Walker(text)
    walker.run()
    doc = Document(path=path, text=text, format="xliff")
    doc.segments = walker.segments
    doc.comments = walker.comments
    if walker.empties:
        doc.meta[EMPTY] = walker.empties
    if walker.source_language:
        doc.meta[SOURCE_LANGUAGE] = walker.source_language
    if walker.target_language:
        doc.meta[TARGET_LANGUAGE] = walker.target_language
        doc.market_hint = walker.target_language
    return doc


def _defused_check(text: str) -> None:
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(text.encode("utf-8"))
    except defusedxml.DefusedXmlException as exc:
        what = {
            "EntitiesForbidden": "it declares entities",
            "ExternalReferenceForbidden": "it refers to an external entity",
            "DTDForbidden": "it has a DTD",
        }.get(type(exc).__name__, type(exc).__name__)
        name = getattr(exc, "name", None) or getattr(exc, "sysid", None)
        detail = f" ({name})" if name else ""
        raise ReadError(
            f"refused XML: {what}{detail}; entity declarations and external entities are "
            "not allowed, because they can expand without bound or read other files"
        ) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ReadError(f"invalid XML: {exc}", line) from None


@dataclass
class _Capture:
    """Text being collected from a <source> or <target>."""

    builder: SegmentBuilder = field(default_factory=SegmentBuilder)
    codes: list[str] = field(default_factory=list)
    code_depth: int = 0  # > 0 inside an inline code's native content
    start: int = 0
    end: int = 0


@dataclass
class _Unit:
    id: str
    start: int
    attrs: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    # (segment id, source capture, target capture or None, state)
    parts: list[tuple[str | None, _Capture | None, _Capture | None, str | None]] = field(
        default_factory=list
    )
    pending_source: _Capture | None = None
    pending_target: _Capture | None = None
    segment_id: str | None = None
    segment_state: str | None = None


class _Walker:
    """Expat handlers that turn the XLIFF tree into segments with source offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8")
        self.segments: list = []
        self.comments: list[Comment] = []
        self.empties: list[EmptyUnit] = []
        self.source_language: str | None = None
        self.target_language: str | None = None
        self._stack: list[str] = []
        self._unit: _Unit | None = None
        self._capture: _Capture | None = None
        self._note: list[str] | None = None
        self._skip_depth = 0  # inside <alt-trans> or a translate="no" unit
        self._pending_comments: list[tuple[str, int, int]] = []
        self._line_bytes, self._line_chars = self._line_tables()
        self._size_profile_codepoints = True
        self._cdata = False

    # -- positions ---------------------------------------------------------------

    def _line_tables(self) -> tuple[list[int], list[int]]:
        """Byte and character offset of every line start (after "\\n")."""
        byte_starts, char_starts = [0], [0]
        for line in self.text.split("\n")[:-1]:
            byte_starts.append(byte_starts[-1] + len(line.encode("utf-8", "surrogatepass")) + 1)
            char_starts.append(char_starts[-1] + len(line) + 1)
        return byte_starts, char_starts

    def _char(self, byte_index: int) -> int:
        if self.text.isascii():
            return byte_index
        line = bisect.bisect_right(self._line_bytes, byte_index) - 1
        within = self.data[self._line_bytes[line] : byte_index].decode("utf-8", "replace")
        return self._line_chars[line] + len(within)

    def _here(self) -> int:
        return self._char(self._parser.CurrentByteIndex)

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end < 0 else end + 1

    # -- parsing -----------------------------------------------------------------

    def run(self) -> None:
        from xml.parsers import expat

        parser = expat.ParserCreate(encoding="utf-8", namespace_separator=" ")
        self._parser = parser
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._chars
        parser.CommentHandler = self._comment
        parser.StartCdataSectionHandler = lambda: setattr(self, "_cdata", True)
        parser.EndCdataSectionHandler = lambda: setattr(self, "_cdata", False)
        # defusedxml has vetted the file already; refuse again in case it is bypassed.
        parser.EntityDeclHandler = _refuse_entities
        parser.ExternalEntityRefHandler = _refuse_entities
        try:
            parser.Parse(self.data, True)
        except expat.ExpatError as exc:
            raise ReadError(f"invalid XML: {exc}", exc.lineno) from None

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        attrs = {_attr_name(k): v for k, v in attrs.items()}
        start = self._here()
        self._stack.append(local)
        if self._skip_depth:
            self._skip_depth += 1
            return
        if local == "xliff":
            self.source_language = attrs.get("srcLang") or self.source_language
            self.target_language = attrs.get("trgLang") or self.target_language
        elif local == "file" and self.target_language is None:
            self.source_language = attrs.get("source-language") or self.source_language
            self.target_language = attrs.get("target-language") or None
        elif local == "profiles" and attrs.get("generalProfile"):
            self._size_profile_codepoints = attrs["generalProfile"] == "xliff:codepoints"
        elif local in UNIT_TAGS:
            if attrs.get("translate") == "no":
                self._skip_depth = 1
                self._pending_comments.clear()
                return
            self._unit = _Unit(attrs.get("id", ""), start, self._unit_attrs(attrs))
        elif local == "alt-trans":
            self._skip_depth = 1
        elif self._unit is not None:
            self._start_in_unit(local, attrs, start)

    def _unit_attrs(self, attrs: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if attrs.get("resname"):
            out["resname"] = attrs["resname"]
        width = attrs.get("maxwidth")
        if width and attrs.get("size-unit") == "char" and width.strip().isdigit():
            out["max_length"] = int(width)
        size = attrs.get("slr:sizeRestriction")
        if size and size.strip().isdigit() and self._size_profile_codepoints:
            out["max_length"] = int(size)
        return out

    def _start_in_unit(self, local: str, attrs: dict[str, str], start: int) -> None:
        unit = self._unit
        assert unit is not None
        capture = self._capture
        if capture is not None:
            code_id = attrs.get("id") or attrs.get("startRef") or attrs.get("rid") or ""
            if local in CODE_TAGS or capture.code_depth:
                if not capture.code_depth:
                    capture.codes.append(f"<{local}#{code_id}>")
                capture.code_depth += 1
            elif local == "cp":
                try:
                    char = chr(int(attrs.get("hex", ""), 16))
                except (ValueError, OverflowError):
                    char = "\ufffd"
                capture.builder.add_mapped(char, start, self._tag_end(start))
            elif local in TEXT_TAGS and local != "mrk":
                capture.codes.append(f"<{local}#{code_id}>")
            return
        if local == "segment":
            unit.segment_id = attrs.get("id")
            unit.segment_state = attrs.get("state")
        elif local == "source" and self._parent() in ("trans-unit", "segment"):
            self._capture = _Capture(start=start)
            unit.pending_source = self._capture
        elif local == "target" and self._parent() in ("trans-unit", "segment"):
            self._capture = _Capture(start=start)
            unit.pending_target = self._capture
            if attrs.get("state"):
                unit.segment_state = attrs["state"]
        elif local == "note":
            self._note = []

    def _parent(self) -> str | None:
        return self._stack[-2] if len(self._stack) >= 2 else None

    def _end(self, name: str) -> None:
        local = self._stack.pop() if self._stack else name
        if self._skip_depth:
            self._skip_depth -= 1
            return
        unit = self._unit
        if unit is None:
            return
        capture = self._capture
        here = self._here()
        if capture is not None:
            if local in ("source", "target") and capture.code_depth == 0:
                open_end = self._tag_end(capture.start)
                self_closing = self.text[open_end - 2 : open_end] == "/>"
                capture.end = open_end if self_closing else self._tag_end(here)
                self._capture = None
            elif capture.code_depth:
                capture.code_depth -= 1
            elif local in TEXT_TAGS and local != "mrk":
                capture.codes.append(f"</{local}>")
            return
        if local == "note" and self._note is not None:
            note = "".join(self._note).strip()
            if note:
                unit.notes.append(note)
            self._note = None
        elif local == "segment" or (local == "trans-unit"):
            unit.parts.append(
                (unit.segment_id, unit.pending_source, unit.pending_target, unit.segment_state)
            )
            unit.pending_source = unit.pending_target = None
            unit.segment_id = unit.segment_state = None
        if local in UNIT_TAGS:
            self._finish_unit(unit, self._tag_end(here))
            self._unit = None

    def _chars(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._note is not None and self._capture is None:
            self._note.append(data)
            return
        capture = self._capture
        if capture is None or capture.code_depth:
            return
        _align(self.text, data, self._here(), capture.builder, cdata=self._cdata)

    def _comment(self, data: str) -> None:
        start = self._here()
        close = self.text.find("-->", start + 4)
        end = len(self.text) if close < 0 else close + 3
        if self._unit is None and not self._skip_depth:
            self._pending_comments.append((self.text[start:end], start, end))
        else:
            self.comments.append(Comment(self.text[start:end], start, end))

    # -- units -------------------------------------------------------------------

    def _finish_unit(self, unit: _Unit, end: int) -> None:
        for comment_text, c_start, c_end in self._pending_comments:
            self.comments.append(Comment(comment_text, c_start, c_end, (unit.start, end)))
        self._pending_comments.clear()
        note = "\n".join(unit.notes) or None
        several = len(unit.parts) > 1
        for segment_id, source, target, state in unit.parts:
            key = f"{unit.id}#{segment_id}" if several and segment_id else unit.id
            source_text = source.builder.text if source is not None else None
            attrs = dict(unit.attrs)
            if state:
                attrs["state"] = state
            attrs["source_codes"] = list(source.codes) if source is not None else []
            if target is None or not target.builder.text:
                if not source_text or not source_text.strip():
                    continue  # nothing to translate
                where = (
                    (target.start, target.end)
                    if target is not None
                    else (unit.start, self._tag_end(unit.start))
                )
                self.empties.append(EmptyUnit(key, source_text, *where, note=note, attrs=attrs))
                continue
            attrs["codes"] = list(target.codes)
            self.segments.append(
                target.builder.build("target", key=key, source=source_text, note=note, attrs=attrs)
            )


def _attr_name(name: str) -> str:
    """Local attribute name; size-restriction attributes keep an `slr:` prefix."""
    namespace, _, local = name.rpartition(" ")
    return f"slr:{local}" if namespace == SLR_NS else local


def _refuse_entities(*_args: object) -> None:
    import defusedxml

    raise defusedxml.EntitiesForbidden("entity", None, None, None, None, None)


def _align(text: str, data: str, at: int, builder: SegmentBuilder, *, cdata: bool) -> None:
    """Add `data` (as expat decoded it) to `builder`, mapped onto `text` from `at`.

    The decoded text differs from the source where the source has an entity or a
    character reference (`&amp;`, `&#x41;`), a CDATA marker, or a CRLF/CR line break
    (XML reads both as "\\n"); those map as a whole onto what is written.
    """
    if _verbatim(text, data, at):
        builder.add(data, at)  # as `_align_each` would, in one run
    else:
        _align_each(text, data, at, builder, cdata=cdata)


def _verbatim(text: str, data: str, at: int) -> bool:
    """Whether `data` is written as it reads at `at`, the common case. `_align_each`
    then takes it as one run: it departs from the source only at a "<" (a CDATA
    marker) or an "&" (a reference), and `data` holds neither."""
    return bool(data) and "&" not in data and "<" not in data and text.startswith(data, at)


def _align_each(text: str, data: str, at: int, builder: SegmentBuilder, *, cdata: bool) -> None:
    """`_align` a character at a time."""
    i, r, n = 0, at, len(text)
    run_start = -1

    def flush() -> None:
        nonlocal run_start
        if run_start >= 0:
            builder.add(text[run_start:r], run_start)
            run_start = -1

    while i < len(data):
        if r >= n:
            flush()
            builder.add_mapped(data[i:], max(0, n - 1), n)
            return
        ch = data[i]
        if text.startswith("<![CDATA[", r):
            flush()
            r += 9
            continue
        if text[r] == ch and (ch != "&" or cdata):
            if run_start < 0:
                run_start = r
            i += 1
            r += 1
            continue
        flush()
        if text[r] == "&" and not cdata:
            semi = text.find(";", r)
            end = semi + 1 if 0 <= semi < r + 12 else r + 1
            builder.add_mapped(ch, r, end)
            r = end
        elif ch == "\n" and text[r] == "\r":
            width = 2 if text.startswith("\r\n", r) else 1
            builder.add_mapped("\n", r, r + width)
            r += width
        else:  # cannot follow the source: map the rest as a whole
            builder.add_mapped(data[i:], r, min(n, r + len(data) - i))
            return
        i += 1
    flush()
