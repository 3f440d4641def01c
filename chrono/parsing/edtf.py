"""ISO 8601 and EDTF (levels 0, 1 and the level-2 forms of dates.md) to intervals.

EDTF never needs a reference date, so this layer returns finished intervals. Every
pattern here is anchored and free of nested repetition: the work is linear in the
length of the text.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from chrono.days import Day, days_from_civil, is_leap, month_length
from chrono.errors import ParseError
from chrono.model import (
    Interval,
    Window,
    coarser,
    trusted_interval,
    trusted_span,
    wholly_before,
)
from chrono.units import (
    STEPS,
    day_window_of,
    month_window,
    season_precision,
    season_window,
    shift_months,
    widen,
)

# One component of a date: a qualifier either side of digits or X.
_COMPONENT = re.compile(r"([?~%]?)([0-9X]+)([?~%]?)")
_Y_YEAR = re.compile(r"Y(-?)([0-9]+)(?:E([0-9]+))?(?:S([0-9]+))?([?~%]?)")
_PLAIN_YEAR_S = re.compile(r"(-?)([0-9]{4})S([0-9]+)")
_TIME = re.compile(
    r"T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?"
    r"(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)

QUALIFIER_NAMES = {"?": ("uncertain",), "~": ("approximate",), "%": ("approximate", "uncertain")}
# How many units a qualifier widens its part by, each side (dates.md): % is both at once.
_WIDENED_BY = {"?": 1, "~": 1, "%": 2}
# A single date as it may stand inside prose; the full grammar is checked by parse_date.
DATE_TOKEN = (
    r"[?~%]?(?:Y-?[0-9]+(?:E[0-9]+)?(?:S[0-9]+)?"
    r"|[0-9X]{4}[?~%]?(?:-[?~%]?[0-9X]{2}[?~%]?){0,2}"
    r"(?:T[0-9:.]+(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?)[?~%]?"
)


def _qualifiers(marks: str) -> tuple[str, ...]:
    names: set[str] = set()
    for mark in marks:
        names.update(QUALIFIER_NAMES[mark])
    return tuple(sorted(names))


def _digits_range(pattern: str) -> tuple[int, int]:
    return int(pattern.replace("X", "0")), int(pattern.replace("X", "9"))


def _matches(pattern: str, value: int) -> bool:
    text = f"{value:0{len(pattern)}d}"
    return len(text) == len(pattern) and all(
        p in ("X", c) for p, c in zip(pattern, text, strict=True)
    )


@functools.lru_cache(maxsize=4096)  # pure, and sets repeat the same patterns
def _first_or_last_day(
    year_pat: str, negative: bool, month_pat: str | None, day_pat: str | None, last: bool
) -> Day | None:
    """The earliest (or latest) day a pattern with unspecified digits allows.

    The month-days the pattern allows are listed once (at most 366); then only years
    that match the pattern are tried, and a year fails only on February 29, so the
    search stops within a few leap cycles, or says at once that nothing matches.
    """
    pairs = list(_month_days(month_pat, day_pat))
    if not pairs:
        return None
    if last:
        pairs.reverse()
    only_leap_day = all(pair == (2, 29) for pair in pairs)
    if only_leap_day and not _leap_year_possible(year_pat):
        return None
    for value in _years(year_pat, descending=last):
        year = -value if negative else value
        if only_leap_day and not is_leap(year):
            continue
        for month, day in pairs:
            if day <= month_length(year, month):
                return Day(days_from_civil(year, month, day))
    return None


@functools.lru_cache(maxsize=256)
def _month_days(month_pat: str | None, day_pat: str | None) -> tuple[tuple[int, int], ...]:
    """The (month, day) pairs a pattern allows in some year, in calendar order."""
    return tuple(
        (m, d)
        for m in range(1, 13)
        if month_pat is None or _matches(month_pat, m)
        for d in range(1, month_length(2000, m) + 1)
        if day_pat is None or _matches(day_pat, d)
    )


def _years(pattern: str, *, descending: bool) -> Iterator[int]:
    """The years a four-character pattern such as ``19X5`` allows, in order."""
    digits = "9876543210" if descending else "0123456789"
    choices = [digits if c == "X" else c for c in pattern]
    for combination in itertools.product(*choices):
        yield int("".join(combination))


def _leap_year_possible(pattern: str) -> bool:
    """Whether any year the pattern allows is a leap year (February 29 needs one)."""
    return any(is_leap(year) for year in _years(pattern, descending=False))


class _Date:
    """A parsed single date before widening: its window, precision and qualifier marks."""

    __slots__ = ("core", "marks", "per_component", "precision", "trailing")

    def __init__(self, core: Window, precision: str) -> None:
        self.core = core
        self.precision = precision
        # (component index 0=year 1=month 2=day, steps) from qualifiers on parts
        self.per_component: list[tuple[int, int]] = []
        self.trailing = 0
        self.marks = ""

    def interval(self) -> Interval:
        window = self.core
        if self.trailing:
            window = widen(window, self.precision, self.trailing)
        if self.per_component:
            window = Window(
                _shift(self.core.earliest, self.per_component, -1),
                _shift(self.core.latest, self.per_component, +1),
            )
            if self.trailing:
                window = widen(window, self.precision, self.trailing)
        qualified = bool(self.marks)
        return Interval.within(
            window,
            self.precision,
            core=self.core if qualified else None,
            qualifiers=_qualifiers(self.marks),
            rule="EDTF date" if qualified or self.precision != "day" else "ISO 8601 date",
        )


def _shift(day: Day | None, components: list[tuple[int, int]], sign: int) -> Day | None:
    """Move each qualified component by its own unit, with calendar carry (dates.md)."""
    if day is None:
        return None
    months = sum(steps * (12 if index == 0 else 1) for index, steps in components if index < 2)
    days = sum(steps for index, steps in components if index == 2)
    moved = shift_months(day, sign * months, keep_month_end=False) if months else day
    return moved.plus(sign * days)


def _fail(text: str, offset: int, expected: str) -> ParseError:
    return ParseError(text, offset, expected)


def parse_date(text: str, start: int, end: int) -> Interval:
    """One EDTF date: ``text[start:end]``, with errors placed in ``text``."""
    plain = plain_date(text, start, end)
    if plain is not None:
        return plain
    return _parse_date(text, start, end).interval()


_PLAIN_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?([?~%]?)")
_MARKED = {mark: (_qualifiers(mark), _WIDENED_BY[mark]) for mark in QUALIFIER_NAMES}


def plain_date(text: str, start: int, end: int) -> Interval | None:
    """The commonest dates, YYYY-MM and YYYY-MM-DD, with one qualifier after them or none
    (``2004-06~``), in one match; None for anything else, a month 13 or a day 00
    included, which the general reader decides and explains."""
    plain = _PLAIN_DATE.fullmatch(text, start, end)
    if plain is None:
        return None
    year, month, day, mark = plain.groups()
    y, m = int(year), int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        w, precision, rule = month_window(y, m), "month", "EDTF date"
    else:
        d = int(day)
        if not (d > 0 and (d <= 28 or d <= month_length(y, m))):  # every month has 28 days
            return None
        w, precision, rule = day_window_of(days_from_civil(y, m, d)), "day", "ISO 8601 date"
    if not mark:
        return trusted_interval(w, w, precision, None, (), (), rule)
    # a qualifier after the whole date widens it by one unit (two for %) each side
    qualifiers, steps = _MARKED[mark]
    window = widen(w, precision, steps)
    return trusted_interval(window, window, precision, w, qualifiers, (), "EDTF date")


def _parse_date(text: str, start: int, end: int) -> _Date:
    body = text[start:end]
    m = _Y_YEAR.fullmatch(body)
    if m:
        return _y_year(text, start, m)
    m = _PLAIN_YEAR_S.fullmatch(body)
    if m:
        year = int(m.group(2)) * (-1 if m.group(1) else 1)
        return _significant(year, int(m.group(3)), text, start)
    t = body.find("T")
    if t >= 0:
        if not _TIME.fullmatch(body, t):
            raise _fail(text, start + t, "a time such as T10:00:00Z after the date")
        hour_text, minute_text = body[t + 1 : t + 3], body[t + 4 : t + 6]
        if int(hour_text) > 24 or int(minute_text) > 59:
            raise _fail(text, start + t + 1, "a time of day from 00:00 to 24:00")
        body = body[:t]
        if body.count("-") - body.startswith("-") != 2:
            raise _fail(text, start + t, "a full date (YYYY-MM-DD) before the time")
    negative = body.startswith("-")
    signed = negative or body.startswith("+")
    pos = 1 if signed else 0
    parts: list[tuple[str, str, str, int]] = []
    while True:
        m = _COMPONENT.match(body, pos)
        if not m or not m.group(2):
            raise _fail(text, start + pos, "digits of a year, month or day")
        parts.append((m.group(1), m.group(2), m.group(3), start + m.start(2)))
        pos = m.end()
        if pos == len(body):
            break
        if body[pos] != "-" or len(parts) == 3:
            raise _fail(text, start + pos, "'-' and a month or day, or the end of the date")
        pos += 1
    return _components(text, negative, parts, signed)


def _components(
    text: str, negative: bool, parts: list[tuple[str, str, str, int]], signed: bool
) -> _Date:
    year_pat, month_pat, day_pat = (parts + [("", "", "", 0)] * 2)[:3]
    # ISO 8601 expanded years: more than four digits only with a sign (+12000, -20000)
    if not (
        len(year_pat[1]) == 4 or (signed and 4 < len(year_pat[1]) <= 13 and "X" not in year_pat[1])
    ):
        raise _fail(text, year_pat[3], "a year of four digits (or Y and the digits)")
    if month_pat[1] and len(month_pat[1]) != 2:
        raise _fail(text, month_pat[3], "a month of two digits")
    if day_pat[1] and len(day_pat[1]) != 2:
        raise _fail(text, day_pat[3], "a day of two digits")
    ypat, mpat, dpat = year_pat[1], month_pat[1] or None, day_pat[1] or None
    unspecified = "X" in ypat or "X" in (mpat or "") or "X" in (dpat or "")
    if negative and "X" in ypat:
        raise _fail(text, year_pat[3], "the digits of a year before year 0")
    if mpat and "X" not in mpat and int(mpat) > 12:
        code = int(mpat)
        if dpat is not None or not 21 <= code <= 41:
            raise _fail(text, month_pat[3], "a month 01-12 or a season/quarter/half code 21-41")
        year = int(ypat) * (-1 if negative else 1) if "X" not in ypat else None
        if year is None:
            raise _fail(text, year_pat[3], "a year of four digits before a season code")
        date = _Date(season_window(year, code), season_precision(code))
    elif unspecified:
        first = _first_or_last_day(ypat, negative, mpat, dpat, last=False)
        last = _first_or_last_day(ypat, negative, mpat, dpat, last=True)
        if first is None or last is None:
            raise _fail(text, year_pat[3], "a pattern that some real date matches")
        precision = "partial"
        if mpat is None:
            precision = {1: "decade", 2: "century"}.get(ypat.count("X"), "partial")
            if ypat.rstrip("X") != ypat.replace("X", ""):
                precision = "partial"
        date = _Date(Window(first, last), precision)
    else:
        year = int(ypat) * (-1 if negative else 1)
        if mpat is None:
            date = _Date(
                Window(Day(days_from_civil(year, 1, 1)), Day(days_from_civil(year, 12, 31))), "year"
            )
        else:
            month = int(mpat)
            if not 1 <= month <= 12:
                raise _fail(text, month_pat[3], "a month from 01 to 12")
            if dpat is None:
                date = _Date(
                    Window(Day.first_of_month(year, month), Day.last_of_month(year, month)), "month"
                )
            else:
                day = int(dpat)
                if not 1 <= day <= month_length(year, month):
                    raise _fail(
                        text,
                        day_pat[3],
                        f"a day of {year:04d}-{month:02d} (1 to {month_length(year, month)})",
                    )
                d = Day(days_from_civil(year, month, day))
                date = _Date(Window(d, d), "day")
    present = [p for p in (year_pat, month_pat, day_pat) if p[1]]
    for index, (left, _digits, right, pos) in enumerate(present):
        is_last = index == len(present) - 1
        if left:
            date.marks += left
            date.per_component.append((index, _WIDENED_BY[left]))
        if right and is_last:
            date.marks += right
            date.trailing = _WIDENED_BY[right]
        elif right:
            date.marks += right
            steps = _WIDENED_BY[right]
            date.per_component.extend((i, steps) for i in range(index + 1))
        if (left or right) and (date.precision not in ("day", "month", "year")) and not is_last:
            raise _fail(text, pos, "qualifiers on the parts of a plain year-month-day date")
    return date


def _y_year(text: str, start: int, m: re.Match[str]) -> _Date:
    year = int(m.group(2))
    if m.group(3):
        exponent = int(m.group(3))
        if exponent > 12:
            raise _fail(text, start + m.start(3), "an exponent of at most 12")
        year *= 10**exponent
    if len(str(year)) > 13:
        raise _fail(text, start, "a year of at most 13 digits")
    if m.group(1):
        year = -year
    if m.group(4):
        date = _significant(year, int(m.group(4)), text, start)
    else:
        date = _Date(
            Window(Day(days_from_civil(year, 1, 1)), Day(days_from_civil(year, 12, 31))), "year"
        )
    if m.group(5):
        date.marks = m.group(5)
        date.trailing = _WIDENED_BY[m.group(5)]
    return date


def _significant(year: int, digits: int, text: str, start: int) -> _Date:
    """``1950S2``: some year that shares the first ``digits`` digits with the estimate."""
    magnitude = len(str(abs(year)))
    if not 1 <= digits <= magnitude:
        raise _fail(text, start, "significant digits no more than the year's digits")
    size = 10 ** (magnitude - digits)
    base = abs(year) // size * size
    lo, hi = (base, base + size - 1) if year >= 0 else (-(base + size - 1), -base)
    precision = {1: "year", 10: "decade", 100: "century"}.get(size, "partial")
    return _Date(
        Window(Day(days_from_civil(lo, 1, 1)), Day(days_from_civil(hi, 12, 31))), precision
    )


# Whole EDTF expressions: intervals and sets -------------------------------------

_EDTF_CHARS = re.compile(r"[0-9XYES?~%\-+/.:TZ\[\]{}, ]+")


def looks_like_edtf(text: str) -> bool:
    """Only EDTF's alphabet and something more than a bare year: then EDTF decides."""
    return (
        bool(_EDTF_CHARS.fullmatch(text))
        and not text.isdigit()
        and " " not in text.strip("[]{}").replace(", ", ",")
    )


