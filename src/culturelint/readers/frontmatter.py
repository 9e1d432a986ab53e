"""YAML front matter at the top of a Markdown file.

Front matter tells culturelint about the file: `market:`, `campaign: {start, end}`,
`audience:`, `page: landing`. A campaign finding points at the `campaign:` line, so
the offset of every top-level key's line is kept. Broken YAML is reported and the
rest of the file is still linted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from culturelint.readers.lines import SourceLines

_FENCE = re.compile(r"---[ \t]*$")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*$")


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

    loader = yaml.SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first + mark.line if mark is not None else first
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        front.warnings.append((f"front matter is not valid YAML: {problem}", lines.start(line)))
        return
    finally:
        loader.dispose()
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
