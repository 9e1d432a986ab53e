"""CL204 taboo-reference: taboo symbols, animals, gifts, foods, drinks and phrases
from the profile's `taboos` entries.

Terms are matched on lemmas, so "clocks" and "Uhren" count, while a word that only
contains a term ("clockwise", "o'clock", "Uhrzeit") does not. Three things keep the
rule from crying wolf, all driven by the entry:

- `context`: a gift taboo is reported only when a context word (gift, 礼物 ...) is in
  the same segment: a clock in a product list is not a gift.
- `unless`: phrases that cancel the term next to them. "Alcohol-free" beer and
  بيرة خالية من الكحول are not alcohol promotion; "contains no pork" is the opposite of
  promoting pork. An `unless` phrase counts when it overlaps the term or stands next
  to it in the same clause.
- A term directly followed by "-free" ("pork-free") is a negation in English and
  German ("-frei") whatever the profile lists.
- `as_written`: a fixed quotation is matched only as written. Its words inflected are
  ordinary language: "macht freie Kapazitäten sichtbar" is not "Arbeit macht frei".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from culturelint.checks._util import first_sentence, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.matching import (
    UNLESS_DISTANCE,
    TermMatch,
    cancelled,
    matcher_for,
    matches_by_text,
)
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

CODE = "CL204"
NAME = "taboo-reference"

# "pork-free", "Alkohol-frei": the hyphenated suffix negates the term before it.
_FREE_SUFFIX = compile_cached(r"-\s?(?:free|frei)\b", re.IGNORECASE)

_KIND_WORDS = {
    "gift": "gift",
    "symbol": "symbol",
    "animal": "animal",
    "food": "food",
    "drink": "drink",
    "flower": "flower",
    "phrase": "phrase",
    "other": "reference",
}


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    for entry in profile.entries("taboos"):
        if entry.get("id") and entry.get("terms"):
            yield from _entry_hits(doc, profile, entry)


def _entry_hits(doc: Document, profile: Profile, entry: dict[str, Any]) -> Iterator[Hit]:
    terms = profile.terms(entry.get("terms"))
    if not terms:
        return
    exact = bool(entry.get("as_written"))
    matchers = [matcher_for(lang, words, case_sensitive=exact) for lang, words in terms.items()]
    context = [matcher_for(lang, w) for lang, w in profile.terms(entry.get("context")).items()]
    unless = [matcher_for(lang, w) for lang, w in profile.terms(entry.get("unless")).items()]
    needs_context = bool(entry.get("context"))
    kind = _KIND_WORDS.get(str(entry.get("kind")), "reference")
    meaning = first_sentence(str(entry.get("meaning", "")))
    severity = profile.severity_for(entry, Severity.WARNING)
    evidence = profile.evidence(f"taboos.{entry['id']}", entry)

    segments = doc.segments
    texts = [segment.text for segment in segments]
    found_in = matches_by_text(matchers, texts)
    for i in sorted(found_in):
        segment, text, found = segments[i], texts[i], found_in[i]
        cancels = [m for matcher in unless for m in matcher.find(text)]
        contexts = [m for matcher in context for m in matcher.find(text)]
        reported: set[tuple[int, int]] = set()
        for match in sorted(found, key=lambda m: (m.start, m.end)):
            span = (match.start, match.end)
            if span in reported or _negated(text, match, cancels):
                continue
            if needs_context and not any(_apart(match, c) for c in contexts):
                continue
            reported.add(span)
            yield _hit(segment, match, profile, entry, kind, meaning, severity, evidence)


def _negated(text: str, match: TermMatch, cancels: list[TermMatch]) -> bool:
    """Whether the term at `match` is negated: "-free" right after it, or an `unless`
    phrase overlapping it or next to it in the same clause."""
    return bool(_FREE_SUFFIX.match(text, match.end)) or cancelled(text, match, cancels)


def _apart(match: TermMatch, other: TermMatch) -> bool:
    """A context word must be a word of its own, not part of the term found."""
    return other.end <= match.start or match.end <= other.start


def _hit(
    segment: Segment,
    match: TermMatch,
    profile: Profile,
    entry: dict[str, Any],
    kind: str,
    meaning: str,
    severity: Severity,
    evidence: Any,
) -> Hit:
    found = segment.text[match.start : match.end]
    if entry.get("context"):
        suggestion = (
            f"Do not present '{found}' in this setting in {profile.tag}; choose another item"
        )
    else:
        suggestion = (
            f"Remove or replace '{found}', or have a reviewer from {profile.tag} confirm "
            "it is acceptable here"
        )
    return segment_hit(
        segment,
        match.start,
        match.end,
        f"'{found}' is a taboo {kind} in {profile.tag}: {meaning}",
        suggestion=suggestion,
        evidence=evidence,
        severity=severity,
    )


CHECK = Check(
    code=CODE,
    name=NAME,
    category="taboo",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags taboo symbols, animals, gifts, foods, drinks and phrases of the "
            "market: clocks, pears, umbrellas or knives as gifts in Chinese markets, "
            "white chrysanthemums as a gift in Japan, pork and alcohol in Saudi Arabia, "
            "camp-gate slogans in Germany. The market profile's `taboos` entries list "
            "each with its `terms` per language and its `meaning`.\n\n"
            "Terms are matched on lemmas, so plurals and inflections count (clocks, "
            "Uhren), and by characters in Chinese, Japanese and Thai. Words that only "
            "contain a term do not: clockwise, o'clock, Uhrzeit. An entry with a "
            "`context` list is reported only when one of its context words is in the "
            "same segment (a clock is a taboo as a gift, not on a product page; 钟点, "
            '"hour", is not a clock at all). An entry\'s `unless` phrases cancel a term '
            f"they overlap or stand next to (within {UNLESS_DISTANCE} characters, same "
            'clause): alcohol-free beer, non-alcoholic, بيرة خالية من الكحول, "contains '
            'no pork". A term followed by "-free" or "-frei" is always taken as '
            "negated. An entry marked `as_written` (a fixed quotation such as "
            '"Arbeit macht frei") matches only as written: "macht freie Kapazitäten" '
            "is ordinary German.\n\n"
            "One finding per term, at the term, with the entry's meaning and sources. "
            "Entries of low confidence are reported as info; an entry's own `severity` "
            "wins."
        ),
        why=(
            "A taboo in copy is noticed at once by the people it offends, and recalled "
            'long after the campaign: Tchibo and Esso withdrew "Jedem den Seinen" '
            "posters from about 700 petrol stations in 2009 (Süddeutsche Zeitung); a UK "
            "minister apologised in 2015 for giving Taipei's mayor a watch, since 送钟, "
            '"giving a clock", sounds like attending a death (The Guardian, 27 Jan '
            "2015); Tesco apologised for a bacon offer in a Ramadan display. Machine "
            "translation carries such references over faithfully."
        ),
        example="# market: zh-CN\n精美挂钟礼盒，春节送礼首选。",
        good_example="# market: zh-CN\n精美茶具礼盒，春节送礼首选。",
        fix=(
            "Replace the item or phrase with one that carries no such meaning, or "
            "take it out of the setting that makes it a taboo (a clock is fine as a "
            "product, not as a gift suggestion). If a local reviewer has approved the "
            "use, suppress the finding where it occurs."
        ),
        sources=(
            "CNN, 27 Jan 2015, https://www.cnn.com/2015/01/27/asia/gallery/china-gift-taboos/index.html",
            "Süddeutsche Zeitung, https://www.sueddeutsche.de/wirtschaft/"
            "werbung-tchibo-und-esso-setzten-auf-nazi-spruch-1.379745",
            "Each finding names the profile entry and its own sources (`culturelint "
            "explain CL204 --market TAG`).",
        ),
    ),
    run=run,
    applies=lambda profile: bool(profile.entries("taboos")),
    markets_label="markets whose profile lists taboos",
)
