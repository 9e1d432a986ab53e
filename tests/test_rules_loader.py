"""Loading rule files: errors name the file, the JSON path and the line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from culturelint.finding import FileError, Severity
from culturelint.rules_engine import (
    RuleFileError,
    bundled_rule_dirs,
    check_rule_file,
    load_rule_file,
    load_rule_files,
)

GOOD_RULE = """\
  - code: {code}
    name: {name}
    category: claims
    severity: warning
    type: terms
    message: "'{{match}}' is an absolute claim"
    terms: {{en: [best]}}
    doc: {{what: Absolute claims., why: They need proof.}}
"""


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def pack(*rules: str) -> str:
    return "rules:\n" + "".join(rules)


def good(code: str = "ACME001", name: str = "absolute-claim") -> str:
    return GOOD_RULE.format(code=code, name=name)


def rule_with(
    extra: str = "",
    rule_type: str = "terms",
    body: str = "terms: {en: [best]}",
    message: str = "m",
) -> str:
    """A rule of `rule_type` with `body` on line 9 and `extra` lines after it."""
    return pack(
        "  - code: ACME001\n"
        "    name: test-rule\n"
        "    category: tone\n"
        "    severity: info\n"
        f"    type: {rule_type}\n"
        f"    message: {message}\n"
        "    doc: {what: a, why: b}\n"
        f"    {body}\n"
        f"{extra}"
    )


def only_error(path: Path) -> RuleFileError:
    checks, errors = check_rule_file(path)
    assert checks == []
    assert len(errors) == 1, errors
    return errors[0]


def error_at(path: Path, where: str) -> RuleFileError:
    """The error reported at `where` (a file may have several)."""
    checks, errors = check_rule_file(path)
    assert checks == []
    matching = [e for e in errors if e.where == where]
    assert matching, errors
    return matching[0]


def test_a_good_file_loads_into_checks(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.yaml", pack(good()))
    (check,) = load_rule_file(path)
    assert (check.code, check.name, check.category) == ("ACME001", "absolute-claim", "claims")
    assert check.severity is Severity.WARNING
    assert check.doc.what == "Absolute claims."
    assert check.origin == f"rules:{path}"
    assert check.markets_label == "all"
    assert check.meta["type"] == "terms"


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "rules:\n  - code: ACME001\n    name: [unclosed\n")
    error = only_error(path)
    assert error.path == str(path)
    assert error.where == ""
    assert error.line == 4
    assert "malformed YAML" in error.message
    assert str(error).startswith(f"{path}:4: malformed YAML")


def test_a_key_given_twice_is_an_error_not_a_lost_rule(tmp_path: Path) -> None:
    """Without the "- " before the second rule, its keys replace the first one's."""
    text = (
        "rules:\n  - code: ACME001\n    name: one\n    category: tone\n    severity: info\n"
        "    type: terms\n    terms: {de: [Angebot]}\n    message: x\n"
        "    doc: {what: x, why: y}\n    code: ACME002\n"
    )
    error = only_error(write(tmp_path, "dup.yaml", text))
    assert error.line == 10
    assert "found duplicate key 'code' (first given on line 2)" in error.message


@pytest.mark.parametrize(
    ("body", "where", "line", "message"),
    [
        ("rules: {}\n", "rules", 1, "is not of type 'array'"),
        ("{}\n", "", 1, "'rules' is a required property"),
        ("rulez: []\n", "", 1, "'rulez' was unexpected"),
        (
            pack(good()).replace("severity: warning", "severity: loud"),
            "rules[0].severity",
            5,
            "'loud' is not one of",
        ),
        (
            pack(good()).replace("    message:", "    mesage:"),
            "rules[0]",
            2,
            "'mesage' was unexpected",
        ),
        (
            pack(good()).replace("code: ACME001", "code: acme1"),
            "rules[0].code",
            2,
            "capital letters",
        ),
        (
            pack(good()).replace("name: absolute-claim", "name: Absolute"),
            "rules[0].name",
            3,
            "kebab",
        ),
        (rule_with(rule_type="magic"), "rules[0].type", 6, "'magic' is not one of"),
        (
            rule_with("", "terms", "pattern: x"),
            "rules[0].pattern",
            9,
            "does not belong in a rule of type terms",
        ),
        (
            rule_with("", "terms", "flags: [ignorecase]"),
            "rules[0]",
            2,
            "'terms' is a required property",
        ),
        (
            rule_with("", "require", "require: {where: link}"),
            "rules[0].require",
            9,
            "one of 'terms', 'patterns'",
        ),
        (
            rule_with("", "limit", "limit: {what: words, max: 1}"),
            "rules[0].limit.what",
            9,
            "'words' is not one of",
        ),
        (
            rule_with("    when: {hofstede: {uai: '=> 70'}}\n"),
            "rules[0].when.hofstede.uai",
            10,
            "operator and a number",
        ),
        (
            rule_with("    when: {weather: sunny}\n"),
            "rules[0].when",
            10,
            "'weather' was unexpected",
        ),
        (rule_with("    markets: [de_DE]\n"), "rules[0].markets[0]", 10, "market tag"),
        (
            rule_with("", "substitute", 'substitute: {en: {"click here": ""}}'),
            'rules[0].substitute.en["click here"]',
            9,
            "is not valid: non-empty text",
        ),
    ],
)
def test_schema_violations_name_the_json_path_and_line(
    tmp_path: Path, body: str, where: str, line: int, message: str
) -> None:
    path = write(tmp_path, "acme.yaml", body)
    error = error_at(path, where)
    assert (error.path, error.line) == (str(path), line)
    assert message in error.message


