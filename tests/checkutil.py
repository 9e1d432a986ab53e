"""Building documents and profiles by hand for the tests of the built-in checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from culturelint.config import Config
from culturelint.document import CssColour, Document, PageFacts, verbatim_segment
from culturelint.finding import Hit
from culturelint.profiles.loader import ProfileStore
from culturelint.profiles.model import Profile
from culturelint.registry import Check, CheckContext
from shared import SHARED

REALCOPY = SHARED / "data" / "realcopy"
MARKETS = Path(__file__).resolve().parents[1] / "markets"

_NAMES = {
    "ja-JP": "Japan",
    "de-DE": "Germany",
    "zh-CN": "China",
    "en-US": "United States",
    "es-MX": "Mexico",
    "en-AU": "Australia",
    "de-CH": "Switzerland",
}


def make_profile(tag: str, **data: Any) -> Profile:
    """A profile with only the curated data a test gives; derived facts come from CLDR."""
    return Profile(tag=tag, name=_NAMES.get(tag, tag), data={"market": tag, **data})


def paragraphs_doc(text: str, *, path: str = "copy.md", kind: str = "paragraph") -> Document:
    """A document whose segments are the blank-line separated paragraphs of `text`,
    mapped verbatim to their offsets (so hits can be checked against `doc.text`)."""
    segments = []
    offset = 0
    for block in text.split("\n\n"):
        stripped = block.strip("\n")
        if stripped.strip():
            start = offset + block.index(stripped)
            segments.append(verbatim_segment(stripped, start, kind))
        offset += len(block) + 2
    return Document(path=path, text=text, format="markdown", segments=segments)


def page_doc(html: str, colours: list[tuple[str, str, str, str]]) -> Document:
    """A landing page with CSS colours given as (raw value as written, normalised
    "#rrggbb", property, selector); each raw value is located in `html` in order."""
    found = []
    position = 0
    for raw, value, prop, selector in colours:
        start = html.index(raw, position)
        found.append(CssColour(value, raw, prop, selector, start, start + len(raw)))
        position = start + len(raw)
    return Document(
        path="landing.html",
        text=html,
        format="html",
        segments=[],
        page=PageFacts(colours=found),
    )


def run_check(
    check: Check, doc: Document, profile: Profile, config: Config | None = None
) -> list[Hit]:
    ctx = CheckContext(market=profile.tag, profile=profile, config=config or Config(), year=2026)
    return list(check.run(doc, ctx))


def flagged(doc: Document, hits: list[Hit]) -> list[str]:
    """The text each hit points at, in order."""
    return [doc.text[h.start : h.end] for h in hits]


def real_profile(tag: str) -> Profile:
    """A curated profile from the repository's markets/ directory."""
    return ProfileStore(bundled_dirs=[MARKETS]).load(tag)
