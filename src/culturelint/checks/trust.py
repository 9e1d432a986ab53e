"""CL301-CL303: the trust signals a market's visitors look for on a landing page.

A German visitor looks for the Impressum, a Japanese shopper for the 特定商取引法に基づく
表記, an American for reviews; a Chinese page must show its ICP filing number. The
profile's `trust.expected` entries say what to look for (link texts, footer words,
patterns) and `trust.discouraged` what backfires. Three rules share the code:

- CL301 missing-trust-signal: an expected signal (not a legal duty) is missing.
- CL302 missing-legal-notice: an expected signal the law requires is missing.
- CL303 backfiring-trust-signal: a discouraged signal is in the copy.

They look at landing pages only (HTML, Markdown with `page: landing`, or files matched
by the `landing_globs` option): a snippet of copy or a translation file is not a page,
and a missing footer there says nothing.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from culturelint.checks._util import first_sentence, mask_non_copy, money_finder, segment_hit
from culturelint.document import Document
from culturelint.finding import Hit, Severity
from culturelint.matching import matcher_for
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import STRINGS, Check, CheckContext, RuleDoc, options_schema
from culturelint.safe_regex import SafePattern, UserRegexError, compile_user_regex

# Options are read from the rule's own code or name first, then from this shared key,
# so `options: {trust: {landing_globs: [...]}}` configures all three rules at once.
SHARED_OPTIONS = "trust"
LANDING_GLOBS = "landing_globs"
OPTIONS = options_schema(
    **{LANDING_GLOBS: {**STRINGS, "description": "landing pages, as globs relative to the config"}}
)

_WHERE = {
    "link": "link texts and the footer",
    "footer": "the footer",
    "page": "the page",
}
# Separators in a URL, so "/de/impressum.html" offers the word "impressum".
_URL_SEPARATORS = compile_cached(r"[/_.\-?=#&:]+")
_SHOWN_WORDS = 8


# -- which pages --------------------------------------------------------------------------


def is_landing(doc: Document, ctx: CheckContext, code: str, name: str) -> bool:
    """A landing page by its format or front matter, or by the `landing_globs` option."""
    if doc.is_landing:
        return True
    globs = ctx.config.option(code, name, LANDING_GLOBS)
    if globs is None:
        globs = ctx.config.option(SHARED_OPTIONS, SHARED_OPTIONS, LANDING_GLOBS)
    if not globs:
        return False
    if isinstance(globs, str):
        globs = [globs]
    relative = _relative(doc.path, ctx.config.root)
    return any(fnmatch.fnmatch(relative, str(glob)) for glob in globs)


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return PurePath(path).as_posix()


def _audience_applies(entry: dict[str, Any], doc: Document) -> bool:
    """An entry for b2c pages does not apply to a page that says `audience: b2b`."""
    wanted = str(entry.get("audience") or "all").lower()
    page = str(doc.meta.get("audience") or "").strip().lower()
    return wanted == "all" or page not in ("b2b", "b2c") or wanted == page


def _scope_applies(entry: dict[str, Any], doc: Document, profile: Profile) -> bool:
    """`scope: commerce` entries apply to pages that sell: front matter `commerce:`
    says so, else a price on the page does."""
    if str(entry.get("scope") or "all") != "commerce":
        return True
    declared = doc.meta.get("commerce")
    if declared is not None:
        return bool(declared) and str(declared).lower() not in ("false", "no", "0")
    return sells(doc, profile)


def sells(doc: Document, profile: Profile) -> bool:
    """Whether the page shows a price (an amount with a currency marker)."""
    finder = None
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        if finder is None:
            finder = money_finder(profile.locale.locale)
        if finder.find(mask_non_copy(segment.text)):
            return True
    return False


# -- finding a signal on the page -----------------------------------------------------------


def _haystacks(doc: Document, where: str) -> list[str]:
    """The texts an expected signal may be found in, for its `where`.

    A link counts by its text and by its address ("/impressum"); a legal notice printed
    in the footer instead of linked counts too. A page without a footer element (most
    Markdown) offers all its text for `footer` entries: there is no other place to look.
    """
    page = doc.page
    links = page.links if page is not None else []
    footer = page.footer_text if page is not None else ""
    hrefs = [link.href for link in links if link.href]
    everything = [s.text for s in doc.segments] + [link.text for link in links] + [footer]
    if where == "link":
        texts = [link.text for link in links] + [footer]
    elif where == "footer":
        texts = [footer] if footer.strip() else everything
    else:
        texts = everything
    texts += hrefs + [_URL_SEPARATORS.sub(" ", href) for href in hrefs]
    return [t for t in texts if t and t.strip()]


def _words_found(entry: dict[str, Any], texts: list[str], languages: list[str]) -> bool:
    """Any of the entry's words, in any language listed: presence in any form counts.

    Words in the market's languages match on lemmas; words in other languages (an
    English "Privacy Policy" link on a German page) match as case-folded whole words,
    so a German page never pays for loading French or Polish lemma tables.
    """
    other: list[str] = []
    for language, words in (entry.get("words") or {}).items():
        if not words:
            continue
        if language not in languages:
            other.extend(str(w) for w in words)
            continue
        matcher = matcher_for(language, [str(w) for w in words])
        if any(matcher.find(text) for text in texts):
            return True
    if other:
        pattern = _plain_words(tuple(sorted(set(other))))
        return any(pattern.search(text) for text in texts)
    return False


@lru_cache(maxsize=256)
def _plain_words(words: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return compile_cached(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=256)
def _compiled(pattern: str, where: str) -> SafePattern:
    try:
        return compile_user_regex(pattern)
    except UserRegexError as exc:
        raise ValueError(f"profile {where}: {exc}") from None


def _patterns(entry: dict[str, Any], key: str) -> list[SafePattern]:
    return [_compiled(str(p), f"{key}.patterns") for p in entry.get("patterns") or []]


def signal_present(doc: Document, entry: dict[str, Any], key: str, languages: list[str]) -> bool:
    texts = _haystacks(doc, str(entry.get("where") or "page"))
    if _words_found(entry, texts, languages):
        return True
    return any(p.search(text) for p in _patterns(entry, key) for text in texts)


def looked_for(profile: Profile, entry: dict[str, Any]) -> str:
    """The words (the market's languages first) and patterns the check looked for."""
    words = entry.get("words") or {}
    ordered = [w for ws in profile.terms(words).values() for w in ws]
    ordered += [w for ws in words.values() for w in ws]
    unique = list(dict.fromkeys(str(w) for w in ordered))
    shown = [f"'{w}'" for w in unique[:_SHOWN_WORDS]]
    if len(unique) > _SHOWN_WORDS:
        shown.append(f"{len(unique) - _SHOWN_WORDS} more")
    shown += [f"/{p}/" for p in entry.get("patterns") or []]
    where = _WHERE.get(str(entry.get("where") or "page"), "the page")
    return f"looked in {where} for {', '.join(shown) or 'nothing (the entry lists no words)'}"


def _first_word(profile: Profile, entry: dict[str, Any]) -> str | None:
    words = entry.get("words") or {}
    for ws in [*profile.terms(words).values(), *words.values()]:
        if ws:
            return str(ws[0])
    return None


def _fix(profile: Profile, entry: dict[str, Any]) -> str:
    label = str(entry.get("label") or entry.get("id"))
    word = _first_word(profile, entry)
    where = str(entry.get("where") or "page")
    if where == "link" and word:
        return f"Add a link labelled '{word}' to the footer of every page"
    if where == "footer":
        return f"Show the {label} in the page footer"
    return f"Show the {label} on the page" + (f" (e.g. '{word}')" if word else "")


# -- the rules ---------------------------------------------------------------------------------


def _missing(
    doc: Document, ctx: CheckContext, code: str, name: str, *, legal: bool
) -> Iterator[Hit]:
    if not is_landing(doc, ctx, code, name):
        return
    profile = ctx.profile
    start, end = doc.page.anchor if doc.page is not None else (0, 0)
    for index, entry in enumerate(profile.section("trust").get("expected") or []):
        if bool(entry.get("legal")) != legal:
            continue
        if not _audience_applies(entry, doc) or not _scope_applies(entry, doc, profile):
            continue
        key = f"trust.expected.{entry.get('id', index)}"
        if signal_present(doc, entry, key, profile.languages):
            continue
        label = str(entry.get("label") or entry.get("id"))
        meaning = first_sentence(str(entry.get("meaning") or ""))
        if legal:
            law = str(entry.get("law") or "the law")
            message = (
                f"No {label} on this landing page: required in {profile.name} by {law} "
                f"({looked_for(profile, entry)})"
            )
            default = Severity.ERROR if entry.get("confidence") == "high" else Severity.WARNING
        else:
            message = (
                f"No {label} on this landing page, a trust signal visitors in "
                f"{profile.name} look for ({looked_for(profile, entry)})"
            )
            default = Severity.INFO
        yield Hit(
            start,
            end,
            message,
            suggestion=f"{_fix(profile, entry)}. {meaning}".strip(),
            evidence=profile.evidence(key, entry),
            severity=profile.severity_for(entry, default),
        )


def run_missing_signal(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    yield from _missing(doc, ctx, "CL301", "missing-trust-signal", legal=False)


def run_missing_legal(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    yield from _missing(doc, ctx, "CL302", "missing-legal-notice", legal=True)


def run_backfiring(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    if not is_landing(doc, ctx, "CL303", "backfiring-trust-signal"):
        return
    profile = ctx.profile
    for index, entry in enumerate(profile.section("trust").get("discouraged") or []):
        if not _audience_applies(entry, doc):
            continue
        key = f"trust.discouraged.{entry.get('id', index)}"
        label = str(entry.get("label") or entry.get("id"))
        meaning = first_sentence(str(entry.get("meaning") or ""))
        evidence = profile.evidence(key, entry)
        severity = profile.severity_for(entry, Severity.WARNING)
        terms = profile.terms(entry.get("words"))
        matchers = [matcher_for(language, words) for language, words in terms.items()]
        patterns = _patterns(entry, key)
        for segment in doc.segments:
            text = mask_non_copy(segment.text)
            spans = [(m.start, m.end) for matcher in matchers for m in matcher.find(text)]
            spans += [(m.start(), m.end()) for p in patterns for m in p.finditer(text)]
            for start, end in _disjoint(spans):
                found = segment.text[start:end]
                yield segment_hit(
                    segment,
                    start,
                    end,
                    f"'{found}' ({label}) works against trust in {profile.name}: {meaning}",
                    suggestion=f"Remove or replace '{found}'",
                    evidence=evidence,
                    severity=severity,
                )


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if end > start and (not out or start >= out[-1][1]):
            out.append((start, end))
    return out


def _has(section: str):  # type: ignore[no-untyped-def]
    def applies(profile: Profile) -> bool:
        return bool(profile.section("trust").get(section))

    return applies


def _has_expected(legal: bool):  # type: ignore[no-untyped-def]
    def applies(profile: Profile) -> bool:
        entries = profile.section("trust").get("expected") or []
        return any(bool(e.get("legal")) == legal for e in entries)

    return applies


_PAGES = (
    "Only landing pages are checked: HTML files, Markdown whose front matter says "
    "`page: landing`, and files matched by the `landing_globs` option (a list of globs "
    "relative to the config file, under `options:` for the rule's code or name, or "
    "under `options: {trust: {landing_globs: [...]}}` for all three trust rules)."
)
_FINDING = (
    "Words are matched on lemmas (by characters in Chinese, Japanese and Thai) in the "
    "entry's every language: a signal shown in any of them counts. `where: link` looks "
    "at link texts and addresses and at the footer (a notice printed there counts "
    "too); `where: footer` at the footer, or at the whole page when it has no footer "
    "element; `where: page` everywhere. An entry with `audience: b2c` is skipped on a "
    "page whose front matter says `audience: b2b` (and the other way round). An entry "
    "with `scope: commerce` applies only to pages that sell: front matter "
    "`commerce: true`, or a price on the page. The finding points at the <footer> "
    "(else <body>, else the start of the file)."
)

MISSING_SIGNAL = Check(
    code="CL301",
    name="missing-trust-signal",
    category="trust",
    severity=Severity.INFO,
    options=OPTIONS,
    doc=RuleDoc(
        what=(
            "Flags a landing page that lacks a trust signal its market expects: the "
            "profile's `trust.expected` entries that are not legal duties (a shop seal "
            "in Germany, reviews in the US). One finding per missing signal, naming "
            "what was looked for.\n\n" + _PAGES + "\n\n" + _FINDING + "\n\nThe default "
            "severity is info (advice); an entry's own `severity` wins."
        ),
        why=(
            "What makes a page credible differs by market: German shoppers look for a "
            "recognised seal before paying (GfK surveys for Trusted Shops), American "
            "shoppers for reviews (purchase likelihood rises sharply with the first "
            "reviews, Spiegel Research Center 2017). A page translated word for word "
            "keeps the signals of its source market and misses those of its target."
        ),
        example=(
            "# de-DE landing page, audience b2c, no seal anywhere\n"
            '<footer><a href="/impressum">Impressum</a></footer>'
        ),
        good_example=(
            "# de-DE landing page\n"
            "<p>Geprüfter Online-Shop: Trusted Shops Käuferschutz</p>\n"
            '<footer><a href="/impressum">Impressum</a></footer>'
        ),
        fix=(
            "Add the signal where the market looks for it (the message lists the words "
            "that count). If the page rightly has none (a page that sells nothing needs "
            "no checkout seal), declare its `audience:` or suppress the finding."
        ),
        sources=(
            'Spiegel Research Center (2017) "How Online Reviews Influence Sales", '
            "Northwestern University",
            "GfK surveys for Trusted Shops (2008, 2010) on shop seals in Germany",
            "Each profile entry's own sources (shown by `culturelint explain CL301 --market TAG`)",
        ),
    ),
    run=run_missing_signal,
    applies=_has_expected(False),
    markets_label="markets whose profile lists expected trust signals",
)

MISSING_LEGAL = Check(
    code="CL302",
    name="missing-legal-notice",
    category="trust",
    severity=Severity.ERROR,
    options=OPTIONS,
    doc=RuleDoc(
        what=(
            "Flags a landing page that lacks a notice the market's law requires: the "
            "profile's `trust.expected` entries with `legal: true`, such as the "
            "Impressum (§ 5 DDG) and the privacy notice (GDPR Art. 13) in Germany, the "
            "特定商取引法に基づく表記 on Japanese shop pages, the ICP filing number in "
            "mainland China, or the business and mail-order numbers in a Korean shop "
            "footer. The message cites the law.\n\n" + _PAGES + "\n\n" + _FINDING + "\n\n"
            "Severity: the entry's own `severity` wins (profiles keep duties that depend "
            "on facts a linter cannot see, such as whether the page sells, at "
            "warning); otherwise error for a high-confidence entry, warning else."
        ),
        why=(
            "These are legal duties with fines or cease-and-desist letters attached: a "
            "German page without an Impressum invites an Abmahnung, a Chinese site "
            "without its ICP number a fine of CNY 5,000-10,000 (MIIT Order No. 33 "
            "Art. 25). Pages adapted from another market lack them because the source "
            "market has no such duty."
        ),
        example=(
            "# de-DE landing page\n"
            '<footer><a href="/agb">AGB</a> · <a href="/kontakt">Kontakt</a></footer>'
        ),
        good_example=(
            "# de-DE landing page\n"
            '<footer><a href="/impressum">Impressum</a> · '
            '<a href="/datenschutz">Datenschutz</a></footer>'
        ),
        fix=(
            "Add the notice where the law wants it (usually a link in the footer of "
            "every page, or the number itself in the footer). If the duty does not "
            "apply (a page not served from China has no ICP number), suppress the "
            "finding for those files or override the entry in the project config."
        ),
        sources=(
            "§ 5 Digitale-Dienste-Gesetz (DDG), Germany",
            "Regulation (EU) 2016/679 (GDPR) Art. 13",
            "特定商取引に関する法律 (Act on Specified Commercial Transactions) Art. 11, Japan",
            "非经营性互联网信息服务备案管理办法 (MIIT Order No. 33) Art. 13, China",
            "전자상거래 등에서의 소비자보호에 관한 법률 Art. 10, Korea",
        ),
    ),
    run=run_missing_legal,
    applies=_has_expected(True),
    markets_label="markets whose profile lists legally required notices",
)

BACKFIRING = Check(
    code="CL303",
    name="backfiring-trust-signal",
    category="trust",
    severity=Severity.WARNING,
    options=OPTIONS,
    doc=RuleDoc(
        what=(
            "Flags a trust signal that works against the page in its market: the "
            "profile's `trust.discouraged` entries (words in the market's languages, or "
            "`patterns`) found in the copy of a landing page, such as a German page "
            "citing the repealed § 5 TMG. The finding points at the words.\n\n" + _PAGES
        ),
        why=(
            "A signal meant to reassure can do the opposite: a legal reference to a "
            "repealed law tells a German visitor (and a competitor's lawyer) that the "
            "page is out of date, which the IHK warns can draw an Abmahnung."
        ),
        example="# de-DE landing page\n<p>Angaben gemäß § 5 TMG</p>",
        good_example="# de-DE landing page\n<p>Angaben gemäß § 5 DDG</p>",
        fix="Remove the signal or replace it with what the profile entry recommends.",
        sources=(
            'IHK Nürnberg, "Impressumspflicht" (TMG replaced by the DDG on 14 May 2024)',
            "Each profile entry's own sources (shown by `culturelint explain CL303 --market TAG`)",
        ),
    ),
    run=run_backfiring,
    applies=_has("discouraged"),
    markets_label="markets whose profile lists discouraged trust signals",
)

CHECKS = [MISSING_SIGNAL, MISSING_LEGAL, BACKFIRING]
