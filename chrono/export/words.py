"""Dates, windows, ranks and years in the words a reader uses (the chart's hover, table, key).

A reader of a chart should not have to decode ``2022-05-12 .. 2022-05-12``: a day is
``on 12 May 2022``, a month known only as a whole ``sometime in August 2020``, a span
``from 9 January 2022 to 3 July 2022``. Years before AD 1 and after 9999 are written
as historians write them (``500 BC``, ``AD 14``, ``12,000 BC``). Every function here
returns plain text: escaping for plotly or HTML is the caller's.
"""

from __future__ import annotations

import re

from chrono.days import Day, month_length
from chrono.model import Window
from chrono.parsing.vocabulary import MONTH_NAMES

LABEL_LIMIT = 80  # a title longer than this is shortened, with an ellipsis, on the chart

# Bidirectional formatting characters: an override (U+202E) inside a title can make
# "gpj.exe" read as "exe.jpg". Each is shown as its code point, never obeyed.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """User text with bidirectional controls shown as ``[U+202E]``, not obeyed."""
    return BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` whole, or cut at a word before ``limit`` characters and ended with ``…``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def is_deep(years: list[int]) -> bool:
    """Years outside AD 1-9999: the chart's axis is in years and every year names its era."""
    return any(y < 1 or y > 9999 for y in years)


def year(value: int, era: bool = False) -> str:
    """An astronomical year as historians write it: 0 is ``1 BC``, -499 ``500 BC``.

    ``era`` puts ``AD`` before years after Christ (as when BC years are near); years
    after 9999 always carry it. Numbers of five digits or more get a thousands
    separator (``12,000 BC``), shorter ones none (``9500 BC``).
    """
    if value < 1:
        bc = 1 - value
        return f"{bc:,} BC" if bc > 9999 else f"{bc} BC"
    if value > 9999:
        return f"AD {value:,}"
    return f"AD {value}" if era else str(value)


def year_span(first: int, last: int) -> str:
    """The default title's range: ``2020-2025``, or ``9500 BC - AD 476`` in deep time."""
    era = is_deep([first, last])
    if first == last:
        return year(first, era)
    if era:
        return f"{year(first, True)} - {year(last, True)}"
    return f"{first}–{last}"


def day(d: Day, era: bool = False) -> str:
    """``12 May 2025``; ``3 March 500 BC``."""
    y, m, dd = d.ymd
    return f"{dd} {MONTH_NAMES[m]} {year(y, era)}"


def _whole_month(w: Window) -> bool:
    a, b = w.earliest, w.latest
    assert a is not None and b is not None
    return (
        a.day == 1
        and (a.year, a.month) == (b.year, b.month)
        and b.day == month_length(b.year, b.month)
    )


def _whole_year(w: Window) -> bool:
    a, b = w.earliest, w.latest
    assert a is not None and b is not None
    return a.year == b.year and a.ymd[1:] == (1, 1) and b.ymd[1:] == (12, 31)


def _whole_years(w: Window) -> bool:
    a, b = w.earliest, w.latest
    assert a is not None and b is not None
    return a.ymd[1:] == (1, 1) and b.ymd[1:] == (12, 31)


def _month_aligned(w: Window) -> bool:
    a, b = w.earliest, w.latest
    assert a is not None and b is not None
    return a.day == 1 and b.day == month_length(b.year, b.month)


def point(w: Window, era: bool = False) -> tuple[str, bool]:
    """A closed window as one phrase, and whether it is a single stretch of time (a
    day, a month, a year) rather than ``between ... and ...``."""
    a, b = w.earliest, w.latest
    assert a is not None and b is not None
    if a == b:
        return day(a, era), True
    if _whole_month(w):
        return f"{MONTH_NAMES[a.month]} {year(a.year, era)}", True
    if _whole_year(w):
        return year(a.year, era), True
    if _whole_years(w):
        return f"between {year(a.year, era)} and {year(b.year, era)}", False
    if _month_aligned(w):
        if a.year == b.year:
            months = f"{MONTH_NAMES[a.month]} and {MONTH_NAMES[b.month]}"
            return f"between {months} {year(b.year, era)}", False
        first = f"{MONTH_NAMES[a.month]} {year(a.year, era)}"
        return f"between {first} and {MONTH_NAMES[b.month]} {year(b.year, era)}", False
    if a.year == b.year:
        return f"between {a.day} {MONTH_NAMES[a.month]} and {day(b, era)}", False
    return f"between {day(a, era)} and {day(b, era)}", False


def window(w: Window, era: bool = False) -> str:
    """When something falls: ``on 12 May 2025``, ``sometime in August 2020``, ``sometime
    between 3 and 9 May``, ``sometime after 2020``, ``at an unknown time``."""
    a, b = w.earliest, w.latest
    if a is None and b is None:
        return "at an unknown time"
    if a is None:
        assert b is not None
        return f"sometime before {day(b.plus(1), era)}"
    if b is None:
        return f"sometime after {day(a.plus(-1), era)}"
    if a == b:
        return f"on {day(a, era)}"
    phrase, single = point(w, era)
    return f"sometime in {phrase}" if single else f"sometime {phrase}"


def _end(w: Window, era: bool) -> str:
    phrase, _ = point(w, era)
    return phrase


def span(start: Window, end: Window, era: bool = False) -> str:
    """When an event happened, in words (the hover's and the table's "when")."""
    if start == end:
        return window(start, era)
    if start.earliest is None and start.latest is None:
        begun = "from an unknown start"
    elif start.earliest is None or start.latest is None:
        begun = f"starting {window(start, era)}"
    else:
        begun = f"from {_end(start, era)}"
    if end.earliest is None and end.latest is None:
        return f"{begun}, no end known"
    if end.latest is None:
        assert end.earliest is not None
        if start.latest is not None and start.latest < end.earliest:
            return f"{begun}, no end known (still going on {day(end.earliest, era)})"
        return f"{begun}, no end known"
    if end.earliest is None:
        return f"{begun}, ending {window(end, era)}"
    return f"{begun} to {_end(end, era)}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def rank(low: int, high: int, n: int) -> str:
    """``5th of 7``, ``5th or 6th of 7``, ``5th to 9th of 12``."""
    if low == high:
        return f"{ordinal(low)} of {n:,}"
    joiner = "or" if high == low + 1 else "to"
    return f"{ordinal(low)} {joiner} {ordinal(high)} of {n:,}"


KEY = (
    "Key: pale bar = when it could have happened; solid bar = when it certainly did; "
    "diamond = somewhere in that window; circle = on that day; "
    "hatched bar or open marker = an approximate date; a fading end = not known."
)
