"""Broken market profiles and rule files, given through the config, via the CLI.

A bad data file is an error naming the file (and line, where known); the files and
rules it does not touch are still checked; YAML is only ever loaded safely.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hostile_util import GOOD, check, write

INFO = "    severity: info\n"
PATTERN = INFO + '    type: pattern\n    message: "{match}"\n'
RULE_DOC = '    doc:\n      what: "w"\n      why: "y"\n      example: "x"\n'


def rule(body: str) -> str:
    return "rules:\n  - code: CL990\n    name: hostile\n    category: tone\n" + body + RULE_DOC


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "culturelint.yaml",
        'market_paths: [mk]\nrule_paths: [rl]\nmarkets:\n  "fr-CA/**": fr-CA\n',
    )
    (tmp_path / "mk").mkdir()
    (tmp_path / "rl").mkdir()
    write(tmp_path / "good.md", GOOD)
    write(tmp_path / "fr-CA" / "ad.txt", "Prix : 5 $ seulement\n")
    return tmp_path


FR = "market: fr-CA\nname: Canada\n"
BASE = "name: Base\nabstract: true\n"
CYCLE = {
    "fr-CA.yaml": FR + "extends: base-one\n",
    "base-one.yaml": BASE + "market: base-one\nextends: base-two\n",
    "base-two.yaml": BASE + "market: base-two\nextends: base-one\n",
}


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"fr-CA.yaml": "market: fr-CA\nname: [oops\n"}, r"mk/fr-CA.yaml: line 3.*invalid YAML"),
        ({"fr-CA.yaml": FR + "colours: 12\n"}, r"colours: 12 is not of type 'object' \(line 3\)"),
        (CYCLE, r"extends cycle: base-one -> base-two -> base-one"),
        ({"fr-CA.yaml": FR + "extends: base-nowhere\n"}, r"extends unknown profile 'base-nowhere'"),
    ],
)
def test_broken_market_profile(project: Path, files: dict[str, str], message: str) -> None:
    for name, text in files.items():
        write(project / "mk" / name, text)
    run = check("--no-cache", ".")
    assert run.code == 2
    (error,) = run.errors_for("ad.txt")
    assert re.search(message, error["message"]), error["message"]
    assert run.good_file_linted  # de-DE does not use the broken profile


def test_valid_market_profile_is_used(project: Path) -> None:
    """The near miss: a good profile in market_paths gives no error at all."""
    write(project / "mk" / "fr-CA.yaml", "market: fr-CA\nname: Canada\n")
    run = check("--no-cache", ".")
    assert run.report["errors"] == []


def test_unknown_market(project: Path) -> None:
    write(project / "xx.md", "---\nmarket: qq-ZZ\n---\nHallo\n")
    run = check("--no-cache", ".")
    assert run.code == 2
    assert "qq-ZZ" in run.errors_for("xx.md")[0]["message"]
    assert run.good_file_linted


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (INFO + '    type: nonsense\n    message: "x"\n', 6, "'nonsense' is not one of"),
        (PATTERN + '    pattern: "([a-z"\n', 8, "invalid regular expression"),
        (PATTERN + '    pattern: "(a+)+$"\n', 8, "unsafe regular expression"),
        ("    severity: [info\n", 6, "YAML"),
    ],
)  # fmt: skip
def test_broken_rule_file(project: Path, body: str, line: int | None, message: str) -> None:
    write(project / "rl" / "bad.yaml", rule(body))
    run = check("--no-cache", "good.md")
    assert run.code == 2
    errors = run.errors_for("bad.yaml")
    assert any(message in e["message"] for e in errors), errors
    if line is not None:
        assert any(e["line"] == line for e in errors), errors
    assert run.good_file_linted


PWNED = "!!python/object/apply:os.system ['touch pwned']"


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("mk/fr-CA.yaml", f"market: fr-CA\nname: {PWNED}\n"),
        ("rl/evil.yaml", f"rules: {PWNED}\n"),
        ("culturelint.yaml", f"market_paths: {PWNED}\n"),
        ("fr-CA/front.md", f"---\nmarket: {PWNED}\n---\nHallo\n"),
    ],
)
def test_python_tags_in_yaml_are_refused_never_run(project: Path, where: str, text: str) -> None:
    write(project / where, text)
    run = check("--no-cache", ".")
    assert run.code == 2
    assert not (project / "pwned").exists()
    assert "python/object" in run.stdout + run.stderr


def test_code_base_loads_yaml_only_safely() -> None:
    """No unsafe loader anywhere; every yaml.load( names a safe loader class."""
    import yaml

    src = Path(__file__).resolve().parents[2] / "src"
    unsafe = subprocess.run(
        ["grep", "-rnE", r"unsafe_load|full_load|FullLoader|UnsafeLoader|yaml\.Loader\b", str(src)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert unsafe.stdout == ""
    safe = {yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)}
    for line in subprocess.run(
        ["grep", "-rn", "yaml.load(", str(src)], capture_output=True, text=True
    ).stdout.splitlines():
        # Loader=yaml.SafeLoader, or a factory given one: Loader=strict_loader(yaml.CSafeLoader)
        loader = re.search(r"Loader=([\w.]+)(?:\(yaml\.(\w+)\))?", line)
        assert loader is not None, line
        module_path = Path(line.split(":", 1)[0]).relative_to(src).with_suffix("")
        module = __import__(".".join(module_path.parts), fromlist=["x"])
        value = getattr(module, loader.group(1).split(".")[-1], None) or getattr(
            yaml, loader.group(1).split(".")[-1]
        )
        if loader.group(2):
            value = value(getattr(yaml, loader.group(2)))
            assert issubclass(value, tuple(safe)), line
        else:
            assert value in safe, line
