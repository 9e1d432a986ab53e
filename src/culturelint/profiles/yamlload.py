"""YAML parsing through libyaml when PyYAML has it, with PyYAML's own error messages,
and parsed once per text.

The C parser reads the market profiles and rule packs several times faster than the
pure-Python one, which matters on every run because those files are read before the
first file is linted. Both build values with the same safe constructor, so documents
load to the same data. Their error messages differ, though, and users see those: on
any error the text is parsed again by the pure-Python loader, whose exception is the
one raised.

A text that has been parsed once is read back from the derived data as JSON (keyed by
the text and PyYAML's version, sealed with a digest so a damaged file is parsed
again, never believed), so a run whose profiles and rule packs have not
changed neither parses them nor imports PyYAML for them. Only documents that JSON gives back
exactly are kept (no dates, no keys other than strings, no NaN).

A key given twice in one mapping is an error, with the line of the second: YAML
parsers keep the last value, so a forgotten "- " between two rules, or a second
`ignore:` in a config, silently dropped what came first.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any


def safe_load(text: str) -> Any:
    """`yaml.safe_load(text)`, faster. Raises `yaml_error()` for malformed YAML."""
    from culturelint.profiles import validcache

    path = _stored_path(text)
    if path is None:
        return _parse(text)
    key = text.encode("utf-8", "surrogatepass")
    try:
        stored = validcache.unsealed(key, path.read_text(encoding="utf-8"))
        if stored is not None:
            return json.loads(stored)
    except (OSError, ValueError):
        pass
    data = _parse(text)
    if _json_keeps(data):
        from culturelint.atomic import write_atomic

        try:
            validcache.ensure_folder(path.parent)
            # Not sorted: a mapping's order is the document's, and callers may rely on it.
            write_atomic(path, validcache.sealed(key, json.dumps(data, ensure_ascii=False)))
        except (OSError, ValueError):
            pass
    return data


def _stored_path(text: str) -> Path | None:
    from culturelint import installed
    from culturelint.profiles import validcache

    folder = validcache.folder("yaml")
    if folder is None:
        return None
    release = installed.version("PyYAML")
    if release is None:
        return None
    # "strict": parsed with duplicate keys refused; texts stored before were not.
    whole = f"{release}\0strict\0{text}"
    digest = hashlib.sha256(whole.encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{digest[:32]}.json"


def yaml_error() -> type[Exception]:
    """PyYAML's base error, for `except yamlload.yaml_error() as error:` (imported only
    when something went wrong)."""
    import yaml

    return yaml.YAMLError  # type: ignore[no-any-return]


def _parse(text: str) -> Any:
    import yaml

    if not hasattr(yaml, "CSafeLoader"):  # PyYAML built without libyaml
        return yaml.load(text, Loader=strict_loader(yaml.SafeLoader))
    try:
        return yaml.load(text, Loader=strict_loader(yaml.CSafeLoader))
    except yaml.YAMLError:
        pass
    # Raises the pure-Python loader's error; returns its result if only libyaml objected.
    return yaml.load(text, Loader=strict_loader(yaml.SafeLoader))


@cache
def strict_loader(base: type, first_line: int = 0) -> type:
    """`base` (a safe loader) refusing a key given twice in one mapping. The error
    names the line of the first key counting from `first_line` (0-based) of the file
    the text was cut from: front matter starts on a Markdown file's second line."""

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def get_single_node(self) -> Any:
            node = super().get_single_node()
            _refuse_expansion(node)
            return node

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            _refuse_duplicate_keys(node, first_line)
            return super().construct_mapping(node, deep)

    return StrictLoader


# Far more values than any profile, rule pack or front matter holds (the largest
# bundled file has about 600), and far fewer than a few lines of nested aliases
# expand to: `x2: &b [*a, *a, *a ...]`, eight levels deep, is 43 million values, and
# whatever walks them (a message, a schema, JSON) takes gigabytes.
MAX_EXPANDED_VALUES = 100_000


def _refuse_expansion(node: Any) -> None:
    """Refuse a document whose aliases (`*name`) expand it beyond MAX_EXPANDED_VALUES;
    the walk stops at the limit, so it costs little even then."""
    import yaml
    from yaml.constructor import ConstructorError

    count = 0
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_EXPANDED_VALUES:
            raise ConstructorError(
                problem=(
                    f"through its aliases (*name) the document expands to more than "
                    f"{MAX_EXPANDED_VALUES:,} values; it was not read"
                ),
                problem_mark=item.start_mark,
            )
        if isinstance(item, yaml.SequenceNode):
            stack.extend(item.value)
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                stack.append(key)
                stack.append(value)


def _refuse_duplicate_keys(node: Any, first_line: int) -> None:
    from yaml.constructor import ConstructorError

    first: dict[tuple[str, str], int] = {}
    for key, _value in node.value:
        if key.id != "scalar" or key.tag == "tag:yaml.org,2002:merge":
            continue  # "<<" merges are meant to be overridden
        seen = first.setdefault((key.tag, key.value), key.start_mark.line)
        if seen != key.start_mark.line:
            raise ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                f"found duplicate key {key.value!r} (first given on line {first_line + seen + 1})",
                key.start_mark,
            )


def _json_keeps(data: Any) -> bool:
    """Whether JSON gives the parsed document back unchanged (no dates, no keys other
    than strings, no NaN)."""
    try:
        again = json.loads(json.dumps(data, ensure_ascii=False))
    except (TypeError, ValueError):
        return False
    return _same(again, data)


def _same(a: Any, b: Any) -> bool:
    """Equal with the same types throughout (True == 1 and 1 == 1.0 in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)
