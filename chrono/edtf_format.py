"""Windows of days as EDTF strings, and as date expressions chrono reads back exactly.

EDTF (ISO 8601-2) says "somewhere in these days" exactly for any window: a
calendar unit (``2020-08``, ``2020-33``, ``199X``) or a one-of set of days
(``[2020-01-03..2020-02-05]``, ``[..2020-01-05]``). A span whose start and end
lie in different windows is an interval ``S/E`` whose ends may only be days,
months or years (or ``..``), so a span is exact only when its windows are what
such an interval means as chrono reads it (dates.md: the start may not end
after the end, nor the end begin before the start). Days beyond four-digit
years have no EDTF form at all: only whole years (``Y12000``) do.

Only :mod:`chrono.days` and :mod:`chrono.model` are imported, so exports and
``chrono parse --edtf`` share this without pulling in the parser.
"""

from __future__ import annotations

import attrs

from chrono.days import Day, month_length
from chrono.model import Interval, Window

# Sub-year groupings of ISO 8601-2 (codes 21-41) that chrono and python-edtf both read:
# (code, first month, number of months); 24 (winter) runs into the next year.
_GROUPS = (
    (21, 3, 3), (22, 6, 3), (23, 9, 3), (24, 12, 3),
    (33, 1, 3), (34, 4, 3), (35, 7, 3), (36, 10, 3),
    (37, 1, 4), (38, 5, 4), (39, 9, 4),
    (40, 1, 6), (41, 7, 6),
)  # fmt: skip


@attrs.frozen
class Edtf:
    """An EDTF string and whether it says the windows exactly (``False``: it holds them)."""

    text: str
    exact: bool


def _four(year: int) -> bool:
    return -9999 <= year <= 9999


def _year_text(year: int) -> str:
    """A year alone: four digits (``-0499`` for 500 BC), or ``Y`` and the digits beyond."""
    if _four(year):
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


def _day_text(day: Day) -> str:
    y, m, d = day.ymd
    return f"{_year_text(y)}-{m:02d}-{d:02d}"


def _month_span(first: Day, last: Day) -> tuple[int, int, int] | None:
    """(year, month, months) when the window is whole months, from a first day to a last."""
    y, m, d = first.ymd
    ly, lm, ld = last.ymd
    if d != 1 or ld != month_length(ly, lm):
        return None
    return y, m, (ly * 12 + lm) - (y * 12 + m) + 1


def unit_text(window: Window) -> str | None:
    """The EDTF unit that is exactly this window, if there is one."""
    first, last = window.earliest, window.latest
    if first is None or last is None:
        return None
    year = first.year
    if not _four(year) or not _four(last.year):
        whole = _month_span(first, last)
        if whole is not None and whole[1] == 1 and whole[2] == 12:
            return _year_text(year)
        return None
    if first == last:
        return _day_text(first)
    whole = _month_span(first, last)
    if whole is None:
        return None
    y, m, months = whole
    if months == 1:
        return f"{_year_text(y)}-{m:02d}"
    if m == 1 and months == 12:
        return _year_text(y)
    for code, start, length in _GROUPS:
        if m == start and months == length:
            return f"{_year_text(y)}-{code}"
    if m == 1 and y >= 0:
        if months == 120 and y % 10 == 0:
            return f"{y // 10:03d}X"
        if months == 1200 and y % 100 == 0:
            return f"{y // 100:02d}XX"
    return None


def _set_text(window: Window) -> str | None:
    """A one-of set of days, ``[a..b]`` or open on one side; None where EDTF has no days."""
    first, last = window.earliest, window.latest
    if any(day is not None and not _four(day.year) for day in (first, last)):
        return None
    low = "" if first is None else _day_text(first)
    high = "" if last is None else _day_text(last)
    return f"[{low}..{high}]" if low or high else None


