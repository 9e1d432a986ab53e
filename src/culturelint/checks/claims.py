"""CL601-CL604: advertising claims that the market's law restricts.

The market profile's `claims` entries carry the law, the terms and the message; this
module finds them in copy and adds what a term list cannot say:

- CL601 absolute-claim: absolute terms (China's Advertising Law Art. 9(3)); words that
  only look absolute (最近 "recently", 第一次 "the first time", 最佳赏味期 "best
  before") are masked, and absolute words about service attitude (顾客第一) are
  downgraded to a warning, as SAMR's 2023 enforcement guidelines exempt them.
- CL602 unsubstantiated-superlative: superlatives and comparisons ("der beste",
  "Nr. 1", "No.1", "日本一") without a basis (a footnote mark, a source or survey)
  in the same or the next segment.
- CL603 price-reduction-without-reference: an announced price reduction in an EU
  market when the file nowhere states the lowest price of the prior 30 days.
- CL604 restricted-free-claim: "free" tied to a purchase or a charge where the
  market's code restricts free claims (UK CAP Code, India's CCPA guidelines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from culturelint.checks._util import first_sentence, mask_non_copy, money_finder, segment_hit
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.matching import base_language, cancelled, is_unspaced, matcher_for
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# -- shared ------------------------------------------------------------------------------------

# Words that contain a claim term but make no claim. A term match inside one of these
# spans is dropped, whoever listed the term (a project profile may list bare 第一 or 最).
NOT_CLAIM: dict[str, str] = {
    "zh": (
        r"最近|最后|最後|最初|最终|最終|最少|最多|最早|最晚|最迟|最遲"
        r"|第一次|第一步|第一章|第一天|第一时间|第一時間|第一眼|第一手|第一期|第一批|第一届"
        r"|第一屆|第一季|第一条|第一條|第一页|第一頁|第一个|第一個|第一部|第一节|第一節|第一轮"
        r"|首选项|首選項|唯一标识|唯一標識|唯一识别|唯一識別"
        # Consumption tips, exempt under SAMR's 2023 guidelines: best before, best way
        # or time to use.
        r"|最佳(?:赏味|賞味|食用|饮用|飲用|保质|保質|保存|使用)(?:期|期限|时间|時間|方法|温度|溫度)?"
        r"|最佳(?:方法|时间|時間|时机|時機)"
    ),
    "de": (
        r"(?i:mit\s+(?:den\s+)?besten\s+Grüßen|beste\s+Grüße|das\s+Beste\s+aus"
        r"|nach\s+bestem\s+Wissen|im\s+besten\s+Fall|zum\s+Besten)"
    ),
    "en": r"(?i:best regards|best wishes|all the best|best before|best-before|at best)",
    # "soldes" (sales) finds "solde" by lemma; after these words it is an account balance.
    "fr": r"(?i:\b(?:le|du|au|votre|ton|son|mon|un|nouveau)\s+solde\b)",
    "ja": r"賞味期限|第1回|第一回|第1弾|第一弾",
}


class Found(NamedTuple):
    segment: Segment
    start: int
    end: int
    entry: dict[str, Any]
    language: str

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


def claim_entries(profile: Profile, *kinds: str) -> list[dict[str, Any]]:
    return [e for e in profile.entries("claims") if e.get("kind") in kinds and e.get("id")]


def _masks(language: str, text: str) -> list[tuple[int, int]]:
    pattern = NOT_CLAIM.get(language)
    if not pattern:
        return []
    return [m.span() for m in re.finditer(pattern, text)]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _digit_bounded(text: str, start: int, end: int) -> bool:
    """A match that starts or ends with a digit must not run on into more digits:
    "No.1" is not a claim inside "No.10", nor "1位" inside "11位"."""
    if text[start].isdigit() and start > 0 and text[start - 1].isdigit():
        return False
    return not (text[end - 1].isdigit() and end < len(text) and text[end].isdigit())


def find_terms(doc: Document, profile: Profile, entries: list[dict[str, Any]]) -> list[Found]:
    """Every term of the entries in the copy, minus masked words, in document order."""
    found: list[Found] = []
    segments = doc.segments
    texts = [mask_non_copy(segment.text) for segment in segments] if entries else []
    for entry in entries:
        unless = profile.terms(entry.get("unless"))
        cancelling = [matcher_for(base_language(u), w) for u, w in unless.items()]
        for language, terms in profile.terms(entry.get("terms")).items():
            lang = base_language(language)
            matcher = matcher_for(lang, terms)
            for i, matches in matcher.find_each(texts):
                segment, text = segments[i], texts[i]
                masks = _masks(lang, text)
                cancels = [c for m in cancelling for c in m.find(text)]
                for m in matches:
                    if _inside(m.start, m.end, masks) or not _digit_bounded(text, m.start, m.end):
                        continue
                    if cancels and cancelled(text, m, cancels):
                        continue
                    found.append(Found(segment, m.start, m.end, entry, lang))
    return _dedupe(found)


def _dedupe(found: list[Found]) -> list[Found]:
    """One finding per span: where entries overlap, the first-listed, longer one wins."""
    out: list[Found] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in sorted(found, key=lambda f: (f.segment.span(f.start, f.end)[0], -(f.end - f.start))):
        spans = taken.setdefault(id(f.segment), [])
        if _overlaps(f.start, f.end, spans):
            continue
        spans.append((f.start, f.end))
        out.append(f)
    return out


def _law(entry: dict[str, Any]) -> str:
    return " ".join(str(entry.get("law", "")).split())


# -- CL601 absolute-claim --------------------------------------------------------------------

# Absolute words that describe the business's service attitude, philosophy or goal
# rather than the product: SAMR's 2023 guidelines do not apply Art. 9(3) to them.
SERVICE_ATTITUDE: dict[str, str] = {
    "zh": (
        r"(?:顾客|顧客|客户|客戶|用户|用戶|消费者|消費者|服务|服務|信誉|信譽|诚信|誠信|安全"
        r"|质量|質量|品质|品質)第一"
        r"|(?:顾客|顧客|客户|客戶|用户|用戶|消费者|消費者|服务|服務)至上"
        r"|追求(?:极致|極致|完美|卓越)|做到(?:极致|極致)"
    ),
}

# A bare 第一 ending a phrase ("销量第一！", "顾客第一") is a ranking claim; 第一 followed
# by anything else is an ordinal (第一次, 第一款) and is left to the profile's terms.
PHRASE_FINAL_FIRST = compile_cached(r"第一(?=\s*(?:[，。！？、,.!?；;：:」』\"”)）…~～\-—]|$))")


def run_absolute(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entries = claim_entries(profile, "absolute")
    found = find_terms(doc, profile, entries)
    found.extend(_phrase_final_first(doc, profile, entries, found))
    for f in sorted(found, key=lambda f: f.segment.span(f.start, f.end)[0]):
        entry = f.entry
        severity = profile.severity_for(entry, Severity.ERROR)
        attitude = _service_attitude(f)
        law = _law(entry)
        if attitude is not None:
            if severity == Severity.ERROR:
                severity = Severity.WARNING
            message = (
                f"'{f.text}' is an absolute term ({law}); as part of '{attitude}' it reads "
                "as service attitude, which SAMR's 2023 enforcement guidelines exempt, "
                "provided it says nothing about the product"
            )
            suggestion = "Make sure the phrase is about your service, not the product"
        else:
            message = f"Absolute term '{f.text}': {first_sentence(str(entry.get('message', '')))}"
            message += f" ({law})" if law and law not in message else ""
            suggestion = "Remove it, or replace it with a verifiable, non-absolute statement"
        yield segment_hit(
            f.segment,
            f.start,
            f.end,
            message,
            suggestion=suggestion,
            evidence=profile.evidence(f"claims.{entry['id']}", entry),
            severity=severity,
        )


def _phrase_final_first(
    doc: Document, profile: Profile, entries: list[dict[str, Any]], found: list[Found]
) -> Iterator[Found]:
    """Bare 第一 at the end of a phrase, in markets whose absolute entries cover Chinese;
    reported under the first such entry (the statute's own list comes first)."""
    entry = next((e for e in entries if "zh" in profile.terms(e.get("terms"))), None)
    if entry is None:
        return
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        taken.setdefault(id(f.segment), []).append((f.start, f.end))
    for segment in doc.segments:
        text = mask_non_copy(segment.text)
        masks = _masks("zh", text)
        for m in PHRASE_FINAL_FIRST.finditer(text):
            spans = taken.get(id(segment), [])
            if _overlaps(m.start(), m.end(), spans) or _inside(m.start(), m.end(), masks):
                continue
            yield Found(segment, m.start(), m.end(), entry, "zh")


def _service_attitude(f: Found) -> str | None:
    pattern = SERVICE_ATTITUDE.get(f.language)
    if not pattern:
        return None
    for m in re.finditer(pattern, f.segment.text):
        if _inside(f.start, f.end, [m.span()]) or _inside(m.start(), m.end(), [(f.start, f.end)]):
            return m.group(0)
    return None


def _applies_absolute(profile: Profile) -> bool:
    return any(e.get("terms") for e in claim_entries(profile, "absolute"))


ABSOLUTE = Check(
    code="CL601",
    name="absolute-claim",
    category="claims",
    severity=Severity.ERROR,
    doc=RuleDoc(
        what=(
            "Absolute terms that a market's advertising law bans, from the profile's "
            "claims entries of kind `absolute`. For zh-CN: the three terms Art. 9(3) of "
            "the Advertising Law names (国家级, 最高级, 最佳) and the ones enforced the same "
            "way (顶级, 极品, 世界领先, 全国第一, 销量第一, 极致 ...) are errors; terms "
            "from compliance compilations (最好, 最强, 唯一, 独家 ...) are info. A bare 第一 "
            'that ends a phrase ("销量第一！") is reported too; 第一 before anything '
            "else is an ordinal.\n\n"
            "Not reported, whoever lists the term: 最近 (recently), 最后 (last), 最初, "
            "最终, 最少/最多 (at least/at most), 第一次 (the first time), 第一步 (step one), "
            "第一章, 第一天, 第一时间 (at once), 首选项 (preferences), 唯一标识 (unique "
            "identifier), and the consumption tips SAMR exempts: 最佳赏味期 (best "
            "before), 最佳食用期, 最佳方法, 最佳时间.\n\n"
            "Downgraded to warning: absolute words about service attitude or a goal "
            "(顾客第一, 用户至上, 服务第一, 追求极致), which SAMR's 2023 guidelines do "
            "not treat as product claims.\n\n"
            "最新 (newest) is not reported: marketplace compilations list it, but SAMR's "
            "guidelines exempt a truthful comparison within the brand's own range "
            "(最新款), which is how copy mostly uses it."
        ),
        why=(
            'Art. 9(3) of the Advertising Law of the PRC bans "national-level", '
            '"highest-level", "best" and terms like them in advertising. Fines start '
            "at CNY 200,000 and marketplaces reject listings that use them in titles, "
            "images, detail pages or packaging. SAMR's Guidelines for the Enforcement of "
            "Absolute Terms in Advertising (Announcement No. 6 of 2023) exempt words that "
            "only express the business's service attitude, philosophy or goals, "
            "truthful self-comparison, and consumption tips such as the best time to use."
        ),
        example="# market: zh-CN\n国家级品质，全网销量第一！",
        good_example="# market: zh-CN\n最近上新：经第三方检测的品质，欢迎第一次购买的顾客。",
        fix=(
            'Replace absolute words with verifiable facts ("2025年天猫店铺销量超过10万件", '
            "with its source). Keep service-attitude slogans clearly about the service."
        ),
        sources=(
            "中华人民共和国广告法 (Advertising Law of the PRC) Art. 9(3); translation: "
            "https://wodefinance.com/Trademarkregistration/bptcesrgwq.html",
            "SAMR, Guidelines for the Enforcement of Absolute Terms in Advertising "
            "(Announcement No. 6, 25 Feb 2023), Gaopeng Law summary: "
            "https://gaopenglaw.com/en/content/details24_3989.html",
            "KWM/kw-legal summary of the Guidelines: https://kw-legal.com/?p=19109",
            "SAMR draft guidelines (7 Dec 2022), consumption tips and service attitude "
            "exemptions: https://www.kuadu.com/news/article-1678.html",
        ),
    ),
    run=run_absolute,
    applies=_applies_absolute,
    markets_label="markets whose profile has absolute claims (zh-CN)",
)


# -- CL602 unsubstantiated-superlative -----------------------------------------------------------

# Superlatives and comparisons a term list cannot express without matching too much.
# German: a superlative after an article ("der günstigste Preis", "die größte Auswahl",
# "den besten Service"), a country's best ("Deutschlands beliebteste"), and "besser/
# günstiger/billiger als" unless it compares with the past ("besser als je zuvor").
# "am besten" is not matched: "Am besten bestellen Sie heute" means "ideally", and
# "am günstigsten" mostly compares ways to buy, not competitors.
SUPERLATIVE_PATTERNS: dict[str, str] = {
    "de": (
        r"(?i:(?<![\w])(?:der|die|das|den|dem|des)\s+"
        r"(?:allerbest|best|günstigst|billigst|preiswertest|größt|schnellst|beliebtest)"
        r"(?:e|en|er|es)(?![\w])"
        r"|(?<![\w])Deutschlands\s+(?:best|günstigst|billigst|größt|beliebtest|schnellst)"
        r"(?:e|en|er|es)(?![\w])"
        r"|(?<![\w])(?:besser|günstiger|billiger|schneller)\s+als"
        r"(?!\s+(?:je|jemals|zuvor|vorher|bisher|gestern|erwartet|gedacht|nie|nichts)\b))"
    ),
}

# What substantiates a claim when it stands in the same or the next segment: a
# footnote mark, or a word that names a source, a survey or a date of ranking.
BASIS_MARKS = compile_cached(r"[※＊*†‡¹²³⁴⁵⁶⁷⁸⁹]")
BASIS_WORDS: dict[str, str] = {
    "de": (
        r"(?i:(?<![\w])(?:laut|gemäß|Quelle|Stand|Studie|Umfrage|Befragung|Erhebung"
        r"|Testergebnis|Stiftung Warentest|im Test|Marktanteil)(?![\w]))"
    ),
    "en": r"(?i:\b(?:according to|source|survey|study|as of|based on|ranked by|rated by)\b)",
    "ja": r"調査|調べ|出典|当社比|集計|調査期間|対象",
    "ru": r"(?i:по\s+данным|по\s+версии|источник|исследовани|опрос)",
    "tr": r"(?i:araştırma|anket|kaynak)",
}


def run_superlative(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entries = claim_entries(profile, "superlative", "comparative")
    found = find_terms(doc, profile, entries)
    found.extend(_pattern_claims(doc, profile, entries, found))
    index = {id(s): i for i, s in enumerate(doc.segments)}
    for f in sorted(found, key=lambda f: f.segment.span(f.start, f.end)[0]):
        if _substantiated(doc, index[id(f.segment)], f.language) or _in_question(f):
            continue
        entry = f.entry
        yield segment_hit(
            f.segment,
            f.start,
            f.end,
            f"'{f.text}' needs substantiation: {first_sentence(str(entry.get('message', '')))}"
            f" ({_law(entry)})",
            suggestion=(
                "State the basis next to it (source, survey, date, what was compared), "
                "e.g. with a footnote mark (※, *) and the note in the same or next line"
            ),
            evidence=profile.evidence(f"claims.{entry['id']}", entry),
            severity=profile.severity_for(entry, Severity.INFO),
        )


def _pattern_claims(
    doc: Document, profile: Profile, entries: list[dict[str, Any]], found: list[Found]
) -> Iterator[Found]:
    """Module patterns, reported under the market's first superlative entry that
    covers the language (and so only in markets whose profile has such an entry)."""
    # The spans of the claims found so far, by segment, those of this function's
    # earlier languages included: picked out of `found` for each segment, the claims
    # of a long page made it quadratic (a 2 MB page: 2.6 s).
    found_in: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        found_in.setdefault(id(f.segment), []).append((f.start, f.end))
    for language, pattern in SUPERLATIVE_PATTERNS.items():
        entry = next((e for e in entries if language in profile.terms(e.get("terms"))), None)
        if entry is None:
            continue
        for segment in doc.segments:
            text = mask_non_copy(segment.text)
            masks = _masks(language, text)
            spans = found_in.setdefault(id(segment), [])
            for m in re.finditer(pattern, text):
                if _inside(m.start(), m.end(), masks) or _overlaps(m.start(), m.end(), spans):
                    continue
                spans.append(m.span())
                yield Found(segment, m.start(), m.end(), entry, language)


_QUESTION_END = compile_cached(r"[.!。！\n]|[?？]")


def _in_question(f: Found) -> bool:
    """Whether the claim sits in a question ("Ist Firefox der schnellste Browser?"),
    which asks rather than asserts."""
    m = _QUESTION_END.search(f.segment.text, f.end)
    return m is not None and m.group(0) in "?？"


def _substantiated(doc: Document, i: int, language: str) -> bool:
    words = BASIS_WORDS.get(language)
    for segment in doc.segments[i : i + 2]:
        if BASIS_MARKS.search(segment.text):
            return True
        if words and re.search(words, segment.text):
            return True
    return False


def _applies_superlative(profile: Profile) -> bool:
    return any(e.get("terms") for e in claim_entries(profile, "superlative", "comparative"))


SUPERLATIVE = Check(
    code="CL602",
    name="unsubstantiated-superlative",
    category="claims",
    severity=Severity.INFO,
    doc=RuleDoc(
        what=(
            "Superlatives and comparisons that the market's law lets you make only if "
            "you can prove them, from the profile's claims entries of kind `superlative` "
            'and `comparative`: de-DE "der/die/das Beste", "Nr. 1", "Marktführer", '
            '"als die Konkurrenz"; ja-JP "No.1", "第1位", "日本一", '
            '"満足度No.1"; ru-RU "лучший", "№1"; tr-TR comparisons with rivals. For '
            'German the check also finds superlatives after an article ("der günstigste '
            'Preis", "die größte Auswahl", "den besten Service"), "Deutschlands '
            'beliebteste ..." and "besser/günstiger als" (not "besser als je zuvor").\n\n'
            "A claim with a basis is not reported: a footnote mark (※, ＊, *, †, ¹) or a "
            "source word (laut, Quelle, Stand, Studie, Umfrage; 調査, 調べ, 出典, 当社比; "
            "according to, source, survey; по данным, по версии) in the same segment or "
            "the next one.\n\n"
            'Not reported: claims in a question ("Ist Firefox der schnellste '
            'Browser?"), "am besten" ("Am besten bestellen Sie heute" means '
            '"ideally"), "Mit (den) besten Grüßen", "das Beste aus ... machen", '
            '"Bestellung", "bestens", "No.10" for "No.1", "11位" for "1位". '
            "Severity follows the profile entry: info for de-DE (the research asks for "
            "a prompt, not an error), warning for ja-JP and ru-RU."
        ),
        why=(
            "Germany: a sole-position claim (Alleinstellungswerbung) is misleading under "
            "§ 5 UWG unless it is true and provable (BGH I ZR 284/01); comparative "
            "advertising must meet § 6 UWG. Japan: the Consumer Affairs Agency treats "
            "No.1 claims without an objective, stated basis as misleading under Art. 5 "
            "of the Premiums and Representations Act (13 of its 44 cease-and-desist "
            'orders in FY2023). Russia: "the best" or "number one" needs the '
            "criterion of comparison stated (38-FZ Art. 5; Supreme Arbitration Court "
            "Resolution No. 58, para. 29)."
        ),
        example="# market: ja-JP\n顧客満足度No.1の化粧水",
        good_example=(
            "# market: ja-JP\n顧客満足度No.1※の化粧水\n\n"
            "※2025年3月 当社調べ（購入者1,000名、インターネット調査）"
        ),
        fix=(
            "Give the basis next to the claim: what was compared, by whom, when, with "
            "what result; or reword the claim so it does not assert a top position."
        ),
        sources=(
            'Gabler Wirtschaftslexikon, "Alleinstellungswerbung" (BGH 17 Jun 2004, I ZR '
            "284/01); https://wirtschaftslexikon24.com/d/alleinstellungswerbung/"
            "alleinstellungswerbung.htm",
            "§ 6 UWG, https://dejure.org/gesetze/UWG/6.html",
            "Consumer Affairs Agency, No.1 representations report (26 Sep 2024): "
            "https://businessandlaw.jp/articles/a20241015-1",
            "ConsultantPlus review of 38-FZ Art. 5, https://respectrb.ru/node/4576",
        ),
    ),
    run=run_superlative,
    applies=_applies_superlative,
    markets_label="markets whose profile has superlative or comparative claims",
)


# -- CL603 price-reduction-without-reference ------------------------------------------------------

# Announcements a term list cannot express: a negative percentage ("-30 %", "−20%"), a
# percentage next to a reduction word or after a saving verb ("Sparen Sie 20 % auf
# alles", "save up to 30% on", but not "spart 30 % Energie"), a former price after
# "statt" (with or without €), or after "vorher", "bisher", "previously", "avant",
# "antes" or "prima" with its € (after those a bare number is as often a time:
# "vorher 3 Tage einweichen").
_EUROS = r"(?:€\s?\d[\d.,]*\d|€\s?\d|\d[\d.,]*\s?€)"
REDUCTION_PATTERNS = compile_cached(
    r"(?<![\w.,])[-−–]\s?\d{1,2}(?:[.,]\d+)?\s?%"
    r"|\d{1,2}\s?%\s?(?:günstiger|reduziert|off|de réduction|de remise|de descuento"
    r"|di sconto|korting|rabatt|taniej|zniżki)\b"
    r"|\b(?:sparen(?:\s+sie)?|spare|spart|save|économisez|ahorra|ahorre|risparmia"
    r"|bespaar|spara|oszczędź)\s+(?:bis\s+zu\s+|up\s+to\s+|jusqu'à\s+|hasta\s+(?:un\s+)?"
    r"|fino\s+al\s+|tot\s+|upp\s+till\s+|do\s+)?\d{1,2}(?:[.,]\d+)?\s?%"
    # on what: the price ("auf alles", "on everything"), not energy or time saved
    r"(?=\s*(?:$|[!.,;:)]|(?:auf|beim|bei|im|on|off|at|sur|dès|en|su|sul|op|på|na"
    r"|today|now|heute|jetzt|aujourd'hui|hoy|oggi|nu|idag|dziś)\b))"
    rf"|\bstatt\s+(?:bisher\s+)?(?:{_EUROS}|\d[\d.,]*\d|\d)"
    rf"|\b(?:vorher|bisher|previously|avant|antes|prima)\s*:?\s*{_EUROS}",
    re.IGNORECASE,
)
_FORMER_WORDS = ("vorher", "bisher", "previously", "avant", "antes", "prima")


def _may_announce_reduction(text: str) -> bool:
    """Whether REDUCTION_PATTERNS can match `text`: each of its alternatives holds a
    "%", "statt", or "€" and a word for "before" (case-blind letters all fold to the
    ASCII ones). Most copy has none, and then the pattern is not tried at each
    position; a page of prices without "before" words is not either."""
    folded = text.casefold()
    if "%" in folded or "statt" in folded:
        return True
    if "€" not in folded:
        return False
    folded = _dotless(folded)
    return any(word in folded for word in _FORMER_WORDS)


def _dotless(folded: str) -> str:
    """The two letters a case-blind "i" also matches that do not fold to it: "ı", and
    "İ", which folds to "i" and a combining dot."""
    return folded.replace("\u0131", "i").replace("i\u0307", "i")


# A statement of the prior price: "lowest price of the last 30 days" in the EU
# languages, in either order ("30-Tage-Bestpreis", "prix le plus bas des 30 derniers
# jours", "najniższa cena z 30 dni przed obniżką").
_LOWEST = (
    r"niedrigst|tiefst|günstigst|bestpreis|lowest|le plus bas|la plus basse|más baj[oa]"
    r"|mas baj[oa]|più bass[oa]|laagste|lägsta|najniższ|prior price|vorheriger preis"
)
_DAYS = r"tage|tagen|days|jours|días|dias|giorni|dagen|dagar|dagarna|dni"
_ENDING_IN_30 = rf"(?:{_LOWEST})[^\n]{{0,80}}?\b30\b"
_STARTING_AT_30 = (
    rf"\b30\b\s*(?:-\s*)?(?:{_DAYS})[^\n]{{0,60}}?(?:{_LOWEST})"
    rf"|30-Tage-(?:Bestpreis|Tiefstpreis|Niedrigstpreis|Bestpreisgarantie)"
)
# The statement as one pattern: what `_holds_reference` answers for (its tests search
# with it). The run looks for the same statement around each "30" of a text rather
# than at each of its positions: a long page holds a few "30"s and thousands of
# characters.
REFERENCE = compile_cached(f"{_ENDING_IN_30}|{_STARTING_AT_30}", re.IGNORECASE)
_ENDS_IN_30 = compile_cached(_ENDING_IN_30, re.IGNORECASE)
_STARTS_AT_30 = compile_cached(_STARTING_AT_30, re.IGNORECASE)
# How far before its "30" a statement that ends in it can start: its gap of at most 80
# characters and the longest of the _LOWEST words (16), with room to spare.
REACH_BEFORE_30 = 100


def reference_entry(profile: Profile) -> dict[str, Any] | None:
    """The profile's price-reduction entry that carries Art. 6a of Directive 98/6/EC."""
    for entry in claim_entries(profile, "price-reduction"):
        if "98/6/EC" in _law(entry):
            return entry
    return None


def states_reference(doc: Document) -> bool:
    texts = [doc.text, *(s.text for s in doc.segments)]
    if doc.page is not None and doc.page.footer_text:
        texts.append(doc.page.footer_text)
    return any(map(_holds_reference, texts))


def _holds_reference(text: str) -> bool:
    """Whether REFERENCE matches somewhere in `text`.

    Every match holds a "30": either it starts there or it ends there, at most
    REACH_BEFORE_30 characters after its start. So only the stretches around each "30"
    are tried, not the case-blind alternation at each position of a page. The search
    before a "30" ends one character past it, so that the word boundary after the "30"
    still sees the character that follows.
    """
    at = text.find("30")
    while at != -1:
        if _STARTS_AT_30.match(text, at) or _ENDS_IN_30.search(
            text, max(0, at - REACH_BEFORE_30), at + 3
        ):
            return True
        at = text.find("30", at + 1)
    return False


# A price struck through: Markdown's ~~ (the reader keeps the tildes: CommonMark has no
# strikethrough) and HTML's del, s and strike elements, in a page or in Markdown.
_STRUCK_MARKDOWN = compile_cached(r"~~(?=[^\s~])([^~\n]{1,40}?)(?<=[^\s~])~~")
_STRUCK_HTML = compile_cached(r"<(del|s|strike)\b[^<>]*>([^<]{1,60})</\1\s*>", re.IGNORECASE)
# What a struck price may hold when it has no currency of its own ("~~49,99~~ 39,99 €").
_BARE_AMOUNT = compile_cached(r"\s*\d{1,6}(?:[.,]\d{3})*(?:[.,]\d{1,2})?[.,]?-?\s*")


def _struck_prices(doc: Document, locale: str) -> dict[int, tuple[int, int]]:
    """The first price struck through in each segment (by `id`), as the span of its
    amount in the segment. A strike is a former price when it holds an amount with
    its currency, or a bare amount in a segment that names a price."""
    finder = money_finder(locale)

    def is_price(struck: str, segment: Segment) -> bool:
        return bool(finder.find(struck)) or (
            _BARE_AMOUNT.fullmatch(struck) is not None and bool(finder.find(segment.text))
        )

    out: dict[int, tuple[int, int]] = {}
    if doc.format == "markdown":
        for segment in doc.segments:
            for m in _STRUCK_MARKDOWN.finditer(segment.text):
                if is_price(m.group(1), segment):
                    out[id(segment)] = m.span(1)
                    break
    if doc.format in ("markdown", "html") and "<" in doc.text:
        for m in _STRUCK_HTML.finditer(doc.text):
            located = _segment_at(doc, *m.span(2))
            if located is None:
                continue
            segment, start, end = located
            if id(segment) not in out and is_price(segment.text[start:end], segment):
                out[id(segment)] = (start, end)
    return out


def _segment_at(doc: Document, src_start: int, src_end: int) -> tuple[Segment, int, int] | None:
    """The segment that holds source text [src_start, src_end), and where it holds it
    (an entity such as &euro; maps as a whole)."""
    for segment in doc.segments:
        start = _offset_in(segment, src_start, last=False)
        end = _offset_in(segment, src_end - 1, last=True)
        if start is not None and end is not None and start <= end:
            return segment, start, end + 1
    return None


def _offset_in(segment: Segment, src: int, last: bool) -> int | None:
    for piece in segment.pieces:
        if piece.src_start <= src < piece.src_end:
            if piece.verbatim:
                return piece.seg_start + (src - piece.src_start)
            return piece.seg_start + (len(piece.text) - 1 if last else 0)
    return None


def run_reduction(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entry = reference_entry(profile)
    if entry is None or states_reference(doc):
        return
    found = find_terms(doc, profile, claim_entries(profile, "price-reduction"))
    first: dict[int, tuple[int, int]] = {}
    for f in found:
        first.setdefault(id(f.segment), (f.start, f.end))
    struck = _struck_prices(doc, profile.locale.locale)
    for key, span in struck.items():
        if key not in first or span[0] < first[key][0]:
            first[key] = span
    for segment in doc.segments:
        text = mask_non_copy(segment.text)
        m = REDUCTION_PATTERNS.search(text) if _may_announce_reduction(text) else None
        if m is not None:
            current = first.get(id(segment))
            if current is None or m.start() < current[0]:
                first[id(segment)] = m.span()
    law = _law(entry)
    for segment in doc.segments:
        span = first.get(id(segment))
        if span is None:
            continue
        shown = f"'{segment.text[span[0] : span[1]]}'"
        if struck.get(id(segment)) == span:
            shown += " struck through"
        yield segment_hit(
            segment,
            span[0],
            span[1],
            f"Price reduction announced ({shown}) but the file never states the prior "
            f"price, the lowest price of the 30 days before the reduction ({law})",
            suggestion=(
                'Add the prior price next to the reduction, e.g. "Niedrigster Preis der '
                'letzten 30 Tage: 49,99 €" / "Prix le plus bas des 30 derniers jours : '
                '49,99 €"'
            ),
            evidence=profile.evidence(f"claims.{entry['id']}", entry),
            severity=profile.severity_for(entry, Severity.WARNING),
        )


REDUCTION = Check(
    code="CL603",
    name="price-reduction-without-reference",
    category="claims",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "An announced price reduction in a file that nowhere states the prior price "
            "(the lowest price of the last 30 days), in EU markets (profiles extending "
            "base-eu, whose price-reduction entry cites Directive 98/6/EC).\n\n"
            "A reduction is announced by the words of the profile's `price-reduction` "
            'entries ("Preis reduziert", "Rabatt", "prix barré", "soldes", '
            '"descuento", "rebajas", "sconto", "korting", "rea", "promocja" '
            '...), a negative percentage ("-30 %"), a percentage with a reduction word '
            '("30 % günstiger", "20% off"), a saving on the price ("Sparen Sie 20 % auf '
            'alles", "save 30% on"; not "spart 30 % Energie") or a former price ("statt '
            '39,99 €", "vorher 49,99 €", "previously €49.99"). A price struck through '
            '(Markdown "~~49,99 €~~", HTML del, s or strike) announces one too: with its '
            "currency, or as a bare amount in a passage that names a price. "
            "One finding per segment that announces one, at its first sign.\n\n"
            "The prior price counts as stated when the file (any segment, the footer, "
            'the raw text) says "lowest ... 30" in one of the EU languages: '
            '"Niedrigster Preis der letzten 30 Tage", "Tiefstpreis der letzten 30 '
            'Tage", "30-Tage-Bestpreis", "prix le plus bas des 30 derniers jours", '
            '"precio más bajo de los últimos 30 días", "prezzo più basso degli ultimi '
            '30 giorni", "laagste prijs van de afgelopen 30 dagen", "lägsta pris de '
            'senaste 30 dagarna", "najniższa cena z 30 dni".\n\n'
            'A bare "Sale" names no reduction and is not reported.'
        ),
        why=(
            "Since 28 May 2022, Art. 6a of Directive 98/6/EC (inserted by the Omnibus "
            "Directive (EU) 2019/2161) requires every announcement of a price reduction "
            "to indicate the prior price: the lowest price the trader applied during at "
            "least the 30 days before the reduction. Member states may set other rules "
            "for perishable goods, new arrivals and progressive reductions (Commission "
            "Notice 2021/C 526/02, section 4)."
        ),
        example="# market: de-DE\nSommer-Sale: -30 % auf alle Sandalen!",
        good_example=(
            "# market: de-DE\nSommer-Sale: -30 % auf alle Sandalen!\n\n"
            "Niedrigster Preis der letzten 30 Tage: 49,99 €"
        ),
        fix="State the lowest price of the 30 days before the reduction next to it.",
        sources=(
            "Directive 98/6/EC Art. 6a, as amended by Directive (EU) 2019/2161",
            "Commission Notice 2021/C 526/02, https://eur-lex.europa.eu/legal-content/EN/"
            "TXT/HTML/?uri=CELEX:52021XC1229(06)",
            "https://commission.europa.eu/law/law-topic/consumer-protection-law/"
            "unfair-commercial-practices-law/price-indication-directive_en",
        ),
    ),
    run=run_reduction,
    applies=lambda profile: reference_entry(profile) is not None,
    markets_label="EU markets (base-eu: Directive 98/6/EC Art. 6a)",
)


# -- CL604 restricted-free-claim ------------------------------------------------------------------

# "Free" words, and what around them makes a free claim conditional or not free. English
# only: the markets whose codes restrict free claims (en-GB, hi-IN) were researched for
# English copy.
FREE_WORDS: dict[str, re.Pattern[str]] = {
    "en": compile_cached(
        r"(?<![\w-])(?:free|gratis|complimentary|bogof|at no (?:extra |additional )?cost"
        r"|without charge|no charge)(?![\w-])",
        re.IGNORECASE,
    ),
}
# "free" after one of these words is "without" ("sugar free", "hands free"), not a price.
FREE_FROM = frozenset(
    "sugar gluten fat alcohol lactose dairy nut caffeine hands duty tax interest risk "
    "hassle stress worry cruelty plastic bpa paraben scent fragrance smoke toll rent debt "
    "feel set break totally-free".split()
)
# "free" before one of these words is not a price either ("free time", "free from BPA").
NOT_FREE_AFTER = frozenset(
    "time speech will space spirit kick style from range standing flow flowing text "
    "agent software trade market radical throw fall".split()
)
DELIVERY_AFTER = frozenset("delivery shipping postage p&p returns return collection".split())

CONDITION: dict[str, re.Pattern[str]] = {
    "en": compile_cached(
        r"\b(?:(?:with|on) (?:every|any|each|your|all|a|the) (?:purchase|order)s?"
        r"|when you (?:buy|spend|order|purchase|subscribe|sign up|join)"
        r"|if you (?:buy|spend|order|purchase|subscribe|sign up)"
        r"|(?:with|on) (?:orders?|purchases?|spend) (?:over|above|of)"
        r"|orders? over|minimum (?:spend|order|purchase)|min\.? spend"
        r"|with (?:the )?purchase of|purchase (?:required|necessary)"
        r"|buy (?:one|two|\d+|any)|when you join"
        r"|with (?:a|an|any|your) (?:annual |monthly |yearly )?(?:contract|plan|subscription)"
        r"|\d+[- ]month (?:contract|plan|subscription)"
        r"|then [£$€₹]?\s?\d+(?:[.,]\d+)?\s*(?:/|a |per )\s*(?:month|year|week))\b"
        r"|\bbogof\b",
        re.IGNORECASE,
    ),
}
CHARGE: dict[str, re.Pattern[str]] = {
    "en": compile_cached(
        r"(?:\bplus\b|\+)\s*(?:p\s*&\s*p|postage|shipping|delivery|handling|admin|fees?)"
        r"|\bp\s*&\s*p\b|\bpostage and packing\b|\bhandling (?:fee|charge)s?\b"
        r"|\badmin(?:istration)? (?:fee|charge)s?\b|\bservice (?:fee|charge)s?\b"
        r"|\b(?:just|only) pay (?:for )?(?:the )?(?:postage|shipping|delivery|p&p)\b"
        r"|\bpay (?:only|just) (?:the )?(?:postage|shipping|delivery|p&p)\b"
        r"|\bshipping (?:extra|not included)\b|\bdelivery charges? (?:apply|extra)\b",
        re.IGNORECASE,
    ),
}
NEAR = 120  # at most this many characters either side of the free word


_SENTENCE_BREAK = compile_cached(r"[.!?;:](?=\s|$)|\n")


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), at most NEAR characters either side."""
    lo = max(0, start - NEAR)
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        lo = m.end()
    hi_match = _SENTENCE_BREAK.search(text, end, min(len(text), end + NEAR))
    hi = hi_match.start() + 1 if hi_match else min(len(text), end + NEAR)
    return lo, hi


def free_claims(text: str, language: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, "condition"|"charge", the words found) for restricted free claims."""
    words = FREE_WORDS.get(language)
    if words is None:
        return
    for m in words.finditer(text):
        before = re.findall(r"[\w&-]+", text[max(0, m.start() - 20) : m.start()])
        after = re.findall(r"[\w&-]+", text[m.end() : m.end() + 20])
        prev = before[-1].casefold() if before else ""
        nxt = after[0].casefold() if after else ""
        word = m.group(0).casefold()
        if word == "free" and (prev in FREE_FROM or nxt in NOT_FREE_AFTER):
            continue
        if word == "free" and nxt == "of" and len(after) > 1 and after[1].casefold() != "charge":
            continue  # "free of plastic"
        window = _sentence_window(text, m.start(), m.end())
        charge = CHARGE[language].search(text, *window)
        if charge is not None:
            yield m.start(), m.end(), "charge", charge.group(0)
            continue
        if nxt in DELIVERY_AFTER:
            continue  # free delivery with a threshold is the normal, lawful form
        condition = CONDITION[language].search(text, *window)
        if condition is not None:
            yield m.start(), m.end(), "condition", condition.group(0)


