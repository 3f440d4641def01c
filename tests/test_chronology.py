"""Golden event sets: each relation, each date that names events, each error and warning."""

from __future__ import annotations

import attrs
import pytest

from chrono import ChronologyError, build_timeline
from chrono.chronology import analyse
from chrono.days import Day
from chrono.errors import ChronoError, Problem, UnknownEventError
from chrono.events.event import Event
from chrono.model import Window


def ev(id: str, date: str | None = None, line: int = 1, **kw: object) -> Event:
    relations = tuple(
        (kind, other)
        for kind in ("before", "after", "during", "contains", "overlaps")
        for other in ([kw.pop(kind)] if isinstance(kw.get(kind), str) else kw.pop(kind, []))  # type: ignore[union-attr]
    )
    return Event(
        id,
        id.title(),
        "events/t.yaml",
        line,
        date=date,
        relations=relations,
        lines={"date": line},
        **kw,
    )  # type: ignore[arg-type]


def d(text: str) -> Day:
    y, m, dd = (int(p) for p in text.split("-"))
    return Day.from_ymd(y, m, dd)


def w(first: str | None, last: str | None) -> Window:
    return Window(None if first is None else d(first), None if last is None else d(last))


def windows(events: list[Event]) -> dict[str, tuple[Window, Window]]:
    return {p.event.id: (p.start, p.end) for p in build_timeline(events).events}


def test_after_an_event_that_ended_in_march_2021_starts_no_earlier_than_march() -> None:
    out = windows([ev("a", "from 2020 to March 2021"), ev("b", "2021", after="a")])
    assert out["b"][0] == w("2021-03-01", "2021-12-31")


def test_before_may_end_on_the_day_the_other_starts() -> None:
    out = windows([ev("a", "2022"), ev("b", "2022-05-10", before="x"), ev("x", "2022-05-10")])
    assert out["b"] == (w("2022-05-10", "2022-05-10"), w("2022-05-10", "2022-05-10"))
    out = windows([ev("a", "2022", before="x"), ev("x", "2022-05-10")])
    assert out["a"][1] == w("2022-01-01", "2022-05-10")


@pytest.mark.parametrize(
    ("relation", "a_start", "a_end"),
    [
        ("before", ("2021-01-01", "2021-03-31"), ("2021-01-01", "2021-03-31")),
        ("after", ("2021-07-01", "2021-12-31"), ("2021-07-01", "2021-12-31")),
        ("during", ("2021-03-01", "2021-07-31"), ("2021-03-01", "2021-07-31")),
    ],
)
def test_relations_against_a_span(
    relation: str, a_start: tuple[str, str], a_end: tuple[str, str]
) -> None:
    # x runs from some day of March 2021 to some day of July 2021
    out = windows([ev("a", "2021", **{relation: "x"}), ev("x", "from March 2021 to July 2021")])
    assert out["a"] == (w(*a_start), w(*a_end))


def test_contains_is_during_reversed() -> None:
    out = windows([ev("a", "2021", contains="x"), ev("x", "from March 2021 to July 2021")])
    assert out["a"] == (w("2021-01-01", "2021-03-31"), w("2021-07-01", "2021-12-31"))


def test_overlaps() -> None:
    # a.start <= x.start <= a.end <= x.end
    out = windows([ev("a", "2021", overlaps="x"), ev("x", "from June 2021 to 2022")])
    assert out["a"] == (w("2021-01-01", "2021-06-30"), w("2021-06-01", "2021-12-31"))


def test_overlaps_that_cannot_hold_is_a_contradiction() -> None:
    errors = _errors([ev("a", "from 2020 to 2022", overlaps="x"), ev("x", "from 2021 to 2021")])
    assert "a overlaps x" in errors[0]


EMBARGO = ev("embargo", None, start="9 January 2022", end="3 July 2022")


