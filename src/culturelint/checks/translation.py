"""CL804 missing-translation and CL805 length-limit: a unit with no translation, and a
translation too long for the space it has.

Options (culturelint.yaml):

    options:
      CL805:
        limits: {"cta.*": 20, "nav.*": 12}  # key glob -> maximum display width
        max_ratio: 3.0          # translation/source width above which to report (info);
                                # 0 turns the ratio check off
        min_source_length: 10   # shorter sources are not ratio-checked
"""

from __future__ import annotations

import fnmatch
import unicodedata
from collections.abc import Iterator
from typing import Any

from culturelint.checks._util import CharacterTable, segment_hit, trimmed
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.l10n.compare import quoted, whole
from culturelint.l10n.pairing import pairing
from culturelint.registry import Check, CheckContext, RuleDoc, options_schema

# -- CL804 ------------------------------------------------------------------------------


def run_missing(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result = pairing(doc, ctx)
    if result is None or result.is_source:
        return
    for unit in result.empty:
        about = f" (source: {quoted(unit.source)})" if unit.source else ""
        if "nplurals" in unit.attrs:
            yield Hit(
                unit.start,
                unit.end,
                f"`{unit.key}` has no msgstr[{unit.attrs['plural']}]: the Plural-Forms "
                f"header asks for {unit.attrs['nplurals']} plural forms{about}",
                suggestion="Add the missing plural form; until then numbers that need it "
                "show the source text",
            )
            continue
        yield Hit(
            unit.start,
            unit.end,
            f"`{unit.key}` has no translation{about}",
            suggestion="Translate the unit; until then the product shows the source text "
            "or nothing",
        )
    for missing in result.missing:
        yield Hit(
            missing.start,
            missing.end,
            f"Key `{missing.key}` of {result.source_path} is missing from this translation "
            f"(source: {quoted(missing.source)})",
            suggestion="Add the key with its translation",
        )


# -- CL805 ------------------------------------------------------------------------------

DEFAULT_MAX_RATIO = 3.0
DEFAULT_MIN_SOURCE = 10


def display_width(text: str) -> int:
    """Columns the text takes: East Asian wide and full-width characters count 2,
    combining marks 0."""
    if text.isascii():
        return len(text)  # one column each, the common case
    return len(text.translate(_COLUMNS))


def _columns(char: str) -> str:
    """One mark per column the character takes."""
    if unicodedata.combining(char):
        return ""
    return "||" if unicodedata.east_asian_width(char) in ("W", "F") else "|"


_COLUMNS = CharacterTable(_columns)


def run_length(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    result = pairing(doc, ctx)
    if result is None or result.is_source:
        return
    limits = _option(ctx, "limits", {})
    max_ratio = float(_option(ctx, "max_ratio", DEFAULT_MAX_RATIO) or 0)
    min_source = int(_option(ctx, "min_source_length", DEFAULT_MIN_SOURCE))
    for pair in result.pairs:
        segment = pair.segment
        hit = _over_limit(segment, limits)
        if hit is not None:
            yield hit
            continue
        source_width = display_width(pair.source.strip()) if max_ratio and pair.source else 0
        if source_width and source_width >= min_source:
            width = display_width(segment.text.strip())
            if width > max_ratio * source_width:
                yield whole(
                    segment,
                    f"Translation is {width / source_width:.1f} times as long as its source "
                    f"(width {width} for {source_width}; limit {max_ratio:g}x)",
                    suggestion="Check that the translation says only what the source says",
                    severity=Severity.INFO,
                )


def _option(ctx: CheckContext, key: str, default: Any) -> Any:
    return ctx.config.option(LENGTH_CODE, LENGTH_NAME, key, default)


def _over_limit(segment: Segment, limits: dict[str, Any]) -> Hit | None:
    """The part of the translation beyond its limit, if it has one and exceeds it.

    A limit the file declares in characters (XLIFF maxwidth with size-unit "char",
    a structured-JSON character_limit) counts code points, as the file says; a limit
    from the config counts display width (a CJK character takes two columns)."""
    limit = segment.attrs.get("max_length")
    measure = len
    unit = "characters"
    if limit is None and segment.key is not None:
        for pattern, value in limits.items():
            if fnmatch.fnmatchcase(segment.key, str(pattern)):
                limit, measure, unit = int(value), display_width, "columns"
                break
    if limit is None:
        return None
    start, end = trimmed(segment.text)
    text = segment.text[start:end]
    if measure(text) <= limit:
        return None
    cut = 0
    while cut < len(text) and measure(text[: cut + 1]) <= limit:
        cut += 1
    return segment_hit(
        segment,
        start + cut,
        end,
        f"Translation is {measure(text)} {unit} long; `{segment.key}` allows {limit}",
        suggestion="Shorten the translation to fit (the marked part does not)",
    )


# -- rule documentation ------------------------------------------------------------------------

MISSING = Check(
    code="CL804",
    name="missing-translation",
    category="l10n",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags units with no translation: an empty msgstr in a PO file (a fuzzy "
            "entry is a translator's draft and counts as present), a PO plural entry "
            "with fewer msgstr[] forms than its Plural-Forms header asks for, an "
            "XLIFF unit whose <target> is missing or empty, an empty or null value in "
            "JSON, and a key of the source-language file that the JSON or Fluent "
            "translation does not have (i18next plural keys count as present when any "
            "plural form of the key is).\n\n"
            "Where it points: an empty unit at its msgstr, <target> or value; a missing "
            "plural form at the entry's last msgstr[]; a key "
            "missing from a JSON file at the closing brace of the object it belongs in; "
            "a key missing from a Fluent file at the start of the file. POT templates "
            "and files in the source language are not checked."
        ),
        why=(
            "An untranslated string falls back to the source language or to nothing: "
            "a button with no label, an English sentence in the middle of a Japanese "
            "page. Release pipelines rarely fail on it, so it ships."
        ),
        example='# de-DE\nmsgid "Add to cart"\nmsgstr ""',
        good_example='msgid "Add to cart"\nmsgstr "In den Warenkorb"',
        fix="Translate the unit (or add the missing key). If the source text should "
        "show on purpose, copy it into the translation.",
        sources=(
            "GNU gettext manual, The Format of PO Files: "
            "https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html",
        ),
    ),
    run=run_missing,
)

LENGTH_CODE = "CL805"
LENGTH_NAME = "length-limit"
LENGTH_OPTIONS = options_schema(
    limits={
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 1},
        "description": "key glob -> largest display width",
    },
    max_ratio={"type": "number", "minimum": 0, "default": DEFAULT_MAX_RATIO},
    min_source_length={"type": "integer", "minimum": 0, "default": DEFAULT_MIN_SOURCE},
)

