"""The command line as users and CI pipelines meet it: exit codes, formats, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from culturelint import __version__
from culturelint.cli import app
from culturelint.config import Config
from culturelint.engine import build_registry

runner = CliRunner()

DE_COPY = "---\nmarket: de-DE\n---\n\nPreis: ab $19.99.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["check", "--no-cache", *args], input=input)


def test_finding_exits_1_with_exact_position(in_tmp: Path) -> None:
    write(in_tmp / "promo.md", DE_COPY)
    result = check("promo.md", "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    (finding,) = [f for f in data["findings"] if f["rule"] == "CL701"]
    assert (finding["line"], finding["column"]) == (5, 11)
    assert "Preis: ab $19.99"[finding["column"] - 1 : finding["end_column"] - 1].startswith("$")
    assert finding["market"] == "de-DE"
    assert data["summary"]["files"] == 1


def test_clean_file_exits_0(in_tmp: Path) -> None:
    write(in_tmp / "promo.md", "---\nmarket: de-DE\n---\n\nPreis: ab 29,99 €.\n")
    result = check("promo.md")
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on(in_tmp: Path, fail_on: str, code: int) -> None:
    write(in_tmp / "promo.md", DE_COPY)
    assert check("promo.md", "--fail-on", fail_on).exit_code == code


def test_select_and_ignore(in_tmp: Path) -> None:
    write(in_tmp / "promo.md", DE_COPY)
    assert check("promo.md", "--ignore", "CL701").exit_code == 0
    assert check("promo.md", "--select", "CL2").exit_code == 0
    assert check("promo.md", "--select", "foreign-currency").exit_code == 1


def test_market_flag_and_stdin(in_tmp: Path) -> None:
    result = check(
        "-",
        "--market",
        "de",
        "--stdin-filename",
        "ad.txt",
        "--format",
        "json",
        input="Jetzt nur $19.99 kaufen.\n",
    )
    assert result.exit_code == 1, result.output
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["path"] == "ad.txt" and finding["market"] == "de-DE"


def test_unknown_market_is_usage_error(in_tmp: Path) -> None:
    write(in_tmp / "a.md", "hello\n")
    result = check("a.md", "--market", "klingon")
    assert result.exit_code == 2
    assert "klingon" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("de-DE/binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("de-DE/latin1.md", "Grüße aus Köln\n".encode("latin-1"), "UTF-8"),
        ("nomarket/copy.md", "Just some copy.\n", "no market"),
    ],
)
def test_bad_file_is_reported_and_others_still_linted(
    in_tmp: Path, name: str, content: bytes | str, message: str
) -> None:
    write(in_tmp / name, content)
    write(in_tmp / "de-DE" / "good.md", "Preis: ab $19.99.\n")
    result = check(".", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert any(message in e["message"] and e["path"].endswith(name) for e in data["errors"])
    assert any(f["path"].endswith("good.md") for f in data["findings"])


def test_utf16_with_bom_and_empty_files_are_read(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "utf16.txt", "Preis: ab $19.99.\n".encode("utf-16"))
    write(in_tmp / "de-DE" / "empty.md", b"")
    result = check(".", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1, data["errors"]
    assert [f["path"] for f in data["findings"]] == ["de-DE/utf16.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file(in_tmp: Path) -> None:
    path = write(in_tmp / "de-DE" / "secret.md", "x")
    path.chmod(0)
    result = check(".")
    assert result.exit_code == 2
    assert "secret.md" in result.stdout


def test_malformed_config_names_file_and_key(in_tmp: Path) -> None:
    write(in_tmp / "culturelint.yaml", "fail_on: sometimes\n")
    write(in_tmp / "a.md", "x")
    result = check("a.md")
    assert result.exit_code == 2
    assert "culturelint.yaml" in result.stderr and "fail_on" in result.stderr


def test_a_broken_rule_file_is_named_with_the_config_error_it_causes(in_tmp: Path) -> None:
    """`severity: {ACME001: error}` names no rule because its file cannot be read: the
    file's own error comes first, with its line, not only the symptom."""
    write(in_tmp / "culturelint.yaml", "rule_paths: [rules]\nseverity: {ACME001: error}\n")
    write(in_tmp / "rules" / "r.yaml", "rules:\n  - code: ACME001\n    name: x\n   bad\n")
    write(in_tmp / "de-DE" / "a.md", "Hallo\n")
    result = check("de-DE")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "r.yaml:4: malformed YAML" in lines[0]
    assert "severity: ACME001: no rule has this code or name" in lines[1]


