"""Files no reader should choke on: each is reported by name, and the run goes on.

A CI gate that crashes, hangs or quietly skips a file is worse than none. For every
case the run must exit 2 (something could not be checked) or lint the file properly,
name the bad file, and still lint `good.md` next to it.
"""

from __future__ import annotations

import codecs
import re
import time
import zlib
from pathlib import Path

import pytest
from hostile_util import GOOD, GOOD_RULE, check, write

from culturelint.engine import MAX_FILE_BYTES


def png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20) + b"PK\x05\x06" + bytes(18)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good.md", GOOD)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.md", png(), "binary file"),
        ("brochure.txt", PDF, "binary file"),
        ("bundle.html", ZIP, "binary file"),
        ("nul.md", b"Hello\x00world\n", "binary file"),
        ("broken.md", b"Hello\nWorld \xc3\x28 there\n", "invalid UTF-8 at line 2, column 7"),
        ("truncated.md", b"Fin du texte \xe2\x82", "invalid UTF-8 at line 1, column 14"),
    ],
)
def test_unreadable_bytes_are_an_error_naming_the_file(
    tree: Path, name: str, content: bytes, message: str
) -> None:
    write(tree / name, content)
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for(name)
    assert message in error["message"]
    assert run.good_file_linted


def test_latin1_copy_names_line_and_column_and_suggests_utf8(tree: Path) -> None:
    write(tree / "de.md", "---\nmarket: de-DE\n---\n\nGrüße für Sie\n".encode("latin-1"))
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for("de.md")
    assert error["line"] == 5
    assert "line 5, column 3" in error["message"]
    assert "Windows-1252/Latin-1" in error["message"] and "'ü'" in error["message"]
    assert "re-save the file as UTF-8" in error["message"]
    assert run.good_file_linted


def test_bytes_that_are_no_legacy_text_get_no_latin1_guess(tree: Path) -> None:
    # 0x81 is unassigned in Windows-1252, so no guess is offered; the advice stays.
    write(tree / "odd.md", b"Preis \x81 hier\n")
    (error,) = check("--no-cache", ".").errors_for("odd.md")
    assert "Latin-1" not in error["message"]
    assert "re-save the file as UTF-8" in error["message"]


UTF_CASES = [
    ("utf-8-sig", "with BOM"),
    ("utf-16", "with BOM"),
    ("utf-32", "with BOM"),
    ("utf-16-le", "without BOM"),
    ("utf-16-be", "without BOM"),
    ("utf-32-le", "without BOM"),
    ("utf-32-be", "without BOM"),
]


@pytest.mark.parametrize(("encoding", "bom"), UTF_CASES)
def test_unicode_encodings_are_decoded_and_findings_point_right(
    tree: Path, encoding: str, bom: str
) -> None:
    """Decision: UTF-16/32 is read with or without a BOM (NUL-byte pattern), see decode.py."""
    text = "---\nmarket: de-DE\n---\n\nDas kostet nur $5 – 日本語 ✓\r\nZweite Zeile $7.\n"
    write(tree / "wide.md", text.encode(encoding))
    run = check("--no-cache", "wide.md")
    assert run.code == 1, run.stdout
    positions = [(f["line"], f["column"]) for f in run.findings_for("wide.md")]
    assert (5, 16) in positions and (6, 14) in positions


def test_utf16_without_bom_or_ascii_is_refused_as_binary(tree: Path) -> None:
    """The near miss of the decision: CJK-only UTF-16 has no NUL pattern to go by."""
    write(tree / "ja.md", "日本語の広告です".encode("utf-16-le"))
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for("ja.md")
    assert "binary file" in error["message"] or "invalid UTF-8" in error["message"]
    assert codecs.BOM_UTF16_LE not in (tree / "ja.md").read_bytes()[:2]


