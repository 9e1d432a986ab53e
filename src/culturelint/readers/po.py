"""gettext PO and POT files: every msgstr a segment, mapped through its escapes.

polib validates the file and gives the values, but it keeps no positions, so a small
line scanner finds where each entry's msgid and msgstr strings are written. Every
character of a msgstr maps back to the file: `\\n`, `\\"` and the other escapes map
as a whole onto their two source characters, and a msgstr continued over several
quoted lines maps line by line.

- Segments: kind "msgstr", key = msgid (or "msgctxt|msgid"), source = msgid,
  note = translator and extracted comments, attrs: `flags`, `context`, and for
  plural entries `plural` (the msgstr index), `msgid_plural` and `one_number` (the
  Plural-Forms formula uses this form for one number only, such as n == 1).
- Fuzzy entries are a translator's draft: they are not segments (no cultural rule
  runs on them) but are kept in `meta["l10n_fuzzy"]` for the l10n rules, which
  include them with `options: {l10n: {include_fuzzy: true}}`.
- Obsolete entries (`#~`) are skipped; so is the header.
- Empty msgstr: `meta["l10n_empty"]` (CL804), pointing at the `msgstr` keyword.
- POT files (`.pot`) are templates: source only, no segments and no findings. They
  have no market of their own; the `Language` header, when set, names it, else the
  template is taken to be in English (the usual source language) so it lints clean.
- `Language:` header -> `market_hint`; translator comments (`# ...`) -> comments,
  each applying to its whole entry (a directive above an entry covers its msgstr).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from culturelint.document import Comment, Document, Segment, SegmentBuilder
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import (
    EMPTY,
    FUZZY,
    TARGET_LANGUAGE,
    TEMPLATE,
    EmptyUnit,
)
from culturelint.readers.lines import SourceLines
from culturelint.regex_cache import compile_cached

_KEYWORD = compile_cached(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_LOCALE = compile_cached(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?$")
# Template files: the default source language when the header names none.
TEMPLATE_LANGUAGE = "en"


@dataclass
class _Field:
    """One keyword of an entry (msgid, msgstr[1] ...) and its quoted strings."""

    name: str
    start: int  # offset of the keyword
    end: int  # end of its last string line
    strings: list[tuple[int, int]] = field(default_factory=list)  # content offsets


@dataclass
class _Entry:
    start: int
    end: int = 0
    comments: list[tuple[str, int, int]] = field(default_factory=list)  # translator
    extracted: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    fields: dict[str, _Field] = field(default_factory=dict)
    obsolete: bool = False

    def has_msgstr(self) -> bool:
        return any(name.startswith("msgstr") for name in self.fields)


def read(path: str, text: str) -> Document:
    template = path.lower().endswith(".pot")
    entries = _scan(text)
    _validate_with_polib(text)
    doc = Document(path=path, text=text, format="pot" if template else "po")
    header = _header(entries, text)
    language = _language(header, doc)
    if language:
        doc.meta[TARGET_LANGUAGE] = language
    if template:
        doc.meta[TEMPLATE] = True
        doc.market_hint = language or TEMPLATE_LANGUAGE
    else:
        doc.market_hint = language
    nplurals = _nplurals(header)
    single = _single_number_forms(header, nplurals)
    empties: list[EmptyUnit] = []
    fuzzy: list[Segment] = []
    first_line: dict[str, int] = {}  # entry key -> offset of its first msgid
    for entry in entries:
        if entry.obsolete:
            continue
        if _is_header(entry, text):
            # The header's comments are the file's own: `culturelint-disable-file` there.
            _add_comments(doc, entry, of_unit=False)
            continue
        _add_comments(doc, entry)
        if "msgid" not in entry.fields:
            continue
        msgid = _value(text, entry.fields["msgid"])
        msgctxt = _value(text, entry.fields["msgctxt"]) if "msgctxt" in entry.fields else None
        key = _key(msgctxt, msgid)
        _note_duplicate(doc, entry, key, first_line)
        if not entry.has_msgstr():
            doc.warnings.append(
                ("entry has no msgstr; msgfmt refuses the file", entry.fields["msgid"].start)
            )
        if template:
            continue
        _add_units(doc, entry, text, (msgctxt, msgid), nplurals, single, empties, fuzzy)
    if empties:
        doc.meta[EMPTY] = empties
    if fuzzy:
        doc.meta[FUZZY] = fuzzy
    return doc


# -- scanning ------------------------------------------------------------------------


def _scan(text: str) -> list[_Entry]:
    """Group the file's lines into entries; raise ReadError on broken quoting."""
    lines = SourceLines(text)
    entries: list[_Entry] = []
    entry: _Entry | None = None
    current: _Field | None = None

    def finish() -> None:
        nonlocal entry, current
        if entry is not None and (entry.fields or entry.comments):
            entries.append(entry)
        entry, current = None, None

    for n in range(len(lines)):
        raw = lines.line(n)
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        start, end = lines.start(n), lines.end(n)
        if not stripped:
            finish()
            continue
        if stripped.startswith("#"):
            if entry is not None and entry.fields:
                finish()
            if entry is None:
                entry = _Entry(start=start)
            entry.end = end
            # The comment's span is exactly its text (no trailing white space).
            _comment_line(entry, stripped, start + indent, start + indent + len(stripped))
            continue
        if entry is None:
            entry = _Entry(start=start)
        keyword = _KEYWORD.match(stripped)
        if keyword:
            name = keyword.group(1)
            if name in ("msgctxt", "msgid") and entry.has_msgstr():
                finish()
                entry = _Entry(start=start)
            if name in entry.fields:
                raise ReadError(f"line {n + 1}: {name} given twice in one entry", n + 1)
            current = _Field(name, start + indent, end)
            entry.fields[name] = current
            quote = start + indent + keyword.end()
        elif stripped.startswith('"'):
            if current is None:
                raise ReadError(f"line {n + 1}: a string with no msgid or msgstr before it", n + 1)
            quote = start + indent
        else:
            word = stripped.split()[0]
            raise ReadError(f"line {n + 1}: unexpected {word!r} (not a PO keyword)", n + 1)
        assert current is not None
        current.strings.append(_quoted(text, quote, end, n + 1))
        current.end = end
        entry.end = end
    finish()
    return entries