def parse_edtf(text: str, start: int, end: int) -> Interval:
    """An EDTF date, interval or set in ``text[start:end]``."""
    body = text[start:end]
    if body.startswith(("[", "{")):
        return _parse_set(text, start, end)
    slash = body.find("/")
    if slash < 0:
        return parse_date(text, start, end)
    if body.find("/", slash + 1) >= 0:
        raise _fail(text, start + body.find("/", slash + 1), "one '/' between two dates")
    warnings: list[str] = []
    ends: list[Window | None] = []
    marks: list[str] = []
    cores: list[Window] = []
    precision = "day"
    for a, b, side in ((start, start + slash, "start"), (start + slash + 1, end, "end")):
        part = text[a:b]
        if part == "..":
            ends.append(None)
        elif part == "":
            ends.append(None)
            warnings.append(f"unknown {side}: the {side} is not known (EDTF '/' with no {side})")
        else:
            interval = parse_date(text, a, b)
            ends.append(interval.window)
            marks.extend(interval.qualifiers)
            cores.append(interval.core or interval.window)
            precision = coarser(precision, interval.precision)
    first, last = ends
    if first is None and last is None:
        raise _fail(text, start, "a date on at least one side of '/'")
    start_window = first if first is not None else Window(None, last.latest if last else None)
    end_window = last if last is not None else Window(start_window.earliest, None)
    if not marks:  # two windows read, and in order: clipped, they need no checking
        if wholly_before(end_window, start_window):
            raise _fail(text, start + slash + 1, "an end that is not wholly before the start")
        return trusted_span(
            start_window, end_window, precision, (), tuple(warnings), "EDTF interval"
        )
    core = Window(
        cores[0].earliest if first is not None else None,
        cores[-1].latest if last is not None else None,
    )
    try:
        return Interval.span(
            start_window,
            end_window,
            precision,
            core=core,
            qualifiers=tuple(sorted(set(marks))),
            warnings=tuple(warnings),
            rule="EDTF interval",
        )
    except ValueError:
        raise _fail(text, start + slash + 1, "an end that is not wholly before the start") from None


