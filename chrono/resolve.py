"""Nodes and a reference day to intervals: the only place that knows the reference date.

``direction`` (past, future or None) lets a caller that knows the tense of a
statement pick the occurrence of a weekday, month or season (extract.md); None
keeps the rules of dates.md.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from chrono.days import (
    Day,
    add_months,
    days_from_civil,
    is_leap,
    iso_weeks_in_year,
    month_length,
)
from chrono.errors import MissingReferenceError, ParseError
from chrono.holidays import TITLES, holiday
from chrono.model import (
    PRECISIONS,
    Interval,
    Window,
    coarser,
    lower,
    trusted_day,
    trusted_interval,
    trusted_span,
    trusted_window,
    upper,
    wholly_before,
)
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.referback import FOCUS_ITSELF, IN_FOCUS_QUARTER, SEASON
from chrono.parsing.vocabulary import MONTH_NAMES, SEASONS, WEEKDAY_NAMES
from chrono.units import (
    century_window,
    day_window,
    day_window_of,
    decade_window,
    half_window,
    month_window,
    months_window,
    part_of,
    part_precision,
    quarter_window,
    season_window,
    shift_months,
    week_window,
    week_window_of,
    widen,
    year_part,
    year_window,
    years_window,
)

FISCAL_YEAR_START = 10  # October: the US federal fiscal year (dates.md)
_FISCAL_START: ContextVar[int] = ContextVar("fiscal_year_start", default=FISCAL_YEAR_START)


@contextmanager
def fiscal_year_starting(month: int | None) -> Iterator[None]:
    """Within the block, fiscal years start in ``month`` wherever resolve is not told otherwise.

    For callers that reach resolve through code of others (extraction): ``None``
    leaves the setting as it is.
    """
    if month is None:
        yield
        return
    check_fiscal_start(month)
    token = _FISCAL_START.set(month)
    try:
        yield
    finally:
        _FISCAL_START.reset(token)


def current_fiscal_year_start() -> int:
    """The month fiscal years start in here, for work sent to other processes to take along."""
    return _FISCAL_START.get()


def check_fiscal_start(month: object) -> int:
    """``month`` if it is a month number 1-12; a ValueError that says so otherwise."""
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"a fiscal year's first month as a number from 1 to 12, not {month!r}")
    return month


class Resolved(NamedTuple):
    """One unit with its days: the window, how precise, and what widened it."""

    window: Window
    precision: str
    kind: str  # how parts cut it: year, month, season, decade, century, day, ...
    core: Window | None
    qualifiers: tuple[str, ...]
    warnings: tuple[str, ...]
    rule: str


_tuple_new = tuple.__new__

# A unit's own days, before parts and widening: what each kind's handler returns, as
# (window, precision, kind, rule) with kind as in Resolved. A plain tuple: one is built
# for every unit, and a named tuple's constructor costs as much as the rest of a handler.
Base = tuple[Window, str, str, str]


def resolve(
    expression: Expression,
    reference: Day | None,
    text: str,
    direction: str | None = None,
    fiscal_year_start: int | None = None,
    focus: Interval | None = None,
) -> Interval:
    """The days of ``expression``; ``focus`` is the date a refer-back phrase points at
    (extract.md), the reference day when None."""
    if fiscal_year_start is not None:
        check_fiscal_start(fiscal_year_start)
    ctx = _tuple_new(_Context, (text, reference, direction, focus, fiscal_year_start))
    first, second = expression.first, expression.second
    if first.ref is not None or (second is not None and second.ref is not None):
        named = first if first.ref is not None else second
        assert named is not None
        raise ParseError(
            text,
            named.end - len(named.ref or "") - 1,
            "a date: an event reference (@id) needs the event "
            "files that define it (use it in an event's date)",
        )
    form = expression.form
    if form in _OFFSET_FORMS:
        return _offset(expression, ctx.unit(first))
    if second is None:
        if form == "single":  # most dates: _open_form's single form, without a Resolved between
            fixed = first.fixed
            if fixed is not None and fixed.start is fixed.end and fixed.rule and _bare(first):
                return fixed  # an EDTF date read alone: resolving leaves it as it is
            own = ctx.own(first)
            if own is not None:
                window, precision, _kind, rule = own
                return trusted_interval(window, window, _public(precision), None, (), (), rule)
        return _open_form(form, ctx.unit(first), first, ctx)
    if form in ("span", "between"):
        first = borrow_year(first, second)
    a, b = ctx.unit(first), ctx.unit(second)
    precision = coarser(_public(a.precision), _public(b.precision))
    qualifiers = a.qualifiers
    if b.qualifiers or qualifiers:
        qualifiers = tuple(sorted(set(a.qualifiers) | set(b.qualifiers)))
    core = None
    if a.core is not None or b.core is not None:
        core = Window((a.core or a.window).earliest, (b.core or b.window).latest)
    warnings = a.warnings + b.warnings
    if wholly_before(b.window, a.window):
        raise ParseError(
            text, second.start, f"a second date that is not wholly before the first ({a.window})"
        )
    if form == "between":
        latest = (
            b.window.latest if upper(b.window.latest) >= upper(a.window.latest) else a.window.latest
        )
        if core is not None:
            first_latest = (a.core or a.window).latest
            core_latest = core.latest
            if core_latest is not None and (first_latest is None or first_latest > core_latest):
                core_latest = first_latest
            core = Window(core.earliest, core_latest)
        return Interval.within(
            Window(a.window.earliest, latest),
            precision,
            core=core,
            qualifiers=qualifiers,
            warnings=warnings,
            rule=f"one occurrence between {a.rule} and {b.rule}",
        )
    rule = f"a span from {a.rule} to {b.rule}"
    if core is None:  # the windows are ordered and clipped: nothing left to validate
        return trusted_span(a.window, b.window, precision, qualifiers, warnings, rule)
    return Interval.span(
        a.window,
        b.window,
        precision,
        core=core,
        qualifiers=qualifiers,
        warnings=warnings,
        rule=rule,
    )


_OFFSET_FORMS = frozenset({"offset-after", "offset-before", "within"})


def _bare(unit: Unit) -> bool:
    """Whether ``unit`` is its kind's days and nothing more: no weekday to check, no parts,
    no widening."""
    return unit.weekday is None and not unit.parts and not unit.widen


def borrow_year(first: Unit, second: Unit) -> Unit:
    """``between March and May 2023``: the first date takes the second's year."""
    if not first.needs_year or first.shift is not None:
        return first
    year = second.year
    if second.kind == "fixed" and second.fixed is not None and second.fixed.earliest is not None:
        year = second.fixed.earliest.year
    if year is None or second.kind not in ("day", "month", "season", "quarter", "half", "fixed"):
        return first
    later_month = second.month if second.month is not None else 12
    if second.kind == "fixed" and second.fixed is not None and second.fixed.earliest is not None:
        later_month = second.fixed.earliest.month
    if first.month is not None and first.month > later_month:
        year -= 1  # December to March 2023: December 2022
    return first._replace(year=year)


