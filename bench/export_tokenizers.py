"""Writes the spaCy tokenizer rules that ship with culturelint.

culturelint tokenizes like spaCy without importing it (`matching._RuleTokenizer`),
from spaCy's tokenizer rules read as data. Those rules are exported from spaCy itself;
shipping them for the languages of the bundled markets spares the first run in every
new repository the second it takes to import spaCy. They are only used with the very
spaCy release named in their file name, so rerun this after upgrading spaCy and
commit the result:

    python bench/export_tokenizers.py             # every language below
    python bench/export_tokenizers.py en de

`tests/test_derived_cache.py` checks the shipped files against a fresh export.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from culturelint import matching  # noqa: E402

TARGET = HERE.parent / "src" / "culturelint" / "data" / "tokenizers"
# The spaced languages of the bundled markets (markets/*.yaml) and English, the source
# language leftovers are looked for in.
LANGUAGES = (
    "ar", "de", "en", "es", "fr", "he", "hi", "id", "it", "ko", "nl", "pl", "pt", "ru",
    "sv", "tr",
)  # fmt: skip


def write(language: str) -> Path | None:
    rules = matching.export_rules(language)
    name = matching._rules_name(language)
    if rules is None or name is None:
        return None
    TARGET.mkdir(parents=True, exist_ok=True)
    text = json.dumps(rules, ensure_ascii=False, sort_keys=True)
    path = TARGET / (name + ".gz")
    # mtime=0: the same rules give the same bytes, so an unchanged export is no diff.
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("languages", nargs="*", help="default: all the bundled markets' languages")
    args = ap.parse_args(argv)
    if not args.languages:
        for old in TARGET.glob("*.json.gz"):
            old.unlink()  # rules of another spaCy release are never read again
    for language in args.languages or LANGUAGES:
        path = write(language)
        print(f"{language}: {path.name if path else 'not exportable, spaCy tokenizes it'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
