"""The benchmark's own machinery: a deterministic corpus, a small mode that runs end to
end, and the rule tokenizer it verifies. No timing is asserted: machines are shared."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import phases  # noqa: E402
import run  # noqa: E402
import verify_tokenizer  # noqa: E402


def test_same_seed_gives_identical_corpus(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 0.05, seed=3)
    second = corpus.generate(tmp_path / "b", 0.05, seed=3)
    assert first.digest() == second.digest()
    assert [f.name for f in first.files] == [f.name for f in second.files]


def test_other_seed_gives_other_corpus(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", 0.05, seed=3)
    other = corpus.generate(tmp_path / "b", 0.05, seed=4)
    assert first.digest() != other.digest()


@pytest.mark.parametrize("size_mb", [0.05, 0.1])
def test_corpus_reaches_its_size_with_every_market(tmp_path: Path, size_mb: float) -> None:
    made = corpus.generate(tmp_path, size_mb)
    assert made.bytes >= size_mb * 1_000_000
    # Not far over: the last file is at most a few kilobytes.
    assert made.bytes < size_mb * 1_000_000 + 20_000
    assert {f.parent.name for f in made.files} == set(corpus.MARKETS)


def test_corpus_has_every_format_culturelint_reads(tmp_path: Path) -> None:
    from culturelint.readers import READERS, reader_for

    made = corpus.generate(tmp_path, 0.1)
    read_as = {reader_for(str(f)) for f in made.files}
    assert None not in read_as
    # Every reader but the PO template's (a .pot is a .po without translations).
    assert read_as == set(READERS) - {"pot"}


def test_markdown_carries_its_market_in_front_matter(tmp_path: Path) -> None:
    path = corpus.small_markdown(tmp_path, "de-DE")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nmarket: de-DE\n")
    assert path.stat().st_size < 4000


def test_small_mode_runs_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run.main(["--small", "--size-mb", "0.005", "--runs", "1", "--json", "--no-peers"])
    report = json.loads(capsys.readouterr().out)
    # Exit 1 would mean far too slow; either way the report is complete.
    assert code in (0, 1)
    assert code == (1 if report["failures"] else 0)
    single = report["single_file"]["en-US"]
    assert single["cold_s"] > 0 and single["warm_median_s"] > 0
    assert report["throughput"]["jobs1_s"] > 0
    assert report["throughput"]["jobs1_mb_s_per_core"] >= 0
    assert report["memory"]["jobs1"] > 0
    assert report["corpus"]["files"] > 0


@pytest.mark.parametrize("language", ["en", "de"])
def test_rule_tokenizer_splits_as_spacy(language: str) -> None:
    samples = verify_tokenizer.texts(0.03)
    differ, shown = verify_tokenizer.compare(language, samples)
    assert differ == 0, shown


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("e.g. this", ["e.g.", "this"]),  # an exception kept whole
        ("(e.g.)", ["(", "e.g.", ")"]),  # an exception inside punctuation
        ("don't", ["do", "n't"]),  # an exception split in two
        ("4K-ready", ["4K", "-", "ready"]),  # an infix
    ],
)
def test_rule_tokenizer_english_cases(text: str, words: list[str]) -> None:
    from culturelint import matching

    rules = matching._export_rules(matching._nlp("en"))
    assert rules is not None
    spans = matching._RuleTokenizer(rules).spans(text)
    assert [text[a:b] for a, b in spans] == words


def test_phase_clock_charges_each_phase_its_own_time(monkeypatch: pytest.MonkeyPatch) -> None:
    now = iter([0.0, 1.0, 3.0, 10.0])  # outer starts, inner starts, inner ends, outer ends
    monkeypatch.setattr(phases.time, "perf_counter", lambda: next(now))
    clock = phases.Clock()
    with clock.phase("rule"), clock.phase("tokenizing"):
        pass
    assert dict(clock.spent) == {"rule": 8.0, "tokenizing": 2.0}


def test_phases_runs_on_a_small_corpus(tmp_path: Path) -> None:
    import subprocess

    command = [sys.executable, str(BENCH / "phases.py"), str(tmp_path / "c")]
    done = subprocess.run([*command, "--build", "0.03", "--json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["findings"] > 0
    assert report["phases"]["readers"] > 0
    assert any(name.startswith("CL202 ") for name in report["phases"])


def test_readers_script_reports_every_format_of_a_corpus(tmp_path: Path) -> None:
    import subprocess

    corpus.generate(tmp_path / "c", 0.03, seed=7)
    (tmp_path / "c" / "notes.bin").write_bytes(b"\x00\x01")  # no reader: left out
    command = [sys.executable, str(BENCH / "readers.py"), str(tmp_path / "c"), "--runs", "1"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()[1:]}
    assert {"markdown", "html", "text", "po", "xliff", "fluent", "json"} <= rows.keys()
    files = sum(int(row[0]) for name, row in rows.items() if name != "all")
    assert files == int(rows["all"][0]) > 0


def test_readers_script_says_when_nothing_is_read(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "notes.bin").write_bytes(b"\x00")
    command = [sys.executable, str(BENCH / "readers.py"), str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode == 1
    assert "no files culturelint reads" in done.stderr


def test_every_market_has_a_page_for_its_first_run(tmp_path: Path) -> None:
    import first_run

    assert len(first_run.markets()) >= 20
    for market in first_run.markets():
        page = first_run.write_page(tmp_path, market, english=True)
        assert page is not None, f"no page for {market}: add bench/pages/{market}.md"
        text = page.read_text(encoding="utf-8")
        assert len(text) > 100
        assert (corpus.ENGLISH_LEFT_IN in text) is not market.startswith("en-")


def test_first_run_script_reports_each_market(tmp_path: Path) -> None:
    import subprocess

    command = [sys.executable, str(BENCH / "first_run.py"), "--markets", "en-AU", "nl-NL"]
    done = subprocess.run([*command, "--runs", "1", "--json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report["this"]) == {"en-AU", "nl-NL"}
    assert all(m["median_s"] > 0 and m["peak_rss_mb"] > 0 for m in report["this"].values())
    assert report["skipped"] == []
