"""dates.md's "More forms": holidays, fiscal years, weeks of a month, spelled-out years.

Every example of the section through chrono.parse, the ``chrono parse`` command and,
where prose uses it, chrono.extract. Expected days come from the spec's text or from
the calendar worked by hand (Easter 2024 was March 31, Thanksgiving 2024 November 28);
the properties check the rules for every year against independent arithmetic.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from dateutil.easter import easter
from hypothesis import given
from hypothesis import strategies as st

import chrono
from chrono.errors import ParseError
from chrono.extract import extract

REF = "2024-06-06"  # a Thursday

# (text, reference, earliest, latest): single windows
SINGLE: list[tuple[str, str | None, str, str]] = [
    # holidays with a year
    ("Christmas 2019", None, "2019-12-25", "2019-12-25"),
    ("Christmas Day 2019", None, "2019-12-25", "2019-12-25"),
    ("Easter 2024", None, "2024-03-31", "2024-03-31"),
    ("Good Friday 2024", None, "2024-03-29", "2024-03-29"),
    ("Easter Monday 2024", None, "2024-04-01", "2024-04-01"),
    ("Thanksgiving 2024", None, "2024-11-28", "2024-11-28"),
    ("Labor Day 2024", None, "2024-09-02", "2024-09-02"),
    ("Memorial Day 2024", None, "2024-05-27", "2024-05-27"),
    ("Election Day 2024", None, "2024-11-05", "2024-11-05"),
    ("Election Day 2022", None, "2022-11-08", "2022-11-08"),  # Nov 1 was a Tuesday
    ("the Christmas holidays 2019", None, "2019-12-24", "2020-01-01"),
    # holidays without a year: the nearest to 2024-06-06, ties to the past
    ("Christmas Day", REF, "2023-12-25", "2023-12-25"),
    ("Christmas Eve", REF, "2023-12-24", "2023-12-24"),
    ("Boxing Day", REF, "2023-12-26", "2023-12-26"),
    ("New Year's Day", REF, "2024-01-01", "2024-01-01"),
    ("New Year's Eve", REF, "2023-12-31", "2023-12-31"),
    ("Valentine's Day", REF, "2024-02-14", "2024-02-14"),
    ("Halloween", REF, "2024-10-31", "2024-10-31"),
    ("Bastille Day", REF, "2024-07-14", "2024-07-14"),
    ("Independence Day", REF, "2024-07-04", "2024-07-04"),
    ("the Fourth of July", REF, "2024-07-04", "2024-07-04"),
    ("Easter", REF, "2024-03-31", "2024-03-31"),
    ("Good Friday", REF, "2024-03-29", "2024-03-29"),
    ("Easter Monday", REF, "2024-04-01", "2024-04-01"),
    ("Thanksgiving", REF, "2024-11-28", "2024-11-28"),
    ("Labor Day", REF, "2024-09-02", "2024-09-02"),
    ("Memorial Day", REF, "2024-05-27", "2024-05-27"),
    ("Election Day", REF, "2024-11-05", "2024-11-05"),
    ("the Christmas holidays", REF, "2023-12-24", "2024-01-01"),
    ("Christmas", "2025-01-05", "2024-12-25", "2024-12-25"),
    # fiscal years, October by default
    ("FY2023", None, "2022-10-01", "2023-09-30"),
    ("FY 2023", None, "2022-10-01", "2023-09-30"),
    ("fiscal 2023", None, "2022-10-01", "2023-09-30"),
    ("fiscal year 2023", None, "2022-10-01", "2023-09-30"),
    ("FY2022-23", None, "2022-10-01", "2023-09-30"),
    ("FY22", REF, "2021-10-01", "2022-09-30"),
    ("fiscal Q3 2023", None, "2023-04-01", "2023-06-30"),
    ("the third fiscal quarter of 2023", None, "2023-04-01", "2023-06-30"),
    ("fiscal Q1 2023", None, "2022-10-01", "2022-12-31"),
    # weeks of a month
    ("the first week of May 2020", None, "2020-05-01", "2020-05-07"),
    ("the second week of May 2020", None, "2020-05-08", "2020-05-14"),
    ("the third week of May 2020", None, "2020-05-15", "2020-05-21"),
    ("the fourth week of May 2020", None, "2020-05-22", "2020-05-28"),
    ("the last week of May 2020", None, "2020-05-25", "2020-05-31"),
    ("the last week of February 2024", None, "2024-02-23", "2024-02-29"),
    ("the first week of May", REF, "2024-05-01", "2024-05-07"),
    # joined parts
    ("mid-to-late 1990s", None, "1994-01-01", "1999-12-31"),
    ("early-to-mid 2000s", None, "2000-01-01", "2006-12-31"),
    ("late 2019 or early 2020", None, "2019-09-01", "2020-04-30"),
    # turns and winters
    ("the turn of the century", "2025-07-15", "1995-01-01", "2005-12-31"),
    ("the turn of the 20th century", None, "1895-01-01", "1905-12-31"),
    ("the winter of 1941-42", None, "1941-12-01", "1942-02-28"),
    ("winter 1941/42", None, "1941-12-01", "1942-02-28"),
    ("the 1941-42 winter", None, "1941-12-01", "1942-02-28"),
    ("winter 1941", None, "1941-12-01", "1942-02-28"),
    # spelled-out years and days
    ("nineteen ninety-six", None, "1996-01-01", "1996-12-31"),
    ("nineteen oh five", None, "1905-01-01", "1905-12-31"),
    ("two thousand", None, "2000-01-01", "2000-12-31"),
    ("the year two thousand", None, "2000-01-01", "2000-12-31"),
    ("two thousand and eight", None, "2008-01-01", "2008-12-31"),
    ("twenty twenty-two", None, "2022-01-01", "2022-12-31"),
    ("the twelfth of May", REF, "2024-05-12", "2024-05-12"),
    ("May twelfth", REF, "2024-05-12", "2024-05-12"),
    ("the first of March 2021", None, "2021-03-01", "2021-03-01"),
    ("the twenty-first of May 2020", None, "2020-05-21", "2020-05-21"),
    # relative years joined to a month or a quarter
    ("January this year", REF, "2024-01-01", "2024-01-31"),
    ("June last year", REF, "2023-06-01", "2023-06-30"),
    ("March next year", REF, "2025-03-01", "2025-03-31"),
    ("next March", REF, "2025-03-01", "2025-03-31"),
    ("this past spring", REF, "2024-03-01", "2024-05-31"),
    ("this past spring", "2024-04-15", "2023-03-01", "2023-05-31"),
    ("the 1988 second quarter", None, "1988-04-01", "1988-06-30"),
    ("next year's first quarter", REF, "2025-01-01", "2025-03-31"),
    ("last year's third quarter", REF, "2023-07-01", "2023-09-30"),
    ("the last half of 1989", None, "1989-07-01", "1989-12-31"),
    # quarters as adjectives: the most recent begun by the reference date
    ("third-quarter", REF, "2023-07-01", "2023-09-30"),
    ("fourth-quarter", REF, "2023-10-01", "2023-12-31"),
    ("first-half", REF, "2024-01-01", "2024-06-30"),
    # a quarter named by the month it ends in
    ("the December quarter", REF, "2023-10-01", "2023-12-31"),
    ("the March quarter", REF, "2024-01-01", "2024-03-31"),
    ("the June quarter", REF, "2024-04-01", "2024-06-30"),
    ("the September quarter of 2025", None, "2025-07-01", "2025-09-30"),
    ("the December quarter 2000", None, "2000-10-01", "2000-12-31"),
    # the first or last three or six months of a year: a quarter or a half of it
    ("the first six months of 2022", None, "2022-01-01", "2022-06-30"),
    ("the last six months of 2022", None, "2022-07-01", "2022-12-31"),
    ("the first 3 months of 2020", None, "2020-01-01", "2020-03-31"),
    ("the last three months of last year", REF, "2023-10-01", "2023-12-31"),
]

# (text, reference, start window, end window): spans and open forms
SPANS: list[
    tuple[str, str | None, tuple[str | None, str | None], tuple[str | None, str | None]]
] = [
    ("late 2019 to early 2020", None, ("2019-09-01", "2019-12-31"), ("2020-01-01", "2020-04-30")),
    ("before Christmas", REF, (None, "2023-12-24"), (None, "2023-12-24")),
]

FISCAL: list[tuple[str, int, str, str]] = [
    ("FY2023", 4, "2022-04-01", "2023-03-31"),
    ("FY2023", 1, "2023-01-01", "2023-12-31"),
    ("FY2023", 7, "2022-07-01", "2023-06-30"),
    ("fiscal Q3 2023", 4, "2022-10-01", "2022-12-31"),
]


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


@pytest.mark.parametrize(("text", "reference", "earliest", "latest"), SINGLE)
def test_more_forms_through_parse(
    text: str, reference: str | None, earliest: str, latest: str
) -> None:
    interval = chrono.parse(text, reference)
    assert not interval.is_span
    assert (_iso(interval.earliest), _iso(interval.latest)) == (earliest, latest)


@pytest.mark.parametrize(("text", "reference", "start", "end"), SPANS)
def test_more_spans_through_parse(
    text: str,
    reference: str | None,
    start: tuple[str | None, str | None],
    end: tuple[str | None, str | None],
) -> None:
    interval = chrono.parse(text, reference)
    assert (_iso(interval.start.earliest), _iso(interval.start.latest)) == start
    assert (_iso(interval.end.earliest), _iso(interval.end.latest)) == end


@pytest.mark.parametrize(("text", "month", "earliest", "latest"), FISCAL)
def test_fiscal_year_start_is_a_keyword(text: str, month: int, earliest: str, latest: str) -> None:
    interval = chrono.parse(text, fiscal_year_start=month)
    assert (_iso(interval.earliest), _iso(interval.latest)) == (earliest, latest)


def test_fiscal_year_start_must_be_a_month() -> None:
    with pytest.raises(ParseError, match="1 to 12"):
        chrono.parse("FY2023", fiscal_year_start=13)


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_example_through_the_command() -> None:
    by_reference: dict[str | None, list[tuple[str, tuple[object, ...]]]] = {}
    for text, reference, earliest, latest in SINGLE:
        by_reference.setdefault(reference, []).append((text, (earliest, latest, earliest, latest)))
    for text, reference, start, end in SPANS:
        by_reference.setdefault(reference, []).append((text, (*start, *end)))
    for reference, cases in by_reference.items():
        args = ["parse", "-", "--json"] + ([] if reference is None else ["--reference", reference])
        result = _cli(*args, stdin="".join(text + "\n" for text, _ in cases))
        assert result.returncode == 0, result.stdout + result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(lines) == len(cases)
        for (text, expected), out in zip(cases, lines, strict=True):
            got = (
                out["start"]["earliest"],
                out["start"]["latest"],
                out["end"]["earliest"],
                out["end"]["latest"],
            )
            assert got == expected, text


def test_fiscal_year_start_on_the_command() -> None:
    result = _cli("parse", "FY2023", "--json", "--fiscal-year-start", "4")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["earliest"], out["latest"]) == ("2022-04-01", "2023-03-31")
    bad = _cli("parse", "FY2023", "--fiscal-year-start", "13")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_fiscal_year_start_on_extract(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The agency overspent in fiscal 2023, auditors said.\n", encoding="utf-8")
    result = _cli(
        "extract", str(article), "--format", "json", "--reference", REF, "--fiscal-year-start", "7"
    )
    assert result.returncode == 0, result.stderr
    assert "2022-07-01" in result.stdout and "2023-06-30" in result.stdout


# What prose uses, found in a sentence with the same meaning (reference 2024-06-06).
FINDABLE: list[tuple[str, str, str, str]] = [
    (
        "Sales peaked at Christmas 2019, the firm said.",
        "Christmas 2019",
        "2019-12-25",
        "2019-12-25",
    ),
    ("The budget for FY2023 was cut.", "FY2023", "2022-10-01", "2023-09-30"),
    ("In fiscal 1988 the company lost money.", "fiscal 1988", "1987-10-01", "1988-09-30"),
    (
        "It reported third-quarter profit of $3 million.",
        "third-quarter",
        "2023-07-01",
        "2023-09-30",
    ),
    (
        "They met in the first week of May 2020.",
        "the first week of May 2020",
        "2020-05-01",
        "2020-05-07",
    ),
    (
        "She was born in nineteen ninety-six in Ohio.",
        "nineteen ninety-six",
        "1996-01-01",
        "1996-12-31",
    ),
    ("Prices rose in the mid-to-late 1990s.", "the mid-to-late 1990s", "1994-01-01", "1999-12-31"),
    ("The winter of 1941-42 was harsh.", "The winter of 1941-42", "1941-12-01", "1942-02-28"),
    (
        "The city grew at the turn of the 20th century.",
        "at the turn of the 20th century",
        "1895-01-01",
        "1905-12-31",
    ),
    ("The board met in January this year.", "January this year", "2024-01-01", "2024-01-31"),
    (
        "Sales in the 1988 second quarter rose.",
        "the 1988 second quarter",
        "1988-04-01",
        "1988-06-30",
    ),
    (
        "Growth is due in next year's first quarter.",
        "next year's first quarter",
        "2025-01-01",
        "2025-03-31",
    ),
    ("Profits fell in the last half of 1989.", "the last half of 1989", "1989-07-01", "1989-12-31"),
    (
        "It happened in late 2019 or early 2020.",
        "late 2019 or early 2020",
        "2019-09-01",
        "2020-04-30",
    ),
    ("Crowds gathered on Good Friday.", "Good Friday", "2024-03-29", "2024-03-29"),
    (
        "It lost $38 million in the December quarter, against a profit a year earlier.",
        "the December quarter",
        "2023-10-01",
        "2023-12-31",
    ),
    (
        "The report came out on Thanksgiving Day 2023.",
        "Thanksgiving Day 2023",
        "2023-11-23",
        "2023-11-23",
    ),
    (
        "In two thousand and eight, banks failed.",
        "two thousand and eight",
        "2008-01-01",
        "2008-12-31",
    ),
]


@pytest.mark.parametrize(("sentence", "words", "earliest", "latest"), FINDABLE)
def test_findable_in_prose(sentence: str, words: str, earliest: str, latest: str) -> None:
    mentions = extract(sentence, REF).mentions
    found = [m for m in mentions if m.text.endswith(words)]  # "at Christmas 2019" is fine
    assert found, [m.text for m in mentions]
    interval = found[0].interval
    assert interval is not None
    assert (_iso(interval.earliest), _iso(interval.latest)) == (earliest, latest)


@pytest.mark.parametrize(
    "sentence",
    [
        "About two thousand people marched.",
        "Nineteen hundred soldiers crossed.",
        "We met at ten fifteen.",
        "The good news came late.",
        "It was a new day for the firm.",
        "They elected a new board on a fiscal basis.",
        "A year 300 people died.",
        "They counted two thousand on the road.",
        "In two thousand cases the court agreed.",
    ],
)
def test_no_false_dates_in_prose(sentence: str) -> None:
    assert [m.text for m in extract(sentence, REF).mentions] == []


# Errors that teach --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("Jnue 1969", 0, "did you mean June?"),
        ("18 Mya 1969", 3, "did you mean May?"),
        ("Labor 2020", 0, "a holiday, such as Christmas or Easter"),
        ("Chrsitmas 2019", 0, "did you mean Christmas?"),
        ("in Thanksgivng 2020", 3, "did you mean Thanksgiving?"),
        ("FY banana", 0, "a fiscal year such as FY2023"),
        ("fiscal", 0, "a fiscal year such as FY2023"),
        ("the turn of the party", 16, "after 'the turn of'"),
        ("the fifth week of May 2020", 4, "the first to the fourth or the last week"),
    ],
)
def test_errors_say_what_the_kind_expects(text: str, position: int, expected: str) -> None:
    with pytest.raises(ParseError) as caught:
        chrono.parse(text, REF)
    assert caught.value.position == position
    assert expected in caught.value.expected


# Properties ---------------------------------------------------------------------------

YEARS = st.integers(min_value=1600, max_value=2400)


def _day(text: str, reference: str | None = None) -> dt.date:
    interval = chrono.parse(text, reference)
    assert interval.earliest is not None and interval.earliest == interval.latest
    y, m, d = interval.earliest.ymd
    return dt.date(y, m, d)


@given(YEARS)
def test_thanksgiving_is_a_thursday_from_the_22nd_to_the_28th(year: int) -> None:
    day = _day(f"Thanksgiving {year}")
    assert (day.month, day.weekday()) == (11, 3) and 22 <= day.day <= 28


@given(YEARS)
def test_us_mondays_and_election_day(year: int) -> None:
    labor, memorial, election = (
        _day(f"{name} {year}") for name in ("Labor Day", "Memorial Day", "Election Day")
    )
    assert (labor.month, labor.weekday()) == (9, 0) and labor.day <= 7
    assert (memorial.month, memorial.weekday()) == (5, 0) and memorial.day >= 25
    assert (election.month, election.weekday()) == (11, 1) and 2 <= election.day <= 8


@given(YEARS)
def test_easter_and_its_feasts_follow_dateutil(year: int) -> None:
    sunday = easter(year)
    assert dt.date(year, 3, 22) <= sunday <= dt.date(year, 4, 25)
    assert _day(f"Easter {year}") == sunday
    assert _day(f"Good Friday {year}") == sunday - dt.timedelta(days=2)
    assert _day(f"Easter Monday {year}") == sunday + dt.timedelta(days=1)


@given(st.dates(min_value=dt.date(1601, 1, 1), max_value=dt.date(2399, 12, 31)))
def test_a_holiday_without_a_year_is_the_nearest(reference: dt.date) -> None:
    found = _day("Christmas", reference.isoformat())
    candidates = [dt.date(y, 12, 25) for y in range(reference.year - 1, reference.year + 2)]
    gaps = sorted(abs((c - reference).days) for c in candidates)
    assert abs((found - reference).days) == gaps[0]


@given(YEARS, st.integers(min_value=1, max_value=12))
def test_a_fiscal_year_is_twelve_whole_months_ending_in_its_year(year: int, month: int) -> None:
    interval = chrono.parse(f"FY{year}", fiscal_year_start=month)
    assert interval.earliest is not None and interval.latest is not None
    first, last = interval.earliest.ymd, interval.latest.ymd
    assert first[1:] == (month, 1)
    last_month = 12 if month == 1 else month - 1
    assert last[0] == year and last[1] == last_month
    assert last[2] == calendar.monthrange(year, last_month)[1]
    assert (last[0] * 12 + last[1]) - (first[0] * 12 + first[1]) == 11


@given(YEARS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=5))
def test_a_week_of_a_month_is_seven_days_inside_it(year: int, month: int, n: int) -> None:
    word = ("first", "second", "third", "fourth", "last")[n - 1]
    name = calendar.month_name[month]
    interval = chrono.parse(f"the {word} week of {name} {year}")
    assert interval.earliest is not None and interval.latest is not None
    assert interval.latest.ordinal - interval.earliest.ordinal == 6
    assert interval.earliest.ymd[:2] == (year, month) == interval.latest.ymd[:2]
    length = calendar.monthrange(year, month)[1]
    expected_first = length - 6 if n == 5 else 7 * n - 6
    assert interval.earliest.ymd[2] == expected_first


PARTS = ("early", "mid", "late")


@given(
    st.sampled_from([(a, b) for a in PARTS for b in PARTS if PARTS.index(a) < PARTS.index(b)]),
    st.sampled_from(["{y}", "the {d}s", "March {y}"]),
    st.integers(min_value=1100, max_value=2099),
)
def test_joined_parts_cover_both_parts(pair: tuple[str, str], pattern: str, year: int) -> None:
    first, second = pair
    unit = pattern.format(y=year, d=year // 10 * 10)
    joined = chrono.parse(f"{first}-to-{second} {unit}")
    a, b = chrono.parse(f"{first} {unit}"), chrono.parse(f"{second} {unit}")
    assert joined.earliest == a.earliest and joined.latest == b.latest
    assert joined.earliest is not None and joined.latest is not None
    assert joined.earliest <= joined.latest
    either = chrono.parse(f"{first} {unit} or {second} {unit}")
    assert (either.earliest, either.latest) == (a.earliest, b.latest)


_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_hundred(n: int) -> str:
    if n < 10:
        return _ONES[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS_WORDS[tens - 2] + ("" if ones == 0 else "-" + _ONES[ones - 1])


def speak_year(year: int, style: int) -> str:
    """A year as people say it: 1996 nineteen ninety-six, 1905 nineteen oh five, 2008 ..."""
    high, low = divmod(year, 100)
    if year % 1000 < 100 and (style == 0 or high % 10 == 0):  # 2008, 1000, 2000
        rest = year % 1000
        words = f"{_ONES[year // 1000 - 1]} thousand"
        return words if rest == 0 else f"{words} {'and ' if style else ''}{_below_hundred(rest)}"
    if low == 0:
        return f"{_below_hundred(high)} hundred"
    if low < 10:
        return f"{_below_hundred(high)} oh {_ONES[low - 1]}"
    return f"{_below_hundred(high)} {_below_hundred(low)}"


@given(st.integers(min_value=1000, max_value=2099), st.integers(min_value=0, max_value=1))
def test_spelled_years_round_trip(year: int, style: int) -> None:
    words = speak_year(year, style)
    interval = chrono.parse(words)
    assert interval.precision == "year", words
    assert interval.earliest is not None and interval.earliest.ymd == (year, 1, 1), words


# fiscal_year_start in event files and in the project's settings ------------------------


def _timeline_days(out: Path) -> dict[str, tuple[str, str]]:
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return {e["title"]: (e["earliest"], e["latest"]) for e in data["events"]}


def test_fiscal_year_start_in_an_event_file(tmp_path: Path) -> None:
    events = tmp_path / "events"
    events.mkdir()
    (events / "april.yaml").write_text(
        "fiscal_year_start: April\nevents:\n  - title: British budget\n    date: FY2023\n",
        encoding="utf-8",
    )
    (events / "plain.yaml").write_text(
        "events:\n  - title: US budget\n    date: FY2023\n", encoding="utf-8"
    )
    result = _cli("build", str(events), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.returncode == 0, result.stderr
    days = _timeline_days(tmp_path / "out")
    assert days["British budget"] == ("2022-04-01", "2023-03-31")
    assert days["US budget"] == ("2022-10-01", "2023-09-30")


def test_fiscal_year_start_from_tool_chrono_and_the_flag(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.chrono]\nfiscal_year_start = 7\n", encoding="utf-8"
    )
    events = tmp_path / "events"
    events.mkdir()
    (events / "a.yaml").write_text("events:\n  - title: Budget\n    date: FY2023\n", "utf-8")
    out = tmp_path / "out"
    assert _cli("build", str(events), "--out", str(out), "--format", "json").returncode == 0
    assert _timeline_days(out)["Budget"] == ("2022-07-01", "2023-06-30")
    flagged = _cli(
        "build", str(events), "--out", str(out), "--format", "json", "--fiscal-year-start", "1"
    )
    assert flagged.returncode == 0, flagged.stderr
    assert _timeline_days(out)["Budget"] == ("2023-01-01", "2023-12-31")


@pytest.mark.parametrize("value", ["13", "0", '"Jnue"', "true"])
def test_a_bad_fiscal_year_start_setting_says_so(tmp_path: Path, value: str) -> None:
    (tmp_path / "chrono.toml").write_text(f"fiscal_year_start = {value}\n", encoding="utf-8")
    events = tmp_path / "events"
    events.mkdir()
    (events / "a.yaml").write_text("events:\n  - title: Budget\n    date: FY2023\n", "utf-8")
    result = _cli("check", str(events))
    assert result.returncode != 0
    assert "fiscal_year_start must be a month number from 1 to 12" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_fiscal_year_start_in_an_event_file_is_an_error_at_its_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.yaml").write_text(
        "fiscal_year_start: 13\nevents:\n  - title: Budget\n    date: FY2023\n", "utf-8"
    )
    result = _cli("check", str(tmp_path))
    assert result.returncode != 0
    assert "a.yaml:1" in result.stderr and "fiscal_year_start must be a month" in result.stderr


@given(YEARS, st.sampled_from((3, 6, 9, 12)))
def test_a_quarter_named_by_its_month_is_the_calendar_quarter_ending_in_it(
    year: int, month: int
) -> None:
    name = calendar.month_name[month]
    got = chrono.parse(f"the {name} quarter of {year}")
    assert got.precision == "quarter"
    assert str(got.latest) == f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    assert str(got.earliest) == f"{year:04d}-{month - 2:02d}-01"  # three whole months
    assert got == chrono.parse(f"Q{month // 3} {year}")


@given(st.dates(min_value=dt.date(1601, 3, 1), max_value=dt.date(2399, 10, 31)))
def test_a_weekday_with_a_day_and_month_names_the_year_whatever_the_tense(
    day: dt.date,
) -> None:
    # three days before the named day, a past statement would take the year before; but
    # that year's day falls on another weekday (a year moves it by one or two)
    weekday = calendar.day_name[day.weekday()]
    month = calendar.month_name[day.month]
    words = f"{weekday}, {month} {day.day}"
    reference = (day - dt.timedelta(days=3)).isoformat()
    text = f"The paper said in an editorial on {words}: the ruling was wrong."
    found = [m for m in extract(text, reference).mentions if m.text == words]
    assert found and found[0].interval is not None
    assert str(found[0].interval.earliest) == day.isoformat()
