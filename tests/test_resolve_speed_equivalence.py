"""The shortcuts that make resolve cheap give exactly what the general path gives.

resolve reads most units without building a Resolved (``_Context.own``), a single date
without ``_open_form``, an EDTF date read alone as the interval it already is, and the
unit windows by a table of month lengths from each year's first day; the value classes
are built without their validators. Each property below sets one shortcut against the
general path or the validating constructors, on random years, months, days, parts,
quarters, decades and offsets, with and without a reference day, rules included.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.days import Day, add_months, days_from_civil, iso_week_of, month_length
from chrono.errors import ChronoError
from chrono.model import (
    Interval,
    Window,
    trusted_day,
    trusted_days,
    trusted_interval,
    trusted_window,
)
from chrono.parsing.edtf import parse_edtf
from chrono.parsing.nodes import Expression, Unit
from chrono.resolve import _calendar, _Context, _open_form, resolve
from chrono.units import (
    PART_NAMES,
    day_window,
    day_window_of,
    half_window,
    month_window,
    months_of_year,
    months_window,
    quarter_window,
    week_window,
    week_window_of,
    year_start,
    years_window,
)
from tests.strategies import months, references, years

TEXT = "a date of ten"  # what error messages quote; every unit spans it

deep_years = st.one_of(years, st.integers(-(10**9), 10**9))
sizes = st.sampled_from(["day", "week", "month", "quarter", "half", "year", "decade", "century"])
shifts = st.sampled_from([None, "last", "this", "next"])
directions = st.sampled_from([None, "past", "future"])
maybe_references = st.one_of(st.none(), references)
maybe_years = st.one_of(st.none(), st.integers(1000, 2999), years)


def _window_of(first: Day, last: Day) -> Window:
    """The validating constructor, on days read from year, month and day."""
    return Window(first, last)


# The calendar arithmetic ------------------------------------------------------------


@given(deep_years)
def test_a_years_first_day_by_one_sum_is_days_from_civil(year: int) -> None:
    assert year_start(year) == days_from_civil(year, 1, 1)


@given(deep_years, months, months)
def test_months_of_a_year_by_the_table_are_their_first_and_last_days(
    year: int, a: int, b: int
) -> None:
    first, last = min(a, b), max(a, b)
    expected = _window_of(
        Day.from_ymd(year, first, 1), Day.from_ymd(year, last, month_length(year, last))
    )
    assert months_of_year(year, first, last) == expected
    if first == last:
        assert month_window(year, first) == expected


@given(deep_years, months, st.integers(1, 40))
def test_runs_of_months_across_years(year: int, month: int, count: int) -> None:
    last_year, last_month = add_months(year, month, count - 1)
    assert months_window(year, month, count) == _window_of(
        Day.from_ymd(year, month, 1),
        Day.from_ymd(last_year, last_month, month_length(last_year, last_month)),
    )


@given(deep_years, st.integers(1, 4), st.integers(1, 2))
def test_quarters_and_halves_are_their_three_and_six_months(
    year: int, quarter: int, half: int
) -> None:
    assert quarter_window(year, quarter) == months_window(year, 3 * quarter - 2, 3)
    assert half_window(year, half) == months_window(year, 6 * half - 5, 6)


@given(deep_years, st.integers(0, 200))
def test_runs_of_years_are_january_first_to_december_31(first: int, length: int) -> None:
    assert years_window(first, first + length) == _window_of(
        Day.from_ymd(first, 1, 1), Day.from_ymd(first + length, 12, 31)
    )


@given(st.integers(-(10**8), 10**8))
def test_the_week_holding_a_day_is_its_iso_week(ordinal: int) -> None:
    assert week_window_of(ordinal) == week_window(*iso_week_of(Day(ordinal)))


@given(st.integers(-(10**8), 10**8))
def test_the_calendar_of_a_reference_day_is_its_own(ordinal: int) -> None:
    day = Day(ordinal)
    assert _calendar(ordinal) == (day.year, day.month, str(day))


# The value classes built without validators ------------------------------------------


def _same_value(built: Any, validated: Any) -> None:
    """Equal, of the same type, hashing alike, with days of the type Day."""
    assert type(built) is type(validated)
    assert built == validated
    assert hash(built) == hash(validated)
    assert repr(built) == repr(validated)


@given(st.integers(-(10**9), 10**9), st.integers(0, 10**6))
def test_trusted_days_and_windows_equal_validated_ones(first: int, length: int) -> None:
    _same_value(trusted_day(first), Day(first))
    validated = Window(Day(first), Day(first + length))
    _same_value(trusted_days(first, first + length), validated)
    _same_value(trusted_window(Day(first), Day(first + length)), validated)
    _same_value(day_window_of(first), Window(Day(first), Day(first)))
    one = trusted_days(first, first + length)
    assert type(one.earliest) is Day and type(one.latest) is Day


@given(deep_years, months, st.integers(1, 31))
def test_a_day_window_is_the_day_or_the_same_error(year: int, month: int, day: int) -> None:
    try:
        expected = Window(Day.from_ymd(year, month, day), Day.from_ymd(year, month, day))
    except ValueError as err:
        with pytest.raises(type(err), match=re.escape(str(err))):
            day_window(year, month, day)
        return
    _same_value(day_window(year, month, day), expected)


@given(
    st.integers(-(10**6), 10**6),
    st.integers(0, 1000),
    st.sampled_from(["day", "month", "third", "decade"]),
    st.sampled_from([(), ("approximate",), ("approximate", "uncertain")]),
    st.sampled_from([(), ("a warning",)]),
    st.booleans(),
)
def test_trusted_intervals_equal_validated_ones(
    first: int,
    length: int,
    precision: str,
    qualifiers: tuple[str, ...],
    warnings: tuple[str, ...],
    with_core: bool,
) -> None:
    window = trusted_days(first, first + length)
    core = trusted_days(first + length // 3, first + length // 2) if with_core else None
    built = trusted_interval(window, window, precision, core, qualifiers, warnings, "a rule")
    validated = Interval(
        Window(Day(first), Day(first + length)),
        Window(Day(first), Day(first + length)),
        precision,
        core=None if core is None else Window(core.earliest, core.latest),
        qualifiers=qualifiers,
        warnings=warnings,
        rule="a rule",
    )
    _same_value(built, validated)
    assert built.rule == validated.rule


# resolve's shortcuts against its general path -----------------------------------------


_KINDS = "year decade century month day quarter half season ago relative week".split()


@st.composite
def units(draw: st.DrawFn) -> Unit:
    """A unit as the grammar builds them, of the kinds most dates are, now and then with
    a weekday, parts or widening (which take the general path)."""
    kind = draw(st.sampled_from(_KINDS))
    year = draw(maybe_years)
    fields: dict[str, Any] = {}
    if kind == "year":
        fields = {"year": year}
    elif kind == "decade":
        two_digit = draw(st.booleans())
        decade = draw(st.integers(0, 9)) * 10 if two_digit else draw(years) // 10 * 10
        fields = {"year": decade, "two_digit": two_digit}
    elif kind == "century":
        fields = {"year": draw(years) // 100 * 100 or 1}
    elif kind in ("month", "day", "quarter", "half", "season"):
        fields = {"year": year, "shift": draw(shifts) if year is None else None}
        if fields["shift"] is not None and draw(st.booleans()):
            fields["unit"] = "year"  # June last year
        if kind in ("month", "day"):
            fields["month"] = draw(months)
        if kind == "day":
            fields["day"] = draw(st.integers(1, 31))
        if kind in ("quarter", "half", "season"):
            limits = {"quarter": (1, 4), "half": (1, 2), "season": (21, 41)}[kind]
            fields["number"] = draw(st.integers(*limits))
    elif kind in ("ago", "relative"):
        fields = {"unit": draw(sizes)}
        if kind == "ago":
            fields["amount"] = draw(st.integers(1, 60))
        else:
            fields["shift"] = draw(shifts.filter(lambda s: s is not None))
    else:  # week
        fields = {"year": year, "number": draw(st.integers(0, 54))}
    extra = draw(st.sampled_from(["none", "none", "none", "part", "parts", "widen", "weekday"]))
    if extra == "part":
        fields["parts"] = (draw(st.sampled_from([*PART_NAMES, "mid-late", "early-mid"])),)
    elif extra == "parts":
        fields["parts"] = tuple(draw(st.lists(st.sampled_from(PART_NAMES), min_size=2, max_size=3)))
    elif extra == "widen":
        fields["widen"] = draw(st.integers(1, 2))
    elif extra == "weekday":
        fields["weekday"] = draw(st.integers(1, 7))
    return Unit(kind, 0, len(TEXT), **fields)


_EDTF = st.one_of(
    st.builds("{}-{:02d}-{:02d}".format, st.integers(1000, 2999), months, st.integers(1, 28)),
    st.builds("{}-{:02d}".format, st.integers(1000, 2999), months),
    st.builds("{}".format, st.integers(1000, 2999)),
    st.builds("{}-{}".format, st.integers(1000, 2999), st.integers(21, 41)),
    st.builds("{}{}".format, st.integers(1000, 2999), st.sampled_from(["~", "?", "%"])),
    st.builds("{}/{}".format, st.integers(1000, 1999), st.integers(2000, 2999)),
    st.builds("{}-{:02d}-{:02d}~".format, st.integers(1000, 2999), months, st.integers(1, 28)),
)


@st.composite
def edtf_units(draw: st.DrawFn) -> Unit:
    """A date the grammar takes whole from the EDTF reader (a unit of kind ``fixed``):
    alone or with a qualifier, plain dates are the reader's ``trusted_interval``."""
    text = draw(_EDTF)
    fixed = parse_edtf(text, 0, len(text))
    if draw(st.booleans()):  # an interval made elsewhere, without a rule
        fixed = attrs.evolve(fixed, rule="")
    return Unit("fixed", 0, len(TEXT), fixed=fixed)


