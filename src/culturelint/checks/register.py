"""CL501 register-mismatch: formal and informal address against the brand's register.

The expected register is the file's front matter `register:` if it has one, else the
profile's `formality.register` (a project config `overrides:` entry changes that per
market). Formal or informal: every form of the other register is reported. A brand
choice: a file that uses both is reported, at the forms of the register used less.

How a form is recognised depends on the language:

- Languages that mark register with pronouns (German, French, Spanish, Dutch,
  Swedish ...) use the profile's `formality.markers`, matched as whole words on their
  surface form, not on lemmas (French "ta" and "tes" share the lemma "ton" with the
  noun "tone"). A marker listed with a capital letter (German "Sie", "Ihr", Swedish
  "Ni") matches only that spelling, and counts at the start of a sentence only when the
  same sentence also has a capitalised formal form further in: "Sie sparen 20 %"
  alone may mean "they save 20 %", while "Sie erhalten Ihre Bestellung morgen" is
  formal. An imperative such as "Bestellen Sie jetzt" needs no such help, because its
  "Sie" does not start the sentence.
- Japanese and Korean mark register with sentence endings (です/ます against だ/である,
  -요/-습니다 against 반말 endings). Only sentences are judged: segments of a
  paragraph kind, split at 。！？!? and the end of the segment. A segment without any
  sentence punctuation is read as a label or a headline and left alone, as is a
  segment that is one question (an FAQ heading: "…とは？"), and so are
  sentences that end in a noun (体言止め, "新登場。") or an adjective. The profile's
  markers for these languages are read as extra sentence endings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.matching import base_language, matcher_for, tokens
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

CODE = "CL501"
NAME = "register-mismatch"
FORMAL = "formal"
INFORMAL = "informal"
REGISTERS = (FORMAL, INFORMAL)
VALID_FRONT_MATTER = ("formal", "informal", "brand-choice", "none")

# Markers the profiles leave out for a reason that only applies to lemma matching.
# French: the possessives "ta" and "tes" (lemma "ton", also the noun "tone"; "ton"
# itself stays out because it is that noun) and the elided object pronoun "t'".
WORD_SUPPLEMENTS: dict[str, dict[str, list[str]]] = {
    "fr": {INFORMAL: ["ta", "tes", "t'", "t’"]},
}

# Languages whose register lives in sentence endings, not in pronouns.
ENDING_LANGUAGES = frozenset({"ja", "ko"})

# Japanese sentence endings, checked after stripping closing punctuation, brackets and
# one sentence-final particle (か, よ, ね, よね, な, わ). Polite: teineigo forms. Plain:
# the copula (だ, である, だろう, だった, ではない), and verbs in plain form (dictionary
# form ending in -u, past -た, negative -ない, volitional -よう), checked after the polite
# endings so that ます or ました never count as plain. Adjectives (-い) and nouns are
# not judged: "美しい。" and "新登場。" are headline style, not a register choice. -く is
# left out: "お見逃しなく！" is an elliptical polite phrase, not a plain verb.
JA_FORMAL_ENDINGS = (
    "です", "ます", "ません", "ました", "ましょう", "ませ", "でした", "ください",
    "下さい", "ございます", "でしょう",
)  # fmt: skip
JA_PLAIN_ENDINGS = (
    "だ", "である", "だろう", "だった", "であった", "ではない", "じゃない", "であろう",
    "る", "う", "す", "つ", "ぬ", "む", "ぶ", "ぐ", "た", "ない",
)  # fmt: skip
JA_PARTICLES = ("よね", "か", "よ", "ね", "な", "わ")

# Korean sentence endings, on the last word of a sentence. Polite (존댓말): -요 forms,
# -습니다/-ㅂ니다 and their questions, -십시오. Nouns that end in 요 are not endings
# (필요 "need", 중요 "importance"). Informal (반말): only endings that are not also the
# end of a common noun; 반말 in -어/-아/-지/-야 is written on thousands of nouns too
# (언어 "language", 아시아 "Asia", 이미지 "image", 분야 "field"), so the list is of
# whole endings: 있어, 했어, 거야, 할게, 하자 ...
KO_FORMAL_ENDINGS = ("요", "니다", "니까", "십시오", "시오", "죠")
KO_NOT_ENDINGS = frozenset({"필요", "중요", "주요", "수요", "소요", "요요", "강요", "개요"})
KO_INFORMAL_ENDINGS = (
    "있어", "없어", "했어", "됐어", "봤어", "왔어", "갔어", "좋아", "싫어", "같아", "잖아",
    "거야", "이야", "할게", "줄게", "볼게", "갈게", "올게", "할래", "볼래", "하자", "보자",
    "가자", "해봐", "해줘", "있지", "없지", "했지", "몰라", "알아", "해라", "봐", "줘",
)  # fmt: skip

# Segment kinds that hold running text, where sentence endings are judged.
SENTENCE_KINDS = frozenset({"paragraph", "text", "msgstr", "unit", "message", "value"})

_SENTENCE = compile_cached(r"[^。！？!?.]+(?:[。！？!?.]+|$)")
_TRAILING = " \t\u3000「」『』（）()[]【】\"'“”‘’…‥・〜~ー－-♪☆★♡♥。！？!?."
_SENTENCE_START = compile_cached(r"(?:^|[.!?:…;])[\s\"'„“”‚‘»«(\[–—\-•*]*$")


class Form(NamedTuple):
    """One register marker found in the copy."""

    register: str
    segment: Segment
    start: int  # segment characters
    end: int
    text: str
    offset: int  # source offset, for document order
    ending: str = ""  # for a sentence ending: the end of the sentence, to quote

    def describe(self) -> str:
        if self.ending:
            if any("\uac00" <= c <= "\ud7a3" for c in self.ending):
                kind = "존댓말" if self.register == FORMAL else "반말"
            else:
                kind = "polite form" if self.register == FORMAL else "plain form"
            return f"the sentence ending '…{self.ending}' is {self.register} ({kind})"
        return f"'{self.text}' is {self.register} address"


# -- expected register ---------------------------------------------------------------------


def expected_register(doc: Document, profile: Profile) -> tuple[str, bool]:
    """The register the file should keep, and whether its front matter says so."""
    value = doc.meta.get("register")
    if isinstance(value, str) and value.strip().lower() in VALID_FRONT_MATTER:
        return value.strip().lower(), True
    return str(profile.section("formality").get("register") or "none"), False


def _markers(profile: Profile, language: str, register: str) -> list[str]:
    markers = profile.section("formality").get("markers") or {}
    listed = list((markers.get(register) or {}).get(language) or [])
    return listed + WORD_SUPPLEMENTS.get(language, {}).get(register, [])


# -- finding forms ---------------------------------------------------------------------------


def find_forms(doc: Document, profile: Profile) -> list[Form]:
    """Every formal and informal form in the document, in document order."""
    found: list[Form] = []
    for language in profile.languages:
        lang = base_language(language)
        if lang in ENDING_LANGUAGES:
            formal = _endings(lang, FORMAL, profile)
            informal = _endings(lang, INFORMAL, profile)
            for segment in doc.segments:
                if segment.kind in SENTENCE_KINDS:
                    found.extend(_ending_forms(lang, segment, formal, informal))
            continue
        words = {r: _markers(profile, lang, r) for r in REGISTERS}
        if not any(words.values()):
            continue
        markers = _Markers.of(words)
        for segment in doc.segments:
            found.extend(_word_forms(lang, segment, markers))
    found.sort(key=lambda f: f.offset)
    return found


class _Markers(NamedTuple):
    """A language's register markers as the segment scan looks them up: single words
    by surface (capitalised ones, "Sie") or case-folded ("du"), phrases as term lists.
    Built once per document, not once per segment."""

    exact: dict[str, str]  # surface -> register
    folded: dict[str, str]  # case-folded word -> register
    phrases: list[tuple[str, list[str], bool]]  # register, terms, case-sensitive

    @classmethod
    def of(cls, words: dict[str, list[str]]) -> _Markers:
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        phrases: list[tuple[str, list[str], bool]] = []
        for register, listed in words.items():
            multi = [w for w in listed if " " in w.strip()]
            if multi:
                phrases.append((register, [p for p in multi if _capitalised(p)], True))
                phrases.append((register, [p for p in multi if not _capitalised(p)], False))
            for word in listed:
                if " " in word.strip():
                    continue
                if _capitalised(word):
                    exact[word] = register
                else:
                    folded[word.casefold()] = register
        return cls(exact, folded, phrases)


def _word_forms(language: str, segment: Segment, markers: _Markers) -> Iterator[Form]:
    text = mask_non_copy(segment.text)
    hits: list[tuple[int, int, str, bool]] = []  # start, end, register, exact
    for start, end, folded, _lemma in tokens(language, text):
        surface = text[start:end]
        if surface in markers.exact:
            hits.append((start, end, markers.exact[surface], True))
        elif folded in markers.folded:
            hits.append((start, end, markers.folded[folded], False))
    for register, terms, cs in markers.phrases:
        for m in matcher_for(language, terms, case_sensitive=cs).find(text):
            hits.append((m.start, m.end, register, cs))
    for start, end, register, exact in sorted(hits):
        if exact and _starts_sentence(text, start) and not _confirmed(text, start, hits):
            continue
        yield _form(segment, register, start, end)


def _capitalised(word: str) -> bool:
    return any(c.isupper() for c in word)


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text[:start]) is not None


def _confirmed(text: str, start: int, hits: list[tuple[int, int, str, bool]]) -> bool:
    """Whether a capitalised form at the start of a sentence has a capitalised form of
    the same register later in the same sentence (which cannot be sentence-initial)."""
    register = next(h[2] for h in hits if h[0] == start)
    end_of_sentence = _sentence_end(text, start)
    return any(
        h[3]
        and h[2] == register
        and start < h[0] < end_of_sentence
        and not _starts_sentence(text, h[0])
        for h in hits
    )


def _sentence_end(text: str, start: int) -> int:
    match = compile_cached(r"[.!?…;:]\s|[.!?…]$").search(text, start)
    return match.start() if match else len(text)


def _form(segment: Segment, register: str, start: int, end: int, ending: str = "") -> Form:
    return Form(
        register=register,
        segment=segment,
        start=start,
        end=end,
        text=segment.text[start:end],
        offset=segment.span(start, end)[0],
        ending=ending,
    )


def _endings(language: str, register: str, profile: Profile) -> tuple[str, ...]:
    """Built-in sentence endings plus the profile's markers for the language."""
    if language == "ja":
        base = JA_FORMAL_ENDINGS if register == FORMAL else JA_PLAIN_ENDINGS
    else:
        base = KO_FORMAL_ENDINGS if register == FORMAL else KO_INFORMAL_ENDINGS
    extra = [m.rstrip("。！？!?. ") for m in _markers(profile, language, register)]
    return tuple(dict.fromkeys([*base, *(e for e in extra if e)]))


