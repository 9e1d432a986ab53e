"""CL201 colour-connotation: colours whose meaning in the market works against the copy.

The profile's `colours` entries say which colours carry a meaning (white and mourning
in East Asia, ...). The check looks for them twice: as words in the copy, and, on
landing pages, as colours that dominate the page's CSS (the body background, the hero,
the brand variables, a colour used again and again). A border or a line of white text
is not a statement; a white hero on a funeral-coloured market is. Image file names
count as words too: "white-gift-box.jpg" says what the picture shows.
"""

from __future__ import annotations

import colorsys
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import unquote

from culturelint.checks._util import first_sentence, script_of, segment_hit
from culturelint.document import CssColour, Document, Image
from culturelint.finding import Hit, Severity
from culturelint.matching import TermMatch, TermMatcher, matcher_for
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc, options_schema

# -- colour names --------------------------------------------------------------------------

CODE = "CL201"
NAME = "colour-connotation"
# Check option: look for the common names of the colour of entries without `words`.
COLOUR_NAMES_OPTION = "colour-names"

# Common names of each colour, for entries without `words` of their own when the
# `colour-names` option is on. Only the everyday words. Inflected forms are listed as
# well: matching also goes by lemma, but the lemma tables miss some ("schwarze").
# Japanese and Chinese match by characters, so a colour's single character would be
# found in every compound that holds it (白熱 "heated", 白菜 "cabbage", 黑客 "hacker",
# 青年 "youth"): only its colour forms are listed (白い, 真っ白, 白色).
VOCABULARY: dict[str, dict[str, list[str]]] = {
    "white": {
        "en": ["white"],
        "de": ["weiß", "weiße", "weißen", "weißer", "weißes"],
        "fr": ["blanc", "blanche"],
        "es": ["blanco", "blanca"],
        "pt": ["branco", "branca"],
        "it": ["bianco", "bianca"],
        "ja": ["白い", "白く", "真っ白", "白色", "ホワイト"],
        "zh": ["白色", "纯白", "雪白", "洁白"],
        "ko": ["흰색", "하얀색", "화이트"],
        "ar": ["أبيض", "بيضاء"],
    },
    "black": {
        "en": ["black"],
        "de": ["schwarz", "schwarze", "schwarzen", "schwarzer", "schwarzes"],
        "fr": ["noir", "noire"],
        "es": ["negro", "negra"],
        "pt": ["preto", "preta"],
        "it": ["nero", "nera"],
        "ja": ["黒い", "黒く", "真っ黒", "黒色", "ブラック"],
        "zh": ["黑色", "纯黑", "漆黑"],
        "ko": ["검은색", "검정색", "블랙"],
        "ar": ["أسود", "سوداء"],
    },
    "red": {
        "en": ["red"],
        "de": ["rot", "rote", "roten", "roter", "rotes"],
        "fr": ["rouge"],
        "es": ["rojo", "roja"],
        "pt": ["vermelho", "vermelha"],
        "it": ["rosso", "rossa"],
        "ja": ["赤い", "赤く", "真っ赤", "赤色", "レッド"],
        "zh": ["红色", "大红", "鲜红"],
        "ko": ["빨간색", "레드"],
        "ar": ["أحمر", "حمراء"],
    },
    "green": {
        "en": ["green"],
        "de": ["grün", "grüne", "grünen", "grüner", "grünes"],
        "fr": ["vert", "verte"],
        "es": ["verde"],
        "pt": ["verde"],
        "it": ["verde"],
        "ja": ["緑色", "グリーン"],
        "zh": ["绿色"],
        "ko": ["초록색", "녹색", "그린"],
        "ar": ["أخضر", "خضراء"],
    },
    "blue": {
        "en": ["blue"],
        "de": ["blau", "blaue", "blauen", "blauer", "blaues"],
        "fr": ["bleu", "bleue"],
        "es": ["azul"],
        "pt": ["azul"],
        "it": ["blu", "azzurro"],
        "ja": ["青い", "青く", "真っ青", "青色", "ブルー"],
        "zh": ["蓝色"],
        "ko": ["파란색", "블루"],
        "ar": ["أزرق", "زرقاء"],
    },
    "yellow": {
        "en": ["yellow"],
        "de": ["gelb", "gelbe", "gelben", "gelber", "gelbes"],
        "fr": ["jaune"],
        "es": ["amarillo", "amarilla"],
        "pt": ["amarelo", "amarela"],
        "it": ["giallo", "gialla"],
        "ja": ["黄色", "イエロー"],
        "zh": ["黄色"],
        "ko": ["노란색", "옐로"],
        "ar": ["أصفر", "صفراء"],
    },
    "purple": {
        "en": ["purple"],
        "de": ["lila", "violett", "violette", "violetten", "violetter", "violettes"],
        "fr": ["violet", "violette"],
        "es": ["morado", "morada"],
        "pt": ["roxo", "roxa"],
        "it": ["viola"],
        "ja": ["紫色", "パープル"],
        "zh": ["紫色"],
        "ko": ["보라색", "퍼플"],
        "ar": ["بنفسجي"],
    },
    "orange": {
        "en": ["orange"],
        "de": ["orange"],
        "fr": ["orange"],
        "es": ["naranja"],
        "pt": ["laranja"],
        "it": ["arancione"],
        "ja": ["橙色", "オレンジ"],
        "zh": ["橙色"],
        "ko": ["주황색", "오렌지"],
        "ar": ["برتقالي"],
    },
    "pink": {
        "en": ["pink"],
        "de": ["rosa", "pink"],
        "es": ["rosado", "rosada"],
        "pt": ["cor-de-rosa"],
        "it": ["rosa"],
        "ja": ["桃色", "ピンク"],
        "zh": ["粉色", "粉红色"],
        "ko": ["분홍색", "핑크"],
        "ar": ["وردي"],
    },
    "gold": {
        "en": ["gold", "golden"],
        "de": ["gold", "golden", "goldene", "goldenen", "goldener", "goldenes"],
        "fr": ["doré", "dorée"],
        "es": ["dorado", "dorada"],
        "pt": ["dourado", "dourada"],
        "it": ["dorato", "dorata"],
        "ja": ["金色", "ゴールド"],
        "zh": ["金色"],
        "ko": ["금색", "골드"],
        "ar": ["ذهبي"],
    },
    "brown": {
        "en": ["brown"],
        "de": ["braun", "braune", "braunen", "brauner", "braunes"],
        "fr": ["marron"],
        "es": ["marrón"],
        "pt": ["marrom"],
        "it": ["marrone"],
        "ja": ["茶色", "ブラウン"],
        "zh": ["棕色", "褐色"],
        "ko": ["갈색", "브라운"],
    },
    "grey": {
        "en": ["grey", "gray"],
        "de": ["grau", "graue", "grauen", "grauer", "graues"],
        "fr": ["gris", "grise"],
        "es": ["gris"],
        "pt": ["cinza"],
        "it": ["grigio", "grigia"],
        "ja": ["灰色", "グレー"],
        "zh": ["灰色"],
        "ko": ["회색", "그레이"],
        "ar": ["رمادي"],
    },
}

