"""`chrono parse -`, the batch path: its exact bytes, its reading of lines, its options.

The batch path writes each line from a template and reads its input in chunks; the
tests here hold it to what the command has always printed: one JSON object a line
(dates.md's fields, in order, as ``json.dumps`` writes them), an error object for a
line that cannot be read, a line that is not UTF-8 said on standard error and left
out, and exit status 1 if any line failed.
"""

from __future__ import annotations

import io
import json
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono import __main__ as entry
from chrono import batch, cli
from chrono.days import Day
from chrono.model import Interval, Window
from chrono.serialize import error_json, interval_dict, interval_json
from chrono.text_input import BadLine, input_batches
from tests.strategies import days


def run(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args], input=stdin, capture_output=True, timeout=120
    )


def year_line(text: str, year: str) -> str:
    day = f'{{"earliest": "{year}-01-01", "latest": "{year}-12-31"}}'
    return (
        f'{{"text": "{text}", "earliest": "{year}-01-01", "latest": "{year}-12-31", '
        f'"start": {day}, "end": {day}, "precision": "year", "qualifiers": [], "warnings": []}}'
    )


LONG = "1" * 1500  # past the 1,000 characters of a date expression
MIXED_INPUT = (
    b"\xef\xbb\xbf2022\r\n"  # a byte-order mark, and a CRLF line break
    b"\n"  # a blank line
    b"  late 2022  \r\r\n"  # spaces kept in the text; every CR before the LF goes
    b"May 2021 \xff\n"  # not UTF-8: said on stderr, left out
    b"from March 2001 to 2003\n"
    b"circa 1990\n" + LONG.encode() + b"\n"
    b"-0499\n"  # 500 BC
    b"Y12000\n"  # past datetime's years
    b"caf\xc3\xa9 \xe2\x80\xae\n"  # UTF-8, with a right-to-left override
    b"1999-12-31"  # the last line, without a line break
)


def test_batch_output_is_exactly_one_json_object_a_line() -> None:
    done = run(["parse", "-"], MIXED_INPUT)
    late = '{"earliest": "2022-09-01", "latest": "2022-12-31"}'
    expected = [
        year_line("2022", "2022"),
        '{"text": "", "error": "empty date expression: expected a date expression"}',
        f'{{"text": "  late 2022  ", "earliest": "2022-09-01", "latest": "2022-12-31", '
        f'"start": {late}, "end": {late}, "precision": "third", "qualifiers": [], '
        f'"warnings": []}}',
        '{"text": "from March 2001 to 2003", "earliest": "2001-03-01", "latest": "2003-12-31", '
        '"start": {"earliest": "2001-03-01", "latest": "2001-03-31"}, '
        '"end": {"earliest": "2003-01-01", "latest": "2003-12-31"}, '
        '"precision": "year", "qualifiers": [], "warnings": []}',
        '{"text": "circa 1990", "earliest": "1989-01-01", "latest": "1991-12-31", '
        '"start": {"earliest": "1989-01-01", "latest": "1991-12-31"}, '
        '"end": {"earliest": "1989-01-01", "latest": "1991-12-31"}, '
        '"core": {"earliest": "1990-01-01", "latest": "1990-12-31"}, '
        '"precision": "year", "qualifiers": ["approximate"], "warnings": []}',
        f'{{"text": "{LONG}", "error": "cannot read \'{LONG[:77]}...\' at position 1000: '
        'a date expression of at most 1000 characters"}',
        year_line("-0499", "-0499"),
        year_line("Y12000", "+12000"),
        None,  # checked below: its message is the grammar's
        '{"text": "1999-12-31", "earliest": "1999-12-31", "latest": "1999-12-31", '
        '"start": {"earliest": "1999-12-31", "latest": "1999-12-31"}, '
        '"end": {"earliest": "1999-12-31", "latest": "1999-12-31"}, '
        '"precision": "day", "qualifiers": [], "warnings": []}',
    ]
    lines = done.stdout.decode("utf-8").split("\n")
    assert lines[-1] == ""  # every line ends with a line break, the last one too
    assert len(lines) - 1 == len(expected)
    for got, want in zip(lines, expected, strict=False):
        if want is not None:
            assert got == want
    bidi = json.loads(lines[8])
    assert bidi["text"] == "café \u202e" and "error" in bidi
    assert lines[8].startswith('{"text": "café \\u202e", "error": "cannot read ')  # shown escaped
    assert done.stderr.decode("utf-8") == (
        "error: standard input: not UTF-8 text: byte 0xff on line 4 (column 10) "
        "cannot be read (save it as UTF-8)\n"
    )
    assert done.returncode == 1


