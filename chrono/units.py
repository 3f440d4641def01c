"""Windows of calendar units, their parts, and widening by a precision's step.

Pure arithmetic on :class:`~chrono.days.Day`: no parsing and no reference date.
"""

from __future__ import annotations

from itertools import accumulate

from chrono.days import (
    Day,
    add_months,
    check_date,
    civil_from_days,
    days_from_civil,
    is_leap,
    iso_week_monday,
    month_length,
)
from chrono.model import Window, trusted_day, trusted_days, trusted_window

# Season codes of EDTF level 1 and 2: code -> (first month, number of months).
# Winter starts in December of the year written and ends in February of the next.
SEASON_MONTHS: dict[int, tuple[int, int]] = {
    21: (3, 3),
    22: (6, 3),
    23: (9, 3),
    24: (12, 3),  # northern (level 1)
    25: (3, 3),
    26: (6, 3),
    27: (9, 3),
    28: (12, 3),  # northern (level 2)
    29: (9, 3),
    30: (12, 3),
    31: (3, 3),
    32: (6, 3),  # southern
    33: (1, 3),
    34: (4, 3),
    35: (7, 3),
    36: (10, 3),  # quarters
    37: (1, 4),
    38: (5, 4),
    39: (9, 4),  # thirds (quadrimesters)
    40: (1, 6),
    41: (7, 6),  # halves (semesters)
}


# Days before each month of a common year and of a leap year: index 1-12 for the months,
# 13 for the whole year (so a month's last day is the day before the next one's first).
_DAYS_BEFORE = tuple(
    (0, *accumulate((month_length(year, month) for month in range(1, 13)), initial=0))
    for year in (2001, 2000)  # a common year, then a leap one: indexed by is_leap
)
_EPOCH_FROM_YEAR_ONE = 719162  # days from 0001-01-01 to 1970-01-01


def year_start(year: int) -> int:
    """The ordinal of January 1 of ``year``: ``days_from_civil(year, 1, 1)`` by one sum of
    the leap days before it (a test checks the two agree on any year)."""
    y = year - 1
    return 365 * y + y // 4 - y // 100 + y // 400 - _EPOCH_FROM_YEAR_ONE


# The days first to last as ordinals, ordered by the arithmetic that made them.
_window = trusted_days


def season_precision(code: int) -> str:
    if code <= 32:
        return "season"
    if code <= 36:
        return "quarter"
    return "third" if code <= 39 else "half"


def day_window_of(ordinal: int) -> Window:
    """The one-day window of a day computed by calendar arithmetic."""
    day = trusted_day(ordinal)
    return trusted_window(day, day)


def day_window(year: int, month: int, day: int) -> Window:
    """The one-day window of a date; :class:`DayError` if there is no such day."""
    check_date(year, month, day)
    return day_window_of(days_from_civil(year, month, day))


def months_of_year(year: int, first: int, last: int) -> Window:
    """The months ``first`` to ``last`` (1-12, in order) of one year: its first day and a
    table of month lengths, for the month, quarter, half and part windows of every parse."""
    start = year_start(year)
    before = _DAYS_BEFORE[is_leap(year)]
    return _window(start + before[first], start + before[last + 1] - 1)


def months_window(year: int, month: int, count: int) -> Window:
    """``count`` whole months from ``year-month`` on, crossing years as needed."""
    if month + count <= 13:
        return months_of_year(year, month, month + count - 1)
    last_year, last_month = add_months(year, month, count - 1)
    return _window(
        days_from_civil(year, month, 1),
        days_from_civil(last_year, last_month, month_length(last_year, last_month)),
    )


def month_window(year: int, month: int) -> Window:
    return months_of_year(year, month, month)


def years_window(first: int, last: int) -> Window:
    return _window(year_start(first), year_start(last + 1) - 1)


def year_window(year: int) -> Window:
    return years_window(year, year)


def season_window(year: int, code: int) -> Window:
    first_month, count = SEASON_MONTHS[code]
    return months_window(year, first_month, count)


def quarter_window(year: int, quarter: int) -> Window:
    return months_of_year(year, 3 * quarter - 2, 3 * quarter)


