"""``chrono parse -``: date expressions from standard input to JSON Lines, started lean.

A batch's cost is its parse and little more: input is read in chunks, decoded and
split once per chunk (:func:`chrono.text_input.input_batches`); each line is written
from a template (:func:`chrono.serialize.interval_json`), and each hundred or so
lines go out in one write, while their answers are still in the cache. A command
line that is exactly a ``chrono parse -`` is read here
(:func:`batch_request`, called first by ``chrono/__main__.py``) and run without
importing typer, whose import and type adapters cost a process more than thousands
of lines do; anything else goes to :mod:`chrono.cli`, whose ``parse`` command calls
:func:`parse_lines` too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from chrono.days import Day
from chrono.errors import ChronoError, MissingReferenceError, ParseError
from chrono.model import Interval
from chrono.terminal import json_shown, shown_lines


def message(err: ParseError) -> str:
    """The error, and how to give a missing reference date with this command."""
    hint = (
        " (give it with --reference YYYY-MM-DD)" if isinstance(err, MissingReferenceError) else ""
    )
    return f"{err}{hint}"


def parse_lines(
    reference: Day | None,
    dayfirst: bool | None,
    as_edtf: bool = False,
    fiscal_year_start: int | None = None,
) -> int:
    """JSON Lines from stdin in one process: a failing line reports and the rest go on.

    The exit status: 1 if any line failed (an error object, or a line not UTF-8,
    said on standard error in its place), else 0.
    """
    from chrono.parse import parse as parse_text
    from chrono.serialize import error_json, interval_json
    from chrono.text_input import BadLine, input_batches

    edtf = _edtf_json if as_edtf else None
    write = _writer()
    failed = 0
    for lines in input_batches():
        done: list[str] = []
        append = done.append
        try:
            for text in lines:
                if isinstance(text, BadLine):  # not UTF-8: said on stderr, and the line left out
                    failed = 1
                    write(done)
                    done.clear()
                    print(f"error: {text.message}", file=sys.stderr)
                    continue
                try:
                    interval = parse_text(
                        text, reference, dayfirst=dayfirst, fiscal_year_start=fiscal_year_start
                    )
                except ParseError as err:
                    failed = 1
                    append(error_json(text, message(err)))
                    continue
                line = interval_json(interval, text)
                append(line if edtf is None else edtf(line, interval))
        finally:  # what was answered is written, even before an unexpected error
            write(done)
    return failed


def _edtf_json(line: str, interval: Interval) -> str:
    """A line of interval_json with the fields --json --edtf adds at its end."""
    from json.encoder import encode_basestring

    from chrono.edtf_format import of_interval

    said = of_interval(interval)
    exact = "true" if said.exact else "false"
    return f'{line[:-1]}, "edtf": {encode_basestring(said.text)}, "edtf_exact": {exact}}}'


def _writer() -> Callable[[list[str]], None]:
    """Lines written at once, made safe to print (json_shown works per character).

    UTF-8 bytes go straight to the binary stream; another encoding (or a stdout with
    no buffer) gets the text, as print would give it.
    """
    out = sys.stdout
    binary = getattr(out, "buffer", None)
    if binary is None or (out.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):

        def text(lines: list[str]) -> None:
            if lines:
                out.write(json_shown("\n".join(lines) + "\n"))
                out.flush()

        return text
    out.flush()

    def data(lines: list[str]) -> None:
        if lines:
            binary.write(json_shown("\n".join(lines) + "\n").encode("utf-8"))
            binary.flush()

    return data


def batch_request(args: list[str]) -> tuple[str | None, bool | None, bool] | None:
    """(reference, dayfirst, edtf) when the command line is exactly a ``chrono parse -``.

    Whatever else it holds (help, a repeated option, an option's value starting
    with '-', another command) is typer's to read: None.
    """
    if args[:1] != ["parse"]:
        return None
    reference: str | None = None
    dayfirst: bool | None = None
    edtf = dash = given = False
    rest = iter(args[1:])
    for arg in rest:
        if arg == "-" and not dash:
            dash = True
        elif arg in ("--json", "--edtf"):
            edtf = edtf or arg == "--edtf"
        elif arg in ("--dayfirst", "--monthfirst"):
            dayfirst = arg == "--dayfirst"
        elif arg in ("--reference", "-r") and not given:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
            reference, given = value, True
        elif arg.startswith("--reference=") and not given:
            reference, given = arg.removeprefix("--reference="), True
        else:
            return None
    return (reference, dayfirst, edtf) if dash else None


def run(reference: str | None, dayfirst: bool | None, as_edtf: bool) -> int:
    """``chrono parse -`` ended as the command ends it through typer: a bad reference
    is one message and status 1, a reader gone (``| head``) status 1 in silence,
    Ctrl-C status 130."""
    from chrono.parse import to_day

    try:
        return parse_lines(to_day(reference), dayfirst, as_edtf)
    except ChronoError as err:
        print(f"error: {shown_lines(err)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        import os

        # what is left in the buffer goes nowhere, quietly, when Python flushes it at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
