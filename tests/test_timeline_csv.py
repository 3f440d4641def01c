"""timeline.csv cell by cell: every column, and every text cell kept from running as a formula.

docs/events.md: a text cell that a spreadsheet would run as a formula (starting with
`=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe; numbers and
date cells stay as they are. These tests also kill the mutants mutmut found in
chrono/export/timeline_csv.py (docs/development.md).
"""

from __future__ import annotations

import csv
import io

import pytest

from chrono import build_timeline
from chrono.events.event import Event
from chrono.export.timeline_csv import COLUMNS, neutralise, timeline_csv


def rows(*events: Event) -> list[dict[str, str]]:
    data = timeline_csv(build_timeline(list(events)))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_header_names_every_column_in_order() -> None:
    data = timeline_csv(build_timeline([Event("a", "A", "f.yaml", 1, date="2022")]))
    header = data.decode("utf-8").split("\r\n", 1)[0]
    assert header == (
        "position,id,title,lane,date,start_earliest,start_latest,end_earliest,end_latest,"
        "earliest,latest,rank_min,rank_max,precision,source,url,tags,description,quote,file,line,"
        "edtf,edtf_exact"
    )
    assert tuple(header.split(",")) == COLUMNS


def test_rows_end_in_crlf_and_the_text_is_utf8() -> None:
    data = timeline_csv(build_timeline([Event("a", "Goïta — août", "f.yaml", 1, date="2022")]))
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 2
    assert "Goïta — août".encode() in data


def test_every_field_lands_in_its_column() -> None:
    event = Event(
        "embargo",
        "ECOWAS embargo",
        "events/mali.yaml",
        12,
        start="9 January 2022",
        end="3 July 2022",
        lane="Mali",
        tags=("sanctions", "ecowas"),
        source="Anadolu",
        url="https://example.org/a",
        description="Borders closed",
        quote="ECOWAS closed the borders on January 9.",
    )
    [row] = rows(event)
    assert row == {
        "position": "1",
        "id": "embargo",
        "title": "ECOWAS embargo",
        "lane": "Mali",
        "date": "from 9 January 2022 to 3 July 2022",  # start and end as one phrase
        "start_earliest": "2022-01-09",
        "start_latest": "2022-01-09",
        "end_earliest": "2022-07-03",
        "end_latest": "2022-07-03",
        "earliest": "2022-01-09",
        "latest": "2022-07-03",
        "rank_min": "1",
        "rank_max": "1",
        "precision": "day",
        "source": "Anadolu",
        "url": "https://example.org/a",
        "tags": "sanctions; ecowas",
        "description": "Borders closed",
        "quote": "ECOWAS closed the borders on January 9.",
        "file": "events/mali.yaml",
        "line": "12",
        "edtf": "2022-01-09/2022-07-03",  # a span between two days, said exactly
        "edtf_exact": "true",
    }


def test_missing_values_are_empty_cells_and_open_ends_empty_dates() -> None:
    [row] = rows(Event("a", "Since 2020", "f.yaml", 3, date="since 2020"))
    assert row["lane"] == row["source"] == row["url"] == row["tags"] == row["description"] == ""
    assert row["quote"] == ""
    assert row["start_earliest"] == "2020-01-01" and row["start_latest"] == "2020-12-31"
    assert row["end_earliest"] == "2020-01-01" and row["end_latest"] == ""
    assert row["latest"] == ""


def test_an_open_start_is_an_empty_cell() -> None:
    [row] = rows(Event("a", "Before 2021", "f.yaml", 3, date="before 2021"))
    assert (row["start_earliest"], row["start_latest"]) == ("", "2020-12-31")
    assert (row["end_earliest"], row["end_latest"]) == ("", "2020-12-31")
    assert (row["earliest"], row["latest"]) == ("", "2020-12-31")


def test_an_open_end_of_the_start_window_and_a_date_of_events_only() -> None:
    got = rows(
        Event("a", "A", "f.yaml", 1, date="2022"),
        Event("b", "After A", "f.yaml", 2, date="after @a"),  # no date of its own
        Event("c", "After 2021", "f.yaml", 3, date="after 2021"),
    )
    by_id = {r["id"]: r for r in got}
    assert (by_id["b"]["start_earliest"], by_id["b"]["start_latest"]) == ("2022-01-01", "")
    assert by_id["b"]["precision"] == ""  # a date that only names events has none
    assert (by_id["c"]["start_earliest"], by_id["c"]["start_latest"]) == ("2022-01-01", "")
    assert by_id["c"]["precision"] == "year"


def test_windows_and_ranks_of_overlapping_events() -> None:
    got = rows(
        Event("a", "A", "f.yaml", 1, date="2021"),
        Event("b", "B", "f.yaml", 2, date="March 2021"),
        Event("c", "C", "f.yaml", 3, date="2023"),
    )
    assert [(r["id"], r["position"], r["rank_min"], r["rank_max"]) for r in got] == [
        ("a", "1", "1", "2"),
        ("b", "2", "1", "2"),
        ("c", "3", "3", "3"),
    ]
    assert (got[1]["start_earliest"], got[1]["end_latest"]) == ("2021-03-01", "2021-03-31")
    assert got[1]["precision"] == "month" and got[0]["precision"] == "year"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_neutralised(start: str) -> None:
    assert neutralise(start + "SUM(A1)") == "'" + start + "SUM(A1)"


@pytest.mark.parametrize("text", ["SUM(A1)", "a=b", "", "'quoted", " =x", "2022"])
def test_other_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


@pytest.mark.parametrize(
    "column",
    ["id", "title", "lane", "date", "source", "url", "tags", "description", "quote", "file"],
)
def test_every_text_column_is_neutralised(column: str) -> None:
    hostile = "@SUM(1+1)*cmd"
    fields: dict[str, object] = {
        "title": "T",
        "date": "2022",
        "lane": None,
        "tags": (),
        "source": None,
        "url": None,
        "description": None,
        "quote": None,
    }
    event_id, file = "a", "f.yaml"
    if column == "id":
        event_id = "-1"  # an id may start with a digit, not with @; '-' is the formula here
        hostile = "-1"
    elif column == "file":
        file = hostile
    elif column == "tags":
        fields["tags"] = (hostile, "b")
    elif column == "date":
        fields["date"] = "-0499"  # 500 BC, which a spreadsheet would read as minus 499
        hostile = "-0499"
    elif column == "url":
        fields["url"] = "https://example.org/@x"
        hostile = ""
    else:
        fields[column] = hostile
    [row] = rows(Event(event_id, file=file, line=1, **fields))  # type: ignore[arg-type]
    if column == "url":  # an address starts with http: nothing to neutralise, kept exact
        assert row["url"] == "https://example.org/@x"
    elif column == "tags":
        assert row["tags"] == "'" + hostile + "; b"
    elif column == "date":
        assert row["date"] == "'-0499"
        assert row["start_earliest"] == "-0499-01-01"  # a date cell stays exact
    else:
        assert row[column] == "'" + hostile


def test_number_cells_are_not_text() -> None:
    [row] = rows(Event("a", "A", "f.yaml", 7, date="2022"))
    assert (row["position"], row["rank_min"], row["rank_max"], row["line"]) == ("1", "1", "1", "7")
