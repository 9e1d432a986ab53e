"""What must survive translation: placeholders, markup, numbers and URLs.

Each extractor returns tokens with their offsets in the text and a comparison key:
two tokens with the same key are the same thing written in source and target,
whatever the language around them.

Placeholders, in every common syntax:

    {name} {0} {name, number}          ICU / Python str.format  -> "{name}"
    {count, plural, one {...} ...}     ICU plural/select        -> "{count}" + the
                                       placeholders inside its branches (branchy)
    {{name}} {{ name | upper }}        i18next, Handlebars      -> "{{name}}"
    { $var } { NUMBER($n) } { -term }  Fluent                   -> "{$var}", "{-term}"
    %s %d %1$s %(name)s %.2f %@ %{x}   printf, Python, Ruby     -> "%1$s", "%(name)s"
    $NAME$ $name ${name}               Chrome, shell, JS        -> "$NAME$", "$name"

Sequential printf conversions are numbered in order ("%s %d" is "%1$s %2$d"), so a
translation that reorders them with positions ("%2$d ... %1$s") matches. A "%"
after a digit is a percentage ("50% off"), never a placeholder, and "%%" is a
literal percent sign.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from culturelint.regex_cache import compile_cached

if TYPE_CHECKING:
    from culturelint.checks._util import NumberToken


class Token(NamedTuple):
    key: str  # what is compared
    start: int
    end: int
    kind: str = "placeholder"  # placeholder, term, tag, code, number, url


class Placeholders(NamedTuple):
    tokens: list[Token]
    branchy: bool  # has ICU plural/select or Fluent select branches


# -- placeholders ------------------------------------------------------------------------

_PRINTF = compile_cached(
    r"%(?:(?P<pos>[1-9]\d*)\$)?(?:\((?P<name>[\w.-]+)\))?[-+0#']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<conv>[sdiufFeEgGxXoc@])"
)
_RUBY = compile_cached(r"%\{(?P<name>[A-Za-z_][\w.-]*)\}")
_CHROME = compile_cached(r"\$(?P<name>[A-Za-z_][A-Za-z0-9_@]*)\$")
_DOLLAR_BRACE = compile_cached(r"\$\{(?P<name>[A-Za-z_][\w.]*)\}")
_DOLLAR = compile_cached(r"(?<![\w$])\$(?P<name>[A-Za-z_]\w*)")
_ICU_BRANCHY = compile_cached(
    r"^\s*(?P<name>[\w.$-]+)\s*,\s*(?:plural|select|selectordinal)\s*,", re.S
)
_ICU_SIMPLE = compile_cached(r"^\s*(?P<name>[A-Za-z_][\w.]*|\d+)\s*(?:,[^{}]*)?$", re.S)
_PY_FORMAT = compile_cached(
    r"^(?P<name>[A-Za-z_][\w.]*|\d*)(?:\[[^\]]*\])?(?:![rsa])?(?::[^{}]*)?$"
)
_FLUENT_VAR = compile_cached(r"\$(?P<name>[A-Za-z][\w-]*)")
_FLUENT_TERM = compile_cached(r"(?<![\w$-])-(?P<name>[A-Za-z][\w-]*)")
_FLUENT_CALL = compile_cached(r"^\s*[A-Z][A-Z0-9_-]*\s*\(")
_FLUENT_MESSAGE = compile_cached(r"^\s*(?P<name>[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?)\s*$")
_HANDLEBARS = compile_cached(r"\s*[#/^>&]?\s*(?P<name>[\w.$-]+)")


def placeholders(text: str) -> Placeholders:
    """The placeholders of `text`, in order of appearance."""
    tokens: list[Token] = []
    branchy = _scan(text, 0, len(text), tokens)
    _number_printf(tokens)
    return Placeholders(tokens, branchy)


# Where a placeholder can start; `_scan` skips from one to the next.
_OPENER = compile_cached(r"[{%$]")


def _scan(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    branchy = False
    i = start
    while i < end:
        ch = text[i]
        if ch not in "{%$":
            opener = _OPENER.search(text, i, end)
            if opener is None:
                break
            i = opener.start()
            ch = text[i]
        if ch == "{":
            if text.startswith("{{", i):
                close = text.find("}}", i + 2, end)
                m = _HANDLEBARS.match(text, i + 2, close) if close > 0 else None
                if close > 0 and m and m.group("name"):
                    tokens.append(Token("{{" + m.group("name") + "}}", i, close + 2))
                    i = close + 2
                    continue
            close = matching_brace(text, i, end)
            if close < 0:
                i += 1
                continue
            branchy = _brace(text, i, close + 1, tokens) or branchy
            i = close + 1
        elif ch == "%":
            if text.startswith("%%", i):
                i += 2
                continue
            m = _RUBY.match(text, i) or _PRINTF.match(text, i)
            if m and not (i > 0 and text[i - 1].isdigit()):
                tokens.append(Token(_printf_key(m), m.start(), m.end(), "printf"))
                i = m.end()
                continue
            i += 1
        elif ch == "$":
            m = _CHROME.match(text, i) or _DOLLAR_BRACE.match(text, i) or _DOLLAR.match(text, i)
            if m and m.end() <= end:
                raw = m.group(0)
                key = f"${m.group('name').upper()}$" if raw.endswith("$") else raw
                tokens.append(Token(key, m.start(), m.end()))
                i = m.end()
                continue
            i += 1
        else:
            i += 1
    return branchy


def _printf_key(m: re.Match[str]) -> str:
    if "name" not in m.groupdict() or m.re is _RUBY:
        return "%{" + m.group("name") + "}"
    conv = "d" if m.group("conv") in "iu" else m.group("conv")
    if m.group("name"):
        return f"%({m.group('name')}){conv}"
    if m.group("pos"):
        return f"%{m.group('pos')}${conv}"
    return f"%?{conv}"  # numbered by _number_printf


def _number_printf(tokens: list[Token]) -> None:
    n = 0
    for index, token in enumerate(tokens):
        if token.key.startswith("%?"):
            n += 1
            tokens[index] = Token(f"%{n}${token.key[2:]}", token.start, token.end, token.kind)


def matching_brace(text: str, start: int, end: int | None = None) -> int:
    """Offset of the "}" closing the "{" at `start`, or -1. Fluent string literals
    ("{") inside are skipped."""
    end = len(text) if end is None else end
    depth = 0
    i = start
    while i < end:
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        elif ch == '"' and depth >= 1 and _in_fluent_expression(text, start, i):
            close = _string_end(text, i + 1, end)
            if close < 0:
                return -1
            i = close
        i += 1
    return -1


def _in_fluent_expression(text: str, brace: int, quote: int) -> bool:
    """A quote right after "{ " (or after "(" / ", " in a call) opens a string literal."""
    before = text[brace + 1 : quote].rstrip()
    return before == "" or before.endswith(("(", ",", ":"))


def _string_end(text: str, i: int, end: int) -> int:
    while i < end:
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i
        i += 1
    return -1


def _brace(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    """Classify the brace group text[start:end]; True when it has branches."""
    inner = text[start + 1 : end - 1]
    stripped = inner.strip()
    if "->" in inner and not stripped.startswith('"'):  # Fluent select expression
        arrow = inner.index("->")
        selector = inner[:arrow]
        for m in _FLUENT_VAR.finditer(selector):
            tokens.append(Token("{$" + m.group("name") + "}", start, end))
        for m in _FLUENT_TERM.finditer(selector):
            tokens.append(Token("{-" + m.group("name") + "}", start, end, "term"))
        _scan(text, start + 1 + arrow + 2, end - 1, tokens)
        return True
    m = _ICU_BRANCHY.match(inner)
    if m:
        tokens.append(Token("{" + m.group("name").lstrip("$") + "}", start, end))
        _icu_branches(text, start + 1 + m.end(), end - 1, tokens)
        return True
    if stripped.startswith('"') or (
        inner != stripped and re.fullmatch(r"-?\d+(?:\.\d+)?", stripped)
    ):
        return False  # Fluent string or number literal ("{ 5 }"): text, not a placeholder
    if stripped.startswith("$"):
        m2 = _FLUENT_VAR.match(stripped)
        if m2:
            tokens.append(Token("{$" + m2.group("name") + "}", start, end))
            return False
    if stripped.startswith("-") and (m3 := _FLUENT_TERM.match(stripped)):
        tokens.append(Token("{-" + m3.group("name") + "}", start, end, "term"))
        return False
    if _FLUENT_CALL.match(stripped):
        for m4 in _FLUENT_VAR.finditer(stripped):
            tokens.append(Token("{$" + m4.group("name") + "}", start, end))
        for m5 in _FLUENT_TERM.finditer(stripped):
            tokens.append(Token("{-" + m5.group("name") + "}", start, end, "term"))
        return False
    simple = _ICU_SIMPLE.match(inner) or _PY_FORMAT.match(inner) or _FLUENT_MESSAGE.match(inner)
    if simple:
        tokens.append(Token("{" + simple.group("name") + "}", start, end))
        return False
    # Not a placeholder itself (an ICU sub-message, text in braces): look inside.
    return _scan(text, start + 1, end - 1, tokens)


def _icu_branches(text: str, start: int, end: int, tokens: list[Token]) -> None:
    """The branches of an ICU plural or select, `one {# file} other {# files}`.

    The braces around each branch's message are syntax, not a placeholder: "{Active}"
    in `{status, select, active {Active} other {Unknown}}` is the copy "Active". Only
    what the message holds is scanned for placeholders.
    """
    i = start
    while i < end:
        brace = text.find("{", i, end)
        if brace < 0:
            return
        close = matching_brace(text, brace, end)
        if close < 0:
            _scan(text, brace + 1, end, tokens)
            return
        _scan(text, brace + 1, close, tokens)
        i = close + 1


# -- markup ----------------------------------------------------------------------------

_TAG = compile_cached(
    r"<(?P<close>/?)(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s[^<>]*?)?)\s*(?P<self>/?)>"
)
_ESCAPED_TAG = compile_cached(r"&lt;/?[A-Za-z][\w:.-]*.*?&gt;")
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip


class Tag(NamedTuple):
    name: str  # lower case
    kind: str  # "open", "close", "void"
    start: int
    end: int

    @property
    def key(self) -> str:
        return {"open": f"<{self.name}>", "close": f"</{self.name}>", "void": f"<{self.name}/>"}[
            self.kind
        ]


def tags(text: str) -> list[Tag]:
    """HTML/XML tags in `text` (also written with &lt; &gt;)."""
    found = []
    for m in _TAG.finditer(text):
        name = m.group("name").lower()
        if m.group("close"):
            kind = "close"
        elif m.group("self") or name in VOID:
            kind = "void"
        else:
            kind = "open"
        found.append(Tag(name, kind, m.start(), m.end()))
    for m in _ESCAPED_TAG.finditer(text):
        for tag in tags(m.group(0).replace("&lt;", "<").replace("&gt;", ">")):
            found.append(Tag(tag.name, tag.kind, m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


def unbalanced(found: list[Tag]) -> list[Tag]:
    """Tags that do not nest: closes without an open, opens never closed."""
    stack: list[Tag] = []
    bad: list[Tag] = []
    for tag in found:
        if tag.kind == "open":
            stack.append(tag)
        elif tag.kind == "close":
            if stack and stack[-1].name == tag.name:
                stack.pop()
            elif any(t.name == tag.name for t in stack):
                while stack and stack[-1].name != tag.name:
                    bad.append(stack.pop())
                stack.pop()
            else:
                bad.append(tag)
    return sorted([*bad, *stack], key=lambda t: t.start)


# -- masking ---------------------------------------------------------------------------


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where placeholders, tags and URLs are: not prose, not numbers of the copy."""
    spans = [(t.start, t.end) for t in placeholders(text).tokens]
    spans += [(t.start, t.end) for t in tags(text)]
    spans += [(u.start, u.end) for u in urls(text)]
    return spans


