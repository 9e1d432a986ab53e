"""Finding terms in copy.

Space-delimited languages are tokenized by a blank spaCy pipeline and lemmatized with
the lookup tables of spacy-lookups-data (no statistical model, nothing fetched at run
time). A term matches a run of whole tokens when, token by token, the case-folded
forms or the lemmas agree, so "Uhren" finds "Uhr" and "clocks" finds "clock", while
"Uhrzeit" does not find "Uhr". Words the lemma table does not know also match
without one inflectional ending ("schwarze" finds "schwarz"). Languages written
without spaces (Japanese, Chinese, Thai ...) match by characters, without spaCy.

spaCy and the lemma tables are loaded on first use, once per process and language:
a run whose checks never match terms in a spaced language never imports spaCy. When
the run has a cache folder, spaCy's tokenizer rules are exported there once and later
runs tokenize without importing spaCy at all (`_RuleTokenizer`), with the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from culturelint.chartable import CharacterTable
from culturelint.profiles.model import UNSPACED_LANGUAGES
from culturelint.profiles.validcache import JSON_PIECE, remembered
from culturelint.regex_cache import compile_cached

# (start, end, case-folded form, lemma): offsets into the text that was tokenized.
Token = tuple[int, int, str, str]
# The same, the stems of a word its lemma table does not know, and all of these keys.
_Token = tuple[int, int, str, str, tuple[str, ...], frozenset[str]]
# A word's part of a token: everything but its offsets.
_WordKeys = tuple[str, str, tuple[str, ...], frozenset[str]]

# Inflectional endings stripped from words missing from the lemma table, so that a
# term listed in its base form still finds them.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("e", "em", "en", "er", "es", "n", "s"),
    "nl": ("e", "en", "s"),
    "en": ("s", "es"),
    "fr": ("e", "s", "es"),
    "es": ("s", "es"),
    "pt": ("s",),
}

# spaCy languages whose blank tokenizer needs an optional third-party package unless
# told otherwise; these settings keep them on spaCy's own rule-based tokenizer.
_BLANK_CONFIG: dict[str, dict[str, Any]] = {
    "vi": {"nlp": {"tokenizer": {"use_pyvi": False}}},
}


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str  # the term as listed (not as found)


# An entry's `unless` phrase this close to a term (in characters, with no clause break
# in between) cancels it: "alcohol-free beer", "بيرة خالية من الكحول", "专利，专利号".
UNLESS_DISTANCE = 12
_CLAUSE_BREAK = compile_cached(r"[.;!?。；！？،؛\n]")


def cancelled(text: str, match: TermMatch, cancels: Iterable[TermMatch]) -> bool:
    """Whether an `unless` phrase overlaps the term at `match` ("contains no pork") or
    stands next to it in the same clause. Profile entries list such phrases where a
    term's neighbours turn it around: a negation, or the detail the law asks for."""
    for cancel in cancels:
        if cancel.end <= match.start:
            gap = text[cancel.end : match.start]
        elif match.end <= cancel.start:
            gap = text[match.end : cancel.start]
        else:
            return True
        if len(gap) <= UNLESS_DISTANCE and not _CLAUSE_BREAK.search(gap):
            return True
    return False


# Languages that write spaces between words but attach particles to them, in forms no
# lemma table lists; their terms match by characters at a word's edge.
# - Korean puts particles and endings after the word (통신판매업신고는 is 통신판매업 +
#   신고 + 는): a term matches at the start of a word, with anything after it.
# - Arabic puts the article and the one-letter conjunctions and prepositions before
#   it (والنبيذ is و + ال + نبيذ, للنبيذ is ل + ل(ال) + نبيذ): a term, listed with or
#   without its article, matches a whole word after any of these. Not after ك ("as"),
#   which is rare and would find بيرة (beer) in كبيرة (big).
_ARABIC_PROCLITICS = "(?:[وف]?(?:ب?ال|لل|[بل])?)"
ATTACHING_LANGUAGES: dict[str, tuple[str, bool]] = {  # (before the term, open end)
    "ko": ("", True),
    "ar": (_ARABIC_PROCLITICS, False),
}


def base_language(language: str) -> str:
    """Language subtag of a tag: de-DE -> de, pt_BR -> pt, ZH -> zh."""
    return language.replace("_", "-").split("-")[0].strip().lower()


def is_unspaced(language: str) -> bool:
    return base_language(language) in UNSPACED_LANGUAGES


# -- spaced languages: spaCy tokens and lookup lemmas ------------------------------


@cache
def _nlp(language: str) -> Any:
    """A blank pipeline (tokenizer only); spaCy's multi-language one when the
    language has none or needs a package that is not installed (Korean needs mecab)."""
    import spacy

    try:
        return spacy.blank(language, config=_BLANK_CONFIG.get(language, {}))
    except (ImportError, ValueError, KeyError):
        return spacy.blank("xx")


# (start, end) of each word of a text, whitespace left out.
Spans = list[tuple[int, int]]


@cache
def _tokenizer(language: str) -> Any:
    """A function from text to token spans that splits exactly as spaCy's tokenizer.

    Importing spaCy costs most of a second, which a pre-commit hook would pay on every
    commit. spaCy's tokenizer is a fixed algorithm over rules (prefix, suffix and infix
    regexes, exceptions) that spaCy also spells out in Python (`Tokenizer.explain`), so
    its rules are read as data and `_RuleTokenizer` splits without spaCy. The rules of
    the markets' languages ship with culturelint for the spaCy release they were
    exported from (`data/tokenizers/`); for another release or language they are
    exported once into the cache folder. With neither, spaCy itself tokenizes.

    The rules serve runs of any length: with its memo of chunks warm, `_RuleTokenizer`
    splits 680,000 characters in 0.06 s and spaCy in 0.09 s, after an import and
    pipelines that cost seconds (handing long runs over to spaCy made 5 MB of copy
    take 4 s longer).
    """
    from culturelint.profiles import validcache

    folder = validcache.folder("tokenizers")
    rules = _read_rules(folder, language) if folder is not None else None
    if rules is None:
        rules = _shipped_rules(language)
    if rules is not None:
        store = _chunk_store(language) if folder is not None else None
        return _RuleTokenizer(rules, store).spans
    if folder is not None:
        # spaCy is loaded now anyway: it tokenizes this run, the rules serve the next.
        rules = export_rules(language)
        if rules is not None:
            _write_rules(folder, language, rules)
    return _spacy_spans(language)


