"""The ``chrono`` command: each command converts its arguments, calls the library, renders.

Only :func:`main` maps a :class:`ChronoError` to a message and an exit status, so no
command prints a traceback for bad input. plotly is imported only by exports.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from chrono.errors import ChronoError, ParseError

if TYPE_CHECKING:
    from chrono.chronology import Timeline
    from chrono.events import Problem

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


_DIRECTORY = typer.Argument(help="Folder of event files (YAML, JSON, CSV).")


@app.command()
def check(directory: Annotated[Path, _DIRECTORY] = Path("events")) -> None:
    """Report every error and warning in every event file, in one run.

    Example: chrono check events/
    """
    from chrono.chronology import analyse
    from chrono.events import read_events

    events, problems = read_events(directory)
    _timeline, found = analyse(events)
    problems = problems + found
    _print_problems(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{len(events)} events, {errors} errors, {warnings} warnings", file=sys.stderr)
    raise typer.Exit(1 if errors else 0)


@app.command()
def order(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    as_json: Annotated[bool, typer.Option("--json", help="Print timeline.json's events.")] = False,
) -> None:
    """Print the chronology: position, rank range, windows, title, lane.

    Example: chrono order events/ --json
    """
    timeline = _timeline(directory)
    if as_json:
        from chrono.export.timeline_json import event_dict

        events = [event_dict(p) for p in timeline.events]
        print(json.dumps(events, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    from chrono.describe import compact_window

    table = Table(box=None, header_style="bold")
    for name, justify in (
        ("#", "right"),
        ("rank", "right"),
        ("starts", "left"),
        ("ends", "left"),
        ("title", "left"),
        ("lane", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for p in timeline.events:
        low, high = p.rank
        rank = str(low) if low == high else f"{low}-{high}"
        starts, ends = compact_window(p.start), compact_window(p.end)
        if p.start == p.end:
            ends = "(same)"
        table.add_row(str(p.position), rank, starts, ends, p.event.title, p.event.lane or "")
    # a pipe gets whole lines, a terminal its own width
    width = None if sys.stdout.isatty() else 1000
    Console(highlight=False, width=width).print(table, markup=False)


@app.command()
def build(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path(
        "exports"
    ),
    formats: Annotated[str, typer.Option("--format", "-f", help="Outputs, comma-separated.")] = (
        "json"
    ),
) -> None:
    """Build the timeline of a folder of event files into --out.

    Example: chrono build events/ --out exports/ --format json
    """
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in ("json",)]
    if unknown or not wanted:
        raise ChronoError(
            f"--format: {', '.join(unknown) or 'nothing'} is not an output "
            f"chrono writes yet (expected: json)"
        )
    timeline = _timeline(directory)
    from chrono.export.atomic import write_atomic
    from chrono.export.timeline_json import timeline_json

    target = out / "timeline.json"
    write_atomic(target, timeline_json(timeline))
    warnings = [w for w in timeline.warnings if w.severity == "warning"]
    _print_problems(warnings)
    lanes = {p.event.lane for p in timeline.events}
    print(
        f"{len(timeline.events)} events, {len(lanes)} lanes, {len(warnings)} warnings: "
        f"wrote {target}"
    )


def _timeline(directory: Path) -> Timeline:
    """Load and build, or print every problem and stop with status 1."""
    from chrono.chronology import build_timeline
    from chrono.errors import ProblemsError
    from chrono.events import load_events

    try:
        events = load_events(directory)
        return build_timeline(events.events, events.warnings)
    except ProblemsError as err:
        _print_problems(err.problems)
        errors = sum(p.severity == "error" for p in err.problems)
        raise ChronoError(f"{errors} error(s) in {directory}; nothing was written") from None


def _print_problems(problems: Sequence[Problem]) -> None:
    for p in sorted(problems, key=lambda p: (p.file, p.line)):
        print(
            ("warning: " if p.severity == "warning" else "error: ") + _strip_warning(str(p)),
            file=sys.stderr,
        )


def _strip_warning(text: str) -> str:
    return text.replace(": warning: ", ": ", 1)


def main() -> None:
    try:
        app()
    except ChronoError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(1)