def test_a_line_that_is_not_utf8_is_said_in_its_place() -> None:
    """Standard error and output into one file: the message stands where the line would."""
    done = subprocess.run(
        [sys.executable, "-m", "chrono", "parse", "-"],
        input=b"2020\n2021\xff\n2022\n",
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=120,
    )
    said = [line.split(",")[0] for line in done.stdout.decode("utf-8").splitlines()]
    assert said == [
        '{"text": "2020"',
        "error: standard input: not UTF-8 text: byte 0xff on line 2 (column 5) cannot be read "
        "(save it as UTF-8)",
        '{"text": "2022"',
    ]


def test_batch_edtf_fields_end_each_object() -> None:
    done = run(["parse", "-", "--edtf"], b"August 2020\nnot a date at all\n")
    first, second = done.stdout.decode("utf-8").splitlines()
    month = '{"earliest": "2020-08-01", "latest": "2020-08-31"}'
    assert first == (
        f'{{"text": "August 2020", "earliest": "2020-08-01", "latest": "2020-08-31", '
        f'"start": {month}, "end": {month}, "precision": "month", "qualifiers": [], '
        f'"warnings": [], "edtf": "2020-08", "edtf_exact": true}}'
    )
    assert list(json.loads(second)) == ["text", "error"]  # no edtf fields on an error
    assert done.returncode == 1


def test_batch_of_many_chunks_answers_every_line_as_parse_json_does() -> None:
    """Lines across many reads: the same objects, in order, as one `parse --json` each."""
    texts = [f"{y}-{m:02d}" if y % 3 else f"late {y}" for y in range(1000, 3000) for m in (1, 7)]
    texts += ["x" * 70_000, "", "1 May 2020"]  # one line longer than a read
    stdin = "\r\n".join(texts).encode()
    done = run(["parse", "-", "--reference", "2025-07-15"], stdin)
    out = done.stdout.decode("utf-8").splitlines()
    assert len(out) == len(texts)
    import chrono

    for text, line in zip(texts, out, strict=True):
        try:
            interval = chrono.parse(text, "2025-07-15")
        except chrono.ParseError:
            assert list(json.loads(line)) == ["text", "error"]
            assert json.loads(line)["text"] == text
            continue
        assert line == json.dumps(interval_dict(interval, text), ensure_ascii=False)
    assert done.returncode == 1


def test_empty_input_prints_nothing_and_succeeds() -> None:
    done = run(["parse", "-"], b"")
    assert (done.stdout, done.stderr, done.returncode) == (b"", b"", 0)


# The lines, read in chunks of any size


def batches(data: bytes, size: int, most: int = 128) -> list[str | tuple[str]]:
    """Every line read, a BadLine as a 1-tuple of its message (comparable)."""
    lists = list(input_batches(io.BytesIO(data), size, most))
    assert all(0 < len(lines) <= most for lines in lists)
    return [(line.message,) if isinstance(line, BadLine) else line for b in lists for line in b]


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64, 1 << 16])
def test_lines_are_the_same_whatever_the_chunk_size(size: int) -> None:
    data = b"\xef\xbb\xbfa\r\nb\n\n\xef\xbb\xbfc\rd\r\r\ne\xc3\xa9\n\xff x\nlast"
    assert batches(data, size) == [
        "a",
        "b",
        "",
        "\ufeffc\rd",  # a mark after the first line is text; a CR inside the line too
        "eé",
        (
            "standard input: not UTF-8 text: byte 0xff on line 6 (column 1) "
            "cannot be read (save it as UTF-8)",
        ),
        "last",
    ]


