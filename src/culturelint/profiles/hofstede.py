"""Hofstede 6-D scores from the published dataset shipped in `culturelint/data/`.

The dataset uses Hofstede's own 3-letter codes (GER, CHI, ARA ...), not ISO 3166, so
the mapping to territories is written out by hand below rather than guessed. See
`culturelint/data/PROVENANCE.md` for where the file comes from and its terms.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from culturelint.profiles.model import Hofstede

DIMENSIONS = ("pdi", "idv", "mas", "uai", "lto", "ivr")

# CSV column for each dimension: the dataset's long-term orientation is the WVS-based one.
_COLUMNS = {"pdi": "pdi", "idv": "idv", "mas": "mas", "uai": "uai", "lto": "ltowvs", "ivr": "ivr"}

DATA_FILE = "hofstede-6d.csv"

# Every country row of the dataset, by Hofstede code. Regional rows are deliberately
# absent (see REGIONAL_ROWS): a regional aggregate must never pass as a country score.
HOFSTEDE_TO_ISO: dict[str, str] = {
    "ALB": "AL",  # Albania
    "ALG": "DZ",  # Algeria
    "AND": "AD",  # Andorra
    "ARG": "AR",  # Argentina
    "ARM": "AM",  # Armenia
    "AUL": "AU",  # Australia
    "AUT": "AT",  # Austria
    "AZE": "AZ",  # Azerbaijan
    "BAN": "BD",  # Bangladesh
    "BLR": "BY",  # Belarus
    "BEL": "BE",  # Belgium
    "BOS": "BA",  # Bosnia
    "BRA": "BR",  # Brazil
    "BUL": "BG",  # Bulgaria
    "BUF": "BF",  # Burkina Faso
    "CAN": "CA",  # Canada
    "CHL": "CL",  # Chile
    "CHI": "CN",  # China
    "COL": "CO",  # Colombia
    "COS": "CR",  # Costa Rica
    "CRO": "HR",  # Croatia
    "CYP": "CY",  # Cyprus
    "CZE": "CZ",  # Czech Rep
    "DEN": "DK",  # Denmark
    "DOM": "DO",  # Dominican Rep
    "ECA": "EC",  # Ecuador
    "EGY": "EG",  # Egypt
    "ETH": "ET",  # Ethiopia
    "SAL": "SV",  # El Salvador
    "EST": "EE",  # Estonia
    "FIN": "FI",  # Finland
    "FRA": "FR",  # France
    "GEO": "GE",  # Georgia
    "GER": "DE",  # Germany
    "GHA": "GH",  # Ghana
    "GBR": "GB",  # Great Britain
    "GRE": "GR",  # Greece
    "GUA": "GT",  # Guatemala
    "HOK": "HK",  # Hong Kong
    "HUN": "HU",  # Hungary
    "ICE": "IS",  # Iceland
    "IND": "IN",  # India
    "IDO": "ID",  # Indonesia
    "IRA": "IR",  # Iran
    "IRQ": "IQ",  # Iraq
    "IRE": "IE",  # Ireland
    "ISR": "IL",  # Israel
    "ITA": "IT",  # Italy
    "JAM": "JM",  # Jamaica
    "JPN": "JP",  # Japan
    "JOR": "JO",  # Jordan
    "KOR": "KR",  # Korea South
    "KYR": "KG",  # Kyrgyz Rep
    "LAT": "LV",  # Latvia
    "LIT": "LT",  # Lithuania
    "LUX": "LU",  # Luxembourg
    "MAC": "MK",  # Macedonia Rep (North Macedonia)
    "MAL": "MY",  # Malaysia
    "MLI": "ML",  # Mali
    "MLT": "MT",  # Malta
    "MEX": "MX",  # Mexico
    "MOL": "MD",  # Moldova
    "MNG": "ME",  # Montenegro
    "MOR": "MA",  # Morocco
    "NET": "NL",  # Netherlands
    "NZL": "NZ",  # New Zealand
    "NIG": "NG",  # Nigeria
    "NOR": "NO",  # Norway
    "PAK": "PK",  # Pakistan
    "PAN": "PA",  # Panama
    "PER": "PE",  # Peru
    "PHI": "PH",  # Philippines
    "POL": "PL",  # Poland
    "POR": "PT",  # Portugal
    "PUE": "PR",  # Puerto Rico
    "ROM": "RO",  # Romania
    "RUS": "RU",  # Russia
    "RWA": "RW",  # Rwanda
    "SAU": "SA",  # Saudi Arabia
    "SER": "RS",  # Serbia
    "SIN": "SG",  # Singapore
    "SLK": "SK",  # Slovak Rep
    "SLV": "SI",  # Slovenia
    "SAF": "ZA",  # South Africa
    "SPA": "ES",  # Spain
    "SUR": "SR",  # Suriname
    "SWE": "SE",  # Sweden
    "SWI": "CH",  # Switzerland
    "TAI": "TW",  # Taiwan
    "TAN": "TZ",  # Tanzania
    "THA": "TH",  # Thailand
    "TRI": "TT",  # Trinidad and Tobago
    "TUR": "TR",  # Turkey
    "USA": "US",  # U.S.A.
    "UGA": "UG",  # Uganda
    "UKR": "UA",  # Ukraine
    "URU": "UY",  # Uruguay
    "VEN": "VE",  # Venezuela
    "VIE": "VN",  # Vietnam
    "ZAM": "ZM",  # Zambia
    "ZIM": "ZW",  # Zimbabwe
}

# Sub- and supra-national rows: usable only through an explicit `hofstede.row`.
REGIONAL_ROWS = frozenset({"AFE", "AFW", "ARA", "BEF", "BEN", "CAF", "GEE", "SAW", "SWF", "SWG"})

_ISO_TO_HOFSTEDE = {iso: code for code, iso in HOFSTEDE_TO_ISO.items()}

# Regional rows that span several countries, as opposed to parts of one country.
SUPRANATIONAL_ROWS = frozenset({"AFE", "AFW", "ARA"})

_AGGREGATE_NOTE = (
    "{dims} from Hofstede's '{row.name}' row ({row.code}): a regional aggregate, "
    "not a score measured for this country"
)

# Territories whose own row is missing or partial and where the literature uses a
# regional row for the missing dimensions. The territory's own values always win.
REGIONAL_STAND_INS: dict[str, str] = {"SA": "ARA", "AE": "ARA"}


class _Row(NamedTuple):
    code: str
    name: str
    scores: dict[str, int | None]


@lru_cache(maxsize=1)
def _rows() -> dict[str, _Row]:
    """The parsed dataset; empty when a build leaves the data file out."""
    resource = resources.files("culturelint").joinpath("data", DATA_FILE)
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    rows: dict[str, _Row] = {}
    for record in csv.DictReader(io.StringIO(text)):
        scores = {
            dim: int(record[col]) if record[col].strip() else None for dim, col in _COLUMNS.items()
        }
        rows[record["ctr"]] = _Row(record["ctr"], record["country"], scores)
    return rows


def known_rows() -> frozenset[str]:
    """Dataset codes a profile may name in `hofstede.row`."""
    return frozenset(_rows())


def row_code_for(territory: str) -> str | None:
    """The dataset's own row for an ISO territory, if it has one."""
    return _ISO_TO_HOFSTEDE.get(territory.upper())


