"""Market selectors: lists of tags and conditions on the profile."""

from __future__ import annotations

from typing import Any

import pytest

from culturelint.profiles.model import Hofstede, Profile
from culturelint.rules_engine.selectors import SelectorError, build_selector

# Scores from the Hofstede 6-D dataset (shared/data/hofstede-6d.csv).
SCORES = {
    "de-DE": {"pdi": 35, "idv": 67, "mas": 66, "uai": 65, "lto": 83, "ivr": 40},
    "ja-JP": {"pdi": 54, "idv": 46, "mas": 95, "uai": 92, "lto": 88, "ivr": 42},
    "en-US": {"pdi": 40, "idv": 91, "mas": 62, "uai": 46, "lto": 26, "ivr": 68},
}


def profile(
    tag: str,
    scores: dict[str, int | None] | None = None,
    curated: bool = False,
    **data: Any,
) -> Profile:
    """A profile built directly, its Hofstede scores set without the dataset."""
    p = Profile(tag=tag, name=tag, data=data, curated=curated)
    hofstede = Hofstede(row=tag[-2:], country=tag, scores=scores) if scores is not None else None
    p.__dict__["hofstede"] = hofstede  # what the cached_property would have computed
    return p


@pytest.fixture
def germany() -> Profile:
    return profile("de-DE", SCORES["de-DE"], curated=True, formality={"register": "formal"})


@pytest.fixture
def japan() -> Profile:
    return profile("ja-JP", SCORES["ja-JP"], curated=True, formality={"register": "formal"})


@pytest.fixture
def usa() -> Profile:
    return profile("en-US", SCORES["en-US"], formality={"register": "informal"})


def test_no_selector_means_every_market() -> None:
    selector = build_selector()
    assert selector.predicate is None
    assert selector.label == "all"


@pytest.mark.parametrize(
    ("markets", "matches", "label"),
    [
        (["de-DE", "ja-JP"], {"de-DE", "ja-JP"}, "de-DE, ja-JP"),
        (["de"], {"de-DE"}, "de"),  # a language: every market of it
        (["en", "ja-JP"], {"en-US", "ja-JP"}, "en, ja-JP"),
        (["de-AT"], set(), "de-AT"),  # same language, other market
        (["*"], {"de-DE", "ja-JP", "en-US"}, "all"),
    ],
)
def test_market_lists(
    markets: list[str],
    matches: set[str],
    label: str,
    germany: Profile,
    japan: Profile,
    usa: Profile,
) -> None:
    selector = build_selector(markets=markets)
    assert selector.label == label
    chosen = {
        p.tag for p in (germany, japan, usa) if selector.predicate is None or selector.predicate(p)
    }
    assert chosen == matches


def test_market_tags_compare_case_insensitively() -> None:
    selector = build_selector(markets=["de-DE"])
    assert selector.predicate is not None
    assert selector.predicate(profile("de-de"))


@pytest.mark.parametrize(
    ("condition", "matches"),
    [
        (">= 70", {"ja-JP"}),
        (">= 65", {"de-DE", "ja-JP"}),  # the boundary is included
        ("> 65", {"ja-JP"}),  # near miss: Germany scores exactly 65
        ("< 50", {"en-US"}),
        ("<= 46", {"en-US"}),
        ("== 92", {"ja-JP"}),
        ("!= 92", {"de-DE", "en-US"}),
        ("  >=70.5 ", {"ja-JP"}),
    ],
)
def test_hofstede_thresholds(
    condition: str, matches: set[str], germany: Profile, japan: Profile, usa: Profile
) -> None:
    selector = build_selector(when={"hofstede": {"uai": condition}})
    assert selector.predicate is not None
    assert {p.tag for p in (germany, japan, usa) if selector.predicate(p)} == matches


def test_hofstede_label() -> None:
    assert build_selector(when={"hofstede": {"uai": ">= 70"}}).label == "uai >= 70"
    assert build_selector(when={"hofstede": {"idv": "<50.5"}}).label == "idv < 50.5"


