"""CL706 phone-format."""

from __future__ import annotations

from typing import Any

import pytest

from checkutil import flagged, make_profile, paragraphs_doc, run_check
from culturelint.checks.phones import CHECK
from culturelint.config import Config
from culturelint.finding import Hit, Severity


def hits(
    market: str, text: str, *, meta: dict[str, Any] | None = None, config: Config | None = None
) -> tuple[list[str], list[Hit]]:
    doc = paragraphs_doc(text)
    doc.meta.update(meta or {})
    found = run_check(CHECK, doc, make_profile(market), config)
    return flagged(doc, found), found


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Fragen? Ruf uns an: (212) 555-0123.", "(212) 555-0123"),
        ("fr-FR", "Appelez le (212) 555-0123.", "(212) 555-0123"),
        ("ja-JP", "お電話は (212) 555-0123 まで", "(212) 555-0123"),
        ("en-US", "Call our Berlin office: 030 12345678", "030 12345678"),
    ],
)
def test_foreign_numbers_without_country_code_are_warnings(
    market: str, text: str, expected: str
) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is None


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("de-DE", "Telefon: 030/12345678", "030/12345678"),
        ("de-DE", "Telefon: +49 (0)30 12345678", "+49 (0)30 12345678"),
        ("de-DE", "Aus dem Ausland: 0044 20 7946 0958", "0044 20 7946 0958"),
        ("en-US", "Call 212.555.0123", "212.555.0123"),
    ],
)
def test_oddly_written_numbers_are_info(market: str, text: str, expected: str) -> None:
    texts, found = hits(market, text)
    assert texts == [expected]
    assert found[0].severity is Severity.INFO


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Ruf an: 030 12345678, 030 1234 5678 oder +49 30 12345678"),
        ("de-DE", "Hotline 0800 1234567 oder +44 20 7946 0958 aus UK"),
        ("en-US", "Call (212) 555-0123, 212-555-0123 or +1 212-555-0123"),
        ("ja-JP", "お電話: 03-1234-5678 または 0120-123-456"),
        # A full-width bracket around the number is not part of it.
        ("ja-JP", "お電話（03-1234-5678）まで。窓口［0120-123-456］"),
        ("zh-CN", "客服电话（010 1234 5678）"),
        ("fr-FR", "Appelez le 01 23 45 67 89 ou le +33 1 23 45 67 89"),
    ],
)
def test_the_market_formats_pass(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("de-DE", "Am 03.04.2026 für 1.299,00 € oder 1.299.000 Punkte"),
        ("de-DE", "Bestellnummer 4155552671, SKU-0301234567, Art.-Nr. 030 12345678"),
        ("de-DE", "PLZ 10115 Berlin, Version 1.2.3.4, 2020-2026, 2020–2026"),
        ("en-US", "Order 4155552671 costs $1,299.00 on 03/04/2026"),
        ("en-US", "Ticket 2125550123 and ID 030-1234-5678"),
        ("en-US", "See https://example.com/call/2125550123"),
        ("ja-JP", "注文番号 0312345678、価格 ￥12,345,678"),
        # Company, tax and postal identifiers in imprints and shop footers.
        ("ko-KR", "사업자등록번호: 220-81-12345 | 전화: 02-1234-5678"),
        ("de-DE", "Steuernummer 12/345/67890, USt-IdNr.: DE123456789"),
        ("pt-BR", "Av. Paulista, 1000 - CEP 01310-100, São Paulo"),
        ("ja-JP", "法人番号：220-81-12345"),  # a full-width colon after the label
    ],
)
def test_near_misses(market: str, text: str) -> None:
    assert hits(market, text)[0] == []


@pytest.mark.parametrize(
    ("market", "text", "expected"),
    [
        ("ko-KR", "문의: 220-81-12345", "220-81-12345"),
        ("de-DE", "Telefon 12/345/67890", "12/345/67890"),
        ("pt-BR", "Ligue 01310-100", "01310-100"),
        ("ja-JP", "連絡先：220-81-12345", "220-81-12345"),
    ],
)
def test_the_same_numbers_without_their_label_are_flagged(
    market: str, text: str, expected: str
) -> None:
    assert hits(market, text)[0] == [expected]


@pytest.mark.parametrize(
    ("market", "national", "international"),
    [
        ("de-DE", "030 12345678", "+49 30 12345678"),
        ("ja-JP", "03-1234-5678", "+81 3-1234-5678"),
    ],
)
def test_international_pages_need_country_codes(
    market: str, national: str, international: str
) -> None:
    text = f"Tel: {national}"
    assert hits(market, text)[0] == []
    texts, found = hits(market, text, meta={"scope": "international"})
    assert texts == [national]
    assert found[0].suggestion == international
    assert found[0].severity is None
    config = Config(options={"phone-format": {"international": True}})
    assert hits(market, text, config=config)[0] == [national]
    # With the country code the number passes on an international page too.
    assert hits(market, f"Tel: {international}", meta={"scope": "international"})[0] == []