def _ending_forms(
    language: str, segment: Segment, formal: tuple[str, ...], informal: tuple[str, ...]
) -> Iterator[Form]:
    text = mask_non_copy(segment.text)
    sentences = list(_SENTENCE.finditer(text))
    if not any(_terminated(m.group(0)) for m in sentences):
        return  # a label or headline, not running text
    real = [m.group(0).strip() for m in sentences if m.group(0).strip()]
    if len(real) == 1 and real[0].endswith(("？", "?")):
        return  # a lone question is an FAQ-style heading ("…とは？")
    for match in sentences:
        sentence = match.group(0)
        if not sentence.strip():
            continue
        core_end = match.start() + len(sentence.rstrip(_TRAILING))
        core = text[match.start() : core_end]
        if not core:
            continue
        if language == "ja":
            found = _ja_ending(core, formal, informal)
        else:
            found = _ko_ending(core, formal, informal)
        if found is not None:
            register, length = found
            quoted = core.split()[-1][-8:] if core.split() else core[-8:]
            yield _form(segment, register, core_end - length, core_end, ending=quoted)


def _terminated(sentence: str) -> bool:
    return sentence.rstrip(" \t\u3000」』）)\"'”’").endswith(("。", "！", "？", "!", "?", "."))


def _ja_ending(
    core: str, formal: tuple[str, ...], plain: tuple[str, ...]
) -> tuple[str, int] | None:
    """(register, length of the ending) of a Japanese sentence, or None."""
    for particle in ("", *JA_PARTICLES):
        if particle and not core.endswith(particle):
            continue
        stem = core[: len(core) - len(particle)] if particle else core
        for ending in sorted(formal, key=len, reverse=True):
            if stem.endswith(ending):
                return FORMAL, len(ending) + len(particle)
        for ending in sorted(plain, key=len, reverse=True):
            if stem.endswith(ending) and _kana_before_verb_ending(stem, ending):
                return INFORMAL, len(ending) + len(particle)
    return None


