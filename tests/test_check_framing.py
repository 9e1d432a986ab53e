"""CL503 individual-framing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from typer.testing import CliRunner

from checkutil import REALCOPY, flagged, paragraphs_doc, real_profile, run_check
from culturelint.checks.framing import CHECK, find_pronouns
from culturelint.cli import app
from culturelint.config import Config
from culturelint.engine import build_registry, rule_option_problems
from culturelint.finding import Severity

I_YOU = {
    "zh-CN": "你值得拥有。我为你挑选了最适合你的礼物，你一定会喜欢，现在就为你自己下单吧。",
    "pt-BR": "Você merece. Eu escolhi para você o seu presente. Você vai adorar, é para você.",
    "id-ID": "Kamu pantas. Aku memilih untukmu. Kamu akan suka. Saya jamin, anda puas.",
    "ko-KR": (
        "당신을 위한 선물. 나는 당신이 좋아할 거라 믿어요. 당신의 하루를 바꿔요. 너도 좋아할 거야."
    ),
    "es-MX": "Tú lo mereces. Yo te elegí este regalo. Es para ti, con tu estilo.",
}


def hits(market: str, text: str, config: Config | None = None) -> list[str]:
    doc = paragraphs_doc(text)
    return flagged(doc, run_check(CHECK, doc, real_profile(market), config))


@pytest.mark.parametrize(
    ("market", "expected"),
    [
        ("zh-CN", ["你"]),
        ("pt-BR", ["Você"]),
        ("id-ID", ["Kamu"]),
        ("ko-KR", ["당신을"]),
        ("es-MX", ["Tú"]),
    ],
)
def test_i_you_only_copy_in_collectivist_markets(market: str, expected: list[str]) -> None:
    assert hits(market, I_YOU[market]) == expected


def test_message_counts_i_and_you_as_one_person_and_names_the_forms() -> None:
    doc = paragraphs_doc(I_YOU["zh-CN"])
    [hit] = run_check(CHECK, doc, real_profile("zh-CN"))
    assert hit.message.startswith(
        "6 of 6 pronouns in this file speak to or as one person (你, 我), 0 of a group; "
        "zh-CN is collectivist (individualism 20)"
    )


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("zh-CN", "我们为你和家人精心挑选，和大家一起分享这份美好。你一定会喜欢，你值得拥有。"),
        (
            "pt-BR",
            "Você e sua família merecem. Nós escolhemos juntos. Você vai adorar, é para você.",
        ),
        ("id-ID", "Kamu dan keluarga pantas. Kami memilih bersama. Kamu akan suka, anda puas."),
    ],
)
def test_group_framing_is_clean(market: str, text: str) -> None:
    assert hits(market, text) == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("zh-CN", "你值得拥有。你一定会喜欢。"),  # too few pronouns to judge
        (
            "en-US",
            "You deserve it. I picked it for you. You will love your gift, you and you.",
        ),  # idv 91
        ("pt-BR", "Produtos nos EUA e no Brasil. Nos vemos em breve."),  # nos is not a pronoun here
        ("zh-CN", "私立学校"),  # not Chinese pronouns at all
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text) == []


def test_japanese_watashi_only_before_a_particle() -> None:
    doc = paragraphs_doc("私立の学校。私鉄で通う。私は学生です。")
    assert [p.text for p in find_pronouns(doc, "ja")] == ["私"]


def test_thresholds_are_options() -> None:
    text = "你值得拥有。我为你挑选了礼物，你一定会喜欢。我们也喜欢。"  # 4 singular, 1 group
    assert hits("zh-CN", text) == []
    lower = Config(options={"individual-framing": {"min-share": 0.8, "min-pronouns": 5}})
    assert hits("zh-CN", text, lower) == ["你"]
    japan = Config(options={"CL503": {"max-idv": 50}})
    text_ja = (
        "あなたにぴったり。私があなたのために選びました。あなたはきっと気に入る。あなたの毎日に。"
    )
    assert hits("ja-JP", text_ja) == []  # idv 46 is above the default 40
    assert hits("ja-JP", text_ja, japan) == ["あなた"]


def test_a_bad_option_is_a_config_error_before_the_run() -> None:
    """It used to keep the default silently: the user's threshold did nothing."""
    config = Config(options={"individual-framing": {"min-pronouns": "many"}})
    registry, _errors = build_registry(config)
    assert rule_option_problems(registry, config) == [
        "config: options: individual-framing.min-pronouns: 'many' is not of type 'integer'"
    ]


def test_message_and_severity() -> None:
    doc = paragraphs_doc(I_YOU["zh-CN"])
    (hit,) = run_check(CHECK, doc, real_profile("zh-CN"))
    assert hit.severity == Severity.INFO
    assert "6 of 6 pronouns" in hit.message and "individualism 20" in hit.message
    assert hit.evidence is not None and hit.evidence.key == "hofstede.idv"


def test_cli_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ad.md").write_text(
        f"---\nmarket: zh-CN\n---\n\n# 新品\n\n{I_YOU['zh-CN']}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL503", "ad.md"]
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (7, 1, 2)


def _fluent_messages(path: Path) -> list[str]:
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    messages = []
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            parts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
            messages.append(" ".join("".join(parts).split()))
    return [m for m in messages if m]


@pytest.mark.parametrize(("market", "language"), [("zh-CN", "zh"), ("pt-BR", "pt")])
def test_professional_localization_only_where_no_group_word(market: str, language: str) -> None:
    """mozilla.org addresses the reader as "you" throughout; with the default threshold
    the rule reports only pages that never once say "we" or name a group, and those
    are a minority of the pages."""
    files = sorted((REALCOPY / market).rglob("*.ftl"))
    assert files, "the shared realcopy data is missing"
    profile = real_profile(market)
    reported = 0
    for path in files:
        doc = paragraphs_doc("\n\n".join(_fluent_messages(path)))
        found = run_check(CHECK, doc, profile)
        if found:
            reported += 1
            assert all(p.kind == "singular" for p in find_pronouns(doc, language)), path.name
    assert reported <= len(files) // 3