def run_free(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    entries = claim_entries(profile, "free")
    if not entries:
        return
    entry = entries[0]
    law = _law(entry)
    cap = "CAP" in law
    for language in dict.fromkeys(base_language(lang) for lang in profile.languages):
        if language not in FREE_WORDS or is_unspaced(language):
            continue
        for segment in doc.segments:
            text = mask_non_copy(segment.text)
            for start, end, kind, near in free_claims(text, language):
                found = segment.text[start:end]
                # A condition stated next to the claim is what the codes ask for
                # (CAP 3.23): a reminder of the one duty left (no price raised to
                # pay for the free item, 3.22), not a breach. A charge is one.
                severity = profile.severity_for(entry, Severity.WARNING)
                if kind == "condition":
                    severity = Severity.INFO
                    rule = "CAP Code rules 3.22 and 3.23" if cap else law
                    message = (
                        f"'{found}' offered on a condition ('{near}'): lawful when the "
                        "condition is as plain as the claim, and the paid item's price "
                        f"is not raised to cover the free one ({rule})"
                    )
                else:
                    rule = "CAP Code rule 3.21" if cap else law
                    message = (
                        f"'{found}' next to a charge ('{near}'): an item is not free if "
                        "the consumer pays more than the unavoidable cost of responding "
                        f"and delivery, e.g. packing, handling or admin fees ({rule})"
                    )
                yield segment_hit(
                    segment,
                    start,
                    end,
                    message,
                    suggestion=(
                        "State the condition and every cost next to the free claim, or "
                        'call the item "included" rather than free'
                    ),
                    evidence=profile.evidence(f"claims.{entry['id']}", entry),
                    severity=severity,
                )


FREE = Check(
    code="CL604",
    name="restricted-free-claim",
    category="claims",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            '"Free" claims tied to a condition or a charge, in markets whose rules '
            "restrict free claims (profiles with a claims entry of kind `free`: en-GB, "
            "hi-IN). A free word (free, gratis, complimentary, at no cost, without "
            "charge, BOGOF) is reported when, in the same sentence:\n\n"
            '- a charge stands ("+ P&P", "plus shipping", "handling fee", "just pay '
            'postage"): a warning, as the item is then not free; or\n'
            '- a purchase or sign-up condition does ("with every purchase", '
            '"when you buy", "with orders over", "when you subscribe", "with a '
            '12-month contract", "buy one", "then £9.99/month"): information only. '
            "Stating the condition is what the codes ask for; the reminder is that the "
            "paid item's price must not be raised to cover the free one.\n\n"
            'Not reported: free claims with no condition ("free of charge", "free '
            'gift" alone), free delivery or returns (also with a minimum order, the '
            'usual lawful form; only a charge next to it is reported), and "free" '
            'meaning "without" or "unrestricted" (sugar-free, hands-free, gluten '
            "free, free time, free from BPA, feel free)."
        ),
        why=(
            "UK CAP Code rules 3.21-3.24 (enforced by the ASA): nothing may be called "
            "free if the consumer pays anything beyond the unavoidable cost of responding "
            "and of delivery (3.21); the paid item's price must not be inflated nor its "
            "quality reduced to recover the cost (3.22); the ad must make clear the "
            "extent of the commitment needed to get the free item (3.23); items in a "
            'package price are "included", not free (3.24). India\'s CCPA Guidelines for '
            "Prevention of Misleading Advertisements (2022) set the same conditions."
        ),
        example="# market: en-GB\nFree gift, just pay P&P and a £2.99 handling fee.",
        good_example=(
            "# market: en-GB\nFree delivery on orders over £50. Gift wrapping free of charge."
        ),
        fix=(
            "Say plainly what the consumer must buy or sign up for and every cost they "
            "pay; if the item is part of the price, call it included."
        ),
        sources=(
            'CAP advice, "Use of free", https://www.asa.org.uk/advice-online/use-of-free.html',
            "CAP Code rule 3.24 summary, "
            "https://www.lexology.com/library/detail.aspx?g=68b92cdb-243a-4d88-9cff-d830a9590d39",
            "ONDC legal-compliance handbook, Annexure F (CCPA Guidelines 2022), "
            "https://ondc.org/legal-compliance-handbook/Annexure---F.1087799310.html",
        ),
    ),
    run=run_free,
    applies=lambda profile: bool(claim_entries(profile, "free")),
    markets_label="markets whose profile restricts free claims (en-GB, hi-IN)",
)