def export_rules(language: str) -> dict[str, Any] | None:
    """spaCy's tokenizer rules for `language` as saved data (what `_read_rules` and
    `_shipped_rules` read), or None when only spaCy can apply them."""
    rules = _export_rules(_nlp(language))
    if rules is not None:
        phrases = _RuleTokenizer(rules).phrases.values()
        rules["phrases"] = [[list(p), string] for items in phrases for p, string in items]
    return rules


def _shipped_rules(language: str) -> dict[str, Any] | None:
    """The rules shipped in the package for the installed spaCy release, if any
    (`bench/export_tokenizers.py` writes them)."""
    import gzip
    import json
    from importlib import resources

    name = _rules_name(language)
    if name is None:
        return None
    try:
        packed = resources.files("culturelint").joinpath("data", "tokenizers", name + ".gz")
        rules = json.loads(gzip.decompress(packed.read_bytes()).decode("utf-8"))
    except (OSError, ValueError, EOFError):
        return None
    return rules if isinstance(rules, dict) and rules.get("format") == 1 else None


def _spacy_spans(language: str) -> Any:
    nlp = _nlp(language)

    def spans(text: str) -> Spans:
        doc = nlp.make_doc(_utf8_safe(text))
        return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]

    return spans


_SURROGATE = compile_cached("[\ud800-\udfff]")


def _utf8_safe(text: str) -> str:
    """`text` with each lone surrogate (a JSON or Fluent escape can make one) replaced
    by U+FFFD, one character for one so offsets stay: spaCy's strings must be UTF-8,
    and both tokenizers must see the same text to split it the same way."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


# Distinct white-space chunks and words whose analysis one process remembers per
# language: enough for the vocabulary of a large content repository, bounded for
# generated text of endless distinct strings.
_MEMO_LIMIT = 200_000

# Joins the words of a chunk in the chunk memo: a white-space character (str.split
# splits at it), so no chunk and no word contains it.
_PIECE_SEPARATOR = "\x1f"


def _chunk_store(language: str) -> Any:
    """Splits of white-space chunks kept from earlier runs, beside the rules (saved by
    `validcache.flush_stores` at the end of the run)."""
    from culturelint.profiles import validcache

    name = _rules_name(language)
    if name is None:
        return None
    return validcache.growing_store("tokenizers", name.replace(".json", "-chunks.sqlite"))


def _rules_name(language: str) -> str | None:
    """File name of a language's exported rules: tied to the spaCy that made them."""
    from culturelint import installed

    release = installed.version("spacy")
    return None if release is None else f"{language}-spacy-{release}.json"


def _read_rules(folder: Path, language: str) -> dict[str, Any] | None:
    import json

    name = _rules_name(language)
    if name is None:
        return None
    try:
        rules = json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rules if isinstance(rules, dict) and rules.get("format") == 1 else None


def _write_rules(folder: Path, language: str, rules: dict[str, Any]) -> None:
    import json

    from culturelint.atomic import write_atomic
    from culturelint.profiles import validcache

    name = _rules_name(language)
    if name is None:
        return
    try:
        validcache.ensure_folder(folder)
        write_atomic(folder / name, json.dumps(rules, ensure_ascii=False))
    except OSError:
        pass


def _export_rules(nlp: Any) -> dict[str, Any] | None:
    """The tokenizer's rules as plain data, or None when they are not all plain
    regular expressions of Python's `re` (then only spaCy can apply them)."""
    from spacy.attrs import ORTH

    tokenizer = nlp.tokenizer
    if type(tokenizer).__module__ != "spacy.tokenizer":
        return None
    patterns: dict[str, Any] = {}
    for key, fn in (
        ("prefix", tokenizer.prefix_search),
        ("suffix", tokenizer.suffix_search),
        ("infix", tokenizer.infix_finditer),
        ("token_match", tokenizer.token_match),
        ("url_match", tokenizer.url_match),
    ):
        if fn is None:
            patterns[key] = None
            continue
        owner = getattr(fn, "__self__", None)
        if not isinstance(owner, re.Pattern) or not isinstance(owner.pattern, str):
            return None
        patterns[key] = [owner.pattern, owner.flags]
    strings = nlp.vocab.strings
    special: dict[str, list[str]] = {}
    for string, pieces in tokenizer.rules.items():
        orths = []
        for piece in pieces:
            orth = piece.get(ORTH, piece.get("ORTH"))
            orths.append(orth if isinstance(orth, str) else strings[orth])
        special[string] = orths
    return {
        "format": 1,
        "patterns": patterns,
        "special": special,
        "faster_heuristics": bool(tokenizer.faster_heuristics),
    }


