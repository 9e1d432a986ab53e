"""Regular expressions written by users, run so that none can hang the linter.

Two defences:

1. At load time, `compile_user_regex` rejects the shapes that backtrack
   exponentially: a repeated group that itself contains a repetition ("(a+)+",
   "(a*)*", "(\\w+\\s?)+") and a repeated alternation whose branches can match the
   same text ("(a|a)*", "(\\w|\\d)+", "(.|\\s)*"). Atomic groups "(?>...)" and
   possessive quantifiers ("a++") do not backtrack, so they are allowed.
2. At run time every search runs under a time limit (the `regex` module's
   `timeout=`). A pattern that still runs too long raises `RegexTimeout`, and is not
   run again in this process: each further search could cost as much, and a run over
   a repository would take minutes. The rule engine reports an error for each file
   the pattern did not check, and goes on with the other checks.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The `regex` package (for its timeouts) is imported only when a rule has a pattern:
# the bundled rules have none, and importing it costs a pre-commit run 10 ms.

# Seconds one search over one segment may take.
DEFAULT_TIMEOUT = 0.25

# The flag values `regex` shares with `re`.
FLAGS = {
    "ignorecase": int(re.IGNORECASE),
    "multiline": int(re.MULTILINE),
    "dotall": int(re.DOTALL),
    "ascii": int(re.ASCII),
}


class UserRegexError(ValueError):
    """A user pattern that cannot be used; the message says why and how to fix it."""


class InvalidRegex(UserRegexError):
    pass


class UnsafeRegex(UserRegexError):
    pass


class RegexTimeout(Exception):
    """A search that ran past its time limit, or was not run because the pattern had
    (`earlier`); no hits come from it.

    Raised at run time by `SafePattern`; the rule that owns the pattern may add the
    file offset of the text searched, and the engine reports it, with the rule's code
    and the line, without a traceback.
    """

    def __init__(
        self,
        pattern: str,
        timeout: float,
        rule: str | None = None,
        offset: int | None = None,
        earlier: bool = False,
    ):
        self.pattern = pattern
        self.timeout = timeout
        self.rule = rule
        self.offset = offset
        self.earlier = earlier
        super().__init__(self.describe())

    def describe(self, rule: str | None = None, line: int | None = None) -> str:
        owner = rule or self.rule
        lead = f"rule {owner}: pattern {self.pattern!r}" if owner else f"pattern {self.pattern!r}"
        if self.earlier:
            return (
                f"{lead} was not run on this file: it took longer than {self.timeout:g} s"
                " on an earlier file of this run and is switched off until the run ends"
            )
        at = f" at line {line}" if line is not None else ""
        return (
            f"{lead} took longer than {self.timeout:g} s{at}; it is switched off for the"
            " rest of the run, so its hits from there on are missing. Rewrite it so that"
            " no text can be matched in two ways (for example (a|aa)+ as a+)"
        )


@dataclass
class SafePattern:
    """A compiled user pattern whose searches are time-limited, and which is not
    searched with again once one search has timed out (`timed_out`)."""

    pattern: str
    compiled: Any  # regex.Pattern
    timeout: float = DEFAULT_TIMEOUT
    timed_out: bool = False

    def finditer(self, text: str) -> list[Any]:
        """All matches (regex.Match) in `text`; raises RegexTimeout past the limit."""
        self._check_on()
        try:
            return list(self.compiled.finditer(text, timeout=self.timeout))
        except TimeoutError as exc:
            self.timed_out = True
            raise RegexTimeout(self.pattern, self.timeout) from exc

    def search(self, text: str) -> Any:
        self._check_on()
        try:
            return self.compiled.search(text, timeout=self.timeout)
        except TimeoutError as exc:
            self.timed_out = True
            raise RegexTimeout(self.pattern, self.timeout) from exc

    def _check_on(self) -> None:
        if self.timed_out:
            raise RegexTimeout(self.pattern, self.timeout, earlier=True)


def compile_user_regex(
    pattern: str, flags: Iterable[str] = (), timeout: float = DEFAULT_TIMEOUT
) -> SafePattern:
    """Compile a user pattern after checking it cannot backtrack exponentially.

    Raises InvalidRegex (syntax, unknown flag) or UnsafeRegex (dangerous shape).
    """
    value = 0
    for name in flags:
        if name not in FLAGS:
            raise InvalidRegex(f"unknown regex flag {name!r} (known: {', '.join(FLAGS)})")
        value |= FLAGS[name]
    import regex

    try:
        compiled = regex.compile(pattern, value)
    except regex.error as exc:
        raise InvalidRegex(f"invalid regular expression '{pattern}': {exc}") from None
    problem = find_danger(pattern, value)
    if problem:
        raise UnsafeRegex(f"unsafe regular expression '{pattern}': {problem}")
    return SafePattern(pattern, compiled, timeout)


# -- static analysis ---------------------------------------------------------------
#
# A small parser for the structure that matters (groups, alternation, quantifiers);
# escapes and character sets are single atoms. It only has to be right for patterns
# that `regex.compile` accepted.


@dataclass
class _Item:
    source: str  # the atom as written, without its quantifier
    group: _Group | None = None  # set for groups
    quant: str = ""  # the quantifier as written ("", "+", "{2,}?" ...)
    unbounded: bool = False  # *, + or {n,}
    backtracks: bool = True  # False for possessive quantifiers


@dataclass
class _Group:
    branches: list[list[_Item]] = field(default_factory=lambda: [[]])
    atomic: bool = False
    start: int = 0

    def repeats_inside(self) -> bool:
        """A backtracking unbounded quantifier inside, not shielded by an atomic group."""
        if self.atomic:
            return False
        for branch in self.branches:
            for item in branch:
                if item.unbounded and item.backtracks:
                    return True
                if item.group is not None and item.group.repeats_inside():
                    return True
        return False


_FIX_HINT = (
    "rewrite it without repeating a repeated group (for example (?:\\w+\\s?)+ as [\\w\\s]+),"
    " or make the inner part atomic (?>...) or possessive (++, *+)"
)

# Characters used to decide whether single-character branches overlap.
_SAMPLES = string.printable + "äéßøœçñ日本語中文ไทยالعربيةЖж€£¥\u00a0\u3000"


def find_danger(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` may backtrack exponentially, or None when it looks safe.

    `flags` are the regex flags the pattern runs with (they decide, for instance,
    whether "." overlaps "\\n").
    """
    try:
        root = _parse(pattern)
    except _ParseError:
        return None  # accepted by regex but not understood here: the run-time limit applies
    return _check(root, flags)


