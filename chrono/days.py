"""The day type: one integer per day, so deep time sorts and counts exactly.

pendulum and ``datetime`` stop at years 1-9999; historians do not. A :class:`Day`
holds the number of days since 1970-01-01 in the proleptic Gregorian calendar with
astronomical years (year 0 is 1 BC, year -499 is 500 BC), and converts with
Howard Hinnant's civil-from-days arithmetic, which is exact for any integer year.
"""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from chrono.errors import DayError

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2 and is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a valid proleptic Gregorian date."""
    y = year - 1 if month <= 2 else year
    era = y // 400
    yoe = y - era * 400
    mp = month + 9 if month <= 2 else month - 3
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def check_date(year: int, month: int, day: int) -> None:
    """:class:`DayError` unless the proleptic Gregorian calendar has this day."""
    if not 1 <= month <= 12:
        raise DayError(f"month {month} is not 1-12")
    if not 1 <= day <= month_length(year, month):
        raise DayError(f"day {day} is not in {format_year(year)}-{month:02d}")


def civil_from_days(n: int) -> tuple[int, int, int]:
    z = n + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


_ISO = re.compile(r"([+-]?[0-9]{4,})-([0-9]{2})-([0-9]{2})")


def format_year(year: int) -> str:
    """Years 0-9999 as four digits; earlier with ``-``, later with ``+`` (dates.md)."""
    if 0 <= year <= 9999:
        return f"{year:04d}"
    if year < 0:
        return f"-{-year:04d}"
    return f"+{year}"


@attrs.frozen(init=False)
class Day:
    """A calendar day: ``Day('2022-05-12')``, :meth:`from_ymd` or :meth:`from_date`.

    Days compare as the calendar orders them, and one day minus another is the
    number of days between them (an ``int``); :meth:`plus` moves by days.
    """

    ordinal: int  # days since 1970-01-01

    def __init__(self, ordinal: int | str) -> None:
        """A day from its ordinal, or from ISO text with a signed year where needed."""
        if isinstance(ordinal, str):
            ordinal = _from_iso(ordinal)
        object.__setattr__(self, "ordinal", ordinal)

    # Ordering by hand: attrs' generated order builds tuples, and days are compared a lot.
    def __lt__(self, other: Day) -> bool:
        return self.ordinal < other.ordinal

    def __le__(self, other: Day) -> bool:
        return self.ordinal <= other.ordinal

    def __gt__(self, other: Day) -> bool:
        return self.ordinal > other.ordinal

    def __ge__(self, other: Day) -> bool:
        return self.ordinal >= other.ordinal

    def __sub__(self, other: Day) -> int:
        """Days from ``other`` to this day: ``Day('2022-05-12') - Day('2022-05-01') == 11``."""
        if not isinstance(other, Day):
            return NotImplemented
        return self.ordinal - other.ordinal

    def __repr__(self) -> str:
        return f"Day({self.isoformat()!r})"

    @classmethod
    def from_ymd(cls, year: int, month: int, day: int) -> Day:
        check_date(year, month, day)
        return cls(days_from_civil(year, month, day))

    @classmethod
    def from_date(cls, date: _dt.date) -> Day:
        """The day of a ``datetime.date`` (or of a ``datetime``, whatever its time)."""
        return cls(days_from_civil(date.year, date.month, date.day))

    def to_date(self) -> _dt.date:
        """This day as a ``datetime.date``, which holds only years 1-9999."""
        year, month, day = civil_from_days(self.ordinal)
        if not 1 <= year <= 9999:
            raise DayError(
                f"{self.isoformat()} is outside the years 1-9999 that datetime.date can hold"
            )
        return _dt.date(year, month, day)

    @classmethod
    def first_of_month(cls, year: int, month: int) -> Day:
        return cls(days_from_civil(year, month, 1))

    @classmethod
    def last_of_month(cls, year: int, month: int) -> Day:
        return cls(days_from_civil(year, month, month_length(year, month)))

    @property
    def ymd(self) -> tuple[int, int, int]:
        return civil_from_days(self.ordinal)

    @property
    def year(self) -> int:
        return civil_from_days(self.ordinal)[0]

    @property
    def month(self) -> int:
        return civil_from_days(self.ordinal)[1]

    @property
    def day(self) -> int:
        return civil_from_days(self.ordinal)[2]

    @property
    def isoweekday(self) -> int:
        """Monday is 1, Sunday 7 (1970-01-01 was a Thursday)."""
        return (self.ordinal + 3) % 7 + 1

    def plus(self, days: int) -> Day:
        return Day(self.ordinal + days)

    def isoformat(self) -> str:
        y, m, d = civil_from_days(self.ordinal)
        return f"{format_year(y)}-{m:02d}-{d:02d}"

    def __str__(self) -> str:
        return self.isoformat()


def _from_iso(text: str) -> int:
    """The ordinal of ``YYYY-MM-DD``, years signed as :func:`format_year` writes them."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise DayError(f"{text!r} is not a day as YYYY-MM-DD (years outside 0-9999 signed)")
    year, month, day = (int(g) for g in match.groups())
    return Day.from_ymd(year, month, day).ordinal


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after the given one; negative goes back."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week_monday(year: int, week: int) -> Day:
    """The Monday of ISO week ``week`` of ``year`` (week 1 holds January 4)."""
    jan4 = Day(days_from_civil(year, 1, 4))
    return jan4.plus(1 - jan4.isoweekday + 7 * (week - 1))


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: December 28 always falls in the last ISO week."""
    dec28 = Day(days_from_civil(year, 12, 28))
    return (dec28.ordinal - iso_week_monday(year, 1).ordinal) // 7 + 1


def iso_week_of(day: Day) -> tuple[int, int]:
    """The ISO (year, week) holding ``day``."""
    thursday = day.plus(4 - day.isoweekday)
    year = thursday.year
    return year, (thursday.ordinal - days_from_civil(year, 1, 1)) // 7 + 1
