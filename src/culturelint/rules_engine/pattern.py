"""`type: pattern`: flag every match of a regular expression.

```yaml
pattern: "\\b(?:act|buy) now\\b"
flags: [ignorecase]      # optional: ignorecase, multiline, dotall, ascii
```
The pattern is compiled with the `regex` module after a check for shapes that
backtrack exponentially (see safe_regex.py), and every search is time-limited.
Empty matches are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.finding import Hit
from culturelint.rules_engine.base import RuleDefinitionError, RuleInfo
from culturelint.safe_regex import RegexTimeout, SafePattern, UserRegexError, compile_user_regex

if TYPE_CHECKING:
    from culturelint.document import Document
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("match", "market")


class PatternBody(NamedTuple):
    regex: SafePattern

    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        """Hits of every segment; if a search timed out, RegexTimeout is raised after
        the hits of the other segments have been yielded."""
        timeout: RegexTimeout | None = None
        for segment in rule.segments(doc):
            try:
                matches = self.regex.finditer(segment.text)
            except RegexTimeout as exc:
                if timeout is None:
                    offset = segment.span(0, 1)[0]
                    timeout = RegexTimeout(exc.pattern, exc.timeout, rule.code, offset)
                continue
            for m in matches:
                if m.end() == m.start():
                    continue
                start, end = segment.span(m.start(), m.end())
                yield rule.hit(start, end, ctx, match=m.group(0))
        if timeout is not None:
            raise timeout


def compile_patterns(
    patterns: list[Any], flags: Any, where: str, indexed: bool
) -> list[SafePattern]:
    """Compile user patterns; errors name the pattern's path (`where`, or `where[i]`)."""
    flag_names = [flags] if isinstance(flags, str) else list(flags or [])
    out = []
    for i, text in enumerate(patterns):
        here = f"{where}[{i}]" if indexed else where
        if not isinstance(text, str) or not text:
            raise RuleDefinitionError(here, "a pattern must be non-empty text")
        try:
            out.append(compile_user_regex(text, flag_names))
        except UserRegexError as exc:
            raise RuleDefinitionError(here, str(exc)) from None
    return out


def build(raw: dict[str, Any]) -> PatternBody:
    (regex,) = compile_patterns([raw.get("pattern")], raw.get("flags"), "pattern", indexed=False)
    return PatternBody(regex)
