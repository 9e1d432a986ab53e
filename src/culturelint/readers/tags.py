"""Where each attribute value of an HTML start tag is written.

The HTML parser tells us where a start tag begins and what its attributes decode
to, not where each value sits. A start tag is simple enough to re-read by the
tokenizer's own rules (HTML Living Standard, 13.2.5.32-13.2.5.40), which gives
every value's span so an alt text or a colour in a style attribute can be pointed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from culturelint.regex_cache import compile_cached

_NAME = compile_cached(r"<([A-Za-z][^\t\n\f\r />]*)")
_END_NAME = compile_cached(r"</[A-Za-z][^\t\n\f\r />]*")
_ATTRIBUTE = compile_cached(
    r"[\t\n\f\r /]*"
    r"(?P<name>[^\t\n\f\r />][^\t\n\f\r /=>]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*"
    r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\t\n\f\r >]+)))?"
)
_TAG_END = compile_cached(r"[\t\n\f\r /]*>")


@dataclass
class StartTag:
    name: str
    start: int
    end: int  # just after ">" (or the end of the text for an unclosed tag)
    # Lower-cased attribute name -> span of its value as written (inside quotes).
    values: dict[str, tuple[int, int]] = field(default_factory=dict)


def scan_start_tag(src: str, pos: int) -> StartTag | None:
    """Read the start tag at src[pos] == "<"; None when there is none."""
    m = _NAME.match(src, pos)
    if m is None:
        return None
    tag = StartTag(name=m.group(1).lower(), start=pos, end=len(src))
    _scan_attributes(src, m.end(), tag)
    return tag


def tag_end(src: str, pos: int) -> int | None:
    """Just after the start or end tag at src[pos] == "<"; None when there is none.

    A ">" inside a quoted attribute value does not end the tag (`<a title="a>b">`),
    and neither does one in an end tag's attributes, which the tokenizer reads too.
    """
    m = _END_NAME.match(src, pos)
    if m is None:
        tag = scan_start_tag(src, pos)
        return tag.end if tag is not None else None
    tag = StartTag(name="", start=pos, end=len(src))
    _scan_attributes(src, m.end(), tag)
    return tag.end


def _scan_attributes(src: str, i: int, tag: StartTag) -> None:
    """Record the attribute values from src[i] to the end of the tag, and that end."""
    while True:
        end = _TAG_END.match(src, i)
        if end is not None:
            tag.end = end.end()
            return
        a = _ATTRIBUTE.match(src, i)
        if a is None or a.end() == i:
            return
        name = a.group("name").lower()
        if name not in tag.values:  # the first of duplicate attributes wins
            for group in ("dq", "sq", "uq"):
                if a.group(group) is not None:
                    tag.values[name] = (a.start(group), a.end(group))
                    break
            else:
                tag.values[name] = (a.end("name"), a.end("name"))
        i = a.end()
