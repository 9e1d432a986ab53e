"""What every declarative rule shares: its identity, message template and segment filter.

Each rule type (terms.py, substitute.py, pattern.py, require.py, limit.py) turns its
part of the YAML into a body with a `hits(rule, doc, ctx)` method; `DeclarativeRun`
binds a body to its rule so the pair can serve as `Check.run`.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from culturelint.finding import Evidence, Hit

if TYPE_CHECKING:
    from culturelint.document import Document, Segment
    from culturelint.matching import TermMatch, TermMatcher
    from culturelint.registry import CheckContext

PLACEHOLDERS = ("match", "term", "suggestion", "count", "limit", "market")


class RuleDefinitionError(ValueError):
    """A rule that cannot be built; `where` is the path inside the rule (e.g. "pattern")."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(message)


def check_template(template: str, allowed: Iterable[str], where: str = "message") -> None:
    """Reject placeholders the rule type cannot fill, and attribute or index access."""
    allowed = tuple(allowed)
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise RuleDefinitionError(where, f"{exc}; write a literal brace as {{{{ or }}}}") from None
    for name in fields:
        if name not in allowed:
            shown = f"{{{name}}}" if name else "{}"
            raise RuleDefinitionError(
                where,
                f"placeholder {shown} is not available here"
                f" (available: {', '.join('{' + a + '}' for a in allowed)})",
            )


def render(template: str, values: dict[str, Any]) -> str:
    return template.format_map({k: "" if v is None else v for k, v in values.items()})


class RuleInfo(NamedTuple):
    """The parts of a rule every type needs when it reports."""

    code: str
    message: str
    kinds: frozenset[str] | None = None
    # Hofstede dimensions the rule's `when:` tests: a finding cites the market's scores.
    hofstede: tuple[str, ...] = ()

    def segments(self, doc: Document) -> Iterator[Segment]:
        for segment in doc.segments:
            if self.kinds is None or segment.kind in self.kinds:
                yield segment

    def term_matches(
        self, doc: Document, matchers: list[tuple[TermMatcher, Any]]
    ) -> Iterator[tuple[Segment, TermMatch, Any]]:
        """(segment, match, tag) of each match of each matcher (a tag of the caller's:
        its language's table, say), segment by segment, in the order of `matchers`
        within a segment; a span found by two matchers (the same word listed for two
        of the market's languages) only once."""
        segments = list(self.segments(doc))
        texts = [segment.text for segment in segments]
        found: dict[int, list[tuple[TermMatch, Any]]] = {}
        for matcher, tag in matchers:
            for i, matches in matcher.find_each(texts):
                found.setdefault(i, []).extend((m, tag) for m in matches)
        for i in sorted(found):
            seen: set[tuple[int, int]] = set()
            for m, tag in found[i]:
                if (m.start, m.end) not in seen:
                    seen.add((m.start, m.end))
                    yield segments[i], m, tag

    def hit(
        self,
        start: int,
        end: int,
        ctx: CheckContext,
        message: str | None = None,
        suggestion: str | None = None,
        **values: Any,
    ) -> Hit:
        fields = {name: "" for name in PLACEHOLDERS}
        fields.update(values)
        fields["suggestion"] = suggestion or ""
        fields["market"] = ctx.market
        return Hit(
            start=start,
            end=end,
            message=render(message or self.message, fields),
            suggestion=suggestion,
            evidence=self.evidence(ctx),
        )

    def evidence(self, ctx: CheckContext) -> Evidence | None:
        """The profile data the rule relied on: its Hofstede scores, when its selection
        tests them. The rule's own sources are in its documentation (`explain`)."""
        if not self.hofstede:
            return None
        scores = ctx.profile.hofstede
        if scores is None:
            return None
        values = ", ".join(f"{dim} {scores.get(dim)}" for dim in self.hofstede)
        source = f"Hofstede 6-D dataset, row {scores.row} ({scores.country}): {values}"
        if scores.estimated and scores.note:
            source += f"; {scores.note}"
        keys = ", ".join(f"hofstede.{dim}" for dim in self.hofstede)
        return Evidence(profile=ctx.profile.tag, key=keys, source=source)


class RuleBody(Protocol):
    def hits(self, rule: RuleInfo, doc: Document, ctx: CheckContext) -> Iterator[Hit]: ...


class DeclarativeRun(NamedTuple):
    """`Check.run` for a YAML rule: a plain object, so checks can be pickled."""

    rule: RuleInfo
    body: RuleBody

    def __call__(self, doc: Document, ctx: CheckContext) -> Iterator[Hit]:
        return self.body.hits(self.rule, doc, ctx)


def term_lists(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    """A `{language: [term, ...]}` mapping, checked."""
    if not isinstance(raw, dict) or not raw:
        raise RuleDefinitionError(where, "expected a mapping of language codes to term lists")
    out: dict[str, tuple[str, ...]] = {}
    for lang, terms in raw.items():
        if not isinstance(terms, list) or not terms:
            raise RuleDefinitionError(f"{where}.{lang}", "expected a non-empty list of terms")
        for i, term in enumerate(terms):
            if not isinstance(term, str) or not term.strip():
                raise RuleDefinitionError(f"{where}.{lang}[{i}]", "a term must be non-empty text")
        out[str(lang)] = tuple(terms)
    return out
