"""Finding, parsing, validating and merging market profiles.

Profiles are YAML files named `<market>.yaml` in the bundled `markets/` directory and in
the user's extra directories. Discovery only lists file names; a file is parsed and
validated against `schemas/market.schema.json` when a market that needs it is loaded,
so a one-file lint run pays for one profile, not for all of them. A market without a
curated file is still a market: it gets the derived layer (CLDR formats, holidays,
Hofstede) from its tag alone.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from culturelint.profiles import validcache, yamlload
from culturelint.profiles.derived import split_tag
from culturelint.profiles.model import Profile, ProfileError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SECTIONS = (
    "hofstede",
    "formats",
    "colours",
    "numbers",
    "gestures",
    "taboos",
    "trust",
    "calendar",
    "formality",
    "claims",
)
# Sections whose content is a list of entries under `entries`.
ENTRY_SECTIONS = ("colours", "numbers", "gestures", "taboos", "claims")
# Every list of entries with ids, as (section, list key): `extends` merges these by id.
ID_LISTS = (
    *((section, "entries") for section in ENTRY_SECTIONS),
    ("trust", "expected"),
    ("trust", "discouraged"),
    ("calendar", "sensitive"),
    ("calendar", "not_kept"),
)
# Keys that identify a file; they are never inherited from a parent.
_IDENTITY_KEYS = ("market", "name", "abstract", "extends")

_MESSAGE_LIMIT = 240


def bundled_market_dirs() -> list[Path]:
    """Where the profiles shipped with culturelint live.

    A wheel carries the repository's top-level `markets/` as `culturelint/_bundled/markets`
    (hatch force-include); a source checkout has it three levels above this file.
    """
    here = Path(__file__).resolve()
    installed = here.parents[1] / "_bundled" / "markets"
    if installed.is_dir():
        return [installed]
    checkout = here.parents[3] / "markets"
    return [checkout] if checkout.is_dir() else []


def normalize_tag(tag: str) -> str:
    """Canonical case for a market tag ("ja_jp" -> "ja-JP"); base ids stay lower case."""
    tag = tag.strip().replace("_", "-")
    if tag.lower().startswith("base-"):
        return tag.lower()
    parts = tag.split("-")
    if len(parts) < 2:
        return tag.lower()
    language, *middle, territory = parts
    middle = [part.title() for part in middle]
    return "-".join([language.lower(), *middle, territory.upper()])


class ProfileStore:
    """The profiles a run can use: user directories, then the bundled ones.

    `overrides` maps a market tag to keys merged over its profile (the project config's
    `overrides:`); `config_path` names that config in errors. `bundled_dirs` replaces the
    bundled directories (tests, tools that ship their own set).
    """

    def __init__(
        self,
        extra_dirs: Sequence[Path] = (),
        overrides: dict[str, dict[str, Any]] | None = None,
        *,
        config_path: str | Path | None = None,
        bundled_dirs: Sequence[Path] | None = None,
    ) -> None:
        self.extra_dirs = [Path(d) for d in extra_dirs]
        self.bundled_dirs = (
            bundled_market_dirs() if bundled_dirs is None else [Path(d) for d in bundled_dirs]
        )
        self.overrides = {normalize_tag(k): v for k, v in (overrides or {}).items()}
        self.config_label = str(config_path) if config_path else "configuration overrides"
        self._files: dict[str, list[Path]] | None = None
        self._parsed: dict[Path, tuple[dict[str, Any], str]] = {}
        self._profiles: dict[str, Profile] = {}

    # -- discovery ---------------------------------------------------------------------

    def _index(self) -> dict[str, list[Path]]:
        """Profile id -> files defining it in the first directory that has it."""
        if self._files is None:
            self._files = _index_dirs([*self.extra_dirs, *self.bundled_dirs])
        return self._files

    def curated_tags(self) -> list[str]:
        """Markets with a curated file (base profiles excluded)."""
        return sorted(tag for tag in self._index() if not tag.startswith("base-"))

    def all_markets(self) -> list[str]:
        """Curated markets plus every CLDR territory with its most spoken official language."""
        tags = set(self.curated_tags())
        for territory in _babel_territories():
            language = primary_language(territory)
            if language:
                tags.add(f"{language.replace('_', '-')}-{territory}")
        return sorted(tag for tag in tags if split_tag(tag))

    # -- loading -----------------------------------------------------------------------

    def load(self, tag: str) -> Profile:
        """The resolved profile of a market: curated or derived, with overrides applied."""
        key = normalize_tag(tag)
        if key not in self._profiles:
            self._profiles[key] = self._load(key, tag)
        return self._profiles[key]

    def _load(self, key: str, given: str) -> Profile:
        files: list[Path] = []
        if key in self._index():
            data, files = self._resolve(key, ())
            if data.get("abstract"):
                raise ProfileError(
                    f"'{key}' is an abstract base profile: markets extend it, "
                    "it cannot be used as a market itself",
                    _display(files[0]),
                )
            data.pop("abstract", None)
        else:
            data = _derived_data(key, given)
        override = self.overrides.get(key)
        if override:
            data = self._apply_override(key, data, override)
        return Profile(tag=key, name=str(data["name"]), data=data, curated=bool(files), files=files)

    def _resolve(self, market: str, stack: tuple[str, ...]) -> tuple[dict[str, Any], list[Path]]:
        """A profile merged over its `extends:` parents, with the files that made it."""
        path = self._path_for(market)
        if market in stack:
            cycle = " -> ".join([*stack[stack.index(market) :], market])
            raise ProfileError(f"extends cycle: {cycle}", _display(path), "extends")
        data = self._checked(path)
        merged: dict[str, Any] = {}
        files = [path]
        for parent in _parents(data):
            if parent not in self._index():
                raise ProfileError(_unknown_parent(parent), _display(path), "extends")
            parent_data, parent_files = self._resolve(parent, (*stack, market))
            inherited = {k: v for k, v in parent_data.items() if k not in _IDENTITY_KEYS}
            merged = merge_profiles(merged, inherited)
            files.extend(f for f in parent_files if f not in files)
        return copy.deepcopy(merge_profiles(merged, data)), files

    def _path_for(self, market: str) -> Path:
        paths = self._index()[market]
        if len(paths) > 1:
            listed = ", ".join(_display(p) for p in paths)
            raise ProfileError(f"profile '{market}' is defined more than once: {listed}")
        return paths[0]

    def _checked(self, path: Path) -> dict[str, Any]:
        """A parsed file that passed the schema and the checks the schema cannot express."""
        data, text = self._parse(path)
        if not validcache.known_valid("market", _checked_with(), text):
            error = _best_schema_error(data)
            if error is not None:
                raise _schema_problem(error, _display(path), text)
            patterns = _pattern_problems(data, _display(path), text)
            if patterns:
                raise patterns[0]
            validcache.remember_valid("market", _checked_with(), text)
        problems = _semantic_problems(data, path)
        if problems:
            raise problems[0]
        return data

    def _parse(self, path: Path) -> tuple[dict[str, Any], str]:
        if path not in self._parsed:
            self._parsed[path] = read_profile_yaml(path)
        return self._parsed[path]

    def _apply_override(
        self, key: str, data: dict[str, Any], override: dict[str, Any]
    ) -> dict[str, Any]:
        where = f"overrides.{key}"
        if not isinstance(override, dict):
            raise ProfileError("an override is a mapping of profile keys", self.config_label, where)
        if override.get("market", key) != key:
            raise ProfileError("an override cannot change 'market'", self.config_label, where)
        merged = copy.deepcopy(merge_profiles(data, override))
        error = _best_schema_error(merged)
        problem = None
        if error is not None:
            problem = _schema_problem(error, self.config_label, None)
        elif patterns := _pattern_problems(merged, self.config_label, None):
            problem = patterns[0]
        if problem is not None:
            inner = f"{where}.{problem.where}" if problem.where else where
            raise ProfileError(problem.detail, self.config_label, inner)
        return merged

    # -- validation (culturelint validate) ---------------------------------------------

    def validate_file(self, path: Path) -> list[ProfileError]:
        """Every problem of one profile file: schema, naming, ids, extends, holiday names."""
        path = Path(path)
        try:
            data, text = read_profile_yaml(path)
        except ProfileError as error:
            return [error]
        label = _display(path)
        errors = [_schema_problem(e, label, text) for e in _schema_errors(data)]
        if errors:
            return errors
        errors.extend(_pattern_problems(data, label, text))
        errors.extend(_semantic_problems(data, path))
        errors.extend(self._extends_problems(data, path))
        errors.extend(_calendar_problems(data, label))
        return errors

    def _extends_problems(self, data: dict[str, Any], path: Path) -> list[ProfileError]:
        """Unknown parents and cycles, looking beside the file first, then in the store."""
        index = {**self._index(), **_index_dirs([path.parent])}
        label = _display(path)
        problems: list[ProfileError] = []
        market = str(data.get("market"))
        pending = [(parent, (market,)) for parent in _parents(data)]
        seen: set[str] = set()
        while pending:
            parent, chain = pending.pop()
            if parent in chain:
                cycle = " -> ".join([*chain[chain.index(parent) :], parent])
                problems.append(ProfileError(f"extends cycle: {cycle}", label, "extends"))
                continue
            if parent in seen:
                continue
            seen.add(parent)
            if parent not in index:
                problems.append(ProfileError(_unknown_parent(parent), label, "extends"))
                continue
            try:
                parent_data, _text = read_profile_yaml(index[parent][0])
            except ProfileError as error:
                problems.append(error)
                continue
            pending.extend((grand, (*chain, parent)) for grand in _parents(parent_data))
        return problems


# -- merging ---------------------------------------------------------------------------------


def merge_profiles(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """`top` over `base`: mappings merge key by key, lists of entries merge by `id`.

    A child entry with a parent entry's id replaces it in place; other child entries are
    appended. Any other value, plain lists included, is replaced by the child's.
    """
    merged = dict(base)
    for key, value in top.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge_profiles(old, value)
        elif _is_entry_list(old) and _is_entry_list(value):
            merged[key] = _merge_entries(old, value)
        else:
            merged[key] = value
    return merged


def _is_entry_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _merge_entries(parent: list[dict[str, Any]], child: list[dict[str, Any]]) -> list[Any]:
    replacements = {entry["id"]: entry for entry in child}
    merged = [replacements.pop(entry["id"], entry) for entry in parent]
    merged.extend(entry for entry in child if entry["id"] in replacements)
    return merged


def _parents(data: dict[str, Any]) -> list[str]:
    extends = data.get("extends") or []
    return [extends] if isinstance(extends, str) else [str(p) for p in extends]


# -- reading YAML ----------------------------------------------------------------------------


def read_profile_yaml(path: Path) -> tuple[dict[str, Any], str]:
    """A profile file as plain data (dates as ISO strings) and its text, or a ProfileError."""
    label = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProfileError("not UTF-8 text", label) from None
    except OSError as error:
        raise ProfileError(f"cannot read the file: {error.strerror or error}", label) from None
    try:
        data = yamlload.safe_load(text)
    except yamlload.yaml_error() as error:
        raise _yaml_problem(error, label) from None
    if not isinstance(data, dict):
        raise ProfileError("a profile is a YAML mapping with market: and name:", label, "line 1")
    return _plain(data, [], label), text


def _yaml_problem(error: Exception, label: str) -> ProfileError:
    """PyYAML's complaint as a ProfileError, with the line and column it names."""
    import yaml

    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        problem = error.problem or error.context or "syntax error"
        return ProfileError(f"invalid YAML: {problem}", label, where)
    return ProfileError(f"invalid YAML: {error}", label)