class _RuleTokenizer:
    """spaCy's tokenization algorithm over exported rules (see `Tokenizer.explain`).

    Text is split at white space; each chunk loses prefixes and suffixes until an
    exception, a token_match or nothing to strip remains, then splits at infixes.
    Finally exceptions that the affix rules had split ("e.g." seen as "e.g" + ".")
    are put back together, as spaCy's special-case matcher does.
    """

    def __init__(self, rules: dict[str, Any], store: Any = None) -> None:
        """`store` (a `GrowingStore`) holds splits of chunks from earlier runs: a run
        that finds every chunk there never compiles the affix patterns, whose large
        character classes cost tens of milliseconds per language and process."""
        self._patterns = rules["patterns"]
        self._compiled = False  # the affix patterns below, compiled on first need
        self._prefix: Any = None
        self._suffix: Any = None
        self._infix: Any = None
        self._url_match: Any = None
        self._store = store
        self.special: dict[str, list[str]] = rules["special"]
        self._memo: dict[str, list[str]] = {}  # white-space chunk -> its words
        patterns = self._patterns
        # French's is an alternation of more than a million characters: compiling it
        # whole costs seconds, so its alternatives are compiled only when needed.
        token_match = patterns.get("token_match")
        self._token_match_fn = _LazyAlternation(*token_match).match if token_match else None
        if "phrases" in rules:
            self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for pieces, string in rules["phrases"]:
                self.phrases.setdefault(pieces[0], []).append((tuple(pieces), string))
        else:
            self.phrases = self._special_phrases(bool(rules.get("faster_heuristics", True)))

    def _compile(self) -> None:
        never = compile_cached("a^")

        def compiled(key: str) -> re.Pattern[str]:
            value = self._patterns.get(key)
            return compile_cached(value[0], value[1]) if value else never

        self._prefix = compiled("prefix").search
        self._suffix = compiled("suffix").search
        self._infix = compiled("infix").finditer
        self._url_match = compiled("url_match").match
        self._compiled = True

    def _token_match(self, text: str) -> bool:
        return self._token_match_fn is not None and self._token_match_fn(text)

    def _special_phrases(self, faster: bool) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Exceptions the affix rules would split, keyed by the first piece they split into."""
        if not self._compiled:
            self._compile()
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for string in self.special:
            if faster and not (
                self._prefix(string)
                or self._suffix(string)
                or next(self._infix(string), None)
                or " " in string
            ):
                continue
            pieces = tuple(self._split(string, {}))
            if pieces:
                phrases.setdefault(pieces[0], []).append((pieces, string))
        return phrases

    def spans(self, text: str) -> Spans:
        text = _utf8_safe(text)
        words = self._split(text, self.special)
        starts = _starts(text, words)
        if self.phrases:
            words, starts = self._merge_specials(words, starts, text)
        return [(s, s + len(w)) for s, w in zip(starts, words, strict=True) if not w.isspace()]

    def _split(self, text: str, special: dict[str, list[str]]) -> list[str]:
        """The words of `text`. Each white-space chunk splits on its own, and copy
        repeats its words, so the split of a chunk is remembered (for the tokenizer's
        own exceptions; `_special_phrases` splits with none)."""
        tokens: list[str] = []
        own = special is self.special
        memo = self._memo if own else {}
        store = self._store if own else None
        for chunk in text.split():
            pieces = memo.get(chunk)
            if pieces is None:
                stored = store.get(chunk) if store is not None else None
                if stored is not None:
                    pieces = stored.split(_PIECE_SEPARATOR) if stored else []
                else:
                    pieces = self._split_chunk(chunk, special)
                    if store is not None:
                        store.put(chunk, _PIECE_SEPARATOR.join(pieces))
                if len(memo) < _MEMO_LIMIT:
                    memo[chunk] = pieces
            tokens.extend(pieces)
        return tokens

    def _split_chunk(self, substring: str, special: dict[str, list[str]]) -> list[str]:
        if not self._compiled:
            self._compile()
        prefix_search, suffix_search = self._prefix, self._suffix
        tokens: list[str] = []
        suffixes: list[str] = []
        while substring:
            if substring in special:
                tokens.extend(special[substring])
                substring = ""
                continue
            while prefix_search(substring) or suffix_search(substring):
                if self._token_match(substring):
                    tokens.append(substring)
                    substring = ""
                    break
                if substring in special:
                    tokens.extend(special[substring])
                    substring = ""
                    break
                match = prefix_search(substring)
                if match:
                    split = match.end()
                    if split == 0:
                        break
                    tokens.append(substring[:split])
                    substring = substring[split:]
                    if substring in special:
                        continue
                match = suffix_search(substring)
                if match:
                    split = match.start()
                    if split == len(substring):
                        break
                    suffixes.append(substring[split:])
                    substring = substring[:split]
            if not substring:
                continue
            if self._token_match(substring) or self._url_match(substring):
                tokens.append(substring)
            elif substring in special:
                tokens.extend(special[substring])
            else:
                tokens.extend(self._split_infixes(substring))
            substring = ""
        tokens.extend(reversed(suffixes))
        return tokens

    def _split_infixes(self, substring: str) -> list[str]:
        out: list[str] = []
        offset = 0
        for match in self._infix(substring):
            if offset == 0 and match.start() == 0:
                continue
            if substring[offset : match.start()]:
                out.append(substring[offset : match.start()])
            if substring[match.start() : match.end()]:
                out.append(substring[match.start() : match.end()])
            offset = match.end()
        if substring[offset:]:
            out.append(substring[offset:])
        return out

    def _merge_specials(
        self, words: list[str], starts: list[int], text: str
    ) -> tuple[list[str], list[int]]:
        """Longest (then first) runs of words that spell an exception become its pieces,
        when nothing separates the words in the text ("e.g." but not "e.g .")."""
        found: list[tuple[int, int, str]] = []
        for i, word in enumerate(words):
            for pieces, string in self.phrases.get(word, ()):
                j = i + len(pieces)
                if tuple(words[i:j]) == pieces:
                    found.append((i, j, string))
        if not found:
            return words, starts
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        taken: set[int] = set()
        chosen: dict[int, tuple[int, str]] = {}
        for i, j, string in found:
            if taken.isdisjoint(range(i, j)):
                taken.update(range(i, j))
                chosen[i] = (j, string)
        out: list[str] = []
        i = 0
        while i < len(words):
            if i in chosen:
                j, string = chosen[i]
                if text[starts[i] : starts[j - 1] + len(words[j - 1])] == string:
                    out.extend(self.special[string])
                    i = j
                    continue
            out.append(words[i])
            i += 1
        return out, _starts(text, out)


# Constructs under which a pattern with wider character classes could match less
# (negative lookarounds), or whose alternatives cannot be compiled one by one
# (back references, conditionals), or whose text is not read as written (verbose
# mode, comments): such patterns are compiled whole.
_NOT_SPLITTABLE = compile_cached(r"\(\?!|\(\?<!|\\[1-9]|\(\?P=|\(\?\(|\(\?#|\(\?[aiLmsu]*x")
_GLOBAL_FLAGS = compile_cached(r"\(\?[aiLmsux]+\)")
# Character classes longer than this are the costly part of compiling a pattern.
_LONG_CLASS = 64


class _LazyAlternation:
    """Whether a pattern matches at the start of a text, compiling only the parts
    that can.

    spaCy's French token_match is about a hundred alternatives, each a literal stem
    ("^anti", "^hip") with hyphens or apostrophes and long classes of letters;
    compiling it costs seconds per process, nearly all in those classes. Each long
    class is replaced by "." (any character) to make a sketch of the pattern that
    compiles in milliseconds and matches every text the pattern matches (and a few
    more): a text the sketch rejects is rejected, and only the alternatives whose
    own sketch accepts a text are compiled in full and decide. The answer is the
    same as the whole pattern's, whose alternation succeeds when any one succeeds.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._whole: Any = None
        self._alternatives: list[tuple[Any, str, Any]] | None = None
        self._parts: str | None = None  # the pattern without its flags, when split
        self._prepared = False  # sketching waits for the first text: a run may have none

    def _prepare(self) -> None:
        self._prepared = True
        pattern, flags = self._pattern, self._flags
        if flags & re.VERBOSE or _NOT_SPLITTABLE.search(pattern):
            return  # compiled whole on first use
        head = _GLOBAL_FLAGS.match(pattern)
        self._head = head.group() if head else ""
        body = pattern[len(self._head) :]
        sketch = _sketch(body)
        try:
            self._sketch = compile_cached(self._head + sketch, flags | re.DOTALL).match
        except re.error:
            return
        self._parts = body
        self._sketch_body = sketch

    def match(self, text: str) -> bool:
        if not self._prepared:
            self._prepare()
        if self._parts is None:
            if self._whole is None:
                self._whole = compile_cached(self._pattern, self._flags).match
            return self._whole(text) is not None
        if self._sketch(text) is None:
            return False
        if self._alternatives is None:
            # Widening classes leaves parentheses and bars alone: the sketch's
            # alternatives are those of the pattern, in the same order.
            parts = _split_alternatives(self._parts)
            sketches = _split_alternatives(self._sketch_body)
            self._alternatives = [
                (compile_cached(self._head + sketch, self._flags | re.DOTALL).match, part, None)
                for sketch, part in zip(sketches, parts, strict=True)
            ]
        for i, (sketch, part, full) in enumerate(self._alternatives):
            if sketch(text) is None:
                continue
            if full is None:
                full = compile_cached(self._head + part, self._flags).match
                self._alternatives[i] = (sketch, part, full)
            if full(text) is not None:
                return True
        return False