def _offset(expression: Expression, a: Resolved) -> Interval:
    """``2 weeks after May 12``: the window moved by the offset, months by the calendar."""
    unit, amount = expression.unit or "day", expression.amount
    w = a.window

    def move(day: Day | None, sign: int) -> Day | None:
        if day is None:
            return None
        if unit in ("day", "week"):
            return day.plus(sign * amount * (7 if unit == "week" else 1))
        months = (
            amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
        )
        return shift_months(day, sign * months, keep_month_end=True)

    if expression.form == "offset-after":
        window = Window(move(w.earliest, 1), move(w.latest, 1))
    elif expression.form == "offset-before":
        window = Window(move(w.earliest, -1), move(w.latest, -1))
    else:
        window = Window(move(w.earliest, -1), move(w.latest, 1))
    words = {"offset-after": "after", "offset-before": "before", "within": "within"}
    rule = f"{amount} {unit}(s) {words[expression.form]} {a.rule}"
    return Interval.within(
        window, _public(a.precision), qualifiers=a.qualifiers, warnings=a.warnings, rule=rule
    )


def _open_form(form: str, a: Resolved, unit: Unit, ctx: _Context) -> Interval:
    precision = _public(a.precision)
    w, core = a.window, a.core
    if form == "single":
        return trusted_interval(w, w, precision, core, a.qualifiers, a.warnings, a.rule)
    kwargs: dict[str, tuple[str, ...]] = {"qualifiers": a.qualifiers, "warnings": a.warnings}
    if form == "since":  # began then, still going on
        return Interval(
            w,
            Window(w.earliest, None),
            precision,
            core=None if core is None else Window(core.earliest, None),
            rule=f"since {a.rule}: began then and goes on",
            **kwargs,
        )
    if (form == "before" and w.earliest is None) or (form == "after" and w.latest is None):
        side = "beginning" if form == "before" else "end"
        raise ParseError(ctx.text, unit.start, f"a date with a known {side} after '{form}'")
    bound = _bound(form, w)
    if core is not None:
        # Widening an operand of before/after would narrow the result: widen the bound instead,
        # by as many days as the operand was widened on that side.
        core, bound = _bound(form, core), _bound(form, w)
        if form == "before" and w.earliest is not None and core.latest is not None:
            assert a.core is not None and a.core.earliest is not None
            bound = Window(None, core.latest.plus(a.core.earliest.ordinal - w.earliest.ordinal))
        elif form == "after" and w.latest is not None and core.earliest is not None:
            assert a.core is not None and a.core.latest is not None
            bound = Window(core.earliest.plus(a.core.latest.ordinal - w.latest.ordinal), None)
    return Interval.within(
        bound, precision, core=core, rule=_OPEN_RULES[form].format(a.rule), **kwargs
    )


_OPEN_RULES = {
    "before": "before {}: on or before the day before it begins",
    "after": "after {}: on or after the day after it ends",
    "by": "by {}: no later than its last day",
    "from": "no earlier than {}: on or after its first day",
}


