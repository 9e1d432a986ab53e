"""`type: limit`: flag text over a typographic limit.

```yaml
limit: {what: exclamation_run, max: 1}
# or several limits, each with its own message if wanted:
limit:
  - {what: exclamation_run, max: 1, message: "{count} exclamation marks in a row"}
  - {what: caps_words_per_segment, max: 2, min_length: 4}
```
Measures:
- `exclamation_run`: exclamation marks in one run of ! and ? ("!!", "!?!", "！！";
  "‼" counts two); each run over the limit is flagged.
- `exclamations_per_sentence` / `exclamations_per_segment`: exclamations in a
  sentence or a segment. A run of marks counts once ("Now!!!" is one exclamation),
  so a run is left to `exclamation_run` and not reported twice.
- `caps_words_per_segment`: words written wholly in capitals with at least
  `min_length` letters (default 2; raise it to leave acronyms such as EU or USA out).
- `sentence_words`: words in a sentence; not measured in languages written
  without spaces, where words are not delimited.
The finding covers the counted items from the first to the last: the exclamatory
sentences, the capitalized words, the run of marks, or the long sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.finding import Hit
from culturelint.regex_cache import compile_cached
from culturelint.rules_engine.base import RuleDefinitionError, RuleInfo, check_template

if TYPE_CHECKING:
    from culturelint.document import Document
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("match", "count", "limit", "market")
MEASURES = (
    "exclamation_run",
    "exclamations_per_sentence",
    "exclamations_per_segment",
    "caps_words_per_segment",
    "sentence_words",
)

_EXCLAMATION_WEIGHT = {"!": 1, "！": 1, "‼": 2, "⁉": 1, "❗": 1, "❕": 1}
_MARK_RE = compile_cached("[" + "".join(_EXCLAMATION_WEIGHT) + "]")
_RUN_RE = compile_cached("[" + "".join(_EXCLAMATION_WEIGHT) + "?？]{2,}|‼")
_PUNCT_RUN_RE = compile_cached("[" + "".join(_EXCLAMATION_WEIGHT) + "?？]+")
_WORD_RE = compile_cached(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_COUNTED_WORD_RE = compile_cached(r"\w+(?:['’\-.,]\w+)*")
_TERMINALS = ".!?。！？‼⁉…"
_CJK_TERMINALS = "。！？"
_CLOSERS = "\"'”’»)]」』"
_TERMINAL_RE = compile_cached(f"[{re.escape(_TERMINALS)}]")

Span = tuple[int, int]


def sentences(text: str) -> list[Span]:
    """Sentence spans: a run of terminal punctuation (and closing quotes) ends a
    sentence when white space or the end follows, or at once for 。！？."""
    out: list[Span] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _TERMINALS:
            terminal = _TERMINAL_RE.search(text, i)
            if terminal is None:
                break
            i = terminal.start()
        j = i
        while j < n and text[j] in _TERMINALS:
            j += 1
        while j < n and text[j] in _CLOSERS:
            j += 1
        cjk = any(c in _CJK_TERMINALS for c in text[i:j])
        if j >= n or text[j].isspace() or cjk:
            out.append((start, j))
            start = j
        i = j
    if start < n:
        out.append((start, n))
    return [s for s in (_strip(text, a, b) for a, b in out) if s[1] > s[0]]


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_caps_word(word: str, min_length: int = 2) -> bool:
    """All letters capitals (ß excepted, it has no capital in most text), at least one
    upper-case letter and `min_length` letters.

    One pass that stops at the first lower-case letter: most words start with one, and
    this runs for every word of every segment.
    """
    letters = 0
    upper = False
    for c in word:
        if c.isalpha():
            if c.islower() and c != "ß":
                return False
            letters += 1
            upper = upper or c.isupper()
    return upper and letters >= min_length


@lru_cache(maxsize=8)
def _ascii_capitals(min_length: int) -> re.Pattern[str]:
    """In ASCII text, capitals enough for one caps word: `min_length` of them with at
    most one apostrophe or hyphen between two.

    Every caps word holds such a run and no run reaches into another word, so a text
    with no more runs than the limit allows has no more caps words either; most
    segments are ruled out so, without a look at each of their words."""
    return compile_cached(rf"[A-Z](?:['\-]?[A-Z]){{{min_length - 1}}}")


def _exclamations(text: str, start: int, end: int, bounds: list[Span] | None = None) -> list[Span]:
    """Each exclamation in text[start:end] as the span from the start of its sentence
    to the end of its marks. A run of ! and ? counts once. `bounds` are the sentences
    of `text` when the caller has them already."""
    if not _MARK_RE.search(text, start, end):
        return []
    if bounds is None:
        bounds = sentences(text)
    out = []
    for m in _PUNCT_RUN_RE.finditer(text, start, end):
        if not _MARK_RE.search(m.group(0)):
            continue
        sentence_start = next((a for a, b in bounds if a <= m.start() < b), m.start())
        out.append((max(sentence_start, start), m.end()))
    return out


def _over(items: list[Span], limit: int) -> tuple[int, Span] | None:
    """The count and the span from the first item to the last, when over the limit."""
    if len(items) <= limit:
        return None
    return len(items), (items[0][0], items[-1][1])


class Limit(NamedTuple):
    what: str
    max: int
    min_length: int = 2
    message: str | None = None

    def measure(self, text: str, unspaced: bool) -> Iterator[tuple[int, Span]]:
        """(count, span) of each unit of `text` over the limit."""
        if self.what == "exclamation_run":
            for m in _RUN_RE.finditer(text):
                count = sum(_EXCLAMATION_WEIGHT.get(c, 0) for c in m.group(0))
                if count > self.max:
                    yield count, (m.start(), m.end())
        elif self.what == "exclamations_per_segment":
            over = _over(_exclamations(text, 0, len(text)), self.max)
            if over:
                yield over
        elif self.what == "exclamations_per_sentence":
            if not _MARK_RE.search(text):
                return
            bounds = sentences(text)
            for start, end in bounds:
                over = _over(_exclamations(text, start, end, bounds), self.max)
                if over:
                    yield over
        elif self.what == "caps_words_per_segment":
            if text.isascii():
                if len(_ascii_capitals(self.min_length).findall(text)) <= self.max:
                    return
            elif sum(map(str.isupper, text)) <= self.max:
                return  # each caps word has a capital of its own
            # A word that str.islower() accepts has no capital, so it is ruled out
            # without a look at each of its letters; most words are such words.
            words = [
                (m.start(), m.end())
                for m in _WORD_RE.finditer(text)
                if not (word := m.group(0)).islower() and is_caps_word(word, self.min_length)
            ]
            over = _over(words, self.max)
            if over:
                yield over
        elif self.what == "sentence_words" and not unspaced:
            for start, end in sentences(text):
                count = sum(1 for _ in _COUNTED_WORD_RE.finditer(text, start, end))
                if count > self.max:
                    yield count, (start, end)


class LimitBody(NamedTuple):
    limits: tuple[Limit, ...]

    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        unspaced = ctx.profile.unspaced
        for segment in rule.segments(doc):
            for limit in self.limits:
                for count, (a, b) in limit.measure(segment.text, unspaced):
                    start, end = segment.span(a, b)
                    yield rule.hit(
                        start,
                        end,
                        ctx,
                        message=limit.message,
                        match=segment.text[a:b],
                        count=count,
                        limit=limit.max,
                    )


def build(raw: dict[str, Any]) -> LimitBody:
    spec = raw.get("limit")
    items = spec if isinstance(spec, list) else [spec]
    if not items:
        raise RuleDefinitionError("limit", "expected a limit or a non-empty list of limits")
    limits = []
    for i, item in enumerate(items):
        where = f"limit[{i}]" if isinstance(spec, list) else "limit"
        if not isinstance(item, dict):
            raise RuleDefinitionError(where, "expected a mapping with `what` and `max`")
        what = item.get("what")
        if what not in MEASURES:
            raise RuleDefinitionError(
                f"{where}.what", f"unknown measure {what!r} (known: {', '.join(MEASURES)})"
            )
        maximum = item.get("max")
        if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 0:
            raise RuleDefinitionError(f"{where}.max", "expected a whole number >= 0")
        min_length = item.get("min_length", 2)
        if "min_length" in item and what != "caps_words_per_segment":
            raise RuleDefinitionError(
                f"{where}.min_length", "min_length only applies to caps_words_per_segment"
            )
        if not isinstance(min_length, int) or isinstance(min_length, bool) or min_length < 1:
            raise RuleDefinitionError(f"{where}.min_length", "expected a whole number >= 1")
        message = item.get("message")
        if message is not None:
            if not isinstance(message, str) or not message:
                raise RuleDefinitionError(f"{where}.message", "expected non-empty text")
            check_template(message, PLACEHOLDERS, f"{where}.message")
        limits.append(Limit(what, maximum, min_length, message))
    return LimitBody(tuple(limits))
