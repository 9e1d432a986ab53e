"""CL807 glossary-term: the project's terminology, applied.

A source term whose required translation is absent from the translation, and a
do-not-translate term (a brand, a product name) present in the source but not in the
translation. The glossary is `options: {l10n: {glossary: PATH}}` (TBX, YAML or CSV,
see culturelint.l10n.glossary); do-not-translate terms come from the glossary and
`options: {l10n: {do_not_translate: [...]}}`.

Source terms match whole words, case-insensitively, with an English plural ending
("account" matches "accounts"). In the translation a required term matches
case-insensitively at the start of a word and may carry an ending ("Konto" matches
"Kontos"); in Chinese, Japanese and Thai anywhere. A do-not-translate term must appear
exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from culturelint.document import Document
from culturelint.finding import Hit, Severity
from culturelint.l10n.compare import comparable, whole
from culturelint.l10n.glossary import Glossary, load_glossary
from culturelint.l10n.options import l10n_options
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

UNSPACED = frozenset({"ja", "zh", "th", "lo", "km", "my"})


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result, pairs = comparable(doc, ctx)
    if result is None or not pairs or result.source_language == result.target_language:
        return
    opts = l10n_options(ctx.config)
    glossary = Glossary()
    for path in opts.glossary:
        glossary = glossary.merged(load_glossary(path, result.source_language))
    required = glossary.for_market(ctx.market, result.source_language)
    keep = list(dict.fromkeys([*opts.do_not_translate, *glossary.do_not_translate]))
    if not required and not keep:
        return
    unspaced = result.target_language in UNSPACED
    for pair in pairs:
        source, target = pair.source or "", pair.segment.text
        for term in keep:
            if _source_re(term).search(source) and term not in target:
                yield whole(
                    pair.segment,
                    f"“{term}” is a do-not-translate term in the source but not in the translation",
                    suggestion=f"Keep “{term}” exactly as written",
                )
        for term, targets in required.items():
            if term in keep or not _source_re(term).search(source):
                continue
            if any(_target_found(t, target, unspaced) for t in targets):
                continue
            wanted = " or ".join(f"“{t}”" for t in targets)
            yield whole(
                pair.segment,
                f"Glossary: “{term}” should be translated as {wanted}",
                suggestion=f"Use {wanted}, the project's term for “{term}”",
            )


@lru_cache(maxsize=1024)
def _source_re(term: str) -> re.Pattern[str]:
    return compile_cached(rf"(?<!\w){re.escape(term)}(?:s|es)?(?!\w)", re.I)


def _target_found(term: str, text: str, unspaced: bool) -> bool:
    if unspaced:
        return term.casefold() in text.casefold()
    return re.search(rf"(?<!\w){re.escape(term)}", text, re.I) is not None


CHECK = Check(
    code="CL807",
    name="glossary-term",
    category="l10n",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Applies the project's glossary to translations. Flags a unit whose source "
            "contains a glossary term when the translation contains none of the "
            "term's required translations for the market, and a unit whose source "
            "contains a do-not-translate term (a brand, a product name) when the "
            "translation does not contain it exactly as written.\n\n"
            "Configure it in culturelint.yaml: `options: {l10n: {glossary: "
            "terms.tbx, do_not_translate: [Acme Cloud]}}`. Glossaries may be TBX "
            "(TermBase eXchange), YAML (`{account: {de: Konto, ja: アカウント}}`, plus "
            "a `do_not_translate:` list) or CSV (`source,lang,target`). Source terms "
            "match whole words with an English plural ending; required translations "
            'match at the start of a word and may carry an inflection ending ("Konto" '
            'matches "Kontos"); in Chinese, Japanese and Thai anywhere in the text. '
            "Without a glossary or do-not-translate terms the rule does nothing."
        ),
        why=(
            "Consistent terminology is what makes a brand sound like one company in "
            "every market: the same feature called three different things confuses "
            'customers and support, and a translated product name ("Acme Wolke") '
            "creates a brand nobody registered."
        ),
        example="# de-DE, glossary {account: {de: Konto}}\n"
        'msgid "Create your account"\nmsgstr "Erstellen Sie Ihr Benutzerprofil"',
        good_example='msgstr "Erstellen Sie Ihr Konto"',
        fix="Use the glossary's term; if the glossary is wrong for this context, "
        "update the glossary rather than the translation.",
        sources=(
            "ISO 30042:2019, TermBase eXchange (TBX): https://www.iso.org/standard/62510.html",
        ),
    ),
    run=run,
)
