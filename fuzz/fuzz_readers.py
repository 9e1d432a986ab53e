"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

    FUZZ_READER=markdown python fuzz/fuzz_readers.py [libFuzzer options] [corpus dirs]

FUZZ_READER is one of the formats in `culturelint.readers.READERS` (text, markdown,
html, and any reader added later). Each input is decoded the way the engine
decodes a file, then read by the reader module directly, not through
`read_document`, which would turn a reader crash into a tidy ReadError and so
hide it from the fuzzer. A crash is any exception other than ReadError, or a
broken position invariant: a segment piece, comment or colour that does not
point at the source text it claims to stand for. See fuzz/README.md.
"""

from __future__ import annotations

import importlib
import os
import sys

import atheris

# Import the package under test from the checkout, not from an installed copy.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

with atheris.instrument_imports():
    from culturelint.readers import READERS, decode
    from culturelint.readers.errors import ReadError

# The reader comes from the environment, not the command line: libFuzzer's -fork mode
# re-runs this script with its own arguments and would drop a positional READER.
READER = os.environ.get("FUZZ_READER", "")
if READER not in READERS:
    sys.exit(f"set FUZZ_READER to one of {sorted(READERS)}")

with atheris.instrument_imports():
    MODULE = importlib.import_module(READERS[READER])
    # The parsers the readers drive, so coverage guides the fuzzer through them too.
    if READER == "markdown":
        import markdown_it  # noqa: F401
    if READER in ("markdown", "html"):
        import justhtml  # noqa: F401


def check_positions(doc) -> None:  # type: ignore[no-untyped-def]
    """Every position a reader hands out indexes the decoded text it was given."""
    text = doc.text
    for segment in doc.segments:
        if "".join(p.text for p in segment.pieces) != segment.text:
            raise AssertionError(f"segment text is not its pieces: {segment.text!r}")
        for piece in segment.pieces:
            if not 0 <= piece.src_start <= piece.src_end <= len(text):
                raise AssertionError(f"piece outside the file: {piece!r}")
            written = text[piece.src_start : piece.src_end]
            if piece.verbatim and not piece.text.isspace() and written != piece.text:
                raise AssertionError(f"verbatim piece {piece.text!r} points at {written!r}")
    for comment in doc.comments:
        if text[comment.start : comment.end] != comment.text:
            raise AssertionError(f"comment points elsewhere: {comment!r}")
    if doc.page is not None:
        for colour in doc.page.colours:
            if text[colour.start : colour.end] != colour.raw:
                raise AssertionError(f"colour points elsewhere: {colour!r}")
        for item in (*doc.page.links, *doc.page.images):
            if not 0 <= item.start <= item.end <= len(text):
                raise AssertionError(f"link or image outside the file: {item!r}")
    for message, offset in doc.warnings:
        if offset is not None and not 0 <= offset <= len(text):
            raise AssertionError(f"warning outside the file: {message!r} at {offset}")


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except ReadError:
        # Undecodable bytes are refused by design; still give the reader the text.
        text = data.decode("utf-8", errors="replace").replace("\0", "")
    try:
        doc = MODULE.read("fuzz", text)
    except ReadError as exc:
        # The documented outcome for a file that does not parse (invalid XML, PO or
        # JSON): fine, as long as the line it names is in the file.
        lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
        if exc.line is not None and not 1 <= exc.line <= lines:
            raise AssertionError(f"ReadError names line {exc.line} of {lines}: {exc}") from None
        return
    check_positions(doc)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
