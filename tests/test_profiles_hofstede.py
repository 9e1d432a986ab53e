"""Hofstede scores: the shipped dataset, the code mapping and regional stand-ins."""

from __future__ import annotations

import csv

import pytest

from culturelint.profiles import hofstede
from culturelint.profiles.hofstede import (
    DIMENSIONS,
    HOFSTEDE_TO_ISO,
    REGIONAL_ROWS,
    hofstede_for,
    known_rows,
)
from shared import SHARED

SHARED_CSV = SHARED / "data" / "hofstede-6d.csv"


@pytest.mark.parametrize(
    ("territory", "row", "expected"),
    [
        ("JP", "JPN", (54, 46, 95, 92, 88, 42)),
        ("DE", "GER", (35, 67, 66, 65, 83, 40)),
        ("US", "USA", (40, 91, 62, 46, 26, 68)),
        ("FI", "FIN", (33, 63, 26, 59, 38, 57)),
        ("CN", "CHI", (80, 20, 66, 30, 87, 24)),
    ],
)
def test_own_row_scores(territory: str, row: str, expected: tuple[int, ...]) -> None:
    scores = hofstede_for(territory)
    assert scores is not None
    assert scores.row == row
    assert tuple(scores.get(d) for d in DIMENSIONS) == expected
    assert scores.estimated is False
    assert scores.note is None


def test_lto_is_the_wvs_column_under_the_name_lto() -> None:
    scores = hofstede_for("JP")
    assert scores is not None
    assert set(scores.scores) == {"pdi", "idv", "mas", "uai", "lto", "ivr"}
    assert scores.get("ltowvs") is None


def test_saudi_arabia_keeps_its_own_lto_and_ivr_and_borrows_the_rest() -> None:
    scores = hofstede_for("SA")
    assert scores is not None
    assert scores.row == "SAU"
    assert (scores.get("pdi"), scores.get("idv"), scores.get("mas"), scores.get("uai")) == (
        80,
        38,
        53,
        68,
    )
    assert (scores.get("lto"), scores.get("ivr")) == (36, 52)
    assert scores.estimated is True
    assert scores.note is not None and "regional aggregate" in scores.note
    assert "PDI, IDV, MAS, UAI" in scores.note


def test_emirates_without_a_row_use_the_arab_countries_row_as_an_estimate() -> None:
    scores = hofstede_for("AE")
    assert scores is not None
    assert scores.row == "ARA"
    assert tuple(scores.get(d) for d in DIMENSIONS) == (80, 38, 53, 68, 23, 34)
    assert scores.estimated is True
    assert scores.note is not None and "not a score measured for this country" in scores.note


def test_partial_row_elsewhere_is_not_filled_in() -> None:
    # Israel has no IVR; it is not a stand-in territory, so the gap stays a gap.
    scores = hofstede_for("IL")
    assert scores is not None
    assert scores.get("ivr") is None
    assert scores.get("uai") == 81
    assert scores.estimated is False


def test_territory_without_a_row_has_no_scores() -> None:
    assert hofstede_for("KE") is None


def test_override_with_a_subnational_row_wins_and_country_fills_gaps() -> None:
    scores = hofstede_for("CH", "SWG")
    assert scores is not None
    assert scores.row == "SWG"
    assert (scores.get("pdi"), scores.get("uai")) == (26, 56)  # Switzerland German
    assert (scores.get("lto"), scores.get("ivr")) == (74, 66)  # from the Switzerland row
    assert scores.estimated is True


def test_override_with_a_supranational_row_keeps_measured_country_scores() -> None:
    scores = hofstede_for("SA", "ARA", "curated explanation")
    assert scores is not None
    assert (scores.get("pdi"), scores.get("lto"), scores.get("ivr")) == (80, 36, 52)
    assert scores.note == "curated explanation"


def test_override_naming_the_own_row_is_not_an_estimate() -> None:
    scores = hofstede_for("JP", "jpn")
    assert scores is not None
    assert scores.estimated is False


def test_unknown_override_row_gives_no_scores() -> None:
    assert hofstede_for("JP", "XYZ") is None


def test_every_country_row_is_mapped_and_no_regional_row_is() -> None:
    rows = known_rows()
    assert len(rows) == 111
    assert set(HOFSTEDE_TO_ISO) == rows - REGIONAL_ROWS
    assert not REGIONAL_ROWS & set(HOFSTEDE_TO_ISO)
    assert len(set(HOFSTEDE_TO_ISO.values())) == len(HOFSTEDE_TO_ISO)
    assert all(len(iso) == 2 and iso.isupper() for iso in HOFSTEDE_TO_ISO.values())


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="shared dataset not present")
def test_shipped_csv_is_the_published_dataset() -> None:
    shipped = hofstede._rows()
    with SHARED_CSV.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = shipped[record["ctr"]]
            assert row.name == record["country"]
            assert row.scores["lto"] == (int(record["ltowvs"]) if record["ltowvs"] else None)
            assert row.scores["pdi"] == (int(record["pdi"]) if record["pdi"] else None)
