"""A `str.translate` table filled on demand, shared by the readers' and rules' helpers."""

from __future__ import annotations

from collections.abc import Callable


class CharacterTable(dict[int, str]):
    """A `str.translate` table whose value for a character is `of(character)`, worked
    out the first time the character is met: a text is then mapped character for
    character at the speed of `str.translate`, for a pattern to read."""

    def __init__(self, of: Callable[[str], str]) -> None:
        super().__init__()
        self._of = of

    def __missing__(self, code: int) -> str:
        value = self[code] = self._of(chr(code))
        return value
