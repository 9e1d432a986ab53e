"""The command line: check, rules, explain, markets, validate, init.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or input error (reported; the other files are still linted).

Unlike the other modules, this one does not use `from __future__ import annotations`:
typer reads every command's options from its annotations on each run, and annotations
kept as strings cost it a compile and an eval each (a twentieth of a pre-commit run).
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from culturelint import __version__

app = typer.Typer(
    name="culturelint",
    help="Lint localized marketing copy for the market it targets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
markets_app = typer.Typer(help="List markets, show one profile, compare markets.")
app.add_typer(markets_app, name="markets")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class DataFormat(str, Enum):
    text = "text"
    json = "json"


def _err(message: str) -> None:
    sys.stderr.write(f"culturelint: {message}\n")


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"culturelint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = None,
) -> None:
    """culturelint: cultural, legal and locale checks for localized marketing copy."""


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _load_config(config_path: Path | None):  # type: ignore[no-untyped-def]
    from culturelint.config import ConfigError, find_config, load_config

    try:
        path = config_path if config_path else find_config(Path.cwd())
        if config_path and not config_path.is_file():
            raise ConfigError(f"{config_path}: config file not found")
        return load_config(path)
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, directories, or - for stdin.")
    ] = None,
    market: Annotated[
        str | None, typer.Option("--market", "-m", help="Market tag for every file, e.g. ja-JP.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Lowest severity that fails the run [default: warning]."),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="Only these rules (codes, prefixes like CL2, or names)."),
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rules.")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Config file (default: found by walking up).")
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not in this baseline."),
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write today's findings to --baseline.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Processes to use [default: cores]."),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Re-lint every file instead of reusing cached results (data derived "
            "from the installed libraries is still kept in .culturelint_cache/).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to a file ('-': stdout)."),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="Name (and so reader and market) for stdin."),
    ] = None,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour text output [default: when a terminal]."),
    ] = None,
) -> None:
    """Lint files and report findings."""
    from culturelint.runner import RunOptions, run_check

    cfg = _load_config(config)
    if update_baseline and baseline is None:
        _err("--update-baseline needs --baseline FILE")
        raise typer.Exit(EXIT_ERROR)
    if market:
        from culturelint.resolve import MarketError, normalize_tag

        try:
            market = normalize_tag(market)
        except MarketError as exc:
            _err(f"--market: {exc}")
            raise typer.Exit(EXIT_ERROR) from None
    if stdin_filename is not None and "-" not in (paths or []):
        _err("--stdin-filename names the text read from stdin: give '-' as the path")
        raise typer.Exit(EXIT_ERROR)
    if output == Path("-"):
        output = None  # as with stdin, '-' is the standard stream
    is_tty = (output is None) and sys.stdout.isatty()
    options = RunOptions(
        paths=list(paths or ["."]),
        market=market,
        fmt=output_format.value,
        fail_on=(fail_on.value if fail_on else cfg.fail_on),
        select=_split(select),
        ignore=_split(ignore),
        baseline=baseline,
        update_baseline=update_baseline,
        jobs=jobs,
        use_cache=not no_cache,
        output=output,
        stdin_filename=stdin_filename,
        color=color if color is not None else (is_tty and "NO_COLOR" not in os.environ),
        progress=sys.stderr.isatty() and not os.environ.get("CI"),
    )
    raise typer.Exit(run_check(cfg, options))


@app.command()
def rules(
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """List every rule: code, name, category, severity, markets."""
    from culturelint import listing

    cfg = _load_config(config)
    raise typer.Exit(listing.print_rules(cfg, output_format.value))


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="Rule code (CL201) or name (colour-connotation).")],
    market: Annotated[
        str | None, typer.Option("--market", "-m", help="Show the market's data for this rule.")
    ] = None,
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """What a rule checks, why, examples, how to fix, and its sources."""
    from culturelint import listing

    cfg = _load_config(config)
    raise typer.Exit(listing.explain(cfg, code, market))


@markets_app.callback(invoke_without_command=True)
def markets(
    ctx: typer.Context,
    output_format: Annotated[DataFormat, typer.Option("--format", "-f")] = DataFormat.text,
    config: Annotated[Path | None, typer.Option("--config")] = None,
    all_markets: Annotated[
        bool, typer.Option("--all", help="Also list every derived (uncurated) market.")
    ] = False,
) -> None:
    """List markets with their data coverage."""
    if ctx.invoked_subcommand is not None:
        return
    from culturelint import explorer

    cfg = _load_config(config)
    raise typer.Exit(explorer.list_markets(cfg, output_format.value, all_markets))


@markets_app.command("show")
def markets_show(
    tag: Annotated[str, typer.Argument(help="Market tag, e.g. ja-JP.")],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=1, max=9999, help="Year for sensitive dates [default: this year]."
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json or yaml.")
    ] = "text",
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """One market profile: Hofstede bars, taboos, trust signals, this year's dates."""
    from culturelint import explorer

    if output_format not in ("text", "json", "yaml"):
        _err(f"--format: expected text, json or yaml, not {output_format!r}")
        raise typer.Exit(EXIT_ERROR)
    cfg = _load_config(config)
    raise typer.Exit(explorer.show_market(cfg, tag, year, output_format))


