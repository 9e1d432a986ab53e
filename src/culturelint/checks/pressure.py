"""CL502 pressure-urgency: urgency and scarcity wording ("only 2 left", "act now",
"残りわずか", "限时") in markets where it is a legal issue or, as a heuristic, where
Hofstede scores uncertainty avoidance or long-term orientation high.

Two very different kinds of evidence meet here, and the check keeps them apart:

- Law. India's CCPA Guidelines for Prevention and Regulation of Dark Patterns (2023)
  ban false urgency. A market whose profile has a claims entry with the id
  `false-urgency` gets that entry's severity (a warning for hi-IN), its law in the
  message, and its terms as extra phrases.
- Heuristic. That urgency backfires in high-UAI or long-term-oriented markets is an
  idea with no source found (the project's research says so, and Minkov (2018)
  questions the reliability of uai itself). It stays at info, worded as a prompt.

The phrases are tables of regular expressions per language below, written to miss
the legal qualifiers that look alike ("while stocks last", "solange der Vorrat
reicht" are what the law asks for, not pressure) and prices ("jetzt nur noch
19,99 €" is a price, "nur noch 2 Stück" scarcity).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from culturelint.checks._util import first_sentence, mask_non_copy, segment_hit
from culturelint.document import Document
from culturelint.finding import Evidence, Hit, Severity
from culturelint.matching import base_language, matcher_for
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

CODE = "CL502"
NAME = "pressure-urgency"
LEGAL_ENTRY_ID = "false-urgency"
# The heuristic applies from these scores up (Hofstede 6-D, 0-100 scale).
UAI_THRESHOLD = 70
LTO_THRESHOLD = 70

_N = r"\d+"  # \d also matches full-width digits (２)

# Urgency and scarcity phrases per language, as regular expressions. Spaced languages
# are matched case-insensitively between word boundaries.
PHRASES: dict[str, list[str]] = {
    "en": [
        rf"(?:only|just) (?:{_N}|a few|one|two|three) (?:left|remaining)",
        rf"(?:only|just) {_N} (?:items? )?in stock",
        r"act (?:now|fast|quickly)",
        r"hurry(?: up)?",
        r"last chance",
        r"(?:offer|sale|deal|promotion)s? ends? (?:in|soon|tonight|today|at midnight)",
        r"ends (?:tonight|at midnight)",
        r"countdown",
        r"selling fast",
        r"almost gone",
        r"don[’']t miss out",
        r"today only",
        rf"(?:{_N}|many) (?:people|others|shoppers) (?:are )?(?:viewing|looking at|watching)",
        r"people are (?:viewing|looking at this|watching)",
    ],
    "de": [
        rf"nur noch {_N} (?:Stück|Stk\.?|Exemplare?|Artikel|Plätze|Tickets|verfügbar|auf Lager"
        r"|übrig|Tage|Stunden)",
        r"nur noch (?:heute|wenige)",
        r"nur heute",
        r"(?:jetzt|schnell) zugreifen",
        r"letzte Chance",
        r"beeil(?:en Sie sich|e dich|t euch)",
        r"(?:Angebot|Aktion|Sale) endet (?:in|heute|bald|um Mitternacht)",
        r"Countdown",
        r"fast ausverkauft",
    ],
    "fr": [
        rf"plus que {_N} (?:en stock|articles?|exemplaires?|jours?|heures?|places?)",
        r"derni[èe]re chance",
        r"dépêchez-vous|dépêche-toi",
        r"ne tardez (?:plus|pas)",
        r"l[’']offre (?:se termine|prend fin)",
        r"compte à rebours",
        r"aujourd[’']hui seulement",
        r"presque épuisée?s?",
    ],
    "es": [
        rf"s[oó]lo quedan {_N}",
        r"últimas unidades",
        r"última oportunidad",
        r"date prisa|dense prisa|dese prisa",
        r"la oferta (?:termina|acaba)",
        r"cuenta atrás|cuenta regresiva",
        r"s[oó]lo hoy",
        r"casi agotad[oa]s?",
    ],
    "it": [
        r"ultima occasione|ultime occasioni",
        rf"solo {_N} rimast[ie]",
        r"affrettati|affrettatevi",
        r"l[’']offerta (?:termina|scade)",
        r"solo oggi",
        r"quasi esaurit[oi]",
    ],
    "pt": [
        rf"(?:apenas|só) {_N} (?:em estoque|unidades|restantes)",
        rf"restam apenas {_N}",
        r"última chance|últimas unidades",
        r"só hoje",
        r"a oferta termina",
        r"contagem regressiva",
    ],
    "ja": [
        r"残りわずか",
        rf"残り{_N}(?:点|個|枚|名|席|台|本|日|時間)",
        r"今だけ",
        r"在庫わずか",
        r"お急ぎ(?:ください|を)",
        r"急いで",
        r"本日限り",
        r"ラストチャンス|最後のチャンス",
        r"売り切れ(?:必至|間近|御免)",
        r"早い者勝ち",
        r"カウントダウン",
        r"まもなく終了|終了間近",
    ],
    "zh": [
        r"限[时時]",
        rf"[仅僅只]剩(?:{_N}[件个個份台张張位名款])?",
        r"最[后後][机機][会會]",
        r"手慢无|手慢無",
        r"倒[计計][时時]",
        r"即[将將]售罄",
        r"即[将將]截止",
        r"[错錯]过不再|[错錯]過不再",
        r"先到先得",
        r"售完即止|抢完即止|搶完即止",
        r"库存紧张|庫存緊張",
    ],
    "ko": [
        r"마감\s*임박",
        r"품절\s*임박",
        r"한정\s*수량",
        r"서두르세요",
        r"마지막\s*기회",
        r"오늘만",
        rf"단\s*{_N}\s*개\s*남",
        rf"{_N}\s*개\s*남았",
    ],
}

_SPACED_WRAP = r"(?<![^\W_])(?:{})(?![^\W_])"


@lru_cache(maxsize=32)
def phrase_pattern(language: str) -> re.Pattern[str] | None:
    """One alternation of the language's phrases, or None when there are none."""
    phrases = PHRASES.get(language)
    if not phrases:
        return None
    body = "|".join(f"(?:{p})" for p in phrases)
    if language in ("ja", "zh"):
        return compile_cached(body)
    return compile_cached(_SPACED_WRAP.format(body.replace(" ", r"\s+")), re.IGNORECASE)


