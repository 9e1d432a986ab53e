"""The engine's contracts: plug-ins, one registry, and checks that fail without taking the
run down."""

from __future__ import annotations

import importlib.metadata
import sys
import types

import pytest

from culturelint.config import Config
from culturelint.engine import Linter, build_registry, matches_spec
from culturelint.finding import Hit, Severity
from culturelint.registry import Check, RuleDoc


def _check(code: str, run, name: str = "demo-rule") -> Check:  # type: ignore[no-untyped-def]
    return Check(
        code=code,
        name=name,
        category="tone",
        severity=Severity.WARNING,
        doc=RuleDoc(what="Demo.", why="Testing."),
        run=run,
    )


def _find_word(doc, ctx):  # type: ignore[no-untyped-def]
    for seg in doc.segments:
        i = seg.text.find("Aurora")
        if i >= 0:
            start, end = seg.span(i, i + len("Aurora"))
            yield Hit(start, end, f"found Aurora in {ctx.market}")


@pytest.fixture
def plugin_module(monkeypatch: pytest.MonkeyPatch) -> str:
    module = types.ModuleType("acme_culturelint")
    module.CHECKS = [_check("ACME001", _find_word, "acme-aurora")]  # type: ignore[attr-defined]
    module.broken = "not a check"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "acme_culturelint", module)
    return "acme_culturelint"


def _entry_points(*values: str):  # type: ignore[no-untyped-def]
    eps = [
        importlib.metadata.EntryPoint(name=f"ep{i}", value=v, group="culturelint.checks")
        for i, v in enumerate(values)
    ]

    def fake(group: str | None = None, **_: object) -> list[importlib.metadata.EntryPoint]:
        return eps if group == "culturelint.checks" else []

    return fake


def test_plugin_checks_join_the_registry_and_run(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        importlib.metadata, "entry_points", _entry_points(f"{plugin_module}:CHECKS")
    )
    registry, errors = build_registry(Config())
    assert errors == []
    assert registry.get("ACME001") is not None
    assert registry.get("ACME001").origin == "plugin:ep0"
    linter = Linter(Config(), registry, market="de-DE", select=["ACME"])
    result = linter.lint_bytes(b"Das ist\nAurora.\n", "a.txt")
    (finding,) = result.findings
    assert (finding.line, finding.column, finding.end_column) == (2, 1, 7)
    assert finding.message == "found Aurora in de-DE"


def test_broken_plugin_is_an_error_not_a_crash(
    plugin_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        _entry_points(f"{plugin_module}:broken", "no_such_module_xyz:CHECKS"),
    )
    registry, errors = build_registry(Config())
    assert len(errors) == 2
    assert all("cannot load plug-in" in e.message for e in errors)
    assert registry.get("CL201") is not None