# -- CL605 restricted-claim ------------------------------------------------------------------------

# The kinds of claims entries no other rule reads: their terms are this rule's.
RESTRICTED_KINDS = ("origin", "health", "other")


def restricted_entries(profile: Profile) -> list[dict[str, Any]]:
    """Claims entries with terms for this rule; the false-urgency entry is CL502's."""
    from culturelint.checks.pressure import LEGAL_ENTRY_ID

    return [
        e
        for e in claim_entries(profile, *RESTRICTED_KINDS)
        if e.get("terms") and e["id"] != LEGAL_ENTRY_ID
    ]


def run_restricted(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    profile = ctx.profile
    for f in find_terms(doc, profile, restricted_entries(profile)):
        entry = f.entry
        law = _law(entry)
        rule = first_sentence(str(entry.get("message", "")))
        # An origin claim is lawful when true: the law asks for proof, so by default
        # the finding is a reminder. Other kinds restrict the words themselves.
        default = Severity.INFO if entry["kind"] == "origin" else Severity.WARNING
        yield segment_hit(
            f.segment,
            f.start,
            f.end,
            f"'{f.text}' is a restricted claim in {profile.tag}: {rule} ({law})",
            suggestion=(
                "Check the claim against the rule quoted; change or remove it if the copy "
                "does not meet it"
            ),
            evidence=profile.evidence(f"claims.{entry['id']}", entry),
            severity=profile.severity_for(entry, default),
        )


RESTRICTED = Check(
    code="CL605",
    name="restricted-claim",
    category="claims",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "The terms of a market profile's claims entries of kind `origin`, `health` "
            "or `other`: claims that a market's law restricts and that no dedicated rule "
            'covers, such as "Made in USA" (FTC rule), "+ GST" (Australian component '
            'pricing), alcohol words under France\'s Loi Evin, "专利" in China without '
            "the patent number. Each term found is reported with the entry's rule and "
            "law. Origin claims are info by default (they are lawful when true); the "
            "others warnings; an entry's own `severity` or low confidence overrides. "
            "A claims entry with the id `false-urgency` is CL502's, not this rule's."
        ),
        why=(
            "A reviewer who knows that a market restricts a claim writes it once in the "
            "profile, with its law and source; this rule applies it to every file."
        ),
        example="# market: en-AU\nPrices from $99 + GST.",
        good_example="# market: en-AU\nPrices from $108.90, GST included.",
        fix=(
            "Read the rule and law the finding quotes; qualify the claim, give the total "
            "price, or remove the words."
        ),
        sources=(
            "The source of each entry, shown with the finding (`why:`) and by "
            "`culturelint markets show TAG`",
        ),
    ),
    run=run_restricted,
    applies=lambda profile: bool(restricted_entries(profile)),
    markets_label="markets whose profile lists restricted claims of kind origin, health or other",
)

CHECKS = [ABSOLUTE, SUPERLATIVE, REDUCTION, FREE, RESTRICTED]
