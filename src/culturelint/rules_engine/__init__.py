"""Declarative rules: YAML rule packs that become checks without writing Python.

See rules/README.md for the file format and loader.py for how files are loaded.
"""

from __future__ import annotations

from culturelint.rules_engine.errors import RuleFileError
from culturelint.rules_engine.loader import (
    build_check,
    bundled_rule_dirs,
    check_rule_file,
    load_rule_file,
    load_rule_files,
    rule_files,
)
from culturelint.rules_engine.selectors import Selector, SelectorError, build_selector

__all__ = [
    "RuleFileError",
    "Selector",
    "SelectorError",
    "build_check",
    "build_selector",
    "bundled_rule_dirs",
    "check_rule_file",
    "load_rule_file",
    "load_rule_files",
    "rule_files",
]
