"""`chrono check` and `chrono build` on every kind of bad input, one file at a time.

Each case in ``tests/data/bad/`` is one file and, beside it, ``NAME.expected``: the
exact lines `chrono check` prints for it on stderr, the summary included. The big
cases (100,000 levels of nesting, a 60 MB file, 1 MB values) are made here instead
of being committed. Every case is copied alone into ``events/`` of its own folder
and run from that folder, so the paths in the messages read ``events/NAME``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

BAD = Path(__file__).parent / "data" / "bad"
VALID = Path(__file__).parent / "data" / "events" / "valid"
SUMMARY = re.compile(r"(\d+) events?, (\d+) errors?, (\d+) warnings?")
FIELDS = (
    "after, before, contains, date, description, during, end, fiscal_year_start, id, lane, "
    "overlaps, "
    "quote, reference, source, start, tags, title, url"
)
TOO_DEEP = "nested too deeply (more than 100 lists and mappings inside each other)"
MB = 1024 * 1024


def _sparse(size: int) -> Callable[[Path], None]:
    """A file of ``size`` bytes that takes no time to write and no room on disk."""

    def write(path: Path) -> None:
        with path.open("wb") as stream:
            stream.truncate(size)

    return write


def _text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


HUGE = "a" * MB
# name -> (how to write it, the lines `chrono check` prints)
MADE: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "deep-100k.yaml": (
        _text("[" * 100_000),
        [f"error: events/deep-100k.yaml:1: YAML {TOO_DEEP}", "0 events, 1 error, 0 warnings"],
    ),
    "deep-block-100k.yaml": (
        _text("- " * 100_000 + "x\n"),
        [
            f"error: events/deep-block-100k.yaml:1: YAML {TOO_DEEP}",
            "0 events, 1 error, 0 warnings",
        ],
    ),
    "deep-100k.json": (
        _text('{"title": "Deep",\n "notes": ' + "[" * 100_000),
        [f"error: events/deep-100k.json:2: JSON {TOO_DEEP}", "0 events, 1 error, 0 warnings"],
    ),
    "too-large.yaml": (
        _sparse(60 * MB),
        [
            "error: events/too-large.yaml:1: file too large: 60.0 MB, over the 50 MB limit for "
            "one event file (split it into several)",
            "0 events, 1 error, 0 warnings",
        ],
    ),
    "huge-url.yaml": (
        _text(f"title: {HUGE}\ndate: 2020\nurl: javascript:{HUGE}\n"),
        [
            "error: events/huge-url.yaml:3: url must be an http or https address, "
            f"not 'javascript:{'a' * 66}...'",
            "0 events, 1 error, 0 warnings",
        ],
    ),
    "huge-id.json": (
        _text(f'{{"id": "{HUGE}",\n "title": "{HUGE}", "date": "2020"}}'),
        [
            f"error: events/huge-id.json:1: bad id '{'a' * 77}...': an id has at most 200 "
            "characters",
            "0 events, 1 error, 0 warnings",
        ],
    ),
    # issue: the nesting scan was quadratic on an unclosed string of escaped quotes
    "escaped-quotes.json": (
        _text("[" * 101 + '"' + '\\"' * 40_000),
        [f"error: events/escaped-quotes.json:1: JSON {TOO_DEEP}", "0 events, 1 error, 0 warnings"],
    ),
    "brackets-in-string.json": (
        _text('["' + "[{" * 50_000 + '\\"' * 50_000),
        [
            "error: events/brackets-in-string.json:1: JSON syntax error: Unterminated string "
            "starting at, column 2",
            "0 events, 1 error, 0 warnings",
        ],
    ),
    "huge-field.json": (
        _text(f'{{"title": "Coup",\n "date": "2020",\n "{HUGE}": 1}}'),
        [
            f"warning: events/huge-field.json:3: unknown field '{'a' * 77}...' "
            f"(expected one of: {FIELDS})",
            "1 event, 0 errors, 1 warning",
        ],
    ),
}
CASES = sorted(
    path.name
    for path in BAD.iterdir()
    if path.suffix != ".expected" and path.with_name(path.name + ".expected").exists()
)


def chrono(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (and every folder, as empty bytes)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else b""
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output of a good build, for a failing build to leave alone."""
    folder = tmp_path_factory.mktemp("previous")
    shutil.copytree(VALID, folder / "events")
    built = chrono(folder, "build", "events", "--out", "out", "--plotlyjs", "cdn")
    assert built.returncode == 0, built.stderr
    return folder / "out"


def test_every_fixture_has_its_expected_lines() -> None:
    orphans = [
        path.name
        for path in BAD.iterdir()
        if path.suffix == ".expected" and not path.with_name(path.stem).exists()
    ]
    assert orphans == [] and len(CASES) >= 30


@pytest.mark.parametrize("name", CASES + sorted(MADE))
def test_check_prints_the_expected_lines_and_build_writes_nothing(
    name: str, tmp_path: Path, previous: Path
) -> None:
    events = tmp_path / "events"
    events.mkdir()
    if name in MADE:
        write, expected = MADE[name]
        write(events / name)
    else:
        shutil.copy(BAD / name, events / name)
        expected = (BAD / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    summary = SUMMARY.fullmatch(expected[-1])
    assert summary is not None, "the last expected line is the summary"
    errors = int(summary.group(2))

    checked = chrono(tmp_path, "check", "events")
    assert "Traceback" not in checked.stderr
    assert checked.stderr.splitlines() == expected
    assert checked.stdout == ""
    assert checked.returncode == (1 if errors else 0)

    shutil.copytree(previous, tmp_path / "out")
    before = tree(tmp_path)
    built = chrono(tmp_path, "build", "events", "--out", "out", "--plotlyjs", "cdn")
    assert "Traceback" not in built.stderr
    if errors:
        assert built.returncode == 1
        assert built.stderr.splitlines()[-1].startswith("error: ")
        assert tree(tmp_path) == before  # the old output byte for byte, and nothing new
    else:
        assert built.returncode == 0, built.stderr
