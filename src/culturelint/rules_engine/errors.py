"""The one error type of rule loading."""

from __future__ import annotations

from pathlib import Path

from culturelint.finding import FileError


class RuleFileError(Exception):
    """A rule file, or one rule in it, that cannot be used.

    path: the file; where: the JSON path inside it ("rules[3].pattern", "" for the
    whole file); line: 1-based line when known; detail: the message with its JSON
    path but without file and line, as `ProfileError.detail`.
    """

    def __init__(self, path: str | Path, where: str, message: str, line: int | None = None):
        self.path = str(path)
        self.where = where
        self.message = message
        self.line = line
        super().__init__(str(self))

    @property
    def detail(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __str__(self) -> str:
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        return (
            f"{location}: {self.where}: {self.message}"
            if self.where
            else (f"{location}: {self.message}")
        )

    def to_file_error(self) -> FileError:
        return FileError(path=self.path, message=self.detail, line=self.line)
