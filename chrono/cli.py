"""The ``chrono`` command: each command converts its arguments, calls the library, renders.

Only :func:`main` maps a :class:`ChronoError` to a message and an exit status, so no
command prints a traceback for bad input. plotly is imported only by exports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from chrono.errors import ChronoError, ParseError

app = typer.Typer(
    name="chrono",
    help="Fuzzy dates, chronologies under uncertainty, and timelines that show it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_REFERENCE = typer.Option(
    "--reference",
    "-r",
    metavar="YYYY-MM-DD",
    help="The document's date, for 'May 12', 'last year', 'Monday'.",
)


@app.command(context_settings={"ignore_unknown_options": True})
def parse(
    texts: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help="Date expressions, each quoted; '-' reads one per line from stdin.",
        ),
    ],
    reference: Annotated[str | None, _REFERENCE] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON of dates.md.")] = False,
    dayfirst: Annotated[
        bool | None,
        typer.Option("--dayfirst/--monthfirst", help="Read 03/04/2021 as day/month or month/day."),
    ] = None,
) -> None:
    """Explain what date expressions mean.

    Example: chrono parse "late 2022" "May 12" --reference 2025-07-15
    """
    from chrono.parse import parse as parse_text
    from chrono.parse import to_day
    from chrono.serialize import interval_dict

    ref = to_day(reference)
    if texts == ["-"]:
        raise typer.Exit(_parse_lines(ref, dayfirst))
    failed = False
    for text in texts:
        try:
            interval = parse_text(text, ref, dayfirst=dayfirst)
        except ParseError as err:
            failed = True
            if as_json:
                print(json.dumps({"text": text, "error": str(err)}, ensure_ascii=False))
            else:
                _print_error(err)
            continue
        if as_json:
            print(json.dumps(interval_dict(interval, text), ensure_ascii=False))
        else:
            _explain(text, interval)
    raise typer.Exit(1 if failed else 0)


def _parse_lines(reference: object, dayfirst: bool | None) -> int:
    """JSON Lines from stdin in one process: a failing line reports and the rest go on."""
    from chrono.parse import parse as parse_text
    from chrono.serialize import interval_dict

    dumps = json.dumps
    write = sys.stdout.write
    failed = 0
    for raw in sys.stdin:
        text = raw.rstrip("\r\n")
        try:
            out = interval_dict(parse_text(text, reference, dayfirst=dayfirst), text)  # type: ignore[arg-type]
        except ParseError as err:
            failed = 1
            out = {"text": text, "error": str(err)}
        write(dumps(out, ensure_ascii=False))
        write("\n")
    sys.stdout.flush()
    return failed


def _explain(text: str, interval: object) -> None:
    from rich.console import Console
    from rich.markup import escape

    from chrono.describe import interval_words
    from chrono.model import Interval

    assert isinstance(interval, Interval)
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{escape(text)}[/bold]")
    console.print(f"  window     {escape(interval_words(interval))}")
    if interval.is_span:
        console.print(f"  start      {interval.start}")
        console.print(f"  end        {interval.end}")
    else:
        console.print(f"  days       {interval.start}")
    if interval.core is not None:
        console.print(f"  core       {interval.core} (before widening)")
    console.print(f"  precision  {interval.precision}")
    if interval.qualifiers:
        console.print(f"  qualifiers {', '.join(interval.qualifiers)}")
    console.print(f"  rule       {escape(interval.rule)}")
    for warning in interval.warnings:
        console.print(f"  [yellow]warning[/yellow]    {escape(warning)}")


def _print_error(err: ParseError) -> None:
    print(f"error: {err}", file=sys.stderr)
    print("  " + err.excerpt().replace("\n", "\n  "), file=sys.stderr)


@app.command()
def build(
    directory: Annotated[Path, typer.Argument(help="Folder of event files.")] = Path("events"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write.")] = Path("exports"),
) -> None:
    """Build the timeline of a folder of event files.

    Example: chrono build events/ --out exports/
    """
    if not directory.is_dir():
        raise ChronoError(f"{directory}: no such folder of event files")
    typer.echo(
        f"chrono build: reading events and exporting timelines are not built yet; "
        f'nothing was written to {out}/. Try: chrono parse "near the end of 2022"'
    )


def main() -> None:
    try:
        app()
    except ChronoError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(1)
