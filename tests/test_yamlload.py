"""A YAML text parsed once is read back from the derived data exactly as PyYAML
parses it; documents JSON cannot hold are parsed every time; errors stay PyYAML's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from culturelint import installed
from culturelint.profiles import validcache, yamlload


def _stored(root: Path) -> list[Path]:
    return sorted(root.rglob("yaml/*.json"))


PROFILE = """\
market: de-DE
name: Germany
colours:
  - id: white
    meaning: "purity; also mourning"
    severity: info
    weight: 1.5
    curated: true
    extra: null
formats: {currencies: [EUR], zebra: 1, alpha: 2}
"""


def test_a_document_is_read_back_as_parsed_in_the_same_order(cache_root: Path) -> None:
    expected = yaml.safe_load(PROFILE)
    first = yamlload.safe_load(PROFILE)
    assert len(_stored(cache_root)) == 1
    again = yamlload.safe_load(PROFILE)  # from the stored JSON
    for data in (first, again):
        assert data == expected
        assert list(data["formats"]) == ["currencies", "zebra", "alpha"]  # document order
        assert data["colours"][0]["curated"] is True
        assert isinstance(data["colours"][0]["weight"], float)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("when: 2026-10-03\n", {"when": dt.date(2026, 10, 3)}),
        ("4: unlucky\n", {4: "unlucky"}),
        ("value: .nan\n", None),  # NaN is not equal to itself; checked below
        ("1: one\n'1': also one\n", {1: "one", "1": "also one"}),
    ],
)
def test_documents_json_cannot_hold_are_parsed_each_time(
    cache_root: Path, text: str, expected: object
) -> None:
    for _ in range(2):
        data = yamlload.safe_load(text)
        if expected is None:
            assert data["value"] != data["value"]
        else:
            assert data == expected
            assert [type(k) for k in data] == [type(k) for k in expected]  # type: ignore[attr-defined]
    assert _stored(cache_root) == []


def test_malformed_yaml_raises_pyyamls_error(cache_root: Path) -> None:
    with pytest.raises(yamlload.yaml_error()) as raised:
        yamlload.safe_load("market: [de-DE\nname: x\n")
    assert isinstance(raised.value, yaml.MarkedYAMLError)
    assert raised.value.problem_mark is not None
    assert _stored(cache_root) == []


def test_a_damaged_stored_document_is_parsed_again(cache_root: Path) -> None:
    yamlload.safe_load(PROFILE)
    [stored] = _stored(cache_root)
    stored.write_text('{"no data": 1', encoding="utf-8")
    assert yamlload.safe_load(PROFILE) == yaml.safe_load(PROFILE)


def test_another_pyyaml_release_parses_again(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yamlload.safe_load(PROFILE)
    monkeypatch.setattr(installed, "version", lambda name: "0.0-other")
    yamlload.safe_load(PROFILE)
    assert len(_stored(cache_root)) == 2


def test_without_a_cache_folder_nothing_is_stored(tmp_path: Path) -> None:
    validcache.configure(None)
    assert yamlload.safe_load(PROFILE) == yaml.safe_load(PROFILE)
    assert not list(tmp_path.rglob("*.json"))


@pytest.mark.parametrize("libyaml", [True, False])
def test_a_key_given_twice_is_an_error_with_its_line(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    """A forgotten "- " merges two rules into one mapping; YAML keeps the second."""
    if not libyaml:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    text = "rules:\n  - code: ACME010\n    name: one\n    code: ACME011\n"
    with pytest.raises(yamlload.yaml_error()) as raised:
        yamlload.safe_load(text)
    assert isinstance(raised.value, yaml.MarkedYAMLError)
    assert raised.value.problem == "found duplicate key 'code' (first given on line 2)"
    assert raised.value.problem_mark is not None and raised.value.problem_mark.line + 1 == 4
    assert _stored(cache_root) == []


@pytest.mark.parametrize(
    "text",
    [
        "a: {code: 1}\nb: {code: 2}\n",  # the same key in two mappings
        "base: &base {code: 1, name: x}\nrule:\n  <<: *base\n  code: 2\n",  # a merge overridden
        "1: one\n'1': text\n",  # an int and a string
    ],
)
def test_keys_that_only_look_alike_are_fine(cache_root: Path, text: str) -> None:
    assert yamlload.safe_load(text) == yaml.safe_load(text)


def _alias_bomb(levels: int) -> str:
    lines = ["x1: &x1 [a, a, a, a, a, a, a, a, a]"]
    for i in range(2, levels + 1):
        lines.append(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("libyaml", [True, False])
def test_aliases_that_expand_a_document_beyond_reason_are_refused(
    cache_root: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    """Eight lines that expand to 43 million values: the walk stops at the limit."""
    if not libyaml:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    with pytest.raises(yamlload.yaml_error()) as raised:
        yamlload.safe_load(_alias_bomb(8))
    assert isinstance(raised.value, yaml.MarkedYAMLError)
    assert "expands to more than 100,000 values" in str(raised.value.problem)


def test_aliases_within_reason_are_read(cache_root: Path) -> None:
    """Four levels: 9**4 = 6,561 values, and a merge key, as profiles may use them."""
    text = _alias_bomb(4) + "base: &b {a: 1}\nrule: {<<: *b, c: 2}\n"
    assert yamlload.safe_load(text) == yaml.safe_load(text)
