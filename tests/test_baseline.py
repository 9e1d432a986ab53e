"""Baselines (only new findings fail CI) and the atomic writes they rely on."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from culturelint import atomic
from culturelint.atomic import write_atomic
from culturelint.baseline import (
    Baseline,
    BaselineError,
    BaselineNotFoundError,
    fingerprint,
    normalize_path,
)
from culturelint.finding import Finding, Severity

COPY = "夏の新作: 日本語 の白いギフト\n👌 Order now!\n"


def finding_for(text: str, flagged: str, **overrides: object) -> Finding:
    """A finding on `flagged` as the engine would report it in `text`."""
    start = text.index(flagged)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    values: dict[str, object] = {
        "path": "copy/ja-JP/launch.md",
        "line": line,
        "column": column,
        "end_line": line,
        "end_column": column + len(flagged),
        "rule": "CL201",
        "name": "colour-connotation",
        "category": "colour",
        "severity": Severity.WARNING,
        "market": "ja-JP",
        "message": f"「{flagged}」 suggests mourning.",
        "snippet": flagged,
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


def round_trip(baseline: Baseline, tmp_path: Path) -> Baseline:
    path = tmp_path / "culturelint-baseline.json"
    baseline.save(path)
    return Baseline.load(path)


# Matching


def test_findings_on_shifted_lines_still_match(tmp_path: Path) -> None:
    before = [finding_for(COPY, "日本語"), finding_for(COPY, "👌", rule="CL203")]
    edited = "# A new heading\n\nAn added paragraph.\n" + COPY
    after = [finding_for(edited, "日本語"), finding_for(edited, "👌", rule="CL203")]
    assert after[0].line == before[0].line + 3

    new, matched = round_trip(Baseline.from_findings(before), tmp_path).filter(after)

    assert new == []
    assert matched == 2


def test_editing_the_flagged_text_makes_a_new_finding(tmp_path: Path) -> None:
    baseline = round_trip(Baseline.from_findings([finding_for(COPY, "日本語")]), tmp_path)
    edited = COPY.replace("日本語", "白い箱")
    current = [finding_for(edited, "白い箱")]

    assert baseline.filter(current) == (current, 0)


@pytest.mark.parametrize(
    ("change", "matches"),
    [
        ({"rule": "CL202"}, False),
        ({"path": "copy/ja-JP/other.md"}, False),
        # Near misses: the same file spelled differently, or only the wording changed.
        ({"path": "./copy/ja-JP/launch.md"}, True),
        ({"path": "copy\\ja-JP\\launch.md"}, True),
        ({"message": "Reworded message."}, True),
        ({"severity": Severity.ERROR}, True),
    ],
)
def test_identity_is_rule_path_and_flagged_text(change: dict[str, object], matches: bool) -> None:
    baseline = Baseline.from_findings([finding_for(COPY, "日本語")])
    current = [finding_for(COPY, "日本語", **change)]

    new, matched = baseline.filter(current)

    assert matched == (1 if matches else 0)
    assert new == ([] if matches else current)


def test_rewrapped_snippet_still_matches() -> None:
    baseline = Baseline.from_findings([finding_for(COPY, "Order now!")])
    rewrapped = COPY.replace("Order now!", "Order\n  now!")

    assert baseline.filter([finding_for(rewrapped, "Order\n  now!")])[1] == 1


def test_finding_without_snippet_is_identified_by_its_message() -> None:
    missing = finding_for(COPY, "夏", snippet="", message="No Impressum link in the footer.")
    baseline = Baseline.from_findings([missing])

    same = finding_for(COPY, "Order", snippet="", message="No Impressum link in the footer.")
    other = finding_for(COPY, "夏", snippet="", message="No company history on the page.")

    assert baseline.filter([same]) == ([], 1)
    assert baseline.filter([other]) == ([other], 0)


@pytest.mark.parametrize(
    ("recorded", "current", "expected_new", "expected_matched"),
    [
        (1, 2, 1, 1),
        (2, 2, 0, 2),
        (2, 1, 0, 1),
        (0, 2, 2, 0),
    ],
)
def test_duplicates_are_counted_one_for_one(
    tmp_path: Path, recorded: int, current: int, expected_new: int, expected_matched: int
) -> None:
    twice = "日本語 and again 日本語\n"
    first = finding_for(twice, "日本語")
    second = finding_for(twice, "日本語", column=17, end_column=20)
    findings = [first, second]
    baseline = round_trip(Baseline.from_findings(findings[:recorded]), tmp_path)

    new, matched = baseline.filter(findings[:current])

    assert len(new) == expected_new
    assert matched == expected_matched


def test_new_findings_keep_their_order() -> None:
    findings = [finding_for(COPY, s) for s in ("日本語", "👌", "Order")]
    baseline = Baseline.from_findings(findings[1:2])

    new, _ = baseline.filter(findings)

    assert new == [findings[0], findings[2]]


def test_fingerprint_is_a_sha256_hex_digest() -> None:
    digest = fingerprint(finding_for(COPY, "日本語"))

    assert len(digest) == 64
    assert set(digest) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    ("path", "expected"),
    [("copy/a.md", "copy/a.md"), ("./copy/a.md", "copy/a.md"), ("copy\\a b.md", "copy/a b.md")],
)
def test_normalize_path(path: str, expected: str) -> None:
    assert normalize_path(path) == expected


# The file


def test_saved_file_has_the_documented_format(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    finding = finding_for(COPY, "日本語")

    Baseline.from_findings([finding]).save(path)

    assert json.loads(path.read_text(encoding="utf-8")) == {
        "version": 1,
        "tool": "culturelint",
        "findings": [
            {
                "path": "copy/ja-JP/launch.md",
                "rule": "CL201",
                "fingerprint": fingerprint(finding),
                "line": 1,
                "message": "「日本語」 suggests mourning.",
            }
        ],
    }
    assert "「日本語」" in path.read_text(encoding="utf-8")


def test_saved_file_is_sorted_and_stable(tmp_path: Path) -> None:
    findings = [
        finding_for(COPY, "👌", path="copy/b.md", rule="CL203"),
        finding_for(COPY, "日本語", path="copy/a.md"),
        finding_for(COPY, "Order", path="copy/a.md", rule="CL501"),
    ]
    one, two = tmp_path / "one.json", tmp_path / "two.json"

    Baseline.from_findings(findings).save(one)
    Baseline.from_findings(reversed(findings)).save(two)

    assert one.read_bytes() == two.read_bytes()
    entries = json.loads(one.read_text(encoding="utf-8"))["findings"]
    assert [(e["path"], e["rule"]) for e in entries] == [
        ("copy/a.md", "CL201"),
        ("copy/a.md", "CL501"),
        ("copy/b.md", "CL203"),
    ]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"

    with pytest.raises(BaselineNotFoundError, match=r"nope\.json: baseline file not found"):
        Baseline.load(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "findings": [', r"bad\.json:1:\d+: baseline is not valid JSON"),
        ("", r"bad\.json:1:1: baseline is not valid JSON"),
        ("[]", r"bad\.json: not a culturelint baseline"),
        ('{"version": 1}', r"bad\.json: not a culturelint baseline"),
        ('{"version": 3, "findings": []}', r"bad\.json: unsupported baseline version 3"),
        ('{"version": true, "findings": []}', r"bad\.json: unsupported baseline version True"),
        (
            '{"version": 1, "tool": "other", "findings": []}',
            r"bad\.json: baseline was written by 'other'",
        ),
        (
            '{"version": 1, "findings": [{"path": "a.md", "rule": "CL201"}]}',
            r"bad\.json: findings\[0\]: missing or empty 'fingerprint'",
        ),
        ('{"version": 1, "findings": ["x"]}', r"bad\.json: findings\[0\]: expected an object"),
        (
            '{"version": 1, "findings": [{"path": "a", "rule": "R", "fingerprint": "f",'
            ' "line": "3"}]}',
            r"findings\[0\]: 'line' must be an integer",
        ),
    ],
)
def test_corrupt_file_is_a_clear_error_naming_the_file(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(BaselineError, match=message):
        Baseline.load(path)


def test_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b"\xff\xfe\x00garbage")

    with pytest.raises(BaselineError, match=r"bad\.json: not a baseline file"):
        Baseline.load(path)


def test_minimal_valid_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(
        '{"version": 1, "findings": [{"path": "a.md", "rule": "CL201", "fingerprint": "f"}]}',
        encoding="utf-8",
    )

    assert len(Baseline.load(path)) == 1


# Paths relative to the baseline's folder


def test_saved_paths_are_relative_to_the_baseline_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".ci").mkdir()
    path = tmp_path / ".ci" / "baseline.json"
    finding = finding_for(COPY, "日本語")  # reported as copy/ja-JP/launch.md

    Baseline.from_findings([finding], path.parent).save(path)

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert [e["path"] for e in saved["findings"]] == ["../copy/ja-JP/launch.md"]


@pytest.mark.parametrize(
    "reported_from",
    [
        # (working folder below tmp_path, how the file is reported from there)
        (".", "copy/ja-JP/launch.md"),
        ("copy", "ja-JP/launch.md"),
        ("copy/ja-JP", "./launch.md"),
        ("elsewhere", "../copy/ja-JP/launch.md"),
        ("copy", "{root}/copy/ja-JP/launch.md"),  # an absolute path on the command line
    ],
    ids=["root", "subfolder", "dot-slash", "sibling", "absolute"],
)
def test_a_baseline_matches_from_any_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported_from: tuple[str, str]
) -> None:
    folder, reported = reported_from
    for sub in ("copy/ja-JP", "elsewhere"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
    path = tmp_path / "baseline.json"
    monkeypatch.chdir(tmp_path)
    Baseline.from_findings([finding_for(COPY, "日本語")], Path(".")).save(path)

    monkeypatch.chdir(tmp_path / folder)
    again = finding_for(COPY, "日本語", path=reported.format(root=tmp_path))
    other_file = finding_for(COPY, "日本語", path=reported.replace("launch", "sale"))
    new, matched = Baseline.load(path).filter([again, other_file])

    assert matched == 1
    assert new == [other_file]


def test_version_1_files_still_match_by_reported_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = finding_for(COPY, "日本語")
    path = tmp_path / "old.json"
    Baseline.from_findings([finding]).save(path)  # no folder given: version 1
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    monkeypatch.chdir(tmp_path)

    assert Baseline.load(path).filter([finding]) == ([], 1)
    moved = finding_for(COPY, "日本語", path="ja-JP/launch.md")
    assert Baseline.load(path).filter([moved]) == ([moved], 0)


def test_saving_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "baseline.json"

    with pytest.raises(BaselineError, match=r"baseline\.json: cannot write baseline"):
        Baseline().save(path)


# Atomic writes


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("data", ["日本語 👌\n", b"\x00\x01binary"])
def test_write_atomic_writes_text_and_bytes(tmp_path: Path, data: str | bytes) -> None:
    path = tmp_path / "out"

    write_atomic(path, data)

    expected = data.encode("utf-8") if isinstance(data, str) else data
    assert path.read_bytes() == expected
    assert leftovers(tmp_path) == []


def test_write_atomic_writes_text_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("old", encoding="utf-8")

    write_atomic(path, iter(["{", "\n  日本語", "", " 👌\n}\n"]))

    assert path.read_text(encoding="utf-8") == "{\n  日本語 👌\n}\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("interruption", [RuntimeError("a bug"), KeyboardInterrupt()])
def test_a_failure_while_pieces_are_made_keeps_the_old_file(
    tmp_path: Path, interruption: BaseException
) -> None:
    """A report is made while it is written; Ctrl-C (or a bug) half-way through leaves
    the previous report whole and no temporary file."""
    path = tmp_path / "report.json"
    path.write_text("old", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "half of a new report"
        raise interruption

    with pytest.raises(type(interruption)):
        write_atomic(path, pieces())

    assert path.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(__import__("signal"), "pthread_sigmask"), reason="POSIX")
def test_signals_are_not_held_while_pieces_are_made(tmp_path: Path) -> None:
    """Making a large report takes seconds: Ctrl-C must stop it then, not after."""
    import signal

    masks = []

    def pieces() -> Iterator[str]:
        masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, []))
        yield "report"

    write_atomic(tmp_path / "out", pieces())

    assert masks and signal.SIGINT not in masks[0]


def test_write_atomic_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")

    write_atomic(path, "new")

    assert path.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("durable", [True, False])
def test_write_atomic_syncs_only_durable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, durable: bool
) -> None:
    """A baseline or a report is synced to disk (the file, then its folder entry); a
    result cache entry, whose loss costs only a re-lint, is not."""
    import os

    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")

    write_atomic(path, "new", durable=durable)

    assert path.read_text(encoding="utf-8") == "new"
    assert leftovers(tmp_path) == []
    assert len(synced) == (2 if durable and hasattr(os, "O_DIRECTORY") else int(durable))


@pytest.mark.parametrize("interruption", [OSError("disk full"), KeyboardInterrupt()])
@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failed_write_leaves_old_file_and_no_temporary(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    interruption: BaseException,
    failing: str,
) -> None:
    path = tmp_path / "baseline.json"
    path.write_text("old content", encoding="utf-8")

    def fail(*args: object) -> None:
        raise interruption

    monkeypatch.setattr(atomic.os, failing, fail)

    with pytest.raises(type(interruption)):
        write_atomic(path, "new content")

    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]


def test_failed_baseline_save_keeps_the_previous_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "baseline.json"
    Baseline.from_findings([finding_for(COPY, "日本語")]).save(path)
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", fail)

    with pytest.raises(BaselineError, match="No space left on device"):
        Baseline.from_findings([]).save(path)

    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_write_atomic_keeps_the_existing_mode(tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)

    write_atomic(path, "new")

    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_the_usual_mode_not_a_private_one(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out", "new")
    finally:
        os.umask(previous)

    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_write_atomic_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)

    write_atomic(link, "new")

    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