LENGTH = Check(
    code=LENGTH_CODE,
    name=LENGTH_NAME,
    category="l10n",
    severity=Severity.WARNING,
    options=LENGTH_OPTIONS,
    doc=RuleDoc(
        what=(
            "Flags a translation longer than the space it has. The limit comes from "
            'the file (XLIFF `maxwidth` with `size-unit="char"`, XLIFF 2 '
            "`slr:sizeRestriction`, a structured-JSON `character_limit`; counted in "
            'characters) or from the config: `options: {CL805: {limits: {"cta.*": '
            "20}}}` maps key globs to a maximum display width, in which Chinese, "
            "Japanese and Korean characters count two columns. The finding marks the "
            "part that does not fit.\n\n"
            f"Without a limit, a translation more than {DEFAULT_MAX_RATIO:g} times as wide "
            f"as a source of at least {DEFAULT_MIN_SOURCE} columns is reported as info "
            "(`max_ratio`, `min_source_length`; `max_ratio: 0` turns it off): usually "
            "text added by mistake or two strings merged."
        ),
        why=(
            "Buttons, navigation and push notifications have fixed space. German runs "
            "about a third longer than English; a string that overflows is cut off or "
            "breaks the layout in that language only."
        ),
        example='# de-DE, XLIFF maxwidth="10" size-unit="char"\n'
        "<source>Buy now</source> <target>Jetzt kaufen und sparen</target>",
        good_example="<target>Kaufen</target>",
        fix="Shorten the translation, or agree a larger limit with the design team.",
        sources=(
            "OASIS XLIFF 1.2, maxwidth and size-unit: "
            "http://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html#maxwidth",
            "Unicode Standard Annex #11, East Asian Width: https://www.unicode.org/reports/tr11/",
        ),
    ),
    run=run_length,
)

CHECKS = [MISSING, LENGTH]
