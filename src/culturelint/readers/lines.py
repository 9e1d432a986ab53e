"""Lines of a file as editors count them (LF, CRLF or a lone CR ends a line)."""

from __future__ import annotations

from culturelint.regex_cache import compile_cached

_BREAK = compile_cached(r"\r\n|\r|\n")


class SourceLines:
    """Start and end offsets of each line; 0-based line numbers, ends exclude the break."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        ends: list[int] = []
        for m in _BREAK.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def end(self, line: int) -> int:
        return self.ends[line] if line < len(self.ends) else len(self.text)

    def line(self, line: int) -> str:
        return self.text[self.start(line) : self.end(line)]
