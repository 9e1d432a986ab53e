"""CL301 missing-trust-signal, CL302 missing-legal-notice, CL303 backfiring-trust-signal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from checkutil import flagged, make_profile, real_profile, run_check
from culturelint.checks.trust import BACKFIRING, MISSING_LEGAL, MISSING_SIGNAL, sells
from culturelint.cli import app
from culturelint.config import Config
from culturelint.document import Document
from culturelint.finding import Severity
from culturelint.readers import read_document


def html_page(body: str, footer: str | None = None, lang: str = "de") -> Document:
    footer_html = f"\n<footer>{footer}</footer>" if footer is not None else ""
    text = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><title>Aurora</title></head>\n'
        f"<body>\n<main>{body}</main>{footer_html}\n</body>\n</html>\n"
    )
    return read_document("landing.html", text, "html")


def markdown(text: str, path: str = "page.md") -> Document:
    return read_document(path, text, "markdown")


def anchor_text(doc: Document, hits: list[Any]) -> list[str]:
    return [doc.text[h.start : h.end] for h in hits]


# -- CL302 missing-legal-notice ------------------------------------------------------------


DE_BODY = "<p>Entdecken Sie den Lautsprecher.</p>"
DE_PRIVACY = '<a href="/datenschutz">Datenschutz</a>'


@pytest.mark.parametrize(
    ("footer", "missing"),
    [
        # Neither notice: both are reported, at the <footer>.
        ('<a href="/agb">AGB</a>', ["impressum", "privacy-notice"]),
        # The Impressum alone does not make the privacy notice.
        ('<a href="/impressum">Impressum</a>', ["privacy-notice"]),
        # Both, in German.
        (f'<a href="/impressum">Impressum</a> {DE_PRIVACY}', []),
        # English link texts count as well.
        ('<a href="/imprint">Imprint</a> <a href="/privacy">Privacy Policy</a>', []),
        # A link counts by its address too.
        (f'<a href="/de/impressum.html">Rechtliches</a> {DE_PRIVACY}', []),
        # A notice printed in the footer instead of linked counts.
        (f"<p>Impressum: Aurora Audio GmbH, Berlin</p> {DE_PRIVACY}", []),
    ],
)
def test_german_legal_notices(footer: str, missing: list[str]) -> None:
    doc = html_page(DE_BODY, footer)
    hits = run_check(MISSING_LEGAL, doc, real_profile("de-DE"))
    assert sorted(h.evidence.key.rsplit(".", 1)[1] for h in hits) == missing
    assert all(t == "<footer>" for t in anchor_text(doc, hits))


def test_impressum_in_body_text_is_not_a_link() -> None:
    """Near miss: the word in a paragraph of the page is not the Impressum link."""
    doc = html_page("<p>Mehr im Impressum unten.</p>", DE_PRIVACY)
    hits = run_check(MISSING_LEGAL, doc, real_profile("de-DE"))
    assert [h.evidence.key for h in hits] == ["trust.expected.impressum"]


def test_legal_message_cites_the_law_and_what_was_looked_for() -> None:
    doc = html_page(DE_BODY, DE_PRIVACY)
    (hit,) = run_check(MISSING_LEGAL, doc, real_profile("de-DE"))
    assert "§ 5 Digitale-Dienste-Gesetz" in hit.message
    assert "'Impressum'" in hit.message and "'Anbieterkennzeichnung'" in hit.message
    assert hit.suggestion.startswith("Add a link labelled 'Impressum'")
    assert hit.evidence.source and "ihk" in hit.evidence.source
    # The profile entry says warning: a duty that depends on facts a linter cannot see.
    assert hit.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        ("<p>© 2026 Aurora</p>", ["trust.expected.icp-filing-number"]),
        ("<p>© 2026 Aurora 京ICP备12345678号-1</p>", []),
        ('<a href="https://beian.miit.gov.cn/">备案信息</a>', []),
        # Near miss: a number that is not a filing number.
        ("<p>客服电话 400-123-4567</p>", ["trust.expected.icp-filing-number"]),
    ],
)
def test_chinese_icp_number(footer: str, expected: list[str]) -> None:
    doc = html_page("<p>新品上市</p>", footer, lang="zh")
    hits = run_check(MISSING_LEGAL, doc, real_profile("zh-CN"))
    assert [h.evidence.key for h in hits] == expected


JA_SHOP = "---\nmarket: ja-JP\npage: landing\n{extra}---\n\n# 新発売\n\n{body}\n"


@pytest.mark.parametrize(
    ("extra", "body", "expected"),
    [
        # A page that sells (a price) without the seller disclosure.
        ("", "2個セット：¥1,080（税込）", 1),
        # The disclosure linked.
        ("", "¥1,080（税込）\n\n[特定商取引法に基づく表記](/tokushoho)", 0),
        # ... under the law's full name.
        ("", "¥1,080（税込）\n\n[特定商取引に関する法律に基づく表示](/law)", 0),
        # A near miss: another law's notice.
        ("", "¥1,080（税込）\n\n[個人情報の取扱いに関する表示](/privacy)", 1),
        # A brand page that sells nothing needs none.
        ("", "新しいスピーカーが登場しました。", 0),
        # The page says it sells, without a price on it.
        ("commerce: true\n", "新しいスピーカーが登場しました。", 1),
        # Business buyers are exempt (Art. 26).
        ("audience: b2b\n", "¥1,080（税込）", 0),
    ],
)
def test_japanese_seller_disclosure(extra: str, body: str, expected: int) -> None:
    doc = markdown(JA_SHOP.format(extra=extra, body=body))
    hits = run_check(MISSING_LEGAL, doc, real_profile("ja-JP"))
    assert len(hits) == expected
    if hits:
        assert "特定商取引に関する法律" in hits[0].message
        assert (hits[0].start, hits[0].end) == (0, 0)  # a Markdown page has no footer


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        (
            "<p>상호: 오로라</p>",
            [
                "trust.expected.business-registration-number",
                "trust.expected.mail-order-report-number",
            ],
        ),
        (
            "<p>사업자등록번호: 123-45-67890 | 통신판매업 신고번호: 제2026-서울-0001호</p>",
            [],
        ),
        # Written as one word, or with a particle attached.
        ("<p>사업자등록번호는 123-45-67890, 통신판매업신고: 제2026-서울-0001호</p>", []),
        # A near miss: the words inside another word are not the label.
        (
            "<p>비사업자등록번호 없음 | 통신판매업 신고번호: 제2026-서울-0001호</p>",
            ["trust.expected.business-registration-number"],
        ),
    ],
)
def test_korean_shop_footer(footer: str, expected: list[str]) -> None:
    doc = html_page("<p>특가 ₩39,000</p>", footer, lang="ko")
    hits = run_check(MISSING_LEGAL, doc, real_profile("ko-KR"))
    assert [h.evidence.key for h in hits] == expected


@pytest.mark.parametrize(
    ("entry", "severity"),
    [
        ({"confidence": "high"}, Severity.ERROR),
        ({"confidence": "medium"}, Severity.WARNING),
        ({"confidence": "low"}, Severity.INFO),
        ({"confidence": "high", "severity": "warning"}, Severity.WARNING),
    ],
)
def test_legal_severity_follows_the_entry(entry: dict[str, Any], severity: Severity) -> None:
    profile = make_profile(
        "de-DE",
        trust={
            "expected": [
                {
                    "id": "notice",
                    "label": "Notice",
                    "meaning": "Required.",
                    "legal": True,
                    "law": "Example Act § 1",
                    "words": {"de": ["Hinweis"]},
                    "where": "link",
                    "source": "Example Act",
                    **entry,
                }
            ],
            "discouraged": [],
        },
    )
    (hit,) = run_check(MISSING_LEGAL, html_page(DE_BODY, "<p>x</p>"), profile)
    assert hit.severity is severity


# -- which pages are landing pages ----------------------------------------------------------


PLAIN_MD = "---\nmarket: de-DE\n---\n\n# Aurora\n\nDer smarte Lautsprecher.\n"


def test_copy_that_is_not_a_landing_page_is_not_checked() -> None:
    doc = markdown(PLAIN_MD, path="copy/de-DE/teaser.md")
    assert run_check(MISSING_LEGAL, doc, real_profile("de-DE")) == []
    # An HTML file that says it is not a landing page is not one either.
    html = html_page(DE_BODY, "<p>x</p>")
    html.meta["page"] = "email"
    assert run_check(MISSING_LEGAL, html, real_profile("de-DE")) == []


@pytest.mark.parametrize(
    "options",
    [
        {"trust": {"landing_globs": ["pages/*.md"]}},
        {"CL302": {"landing_globs": ["pages/*.md"]}},
        {"missing-legal-notice": {"landing_globs": "pages/*.md"}},
    ],
)
def test_landing_globs_make_landing_pages(tmp_path: Path, options: dict[str, Any]) -> None:
    config = Config(root=tmp_path, options=options)
    inside = markdown(PLAIN_MD, path=str(tmp_path / "pages" / "start.md"))
    outside = markdown(PLAIN_MD, path=str(tmp_path / "copy" / "start.md"))
    profile = real_profile("de-DE")
    assert len(run_check(MISSING_LEGAL, inside, profile, config)) == 2
    assert run_check(MISSING_LEGAL, outside, profile, config) == []


# -- CL301 missing-trust-signal --------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "body", "extra", "expected"),
    [
        ("de-DE", "<p>Jetzt kaufen</p>", "", ["trust.expected.trust-seal"]),
        ("de-DE", "<p>Geprüft von Trusted Shops mit Käuferschutz</p>", "", []),
        # The seal is a consumer signal: a b2b page does not need it.
        ("de-DE", "<p>Jetzt kaufen</p>", "b2b", []),
        ("en-US", "<p>Meet Aurora</p>", "", ["trust.expected.customer-reviews"]),
        ("en-US", "<p>Rated 4.8 out of 5 by 2,000 customers</p>", "", []),
        # Near miss: a price makes a shop page, which also wants checkout reassurance.
        (
            "en-US",
            "<p>Only $49.99. Rated 4.8 out of 5.</p>",
            "",
            ["trust.expected.checkout-security"],
        ),
        ("en-US", "<p>Only $49.99. Rated 4.8 out of 5. Secure checkout.</p>", "", []),
    ],
)
def test_missing_trust_signals(market: str, body: str, extra: str, expected: list[str]) -> None:
    doc = html_page(body, '<a href="/impressum">Impressum</a>', lang=market[:2])
    if extra:
        doc.meta["audience"] = extra
    hits = run_check(MISSING_SIGNAL, doc, real_profile(market))
    assert [h.evidence.key for h in hits] == expected
    for hit in hits:
        assert hit.severity is Severity.INFO
        assert "looked in the page for" in hit.message


def test_trust_signal_message_names_the_signal() -> None:
    doc = html_page("<p>Jetzt kaufen</p>", "<p>x</p>")
    (hit,) = run_check(MISSING_SIGNAL, doc, real_profile("de-DE"))
    assert hit.message.startswith("No Shop trust seal (Gütesiegel) on this landing page")
    assert "'Trusted Shops'" in hit.message and "'TÜV'" in hit.message


def test_signal_checks_apply_to_markets_with_entries() -> None:
    assert MISSING_SIGNAL.applies_to(real_profile("de-DE"))
    assert not MISSING_SIGNAL.applies_to(real_profile("en-GB"))
    assert MISSING_LEGAL.applies_to(real_profile("zh-CN"))
    assert not MISSING_LEGAL.applies_to(real_profile("en-US"))
    assert BACKFIRING.applies_to(real_profile("de-DE"))
    assert not BACKFIRING.applies_to(real_profile("ja-JP"))


def test_sells_needs_an_amount_with_a_currency() -> None:
    profile = real_profile("ja-JP")
    assert sells(markdown("---\npage: landing\n---\n\n¥1,080（税込）\n"), profile)
    assert not sells(markdown("---\npage: landing\n---\n\n24時間365日サポート\n"), profile)


# -- CL303 backfiring-trust-signal -----------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        ("<p>Angaben gemäß § 5 TMG</p>", ["§ 5 TMG"]),
        ("<p>Cookies nach dem TTDSG</p>", ["TTDSG"]),
        # The law that replaced it.
        ("<p>Angaben gemäß § 5 DDG</p>", []),
        # Near miss: another paragraph 5.
        ("<p>Angaben gemäß § 5 UStG</p>", []),
    ],
)
def test_outdated_legal_reference(footer: str, expected: list[str]) -> None:
    doc = html_page(DE_BODY, f'<a href="/impressum">Impressum</a> {DE_PRIVACY} {footer}')
    hits = run_check(BACKFIRING, doc, real_profile("de-DE"))
    assert flagged(doc, hits) == expected
    for hit in hits:
        assert hit.evidence.key == "trust.discouraged.outdated-tmg-reference"
        assert hit.severity is Severity.INFO  # the profile entry says info


def test_backfiring_signal_in_a_custom_market_and_language() -> None:
    profile = make_profile(
        "fr-FR",
        trust={
            "expected": [],
            "discouraged": [
                {
                    "id": "fake-award",
                    "label": "Self-awarded prize",
                    "meaning": "Shoppers distrust prizes a shop gives itself. More text.",
                    "words": {"fr": ["élu produit de l'année"]},
                    "source": "Example survey",
                    "confidence": "medium",
                }
            ],
        },
    )
    doc = html_page("<p>Aurora, élu produit de l'année par nos clients.</p>", None, lang="fr")
    hits = run_check(BACKFIRING, doc, profile)
    assert flagged(doc, hits) == ["élu produit de l'année"]
    assert hits[0].message.endswith("Shoppers distrust prizes a shop gives itself.")
    assert hits[0].severity is Severity.WARNING
    # Not a landing page: not checked.
    plain = markdown("Aurora, élu produit de l'année.\n")
    assert run_check(BACKFIRING, plain, profile) == []


# -- through the command line ----------------------------------------------------------------


def test_cli_points_at_the_footer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = (
        '<!DOCTYPE html>\n<html lang="de">\n<body>\n<main><p>Hallo</p></main>\n'
        '  <footer><a href="/datenschutz">Datenschutz</a> · <p>§ 5 TMG</p></footer>\n'
        "</body>\n</html>\n"
    )
    (tmp_path / "landing.html").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--no-cache", "--format", "json", "--select", "CL3", "landing.html"]
    )
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    by_rule = {(f["rule"], f["evidence"]["key"]): f for f in findings}
    legal = by_rule[("CL302", "trust.expected.impressum")]
    assert (legal["line"], legal["column"], legal["end_line"], legal["end_column"]) == (5, 3, 5, 11)
    assert legal["severity"] == "warning" and legal["category"] == "trust"
    backfire = by_rule[("CL303", "trust.discouraged.outdated-tmg-reference")]
    assert (backfire["line"], backfire["column"], backfire["end_column"]) == (5, 55, 62)
    assert ("CL301", "trust.expected.trust-seal") in by_rule
