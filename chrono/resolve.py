"""Nodes and a reference day to intervals: the only place that knows the reference date.

``direction`` (past, future or None) lets a caller that knows the tense of a
statement pick the occurrence of a weekday, month or season (extract.md); None
keeps the rules of dates.md.
"""

from __future__ import annotations

from typing import NamedTuple

from chrono.days import (
    Day,
    add_months,
    days_from_civil,
    is_leap,
    iso_week_of,
    iso_weeks_in_year,
    month_length,
)
from chrono.errors import MissingReferenceError, ParseError
from chrono.model import Interval, Window, coarser, lower, upper
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.vocabulary import MONTH_NAMES, WEEKDAY_NAMES
from chrono.units import (
    century_window,
    day_window,
    decade_window,
    half_window,
    month_window,
    part_of,
    part_precision,
    quarter_window,
    season_window,
    shift_months,
    week_window,
    widen,
    year_window,
)


class Resolved(NamedTuple):
    """One unit with its days: the window, how precise, and what widened it."""

    window: Window
    precision: str
    kind: str  # how parts cut it: year, month, season, decade, century, day, ...
    core: Window | None
    qualifiers: tuple[str, ...]
    warnings: tuple[str, ...]
    rule: str


def resolve(
    expression: Expression, reference: Day | None, text: str, direction: str | None = None
) -> Interval:
    ctx = _Context(text, reference, direction)
    for named in expression.refs():
        raise ParseError(
            text,
            named.end - len(named.ref or "") - 1,
            "a date: an event reference (@id) needs the event "
            "files that define it (use it in an event's date)",
        )
    first, second = expression.first, expression.second
    if expression.form in ("offset-after", "offset-before", "within"):
        return _offset(expression, ctx.unit(first))
    if second is not None and expression.form in ("span", "between"):
        first = borrow_year(first, second)
    a = ctx.unit(first)
    form = expression.form
    if second is None:
        return _open_form(form, a, first, ctx)
    b = ctx.unit(second)
    precision = coarser(_public(a.precision), _public(b.precision))
    qualifiers = tuple(sorted(set(a.qualifiers) | set(b.qualifiers)))
    core = None
    if a.core is not None or b.core is not None:
        core = Window((a.core or a.window).earliest, (b.core or b.window).latest)
    warnings = a.warnings + b.warnings
    if upper(b.window.latest) < lower(a.window.earliest):
        raise ParseError(
            text, second.start, f"a second date that is not wholly before the first ({a.window})"
        )
    if form == "between":
        latest = (
            b.window.latest if upper(b.window.latest) >= upper(a.window.latest) else a.window.latest
        )
        if core is not None:
            core = Window(core.earliest, max(core.latest, (a.core or a.window).latest))  # type: ignore[type-var]
        return Interval.within(
            Window(a.window.earliest, latest),
            precision,
            core=core,
            qualifiers=qualifiers,
            warnings=warnings,
            rule=f"one occurrence between {a.rule} and {b.rule}",
        )
    return Interval.span(
        a.window,
        b.window,
        precision,
        core=core,
        qualifiers=qualifiers,
        warnings=warnings,
        rule=f"a span from {a.rule} to {b.rule}",
    )


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
    kwargs: dict[str, tuple[str, ...]] = {"qualifiers": a.qualifiers, "warnings": a.warnings}
    w, core = a.window, a.core
    if form == "single":
        return Interval.within(w, precision, core=core, rule=a.rule, **kwargs)
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


