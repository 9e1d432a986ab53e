"""The market explorer: `culturelint markets`, `markets show`, `markets compare`.

The question a team asks before adapting a campaign is "what is different there?";
these views answer it from the same profiles the checks read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from culturelint.config import Config
from culturelint.profiles.loader import SECTIONS
from culturelint.profiles.model import Profile, ProfileError

HOFSTEDE_CITATION = (
    "Hofstede, G., Hofstede, G. J. & Minkov, M. (2010) Cultures and Organizations: "
    "Software of the Mind, 3rd ed., McGraw-Hill (6-D data matrix 2015-08-16, geerthofstede.com)"
)
# What each dimension means for copy (de Mooij & Hofstede 2010, Int. J. Advertising 29(1)).
DIMENSIONS = {
    "pdi": (
        "Power distance",
        "high: status, hierarchy and authority endorsements carry weight; "
        "low: egalitarian, informal tone",
    ),
    "idv": (
        "Individualism",
        "high: direct address and personal benefit; "
        "low: group benefit, 'we', trust before the sale",
    ),
    "mas": (
        "Masculinity",
        "high: winning and being the best; "
        "low: modesty, caring, quality of life (a contested dimension)",
    ),
    "uai": (
        "Uncertainty avoidance",
        "high: explanation, specs, guarantees and expert proof; "
        "low: ambiguity and humour work (a contested dimension)",
    ),
    "lto": (
        "Long-term orientation",
        "high: pragmatism, thrift, perseverance; low: tradition, quick results",
    ),
    "ivr": ("Indulgence", "high: fun and enjoyment appeals; low: restraint and duty"),
}
SHORT_HEADERS = {
    "hofstede": "hof",
    "formats": "fmt",
    "colours": "col",
    "numbers": "num",
    "gestures": "gest",
    "taboos": "tab",
    "trust": "trust",
    "calendar": "cal",
    "formality": "form",
    "claims": "claim",
}


def _store(config: Config):  # type: ignore[no-untyped-def]
    from culturelint.profiles.loader import ProfileStore

    return ProfileStore(config.market_paths, config.overrides, config_path=config.path)


def _load(config: Config, tag: str) -> Profile | None:
    from culturelint.resolve import MarketError, normalize_tag

    try:
        return _store(config).load(normalize_tag(tag))
    except (MarketError, ProfileError) as exc:
        sys.stderr.write(f"culturelint: {exc}\n")
        return None


def list_markets(config: Config, fmt: str, include_derived: bool) -> int:
    from culturelint.profiles.loader import coverage

    store = _store(config)
    tags = store.all_markets() if include_derived else store.curated_tags()
    rows: list[dict[str, Any]] = []
    errors = 0
    for tag in tags:
        try:
            profile = store.load(tag)
        except ProfileError as exc:
            sys.stderr.write(f"culturelint: {exc}\n")
            errors += 1
            continue
        rows.append(
            {
                "market": tag,
                "name": profile.name,
                "curated": profile.curated,
                "coverage": coverage(profile),
            }
        )
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table(box=None, pad_edge=False)
        table.add_column("market", no_wrap=True)
        table.add_column("name", no_wrap=True)
        for s in SECTIONS:
            table.add_column(SHORT_HEADERS[s], no_wrap=True, min_width=len(SHORT_HEADERS[s]))
        marks = {"curated": "●", "derived": "◐", "empty": "○", "missing": "·"}
        for row in rows:
            table.add_row(
                row["market"],
                escape(row["name"]),
                *(marks.get(row["coverage"].get(s, "missing"), "?") for s in SECTIONS),
            )
        console = Console(highlight=False)
        console.print(table)
        console.print(
            "● curated  ◐ derived from CLDR/holidays/Hofstede  ○ explicitly empty  · missing"
        )
        if not include_derived:
            console.print("Any territory CLDR knows is also a derived market: --all lists them.")
    return 2 if errors else 0


def _bar(value: int | None, width: int = 30) -> str:
    if value is None:
        return "·" * width + "   –"
    filled = max(0, min(width, round(value * width / 100)))
    return "█" * filled + "░" * (width - filled) + f" {value:3d}"


def profile_as_data(profile: Profile, year: int) -> dict[str, Any]:
    """The fully resolved profile: curated data, derived facts and this year's dates."""
    import dataclasses

    data = {"market": profile.tag, "name": profile.name, **profile.data}
    hof = profile.hofstede
    data["derived"] = {
        "hofstede": (
            {
                "row": hof.row,
                "scores": hof.scores,
                "estimated": hof.estimated,
                "note": hof.note,
                "citation": HOFSTEDE_CITATION,
            }
            if hof
            else None
        ),
        "locale": dataclasses.asdict(profile.locale),
        "holidays": [{"date": h.date.isoformat(), "name": h.name} for h in profile.holidays(year)],
        "sensitive_dates": [
            {
                "id": s.entry.get("id"),
                "name": s.entry.get("name"),
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
            }
            for s in profile.sensitive_dates(year)
        ],
        "year": year,
    }
    data["curated"] = profile.curated
    return data


