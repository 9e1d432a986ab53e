"""CSS colours: normalisation to #rrggbb and what counts as a colour declaration."""

from __future__ import annotations

import warnings

import pytest

from culturelint.readers.colour_names import NAMED_COLOURS
from culturelint.readers.css import (
    colours_in_declarations,
    colours_in_stylesheet,
    normalise_colour,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("#c00", "#cc0000"),
        ("#C00F", "#cc0000"),
        ("#12ab9C", "#12ab9c"),
        ("#12ab9c80", "#12ab9c"),
        ("rgb(255, 0, 0)", "#ff0000"),
        ("rgba(0,128,0,0.5)", "#008000"),
        ("rgb(0 128 255 / 50%)", "#0080ff"),
        ("rgb(100%, 50%, 0%)", "#ff8000"),
        ("hsl(120, 100%, 50%)", "#00ff00"),
        ("hsla(240deg 100% 50% / .3)", "#0000ff"),
        ("hsl(0.5turn, 100%, 25%)", "#008080"),
        ("White", "#ffffff"),
        ("rebeccapurple", "#663399"),
        ("lightgoldenrodyellow", "#fafad2"),
    ],
)
def test_colour_values_normalise_to_rrggbb(raw: str, expected: str) -> None:
    assert normalise_colour(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "#12345",
        "#ggg",
        "var(--brand)",
        "currentcolor",
        "transparent",
        "inherit",
        "rgb(1, 2)",
        "redish",
    ],
)
def test_non_colours_and_unknown_values_are_none(raw: str) -> None:
    assert normalise_colour(raw) is None


def test_the_named_colour_table_is_the_css_table() -> None:
    assert len(NAMED_COLOURS) == 148
    assert NAMED_COLOURS["grey"] == NAMED_COLOURS["gray"] == "#808080"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        color = pytest.importorskip("pydantic.color")
    for name, (r, g, b) in color.COLORS_BY_NAME.items():
        assert NAMED_COLOURS[name] == f"#{r:02x}{g:02x}{b:02x}"


def test_only_colour_properties_count() -> None:
    found = colours_in_declarations("font-family: Red Hat; color: red; content: 'white'", 10, "p")
    assert [(c.prop, c.value, c.start) for c in found] == [("color", "#ff0000", 39)]


def test_names_inside_urls_strings_and_comments_are_not_colours() -> None:
    css = "a { background: url(white.png) /* black */ no-repeat; --label: 'Red' } b{color:blue}"
    found = colours_in_stylesheet(css, 0)
    assert [(c.raw, c.selector, css[c.start : c.end]) for c in found] == [("blue", "b", "blue")]


def test_unclosed_rule_and_nested_rules() -> None:
    css = ".card { color: navy; &:hover { color: teal } } .tail { fill: #0f0"
    found = colours_in_stylesheet(css, 100)
    assert [(c.selector, c.value) for c in found] == [
        (".card", "#000080"),
        ("&:hover", "#008080"),
        (".tail", "#00ff00"),
    ]
    assert all(css[c.start - 100 : c.end - 100] == c.raw for c in found)
