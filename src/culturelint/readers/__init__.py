"""Readers turn a file into a Document: segments of copy mapped to exact source offsets.

Each format has a module with `read(path, text) -> Document`. Modules are imported
only when a file of their format is read, and parsers (markdown-it, justhtml) only
inside them, so importing this package costs nothing on the CLI's start-up path.

To add a format: write `culturelint/readers/<name>.py` with `read`, then register
it in `READERS` (format name -> module) and its file extensions in `EXTENSIONS`.
"""

from __future__ import annotations

import importlib
import os

from culturelint.document import Document
from culturelint.readers.decode import decode
from culturelint.readers.errors import ReadError

# Format name -> module that reads it.
READERS: dict[str, str] = {
    "text": "culturelint.readers.text",
    "markdown": "culturelint.readers.markdown",
    "html": "culturelint.readers.html",
    "po": "culturelint.readers.po",
    "pot": "culturelint.readers.po",
    "xliff": "culturelint.readers.xliff",
    "json": "culturelint.readers.jsoni18n",
    "fluent": "culturelint.readers.fluent",
}

# File extension (lower case, with the dot) -> format name.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".po": "po",
    ".pot": "pot",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".ftl": "fluent",
}

# Extensions directory walks pick up. JSON is not among them: most JSON is not copy
# (package.json, configs), so a .json file is read only when `reader_for` accepts its
# path (a locale tag in it, see readers/jsoni18n.py).
SUPPORTED_EXTENSIONS: set[str] = set(EXTENSIONS)


def reader_for(path: str) -> str | None:
    """The format of a file by its extension, or None when no reader handles it.

    A .json file is JSON i18n only when its path names a locale and it is not a
    well-known tool file (package.json, tsconfig.json ...); other JSON gets None.
    """
    _root, ext = os.path.splitext(path)
    if ext.lower() == ".json":
        from culturelint.readers.jsoni18n import is_i18n_path

        return "json" if is_i18n_path(path) else None
    return EXTENSIONS.get(ext.lower())


def read_document(path: str, text: str, fmt: str) -> Document:
    """Parse decoded `text` as format `fmt`; `path` is the path to display."""
    module_name = READERS.get(fmt)
    if module_name is None:
        known = ", ".join(sorted(READERS))
        raise ReadError(f"no reader for format {fmt!r} (known formats: {known})")
    module = importlib.import_module(module_name)
    try:
        document: Document = module.read(path, text)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(f"cannot read this {fmt} file: it is nested too deeply") from None
    except Exception as exc:
        # Parsers are meant to recover from any input; if one still fails, report the
        # file instead of stopping the whole run. CULTURELINT_DEBUG shows the traceback.
        if os.environ.get("CULTURELINT_DEBUG"):
            raise
        raise ReadError(f"cannot read this {fmt} file ({type(exc).__name__}: {exc})") from None
    return document


__all__ = [
    "EXTENSIONS",
    "READERS",
    "SUPPORTED_EXTENSIONS",
    "ReadError",
    "decode",
    "read_document",
    "reader_for",
]