@pytest.mark.parametrize(
    ("market", "text", "message", "suggestion"),
    [
        (
            "de-DE",
            "Ruf an: (212) 555-0123",
            "'(212) 555-0123' is not a valid phone number in de-DE: it is a number from "
            "United States without its country code, which cannot be dialled as written",
            "+1 212-555-0123",
        ),
        (
            "de-DE",
            "Telefon: 030/12345678",
            "'030/12345678' is written neither the national way (030 12345678) nor the "
            "international way (+49 30 12345678)",
            "030 12345678 or +49 30 12345678",
        ),
        (
            "en-US",
            "Call 212.555.0123",
            "'212.555.0123' is written neither the national way ((212) 555-0123) nor the "
            "international way (+1 212-555-0123)",
            "(212) 555-0123 or +1 212-555-0123",
        ),
    ],
)
def test_message_and_suggestion(market: str, text: str, message: str, suggestion: str) -> None:
    _, (hit,) = hits(market, text)
    assert hit.message == message
    assert hit.suggestion == suggestion
    assert hit.evidence is not None and hit.evidence.key == "formats.phone"


# -- the digit count that lets a segment skip the matcher ---------------------------


@pytest.mark.parametrize(
    ("region", "fewest"),
    [("US", (10, 4)), ("JP", (8, 4)), ("DE", (4, 4)), ("AT", (4, 4))],  # 4: NU, SH ...
)
def test_fewest_digits_of_a_valid_number(region: str, fewest: tuple[int, int]) -> None:
    from culturelint.checks.phones import _fewest_digits

    assert _fewest_digits(region) == fewest


@pytest.mark.parametrize(
    ("region", "text"),
    [
        ("US", "Call +1 212 555 0123 today"),
        ("US", "Call (212) 555-0123 today"),
        ("DE", "Tel. 030 12345678"),
        ("DE", "Notruf 110 und 1234"),  # 4 digits: a DE number may be that short
        ("SH", "Jamestown 22345"),
        ("JP", "お電話は０３－１２３４－５６７８まで"),  # full-width digits count too
        ("US", "Call +683 4002 now"),  # Niue: four digits after its country code
        ("US", "Dial 011 683 4002"),  # ... or after the US international prefix
        ("US", "Order 153.00 or call 1234567890"),
        ("DE", "Aus dem Ausland: 00 683 4002"),  # the German international prefix
        ("VI", "Call 774-1234 today"),  # seven digits: the Virgin Islands add "340"
        ("MX", "Llama al 00 683 4002"),  # nine digits, fewer than a Mexican number's ten
    ],
)
def test_segments_with_a_possible_number_still_reach_the_matcher(region: str, text: str) -> None:
    from culturelint.checks.phones import may_hold_number

    assert may_hold_number(text, region)


@pytest.mark.parametrize(
    ("region", "text"),
    [
        ("US", "Only $19.99 instead of $24.99, 24/7."),
        ("US", "Save 40% on 4K TVs until 12/31."),
        ("JP", "価格は1,980円です"),
        ("US", "Only 153.00 and 25000 points"),  # five digits, no country code
        # Enough digits for a number from abroad, but no international prefix first:
        ("US", "Offer ends 04/30/2026, now $1299.00"),
        ("FR", "Offre valable jusqu'au 31.05.2026"),
        ("JP", "特別価格1299.00ドル"),
    ],
)
def test_prices_and_dates_alone_skip_the_matcher(region: str, text: str) -> None:
    import phonenumbers

    from culturelint.checks.phones import may_hold_number

    assert not may_hold_number(text, region)
    # ... and the matcher agrees: nothing valid in them.
    assert not list(
        phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID)
    )