def test_a_line_break_at_the_end_adds_no_line() -> None:
    assert batches(b"a\n", 1) == ["a"]
    assert batches(b"\n", 4) == [""]
    assert batches(b"", 4) == []


def reference_lines(data: bytes) -> list[str | tuple[str]]:
    """The lines as the command has always read them: one at a time, split at LF."""
    raws = data.split(b"\n")
    if raws[-1] == b"":
        raws.pop()
    out: list[str | tuple[str]] = []
    for number, raw in enumerate(raws, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        raw = raw.rstrip(b"\r")
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError as err:
            out.append(
                (
                    f"standard input: not UTF-8 text: byte 0x{raw[err.start]:02x} on line "
                    f"{number} (column {err.start + 1}) cannot be read (save it as UTF-8)",
                )
            )
    return out


PIECES = [b"\n", b"\r", b"\r\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xa9", b"a", b"2020", b" "]


@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(1, 12), st.integers(1, 4))
def test_lines_read_in_chunks_are_the_lines_read_one_by_one(
    pieces: list[bytes], size: int, most: int
) -> None:
    data = b"".join(pieces)
    assert batches(data, size, most) == reference_lines(data)


def test_a_chunk_of_many_lines_is_handed_on_in_short_lists() -> None:
    data = b"".join(b"%d\n" % n for n in range(1000))
    lists = list(input_batches(io.BytesIO(data), 1 << 16, 128))
    assert [len(lines) for lines in lists] == [128] * 7 + [104]
    assert [line for lines in lists for line in lines] == [str(n) for n in range(1000)]


# The JSON of a line, from its template


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    """Any consistent interval: days a <= b <= c <= d, start [a, c], end [b, d], some open."""
    a, b, c, d = sorted(draw(st.lists(days(), min_size=4, max_size=4)))
    first = None if draw(st.booleans()) else a
    last = None if draw(st.booleans()) else d
    start = Window(first, c)
    if draw(st.booleans()):  # within one window, start and end one object
        start = end = Window(first, last)
    else:
        end = Window(b, last)
    core = Window(b, c) if draw(st.booleans()) else None
    words = st.lists(st.text(max_size=8), max_size=3).map(tuple)
    return Interval(
        start,
        end,
        draw(st.sampled_from(["day", "month", "year", "decade", "set"])),
        core,
        draw(words),
        draw(words),
    )


@given(intervals(), st.text())
def test_a_line_is_json_dumps_of_the_object_of_dates_md(interval: Interval, text: str) -> None:
    assert interval_json(interval, text) == json.dumps(
        interval_dict(interval, text), ensure_ascii=False
    )


@given(st.text(), st.text())
def test_an_error_line_is_json_dumps_of_text_and_error(text: str, error: str) -> None:
    assert error_json(text, error) == json.dumps({"text": text, "error": error}, ensure_ascii=False)


def test_days_outside_datetime_are_written_with_their_sign() -> None:
    deep = Interval.within(Window(Day("-0499-01-01"), Day("+12000-12-31")), "set")
    assert interval_json(deep, "x").startswith(
        '{"text": "x", "earliest": "-0499-01-01", "latest": "+12000-12-31", '
    )
    year_zero = Interval.within(Window.of_day(Day("0000-03-01")), "day")
    assert '"earliest": "0000-03-01"' in interval_json(year_zero, "x")


# The command line of a bare `parse -`, read without typer


