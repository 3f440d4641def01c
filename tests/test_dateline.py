"""--reference auto (extract.md, "Round two"): the document's date from its dateline.

A dateline (``GENEVA, Thursday, June 6, 2024 --``, ``June 6, 2024 (AP) -``) or else a
full date on the first lines; without one, an error that asks for --reference.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.days import Day, days_from_civil
from chrono.errors import ChronoError
from chrono.extract import extract
from chrono.extract.dateline import CHARS, LINES, NoReferenceError, find_reference
from tests.strategies import MONTH_WORDS as _MONTHS
from tests.strategies import WEEKDAY_WORDS as _WEEKDAYS
from tests.strategies import days

ROOT = Path(__file__).resolve().parent.parent


def day(y: int, m: int, d: int) -> Day:
    return Day(days_from_civil(y, m, d))


@pytest.mark.parametrize(
    ("text", "date", "words"),
    [
        # the forms of extract.md
        (
            "GENEVA, Thursday, June 6, 2024 -- Negotiators met on Friday.",
            day(2024, 6, 6),
            "GENEVA, Thursday, June 6, 2024 --",
        ),
        ("June 6, 2024 (AP) - The Senate voted.", day(2024, 6, 6), "June 6, 2024 (AP) -"),
        # wire forms: a place and an agency; the agency's dateline and the date on a line near it
        (
            "WASHINGTON, June 6, 2024 (Reuters) - The Senate voted.",
            day(2024, 6, 6),
            "WASHINGTON, June 6, 2024 (Reuters) -",
        ),
        (
            "WASHINGTON (Reuters) - The Senate voted on Thursday.\nJune 6, 2024\n",
            day(2024, 6, 6),
            "June 6, 2024",
        ),
        (
            "Ferry runs again\nBy Jane Doe\n6 June 2024 16:05 GMT\n\nThe ferry ran.",
            day(2024, 6, 6),
            "6 June 2024 16:05 GMT",
        ),
        (
            "SAN JOSE, Calif., Aug. 7, 1998 -- Acme said.",
            day(1998, 8, 7),
            "SAN JOSE, Calif., Aug. 7, 1998 --",
        ),
        (
            "NEW YORK, Aug. 7, 1998 /PRNewswire/ -- Acme said.",
            day(1998, 8, 7),
            "NEW YORK, Aug. 7, 1998 /PRNewswire/ --",
        ),
        (
            "PORTO VELHO, July 15, 2025 (Riverside Wire) — The ferry runs.",
            day(2025, 7, 15),
            "PORTO VELHO, July 15, 2025 (Riverside Wire) —",
        ),
        (
            "Published: 2024-06-06\nThe ferry ran on Friday.",
            day(2024, 6, 6),
            "Published: 2024-06-06",
        ),
    ],
)
def test_datelines(text: str, date: Day, words: str) -> None:
    found = find_reference(text)
    assert found is not None
    assert (found.day, found.words, found.how) == (date, words, "dateline")
    assert text[found.start : found.end] == words


def test_a_full_date_on_the_first_lines_when_there_is_no_dateline() -> None:
    text = "The ferry across the estuary ran again.\nOn June 6, 2024, it carried 140 people."
    found = find_reference(text)
    assert found is not None
    assert (found.day, found.words, found.how) == (day(2024, 6, 6), "June 6, 2024", "first lines")


def test_a_dateline_wins_over_an_earlier_date_in_a_sentence() -> None:
    text = "Remembering June 6, 1944\nCAEN, June 6, 2024 -- Veterans gathered."
    found = find_reference(text)
    assert found is not None and found.day == day(2024, 6, 6) and found.how == "dateline"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "It rained on Friday and in 2021.",  # no full date: a weekday, a year
        "PARIS, June 6 (Reuters) - The talks resumed.",  # the day, but no year to read it with
        "On May 12 the first crossing ran. In September 2024 the contract was signed.",
        "One\nTwo\nThree\nFour\nFive\nJune 6, 2024 -- too far down",  # past the first five lines
        "x" * CHARS + " June 6, 2024",  # past the first 500 characters
    ],
)
def test_no_dateline_no_reference(text: str) -> None:
    assert find_reference(text) is None
    with pytest.raises(NoReferenceError, match="--reference YYYY-MM-DD"):
        extract(text, "auto")


def test_a_date_cut_by_the_character_bound_is_not_misread() -> None:
    # "June 6, 2024" cut after 500 characters must not become "June 6, 20" (year 20)
    text = "x" * (CHARS - 10) + " June 6, 2024 -- more"
    assert find_reference(text) is None


def test_extract_auto_resolves_against_the_dateline() -> None:
    text = "GENEVA, Thursday, June 6, 2024 -- The mission will start in December."
    extraction = extract(text, "auto")
    assert extraction.reference == day(2024, 6, 6)
    assert extraction.reference_from is not None
    assert extraction.reference_from.how == "dateline"
    december = extraction.mentions[-1]
    assert december.text == "December" and december.interval is not None
    assert str(december.interval.earliest) == "2024-12-01"
    assert isinstance(NoReferenceError("x"), ChronoError)


_PLACES = ["GENEVA", "WASHINGTON", "SAN JOSE, Calif.", "PORTO VELHO", "NEW YORK"]
_AGENCIES = ["", " (AP)", " (Reuters)", " (AFP)"]
_DASHES = [" --", " -", " —", " –"]


@given(
    days(st.integers(1900, 2100)),
    st.sampled_from(["", *_PLACES]),
    st.booleans(),
    st.sampled_from(_AGENCIES),
    st.sampled_from(_DASHES),
    st.integers(0, LINES - 1),
)
def test_a_dateline_anywhere_on_the_first_lines_gives_its_day(
    date: Day, place: str, weekday: bool, agency: str, dash: str, above: int
) -> None:
    y, m, d = date.ymd
    written = f"{_MONTHS[m - 1]} {d}, {y}"
    if weekday:
        written = f"{_WEEKDAYS[datetime.date(y, m, d).weekday()]}, {written}"
    line = f"{place + ', ' if place else ''}{written}{agency}{dash}"
    text = "Headline words\n" * above + line + " The talks will resume on Friday.\n"
    found = find_reference(text)
    assert found is not None
    assert (found.day, found.how, found.words) == (date, "dateline", line)


def chrono(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_cli_says_which_date_it_took() -> None:
    result = chrono("extract", "examples/article.txt", "--reference", "auto", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["reference"] == "2025-07-15"
    words = "PORTO VELHO, July 15, 2025 (Riverside Wire) —"
    assert out["reference_from"] == {"text": words, "span": [0, len(words)], "how": "dateline"}
    assert result.stderr.splitlines() == [
        f"examples/article.txt: reference 2025-07-15, from the dateline {words!r}"
    ]
    drafted = chrono("extract", "examples/article.txt", "--reference", "auto")
    assert f"# Reference 2025-07-15, from the dateline {words!r}." in drafted.stdout


def test_cli_without_a_dateline_asks_for_the_reference() -> None:
    result = chrono("extract", "-", "--reference", "auto", stdin="It rained on Friday.\n")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "--reference YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
