"""Inline suppressions, in the comments a reader found.

    <!-- culturelint-disable-next-line CL201 -->      the next line
    <!-- culturelint-disable-line CL201 -->           the comment's own line
    <!-- culturelint-disable CL201, CL202 -->  ...  <!-- culturelint-enable -->
    <!-- culturelint-disable-file CL101 -->           the whole file

No codes means every rule. The same words work in PO translator comments, Fluent
comments, and in any line of a plain-text file.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from culturelint.document import Document

DIRECTIVE_RE = re.compile(
    r"culturelint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[\s,]+[A-Za-z]{2,4}[0-9]{1,4})*)"
)
ALL = "*"


class _Range(NamedTuple):
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    codes: frozenset[str]


class Suppressions:
    def __init__(self, ranges: list[_Range]) -> None:
        self._ranges = ranges

    def __bool__(self) -> bool:
        return bool(self._ranges)

    def suppressed(self, code: str, line: int) -> bool:
        for r in self._ranges:
            if r.first_line <= line <= r.last_line and (ALL in r.codes or _covers(r.codes, code)):
                return True
        return False


def _covers(codes: frozenset[str], code: str) -> bool:
    return any(code == c or (code.startswith(c) and len(c) < len(code)) for c in codes)


def parse(doc: Document) -> Suppressions:
    end_of_file = 10**9
    ranges: list[_Range] = []
    open_ranges: dict[str, int] = {}  # code (or ALL) -> first line
    for comment in sorted(doc.comments, key=lambda c: c.start):
        for m in DIRECTIVE_RE.finditer(comment.text):
            verb = m.group("verb")
            codes = frozenset(
                re.findall(r"[A-Za-z]{2,4}[0-9]{1,4}", m.group("codes"))
            ) or frozenset({ALL})
            codes = frozenset(c.upper() if c != ALL else c for c in codes)
            first_line, _ = doc.position(comment.start)
            last_line, _ = doc.position(max(comment.start, comment.end - 1))
            if verb == "disable-next-line":
                next_line = last_line + 1
                if comment.applies_to is not None:
                    unit_end = max(comment.applies_to[0], comment.applies_to[1] - 1)
                    next_line = max(doc.position(unit_end)[0], next_line)
                ranges.append(_Range(last_line + 1, next_line, codes))
            elif verb == "disable-line":
                ranges.append(_Range(first_line, last_line, codes))
            elif verb == "disable-file":
                ranges.append(_Range(1, end_of_file, codes))
            elif verb == "disable":
                for code in codes:
                    open_ranges.setdefault(code, first_line)
            else:  # enable
                closing = (
                    list(open_ranges) if ALL in codes else [c for c in codes if c in open_ranges]
                )
                for code in closing:
                    ranges.append(_Range(open_ranges.pop(code), last_line, frozenset({code})))
    for code, start in open_ranges.items():
        ranges.append(_Range(start, end_of_file, frozenset({code})))
    return Suppressions(ranges)
