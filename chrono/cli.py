"""The ``chrono`` command: each command converts its arguments, calls the library, renders.

Only :func:`main` maps a :class:`ChronoError` to a message and an exit status, so no
command prints a traceback for bad input. plotly is imported only by exports.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chrono.errors import ChronoError, ParseError
from chrono.terminal import counted, json_shown, problem_lines, shown, shown_lines, summary

if TYPE_CHECKING:
    from chrono.chronology import Timeline
    from chrono.events import Problem

app = typer.Typer(
    name="chrono",
    help="Fuzzy dates, chronologies under uncertainty, and timelines that show it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's markdown machinery would double start-up
)

_REFERENCE = typer.Option(
    "--reference",
    "-r",
    metavar="YYYY-MM-DD",
    help="The document's date, for 'May 12', 'last year', 'Monday'.",
)
_FISCAL = typer.Option(
    "--fiscal-year-start",
    metavar="MONTH",
    min=1,
    max=12,
    help="The month (1-12) fiscal years start in, for FY2023 [default: 10, October].",
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
    as_edtf: Annotated[
        bool,
        typer.Option("--edtf", help="Print the EDTF of each window (with --json: an edtf field)."),
    ] = False,
    fiscal_year_start: Annotated[int | None, _FISCAL] = None,
) -> None:
    """Explain what date expressions mean.

    Example: chrono parse "late 2022" "May 12" --reference 2025-07-15
    """
    from chrono.parse import parse as parse_text
    from chrono.parse import to_day
    from chrono.serialize import interval_dict

    ref = to_day(reference)
    if texts == ["-"]:
        from chrono.batch import parse_lines

        raise typer.Exit(parse_lines(ref, dayfirst, as_edtf, fiscal_year_start))
    failed = False
    for text in texts:
        try:
            interval = parse_text(text, ref, dayfirst=dayfirst, fiscal_year_start=fiscal_year_start)
        except ParseError as err:
            failed = True
            if as_json:
                print(
                    json_shown(
                        json.dumps({"text": text, "error": _message(err)}, ensure_ascii=False)
                    )
                )
            else:
                _print_error(err)
            continue
        if as_json:
            out = interval_dict(interval, text)
            if as_edtf:
                out.update(_edtf_fields(interval))
            print(json_shown(json.dumps(out, ensure_ascii=False)))
        elif as_edtf:
            said = _edtf_fields(interval)
            print(f"{said['edtf']}" + ("" if said["edtf_exact"] else "  (holds it; not exact)"))
        else:
            _explain(text, interval)
    raise typer.Exit(1 if failed else 0)


def _edtf_fields(interval: object) -> dict[str, object]:
    from chrono.edtf_format import of_interval
    from chrono.model import Interval

    assert isinstance(interval, Interval)
    said = of_interval(interval)
    return {"edtf": said.text, "edtf_exact": said.exact}


def _explain(text: str, interval: object) -> None:
    from rich.console import Console
    from rich.markup import escape

    from chrono.describe import interval_words
    from chrono.model import Interval

    assert isinstance(interval, Interval)
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{escape(shown(text))}[/bold]")
    console.print(f"  window     {escape(shown(interval_words(interval)))}")
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
    console.print(f"  rule       {escape(shown(interval.rule))}")
    for warning in interval.warnings:
        console.print(f"  [yellow]warning[/yellow]    {escape(shown(warning))}")


def _message(err: ParseError) -> str:
    """The error, and how to give a missing reference date with this command."""
    from chrono.batch import message

    return message(err)


def _print_error(err: ParseError) -> None:
    print(f"error: {shown(_message(err))}", file=sys.stderr)
    print("  " + shown_lines(err.excerpt()).replace("\n", "\n  "), file=sys.stderr)


_DIRECTORY = typer.Argument(help="Folder of event files (YAML, JSON, CSV, markwhen).")


_ENGINE = typer.Option(
    "--engine", help="local (one process) or dask (the components of a large table on a cluster)."
)
_SCHEDULER = typer.Option(
    "--scheduler", metavar="ADDRESS", help="A running dask scheduler (implies --engine dask)."
)
_WORKERS = typer.Option("--workers", help="--engine dask: local cluster processes (cores).")


@app.command()
def check(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    engine: Annotated[str, _ENGINE] = "local",
    scheduler: Annotated[str | None, _SCHEDULER] = None,
    workers: Annotated[int | None, _WORKERS] = None,
    fiscal_year_start: Annotated[int | None, _FISCAL] = None,
) -> None:
    """Report every error and warning in every event file, in one run.

    Example: chrono check events/
    """
    from chrono.chronology.folder import read_folder
    from chrono.resolve import fiscal_year_starting

    with fiscal_year_starting(_fiscal_setting(directory, fiscal_year_start)):
        reading = read_folder(directory, engine=engine, scheduler=scheduler, workers=workers)
    _print_problems(reading.problems)
    if reading.refusal is not None:
        print(f"error: {shown(reading.refusal)}", file=sys.stderr)
    errors = reading.errors
    warnings = sum(p.severity == "warning" for p in reading.problems)
    counts = [counted(reading.events, "event"), counted(errors, "error")]
    print(f"{', '.join(counts)}, {counted(warnings, 'warning')}", file=sys.stderr)
    raise typer.Exit(1 if errors else 0)


@app.command()
def order(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    as_json: Annotated[bool, typer.Option("--json", help="Print timeline.json's events.")] = False,
    probabilities: Annotated[
        bool,
        typer.Option(
            "--probabilities",
            help="Add each event's expected rank and the probability that it comes "
            "before the next (every consistent history equally likely); --json has them always.",
        ),
    ] = False,
) -> None:
    """Print the chronology: position, rank range, windows, title, lane.

    Example: chrono order events/ --json
    """
    timeline = _project_timeline(directory)
    _print_warnings(timeline)
    if as_json:
        from chrono.export.timeline_json import event_dict, probability_fields

        events = [event_dict(p) for p in timeline.events]
        for event, extra in zip(events, probability_fields(timeline), strict=True):
            event.update(extra)  # as timeline.json has them
        print(json_shown(json.dumps(events, ensure_ascii=False, indent=2)))
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
    if probabilities:
        table.add_column("expected", justify="right")
        table.add_column("p before next", justify="right")
        figures = timeline.probabilities
    for k, p in enumerate(timeline.events):
        low, high = p.rank
        rank = str(low) if low == high else f"{low}-{high}"
        starts, ends = compact_window(p.start), compact_window(p.end)
        if p.start == p.end:
            ends = "(same)"
        title, lane = shown(p.event.title), shown(p.event.lane or "")
        row = [str(p.position), rank, starts, ends, title, lane]
        if probabilities:
            expected, following = figures.expected_rank[k], figures.p_before_next[k]
            row.append("?" if expected is None else f"{expected:.2f}")
            row.append("-" if following is None else f"{following:.2f}")
        table.add_row(*row)
    # a pipe gets whole lines, a terminal its own width
    width = None if sys.stdout.isatty() else 1000
    Console(highlight=False, width=width).print(table, markup=False)


@app.command()
def compare(
    directory: Annotated[Path, _DIRECTORY],
    a: Annotated[str, typer.Argument(help="An event id.")],
    b: Annotated[str, typer.Argument(help="Another event id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """How likely A is before B, B before A, or neither (every consistent history
    equally likely), and how that was computed.

    Example: chrono compare events/ coup-2020 goita-rule
    """
    from chrono.errors import UnknownEventError

    timeline = _project_timeline(directory)
    _print_warnings(timeline)
    for name in (a, b):
        try:
            timeline[name]
        except UnknownEventError as err:
            raise ChronoError(f"{directory}: {err}") from None
    result = timeline.compare(a, b)
    if as_json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    from chrono.chronology.probability import method_words

    titles = {p.event.id: p.event.title for p in timeline.events}

    def figure(p: float | None) -> str:
        return "unknown" if p is None else f"{p:.2f}"

    print(f"A  {a}: {titles[a]}")
    print(f"B  {b}: {titles[b]}")
    print(f"A before B      {figure(result.before)}")
    print(f"B before A      {figure(result.after)}")
    print(f"they overlap    {figure(result.same_time)}  (share or touch a day)")
    print(method_words(result))


@app.command()
def build(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder to write into [default: exports]")
    ] = None,
    formats: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="Outputs, comma-separated: html, json, csv, png, svg, pdf, timelinejs, vis, "
            "markwhen, ics [default: html,json,csv]",
        ),
    ] = None,
    fragment: Annotated[
        bool | None,
        typer.Option(
            "--fragment/--no-fragment",
            help="Also write timeline.fragment.html, to paste into a report.",
        ),
    ] = None,
    plotlyjs: Annotated[
        str | None,
        typer.Option(
            "--plotlyjs",
            help="Where plotly.js comes from: cdn, inline (the page's default: "
            "works offline) or directory (plotly.min.js beside the page).",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="The chart's title.")] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Keep running: rebuild on every change to the event files (Ctrl-C stops).",
        ),
    ] = False,
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="packed: events share rows, titles beside their bars; rows: one row each "
            "[default: packed].",
        ),
    ] = None,
    relations: Annotated[
        bool | None,
        typer.Option("--relations/--no-relations", help="Draw arrows for before/after relations."),
    ] = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Width of PNG, SVG and PDF images in pixels.")
    ] = None,
    engine: Annotated[str, _ENGINE] = "local",
    scheduler: Annotated[str | None, _SCHEDULER] = None,
    workers: Annotated[int | None, _WORKERS] = None,
    fiscal_year_start: Annotated[int | None, _FISCAL] = None,
) -> None:
    """Build the timeline of a folder of event files into --out.

    Defaults come from [tool.chrono.build] in the nearest pyproject.toml (or [build]
    in a chrono.toml) found from the events folder upward; options win.

    Example: chrono build events/ --out exports/ --format html,json,csv --fragment
    """
    from chrono.config import find_settings
    from chrono.export import DEFAULT_FORMATS

    settings = find_settings(directory)
    if settings.path is not None:
        print(f"settings from {shown(_relative(settings.path))}")
    config = settings.build
    target = out or Path(config.get("out", "exports"))
    chosen = formats or config.get("format") or ",".join(DEFAULT_FORMATS)
    wanted = [f.strip().lower() for f in chosen.split(",") if f.strip()]
    if not wanted:
        raise ChronoError(
            "--format: name at least one output (html, json, csv, png, svg, pdf, timelinejs, "
            "vis, markwhen, ics)"
        )
    options: dict[str, Any] = {
        # a project default adds the fragment to the page; the flag asks for it outright
        "fragment": fragment
        if fragment is not None
        else (bool(config.get("fragment", False)) and "html" in wanted),
        "plotlyjs": plotlyjs or config.get("plotlyjs"),
        "title": title or config.get("title"),
        "layout": layout or config.get("layout", "packed"),
        "relations": relations if relations is not None else config.get("relations", False),
        "width": width if width is not None else config.get("width"),
    }
    from chrono.resolve import fiscal_year_starting

    fiscal = fiscal_year_start if fiscal_year_start is not None else settings.fiscal_year_start
    cluster = {"engine": engine, "scheduler": scheduler, "workers": workers}
    with fiscal_year_starting(fiscal):
        _build(directory, target, wanted, options, watch, cluster)


def _build(
    directory: Path,
    target: Path,
    wanted: list[str],
    options: dict[str, Any],
    watch: bool,
    cluster: dict[str, Any],
) -> None:
    if watch:
        _watch_and_build(directory, target, wanted, options)
        return
    with _steps(directory) as step:
        step("reading events")
        timeline = _timeline(directory, "; nothing was written", **cluster)
        if cluster["engine"] != "local" or cluster["scheduler"] is not None:
            # at this scale: Parquet, not JSON
            from chrono.export.timeline_parquet import at_scale

            wanted = at_scale(timeline, wanted)
        step("drawing and writing")
        written = _write_exports(timeline, target, wanted, **options)
    _print_warnings(timeline)
    print(summary(timeline, written))


def _watch_and_build(
    directory: Path,
    target: Path,
    wanted: list[str],
    options: dict[str, object],
    on_build: Callable[[bool, str], object] = lambda _ok, _text: None,
) -> None:
    """Build now and after every change, printing each outcome; errors keep the outputs."""
    from chrono.watch import build_once, watch

    if not directory.exists():
        raise ChronoError(f"{directory}: no such folder to watch")

    def once() -> None:
        outcome = build_once(directory, target, wanted, **options)
        for line in outcome.lines:
            print(line, file=sys.stdout if line.startswith(tuple("0123456789")) else sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        on_build(outcome.ok, "\n".join(outcome.lines))

    once()
    watch(
        directory,
        once,
        ready=lambda: print(f"watching {directory} for changes (Ctrl-C stops)", flush=True),
    )


@app.command()
def serve(
    directory: Annotated[Path, _DIRECTORY] = Path("events"),
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Folder to build into [default: a temporary folder]"),
    ] = None,
    port: Annotated[
        int, typer.Option("--port", help="Port on 127.0.0.1 [default: a free one]")
    ] = 0,
    plotlyjs: Annotated[
        str, typer.Option("--plotlyjs", help="cdn, inline or directory (the default: offline).")
    ] = "directory",
    title: Annotated[str | None, typer.Option("--title", help="The chart's title.")] = None,
) -> None:
    """Serve the timeline page on localhost and reload it in the browser after each rebuild.

    Example: chrono serve events/
    """
    import tempfile

    from chrono.config import find_settings
    from chrono.resolve import fiscal_year_starting
    from chrono.serve import start

    settings = find_settings(directory)
    config = settings.build
    with (
        tempfile.TemporaryDirectory(prefix="chrono-serve-") as temporary,
        fiscal_year_starting(settings.fiscal_year_start),
    ):
        target = out or Path(temporary)
        server = start(target, port)
        print(f"serving {server.url} (Ctrl-C stops)", flush=True)
        options = {
            "plotlyjs": plotlyjs,
            "title": title or config.get("title"),
            "layout": config.get("layout", "packed"),
            "relations": config.get("relations", False),
        }

        def tell(ok: bool, text: str) -> None:
            if ok:
                server.built()
            else:
                server.failed(text)

        try:
            _watch_and_build(directory, target, ["html"], options, tell)
        finally:
            server.close()


@app.command()
def extract(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="A plain-text document; '-' reads standard input.")
    ],
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            "-r",
            metavar="YYYY-MM-DD|auto",
            help="The document's date; auto: from its dateline or a date on its first lines.",
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="yaml: a draft events file; json: mentions and drafts."
        ),
    ] = "yaml",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="A corpus (folder or JSON Lines): the Parquet file, one row a mention."
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="Corpus: local (one process) or dask (every core).")
    ] = "dask",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Corpus: a running dask scheduler."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Corpus: local cluster processes (cores).")
    ] = None,
    id_field: Annotated[str, typer.Option("--id-field", help="JSON Lines: the id.")] = "id",
    text_field: Annotated[str, typer.Option("--text-field", help="JSON Lines: the text.")] = "text",
    date_field: Annotated[
        str | None, typer.Option("--date-field", help="JSON Lines: each document's date.")
    ] = None,
    fiscal_year_start: Annotated[int | None, _FISCAL] = None,
) -> None:
    """Find the dates in a text and draft the events of its dated sentences.

    Example: chrono extract article.txt --reference 2025-07-15 > events/article.yaml

    A corpus (a folder of text files, or JSON Lines) goes to Parquet, extracted on
    every core: chrono extract news/ --reference 2025-07-15 --out mentions.parquet
    """
    from chrono.extract import extract as find_dates
    from chrono.extract.draft import as_json, as_yaml

    if out is not None or (file != "-" and _is_corpus(file)):
        from chrono.corpus import Fields

        fields = Fields(id_field, text_field, date_field, reference, fiscal_year_start)
        _extract_corpus(Path(file), out, fields, engine, scheduler, workers)
        return
    if output not in ("yaml", "json"):
        raise ChronoError(f"--format: {output!r} is not yaml or json")
    from chrono.text_input import read_document

    text = read_document(file)  # at most MAX_TEXT_BYTES, decoded with the line of a bad byte
    from chrono.resolve import fiscal_year_starting

    with fiscal_year_starting(fiscal_year_start):
        extraction = find_dates(text, reference)
    if extraction.reference_from is not None:  # --reference auto: say which date it took
        print(f"{shown(file)}: {shown(extraction.reference_from.describe())}", file=sys.stderr)
    if output == "json":
        sys.stdout.write(as_json(extraction))
    else:
        sys.stdout.write(as_yaml(extraction, None if file == "-" else Path(file).name))
    failed = [m for m in extraction.mentions if m.error is not None]
    for m in failed:
        where = shown(f"{file}:{m.start}-{m.end}")
        print(f"warning: {where}: {m.text!r}: {shown(m.error)}", file=sys.stderr)
    if reference is None and any("reference date" in (m.error or "") for m in failed):
        print("  (give the document's date with --reference YYYY-MM-DD)", file=sys.stderr)


def _project_timeline(directory: Path) -> Timeline:
    """:func:`_timeline` with the project's settings that change what dates mean."""
    from chrono.resolve import fiscal_year_starting

    with fiscal_year_starting(_fiscal_setting(directory, None)):
        return _timeline(directory, "")