def half_window(year: int, half: int) -> Window:
    return months_of_year(year, 6 * half - 5, 6 * half)


def week_window(year: int, week: int) -> Window:
    monday = iso_week_monday(year, week).ordinal
    return _window(monday, monday + 6)


def week_window_of(ordinal: int) -> Window:
    """The Monday-to-Sunday (ISO) week holding a day: ``week_window(*iso_week_of(day))``
    without naming the week (a test checks the two agree)."""
    monday = ordinal - (ordinal + 3) % 7  # 1970-01-01 was a Thursday
    return _window(monday, monday + 6)


def decade_window(first_year: int) -> Window:
    return years_window(first_year, first_year + 9)


def century_window(first_year: int) -> Window:
    """A century from its first year: ``(n-1)00`` for the nth, but year 1 for the 1st AD."""
    return years_window(first_year, first_year + 99 if first_year != 1 else 99)


# Parts ------------------------------------------------------------------------

# What a unit is made of, for cutting it into parts: its sub-units.
_BY_MONTHS = frozenset({"year", "season", "quarter", "third", "half"})
_BY_YEARS = frozenset({"decade", "century"})

PART_NAMES = (
    "early",
    "mid",
    "late",
    "half1",
    "half2",
    "quarter1",
    "quarter2",
    "quarter3",
    "quarter4",
)


def _cut(count: int, part: str) -> tuple[int, int]:
    """The 0-based first and last sub-unit of ``part`` of ``count`` sub-units.

    Thirds end at ceil(n/3) and ceil(2n/3): a year 4+4+4 months, a decade 4+3+3 years,
    a century 34+33+33 years (dates.md). A unit of fewer sub-units than parts (a
    one- or two-day event cut in thirds) cannot be cut so: each part is then every
    sub-unit it overlaps, so the end of a two-day event is its second day and any
    part of a one-day event is that day, never a day outside the unit.
    """
    if part in ("early", "mid", "late"):
        index, parts = ("early", "mid", "late").index(part), 3
    elif part in ("half1", "half2"):
        index, parts = int(part[-1]) - 1, 2
    else:
        index, parts = int(part[-1]) - 1, 4
    if count < parts:
        return index * count // parts, -(-(index + 1) * count // parts) - 1
    if parts == 3:
        first_end = -(-count // 3)
        second_end = -(-2 * count // 3)
        return ((0, first_end - 1), (first_end, second_end - 1), (second_end, count - 1))[index]
    if parts == 2:
        mid = count // 2
        return (0, mid - 1) if index == 0 else (mid, count - 1)
    return index * count // 4, (index + 1) * count // 4 - 1


def part_of(window: Window, kind: str, part: str) -> Window:
    """``part`` (early, mid, late, half1, ...) of a unit of ``kind`` covering ``window``.

    A joined part (``mid-late``, from ``mid-to-late``) runs from the start of its
    first part to the end of its second. Parts are cut by arithmetic that orders them
    (a first sub-unit never after the last), so they are built as unit windows are.
    """
    if "-" in part:
        head, tail = part.split("-")
        earliest = part_of(window, kind, head).earliest
        latest = part_of(window, kind, tail).latest
        assert earliest is not None and latest is not None
        return _window(earliest.ordinal, latest.ordinal)
    first, last = window.earliest, window.latest
    assert first is not None and last is not None
    if kind in _BY_MONTHS:
        y0, m0, _ = civil_from_days(first.ordinal)
        y1, m1, _ = civil_from_days(last.ordinal)
        count = (y1 * 12 + m1) - (y0 * 12 + m0) + 1
        a, b = _cut(count, part)
        ya, ma = add_months(y0, m0, a)
        yb, mb = add_months(y0, m0, b)
        return _window(days_from_civil(ya, ma, 1), days_from_civil(yb, mb, month_length(yb, mb)))
    if kind in _BY_YEARS:
        y0, y1 = first.year, last.year
        a, b = _cut(y1 - y0 + 1, part)
        return years_window(y0 + a, y0 + b)
    if kind == "month" and part in _MONTH_PART_DAYS:
        y, m, _ = civil_from_days(first.ordinal)
        a, b = _MONTH_PART_DAYS[part]
        if b == 0:
            b = month_length(y, m)
        return _window(first.ordinal + a - 1, first.ordinal + b - 1)
    a, b = _cut(last.ordinal - first.ordinal + 1, part)
    return _window(first.ordinal + a, first.ordinal + b)


def year_part(year: int, part: str) -> Window | None:
    """``part`` of the calendar year ``year``, as ``part_of`` cuts the year's window, by a
    table of months: late 1999, H1 2023 are parts of a year by the thousand. None for a
    joined part (mid-to-late), which ``part_of`` cuts."""
    months = _YEAR_PART_MONTHS.get(part)
    if months is None:
        return None
    first, last = months
    return months_of_year(year, first, last)


# Days of a month's parts, first and last (0: the month's last day).
_MONTH_PART_DAYS = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, 0),
    "half1": (1, 15),
    "half2": (16, 0),
}