def _bound(form: str, w: Window) -> Window:
    """The open window that ``before``, ``after``, ``by`` or ``from`` makes of ``w``."""
    if form == "before":
        return Window(None, None if w.earliest is None else w.earliest.plus(-1))
    if form == "after":
        return Window(None if w.latest is None else w.latest.plus(1), None)
    if form == "by":
        return Window(None, w.latest)
    return Window(w.earliest, None)


class _Context(NamedTuple):
    """What every handler may need besides the unit: the text, the reference and the tense.

    A named tuple, built as the tuple it is: one is made for every parse, and that costs
    less than a class's ``__init__``.
    """

    text: str
    reference: Day | None
    direction: str | None
    focus: Interval | None = None
    fiscal_year_start: int | None = None  # None: as fiscal_year_starting set it

    def fiscal_start(self) -> int:
        """The month fiscal years start in: as resolve was told, else as the block says."""
        if self.fiscal_year_start is None:
            return _FISCAL_START.get()
        return self.fiscal_year_start

    def ref(self, unit: Unit, what: str | None = None) -> Day:
        if self.reference is None:
            if what is None:
                what = self.text[unit.start : unit.end]
            raise MissingReferenceError(
                self.text, unit.start, f"a reference date to resolve {what!r}"
            )
        return self.reference

    def fail(self, unit: Unit, expected: str) -> ParseError:
        return ParseError(self.text, unit.start, expected)

    # One unit ----------------------------------------------------------------------

    def own(self, unit: Unit) -> Base | None:
        """The days of a unit that is its kind's days and nothing more (most units), or of
        one part of a year (late 1999, the first half of 2023: the part loop of ``unit``, by
        a table); None for the rest, which ``dressed`` works out."""
        if unit.fixed is not None or unit.weekday is not None or unit.widen:
            return None
        parts = unit.parts
        if not parts:
            handler = _HANDLERS.get(unit.kind)  # None: dressed says what is wrong
            return None if handler is None else handler(self, unit)
        if len(parts) == 1 and unit.kind == "year" and unit.year is not None:
            window = year_part(unit.year, parts[0])
            if window is not None:
                precision, rule = _YEAR_PARTS[parts[0]]
                return (window, precision, precision, rule)
        return None

    def handler(self, unit: Unit) -> Callable[[_Context, Unit], Base]:
        handler = _HANDLERS.get(unit.kind)
        if handler is None:
            raise self.fail(unit, f"a date, not {unit.kind!r}")
        return handler

    def unit(self, unit: Unit) -> Resolved:
        own = self.own(unit)
        if own is None:
            return self.dressed(unit)
        window, precision, kind, rule = own  # built as the tuple it is: Resolved() costs 2x
        return _tuple_new(Resolved, (window, precision, kind, None, (), (), rule))

    def dressed(self, unit: Unit) -> Resolved:
        """Any unit: its kind's days, then its EDTF core and qualifiers, its weekday checked,
        its parts cut one by one and its widening (tests check ``own`` against this)."""
        window, precision, kind, rule = self.handler(unit)(self, unit)
        core: Window | None = None
        qualifiers: tuple[str, ...] = ()
        warnings: tuple[str, ...] = ()
        if unit.fixed is not None:
            core, qualifiers, warnings = unit.fixed.core, unit.fixed.qualifiers, unit.fixed.warnings
        if unit.weekday is not None and unit.kind != "weekday":
            warnings = warnings + _check_weekday(unit, window)
        for part in unit.parts:
            if window.earliest is None or window.latest is None:
                raise self.fail(unit, "a bounded date to take a part of")
            if core is not None:
                raise self.fail(unit, "a part of an exact date (write the part, then '~')")
            window = part_of(window, kind, part)
            precision = part_precision(kind, part)
            kind = "month-part" if kind in ("month", "month-part") else precision
            if precision == "third" and kind == "month-part":
                precision = "month-part"
            rule = f"{_part_words(part)} {rule}"
        if unit.widen:
            core = window if core is None else core
            window = widen(window, precision, unit.widen)
            qualifiers = tuple(sorted({*qualifiers, "approximate"}))
            rule = f"about {rule}, widened by one step of its precision"
        return Resolved(window, precision, kind, core, qualifiers, warnings, rule)


def _check_weekday(unit: Unit, window: Window) -> tuple[str, ...]:
    day = window.earliest
    if day is None or day != window.latest or unit.weekday is None:
        return ()
    if day.isoweekday == unit.weekday:
        return ()
    return (
        f"{WEEKDAY_NAMES[unit.weekday]} does not match {day}, a {WEEKDAY_NAMES[day.isoweekday]}",
    )


# The reference-date rules ----------------------------------------------------------
# Plain functions, so that every caller (the grammar's handlers below, extraction)
# applies the same rule: nowhere else in chrono knows the reference date.