# -- numbers ---------------------------------------------------------------------------

# CJK myriad units: 1万 is 10,000 and 1億 is 100,000,000.
_MULTIPLIERS = {"万": 10**4, "萬": 10**4, "億": 10**8, "亿": 10**8, "만": 10**4, "억": 10**8}
# English scale words and their abbreviations after a number ("1.5 million", "$1.2M",
# "10k"), which other languages may write as one number ("150万", "1,5 Millionen"
# keeps 1.5 and matches either way).
_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
           "billion": 10**9, "bn": 10**9, "b": 10**9}  # fmt: skip
_SCALE = compile_cached(r"(?:\s?(thousand|million|billion)s?|(k|m|mn|bn|b))(?![A-Za-z0-9])", re.I)
_PM = compile_cached(r"\s?(?:p\.?\s?m\.?)(?![A-Za-z])", re.I)
_AM = compile_cached(r"\s?(?:a\.?\s?m\.?)(?![A-Za-z])", re.I)
# The minutes after an hour ("5:30 pm"): the marker that makes 5 into 17 follows them.
_MINUTES = compile_cached(r"[:.][0-5]\d(?!\d)")
# German writes times as "17.30 Uhr", which reads as a decimal number. ("h" is left
# out: "1.50 h" is also an hour and a half.)
_CLOCK_WORD = compile_cached(r"\s?Uhr(?![A-Za-z])")