# Words that contain a colour word but do not name the colour: "面白い" (interesting)
# holds 白, "ich weiß" (I know) is not white, "Black Friday" is a sale. A colour word
# inside one of these is not reported, whoever listed the colour word.
NOT_COLOUR: dict[str, list[str]] = {
    "ja": [
        "面白",
        "告白",
        "白状",
        "空白",
        "余白",
        "明白",
        "白紙",
        "ホワイトデー",
        "ホワイトリスト",
        "ブラックリスト",
        "ブラックフライデー",
        "黒字",
        "赤字",
        "赤ちゃん",
        "赤ん坊",
        "青年",
        "青春",
        "紫外線",
    ],
    "zh": [
        "白名单",
        "黑名单",
        "明白",
        "白天",
        "坦白",
        "白费",
        "空白",
        "白白",
        "告白",
        "黑客",
        "网红",
        "红利",
        "蓝牙",
        "紫外线",
    ],
    "en": ["black friday", "white paper", "white label", "white-label"],
    "de": ["black friday", "ich weiß", "er weiß", "sie weiß", "es weiß", "man weiß", "wer weiß"],
}

# -- colours in CSS ------------------------------------------------------------------------


class Family(NamedTuple):
    """Where a named colour lies in HSL: hue ranges in degrees, saturation and lightness
    ranges in 0..1, and for the neutral colours a limit on chroma (max - min of R, G, B)."""

    hues: tuple[tuple[float, float], ...] = ()  # empty: any hue
    saturation: tuple[float, float] = (0.0, 1.0)
    lightness: tuple[float, float] = (0.0, 1.0)
    max_chroma: float = 1.0

    def contains(self, hue: float, saturation: float, lightness: float, chroma: float) -> bool:
        if chroma > self.max_chroma:
            return False
        if not self.saturation[0] <= saturation <= self.saturation[1]:
            return False
        if not self.lightness[0] <= lightness <= self.lightness[1]:
            return False
        return not self.hues or any(lo <= hue < hi for lo, hi in self.hues)


