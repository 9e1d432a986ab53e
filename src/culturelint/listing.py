"""`culturelint rules`, `explain` and `validate`: what the tool knows and whether the
YAML it reads is sound."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from culturelint.config import Config
from culturelint.engine import build_registry
from culturelint.registry import Check

# Which part of a market profile feeds the rules of each category (for explain --market).
CATEGORY_SECTIONS = {
    "language": ["languages"],
    "colour": ["colours"],
    "number": ["numbers"],
    "gesture": ["gestures"],
    "taboo": ["taboos"],
    "trust": ["trust"],
    "calendar": ["calendar"],
    "tone": ["formality", "hofstede"],
    "claims": ["claims"],
    "format": ["formats"],
    "l10n": [],
}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def print_rules(config: Config, fmt: str) -> int:
    registry, errors = build_registry(config)
    checks = list(registry)
    if fmt == "json":
        data = [_rule_dict(c) for c in checks]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        for col in ("code", "name", "category", "severity", "markets", "summary"):
            table.add_column(col, overflow="fold")
        for c in checks:
            table.add_row(
                c.code,
                c.name,
                c.category,
                c.severity.value,
                c.markets_label,
                escape(_first_sentence(c.doc.what)),
            )
        _console().print(table)
    return _report_errors(errors)


def _rule_dict(c: Check) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "category": c.category,
        "severity": c.severity.value,
        "markets": c.markets_label,
        "origin": c.origin,
        "summary": _first_sentence(c.doc.what),
    }


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for stop in (". ", "。"):
        if stop in text:
            return text.split(stop, 1)[0] + stop.strip()
    return text


def _report_errors(errors: list) -> int:  # type: ignore[type-arg]
    import sys

    for e in errors:
        where = f"{e.path}:{e.line}" if getattr(e, "line", None) else e.path
        sys.stderr.write(f"culturelint: {where}: {e.message}\n")
    return 2 if errors else 0


def option_lines(schema: dict[str, Any]) -> list[str]:
    """One line per option of a rule's options schema: its name, what it holds and
    its default, read from the schema the config is checked against."""
    lines = []
    for name, spec in schema.get("properties", {}).items():
        if "anyOf" in spec:
            kind = "a string or a list of strings"
        elif spec.get("type") == "object":
            kind = "a mapping"
        else:
            kind = {
                "number": "a number",
                "integer": "a whole number",
                "boolean": "true or false",
            }.get(spec.get("type"), f"a {spec.get('type')}")
        bounds = [
            f"{word} {spec[key]}"
            for key, word in (("minimum", "at least"), ("maximum", "at most"))
            if key in spec
        ]
        if bounds:
            kind += f", {' and '.join(bounds)}"
        about = f" ({spec['description']})" if "description" in spec else ""
        default = f"; default {json.dumps(spec['default'])}" if "default" in spec else ""
        lines.append(f"- {name}: {kind}{about}{default}")
    return lines


def explain(config: Config, code: str, market: str | None) -> int:
    import sys

    registry, errors = build_registry(config)
    check = registry.get(code) or registry.by_name(code)
    if check is None:
        sys.stderr.write(f"culturelint: unknown rule {code!r}; `culturelint rules` lists them\n")
        return 2
    if market:
        from culturelint.resolve import MarketError, normalize_tag

        try:
            normalize_tag(market)  # before anything is printed
        except MarketError as exc:
            sys.stderr.write(f"culturelint: --market: {exc}\n")
            return 2
    console = _console()
    doc = check.doc
    console.print(
        f"[bold]{check.code} {check.name}[/bold]  "
        f"({check.category}, default severity {check.severity.value}; markets: "
        f"{escape(check.markets_label)})"
    )
    sections = [
        ("What it checks", doc.what),
        ("Why", doc.why),
        ("Example that fires", doc.example),
        ("Example that passes", doc.good_example),
        ("How to fix", doc.fix),
    ]
    for title, body in sections:
        if body:
            console.print(f"\n[bold]{title}[/bold]")
            console.print(escape(body.strip()))
    if check.options:
        console.print(f"\n[bold]Options[/bold] (`options: {{{check.code}: {{...}}}}`)")
        for line in option_lines(check.options):
            console.print(escape(line))
    if doc.sources:
        console.print("\n[bold]Sources[/bold]")
        for s in doc.sources:
            console.print(f"- {escape(s)}")
    if market:
        rc = _explain_market(console, config, check, market)
        if rc:
            return rc
    return _report_errors(errors)


def _explain_market(console: Console, config: Config, check: Check, market: str) -> int:
    import sys

    import yaml

    from culturelint.profiles.loader import ProfileStore
    from culturelint.profiles.model import ProfileError
    from culturelint.resolve import MarketError, normalize_tag

    try:
        tag = normalize_tag(market)
        profile = ProfileStore(config.market_paths, config.overrides, config_path=config.path).load(
            tag
        )
    except (MarketError, ProfileError) as exc:
        sys.stderr.write(f"culturelint: {exc}\n")
        return 2
    applies = "applies" if check.applies_to(profile) else "does NOT apply"
    console.print(f"\n[bold]In {tag} ({escape(profile.name)})[/bold]: this rule {applies}.")
    sections = CATEGORY_SECTIONS.get(check.category, [])
    shown = False
    for key in sections:
        if key == "languages":
            console.print(f"languages: {', '.join(profile.languages)}")
            shown = True
            continue
        if key == "formats":
            loc = profile.locale
            console.print(
                f"currencies: {', '.join(loc.currencies)}; decimal {loc.decimal!r}, group "
                f"{loc.group!r}; short date {loc.date_short}; time {loc.time_short}; "
                f"measurement {loc.measurement} (CLDR via babel)"
            )
            shown = True
            continue
        value = profile.data.get(key)
        if value:
            console.print(escape(yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False)))
            shown = True
    if not shown:
        console.print("The profile has no curated data for this rule.")
    return 0


def validate(config: Config, paths: list[Path]) -> int:
    """Validate market profiles and rule files; each problem names file and schema path."""
    from culturelint.profiles.loader import ProfileStore, bundled_market_dirs
    from culturelint.rules_engine.loader import bundled_rule_dirs, load_rule_files

    market_files: list[Path] = []
    rule_files: list[Path] = []
    missing: list[str] = []
    if not paths:
        for d in [*bundled_market_dirs(), *config.market_paths]:
            market_files.extend(_yaml_files(d))
        for d in [*bundled_rule_dirs(), *config.rule_paths]:
            rule_files.extend(_yaml_files(d))
    for p in paths:
        if not p.exists():
            missing.append(f"{p}: no such file or directory")
            continue
        for f in _yaml_files(p):
            (rule_files if _is_rule_file(f) else market_files).append(f)
    problems: list[str] = list(missing)
    store = ProfileStore(
        [*config.market_paths, *{f.parent for f in market_files}],
        config.overrides,
        config_path=config.path,
    )
    for f in market_files:
        problems.extend(str(e) for e in store.validate_file(f))
    _checks, rule_errors = load_rule_files(rule_files)
    problems.extend(str(e) for e in rule_errors)
    for p in problems:
        print(p)
    checked = len(market_files) + len(rule_files)
    if problems:
        print(f"{len(problems)} problem(s) in {checked} file(s).")
        return 2
    print(
        f"All {checked} file(s) valid ({len(market_files)} market profiles, "
        f"{len(rule_files)} rule files)."
    )
    return 0


def _yaml_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.suffix in (".yaml", ".yml") and p.is_file() and p.name not in ("README.yaml",)
        )
    return []


def _is_rule_file(path: Path) -> bool:
    """Rule files hold a top-level `rules:` list; market profiles a `market:` key."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return False
    for line in head.splitlines():
        if line.startswith("rules:"):
            return True
        if line.startswith("market:"):
            return False
    return False