@st.composite
def year_parts(draw: st.DrawFn) -> Unit:
    """late 1999, the first half of 2023, mid-to-late 1850: one part of a year."""
    part = draw(st.sampled_from([*PART_NAMES, "mid-late", "early-mid"]))
    return Unit("year", 0, len(TEXT), year=draw(maybe_years), parts=(part,))


any_units = st.one_of(units(), year_parts(), edtf_units())


def _outcome(make: Any) -> tuple[str, Any, str]:
    """What a call gives: its value and rule, or its error's type, text and position."""
    try:
        value = make()
    except (ChronoError, ValueError) as err:
        return ("error", f"{type(err).__name__}: {err}", str(getattr(err, "position", "")))
    rule = value.rule if isinstance(value, Interval) else value[-1]
    return ("value", value, rule)


def _context(reference: Day | None, direction: str | None) -> _Context:
    return _Context(TEXT, reference, direction)


@given(any_units, maybe_references, directions)
def test_a_unit_read_by_its_own_days_is_the_general_path(
    unit: Unit, reference: Day | None, direction: str | None
) -> None:
    """``unit`` (own days, one year part by table, a bare Resolved) equals ``dressed``."""
    ctx = _context(reference, direction)
    shortcut = _outcome(lambda: ctx.unit(unit))
    general = _outcome(lambda: ctx.dressed(unit))
    assert shortcut == general
    if shortcut[0] == "value":  # spans, open forms and offsets read their units so
        assert type(shortcut[1]) is type(general[1])


@given(any_units, maybe_references, directions)
def test_a_single_date_is_what_open_form_makes_of_the_general_path(
    unit: Unit, reference: Day | None, direction: str | None
) -> None:
    """resolve's single form (own days, an EDTF date as it is) equals ``_open_form`` on
    ``dressed``, the path every other form takes."""
    shortcut = _outcome(lambda: resolve(Expression("single", unit), reference, TEXT, direction))
    ctx = _context(reference, direction)
    general = _outcome(lambda: _open_form("single", ctx.dressed(unit), unit, ctx))
    assert shortcut == general
