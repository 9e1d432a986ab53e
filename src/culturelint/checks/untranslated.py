"""CL102 untranslated: a translation identical to its source.

Identical is often right: a brand ("Firefox"), a product name, a word the target
language borrowed ("Online", "Cookies"), a string of placeholders. So a unit is
reported only when, after setting those aside, words that should have been
translated remain. Set aside:

- placeholders, tags, URLs, e-mail addresses and numbers;
- the project's `keep_terms` and `do_not_translate` terms and glossary entries whose
  translation is the term itself (`options: {l10n: {...}}`);
- words in `SAME_IN` for the target language (loanwords and words spelled the same
  in both languages: "Tools" in German, "Contact" in French, "Legal" in Spanish) and
  in `SAME_EVERYWHERE` ("OK", "Email", "Login", "vs");
- acronyms (PDF, VPN), words with inner capitals (GitHub, iPhone), and capitalised
  words after the first (names: "Firefox versus Apple Safari");
- a short string (up to four words) that also appears, unchanged, inside another,
  translated unit of the same file: a name the translator kept on purpose.

Fluent terms (`-brand-name = ...`) are names by definition and are not checked, and
neither are files whose language is the source language (en-GB from en-US).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from culturelint.checks._wordsets import market_word
from culturelint.document import Document
from culturelint.finding import Hit, Severity
from culturelint.l10n.compare import comparable, whole
from culturelint.l10n.extract import code_spans, mask
from culturelint.l10n.glossary import Glossary, load_glossary
from culturelint.l10n.options import L10nOptions, l10n_options
from culturelint.l10n.pairing import Pair
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

SAME_EVERYWHERE = frozenset(
    "ok okay e-mail email online offline login logout blog newsletter feedback chat "
    "podcast web internet app apps faq wi-fi wifi cookie cookies vs versus".split()
)
# Words written the same in English and the target language, common in UI and
# marketing copy. Deliberately short: a project adds its own with `keep_terms`.
SAME_IN: dict[str, frozenset[str]] = {
    "de": frozenset(
        "tools tool team support software hardware download downloads update updates "
        "design link links shop status start name tab tabs browser service partner "
        "manager marketing startup code video videos community feature features "
        "highlights trends style account".split()
    ),
    "fr": frozenset(
        "contact source sources date message messages service services type types note "
        "notes options option version versions navigation photo photos application "
        "applications description information question questions section article "
        "articles page pages image images menu code site sites support design "
        "marketing solution solutions public simple client clients communication "
        "culture nature national international global local total final original "
        "social normal minute minutes weekend test tests sport format formats "
        "notification notifications installation extension extensions confirmation "
        "action actions collection collections mission vision innovation".split()
    ),
    "es": frozenset(
        "legal general total final original social normal personal digital ideal local "
        "global central natural virtual visual manual error color hotel radio idea plan "
        "club popular regular similar simple hospital animal doctor festival capital "
        "principal material motor sector control".split()
    ),
    "pt": frozenset(
        "legal total final original social normal digital ideal local global central "
        "natural virtual visual manual hotel popular regular similar hospital animal "
        "festival capital principal material motor design marketing".split()
    ),
    "it": frozenset(
        "manager computer software hardware design marketing sport film bar business team "
        "standard stop test weekend privacy account password link download feedback "
        "tutorial social video radio idea area opera".split()
    ),
    "nl": frozenset(
        "team software download design status support service manager marketing app link "
        "links website account login tools start privacy feedback".split()
    ),
}
MAX_KEPT_NAME_WORDS = 4

_WORD = compile_cached(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result, pairs = comparable(doc, ctx)
    if result is None or result.source_language == result.target_language:
        return
    opts = l10n_options(ctx.config)
    kept = _kept_terms(opts, ctx.market, result.source_language)
    same = SAME_EVERYWHERE | SAME_IN.get(result.target_language, frozenset())
    translated = [p.segment.text for p in pairs if _norm(p.segment.text) != _norm(p.source or "")]
    for pair in pairs:
        if pair.segment.attrs.get("term") or _norm(pair.segment.text) != _norm(pair.source or ""):
            continue
        words = untranslated_words(pair.segment.text, kept, same)
        # "Hotel", "Information", "Innovation": words of the target language too, as
        # its lemma tables tell (the lists above hold those the tables lack).
        words = [
            w for w in words if not market_word(result.target_language, w, result.source_language)
        ]
        if not words:
            continue
        if _kept_as_name(pair, translated):
            continue
        yield whole(
            pair.segment,
            f"Translation is identical to the source text; words such as "
            f"“{' '.join(words[:3])}” are not translated",
            suggestion="Translate it; if it is a name that stays as it is, add it to "
            "`keep_terms` in options.l10n",
        )


def _norm(text: str) -> str:
    return " ".join(text.split())


def _kept_terms(opts: L10nOptions, market: str, source_language: str) -> list[str]:
    terms = [*opts.keep_terms, *opts.do_not_translate]
    glossary = Glossary()
    for path in opts.glossary:
        glossary = glossary.merged(load_glossary(path, source_language))
    terms.extend(glossary.do_not_translate)
    for term, targets in glossary.for_market(market, source_language).items():
        if term in targets:
            terms.append(term)
    return sorted(set(terms), key=len, reverse=True)


def untranslated_words(text: str, kept: list[str], same: frozenset[str]) -> list[str]:
    """The words of `text` that should have been translated (empty: nothing to say)."""
    masked = mask(text, code_spans(text))
    for term in kept:
        masked = re.sub(
            rf"(?<!\w){re.escape(term)}(?!\w)", lambda m: " " * len(m.group()), masked, flags=re.I
        )
    out = []
    for index, m in enumerate(_WORD.finditer(masked)):
        word = m.group()
        if word.casefold() in same or len(word) < 2:
            continue
        if word.isupper() or any(c.isupper() for c in word[1:].replace("-", "")):
            continue  # acronym or inner capitals: a name
        if index > 0 and word[0].isupper():
            continue  # a capitalised word after the first: a name
        out.append(word)
    return out


def _kept_as_name(pair: Pair, translated: list[str]) -> bool:
    text = _norm(pair.segment.text)
    if len(text.split()) > MAX_KEPT_NAME_WORDS:
        return False
    return any(text in _norm(other) for other in translated)


CHECK = Check(
    code="CL102",
    name="untranslated",
    category="language",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags a translation unit (PO msgstr, XLIFF target, JSON value, Fluent "
            "message) whose translation is identical to its source text, when words "
            "that should have been translated remain after setting aside what may stay "
            "as it is: placeholders, tags, URLs and numbers; the project's "
            "`keep_terms`, `do_not_translate` terms and glossary entries translated as "
            "themselves; a short list of words spelled the same in both languages (per "
            'target language, e.g. "Tools" in German, "Contact" in French, "OK" '
            'and "Email" everywhere); words of the target language by its lemma tables '
            '("Hotel" and "Information" in German); acronyms, words with inner capitals and '
            "capitalised words after the first (names); and a short string the same "
            "file uses, unchanged, inside a translated unit (a name kept on purpose). "
            "Fluent terms are names and are not checked; nor are translations into the "
            "source language (en-GB from en-US)."
        ),
        why=(
            "Tools and content systems copy the source into a missing translation, "
            "so an untranslated string does not look empty: it looks finished. The "
            "reader of the market sees English in the middle of their language, which "
            "reads as neglect (and in France, Quebec or Poland may breach a language "
            "law for advertising)."
        ),
        example='# de-DE\nmsgid "Start your free trial"\nmsgstr "Start your free trial"',
        good_example='msgid "Start your free trial"\nmsgstr "Kostenlos testen"',
        fix="Translate the unit. If the text is a name that stays in the source "
        "language, add it to `options: {l10n: {keep_terms: [...]}}` or to the glossary.",
        sources=(
            "GNU gettext manual, msgen (fills translations with a copy of the source, "
            "one way identical translations ship): "
            "https://www.gnu.org/software/gettext/manual/html_node/msgen-Invocation.html",
        ),
    ),
    run=run,
)
