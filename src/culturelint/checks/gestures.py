"""CL203 offensive-gesture: gestures and emoji with an offensive or negative meaning
in the market, from the profile's `gestures` entries.

Two things point at a gesture in copy: the emoji itself (in social posts, push
messages, subject lines) and words that describe it (in alt text and image briefs:
"OK hand sign", "thumbs up"). Emoji are compared without skin-tone modifiers and
variation selectors, because 👍🏽 and 👍 are the same gesture and a keyboard may add
U+FE0F or not. An emoji that is part of a longer sequence joined with U+200D (a ZWJ
sequence such as 🙂‍↔️, "head shaking horizontally") is a different emoji and is left
alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from culturelint.checks._util import first_sentence, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.matching import matcher_for, matches_by_text
from culturelint.profiles.model import Profile
from culturelint.registry import Check, CheckContext, RuleDoc

CODE = "CL203"
NAME = "offensive-gesture"

# Characters that change how an emoji looks but not which gesture it shows.
SKIN_TONES = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))
VARIATION_SELECTORS = frozenset({"\ufe0e", "\ufe0f"})
_MODIFIERS = SKIN_TONES | VARIATION_SELECTORS
ZWJ = "\u200d"


def base_emoji(text: str) -> str:
    """An emoji without skin-tone modifiers and variation selectors: 👍🏽 -> 👍."""
    return "".join(c for c in text if c not in _MODIFIERS)


def find_emoji(text: str, emoji: str) -> Iterator[tuple[int, int]]:
    """Spans of `emoji` in `text`, each with the modifiers that follow it.

    Both sides are compared in their base form, so an entry listing "✌️" finds "✌"
    and "✌🏻". A match glued to a neighbour by a zero-width joiner is part of another
    emoji and is skipped.
    """
    target = base_emoji(emoji)
    # The base form of `text` keeps every character of `target`: without its first,
    # there is nothing to find (the usual case, so the text is not folded at all).
    if not target or target[0] not in text:
        return
    # The base form of `text`, with the index of each of its characters in `text`.
    kept = [(i, c) for i, c in enumerate(text) if c not in _MODIFIERS]
    folded = "".join(c for _, c in kept)
    start = folded.find(target)
    while start >= 0:
        last = start + len(target) - 1
        src_start = kept[start][0]
        src_end = kept[last][0] + 1
        while src_end < len(text) and text[src_end] in _MODIFIERS:
            src_end += 1
        joined_before = src_start > 0 and text[src_start - 1] == ZWJ
        joined_after = src_end < len(text) and text[src_end] == ZWJ
        if not joined_before and not joined_after:
            yield src_start, src_end
        start = folded.find(target, start + len(target))


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    for entry in profile.entries("gestures"):
        if not entry.get("id"):
            continue
        yield from _entry_hits(doc, profile, entry)


def _entry_hits(doc: Document, profile: Profile, entry: dict[str, Any]) -> Iterator[Hit]:
    name = str(entry.get("name") or entry["id"])
    meaning = first_sentence(str(entry.get("meaning", "")))
    severity = profile.severity_for(entry, Severity.WARNING)
    evidence = profile.evidence(f"gestures.{entry['id']}", entry)
    emoji = [str(e) for e in entry.get("emoji") or [] if str(e).strip()]
    matchers = [
        matcher_for(lang, words) for lang, words in profile.terms(entry.get("words")).items()
    ]

    def hit(segment: Segment, start: int, end: int) -> Hit:
        found = segment.text[start:end]
        return segment_hit(
            segment,
            start,
            end,
            f"'{found}' ({name}) can offend in {profile.tag}: {meaning}",
            suggestion=f"Use another gesture or emoji, or check that '{found}' cannot be "
            f"read this way in {profile.tag}",
            evidence=evidence,
            severity=severity,
        )

    segments = doc.segments
    texts = [segment.text for segment in segments]
    spans: dict[int, set[tuple[int, int]]] = {}
    for i, text in enumerate(texts):
        found = [span for symbol in emoji for span in find_emoji(text, symbol)]
        if found:
            spans[i] = set(found)
    for i, matches in matches_by_text(matchers, texts).items():
        spans.setdefault(i, set()).update((m.start, m.end) for m in matches)
    for i in sorted(spans):
        for start, end in sorted(spans[i]):
            yield hit(segments[i], start, end)


CHECK = Check(
    code=CODE,
    name=NAME,
    category="gesture",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags emoji and descriptions of hand gestures that carry an offensive or "
            "negative meaning in the market. The market profile's `gestures` entries "
            "list each gesture with its `emoji` and the `words` that describe it per "
            'language (for alt text and image briefs: "OK hand sign", "V sign", '
            '"thumbs up").\n\n'
            "Emoji are matched without skin-tone modifiers and variation selectors, so "
            "an entry for 👍 also finds 👍🏽 and 👍️; an emoji joined to another by a "
            "zero-width joiner (a ZWJ sequence such as 🙂‍↔️) is a different emoji and "
            "is not reported. Words are matched on lemmas in the market's languages "
            "(by characters in Chinese and Japanese). A profile lists an emoji only when "
            "the research concerns the emoji and not just the hand gesture: the en-GB "
            "profile lists the palm-inward V sign by its words but not ✌️, which shows "
            "the palm outward and is harmless there.\n\n"
            "One finding per emoji or description, at the text. Entries of low "
            "confidence are reported as info; an entry's own `severity` wins."
        ),
        why=(
            'Gestures do not travel: the thumb-and-index ring means "OK" in the US, '
            '"zero, worthless" in France and an obscenity in Brazil and Turkey; the V '
            "sign with the palm inward is an insult in Britain and Ireland; showing the "
            "soles of the feet offends in the Arab world (The Guardian, 16 Dec 2008). "
            "Emoji carry meanings of their own: in China the WeChat slightly smiling "
            "face 🙂 is widely read as contempt. A friendly emoji in a campaign can read "
            "as an insult to the audience it was meant to win."
        ),
        example="# market: tr-TR\nYeni koleksiyon geldi 👌🏽",
        good_example="# market: tr-TR\nYeni koleksiyon geldi ✨",
        fix=(
            "Use another emoji or gesture, or rewrite the image brief. If the meaning "
            "cannot arise (the brand's own icon, a quotation), suppress the finding "
            "where it occurs."
        ),
        sources=(
            'The Guardian, 16 Dec 2008 (Emine Saner, "How to insult George Bush, '
            'wherever you are in the world")',
            "Unicode Technical Standard #51, Unicode Emoji (emoji modifiers, ZWJ "
            "sequences): https://www.unicode.org/reports/tr51/",
        ),
    ),
    run=run,
    applies=lambda profile: bool(profile.entries("gestures")),
    markets_label="markets whose profile lists gestures",
)
