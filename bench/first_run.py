"""A first run in a new repository, one small page per market: what a pre-commit
hook's first run costs in every market culturelint has a profile for.

`bench/run.py` times the first run of three markets (en-US, de-DE, ja-JP). A first
run builds the derived data its page's languages need (lemma stores, CL103's word
tables, phone and currency tables), and their sizes differ tenfold between
languages: spacy-lookups-data's Polish lemma tables hold four million words, its
Indonesian ones 37,000. This lints one page per market, each time in a folder whose
`.culturelint_cache/` has just been removed, and prints each market's median wall
time and peak memory, slowest first, against the 1.5 s target of a cold run.

    python bench/first_run.py                        # every market, 3 runs each
    python bench/first_run.py --english              # with a sentence of English left in
    python bench/first_run.py --src /tmp/old/src     # and another checkout, interleaved
    python bench/first_run.py --markets pl-PL tr-TR --runs 5 --json

The pages are the benchmark corpus's small Markdown page where the corpus writes
copy for the market, and otherwise `bench/pages/<market>.md` (a heading, a sale with
a price, a phone number and a call to action, as a campaign page has).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PAGES = HERE / "pages"
COLD_TARGET_S = 1.5
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402
import run as run_mod  # noqa: E402


def markets() -> list[str]:
    """Every market with a profile of its own (base profiles are only inherited)."""
    return sorted(
        p.stem for p in (REPO / "markets").glob("*.yaml") if not p.stem.startswith("base-")
    )


def write_page(root: Path, market: str, english: bool) -> Path | None:
    """The market's page under `root/<market>/commit.md`; None when there is none."""
    path = root / market / "commit.md"
    if market in corpus_mod.MARKETS:
        corpus_mod.small_markdown(root, market)
    elif (PAGES / f"{market}.md").is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PAGES / f"{market}.md", path)
    else:
        return None
    if english and not market.startswith("en-"):
        with path.open("a", encoding="utf-8") as page:
            page.write(f"\n{corpus_mod.ENGLISH_LEFT_IN}\n")
    return path


def tool_for(src: Path) -> run_mod.Tool:
    tool = run_mod.Tool(sys.executable)
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    tool.env["PYTHONPATH"] = os.pathsep.join([str(src.resolve()), *rest])
    return tool


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markets", nargs="+", metavar="TAG", help="these markets only")
    ap.add_argument("--runs", type=int, default=3, help="first runs per market [3]")
    ap.add_argument("--english", action="store_true", help="leave an English sentence in")
    ap.add_argument("--src", type=Path, help="also time this checkout's src, interleaved")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    wanted = args.markets or markets()
    tools = {"this": tool_for(REPO / "src")}
    if args.src:
        tools["other"] = tool_for(args.src)
    walls: dict[str, dict[str, list[float]]] = {name: {} for name in tools}
    rss: dict[str, dict[str, float]] = {name: {} for name in tools}
    skipped = []
    with tempfile.TemporaryDirectory(prefix="culturelint-first-run-") as tmp:
        for market in wanted:
            root = Path(tmp) / market
            page = write_page(root, market, args.english)
            if page is None:
                skipped.append(market)
                continue
            rel = str(page.relative_to(root))
            for _ in range(args.runs):
                for name, tool in tools.items():
                    run_mod.clear_cache(root)
                    run = tool.check([rel], root)
                    walls[name].setdefault(market, []).append(run.wall)
                    rss[name][market] = max(rss[name].get(market, 0.0), run.rss_mb)
    figures = {
        name: {
            market: {
                "median_s": round(statistics.median(times), 3),
                "runs_s": [round(t, 3) for t in times],
                "peak_rss_mb": round(rss[name][market]),
            }
            for market, times in walls[name].items()
        }
        for name in tools
    }
    if args.json:
        print(json.dumps({"english_left_in": args.english, **figures, "skipped": skipped}))
        return 0
    this = figures["this"]
    other = figures.get("other", {})
    print(f"first run, one small page{' with English left in' if args.english else ''}")
    header = f"{'market':8} {'median':>8} {'peak RSS':>9}"
    print(header + (f" {'--src median':>13}" if other else ""))
    for market in sorted(this, key=lambda m: -this[m]["median_s"]):
        mine = this[market]
        line = f"{market:8} {mine['median_s']:7.2f}s {mine['peak_rss_mb']:6d} MB"
        if other:
            line += f" {other[market]['median_s']:12.2f}s"
        if mine["median_s"] > COLD_TARGET_S:
            line += f"  over {COLD_TARGET_S} s"
        print(line)
    if skipped:
        print(f"no page for: {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