def pick(spans: list[tuple[int, int]], ref: Day, direction: str | None = None) -> int:
    """Which of the sorted ``(first, last)`` day spans the reference and tense call for.

    By default the nearest to the reference, ties to the past (dates.md); ``past``
    the most recent begun by it, ``future`` the first not over by it.
    """
    r = ref.ordinal
    if direction == "past":
        begun = [i for i, (first, _last) in enumerate(spans) if first <= r]
        return begun[-1] if begun else 0
    if direction == "future":
        ahead = [i for i, (_first, last) in enumerate(spans) if last >= r]
        return ahead[0] if ahead else len(spans) - 1

    best, best_gap, best_later = 0, 0, False
    for i, (first, last) in enumerate(spans):
        later = r < first
        gap = first - r if later else (r - last if r > last else 0)
        # the least gap, then a span begun by the reference (ties to the past), then the
        # first of equals, as min() over (gap, later) gives
        if i == 0 or gap < best_gap or (gap == best_gap and best_later and not later):
            best, best_gap, best_later = i, gap, later
    return best


def has_month_day(month: int, day: int) -> bool:
    """Whether some year has this month and day (February 29 included)."""
    return 1 <= day <= month_length(2024, month)  # 2024: a leap year


def month_day_nearest(month: int, day: int, ref: Day, direction: str | None = None) -> Day:
    """``May 12``: the occurrence nearest ``ref`` (or as the tense says); needs a real day."""
    ry = _calendar(ref.ordinal)[0]
    if month == 2 and day == 29:
        years = [y for y in range(ry - 8, ry + 9) if is_leap(y)]
    else:
        years = [ry - 1, ry, ry + 1]
    days = [days_from_civil(y, month, day) for y in years]
    return trusted_day(days[pick([(d, d) for d in days], ref, direction)])


_DIRECTION_WORDS = {"past": "on or before", "future": "on or after"}


def direction_words(direction: str | None, default: str) -> str:
    return _DIRECTION_WORDS.get(direction or "", default)


def month_day_rule(month: int, day: int, ref: Day, direction: str | None = None) -> str:
    return (
        f"{MONTH_NAMES[month]} {day} without a year: the occurrence "
        f"{direction_words(direction, 'nearest to')} the reference date {_iso(ref)}"
    )


@functools.lru_cache(maxsize=256)
def _calendar(ordinal: int) -> tuple[int, int, str]:
    """The year, month and ISO text of a day. The relative dates of a document all read
    them off its one reference day: worked out once a day, not once a date."""
    day = Day(ordinal)
    year, month, _day = day.ymd
    return year, month, day.isoformat()


def _iso(day: Day) -> str:
    """``str(day)``, for the rules that name the reference day."""
    return _calendar(day.ordinal)[2]


def month_nearest(month: int, ref: Day, direction: str | None = None) -> Window:
    """``in September``: the month whose closest day is nearest ``ref``, ties to the past."""
    ry = _calendar(ref.ordinal)[0]
    windows = [month_window(y, month) for y in range(ry - 1, ry + 2)]
    return windows[pick([_ordinals(w) for w in windows], ref, direction)]


def weekday_on_or_before(weekday: int, ref: Day) -> Day:
    """``Friday``: the most recent day of that name on or before ``ref`` (dates.md)."""
    return ref.plus(-((ref.isoweekday - weekday) % 7))


CONTEXT_DAYS = 3  # a weekday in prose is the one within this many days of the last day named


def weekday_near(weekday: int, anchor: Day) -> Day:
    """The day named ``weekday`` among the seven from ``CONTEXT_DAYS`` before ``anchor``."""
    first = anchor.plus(-CONTEXT_DAYS)
    return first.plus((weekday - first.isoweekday) % 7)


def weekday_near_interval(weekday: int, anchor: Day) -> Interval:
    """A weekday read in prose next to a day already mentioned (extract.md's context rule)."""
    day = weekday_near(weekday, anchor)
    return Interval.within(
        Window(day, day),
        "day",
        rule=(
            f"{WEEKDAY_NAMES[weekday]}: the one within {CONTEXT_DAYS} days "
            f"of {anchor}, the day mentioned just before"
        ),
    )


def cycle(windows: list[Window], shift: str | None, ref: Day, direction: str | None) -> Window:
    """Pick from a sorted run of recurring windows (seasons, quarters, a named month).

    None: the most recent that has begun; this: the one holding the reference or
    else the next; last: the one before that; next: the first to begin after.
    """
    began = [w for w in windows if w.earliest is not None and w.earliest <= ref]
    if shift == "ended":  # this past spring
        return [w for w in windows if upper(w.latest) < ref.ordinal][-1]
    if shift is None:
        if direction == "future":
            return next(w for w in windows if upper(w.latest) >= ref.ordinal)
        return began[-1]
    upcoming = next(w for w in windows if lower(w.earliest) > ref.ordinal)
    holding = [w for w in began if upper(w.latest) >= ref.ordinal]
    this = holding[-1] if holding else upcoming
    if shift == "this":
        return this
    if shift == "next":
        return upcoming
    return windows[windows.index(this) - 1]