def _plain(value: Any, where: list[str | int], label: str) -> Any:
    """YAML values as JSON would have them: dates become strings, keys must be strings.

    YAML 1.1 reads unquoted `no`, `yes`, `on`, `off` as booleans, which bites as a key:
    Norwegian's language code `no:` in a term map. Say so instead of failing obscurely.
    """
    if isinstance(value, dict):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if isinstance(key, bool):
                raise ProfileError(
                    f"the key {str(key).lower()!r} was read as a boolean; quote it "
                    '(YAML reads no, yes, on, off as true/false: write "no": for Norwegian)',
                    label,
                    json_path(where) or None,
                )
            text_key = key.isoformat() if isinstance(key, dt.date) else str(key)
            plain[text_key] = _plain(item, [*where, text_key], label)
        return plain
    if isinstance(value, list):
        return [_plain(item, [*where, i], label) for i, item in enumerate(value)]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _line_of(text: str | None, parts: Sequence[str | int]) -> int | None:
    """The 1-based line of the node at a JSON path, or of its deepest existing ancestor."""
    if text is None:
        return None
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    for part in parts:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


# -- schema ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _schema_bytes() -> bytes:
    return resources.files("culturelint").joinpath("schemas", "market.schema.json").read_bytes()


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema_file = resources.files("culturelint").joinpath("schemas", "market.schema.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _relevance() -> Any:
    """jsonschema's relevance, with `unevaluatedProperties` demoted (see `_causes`)."""
    from jsonschema.exceptions import WEAK_MATCHES, by_relevance

    return by_relevance(weak=WEAK_MATCHES | {"unevaluatedProperties"})


def _causes(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """The errors less those that only follow from another one.

    When an entry breaks its `allOf` base (a required key missing, a `confidence` of
    "very"), none of the base's keys count as evaluated, and `unevaluatedProperties`
    lists them all as unexpected ("'id', 'source' were unexpected"): a consequence of
    the error at the entry or inside it, which is the one to report.
    """
    errors = list(errors)
    real = [tuple(e.absolute_path) for e in errors if e.validator != "unevaluatedProperties"]

    def follows(error: ValidationError) -> bool:
        at = tuple(error.absolute_path)
        return error.validator == "unevaluatedProperties" and any(
            path[: len(at)] == at for path in real
        )

    return [e for e in errors if not follows(e)]


def _schema_errors(data: dict[str, Any]) -> list[ValidationError]:
    """Every schema error, each narrowed to its most relevant cause, in document order."""
    from jsonschema.exceptions import best_match

    kept = [best_match([e], key=_relevance()) for e in _causes(_validator().iter_errors(data))]
    return sorted(kept, key=lambda e: [str(p) for p in e.absolute_path])


def _best_schema_error(data: dict[str, Any]) -> ValidationError | None:
    from jsonschema.exceptions import best_match

    return best_match(_causes(_validator().iter_errors(data)), key=_relevance())


def json_path(parts: Iterable[str | int]) -> str:
    """A JSON path as people write it: colours.entries[2].source."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _schema_problem(error: ValidationError, label: str, text: str | None) -> ProfileError:
    parts = list(error.absolute_path)
    line = _line_of(text, parts)
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [p for p in error.validator_value if p not in error.instance]
        if missing:
            parts.append(missing[0])
    message = error.message
    if len(message) > _MESSAGE_LIMIT:
        message = message[: _MESSAGE_LIMIT - 3] + "..."
    if line is not None:
        message = f"{message} (line {line})"
    return ProfileError(message, label, json_path(parts) or None)


# -- checks the schema cannot express --------------------------------------------------------


def _checked_with() -> bytes:
    """What a remembered "valid" verdict on a profile's text depends on: the schema,
    and the check of its patterns (`_pattern_problems`)."""
    return _schema_bytes() + b"\0patterns compiled"


def _pattern_problems(data: dict[str, Any], label: str, text: str | None) -> list[ProfileError]:
    """Trust patterns that are not valid regular expressions, or that could backtrack
    exponentially: found when the profile is read, not blamed on the copy later."""
    patterns = [
        (["trust", kind, i, "patterns", j], pattern)
        for kind in ("expected", "discouraged")
        for i, entry in enumerate((data.get("trust") or {}).get(kind) or [])
        for j, pattern in enumerate(entry.get("patterns") or [])
    ]
    if not patterns:
        return []  # no need to import the regex module
    from culturelint.safe_regex import UserRegexError, compile_user_regex

    problems = []
    for parts, pattern in patterns:
        try:
            compile_user_regex(str(pattern))
        except UserRegexError as exc:
            line = _line_of(text, parts)
            message = f"{exc} (line {line})" if line is not None else str(exc)
            problems.append(ProfileError(message, label, json_path(parts)))
    return problems


def _semantic_problems(data: dict[str, Any], path: Path) -> list[ProfileError]:
    label = _display(path)
    market = str(data.get("market", ""))
    problems: list[ProfileError] = []
    if path.name != f"{market}.yaml":
        problems.append(
            ProfileError(f"the file of market '{market}' must be named '{market}.yaml'", label)
        )
    if market.startswith("base-") and not data.get("abstract"):
        problems.append(ProfileError("a base profile must say 'abstract: true'", label, "abstract"))
    for section, key in ID_LISTS:
        ids = [e.get("id") for e in (data.get(section) or {}).get(key) or []]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            problems.append(
                ProfileError(f"id '{duplicate}' is used twice", label, f"{section}.{key}")
            )
    for section in (*ENTRY_SECTIONS, "trust"):
        value = data.get(section)
        if (
            isinstance(value, dict)
            and _section_state(section, value) == "empty"
            and not (value.get("note"))
        ):
            problems.append(
                ProfileError("an empty section needs a note saying why", label, section)
            )
    row = (data.get("hofstede") or {}).get("row")
    if row:
        from culturelint.profiles.hofstede import known_rows

        if row.upper() not in known_rows():
            problems.append(
                ProfileError(f"no row '{row}' in the Hofstede dataset", label, "hofstede.row")
            )
    return problems


def _calendar_problems(data: dict[str, Any], label: str) -> list[ProfileError]:
    """Holiday country, categories and names the holidays package does not have."""
    from culturelint.profiles import derived

    calendar = data.get("calendar") or {}
    holidays_cfg = calendar.get("holidays") or {}
    parts = split_tag(str(data.get("market")))
    country = holidays_cfg.get("country") or (parts[2] if parts else None)
    if not country:
        return []
    if not derived.holiday_country_supported(country):
        if "country" in holidays_cfg:
            return [
                ProfileError(
                    f"the holidays package has no country '{country}'",
                    label,
                    "calendar.holidays.country",
                )
            ]
        return []
    supported = derived.holiday_categories(country)
    problems = [
        ProfileError(
            f"{country} has no holiday category '{category}' (it has: {', '.join(supported)})",
            label,
            "calendar.holidays.categories",
        )
        for category in holidays_cfg.get("categories") or []
        if category not in supported
    ]
    year = dt.date.today().year
    names = {
        h.name.casefold()
        for y in (year, year + 1)
        for h in derived.public_holidays(country, y, supported)
    }
    for i, entry in enumerate(calendar.get("sensitive") or []):
        wanted = (entry.get("when") or {}).get("holiday")
        if wanted and not any(str(wanted).casefold() in name for name in names):
            problems.append(
                ProfileError(
                    f"no {country} holiday named like '{wanted}' in {year}-{year + 1}",
                    label,
                    f"calendar.sensitive[{i}].when.holiday",
                )
            )
    return problems


# -- derived markets -------------------------------------------------------------------------


def _derived_data(tag: str, given: str) -> dict[str, Any]:
    """The profile data of a market without a curated file, if CLDR knows the market."""
    from babel import Locale

    prefix = f"unknown market '{given}'"
    if tag.startswith("base-"):
        raise ProfileError(f"{prefix}: no base profile has this id")
    parts = split_tag(tag)
    if parts is None:
        raise ProfileError(f"{prefix}: {_tag_hint(tag)}")
    language, _script, territory = parts
    english = Locale("en")
    if territory not in english.territories or territory == "ZZ":
        raise ProfileError(f"{prefix}: CLDR knows no territory '{territory}'; {_LIST_HINT}")
    if not _has_locale_data(language):
        raise ProfileError(
            f"{prefix}: CLDR has no locale data for the language '{language}'; {_LIST_HINT}"
        )
    name = english.territories[territory]
    primary = primary_language(territory)
    if primary and primary.split("_")[0] != language:
        name = f"{name} ({english.languages[language]})"
    return {"market": tag, "name": name, "language": language}


_LIST_HINT = "'culturelint markets' lists the markets"


def _tag_hint(tag: str) -> str:
    """Why a tag is not a market tag, and the likely one when only a language was given."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(tag.lower())
    if likely:
        pieces = likely.split("_")
        suggestion = f"{pieces[0]}-{pieces[-1]}"
        return f"a market is language-TERRITORY; did you mean '{suggestion}'?"
    return f"a market is language-TERRITORY such as 'ja-JP'; {_LIST_HINT}"


def primary_language(territory: str) -> str | None:
    """The most spoken official language of a territory that CLDR has formats for.

    Returns a babel identifier ("fi", "zh_Hant"). Languages CLDR names but has no locale
    data for (Bislama in Vanuatu) are passed over for the next official one.
    """
    from babel.languages import get_territory_language_info

    official = [
        (info.get("population_percent") or 0.0, language)
        for language, info in get_territory_language_info(territory).items()
        if info.get("official_status") in ("official", "de_facto_official")
        and _has_locale_data(language)
    ]
    return max(official)[1] if official else None


@lru_cache(maxsize=512)
def _has_locale_data(identifier: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _babel_territories() -> list[str]:
    from babel.core import get_global

    return sorted(
        t for t in get_global("territory_currencies") if len(t) == 2 and t.isalpha() and t != "ZZ"
    )


def _unknown_parent(parent: str) -> str:
    return f"extends unknown profile '{parent}' (no {parent}.yaml in the markets directories)"


# -- discovery helpers -----------------------------------------------------------------------


def _index_dirs(dirs: Sequence[Path]) -> dict[str, list[Path]]:
    """Profile id -> files; the first directory that has an id wins over later ones."""
    index: dict[str, list[Path]] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise ProfileError("markets directory not found", _display(directory))
        found: dict[str, list[Path]] = {}
        for path in sorted(directory.rglob("*.yaml")):
            found.setdefault(path.stem, []).append(path)
        for market, paths in found.items():
            index.setdefault(market, paths)
    return index


def _display(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        resolved, cwd = Path(path).resolve(), Path.cwd().resolve()
    except OSError:
        return str(path)
    return str(resolved.relative_to(cwd)) if resolved.is_relative_to(cwd) else str(path)


# -- coverage --------------------------------------------------------------------------------


def coverage(profile: Profile) -> dict[str, str]:
    """Per section: "curated" (has entries), "empty" (explicitly empty, with a note),
    "derived" (only library data: formats, holidays, Hofstede) or "missing"."""
    result: dict[str, str] = {}
    for section in SECTIONS:
        value = profile.data.get(section)
        state = _section_state(section, value) if isinstance(value, dict) else "missing"
        if state == "missing" and _has_derived(profile, section):
            state = "derived"
        result[section] = state
    return result


def _section_state(section: str, value: dict[str, Any]) -> str:
    if section == "hofstede":
        return "curated" if value.get("notes") or value.get("row") else "missing"
    if section == "formats":
        curated = {"measurement", "hour_cycle", "currencies"}
        return "curated" if curated & value.keys() else "missing"
    if section == "formality":
        return "curated" if value.get("register") else "missing"
    if section == "trust":
        lists = [value.get("expected"), value.get("discouraged")]
    elif section == "calendar":
        lists = [value.get("sensitive"), value.get("not_kept")]
    else:
        lists = [value.get("entries")]
    if any(lists):
        return "curated"
    if any(item is not None for item in lists) or value.get("note"):
        return "empty"
    return "missing"


def _has_derived(profile: Profile, section: str) -> bool:
    if section == "hofstede":
        return profile.hofstede is not None
    if section == "formats":
        return True
    if section == "calendar":
        from culturelint.profiles import derived

        country = (profile.section("calendar").get("holidays") or {}).get("country")
        return derived.holiday_country_supported(country or profile.territory)
    return False
