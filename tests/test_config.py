from pathlib import Path

import pytest

from culturelint.config import ConfigError, find_config, load_config
from culturelint.finding import Severity
from culturelint.starter import STARTER_CONFIG


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_by_walking_up(tmp_path: Path) -> None:
    cfg = write(tmp_path / "culturelint.yaml", "default_market: de-DE\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == cfg.resolve()


def test_pyproject_only_with_tool_section(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", "[tool.culturelint]\nfail_on = 'error'\n")
    config = load_config(find_config(tmp_path))
    assert config.fail_on == "error"


def test_hidden_name_and_all_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".culturelint.yaml",
        """
markets: {"copy/ja/**": ja-JP}
default_market: en-US
select: [cl2]
ignore: [CL101]
per_file_ignores: {"legal/*": [CL6]}
severity: {CL201: info}
fail_on: error
exclude: [drafts]
market_paths: [my-markets]
rule_paths: [my-rules]
overrides: {de-DE: {formality: {register: informal}}}
""",
    )
    config = load_config(path)
    assert config.select == ["cl2"]  # as written: codes match in any case
    assert config.severity == {"CL201": Severity.INFO}
    assert config.market_paths == [tmp_path.resolve() / "my-markets"]
    assert config.overrides["de-DE"]["formality"]["register"] == "informal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour: red\n", "unknown key 'colour'"),
        ("fail_on: sometimes\n", "fail_on"),
        ("select: CL201\n", "select"),
        ("severity: {CL201: fatal}\n", "severity.CL201"),
        ("- a\n- b\n", "mapping"),
        ("markets: [\n", ":2: invalid YAML"),
        ("ignore: [CL701]\nfail_on: error\nignore: [CL504]\n", ":3: invalid YAML: found duplicate"),
        ("options: {l10n: {sourc_locale: en}}\n", "options.l10n"),
        ("options: {l10n: {source_locale: 42}}\n", "options.l10n.source_locale"),
        ("options: {l10n: {keep_terms: [Acme, 4]}}\n", "options.l10n.keep_terms"),
        ("options: {l10n: {include_fuzzy: 'yes'}}\n", "options.l10n.include_fuzzy"),
    ],
)
def test_errors_name_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "culturelint.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_empty_file_is_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "culturelint.yaml", ""))
    assert config.fail_on == "warning"


@pytest.mark.parametrize(("value", "ok"), [("8MiB", True), (1000, True), ("lots", False)])
def test_max_file_size(tmp_path: Path, value: object, ok: bool) -> None:
    path = write(tmp_path / "culturelint.yaml", f"max_file_size: {value}\n")
    if ok:
        assert load_config(path).max_file_size == value
    else:
        with pytest.raises(ConfigError, match="max_file_size"):
            load_config(path)


def test_starter_config_loads_as_written_and_with_its_examples_uncommented(tmp_path: Path) -> None:
    path = tmp_path / "culturelint.yaml"
    path.write_text(STARTER_CONFIG, encoding="utf-8")
    assert load_config(path).markets == {}
    # Uncomment the examples indented under their key, as a user would.
    lines = [
        line.replace("# ", "", 1) if line.startswith("  #") else line
        for line in STARTER_CONFIG.splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(path)
    assert config.markets == {"content/ja/**": "ja-JP", "content/de/**": "de-DE"}
    assert config.per_file_ignores == {"legal/**": ["CL6"]}
    assert config.severity == {"CL504": Severity.WARNING}
    assert config.overrides == {"de-DE": {"formality": {"register": "informal"}}}


def test_a_key_without_a_value_is_a_key_not_given(tmp_path: Path) -> None:
    path = tmp_path / "culturelint.yaml"
    path.write_text("markets:\nselect:\nfail_on:\n", encoding="utf-8")
    config = load_config(path)
    assert (config.markets, config.select, config.fail_on) == ({}, [], "warning")
