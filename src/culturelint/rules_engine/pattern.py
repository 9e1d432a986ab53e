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
        """Hits of every segment up to the one a search timed out on; then RegexTimeout,
        with where that segment starts (the pattern is not run again, see SafePattern)."""
        for segment in rule.segments(doc):
            try:
                matches = self.regex.finditer(segment.text)
            except RegexTimeout as exc:
                offset = None if exc.earlier else segment.span(0, 1)[0]
                pattern, limit, earlier = exc.pattern, exc.timeout, exc.earlier
                raise RegexTimeout(pattern, limit, rule.code, offset, earlier) from None
            for m in matches:
                if m.end() == m.start():
                    continue
                start, end = segment.span(m.start(), m.end())
                yield rule.hit(start, end, ctx, match=m.group(0))


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