def _parse_set(text: str, start: int, end: int) -> Interval:
    body = text[start:end]
    closing = "]" if body[0] == "[" else "}"
    if not body.endswith(closing):
        raise _fail(text, end, f"'{closing}' closing the set")
    inner_start = start + 1
    members = body[1:-1]
    lows: list[Window | None] = []
    highs: list[Window | None] = []
    offset = inner_start
    if not members.strip():
        raise _fail(text, inner_start, "at least one date in the set")
    for raw in members.split(","):
        stripped = raw.strip()
        lead = offset + len(raw) - len(raw.lstrip())
        if not stripped:
            raise _fail(text, lead, "a date between the commas")
        if ".." in stripped:
            left, _, right = stripped.partition("..")
            right_at = lead + len(left) + 2
            lo = parse_date(text, lead, lead + len(left)).window if left else None
            hi = parse_date(text, right_at, right_at + len(right)).window if right else None
            if lo is None and hi is None:
                raise _fail(text, lead, "a date on one side of '..'")
            lows.append(lo if lo is not None else None)
            highs.append(hi if hi is not None else None)
        else:
            window = parse_date(text, lead, lead + len(stripped)).window
            lows.append(window)
            highs.append(window)
        offset += len(raw) + 1
    first = (
        None
        if any(w is None for w in lows)
        else min((w for w in lows if w is not None), key=lambda w: (w.earliest, w.latest))
    )
    last = (
        None
        if any(w is None for w in highs)
        else max((w for w in highs if w is not None), key=lambda w: (w.latest, w.earliest))
    )
    if closing == "]":
        window = Window(first.earliest if first else None, last.latest if last else None)
        return Interval.within(window, "set", rule="EDTF set: one of its members")
    start_window = first if first is not None else Window(None, last.latest if last else None)
    end_window = last if last is not None else Window(start_window.earliest, None)
    return Interval.span(start_window, end_window, "set", rule="EDTF set: all of its members")


__all__ = ["DATE_TOKEN", "STEPS", "looks_like_edtf", "parse_date", "parse_edtf", "plain_date"]
