"""Helpers the CL8xx rules share: which pairs to compare, and hits on a segment."""

from __future__ import annotations

from collections.abc import Iterator

from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.l10n.pairing import Pair, Pairing, pairing
from culturelint.registry import CheckContext


def comparable(doc: Document, ctx: CheckContext) -> tuple[Pairing | None, list[Pair]]:
    """The pairing and the pairs that have a source text to compare with."""
    result = pairing(doc, ctx)
    if result is None or result.is_source:
        return result, []
    return result, [p for p in result.pairs if p.source is not None]


def whole(
    segment: Segment, message: str, suggestion: str | None = None, severity: Severity | None = None
) -> Hit:
    """A hit on the whole segment, without its surrounding white space."""
    stripped = segment.text.strip()
    start = segment.text.index(stripped) if stripped else 0
    end = start + len(stripped) if stripped else len(segment.text)
    src_start, src_end = segment.span(start, end)
    return Hit(src_start, src_end, message, suggestion, None, severity)


def quoted(text: str, limit: int = 60) -> str:
    """Source text for a message: one line, shortened."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def by_message(pairs: list[Pair]) -> Iterator[list[Pair]]:
    """Pairs grouped by key, in order: a Fluent message's variants form one group."""
    groups: dict[object, list[Pair]] = {}
    for pair in pairs:
        key = pair.segment.key if pair.segment.attrs.get("variant") else id(pair)
        groups.setdefault(key, []).append(pair)
    yield from groups.values()