# The parts of a pattern that matter to `_sketch` and `_split_alternatives`: an
# escaped character, a character class (as `re` reads one: a "]" right after the
# opening "[" or "[^" is a member), a parenthesis or a bar. Scanning with a regular
# expression keeps a pattern of a million characters out of a Python loop.
_SYNTAX = compile_cached(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def _sketch(pattern: str) -> str:
    """The pattern with each long character class widened to any character."""
    parts: list[str] = []
    pos = 0
    for found in _SYNTAX.finditer(pattern):
        start, end = found.span()
        if end - start > _LONG_CLASS and pattern[start] == "[":
            parts += [pattern[pos:start], "."]
            pos = end
    parts.append(pattern[pos:])
    return "".join(parts)


def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|(b|c)" -> "a", "(b|c)")."""
    parts: list[str] = []
    depth = 0
    start = 0
    for found in _SYNTAX.finditer(pattern):
        token = found.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "|" and depth == 0:
            parts.append(pattern[start : found.start()])
            start = found.end()
    parts.append(pattern[start:])
    return parts


def _starts(text: str, words: list[str]) -> list[int]:
    """Offsets of consecutive words of `text` (only white space lies between them)."""
    starts: list[int] = []
    pos = 0
    for word in words:
        start = text.find(word, pos)
        starts.append(start)
        pos = start + len(word)
    return starts


@cache
def _lemma_table(language: str) -> Any:
    """The `lemma_lookup` table of spacy-lookups-data for `language`: a mapping with
    `get`, empty when the language has none.

    With a cache folder, the table is an SQLite file there (`_LemmaStore`), built once
    from the JSON: opening it costs nothing, and a run with copy in six languages does
    not hold six tables of several hundred thousand words (half a gigabyte) in memory.
    Without one, the JSON is read into a dict.
    """
    from culturelint.profiles import validcache

    folder = validcache.folder("lemmas")
    if folder is not None:
        store = _LemmaStore.open(folder, language)
        if store is not None:
            return store
    return _lemma_json(language)


def prepare_lemmas(languages: Iterable[str]) -> None:
    """On a first run, start building the lemma stores of `languages` (a market's)
    in the background while the first rules run; `_lemma_table` waits for them.
    SQLite fills them from the JSON without holding the interpreter (German: 0.3 s)."""
    from culturelint.profiles import validcache

    folder = validcache.folder("lemmas")
    if folder is None or not validcache.sqlite_reads_json():
        return
    for language in dict.fromkeys(base_language(lang) for lang in languages):
        path = _LemmaStore.path(folder, language)
        if path is not None:
            validcache.build_soon(path, lambda p, lang=language: _LemmaStore._build(p, lang))


def _lemma_json(language: str) -> dict[str, Any]:
    """The table as spacy-lookups-data ships it, kept as a plain dict: building a
    spaCy `Table` hashes every key and takes several times longer for the large
    tables."""
    import json

    raw = _lemma_json_bytes(language)
    try:
        table = json.loads(raw) if raw is not None else None
    except ValueError:
        return {}
    return table if isinstance(table, dict) else {}


def _lemma_json_bytes(language: str) -> bytes | None:
    """The JSON of the table (UTF-8), found through the package's `spacy_lookups`
    entry points (what spaCy's lookups registry reads, without importing spaCy).
    Bytes, as SQLite reads them (see `checks/_lookups.py`, `table_json`)."""
    import gzip
    from importlib.metadata import entry_points

    try:
        found = [ep for ep in entry_points(group="spacy_lookups") if ep.name == language]
        paths = found[0].load() if found else None
    except (ImportError, ValueError, KeyError, AttributeError):
        return None
    path = paths.get("lemma_lookup") if isinstance(paths, dict) else None
    if path is None:
        return None
    path = Path(path)
    try:
        if path.exists():
            return path.read_bytes()
        # One call into zlib, which lets other threads run (gzip.open's reader is a
        # Python loop): this may run on a background thread (`prepare_lemmas`).
        return gzip.decompress(path.with_suffix(path.suffix + ".gz").read_bytes())
    except (OSError, ValueError, EOFError):
        return None


_LEMMA_ROWS_SQL = f"""
INSERT OR REPLACE INTO lemma
SELECT word, lemma FROM (
    SELECT key AS word,
           CASE type WHEN 'text' THEN value WHEN 'array' THEN json_extract(value, '$[0]') END
           AS lemma
    FROM json_each({JSON_PIECE})
)
WHERE typeof(lemma) = 'text' AND lemma != ''
"""


class _LemmaStore:
    """A lemma table in SQLite: word -> lemma, looked up one word at a time.

    Only what `_lemma` reads is stored: a list value becomes its first item, and
    entries without a usable lemma are left out (both read as "no lemma"). Lookups
    are remembered, since copy repeats its words. A forked worker opens its own
    connection, as SQLite requires.
    """

    def __init__(self, path: Path) -> None:
        from culturelint.profiles.validcache import SQLiteReader

        self.path = path
        self._db = SQLiteReader(path, immutable=True)
        self._seen: dict[str, str | None] = {}

    @staticmethod
    def path(folder: Path, language: str) -> Path | None:
        """Where the store for `language` lives; None without spacy-lookups-data."""
        from culturelint import installed

        release = installed.version("spacy-lookups-data")
        return None if release is None else folder / f"{language}-lookups-{release}.sqlite"

    @classmethod
    def open(cls, folder: Path, language: str) -> _LemmaStore | None:
        """The store for `language`, built first if missing; None if it cannot be."""
        from culturelint.profiles import validcache

        path = cls.path(folder, language)
        if path is None:
            return None
        validcache.settle(path)
        if not path.is_file() and not cls._build(path, language):
            return None
        return cls(path)

    @staticmethod
    def _build(path: Path, language: str) -> bool:
        from culturelint.profiles import validcache

        create = ["CREATE TABLE lemma (word TEXT PRIMARY KEY, lemma TEXT) WITHOUT ROWID"]
        insert = "INSERT OR REPLACE INTO lemma VALUES (?, ?)"
        if validcache.sqlite_reads_json():
            # The rows below, read by SQLite itself; in file order, so that a repeated
            # key keeps its last value, as json.loads does.
            raw = _lemma_json_bytes(language)
            if raw is not None and validcache.write_sqlite_json(
                path, create, [(_LEMMA_ROWS_SQL, raw)]
            ):
                return True
        rows = list(_table_items(_lemma_json(language)))
        return validcache.write_sqlite(path, create, insert, rows)

    def __bool__(self) -> bool:
        return True

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up `words` in one query per few hundred, so that the `get` calls that
        follow find them remembered."""
        self._db.remember(self._seen, "SELECT word, lemma FROM lemma WHERE word IN ({})", words)

    def get(self, word: str, default: Any = None) -> Any:
        found = remembered(self._seen, word, self._lookup)
        return default if found is None else found

    def items(self) -> list[tuple[str, str]] | None:
        """Every (word, lemma) of the store; None when it cannot be read."""
        import sqlite3

        try:
            return [(str(w), str(v)) for w, v in self._db.all("SELECT word, lemma FROM lemma")]
        except sqlite3.Error:
            return None

    def _lookup(self, word: str) -> str | None:
        import sqlite3

        try:
            row = self._db.one("SELECT lemma FROM lemma WHERE word = ?", (word,))
        except sqlite3.Error:
            return None
        return row[0] if row else None


def _initial(text: str) -> str:
    """First letter without case or accents: "Äpfel" -> "a"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return decomposed[:1]


def _lemma(table: Any, word: str, folded: str) -> tuple[str, bool]:
    """Case-folded lookup lemma of `word` (or `folded`), and whether the table knows
    the word as written or in lower case.

    The tables are keyed by surface form ("Uhren" but not "uhren", "clocks" but not
    "Clocks"), so the word is tried as written, in lower case and capitalized (for
    German nouns in all-caps headings). A lemma that does not start with the word's
    first letter is ignored: the tables map suppletive forms such as better -> well,
    beste -> gut or Sie -> ich, and matching on those would flag "better" for "best".
    """
    if not table:
        return folded, False
    for n, key in enumerate((word, word.lower(), word.capitalize())):
        value = table.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            if _initial(value) == _initial(word):
                return value.casefold(), n < 2
            return folded, False
    return folded, False


def _stems(language: str, folded: str) -> tuple[str, ...]:
    """The word without one inflectional ending of its language ("schwarze" -> "schwarz").

    Only for words the lemma table does not know: the German table, for one, lacks
    many inflected adjectives. Stems shorter than three letters are dropped.
    """
    return tuple(
        folded[: -len(ending)]
        for ending in _ENDINGS.get(language, ())
        if folded.endswith(ending) and len(folded) - len(ending) >= 3
    )


# Texts whose tokens (and folded forms) are kept from one rule to the next. A document
# usually has fewer segments than this, so its rules find each segment's tokens there.
_TEXTS_CACHED = 2048

# The tokens of every text of the document being linted, when it has more texts than
# the caches hold (see `one_document`); None otherwise.
_DOCUMENT: dict[tuple[Any, ...], Any] | None = None


@contextmanager
def one_document(texts: int) -> Iterator[None]:
    """While a document of `texts` segments is linted, keep the tokens of each of its
    texts until it is done, if there are more than the caches hold.

    Every rule walks a document's segments from first to last. With more segments
    than the caches have places, each rule's walk pushed out the tokens the next rule
    was about to ask for: a PO file of 6,000 messages, or a long Markdown page, was
    tokenized again by each rule that matches terms. Kept for one document and then
    dropped, these tokens cost memory in proportion to the largest file, not the run.
    """
    global _DOCUMENT
    if texts <= _TEXTS_CACHED // 2:  # rules also tokenize parts of segments
        yield
        return
    _DOCUMENT = {}
    try:
        yield
    finally:
        _DOCUMENT = None


def _per_text(cached: Any, *args: Any) -> Any:
    """`cached(*args)`, a function of a text in an LRU cache, or its answer kept for
    the document being linted (see `one_document`)."""
    memo = _DOCUMENT
    if memo is None:
        return cached(*args)
    key = (cached, *args)
    found = memo.get(key)
    if found is None:
        found = memo[key] = cached.__wrapped__(*args)
    return found


def _spaced_tokens(language: str, text: str) -> tuple[_Token, ...]:
    words = _word_keys(language)
    spans = list(_tokenizer(language)(text))
    table = _lemma_table(language)
    if isinstance(table, _LemmaStore):
        # The words met for the first time, looked up in one go (see `_lemma`).
        new = {word for s, e in spans if (word := text[s:e]) not in words}
        if new:
            table.prefetch(key for w in new for key in (w, w.lower(), w.capitalize()))
    out: list[_Token] = []
    for start, end in spans:
        word = text[start:end]
        keys = words.get(word)
        if keys is None:
            keys = _analyse_word(language, word)
            if len(words) < _MEMO_LIMIT:
                words[word] = keys
        out.append((start, end, *keys))
    return tuple(out)


@cache
def _word_keys(language: str) -> dict[str, _WordKeys]:
    """Word -> (case-folded form, lemma, stems, all three as a set), filled as words
    are met: copy repeats its words, and a lookup here is cheaper than the lemma
    table's."""
    return {}


def _analyse_word(language: str, word: str) -> _WordKeys:
    folded = word.casefold()
    lemma, known = _lemma(_lemma_table(language), word, folded)
    stems = () if known else _stems(language, folded)
    return folded, lemma, stems, frozenset({folded, lemma, *stems})


def _analyse(language: str, text: str) -> tuple[_Token, ...]:
    """Tokens of `text`, cached because several rules look at the same segment."""
    return _per_text(_analysed, language, text)


@lru_cache(maxsize=_TEXTS_CACHED)
def _analysed(language: str, text: str) -> tuple[_Token, ...]:
    if language in UNSPACED_LANGUAGES:
        return _unspaced_tokens(text)
    return _spaced_tokens(language, text)


# -- unspaced languages: characters ------------------------------------------------


def _fold_char(ch: str) -> str:
    """Width and case folding of one character (full-width "Ｂ" -> "b")."""
    if ch.isascii():
        return ch.lower()
    return unicodedata.normalize("NFKC", ch).casefold()


_FOLDED = CharacterTable(_fold_char)


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of its source character.

    Cached: every term list of every rule searches the same segment."""
    return _per_text(_folded_with_index, text)


@lru_cache(maxsize=_TEXTS_CACHED)
def _folded_with_index(text: str) -> tuple[str, list[int]]:
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded = text.translate(_FOLDED)
    if len(folded) == len(text):  # no character folded to more or fewer: the usual case
        return folded, list(range(len(text)))
    index: list[int] = []
    for i, ch in enumerate(text):
        index.extend([i] * len(_FOLDED[ord(ch)]))
    return folded, index


def _fold(text: str) -> str:
    return text.translate(_FOLDED)


def _is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# A character, or a run of ASCII letters and digits ("iPhone"); \S is str.isspace's
# complement, as in the spaced languages' text.split().
_UNSPACED_PIECE = compile_cached(r"[A-Za-z0-9]+|\S")


def _unspaced_tokens(text: str) -> tuple[_Token, ...]:
    """One token per character, except runs of ASCII letters and digits ("iPhone").
    A character's keys are made once: Chinese and Japanese copy repeats them."""
    keys = _UNSPACED_KEYS
    out: list[_Token] = []
    for match in _UNSPACED_PIECE.finditer(text):
        piece = match.group()
        found = keys.get(piece)
        if found is None:
            folded = _fold(piece)
            found = (folded, folded, (), frozenset({folded}))
            if len(keys) < _MEMO_LIMIT:
                keys[piece] = found
        out.append((match.start(), match.end(), *found))
    return tuple(out)


_UNSPACED_KEYS: dict[str, _WordKeys] = {}


def tokens(language: str, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, case-folded form, lemma) of each word of `text`.

    For checks that need token-level facts (counting pronouns, say). Spaces are not
    tokens. In languages written without spaces each character is a token, except
    that runs of Latin letters and digits stay whole.
    """
    return [t[:4] for t in _analyse(base_language(language), text)]


# -- matchers ----------------------------------------------------------------------


class TermMatcher:
    """Matches a fixed list of terms in one language.

    Matches never overlap: at each position the longest term wins, and the search
    resumes after it. With `case_sensitive`, terms match their exact surface form and
    lemmas play no part (for formality markers such as German "Sie" against "sie").
    """

    def __init__(self, language: str, terms: Iterable[str], case_sensitive: bool = False) -> None:
        self.language = base_language(language)
        self.terms = tuple(dict.fromkeys(t for t in terms if t.strip()))
        self.case_sensitive = case_sensitive
        self.unspaced = self.language in UNSPACED_LANGUAGES
        self.attaching = self.language in ATTACHING_LANGUAGES
        self._alternatives: list[str] = []  # the term of each alternative, by group
        self._regex: re.Pattern[str] | None = None
        self._by_term: dict[str, str] = {}
        self._index: dict[str, list[_Candidate]] | None = None  # spaced languages
        self._forms: tuple[str, ...] | None = None  # see `_may_hold_terms`
        self._first_words: set[str] = set()  # see `_may_occur`

    # The compiled form is built on first use so that constructing a matcher (at rule
    # load time, say) never imports spaCy.

    def find(self, text: str, *, foreign: bool = False) -> list[TermMatch]:
        """Matches in `text`, first to last.

        `foreign`: the caller expects text in another language (English season words
        looked for in German copy). Tokenizing it in this matcher's language would
        then be work done for these terms alone, so the text is first searched for
        the words that could match (`_may_hold_terms`); the result is the same.
        """
        if not self.terms or not text:
            return []
        if self.unspaced or self.attaching:
            return self._find_chars(text)
        if foreign and not self._may_hold_terms(text):
            return []
        return self._find_tokens(text)

    def find_each(self, texts: Sequence[str]) -> Iterator[tuple[int, list[TermMatch]]]:
        """(index, matches) of each of `texts` with a match, first to last.

        For a document's segments: most term lists match nowhere in a document, and
        one test on all its segments together (`_may_occur`) spares a search of each.
        """
        if not self.terms or not texts or not self._may_occur(tuple(texts)):
            return
        for i, text in enumerate(texts):
            found = self.find(text)
            if found:
                yield i, found

    def _may_occur(self, texts: tuple[str, ...]) -> bool:
        """Whether any of `texts` may hold a match: a term's first word among all of
        their words, or (matched by characters) a term anywhere in them, the texts
        joined by a character no pattern matches or looks at as a word."""
        if self.unspaced or self.attaching:
            self._compile_chars()
            joined = _joined(texts, self.case_sensitive)
            # A match holds its term's first word as written: `in` finds that far
            # faster than the pattern, whose lookbehinds keep `re` from skipping ahead.
            return any(word in joined for word in self._first_words)
        return not _all_keys(self.language, texts, self.case_sensitive).isdisjoint(
            self._compile_tokens()
        )

    def _may_hold_terms(self, text: str) -> bool:
        """Whether `text` holds a word form that could be a match's first word.

        A word matches a term's first word when its case-folded form, its lemma or a
        stem of it (the form less an ending) is one of the term word's keys. The form
        and the stems hold the key; the lemma is the key, and the word holds it too
        unless the lemma table says otherwise ("mice" -> "mouse"): those words are
        looked up once in the table (`_inflected_forms`). So a text that holds none
        of the keys and none of those words, case-folded, has no match.
        """
        if self._forms is None:
            keys = sorted(self._compile_tokens())
            inflected = [] if self.case_sensitive else _inflected_forms(self.language, tuple(keys))
            if inflected is None:
                self._forms = ("",)  # the table cannot be read: every text may match
            else:
                # A form holding a shorter one is found whenever the shorter one is.
                forms: list[str] = []
                for form in sorted({*keys, *inflected}, key=lambda f: (len(f), f)):
                    if not any(shorter in form for shorter in forms):
                        forms.append(form)
                # Past some dozens of forms, looking for each costs more than
                # tokenizing the text once.
                self._forms = tuple(forms) if len(forms) <= _MAX_FORMS else ("",)
        # Words are slices of the text as given, and case folding goes character by
        # character, so a word's folded form is a slice of the folded text.
        haystack = text if self.case_sensitive else text.casefold()
        return any(form in haystack for form in self._forms)

    # -- by characters -------------------------------------------------------------

    def _compile_chars(self) -> re.Pattern[str]:
        if self._regex is None:
            fold = (lambda s: s) if self.case_sensitive else _fold
            alternatives = []
            for term in sorted(self.terms, key=len, reverse=True):
                key = fold(term.strip())
                self._by_term.setdefault(key, term)
                body = re.escape(key)
                self._first_words.add(key.split()[0])
                if self.attaching:
                    body = self._attached(key)
                    self._alternatives.append(term)
                    body = f"(?P<t{len(self._alternatives) - 1}>{body})"
                # Latin words inside CJK text still match whole: "best" not in "bestseller".
                elif _is_latin_word_char(key[0]):
                    body = r"(?<![A-Za-z0-9])" + body
                if _is_latin_word_char(key[-1]):
                    body += r"(?![A-Za-z0-9])"
                alternatives.append(body)
            self._regex = compile_cached("|".join(alternatives))
        return self._regex

    def _attached(self, key: str) -> str:
        """The pattern of a term in an attaching language: its words with any run of
        spaces between them, and the particles the language attaches around them."""
        before, open_end = ATTACHING_LANGUAGES[self.language]
        words = key.split()
        # The article is one of the particles, unless what is left is no word: الله
        # (God) is not ال + له ("to him").
        if before and words[0].startswith("ال") and len(words[0]) > 4:
            words[0] = words[0][2:]
            self._first_words.add(words[0])
        body = r"(?<!\w)" + before + r"\s+".join(re.escape(w) for w in words)
        return body if open_end else body + r"(?!\w)"

    def _find_chars(self, text: str) -> list[TermMatch]:
        regex = self._compile_chars()
        if self.case_sensitive:
            return [TermMatch(m.start(), m.end(), self._listed(m)) for m in regex.finditer(text)]
        folded, index = _fold_with_index(text)
        out = []
        for m in regex.finditer(folded):
            if m.end() == m.start():
                continue
            start = index[m.start()]
            end = index[m.end() - 1] + 1
            out.append(TermMatch(start, end, self._listed(m)))
        return out

    def _listed(self, match: re.Match[str]) -> str:
        """The term as listed, for a match of it as found."""
        if self.attaching and match.lastgroup:
            return self._alternatives[int(match.lastgroup[1:])]
        return self._by_term.get(match.group(0), match.group(0))

    # -- by tokens -----------------------------------------------------------------

    def _compile_tokens(self) -> dict[str, list[_Candidate]]:
        """First-token key -> terms starting with it, each as one key set per token."""
        if self._index is not None:
            return self._index
        index: dict[str, list[_Candidate]] = {}
        for order, term in enumerate(self.terms):
            if self.case_sensitive:
                keys = tuple(frozenset({t[2]}) for t in self._surface_tokens(term))
            else:
                keys = tuple(frozenset({t[2], t[3]}) for t in _analyse(self.language, term))
            if not keys:
                continue
            for key in keys[0]:
                index.setdefault(key, []).append((keys, order, term))
        self._index = index
        return index

    def _surface_tokens(self, text: str) -> list[tuple[int, int, str]]:
        return [(a, b, text[a:b]) for a, b in _tokenizer(self.language)(text)]

    def _find_tokens(self, text: str) -> list[TermMatch]:
        index = self._compile_tokens()
        if self.case_sensitive:
            spans, keysets, every = _surface_keys(self.language, text)
        else:
            spans, keysets, every = _token_keys(self.language, text)
        if every.isdisjoint(index):  # no term can start anywhere: the usual case
            return []
        return _scan(spans, keysets, index)


def matches_by_text(
    matchers: Iterable[TermMatcher], texts: Sequence[str]
) -> dict[int, list[TermMatch]]:
    """Index of each text with a match -> the matches of all `matchers` in it, in the
    order of the matchers (a document's segments searched for several term lists)."""
    found: dict[int, list[TermMatch]] = {}
    for matcher in matchers:
        for i, matches in matcher.find_each(texts):
            found.setdefault(i, []).extend(matches)
    return found


# A few documents' worth: the rules ask in turn about the same document's segments.
@lru_cache(maxsize=16)
def _joined(texts: tuple[str, ...], case_sensitive: bool) -> str:
    """The texts folded as `_find_chars` searches them, joined by NUL."""
    if case_sensitive:
        return "\0".join(texts)
    return "\0".join(_fold_with_index(text)[0] for text in texts)


@lru_cache(maxsize=16)
def _all_keys(language: str, texts: tuple[str, ...], case_sensitive: bool) -> frozenset[str]:
    keyed = _surface_keys if case_sensitive else _token_keys
    return frozenset().union(*(keyed(language, text)[2] for text in texts))


# Spans of a text's tokens, the keys each token matches by, and all of those keys.
_Keyed = tuple[list[tuple[int, int]], list[frozenset[str]], frozenset[str]]


def _token_keys(language: str, text: str) -> _Keyed:
    """Cached per text: every term list of every rule looks at the same segment."""
    return _per_text(_keyed_tokens, language, text)


@lru_cache(maxsize=_TEXTS_CACHED)
def _keyed_tokens(language: str, text: str) -> _Keyed:
    analysed = _analyse(language, text)
    keysets = [t[5] for t in analysed]
    return [(t[0], t[1]) for t in analysed], keysets, frozenset().union(*keysets)


def _surface_keys(language: str, text: str) -> _Keyed:
    return _per_text(_keyed_surface, language, text)


@lru_cache(maxsize=_TEXTS_CACHED)
def _keyed_surface(language: str, text: str) -> _Keyed:
    spans = _tokenizer(language)(text)
    keysets = [frozenset({text[a:b]}) for a, b in spans]
    return list(spans), keysets, frozenset().union(*keysets)


# A term as one set of acceptable keys per token, its place in the list, and the term.
_Candidate = tuple[tuple[frozenset[str], ...], int, str]


def _scan(
    spans: Sequence[tuple[int, int]],
    keysets: Sequence[frozenset[str]],
    index: dict[str, list[_Candidate]],
) -> list[TermMatch]:
    """Leftmost-longest, non-overlapping matches of terms over tokens.

    A term token matches a text token when they share a key: the case-folded form,
    the lemma, or (text side only) a stem of a word the lemma table does not know.
    Among terms of equal length the one listed first wins.
    """
    out: list[TermMatch] = []
    i = 0
    n = len(spans)
    while i < n:
        best: tuple[int, int, str] | None = None  # (-length, order, term)
        for key in keysets[i]:
            for keys, order, term in index.get(key, ()):
                size = len(keys)
                if i + size > n:
                    continue
                rank = (-size, order, term)
                if best is not None and rank >= best:
                    continue
                if all(keys[j] & keysets[i + j] for j in range(size)):
                    best = rank
        if best is None:
            i += 1
            continue
        size = -best[0]
        out.append(TermMatch(spans[i][0], spans[i + size - 1][1], best[2]))
        i += size
    return out


# The most word forms `TermMatcher._may_hold_terms` looks for, one substring search each.
_MAX_FORMS = 64


def _inflected_forms(language: str, lemmas: tuple[str, ...]) -> list[str] | None:
    """Case-folded words whose lemma in the language's table is one of `lemmas`
    (case-folded) although the word does not hold it: "mice" for "mouse", German
    "bäume" for "baum". Read from the whole table once per term list and kept with the
    derived data (43 ms for English's 41,582 words, 0.3 s for Spanish's 491,547).
    None when the table cannot be read: nothing is kept then."""
    import json

    from culturelint.profiles import validcache

    def compute() -> list[str]:
        wanted = set(lemmas)
        found = set()
        for word, lemma in _table_items(_lemma_table(language)):
            lemma = lemma.casefold()
            if lemma in wanted:
                # The folded form of a text word that looks this entry up: the
                # word as written, in lower case or capitalized folds as the entry
                # does, but for dotless "ı", which capitalizes to "I".
                folded = [word.casefold()]
                if word[:1] == "I":
                    folded.append("ı" + word[1:].casefold())
                found.update(f for f in folded if lemma not in f)
        return sorted(found)

    key = json.dumps([language, *lemmas], ensure_ascii=False)
    try:
        return validcache.memo_json(
            "inflected", key, compute, validcache.strings, packages=["spacy-lookups-data"]
        )
    except _UnreadableTable:
        return None


class _UnreadableTable(Exception):
    """A lemma store that fails while it is read whole."""


def _table_items(table: Any) -> Iterable[tuple[str, str]]:
    """(word, lemma) of every entry `_lemma` can use: a list gives its first item."""
    if isinstance(table, _LemmaStore):
        rows = table.items()
        if rows is None:
            raise _UnreadableTable(str(table.path))
        yield from rows
        return
    for word, value in (table or {}).items():
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(word, str) and isinstance(value, str) and value:
            yield word, value


@lru_cache(maxsize=512)
def _cached(language: str, terms: tuple[str, ...], case_sensitive: bool) -> TermMatcher:
    return TermMatcher(language, terms, case_sensitive=case_sensitive)


def matcher_for(language: str, terms: Iterable[str], case_sensitive: bool = False) -> TermMatcher:
    """A compiled matcher, shared across files for the same language and term list."""
    return _cached(base_language(language), tuple(terms), case_sensitive)
