"""Loading YAML rule files into `Check`s.

A file is loaded whole or not at all: any error in it (malformed YAML, a schema
violation, an invalid or unsafe regex, a duplicate code) is reported as a
`RuleFileError` naming the file, the JSON path and the line, and none of its rules
run, so a half-loaded pack never changes results silently. Other files still load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from culturelint.finding import Severity
from culturelint.profiles import validcache, yamlload
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, RuleDoc
from culturelint.rules_engine import limit, pattern, require, substitute, terms
from culturelint.rules_engine.base import (
    DeclarativeRun,
    RuleBody,
    RuleDefinitionError,
    RuleInfo,
    check_template,
)
from culturelint.rules_engine.errors import RuleFileError
from culturelint.rules_engine.selectors import SelectorError, build_selector

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "rules.schema.json"
RULE_SUFFIXES = (".yaml", ".yml")
MAX_ERRORS_PER_FILE = 20

# Rule type -> (builder of its body, placeholders its messages may use).
RULE_TYPES: dict[str, tuple[Callable[[dict[str, Any]], RuleBody], tuple[str, ...]]] = {
    "terms": (terms.build, terms.PLACEHOLDERS),
    "substitute": (substitute.build, substitute.PLACEHOLDERS),
    "pattern": (pattern.build, pattern.PLACEHOLDERS),
    "require": (require.build, require.PLACEHOLDERS),
    "limit": (limit.build, limit.PLACEHOLDERS),
}


# Keys that only some rule types take (the others are common to all).
TYPE_KEYS: dict[str, frozenset[str]] = {
    "terms": frozenset({"terms", "case_sensitive"}),
    "substitute": frozenset({"substitute", "case_sensitive"}),
    "pattern": frozenset({"pattern", "flags"}),
    "require": frozenset({"require", "case_sensitive"}),
    "limit": frozenset({"limit"}),
}
SPECIFIC_KEYS = frozenset().union(*TYPE_KEYS.values())


def bundled_rule_dirs() -> list[Path]:
    """The shipped rule pack: inside an installed wheel, else the source checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "_bundled" / "rules"
    if bundled.is_dir():
        return [bundled]
    checkout = Path(__file__).resolve().parents[3] / "rules"
    return [checkout] if checkout.is_dir() else []


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; directories expand to their *.yaml and *.yml files, sorted."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in RULE_SUFFIXES))
        else:
            out.append(path)
    return out


def load_rule_files(
    paths: Iterable[Path], reserved: Iterable[str] = ()
) -> tuple[list[Check], list[RuleFileError]]:
    """Checks from every good file, and the errors of the bad ones.

    `paths` may name files or directories. `reserved` are codes already taken (by
    built-in checks, say); a rule that reuses one, or a code or name of an earlier
    file, makes its file an error.
    """
    checks: list[Check] = []
    errors: list[RuleFileError] = []
    codes: dict[str, str] = {code: "a built-in check" for code in reserved}
    names: dict[str, str] = {}
    for path in rule_files(paths):
        file_checks, file_errors = check_rule_file(path)
        if not file_errors:
            file_errors = _clashes(path, file_checks, codes, names)
        if file_errors:
            errors.extend(file_errors)
            continue
        for check in file_checks:
            codes[check.code] = str(path)
            names[check.name] = f"{check.code} in {path}"
        checks.extend(file_checks)
    return checks, errors


def load_rule_file(path: Path) -> list[Check]:
    """The checks of one file; raises the file's first RuleFileError."""
    checks, errors = check_rule_file(path)
    if errors:
        raise errors[0]
    return checks


