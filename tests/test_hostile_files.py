"""Hostile event files cost bounded work and memory, and end in one clear message.

Each file is checked by ``chrono check`` in a process of its own, which reports
the function calls the command made (counted by cProfile, so the same on an idle
machine and a busy one) and its peak memory (``ru_maxrss``), so nothing the test
process did before counts. What the bounds catch is a file that runs away: an
alias bomb that expands a billion values, nesting that crashes the interpreter,
a file read whole. How long the command takes is measured in benchmarks/.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.chronology import analyse
from chrono.events.files import load_folder
from chrono.extract import extract
from chrono.extract import text as extract_text

BAD = Path(__file__).parent / "data" / "bad"
VALID = Path(__file__).parent / "data" / "events" / "valid"
# Calls for the command itself, after the interpreter has started: about 150,000
# for any check, 1.2 million for the worst alias file, 2.2 million for five
# events of 1 MB values. An alias bomb let run would make billions.
CALLS = 5_000_000
PEAK_MB = 500
MB = 1024 * 1024
TOO_DEEP = "nested too deeply (more than 100 lists and mappings inside each other)"
EXPANDS = "YAML aliases expand too far (more than 100000 values)"
REPEATS = "repeats too much (write the values out instead)"
DRIVER = """
import cProfile, resource, sys
from chrono.cli import main
sys.argv = ["chrono", "check", "events"]
profiler = cProfile.Profile()
profiler.enable()
try:
    main()
finally:
    profiler.disable()
    work = sum(entry.callcount for entry in profiler.getstats())
    print(work, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)  # KiB on Linux
