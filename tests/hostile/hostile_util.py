"""Helpers for the hostile-input tests: write files, run the CLI, read its verdict.

Every hostile test asks the same three questions of a run: did it exit 2, does the
report name the bad file (and line, where there is one), and was the good file next to
it still linted? `GOOD` is a file with one known finding, so "still linted" is checked
by seeing that finding, not by the absence of an error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from culturelint.cli import app

SRC = Path(__file__).resolve().parents[2] / "src"
# A German page quoting a dollar price: exactly one CL701 (foreign currency) finding.
GOOD = "---\nmarket: de-DE\n---\n\nJetzt nur $19.99.\n"
GOOD_RULE = "CL701"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    report: dict[str, Any]

    def errors_for(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.report.get("errors", []) if Path(e["path"]).name == name]

    def findings_for(self, name: str, rule: str | None = GOOD_RULE) -> list[dict[str, Any]]:
        """Findings in file `name` of `rule` (the foreign-currency rule by default:
        other rules may be added over time and must not change what these tests see)."""
        return [
            f
            for f in self.report.get("findings", [])
            if Path(f["path"]).name == name and (rule is None or f["rule"] == rule)
        ]

    @property
    def good_file_linted(self) -> bool:
        return any(f["rule"] == GOOD_RULE for f in self.findings_for("good.md"))


def check(*args: str, input: bytes | None = None) -> Run:
    """`culturelint check --format json ARGS` in this process (fast; for most cases)."""
    result = CliRunner().invoke(app, ["check", "--format", "json", *args], input=input)
    # An exception escaping the command is exactly the failure these tests guard against.
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}"
    )
    stdout = result.stdout
    report = json.loads(stdout) if stdout.strip().startswith("{") else {}
    return Run(result.exit_code, stdout, result.stderr, report)


def check_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> Run:
    """The same in a fresh interpreter, as CI runs it; sees tracebacks and hangs."""
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    full_env.pop("CULTURELINT_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "culturelint", "check", "--format", "json", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    report = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {}
    return Run(proc.returncode, proc.stdout, proc.stderr, report)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
