"""`type: require`: flag a document in which something expected is missing.

```yaml
require:
  terms: {de: [Impressum]}          # any of these terms ...
  patterns: ["/impressum\\b"]       # ... or any of these patterns counts as present
  flags: [ignorecase]               # optional, for the patterns
  where: link                       # page (default) | footer | link
  only_landing: true                # only landing pages (HTML, or `page: landing`)
```
Where it looks: `page` every segment plus the page's footer and links; `footer` the
page's footer text; `link` the text and address of each link. A document without
page facts (plain text, translation files) is searched as a whole whatever `where`
says, and so is a page without a footer. The finding points at the page's anchor
(its footer, else its body), or at the start of the file.

A market whose languages have no listed terms, in a rule without patterns, is not
checked: there is nothing to look for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.finding import Hit
from culturelint.matching import matcher_for
from culturelint.rules_engine.base import RuleDefinitionError, RuleInfo, term_lists
from culturelint.rules_engine.pattern import compile_patterns
from culturelint.safe_regex import SafePattern

if TYPE_CHECKING:
    from culturelint.document import Document
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("term", "market")
WHERE = ("page", "footer", "link")


class RequireBody(NamedTuple):
    terms: dict[str, tuple[str, ...]]
    patterns: tuple[SafePattern, ...] = ()
    where: str = "page"
    only_landing: bool = False
    case_sensitive: bool = False

    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        if self.only_landing and not doc.is_landing:
            return
        expected = ctx.profile.terms(dict(self.terms))
        if not expected and not self.patterns:
            return
        texts = self._texts(rule, doc)
        if self._present(texts, expected):
            return
        start, end = doc.page.anchor if doc.page is not None else (0, 0)
        listed = ", ".join(t for terms in expected.values() for t in terms)
        yield rule.hit(start, end, ctx, term=listed)

    def _texts(self, rule: RuleInfo, doc: Document) -> list[str]:
        page = doc.page
        whole = [segment.text for segment in rule.segments(doc)]
        if page is None:
            return whole
        if self.where == "link":
            return [part for link in page.links for part in (link.text, link.href)]
        if self.where == "footer" and page.footer_text:
            return [page.footer_text]
        return [
            *whole,
            page.footer_text,
            *(part for link in page.links for part in (link.text, link.href)),
        ]

    def _present(self, texts: list[str], expected: dict[str, list[str]]) -> bool:
        for text in texts:
            if not text:
                continue
            for language, terms in expected.items():
                if matcher_for(language, terms, case_sensitive=self.case_sensitive).find(text):
                    return True
            for pattern in self.patterns:
                if pattern.search(text) is not None:
                    return True
        return False


def build(raw: dict[str, Any]) -> RequireBody:
    spec = raw.get("require")
    if not isinstance(spec, dict):
        raise RuleDefinitionError("require", "expected a mapping with terms and/or patterns")
    if "terms" not in spec and "patterns" not in spec:
        raise RuleDefinitionError("require", "give `terms`, `patterns` or both")
    terms = term_lists(spec["terms"], "require.terms") if "terms" in spec else {}
    patterns = spec.get("patterns") or []
    if not isinstance(patterns, list):
        raise RuleDefinitionError("require.patterns", "expected a list of regular expressions")
    compiled = compile_patterns(patterns, spec.get("flags"), "require.patterns", indexed=True)
    where = spec.get("where", "page")
    if where not in WHERE:
        raise RuleDefinitionError("require.where", f"expected one of {', '.join(WHERE)}")
    return RequireBody(
        terms=terms,
        patterns=tuple(compiled),
        where=where,
        only_landing=bool(spec.get("only_landing")),
        case_sensitive=bool(raw.get("case_sensitive")),
    )
