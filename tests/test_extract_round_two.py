"""Round two of extraction (extract.md): tense wins, and dates that refer back.

Every example is read twice: through ``chrono.extract.extract`` and through
``chrono extract --format json``. The expected days are worked out from the
contract by hand (the calendar of each reference is written next to it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.days import Day
from chrono.extract import extract

ROOT = Path(__file__).resolve().parent.parent

# (document, reference, the mention's text, its n-th occurrence, earliest, latest)
Case = tuple[str, str, str, int, str, str]

GENEVA = "GENEVA, Thursday, June 6, 2024 -- Talks on the treaty resumed here this week.\n"

TENSE: list[Case] = [
    # the dateline names Thursday 6 June; Friday 7 June is after it, and "met" is past:
    # the Friday before, 31 May
    (
        GENEVA + "Negotiators met on Friday to agree an agenda.",
        "2024-06-06",
        "Friday",
        0,
        "2024-05-31",
        "2024-05-31",
    ),
    # a future Friday (7 June) in one sentence does not make the next one's past Friday
    (
        GENEVA + "The ministers will meet on Friday. The envoy, who arrived on Friday, "
        "declined to comment.",
        "2024-06-06",
        "Friday",
        1,
        "2024-05-31",
        "2024-05-31",
    ),
    (
        GENEVA + "The ministers will meet on Friday. The envoy, who arrived on Friday, "
        "declined to comment.",
        "2024-06-06",
        "Friday",
        0,
        "2024-06-07",
        "2024-06-07",
    ),
    # reference 2 May 2024: the summer that has begun by then is 2023's; "would deploy"
    # looks forward, to the coming one
    (
        "NATO said on Thursday that it would deploy the brigade over the summer.",
        "2024-05-02",
        "the summer",
        0,
        "2024-06-01",
        "2024-08-31",
    ),
    # October 1989: the nearest February is 1990's, but the statement is past
    (
        "In February, the company reported a loss of $3 million.",
        "1989-10-15",
        "February",
        0,
        "1989-02-01",
        "1989-02-28",
    ),
    (
        "The company, which filed for bankruptcy in February, said sales rose.",
        "1989-10-15",
        "February",
        0,
        "1989-02-01",
        "1989-02-28",
    ),
    # "is heard" is present, not past: the nearest May (reference 29 March 2000)
    (
        "He will stay until the case is heard in May in the appeals court.",
        "2000-03-29",
        "May",
        0,
        "2000-05-01",
        "2000-05-31",
    ),
    # a nearby day the tense allows still counts: Monday 3 June 2024, before the dateline
    (
        GENEVA + "The delegations arrived on Monday.",
        "2024-06-06",
        "Monday",
        0,
        "2024-06-03",
        "2024-06-03",
    ),
    # "since" is begun by the reference: the past December, not the coming one
    (
        "Prices have climbed since December.",
        "2025-11-20",
        "December",
        0,
        "2024-12-01",
        "2024-12-31",
    ),
    # a fronted phrase takes the tense of the statement it opens
    (
        "On Friday, the board will vote on the merger.",
        "2025-05-14",
        "Friday",
        0,
        "2025-05-16",
        "2025-05-16",
    ),
    (
        "On Friday, the board voted on the merger.",
        "2025-05-14",
        "Friday",
        0,
        "2025-05-09",
        "2025-05-09",
    ),
]


def _iso(day: Day | None) -> str | None:
    return None if day is None else day.isoformat()


def _mention(text: str, reference: str, words: str, nth: int) -> tuple[str | None, str | None]:
    hits = [m for m in extract(text, reference).mentions if m.text == words]
    assert len(hits) > nth, f"{words!r} not found {nth + 1} times in {text!r}"
    interval = hits[nth].interval
    assert interval is not None, hits[nth].error
    return _iso(interval.earliest), _iso(interval.latest)


def _cli(text: str, reference: str, words: str, nth: int) -> tuple[str | None, str | None]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "chrono",
            "extract",
            "-",
            "--reference",
            reference,
            "--format",
            "json",
        ],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    hits = [m for m in json.loads(result.stdout)["mentions"] if m["text"] == words]
    assert len(hits) > nth, f"{words!r} not found {nth + 1} times"
    return hits[nth]["earliest"], hits[nth]["latest"]


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), TENSE)
def test_tense_wins(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    assert _mention(text, reference, words, nth) == (earliest, latest)


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), TENSE)
def test_tense_wins_through_the_command(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    assert _cli(text, reference, words, nth) == (earliest, latest)


# Properties: whatever day was mentioned nearby, a past statement's date has begun by
# the reference (a single day is on or before it) and is the latest such; a future one's
# has not ended by it (a single day is on or after it) and is the first such. A month or
# season under way holds the reference and fits both.

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}  # winter spans a new year
_PAST = (
    "met",
    "signed the accord",
    "arrived",
    "stepped down",
    "were attacked",
    "have met",
    "had agreed",
)
_FUTURE = (
    "will meet",
    "are scheduled to meet",
    "plan to sign the accord",
    "would return",
    "are expected to vote",
    "will have left",
)

references = st.integers(
    min_value=Day.from_ymd(1950, 1, 1).ordinal, max_value=Day.from_ymd(2090, 12, 31).ordinal
).map(Day)


@st.composite
def statements(draw: st.DrawFn) -> tuple[str, Day, str, str, str, bool]:
    """A document: maybe a day named just before, then a statement in one tense."""
    ref = draw(references)
    tense = draw(st.sampled_from(("past", "future")))
    verb = draw(st.sampled_from(_PAST if tense == "past" else _FUTURE))
    kind = draw(st.sampled_from(("weekday", "month", "day", "season")))
    if kind == "weekday":
        words = draw(st.sampled_from(_WEEKDAYS))
        phrase = f"on {words}"
    elif kind == "month":
        words = draw(st.sampled_from(_MONTHS))
        phrase = f"in {words}"
    elif kind == "day":
        words = f"{draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))}"
        phrase = f"on {words}"
    else:
        words = "the " + draw(st.sampled_from(sorted(_SEASONS)))
        phrase = f"in {words}"
    before = ""
    if draw(st.booleans()):
        anchor = ref.plus(draw(st.integers(-6, 6)))
        y, m, d = anchor.ymd
        before = f"On {_MONTHS[m - 1]} {d}, {y}, the talks opened.\n"
    text = f"{before}The delegates {verb} {phrase}."
    return text, ref, tense, kind, words, bool(before)


def _occurrences(kind: str, words: str, ref: Day) -> list[tuple[Day, Day]]:
    """Every occurrence of the unnamed-year date within two years of ``ref``, in order."""
    out: list[tuple[Day, Day]] = []
    if kind == "weekday":
        weekday = _WEEKDAYS.index(words) + 1
        for k in range(-21, 22):
            day = ref.plus(k)
            if day.isoweekday == weekday:
                out.append((day, day))
        return out
    for year in range(ref.year - 2, ref.year + 3):
        if kind == "month":
            month = _MONTHS.index(words) + 1
            first = Day.from_ymd(year, month, 1)
            nxt = Day.from_ymd(year + (month == 12), month % 12 + 1, 1)
            out.append((first, nxt.plus(-1)))
        elif kind == "day":
            name, number = words.split()
            day = Day.from_ymd(year, _MONTHS.index(name) + 1, int(number))
            out.append((day, day))
        else:
            a, b = _SEASONS[words.split()[1]]
            first = Day.from_ymd(year, a, 1)
            out.append((first, Day.from_ymd(year, b + 1, 1).plus(-1)))
    return out


@settings(max_examples=300, deadline=None)
@given(statements())
def test_a_past_statement_never_lands_after_the_reference_nor_a_future_one_before(
    case: tuple[str, Day, str, str, str, bool],
) -> None:
    text, ref, tense, kind, words, day_named_before = case
    mention = [m for m in extract(text, ref).mentions if m.text == words][-1]
    interval = mention.interval
    assert interval is not None and interval.earliest is not None
    assert interval.latest is not None
    got = (interval.earliest, interval.latest)
    occurrences = _occurrences(kind, words, ref)
    assert got in occurrences
    if tense == "past":
        assert got[0] <= ref and (got[0] != got[1] or got[1] <= ref)
        begun = [o for o in occurrences if o[0] <= ref]
        if not day_named_before:
            assert got == begun[-1]  # the latest begun by the reference
    else:
        assert got[1] >= ref and (got[0] != got[1] or got[0] >= ref)
        ahead = [o for o in occurrences if o[1] >= ref]
        if not day_named_before:
            assert got == ahead[0]  # the first not over by the reference