def show_market(config: Config, tag: str, year: int | None, fmt: str) -> int:
    profile = _load(config, tag)
    if profile is None:
        return 2
    year = dt.date.today().year if year is None else year
    if fmt in ("json", "yaml"):
        data = profile_as_data(profile, year)
        if fmt == "json":
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            import yaml

            print(
                yaml.safe_dump(
                    json.loads(json.dumps(data, default=str)), allow_unicode=True, sort_keys=False
                )
            )
        return 0
    console = Console(highlight=False, soft_wrap=True)
    kind = "curated profile" if profile.curated else "derived market (no curated profile)"
    console.print(f"[bold]{profile.tag} {escape(profile.name)}[/bold]  ({kind})")
    _print_hofstede(console, profile)
    loc = profile.locale
    console.print("\n[bold]Locale (CLDR via babel)[/bold]")
    console.print(
        f"  currency {', '.join(loc.currencies)}  decimal {loc.decimal!r}  group {loc.group!r}  "
        f"date {loc.date_short} ({loc.date_order})  time {loc.time_short} ({loc.hour_cycle})  "
        f"{loc.measurement}  {loc.direction}"
    )
    _print_entries(console, "Colours", profile.section("colours"), "colour", "meaning")
    _print_entries(console, "Numbers", profile.section("numbers"), "number", "meaning")
    _print_entries(console, "Gestures and emoji", profile.section("gestures"), "name", "meaning")
    _print_entries(console, "Taboos", profile.section("taboos"), "kind", "meaning")
    trust = profile.section("trust")
    _print_entries(
        console,
        "Expected trust signals",
        {"entries": trust.get("expected", []), "note": trust.get("note")},
        "label",
        "meaning",
    )
    _print_entries(
        console,
        "Trust signals that backfire",
        {"entries": trust.get("discouraged", [])},
        "label",
        "meaning",
    )
    form = profile.section("formality")
    if form:
        console.print("\n[bold]Formality[/bold]")
        console.print(
            f"  register: {form.get('register')}"
            + (f"  {escape(form['note'])}" if form.get("note") else "")
        )
    _print_entries(console, "Claim law", profile.section("claims"), "law", "message")
    console.print(f"\n[bold]Sensitive dates {year}[/bold]")
    dates = profile.sensitive_dates(year)
    for s in dates:
        span = (
            s.start.isoformat()
            if s.start == s.end
            else f"{s.start.isoformat()} – {s.end.isoformat()}"
        )
        console.print(
            f"  {span}  {escape(str(s.entry.get('name')))}: "
            f"{escape(str(s.entry.get('advice', '')))}"
        )
    if not dates:
        console.print("  none curated")
    hols = profile.holidays(year)
    console.print(f"\n[bold]Public holidays {year}[/bold] (holidays package)")
    for h in hols:
        console.print(f"  {h.date.isoformat()}  {escape(h.name)}")
    if not hols:
        console.print("  none known")
    return 0


