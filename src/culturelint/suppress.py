"""Inline suppressions, in the comments a reader found.

    <!-- culturelint-disable-next-line CL201 -->      the next line
    <!-- culturelint-disable-line CL201 -->           the comment's own line
    <!-- culturelint-disable CL201, CL202 -->  ...  <!-- culturelint-enable -->
    <!-- culturelint-disable-file CL101 -->           the whole file

No codes means every rule. Rules are named by code, code prefix (CL2) or name
(foreign-currency), separated by spaces or commas; a reason may follow " -- ". A
word that names no rule, or a misspelt directive, is an error at its line and
suppresses nothing: before, "culturelint-disable-nextline" read as "disable" with no
codes, which silenced every rule to the end of the file. The same words work in PO
translator comments, Fluent comments, and in any line of a plain-text file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from culturelint.document import Document

VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
# Any word after "culturelint-": a misspelt verb must be caught, not read as a known
# verb followed by nothing ("disable-nextline" as "disable", which is every rule).
DIRECTIVE_RE = re.compile(r"culturelint-(?P<verb>[A-Za-z]+(?:-[A-Za-z]+)*)")
# Words that start what is meant as a directive; other "culturelint-..." words in a
# comment ("culturelint-cache") are left alone.
_MEANT = ("disable", "enable", "ignore", "noqa", "suppress")
_CODE_SHAPE = re.compile(r"[A-Za-z]{2,4}[0-9]{0,4}")
# The end of the rule list: the comment's close, or a reason after " -- ".
_LIST_END = re.compile(r"-->|\*/|(?:^|\s)--(?:\s|$)")
ALL = "*"

Resolver = Callable[[str], "str | None"]


def code_resolver(token: str) -> str | None:
    """Without the registry at hand (a document parsed on its own): anything shaped
    like a code or code prefix."""
    return token.upper() if _CODE_SHAPE.fullmatch(token) and not token.isalpha() else None


class _Range(NamedTuple):
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    codes: frozenset[str]


class Suppressions:
    def __init__(self, ranges: list[_Range], problems: list[tuple[str, int]]) -> None:
        self._ranges = ranges
        # Directives that could not be read, as (message, line): errors for the file.
        self.problems = problems

    def __bool__(self) -> bool:
        return bool(self._ranges)

    def suppressed(self, code: str, line: int) -> bool:
        for r in self._ranges:
            if r.first_line <= line <= r.last_line and (ALL in r.codes or _covers(r.codes, code)):
                return True
        return False


def _covers(codes: frozenset[str], code: str) -> bool:
    return any(code == c or (code.startswith(c) and len(c) < len(code)) for c in codes)


def parse(doc: Document, resolve: Resolver = code_resolver) -> Suppressions:
    """The file's suppressions. `resolve` turns a word of a directive into the rule
    code or code prefix it names (a rule name gives its code), or None when it names
    no rule: such a word is an error, never a reason to suppress more."""
    end_of_file = 10**9
    ranges: list[_Range] = []
    problems: list[tuple[str, int]] = []
    open_ranges: dict[str, int] = {}  # code (or ALL) -> first line
    for comment in sorted(doc.comments, key=lambda c: c.start):
        found = list(DIRECTIVE_RE.finditer(comment.text))
        for i, m in enumerate(found):
            verb = m.group("verb")
            here, _ = doc.position(comment.start + m.start())
            if verb not in VERBS:
                if verb.lower().startswith(_MEANT):
                    problems.append((_unknown_verb(_word_at(comment.text, m.start())), here))
                continue
            after = comment.text[m.end() : found[i + 1].start() if i + 1 < len(found) else None]
            if (
                after
                and not after[0].isspace()
                and after[0] not in ",:"
                and not _LIST_END.match(after)
            ):
                problems.append((_unknown_verb(_word_at(comment.text, m.start())), here))
                continue
            listed = after[: m2.start()] if (m2 := _LIST_END.search(after)) else after
            words = [w for w in re.split(r"[\s,:]+", listed) if w]
            resolved = [(w, resolve(w)) for w in words]
            codes = frozenset(c for _, c in resolved if c is not None)
            unknown = [w for w, c in resolved if c is None]
            if unknown:
                problems.append((_unknown_rules(m.group(0), unknown, bool(codes)), here))
                if not codes:
                    continue
            codes = codes or frozenset({ALL})
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
    return Suppressions(ranges, problems)


def _word_at(text: str, start: int) -> str:
    """The directive as written: up to white space or the comment's close."""
    word = text[start:].split(maxsplit=1)[0]
    return word.split("-->")[0].split("*/")[0]


def _unknown_verb(written: str) -> str:
    known = ", ".join(f"culturelint-{v}" for v in VERBS)
    return f"unknown suppression directive '{written}'; it suppresses nothing (known: {known})"


def _unknown_rules(directive: str, words: list[str], some_known: bool) -> str:
    named = ", ".join(repr(w) for w in words)
    effect = "the rules it does name are suppressed" if some_known else "it suppresses nothing"
    return (
        f"'{directive}': no rule has the code or name {named}; {effect} "
        f"(`culturelint rules` lists them; a reason goes after ' -- ')"
    )