def _comment_line(entry: _Entry, stripped: str, start: int, end: int) -> None:
    marker = stripped[:2]
    if marker == "#~":
        entry.obsolete = True
    elif marker == "#,":
        entry.flags.extend(f.strip() for f in stripped[2:].split(",") if f.strip())
    elif marker == "#.":
        entry.extracted.append(stripped[2:].strip())
    elif marker in ("#:", "#|"):
        pass  # references and previous strings are not for people
    else:
        entry.comments.append((stripped, start, end))


def _quoted(text: str, quote: int, line_end: int, line_no: int) -> tuple[int, int]:
    """Content offsets of the string that opens at `quote`; checks the quoting."""
    i = quote + 1
    while i < line_end:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == '"':
            if text[i + 1 : line_end].strip():
                raise ReadError(
                    f'line {line_no}: text after the closing quote (an unescaped \\" ?)',
                    line_no,
                )
            return quote + 1, i
        i += 1
    raise ReadError(f"line {line_no}: string has no closing quote", line_no)


def _validate_with_polib(text: str) -> None:
    """polib is the reference parser; what it refuses, we refuse, with its line."""
    import polib

    try:
        polib.pofile(text)
    except (OSError, ValueError) as exc:
        message = str(exc)
        m = re.search(r"line (\d+)", message)
        line = _editor_line(text, int(m.group(1))) if m else None
        raise ReadError(f"invalid PO file: {message}", line) from None


def _editor_line(text: str, polib_line: int) -> int:
    """polib counts lines as str.splitlines does (form feeds, U+2028 ... end a line);
    findings count them as editors do (\n, \r\n, \r). Map one to the other."""
    from culturelint.document import LineIndex

    pieces = text.splitlines(keepends=True)
    offset = sum(len(p) for p in pieces[: max(0, polib_line - 1)])
    return LineIndex(text).position(min(offset, len(text)))[0]


# -- values ----------------------------------------------------------------------------


def _decode(text: str, item: _Field | None) -> SegmentBuilder:
    """The value of a field's strings, each character mapped to its source."""
    builder = SegmentBuilder()
    if item is None:
        return builder
    for start, end in item.strings:
        run = start
        i = start
        while i < end:
            if text[i] == "\\" and i + 1 < end:
                builder.add(text[run:i], run)
                escaped = text[i + 1]
                builder.add_mapped(_ESCAPES.get(escaped, "\\" + escaped), i, i + 2)
                i += 2
                run = i
            else:
                i += 1
        builder.add(text[run:end], run)
    return builder


def _value(text: str, item: _Field | None) -> str:
    return _decode(text, item).text


def _is_header(entry: _Entry, text: str) -> bool:
    msgid = entry.fields.get("msgid")
    return msgid is not None and "msgctxt" not in entry.fields and not _value(text, msgid)


def _header(entries: list[_Entry], text: str) -> dict[str, str]:
    for entry in entries:
        if not entry.obsolete and _is_header(entry, text):
            fields: dict[str, str] = {}
            for line in _value(text, entry.fields.get("msgstr")).split("\n"):
                name, sep, value = line.partition(":")
                if sep:
                    fields[name.strip().lower()] = value.strip()
            return fields
    return {}


def _language(header: dict[str, str], doc: Document) -> str | None:
    raw = header.get("language", "")
    tag = raw.split("@")[0].split(".")[0].strip()
    if not tag:
        return None
    if not _LOCALE.match(tag):
        doc.warnings.append((f"PO Language header {raw!r} is not a locale tag; ignored", 0))
        return None
    return tag