def _fiscal_setting(directory: Path, given: int | None) -> int | None:
    """``--fiscal-year-start`` if given, else the project's ``fiscal_year_start`` setting."""
    if given is not None:
        return given
    from chrono.config import find_settings

    return find_settings(directory).fiscal_year_start


def _relative(path: Path) -> str:
    """A path as short as it can be said: from the working directory when under it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _is_corpus(file: str) -> bool:
    from chrono.corpus import is_corpus

    return is_corpus(Path(file))


def _extract_corpus(
    source: Path,
    out: Path | None,
    fields: Any,
    engine: str,
    scheduler: str | None,
    workers: int | None,
) -> None:
    """A corpus to Parquet, with a progress bar when standard error is a terminal."""
    from chrono.corpus import extract_corpus

    if out is None:
        raise ChronoError(f"{source}: a corpus is written to Parquet: add --out mentions.parquet")
    with _bytes_bar("extracting") as tell:
        count = extract_corpus(
            source,
            out,
            fields=fields,
            engine=engine,
            scheduler=scheduler,
            workers=workers,
            progress=tell,
        )
    print(f"{count} row(s) written to {out}", file=sys.stderr)


@contextmanager
def _bytes_bar(what: str) -> Iterator[Callable[[int, int], None]]:
    if not sys.stderr.isatty():
        yield lambda _done, _total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    with Progress(
        what,
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        refresh_per_second=2,  # drawn by the driver, which shares the cores with the workers
    ) as bar:
        task = bar.add_task(what, total=None)

        def tell(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tell


def _write_exports(*args: Any, **kwargs: Any) -> list[Path]:
    """The library's write_exports, its errors naming this command's options."""
    from chrono.errors import ExportError
    from chrono.export import write_exports

    try:
        return write_exports(*args, **kwargs)
    except ExportError as err:
        raise ChronoError(f"--{err.setting}: {err}") from None


LARGE_INPUT = 2_000_000  # bytes of event files: past this, show progress


@contextmanager
def _steps(directory: Path) -> Iterator[Callable[[str], None]]:
    """A rich progress display on a terminal when the input is large; silent otherwise."""
    size = (
        sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())
        if directory.is_dir()
        else 0
    )
    if size < LARGE_INPUT or not sys.stderr.isatty():
        yield lambda _what: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("chrono build", total=2)
        started = False

        def step(what: str) -> None:
            nonlocal started
            if started:
                progress.advance(task)
            started = True
            progress.update(task, description=what)

        yield step


def _timeline(directory: Path, written: str, **cluster: Any) -> Timeline:
    """Load and build, or print every problem ``check`` would and stop with status 1.

    ``written`` ends the message (what was not written). No events is an error too:
    an empty chart must not replace a good one. ``cluster`` is read_folder's engine.
    """
    from chrono.chronology.folder import read_folder

    reading = read_folder(directory, **cluster)
    if reading.timeline is None:  # the warnings of a good build are its caller's to print
        _print_problems(reading.problems)
    if reading.refusal is not None:
        raise ChronoError(reading.refusal + written)
    if reading.timeline is None:
        raise ChronoError(f"{counted(reading.errors, 'error')} in {directory}{written}")
    return reading.timeline


def _print_warnings(timeline: Timeline) -> None:
    """A built timeline's warnings, on stderr, so every command that builds one says them."""
    _print_problems([w for w in timeline.warnings if w.severity == "warning"])


def _print_problems(problems: Sequence[Problem]) -> None:
    for line in problem_lines(problems):
        print(line, file=sys.stderr)


def main() -> None:
    try:
        status = app(standalone_mode=False)
    except ChronoError as err:
        print(f"error: {shown_lines(err)}", file=sys.stderr)
        sys.exit(1)
    except typer.Abort:
        print("Aborted!", file=sys.stderr)
        sys.exit(1)
    except Exception as err:
        if not isinstance(err, _click_error()):
            raise
        _show_click_error(err)
    sys.exit(status if isinstance(status, int) else 0)


def _click_error() -> type[Exception]:
    """click's ClickException, whether typer vendors click or depends on it."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _show_click_error(err: Exception) -> None:
    """A usage error as click words it, but with the one ``error:`` of every message."""
    import io
    import re

    shown = io.StringIO()
    err.show(file=shown)  # type: ignore[attr-defined]
    sys.stderr.write(re.sub(r"^Error: ", "error: ", shown.getvalue(), flags=re.MULTILINE))
    sys.exit(err.exit_code)  # type: ignore[attr-defined]