def unit_around(ref: Day, name: str, offset: int) -> tuple[Window, str]:
    """The ``name`` unit holding ``ref``, moved ``offset`` units, and its precision
    (``last month``, ``2 years ago``)."""
    y, m, _text = _calendar(ref.ordinal)
    if name == "day":
        return (day_window_of(ref.ordinal + offset), "day")
    if name == "week":
        return (week_window_of(ref.ordinal + 7 * offset), "week")
    if name == "month":
        ny, nm = add_months(y, m, offset)
        return (month_window(ny, nm), "month")
    if name == "quarter":
        ny, nm = add_months(y, (m - 1) // 3 * 3 + 1, 3 * offset)
        return (quarter_window(ny, (nm - 1) // 3 + 1), "quarter")
    if name == "half":
        ny, nm = add_months(y, (m - 1) // 6 * 6 + 1, 6 * offset)
        return (half_window(ny, (nm - 1) // 6 + 1), "half")
    if name == "year":
        return (year_window(y + offset), "year")
    if name == "decade":
        return (decade_window(y // 10 * 10 + 10 * offset), "decade")
    first = y // 100 * 100 + 100 * offset
    return (century_window(first if first != 0 else 1), "century")


# Handlers: one per kind of unit, each from the unit to its own days ----------------

_FIXED_KINDS = {
    "season": "season",
    "quarter": "season",
    "third": "season",
    "half": "season",
    "partial": "days",
    "set": "days",
}


# Units from the one holding the reference: last month, this year, June next year
_SHIFTS = {"last": -1, "this": 0, "next": 1}


def _fixed(ctx: _Context, unit: Unit) -> Base:
    fixed = unit.fixed
    if fixed is None:
        raise ctx.fail(unit, "a date")
    precision = fixed.precision
    kind = _FIXED_KINDS.get(precision, precision)
    return (fixed.window, precision, kind, fixed.rule or "an ISO 8601 date")


def _day(ctx: _Context, unit: Unit) -> Base:
    month, day = unit.month or 1, unit.day or 1
    if unit.year is None:
        ref = ctx.ref(unit)
        if not has_month_day(month, day):
            raise ctx.fail(unit, f"a real date: {MONTH_NAMES[month]} has no day {day}")
        found = month_day_nearest(month, day, ref, ctx.direction)
        rule = month_day_rule(month, day, ref, ctx.direction)
        if unit.weekday is not None and found.isoweekday != unit.weekday and ctx.direction:
            # "said on Monday, Oct. 26" the day before: the weekday outweighs the tense
            nearest = month_day_nearest(month, day, ref)
            if nearest.isoweekday == unit.weekday:
                found, rule = nearest, month_day_rule(month, day, ref)
        return (trusted_window(found, found), "day", "day", rule)
    try:
        return (day_window(unit.year, month, day), "day", "day", "a day, month and year")
    except ValueError:
        raise ctx.fail(
            unit, f"a real date: {MONTH_NAMES[month]} {unit.year} has no day {day}"
        ) from None


def _month(ctx: _Context, unit: Unit) -> Base:
    month = unit.month or 1
    if unit.year is not None:
        return (month_window(unit.year, month), "month", "month", "a month and year")
    ref = ctx.ref(unit)
    ry, _month_now, ref_text = _calendar(ref.ordinal)
    if unit.unit == "year" and unit.shift is not None:
        year = ry + _SHIFTS[unit.shift]
        rule = f"{MONTH_NAMES[month]} of {unit.shift} year, from the reference date {ref_text}"
        return (month_window(year, month), "month", "month", rule)
    if unit.shift is not None:
        window = cycle(
            [month_window(y, month) for y in range(ry - 2, ry + 3)],
            unit.shift,
            ref,
            ctx.direction,
        )
        return (window, "month", "month", f"{unit.shift} {MONTH_NAMES[month]} from {ref_text}")
    return (
        month_nearest(month, ref, ctx.direction),
        "month",
        "month",
        f"{MONTH_NAMES[month]} without a year: the one "
        f"{direction_words(ctx.direction, 'nearest to')} the reference date {ref_text}",
    )


def _year(ctx: _Context, unit: Unit) -> Base:
    if unit.year is None:
        raise ctx.fail(unit, "a year")
    return (year_window(unit.year), "year", "year", "a year")


def _periodic(make: Callable[[int, int], Window], name: str) -> Callable[[_Context, Unit], Base]:
    """Seasons, quarters and halves: with a year, or the one the reference calls for."""

    with_year = f"a {name} and year"

    def handler(ctx: _Context, unit: Unit) -> Base:
        index = unit.number or 1
        if unit.year is not None:
            return (make(unit.year, index), name, "season", with_year)
        ref = ctx.ref(unit)
        ry, _month_now, ref_text = _calendar(ref.ordinal)
        if unit.unit == "year" and unit.shift is not None:
            year = ry + _SHIFTS[unit.shift]
            rule = f"a {name} of {unit.shift} year, from the reference date {ref_text}"
            return (make(year, index), name, "season", rule)
        windows = [make(y, index) for y in range(ry - 2, ry + 3)]
        window = cycle(windows, unit.shift, ref, ctx.direction)
        how = unit.shift or "the most recent that has begun by"
        return (window, name, "season", f"a {name} without a year: {how} the reference date {ref}")

    return handler


def _week(ctx: _Context, unit: Unit) -> Base:
    if unit.year is None or unit.number is None:
        raise ctx.fail(unit, "a week and its year")
    if not 1 <= unit.number <= iso_weeks_in_year(unit.year):
        raise ctx.fail(unit, f"a week from 1 to {iso_weeks_in_year(unit.year)} of {unit.year}")
    return (week_window(unit.year, unit.number), "week", "week", "an ISO week")


def _decade(ctx: _Context, unit: Unit) -> Base:
    if unit.year is None:
        raise ctx.fail(unit, "a decade")
    if not unit.two_digit:
        return (decade_window(unit.year), "decade", "decade", "a decade")
    ry, _month_now, ref_text = _calendar(ctx.ref(unit).ordinal)
    first = ry // 100 * 100 + unit.year
    if first > ry:
        first -= 100
    return (
        decade_window(first),
        "decade",
        "decade",
        f"a decade without its century: the latest that began by {ref_text}",
    )


def _century(ctx: _Context, unit: Unit) -> Base:
    if unit.year is None:
        raise ctx.fail(unit, "a century")
    return (century_window(unit.year), "century", "century", "a century")


def _weekday(ctx: _Context, unit: Unit) -> Base:
    if unit.weekday is None:
        raise ctx.fail(unit, "a weekday")
    ref = ctx.ref(unit)
    name = WEEKDAY_NAMES[unit.weekday]
    if unit.shift == "next" or (unit.shift is None and ctx.direction == "future"):
        ahead = (unit.weekday - ref.isoweekday) % 7
        if unit.shift == "next" and ahead == 0:
            ahead = 7
        day, how = ref.plus(ahead), "the first after" if ahead else "on"
    elif unit.shift == "last":
        back = (ref.isoweekday - unit.weekday) % 7
        day, how = ref.plus(-(back or 7)), "the most recent before"
    elif unit.shift == "this":
        day, how = ref.plus(unit.weekday - ref.isoweekday), "in the week of"
    else:
        day, how = weekday_on_or_before(unit.weekday, ref), "the most recent on or before"
    return (Window(day, day), "day", "day", f"{name}: {how} the reference date {ref}")


def _weekend(ctx: _Context, unit: Unit) -> Base:
    ref = ctx.ref(unit)
    this_saturday = ref.plus(6 - ref.isoweekday)
    if unit.shift == "this":
        saturday = this_saturday
    elif unit.shift == "next":
        saturday = this_saturday.plus(7)
    else:
        saturday = this_saturday if this_saturday <= ref else this_saturday.plus(-7)
    return (
        Window(saturday, saturday.plus(1)),
        "day",
        "week",
        f"the weekend: {unit.shift or 'the most recent begun by'} {ref}",
    )


def _yearend(ctx: _Context, unit: Unit) -> Base:
    year = unit.year
    if year is None:
        year = ctx.ref(unit, "year-end").year
    d = Day(days_from_civil(year, 12, 31))
    return (Window(d, d), "day", "day", "year-end: December 31")


def _today(ctx: _Context, unit: Unit) -> Base:
    ref = ctx.ref(unit)
    day = ref.plus(unit.amount)
    word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[unit.amount]
    return (Window(day, day), "day", "day", f"{word}, from the reference date {ref}")


def _recent(ctx: _Context, unit: Unit) -> Base:
    ref = ctx.ref(unit, "recently")
    return (
        Window(ref.plus(-91), ref),
        "recent",
        "days",
        f"recently: the three months up to the reference date {ref}",
    )


def _relative(ctx: _Context, unit: Unit) -> Base:
    ref = ctx.ref(unit)
    offset = _SHIFTS[unit.shift or "this"]
    window, precision = unit_around(ref, unit.unit or "year", offset)
    return (window, precision, precision, f"{unit.shift} {unit.unit} from {_iso(ref)}")


def _ago(ctx: _Context, unit: Unit) -> Base:
    ref = ctx.ref(unit)
    window, precision = unit_around(ref, unit.unit or "year", -unit.amount)
    rule = f"{unit.amount} {unit.unit}s before the reference date {_iso(ref)}"
    return (window, precision, precision, rule)


# Dates that refer back (chrono.parsing.referback) --------------------------------

# The precisions finer than a unit that names what holds the focus ("the same month")
_FINER = {
    "week": ("day",),
    "month": ("day", "week", "third"),
    "quarter": ("day", "week", "month", "third"),
    "year": ("day", "week", "month", "third", "season", "quarter", "half"),
}
_NAMED_SIZES = ("day", "week", "month", "quarter", "year", "decade", "century")  # finest first


def _in_focus(ctx: _Context, unit: Unit) -> tuple[Window, str, str]:
    """The focus's window, precision and name: the date mentioned last, else the reference."""
    focus = ctx.focus
    if focus is not None and focus.earliest is not None and focus.latest is not None:
        window = Window(focus.earliest, focus.latest)
        return window, _public(focus.precision), f"the date in focus ({window})"
    ref = ctx.ref(unit)
    return Window(ref, ref), "day", f"the reference date {ref}"


def _quarter_in_focus(ctx: _Context, unit: Unit, named: str) -> tuple[Window, str, str]:
    """``the quarter`` / ``the period`` of a report: the one in focus, else the latest ended.

    A period is the focus itself when it is longer than a week; a quarter only when
    the focus is one. Otherwise financial news means the most recent quarter that
    has ended by the reference date.
    """
    window, precision, what = _in_focus(ctx, unit)
    if precision == "quarter" or (named == "period" and precision not in ("day", "week")):
        return window, precision, what
    ref = ctx.ref(unit)
    quarters = [quarter_window(y, q) for y in (ref.year - 1, ref.year) for q in (1, 2, 3, 4)]
    ended = [w for w in quarters if upper(w.latest) <= ref.ordinal]
    return ended[-1], "quarter", f"the latest quarter ended by the reference date {ref}"


def _move(window: Window, step: str, amount: int) -> Window:
    """``window`` moved ``amount`` steps, months by the calendar (month ends stay ends)."""
    a, b = window.earliest, window.latest
    assert a is not None and b is not None
    if step in ("day", "week"):
        days = amount * (7 if step == "week" else 1)
        return Window(a.plus(days), b.plus(days))
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[step]
    return Window(
        shift_months(a, months, keep_month_end=True), shift_months(b, months, keep_month_end=True)
    )


def _focus(ctx: _Context, unit: Unit) -> Base:
    """``a year earlier``, ``that month``, ``the following week``: against the focus."""
    named = unit.unit or FOCUS_ITSELF
    if named in (IN_FOCUS_QUARTER, "period"):
        window, precision, what = _quarter_in_focus(ctx, unit, named)
    else:
        window, precision, what = _in_focus(ctx, unit)
    if named == SEASON and unit.number is not None:
        return _season_of_focus(window, unit.number, unit.amount, what)
    if unit.shift is not None and named in _NAMED_SIZES and precision in _FINER.get(named, ()):
        anchor_day = window.earliest  # the same quarter a year earlier: the quarter first
        assert anchor_day is not None
        window, precision = unit_around(anchor_day, named, 0)
        what = f"the {named} of {what}"
    if unit.shift is not None:  # a move that keeps the focus's precision
        moved = _move(window, unit.shift, unit.amount)
        how = f"{abs(unit.amount)} {unit.shift}(s) {'after' if unit.amount > 0 else 'before'}"
        return (moved, precision, _FIXED_KINDS.get(precision, precision), f"{how} {what}")
    if named not in _NAMED_SIZES:
        return (window, precision, _FIXED_KINDS.get(precision, precision), what)
    if unit.amount == 0 and PRECISIONS.index(precision) > PRECISIONS.index(named):
        # "that month" of a year in focus: no month is named, the focus is all there is
        return (window, precision, _FIXED_KINDS.get(precision, precision), what)
    anchor = window.latest if unit.amount > 0 else window.earliest
    assert anchor is not None
    moved, size = unit_around(anchor, named, unit.amount)
    how = {-1: "before", 0: "of", 1: "after"}.get(unit.amount, f"{unit.amount} from")
    return (moved, size, _FIXED_KINDS.get(size, size), f"the {named} {how} {what}")


def _season_of_focus(window: Window, code: int, amount: int, what: str) -> Base:
    """``that summer``: the summer holding the focus, else the nearest of those sharing a
    calendar year with it (the summer of a January day is that year's, not the last one);
    ``the following spring``: the first to begin after it; ``the previous winter``: the
    last to end before it."""
    a, b = window.earliest, window.latest
    assert a is not None and b is not None
    seasons = [season_window(y, code) for y in range(a.year - 2, b.year + 2)]
    name = next((word for word, c in SEASONS.items() if c == code), "season")
    if amount > 0:
        found = next(w for w in seasons if lower(w.earliest) > b.ordinal)
        return (found, "season", "season", f"the {name} after {what}")
    if amount < 0:
        found = [w for w in seasons if upper(w.latest) < a.ordinal][-1]
        return (found, "season", "season", f"the {name} before {what}")

    def gap(w: Window) -> tuple[float, int]:
        first, last = lower(w.earliest), upper(w.latest)
        apart = max(0, first - b.ordinal, a.ordinal - last)
        return apart, 0 if w.earliest is not None and w.earliest.year == a.year else 1

    def shares_a_year(w: Window) -> bool:
        return (
            w.earliest is not None
            and w.latest is not None
            and (w.earliest.year <= b.year and a.year <= w.latest.year)
        )

    found = min([w for w in seasons if shares_a_year(w)] or seasons, key=gap)
    return (found, "season", "season", f"the {name} of {what}")


_HANDLERS: dict[str, Callable[[_Context, Unit], Base]] = {
    "fixed": _fixed,
    "day": _day,
    "month": _month,
    "year": _year,
    "season": _periodic(season_window, "season"),
    "quarter": _periodic(quarter_window, "quarter"),
    "half": _periodic(half_window, "half"),
    "week": _week,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "weekend": _weekend,
    "yearend": _yearend,
    "today": _today,
    "recent": _recent,
    "relative": _relative,
    "ago": _ago,
    "focus": _focus,
}


_PART_WORDS = {
    "early": "the early part of",
    "mid": "the middle of",
    "late": "the late part of",
    "half1": "the first half of",
    "half2": "the second half of",
    "quarter1": "the first quarter of",
    "quarter2": "the second quarter of",
    "quarter3": "the third quarter of",
    "quarter4": "the fourth quarter of",
}


def _part_words(part: str) -> str:
    if "-" in part:  # mid-to-late
        head, tail = part.split("-")
        return f"{_PART_WORDS[head]} to {_PART_WORDS[tail]}"
    return _PART_WORDS[part]


def _ordinals(window: Window) -> tuple[int, int]:
    assert window.earliest is not None and window.latest is not None
    return window.earliest.ordinal, window.latest.ordinal


def _public(precision: str) -> str:
    """A part of a month widens by its own step, but is a third like any other part."""
    return "third" if precision == "month-part" else precision


# More forms (dates.md): holidays, fiscal years, weeks of a month, turns of a century ---


def _holiday(ctx: _Context, unit: Unit) -> Base:
    name = unit.name or "christmas"
    if name == "christmas holidays":  # December 24 to January 1
        windows = [
            Window(Day(days_from_civil(y, 12, 24)), Day(days_from_civil(y + 1, 1, 1)))
            for y in _years_around(ctx, unit)
        ]
        title, precision, kind = "the Christmas holidays", "week", "days"
    elif name == "easter week":  # the ISO week that ends on Easter Sunday, as TimeML has it
        sundays = [holiday("easter", y) for y in _years_around(ctx, unit)]
        windows = [Window(d.plus(-6), d) for d in sundays]
        title, precision, kind = "Easter week", "week", "week"
    else:
        days = [holiday(name, y) for y in _years_around(ctx, unit)]
        windows = [Window(d, d) for d in days]
        title, precision, kind = TITLES[name], "day", "day"
    if unit.year is not None:
        return (windows[0], precision, kind, f"{title} of {unit.year}")
    ref = ctx.ref(unit)
    window = windows[pick([_ordinals(w) for w in windows], ref, ctx.direction)]
    return (
        window,
        precision,
        kind,
        f"{title} without a year: the one "
        f"{direction_words(ctx.direction, 'nearest to')} the reference date {ref}",
    )


def _years_around(ctx: _Context, unit: Unit) -> list[int]:
    """The year written, or the three about the reference date."""
    if unit.year is not None:
        return [unit.year]
    ry = ctx.ref(unit).year
    return [ry - 1, ry, ry + 1]


def _fiscal(ctx: _Context, unit: Unit) -> Base:
    """A fiscal year ends in the year it is named for; it starts in ``fiscal_year_start``."""
    year = unit.year
    if year is None:
        raise ctx.fail(unit, "a fiscal year such as FY2023")
    if unit.two_digit:  # FY22: the year of that name nearest the reference date
        ref = ctx.ref(unit)
        century = ref.year // 100 * 100
        year = min(
            (century - 100 + year, century + year, century + 100 + year),
            key=lambda y: (abs(y - ref.year), y > ref.year),  # ties to the past
        )
    start = ctx.fiscal_start()
    first_year = year if start == 1 else year - 1
    name = f"fiscal {year}, from {MONTH_NAMES[start]}"
    if unit.number is None:
        return (months_window(first_year, start, 12), "year", "year", name)
    fy, fm = add_months(first_year, start, 3 * (unit.number - 1))
    window = months_window(fy, fm, 3)
    return (window, "quarter", "season", f"fiscal quarter {unit.number} of {name}")


def _monthweek(ctx: _Context, unit: Unit) -> Base:
    """Week N of a month: days 7N-6 to 7N; the last week is its last seven days."""
    month, _precision, _kind, month_rule = _month(ctx, unit._replace(kind="month"))
    first, last = month.earliest, month.latest
    assert first is not None and last is not None
    n = unit.number or 1
    if n >= 5:
        window, which = Window(last.plus(-6), last), "the last week"
    else:
        window, which = Window(first.plus(7 * (n - 1)), first.plus(7 * n - 1)), f"week {n}"
    return (window, "week", "week", f"{which} of {month_rule}")


def _turn(ctx: _Context, unit: Unit) -> Base:
    """Five years each side of a century's boundary; without one, the last before the reference."""
    boundary = unit.year
    if boundary is None:
        ref = ctx.ref(unit, "the turn of the century")
        boundary = ref.year // 100 * 100
        how = f"the turn of the century before {ref}"
    else:
        how = f"the turn of the century at {boundary}"
    return (years_window(boundary - 5, boundary + 5), "decade", "decade", how)


_HANDLERS.update(holiday=_holiday, fiscal=_fiscal, monthweek=_monthweek, turn=_turn)


# The precision and rule of each part of a year (the part loop of _Context.unit, by table).
_YEAR_PARTS = {
    part: (part_precision("year", part), f"{_part_words(part)} a year") for part in _PART_WORDS
}