def legal_entry(profile: Profile) -> dict[str, Any] | None:
    """The profile's false-urgency claims entry, if the market regulates urgency."""
    for entry in profile.entries("claims"):
        if entry.get("id") == LEGAL_ENTRY_ID:
            return entry
    return None


def heuristic_scores(profile: Profile) -> dict[str, int]:
    """The Hofstede scores that put the market in scope (uai, lto at or over 70)."""
    scores = profile.hofstede
    if scores is None:
        return {}
    out = {}
    for dimension, threshold in (("uai", UAI_THRESHOLD), ("lto", LTO_THRESHOLD)):
        value = scores.get(dimension)
        if value is not None and value >= threshold:
            out[dimension] = value
    return out


def _applies(profile: Profile) -> bool:
    return legal_entry(profile) is not None or bool(heuristic_scores(profile))


# -- the check ------------------------------------------------------------------------------


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entry = legal_entry(profile)
    scores = heuristic_scores(profile)
    if entry is None and not scores:
        return
    message, suggestion, evidence, severity = _framing(profile, entry, scores)
    for language in dict.fromkeys(base_language(lang) for lang in profile.languages):
        pattern = phrase_pattern(language)
        terms = profile.terms(entry.get("terms")).get(language, []) if entry else []
        matcher = matcher_for(language, terms) if terms else None
        for segment in doc.segments:
            text = mask_non_copy(segment.text)
            spans: list[tuple[int, int]] = []
            if pattern is not None:
                spans.extend(m.span() for m in pattern.finditer(text))
            if matcher is not None:
                spans.extend((m.start, m.end) for m in matcher.find(text))
            for start, end in _merged(spans):
                found = segment.text[start:end]
                yield segment_hit(
                    segment,
                    start,
                    end,
                    message.format(found=found),
                    suggestion=suggestion,
                    evidence=evidence,
                    severity=severity,
                )


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans (a phrase found by a pattern and a profile term) as one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _framing(
    profile: Profile, entry: dict[str, Any] | None, scores: dict[str, int]
) -> tuple[str, str, Evidence, Severity]:
    """Message template, suggestion, evidence and severity for the market."""
    if entry is not None:
        law = " ".join(str(entry.get("law", "")).split())
        rule = first_sentence(str(entry.get("message", "")))
        return (
            "Urgency or scarcity wording '{found}': " + rule + f" ({law})",
            "Show it only while it is true (real stock, a real deadline), or remove it",
            profile.evidence(f"claims.{entry['id']}", entry),
            profile.severity_for(entry, Severity.WARNING),
        )
    names = {"uai": "uncertainty avoidance", "lto": "long-term orientation"}
    described = ", ".join(f"{names[d]} {v}" for d, v in scores.items())
    key = "hofstede." + "+".join(scores)
    return (
        "Urgency or scarcity wording '{found}': "
        + f"{profile.tag} scores high on {described}; pressure tactics are a weak fit "
        "there (a heuristic, not a finding of research)",
        "Make sure it is true, and consider giving reasons and details instead of pressure",
        Evidence(
            profile=profile.tag,
            key=key,
            source="Hofstede, Hofstede & Minkov (2010), Cultures and Organizations, 3rd ed. "
            "(6-D dataset)",
        ),
        Severity.INFO,
    )


