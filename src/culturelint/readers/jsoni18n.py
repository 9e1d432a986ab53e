"""JSON i18n files: every string leaf a segment, mapped through its escapes.

Read: flat ({"cta.buy": "Kaufen"}) and nested ({"cta": {"buy": "Kaufen"}}) files,
i18next plural keys (`items_one`, `items_other`), FormatJS/ICU messages, and message
objects: Chrome extension `messages.json` ({"key": {"message": ..., "description":
...}}), FormatJS extracted messages (`defaultMessage`) and structured JSON
(`string`, `context`, `character_limit`).

Which JSON is copy: only files whose path carries a locale tag (`de/common.json`,
`messages.de.json`, `_locales/ja/messages.json`, `strings_de-DE.json`), and never the
well-known tool files (package.json, tsconfig.json ...): see `is_i18n_path`, used by
`reader_for`. A file picked that way whose leaves are not all strings (a config file
in a locale folder) is reported as not an i18n file rather than read as copy.

- Segments: kind "value", key = the key path joined with "." (array items by index),
  note = the message object's description or context, attrs: `max_length` from a
  structured-JSON `character_limit`.
- Positions: the standard library parses the file (and reports syntax errors with
  their line); a second pass with its string scanner finds where every string is
  written, and each escape (`\\n`, `\\"`, `\\u00e9`, a surrogate pair
  `\\ud83d\\ude00`) maps as a whole onto its source characters.
- A key given twice in one object is reported (the later value wins, as in every
  JSON parser) and the rest of the file is still read.
- Empty strings and null: `meta["l10n_empty"]` (CL804). Every object's braces and
  array's brackets: `meta["l10n_objects"]`, so a key missing from a translation can
  point at the end of the object or list it belongs in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from json.decoder import scanstring

from culturelint.document import Document, SegmentBuilder
from culturelint.readers.errors import ReadError
from culturelint.readers.l10n_units import EMPTY, OBJECTS, EmptyUnit
from culturelint.regex_cache import compile_cached

# JSON files that live next to copy but are tool configuration, never copy.
NOT_I18N_NAMES = frozenset(
    {
        "package.json",
        "package-lock.json",
        "composer.json",
        "composer.lock",
        "jsconfig.json",
        "manifest.json",
        "angular.json",
        "firebase.json",
        "vercel.json",
        "lerna.json",
        "nx.json",
        "renovate.json",
        "launch.json",
        "tasks.json",
        "extensions.json",
        "devcontainer.json",
        "deno.json",
        "biome.json",
        "turbo.json",
    }
)
# Keys that carry the text of a message object, and keys that describe it.
MESSAGE_KEYS = ("message", "defaultMessage", "string", "translation")
NOTE_KEYS = ("description", "context", "developer_comment", "comment", "meaning", "note")
OTHER_MESSAGE_KEYS = frozenset({"placeholders", "character_limit", "id", "tags", "maxLength"})

_WS = compile_cached(r"[ \t\n\r]*")
_SCALAR = compile_cached(
    r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity"
)


def is_i18n_path(path: str) -> bool:
    """A JSON file is read as copy when its path names a locale and it is no tool file."""
    name = os.path.basename(path).lower()
    if (
        name in NOT_I18N_NAMES
        or name.startswith(("tsconfig", "."))
        or name.endswith(".schema.json")
    ):
        return False
    from culturelint.resolve import market_from_path

    return market_from_path(path) is not None


@dataclass
class _Node:
    kind: str  # "object", "array", "string", "scalar"
    start: int  # offset of "{", "[", the opening quote, or the scalar
    end: int  # exclusive
    value: str | None = None  # string nodes
    items: list[tuple[str, int, _Node]] = field(default_factory=list)  # key, key offset


def read(path: str, text: str) -> Document:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", exc.lineno
        ) from None
    except RecursionError:
        raise ReadError("cannot read this JSON file: it is nested too deeply") from None
    root, _ = _parse(text, _skip(text, 0))
    doc = Document(path=path, text=text, format="json")
    reader = _Reader(text, doc)
    reader.walk(root, [])
    if reader.non_strings and not reader.strings:
        where, offset = reader.non_strings[0]
        raise ReadError(
            f"not a JSON i18n file: `{where}` is not a string (culturelint reads JSON whose "
            "values are strings; add this file to `exclude` in the config)",
            doc.position(offset)[0],
        )
    for where, offset in reader.non_strings:
        doc.warnings.append((f"`{where}` is not a string; only strings are copy", offset))
    if reader.empties:
        doc.meta[EMPTY] = reader.empties
    doc.meta[OBJECTS] = reader.objects
    return doc


# -- positions --------------------------------------------------------------------------


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]


def _parse(text: str, i: int) -> tuple[_Node, int]:
    """The value at `i` (already valid JSON) with its offsets, and the offset after it."""
    ch = text[i]
    if ch == "{":
        node = _Node("object", i, i)
        i = _skip(text, i + 1)
        while text[i] != "}":
            key, after = scanstring(text, i + 1)
            key_start = i
            i = _skip(text, _skip(text, after) + 1)  # past ":"
            child, i = _parse(text, i)
            node.items.append((key, key_start, child))
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        node.end = i + 1
        return node, i + 1
    if ch == "[":
        node = _Node("array", i, i)
        i = _skip(text, i + 1)
        index = 0
        while text[i] != "]":
            child, i = _parse(text, i)
            node.items.append((str(index), child.start, child))
            index += 1
            i = _skip(text, i)
            if text[i] == ",":
                i = _skip(text, i + 1)
        node.end = i + 1
        return node, i + 1
    if ch == '"':
        value, end = scanstring(text, i + 1)
        return _Node("string", i, end, value), end
    m = _SCALAR.match(text, i)
    end = m.end() if m else i + 1
    return _Node("scalar", i, end), end


def _string_builder(text: str, node: _Node) -> SegmentBuilder:
    """The string's value, each character mapped onto what is written between the quotes."""
    builder = SegmentBuilder()
    start, end = node.start + 1, node.end - 1
    run = i = start
    while i < end:
        if text[i] != "\\":
            i += 1
            continue
        builder.add(text[run:i], run)
        if text[i + 1] == "u":
            code = int(text[i + 2 : i + 6], 16)
            width = 6
            if 0xD800 <= code < 0xDC00 and text.startswith("\\u", i + 6):
                low = int(text[i + 8 : i + 12], 16)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    width = 12
            builder.add_mapped(chr(code), i, i + width)
            i += width
        else:
            decoded, _ = scanstring(text[i : i + 2] + '"', 0)
            builder.add_mapped(decoded, i, i + 2)
            i += 2
        run = i
    builder.add(text[run:end], run)
    return builder