def _check(group: _Group, flags: int) -> str | None:
    for branch in group.branches:
        for item in branch:
            inner = item.group
            if inner is None:
                continue
            if item.unbounded and item.backtracks and not inner.atomic:
                if inner.repeats_inside():
                    return (
                        f"nested quantifier {item.source}{item.quant}: a repeated group that"
                        f" contains a repetition can backtrack exponentially; {_FIX_HINT}"
                    )
                overlap = _overlapping_branches(inner, flags)
                if overlap:
                    return (
                        f"the repeated alternation {item.source} has branches that match"
                        f" the same text ({overlap}); make the branches exclusive or use"
                        " a character class"
                    )
            problem = _check(inner, flags)
            if problem:
                return problem
    return None


def _overlapping_branches(group: _Group, flags: int) -> str | None:
    """Two ways for the repeated branches to match the same text: identical branches,
    single-character branches (literals, escapes, sets, ".") that share a character,
    or a literal branch that other literal branches spell together ("aa" as "a" + "a")."""
    sources = ["".join(i.source + i.quant for i in b) for b in group.branches]
    seen: dict[str, int] = {}
    for s in sources:
        if s in seen:
            return f"{s!r} twice"
        seen[s] = 1
    spelled = _spelled_by_others(group, flags)
    if spelled:
        return spelled
    singles = [
        b[0].source for b in group.branches if len(b) == 1 and b[0].group is None and not b[0].quant
    ]
    if len(singles) < 2:
        return None
    import regex

    matchers = []
    for s in singles:
        try:
            matchers.append((s, regex.compile(s, flags)))
        except regex.error:
            return None
    for i, (a, ra) in enumerate(matchers):
        for b, rb in matchers[i + 1 :]:
            for ch in _SAMPLES:
                if ra.fullmatch(ch) and rb.fullmatch(ch):
                    return f"{a} and {b} both match {ch!r}"
    return None


def _literal(branch: list[_Item], flags: int) -> str | None:
    """The text a branch of plain characters matches ("aa", "\\.com"), else None."""
    chars = []
    for item in branch:
        if item.group is not None or item.quant:
            return None
        source = item.source
        if len(source) == 1 and source not in ".^$":
            chars.append(source)
        elif len(source) == 2 and source[0] == "\\" and not source[1].isalnum():
            chars.append(source[1])
        else:
            return None
    text = "".join(chars)
    return text.casefold() if flags & re.IGNORECASE else text


def _spelled_by_others(group: _Group, flags: int) -> str | None:
    """A literal branch that a sequence of the other literal branches also matches:
    repeated, "(a|aa)+" can match a run of a's in exponentially many ways."""
    literals = [t for t in (_literal(b, flags) for b in group.branches) if t]
    if len(set(literals)) < len(literals):  # "(Buy|buy)" with ignorecase
        twice = next(t for t in literals if literals.count(t) > 1)
        return f"{twice!r} twice"
    for text in literals:
        others = [t for t in literals if t != text]
        parts = _split_into(text, others)
        if parts:
            return f"{text!r} is also {' + '.join(repr(p) for p in parts)}"
    return None


