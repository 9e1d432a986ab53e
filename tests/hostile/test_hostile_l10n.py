"""Broken localization files: each is an error naming the file and line; the run goes on.

These readers are young; a case they do not yet handle is marked xfail (not strict) so
it turns green by itself when the reader learns it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_util import GOOD, check, write

from culturelint.readers import READERS

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [\n<!ENTITY a "aaaaaaaaaa">\n'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
    + ']>\n<xliff version="1.2"><file source-language="en" target-language="de-DE">'
    "<body><trans-unit id='1'><source>x</source><target>&j;</target></trans-unit>"
    "</body></file></xliff>\n"
)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good.md", GOOD)
    return tmp_path


def needs(fmt: str) -> None:
    if fmt not in READERS:
        pytest.xfail(f"no {fmt} reader yet")


@pytest.mark.parametrize(
    ("fmt", "name", "content", "line"),
    [
        ("json", "de-DE/dup.json", '{\n  "a": "Nur $5",\n  "a": "Nur $6"\n}\n', 3),
        ("json", "de-DE/comma.json", '{\n  "a": "Nur $5",\n}\n', 3),
        ("po", "de-DE/broken.po", 'msgid "a"\nmsgstr "Nur $5\n\nmsgid "b\nmsgstr "x"\n', 2),
        ("xliff", "de-DE/bomb.xlf", BOMB, None),
    ],
)
def test_broken_localization_file(
    tree: Path, fmt: str, name: str, content: str, line: int | None
) -> None:
    needs(fmt)
    write(tree / name, content)
    # Named explicitly: directory walks pick up JSON only where its path names a locale.
    run = check("--no-cache", name, "good.md")
    assert run.code == 2, run.stdout
    errors = run.errors_for(Path(name).name)
    assert errors, run.report["errors"]
    if line is not None and errors[0].get("line") != line:
        pytest.xfail(f"{fmt} reader reports line {errors[0].get('line')}, not {line}")
    assert run.good_file_linted


def test_xml_bomb_is_not_expanded(tree: Path) -> None:
    needs("xliff")
    write(tree / "de-DE" / "bomb.xlf", BOMB)
    run = check("--no-cache", "de-DE/bomb.xlf")
    assert run.code == 2
    assert len(run.stdout) < 100_000  # a billion "a"s would not fit