def hofstede_for(
    territory: str, row_override: str | None = None, estimate_note: str | None = None
) -> Hofstede | None:
    """Scores for a territory, or None when the dataset has nothing for it.

    `row_override` (a profile's `hofstede.row`) names the row to use and marks the result
    estimated. A sub-national row (Switzerland German for de-CH) is more specific than
    the country's row and wins, the country row filling its gaps. A supra-national row
    (Arab countries) is less specific: the country's own measured scores win and the
    regional row only fills the gaps. Without an override, SA and AE get that same
    gap-filling from the Arab countries row; other territories get their own row only.
    """
    rows = _rows()
    own = rows.get(row_code_for(territory) or "")
    if row_override:
        override = rows.get(row_override.upper())
        if override is None:
            return None
        if own is not None and override.code == own.code:
            return _as_hofstede(own)
        if override.code in SUPRANATIONAL_ROWS:
            return _filled(own, override, estimate_note)
        scores = dict(override.scores)
        note = f"scores of the dataset row {override.code} ({override.name})"
        gaps = [d for d in DIMENSIONS if scores[d] is None and own and own.scores[d] is not None]
        if own is not None and gaps:
            scores.update({d: own.scores[d] for d in gaps})
            note += f"; {', '.join(gaps).upper()} from the {own.name} row"
        return Hofstede(override.code, override.name, scores, True, estimate_note or note)
    stand_in = rows.get(REGIONAL_STAND_INS.get(territory.upper(), ""))
    if stand_in is None:
        return _as_hofstede(own) if own is not None else None
    return _filled(own, stand_in, estimate_note)


def _filled(own: _Row | None, region: _Row, estimate_note: str | None) -> Hofstede:
    """The country's own scores, with a supra-national row's for the dimensions it lacks."""
    if own is None:
        note = estimate_note or _AGGREGATE_NOTE.format(dims="All six dimensions", row=region)
        return Hofstede(region.code, region.name, dict(region.scores), True, note)
    filled = [dim for dim in DIMENSIONS if own.scores[dim] is None]
    if not filled:
        return _as_hofstede(own)
    scores = {d: region.scores[d] if own.scores[d] is None else own.scores[d] for d in DIMENSIONS}
    note = estimate_note or _AGGREGATE_NOTE.format(dims=", ".join(filled).upper(), row=region)
    return Hofstede(own.code, own.name, scores, True, note)


def _as_hofstede(row: _Row) -> Hofstede:
    return Hofstede(row.code, row.name, dict(row.scores))