def _note_duplicate(doc: Document, entry: _Entry, key: str, first_line: dict[str, int]) -> None:
    """Two entries with one msgctxt and msgid: gettext keeps one of them, and msgfmt
    refuses the file ("duplicate message definition")."""
    start = entry.fields["msgid"].start
    first = first_line.setdefault(key, start)
    if first == start:
        return
    doc.warnings.append(
        (
            f"duplicate message definition: {key!r} was first defined on line "
            f"{doc.position(first)[0]}; gettext uses one of them",
            start,
        )
    )


def _nplurals(header: dict[str, str]) -> int | None:
    m = re.search(r"nplurals\s*=\s*(\d+)", header.get("plural-forms", ""))
    return int(m.group(1)) if m else None


# Numbers tried against a Plural-Forms formula to see which forms serve one number only.
_PLURAL_PROBE = range(1000)


def _single_number_forms(header: dict[str, str], nplurals: int | None) -> frozenset[int]:
    """The msgstr indices the Plural-Forms formula uses for one number only.

    Such a form may leave the number out ("Eine Datei" for n == 1), as msgfmt's
    format check allows; a form that serves many numbers must show it. In Russian
    msgstr[0] serves 1, 21, 31 ... and needs its %d. Without a formula that can be
    read, the usual one, `n != 1`, is assumed: msgstr[0] alone is for one number.
    """
    m = re.search(r"\bplural\s*=\s*([^;]+)", header.get("plural-forms", ""))
    found = _served_once(m.group(1).strip()) if m else None
    if found is None:
        return frozenset() if nplurals == 1 else frozenset({0})
    return found


@lru_cache(maxsize=64)
def _served_once(formula: str) -> frozenset[int] | None:
    """Forms `formula` picks for one probe number only; None if it cannot be read.
    Cached: a project's PO files share a handful of formulas."""
    import gettext

    try:
        plural = gettext.c2py(formula)  # parses C syntax only; no code of the file runs
        served = [int(plural(n)) for n in _PLURAL_PROBE]
    except (ValueError, ArithmeticError, RecursionError, TypeError):
        return None
    return frozenset(i for i in set(served) if served.count(i) == 1)


# -- units -----------------------------------------------------------------------------


def _key(msgctxt: str | None, msgid: str) -> str:
    return f"{msgctxt}|{msgid}" if msgctxt else msgid


def _add_comments(doc: Document, entry: _Entry, *, of_unit: bool = True) -> None:
    for comment_text, start, end in entry.comments:
        if entry.fields and of_unit:
            doc.comments.append(Comment(comment_text, start, end, (start, entry.end)))
        else:
            doc.comments.append(Comment(comment_text, start, end))


def _add_units(
    doc: Document,
    entry: _Entry,
    text: str,
    message: tuple[str | None, str],
    nplurals: int | None,
    single: frozenset[int],
    empties: list[EmptyUnit],
    fuzzy: list[Segment],
) -> None:
    msgctxt, msgid = message
    msgid_plural = (
        _value(text, entry.fields["msgid_plural"]) if "msgid_plural" in entry.fields else None
    )
    note_lines = [
        c[0].lstrip("#").strip() for c in entry.comments if "culturelint-" not in c[0]
    ] + entry.extracted
    note = "\n".join(line for line in note_lines if line) or None
    is_fuzzy = "fuzzy" in entry.flags
    base_attrs: dict[str, object] = {"flags": list(entry.flags)}
    if msgctxt is not None:
        base_attrs["context"] = msgctxt
    key = _key(msgctxt, msgid)
    for name, item in entry.fields.items():
        if not name.startswith("msgstr"):
            continue
        attrs = dict(base_attrs)
        source = msgid
        m = re.fullmatch(r"msgstr\[(\d+)\]", name)
        if m:
            index = int(m.group(1))
            attrs["plural"] = index
            attrs["msgid_plural"] = msgid_plural
            attrs["one_number"] = index in single
            # With one plural form (ja, zh, ko ...) msgstr[0] translates the plural.
            if msgid_plural is not None and (index > 0 or nplurals == 1):
                source = msgid_plural
        builder = _decode(text, item)
        if not builder.text:
            if not is_fuzzy:
                empties.append(EmptyUnit(key, source, item.start, item.end, note=note, attrs=attrs))
            continue
        segment = builder.build("msgstr", key=key, source=source, note=note, attrs=attrs)
        if is_fuzzy:
            attrs["fuzzy"] = True
            fuzzy.append(segment)
        else:
            doc.segments.append(segment)
    if msgid_plural is not None and nplurals and not is_fuzzy:
        # Fewer msgstr[] than the Plural-Forms header asks for: those numbers have no text.
        present = [int(n[7:-1]) for n in entry.fields if n.startswith("msgstr[")]
        if present:
            last = entry.fields[f"msgstr[{max(present)}]"]
            for index in sorted(set(range(nplurals)) - set(present)):
                attrs = dict(base_attrs, plural=index, nplurals=nplurals)
                empties.append(EmptyUnit(key, msgid_plural, last.start, last.end, note, attrs))
