"""Plain text: one segment per paragraph, and directive lines as comments.

Paragraphs are separated by blank lines. A line mentioning `culturelint-` (for
example `# culturelint-disable-next-line CL201`) is a suppression directive: it is
recorded as a comment and is not copy, so it also ends a paragraph. Line breaks
inside a paragraph read as "\\n" whatever the file uses (CRLF and CR map onto their
source characters).
"""

from __future__ import annotations

from culturelint.document import Comment, Document, Segment
from culturelint.readers.lines import SourceLines
from culturelint.readers.sink import TextSink

DIRECTIVE_MARK = "culturelint-"


def read(path: str, text: str) -> Document:
    lines = SourceLines(text)
    segments: list[Segment] = []
    comments: list[Comment] = []
    paragraph: list[int] = []
    for n in range(len(lines)):
        line = lines.line(n)
        if DIRECTIVE_MARK in line:
            comments.append(Comment(line, lines.start(n), lines.end(n)))
        if not line.strip() or DIRECTIVE_MARK in line:
            _close(paragraph, lines, segments)
            paragraph = []
        else:
            paragraph.append(n)
    _close(paragraph, lines, segments)
    return Document(path=path, text=text, format="text", segments=segments, comments=comments)


def _close(paragraph: list[int], lines: SourceLines, segments: list[Segment]) -> None:
    if not paragraph:
        return
    text = lines.text
    start = lines.start(paragraph[0])
    start += len(text[start : lines.end(paragraph[0])]) - len(
        text[start : lines.end(paragraph[0])].lstrip()
    )
    last = paragraph[-1]
    end = lines.start(last) + len(lines.line(last).rstrip())
    sink = TextSink()
    for n in paragraph:
        line_start = max(start, lines.start(n))
        line_end = min(end, lines.end(n))
        sink.add(text[line_start:line_end], line_start)
        if n != last:
            break_start = lines.end(n)
            break_end = lines.start(n + 1)
            if text[break_start:break_end] == "\n":
                sink.add("\n", break_start)
            else:
                sink.add_mapped("\n", break_start, break_end)
    segment = sink.build("paragraph")
    if segment is not None:
        segments.append(segment)