class _Context:
    __slots__ = ("direction", "reference", "text")

    def __init__(self, text: str, reference: Day | None, direction: str | None) -> None:
        self.text = text
        self.reference = reference
        self.direction = direction

    def ref(self, unit: Unit, what: str) -> Day:
        if self.reference is None:
            raise MissingReferenceError(
                self.text, unit.start, f"a reference date to resolve {what!r}"
            )
        return self.reference

    def fail(self, unit: Unit, expected: str) -> ParseError:
        return ParseError(self.text, unit.start, expected)

    # One unit ----------------------------------------------------------------------

    def unit(self, unit: Unit) -> Resolved:
        window, precision, kind, rule = self.base(unit)
        core: Window | None = None
        qualifiers: tuple[str, ...] = ()
        warnings: tuple[str, ...] = ()
        if unit.fixed is not None:
            core, qualifiers, warnings = unit.fixed.core, unit.fixed.qualifiers, unit.fixed.warnings
        if unit.weekday is not None and unit.kind != "weekday":
            warnings = warnings + self.check_weekday(unit, window)
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
            rule = f"{_PART_WORDS[part]} {rule}"
        if unit.widen:
            core = window if core is None else core
            window = widen(window, precision, unit.widen)
            qualifiers = tuple(sorted({*qualifiers, "approximate"}))
            rule = f"about {rule}, widened by one step of its precision"
        return Resolved(window, precision, kind, core, qualifiers, warnings, rule)

    def check_weekday(self, unit: Unit, window: Window) -> tuple[str, ...]:
        day = window.earliest
        if day is None or day != window.latest or unit.weekday is None:
            return ()
        if day.isoweekday == unit.weekday:
            return ()
        return (
            f"{WEEKDAY_NAMES[unit.weekday]} does not match {day}, "
            f"a {WEEKDAY_NAMES[day.isoweekday]}",
        )

    def base(self, unit: Unit) -> tuple[Window, str, str, str]:
        kind = unit.kind
        handler = getattr(self, "k_" + kind)
        result: tuple[Window, str, str, str] = handler(unit)
        return result

    def k_fixed(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.fixed is not None
        precision = unit.fixed.precision
        kind = {
            "season": "season",
            "quarter": "season",
            "third": "season",
            "half": "season",
            "partial": "days",
            "set": "days",
        }.get(precision, precision)
        return unit.fixed.window, precision, kind, unit.fixed.rule or "an ISO 8601 date"

    def k_day(self, unit: Unit) -> tuple[Window, str, str, str]:
        month, day = unit.month or 1, unit.day or 1
        if unit.year is None:
            ref = self.ref(unit, self.text[unit.start : unit.end])
            found = self.month_day(month, day, ref, unit)
            return (
                Window(found, found),
                "day",
                "day",
                f"{MONTH_NAMES[month]} {day} without a year: the occurrence "
                f"{self.direction_words('nearest to')} the reference date {ref}",
            )
        try:
            return day_window(unit.year, month, day), "day", "day", "a day, month and year"
        except ValueError:
            raise self.fail(
                unit, f"a real date: {MONTH_NAMES[month]} {unit.year} has no day {day}"
            ) from None

    def direction_words(self, default: str) -> str:
        return {"past": "on or before", "future": "on or after"}.get(self.direction or "", default)

    def month_day(self, month: int, day: int, ref: Day, unit: Unit) -> Day:
        if day > month_length(2024, month):  # 2024: a leap year, so February 29 passes
            raise self.fail(unit, f"a real date: {MONTH_NAMES[month]} has no day {day}")
        ry = ref.year
        leap_day = (month, day) == (2, 29)
        years = [
            y
            for y in (range(ry - 8, ry + 9) if leap_day else range(ry - 1, ry + 2))
            if not leap_day or is_leap(y)
        ]
        days = [Day(days_from_civil(y, month, day)) for y in years]
        return days[self.pick([(d.ordinal, d.ordinal) for d in days], ref)]

    def pick(self, spans: list[tuple[int, int]], ref: Day) -> int:
        """Which of the sorted ``(first, last)`` day spans the direction calls for.

        By default the nearest to the reference, ties to the past; ``past`` the most
        recent begun by it, ``future`` the first not over by it.
        """
        r = ref.ordinal
        if self.direction == "past":
            begun = [i for i, (first, _last) in enumerate(spans) if first <= r]
            return begun[-1] if begun else 0
        if self.direction == "future":
            ahead = [i for i, (_first, last) in enumerate(spans) if last >= r]
            return ahead[0] if ahead else len(spans) - 1

        def distance(i: int) -> tuple[int, int]:
            first, last = spans[i]
            gap = first - r if r < first else max(0, r - last)
            return gap, 0 if first <= r else 1  # ties to the past

        return min(range(len(spans)), key=distance)

    def k_month(self, unit: Unit) -> tuple[Window, str, str, str]:
        month = unit.month or 1
        if unit.year is not None:
            return month_window(unit.year, month), "month", "month", "a month and year"
        ref = self.ref(unit, self.text[unit.start : unit.end])
        if unit.shift is not None:
            window = self.cycle(
                [month_window(y, month) for y in range(ref.year - 2, ref.year + 3)], unit.shift, ref
            )
            return window, "month", "month", f"{unit.shift} {MONTH_NAMES[month]} from {ref}"
        windows = [month_window(y, month) for y in range(ref.year - 1, ref.year + 2)]
        chosen = windows[self.pick([_ordinals(w) for w in windows], ref)]
        return (
            chosen,
            "month",
            "month",
            f"{MONTH_NAMES[month]} without a year: the one "
            f"{self.direction_words('nearest to')} the reference date {ref}",
        )

    def cycle(self, windows: list[Window], shift: str | None, ref: Day) -> Window:
        """Pick from a sorted run of recurring windows (seasons, quarters, a named month).

        None: the most recent that has begun; this: the one holding the reference or
        else the next; last: the one before that; next: the first to begin after.
        """
        began = [w for w in windows if w.earliest is not None and w.earliest <= ref]
        if shift is None:
            if self.direction == "future":
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

    def k_year(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.year is not None
        return year_window(unit.year), "year", "year", "a year"

    def periodic(self, unit: Unit, make: object, name: str) -> tuple[Window, str, str, str]:
        index = unit.number or 1
        if unit.year is not None:
            return make(unit.year, index), name, "season", f"a {name} and year"  # type: ignore[operator]
        ref = self.ref(unit, self.text[unit.start : unit.end])
        windows = [make(y, index) for y in range(ref.year - 2, ref.year + 3)]  # type: ignore[operator]
        window = self.cycle(windows, unit.shift, ref)
        how = unit.shift or "the most recent that has begun by"
        return window, name, "season", f"a {name} without a year: {how} the reference date {ref}"

    def k_season(self, unit: Unit) -> tuple[Window, str, str, str]:
        return self.periodic(unit, season_window, "season")

    def k_quarter(self, unit: Unit) -> tuple[Window, str, str, str]:
        return self.periodic(unit, quarter_window, "quarter")

    def k_half(self, unit: Unit) -> tuple[Window, str, str, str]:
        return self.periodic(unit, half_window, "half")

    def k_week(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.year is not None and unit.number is not None
        if not 1 <= unit.number <= iso_weeks_in_year(unit.year):
            raise self.fail(unit, f"a week from 1 to {iso_weeks_in_year(unit.year)} of {unit.year}")
        return week_window(unit.year, unit.number), "week", "week", "an ISO week"

    def k_decade(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.year is not None
        if not unit.two_digit:
            return decade_window(unit.year), "decade", "decade", "a decade"
        ref = self.ref(unit, self.text[unit.start : unit.end])
        first = ref.year // 100 * 100 + unit.year
        if first > ref.year:
            first -= 100
        return (
            decade_window(first),
            "decade",
            "decade",
            f"a decade without its century: the latest that began by {ref}",
        )

    def k_century(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.year is not None
        return century_window(unit.year), "century", "century", "a century"

    def k_weekday(self, unit: Unit) -> tuple[Window, str, str, str]:
        assert unit.weekday is not None
        ref = self.ref(unit, self.text[unit.start : unit.end])
        back = (ref.isoweekday - unit.weekday) % 7
        name = WEEKDAY_NAMES[unit.weekday]
        if unit.shift == "next" or (unit.shift is None and self.direction == "future"):
            ahead = (unit.weekday - ref.isoweekday) % 7
            if unit.shift == "next" and ahead == 0:
                ahead = 7
            day, how = ref.plus(ahead), "the first after" if ahead else "on"
        elif unit.shift == "last":
            day, how = ref.plus(-(back or 7)), "the most recent before"
        elif unit.shift == "this":
            day, how = ref.plus(unit.weekday - ref.isoweekday), "in the week of"
        else:
            day, how = ref.plus(-back), "the most recent on or before"
        return Window(day, day), "day", "day", f"{name}: {how} the reference date {ref}"

    def k_weekend(self, unit: Unit) -> tuple[Window, str, str, str]:
        ref = self.ref(unit, self.text[unit.start : unit.end])
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

    def k_yearend(self, unit: Unit) -> tuple[Window, str, str, str]:
        year = unit.year
        if year is None:
            year = self.ref(unit, "year-end").year
        d = Day(days_from_civil(year, 12, 31))
        return Window(d, d), "day", "day", "year-end: December 31"

    def k_today(self, unit: Unit) -> tuple[Window, str, str, str]:
        ref = self.ref(unit, self.text[unit.start : unit.end])
        day = ref.plus(unit.amount)
        word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[unit.amount]
        return Window(day, day), "day", "day", f"{word}, from the reference date {ref}"

    def k_recent(self, unit: Unit) -> tuple[Window, str, str, str]:
        ref = self.ref(unit, "recently")
        return (
            Window(ref.plus(-91), ref),
            "recent",
            "days",
            f"recently: the three months up to the reference date {ref}",
        )

    def k_relative(self, unit: Unit) -> tuple[Window, str, str, str]:
        ref = self.ref(unit, self.text[unit.start : unit.end])
        offset = {"last": -1, "this": 0, "next": 1}[unit.shift or "this"]
        window, precision = self.unit_around(ref, unit.unit or "year", offset)
        return window, precision, precision, f"{unit.shift} {unit.unit} from {ref}"

    def unit_around(self, ref: Day, name: str, offset: int) -> tuple[Window, str]:
        """The ``name`` unit holding ``ref``, moved ``offset`` units."""
        y, m, _ = ref.ymd
        if name == "day":
            d = ref.plus(offset)
            return Window(d, d), "day"
        if name == "week":
            wy, wn = iso_week_of(ref.plus(7 * offset))
            return week_window(wy, wn), "week"
        if name == "month":
            ny, nm = add_months(y, m, offset)
            return month_window(ny, nm), "month"
        if name == "quarter":
            ny, nm = add_months(y, (m - 1) // 3 * 3 + 1, 3 * offset)
            return quarter_window(ny, (nm - 1) // 3 + 1), "quarter"
        if name == "half":
            ny, nm = add_months(y, (m - 1) // 6 * 6 + 1, 6 * offset)
            return half_window(ny, (nm - 1) // 6 + 1), "half"
        if name == "year":
            return year_window(y + offset), "year"
        if name == "decade":
            return decade_window(y // 10 * 10 + 10 * offset), "decade"
        first = y // 100 * 100 + 100 * offset
        return century_window(first if first != 0 else 1), "century"

    def k_ago(self, unit: Unit) -> tuple[Window, str, str, str]:
        ref = self.ref(unit, self.text[unit.start : unit.end])
        window, precision = self.unit_around(ref, unit.unit or "year", -unit.amount)
        return (
            window,
            precision,
            precision,
            f"{unit.amount} {unit.unit}s before the reference date {ref}",
        )


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


def _ordinals(window: Window) -> tuple[int, int]:
    assert window.earliest is not None and window.latest is not None
    return window.earliest.ordinal, window.latest.ordinal


def _public(precision: str) -> str:
    """A part of a month widens by its own step, but is a third like any other part."""
    return "third" if precision == "month-part" else precision