def _kana_before_verb_ending(stem: str, ending: str) -> bool:
    """A one-kana verb ending (る, う, た ...) counts only after a kanji or kana of the
    word it ends, so that a lone kana or a katakana word is not read as a verb."""
    if len(ending) > 1 or ending in ("だ",):
        return True
    before = stem[-2] if len(stem) >= 2 else ""
    return bool(before) and ("\u3040" <= before <= "\u309f" or "\u4e00" <= before <= "\u9fff")


def _ko_ending(
    core: str, formal: tuple[str, ...], informal: tuple[str, ...]
) -> tuple[str, int] | None:
    words = core.split()
    if not words:
        return None
    word = words[-1]
    if word in KO_NOT_ENDINGS or not all("\uac00" <= c <= "\ud7a3" for c in word):
        return None
    for ending in sorted(formal, key=len, reverse=True):
        if word.endswith(ending) and len(word) >= 2:
            return FORMAL, len(word)
    for ending in sorted(informal, key=len, reverse=True):
        if word.endswith(ending) and (len(ending) >= 2 or len(word) >= 2):
            return INFORMAL, len(word)
    return None


# -- the check ----------------------------------------------------------------------------------


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    bad = _bad_front_matter(doc)
    if bad is not None:
        yield bad
        return
    register, from_file = expected_register(doc, profile)
    if register == "none":
        return
    forms = find_forms(doc, profile)
    if not forms:
        return
    section = profile.section("formality")
    severity = Severity.WARNING if from_file else profile.severity_for(section, Severity.WARNING)
    evidence = _evidence(profile, section, from_file)
    if register in REGISTERS:
        yield from _against(forms, register, from_file, profile, severity, evidence)
    else:
        yield from _mixed(forms, profile, severity, evidence)