def test_empty_file_is_checked_and_clean(tree: Path) -> None:
    write(tree / "empty.md", b"")
    run = check("--no-cache", "--market", "de-DE", "empty.md", "good.md")
    assert run.code == 1  # the good file's finding; the empty file is no error
    assert run.errors_for("empty.md") == []
    assert run.report["summary"]["files"] == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_mixed_line_endings_keep_positions(tree: Path, newline: str) -> None:
    lines = ["---", "market: de-DE", "---", "", "Eins $1.", "Zwei $2.", "", "Drei $3."]
    # Line endings rotate, starting with the parametrized one; "\r" then "\n" is one CRLF.
    endings = [newline, "\r\n", "\r", "\n"]
    text = "".join(line + endings[i % 4] for i, line in enumerate(lines))
    write(tree / "mixed.md", text)
    run = check("--no-cache", "mixed.md")
    # Where an editor shows each "$": lines end at CRLF, CR or LF.
    expected = [
        (n + 1, line.index("$") + 1)
        for n, line in enumerate(re.split(r"\r\n|\r|\n", text))
        if "$" in line
    ]
    assert len(expected) == 3
    found = sorted((f["line"], f["column"]) for f in run.findings_for("mixed.md"))
    assert found == expected


def test_file_over_the_size_limit_is_refused_quickly(tree: Path) -> None:
    para = "Jetzt nur 19,99 € für **Sie**.\n\n"
    big = tree / "huge.md"
    big.write_text(para * (MAX_FILE_BYTES // len(para.encode()) + 10), encoding="utf-8")
    started = time.monotonic()
    run = check("--no-cache", ".")
    assert time.monotonic() - started < 30
    assert run.code == 2
    (error,) = run.errors_for("huge.md")
    assert "limit for one file" in error["message"] and "max_file_size" in error["message"]
    assert run.good_file_linted


def test_size_limit_can_be_raised_and_lowered(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CULTURELINT_MAX_FILE_SIZE", "20")  # bytes: good.md is larger
    run = check("--no-cache", ".")
    assert run.code == 2
    assert "20 bytes limit" in run.errors_for("good.md")[0]["message"]
    monkeypatch.setenv("CULTURELINT_MAX_FILE_SIZE", "1 MiB")
    assert check("--no-cache", ".").good_file_linted


@pytest.mark.parametrize("limit", ["1 MiB", "20"], ids=["under the limit", "over it"])
def test_a_file_longer_than_its_status_says_is_read_whole_or_refused(
    tree: Path, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    """A file that grows after its size is taken, or that reports size 0 as /proc files
    do: read in full up to the limit, refused past it, never cut short."""
    import os

    from culturelint import engine

    real_fstat = os.fstat

    def size_zero(fd: int) -> os.stat_result:
        info = list(real_fstat(fd))
        info[6] = 0  # st_size
        return os.stat_result(info)

    monkeypatch.setattr(engine.os, "fstat", size_zero)
    monkeypatch.setenv("CULTURELINT_MAX_FILE_SIZE", limit)
    run = check("--no-cache", "--jobs", "1", ".")
    if limit == "20":
        assert run.code == 2
        assert "file is larger than the 20 bytes limit" in run.errors_for("good.md")[0]["message"]
    else:
        assert run.good_file_linted
        assert run.findings_for("good.md") == check("--no-cache", "good.md").findings_for("good.md")


def test_a_bad_size_limit_is_a_clear_error(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CULTURELINT_MAX_FILE_SIZE", "lots")
    run = check("--no-cache", ".")
    assert run.code == 2
    assert "CULTURELINT_MAX_FILE_SIZE: not a file size: 'lots'" in run.stderr


def test_stdin_over_the_size_limit_is_refused(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CULTURELINT_MAX_FILE_SIZE", "1KiB")
    run = check("--no-cache", "--stdin-filename", "de/x.md", "-", input=b"x" * 2000)
    assert run.code == 2
    assert "limit for one file" in run.errors_for("x.md")[0]["message"]


def test_a_single_long_line_finishes(tree: Path) -> None:
    """A 1 MiB line (a minified page); the 5 MB case is measured in fuzz/README.md."""
    write(tree / "long.md", "---\nmarket: de-DE\n---\n" + "Wort " * (2**20 // 5) + "$5")
    started = time.monotonic()
    run = check("--no-cache", "long.md")
    assert time.monotonic() - started < 60
    # Checks that cannot take a segment this long say so (exit 2); the others still run.
    assert run.code == (2 if run.report["errors"] else 1)
    assert all(e["path"] == "long.md" for e in run.report["errors"])
    (finding,) = run.findings_for("long.md")
    assert (finding["line"], finding["column"]) == (4, 5 * (2**20 // 5) + 1)


def test_html_nested_ten_thousand_levels_deep(tree: Path) -> None:
    depth = 10_000
    page = "<html lang=de><body>" + "<div>" * depth + "Nur $5" + "</div>" * depth
    write(tree / "deep.html", page)
    run = check("--no-cache", "deep.html", "good.md")
    # Either linted (the finding inside) or refused with a clear message: never a crash.
    found = run.findings_for("deep.html")
    if found:
        assert found[0]["rule"] == GOOD_RULE and found[0]["line"] == 1
    else:
        assert run.code == 2 and "nested too deeply" in run.errors_for("deep.html")[0]["message"]
    assert run.good_file_linted


def test_markdown_nested_deeply(tree: Path) -> None:
    write(tree / "deep.md", "---\nmarket: de-DE\n---\n" + "> " * 5000 + "- " * 5000 + "Nur $5\n")
    run = check("--no-cache", "deep.md", "good.md")
    assert run.code == 2
    (error,) = run.errors_for("deep.md")
    assert "nested more than" in error["message"] and error["line"] == 4
    assert run.good_file_linted


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("unclosed.html", "<html lang=de><body><p>Nur $5<div><span><b><i>"),
        ("stray.html", "</p></div></body><p>Nur $5</td></tr><table><td>x"),
        ("attrs.html", '<html lang=de><p title="a>b" class=\'x>y\'>Nur $5</p x="<">'),
        ("comments.html", "<html lang=de><!-- <p> --><p>Nur $5<!-- unterminated"),
        ("cdata.html", "<html lang=de><svg><![CDATA[x]]></svg><p>Nur $5</p><math><mi>"),
    ],
)
def test_malformed_html_is_recovered(tree: Path, name: str, content: str) -> None:
    write(tree / name, content)
    run = check("--no-cache", "--market", "de-DE", name)
    assert run.code == 1, run.stdout
    (finding,) = run.findings_for(name)
    assert content[finding["column"] - 1] == "$"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("fences.md", "---\nmarket: de-DE\n---\n```\nunclosed fence $1\n\nNur $5"),
        ("links.md", "---\nmarket: de-DE\n---\n[[[Nur $5](((\n![x](y\n[a]: <"),
        ("emph.md", "---\nmarket: de-DE\n---\n***__~~Nur $5__**~~*`\n"),
        ("table.md", "---\nmarket: de-DE\n---\n| a |\n|---|---|\n| Nur $5 | | |\n|"),
        ("html.md", "---\nmarket: de-DE\n---\n<div>\n\nNur $5\n<p title='x\n"),
    ],
)
def test_malformed_markdown_is_recovered(tree: Path, name: str, content: str) -> None:
    write(tree / name, content)
    run = check("--no-cache", name)
    assert run.code in (0, 1), run.stdout
    for finding in run.findings_for(name):
        line = content.splitlines()[finding["line"] - 1]
        assert line[finding["column"] - 1] == "$"


@pytest.mark.parametrize(
    ("front", "message", "line"),
    [
        ("market: de-DE\ncampaign:\n  start: 2024-02-30\n", "'2024-02-30'", 4),
        ("market: de-DE\nnote: \x12\n", "unacceptable character U+0012", 3),
        ("market: [de-DE\n", "not valid YAML", 3),
        ("- de-DE\n", "must be a mapping", 2),
    ],
)
def test_broken_front_matter_is_reported_at_its_line(
    tree: Path, front: str, message: str, line: int
) -> None:
    write(tree / "front.md", f"---\n{front}---\n\nJetzt nur $19.99.\n")
    run = check("--no-cache", "--market", "de-DE", "front.md")
    assert run.code == 2
    errors = run.errors_for("front.md")
    assert any(message in e["message"] and e["line"] == line for e in errors), errors
    assert run.findings_for("front.md"), "the copy below broken front matter is still linted"
