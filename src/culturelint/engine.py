"""Runs the checks over files: read, resolve the market, check, locate, suppress.

A file that cannot be read or has no market becomes a `FileError`; the run goes on with
the other files and the CLI exits 2 at the end. Nothing is skipped silently.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from culturelint import suppress
from culturelint.config import Config
from culturelint.document import Document
from culturelint.finding import FileError, Finding, Hit, Severity
from culturelint.registry import Check, CheckContext, Registry, RegistryError
from culturelint.safe_regex import RegexTimeout

if TYPE_CHECKING:
    from culturelint.cache import Cache
    from culturelint.profiles.loader import ProfileStore
    from culturelint.profiles.model import Profile

# The entry-point group plug-ins register their checks under (see the README).
PLUGIN_GROUP = "culturelint.checks"

# Copy files are small: a landing page with inline CSS is well under a MiB. Linting
# costs about 10 s and 110 MB of memory per MiB of Markdown on a 2-core machine, so a
# 50 MiB file would hold a CI job for many minutes. Larger files are refused with an
# error instead; `max_file_size` in the config, or the environment variable below,
# raises the limit for a project that really has such files.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_FILE_SIZE_ENV = "CULTURELINT_MAX_FILE_SIZE"
_SIZE_UNITS = {
    "": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 2**20, "mb": 2**20,
    "mib": 2**20, "g": 2**30, "gb": 2**30, "gib": 2**30,
}  # fmt: skip
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


class SizeError(ValueError):
    """A file size limit that cannot be understood; the message says what was given."""


def parse_size(value: object) -> int:
    """Bytes from `4194304`, `"4 MiB"`, `"512KB"` (binary units: 1 MB = 2**20 bytes)."""
    if isinstance(value, bool):
        raise SizeError(f"not a file size: {value!r}")
    if isinstance(value, int):
        size = value
    else:
        m = _SIZE.fullmatch(str(value))
        unit = m.group(2).lower() if m else ""
        if m is None or unit not in _SIZE_UNITS:
            raise SizeError(f"not a file size: {value!r} (use bytes or a unit such as 8MiB)")
        size = int(float(m.group(1)) * _SIZE_UNITS[unit])
    if size <= 0:
        raise SizeError(f"file size limit must be positive, not {value!r}")
    return size


def max_file_bytes(config: Config) -> int:
    """The size limit for one file: the environment, then the config, then the default."""
    raw = os.environ.get(MAX_FILE_SIZE_ENV)
    if raw:
        try:
            return parse_size(raw)
        except SizeError as exc:
            raise SizeError(f"{MAX_FILE_SIZE_ENV}: {exc}") from None
    configured = config.max_file_size
    if configured is None:
        return MAX_FILE_BYTES
    try:
        return parse_size(configured)
    except SizeError as exc:
        raise SizeError(f"{config.path or 'config'}: max_file_size: {exc}") from None


def _size_text(size: int) -> str:
    if size >= 2**20:
        return f"{size / 2**20:.1f} MiB".replace(".0 ", " ")
    if size >= 1024:
        return f"{size / 1024:.1f} KiB".replace(".0 ", " ")
    return f"{size} bytes"


def too_large_message(size: int | None, limit: int) -> str:
    what = f"file is {_size_text(size)}, larger" if size is not None else "file is larger"
    return (
        f"{what} than the {_size_text(limit)} limit for one file; not checked "
        f"(raise max_file_size in the config or {MAX_FILE_SIZE_ENV} if this really is copy)"
    )


@dataclass
class FileResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    # False when the result depends on this run rather than on the file: a pattern
    # that timed out here (the machine was busy) or was switched off by an earlier file.
    cacheable: bool = True


def matches_spec(check: Check, spec: str) -> bool:
    """A --select/--ignore entry: ALL, a code, a code prefix (CL2) or a rule name."""
    spec = spec.strip()
    if not spec:
        return False
    upper = spec.upper()
    return (
        upper == "ALL" or check.code == upper or check.code.startswith(upper) or check.name == spec
    )


def unknown_rule_references(
    registry: Registry, config: Config, select: list[str] | None, ignore: list[str] | None
) -> list[str]:
    """Each rule selector, `severity` key or `options` key that names no rule, said
    where it was given: a misspelt code ("CL7O1") would otherwise select, ignore or
    configure nothing, without a word."""
    from culturelint.checks.trust import SHARED_OPTIONS as TRUST_OPTIONS
    from culturelint.l10n.options import OPTIONS_KEY as L10N_OPTIONS

    shared = (L10N_OPTIONS, TRUST_OPTIONS)  # `options` sections that are not one rule's

    def known(spec: str) -> bool:
        return any(matches_spec(check, spec) for check in registry)

    where = f"{config.path}: " if config.path else "config: "
    given = [
        *((f"--select {s}", s) for s in select or []),
        *((f"--ignore {s}", s) for s in ignore or []),
        *((f"{where}select: {s}", s) for s in config.select),
        *((f"{where}ignore: {s}", s) for s in config.ignore),
        *(
            (f"{where}per_file_ignores: {glob}: {s}", s)
            for glob, specs in config.per_file_ignores.items()
            for s in specs
        ),
    ]
    problems = [
        f"{label}: no rule has this code, code prefix or name (`culturelint rules` lists them)"
        for label, spec in given
        if spec.strip() and not known(spec)
    ]
    names = {check.code for check in registry} | {check.name for check in registry}
    problems += [
        f"{where}options: {key}: no rule has this code or name, and it is not one of "
        f"{', '.join(shared)} (`culturelint rules` lists the rules)"
        for key in config.options
        if key not in names and key not in shared
    ]
    problems += [
        f"{where}severity: {key}: no rule has this code or name (`culturelint rules` lists them)"
        for key in config.severity
        if key not in names
    ]
    return problems


def rule_option_problems(registry: Registry, config: Config) -> list[str]:
    """Each rule's `options:` entry checked against the schema the rule declares, said
    with the config's name and the key: before, a wrong type surfaced as an error on
    every file, and an unknown key (`max_ration`) did nothing at all."""
    if not config.options:
        return []  # nothing to check: jsonschema is not imported (a pre-commit run)
    by_key = {check.code: check for check in registry} | {c.name: c for c in registry}
    where = f"{config.path}: " if config.path else "config: "
    problems = []
    for key, value in config.options.items():
        check = by_key.get(key)
        if check is None:
            continue  # a shared section (config schema) or no rule (unknown_rule_references)
        if check.options is None:
            problems.append(f"{where}options: {key}: this rule takes no options")
            continue
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import best_match

        error = best_match(Draft202012Validator(check.options).iter_errors(value))
        if error is None:
            continue
        path = "".join(f".{part}" for part in error.absolute_path)
        if error.validator == "additionalProperties" and not error.absolute_path:
            unknown = sorted(set(value) - set(check.options.get("properties", {})))
            known = ", ".join(check.options.get("properties", {}))
            problems.append(
                f"{where}options: {key}: unknown option {', '.join(map(repr, unknown))} "
                f"(known: {known})"
            )
        else:
            problems.append(f"{where}options: {key}{path}: {error.message}")
    return problems


def market_problems(store: ProfileStore, config: Config, market: str | None) -> list[str]:
    """`--market` and the markets of the config's `overrides:`, loaded once before
    linting. Found while linting, a market that does not exist, or an override its
    profile's schema refuses, was an error on every file; an override of a market
    that does not exist did nothing at all, silently."""
    from culturelint.profiles.model import ProfileError
    from culturelint.resolve import MarketError

    where = f"{config.path}: " if config.path else "config: "
    asked = [(tag, f"{where}overrides: {tag}: ") for tag in config.overrides]
    if market:
        asked.append((market, "--market: "))
    problems = []
    for tag, prefix in asked:
        try:
            store.load(tag)
        except ProfileError as exc:
            problems.append(str(exc) if exc.path else f"{prefix}{exc}")
        except MarketError as exc:
            problems.append(f"{prefix}{exc}")
    return problems


def glossary_problems(config: Config) -> list[str]:
    """Glossaries named in `options: {l10n: {glossary: ...}}` that cannot be read,
    found once before linting. Found while linting, each would be an error on every
    file and for each rule that reads it (CL102, CL807)."""
    if "l10n" not in config.options:
        return []
    from culturelint.l10n.glossary import GlossaryError, load_glossary
    from culturelint.l10n.options import l10n_options

    where = f"{config.path}: " if config.path else "config: "
    try:
        paths = l10n_options(config).glossary
    except ValueError as exc:
        return [f"{where}{exc}"]
    problems = []
    for path in paths:
        try:
            load_glossary(path, "en")
        except GlossaryError as exc:
            problems.append(f"{where}options: l10n.glossary: {exc}")
    return problems


def build_registry(config: Config) -> tuple[Registry, list[FileError]]:
    """Built-in checks, plug-ins from the `culturelint.checks` entry point group, and
    declarative rules from the bundled pack and the config's rule_paths."""
    from culturelint.checks import BUILTIN_CHECKS
    from culturelint.rules_engine.loader import bundled_rule_dirs, load_rule_files

    registry = Registry()
    errors: list[FileError] = []
    for check in BUILTIN_CHECKS:
        registry.add(check)
    for check, origin in _plugin_checks(errors):
        check.origin = origin
        try:
            registry.add(check)
        except RegistryError as exc:
            errors.append(FileError(origin, str(exc)))
    for folder in config.rule_paths:
        if not folder.exists():
            errors.append(FileError(str(folder), "rule path does not exist"))
    for folder in config.market_paths:
        if not folder.is_dir():
            # Said once here; the files are linted with the other profiles (Linter).
            errors.append(FileError(str(folder), "market path (market_paths) is not a folder"))
    checks, rule_errors = load_rule_files(
        [*bundled_rule_dirs(), *(p for p in config.rule_paths if p.exists())],
        reserved=registry.codes(),
    )
    errors.extend(err.to_file_error() for err in rule_errors)
    for check in checks:
        try:
            registry.add(check)
        except RegistryError as exc:
            errors.append(FileError(check.origin.removeprefix("rules:"), str(exc)))
    return registry, errors