CHECK = Check(
    code=CODE,
    name=NAME,
    category="tone",
    severity=Severity.INFO,
    doc=RuleDoc(
        what=(
            'Urgency and scarcity wording: "only 2 left", "act now", "offer ends in", '
            '"last chance", "hurry", "countdown", "nur noch 2 Stück", "jetzt zugreifen", '
            '"dernière chance", "últimas unidades", "残りわずか", "今だけ", "限时", "仅剩", '
            '"마감 임박" ... (phrase tables for en, de, fr, es, it, pt, ja, zh, ko).\n\n'
            "It runs in two kinds of market:\n\n"
            "- where urgency is regulated: a profile with a claims entry `id: "
            "false-urgency` (hi-IN, from India's CCPA Dark Patterns Guidelines 2023). "
            "The finding takes that entry's severity (warning) and law, and the entry's "
            "terms are looked for too.\n"
            "- as a heuristic, in markets whose Hofstede uncertainty avoidance or "
            "long-term orientation is 70 or more (ja-JP, ko-KR, zh-CN, zh-TW, de-DE, "
            "fr-FR, es-ES, es-MX, pt-BR, it-IT, pl-PL, ru-RU, tr-TR, he-IL ...), always "
            "at info.\n\n"
            'Not flagged: the qualifiers the law asks for ("while stocks last", '
            '"solange der Vorrat reicht", "jusqu\'à épuisement des stocks"), prices '
            '("jetzt nur noch 19,99 €"), and 期間限定 (a limited-time edition, '
            "everyday Japanese retail vocabulary)."
        ),
        why=(
            "False urgency is a dark pattern: India's Central Consumer Protection "
            "Authority lists it among 13 banned dark patterns (falsely implying scarcity "
            'or urgency, such as a fake "only 2 left" or "20 people are viewing").\n\n'
            "Beyond the law the evidence is weak, and the rule says so. de Mooij & "
            "Hofstede (2010) tie high uncertainty avoidance to appeals built on "
            "explanation, detail and proof; that pressure and urgency backfire in such "
            "markets is a plausible reading, not a finding: no study was found that tests "
            "it, and Minkov (2018) questions the reliability of the uai dimension itself. "
            "Hence info, as a prompt to check that the urgency is real and to prefer "
            "reasons over pressure."
        ),
        example="# market: ja-JP\n残りわずか！今だけ半額です。",
        good_example="# market: ja-JP\n数量限定の商品です。在庫状況は商品ページでご確認ください。",
        fix=(
            "Keep urgency that is true and shown as a fact (the real end date, the real "
            'stock level); drop invented scarcity, countdowns that restart, and "N '
            'people are viewing" counters.'
        ),
        sources=(
            "CCPA Guidelines for Prevention and Regulation of Dark Patterns, 2023 "
            "(notified 30 Nov 2023): Deccan Herald, https://www.deccanherald.com/business/"
            "centre-releases-guidelines-on-dark-patterns-that-mislead-consumers-2793998",
            "de Mooij, M. & Hofstede, G. (2010), International Journal of Advertising "
            "29(1): 85-110, doi:10.2501/S026504870920104X",
            'Minkov, M. (2018) "A revision of Hofstede\'s model of national culture", '
            "Cross Cultural & Strategic Management, doi:10.1108/CCSM-03-2017-0033",
        ),
    ),
    run=run,
    applies=_applies,
    markets_label="uai >= 70 or lto >= 70 (info); markets with a false-urgency claims entry",
)
