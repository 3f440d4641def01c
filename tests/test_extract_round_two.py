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
from chrono.errors import ParseError
from chrono.extract import extract
from chrono.parse import parse
from tests.strategies import MONTH_WORDS as _MONTHS
from tests.strategies import WEEKDAY_WORDS as _WEEKDAYS

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
    # "be held" is no past: "would" looks forward (reference 10 February 1999)
    (
        "He added that the ceremony would still be held at the summit on April 24.",
        "1999-02-10",
        "April 24",
        0,
        "1999-04-24",
        "1999-04-24",
    ),
    # "were planning to" looks forward: Saturday 8 and Monday 10 January 2000 (a Friday)
    (
        "Protesters planned a march in Little Havana on Saturday and were planning to drive "
        "around the airport on Monday.",
        "2000-01-07",
        "Saturday",
        0,
        "2000-01-08",
        "2000-01-08",
    ),
    # an opening phrase reads on past a second comma to its verb (reference 25 October 1998)
    (
        "In January, a week after the anniversary of the ruling, a bombing in Birmingham, "
        "Ala., killed a guard.",
        "1998-10-25",
        "January",
        0,
        "1998-01-01",
        "1998-01-31",
    ),
    # "postponed until" looks forward: Tuesday 4 April 2000 (the reference is a Thursday)
    (
        "Officials postponed until Tuesday any action on the visa.",
        "2000-03-30",
        "Tuesday",
        0,
        "2000-04-04",
        "2000-04-04",
    ),
    # "Friday, an official said" dates the report like "said Friday": not the Friday
    # near 23 October, the day named the paragraph before (reference Friday 20 November)
    (
        "The doctor was killed on Oct. 23, 1998.\nFriday, an FBI official said the search went on.",
        "1998-11-20",
        "Friday",
        0,
        "1998-11-20",
        "1998-11-20",
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
    # the present of a timetable looks forward: Friday 27 August 2010 (a Wednesday)
    (
        "The festival opens on Friday with a tribute to the fiddler Ada Kern, who played "
        "at the first one.",
        "2010-08-25",
        "Friday",
        0,
        "2010-08-27",
        "2010-08-27",
    ),
    # ... and gives a fronted phrase its tense: Tuesday 19 March 2024 (a Friday)
    (
        "On Tuesday, she opens her own: a restaurant in the converted fire station.",
        "2024-03-15",
        "Tuesday",
        0,
        "2024-03-19",
        "2024-03-19",
    ),
    (
        "Her twins start school on Wednesday.",
        "2021-09-03",
        "Wednesday",
        0,
        "2021-09-08",
        "2021-09-08",
    ),
    # but "the start of" is a noun: the Friday before Wednesday 14 May 2025
    (
        "Shares have fallen since the start of trading on Friday.",
        "2025-05-14",
        "Friday",
        0,
        "2025-05-09",
        "2025-05-09",
    ),
    # the verb of the clause, further back than a few words: Tuesday 7 September 2021
    (
        "Maribel Santos will stand in front of a full classroom on Tuesday.",
        "2021-09-03",
        "Tuesday",
        0,
        "2021-09-07",
        "2021-09-07",
    ),
    # ... unless "to" or "that" stands between: the testimony's date is its own (the
    # nearest 10 February to 7 January 2000)
    (
        "He said he subpoenaed the boy to testify before the Committee on Government "
        "Reform on Feb. 10.",
        "2000-01-07",
        "Feb. 10",
        0,
        "2000-02-10",
        "2000-02-10",
    ),
    # ... except the one "to" of a plan: "expected lending to start" looks forward
    (
        "He said he expected lending to start growing again in the second half.",
        "2013-04-30",
        "the second half",
        0,
        "2013-07-01",
        "2013-12-31",
    ),
    # "planned to leave" looks forward: Thursday 1 October 1998 (a Wednesday's news)
    (
        "The team planned to leave Nairobi on Thursday for Dar es Salaam.",
        "1998-09-30",
        "Thursday",
        0,
        "1998-10-01",
        "1998-10-01",
    ),
    # a weekday named with the day picks the year, whatever the tense: Monday 26 October
    # 1998 (26 October 1997 was a Sunday)
    (
        "The New York Times said in an editorial on Monday, Oct. 26: the murder is a crime.",
        "1998-10-25",
        "Monday, Oct. 26",
        0,
        "1998-10-26",
        "1998-10-26",
    ),
    # "stay closed" is no past: "will" looks forward (Wednesday 5 October 2016)
    (
        "Schools will stay closed until Wednesday, the department said.",
        "2016-09-30",
        "Wednesday",
        0,
        "2016-10-05",
        "2016-10-05",
    ),
    # "must be returned by" looks forward (reference 7 January 2000)
    (
        "The agency ruled that he must be returned to his father in Cuba by Jan. 14.",
        "2000-01-07",
        "Jan. 14",
        0,
        "2000-01-14",
        "2000-01-14",
    ),
    # a clause joined by "and" has its own verb: "had cut ... in January" is past
    # (reference 7 May 1986), "and would cut it again" does not move it
    (
        "He said the company had cut its budget by 40% in January and would cut it again.",
        "1986-05-07",
        "January",
        0,
        "1986-01-01",
        "1986-01-31",
    ),
    # quarters and halves follow the tense too (reference 19 July 1995)
    (
        "She told analysts that loan growth would probably slow in the fourth quarter.",
        "1995-07-19",
        "the fourth quarter",
        0,
        "1995-10-01",
        "1995-12-31",
    ),
    (
        "Loan growth slowed in the fourth quarter.",
        "1995-07-19",
        "the fourth quarter",
        0,
        "1994-10-01",
        "1994-12-31",
    ),
    (
        "The bank will return to profit in the second half.",
        "2013-04-30",
        "the second half",
        0,
        "2013-07-01",
        "2013-12-31",
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

_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}  # winter spans a new year
_ORDINALS = ("first", "second", "third", "fourth")
_PAST = (
    "met",
    "met the ministers of the seven other member states",
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
    "meet",  # the present of a timetable
    "will meet the ministers of the seven other member states",  # the verb further back
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
    kind = draw(st.sampled_from(("weekday", "month", "day", "season", "quarter", "half")))
    if kind == "weekday":
        words = draw(st.sampled_from(_WEEKDAYS))
        phrase = f"on {words}"
    elif kind == "month":
        words = draw(st.sampled_from(_MONTHS))
        phrase = f"in {words}"
    elif kind == "day":
        words = f"{draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))}"
        phrase = f"on {words}"
    elif kind == "season":
        words = "the " + draw(st.sampled_from(sorted(_SEASONS)))
        phrase = f"in {words}"
    else:
        number = draw(st.integers(1, 4 if kind == "quarter" else 2))
        words = f"the {_ORDINALS[number - 1]} {kind}"
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
        elif kind in ("quarter", "half"):
            months = 3 if kind == "quarter" else 6
            first_month = (_ORDINALS.index(words.split()[1]) * months) + 1
            first = Day.from_ymd(year, first_month, 1)
            last_month = first_month + months  # the month after it, maybe 13
            after = Day.from_ymd(year + (last_month > 12), (last_month - 1) % 12 + 1, 1)
            out.append((first, after.plus(-1)))
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


# Dates that refer back -------------------------------------------------------------

FINANCE = (
    "NEW YORK -- Acme Corp. said its profit for the third quarter rose 12% to $45 million "
    "from $40 million a year earlier. Revenue in the quarter climbed 8%. Sales in the "
    "year-earlier quarter were hurt by a strike. Margins widened in the latest quarter. "
    "Analysts expect earnings for the full year of about $3 a share."
)
# no quarter named: the latest quarter ended by 20 October 1989 is July-September 1989
NO_QUARTER = (
    "Acme said profit in the quarter rose 12%. Net income for the period was $45 million, "
    "up from the year-ago period."
)
HISTORY = (
    "Acme was founded in 1921; that year it sold 300 cars. The following year it built a "
    "second plant. It moved to Ohio in March 1950 and opened a store the following month. "
    "In March 2023 the plant closed. A year earlier, inspectors had warned the owners."
)
IPO = "On 3 May 2021 the company went public. "  # a Monday

FOCUS: list[Case] = [
    # financial news dated 20 October 1989: the third quarter is July-September 1989
    (FINANCE, "1989-10-20", "the third quarter", 0, "1989-07-01", "1989-09-30"),
    # a year earlier beside a quarter: that quarter a year before
    (FINANCE, "1989-10-20", "a year earlier", 0, "1988-07-01", "1988-09-30"),
    # the comparison does not move the focus: "the quarter" is still the one reported
    (FINANCE, "1989-10-20", "the quarter", 0, "1989-07-01", "1989-09-30"),
    (FINANCE, "1989-10-20", "the year-earlier quarter", 0, "1988-07-01", "1988-09-30"),
    (FINANCE, "1989-10-20", "the latest quarter", 0, "1989-07-01", "1989-09-30"),
    (FINANCE, "1989-10-20", "the full year", 0, "1989-01-01", "1989-12-31"),
    (NO_QUARTER, "1989-10-20", "the quarter", 0, "1989-07-01", "1989-09-30"),
    (NO_QUARTER, "1989-10-20", "the period", 0, "1989-07-01", "1989-09-30"),
    (NO_QUARTER, "1989-10-20", "the year-ago period", 0, "1988-07-01", "1988-09-30"),
    # "a year ago" in a sentence about a quarter (reference 20 October 1989)
    (
        "Third-quarter results, for the three months to Sept. 30, beat those of a year ago. "
        "In the second quarter, profit rose 5% from a year ago.",
        "1989-10-20",
        "from a year ago",  # a comparison, not "since": one mention
        0,
        "1988-04-01",
        "1988-06-30",
    ),
    # history: the focus's own year and month, and the ones after them
    (HISTORY, "2025-07-15", "that year", 0, "1921-01-01", "1921-12-31"),
    (HISTORY, "2025-07-15", "The following year", 0, "1922-01-01", "1922-12-31"),
    (HISTORY, "2025-07-15", "the following month", 0, "1950-04-01", "1950-04-30"),
    # a shift keeps the focus's precision: March 2023, a year earlier, is March 2022
    (HISTORY, "2025-07-15", "A year earlier", 0, "2022-03-01", "2022-03-31"),
    # 3 May 2021, a Monday
    (
        IPO + "The same day its founder retired.",
        "2025-07-15",
        "The same day",
        0,
        "2021-05-03",
        "2021-05-03",
    ),
    (
        IPO + "The previous day, shares had been priced.",
        "2025-07-15",
        "The previous day",
        0,
        "2021-05-02",
        "2021-05-02",
    ),
    (
        IPO + "The following month the board met.",
        "2025-07-15",
        "The following month",
        0,
        "2021-06-01",
        "2021-06-30",
    ),
    (
        IPO + "Earlier that year, the founder had named a successor.",
        "2025-07-15",
        "Earlier that year",
        0,
        "2021-01-01",
        "2021-12-31",
    ),
    (
        IPO + "Later that month the board met.",
        "2025-07-15",
        "Later that month",
        0,
        "2021-05-01",
        "2021-05-31",
    ),
    (
        IPO + "The following week it named a chair.",
        "2025-07-15",
        "The following week",
        0,
        "2021-05-10",
        "2021-05-16",
    ),
    # a shift from a day keeps the day, and moves the focus: the day after it is 4 May 2022
    (
        IPO + "A year later its founder died. The following day the shares fell.",
        "2025-07-15",
        "A year later",
        0,
        "2022-05-03",
        "2022-05-03",
    ),
    (
        IPO + "A year later its founder died. The following day the shares fell.",
        "2025-07-15",
        "The following day",
        0,
        "2022-05-04",
        "2022-05-04",
    ),
    # with no date mentioned before, the reference date is the focus (15 July 2025)
    (
        "The following month, the ferry stopped.",
        "2025-07-15",
        "The following month",
        0,
        "2025-08-01",
        "2025-08-31",
    ),
    ("That year, the ferry stopped.", "2025-07-15", "That year", 0, "2025-01-01", "2025-12-31"),
    # seasons named so: the season of the focus, the one after or before it
    (
        "When the war came in June 1941, most men were called up, and by that autumn "
        "the workforce was three-quarters women.",
        "2012-01-20",
        "that autumn",
        0,
        "1941-09-01",
        "1941-11-30",
    ),
    (
        "Supplies arrived in the spring of 1942, and the following winter was hungry.",
        "2012-01-20",
        "the following winter",
        0,
        "1942-12-01",
        "1943-02-28",
    ),
    (
        "The police raided the bar twice in 1927, and the following spring the owners "
        "hired a band.",
        "2021-04-22",
        "the following spring",
        0,
        "1928-03-01",
        "1928-05-31",
    ),
    (
        "The thaw came in the spring of 1887; the previous winter had killed the herds.",
        "1994-09-18",
        "the previous winter",
        0,
        "1886-12-01",
        "1887-02-28",
    ),
    # the winter that ended just before a May is the one a reader means (not December)
    (
        "The river froze and did not open until May 1780. Letters from that winter are anxious.",
        "1988-12-01",
        "that winter",
        0,
        "1779-12-01",
        "1780-02-29",
    ),
    # ... and the summer after a January, that year's (not the one before it)
    (
        "A blizzard in January 1887 lasted three days. Several companies were wound up "
        "that summer.",
        "1994-09-18",
        "that summer",
        0,
        "1887-06-01",
        "1887-08-31",
    ),
    # the same period a year before: the quarter or half in focus, moved a year
    (
        "It lost $38 million in the December quarter of 2000, against a profit in the same "
        "quarter a year earlier.",
        "2001-01-25",
        "the same quarter a year earlier",
        0,
        "1999-10-01",
        "1999-12-31",
    ),
    (
        "Net profit for the first six months of 2022 fell from the same period last year.",
        "2022-07-28",
        "the same period last year",
        0,
        "2021-01-01",
        "2021-06-30",
    ),
    # a day in focus: "the same quarter" is the quarter holding it (reference 2008-11-06)
    (
        "Sales for the period ended Sept. 30, 2008 beat the same quarter of last year.",
        "2008-11-06",
        "the same quarter of last year",
        0,
        "2007-07-01",
        "2007-09-30",
    ),
    # "the three months to Sept. 30" is a quarter: a year earlier, that quarter a year back
    (
        "Net income in the three months to Sept. 30 was $42.7 million, down from $61.9 "
        "million a year earlier.",
        "2008-11-06",
        "a year earlier",
        0,
        "2007-07-01",
        "2007-09-30",
    ),
    (
        "Sales for the six months ended June 30 rose 4% from a year earlier.",
        "2019-08-01",
        "a year earlier",
        0,
        "2018-01-01",
        "2018-06-30",
    ),
    # months that do not end with the day name no period: the day a year back
    (
        "Revenue in the three months to Sept. 29 fell from a year earlier.",
        "2008-11-06",
        "a year earlier",
        0,
        "2007-09-29",
        "2007-09-29",
    ),
    # decades: the decade before the one in focus
    (
        "By the mid-1880s the town shipped ten times as many cattle as in the previous decade.",
        "1994-09-18",
        "the previous decade",
        0,
        "1870-01-01",
        "1879-12-31",
    ),
]


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), FOCUS)
def test_dates_that_refer_back(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    assert _mention(text, reference, words, nth) == (earliest, latest)


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), FOCUS)
def test_dates_that_refer_back_through_the_command(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    assert _cli(text, reference, words, nth) == (earliest, latest)


@pytest.mark.parametrize(
    "text",
    [
        "It was the year's best film.",
        "She was named woman of the year.",
        "They dined in the Latin Quarter.",
        "A quarter of the population voted.",
        "He kept the quarter he found.",  # no period in focus, no financial news
        "The period of martial law ended.",
        "He said that day care costs rose.",
        "The year 1999 was hard.",  # a year, but not "the year" of the focus
        "It lasted the year round.",
    ],
)
def test_nouns_that_only_look_like_dates_that_refer_back(text: str) -> None:
    found = [m.text for m in extract(text, "2025-07-15").mentions]
    assert not any(w in found for w in ("the year", "the quarter", "the period", "that day")), found


def test_the_year_after_for_is_the_year_in_focus() -> None:
    text = "In 1998 the firm grew. For the year, sales rose 4%."
    assert _mention(text, "2025-07-15", "the year", 0) == ("1998-01-01", "1998-12-31")


def test_a_date_that_dates_the_report_does_not_become_the_focus() -> None:
    # "said Tuesday" dates the report (14 May 2025 is a Wednesday); the story is 1998's
    text = "Profit fell in 1998, the company said Tuesday. That year, sales dropped."
    assert _mention(text, "2025-05-14", "That year", 0) == ("1998-01-01", "1998-12-31")


@pytest.mark.parametrize(
    ("words", "earliest", "latest"),
    [
        # reference Wednesday 14 May 2025: the reference day is the focus
        ("a year earlier", "2024-05-14", "2024-05-14"),
        ("two months later", "2025-07-14", "2025-07-14"),
        ("that year", "2025-01-01", "2025-12-31"),
        ("that month", "2025-05-01", "2025-05-31"),
        ("the same day", "2025-05-14", "2025-05-14"),
        ("the following week", "2025-05-19", "2025-05-25"),
        ("the following month", "2025-06-01", "2025-06-30"),
        ("the following year", "2026-01-01", "2026-12-31"),
        ("the previous day", "2025-05-13", "2025-05-13"),
        ("earlier that year", "2025-01-01", "2025-12-31"),
        # no quarter in focus: the latest ended by the reference, January-March 2025
        ("the latest quarter", "2025-01-01", "2025-03-31"),
        ("the quarter", "2025-01-01", "2025-03-31"),
        ("the year-earlier quarter", "2024-01-01", "2024-03-31"),
        ("the year-ago period", "2024-01-01", "2024-03-31"),
        ("the full year", "2025-01-01", "2025-12-31"),
        ("the end of that year", "2025-09-01", "2025-12-31"),
        ("that summer", "2025-06-01", "2025-08-31"),
        ("the same month a year earlier", "2024-05-01", "2024-05-31"),
        ("the following winter", "2025-12-01", "2026-02-28"),
        ("the previous decade", "2010-01-01", "2019-12-31"),
    ],
)
def test_through_parse_they_refer_back_to_the_reference_date(
    words: str, earliest: str, latest: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chrono", "parse", words, "--reference", "2025-05-14", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["earliest"], out["latest"]) == (earliest, latest)


def test_without_a_reference_or_a_focus_they_are_an_error_that_says_so() -> None:
    with pytest.raises(ParseError, match="reference date"):
        parse("the following month")
    assert parse("a year earlier", focus=parse("March 2023")).earliest == Day.from_ymd(2022, 3, 1)


# Properties of the focus: a shift keeps its precision, "that <unit>" holds it

_QUARTER_WORDS = ("first", "second", "third", "fourth")
years = st.integers(min_value=1000, max_value=2099)  # in prose a year has four digits to 2099


@st.composite
def focuses(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """A date of month, quarter or year precision: (words, precision, year, first month)."""
    year = draw(years)
    precision = draw(st.sampled_from(("month", "quarter", "year")))
    if precision == "month":
        month = draw(st.integers(1, 12))
        return f"{_MONTHS[month - 1]} {year}", "month", year, month
    if precision == "quarter":
        q = draw(st.integers(1, 4))
        return f"the {_QUARTER_WORDS[q - 1]} quarter of {year}", "quarter", year, 3 * q - 2
    return f"{year}", "year", year, 1


def _window(precision: str, year: int, month: int) -> tuple[Day, Day]:
    months = {"month": 1, "quarter": 3, "year": 12}[precision]
    end_year, end_month = divmod(year * 12 + month - 1 + months, 12)
    return Day.from_ymd(year, month, 1), Day.from_ymd(end_year, end_month + 1, 1).plus(-1)


_NUMBER_WORDS = ("a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@settings(max_examples=200, deadline=None)
@given(focuses(), st.integers(1, 10), st.sampled_from(("earlier", "later")), st.booleans())
def test_a_shift_keeps_the_focus_precision(
    focus: tuple[str, str, int, int], amount: int, way: str, in_prose: bool
) -> None:
    words, precision, year, month = focus
    step = "year" if amount == 1 else "years"
    phrase = f"{_NUMBER_WORDS[amount - 1]} {step} {way}"
    if in_prose:
        text = f"In {words}, the plant opened. {phrase.capitalize()}, it closed."
        mention = [m for m in extract(text, "2025-07-15").mentions if m.text.lower() == phrase]
        assert len(mention) == 1
        interval = mention[0].interval
    else:
        interval = parse(phrase, "2025-07-15", focus=parse(words))
    assert interval is not None
    moved = year + (amount if way == "later" else -amount)
    assert interval.precision == precision
    assert (interval.earliest, interval.latest) == _window(precision, moved, month)


@settings(max_examples=200, deadline=None)
@given(references, st.sampled_from(("day", "week", "month", "year")))
def test_that_unit_is_the_unit_holding_the_focus_day(day: Day, unit: str) -> None:
    got = parse(f"that {unit}", "2025-07-15", focus=parse(day.isoformat()))
    assert got.earliest is not None and got.latest is not None
    assert got.earliest <= day <= got.latest
    assert got.precision == unit
    y, m, _ = day.ymd
    if unit == "month":
        assert (got.earliest, got.latest) == _window("month", y, m)
    elif unit == "year":
        assert (got.earliest, got.latest) == _window("year", y, 1)
    elif unit == "week":
        assert got.earliest.isoweekday == 1 and got.latest.ordinal - got.earliest.ordinal == 6


_YEAR_BACK = ("a year earlier", "a year ago", "last year", "of last year", "the previous year")
_SEASON_CODES = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "winter": (12, 3)}


def _season(name: str, year: int) -> tuple[Day, Day]:
    first_month, count = _SEASON_CODES[name]
    end_year, end_month = divmod(year * 12 + first_month - 1 + count, 12)
    return Day.from_ymd(year, first_month, 1), Day.from_ymd(end_year, end_month + 1, 1).plus(-1)


@settings(max_examples=300, deadline=None)
@given(references, st.sampled_from(sorted(_SEASON_CODES)), st.sampled_from((-1, 0, 1)))
def test_a_season_named_so_is_placed_by_the_focus_and_stays_a_season(
    day: Day, name: str, way: int
) -> None:
    phrase = {-1: f"the previous {name}", 0: f"that {name}", 1: f"the following {name}"}[way]
    got = parse(phrase, "2025-07-15", focus=parse(day.isoformat()))
    assert got.precision == "season"
    seasons = [_season(name, y) for y in range(day.year - 2, day.year + 2)]
    window = (got.earliest, got.latest)
    assert window in seasons
    if way == 1:  # the first to begin after the focus
        assert window == next(s for s in seasons if s[0] > day)
    elif way == -1:  # the last to end before it
        assert window == [s for s in seasons if s[1] < day][-1]
    elif any(a <= day <= b for a, b in seasons):  # the one holding the focus
        assert window[0] <= day <= window[1]
    else:  # else one sharing the focus's calendar year: spring to autumn, that year's
        assert day.year in (window[0].year, window[1].year)
        if name != "winter":
            assert window == _season(name, day.year)


# A history of years long past: a month or season without a year is one of the story's

_WINTER_1886 = (
    "The railroad reached the town on May 10, 1881. The boom of the early 1880s brought "
    "cattle companies. Then came the winter of 1886-87. Snow began in November, and a "
    "blizzard in January lasted three days."
)
_WINTER_1779 = (
    "The house was founded c. 1740 and prospered after the peace of 1763. The winter of "
    "1779-80 was one of the hardest of the century: the river froze in October and did "
    "not open until May."
)
HISTORY_CASES: list[Case] = [
    # the occurrence nearest the focus: November 1886 just before the winter of 1886-87,
    # January 1887 within it (reference 18 September 1994)
    (_WINTER_1886, "1994-09-18", "November", 0, "1886-11-01", "1886-11-30"),
    (_WINTER_1886, "1994-09-18", "January", 0, "1887-01-01", "1887-01-31"),
    # "until May" after October 1779: the first May not over by then
    (_WINTER_1779, "1988-12-01", "October", 0, "1779-10-01", "1779-10-31"),
    (_WINTER_1779, "1988-12-01", "until May", 0, "", "1780-05-31"),
    # news that names an old year in passing stays news: the December before the reference
    (
        "The suspect was charged Thursday. He had been arrested in several states since "
        "1990. His car was found abandoned at the airport in December, investigators said.",
        "1999-05-06",
        "December",
        0,
        "1998-12-01",
        "1998-12-31",
    ),
    # a statement that looks forward keeps the reference's rule, in a history too
    (
        _WINTER_1886 + " The museum will show the ledgers in September.",
        "1994-03-18",
        "September",
        0,
        "1994-09-01",
        "1994-09-30",
    ),
]


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), HISTORY_CASES)
def test_in_a_history_a_month_without_a_year_is_one_of_the_story(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    assert _mention(text, reference, words, nth) == (earliest or None, latest)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1200, 1950),
    st.integers(1, 12),
    st.sampled_from(_MONTHS),
    st.integers(3, 60),
)
def test_in_a_history_a_month_is_the_one_nearest_the_date_in_focus(
    year: int, month: int, named: str, years_on: int
) -> None:
    reference = Day.from_ymd(year + years_on, 6, 15)
    text = (
        f"The guild was founded in {year - 30}. It was rebuilt in {year - 12}. "
        f"In {_MONTHS[month - 1]} {year} the river rose. The water fell in {named}."
    )
    mention = [m for m in extract(text, reference).mentions if m.text == named][-1]
    assert mention.interval is not None
    got = (mention.interval.earliest, mention.interval.latest)
    focus = _window("month", year, month)
    candidates = [_window("month", y, _MONTHS.index(named) + 1) for y in (year - 1, year, year + 1)]

    def gap(w: tuple[Day, Day]) -> int:
        return max(0, w[0].ordinal - focus[1].ordinal, focus[0].ordinal - w[1].ordinal)

    assert got == min(candidates, key=gap)  # nearest the focus, ties to the earlier
    assert got[1] < reference  # and a past statement stays in the past


