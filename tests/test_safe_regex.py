"""User regexes: dangerous shapes refused at load, slow searches stopped at run time."""

from __future__ import annotations

import time

import pytest

from culturelint.safe_regex import (
    InvalidRegex,
    RegexTimeout,
    UnsafeRegex,
    compile_user_regex,
    find_danger,
)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(a+)+b", "nested quantifier (a+)+"),
        ("(a*)*", "nested quantifier (a*)*"),
        ("(?:\\w+\\s?)+$", "nested quantifier (?:\\w+\\s?)+"),
        ("((ab)*c)*", "nested quantifier ((ab)*c)*"),
        ("(x{2,})+", "nested quantifier (x{2,})+"),
        ("(a|a)*", "'a' twice"),
        ("(?:sale|promo|sale)+", "'sale' twice"),
        ("(\\w|\\d)+", "\\w and \\d both match"),
        ("(.|\\s)*x", ". and \\s both match"),
        ("(a|aa)+b", "'aa' is also 'a' + 'a'"),
        ("(?:ab|a|b)+", "'ab' is also 'a' + 'b'"),
        ("(?:\\.com|\\.co|m)+", "'.com' is also '.co' + 'm'"),
    ],
)
def test_dangerous_patterns_are_refused(pattern: str, reason: str) -> None:
    with pytest.raises(UnsafeRegex) as info:
        compile_user_regex(pattern)
    assert reason in str(info.value)
    assert pattern in str(info.value)


@pytest.mark.parametrize(
    "pattern",
    [
        "\\b(?:act|buy|order) now\\b",
        "\\d+(?:[.,]\\d+)?\\s?€",
        "(?:foo|bar)+",
        "(?:buy|buying)+",  # "buying" is not "buy" + another branch
        "(?:Sale|sale)+",  # two texts, without ignorecase
        "(?>a+)+b",  # atomic: no backtracking into the group
        "(a++)+b",  # possessive inner quantifier
        "(?:\\w++\\s?)+",
        "(.|\\n)*",  # '.' does not match a newline without dotall
        "(\\s|\\S)*",
        "(a{2,5})+",
        "[(a+)+]",  # inside a set these are literal characters
        "(?#repeat a+ here)x",  # a comment
        "x{}",  # a literal brace
    ],
)
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    assert find_danger(pattern) is None
    assert compile_user_regex(pattern).pattern == pattern


def test_flags_decide_whether_branches_overlap() -> None:
    assert find_danger("(.|\\n)*") is None
    with pytest.raises(UnsafeRegex):
        compile_user_regex("(.|\\n)*", ["dotall"])


@pytest.mark.parametrize(
    ("pattern", "flags", "message"),
    [
        ("(unclosed", [], "invalid regular expression"),
        ("a{2,1}", [], "invalid regular expression"),
        ("ok", ["verbose"], "unknown regex flag 'verbose'"),
    ],
)
def test_invalid_patterns_and_flags(pattern: str, flags: list[str], message: str) -> None:
    with pytest.raises(InvalidRegex, match=message):
        compile_user_regex(pattern, flags)


def test_flags_apply() -> None:
    regex = compile_user_regex("buy now", ["ignorecase"])
    assert [m.group(0) for m in regex.finditer("BUY NOW, buy now")] == ["BUY NOW", "buy now"]


# Not caught by the static check ("[ab]a" is not plain text), but exponential on a long
# run of "a" that fails at the end: "aa" is "a" + "a" and "[ab]a".
SLOW = "(a|[ab]a)+$"


def test_slow_search_times_out_without_hanging() -> None:
    regex = compile_user_regex(SLOW, timeout=0.05)
    started = time.perf_counter()
    with pytest.raises(RegexTimeout) as info:
        regex.finditer("a" * 40 + "b")
    assert time.perf_counter() - started < 1.0
    assert info.value.pattern == SLOW
    assert not info.value.earlier
    assert "took longer than 0.05 s" in str(info.value)


def test_a_pattern_that_timed_out_is_not_run_again() -> None:
    """Each further search could take as long: a run over a repository would take
    minutes. So the pattern is switched off, and says so at once."""
    regex = compile_user_regex(SLOW, timeout=0.05)
    with pytest.raises(RegexTimeout):
        regex.finditer("a" * 40 + "b")
    started = time.perf_counter()
    for search in (regex.finditer, regex.search):
        with pytest.raises(RegexTimeout) as info:
            search("aaaa")  # even a text it would match at once
        assert info.value.earlier
        assert "was not run on this file" in str(info.value)
    assert time.perf_counter() - started < 0.05


def test_fast_search_under_the_same_limit_completes() -> None:
    regex = compile_user_regex(SLOW, timeout=0.05)
    assert [m.group(0) for m in regex.finditer("aaaa")] == ["aaaa"]
    assert regex.search("b") is None