_REDS = ((345.0, 360.0), (0.0, 15.0))

# Ranges are generous inside the colour and strict at the edges: a brand red is red, a
# salmon is not. A colour may belong to two families (a gold is also a yellow).
FAMILIES: dict[str, Family] = {
    "white": Family(lightness=(0.93, 1.0), max_chroma=0.12),
    "black": Family(lightness=(0.0, 0.12)),
    "grey": Family(lightness=(0.12, 0.93), max_chroma=0.08),
    "red": Family(hues=_REDS, saturation=(0.5, 1.0), lightness=(0.25, 0.65)),
    "orange": Family(hues=((15.0, 40.0),), saturation=(0.5, 1.0), lightness=(0.35, 0.7)),
    "brown": Family(hues=((10.0, 45.0),), saturation=(0.2, 1.0), lightness=(0.12, 0.35)),
    "gold": Family(hues=((40.0, 55.0),), saturation=(0.5, 1.0), lightness=(0.35, 0.65)),
    "yellow": Family(hues=((45.0, 65.0),), saturation=(0.5, 1.0), lightness=(0.35, 0.85)),
    "green": Family(hues=((75.0, 165.0),), saturation=(0.25, 1.0), lightness=(0.15, 0.8)),
    "blue": Family(hues=((190.0, 250.0),), saturation=(0.3, 1.0), lightness=(0.15, 0.85)),
    "purple": Family(hues=((255.0, 310.0),), saturation=(0.25, 1.0), lightness=(0.15, 0.8)),
    "pink": Family(hues=((310.0, 345.0), *_REDS), saturation=(0.4, 1.0), lightness=(0.65, 0.93)),
}

# Properties that paint an area or the text. Borders, outlines, shadows and the like
# never make a page "look" a colour and are not considered.
PAINT_PROPERTIES = frozenset(
    {"background", "background-color", "background-image", "color", "fill"}
)
# Selectors whose paint is the page's look: the page itself, its header, main and hero.
DOMINANT_TAGS = frozenset({"html", "body", "header", "main"})
_HERO = compile_cached(r"[.#]hero[\w-]*", re.IGNORECASE)
# Custom properties on :root or html that name the brand palette.
_BRAND_VARIABLE = compile_cached(r"^--[\w-]*(brand|primary|accent)", re.IGNORECASE)
# The same colour this many times is a theme, whatever the selectors.
REPEAT_THRESHOLD = 3

_LAST_COMPOUND = compile_cached(r"\s*[>+~]\s*|\s+")
_HEX = compile_cached(r"^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$")


def family_of(value: str) -> set[str]:
    """The colour families a "#rrggbb" (or "#rrggbbaa") value belongs to.

    A colour that is mostly transparent (alpha below one half) paints nothing and
    belongs to no family.
    """
    match = _HEX.match(value.strip())
    if not match:
        return set()
    if match.group(2) is not None and int(match.group(2), 16) < 128:
        return set()
    rgb = bytes.fromhex(match.group(1))
    red, green, blue = (channel / 255 for channel in rgb)
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    chroma = max(red, green, blue) - min(red, green, blue)
    return {
        name
        for name, family in FAMILIES.items()
        if family.contains(hue * 360.0, saturation, lightness, chroma)
    }