def test_numbers_dialled_from_abroad_and_shortened_pass_the_prefilter() -> None:
    """Randomized: example numbers of every region as dialled from other countries
    (after their international prefix), as bare national digits, shortened, and cut
    into groups, read from the number's region and from markets with unusual rules.
    Whenever the matcher finds a number, the prefilter must have let the text in."""
    import random

    import phonenumbers

    from culturelint.checks.phones import may_hold_number

    rng = random.Random(20261123)
    readers = ["US", "DE", "JP", "MX", "BR", "AR", "VI", "CN", "KR", "GB"]
    checked = 0
    for code in sorted(phonenumbers.SUPPORTED_REGIONS):
        number = phonenumbers.example_number_for_type(code, phonenumbers.PhoneNumberType.MOBILE)
        if number is None:
            continue
        national = phonenumbers.national_significant_number(number)
        # As written in each reader's country for dialling abroad ("011 683 4002").
        for dialled_from in readers:
            form = phonenumbers.format_out_of_country_calling_number(number, dialled_from)
            text = f"Ruf an: {form}, danke"
            matcher = phonenumbers.PhoneNumberMatcher(
                text, dialled_from, leniency=phonenumbers.Leniency.VALID
            )
            if any(True for _ in matcher):
                checked += 1
                assert may_hold_number(text, dialled_from), (code, form, dialled_from)
        forms = [
            national,
            national[: rng.randint(3, max(3, len(national) - 1))],
            " ".join(national[i : i + rng.randint(2, 4)] for i in range(0, len(national), 3)),
        ]
        for form in forms:
            text = f"Ruf an: {form}, danke"
            for region in (code, rng.choice(readers), rng.choice(readers)):
                matcher = phonenumbers.PhoneNumberMatcher(
                    text, region, leniency=phonenumbers.Leniency.VALID
                )
                if any(True for _ in matcher):
                    checked += 1
                    assert may_hold_number(text, region), (code, form, region)
    assert checked > 1500


def test_every_number_the_matcher_finds_passes_the_digit_count() -> None:
    """Example numbers of every region, written in every format, read from their own
    region and from two others: whenever the matcher finds a number, the digit count
    must have let the segment through."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat as Format

    from culturelint.checks.phones import may_hold_number

    checked = 0
    for code in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(code, kind)
            if number is None:
                continue
            for fmt in (Format.NATIONAL, Format.INTERNATIONAL, Format.E164):
                text = f"Call {phonenumbers.format_number(number, fmt)} today"
                for region in (code, "US", "DE"):
                    matcher = phonenumbers.PhoneNumberMatcher(
                        text, region, leniency=phonenumbers.Leniency.VALID
                    )
                    if any(True for _ in matcher):
                        checked += 1
                        assert may_hold_number(text, region), (code, fmt, region, text)
    assert checked > 1000


@pytest.mark.parametrize(
    ("region", "text", "expected"),
    [
        ("DE", "Frühjahr 2026: Antwort in 4444 Minuten", False),  # bare digits, no phone word
        ("DE", "Telefon: 4444", True),
        ("DE", "Ruf an unter 030 12345678", True),  # digits with a space
        ("DE", "Bestellnummer 030123456", False),
        ("US", "Call 2125550123 now", True),
    ],
)
def test_bare_digits_need_a_phone_word_before_them(region: str, text: str, expected: bool) -> None:
    from culturelint.checks.phones import may_hold_number

    assert may_hold_number(text, region, text, 0) is expected


def test_the_prefilter_never_changes_what_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Randomized: copy mixing bare digit runs, years, prices, example numbers of many
    regions in every format, with and without words such as "Tel." before them, read
    in several markets. The phone numbers found are the same with the prefilter as
    with every text handed to the matcher."""
    import random

    import phonenumbers
    from phonenumbers import PhoneNumberFormat as Format

    from culturelint.checks import phones

    rng = random.Random(1123)
    numbers = []
    for code in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(code, kind)
            if number is not None:
                numbers.append(number)
    words = ["", "", "Tel. ", "call ", "Telefon: ", "Hotline ", "bel ", "電話 ", "Bestellnummer "]
    fillers = ["Jetzt", "Sale", "seit 2026", "nur 19,99 €", "ab 4444 Punkten", "價格", "Offer"]

    def piece() -> str:
        roll = rng.random()
        if roll < 0.4:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(3, 16)))
            return rng.choice(words) + digits
        if roll < 0.8:
            fmt = rng.choice([Format.NATIONAL, Format.INTERNATIONAL, Format.E164])
            written = phonenumbers.format_number(rng.choice(numbers), fmt)
            if rng.random() < 0.3:
                written = "".join(c for c in written if c.isdigit())
            return rng.choice(words) + written
        return rng.choice(fillers)

    regions = ["DE", "US", "JP", "IT", "NL", "GB", "CN", "BR", "FR", "AT"]
    texts = [
        (rng.choice(regions), " ".join(piece() for _ in range(rng.randint(1, 4))))
        for _ in range(600)
    ]

    def found(region: str, text: str) -> list[tuple[int, int, str, str]]:
        return [
            (p.start, p.end, p.region, str(p.has_country_code))
            for p in phones.find_phones(text, region)
        ]

    filtered = [found(region, text) for region, text in texts]
    monkeypatch.setattr(phones, "may_hold_number", lambda *args, **kwargs: True)
    unfiltered = [found(region, text) for region, text in texts]
    assert filtered == unfiltered
    assert sum(map(bool, unfiltered)) > 150  # the texts do hold numbers the rule reports
