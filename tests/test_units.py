from hypothesis import given
from hypothesis import strategies as st

from chrono.days import Day
from chrono.model import Window
from chrono.units import (
    PART_NAMES,
    STEPS,
    century_window,
    decade_window,
    month_window,
    part_of,
    quarter_window,
    season_window,
    widen,
    year_part,
    year_window,
)
from tests.strategies import days, months, years

UNIT_MAKERS = {
    "year": lambda y, m: year_window(y),
    "month": month_window,
    "season": lambda y, m: season_window(y, 21 + (m - 1) % 4),
    "quarter": lambda y, m: quarter_window(y, (m - 1) // 3 + 1),
    "decade": lambda y, m: decade_window(y // 10 * 10),
    "century": lambda y, m: century_window(y // 100 * 100 or 1),
}


def d(text: str) -> Day:
    y, m, dd = (int(p) for p in text.split("-"))
    return Day.from_ymd(y, m, dd)


@given(years, st.sampled_from(PART_NAMES))
def test_year_parts_by_table_are_the_cut_of_the_year(year: int, part: str) -> None:
    """resolve reads late 1999 by year_part's table: the same days as cutting the year."""
    assert year_part(year, part) == part_of(year_window(year), "year", part)


def test_a_joined_part_of_a_year_is_left_to_part_of() -> None:
    assert year_part(1999, "mid-late") is None


@given(years, months, st.sampled_from(sorted(UNIT_MAKERS)))
def test_thirds_tile_the_unit(year: int, month: int, kind: str) -> None:
    unit = UNIT_MAKERS[kind](year, month)
    early, mid, late = (part_of(unit, kind, p) for p in ("early", "mid", "late"))
    assert early.earliest == unit.earliest and late.latest == unit.latest
    assert early.latest is not None and mid.earliest is not None
    assert early.latest.plus(1) == mid.earliest
    assert mid.latest is not None and late.earliest is not None
    assert mid.latest.plus(1) == late.earliest


@given(years, months, st.sampled_from(sorted(UNIT_MAKERS)))
def test_halves_tile_the_unit(year: int, month: int, kind: str) -> None:
    unit = UNIT_MAKERS[kind](year, month)
    first, second = part_of(unit, kind, "half1"), part_of(unit, kind, "half2")
    assert first.earliest == unit.earliest and second.latest == unit.latest
    assert first.latest is not None and first.latest.plus(1) == second.earliest


@given(days(), days(), st.sampled_from(sorted(STEPS)), st.integers(1, 2))
def test_widening_never_narrows(a: Day, b: Day, step: str, times: int) -> None:
    window = Window(min(a, b), max(a, b))
    wider = widen(window, step, times)
    assert wider.contains(window)
    assert wider.contains(widen(window, step, times - 1) if times > 1 else window)


def test_parts_of_the_spec_table() -> None:
    year = year_window(2022)
    assert part_of(year, "year", "early") == Window(d("2022-01-01"), d("2022-04-30"))
    assert part_of(year, "year", "mid") == Window(d("2022-05-01"), d("2022-08-31"))
    feb = month_window(2023, 2)
    assert part_of(feb, "month", "late") == Window(d("2023-02-21"), d("2023-02-28"))
    assert part_of(decade_window(1990), "decade", "mid") == Window(d("1994-01-01"), d("1996-12-31"))
    assert part_of(century_window(1900), "century", "late") == Window(
        d("1967-01-01"), d("1999-12-31")
    )


def test_widening_by_months_keeps_whole_months() -> None:
    assert widen(month_window(2004, 6), "month", 1) == Window(d("2004-05-01"), d("2004-07-31"))
    assert widen(month_window(2004, 3), "month", 1) == Window(d("2004-02-01"), d("2004-04-30"))


def test_first_century_starts_in_year_one() -> None:
    assert century_window(1) == Window(d("0001-01-01"), d("0099-12-31"))
