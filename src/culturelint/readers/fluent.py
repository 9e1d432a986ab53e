"""Fluent (.ftl): every message, attribute and term a segment, mapped character by character.

fluent.syntax parses the file with spans (code-point offsets into the text; its
character loops sped up in readers/fluent_parser.py). A text
element's value differs from what is written where a multiline pattern is indented
(the common indent is removed) and where lines end in CRLF; the value is aligned back
onto the source so every character keeps its own position.

- Segments: kind "message", key = message id, "id.attribute", or "-term" for a term
  (terms are definitions, usually brand names; their values are copy too).
- Placeables: `{ $var }`, `{ -term }`, `{ message }` and function calls stay in the
  segment text exactly as written (other rules ignore `{ ... }`); a string literal
  `{ "{" }` or number literal `{ 5 }` is its value. attrs `refs` counts the variables
  (`$name`) and term references (`-name`) of the whole message, selectors included,
  and `select` says whether it has a select expression; CL801 compares them.
- Select expressions: one segment per variant, each holding the text around the
  select with that variant in its place; attrs `variant` names it ("one", "other",
  "one/other" when selects nest). The default variant is marked `default_variant`.
- Comments (`#`, `##`, `###`) are comments; a comment attached to a message applies to
  the whole message, so `# culturelint-disable-next-line CL801` covers every line of a
  multiline message. The comment is also the segment's note.
- A syntax error becomes a warning with its line; the other messages are still read.
- No market hint: the path decides (`de/`, `de-DE/`, `main.de.ftl`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from typing import Any

from culturelint.document import Comment, Document, SegmentBuilder
from culturelint.readers.l10n_units import EMPTY, EmptyUnit

# Beyond this many combinations of variants (several selects in one message), the
# later selects contribute their default variant only.
MAX_VARIANTS = 32

Part = Callable[[SegmentBuilder], None]


def _syntax_error(text: str, junk: Any) -> tuple[str, int]:
    """The parser's message, at the line where it found the error. An entry can run
    over many lines; when the error is not on its first, the message says where the
    unreadable entry starts, since all of it goes unchecked."""
    first = junk.annotations[0] if junk.annotations else None
    message = f"Fluent syntax error: {first.message if first else 'syntax error'}"
    at = first.span.start if first is not None and first.span is not None else None
    if at is None or at <= junk.span.start:
        return message, junk.span.start
    # The parser may stop on the line after the entry ("{" left open at a line's end):
    # the error belongs to the entry's last line.
    at = min(at, junk.span.end - 1)
    start_line = text.count("\n", 0, junk.span.start) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    if text.count("\n", 0, at) + 1 == start_line:
        return f"{message} (column {column})", at
    return f"{message} (column {column}; the entry from line {start_line} was not checked)", at


def read(path: str, text: str) -> Document:
    from fluent.syntax import ast

    from culturelint.readers.fluent_parser import parser

    resource = parser().parse(text)
    doc = Document(path=path, text=text, format="fluent")
    empties: list[EmptyUnit] = []
    for entry in resource.body:
        if isinstance(entry, (ast.Comment, ast.GroupComment, ast.ResourceComment)):
            _comment(doc, entry.span.start, entry.span.end, None)
        elif isinstance(entry, ast.Junk):
            doc.warnings.append(_syntax_error(text, entry))
        elif isinstance(entry, (ast.Message, ast.Term)):
            _entry(doc, text, entry, empties)
    if empties:
        doc.meta[EMPTY] = empties
    return doc


def _comment(doc: Document, start: int, end: int, applies_to: tuple[int, int] | None) -> None:
    raw = doc.text[start:end]
    if applies_to is None:
        doc.comments.append(Comment(raw, start, end))
    else:
        doc.comments.append(Comment(raw, start, end, applies_to))


def _entry(doc: Document, text: str, entry: Any, empties: list[EmptyUnit]) -> None:
    from fluent.syntax import ast

    is_term = isinstance(entry, ast.Term)
    name = ("-" if is_term else "") + entry.id.name
    note = None
    if entry.comment is not None:
        note = None if "culturelint-" in entry.comment.content else entry.comment.content
        _comment(
            doc,
            entry.comment.span.start,
            entry.comment.span.end,
            (entry.span.start, entry.span.end),
        )
    base = {"term": True} if is_term else {}
    if entry.value is not None:
        _pattern(doc, text, name, entry.value, note, base, empties)
    for attribute in entry.attributes:
        _pattern(doc, text, f"{name}.{attribute.id.name}", attribute.value, note, base, empties)


def _pattern(
    doc: Document,
    text: str,
    key: str,
    pattern: Any,
    note: str | None,
    base: dict[str, Any],
    empties: list[EmptyUnit],
) -> None:
    refs: Counter[str] = Counter()
    has_select = _collect_refs(pattern, refs)
    alternatives = _expand(text, pattern.elements)
    for label, default, parts in alternatives:
        builder = SegmentBuilder()
        for part in parts:
            part(builder)
        attrs: dict[str, Any] = {**base, "refs": dict(refs), "select": has_select}
        if label:
            attrs["variant"] = label
            attrs["default_variant"] = default
        if not builder.text.strip():
            if not label:  # `key = { "" }`: written, but empty
                empties.append(EmptyUnit(key, None, pattern.span.start, pattern.span.end, note))
            continue
        doc.segments.append(builder.build("message", key=key, note=note, attrs=attrs))


def _expand(text: str, elements: list[Any]) -> list[tuple[str, bool, list[Part]]]:
    """Every variant of a pattern as (label, is default, parts that build its text)."""
    from fluent.syntax import ast

    alternatives: list[tuple[str, bool, list[Part]]] = [("", True, [])]
    for element in elements:
        if isinstance(element, ast.TextElement):
            part = _text_part(text, element)
            alternatives = [(lab, d, [*parts, part]) for lab, d, parts in alternatives]
            continue
        expression = element.expression
        while isinstance(expression, ast.Placeable):
            expression = expression.expression
        if isinstance(expression, ast.SelectExpression):
            alternatives = _with_select(text, alternatives, expression)
        else:
            part = _placeable_part(text, element, expression)
            alternatives = [(lab, d, [*parts, part]) for lab, d, parts in alternatives]
    return alternatives


def _with_select(
    text: str, alternatives: list[tuple[str, bool, list[Part]]], select: Any
) -> list[tuple[str, bool, list[Part]]]:
    variants = []
    for variant in select.variants:
        name = getattr(variant.key, "name", None) or getattr(variant.key, "value", "")
        for label, default, parts in _expand(text, variant.value.elements):
            full = f"{name}/{label}" if label else str(name)
            variants.append((full, bool(variant.default) and default, parts))
    if len(alternatives) * len(variants) > MAX_VARIANTS:
        variants = [v for v in variants if v[1]][:1] or variants[:1]
    out = []
    for (label, default, parts), (v_label, v_default, v_parts) in itertools.product(
        alternatives, variants
    ):
        full = f"{label}/{v_label}" if label else v_label
        out.append((full, default and v_default, [*parts, *v_parts]))
    return out


def _text_part(text: str, element: Any) -> Part:
    value, start, end = element.value, element.span.start, element.span.end

    def add(builder: SegmentBuilder) -> None:
        _align(text, value, start, end, builder)

    return add


def _placeable_part(text: str, element: Any, expression: Any) -> Part:
    from fluent.syntax import ast

    start, end = element.span.start, element.span.end
    if isinstance(expression, ast.StringLiteral):
        value = expression.parse()["value"]
    elif isinstance(expression, ast.NumberLiteral):
        value = expression.value
    else:
        raw = text[start:end]
        return lambda builder: builder.add(raw, start)
    return lambda builder: builder.add_mapped(value, start, end)


def _collect_refs(node: Any, refs: Counter[str]) -> bool:
    """Count variable and term references in `node`; True if it has a select expression."""
    from fluent.syntax import ast

    has_select = False
    if isinstance(node, ast.VariableReference):
        refs["$" + node.id.name] += 1
    elif isinstance(node, ast.TermReference):
        refs["-" + node.id.name] += 1
    if isinstance(node, ast.SelectExpression):
        has_select = True
    if isinstance(node, ast.BaseNode):
        for value in vars(node).values():
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.BaseNode) and not isinstance(child, ast.Span):
                    has_select = _collect_refs(child, refs) or has_select
    return has_select


def _align(text: str, value: str, start: int, end: int, builder: SegmentBuilder) -> None:
    """Add a text element's `value` mapped onto its source text[start:end].

    The value is the source with CRLF read as "\\n" and a multiline pattern's common
    indent removed; characters that match map one to one, a CRLF maps as a whole, and
    indentation the value dropped is skipped.
    """
    i, r = 0, start
    run = -1

    def flush() -> None:
        nonlocal run
        if run >= 0:
            builder.add(text[run:r], run)
            run = -1

    while i < len(value):
        if r >= end:
            flush()
            builder.add_mapped(value[i:], max(start, end - 1), end)
            return
        ch = value[i]
        if text[r] == ch:
            if run < 0:
                run = r
            i += 1
            r += 1
        elif ch == "\n" and text.startswith("\r\n", r):
            flush()
            builder.add_mapped("\n", r, r + 2)
            i += 1
            r += 2
        elif text[r] in " \r\n":
            flush()
            r += 1  # indentation or a blank line the value leaves out
        else:
            flush()
            builder.add_mapped(value[i:], r, end)
            return
    flush()
