"""CL503 individual-framing: copy that speaks only of "I" and "you" in a collectivist
market, where "we", family and togetherness tend to carry the message.

The measure is per document: first and second person singular pronouns against first
person plural pronouns and group words. A document with enough pronouns to judge
(5 by default) whose share of singular forms reaches the threshold gets one info
finding, at its first singular pronoun. It is a heuristic built on national averages,
so it never goes beyond info and its thresholds are options:

    options:
      individual-framing: {max-idv: 40, min-pronouns: 5, min-share: 1.0}

The default share is 1.0, "I/you only": not one "we" or group word. Professionally
localized product pages address the reader as "you" on nearly every line in every
language (mozilla.org's Chinese, Portuguese and Spanish pages run at 80-100 % singular
forms), so a lower threshold reports ordinary good copy; a page that never once
speaks of "we", family or togetherness is what this rule is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.matching import base_language, tokens
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc, options_schema

CODE = "CL503"
NAME = "individual-framing"
OPTIONS = options_schema(
    **{
        "max-idv": {"type": "number", "minimum": 0, "maximum": 100, "default": 40},
        "min-pronouns": {"type": "integer", "minimum": 1, "default": 5},
        "min-share": {"type": "number", "minimum": 0, "maximum": 1, "default": 1.0},
    }
)

SINGULAR = "singular"
GROUP = "group"

# Word tables for languages written with spaces, matched on whole case-folded tokens.
# Singular: "I" and singular "you" in every form. Group: "we" in every form and words
# that put the reader in a group (together, family, team, community). Ambiguous forms
# are left out: Spanish and Portuguese "su"/"seu" (his, her, their, your), Portuguese
# "nos" (also "em + os", "in the": "nos EUA"), plural "you" (vocês, ustedes), which is
# neither a person alone nor a "we".
WORDS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        SINGULAR: frozenset("i me my mine myself you your yours yourself".split()),
        GROUP: frozenset(
            "we us our ours ourselves together family families team community everyone "
            "everybody".split()
        ),
    },
    "es": {
        SINGULAR: frozenset(
            "yo me mí mi mis mío mía conmigo tú tu tus te ti contigo usted".split()
        ),
        GROUP: frozenset(
            "nosotros nosotras nuestro nuestra nuestros nuestras nos juntos juntas familia "
            "familias equipo comunidad".split()
        ),
    },
    "pt": {
        SINGULAR: frozenset(
            "eu me mim meu minha meus minhas comigo você tu te ti teu tua teus tuas contigo".split()
        ),
        GROUP: frozenset(
            "nós nosso nossa nossos nossas juntos juntas família famílias equipe comunidade".split()
        ),
    },
    "id": {
        SINGULAR: frozenset("aku saya kamu anda engkau kau".split()),
        GROUP: frozenset("kita kami bersama keluarga tim komunitas".split()),
    },
    # Korean pronouns carry their particle in the same word; bare 저 ("that") is left
    # out, 여러분 ("all of you") is a group address.
    "ko": {
        SINGULAR: frozenset(
            "나 나는 내가 나의 나를 나도 저는 제가 저의 저를 저도 당신 당신은 당신이 당신의 "
            "당신을 당신에게 당신도 너 너는 네가 너의 너를 너도".split()
        ),
        GROUP: frozenset(
            "우리 우리는 우리가 우리의 우리를 우리도 저희 저희는 저희가 저희의 함께 가족 가족과 "
            "가족의 모두 모두가 여러분 여러분의 여러분도".split()
        ),
    },
}

# Patterns for languages written without spaces. Chinese: 我/你/您 not followed by the
# plural 们/們; Japanese: 私 only before a particle (私立 "private", 私鉄 "private
# railway" are not pronouns), あなた/僕 not followed by a plural suffix.
PATTERNS: dict[str, dict[str, re.Pattern[str]]] = {
    "zh": {
        SINGULAR: compile_cached(r"[我你您](?![们們])"),
        GROUP: compile_cached(r"我[们們]|咱[们們]|大家|一起|家人|全家|[团團][队隊]"),
    },
    "ja": {
        SINGULAR: compile_cached(
            r"あなた(?!たち|達|方|がた)|私(?=[はがのをにもとへ])|わたし(?!たち|達)"
            r"|僕(?!たち|達|ら)|俺(?!たち|達|ら)"
        ),
        GROUP: compile_cached(
            r"私たち|わたしたち|私達|私ども|僕ら|僕たち|みんな|皆さん|みなさん|皆様|みなさま"
            r"|一緒に|家族|チーム"
        ),
    },
}

LANGUAGES = frozenset(WORDS) | frozenset(PATTERNS)


class Pronoun(NamedTuple):
    kind: str  # SINGULAR or GROUP
    segment: Segment
    start: int
    end: int
    text: str
    offset: int


def find_pronouns(doc: Document, language: str) -> list[Pronoun]:
    """Singular and group forms of `language` in the document, in document order."""
    found: list[Pronoun] = []
    for segment in doc.segments:
        text = mask_non_copy(segment.text)
        for kind, start, end in _in_text(language, text):
            found.append(
                Pronoun(
                    kind,
                    segment,
                    start,
                    end,
                    segment.text[start:end],
                    segment.span(start, end)[0],
                )
            )
    found.sort(key=lambda p: p.offset)
    return found


def _in_text(language: str, text: str) -> Iterator[tuple[str, int, int]]:
    if language in PATTERNS:
        for kind, pattern in PATTERNS[language].items():
            for match in pattern.finditer(text):
                yield kind, match.start(), match.end()
        return
    table = WORDS.get(language)
    if table is None:
        return
    for start, end, folded, _lemma in tokens(language, text):
        if language == "en" and text[start:end] == "US":
            continue  # the United States, not "us"
        for kind, words in table.items():
            if folded in words:
                yield kind, start, end


# -- options --------------------------------------------------------------------------------


def _option(ctx: CheckContext, key: str) -> float:
    """An option from the config, whose type OPTIONS checked when it was loaded."""
    return float(ctx.config.option(CODE, NAME, key, OPTIONS["properties"][key]["default"]))


# -- the check -------------------------------------------------------------------------------


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    idv = profile.hofstede.get("idv") if profile.hofstede is not None else None
    if idv is None or idv > _option(ctx, "max-idv"):
        return
    found: list[Pronoun] = []
    for language in dict.fromkeys(base_language(lang) for lang in profile.languages):
        if language in LANGUAGES:
            found.extend(find_pronouns(doc, language))
    if len(found) < _option(ctx, "min-pronouns"):
        return
    singular = [p for p in found if p.kind == SINGULAR]
    group = [p for p in found if p.kind == GROUP]
    share = len(singular) / len(found)
    if not singular or share < _option(ctx, "min-share"):
        return
    first = min(singular, key=lambda p: p.offset)
    yield segment_hit(
        first.segment,
        first.start,
        first.end,
        f"{len(singular)} of {len(found)} pronouns in this file speak to or as one "
        f"person ({_examples(singular)}), {len(group)} of a group"
        f"{f' ({_examples(group)})' if group else ''}; {profile.tag} is collectivist "
        f"(individualism {idv}), where group benefit tends to carry copy",
        suggestion=(
            "Consider framing some benefits around the group: we, family, friends, "
            "colleagues, doing things together"
        ),
        evidence=_evidence(profile),
        severity=Severity.INFO,
    )


def _examples(pronouns: list[Pronoun], limit: int = 3) -> str:
    return ", ".join(list(dict.fromkeys(p.text for p in pronouns))[:limit])


def _evidence(profile: Profile) -> Evidence:
    return Evidence(
        profile=profile.tag,
        key="hofstede.idv",
        source=(
            "de Mooij, M. & Hofstede, G. (2010), International Journal of Advertising "
            "29(1): 85-110, doi:10.2501/S026504870920104X"
        ),
    )


def _applies(profile: Profile) -> bool:
    return any(base_language(lang) in LANGUAGES for lang in profile.languages)


CHECK = Check(
    code=CODE,
    name=NAME,
    category="tone",
    severity=Severity.INFO,
    options=OPTIONS,
    doc=RuleDoc(
        what=(
            'Copy framed only around "I" and "you" in a collectivist market. For each '
            "file the check counts first and second person singular pronouns (I, me, "
            "my, you, your; 我, 你, 您; あなた, 私; 나, 당신; aku, kamu; yo, tú; eu, "
            "você ...) against first person plural pronouns and group words (we, our, "
            "together, family, team; 我们, 大家, 一起; 私たち, みんな; 우리, 함께, 여러분; "
            "kita, kami, bersama; nosotros, juntos, familia; nós, juntos, família ...). "
            "When the file has at least 5 of them and all are singular (not one "
            "we or group word), it reports one finding at the first singular pronoun.\n\n"
            "It runs in markets whose Hofstede individualism score is 40 or less (zh-CN "
            "20, zh-TW 17, ko-KR 18, id-ID 14, es-MX 30, pt-BR 38 ...), for copy in "
            "English, Spanish, Portuguese, Chinese, Japanese, Korean and Indonesian. "
            "Options (`options: {individual-framing: {...}}`): `max-idv` (40), "
            "`min-pronouns` (5), `min-share` (1.0; 0.8 also reports files with a stray "
            '"we", but also much ordinary product copy, which addresses the reader as '
            '"you" throughout).\n\n'
            "Left out as ambiguous: Spanish su and Portuguese seu (his, her, their or "
            'your), Portuguese nos (also "in the"), plural you (vocês, ustedes, 你们), '
            "Japanese 私 not followed by a particle (私立, 私鉄), English US in capitals."
        ),
        why=(
            "Individualism, in Hofstede's model, is whether self-image is defined as "
            '"I" or "we". de Mooij & Hofstede (2010) relate it to advertising appeals: '
            "in collectivist cultures communication is indirect and relationship-first, "
            'and the benefit to the group (family, colleagues, "we") persuades more '
            "than the benefit to the individual; in individualist cultures (US 91, GB "
            "89) direct personal address fits. Scores are national averages and say "
            "nothing about a particular audience, so this is a prompt at info, never a "
            "rule."
        ),
        example=(
            "# market: zh-CN\n你值得拥有。我为你挑选了最适合你的礼物，你一定会喜欢，"
            "现在就为你自己下单吧。"
        ),
        good_example=("# market: zh-CN\n我们为你和家人精心挑选，和大家一起分享这份美好。"),
        fix=(
            "Frame some of the benefits around the group the reader belongs to: family, "
            "friends, colleagues, doing something together. If the piece is deliberately "
            "personal (a personal account page), suppress the rule for that file."
        ),
        sources=(
            'de Mooij, M. & Hofstede, G. (2010) "The Hofstede model: Applications to '
            'global branding and advertising strategy and research", International '
            "Journal of Advertising 29(1): 85-110, doi:10.2501/S026504870920104X",
            "Hofstede, G., Hofstede, G. J. & Minkov, M. (2010) Cultures and "
            "Organizations: Software of the Mind, 3rd ed., McGraw-Hill",
        ),
    ),
    run=run,
    applies=_applies,
    markets_label="idv <= 40 (option max-idv); copy in en, es, pt, zh, ja, ko, id",
)