# -- the check -------------------------------------------------------------------------------


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entries = [e for e in profile.entries("colours") if e.get("colour") and e.get("id")]
    colour_names = bool(ctx.config.option(CODE, NAME, COLOUR_NAMES_OPTION, False))
    for entry in entries:
        yield from _word_hits(doc, profile, entry, words_for(profile, entry, colour_names))
    images = doc.page.images if doc.page is not None else []
    for entry in entries:
        if images and entry.get("words"):
            yield from _file_name_hits(doc, images, profile, entry)
    css_entries = [e for e in entries if e.get("css")]
    if css_entries and doc.is_landing and doc.page is not None and doc.page.colours:
        yield from _css_hits(doc.page.colours, profile, css_entries)


def words_for(
    profile: Profile, entry: dict[str, Any], colour_names: bool = False
) -> dict[str, list[str]]:
    """The words that name the entry's colour in the market's languages.

    An entry's own `words` are the words. An entry without them is not looked for in
    the text: profiles leave words out on purpose where the colour word is everyday
    vocabulary (白色 is a product colour) or the connotation is a good one (red in
    China). With the `colour-names` option, such entries get the common names of
    their colour from `VOCABULARY`.
    """
    if "words" in entry:
        return profile.terms(entry.get("words"))
    if colour_names:
        return profile.terms(VOCABULARY.get(str(entry["colour"])))
    return {}


def _word_hits(
    doc: Document, profile: Profile, entry: dict[str, Any], terms: dict[str, list[str]]
) -> Iterator[Hit]:
    colour = str(entry["colour"])
    severity = profile.severity_for(entry, Severity.WARNING)
    evidence = profile.evidence(f"colours.{entry['id']}", entry)
    meaning = first_sentence(str(entry.get("meaning", "")))
    suggestion = _context_advice(entry, colour)
    context = profile.terms(entry.get("context"))
    segments = doc.segments
    texts = [segment.text for segment in segments]
    for language, words in terms.items():
        matcher = matcher_for(language, words)
        excluded = matcher_for(language, NOT_COLOUR.get(language, []))
        context_matchers = [matcher_for(lang, ws) for lang, ws in context.items()]
        for i, matches in matcher.find_each(texts):
            segment = segments[i]
            if context_matchers and not any(m.find(segment.text) for m in context_matchers):
                continue
            masks = [(m.start, m.end) for m in excluded.find(segment.text)]
            for match in matches:
                # Overlapping is enough: 白い shares its 白 with 面白い ("interesting").
                if any(s < match.end and match.start < e for s, e in masks):
                    continue
                if context_matchers and not _in_context(segment.text, match, context_matchers):
                    continue
                found = segment.text[match.start : match.end]
                yield segment_hit(
                    segment,
                    match.start,
                    match.end,
                    f"'{found}' ({colour}) carries a connotation in {profile.tag}: {meaning}",
                    suggestion=suggestion,
                    evidence=evidence,
                    severity=severity,
                )


# A colour that matters only in a context (white for a gift) needs a word of that context
# in the same clause: "新春红色礼盒，白色T恤" names a red gift box and a white T-shirt.
_CLAUSE_BREAK = compile_cached(r"[,.;:!?，。；：！？、\n]")


def _in_context(text: str, match: TermMatch, context_matchers: list[TermMatcher]) -> bool:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    start = max((b + 1 for b in breaks if b < match.start), default=0)
    end = min((b for b in breaks if b >= match.end), default=len(text))
    clause = text[start:end]
    return any(m.find(clause) for m in context_matchers)