def _bad_front_matter(doc: Document) -> Hit | None:
    value = doc.meta.get("register")
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in VALID_FRONT_MATTER:
        return None
    offset = doc.meta_offsets.get("register", 0)
    line_end = doc.text.find("\n", offset)
    return Hit(
        offset,
        line_end if line_end > offset else offset + 1,
        f"Front matter `register: {value}` is not one of {', '.join(VALID_FRONT_MATTER)}; "
        "the register check skipped this file",
        suggestion="Write `register: formal` or `register: informal`",
        severity=Severity.WARNING,
    )


def _evidence(profile: Profile, section: dict[str, Any], from_file: bool) -> Evidence:
    if from_file:
        return Evidence(profile=profile.tag, key="front matter: register", source=None)
    return profile.evidence("formality.register", section)


def _against(
    forms: list[Form],
    register: str,
    from_file: bool,
    profile: Profile,
    severity: Severity,
    evidence: Evidence,
) -> Iterator[Hit]:
    where = "this file's front matter" if from_file else f"the {profile.tag} profile"
    other = INFORMAL if register == FORMAL else FORMAL
    examples = _examples(f for f in forms if f.register == register) or _default_examples(
        profile, register
    )
    for form in forms:
        if form.register != other:
            continue
        yield segment_hit(
            form.segment,
            form.start,
            form.end,
            f"{_capital(form.describe())}, but {where} sets "
            f"{_article(register)} {register} register",
            suggestion=(
                f"Use the {register} form{f' ({examples})' if examples else ''}"
                + (
                    ""
                    if from_file
                    else f", or set `register: {other}` in the front matter if the brand "
                    f"speaks {other}ly"
                )
            ),
            evidence=evidence,
            severity=severity,
        )


def _mixed(
    forms: list[Form], profile: Profile, severity: Severity, evidence: Evidence
) -> Iterator[Hit]:
    counts = {r: sum(1 for f in forms if f.register == r) for r in REGISTERS}
    if not all(counts.values()):
        return
    if counts[FORMAL] != counts[INFORMAL]:
        minority = min(REGISTERS, key=lambda r: counts[r])
    else:  # a tie: the register that shows up first sets the tone
        minority = INFORMAL if forms[0].register == FORMAL else FORMAL
    majority = FORMAL if minority == INFORMAL else INFORMAL
    summary = (
        f"{counts[FORMAL]} formal ({_examples(f for f in forms if f.register == FORMAL)}) and "
        f"{counts[INFORMAL]} informal ({_examples(f for f in forms if f.register == INFORMAL)})"
    )
    for form in forms:
        if form.register != minority:
            continue
        yield segment_hit(
            form.segment,
            form.start,
            form.end,
            f"{_capital(form.describe())}, in a file that mixes registers: {summary} forms",
            suggestion=(
                f"Keep one register throughout (here mostly {majority}); set `register: "
                f"{majority}` or `register: {minority}` in the front matter to make the "
                "brand's choice explicit"
            ),
            evidence=evidence,
            severity=severity,
        )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _examples(forms: Iterable[Form], limit: int = 3) -> str:
    seen = list(dict.fromkeys(f.text for f in forms))
    return ", ".join(seen[:limit])