def part_precision(kind: str, part: str) -> str:
    part = part.split("-")[0]  # a joined part is as precise as each of its parts
    if part.startswith("half"):
        return "half"
    if part.startswith("quarter"):
        return "quarter" if kind == "year" else kind
    return "third"


# Widening ----------------------------------------------------------------------

# The step of each precision as (unit, amount): dates.md's "step" table. A part
# of a month widens by a week: the table is silent there, and a month would
# swallow the part (docs/dates.md).
STEPS: dict[str, tuple[str, int]] = {
    "day": ("days", 1),
    "week": ("days", 7),
    "month": ("months", 1),
    "season": ("months", 1),
    "quarter": ("months", 1),
    "third": ("months", 1),
    "half": ("months", 1),
    "year": ("years", 1),
    "decade": ("years", 1),
    "century": ("years", 10),
    "partial": ("days", 1),
    "set": ("years", 1),
    "recent": ("days", 7),
    "month-part": ("days", 7),
}


def shift_months(day: Day, months: int, *, keep_month_end: bool) -> Day:
    """``day`` moved by whole months; the day clamps to the month reached.

    With ``keep_month_end`` a month's last day stays a last day, so widening
    ``2004-06`` by a month ends on July 31, not July 30.
    """
    y, m, d = day.ymd
    ny, nm = add_months(y, m, months)
    length = month_length(ny, nm)
    if keep_month_end and d == month_length(y, m):
        d = length
    return Day(days_from_civil(ny, nm, min(d, length)))


def widen(window: Window, step: str, times: int) -> Window:
    """``window`` widened by ``times`` steps of the precision ``step`` on each side."""
    unit, amount = STEPS[step]
    first, last = window.earliest, window.latest
    n = amount * times
    if unit == "days":
        return Window(
            None if first is None else first.plus(-n), None if last is None else last.plus(n)
        )
    months = n if unit == "months" else 12 * n
    return Window(
        None if first is None else shift_months(first, -months, keep_month_end=False),
        None if last is None else shift_months(last, months, keep_month_end=True),
    )


_OFFSET_CACHE: dict[tuple[int, str], tuple[int, int]] = {}


def offset_days(amount: int, unit: str) -> tuple[int, int]:
    """The fewest and most days that ``amount`` units can last (2 months: 59 to 62).

    Months and years vary; the range is taken over every start in a 400-year cycle.
    """
    key = (amount, unit)
    if key in _OFFSET_CACHE:
        return _OFFSET_CACHE[key]
    if unit in ("day", "week"):
        n = amount * (7 if unit == "week" else 1)
        result = (n, n)
    else:
        months = (
            amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
        )
        lengths = []
        for year in range(2000, 2400):
            for month in range(1, 13) if months % 12 else (1, 3):
                y, m = add_months(year, month, months)
                lengths.append(days_from_civil(y, m, 1) - days_from_civil(year, month, 1))
        result = (min(lengths), max(lengths))
    _OFFSET_CACHE[key] = result
    return result


# The first and last month (1-12) of each part of a year: _cut of its twelve months.
_YEAR_PART_MONTHS = {
    part: (first + 1, last + 1) for part in PART_NAMES for first, last in [_cut(12, part)]
}