def _css_hits(
    colours: list[CssColour], profile: Profile, entries: list[dict[str, Any]]
) -> Iterator[Hit]:
    families = {c.value: family_of(c.value) for c in colours}
    painting = [c for c in colours if _paints(c, families[c.value])]
    uses = Counter(c.value for c in painting)
    for entry in entries:
        colour = str(entry["colour"])
        reported_selectors: set[str] = set()
        reported_values: set[str] = set()
        for css in painting:
            if colour not in families[css.value] or css.selector in reported_selectors:
                continue
            prominence = _prominence(css, uses[css.value])
            if prominence is None:
                continue
            reason, where = prominence
            if reason == "repeated" and css.value in reported_values:
                continue
            reported_selectors.add(css.selector)
            reported_values.add(css.value)
            meaning = first_sentence(str(entry.get("meaning", "")))
            yield Hit(
                css.start,
                css.end,
                f"{css.raw} ({colour}, {where}) carries a connotation in {profile.tag}: {meaning}",
                suggestion=_context_advice(entry, colour),
                evidence=profile.evidence(f"colours.{entry['id']}", entry),
                severity=profile.severity_for(entry, Severity.WARNING),
            )


def _paints(css: CssColour, families: set[str]) -> bool:
    """Whether a declaration can make the page look its colour at all."""
    prop = css.prop.lower()
    if prop == "color" and families & {"white", "black"}:
        return False  # white or black text is just text
    return prop in PAINT_PROPERTIES or prop.startswith("--")


def _prominence(css: CssColour, uses: int) -> tuple[str, str] | None:
    """Why a colour dominates the page ("brand", "dominant" or "repeated") and the
    words for the message; None if it does not."""
    prop = css.prop.lower()
    parts = [p.strip() for p in css.selector.split(",") if p.strip()]
    if prop.startswith("--"):
        if _BRAND_VARIABLE.match(prop) and any(p.lower() in (":root", "html") for p in parts):
            return "brand", f"the brand colour {css.prop}"
    elif any(_dominant(part) for part in parts):
        return "dominant", f"the {prop} of {css.selector}"
    if uses >= REPEAT_THRESHOLD:
        return "repeated", f"used {uses} times on the page"
    return None


def _dominant(selector: str) -> bool:
    compound = _LAST_COMPOUND.split(selector.strip())[-1]
    tag = re.match(r"[A-Za-z][\w-]*", compound)
    if tag and tag.group(0).lower() in DOMINANT_TAGS:
        return True
    return compound.lower() == ":root" or bool(_HERO.search(compound))


# -- image file names ----------------------------------------------------------------------

# Extensions of image files. A src with another extension ("whitepaper.pdf") is not a
# picture; a src without one (a CDN path) still is.
IMAGE_EXTENSIONS = frozenset(
    {"jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "ico",
     "heic", "heif", "jxl"}
)  # fmt: skip
# Where a file name splits into words: separators, and camelCase humps ("whiteGiftBox").
_NAME_WORD = compile_cached(r"[A-Z]?[a-z\u00df-\u024f]+|[A-Z\u00c0-\u00de]+(?![a-z])|[^\W\d_]+")
_UNSPACED_SCRIPTS = frozenset({"Han", "Kana", "Hangul", "Thai"})


class FileName(NamedTuple):
    """The last path component of an image's src without its extension, and its words
    as (start, end) offsets into `stem`."""

    stem: str
    words: tuple[tuple[int, int], ...]

    @property
    def folded(self) -> list[str]:
        return [self.stem[s:e].casefold() for s, e in self.words]


def file_name(src: str) -> FileName | None:
    """The file name of an image src ("/img/whiteGift_box.jpg?v=2" -> whiteGift_box),
    None when the src names no image file."""
    path = src.split("#", 1)[0].split("?", 1)[0]
    last = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    if not last or last.startswith("data:"):
        return None
    stem, dot, extension = last.rpartition(".")
    if not dot:
        stem = last
    elif extension.casefold() not in IMAGE_EXTENSIONS:
        return None
    stem = unicodedata.normalize("NFC", stem)
    words = []
    for part in re.finditer(r"[^\s\-_.]+", stem):
        for word in _NAME_WORD.finditer(part.group(0)):
            words.append((part.start() + word.start(), part.start() + word.end()))
    return FileName(stem, tuple(words))


def _unspaced(term: str) -> bool:
    return any(script_of(c) in _UNSPACED_SCRIPTS for c in term)


