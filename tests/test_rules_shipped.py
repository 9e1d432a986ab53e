"""The rule pack shipped in rules/: complete documentation and behaviour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from culturelint.config import Config
from culturelint.document import Document, verbatim_segment
from culturelint.profiles.model import Profile
from culturelint.registry import Check, CheckContext, Registry
from culturelint.rules_engine import bundled_rule_dirs, load_rule_files

# Codes of the Python checks; shipped YAML rules must not take them.
PYTHON_CODES = {
    "CL101", "CL102", "CL103", "CL104",
    *(f"CL{n}" for n in range(201, 205)),
    *(f"CL{n}" for n in range(301, 304)),
    *(f"CL{n}" for n in range(401, 404)),
    *(f"CL{n}" for n in range(501, 504)),
    *(f"CL{n}" for n in range(601, 605)),
    *(f"CL{n}" for n in range(701, 708)),
    *(f"CL{n}" for n in range(801, 808)),
}  # fmt: skip


def shipped() -> dict[str, Check]:
    checks, errors = load_rule_files(bundled_rule_dirs())
    assert errors == []
    return {check.code: check for check in checks}


SHIPPED = shipped()


def hits(code: str, *texts: str, market: str = "en-US", **data: Any) -> list[str]:
    """Text flagged by rule `code` in a document of one paragraph per text."""
    segments = []
    text = ""
    for body in texts:
        if text:
            text += "\n\n"
        segments.append(verbatim_segment(body, len(text), "paragraph"))
        text += body
    doc = Document("copy.md", text, "markdown", segments=segments)
    ctx = CheckContext(market, Profile(market, market, data), Config(), 2026)
    return [doc.text[h.start : h.end] for h in SHIPPED[code].run(doc, ctx)]


def test_the_pack_is_the_documented_one() -> None:
    assert sorted(SHIPPED) == ["CL504", "CL505"]
    readme = (Path(__file__).resolve().parents[1] / "rules" / "README.md").read_text("utf-8")
    for code, check in SHIPPED.items():
        assert f"| {code} | {check.name} |" in readme


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_shipped_rules_are_documented_and_sourced(code: str) -> None:
    check = SHIPPED[code]
    assert code not in PYTHON_CODES
    doc = check.doc
    assert doc.what and doc.why and doc.example and doc.good_example and doc.fix
    assert doc.sources and all("http" in source for source in doc.sources)
    Registry().add(check)  # code, kebab-case name and category accepted


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_each_rule_flags_its_example_and_not_its_good_example(code: str) -> None:
    doc = SHIPPED[code].doc
    assert hits(code, doc.example)
    assert hits(code, doc.good_example) == []


# -- CL504 shouting ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Order today!!", ["!!"]),
        ("Jetzt bestellen!!!", ["!!!"]),
        ("今すぐ注文！！", ["！！"]),
        ("What a deal!?!", ["!?!"]),
        ("Get FREE SHIPPING TODAY on orders", ["FREE SHIPPING TODAY"]),
        ("MEGA SALE!! NOW ONLY", ["!!", "MEGA SALE!! NOW ONLY"]),
    ],
)
def test_shouting_positive(text: str, expected: list[str]) -> None:
    assert hits("CL504", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order today!",
        "Free shipping on all orders.",
        "Made in the USA, shipped from the EU and the UK",  # acronyms are short
        "Really?!",  # one exclamation mark
        "NEW: SUMMER collection",  # two words in capitals, one short of the limit
    ],
)
def test_shouting_negative_and_near_miss(text: str) -> None:
    assert hits("CL504", text) == []


def test_shouting_applies_to_every_market() -> None:
    assert SHIPPED["CL504"].applies is None
    assert SHIPPED["CL504"].markets_label == "all"


# -- CL505 exclamation overload ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Welcome! Our sale starts today!", ["Welcome! Our sale starts today!"]),
        ("Hello. Sale! Hurry! Now.", ["Sale! Hurry!"]),
        ("セール開催中！今すぐ！", ["セール開催中！今すぐ！"]),
    ],
)
def test_exclamation_overload_positive(text: str, expected: list[str]) -> None:
    assert hits("CL505", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Welcome. Our sale starts today!",
        "Our sale starts today!!!",  # one exclamation, however many marks (CL504's case)
        "Is it on sale?",
    ],
)
def test_exclamation_overload_negative_and_near_miss(text: str) -> None:
    assert hits("CL505", text) == []


def test_exclamation_overload_counts_per_passage() -> None:
    assert hits("CL505", "Welcome!", "Sale today!") == []