def _default_examples(profile: Profile, register: str) -> str:
    markers = profile.section("formality").get("markers") or {}
    for language in profile.languages:
        listed = (markers.get(register) or {}).get(base_language(language)) or []
        if listed:
            return ", ".join(listed[:3])
    return ""


def _applies(profile: Profile) -> bool:
    if any(base_language(lang) in ENDING_LANGUAGES for lang in profile.languages):
        return True
    markers = profile.section("formality").get("markers") or {}
    return any((markers.get(r) or {}) for r in REGISTERS)


CHECK = Check(
    code=CODE,
    name=NAME,
    category="tone",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Formal or informal address that does not match the brand's register: du "
            "where the brand speaks Sie, tu where it speaks vous, tú against usted, plain "
            "だ/である sentences in です/ます copy, 반말 against 존댓말.\n\n"
            "The expected register comes from, first match wins: the file's front matter "
            "(`register: formal`, `informal` or `brand-choice`), the project config "
            "(`overrides: {de-DE: {formality: {register: informal}}}`), the market "
            "profile's `formality.register`.\n\n"
            "- formal or informal: every form of the other register is reported.\n"
            "- brand-choice (the market has no fixed norm, e.g. de-DE, fr-FR, es-ES, "
            "ko-KR): a file that uses both registers is reported at the forms of the "
            "register it uses less, and the message gives both counts.\n\n"
            "Pronoun languages use the profile's `formality.markers`, matched as whole "
            "words on their surface form. Markers listed with a capital (German Sie, "
            "Ihnen, Ihr, Swedish Ni) match only that spelling; at the start of a sentence, "
            "where every word is capitalised, they count only when the same sentence has "
            'another capitalised formal form further in ("Sie erhalten Ihre Bestellung" '
            'counts, "Sie sparen 20 %" alone does not: it may mean "they"). '
            "French vous counts as formal although it is also the plural you; French "
            "ta, tes and t' are informal forms besides the profile's tu, te, toi. "
            "Spanish su is not a marker (his, her, their).\n\n"
            "Japanese and Korean are judged by sentence endings, only in running text "
            "(paragraphs): です/ます/ください/ございます against plain だ/である/だろう and "
            "plain verb forms; -요/-습니다/-ㅂ니다 against unambiguous 반말 endings "
            "(있어, 했어, 거야, 할게, 하자 ...). Headings, list items, buttons, sentences "
            "ending in a noun or an adjective, and paragraphs without sentence punctuation "
            "are not judged."
        ),
        why=(
            "Register is a brand decision that readers notice when it slips. In Germany "
            "Sie is the traditional default and du is spreading (IKEA, Apple, Adidas, "
            "Aldi), so brands choose, and a text that switches between du and Sie reads "
            "as careless; the same holds for tu/vous in France and tú/usted in Spain, "
            "where mixing the two is the commonest error. Japanese consumer copy uses "
            "です/ます (Microsoft's Japanese style guide); a plain-form sentence in polite "
            "copy sounds curt. In Korea, deferential and informal speech levels work "
            "differently in ads (Marketing Letters 26(3), 2015): a brand picks one. "
            "Severity follows the profile's confidence (info for fr-FR, es-ES, ja-JP, whose "
            "sources are style guides and blogs); a register set in the front matter is "
            "the brand's own choice, so breaking it is a warning."
        ),
        example=(
            "---\nmarket: de-DE\nregister: formal\n---\n"
            "Bestellen Sie jetzt und sichere dir 10 % Rabatt."
        ),
        good_example=(
            "---\nmarket: de-DE\nregister: formal\n---\n"
            "Bestellen Sie jetzt und sichern Sie sich 10 % Rabatt."
        ),
        fix=(
            "Rewrite the flagged forms in the brand's register. If the brand's register "
            "differs from the market default, say so once: `register:` in the front matter "
            "or `overrides:` in the project config."
        ),
        sources=(
            'dpa via Westfälische Nachrichten, "Kundschaft wird immer häufiger geduzt", '
            "https://www.wn.de/welt/wirtschaft/kundschaft-wird-immer-haeufiger-geduzt-2076579",
            "https://www.necesitascontenido.com/tutear-o-no-tutear-al-cliente",
            "https://comasoi.com/le-tutoiement-en-communication",
            "Microsoft Japanese Style Guide, https://aka.ms/japanese-styleguide",
            '"The Korean language and the effects of its honorifics system in advertising", '
            "Marketing Letters 26(3): 321-333 (2015), doi:10.1007/s11002-015-9353-2",
        ),
    ),
    run=run,
    applies=_applies,
    markets_label="markets whose profile has formality markers, Japanese and Korean",
)
