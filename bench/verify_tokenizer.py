"""Checks that culturelint's rule tokenizer splits text exactly as spaCy does.

matching.py tokenizes without importing spaCy once spaCy's tokenizer rules are
exported to the cache (`_RuleTokenizer`). Findings depend on token boundaries, so the
two must agree on every text. This compares them on the benchmark corpus and on
texts built to hit the rules' corners (abbreviations, URLs, elisions, emoji).

    python bench/verify_tokenizer.py                 # every spaced language, 1 MB corpus
    python bench/verify_tokenizer.py en de --size-mb 0.2
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import corpus as corpus_mod  # noqa: E402

from culturelint import matching  # noqa: E402

LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "sv", "tr", "id", "he", "ar")
CORNERS = (
    "e.g. this",
    "(e.g.)",
    "e.g.,",
    "U.S.A. and the U.K.",
    "U.S",
    "don't can't won't y'all",
    "z.B. usw. d.h. Nr. 5",
    "l'homme aujourd'hui c'est-à-dire",
    "l’été qu'il dell'anno nell’ambito",
    "Visit https://example.com/a?b=c, or mail me@x.org!",
    "1,000.50€ $49.99 ¥1,984 4K-ready 24/7 :) :-( <3 👍🏽 ❤️ 🙏",
    "«Bonjour» — «salut»!",
    "‘quoted’ “double” Mr.Smith St. Louis vs. NYC Jan. o.k.",
    "C++ C# .NET 10km 5kg 3x 100% usted/tú co-op’s",
    "a  b\t\tc\n\nd",
)


def texts(size_mb: float, seed: int = 1) -> list[str]:
    """Paragraphs of a generated corpus, and the corner cases spliced into them."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = corpus_mod.generate(Path(tmp), size_mb, seed=seed)
        paragraphs = [
            p
            for f in corpus.files
            for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8"))
            if p.strip()
        ]
    rng = random.Random(seed)
    spliced = []
    for _ in range(len(paragraphs)):
        text, corner = rng.choice(paragraphs), rng.choice(CORNERS)
        i = rng.randint(0, len(text))
        spliced.append(text[max(0, i - 80) : i] + corner + text[i : i + 80])
    return [*paragraphs, *spliced, *CORNERS]


def compare(language: str, samples: list[str]) -> tuple[int, list[str]]:
    """How many samples split differently, with the first few differences shown."""
    nlp = matching._nlp(language)
    rules = matching._export_rules(nlp)
    if rules is None:
        return 0, [f"{language}: rules not exportable; spaCy tokenizes it"]
    ours = matching._RuleTokenizer(rules)
    shown: list[str] = []
    differ = 0
    for text in samples:
        want = [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(text) if not t.is_space]
        got = ours.spans(text)
        if got != want:
            differ += 1
            if len(shown) < 3:
                w = [text[a:b] for a, b in want]
                g = [text[a:b] for a, b in got]
                k = next(
                    (i for i, (x, y) in enumerate(zip(w, g, strict=False)) if x != y),
                    min(len(w), len(g)),
                )
                shown.append(f"{language}: spaCy {w[k - 2 : k + 3]} vs rules {g[k - 2 : k + 3]}")
    return differ, shown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("languages", nargs="*", default=list(LANGUAGES))
    ap.add_argument("--size-mb", type=float, default=1.0)
    args = ap.parse_args(argv)
    samples = texts(args.size_mb)
    failed = 0
    for language in args.languages:
        started = time.perf_counter()
        differ, shown = compare(language, samples)
        seconds = time.perf_counter() - started
        print(f"{language}: {len(samples)} texts, {differ} split differently ({seconds:.1f} s)")
        for line in shown:
            print("   ", line)
        failed += differ
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
