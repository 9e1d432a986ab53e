"""`--format json`: the machine-readable contract of DESIGN.md, one object per run.

Other tools parse this, so its shape changes only with the design document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from culturelint.reporters import Report

try:
    import orjson
except ImportError:  # an environment without it still reports
    orjson = None  # type: ignore[assignment]


class Items:
    """A list in a document that `chunks` writes a few items at a time (each item is
    encoded whole: an `Items` inside one is not).

    A report on a large repository holds a hundred thousand findings and more; made
    into objects all at once and then into one string, the SARIF report of 126,000
    findings took 1.5 GB on top of the run. Written a few at a time, a finding's
    object lives only while it is written.
    """

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def to_object(report: Report) -> dict[str, Any]:
    """The report as one JSON document, its findings as `Items` (see `chunks`)."""
    return {
        "version": report.version,
        "findings": Items(finding.to_dict() for finding in report.findings),
        "errors": [error.to_dict() for error in report.errors],
        "summary": {
            "files": report.files,
            "findings": len(report.findings),
            "errors": len(report.errors),
            "by_severity": report.by_severity(),
            "by_market": report.by_market(),
        },
    }


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_INDENT = "  "
# Items encoded per call of the encoder.
_BATCH = 256


def dumps(data: Any) -> str:
    """`data` as `json.dumps(data, ensure_ascii=False, indent=2)` writes it, byte for
    byte, and a final newline (copy in Japanese or Arabic stays readable): the JSON
    and SARIF reports and baseline files.

    Python's encoder indents in pure Python: 0.4 s for a repository's 25,000
    findings, a third of a run that finds every result in the cache. orjson writes
    the same bytes for what a report holds (strings, integers, booleans, None, lists
    and objects) ten times faster; for anything it refuses (a lone surrogate from a
    broken file name), Python's encoder writes the report as before. Floats are not
    in reports: orjson would write 2.5e-05 as 0.000025.
    """
    return _encode(data) + "\n"


def chunks(data: Any) -> Iterator[str]:
    """The text of `dumps(data)`, in pieces, with every `Items` in `data` written as
    the list of its items, a piece per few hundred items. The pieces joined are
    exactly what `dumps` gives for the same document with plain lists."""
    yield from _pieces(data, 0)
    yield "\n"


def _pieces(value: Any, level: int) -> Iterator[str]:
    if isinstance(value, Items):
        # A few hundred items at a time through one call of the encoder: as fast as the
        # whole list at once, in a sliver of the memory. Each batch is encoded as a
        # list, and its brackets are left out but for the first and the last.
        close = "\n" + _INDENT * level + "]"
        items = iter(value.items)
        opener = "["
        while batch := list(islice(items, _BATCH)):
            text = _encode(batch)
            if level:
                text = text.replace("\n", "\n" + _INDENT * level)
            yield opener + text[1 : -len(close)]
            opener = ","
        yield "[]" if opener == "[" else close
    elif isinstance(value, dict | list) and value and _holds_items(value):
        # Each member on a line of its own, a key before it in an object.
        members = (
            ((_encode(key) + ": ", item) for key, item in value.items())
            if isinstance(value, dict)
            else (("", item) for item in value)
        )
        brackets = "{}" if isinstance(value, dict) else "[]"
        opener = brackets[0]
        for key, item in members:
            yield opener + "\n" + _INDENT * (level + 1) + key
            opener = ","
            yield from _pieces(item, level + 1)
        yield "\n" + _INDENT * level + brackets[1]
    else:
        # JSON strings hold no raw line break, so every break in the encoded value is
        # one of its own lines, indented one step more for each level it sits at.
        text = _encode(value)
        yield text.replace("\n", "\n" + _INDENT * level) if level else text


def _holds_items(value: dict[Any, Any] | list[Any]) -> bool:
    """Whether an `Items` is anywhere inside `value` (else it is encoded at once)."""
    children = value.values() if isinstance(value, dict) else value
    return any(
        isinstance(child, Items) or (isinstance(child, dict | list) and _holds_items(child))
        for child in children
    )


def _encode(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, through orjson when it can."""
    if orjson is not None:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # A lone surrogate can only stand inside a JSON string here, where its escape
    # means the same: the report stays valid UTF-8 and reads back as it was.
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