def check_rule_file(path: Path) -> tuple[list[Check], list[RuleFileError]]:
    """The checks of one file, or all its errors (then no checks): for `validate`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [RuleFileError(path, "", "no such file")]
    except UnicodeDecodeError as exc:
        return [], [RuleFileError(path, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return [], [RuleFileError(path, "", f"cannot read the file: {exc.strerror or exc}")]
    try:
        data = yamlload.safe_load(text)
    except yamlload.yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        return [], [RuleFileError(path, "", f"malformed YAML: {problem}", line)]
    locator = _Locator(text)
    errors: list[RuleFileError] = []
    if not validcache.known_valid("rules", _schema_bytes(), text):
        errors = _schema_errors(path, data, locator)
        if errors:
            return [], errors
        validcache.remember_valid("rules", _schema_bytes(), text)
    checks: list[Check] = []
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for i, raw in enumerate(data["rules"]):
        where = f"rules[{i}]"
        try:
            check = build_check(raw, path, i)
        except (RuleDefinitionError, SelectorError) as exc:
            full = f"{where}.{exc.where}" if exc.where else where
            errors.append(RuleFileError(path, full, str(exc), locator.line(full)))
            continue
        for key, seen, value in (
            ("code", seen_codes, check.code),
            ("name", seen_names, check.name),
        ):
            if value in seen:
                errors.append(
                    RuleFileError(
                        path,
                        f"{where}.{key}",
                        f"{key} {value} is already used by rules[{seen[value]}]",
                        locator.line(f"{where}.{key}"),
                    )
                )
            seen.setdefault(value, i)
        checks.append(check)
    return ([], errors) if errors else (checks, [])


def build_check(raw: dict[str, Any], path: Path | str = "<rules>", index: int = 0) -> Check:
    """One rule (already valid against the schema) as a Check.

    Raises RuleDefinitionError or SelectorError with the path inside the rule.
    """
    kind = raw.get("type")
    if kind not in RULE_TYPES:
        raise RuleDefinitionError(
            "type", f"unknown rule type {kind!r} (known: {', '.join(RULE_TYPES)})"
        )
    builder, placeholders = RULE_TYPES[kind]
    check_template(raw["message"], placeholders)
    body = builder(raw)
    selector = build_selector(raw.get("markets"), raw.get("when"))
    doc = raw["doc"]
    sources = tuple(doc.get("sources") or ())
    kinds = frozenset(raw["kinds"]) if raw.get("kinds") else None
    hofstede = tuple((raw.get("when") or {}).get("hofstede") or ())
    info = RuleInfo(code=raw["code"], message=raw["message"], kinds=kinds, hofstede=hofstede)
    return Check(
        code=raw["code"],
        name=raw["name"],
        category=raw["category"],
        severity=Severity(raw["severity"]),
        doc=RuleDoc(
            what=doc["what"],
            why=doc["why"],
            example=doc.get("example", ""),
            good_example=doc.get("good_example", ""),
            fix=doc.get("fix", ""),
            sources=sources,
        ),
        run=DeclarativeRun(info, body),
        applies=selector.predicate,
        markets_label=selector.label,
        origin=f"rules:{path}",
        meta={"type": kind, "path": str(path), "index": index, "kinds": sorted(kinds or ())},
    )


def _clashes(
    path: Path, checks: list[Check], codes: dict[str, str], names: dict[str, str]
) -> list[RuleFileError]:
    errors = []
    for check in checks:
        index = check.meta["index"]
        if check.code in codes:
            errors.append(
                RuleFileError(
                    path,
                    f"rules[{index}].code",
                    f"code {check.code} is already used by {codes[check.code]}",
                )
            )
        if check.name in names:
            errors.append(
                RuleFileError(
                    path,
                    f"rules[{index}].name",
                    f"name {check.name} is already used by {names[check.name]}",
                )
            )
    if errors:
        locator = _Locator(path.read_text(encoding="utf-8"))
        for error in errors:
            error.line = locator.line(error.where)
    return errors


# -- schema validation -------------------------------------------------------------


@lru_cache(maxsize=1)
def _schema_bytes() -> bytes:
    return SCHEMA_PATH.read_bytes()


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def _schema_errors(path: Path, data: Any, locator: _Locator) -> list[RuleFileError]:
    from jsonschema.exceptions import relevance

    found: dict[tuple[str, str], None] = {}
    for error in sorted(_validator().iter_errors(data), key=relevance):
        if error.schema is False:
            # A key of another rule type; jsonschema does not say which, so look.
            for where, message in _foreign_keys(data, list(error.absolute_path)):
                found[(where, message)] = None
            continue
        error = _deepest(error)
        found[(format_path(error.absolute_path), _explain(error))] = None
    errors = [RuleFileError(path, w, m, locator.line(w)) for w, m in found]
    errors.sort(key=lambda e: (e.line or 0, e.where))
    return errors[:MAX_ERRORS_PER_FILE]


def _deepest(error: Any) -> Any:
    """For oneOf/anyOf, the error of the branch the author most likely meant: not a
    type mismatch (that is the other shape), the deepest in the document."""
    while error.context and not _all_required(error):
        candidates = [e for e in error.context if e.validator != "type"] or list(error.context)
        error = max(candidates, key=lambda e: len(e.absolute_path))
    return error


def _all_required(error: Any) -> bool:
    return bool(error.context) and all(e.validator == "required" for e in error.context)


def _explain(error: Any) -> str:
    """jsonschema's message, reworded where it would only quote the schema."""
    if _all_required(error):
        keys = [repr(e.message.split("'")[1]) for e in error.context if "'" in e.message]
        return f"one of {', '.join(keys)} is required"
    if error.validator == "pattern" and isinstance(error.schema, dict):
        hint = error.schema.get("description")
        if hint:
            return f"{error.instance!r} is not valid: {hint}"
    return str(error.message)


def _foreign_keys(data: Any, parts: list[Any]) -> list[tuple[str, str]]:
    try:
        rule = data[parts[0]][parts[1]]
        rule_type = rule["type"]
        own = TYPE_KEYS[rule_type]
    except (KeyError, IndexError, TypeError):
        return []
    return [
        (format_path([*parts, key]), f"`{key}` does not belong in a rule of type {rule_type}")
        for key in rule
        if key in SPECIFIC_KEYS and key not in own
    ]


# -- locations ---------------------------------------------------------------------

_PATH_PART = compile_cached(r"""\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]""")


def format_path(parts: Iterable[Any]) -> str:
    """["rules", 3, "pattern"] -> "rules[3].pattern"; odd keys are quoted."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][\w-]*", str(part)):
            out += f".{part}" if out else str(part)
        else:
            out += f"[{json.dumps(str(part), ensure_ascii=False)}]"
    return out


def parse_path(where: str) -> list[str | int]:
    parts: list[str | int] = []
    pos = 0
    while pos < len(where):
        m = _PATH_PART.match(where, pos)
        if m is None:
            break
        if m.group(1) is not None:
            parts.append(m.group(1))
        elif m.group(2) is not None:
            parts.append(int(m.group(2)))
        else:
            parts.append(json.loads(m.group(3)))
        pos = m.end()
    return parts


class _Locator:
    """Finds the line of a JSON path in YAML text; composes the node tree on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Any = None
        self._composed = False

    def line(self, where: str) -> int | None:
        import yaml  # only a rule file with a problem gets here

        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                self._root = None
        node = self._root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in parse_path(where):
            if isinstance(node, yaml.MappingNode):
                match = next((kv for kv in node.value if kv[0].value == str(part)), None)
                if match is None:
                    break
                line = match[0].start_mark.line + 1
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line