@pytest.mark.parametrize(
    ("date", "start", "end"),
    [
        ("after @embargo", ("2022-07-03", None), ("2022-07-03", None)),
        ("before @embargo", (None, "2022-01-09"), (None, "2022-01-09")),
        ("during @embargo", ("2022-01-09", "2022-07-03"), ("2022-01-09", "2022-07-03")),
        # the last third of 9 January - 3 July 2022 (176 days: the last 58)
        ("near the end of @embargo", ("2022-05-07", "2022-07-03"), ("2022-05-07", "2022-07-03")),
        ("early @embargo", ("2022-01-09", "2022-03-08"), ("2022-01-09", "2022-03-08")),
        ("2 weeks after @embargo", ("2022-07-17", "2022-07-17"), ("2022-07-17", "2022-07-17")),
        ("the day after @embargo", ("2022-07-04", "2022-07-04"), ("2022-07-04", "2022-07-04")),
        ("3 days before @embargo", ("2022-01-06", "2022-01-06"), ("2022-01-06", "2022-01-06")),
        ("within 3 days of @embargo", ("2022-01-06", "2022-07-06"), ("2022-01-06", "2022-07-06")),
        ("after 2021", ("2022-01-01", None), ("2022-01-01", None)),
    ],
)
def test_dates_that_name_events(
    date: str, start: tuple[str | None, str | None], end: tuple[str | None, str | None]
) -> None:
    events = [EMBARGO, Event("e", "E", "events/t.yaml", 5, date=date)]
    assert windows(events)["e"] == (w(*start), w(*end))


def test_between_and_from_events() -> None:
    events = [
        ev("a", "2020-03-01"),
        ev("b", "2020-06-30"),
        ev("x", "between @a and @b"),
        ev("y", "from @a to @b"),
    ]
    out = windows(events)
    assert out["x"] == (w("2020-03-01", "2020-06-30"), w("2020-03-01", "2020-06-30"))
    assert out["y"] == (w("2020-03-01", "2020-03-01"), w("2020-06-30", "2020-06-30"))


def test_chains_of_references_resolve_in_order() -> None:
    # a: all of 2020 (366 days); b: its first third (Jan 1 - Apr 30); c: the last third of b
    out = windows(
        [ev("c", "near the end of @b"), ev("b", "early @a"), ev("a", "from 2020 to 2020")]
    )
    assert out["b"][0] == w("2020-01-01", "2020-05-01")
    assert out["c"][0] == w("2020-03-23", "2020-05-01")  # days 82-121 of 122


def test_a_part_of_an_event_without_dates_of_its_own_is_an_error() -> None:
    errors = _errors([ev("c", "near the end of @b", line=4), ev("b", "during @a"), ev("a", "2020")])
    assert errors == [
        "events/t.yaml:4: date: cannot read 'near the end of @b' at position 0: "
        "@b to have dates of its own to take a part of"
    ]


def test_certain_precedence_order_and_ranks() -> None:
    # y is before x by a relation although both are dated "2022": y certainly precedes x
    events = [
        ev("x", "2022"),
        ev("y", "2022", before="x"),
        ev("z", "2022"),
        ev("early", "2019"),
        ev("late", "2030"),
    ]
    timeline = build_timeline(events)
    order = [p.event.id for p in timeline.events]
    assert order.index("y") < order.index("x")
    ranks = {p.event.id: p.rank for p in timeline.events}
    assert ranks["early"] == (1, 1) and ranks["late"] == (5, 5)
    assert ranks["y"] == (2, 3) and ranks["x"] == (3, 4) and ranks["z"] == (2, 4)
    assert timeline.certainly_precedes("y", "x") and not timeline.certainly_precedes("x", "y")
    assert timeline.possibly_precedes("z", "x") and timeline.possibly_precedes("x", "z")


def test_display_order_ties_break_by_earliest_then_latest_then_end_then_id() -> None:
    events = [ev("b", "2022"), ev("a", "2022"), ev("c", "2022-01"), ev("d", "from 2022 to 2023")]
    order = [p.event.id for p in build_timeline(events).events]
    assert order == ["c", "a", "b", "d"]


def _errors(events: list[Event]) -> list[str]:
    with pytest.raises(ChronologyError) as info:
        build_timeline(events)
    return [str(p) for p in info.value.problems if p.severity == "error"]


def test_every_error_in_one_run() -> None:
    events = [
        ev("a", "2022", line=1),
        ev("a", "2023", line=5),  # duplicate id
        ev("b", "after @nowhere", line=9),  # unknown id in a date
        ev("c", "2022", line=12, before="ghost"),  # unknown id in a relation
        ev("d", "31 April 2024", line=15),  # bad date
    ]
    errors = sorted(_errors(events), key=lambda e: int(e.split(":")[1]))
    assert errors == [
        "events/t.yaml:5: duplicate id 'a' (first at events/t.yaml:1)",
        "events/t.yaml:9: date: unknown event @nowhere",
        "events/t.yaml:12: before: unknown event 'ghost'",
        "events/t.yaml:15: date: cannot read '31 April 2024' at position 0: a real date: "
        "April 2024 has no day 31",
    ]