class Number(NamedTuple):
    values: frozenset[Decimal]  # what it may stand for (2 p.m. is 2 or 14)
    start: int
    end: int
    text: str


_SPACE_GROUPED = compile_cached(r"(?<![\d.,])\d{1,3}(?:[ \u2009]\d{3})+(?![\d]|[.,]\d)")


def numbers(text: str, *, space_groups: bool = False) -> list[Number]:
    """Numbers of the copy (not inside placeholders, tags or URLs), as values: "1,000.5",
    "1.000,5" and "1 000,5" are the same number whatever the locale writes.

    With `space_groups`, digits grouped by plain or thin spaces ("4 000", as French
    and German copy often type it) are also read as one number, besides their parts."""
    # The copy's number reader, shared with the CL2xx/CL7xx rules (imported here: the
    # checks package imports this module).
    from culturelint.checks._util import iter_numbers

    if not any(map(str.isdigit, text)):
        return []  # masking only blanks characters out: no digit, no number
    masked = mask(text, code_spans(text))
    out = []
    if space_groups:
        for m in _SPACE_GROUPED.finditer(masked):
            value = Decimal(re.sub(r"[ \u2009]", "", m.group()))
            out.append(Number(frozenset({value.normalize()}), m.start(), m.end(), m.group()))
    merged_until = -1  # digits after a myriad unit, already part of the number before
    for token in iter_numbers(masked):
        if token.start < merged_until:
            continue
        if _is_clock(masked, token):
            # "17.30 Uhr" is the hour 17 and the minutes 30, as "5:30 pm" is 5 and 30.
            split = token.end - len(token.fraction) - 1
            for a, b, digits in (
                (token.start, split, token.integer),
                (split + 1, token.end, token.fraction),
            ):
                out.append(Number(frozenset({Decimal(int(digits))}), a, b, text[a:b]))
            continue
        try:
            value = Decimal(f"{token.integer or '0'}.{token.fraction or '0'}")
        except InvalidOperation:
            continue
        end = token.end
        values = {value.normalize()}
        if masked[end : end + 1] in _MULTIPLIERS:
            unit = _MULTIPLIERS[masked[end]]
            value *= unit
            end += 1
            # Digits right after the unit add to it: "2万5,000" is 25,000, and
            # "1億2000万" is 120,000,000 (a smaller unit may follow them).
            rest = next((n for n in iter_numbers(masked) if n.start == end), None)
            if rest is not None and rest.integer and not rest.fraction:
                then = _MULTIPLIERS.get(masked[rest.end : rest.end + 1], 1)
                if then < unit:
                    value += Decimal(rest.integer) * then
                    merged_until = rest.end
            values = {value.normalize()}
        elif scale := _SCALE.match(masked, end):
            # "1.5 million" is also 1,500,000, as Chinese and Japanese write it (150万).
            word = scale.group(1) or scale.group(2)
            values.add((value * _SCALES[word.casefold()]).normalize())
        values |= _twelve_hour(masked, token.end, value)
        out.append(Number(frozenset(values), token.start, token.end, text[token.start : token.end]))
    return out


