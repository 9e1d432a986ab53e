"""CL104 language-law: foreign terms in copy where a language law asks for the
market's own word.

The profile's `language_law` section names the law and lists foreign terms with the
official equivalent (for France, the terms the Commission d'enrichissement de la
langue française publishes in the Journal officiel and FranceTerme lists: e-mail ->
courriel, hashtag -> mot-dièse). A term is not reported when the copy already gives
the equivalent in the same segment (the Loi Toubon accepts a foreign term next to its
translation), when it is quoted as a word (« hashtag »), when it is a hashtag or
handle itself (#startup, @newsletter), or when the project lists it as a
do-not-translate term (a brand name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from culturelint.checks._util import first_sentence, mask_non_copy, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.l10n.options import OPTIONS_KEY as L10N_OPTIONS
from culturelint.matching import TermMatch, matcher_for
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import STRINGS, Check, CheckContext, RuleDoc, options_schema

CODE = "CL104"
NAME = "language-law"
SECTION = "language_law"
KEEP_OPTION = "keep_terms"

# A quotation this short around a term is a mention of the word, not a use of it.
MAX_QUOTED = 40
_QUOTED = compile_cached(
    "|".join(
        f"{re.escape(left)}[^{re.escape(right)}]{{1,{MAX_QUOTED}}}{re.escape(right)}"
        for left, right in (("«", "»"), ("“", "”"), ('"', '"'), ("‘", "’"))
    )
)


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    law = profile.section(SECTION)
    terms = [t for t in law.get("terms") or [] if t.get("foreign") and t.get("equivalent")]
    if not terms:
        return
    language = str(law.get("language") or profile.language)
    project = ctx.config.options.get(L10N_OPTIONS)
    project = project if isinstance(project, dict) else {}
    keep = {
        str(k).casefold()
        for key in (KEEP_OPTION, "do_not_translate")
        for k in _as_list(project.get(key))
    }
    keep.update(str(k).casefold() for k in _as_list(ctx.config.option(CODE, NAME, KEEP_OPTION)))
    finders = []
    for term in terms:
        foreign = [str(f) for f in term["foreign"]]
        if any(f.casefold() in keep for f in foreign):
            continue  # one spelling kept keeps them all: "e-mail" is also "emails"
        equivalents = [str(e) for e in term["equivalent"]]
        if foreign:
            finders.append(
                (
                    term,
                    equivalents,
                    matcher_for(language, foreign),
                    matcher_for(language, equivalents),
                )
            )
    for segment in doc.segments:
        text = mask_non_copy(segment.text)
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        found = []
        for term, equivalents, finder, translation in finders:
            matches = finder.find(text)
            if not matches or translation.find(text):
                continue
            found.extend((m, term, equivalents) for m in matches if not _mentioned(text, m, quoted))
        for match, term, equivalents in sorted(found, key=lambda f: (f[0].start, f[0].end)):
            yield _hit(segment, match, profile, law, term, equivalents)


def _mentioned(text: str, match: TermMatch, quoted: list[tuple[int, int]]) -> bool:
    """A term in a short quotation, or one that is itself a hashtag or handle."""
    if match.start > 0 and text[match.start - 1] in "#@":
        return True
    return any(start < match.start and match.end < end for start, end in quoted)


def _hit(
    segment: Segment,
    match: TermMatch,
    profile: Profile,
    law: dict[str, Any],
    term: dict[str, Any],
    equivalents: list[str],
) -> Hit:
    found = segment.text[match.start : match.end]
    law_name = str(law.get("law") or "the language law")
    official = " or ".join(f"'{e}'" for e in equivalents)
    message = f"'{found}' has an official equivalent, {official} ({law_name})"
    rule = first_sentence(str(law.get("message") or ""))
    if rule:
        message += f": {rule}"
    sources = [*_as_list(term.get("source")), *_as_list(law.get("source"))]
    severity = profile.severity_for(term, profile.severity_for(law, Severity.WARNING))
    return segment_hit(
        segment,
        match.start,
        match.end,
        message,
        suggestion=f"Write '{equivalents[0]}'"
        + (f" (or {', '.join(repr(e) for e in equivalents[1:])})" if len(equivalents) > 1 else "")
        + f" instead of '{found}', or give it next to the term",
        evidence=Evidence(
            profile=profile.tag,
            key=f"{SECTION}.{term.get('id') or equivalents[0]}",
            source="; ".join(sources) or None,
        ),
        severity=severity,
    )


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


CHECK = Check(
    code=CODE,
    name=NAME,
    category="language",
    severity=Severity.WARNING,
    options=options_schema(
        **{KEEP_OPTION: {**STRINGS, "description": "foreign terms to allow, such as brand names"}}
    ),
    doc=RuleDoc(
        what=(
            "Flags foreign terms that a market's language law wants replaced by an "
            "official equivalent, from the profile's `language_law` section: the law, "
            "a message, and `terms`, each with its `foreign` spellings, the official "
            "`equivalent`s and a source. The fr-FR profile lists common marketing "
            "anglicisms with the terms the Commission d'enrichissement de la langue "
            "française published in the Journal officiel (e-mail -> courriel, "
            "hashtag -> mot-dièse, newsletter -> lettre d'information, start-up -> "
            "jeune pousse, smartphone -> mobile multifonction, streaming -> flux, "
            "click and collect -> retrait en magasin ...).\n\n"
            "Terms are matched on lemmas in the market's language, so plurals count "
            "(e-mails). A term is not reported when an equivalent appears in the same "
            "segment (a translation given next to the foreign term), when it stands in "
            f"a short quotation (up to {MAX_QUOTED} characters: « hashtag »), when it "
            "is itself a hashtag or handle (#startup), inside a link or e-mail "
            "address, or when it is one of the project's do-not-translate terms "
            "(option `keep_terms`, for brand names; one spelling of an entry keeps "
            "all of them).\n\n"
            "Markets without a `language_law` section are not checked. Poland's "
            "Language Act requires Polish in offers and consumer information but has "
            "no official list of equivalents, so pl-PL has no term list; whole "
            "untranslated phrases are CL101's and CL103's findings."
        ),
        why=(
            "France's Loi Toubon (loi n° 94-665 du 4 août 1994, art. 2) requires "
            "French in the designation, offer, presentation and description of goods "
            "and services and in all written, spoken or audiovisual advertising; a "
            "foreign term may appear only with a French translation, and the "
            "self-regulator ARPP asks advertisers to prefer the official equivalents "
            "published by the Commission d'enrichissement de la langue française "
            "(FranceTerme). Breaches are fined up to €750 per offence (décret du 3 "
            "mars 1995)."
        ),
        example=(
            "# market: fr-FR\nInscrivez-vous à notre newsletter et recevez nos offres par e-mail."
        ),
        good_example=(
            "# market: fr-FR\n"
            "Inscrivez-vous à notre lettre d'information et recevez nos offres par courriel."
        ),
        fix=(
            "Use the official equivalent, or give it next to the foreign term. Brand "
            "names that contain such a term go into "
            "`options: {language-law: {keep_terms: [...]}}`."
        ),
        sources=(
            "Loi n° 94-665 du 4 août 1994, art. 2: "
            "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000006421210",
            "FranceTerme (Commission d'enrichissement de la langue française): "
            "https://www.culture.fr/franceterme",
            'ARPP, "Langue française" doctrine (29 May 2024): '
            "https://www.arpp.org/actualite/loi-toubon-30-ans-arpp-publicite-pour-bon-usage-langue-francaise/",
        ),
    ),
    run=run,
    applies=lambda profile: bool(profile.section(SECTION).get("terms")),
    markets_label="markets whose profile has a language_law section",
)