def find_in_name(name: FileName, terms: list[str]) -> list[tuple[int, int]]:
    """Where `terms` stand in the file name, as (start, end) in `name.stem`.

    A term in a spaced language must be whole words of the name ("white-label" holds
    the word white, "blackboard" does not hold black); a term in Chinese, Japanese,
    Korean or Thai may sit anywhere in it ("新春白色礼盒.png").
    """
    found = []
    folded = name.folded
    stem = name.stem.casefold()
    for term in terms:
        if _unspaced(term):
            start = stem.find(term.casefold())
            while start >= 0:
                found.append((start, start + len(term)))
                start = stem.find(term.casefold(), start + 1)
            continue
        words = re.findall(r"[^\W\d_]+", term.casefold())
        if not words:
            continue
        for i in range(len(folded) - len(words) + 1):
            if folded[i : i + len(words)] == words:
                found.append((name.words[i][0], name.words[i + len(words) - 1][1]))
    return sorted(set(found))


def _file_name_hits(
    doc: Document, images: list[Image], profile: Profile, entry: dict[str, Any]
) -> Iterator[Hit]:
    colour = str(entry["colour"])
    languages = _file_name_languages(profile)
    words = [w for lang in languages for w in (entry.get("words") or {}).get(lang, [])]
    excluded = [w for lang in languages for w in NOT_COLOUR.get(lang, [])]
    context = {
        lang: list(ws) for lang, ws in (entry.get("context") or {}).items() if lang in languages
    }
    context_words = [w for ws in context.values() for w in ws]
    meaning = first_sentence(str(entry.get("meaning", "")))
    for image in images:
        name = file_name(image.src)
        if name is None:
            continue
        matches = find_in_name(name, words)
        if not matches:
            continue
        if context and not _image_in_context(name, image, context, context_words):
            continue
        masks = find_in_name(name, excluded)
        for start, end in matches:
            if any(s <= start and end <= e for s, e in masks):
                continue
            found = name.stem[start:end]
            hit_start, hit_end = _locate(doc, image, name, start, end)
            yield Hit(
                hit_start,
                hit_end,
                f"Image file name '{name.stem}' names '{found}' ({colour}), which carries "
                f"a connotation in {profile.tag}: {meaning}",
                suggestion=_context_advice(entry, colour),
                evidence=profile.evidence(f"colours.{entry['id']}", entry),
                severity=profile.severity_for(entry, Severity.WARNING),
            )


def _file_name_languages(profile: Profile) -> list[str]:
    """The market's languages and English: file names are mostly written in English
    ("white-gift-box.jpg") whatever the language of the page."""
    return [*profile.languages, *(["en"] if "en" not in profile.languages else [])]


def _image_in_context(
    name: FileName, image: Image, context: dict[str, list[str]], words: list[str]
) -> bool:
    """Whether a context word stands in the image's file name or its alt text."""
    if find_in_name(name, words):
        return True
    alt = image.alt or ""
    return bool(alt) and any(matcher_for(lang, ws).find(alt) for lang, ws in context.items())


def _locate(doc: Document, image: Image, name: FileName, start: int, end: int) -> tuple[int, int]:
    """The colour word inside the src as written in the file, if the file name is
    written there verbatim; else the whole image."""
    source = doc.text[image.start : image.end]
    src_at = source.find(image.src) if image.src else -1
    if src_at >= 0:
        at = source.rfind(name.stem, src_at, src_at + len(image.src))
    else:
        at = source.rfind(name.stem)
    if at < 0:
        return image.start, image.end
    return image.start + at + start, image.start + at + end


# -- wording ---------------------------------------------------------------------------------


def _context_advice(entry: dict[str, Any], colour: str) -> str | None:
    contexts = [str(c) for c in entry.get("contexts") or []]
    if not contexts:
        return None
    return f"Avoid {colour} where the copy touches on: {', '.join(contexts)}"


