"""Instructions executed by one warm pre-commit run, counted by valgrind's callgrind.

Wall time on a shared machine wanders by a third from one hour to the next, more than
most changes to start-up are worth. The number of instructions a run executes does
not: for the same code, inputs and derived data it repeats to within 0.1 %, whatever
else the machine is doing. This script counts them for the bench's single Markdown
file per market, so that two versions of the code can be compared (run it on each;
`--src` points at another checkout's src/). It needs valgrind; it is about fifty
times slower than the run itself (some 15 s per market).

    python bench/instructions.py                    # en-US, de-DE, ja-JP
    python bench/instructions.py --src ../other/src --markets de-DE

The run is `culturelint check --no-cache FILE` after one run that builds the derived
data (so nothing is built while counting), the same file each time: --no-cache keeps
its result out of the cache, so every count covers reading and linting it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402

_COLLECTED = re.compile(r"Collected : (\d+)")


def _env(src: Path) -> dict[str, str]:
    """The environment of the runs: `src` first on the path, and bytecode written, as
    an installed package has it (else every edited module is compiled each run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(src)}


def count(python: str, src: Path, root: Path, file: str) -> int:
    """Instructions of one `check --no-cache file` in `root`, run from `src`."""
    env = _env(src)
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        python,
        "-m",
        "culturelint",
        "check",
        "--no-cache",
        file,
    ]
    run = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    found = _COLLECTED.search(run.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {file}:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="culturelint's src/")
    parser.add_argument("--markets", nargs="+", default=["en-US", "de-DE", "ja-JP"])
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    src = args.src.resolve()
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="culturelint-instructions-") as tmp:
        root = Path(tmp)
        files = [str(corpus_mod.small_markdown(root, m).relative_to(root)) for m in args.markets]
        env = _env(src)
        # The first run builds the derived data; counting starts after it.
        warm = [args.python, "-m", "culturelint", "check", "--no-cache", *files]
        subprocess.run(warm, cwd=root, env=env, capture_output=True, check=False)
        for market, file in zip(args.markets, files, strict=True):
            counts[market] = count(args.python, src, root, file)
    print(json.dumps({"src": str(src), "instructions": counts}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
