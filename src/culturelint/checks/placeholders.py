"""CL801 placeholder-mismatch and CL802 markup-mismatch: what code fills in or renders
must come through translation unchanged.

A placeholder the translation drops shows the raw key or nothing at run time; one it
adds or misspells ("{nmae}") crashes the formatter or prints a blank; a tag it loses
breaks the page's markup. Both rules compare each translated unit with its source
(see culturelint.l10n.pairing for where the source comes from).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from culturelint.checks._util import segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.l10n.compare import by_message, comparable, whole
from culturelint.l10n.extract import Token, placeholders, tags, unbalanced
from culturelint.l10n.pairing import Pair
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# -- CL801 ------------------------------------------------------------------------------


def run_placeholders(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    _pairing, pairs = comparable(doc, ctx)
    for group in by_message(pairs):
        first = group[0]
        if "refs" in first.segment.attrs and first.source_segment is not None:
            yield from _fluent(group)
        elif "plural" in first.segment.attrs and first.segment.attrs.get("msgid_plural"):
            yield from _po_plural(first)
        else:
            for pair in group:
                yield from _generic(pair)


def _generic(pair: Pair) -> Iterator[Hit]:
    assert pair.source is not None
    source = placeholders(pair.source)
    target = placeholders(pair.segment.text)
    if source.branchy or target.branchy:
        missing = sorted(set(_keys(source.tokens)) - set(_keys(target.tokens)))
        extra_keys = set(_keys(target.tokens)) - set(_keys(source.tokens))
    else:
        diff_missing = Counter(_keys(source.tokens)) - Counter(_keys(target.tokens))
        missing = sorted(diff_missing.elements())
        extra_keys = set((Counter(_keys(target.tokens)) - Counter(_keys(source.tokens))).elements())
    yield from _report(
        pair.segment, missing, target.tokens, extra_keys, set(), _printf(pair.source)
    )


def _po_plural(pair: Pair) -> Iterator[Hit]:
    """A plural form used for one number only (msgstr[0] for n == 1 in English and
    German) may drop what only the other source form has ("One file" / "%d files");
    a form used for many numbers must keep everything of msgid_plural, as msgfmt's
    format check wants. No form may add what neither source form has."""
    segment = pair.segment
    forms = [placeholders(t) for t in (_msgid(pair), segment.attrs["msgid_plural"])]
    sets = [set(_keys(f.tokens)) for f in forms]
    one_number = segment.attrs.get("one_number", segment.attrs.get("plural") == 0)
    required = sets[0] & sets[1] if one_number else sets[1]
    allowed = sets[0] | sets[1]
    target = placeholders(segment.text)
    found = set(_keys(target.tokens))
    extra = found - allowed
    written = _printf(segment.attrs["msgid_plural"]) | _printf(_msgid(pair))
    yield from _report(segment, sorted(required - found), target.tokens, extra, set(), written)


def _msgid(pair: Pair) -> str:
    """The singular msgid of a plural entry (the key without its context)."""
    key = pair.segment.key or ""
    context = pair.segment.attrs.get("context")
    return key[len(context) + 1 :] if context else key


def _fluent(group: list[Pair]) -> Iterator[Hit]:
    """A Fluent message is compared as a whole: every variable and term it uses,
    selectors included. With a select expression only which names are used counts
    (a variant may leave out `{ $count }`); without one, how often each variable is
    used as well. Terms count by presence only."""
    segment = group[0].segment
    source_segment = group[0].source_segment
    assert source_segment is not None
    target_refs = Counter(segment.attrs.get("refs", {}))
    source_refs = Counter(source_segment.attrs.get("refs", {}))
    as_sets = segment.attrs.get("select") or source_segment.attrs.get("select")
    for refs in (target_refs, source_refs):
        for name in list(refs):
            # Terms are names in the text: a translation may use one more or less
            # often as its sentences need; only one that is missing or new counts.
            if as_sets or name.startswith("-"):
                refs[name] = 1
    missing = sorted((source_refs - target_refs).elements())
    extra = set((target_refs - source_refs).elements())
    tokens: list[tuple[Segment, Token]] = []
    for pair in group:
        for token in placeholders(pair.segment.text).tokens:
            tokens.append((pair.segment, token))
    missing_keys = [_fluent_key(name) for name in missing]
    extra_keys = {_fluent_key(name) for name in extra}
    terms = {_fluent_key(name) for name in (*missing, *extra) if name.startswith("-")}
    reported: set[str] = set()
    for key in missing_keys:
        yield _missing_hit(segment, key, key in terms)
    for owner, token in tokens:
        if token.key in extra_keys and token.key not in reported:
            reported.add(token.key)
            yield _extra_hit(owner, token, token.key in terms)
    for key in sorted(extra_keys - reported):
        yield whole(segment, f"{key} is not in the source", severity=_severity(key in terms))


def _fluent_key(name: str) -> str:
    return "{" + name + "}"


def _keys(tokens: list[Token]) -> list[str]:
    return [t.key for t in tokens]


def _printf(source: str) -> dict[str, str]:
    """printf conversions of the source by key, as the source writes them.

    Conversions are compared by position ("%s ... %d" is "%1$s ... %2$d"), but a
    message must show what the writer sees: "%d (conversion 2)", not "%2$d". Other
    placeholders are shown by their key ("{count}" for a whole ICU plural).
    """
    written: dict[str, str] = {}
    for token in placeholders(source).tokens:
        if token.kind == "printf":
            written.setdefault(token.key, source[token.start : token.end])
    return written


_POSITION = compile_cached(r"%(\d+)\$")


def _report(
    segment: Segment,
    missing: list[str],
    target_tokens: list[Token],
    extra: set[str],
    terms: set[str],
    written: dict[str, str] | None = None,
) -> Iterator[Hit]:
    written = written or {}
    # Positions ("%1$") where the translation has a conversion of another type.
    swapped = {
        t.key[: t.key.index("$") + 1]
        for t in target_tokens
        if t.key in extra and _in_its_place(t, written) is not None
    }
    for key in missing:
        position = _POSITION.match(key)
        if position is not None and position.group(0) in swapped:
            continue  # reported below, where the other conversion stands
        yield _missing_hit(segment, key, key in terms, written.get(key, key))
    reported: set[str] = set()
    for token in target_tokens:
        if token.key in extra and token.key not in reported:
            reported.add(token.key)
            yield _extra_hit(segment, token, token.key in terms, _in_its_place(token, written))


def _in_its_place(token: Token, written: dict[str, str]) -> str | None:
    """For a printf conversion the source has at the same position but of another
    type ("%d" where the source's conversion 1 is "%s"), what the source has there."""
    position = _POSITION.match(token.key) if token.kind == "printf" else None
    if position is None:
        return None
    prefix = position.group(0)
    return next((w for k, w in written.items() if k.startswith(prefix)), None)


def _severity(is_term: bool) -> Severity | None:
    # A term reference is text, not data: a missing one reads oddly but breaks nothing.
    return Severity.WARNING if is_term else None


def _missing_hit(segment: Segment, key: str, is_term: bool, written: str | None = None) -> Hit:
    what = "Term reference" if is_term else "Placeholder"
    spelled = written or key
    position = _POSITION.match(key)
    shown = (
        f"{spelled} (conversion {position.group(1)})" if position and spelled != key else spelled
    )
    return whole(
        segment,
        f"{what} {shown} of the source is missing from the translation",
        suggestion=f"Add {spelled} to the translation, spelled exactly as in the source",
        severity=_severity(is_term),
    )


def _extra_hit(segment: Segment, token: Token, is_term: bool, instead: str | None = None) -> Hit:
    what = "Term reference" if is_term else "Placeholder"
    found = segment.text[token.start : token.end]
    if instead is not None:
        position = _POSITION.match(token.key)
        assert position is not None
        message = (
            f"{what} {found} is conversion {position.group(1)} here, but the source's is "
            f"{instead}: printf conversions must keep their order and type"
        )
        suggestion = "Keep the source's order, or number the conversions (%1$s, %2$d)"
    else:
        message = f"{what} {found} is not in the source"
        suggestion = "Use the source's placeholders only, spelled exactly as in the source"
    return segment_hit(
        segment, token.start, token.end, message, suggestion=suggestion, severity=_severity(is_term)
    )


# -- CL802 ------------------------------------------------------------------------------

# Inline codes named in one message; the rest are counted.
_SHOWN_CODES = 5
# Inline formatting a translation may add in balanced pairs, and line breaks it may add.
FORMATTING = ("i", "em", "b", "strong", "span", "sup", "sub", "nobr", "small")
BREAKS = ("br", "wbr")


def run_markup(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    _pairing, pairs = comparable(doc, ctx)
    for pair in pairs:
        yield from _markup(pair)


def _markup(pair: Pair) -> Iterator[Hit]:
    assert pair.source is not None
    segment = pair.segment
    source_tags = tags(pair.source)
    target_tags = tags(segment.text)
    source_count = Counter(t.key for t in source_tags)
    target_count = Counter(t.key for t in target_tags)
    for key in sorted((source_count - target_count).elements()):
        yield whole(
            segment,
            f"Tag {key} of the source is missing from the translation",
            suggestion="Keep the source's markup: the same tags, in a valid nesting",
        )
    extra = target_count - source_count
    for name in FORMATTING:
        # Emphasis or a line break the translation adds (italics for a foreign word,
        # a <br> where a CJK line wants to break) is typography, not a broken string.
        pairs = min(extra[f"<{name}>"], extra[f"</{name}>"])
        extra[f"<{name}>"] -= pairs
        extra[f"</{name}>"] -= pairs
    for name in BREAKS:
        extra[f"<{name}/>"] = 0
    for tag in target_tags:
        if extra[tag.key] > 0:
            extra[tag.key] -= 1
            yield segment_hit(
                segment,
                tag.start,
                tag.end,
                f"Tag {tag.key} is not in the source",
                suggestion="Remove the tag, or use the source's tags",
            )
    if not unbalanced(source_tags) and source_count == target_count:
        for tag in unbalanced(target_tags):
            state = "is never closed" if tag.kind == "open" else "closes a tag that is not open"
            yield segment_hit(
                segment,
                tag.start,
                tag.end,
                f"Tag {tag.key} {state}",
                suggestion="Nest the tags as the source does",
            )
    source_codes = Counter(segment.attrs.get("source_codes", []))
    target_codes = Counter(segment.attrs.get("codes", []))
    if "codes" in segment.attrs and source_codes != target_codes:
        missing = source_codes - target_codes
        added = target_codes - source_codes
        parts = []
        if missing:
            parts.append("missing " + _listed(missing))
        if added:
            parts.append("not in the source: " + _listed(added))
        yield whole(
            segment,
            "Inline codes differ from the source (" + "; ".join(parts) + ")",
            suggestion="Keep every inline code of the source (<g>, <x/>, <ph>, <pc> ...) "
            "with its id",
        )


def _listed(codes: Counter[str], shown: int = _SHOWN_CODES) -> str:
    """ "<g id="1">, </g> (3 times)": the first few codes, each once with its count,
    so a unit with thousands of codes gives a message a reader can take in."""
    names = sorted(codes)
    words = [f"{name} ({codes[name]} times)" if codes[name] > 1 else name for name in names]
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(words[:shown]) + more


# -- rule documentation ------------------------------------------------------------------------

PLACEHOLDERS = Check(
    code="CL801",
    name="placeholder-mismatch",
    category="l10n",
    severity=Severity.ERROR,
    doc=RuleDoc(
        what=(
            "Flags a translation whose placeholders differ from its source's: one "
            "dropped, one added, one misspelled. Every common syntax is read: ICU and "
            "Python `{name}`, `{0}`; i18next `{{name}}`; printf `%s`, `%d`, `%1$s`, "
            "`%(name)s`; Ruby `%{name}`; Chrome `$NAME$`; `$name`, `${name}`; Fluent "
            "`{ $var }`, `{ NUMBER($n) }` and `{ -term }`.\n\n"
            "Placeholders are compared as a multiset (the same ones, as often). printf "
            "conversions are compared by position, so `%2$s ... %1$s` matches `%s ... "
            "%s`. Plural and select messages compare names only: ICU `{count, plural, "
            "one {...} other {...}}` counts as its argument plus the placeholders of its "
            "branches, whatever branches the language's plural rules need; a Fluent "
            "message with a select expression may leave out a placeholder in one "
            'variant ("One file" / "%d files"). A PO plural form that the file\'s '
            "Plural-Forms formula uses for one number only (msgstr[0] in English or "
            "German, n == 1) may leave out what only msgid_plural has; every other form "
            "must keep all of msgid_plural's placeholders (in Russian msgstr[0] also "
            "serves 21 and 31, so it needs its %d), as `msgfmt --check` wants.\n\n"
            "A missing placeholder points at the translation; an added one at itself. "
            "Fluent term references (`{ -brand-name }`) are text, not data: a term "
            "dropped or added is a warning, not an error (a language may need another "
            "term form or the plain name)."
        ),
        why=(
            "Placeholders are filled in by code. A dropped `{name}` shows nothing where "
            "the customer's name belongs; a misspelled `{nmae}` or an extra `%s` makes "
            "the formatter print a raw key or throw, so the page or the app fails in "
            "that language only, where the team is least likely to look."
        ),
        example='# de-DE, source "Hello {name}, your order has shipped"\n'
        "Hallo {nmae}, Ihre Bestellung ist unterwegs",
        good_example="Hallo {name}, Ihre Bestellung ist unterwegs",
        fix=(
            "Copy the placeholders from the source exactly; translate around them. "
            "Reorder printf conversions with positions (`%2$s`) if the language needs "
            "another order."
        ),
        sources=(
            "Unicode ICU, Formatting Messages: "
            "https://unicode-org.github.io/icu/userguide/format_parse/messages/",
            "GNU gettext manual, Translating plural forms and c-format: "
            "https://www.gnu.org/software/gettext/manual/gettext.html",
            "Project Fluent syntax guide: https://projectfluent.org/fluent/guide/",
        ),
    ),
    run=run_placeholders,
)

MARKUP = Check(
    code="CL802",
    name="markup-mismatch",
    category="l10n",
    severity=Severity.ERROR,
    doc=RuleDoc(
        what=(
            "Flags a translation whose markup differs from its source's: HTML or XML "
            "tags missing, added or left unclosed (also tags written as `&lt;b&gt;`), "
            "and XLIFF inline codes (<g>, <x/>, <bpt>/<ept>, <ph>, <pc>, <sc>/<ec>) "
            "missing or added. Tags are compared by name; attributes may be translated "
            "(a `title`, an `alt`), and links are checked by CL806. A tag that is not "
            "closed is reported only when the source itself nests correctly. A "
            "translation may add inline formatting in balanced pairs (`<i>`, `<em>`, "
            "`<b>`, `<strong>`, `<span>`, `<sup>`, `<sub>`, `<small>`, `<nobr>`) and line "
            "breaks (`<br>`, `<wbr>`): italics for a foreign word, a break where a "
            "Japanese line should wrap.\n\n"
            "Character entities (`&nbsp;`, `&amp;`, `&hellip;`) are characters, not "
            "markup: a translation may use or drop them (French typography adds "
            "no-break spaces)."
        ),
        why=(
            "Markup in a string is rendered by the page: a lost `</a>` turns the rest "
            "of the paragraph into a link, a lost `<strong>` drops the emphasis the "
            "design relies on, and a missing inline code in XLIFF makes the file fail "
            "to merge back into its document."
        ),
        example='# ja-JP, source "Read our <a>privacy policy</a>"\n'
        "<a>プライバシーポリシー</b>をお読みください",
        good_example="<a>プライバシーポリシー</a>をお読みください",
        fix="Keep every tag and inline code of the source, nested the same way; "
        "translate only the text between them.",
        sources=(
            "OASIS XLIFF 1.2, Inline elements: "
            "http://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html#Struct_InLine",
            "OASIS XLIFF 2.1, Inline content: "
            "https://docs.oasis-open.org/xliff/xliff-core/v2.1/xliff-core-v2.1.html",
        ),
    ),
    run=run_markup,
)

CHECKS = [PLACEHOLDERS, MARKUP]