@pytest.mark.parametrize(
    ("rule_type", "body", "message", "where", "expected"),
    [
        ("pattern", "pattern: '(unclosed'", "m", "rules[0].pattern", "invalid regular expression"),
        ("pattern", "pattern: '(a+)+$'", "m", "rules[0].pattern", "unsafe regular expression"),
        (
            "require",
            "require: {patterns: [ok, '(x|x)*y']}",
            "m",
            "rules[0].require.patterns[1]",
            "unsafe regular expression",
        ),
        (
            "terms",
            "terms: {en: [best]}",
            "'{count}'",
            "rules[0].message",
            "{count} is not available",
        ),
        ("terms", "terms: {en: [best]}", "'{match.upper}'", "rules[0].message", "not available"),
        ("terms", "terms: {en: [best]}", "'open {'", "rules[0].message", "literal brace"),
        (
            "limit",
            "limit: {what: exclamation_run, max: 1, min_length: 3}",
            "m",
            "rules[0].limit.min_length",
            "only applies to caps_words_per_segment",
        ),
        (
            "limit",
            "limit: [{what: exclamation_run, max: 1, message: '{term}'}]",
            "m",
            "rules[0].limit[0].message",
            "placeholder {term}",
        ),
    ],
)
def test_rule_definition_errors(
    tmp_path: Path, rule_type: str, body: str, message: str, where: str, expected: str
) -> None:
    path = write(tmp_path, "acme.yaml", rule_with("", rule_type, body, message))
    error = only_error(path)
    assert error.where == where
    assert expected in error.message
    assert error.line == (7 if where == "rules[0].message" else 9)


def test_duplicate_code_and_name_in_one_file(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.yaml", pack(good(), good()))
    checks, errors = check_rule_file(path)
    assert checks == []
    assert [(e.where, e.line) for e in errors] == [("rules[1].code", 10), ("rules[1].name", 11)]
    assert "ACME001 is already used by rules[0]" in errors[0].message


def test_bad_files_are_reported_and_good_files_still_load(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", pack(good("ACME001", "first")))
    clash = write(tmp_path, "b.yaml", pack(good("ACME002", "second"), good("ACME001", "third")))
    broken = write(tmp_path, "c.yaml", "rules: [")
    fine = write(tmp_path, "d.yaml", pack(good("ACME004", "fourth")))
    checks, errors = load_rule_files([first, clash, broken, fine])
    assert [c.code for c in checks] == ["ACME001", "ACME004"]
    assert [(e.path, e.where) for e in errors] == [(str(clash), "rules[1].code"), (str(broken), "")]
    assert f"already used by {first}" in errors[0].message
    assert errors[0].line == 10


def test_directories_expand_to_their_yaml_files(tmp_path: Path) -> None:
    write(tmp_path, "b.yml", pack(good("ACME002", "second")))
    write(tmp_path, "a.yaml", pack(good("ACME001", "first")))
    write(tmp_path, "notes.txt", "not a rule file")
    checks, errors = load_rule_files([tmp_path])
    assert errors == []
    assert [c.code for c in checks] == ["ACME001", "ACME002"]


def test_reserved_codes_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.yaml", pack(good("CL201", "colour-clash")))
    checks, errors = load_rule_files([path], reserved=["CL201"])
    assert checks == []
    assert errors[0].where == "rules[0].code"
    assert "already used by a built-in check" in errors[0].message


def test_missing_file_and_undecodable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"rules:\n  - code: \xff\xfe\n")
    checks, errors = load_rule_files([missing, binary])
    assert checks == []
    assert [(e.path, e.message.split(" (")[0]) for e in errors] == [
        (str(missing), "no such file"),
        (str(binary), "not UTF-8 text"),
    ]


def test_load_rule_file_raises_the_first_error(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.yaml", rule_with("", "pattern", "pattern: '(a*)*'"))
    with pytest.raises(RuleFileError, match=r"acme\.yaml:9: rules\[0\]\.pattern: unsafe"):
        load_rule_file(path)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = write(tmp_path, "acme.yaml", "rules: !!python/object/apply:os.system ['true']\n")
    error = only_error(path)
    assert "malformed YAML" in error.message


def test_errors_convert_to_file_errors(tmp_path: Path) -> None:
    error = RuleFileError(tmp_path / "x.yaml", "rules[3].pattern", "unsafe", 12)
    assert error.detail == "rules[3].pattern: unsafe"
    assert error.to_file_error() == FileError(
        str(tmp_path / "x.yaml"), "rules[3].pattern: unsafe", 12
    )
    assert str(RuleFileError("x.yaml", "", "no such file")) == "x.yaml: no such file"


def test_bundled_rules_come_from_the_checkout() -> None:
    dirs = bundled_rule_dirs()
    assert dirs == [Path(__file__).resolve().parents[1] / "rules"]
    checks, errors = load_rule_files(dirs)
    assert errors == []
    assert checks


def test_loaded_checks_can_be_pickled_for_worker_processes(tmp_path: Path) -> None:
    import pickle

    body = rule_with("    markets: [en]\n", "pattern", "pattern: 'best\\b'")
    (check,) = load_rule_file(write(tmp_path, "acme.yaml", body))
    copy = pickle.loads(pickle.dumps(check))
    assert (copy.code, copy.markets_label) == ("ACME001", "en")


def test_the_complete_examples_in_the_readme_load(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parents[1] / "rules" / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "\nrules:" in "\n" + b]
    assert len(blocks) >= 2
    for n, block in enumerate(blocks):
        path = write(tmp_path, f"example{n}.yaml", block)
        checks, errors = check_rule_file(path)
        assert errors == []
        assert checks