@settings(max_examples=200, deadline=None)
@given(references, st.sampled_from(("month", "quarter")), st.sampled_from(_YEAR_BACK))
def test_the_same_unit_a_year_before_holds_the_focus_day_a_year_back(
    day: Day, unit: str, back: str
) -> None:
    got = parse(f"the same {unit} {back}", "2025-07-15", focus=parse(day.isoformat()))
    y, m, _ = day.ymd
    first = m if unit == "month" else (m - 1) // 3 * 3 + 1
    assert got.precision == unit
    assert (got.earliest, got.latest) == _window(unit, y - 1, first)


HISTORY_MORE: list[Case] = [
    # a decade without its century in a story of 1924: the twenties of that story
    (
        "The ballroom opened on New Year's Eve, 1924, and for the rest of the twenties it "
        "was the most crowded room in the city.",
        "2021-04-22",
        "the twenties",
        0,
        "1920-01-01",
        "1929-12-31",
    ),
    # the nineties in a story of 1805 are the 1790s, just before it
    (
        "The house was founded in 1780 and grew in 1791. It was wound up in 1805, after "
        "the boom of the nineties had passed.",
        "1988-12-01",
        "the nineties",
        0,
        "1790-01-01",
        "1799-12-31",
    ),
    # ... but one far from the story keeps the reference's rule: the '70s before 1991
    (
        "I came here in 1958, straight out of college. I taught in 1961 and 1962. The "
        "students changed in the '70s.",
        "1991-06-12",
        "the '70s",
        0,
        "1970-01-01",
        "1979-12-31",
    ),
    # the turn of the century in a history of the 1880s: 1895-1905
    (
        "In 1881 the railroad came. By 1888 the town had 900 people. By the turn of the "
        "century it had 11,000.",
        "2016-05-10",
        "the turn of the century",
        0,
        "1895-01-01",
        "1905-12-31",
    ),
]


@pytest.mark.parametrize(("text", "reference", "words", "nth", "earliest", "latest"), HISTORY_MORE)
def test_in_a_history_decades_and_turns_are_the_story_s(
    text: str, reference: str, words: str, nth: int, earliest: str, latest: str
) -> None:
    mentions = extract(text, reference).mentions
    found = [m for m in mentions if m.text == words]  # "By the turn ...": its end too
    assert len(found) > nth, [m.text for m in mentions]
    interval = found[nth].interval
    assert interval is not None
    assert (str(interval.earliest), str(interval.latest)) == (earliest, latest)