def _is_clock(text: str, token: NumberToken) -> bool:
    """A decimal number that is a time of day: "17.30 Uhr" (hours 0-24)."""
    if len(token.fraction) != 2 or not token.integer or int(token.integer) > 24:
        return False
    if not _MINUTES.match(text, token.end - 3) or int(token.fraction) > 59:
        return False
    return _CLOCK_WORD.match(text, token.end) is not None


def _twelve_hour(text: str, end: int, value: Decimal) -> set[Decimal]:
    """What an hour followed by a.m. or p.m. (after its minutes, if any) is on the
    24-hour clock: 5 p.m. is 17, 12 a.m. is 0. Empty for other numbers."""
    minutes = _MINUTES.match(text, end)
    marker_at = minutes.end() if minutes else end
    if value == value.to_integral_value() and 1 <= value < 12 and _PM.match(text, marker_at):
        return {(value + 12).normalize()}
    if value == 12 and _AM.match(text, marker_at):
        return {Decimal(0)}
    return set()


# -- URLs ------------------------------------------------------------------------------

_URL = compile_cached(
    r"""(?:https?|ftp)://[^\s<>"'{}\\]+|www\.[^\s<>"'{}\\]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+""",
    re.I,
)
_TRAILING = ".,;:!?)]}'\"»」』）"


def urls(text: str) -> list[Token]:
    """URLs and e-mail addresses, without trailing punctuation."""
    out = []
    for m in _URL.finditer(text):
        raw = m.group(0)
        while raw and raw[-1] in _TRAILING and not (raw[-1] == ")" and "(" in raw):
            raw = raw[:-1]
        if raw:
            out.append(Token(raw, m.start(), m.start() + len(raw), "url"))
    return out


def iter_keys(tokens: list[Token]) -> Iterator[str]:
    return (t.key for t in tokens)