@pytest.mark.parametrize(
    ("args", "request_"),
    [
        (["parse", "-"], (None, None, False)),
        (["parse", "-", "--json"], (None, None, False)),
        (["parse", "--edtf", "-"], (None, None, True)),
        (["parse", "-", "-r", "2025-07-15"], ("2025-07-15", None, False)),
        (["parse", "--reference=2025-07-15", "-", "--dayfirst"], ("2025-07-15", True, False)),
        (["parse", "-", "--dayfirst", "--monthfirst"], (None, False, False)),
        (["parse", "--reference", "", "-"], ("", None, False)),
    ],
)
def test_a_bare_batch_command_line_is_read_directly(
    args: list[str], request_: tuple[Any, ...]
) -> None:
    assert batch.batch_request(args) == request_


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["parse"],
        ["parse", "2020"],
        ["parse", "-", "-"],
        ["parse", "-", "2020"],
        ["parse", "-", "--help"],
        ["parse", "-", "--reference"],
        ["parse", "-", "-r", "2020-01-01", "-r", "2021-01-01"],
        ["parse", "-", "--reference", "-0499-01-01"],
        ["parse", "-", "--", "-"],
        ["parse", "-", "--bogus"],
        ["check", "-"],
        ["--help", "parse", "-"],
    ],
)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert batch.batch_request(args) is None


BOTH_WAYS = [
    ["parse", "-"],
    ["parse", "-", "--json", "--edtf"],
    ["parse", "-", "--reference", "2020-02-29", "--dayfirst"],
    ["parse", "--monthfirst", "-r", "2020-02-29", "-"],
    ["parse", "--reference=2020-02-29", "-", "--dayfirst", "--monthfirst"],
    ["parse", "-", "--reference", "yesterday"],
]


@pytest.mark.parametrize("args", BOTH_WAYS)
def test_the_direct_path_does_what_typer_does(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = b"03/04/2021\nMay 12\nlast year\nnonsense\n"

    def command(direct: bool) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        monkeypatch.setattr(sys, "argv", ["chrono", *args])
        with pytest.raises(SystemExit) as stop:
            (entry.main if direct else cli.main)()  # cli.main: typer reads every command line
        out, err = capsys.readouterr()
        return int(stop.value.code or 0), out, err

    direct, typer = command(True), command(False)
    assert direct == typer
    assert direct[1] or direct[2]  # something was said


def test_a_batch_loads_no_command_machinery_and_no_charts() -> None:
    """`parse -` reads its own command line: no typer, no pydantic, no rich, no plotly, no
    difflib (for did-you-mean), and none of chrono's chronology, events or export."""
    code = (
        "import io, sys, runpy\n"
        "sys.argv = ['chrono', 'parse', '-', '--reference', '2025-07-15']\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'May 12\\n'))\n"
        "try:\n    runpy.run_module('chrono', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'pydantic', 'rich', 'plotly', 'click', 'difflib'}), "
        "sorted(m for m in sys.modules if m.startswith(('chrono.chronology', 'chrono.events', "
        "'chrono.export'))), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert json.loads(done.stdout)["earliest"] == "2025-05-12"
    assert done.stderr.strip() == "[] []"


# Ending early: the reader goes away, or Ctrl-C; the direct path ends as typer's does

BOTH_PATHS = [["parse", "-"], ["parse", "-", "-r", "2020-01-01", "-r", "2020-01-01"]]


@pytest.mark.parametrize("args", BOTH_PATHS, ids=["direct", "typer"])
def test_a_reader_that_goes_away_ends_the_batch_quietly(tmp_path: Path, args: list[str]) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("2020-05-01\n" * 50_000)  # far more than a pipe holds
    with source.open("rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "chrono", *args],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        assert json.loads(process.stdout.readline())["text"] == "2020-05-01"
        process.stdout.close()  # as `| head -1` does
        status = process.wait(timeout=120)
        said = process.stderr.read()
        process.stderr.close()
    assert (status, said) == (1, b"")


@pytest.mark.parametrize("args", BOTH_PATHS, ids=["direct", "typer"])
def test_ctrl_c_ends_the_batch_with_status_130(args: list[str]) -> None:
    # A shell without job control starts background jobs with SIGINT ignored, and a
    # child inherits that: give the command a terminal's default, as a user's shell does.
    process = subprocess.Popen(
        [sys.executable, "-m", "chrono", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"2020\n")
    process.stdin.flush()
    answered, _, _ = select.select([process.stdout], [], [], 60)
    if not answered:  # a batch that waits for a whole chunk before answering
        process.kill()
        pytest.fail("a line written to a batch that stays open was not answered")
    assert json.loads(process.stdout.readline())["text"] == "2020"  # answered as typed
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (130, b"")