def _covering(window: Window) -> tuple[str, Window]:
    """The smallest day, month or year (or years) holding a window, and its own window."""
    first, last = window.earliest, window.latest
    assert first is not None and last is not None
    (y, m, _), (ly, lm, _) = first.ymd, last.ymd
    if first == last and _four(y):
        return _day_text(first), window
    if (y, m) == (ly, lm) and _four(y):
        return f"{_year_text(y)}-{m:02d}", Window(Day.first_of_month(y, m), Day.last_of_month(y, m))
    if y == ly:
        return _year_text(y), Window(Day.first_of_month(y, 1), Day.last_of_month(y, 12))
    years = Window(Day.first_of_month(y, 1), Day.last_of_month(ly, 12))
    return f"{_year_text(y)}/{_year_text(ly)}", years


def within(window: Window) -> Edtf:
    """EDTF for "somewhere in this window" (start and end both in it)."""
    if window.earliest is None and window.latest is None:
        return Edtf("../..", True)
    text = unit_text(window) or _set_text(window)
    if text is not None:
        return Edtf(text, True)
    # days in years EDTF writes only whole, and no set of such years: the first year known
    day = window.earliest or window.latest
    assert day is not None
    return Edtf(_year_text(day.year), False)


def _interval_end(window: Window, is_start: bool) -> tuple[str, Window]:
    """One end of an ``S/E`` interval: ``..`` where open, else the unit that holds it."""
    if window.earliest is None or window.latest is None:
        return "..", Window(None, None)
    text, covered = _covering(window)
    if "/" in text:  # several years beyond four digits: the first (or last) of them
        year = covered.earliest.year if is_start else covered.latest.year  # type: ignore[union-attr]
        text = _year_text(year)
        covered = Window(Day.first_of_month(year, 1), Day.last_of_month(year, 12))
    return text, covered


def edtf(start: Window, end: Window) -> Edtf:
    """The EDTF string for an event whose start lies in ``start`` and end in ``end``."""
    if start == end:
        return within(start)
    bounds = (start.earliest, start.latest, end.earliest, end.latest)
    if any(d is not None and not _four(d.year) for d in bounds):
        # python-edtf reads no interval with a year beyond four digits: the whole window
        return Edtf(within(Window(start.earliest, end.latest)).text, False)
    first, start_unit = _interval_end(start, True)
    last, end_unit = _interval_end(end, False)
    if first == last == "..":  # EDTF needs a date on one side: the last known day of the end
        if end.latest is not None or end.earliest is not None:
            day = end.latest or end.earliest
            last, end_unit = _interval_end(Window(day, day), False)
        else:
            day = start.latest or start.earliest
            assert day is not None  # both open on every side is start == end, above
            first, start_unit = _interval_end(Window(day, day), True)
    read = Interval.span(start_unit, end_unit, "day")
    return Edtf(f"{first}/{last}", (read.start, read.end) == (start, end))


def of_interval(interval: Interval) -> Edtf:
    return edtf(interval.start, interval.end)


def window_expression(window: Window) -> str:
    """A date expression chrono reads as exactly this window (EDTF where EDTF can say it).

    Days in years beyond four digits are written as chrono writes days
    (``[+12000-03-01..+12001-01-01]``), which chrono reads though EDTF does not.
    """
    said = within(window)
    if said.exact:
        return said.text
    low = "" if window.earliest is None else window.earliest.isoformat()
    high = "" if window.latest is None else window.latest.isoformat()
    return f"[{low}..{high}]"


def date_fields(start: Window, end: Window) -> dict[str, str]:
    """``date``, or ``start`` and ``end``, that read back as exactly these windows.

    Both windows open on both sides have no expression: nothing is returned.
    """
    if start == end:
        if start.earliest is None and start.latest is None:
            return {}
        return {"date": window_expression(start)}
    if start.earliest is None and start.latest is None:
        start = Window(None, end.latest)  # the same reading: the start is clipped to the end
    return {"start": window_expression(start), "end": window_expression(end)}