@markets_app.command("compare")
def markets_compare(
    tags: Annotated[list[str], typer.Argument(help="Two or more market tags.")],
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """Markets side by side: Hofstede dimensions and the differences that matter for copy."""
    from culturelint import explorer

    if len(tags) < 2:
        _err("markets compare needs at least two markets")
        raise typer.Exit(EXIT_ERROR)
    cfg = _load_config(config)
    raise typer.Exit(explorer.compare_markets(cfg, tags))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Market or rule YAML files or folders "
            "[default: the bundled ones and the config's]."
        ),
    ] = None,
    config: Annotated[Path | None, typer.Option("--config")] = None,
) -> None:
    """Validate market profiles and rule files against their schemas."""
    from culturelint import listing

    cfg = _load_config(config)
    raise typer.Exit(listing.validate(cfg, paths or []))


@app.command()
def init(
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing culturelint.yaml.")
    ] = False,
) -> None:
    """Write a starter culturelint.yaml in the current folder."""
    from culturelint.atomic import write_atomic
    from culturelint.config import find_config
    from culturelint.starter import STARTER_CONFIG

    target = Path("culturelint.yaml")
    if target.exists() and not force:
        _err(f"{target} already exists (use --force to overwrite)")
        raise typer.Exit(EXIT_ERROR)
    existing = find_config(Path.cwd())
    if existing is not None and existing.parent == Path.cwd().resolve() and not force:
        # culturelint.yaml is looked for first: it would silently take the other's place.
        _err(
            f"{existing.name} already configures culturelint here, and {target} would "
            "take its place (use --force to write it anyway)"
        )
        raise typer.Exit(EXIT_ERROR)
    try:
        write_atomic(target, STARTER_CONFIG)
    except OSError as exc:
        _err(f"{target}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"Wrote {target}. Edit `markets:` to map your content folders to markets.")


def main() -> None:
    import gc

    from culturelint import interrupt

    try:
        with interrupt.sigterm_unwinds():
            app()
    except KeyboardInterrupt as exc:
        _err(interrupt.message(exc))
        sys.exit(interrupt.exit_code(exc))
    except Exception as exc:  # a bug must not reach the user as a traceback
        if os.environ.get("CULTURELINT_DEBUG"):
            raise
        from culturelint.runner import internal_error_message

        sys.stderr.write(internal_error_message(exc))
        sys.exit(2)
    finally:
        # The process ends here, and the garbage collections the interpreter runs on
        # its way out walk every object still alive (modules, rule tables, profiles).
        # Frozen, they are skipped: a pre-commit run is 25-30 ms (a tenth) faster, and
        # the memory goes back to the system with the process all the same.
        gc.freeze()