# -- units ------------------------------------------------------------------------------


class _Reader:
    def __init__(self, text: str, doc: Document) -> None:
        self.text = text
        self.doc = doc
        self.empties: list[EmptyUnit] = []
        self.objects: dict[str, tuple[int, int]] = {}
        self.strings = 0
        self.non_strings: list[tuple[str, int]] = []

    def walk(self, node: _Node, path: list[str]) -> None:
        key = ".".join(path)
        if node.kind == "string":
            self._unit(key, node, None, {})
        elif node.kind == "scalar" and self.text.startswith("null", node.start) and path:
            # Translation tools export a key not yet translated as null.
            self.strings += 1
            self.empties.append(EmptyUnit(key, None, node.start, node.end))
        elif node.kind == "scalar":
            self.non_strings.append((key or "(top level)", node.start))
        elif node.kind == "object" and path and self._message_object(key, node):
            return
        else:
            # Arrays too: an item missing from a translated list points at its "]".
            self.objects[key] = (node.start, node.end - 1)
            if node.kind == "object":
                self._duplicates(node, path)
            for child_key, _offset, child in node.items:
                self.walk(child, [*path, child_key])

    def _duplicates(self, node: _Node, path: list[str]) -> None:
        seen: set[str] = set()
        for child_key, offset, _child in node.items:
            if child_key in seen:
                shown = ".".join([*path, child_key])
                self.doc.warnings.append((f"duplicate key `{shown}`: the later value wins", offset))
            seen.add(child_key)

    def _message_object(self, key: str, node: _Node) -> bool:
        """A message object ({"message": ..., "description": ...}) is one unit."""
        members = {k: child for k, _o, child in node.items}
        text_key = next((k for k in MESSAGE_KEYS if k in members), None)
        if text_key is None or members[text_key].kind != "string":
            return False
        known = {*MESSAGE_KEYS, *NOTE_KEYS, *OTHER_MESSAGE_KEYS}
        if not set(members) <= known:
            return False
        notes = [
            members[k].value for k in NOTE_KEYS if k in members and members[k].kind == "string"
        ]
        attrs: dict[str, object] = {}
        limit = members.get("character_limit") or members.get("maxLength")
        if limit is not None and limit.kind == "scalar":
            raw = self.text[limit.start : limit.end]
            if raw.isdigit():
                attrs["max_length"] = int(raw)
        self._unit(key, members[text_key], "\n".join(n for n in notes if n) or None, attrs)
        return True

    def _unit(self, key: str, node: _Node, note: str | None, attrs: dict[str, object]) -> None:
        self.strings += 1
        builder = _string_builder(self.text, node)
        if not builder.text:
            self.empties.append(EmptyUnit(key, None, node.start, node.end, note=note, attrs=attrs))
            return
        self.doc.segments.append(builder.build("value", key=key, note=note, attrs=attrs))