def test_config_glob_map_and_severity_override(in_tmp: Path) -> None:
    write(in_tmp / "culturelint.yaml", 'markets: {"copy/*": de-DE}\nseverity: {CL701: info}\n')
    write(in_tmp / "copy" / "a.md", "Preis: ab $19.99.\n")
    result = check(".", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"][0]["severity"] == "info"


def test_inline_suppression(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "<!-- culturelint-disable-next-line CL701 -->\nNur $19.99.\n")
    assert check(".").exit_code == 0


def test_a_suppression_by_rule_name_and_a_misspelt_one(in_tmp: Path) -> None:
    write(
        in_tmp / "de-DE" / "a.md",
        "<!-- culturelint-disable-next-line foreign-currency -->\nNur $19.99.\n",
    )
    assert check(".").exit_code == 0
    write(in_tmp / "de-DE" / "a.md", "<!-- culturelint-disable-nextline CL701 -->\nNur $19.99.\n")
    result = check(".", "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [f["rule"] for f in data["findings"]] == ["CL701"]  # nothing suppressed
    ((error,),) = [data["errors"]]
    assert (error["path"], error["line"]) == ("de-DE/a.md", 1)
    assert "culturelint-disable-nextline" in error["message"]


def test_baseline_reports_only_new_findings(in_tmp: Path) -> None:
    page = write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    assert check(".", "--baseline", "base.json", "--update-baseline").exit_code == 0
    assert (in_tmp / "base.json").is_file()
    page.write_text("Neu!\n\nNur $19.99.\n", encoding="utf-8")
    assert check(".", "--baseline", "base.json").exit_code == 0
    page.write_text("Neu!\n\nNur $19.99, dann £5.\n", encoding="utf-8")
    result = check(".", "--baseline", "base.json", "--format", "json")
    assert result.exit_code == 1
    assert [f["line"] for f in json.loads(result.stdout)["findings"]] == [3]


def test_baseline_written_at_the_root_matches_from_a_subfolder(in_tmp: Path) -> None:
    write(in_tmp / "content" / "de-DE" / "a.md", "Nur $19.99.\n")
    assert check("content", "--baseline", "base.json", "--update-baseline").exit_code == 0
    saved = json.loads((in_tmp / "base.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in saved["findings"]} == {"content/de-DE/a.md"}

    os.chdir(in_tmp / "content")
    assert check(".", "--baseline", "../base.json").exit_code == 0
    write(in_tmp / "content" / "de-DE" / "b.md", "Nur $5.\n")
    result = check(".", "--baseline", "../base.json", "--format", "json")
    assert result.exit_code == 1
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"de-DE/b.md"}


def _baseline_rules(path: Path) -> list[tuple[str, str]]:
    saved = json.loads(path.read_text(encoding="utf-8"))["findings"]
    return sorted((entry["path"], entry["rule"]) for entry in saved)


def test_updating_the_baseline_for_some_files_keeps_the_others(in_tmp: Path) -> None:
    """A pre-commit hook passes only the files that changed: their entries are
    replaced, the other files' entries stay, a deleted file's entries go."""
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    write(in_tmp / "de-DE" / "b.md", "Nur $5.\n")
    write(in_tmp / "de-DE" / "gone.md", "Nur $7.\n")
    assert check(".", "--baseline", "base.json", "--update-baseline").exit_code == 0
    (in_tmp / "de-DE" / "gone.md").unlink()
    write(in_tmp / "de-DE" / "a.md", "Nur 19,99 €.\n")  # fixed

    result = check("de-DE/a.md", "--baseline", "base.json", "--update-baseline")
    assert result.exit_code == 0
    assert "wrote 0 findings and kept 1 for files or rules not checked" in result.stderr
    assert _baseline_rules(in_tmp / "base.json") == [("de-DE/b.md", "CL701")]
    assert check(".", "--baseline", "base.json").exit_code == 0


def test_updating_the_baseline_for_some_rules_keeps_the_others(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99! Jetzt kaufen!!!\n")
    assert check(".", "--baseline", "base.json", "--update-baseline").exit_code == 0
    everything = _baseline_rules(in_tmp / "base.json")
    assert {rule for _, rule in everything} >= {"CL701", "CL504"}, everything

    only = ("--select", "CL701", "--baseline", "base.json", "--update-baseline")
    assert check(".", *only).exit_code == 0
    assert _baseline_rules(in_tmp / "base.json") == everything
    write(in_tmp / "de-DE" / "a.md", "Nur 19,99 €! Jetzt kaufen!!!\n")
    assert check(".", *only).exit_code == 0
    assert _baseline_rules(in_tmp / "base.json") == [e for e in everything if e[1] != "CL701"]


def test_a_file_that_cannot_be_read_keeps_its_baseline_entries(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    assert check(".", "--baseline", "base.json", "--update-baseline").exit_code == 0
    write(in_tmp / "de-DE" / "a.md", b"Nur $19.99.\n\x00\x01")  # binary now
    assert check(".", "--baseline", "base.json", "--update-baseline").exit_code == 2
    assert _baseline_rules(in_tmp / "base.json") == [("de-DE/a.md", "CL701")]


def test_updating_a_damaged_baseline_writes_it_afresh_and_says_so(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    write(in_tmp / "base.json", "<<<<<<< HEAD\n{}\n=======\n")  # a merge conflict
    result = check(".", "--baseline", "base.json", "--update-baseline")
    assert result.exit_code == 0
    assert "base.json:1:1: baseline is not valid JSON" in result.stderr
    assert "written afresh from this run's findings" in result.stderr
    assert _baseline_rules(in_tmp / "base.json") == [("de-DE/a.md", "CL701")]


def test_a_missing_baseline_is_named_once_and_counted_as_a_setup_error(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    result = check(".", "--baseline", "nope.json")
    assert result.exit_code == 2
    assert "nope.json: error: baseline file not found" in result.stdout
    assert result.stdout.count("nope.json") == 1
    # The one copy file was checked; the baseline is not a file that "could not be checked".
    assert result.stdout.rstrip().endswith("in 1 of 1 file; 1 setup error.")


@pytest.mark.parametrize("fmt", ["sarif", "github", "text", "json"])
def test_every_format_and_output_file(in_tmp: Path, fmt: str) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    result = check(".", "--format", fmt, "--output", "report.out")
    assert result.exit_code == 1
    text = (in_tmp / "report.out").read_text(encoding="utf-8")
    assert "CL701" in text
    assert "\x1b[" not in text


@pytest.mark.skipif(os.name == "nt", reason="file names are not bytes on Windows")
@pytest.mark.parametrize("fmt", ["sarif", "github", "text", "json"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(in_tmp: Path, fmt: str) -> None:
    """The name's bytes come from the file system as lone surrogates; the cache, the
    reports and the fingerprints must carry them, and the other files still report."""
    os.makedirs(b"de-DE")
    with open(b"de-DE/bad\xff.md", "wb") as handle:
        handle.write(b"Nur $19.99.\n")
    write(in_tmp / "de-DE" / "ok.md", "Nur $29.99.\n")
    for cached in (False, True, True):  # uncached; cache written; cache read
        args = ["check", ".", "--format", fmt, "--output", "report.out"]
        result = runner.invoke(app, args if cached else [*args, "--no-cache"])
        assert result.exit_code == 1, result.output
        raw = (in_tmp / "report.out").read_bytes()
        if fmt in ("json", "sarif"):
            data = json.loads(raw.decode("utf-8"))  # valid UTF-8, valid JSON
            text = json.dumps(data)
            assert ("bad%FF.md" if fmt == "sarif" else "bad\\udcff.md") in text
        else:
            assert b"de-DE/bad\xff.md" in raw  # the name as the disk has it
        assert raw.count(b"CL701") >= 2


def test_a_path_outside_the_working_folder_is_given_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SARIF viewers and GitHub resolve a relative path against the root: "../x" would
    point outside it, so it is reported as the absolute path it stands for."""
    write(tmp_path / "copy" / "de-DE" / "a.md", "Nur $19.99.\n")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    sarif = json.loads(check("../copy/de-DE/a.md", "--format", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (tmp_path / "copy/de-DE/a.md").as_uri()}
    github = check("../copy/de-DE/a.md", "--format", "github").stdout
    assert f"file={tmp_path / 'copy/de-DE/a.md'}," in github


def test_jobs_give_the_same_output_as_one_process(in_tmp: Path) -> None:
    for i in range(12):
        write(in_tmp / "de-DE" / f"p{i:02d}.md", f"Seite {i}: nur $1{i}.99.\n")
    one = check(".", "--format", "json", "--jobs", "1").stdout
    two = check(".", "--format", "json", "--jobs", "2").stdout
    assert one == two
    assert len(json.loads(two)["findings"]) == 12


def test_cache_gives_identical_results(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    first = runner.invoke(app, ["check", ".", "--format", "json"])
    assert (in_tmp / ".culturelint_cache").is_dir()
    second = runner.invoke(app, ["check", ".", "--format", "json"])
    assert first.stdout == second.stdout and first.exit_code == second.exit_code == 1


@pytest.mark.parametrize(
    "entry",
    [
        "{not json",
        "",  # cut short by a crash of the machine (entries are not synced to disk)
        '{"key": "KEY", "findings": "x", "errors": []}',
        '{"key": "KEY", "findings": [1], "errors": []}',
        '{"key": "KEY", "findings": [null], "errors": []}',
        '{"key": "KEY", "findings": {}, "errors": []}',  # iterates as an empty list
        '{"key": "KEY", "findings": [], "errors": [{"path": "de-DE/a.md", "message": 5}]}',
        '{"key": "another file", "findings": [], "errors": []}',  # a clean entry, not this one
        '{"findings": [], "errors": []}',  # no key
        "[]",
    ],
)
def test_corrupt_cache_entry_is_rebuilt(in_tmp: Path, entry: str) -> None:
    """A hand, a disk or another version may change an entry: it is a miss. An entry
    holds its own key (its file name), so a valid entry of another file is one too."""
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    first = runner.invoke(app, ["check", ".", "--format", "json"])
    entries = [
        path
        for path in (in_tmp / ".culturelint_cache" / __version__).rglob("*.json")
        if path.parent.name == path.name[:2]
    ]
    assert len(entries) == 1
    for path in entries:
        assert json.loads(path.read_text(encoding="utf-8"))["key"] == path.stem
        path.write_text(entry.replace("KEY", path.stem), encoding="utf-8")
    again = runner.invoke(app, ["check", ".", "--format", "json"])
    assert again.exit_code == first.exit_code == 1, again.output
    assert again.stdout == first.stdout


def test_a_pattern_that_timed_out_is_not_cached(in_tmp: Path) -> None:
    """The timeout, and the "switched off" error on the later files, belong to one run
    (a busy machine, the files linted with it), not to the files: a later run over the
    other file alone must run the rule."""
    import yaml

    rule = {
        "code": "ACME001", "name": "slow", "category": "tone", "severity": "warning",
        "message": "flagged {match}", "type": "pattern", "pattern": "(a|[ab]a)+$",
        "doc": {"what": "what it flags", "why": "why", "sources": ["A source, 2024"]},
    }  # fmt: skip
    write(in_tmp / "rules" / "slow.yaml", yaml.safe_dump({"rules": [rule]}))
    write(in_tmp / "culturelint.yaml", "rule_paths: [rules]\n")
    write(in_tmp / "de-DE" / "a.md", "a" * 40 + "b\n")
    write(in_tmp / "de-DE" / "b.md", "Hallo Welt aaa\n")
    first = runner.invoke(app, ["check", "de-DE", "--jobs", "1", "--format", "json"])
    messages = [e["message"] for e in json.loads(first.stdout)["errors"]]
    assert any("took longer than" in m for m in messages), messages
    again = runner.invoke(app, ["check", "de-DE/b.md", "--format", "json"])
    data = json.loads(again.stdout)
    assert data["errors"] == []
    assert [f["rule"] for f in data["findings"]] == ["ACME001"]


def _result_entries(root: Path) -> set[str]:
    return {
        path.name
        for path in (root / ".culturelint_cache" / __version__).rglob("*.json")
        if path.parent.name == path.name[:2]
    }


def test_a_checkout_elsewhere_finds_the_results_of_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CI runner that restores `.culturelint_cache/` into a checkout at another path
    (or a second clone) must be served the results, not lint every file again: nothing
    in their keys may depend on where the project lies."""
    import shutil

    first = tmp_path / "one" / "project"
    write(first / "culturelint.yaml", "rule_paths: [rules]\nmarkets:\n  'shop/**': de-DE\n")
    write(first / "rules" / "acme.yaml", "rules: []\n")
    write(first / "shop" / "a.md", "Nur $19.99.\n")
    write(first / "shop" / "b.md", "Jetzt bestellen.\n")
    monkeypatch.chdir(first)
    before = runner.invoke(app, ["check", ".", "--format", "json"])
    assert before.exit_code == 1, before.output
    stored = _result_entries(first)
    assert len(stored) == 2

    elsewhere = tmp_path / "two" / "checkout"
    shutil.copytree(first, elsewhere)
    monkeypatch.chdir(elsewhere)
    after = runner.invoke(app, ["check", ".", "--format", "json"])
    assert after.stdout == before.stdout
    assert _result_entries(elsewhere) == stored  # every result served, none written

    # The count can tell: a file changed in the copy is linted and stored anew.
    write(elsewhere / "shop" / "b.md", "Jetzt bestellen!\n")
    runner.invoke(app, ["check", ".", "--format", "json"])
    assert len(_result_entries(elsewhere) - stored) == 1


def test_a_changed_glossary_is_not_served_from_the_cache(in_tmp: Path) -> None:
    """The glossary is part of the effective configuration: a result keyed without it
    went stale when a term changed."""
    write(in_tmp / "culturelint.yaml", "options:\n  l10n:\n    glossary: glossary.yaml\n")
    write(in_tmp / "glossary.yaml", "order:\n  de: Bestellung\n")
    write(in_tmp / "en" / "app.json", '{"msg": "Your order has shipped"}\n')
    write(in_tmp / "de" / "app.json", '{"msg": "Ihre Bestellung wurde versandt"}\n')
    assert runner.invoke(app, ["check", "de"]).exit_code == 0
    write(in_tmp / "glossary.yaml", "order:\n  de: Auftrag\n")
    result = runner.invoke(app, ["check", "de", "--format", "json"])
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["CL807"]


def test_output_dash_is_stdout(in_tmp: Path) -> None:
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    result = check(".", "-o", "-", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"][0]["rule"] == "CL701"
    assert not (in_tmp / "-").exists()


def test_stdin_filename_without_stdin_is_a_usage_error(in_tmp: Path) -> None:
    """It would otherwise be ignored without a word."""
    write(in_tmp / "de-DE" / "a.md", "Nur $19.99.\n")
    result = check(".", "--stdin-filename", "x.md")
    assert result.exit_code == 2
    assert "give '-' as the path" in result.stderr


def test_rules_lists_every_builtin_code() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    codes = {r["code"] for r in json.loads(result.stdout)}
    assert {"CL101", "CL201", "CL202", "CL701"} <= codes


def test_explain_prints_documentation_and_market_data() -> None:
    result = runner.invoke(app, ["explain", "CL202", "--market", "ja-JP"])
    assert result.exit_code == 0
    assert "Why" in result.stdout and "Sources" in result.stdout and "ja-JP" in result.stdout
    assert runner.invoke(app, ["explain", "CL999"]).exit_code == 2
    bad_market = runner.invoke(app, ["explain", "CL202", "--market", "xx"])
    assert bad_market.exit_code == 2
    assert bad_market.stdout == ""  # not the whole documentation, then the error


def test_explain_lists_the_options_a_rule_takes() -> None:
    result = runner.invoke(app, ["explain", "CL805"])
    assert result.exit_code == 0
    options = result.stdout.split("Options", 1)[1].split("Sources", 1)[0]
    assert "- max_ratio: a number, at least 0; default 3.0" in options
    assert "- limits: a mapping (key glob -> largest display width)" in options
    assert "Options" not in runner.invoke(app, ["explain", "CL701"]).stdout


def test_every_options_schema_is_valid_and_accepts_its_defaults() -> None:
    from jsonschema import Draft202012Validator

    registry, _errors = build_registry(Config())
    declared = [check for check in registry if check.options is not None]
    assert {"CL103", "CL104", "CL201", "CL301", "CL503", "CL706", "CL805"} <= {
        check.code for check in declared
    }
    for check in declared:
        Draft202012Validator.check_schema(check.options)
        defaults = {
            name: spec["default"]
            for name, spec in check.options["properties"].items()
            if "default" in spec
        }
        assert list(Draft202012Validator(check.options).iter_errors(defaults)) == []


def test_markets_list_and_show() -> None:
    listing = runner.invoke(app, ["markets", "--format", "json"])
    assert listing.exit_code == 0
    tags = {m["market"] for m in json.loads(listing.stdout)}
    assert {"ja-JP", "de-DE", "zh-CN", "en-US", "ar-SA"} <= tags
    show = runner.invoke(app, ["markets", "show", "ja-JP", "--year", "2026"])
    assert show.exit_code == 0
    assert "uai" in show.stdout and "92" in show.stdout and "2026" in show.stdout
    derived = runner.invoke(app, ["markets", "show", "fi-FI", "--format", "json"])
    assert derived.exit_code == 0
    assert json.loads(derived.stdout)["curated"] is False


def test_validate_bundled_and_broken(in_tmp: Path) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 0
    bad = write(in_tmp / "xx-YY.yaml", "market: xx-YY\nname: X\ncolours: {entries: [{id: a}]}\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "xx-YY.yaml" in result.stdout and "colours.entries[0]" in result.stdout


def test_init_writes_valid_config_and_refuses_to_overwrite(in_tmp: Path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    write(in_tmp / "de-DE" / "a.md", "Nur 19,99 €.\n")
    assert check(".").exit_code == 0
    assert runner.invoke(app, ["init"]).exit_code == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [(".culturelint.yaml", "fail_on: never\n"), ("pyproject.toml", "[tool.culturelint]\n")],
)
def test_init_does_not_shadow_another_config_in_the_folder(
    in_tmp: Path, name: str, text: str
) -> None:
    """culturelint.yaml is found first: writing it would quietly retire the other."""
    write(in_tmp / name, text)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert f"{name} already configures culturelint here" in result.stderr
    assert not (in_tmp / "culturelint.yaml").exists()
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0


def test_init_beside_a_pyproject_without_culturelint_settings(in_tmp: Path) -> None:
    write(in_tmp / "pyproject.toml", "[project]\nname = 'x'\n")
    assert runner.invoke(app, ["init"]).exit_code == 0


def test_missing_path(in_tmp: Path) -> None:
    result = check("nope.md")
    assert result.exit_code == 2
    assert "nope.md" in result.stdout


def test_command_annotations_are_objects_not_strings() -> None:
    """typer evaluates string annotations on every run (see the cli module's docstring)."""
    from culturelint import cli

    for command in (cli.check, cli.rules, cli.explain, cli.markets, cli.validate, cli.init):
        assert not any(isinstance(a, str) for a in command.__annotations__.values()), command


SLOW_RULE = """rules:
  - code: ACME002
    name: slow-pattern
    category: tone
    severity: warning
    type: pattern
    pattern: "(a|[ab]a)+$"
    message: "found {match}"
    doc: {what: A pattern that backtracks., why: Testing.}
"""


def test_a_user_pattern_that_times_out_cannot_stall_a_run(in_tmp: Path) -> None:
    """Each paragraph below costs the pattern its whole time limit: searched every
    time, two files would take ten seconds. After the first timeout the rule is off;
    the first file's error gives the line, the second says the rule did not run."""
    write(in_tmp / "culturelint.yaml", "rule_paths: [rules]\n")
    write(in_tmp / "rules" / "slow.yaml", SLOW_RULE)
    slow = "\n\n".join(["a" * 40 + "c"] * 20)
    write(in_tmp / "de-DE" / "a.md", f"# Titel\n\n{slow}\n")
    write(in_tmp / "de-DE" / "b.md", f"{slow}\n")
    result = check("de-DE", "--jobs", "1", "--format", "json")
    assert result.exit_code == 2, result.output
    errors = {e["path"]: e for e in json.loads(result.stdout)["errors"]}
    first, second = errors["de-DE/a.md"], errors["de-DE/b.md"]
    assert first["line"] == 3
    assert (
        "rule ACME002: pattern '(a|[ab]a)+$' took longer than 0.25 s at line 3"
        in (first["message"])
    )
    assert "was not run on this file" in second["message"]
    assert "line" not in second or second["line"] is None


@pytest.mark.parametrize(
    ("args", "config", "said"),
    [
        (["--ignore", "CL7O1"], "", "--ignore CL7O1: no rule has this code"),
        (["--select", "CL999"], "", "--select CL999: no rule has this code"),
        ([], "ignore: [CL999]\n", "culturelint.yaml: ignore: CL999: no rule"),
        ([], "per_file_ignores: {'legal/*': [CL9]}\n", "per_file_ignores: legal/*: CL9: no rule"),
        ([], "severity: {cl701: info}\n", "severity: cl701: no rule has this code or name"),
        ([], "options: {CL999: {a: 1}}\n", "options: CL999: no rule has this code or name"),
    ],
)
def test_a_rule_selector_that_names_no_rule_is_an_error(
    in_tmp: Path, args: list[str], config: str, said: str
) -> None:
    """A misspelt code would select or ignore nothing without a word."""
    if config:
        write(in_tmp / "culturelint.yaml", config)
    write(in_tmp / "promo.md", DE_COPY)
    result = check("promo.md", *args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ('{CL805: {max_ratio: "x"}}', "options: CL805.max_ratio: 'x' is not of type 'number'"),
        ("{CL805: {max_ration: 2}}", "options: CL805: unknown option 'max_ration' (known: "),
        ('{CL805: {limits: {"cta.*": 0}}}', "options: CL805.limits.cta.*: 0 is less than"),
        ('{individual-framing: {max-idv: "40"}}', "options: individual-framing.max-idv: '40' is"),
        ("{CL706: {international: 1}}", "options: CL706.international: 1 is not of type"),
        ("{CL301: {landing_globs: [a, 3]}}", "options: CL301.landing_globs.1: 3 is not of"),
        ("{CL701: {strict: true}}", "options: CL701: this rule takes no options"),
        ("{trust: {landing_glob: a}}", "options.trust: Additional properties are not allowed"),
    ],
)
def test_rule_options_are_checked_when_the_config_is_loaded(
    in_tmp: Path, options: str, said: str
) -> None:
    """Before any file is linted, with the config's name: not once per file, and not
    silently ignored (an unknown key, a string where a number belongs)."""
    write(in_tmp / "culturelint.yaml", f"options: {options}\n")
    write(in_tmp / "promo.md", DE_COPY)
    result = check("promo.md", "--format", "json")
    assert result.exit_code == 2, result.output
    assert f"culturelint.yaml: {said}" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ("{xx-YY: {formality: {register: informal}}}", "overrides: xx-YY: unknown market"),
        ("{klingon: {name: K}}", "overrides: klingon: unknown market 'klingon'"),
        (
            "{de-DE: {formality: {regster: informal}}}",
            "overrides.de-DE.formality: Additional properties are not allowed ('regster'",
        ),
        ("{de-DE: [1]}", "overrides.de-DE: [1] is not of type 'object'"),
    ],
)
def test_overrides_are_checked_once_before_linting(in_tmp: Path, overrides: str, said: str) -> None:
    write(in_tmp / "culturelint.yaml", f"overrides: {overrides}\n")
    for name in ("a", "b"):
        write(in_tmp / "de-DE" / f"{name}.md", "Nur $5.\n")
    result = check(".", "--format", "json")
    assert result.exit_code == 2, result.output
    assert result.stderr.count("culturelint: ") == 1, result.stderr
    assert f"culturelint.yaml: {said}" in result.stderr
    assert result.stdout == ""


def test_an_override_of_a_market_no_file_has_is_fine(in_tmp: Path) -> None:
    write(in_tmp / "culturelint.yaml", "overrides: {fr-FR: {formality: {register: formal}}}\n")
    write(in_tmp / "de-DE" / "a.md", "Nur 5 €.\n")
    assert check(".").exit_code == 0


def test_an_unknown_market_on_the_command_line_is_one_usage_error(in_tmp: Path) -> None:
    for name in ("a", "b"):
        write(in_tmp / "de-DE" / f"{name}.md", "Nur $5.\n")
    result = check(".", "--market", "xx-QQ")
    assert result.exit_code == 2
    assert result.stderr == (
        "culturelint: --market: unknown market 'xx-QQ': CLDR knows no territory 'QQ'; "
        "'culturelint markets' lists the markets\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("glossary", "text", "said"),
    [
        ("g.csv", "source,lang,target\naccount,de\n", "g.csv: line 2: expected source,lang"),
        ("g.yaml", "- a list\n", "g.yaml: a YAML glossary maps source terms"),
        ("missing.csv", None, "missing.csv: cannot read glossary"),
    ],
)
def test_a_broken_glossary_is_one_config_error(
    in_tmp: Path, glossary: str, text: str | None, said: str
) -> None:
    """Once, before linting: not an error per file and per rule that reads it."""
    write(in_tmp / "culturelint.yaml", f"options: {{l10n: {{glossary: {glossary}}}}}\n")
    if text is not None:
        write(in_tmp / glossary, text)
    for language in ("en", "de"):
        write(in_tmp / language / "m.json", '{"a": "Account"}')
    result = check(".")
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "culturelint.yaml: options: l10n.glossary: " in result.stderr
    assert said in result.stderr


def test_rule_options_of_the_right_shape_are_accepted(in_tmp: Path) -> None:
    write(
        in_tmp / "culturelint.yaml",
        "options:\n"
        '  CL805: {limits: {"cta.*": 12}, max_ratio: 2.5, min_source_length: 0}\n'
        "  individual-framing: {max-idv: 50, min-pronouns: 3, min-share: 0.8}\n"
        "  colour-connotation: {colour-names: true}\n"
        "  CL706: {international: true}\n"
        "  CL103: {source_language: en-GB, keep_terms: Checkout}\n"
        "  CL104: {keep_terms: [Cloud]}\n"
        "  trust: {landing_globs: ['landing/*.md']}\n",
    )
    write(in_tmp / "promo.md", DE_COPY)
    result = check("promo.md", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["errors"] == []


@pytest.mark.parametrize(
    ("args", "config"),
    [
        (["--ignore", "cl701"], ""),  # codes in any case
        (["--ignore", "CL7"], ""),  # a code prefix
        ([], "ignore: [foreign-currency]\n"),  # a rule name, in the config too
        ([], "per_file_ignores: {'*.md': [cl70]}\n"),
    ],
)
def test_rule_selectors_by_code_prefix_and_name(in_tmp: Path, args: list[str], config: str) -> None:
    if config:
        write(in_tmp / "culturelint.yaml", config)
    write(in_tmp / "promo.md", DE_COPY)
    result = check("promo.md", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    assert "CL701" not in {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_a_missing_market_path_is_one_error_and_the_files_are_still_linted(in_tmp: Path) -> None:
    write(in_tmp / "culturelint.yaml", "market_paths: [brand/markets]\n")
    write(in_tmp / "promo.md", DE_COPY)
    write(in_tmp / "more.md", DE_COPY)
    result = check(".", "--format", "json")
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [(Path(e["path"]).parts[-2:], e["message"]) for e in data["errors"]] == [
        (("brand", "markets"), "market path (market_paths) is not a folder")
    ]
    assert {f["path"] for f in data["findings"] if f["rule"] == "CL701"} == {"more.md", "promo.md"}
