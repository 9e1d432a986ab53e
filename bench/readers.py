"""Time of culturelint's readers alone, per format, on the files of a folder.

A whole run's "readers" phase (`bench/phases.py`) mixes every format; a change to one
reader is measured here instead. Each file is read from memory (decoded text, no
disk), every file once to warm up (imports, compiled patterns), then `--runs` times;
the best run is reported, as MB of source per second.

    python bench/readers.py /tmp/c5                         # a generated corpus
    python bench/readers.py /tmp/realcopy --runs 5          # a copy of real files
    python bench/readers.py /tmp/c5 --src /tmp/before/src   # another checkout's readers
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="files to read (the cache folder is skipped)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best is shown [3]")
    ap.add_argument("--src", type=Path, default=HERE.parent / "src", help="culturelint's src")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    from culturelint.readers import read_document, reader_for

    files: list[tuple[str, str, str, int]] = []  # path, format, text, bytes
    for path in sorted(args.folder.rglob("*")):
        if not path.is_file() or ".culturelint_cache" in path.parts:
            continue
        fmt = reader_for(str(path))
        if fmt is None:
            continue
        raw = path.read_bytes()
        files.append((str(path), fmt, raw.decode("utf-8", "replace"), len(raw)))
    if not files:
        print(f"no files culturelint reads under {args.folder}", file=sys.stderr)
        return 1

    best: dict[str, float] = {}
    for run in range(args.runs + 1):  # the first run warms up
        spent: dict[str, float] = defaultdict(float)
        for path, fmt, text, _size in files:
            start = time.perf_counter()
            read_document(path, text, fmt)
            spent[fmt] += time.perf_counter() - start
        if run:
            best = {f: min(s, best.get(f, s)) for f, s in spent.items()}

    sizes: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for _path, fmt, _text, size in files:
        sizes[fmt] += size
        counts[fmt] += 1
    print(f"{'format':<10}{'files':>7}{'MB':>8}{'s':>8}{'MB/s':>8}")
    for fmt in sorted(best, key=lambda f: -best[f]):
        mb = sizes[fmt] / 1e6
        print(f"{fmt:<10}{counts[fmt]:>7}{mb:>8.2f}{best[fmt]:>8.3f}{mb / best[fmt]:>8.2f}")
    total_mb, total_s = sum(sizes.values()) / 1e6, sum(best.values())
    print(f"{'all':<10}{len(files):>7}{total_mb:>8.2f}{total_s:>8.3f}{total_mb / total_s:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