def _print_hofstede(console: Console, profile: Profile) -> None:
    hof = profile.hofstede
    console.print("\n[bold]Hofstede dimensions[/bold]")
    if hof is None:
        console.print("  no scores in the Hofstede dataset for this territory")
        return
    for dim, (label, meaning) in DIMENSIONS.items():
        console.print(f"  {dim}  {_bar(hof.get(dim))}  {label}: {meaning}")
    if hof.estimated:
        console.print(
            "  [yellow]estimate[/yellow]: "
            + escape(hof.note or "regional aggregate, not a country score")
        )
    console.print(f"  Source: {HOFSTEDE_CITATION}")


def _print_entries(
    console: Console, title: str, section: dict[str, Any], head: str, body: str
) -> None:
    entries = section.get("entries") or []
    console.print(f"\n[bold]{title}[/bold]")
    if not entries:
        console.print(f"  {escape(section.get('note') or 'none curated')}")
        return
    for e in entries:
        conf = e.get("confidence", "?")
        console.print(
            f"  {escape(str(e.get(head, e.get('id'))))}: {escape(str(e.get(body, '')))}  "
            f"[dim]({conf} confidence)[/dim]"
        )


def compare_markets(config: Config, tags: list[str]) -> int:
    profiles = [_load(config, t) for t in tags]
    if any(p is None for p in profiles):
        return 2
    ps: list[Profile] = [p for p in profiles if p is not None]
    console = Console(highlight=False, soft_wrap=True)
    console.print("[bold]Hofstede dimensions[/bold]  (" + HOFSTEDE_CITATION + ")")
    for dim, (label, meaning) in DIMENSIONS.items():
        console.print(f"\n  {label} ({dim}): {meaning}")
        values = []
        for p in ps:
            v = p.hofstede.get(dim) if p.hofstede else None
            values.append(v)
            est = "*" if p.hofstede and p.hofstede.estimated else " "
            console.print(f"    {p.tag:<6}{est} {_bar(v, 25)}")
        known = [v for v in values if v is not None]
        if len(known) >= 2 and max(known) - min(known) >= 20:
            hi = ps[values.index(max(known))].tag
            lo = ps[values.index(min(known))].tag
            console.print(
                f"    [yellow]differs by {max(known) - min(known)}[/yellow]: "
                f"adapt copy from {lo} to {hi} with care"
            )
    console.print("\n[bold]Differences that matter for copy[/bold]")
    rows = [
        ("currency", lambda p: ", ".join(p.locale.currencies)),
        ("number format", lambda p: f"1{p.locale.group}234{p.locale.decimal}56"),
        ("date order", lambda p: p.locale.date_order),
        ("clock", lambda p: p.locale.hour_cycle),
        ("units", lambda p: p.locale.measurement),
        ("register", lambda p: str(p.section("formality").get("register", "–"))),
        ("colours", lambda p: ", ".join(str(e.get("colour")) for e in p.entries("colours")) or "–"),
        ("numbers", lambda p: ", ".join(str(e.get("number")) for e in p.entries("numbers")) or "–"),
        (
            "legal page signals",
            lambda p: (
                ", ".join(
                    str(e.get("label"))
                    for e in p.section("trust").get("expected", [])
                    if e.get("legal")
                )
                or "–"
            ),
        ),
        ("claim law", lambda p: "; ".join(str(e.get("law")) for e in p.entries("claims")) or "–"),
    ]
    table = Table(box=None, pad_edge=False)
    table.add_column("")
    for p in ps:
        table.add_column(p.tag, overflow="fold")
    for label, fn in rows:
        table.add_row(label, *(escape(fn(p)) for p in ps))
    console.print(table)
    if any(p.hofstede and p.hofstede.estimated for p in ps):
        console.print("* estimated from a regional aggregate")
    return 0
