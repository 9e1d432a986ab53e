"""The one error a reader raises: a file it cannot turn into text."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read as copy (binary, undecodable, unparseable).

    `line` is 1-based when the problem has a place in the file, else None; the
    caller adds the path.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message