"""


def check(folder: Path) -> tuple[list[str], float, int]:
    """``chrono check events`` run in ``folder``: its lines, its function calls, its peak MiB."""
    done = subprocess.run(
        [sys.executable, "-c", DRIVER],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 1, done.stderr
    work, peak = done.stdout.split()
    return done.stderr.splitlines(), int(work), int(peak)


def _bomb(levels: int, fanout: int) -> str:
    """A billion laughs: each anchor a list of ``fanout`` aliases of the one before."""
    lines = [f"l0: &l0 [{', '.join(['lol'] * fanout)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * fanout)}]" for i in range(1, levels)]
    return "\n".join([*lines, f"events: *l{levels - 1}", ""])


def _merges(count: int) -> str:
    """Each mapping merges the one before: what aliases add grows with the square."""
    lines = ["m0: &m0 {f0: x}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i - 1}, f{i}: x}}" for i in range(1, count)]
    return "\n".join([*lines, "title: Merges", "date: 2020", ""])


def _write(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _sized(size: int, sparse: bool) -> Callable[[Path], None]:
    """``size`` bytes: a sparse file (no time, no disk) or spaces written out."""

    def write(path: Path) -> None:
        with path.open("wb") as stream:
            if sparse:
                stream.truncate(size)
            else:
                chunk = b" " * MB
                for _ in range(size // MB):
                    stream.write(chunk)

    return write


TOO_LARGE = (
    "file too large: 60.0 MB, over the 50 MB limit for one event file (split it into several)"
)
HOSTILE: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "billion laughs": (
        "bomb.yaml",
        _write(_bomb(10, 10)),
        f"bomb.yaml:5: {EXPANDS}: *l3 {REPEATS}",
    ),
    "a wide alias bomb": (
        "bomb.yaml",
        _write(_bomb(3, 1000)),
        f"bomb.yaml:2: {EXPANDS}: *l0 {REPEATS}",
    ),
    "a recursive alias, many times over": (
        "bomb.yaml",
        _write("loop: &l [" + ", ".join(["*l"] * 1000) + "]\ntitle: x\ndate: 2020\n"),
        f"bomb.yaml:1: {EXPANDS}: *l {REPEATS}",
    ),
    "merges of merges": (
        "merges.yaml",
        _write(_merges(2000)),
        f"merges.yaml:225: {EXPANDS}: *m223 {REPEATS}",
    ),
    "100,000 [ in YAML": ("deep.yaml", _write("[" * 100_000), f"deep.yaml:1: YAML {TOO_DEEP}"),
    "100,000 { in YAML": (
        "deep.yaml",
        _write("{a: " * 100_000),
        f"deep.yaml:1: YAML {TOO_DEEP}",
    ),
    "100,000 - in YAML": (
        "deep.yaml",
        _write("- " * 100_000 + "x\n"),
        f"deep.yaml:1: YAML {TOO_DEEP}",
    ),
    "2,000 levels of indentation in YAML": (
        "deep.yaml",
        _write("".join(f"{' ' * i}- \n" for i in range(2_000))),  # 2 MB already
        f"deep.yaml:101: YAML {TOO_DEEP}",
    ),
    "100,000 [ in JSON": ("deep.json", _write("[" * 100_000), f"deep.json:1: JSON {TOO_DEEP}"),
    "100,000 { in JSON": (
        "deep.json",
        _write('{"a":\n' * 100_000),
        f"deep.json:101: JSON {TOO_DEEP}",
    ),
    "60 MB, sparse": ("big.yaml", _sized(60 * MB, sparse=True), f"big.yaml:1: {TOO_LARGE}"),
    "60 MB of spaces": ("big.json", _sized(60 * MB, sparse=False), f"big.json:1: {TOO_LARGE}"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_in_bounded_work_and_memory(case: str, tmp_path: Path) -> None:
    name, write, message = HOSTILE[case]
    (tmp_path / "events").mkdir()
    write(tmp_path / "events" / name)
    lines, work, peak = check(tmp_path)
    assert lines == [f"error: events/{message}", "0 events, 1 error, 0 warnings"]
    assert work < CALLS
    assert peak < PEAK_MB


def test_a_large_file_under_the_limit_is_read_in_bounded_work_and_memory(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    with (tmp_path / "events" / "large.yaml").open("w", encoding="utf-8") as stream:
        stream.write("title: Large\ndate: next to nothing\ndescription: |\n")
        stream.write(("  " + "x" * 98 + "\n") * (40 * MB // 100))
    lines, work, peak = check(tmp_path)
    assert lines[-1] == "1 event, 1 error, 0 warnings"  # the date; the 40 MB were read
    assert work < CALLS
    assert peak < PEAK_MB


def test_one_megabyte_values_are_cut_in_every_message(tmp_path: Path) -> None:
    huge = "x" * MB
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "huge.yaml").write_text(
        textwrap.dedent(
            f"""\
            events:
              - title: {huge}
                date: {huge}
              - title: {huge}
                start: 2020
                end: {huge}
              - id: {huge}
                title: {huge}
                date: 2020
              - title: {huge}
                after: [{huge}, "{huge} {huge}"]
                url: https://{huge}/ {huge}
              - title: {huge}
                date: 2020
                ? {huge}
                : 1
            """
        ),
        encoding="utf-8",
    )
    lines, work, _peak = check(tmp_path)
    assert lines[-1] == "3 events, 6 errors, 1 warning"
    assert max(len(line) for line in lines) < 300
    assert work < CALLS


def _copies(source: Path, lf: Path, crlf: Path) -> None:
    """Each text file of ``source`` with LF line endings into ``lf``, with CRLF into ``crlf``."""
    for path in source.iterdir():
        data = path.read_bytes().replace(b"\r\n", b"\n")
        if not path.name.endswith(".expected") and not data.startswith(b"\xff\xfe"):  # UTF-16
            (lf / path.name).write_bytes(data)
            (crlf / path.name).write_bytes(data.replace(b"\n", b"\r\n"))


@pytest.mark.parametrize("source", [VALID, BAD], ids=["valid", "bad"])
def test_windows_line_endings_give_the_same_events_problems_and_lines(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "lf" / "events").mkdir(parents=True)
    (tmp_path / "crlf" / "events").mkdir(parents=True)
    _copies(source, tmp_path / "lf" / "events", tmp_path / "crlf" / "events")
    assert any(b"\r\n" in path.read_bytes() for path in (tmp_path / "crlf" / "events").iterdir())
    read = []
    for ending in ("lf", "crlf"):
        monkeypatch.chdir(tmp_path / ending)
        events, problems = load_folder("events")
        _timeline, found = analyse(events)
        read.append(
            (
                [(event, event.lines) for event in events],
                [str(problem) for problem in problems + found],
            )
        )
    assert read[0] == read[1]
    assert read[0][0] or source == BAD


# Extraction: linear in the text whatever its shape, and each mention's context bounded

SHAPES = {
    "May May May": lambda n: "May " * n,
    "numbers": lambda n: " ".join(str(1900 + i % 100) for i in range(n)),
    "no spaces": lambda n: "(2020)" * n,
    "dates, no sentence breaks": lambda n: "on 3 May 2021 and " * n,
}


class _Counting:
    """A compiled pattern that counts the characters each search may read."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read = 0

    def _span(self, string: str, pos: int, endpos: int) -> None:
        self.read += max(0, min(endpos, len(string)) - pos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._span(string, pos, endpos)
        return self.pattern.search(string, pos, endpos)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_tense_reads_a_bounded_stretch_per_mention(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counters = {}
    for name in ("_CLAUSE", "_AHEAD", "_PAST", "REPORTING"):
        counters[name] = _Counting(getattr(extract_text, name))
        monkeypatch.setattr(extract_text, name, counters[name])
    text = SHAPES[shape](2000)
    mentions = extract(text, "2025-07-15").mentions
    assert len(mentions) >= 500
    near = extract_text.NEAR
    wide = extract_text.WIDE
    # each mention: clause marks within NEAR (+3) either side, tense markers within NEAR
    # of it (twice: future or the timetable's present, and past), and a reporting verb
    # in the 30 characters before; with none near, the clause marks and markers within
    # WIDE before it; an opening phrase also reads the markers after it within WIDE
    bound = sum(
        2 * (near + 3)
        + 2 * (2 * near + len(m.text))
        + 30
        + (wide + 3)
        + 2 * wide
        + 2 * (wide + len(m.text))
        for m in mentions
    )
    assert sum(counter.read for counter in counters.values()) <= bound


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_mention_carries_a_bounded_excerpt_and_output_grows_linearly(shape: str) -> None:
    from chrono.extract.draft import as_json

    sizes = []
    for n in (1000, 2000):
        extraction = extract(SHAPES[shape](n), "2025-07-15")
        bound = extract_text.WHOLE + 2 * extract_text.AROUND + 2
        assert all(len(m.sentence) <= bound + len(m.text) for m in extraction.mentions)
        sizes.append(len(as_json(extraction)))
    assert sizes[1] <= 2.2 * sizes[0]  # twice the text, about twice the output


@given(
    st.text(alphabet="ab ,;.-()will was ed to that opens and", min_size=1, max_size=1200),
    st.integers(min_value=0, max_value=1200),
    st.integers(min_value=1, max_value=20),
)
def test_an_excerpt_holds_its_mention_and_reads_its_tense_as_the_sentence_does(
    sentence: str, at: int, length: int
) -> None:
    start = min(at, len(sentence) - 1)
    end = min(len(sentence), start + length)
    part, offset = extract_text.excerpt(sentence, 0, len(sentence), start, end)
    assert part[start - offset : end - offset] == sentence[start:end]
    assert len(part) <= extract_text.WHOLE + 2 * extract_text.AROUND + 2 + (end - start)
    assert extract_text.tense(part, start - offset, end - offset) == _old_tense(
        sentence, start, end
    )
    assert extract_text.reported(part, start - offset) == extract_text.reported(sentence, start)


def _old_tense(sentence: str, start: int, end: int) -> str | None:
    """tense() reading whole clauses: the reference the bounded one must match."""
    t = extract_text
    left = max((m.end() for m in t._CLAUSE.finditer(sentence, 0, start)), default=0)
    right = next((m.start() for m in t._CLAUSE.finditer(sentence, end)), len(sentence))
    found = t._nearest(sentence, max(left, start - t.NEAR), min(right, end + t.NEAR), start, end)
    if found is not None:
        return found
    # nothing near: the markers of its own clause up to WIDE before it
    if left < start - t.NEAR:
        found = t._nearest(sentence, max(left, start - t.WIDE), start, start, end, True)
        if found is not None:
            return found
    if left > 0 or right == len(sentence) or start > t.WIDE:
        return None
    # an opening phrase: the markers after it, up to a quotation mark, within WIDE
    quote = next((m.start() for m in t._QUOTE.finditer(sentence, right + 1)), len(sentence))
    limit = end + t.WIDE
    if limit < len(sentence):  # the words that end within WIDE characters
        limit = max(right, sentence.rfind(" ", right, limit))
    return t._nearest(sentence, right, min(quote, limit), start, end)


# Memory per event

PER_EVENT_KB = 2.5  # measured about 2 KiB an event for `chrono check` (README, Reliability)


def _peak_check(folder: Path, events: int, kind: str) -> int:
    """Peak MiB of `chrono check` on ``events`` generated events in one YAML or CSV file."""
    (folder / "events").mkdir(parents=True)
    if kind == "yaml":
        lines = ["source: generated", "events:"]
        for i in range(events):
            date = f"{1800 + i % 225}-05-{1 + i % 28:02d}"
            lines += [
                f"  - title: Event number {i}",
                f"    date: {date}",
                f"    lane: lane {i % 7}",
            ]
        (folder / "events" / "e.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        rows = ["title,date,lane"] + [
            f"Event number {i},{1800 + i % 225}-05-{1 + i % 28:02d},lane {i % 7}"
            for i in range(events)
        ]
        (folder / "events" / "e.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER], cwd=folder, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[1])


@pytest.mark.parametrize("kind", ["yaml", "csv"])
def test_memory_grows_by_a_few_kilobytes_an_event(kind: str, tmp_path: Path) -> None:
    small = _peak_check(tmp_path / "small", 5_000, kind)
    large = _peak_check(tmp_path / "large", 20_000, kind)
    assert (large - small) * 1024 / 15_000 < PER_EVENT_KB
