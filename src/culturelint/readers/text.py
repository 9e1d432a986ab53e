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
    """Make a segment of the lines in `paragraph`, trimmed of outer white space."""
    if not paragraph:
        return
    text = lines.text
    first, last = paragraph[0], paragraph[-1]
    first_line = lines.line(first)
    start = lines.start(first) + len(first_line) - len(first_line.lstrip())
    end = lines.start(last) + len(lines.line(last).rstrip())
    sink = TextSink()
    for n in paragraph:
        line_start = max(start, lines.start(n))
        line_end = min(end, lines.end(n))
        sink.add(text[line_start:line_end], line_start)
        if n != last:
            # "\n" stands for the line break as written ("\n", "\r\n" or "\r").
            break_start, break_end = lines.end(n), lines.start(n + 1)
            if break_end - break_start == 1 and text[break_start] == "\n":
                sink.add("\n", break_start)
            else:
                sink.add_mapped("\n", break_start, break_end)
    segment = sink.build("paragraph")
    if segment is not None:
        segments.append(segment)