CHECK = Check(
    code=CODE,
    name=NAME,
    category="colour",
    severity=Severity.WARNING,
    options=options_schema(**{COLOUR_NAMES_OPTION: {"type": "boolean", "default": False}}),
    doc=RuleDoc(
        what=(
            "Flags colours with an unwanted meaning in the market, in the copy's words "
            "and in a landing page's CSS. The market profile's `colours` entries say "
            "which colours mean what (white and mourning in East Asia, and so "
            "on).\n\n"
            "In words: every segment is searched for the entry's `words` in the "
            "market's languages (matched on lemmas, by characters in Chinese and "
            "Japanese). An entry with a `context` fires only when a context word stands "
            "in the same clause (white next to gift or New Year words in Chinese "
            "markets, not a white T-shirt). An entry without `words` is not looked for "
            "in the text: profiles leave them out where the connotation is a good one "
            "or nothing in the text is worth a finding. The option "
            "`colour-names: true` (under `options: {colour-connotation: ...}` in the "
            "config) gives such entries the common names of their colour (white, weiß, "
            "白, 白色, ホワイト ...) in en, de, fr, es, pt, it, ja, zh, ko and ar. "
            "Compounds that contain a colour word but do not name the colour are never "
            "reported: 面白い (interesting), 空白 (blank), 明白 (obvious), ホワイトデー "
            '(White Day), 蓝牙 (Bluetooth), "ich weiß" (I know), "Black Friday". Alt '
            "texts are copy like any other and are searched the same way.\n\n"
            "In image file names, for entries with `words`: the last part of each "
            "image's src, without query string and extension, split on - _ . and "
            'camelCase ("/img/whiteGiftBox.jpg?v=2" reads white, gift, box). A '
            "word of the entry in the market's languages or English fires when it "
            'equals a whole word of the name ("white-box.png", not "blackboard.png"); '
            'a Chinese or Japanese word fires anywhere in the name ("白色礼盒.png"). '
            "An entry's `context` must then show in the file name or the image's alt "
            'text. Files that are not images ("whitepaper.pdf") and the compounds '
            'above ("white-label") are skipped. The finding points at the word inside '
            "the src.\n\n"
            "In CSS, for entries with `css: true`, on landing pages (HTML, or Markdown "
            "with `page: landing`): a colour of the entry's family that dominates the "
            "page. That is a background or text colour of html, body, header, main or a "
            "hero element; a brand custom property on :root (--brand*, --primary*, "
            f"--accent*); or the same colour used {REPEAT_THRESHOLD} or more times. "
            "Borders, outlines and shadows never count, nor white or black text. A "
            "colour belongs to a family by its hue, saturation and lightness (white: "
            "lightness above 0.93 and almost no chroma; black: lightness below 0.12; "
            "red: hue 345-15 degrees, saturation above 0.5, lightness 0.25-0.65 ...). "
            "One finding per entry and selector, at the colour value.\n\n"
            "Entries of low confidence are reported as info; an entry's own "
            "`severity` wins."
        ),
        why=(
            "Colour meanings are not universal: white stands for purity and weddings in "
            "Europe and the Americas but for mourning and death in China, Japan and "
            "Korea, where red means luck and celebration (Aslam 2006). A launch page in "
            "funeral colours, or copy that names the colour of mourning for a "
            "celebration, undermines the message before it is read."
        ),
        example=(
            "# market: zh-CN (profile: white = mourning, next to a gift or New Year word)\n"
            "<h1>新春白色礼盒</h1>"
        ),
        good_example="# market: zh-CN\n<h1>新春红色礼盒</h1>",
        fix=(
            "Pick another colour, or make sure the context cannot evoke the meaning "
            "(the entry's `contexts` say where it matters most). If a colour is part "
            "of a global brand and has been accepted for the market, suppress the "
            "finding where it occurs, or set `css: false` or `words: {}` for the entry "
            "in a project override."
        ),
        sources=(
            'Aslam, M. M. (2006) "Are you selling the right colour? A cross-cultural '
            'review of colour as a marketing cue", Journal of Marketing Communications '
            "12(1): 15-30, doi:10.1080/13527260500247827",
        ),
    ),
    run=run,
    applies=lambda profile: bool(profile.entries("colours")),
    markets_label="markets whose profile lists colours",
)
