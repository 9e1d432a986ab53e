"""YAML front matter at the top of a Markdown file.

Front matter tells culturelint about the file: `market:`, `campaign: {start, end}`,
`audience:`, `page: landing`. A campaign finding points at the `campaign:` line, so
the offset of every top-level key's line is kept. Broken YAML is reported and the
rest of the file is still linted; so is a key given twice, which YAML parsers would
otherwise settle silently by keeping the last value (two `market:` lines).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from culturelint.profiles.yamlload import strict_loader
from culturelint.readers.lines import SourceLines
from culturelint.regex_cache import compile_cached

_FENCE = compile_cached(r"---[ \t]*$")
_CLOSE = compile_cached(r"(?:---|\.\.\.)[ \t]*$")


@dataclass
class FrontMatter:
    meta: dict[str, Any] = field(default_factory=dict)
    offsets: dict[str, int] = field(default_factory=dict)
    # (message, offset of the line it is about), as Document.warnings holds them.
    warnings: list[tuple[str, int | None]] = field(default_factory=list)
    body_line: int = 0  # first 0-based line after the closing fence


def split_front_matter(lines: SourceLines) -> FrontMatter | None:
    """The front matter, or None when the file does not open with a `---` fence."""
    if not len(lines) or not _FENCE.match(lines.line(0)):
        return None
    closing = next((n for n in range(1, len(lines)) if _CLOSE.match(lines.line(n))), None)
    if closing is None:
        return None
    front = FrontMatter(body_line=closing + 1)
    first = 1
    yaml_text = lines.text[lines.start(first) : lines.start(closing)]
    _parse(yaml_text, lines, first, front)
    return front


def _parse(yaml_text: str, lines: SourceLines, first: int, front: FrontMatter) -> None:
    import yaml

    parsed = _parse_fast(yaml_text, first)
    if parsed is not None:
        node, data = parsed
    else:
        node, data = _parse_slow(yaml_text, lines, first, front)
        if node is None:
            return
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        front.warnings.append(
            ("front matter must be a mapping of keys to values", lines.start(first))
        )
        return
    front.meta = data
    for key_node, _value in node.value:
        key = str(key_node.value)
        front.offsets.setdefault(key, lines.start(first + key_node.start_mark.line))
    _drop_unknown_choices(front)


# Keys whose value is one of a few words. Any other value would be ignored by the checks
# that read the key, while the writer believes it applied: it is reported and dropped.
# (`register:` is reported by CL501 itself, `market:` by market resolution.)
CHOICES = {"audience": ("b2b", "b2c", "all")}


def _drop_unknown_choices(front: FrontMatter) -> None:
    for key, allowed in CHOICES.items():
        value = front.meta.get(key)
        if value is None or str(value).strip().lower() in allowed:
            continue
        del front.meta[key]
        front.warnings.append(
            (
                f"front matter `{key}: {value}` is not one of {', '.join(allowed)}; it was ignored",
                front.offsets.get(key),
            )
        )


def _parse_fast(yaml_text: str, first: int) -> tuple[Any, Any] | None:
    """(root node, value) through libyaml, several times faster than PyYAML's own
    parser and with the same nodes, marks and safe constructor (see
    profiles/yamlload.py); None when libyaml is missing or objects to anything, and
    the pure-Python parser then words the problem."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None
    loader = strict_loader(fast, first)(yaml_text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    except Exception:  # whatever it is, the slow path words it
        return None
    finally:
        loader.dispose()


def _parse_slow(
    yaml_text: str, lines: SourceLines, first: int, front: FrontMatter
) -> tuple[Any, Any]:
    """(root node, value), or (None, None) with a warning added to `front`."""
    import yaml

    loader: yaml.SafeLoader | None = None
    node = None
    try:
        # The loader's constructor already scans for unprintable characters and raises
        # yaml.ReaderError, so it belongs inside the try block too.
        loader = strict_loader(yaml.SafeLoader, first)(yaml_text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        front.warnings.append(_yaml_warning(exc, yaml_text, lines, first))
        return None, None
    except (ValueError, OverflowError) as exc:
        # A well-formed value that is no real value, such as the date 2024-02-30.
        bad = _bad_scalar(node)
        line = first + bad.start_mark.line if bad is not None else first
        what = f"{bad.value!r}: " if bad is not None else ""
        front.warnings.append(
            (f"front matter has an invalid value: {what}{exc}", lines.start(line))
        )
        # The other keys still count: a bad campaign date must not lose the market.
        return node, _good_keys(node, first)
    except RecursionError:
        front.warnings.append(("front matter is nested too deeply", lines.start(first)))
        return None, None
    finally:
        if loader is not None:
            loader.dispose()
    return node, data


def _yaml_warning(
    exc: Exception, yaml_text: str, lines: SourceLines, first: int
) -> tuple[str, int | None]:
    """The warning for broken front matter, at the line of the problem where known."""
    import yaml

    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line = first + mark.line
    elif isinstance(exc, yaml.reader.ReaderError):
        # A reader error knows the character position only.
        before = yaml_text[: exc.position]
        line = first + before.count("\n") + before.count("\r") - before.count("\r\n")
    else:
        line = first
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if isinstance(exc, yaml.reader.ReaderError):
        problem = f"unacceptable character U+{exc.character:04X}"
    return f"front matter is not valid YAML: {problem}", lines.start(line)


def _good_keys(root: Any, first: int) -> dict[Any, Any] | None:
    """The top-level keys of a mapping whose values PyYAML can build, one by one."""
    import yaml

    if not isinstance(root, yaml.MappingNode):
        return None
    builder = strict_loader(yaml.SafeLoader, first)("")
    good = {}
    for key, value in root.value:
        try:
            good[builder.construct_object(key, deep=True)] = builder.construct_object(
                value, deep=True
            )
        except (ValueError, OverflowError, TypeError, yaml.YAMLError):
            continue  # the bad value, already reported
    return good


def _bad_scalar(root: Any) -> Any:
    """The first scalar under `root` whose value PyYAML cannot build (for its line)."""
    import yaml

    builder = yaml.SafeLoader("")
    stack = [root] if root is not None else []
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                builder.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return None