def test_a_cycle_of_date_references_is_an_error() -> None:
    errors = _errors([ev("a", "after @b", line=2), ev("b", "during @a", line=7)])
    assert len(errors) == 1 and "a cycle of date references" in errors[0]
    assert "@a (events/t.yaml:2)" in errors[0] and "@b (events/t.yaml:7)" in errors[0]


def test_a_contradiction_names_the_events_and_the_chain() -> None:
    errors = _errors([ev("a", "2022", line=3, after="b"), ev("b", "2023", line=8)])
    assert len(errors) == 1
    message = errors[0]
    assert "events/t.yaml:3: a after b" in message
    assert "events/t.yaml:8: b ends no earlier than 2023-01-01 (its date '2023')" in message
    assert "events/t.yaml:3: a starts no later than 2022-12-31 (its date '2022')" in message


def test_a_negative_cycle_without_dates_is_a_contradiction() -> None:
    errors = _errors([ev("a", "2 weeks after @b", line=1), ev("b", "2022", line=4, after="a")])
    assert errors and "no dates satisfy" in errors[0]


def test_warnings_do_not_stop_the_build() -> None:
    timeline = build_timeline(
        [
            Event("m", "M", "events/t.yaml", 2, date="Tuesday, May 12, 2025", lines={"date": 3}),
            ev("wide", "from 1800 to 2000", line=6),
        ]
    )
    warnings = [str(p) for p in timeline.warnings]
    assert "events/t.yaml:3: warning: date: Tuesday does not match 2025-05-12, a Monday" in warnings
    assert any(x.startswith("events/t.yaml:6: warning: wide: its window") for x in warnings)


def test_reference_dates_come_from_the_event() -> None:
    e = Event("m", "M", "events/t.yaml", 1, date="May 12", reference=d("2025-07-15"))
    assert windows([e])["m"][0] == w("2025-05-12", "2025-05-12")
    with pytest.raises(ChronologyError, match="reference date"):
        build_timeline([Event("m", "M", "events/t.yaml", 1, date="May 12")])


@pytest.mark.parametrize(
    ("x_date", "part", "expected"),
    [
        # a one-day event: every part of it is that day
        ("2020-05-01", "near the end of", ("2020-05-01", "2020-05-01")),
        ("2020-05-01", "early", ("2020-05-01", "2020-05-01")),
        ("2020-05-01", "mid", ("2020-05-01", "2020-05-01")),
        # a two-day event: each third is the days it overlaps
        ("from 2020-05-01 to 2020-05-02", "near the end of", ("2020-05-02", "2020-05-02")),
        ("from 2020-05-01 to 2020-05-02", "the beginning of", ("2020-05-01", "2020-05-01")),
        ("from 2020-05-01 to 2020-05-02", "the middle of", ("2020-05-01", "2020-05-02")),
        # three days and more: thirds as dates.md cuts them
        ("from 2020-05-01 to 2020-05-03", "late", ("2020-05-03", "2020-05-03")),
        ("from 2020-05-01 to 2020-05-06", "late", ("2020-05-05", "2020-05-06")),
    ],
)
def test_parts_of_short_events_lie_inside_them(
    x_date: str, part: str, expected: tuple[str, str]
) -> None:
    timeline = build_timeline([ev("x", x_date), ev("y", f"{part} @x", line=2)])
    y = timeline["y"]
    assert y.start == w(*expected) and y.end == w(*expected)


def test_every_independent_contradiction_in_one_run() -> None:
    events = [
        ev("a", "2022", line=1, after="b"),
        ev("b", "2023", line=2),
        ev("c", "2010", line=3),
        ev("d", "2011", line=4, before="c"),
        ev("e", "2015", line=5, after="a"),  # linked to a's group, no contradiction of its own
        ev("f", "2030", line=6),  # unlinked, fine
    ]
    errors = _errors(events)
    assert len(errors) == 2
    first = next(e for e in errors if "around a" in e or "around b" in e)
    second = next(e for e in errors if "around c" in e or "around d" in e)
    assert "events/t.yaml:1: a after b" in first and "d before c" not in first
    assert "events/t.yaml:4: d before c" in second and "a after b" not in second


def test_a_contradiction_is_reported_beside_a_bad_date() -> None:
    errors = _errors(
        [ev("a", "2022", line=1, after="b"), ev("b", "2023", line=2), ev("z", "31 April 2024")]
    )
    assert len(errors) == 2
    assert any("no dates satisfy" in e for e in errors)
    assert any("April 2024 has no day 31" in e for e in errors)