def _split_into(text: str, words: list[str]) -> list[str] | None:
    """`text` as a sequence of `words` (each as often as needed), or None."""
    ways: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for word in words:
            start = end - len(word)
            found = ways[start] if start >= 0 else None
            if found is not None and text[start:end] == word:
                ways[end] = [*found, word]
                break
    return ways[len(text)]


class _ParseError(Exception):
    pass


def _parse(pattern: str) -> _Group:
    root = _Group()
    stack: list[tuple[_Group, int]] = []  # open groups and where they started
    group = root
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        start = i
        if ch == "\\":
            i = _skip_escape(pattern, i)
            item = _Item(pattern[start:i])
        elif ch == "[":
            i = _skip_set(pattern, i)
            item = _Item(pattern[start:i])
        elif ch == "(":
            i, atomic, content = _open_group(pattern, i)
            if not content:  # comment or inline flags: no item
                continue
            stack.append((group, start))
            group = _Group(atomic=atomic, start=start)
            continue
        elif ch == ")":
            if not stack:
                raise _ParseError
            parent, gstart = stack.pop()
            i += 1
            item = _Item(pattern[gstart:i], group=group)
            group = parent
        elif ch == "|":
            group.branches.append([])
            i += 1
            continue
        else:
            i += 1
            item = _Item(ch)
        i = _quantifier(pattern, i, item)
        group.branches[-1].append(item)
    if stack:
        raise _ParseError
    return root


def _skip_escape(pattern: str, i: int) -> int:
    i += 2  # backslash and the escaped character
    if i - 1 < len(pattern) and pattern[i - 1] in "pPNxuUg" and i < len(pattern):
        if pattern[i] == "{":
            close = pattern.find("}", i)
            if close < 0:
                raise _ParseError
            return close + 1
    return i


def _skip_set(pattern: str, i: int) -> int:
    """Index after the character set starting at `i` (nested sets and [:posix:])."""
    depth = 0
    n = len(pattern)
    j = i
    while j < n:
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            if pattern.startswith("[:", j):
                close = pattern.find(":]", j + 2)
                if close >= 0:
                    j = close + 2
                    continue
            depth += 1
            j += 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):  # a leading ] is literal
                j += 1
            continue
        if ch == "]":
            depth -= 1
            j += 1
            if depth == 0:
                return j
            continue
        j += 1
    raise _ParseError


def _open_group(pattern: str, i: int) -> tuple[int, bool, bool]:
    """Parse a group opening; returns (next index, atomic, has content)."""
    if not pattern.startswith("(?", i):
        return i + 1, False, True
    rest = pattern[i + 2 :]
    if rest.startswith("#"):
        close = pattern.find(")", i)
        if close < 0:
            raise _ParseError
        return close + 1, False, False
    if rest.startswith(">"):
        return i + 3, True, True
    for prefix in (":", "=", "!", "<=", "<!", "|"):
        if rest.startswith(prefix):
            return i + 2 + len(prefix), False, True
    if rest.startswith(("P<", "<")):
        close = pattern.find(">", i)
        if close < 0:
            raise _ParseError
        return close + 1, False, True
    if rest.startswith("("):  # conditional (?(1)yes|no)
        close = pattern.find(")", i + 2)
        if close < 0:
            raise _ParseError
        return close + 1, False, True
    # Inline flags: "(?i)" has no content, "(?i:...)" opens a group.
    j = i + 2
    while j < len(pattern) and (pattern[j].isalnum() or pattern[j] == "-"):
        j += 1
    if j < len(pattern) and pattern[j] == ")":
        return j + 1, False, False
    if j < len(pattern) and pattern[j] == ":":
        return j + 1, False, True
    raise _ParseError


def _quantifier(pattern: str, i: int, item: _Item) -> int:
    """Read a quantifier after an item, marking it; returns the next index."""
    n = len(pattern)
    if i >= n:
        return i
    start = i
    ch = pattern[i]
    if ch in "*+":
        item.unbounded = True
        i += 1
    elif ch == "?":
        i += 1
    elif ch == "{":
        close = pattern.find("}", i)
        parts = pattern[i + 1 : close].split(",") if close > 0 else []
        well_formed = 1 <= len(parts) <= 2 and all(p.isdigit() or not p for p in parts)
        if not well_formed or not any(parts):
            return i  # a literal "{"
        if len(parts) == 2 and not parts[1]:
            item.unbounded = True
        i = close + 1
    else:
        return i
    if i < n and pattern[i] == "+":
        item.backtracks = False
        i += 1
    elif i < n and pattern[i] == "?":
        i += 1
    item.quant = pattern[start:i]
    return i
