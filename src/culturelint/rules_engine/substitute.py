"""`type: substitute`: flag a word or phrase and suggest what to write instead.

```yaml
substitute: {en: {"click here": "select", "utilize": "use"}}
```
Matching is the same as for `type: terms`. The suggestion follows the case of what
was found ("Click here" -> "Select").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.finding import Hit
from culturelint.matching import matcher_for
from culturelint.rules_engine.base import RuleDefinitionError, RuleInfo

if TYPE_CHECKING:
    from culturelint.document import Document
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("match", "term", "suggestion", "market")


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalization of the found text over to the replacement."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstituteBody(NamedTuple):
    replacements: dict[str, dict[str, str]]  # language -> term -> replacement
    case_sensitive: bool = False

    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        languages = [lang for lang in ctx.profile.languages if lang in self.replacements]
        if not languages:
            return
        cs = self.case_sensitive
        tables = {language: self.replacements[language] for language in languages}
        matchers = [
            (matcher_for(lang, table, case_sensitive=cs), table) for lang, table in tables.items()
        ]
        for segment, m, table in rule.term_matches(doc, matchers):
            found = segment.text[m.start : m.end]
            start, end = segment.span(m.start, m.end)
            yield rule.hit(
                start,
                end,
                ctx,
                suggestion=match_case(found, table[m.term]),
                match=found,
                term=m.term,
            )


def build(raw: dict[str, Any]) -> SubstituteBody:
    mapping = raw.get("substitute")
    if not isinstance(mapping, dict) or not mapping:
        raise RuleDefinitionError(
            "substitute", "expected a mapping of language codes to {term: replacement}"
        )
    out: dict[str, dict[str, str]] = {}
    for lang, table in mapping.items():
        where = f"substitute.{lang}"
        if not isinstance(table, dict) or not table:
            raise RuleDefinitionError(where, "expected a non-empty mapping of term to replacement")
        for term, replacement in table.items():
            if not isinstance(term, str) or not term.strip():
                raise RuleDefinitionError(where, f"term {term!r} must be non-empty text")
            if not isinstance(replacement, str) or not replacement.strip():
                raise RuleDefinitionError(
                    f"{where}[{json.dumps(term, ensure_ascii=False)}]",
                    "the replacement must be non-empty text",
                )
        out[str(lang)] = {str(t): str(r) for t, r in table.items()}
    return SubstituteBody(out, bool(raw.get("case_sensitive")))