def _plugin_checks(errors: list[FileError]) -> Iterable[tuple[Check, str]]:
    from culturelint import installed

    for name, value in installed.entry_points(PLUGIN_GROUP):
        origin = f"plugin:{name}"
        try:
            from importlib.metadata import EntryPoint

            loaded = EntryPoint(name, value, PLUGIN_GROUP).load()
            if callable(loaded) and not isinstance(loaded, Check):
                loaded = loaded()
            items = loaded if isinstance(loaded, (list, tuple)) else [loaded]
            for item in items:
                if not isinstance(item, Check):
                    raise TypeError(f"entry point {value} gave {type(item).__name__}, not Check")
                yield item, origin
        except Exception as exc:  # a broken plug-in must not take the run down
            errors.append(FileError(origin, f"cannot load plug-in: {exc}"))


class Linter:
    """Lints files one at a time with a fixed configuration; safe to use per process."""

    def __init__(
        self,
        config: Config,
        registry: Registry,
        *,
        market: str | None = None,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        today: dt.date | None = None,
    ) -> None:
        from culturelint.profiles.loader import ProfileStore

        self.config = config
        self.registry = registry
        self.market = market
        self.today = today or dt.date.today()
        select = select if select else config.select
        ignore = [*config.ignore, *(ignore or [])]
        self.checks = [
            c
            for c in registry
            if (not select or any(matches_spec(c, s) for s in select))
            and not any(matches_spec(c, s) for s in ignore)
        ]
        market_paths = [p for p in config.market_paths if p.is_dir()]  # see build_registry
        self.store = ProfileStore(market_paths, config.overrides, config_path=config.path)
        self.cache: Cache | None = None
        self.max_bytes = max_file_bytes(config)
        self._applicable: dict[tuple[str, tuple[str, ...]], list[Check]] = {}
        self._codes_by_name = {check.name: check.code for check in registry}

    # -- one file ------------------------------------------------------------------

    def lint_path(self, path: Path, display: str) -> FileResult:
        data = self._read(path, display)
        if isinstance(data, FileResult):
            return data
        if self.cache is None:
            return self.lint_bytes(data, display)
        key_data = self._keyed(data, display)
        cached = self.cache.get(display, key_data)
        if cached is not None:
            return cached
        result = self.lint_bytes(data, display)
        if result.cacheable:
            self.cache.put(display, key_data, result)
        return result

    def cached(self, path: Path, display: str) -> bool:
        """Whether the result cache holds this file's result (False without a cache)."""
        if self.cache is None:
            return False
        data = self._read(path, display)
        if isinstance(data, FileResult):
            return False
        return self.cache.get(display, self._keyed(data, display)) is not None

    def _keyed(self, data: bytes, display: str) -> bytes:
        """What a file's result is cached under: its bytes, and its source's."""
        return data + self._paired_source_bytes(display)

    def _paired_source_bytes(self, display: str) -> bytes:
        """The source-language sibling of a JSON or Fluent target, for the cache key:
        editing en/app.json changes the findings of de/app.json."""
        from culturelint.readers import reader_for

        if reader_for(display) not in ("json", "fluent"):
            return b""
        from culturelint.l10n.options import l10n_options
        from culturelint.l10n.pairing import source_path_for

        try:
            source = source_path_for(display, l10n_options(self.config))
            return b"\0source\0" + source.read_bytes() if source is not None else b""
        except (OSError, ValueError):
            return b""

    def _read(self, path: Path, display: str) -> bytes | FileResult:
        """The file's bytes, or the error that says why they cannot be had.

        The size is checked before reading, and the read itself is bounded too, since
        a file can grow between the two and /proc-like files report size 0.
        """
        limit = self.max_bytes
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    return _error(display, "not a regular file (a pipe, socket or device)")
                if info.st_size > limit:
                    return _error(display, too_large_message(info.st_size, limit))
                # One byte past the size its status gives, then the rest if there is
                # more: asking for `limit + 1` at once makes Python set aside the whole
                # limit (4 MiB) for every file and give most of it back.
                data = handle.read(info.st_size + 1)
                if len(data) > info.st_size:
                    data += handle.read(limit + 1 - len(data))
        except FileNotFoundError:
            return _error(display, "file disappeared before it could be read")
        except IsADirectoryError:
            return _error(display, "is a directory")
        except OSError as exc:
            return _error(display, f"cannot read file: {exc.strerror or exc}")
        if len(data) > limit:
            return _error(display, too_large_message(None, limit))
        return data

    def lint_bytes(self, data: bytes, display: str, fmt: str | None = None) -> FileResult:
        from culturelint.readers import ReadError, decode, read_document, reader_for

        fmt = fmt or reader_for(display)
        if fmt is None:
            return _error(display, "unsupported file type (use --stdin-filename to pick a reader)")
        try:
            text = decode(data, display)
            doc = read_document(display, text, fmt)
        except ReadError as exc:
            return _error(display, exc.message, exc.line)
        return self.lint_document(doc)

    def lint_document(self, doc: Document) -> FileResult:
        from culturelint.matching import one_document
        from culturelint.profiles.model import ProfileError
        from culturelint.resolve import MarketError, resolve_market

        result = FileResult()
        for message, offset in doc.warnings:
            line = doc.position(offset)[0] if offset is not None else None
            result.errors.append(FileError(doc.path, message, line))
        try:
            market, _origin = resolve_market(doc.path, self.market, doc.market_hint, self.config)
            profile = self.store.load(market)
        except (MarketError, ProfileError) as exc:
            result.errors.append(FileError(doc.path, str(exc)))
            return result
        ctx = CheckContext(market=market, profile=profile, config=self.config, year=self._year(doc))
        suppressions = suppress.parse(doc, self._rule_named)
        for message, line in suppressions.problems:
            result.errors.append(FileError(doc.path, message, line))
        checks = self._checks_for(profile, self._file_ignores(doc.path))
        for check, exc in self._prepare(checks, ctx):
            result.errors.append(self._crash(doc, check, exc))
        with one_document(len(doc.segments)):
            for check in self._run_order(checks):
                self._run(check, doc, ctx, suppressions, result)
        result.findings.sort(key=Finding.sort_key)
        return result

    def _run(
        self,
        check: Check,
        doc: Document,
        ctx: CheckContext,
        suppressions: suppress.Suppressions,
        result: FileResult,
    ) -> None:
        """One rule on one document: its findings, or the error that stopped it."""
        try:
            for hit in check.run(doc, ctx):
                finding = self._finding(doc, check, ctx.market, hit)
                if suppressions and suppressions.suppressed(check.code, finding.line):
                    continue
                result.findings.append(finding)
        except RegexTimeout as exc:
            # The rule's other hits are kept; the timeout is an error, not a silent skip.
            line = doc.position(exc.offset)[0] if exc.offset is not None else None
            message = exc.describe(check.code, line)
            result.errors.append(FileError(doc.path, message, line))
            result.cacheable = False
        except Exception as exc:
            result.errors.append(self._crash(doc, check, exc))

    def prepare_market(self, market: str) -> None:
        """Start building the derived data that files of `market` need, as the first file
        of the market does (see `_prepare`). A worker of a first run over several
        markets is handed markets to prepare before files, so that the workers build
        different markets' data side by side instead of the same market's together.
        A market that cannot be loaded is left to its files, which report it."""
        from culturelint.profiles.model import ProfileError
        from culturelint.resolve import MarketError

        try:
            profile = self.store.load(market)
        except (MarketError, ProfileError):
            return
        ctx = CheckContext(market=market, profile=profile, config=self.config, year=self.today.year)
        # A rule whose `prepare` fails fails again on each file, and is reported there.
        self._prepare(self._checks_for(profile, []), ctx)

    def _prepare(self, checks: list[Check], ctx: CheckContext) -> list[tuple[Check, Exception]]:
        """On a first run, queue the derived data `checks` need for the market of `ctx`,
        built in the background while rules run: the market's lemma tables first (most
        rules wait for them), then what each rule's `prepare` asks for. Those rules run
        last (`_run_order`). The rules whose `prepare` failed, with the exception."""
        from culturelint.matching import prepare_lemmas

        prepare_lemmas(ctx.profile.languages)
        failed = []
        for check in checks:
            try:
                if check.prepare is not None:
                    check.prepare(ctx)
            except Exception as exc:
                failed.append((check, exc))
        return failed

    def _rule_named(self, word: str) -> str | None:
        """The code or code prefix a suppression directive's word stands for: any rule
        of the registry counts, selected or not, by code, prefix (CL2) or name."""
        if word in self._codes_by_name:
            return self._codes_by_name[word]
        upper = word.upper()
        if suppress.code_resolver(word) and any(
            c.startswith(upper) for c in self._codes_by_name.values()
        ):
            return upper
        return None

    def _checks_for(self, profile: Profile, file_ignores: list[str]) -> list[Check]:
        """The rules that run on a file of this market; worked out once per market and
        set of per-file ignores, not for every file."""
        key = (profile.tag, tuple(file_ignores))
        checks = self._applicable.get(key)
        if checks is None:
            checks = [
                check
                for check in self.checks
                if check.applies_to(profile)
                and not any(matches_spec(check, s) for s in file_ignores)
            ]
            self._applicable[key] = checks
        return checks

    @staticmethod
    def _run_order(checks: list[Check]) -> list[Check]:
        """Rules with a `prepare` step last: on a first run they may wait for their data,
        and the other rules can run meanwhile. Findings are sorted, so the order of
        rules never shows in the output."""
        return [c for c in checks if c.prepare is None] + [c for c in checks if c.prepare]

    def _crash(self, doc: Document, check: Check, exc: Exception) -> FileError:
        """A rule that failed on this file: an error for the file, the other rules'
        findings kept (with CULTURELINT_DEBUG set, the traceback instead)."""
        if os.environ.get("CULTURELINT_DEBUG"):
            raise exc
        message = f"{check.code} could not check this file: {type(exc).__name__}: {exc}"
        return FileError(doc.path, message)

    # -- helpers -------------------------------------------------------------------

    def _finding(self, doc: Document, check: Check, market: str, hit: Hit) -> Finding:
        start = max(0, min(hit.start, len(doc.text)))
        end = max(start, min(hit.end, len(doc.text)))
        line, column = doc.position(start)
        end_line, end_column = doc.position(end)
        severity = (
            self.config.severity.get(check.code)
            or self.config.severity.get(check.name)
            or hit.severity
            or check.severity
        )
        return Finding(
            path=doc.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            rule=check.code,
            name=check.name,
            category=check.category,
            severity=Severity(severity),
            market=market,
            message=hit.message,
            suggestion=hit.suggestion,
            evidence=hit.evidence,
            snippet=doc.text[start:end][:200],
        )

    def _year(self, doc: Document) -> int:
        campaign = doc.meta.get("campaign")
        if isinstance(campaign, dict):
            start = campaign.get("start")
            if isinstance(start, dt.date):
                return start.year
            if isinstance(start, str) and len(start) >= 4 and start[:4].isdigit():
                return int(start[:4])
        return self.today.year

    def _file_ignores(self, path: str) -> list[str]:
        if not self.config.per_file_ignores:
            return []
        from culturelint.config import pattern_matches
        from culturelint.resolve import _relative

        rel = _relative(path, self.config)
        out: list[str] = []
        for pattern, codes in self.config.per_file_ignores.items():
            if pattern_matches(rel, pattern):
                out.extend(codes)
        return out


def _error(path: str, message: str, line: int | None = None) -> FileResult:
    return FileResult(errors=[FileError(path, message, line)])
