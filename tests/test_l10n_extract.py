"""Placeholders, tags, numbers and URLs as the CL8xx rules compare them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from culturelint.l10n.extract import numbers, placeholders, tags, unbalanced, urls


def keys(text: str) -> list[str]:
    return [t.key for t in placeholders(text).tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello {name}", ["{name}"]),
        ("{0} of {1}", ["{0}", "{1}"]),
        ("{count, number} items", ["{count}"]),
        ("Hi {{ user }}", ["{{user}}"]),
        ("%s has %d items", ["%1$s", "%2$d"]),
        ("%2$d items for %1$s", ["%2$d", "%1$s"]),
        ("%(name)s and %.2f", ["%(name)s", "%1$f"]),
        ("Hello %{name}", ["%{name}"]),
        ("Hi $USER$ and $user$", ["$USER$", "$USER$"]),
        ("Hi ${name} and $name", ["${name}", "$name"]),
        ("Hallo { $name }", ["{$name}"]),
        ("{ NUMBER($n) } Tabs", ["{$n}"]),
        ("Mit { -brand-name }", ["{-brand-name}"]),
    ],
)
def test_placeholder_syntaxes(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    ["50% off", "20 % de remise", "Save %%", "US$5", '{ "{" } literal', "{ 5 }"],
)
def test_near_misses_are_not_placeholders(text: str) -> None:
    assert keys(text) == []


def test_icu_plural_counts_its_argument_and_the_placeholders_in_its_branches() -> None:
    found = placeholders("{count, plural, one {# item for {who}} other {# items for {who}}}")
    assert found.branchy
    assert [t.key for t in found.tokens] == ["{count}", "{who}", "{who}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A one-word branch is copy in braces, not a placeholder named like the word.
        ("{status, select, active {Active} inactive {Inactive} other {Unknown}}", ["{status}"]),
        ("{count, plural, =0 {Nobody} one {# person} other {# people}}", ["{count}"]),
        ("{g, select, male {He} female {She} other {They}}", ["{g}"]),
        # Near miss: a placeholder that is a branch's whole message is still one.
        ("{n, plural, one {{what}} other {{what} and more}}", ["{n}", "{what}", "{what}"]),
        ("{n, selectordinal, one {#st} two {#nd} other {#th, {name}}}", ["{n}", "{name}"]),
    ],
)
def test_icu_branch_messages_are_copy_in_braces(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_fluent_select_counts_its_selector() -> None:
    found = placeholders("{ $n ->\n [one] One\n *[other] { $n } tabs\n}")
    assert found.branchy and [t.key for t in found.tokens] == ["{$n}", "{$n}"]


def test_tags_and_balance() -> None:
    found = tags("<a href='/x'>Hi</a><br> <b>x &lt;i&gt;y&lt;/i&gt;")
    assert [t.key for t in found] == ["<a>", "</a>", "<br/>", "<b>", "<i>", "</i>"]
    assert [t.key for t in unbalanced(found)] == ["<b>"]
    assert unbalanced(tags("<p>1 < 2 and 3 > 2</p>")) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1,000.50 €", {Decimal("1000.5")}),
        ("1.000,50 €", {Decimal("1000.5")}),
        ("1万人", {Decimal("1E+4")}),
        ("at 2 pm", {Decimal(2), Decimal(14)}),
    ],
)
def test_numbers_are_values_whatever_the_locale_writes(text: str, values: set[Decimal]) -> None:
    (number,) = numbers(text)
    assert set(number.values) == values


def test_numbers_inside_placeholders_tags_and_urls_are_not_copy() -> None:
    assert numbers("%1$s <h2> https://x.example/3 {0}") == []


def test_space_grouped_numbers_are_read_when_asked() -> None:
    assert {v for n in numbers("4 000 Anzeigen", space_groups=True) for v in n.values} >= {
        Decimal(4000)
    }
    assert Decimal(4000) not in {v for n in numbers("4 000 Anzeigen") for v in n.values}


def test_urls_drop_trailing_punctuation() -> None:
    text = "See https://example.com/en/page. Or www.example.de, or mail a.b@example.com!"
    assert [u.key for u in urls(text)] == [
        "https://example.com/en/page",
        "www.example.de",
        "a.b@example.com",
    ]


def test_the_scan_skipping_to_openers_finds_what_a_scan_of_each_character_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`_scan` jumps from one "{", "%" or "$" to the next; an opener pattern that
    matches every character makes it look at each one, as it did before."""
    import random
    import re

    from culturelint.l10n import extract

    pieces = ["{name}", "{{count}}", "{n, plural, one {# item} other {# items}}", "%s", "%1$s",
              "%(name)s", "%%", "${user}", "$1", "$NAME$", "{$var}", "{ -brand }", "{", "}", "%",
              "$", "50%", "text ", "é", "\n", "<b>", "</b>"]  # fmt: skip
    rng = random.Random(8)
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 12))) for _ in range(3000)]
    skipping = [extract.placeholders(t) for t in texts]
    monkeypatch.setattr(extract, "_OPENER", re.compile(r"[\s\S]"))
    assert [extract.placeholders(t) for t in texts] == skipping
    assert sum(len(p.tokens) for p in skipping) > 3000
