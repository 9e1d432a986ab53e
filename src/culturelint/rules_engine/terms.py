"""`type: terms`: flag every occurrence of listed words or phrases.

```yaml
terms: {en: [guaranteed, risk-free], de: [garantiert]}
case_sensitive: false   # optional; true matches the exact surface form only
```
Terms match whole tokens on case-folded text or on lemmas ("Garantien" finds
"Garantie"), by characters in languages written without spaces. A market uses the
lists of its own languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.finding import Hit
from culturelint.matching import matcher_for
from culturelint.rules_engine.base import RuleInfo, term_lists

if TYPE_CHECKING:
    from culturelint.document import Document
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("match", "term", "market")


class TermsBody(NamedTuple):
    terms: dict[str, tuple[str, ...]]
    case_sensitive: bool = False

    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        lists = ctx.profile.terms(dict(self.terms))
        if not lists:
            return
        cs = self.case_sensitive
        matchers = [
            (matcher_for(lang, terms, case_sensitive=cs), None) for lang, terms in lists.items()
        ]
        for segment, m, _ in rule.term_matches(doc, matchers):
            start, end = segment.span(m.start, m.end)
            yield rule.hit(start, end, ctx, match=segment.text[m.start : m.end], term=m.term)


def build(raw: dict[str, Any]) -> TermsBody:
    return TermsBody(term_lists(raw.get("terms"), "terms"), bool(raw.get("case_sensitive")))