def test_a_crashing_check_is_reported_and_others_still_run() -> None:
    def boom(doc, ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaputt")

    registry, _ = build_registry(Config())
    registry.add(_check("ZZZ001", boom, "boom"))
    linter = Linter(Config(), registry, market="de-DE", select=["ZZZ001", "CL701"])
    result = linter.lint_bytes(b"Nur $5.\n", "a.txt")
    assert [f.rule for f in result.findings] == ["CL701"]
    assert "ZZZ001 could not check this file: RuntimeError: kaputt" in result.errors[0].message


def test_prepare_runs_before_any_rule_and_only_for_rules_that_run() -> None:
    calls: list[str] = []

    def prepare(code: str):  # type: ignore[no-untyped-def]
        return lambda ctx: calls.append(f"prepare {code} {ctx.market}")

    def run(code: str):  # type: ignore[no-untyped-def]
        return lambda doc, ctx: calls.append(f"run {code}") or []

    registry, _ = build_registry(Config())
    for code in ("ZZZ001", "ZZZ002"):
        check = _check(code, run(code), f"demo-{code.lower()}")
        check.prepare = prepare(code)
        registry.add(check)
    skipped = _check("ZZZ003", run("ZZZ003"), "demo-skipped")
    skipped.prepare = prepare("ZZZ003")
    skipped.applies = lambda profile: False
    registry.add(skipped)
    linter = Linter(Config(), registry, market="de-DE", select=["ZZZ"])
    assert linter.lint_bytes(b"Hallo.\n", "a.txt").errors == []
    assert calls == ["prepare ZZZ001 de-DE", "prepare ZZZ002 de-DE", "run ZZZ001", "run ZZZ002"]


def test_rules_with_data_of_their_own_run_last_and_findings_keep_their_order() -> None:
    """A rule with `prepare` may wait for data built in the background on a first run,
    so the others run first; findings come out sorted whatever the order."""
    calls: list[str] = []

    def run(code: str, word: str):  # type: ignore[no-untyped-def]
        def found(doc, ctx):  # type: ignore[no-untyped-def]
            calls.append(code)
            for seg in doc.segments:
                i = seg.text.find(word)
                if i >= 0:
                    yield Hit(*seg.span(i, i + len(word)), f"{word} found")

        return found

    registry, _ = build_registry(Config())
    first = _check("ZZZ001", run("ZZZ001", "Hallo"), "demo-first")
    first.prepare = lambda ctx: None
    registry.add(first)
    registry.add(_check("ZZZ002", run("ZZZ002", "Welt"), "demo-second"))
    linter = Linter(Config(), registry, market="de-DE", select=["ZZZ"])
    result = linter.lint_bytes(b"Hallo Welt.\n\nWelt, hallo: Hallo.\n", "a.txt")
    assert calls == ["ZZZ002", "ZZZ001"]
    assert [(f.line, f.column, f.rule) for f in result.findings] == [
        (1, 1, "ZZZ001"),
        (1, 7, "ZZZ002"),
        (3, 1, "ZZZ002"),
        (3, 14, "ZZZ001"),
    ]


def test_per_file_ignores_apply_to_each_file_of_a_market() -> None:
    """The rules to run are worked out once per market and set of ignores."""
    registry, _ = build_registry(Config())
    config = Config(per_file_ignores={"legal/*": ["CL701"]})
    linter = Linter(config, registry, market="de-DE", select=["CL701"])
    for path, rules in [("a.txt", ["CL701"]), ("legal/b.txt", []), ("c.txt", ["CL701"])]:
        assert [f.rule for f in linter.lint_bytes(b"Nur $5.\n", path).findings] == rules


@pytest.mark.parametrize("pattern", ["legal/*", "legal/**", "legal", "legal/", "*/b.txt"])
def test_a_per_file_ignore_pattern_names_files_as_exclude_does(pattern: str) -> None:
    """A folder on its own ("legal", "legal/") covers the files below it, as in
    `exclude` and `markets`; a near miss ("legalese/") is not covered."""
    registry, _ = build_registry(Config())
    config = Config(per_file_ignores={pattern: ["CL701"]})
    linter = Linter(config, registry, market="de-DE", select=["CL701"])
    for path, rules in [
        ("legal/b.txt", []),
        ("legal/deep/c.txt", [] if pattern != "*/b.txt" else ["CL701"]),
        ("legalese/b.txt", [] if pattern == "*/b.txt" else ["CL701"]),
        ("a.txt", ["CL701"]),
    ]:
        assert [f.rule for f in linter.lint_bytes(b"Nur $5.\n", path).findings] == rules, path


def test_a_crashing_prepare_is_reported_and_the_rules_still_run() -> None:
    def boom(ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaputt")

    registry, _ = build_registry(Config())
    check = _check("ZZZ001", lambda doc, ctx: [], "boom")
    check.prepare = boom
    registry.add(check)
    linter = Linter(Config(), registry, market="de-DE", select=["ZZZ001", "CL701"])
    result = linter.lint_bytes(b"Nur $5.\n", "a.txt")
    assert [f.rule for f in result.findings] == ["CL701"]
    assert [e.message for e in result.errors] == [
        "ZZZ001 could not check this file: RuntimeError: kaputt"
    ]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("CL201", True),
        ("cl2", True),
        ("CL", True),
        ("ALL", True),
        ("colour-connotation", True),
        ("CL20", True),
        ("CL3", False),
        ("colour", False),
        ("", False),
    ],
)
def test_select_specs(spec: str, expected: bool) -> None:
    registry, _ = build_registry(Config())
    assert matches_spec(registry.get("CL201"), spec) is expected


def test_campaign_year_drives_the_check_year() -> None:
    seen: list[int] = []

    def record(doc, ctx):  # type: ignore[no-untyped-def]
        seen.append(ctx.year)
        return []

    registry, _ = build_registry(Config())
    registry.add(_check("ZZZ002", record, "record-year"))
    linter = Linter(Config(), registry, select=["ZZZ002"])
    text = "---\nmarket: ja-JP\ncampaign: {start: 2031-01-02, end: 2031-01-05}\n---\n\nx\n"
    linter.lint_bytes(text.encode(), "a.md")
    assert seen == [2031]