def test_a_cycle_of_before_forcing_one_day_is_a_warning_naming_them() -> None:
    events = [
        ev("a", line=1, before="b"),
        ev("b", line=2, before="c"),
        ev("c", "2020-05-01", line=3, before="a"),
        ev("other", "2021", line=9),
    ]
    timeline = build_timeline(events)
    warnings = [str(p) for p in timeline.warnings if "one day" in p.message]
    assert len(warnings) == 1
    assert warnings[0].startswith("events/t.yaml:1: warning: a, b and c are forced onto one day")
    assert "a before b" in warnings[0] and "c before a" in warnings[0]
    assert "other" not in warnings[0]
    day = w("2020-05-01", "2020-05-01")
    assert all(timeline[x].start == day and timeline[x].end == day for x in "abc")


def test_a_chain_without_a_cycle_gives_no_one_day_warning() -> None:
    timeline = build_timeline(
        [ev("a", line=1, before="b"), ev("b", line=2, before="c"), ev("c", "2020-05-01")]
    )
    assert not [p for p in timeline.warnings if "one day" in p.message]


def test_an_unknown_id_is_a_chrono_key_error_with_a_suggestion() -> None:
    timeline = build_timeline([ev("landing", "2022"), ev("launch", "2021")])
    assert timeline["landing"].event.id == "landing"
    assert "landing" in timeline and "landnig" not in timeline
    with pytest.raises(UnknownEventError) as info:
        timeline["landnig"]
    assert isinstance(info.value, KeyError) and isinstance(info.value, ChronoError)
    assert str(info.value) == "unknown event 'landnig'; did you mean 'landing'?"
    with pytest.raises(KeyError, match=r"unknown event 'zzz'$"):
        timeline["zzz"]
    with pytest.raises(UnknownEventError):
        timeline.certainly_precedes("landing", "lanch-x")


def test_the_timeline_is_a_frozen_value_of_tuples() -> None:
    timeline = build_timeline([ev("a", "2022", before="b"), ev("b", "2023")])
    assert isinstance(timeline.events, tuple) and isinstance(timeline.relations, tuple)
    assert isinstance(timeline.warnings, tuple)
    assert timeline.relations == (("a", "before", "b"),)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        timeline.events = ()  # type: ignore[misc]


def test_analyse_returns_the_problems_and_no_timeline_on_error() -> None:
    result = analyse([ev("a", "2022"), ev("b", "after @zz")])
    assert result.timeline is None
    assert [p.message for p in result.problems] == ["date: unknown event @zz"]
    ok = analyse([ev("a", "2022")], [Problem("f.yaml", 1, "loader says", "warning")])
    assert ok.timeline is not None and ok.problems == list(ok.timeline.warnings)
    assert ok.timeline.warnings[0].message == "loader says"


def test_drawing_methods_use_the_drawing_the_export_layer_registered() -> None:
    import chrono.chronology.timeline as values
    from chrono.export import figure, to_html

    timeline = build_timeline([ev("a", "2022")])
    assert values._drawing == [values.Drawing(figure, to_html)]  # registered by import chrono
    calls: list[tuple[object, ...]] = []

    def fake_html(t: object, **kw: object) -> str:
        calls.append(("html", t, kw))
        return "<div/>"

    fake = values.Drawing(lambda t, title: calls.append(("figure", t, title)), fake_html)
    saved = list(values._drawing)
    values.register_drawing(fake)
    try:
        timeline.figure("T")
        assert timeline.to_html(plotlyjs="inline") == "<div/>"
        assert timeline._repr_html_() == "<div/>"
    finally:
        values._drawing[:] = saved
    assert calls == [
        ("figure", timeline, "T"),
        ("html", timeline, {"fragment": False, "plotlyjs": "inline", "title": None}),
        ("html", timeline, {"fragment": True, "plotlyjs": "cdn", "title": None}),
    ]


def test_an_unknown_id_in_a_date_or_relation_suggests_the_near_ids() -> None:
    errors = _errors(
        [
            ev("landing", "2022", line=1),
            ev("b", "after @landnig", line=2),
            ev("c", "2023", line=3, after="lnading"),
        ]
    )
    assert sorted(errors) == [
        "events/t.yaml:2: date: unknown event @landnig; did you mean @landing?",
        "events/t.yaml:3: after: unknown event 'lnading'; did you mean 'landing'?",
    ]