def test_market_without_the_score_never_matches() -> None:
    selector = build_selector(when={"hofstede": {"lto": "!= 0"}})
    assert selector.predicate is not None
    assert not selector.predicate(profile("xx-XX", None))
    assert not selector.predicate(profile("ar-SA", {"pdi": 95, "lto": None}))
    assert selector.predicate(profile("fr-FR", {"lto": 63}))


def test_conditions_are_anded(germany: Profile, japan: Profile, usa: Profile) -> None:
    selector = build_selector(
        markets=["de-DE", "ja-JP", "en-US"],
        when={"hofstede": {"uai": ">= 60", "idv": "< 60"}, "language": "ja"},
    )
    assert selector.predicate is not None
    assert [p.tag for p in (germany, japan, usa) if selector.predicate(p)] == ["ja-JP"]
    assert selector.label == "(de-DE, ja-JP, en-US) and uai >= 60 and idv < 60 and language ja"


@pytest.mark.parametrize(
    ("when", "matches", "label"),
    [
        ({"language": "ja"}, {"ja-JP"}, "language ja"),
        ({"language": ["ja", "en"]}, {"ja-JP", "en-US"}, "language ja, en"),
        ({"market": ["en-US"]}, {"en-US"}, "en-US"),
        ({"market": "de"}, {"de-DE"}, "de"),
        ({"curated": True}, {"de-DE", "ja-JP"}, "curated"),
        ({"curated": False}, {"en-US"}, "not curated"),
        ({"register": "formal"}, {"de-DE", "ja-JP"}, "register formal"),
        ({"register": ["informal", "none"]}, {"en-US"}, "register informal, none"),
    ],
)
def test_profile_conditions(
    when: dict[str, Any],
    matches: set[str],
    label: str,
    germany: Profile,
    japan: Profile,
    usa: Profile,
) -> None:
    selector = build_selector(when=when)
    assert selector.predicate is not None
    assert {p.tag for p in (germany, japan, usa) if selector.predicate(p)} == matches
    assert selector.label == label


def test_register_condition_on_a_profile_without_formality() -> None:
    selector = build_selector(when={"register": "formal"})
    assert selector.predicate is not None
    assert not selector.predicate(profile("it-IT"))


@pytest.mark.parametrize(
    ("markets", "when", "where", "message"),
    [
        (None, {"hofstede": {"uai": "=> 70"}}, "when.hofstede.uai", "operator and a number"),
        (None, {"hofstede": {"uai": 70}}, "when.hofstede.uai", "operator and a number"),
        (None, {"hofstede": {"power": ">= 1"}}, "when.hofstede.power", "unknown Hofstede"),
        (None, {"hofstede": {}}, "when.hofstede", "expected a mapping"),
        (None, {"weather": "sunny"}, "when.weather", "unknown condition 'weather'"),
        (None, {"register": "polite"}, "when.register", "unknown register 'polite'"),
        (None, {"curated": "yes"}, "when.curated", "true or false"),
        (None, {"language": "Japanese"}, "when.language", "not a language code"),
        (None, {}, "when", "at least one condition"),
        (["de_DE"], None, "markets[0]", "not a market tag"),
        ([], None, "markets", "non-empty list"),
    ],
)
def test_selector_errors_name_where(markets: Any, when: Any, where: str, message: str) -> None:
    with pytest.raises(SelectorError) as info:
        build_selector(markets=markets, when=when, where="rules[2]")
    assert info.value.where == f"rules[2].{where}"
    assert message in str(info.value)


def test_predicates_can_be_pickled_for_worker_processes(japan: Profile) -> None:
    import pickle

    selector = build_selector(markets=["ja"], when={"hofstede": {"uai": ">= 70"}})
    predicate = pickle.loads(pickle.dumps(selector.predicate))
    assert predicate(japan)
