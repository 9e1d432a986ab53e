"""Finding, validating, merging and loading market profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelint.profiles.derived import split_tag
from culturelint.profiles.loader import (
    ProfileStore,
    bundled_market_dirs,
    coverage,
    merge_profiles,
    normalize_tag,
)
from culturelint.profiles.model import ProfileError

FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
GOOD = FIXTURES / "good"
INVALID = FIXTURES / "invalid"
REPO_MARKETS = Path(__file__).resolve().parents[1] / "markets"


def store(*dirs: Path, **kwargs: object) -> ProfileStore:
    """A store that sees only the given directories (no bundled profiles)."""
    return ProfileStore(bundled_dirs=list(dirs), **kwargs)  # type: ignore[arg-type]


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# -- loading valid profiles ------------------------------------------------------------------


def test_valid_fixture_loads_as_curated_market() -> None:
    profile = store(GOOD).load("sv-SE")
    assert profile.curated is True
    assert (profile.tag, profile.name, profile.language) == ("sv-SE", "Sweden", "sv")
    assert profile.files == [GOOD / "sv-SE.yaml"]


def test_unquoted_yaml_dates_are_read_as_strings() -> None:
    profile = store(GOOD).load("sv-SE")
    [dated] = [e for e in profile.data["calendar"]["sensitive"] if e["id"] == "dated"]
    assert dated["when"]["dates"] == ["2026-06-01", "2027-06-01"]


def test_extends_merges_sections_and_replaces_entries_by_id() -> None:
    profile = store(GOOD).load("nl-NL")
    colours = profile.entries("colours")
    assert [e["id"] for e in colours] == ["white-mourning", "red-luck", "orange-national"]
    assert colours[0]["meaning"] == "Child meaning of white"  # child replaced parent's entry
    assert colours[1]["meaning"] == "Parent meaning of red"  # parent entry kept
    assert profile.data["formality"]["register"] == "formal"  # inherited section
    assert profile.language == "nl"  # inherited key
    sensitive = [e["id"] for e in profile.data["calendar"]["sensitive"]]
    assert sensitive == ["ramadan", "remembrance"]  # lists of entries concatenated
    assert profile.data["calendar"]["holidays"] == {"country": "NL"}
    assert profile.files == [GOOD / "nl-NL.yaml", GOOD / "base-sample.yaml"]


def test_identity_keys_are_not_inherited() -> None:
    data = store(GOOD).load("nl-NL").data
    assert data["market"] == "nl-NL"
    assert data["name"] == "Netherlands"
    assert "abstract" not in data


def test_merge_profiles_replaces_plain_lists_and_merges_mappings() -> None:
    base = {"languages": ["ar", "en"], "formats": {"measurement": "metric", "note": "a"}}
    top = {"languages": ["en"], "formats": {"note": "b"}}
    assert merge_profiles(base, top) == {
        "languages": ["en"],
        "formats": {"measurement": "metric", "note": "b"},
    }


def test_loaded_profiles_are_cached_per_store() -> None:
    profiles = store(GOOD)
    assert profiles.load("nl-NL") is profiles.load("nl_nl")
    assert store(GOOD).load("nl-NL") is not profiles.load("nl-NL")


@pytest.mark.parametrize(
    ("given", "tag"),
    [("ja-JP", "ja-JP"), ("ja_jp", "ja-JP"), ("zh-hant-tw", "zh-Hant-TW"), ("BASE-EU", "base-eu")],
)
def test_normalize_tag(given: str, tag: str) -> None:
    assert normalize_tag(given) == tag


def test_abstract_base_profile_is_not_a_market() -> None:
    with pytest.raises(ProfileError, match="abstract base profile") as caught:
        store(GOOD).load("base-sample")
    assert caught.value.path is not None and caught.value.path.endswith("base-sample.yaml")


# -- derived markets -------------------------------------------------------------------------


def test_market_without_curated_file_is_derived() -> None:
    profile = store(GOOD).load("fi-FI")
    assert profile.curated is False
    assert profile.files == []
    assert profile.data == {"market": "fi-FI", "name": "Finland", "language": "fi"}
    assert profile.locale.currencies == ("EUR",)
    assert profile.hofstede is not None and profile.hofstede.get("uai") == 59


def test_derived_market_in_a_secondary_language_names_it() -> None:
    assert store(GOOD).load("sv-FI").name == "Finland (Swedish)"


@pytest.mark.parametrize(
    ("tag", "hint"),
    [
        ("xx-YY", "no territory 'YY'"),
        ("zz-FI", "no locale data for the language 'zz'"),
        ("ja", "did you mean 'ja-JP'"),
        ("japanese", "language-TERRITORY"),
        ("base-nothing", "no base profile"),
    ],
)
def test_unknown_market_is_an_error_with_a_hint(tag: str, hint: str) -> None:
    with pytest.raises(ProfileError, match=f"unknown market '{tag}'") as caught:
        store(GOOD).load(tag)
    assert hint in str(caught.value)


# -- directories and overrides ---------------------------------------------------------------


def test_user_directory_wins_over_bundled() -> None:
    profile = ProfileStore(extra_dirs=[FIXTURES / "user"], bundled_dirs=[GOOD]).load("nl-NL")
    assert profile.name == "Netherlands (team profile)"
    assert profile.data["formality"]["register"] == "informal"


def test_bundled_profile_is_used_when_the_user_has_none() -> None:
    profile = ProfileStore(extra_dirs=[FIXTURES / "user"], bundled_dirs=[GOOD]).load("sv-SE")
    assert profile.name == "Sweden"


def test_overrides_merge_over_the_profile() -> None:
    overrides = {"nl-NL": {"formality": {"register": "informal"}}}
    profile = store(GOOD, overrides=overrides).load("nl-NL")
    assert profile.data["formality"] == {
        "register": "informal",
        "source": "Fixture source C",
        "confidence": "medium",
    }
    assert profile.entries("colours")[0]["id"] == "white-mourning"


def test_overrides_apply_to_derived_markets() -> None:
    overrides = {"fi-FI": {"formality": {"register": "informal"}}}
    profile = store(GOOD, overrides=overrides).load("fi-FI")
    assert profile.data["formality"]["register"] == "informal"


def test_override_for_another_market_changes_nothing() -> None:
    overrides = {"de-DE": {"formality": {"register": "informal"}}}
    assert store(GOOD, overrides=overrides).load("nl-NL").data["formality"]["register"] == "formal"


def test_invalid_override_names_the_config() -> None:
    overrides = {"nl-NL": {"formality": {"register": "casual"}}}
    profiles = store(GOOD, overrides=overrides, config_path="culturelint.yaml")
    with pytest.raises(ProfileError) as caught:
        profiles.load("nl-NL")
    assert caught.value.path == "culturelint.yaml"
    assert caught.value.where == "overrides.nl-NL.formality.register"
    assert "'casual' is not one of" in str(caught.value)


def test_missing_markets_directory_is_an_error() -> None:
    with pytest.raises(ProfileError, match="markets directory not found"):
        store(FIXTURES / "no-such-dir").load("nl-NL")


def test_same_market_twice_in_one_directory_is_an_error(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        write(tmp_path / sub, "it-IT.yaml", "market: it-IT\nname: Italy\n")
    with pytest.raises(ProfileError, match="defined more than once"):
        store(tmp_path).load("it-IT")


def test_curated_tags_and_all_markets() -> None:
    profiles = store(GOOD)
    assert profiles.curated_tags() == ["nl-NL", "sv-SE"]
    markets = profiles.all_markets()
    assert {"nl-NL", "sv-SE", "fi-FI", "ja-JP", "de-DE", "hi-IN", "zh-Hant-TW"} <= set(markets)
    assert "base-sample" not in markets
    assert all(split_tag(tag) for tag in markets)


def test_every_listed_market_loads() -> None:
    profiles = store(GOOD)
    for tag in profiles.all_markets():
        assert profiles.load(tag).locale.date_order in ("DMY", "MDY", "YMD")


def test_bundled_markets_are_found_in_a_source_checkout() -> None:
    assert bundled_market_dirs() == [REPO_MARKETS]


# -- errors in files -------------------------------------------------------------------------


def test_schema_error_names_file_and_json_path() -> None:
    with pytest.raises(ProfileError) as caught:
        store(INVALID / "schema").load("pt-BR")
    error = caught.value
    assert error.path is not None
    assert Path(error.path).parts[-3:] == ("invalid", "schema", "pt-BR.yaml")
    assert error.where == "colours.entries[2].source"
    assert str(error) == (
        f"{error.path}: colours.entries[2].source: 'source' is a required property (line 16)"
    )


@pytest.mark.parametrize(
    ("line", "where", "message"),
    [
        ("      confidence: very\n", "colours.entries[0].confidence", "'very' is not one of"),
        ("      confidence: low\n      severity: loud\n", "colours.entries[0].severity", "'loud'"),
        ("      confidence: low\n      hue: red\n", "colours.entries[0]", "'hue' was unexpected"),
    ],
)
def test_a_broken_entry_reports_its_own_error_not_its_keys_as_unexpected(
    tmp_path: Path, line: str, where: str, message: str
) -> None:
    """An entry that breaks its base schema leaves the base's keys unevaluated; the
    error to report is the broken key, not "'id', 'source' were unexpected"."""
    text = (
        "market: it-IT\nname: Italy\ncolours:\n  entries:\n    - id: purple\n"
        "      colour: purple\n      meaning: Mourning\n      source: Test source\n" + line
    )
    write(tmp_path, "it-IT.yaml", text)
    with pytest.raises(ProfileError) as caught:
        store(tmp_path).load("it-IT")
    assert caught.value.where == where
    assert message in str(caught.value)
    assert "'id'" not in str(caught.value)
    errors = store(tmp_path).validate_file(tmp_path / "it-IT.yaml")
    assert [(e.where, message in str(e)) for e in errors] == [(where, True)]


@pytest.mark.parametrize(
    ("pattern", "said"),
    [
        ("'[unclosed'", "invalid regular expression '[unclosed'"),
        ("'(?:\\w+\\s?)+x'", "unsafe regular expression"),
    ],
)
def test_a_broken_trust_pattern_is_the_profiles_error_with_its_line(
    tmp_path: Path, pattern: str, said: str
) -> None:
    """Found when the profile is read, not reported later as a crash of CL301 on
    whichever copy file met it first."""
    text = (
        "market: it-IT\nname: Italy\ntrust:\n  discouraged: []\n  expected:\n"
        "    - id: seal\n      label: Seal\n      meaning: A seal is expected.\n"
        f"      patterns: [{pattern}]\n      source: Test source\n      confidence: low\n"
    )
    write(tmp_path, "it-IT.yaml", text)
    with pytest.raises(ProfileError) as caught:
        store(tmp_path).load("it-IT")
    assert caught.value.where == "trust.expected[0].patterns[0]"
    assert said in str(caught.value) and "(line 9)" in str(caught.value)
    errors = store(tmp_path).validate_file(tmp_path / "it-IT.yaml")
    assert [e.where for e in errors] == ["trust.expected[0].patterns[0]"]


def test_malformed_yaml_names_file_and_line() -> None:
    with pytest.raises(ProfileError, match="invalid YAML") as caught:
        store(INVALID / "malformed").load("pt-BR")
    assert caught.value.where is not None and caught.value.where.startswith("line 7")
    assert caught.value.path is not None and caught.value.path.endswith("pt-BR.yaml")


def test_yaml_is_never_allowed_to_build_python_objects(tmp_path: Path) -> None:
    write(tmp_path, "it-IT.yaml", "market: !!python/object/apply:os.getcwd []\nname: Italy\n")
    with pytest.raises(ProfileError, match="invalid YAML"):
        store(tmp_path).load("it-IT")


def test_boolean_key_gets_a_quoting_hint(tmp_path: Path) -> None:
    text = (
        "market: nb-NO\nname: Norway\ncolours:\n  entries:\n    - id: red\n      colour: red\n"
        "      meaning: Love\n      source: Test source\n      confidence: low\n"
        "      words:\n        no: [rød]\n"
    )
    write(tmp_path, "nb-NO.yaml", text)
    with pytest.raises(ProfileError, match="quote it") as caught:
        store(tmp_path).load("nb-NO")
    assert caught.value.where == "colours.entries[0].words"


def test_quoted_no_key_is_fine() -> None:
    words = store(GOOD).load("sv-SE").entries("colours")[0]["words"]
    assert words == {"sv": ["blågul"], "no": ["blågul"]}


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    write(tmp_path, "it-IT.yaml", "- market: it-IT\n")
    with pytest.raises(ProfileError, match="YAML mapping"):
        store(tmp_path).load("it-IT")


def test_extends_cycle_is_named() -> None:
    with pytest.raises(ProfileError, match="extends cycle: base-a -> base-b -> base-a"):
        store(INVALID / "cycle").load("it-IT")


def test_unknown_parent_is_named() -> None:
    with pytest.raises(ProfileError, match="extends unknown profile 'base-missing'") as caught:
        store(INVALID / "unknown-parent").load("it-IT")
    assert caught.value.where == "extends"


def test_file_name_must_match_the_market() -> None:
    with pytest.raises(ProfileError, match=r"must be named 'fr-BE\.yaml'"):
        store(INVALID / "misnamed").load("fr-FR")


def test_empty_section_needs_a_note() -> None:
    with pytest.raises(ProfileError, match="needs a note") as caught:
        store(INVALID / "empty-section").load("it-IT")
    assert caught.value.where == "gestures"


def test_empty_section_with_a_note_is_fine() -> None:
    assert store(GOOD).load("nl-NL").entries("numbers") == []


def test_duplicate_ids_in_one_list_are_an_error(tmp_path: Path) -> None:
    entry = (
        "    - id: red\n      colour: red\n      meaning: Luck\n"
        "      source: Test source\n      confidence: low\n"
    )
    write(
        tmp_path, "it-IT.yaml", f"market: it-IT\nname: Italy\ncolours:\n  entries:\n{entry}{entry}"
    )
    with pytest.raises(ProfileError, match="id 'red' is used twice"):
        store(tmp_path).load("it-IT")


def test_unknown_hofstede_row_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "it-IT.yaml", "market: it-IT\nname: Italy\nhofstede:\n  row: XYZ\n")
    with pytest.raises(ProfileError, match="no row 'XYZ'"):
        store(tmp_path).load("it-IT")


# -- validate_file ---------------------------------------------------------------------------


def test_validate_file_of_a_valid_profile_reports_nothing() -> None:
    profiles = store(GOOD)
    assert profiles.validate_file(GOOD / "nl-NL.yaml") == []
    assert profiles.validate_file(GOOD / "base-sample.yaml") == []


def test_validate_file_reports_every_schema_error(tmp_path: Path) -> None:
    text = (
        "market: it-IT\nname: Italy\ncolours:\n  entries:\n"
        "    - id: red\n      colour: crimson\n      meaning: Luck\n"
        "      source: Test source\n      confidence: low\n"
        "formality:\n  register: casual\n"
    )
    path = write(tmp_path, "it-IT.yaml", text)
    errors = store(tmp_path).validate_file(path)
    assert [e.where for e in errors] == ["colours.entries[0].colour", "formality.register"]
    assert "(line 6)" in errors[0].detail
    assert "(line 11)" in errors[1].detail


def test_validate_file_reports_extends_problems() -> None:
    errors = store(GOOD).validate_file(INVALID / "unknown-parent" / "it-IT.yaml")
    assert [e.where for e in errors] == ["extends"]
    errors = store(GOOD).validate_file(INVALID / "cycle" / "base-a.yaml")
    assert "extends cycle: base-a -> base-b -> base-a" in str(errors[0])


def test_validate_file_reports_holiday_names_and_categories(tmp_path: Path) -> None:
    text = (
        "market: ja-JP\nname: Japan\ncalendar:\n  holidays:\n    categories: [public, school]\n"
        "  sensitive:\n"
        "    - id: obon\n      name: Obon\n      kind: religious\n      when: {holiday: Obon}\n"
        "      advice: Test advice\n      source: Test source\n      confidence: high\n"
        "    - id: marine\n      name: Marine Day\n      kind: national\n"
        "      when: {holiday: marine day}\n"
        "      advice: Test advice\n      source: Test source\n      confidence: high\n"
    )
    path = write(tmp_path, "ja-JP.yaml", text)
    errors = store(tmp_path).validate_file(path)
    assert [e.where for e in errors] == [
        "calendar.holidays.categories",
        "calendar.sensitive[0].when.holiday",
    ]
    assert "no holiday category 'school'" in errors[0].detail
    assert "no JP holiday named like 'Obon'" in errors[1].detail


def test_validate_file_of_malformed_yaml_reports_it() -> None:
    [error] = store(GOOD).validate_file(INVALID / "malformed" / "pt-BR.yaml")
    assert error.where is not None and error.where.startswith("line 7")


# -- coverage --------------------------------------------------------------------------------


def test_coverage_of_a_curated_market() -> None:
    assert coverage(store(GOOD).load("nl-NL")) == {
        "hofstede": "derived",
        "formats": "derived",
        "colours": "curated",
        "numbers": "empty",
        "gestures": "missing",
        "taboos": "missing",
        "trust": "missing",
        "calendar": "curated",
        "formality": "curated",
        "claims": "missing",
    }


def test_coverage_of_a_derived_market() -> None:
    result = coverage(store(GOOD).load("fi-FI"))
    assert {k for k, v in result.items() if v == "derived"} == {"hofstede", "formats", "calendar"}
    assert {v for k, v in result.items() if k not in ("hofstede", "formats", "calendar")} == {
        "missing"
    }


def test_coverage_without_hofstede_scores() -> None:
    result = coverage(store(GOOD).load("sw-KE"))
    assert result["hofstede"] == "missing"  # Kenya has no row in the dataset
    assert result["formats"] == "derived"


def test_curated_formats_count_as_curated() -> None:
    assert coverage(store(GOOD).load("sv-SE"))["formats"] == "curated"


# -- the bundled profiles --------------------------------------------------------------------

BUNDLED = sorted(REPO_MARKETS.glob("**/*.yaml")) if REPO_MARKETS.is_dir() else []


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_bundled_profile_validates(path: Path) -> None:
    errors = ProfileStore().validate_file(path)
    assert [str(e) for e in errors] == []
