"""Loading event files: YAML, JSON and CSV (TimelineJS too), every problem with its file:line."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from chrono.days import Day
from chrono.events import files, records, yaml_file
from chrono.events.event import Event
from chrono.events.files import load_folder, load_text
from chrono.events.urls import is_web_address

DATA = Path(__file__).parent / "data" / "events"
FIELD_LIST = (
    "after, before, contains, date, description, during, end, fiscal_year_start, id, lane, "
    "overlaps, "
    "quote, reference, source, start, tags, title, url"
)

Loaded = tuple[list[Event], list[str]]
Folder = Callable[..., Loaded]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folder:
    """Write files under ``events/`` and load the folder as a user would: by its relative name."""
    monkeypatch.chdir(tmp_path)

    def load(**files: str | bytes) -> Loaded:
        for name, content in files.items():
            path = tmp_path / "events" / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        events, problems = load_folder("events")
        return events, [str(problem) for problem in problems]

    return load


def by_id(events: list[Event]) -> dict[str, Event]:
    return {event.id: event for event in events}


def one(text: str, file: str = "e.yaml") -> Event:
    events, problems = load_text(textwrap.dedent(text).lstrip("\n"), file)
    assert problems == [] and len(events) == 1
    return events[0]


def problems_of(text: str, file: str = "e.yaml") -> list[str]:
    return [str(p) for p in load_text(text, file)[1]]


# The sample folders under tests/data/events


def test_valid_folder_of_yaml_json_and_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    events, problems = load_folder("valid")
    assert problems == []
    assert [(e.file, e.line, e.id) for e in events] == [
        ("valid/mali.yaml", 6, "coup-2020"),
        ("valid/mali.yaml", 10, "ecowas-embargo"),
        ("valid/mali.yaml", 15, "norinco-equipment-delivered"),
        ("valid/niger.json", 5, "niger-coup"),
        ("valid/niger.json", 11, "niger-leaves-ecowas"),
        ("valid/sahel.csv", 2, "aes"),
        ("valid/sahel.csv", 4, "wagner-leaves-mali"),
    ]
    found = by_id(events)
    coup = found["coup-2020"]
    assert coup.title == "Goïta's junta takes power" and coup.date == "August 2020"
    assert coup.lane == "Mali" and coup.tags == ("coup", "military")
    assert coup.source == "Mali and China: security assistance and its risks"
    assert coup.reference == Day.from_ymd(2025, 7, 15)
    assert coup.lines == {"reference": 2, "source": 3, "lane": 4, "id": 6, "title": 7, "date": 8,
                          "tags": 9}  # fmt: skip
    embargo = found["ecowas-embargo"]
    assert (embargo.date, embargo.start, embargo.end) == (None, "9 January 2022", "3 July 2022")
    assert embargo.source == "ECOWAS communiqué"  # its own value wins over the file's
    delivery = found["norinco-equipment-delivered"]
    assert delivery.relations == (("after", "coup-2020"),) and delivery.lane == "Mali and China"
    assert found["niger-coup"].relations == (("after", "coup-2020"),)
    leaves = found["niger-leaves-ecowas"]
    assert leaves.date == "2024" and leaves.tags == ("ecowas", "withdrawal")
    assert leaves.url == "https://example.org/niger" and leaves.lane == "Niger"
    assert leaves.lines["date"] == 13
    aes = found["aes"]
    assert aes.description == "Mali, Burkina Faso and Niger\nsign the Liptako-Gourma charter."
    assert aes.tags == ("alliance", "treaty") and aes.relations == (("after", "niger-coup"),)
    assert aes.reference is None and aes.url is None
    wagner = found["wagner-leaves-mali"]
    assert (wagner.start, wagner.end, wagner.description) == ("June 2025", None, None)


def test_file_names_keep_the_path_as_given() -> None:
    events, _ = load_folder(DATA / "valid")
    assert events[0].file == (DATA / "valid" / "mali.yaml").as_posix()
    events, _ = load_folder(str(DATA / "valid" / "niger.json"))  # one file, read alone
    assert [e.id for e in events] == ["niger-coup", "niger-leaves-ecowas"]
    assert events[0].file == (DATA / "valid" / "niger.json").as_posix()


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_and_other_files(
    folder: Folder,
) -> None:
    event = "title: {}\ndate: 2020\n"
    events, problems = folder(
        **{
            "b.yaml": event.format("B"),
            "a__z.yml": event.format("AZ"),
            "a__c.json": '{"title": "AC", "date": "2020"}',
            "a.csv": "title,date\nA,2020\n",
            "notes.txt": "not read",
            ".hidden__x.yaml": event.format("hidden"),
        }
    )
    assert problems == []
    assert [e.file for e in events] == [
        "events/a/c.json", "events/a/z.yml", "events/a.csv", "events/b.yaml",
    ]  # fmt: skip


def test_a_missing_path_is_one_error() -> None:
    events, problems = load_folder("no/such/folder")
    assert events == []
    assert [str(p) for p in problems] == ["no/such/folder:1: no such folder or file"]


# YAML


@pytest.mark.parametrize(
    "written",
    ["2020-08-18", "2022", "-0500", "12:30", "2020-08", "1e3", "yes", "no", "on", "0x1F",
     "0o17", "1_000", "3.10", ".inf", "+12", "2001-12-14t21:59:43.10-05:00"],
)  # fmt: skip
def test_yaml_implicit_typing_never_changes_what_was_written(written: str) -> None:
    event = one(f"title: {written}\ndate: {written}\nlane: {written}\ntags: [{written}]\n")
    assert (event.title, event.date, event.lane, event.tags) == (written, written, written,
                                                                 (written,))  # fmt: skip


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_yaml_pure_python_loader_reads_the_same(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PyLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    event = one("title: -0500\ndate: 2020-08-18\nlane: yes\nurl: ~\ntags: [0x1F, 12:30]\n")
    assert (event.title, event.date, event.lane, event.url, event.tags) == (
        "-0500", "2020-08-18", "yes", None, ("0x1F", "12:30"),
    )  # fmt: skip
    (broken,) = problems_of("title: a\ndate: [b,\n")  # the two parsers word it differently
    assert broken.startswith("e.yaml:3: YAML syntax error: ")
    (control,) = problems_of('title: a\n\ndate: "\x07"\n')
    assert control == (
        "e.yaml:3: YAML syntax error: character U+0007 is not allowed "
        "(write it as an escape in double quotes)"
    )


def test_windows_line_endings_keep_the_lines() -> None:
    yaml_text = "events:\r\n  - title: a\r\n    date: 2020\r\n  - title: b\r\n    date: 2021\r\n"
    assert [e.line for e in load_text(yaml_text, "e.yaml")[0]] == [2, 4]
    json_text = '{"events": [\r\n {"title": "a", "date": 1},\r\n {"title": "b", "date": 2}]}'
    assert [e.line for e in load_text(json_text, "e.json")[0]] == [2, 3]
    csv_text = 'title,date,description\r\na,2020,"x\r\ny"\r\nb,2021,\r\n'
    assert [e.line for e in load_text(csv_text, "e.csv")[0]] == [2, 4]


def test_a_file_of_another_kind_given_alone_is_an_error() -> None:
    assert problems_of("title: a", "e.txt") == [
        "e.txt:1: not an event file: expected .yaml, .yml, .json, .csv, .mw, .parquet"
    ]


def test_yaml_null_tilde_and_empty_are_none_and_leave_the_default() -> None:
    text = """
    lane: Mali
    events:
      - {title: a, date: 2020, lane: null, url: ~}
      - title: b
        date: 2020
        lane: "null"
        description: "~"
        source:
    """
    events, problems = load_text(textwrap.dedent(text), "e.yaml")
    assert problems == []
    assert (events[0].lane, events[0].url, events[1].source) == ("Mali", None, None)
    assert (events[1].lane, events[1].description) == ("null", "~")  # quoted: the text itself


_PLAIN = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .:+/()'-]{0,30}[A-Za-z0-9.)]", fullmatch=True)


@given(_PLAIN.filter(lambda t: ": " not in t and t.lower() not in ("null", "~")))
def test_any_text_written_unquoted_in_yaml_reaches_the_event_unchanged(text: str) -> None:
    event = one(f"title: {text}\ndate: {text}\ndescription: {text}\n")
    assert (event.title, event.date, event.description) == (text, text, text)


@given(st.text(min_size=1).filter(lambda t: t.strip() != ""))
def test_any_text_written_quoted_in_yaml_reaches_the_event_unchanged(text: str) -> None:
    quoted = yaml.safe_dump(text, default_style='"', width=1000).strip()
    assert one(f"title: {quoted}\ndate: 2020\n").title == text


_BREAKS = "\n\r\x85\u2028\u2029"  # single quotes fold line breaks: YAML, not the loader


@given(st.text(min_size=1).filter(lambda t: t.strip() != "" and not set(t) & set(_BREAKS)))
def test_any_text_written_single_quoted_in_yaml_reaches_the_event_unchanged(text: str) -> None:
    single = yaml.safe_dump(text, default_style="'", allow_unicode=True, width=1000).strip()
    assert one(f"title: x\ndate: {single}\n").date == text


def test_yaml_one_event_per_file_and_several_documents() -> None:
    text = """
    title: Alone
    date: 2020
    ---
    # a second document, with its own defaults
    lane: Second
    events:
      - {title: In the second, date: 2021}
    ---
    ---
    lane: Third
    events: []
    """
    events, problems = load_text(textwrap.dedent(text).lstrip("\n"), "e.yaml")
    assert problems == []
    assert [(e.id, e.line, e.lane) for e in events] == [
        ("alone", 1, None), ("in-the-second", 7, "Second"),
    ]  # fmt: skip


def test_yaml_anchors_aliases_and_merge_keys() -> None:
    text = """
    base: &base {lane: Mali, tags: [sahel]}
    events:
      - &first
        title: First
        date: 2020
      - <<: *first
        title: Second
      - <<: [{lane: Niger}, {lane: Chad, date: 2021}]
        title: Third
      - recursive: &loop [*loop]
        title: Fourth
        date: 2022
    """
    events, problems = load_text(textwrap.dedent(text).lstrip("\n"), "e.yaml")
    found = by_id(events)
    assert found["second"].date == "2020" and found["second"].lines["date"] == 5
    assert (found["third"].lane, found["third"].date) == ("Niger", "2021")
    assert "fourth" in found
    assert [str(p) for p in problems] == [
        "e.yaml:1: warning: unknown field 'base' (expected one of: description, events, "
        "fiscal_year_start, lane, reference, source, tags, url)",
        f"e.yaml:10: warning: unknown field 'recursive' (expected one of: {FIELD_LIST})",
    ]


def test_yaml_duplicate_keys_and_non_text_keys_are_errors() -> None:
    assert problems_of("title: a\ndate: 2020\ntitle: b\n[x]: 1\n") == [
        "e.yaml:3: duplicate field 'title' (first at line 1)",
        "e.yaml:4: a field name must be text, not a list",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: a\ndate: b: c\n",
         "2: YAML syntax error: mapping values are not allowed in this context, column 8"),
        ("events:\n  - title: [open\n    date: 2020\n",
         "3: YAML syntax error: did not find expected ',' or ']', column 9 "
         "(while parsing a flow sequence from line 2)"),
        ("title: a\ndate: *nowhere\n", "2: YAML syntax error: found undefined alias, column 7"),
        ("title: a\n\ndate: \"\x07\"\n",
         "3: YAML syntax error: character U+0007 is not allowed "
         "(write it as an escape in double quotes)"),
    ],
)  # fmt: skip
def test_yaml_syntax_errors_give_one_problem_at_their_line(text: str, problem: str) -> None:
    assert problems_of(text) == [f"e.yaml:{problem}"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- title: a\n", "1: expected one event (a mapping with 'title') or a document with "
                         "'events', not a list"),
        ("just text\n", "1: expected one event (a mapping with 'title') or a document with "
                        "'events', not text"),
        ("events: {title: a}\n", "1: 'events' must be a list of events, not a mapping"),
        ("events:\n  - {title: a, date: 2020}\n  - oops\n",
         "3: each item of 'events' must be an event (a mapping), not text"),
        ("events:\n  - {title: a, date: 2020}\n  -\n",
         "3: warning: empty item in 'events' (ignored)"),
        ("# only a comment\n", "1: warning: no events in this file"),
    ],
)  # fmt: skip
def test_yaml_shapes_of_a_file(text: str, problem: str) -> None:
    assert problems_of(text) == [f"e.yaml:{problem}"]


# JSON


def test_json_lines_of_events_and_fields_and_numbers_as_text() -> None:
    text = """
    {"lane": "Mali",
     "events": [
       {"title": "One", "date": 2022},
       {
         "title": "Two",
         "start": -500, "end": 1.5e3,
         "tags": ["a", 7, true, null],
         "description": false
       },
       {"title": "Three", "before": "@one", "after": ["two"]}
     ]}
    """
    events, problems = load_text(textwrap.dedent(text).lstrip("\n"), "e.json")
    assert problems == []
    one_, two, three = events
    assert (one_.line, one_.date, one_.lines) == (3, "2022", {"lane": 1, "title": 3, "date": 3})
    assert (two.line, two.start, two.end, two.tags, two.description) == (
        4, "-500", "1.5e3", ("a", "7", "true"), "false",
    )  # fmt: skip
    assert two.lines == {"lane": 1, "title": 5, "start": 6, "end": 6, "tags": 7, "description": 8}
    assert three.relations == (("before", "one"), ("after", "two"))


def test_json_one_event_per_file() -> None:
    event = one('\ufeff{"id": "x", "title": "X", "date": "2020"}', "e.json")
    assert (event.id, event.line) == ("x", 1)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{\n  "title": "a"\n  "date": "2020"\n}', "3: JSON syntax error: Expecting ',' delimiter, "
                                                   "column 3"),
        ('{"title": "a",\n "date": "2020",\n}', "3: JSON syntax error: Expecting property name "
                                                "enclosed in double quotes, column 1"),
        ("\n\n", "3: JSON syntax error: Expecting value, column 1"),
        ('{"title": "a", "date": "2020"}\n{}', "2: JSON syntax error: Extra data, column 1"),
        ('{"title": "a",\n "date": "2020",\n "title": "b"}',
         "3: duplicate field 'title' (first at line 1)"),
        ('{"title": {"text": "a"},\n "date": ["2020"]}', "1: 'title' must be text, not a mapping"),
        ('[{"title": "a"}]', "1: expected one event (a mapping with 'title') or a document with "
                             "'events', not a list"),
    ],
)  # fmt: skip
def test_json_problems_at_their_line(text: str, problem: str) -> None:
    found = problems_of(text, "e.json")
    assert found[0] == f"e.json:{problem}"


# CSV


def test_csv_rows_lists_empty_cells_and_multiline_cells() -> None:
    text = (
        "\ufeff ID ,Title,Date,Tags,After,Before,Description,Colour\n"
        'a,First,2020,x; y ;;z,,,"one\ntwo\nthree",red\n'
        ",Second,,,a;@b,,,\n"
        "\n"
        'b,Third,2021,,,,"""quoted""",\n'
    )
    events, problems = load_text(text, "e.csv")
    assert [str(p) for p in problems] == [
        "e.csv:1: warning: unknown column 'Colour' (expected one of: "
        f"{FIELD_LIST}, or a TimelineJS column such as 'Year' or 'Headline')",
    ]
    first, second, third = events
    assert (first.id, first.line, first.tags, first.description) == (
        "a", 2, ("x", "y", "z"), "one\ntwo\nthree",
    )  # fmt: skip
    assert (second.id, second.line, second.date, second.relations) == (
        "second", 5, None, (("after", "a"), ("after", "b")),
    )  # fmt: skip
    assert second.lines == {"title": 5, "after": 5}
    assert (third.line, third.description) == (7, '"quoted"')


def test_csv_header_problems_and_extra_cells() -> None:
    text = "title,Headline,date\nA,B,2020,surplus\n"
    assert problems_of(text, "e.csv") == [
        "e.csv:1: two columns give 'title'; the second, 'Headline', is ignored",
        "e.csv:2: warning: more cells than the header has columns (ignored)",
    ]


def test_csv_syntax_error_has_its_line() -> None:
    text = "title,date\nA,2020\n" + "B," + "x" * (200 * 1024) + "\n"
    assert problems_of(text, "e.csv") == [
        "e.csv:3: CSV syntax error: field larger than field limit (131072)"
    ]


def test_timelinejs_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    events, problems = load_folder("timelinejs")
    assert problems == []  # Media, Time, Display Date, Background: ignored without a word
    assert [(e.id, e.line, e.date, e.start, e.end, e.lane) for e in events] == [
        ("nok-terracottas", 3, "-0499", None, None, "West Africa"),  # 500 BC, astronomical -499
        ("kouroukan-fouga", 4, "1235", None, None, "Mali Empire"),
        ("coup-in-bamako", 5, "2012-03-22", None, None, "Mali"),
        ("ecowas-embargo", 6, None, "2022-01-09", "2022-07-03", "Mali"),
    ]  # the title row (Type "title") is not an event
    assert events[0].title == "Nok terracottas"
    assert events[0].description == "Figures from the Nok culture"
    assert events[3].description == "Imposed in January,\nlifted in July"


@pytest.mark.parametrize(
    ("year", "month", "day", "date"),
    [("-1", "", "", "0000"), ("1", "", "", "0001"), ("-44", "3", "15", "-0043-03-15"),
     ("33", "4", "", "0033-04"), ("-12000", "", "", "Y-11999"), ("+2022", "01", "9", "2022-01-09")],
)  # fmt: skip
def test_timelinejs_years_are_historical(year: str, month: str, day: str, date: str) -> None:
    assert one(f"Headline,Year,Month,Day\nX,{year},{month},{day}\n", "e.csv").date == date


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("0,,,,", "'Year' 0: TimelineJS has no year 0 (1 BC is -1)"),
        ("2020,13,,,", "'Month' must be a number from 1 to 12, not '13'"),
        ("2020,1,x,,", "'Day' must be a number from 1 to 31, not 'x'"),
        ("about 2020,,,,", "'Year' must be a whole number, not 'about 2020'"),
        (",3,,,", "'Month' without 'Year'"),
        ("2020,,5,,", "'Day' without 'Month'"),
        ("2020,,,,2020-01", "both the 'Year' columns and 'date'/'start'/'end': give one"),
        ("12000,5,,,", "'Year' 12000 with a month: give the year alone"),
    ],
)
def test_timelinejs_date_problems(row: str, problem: str) -> None:
    text = f"Headline,Year,Month,Day,End Year,date\nX,{row}\n"
    assert problems_of(text, "e.csv")[0] == f"e.csv:2: {problem}"


def test_timelinejs_end_columns() -> None:
    assert problems_of("Headline,Year,End Month\nX,2020,3\n", "e.csv") == [
        "e.csv:2: 'End Month' or 'End Day' without 'End Year'"
    ]
    assert problems_of("Headline,End Year\nX,2020\n", "e.csv") == [
        "e.csv:2: 'End Year' without 'Year'"
    ]


# Fields and checks


def test_ids_from_titles_are_slugs_made_unique_in_reading_order(folder: Folder) -> None:
    events, problems = folder(
        **{
            "a.yaml": """
            events:
              - {title: "Goïta’s coup, Bamako!", date: 2020}
              - {title: Goïta's coup Bamako, date: 2020}
              - {title: 北京, date: 2020}
              - {title: 東京, date: 2020}
              - {title: Coup, date: 2020}
            """,
            "b.yaml": "id: coup\ntitle: Explicit\ndate: 2020\n",
            "c.csv": "title,date\nCoup,2021\n" + "A very " * 12 + "long title,2022\n",
        }
    )
    assert problems == []
    assert [e.id for e in events] == [
        "goitas-coup-bamako", "goitas-coup-bamako-2", "event", "event-2", "coup-2",
        "coup", "coup-3", "a-very-a-very-a-very-a-very-a-very-a-very-a-very-a-very-a",
    ]  # fmt: skip


def test_duplicate_explicit_ids_across_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    events, problems = load_folder("duplicates")
    assert [str(p) for p in problems] == [
        "duplicates/b.yaml:2: duplicate id 'coup' (first at duplicates/a.yaml:2)"
    ]
    assert [(e.id, e.title) for e in events] == [("coup", "The coup"), ("the-coup", "The coup")]


def test_explicit_ids_may_hold_letters_digits_and_some_marks() -> None:
    assert one("id: Coup_2020.v2:a-b\ntitle: x\ndate: 2020\n").id == "Coup_2020.v2:a-b"
    assert one("id: 2020\ntitle: x\ndate: 2020\n").id == "2020"
    assert problems_of("title: x\ndate: 2020\nid: -x\n") == [
        "e.yaml:3: bad id '-x': an id starts with a letter, digit or '_' and holds only those, "
        "'-', '.' and ':'"
    ]


def test_relations_take_one_id_or_a_list_in_field_order() -> None:
    event = one(
        """
        title: x
        overlaps: [a, "@b"]
        before: c
        during: "@d; e"
        contains: [f]
        after: g
        """
    )
    assert event.relations == (
        ("overlaps", "a"), ("overlaps", "b"), ("before", "c"), ("during", "d"),
        ("during", "e"), ("contains", "f"), ("after", "g"),
    )  # fmt: skip
    assert event.date is None  # a relation alone dates an event
    assert problems_of("title: x\nafter: [a, b c]\n") == [
        "e.yaml:2: 'after': 'b c' is not an event id (an id starts with a letter, digit or '_' "
        "and holds only those, '-', '.' and ':')"
    ]


def test_tags_are_text_or_a_list() -> None:
    assert one("title: x\ndate: 1\ntags: a, b; c\n").tags == ("a", "b", "c")
    assert one("title: x\ndate: 1\ntags: [a, b, a, ' ']\n").tags == ("a", "b")
    assert one("title: x\ndate: 1\ntags: single\n").tags == ("single",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("date: 2020\nid: x\n", "1: event has no 'title'"),
        ("title: ' '\ndate: 2020\n", "1: event has no 'title'"),
        ("title: [a, b]\ndate: 2020\n", "1: 'title' must be text, not a list"),
        ("title: a\ndate: {year: 2020}\n", "2: 'date' must be text, not a mapping"),
        ("title: a\ndate: 2020\ntags: {a: 1}\n", "3: 'tags' must be text or a list, not a mapping"),
        ("title: a\ndate: 2020\ntags:\n  - a\n  - [b]\n", "5: 'tags' must list text, not a list"),
        ("title: a\n", "1: no date: expected 'date', or 'start' and 'end', or a relation"),
        ("title: a\nend: 2020\n", "2: 'end' without 'start'"),
        ("title: a\nstart: 2019\ndate: 2020\n",
         "3: both 'date' and 'start'/'end': give one or the other"),
        ("title: a\ndate: 2020\nreference: 2025-13-01\n",
         "3: bad 'reference': cannot read '2025-13-01' at position 5: "
         "a reference date as YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_field_errors_name_their_line(text: str, problem: str) -> None:
    events, problems = load_text(text, "e.yaml")
    assert [str(p) for p in problems] == [f"e.yaml:{problem}"]
    assert events == []  # an event with an error is left out


def test_start_alone_or_with_end_is_a_date() -> None:
    assert one("title: a\nstart: 2019\n").start == "2019"
    assert one("title: a\nstart: 2019\nend: 2020\n").end == "2020"


def test_unknown_fields_are_warnings_and_the_event_is_kept() -> None:
    events, problems = load_text("title: a\ndate: 2020\ncolour: red\ntitel: b\n", "e.yaml")
    assert len(events) == 1
    assert [str(p) for p in problems] == [
        f"e.yaml:3: warning: unknown field 'colour' (expected one of: {FIELD_LIST})",
        f"e.yaml:4: warning: unknown field 'titel' (expected one of: {FIELD_LIST}; "
        "did you mean 'title'?)",
    ]


def test_references_file_level_and_per_event() -> None:
    text = """
    reference: 2025-07-15
    events:
      - {title: a, date: May 12}
      - {title: b, date: May 12, reference: 2024-01-31}
    """
    a, b = load_text(textwrap.dedent(text), "e.yaml")[0]
    assert (a.reference, b.reference) == (Day.from_ymd(2025, 7, 15), Day.from_ymd(2024, 1, 31))
    assert (a.line_of("reference"), b.line_of("reference")) == (2, 5)
    events, problems = load_text("reference: soon\nevents:\n  - {title: a, date: 2020}\n", "e.yaml")
    assert [str(p) for p in problems] == [
        "e.yaml:1: bad 'reference': cannot read 'soon' at position 0: "
        "a reference date as YYYY-MM-DD"
    ]  # reported once, at the file-level line
    assert events[0].reference is None


def test_defaults_and_overrides() -> None:
    text = """
    lane: L
    source: S
    tags: [t]
    url: https://example.org
    description: D
    events:
      - {title: a, date: 2020}
      - {title: b, date: 2020, lane: M, source: T, tags: u, url: "http://v.org", description: E}
    """
    a, b = load_text(textwrap.dedent(text), "e.yaml")[0]
    assert (a.lane, a.source, a.tags, a.url, a.description) == (
        "L", "S", ("t",), "https://example.org", "D",
    )  # fmt: skip
    assert (b.lane, b.source, b.tags, b.url, b.description) == (
        "M", "T", ("u",), "http://v.org", "E",
    )  # fmt: skip
    assert a.lines["lane"] == 2 and b.lines["lane"] == 9


def test_a_bad_default_is_reported_once() -> None:
    text = "lane: [a, b]\ncolour: red\nevents:\n  - {title: a, date: 1}\n  - {title: b, date: 2}\n"
    events, problems = load_text(text, "e.yaml")
    assert [str(p) for p in problems] == [
        "e.yaml:1: 'lane' must be text, not a list",
        "e.yaml:2: warning: unknown field 'colour' (expected one of: description, events, "
        "fiscal_year_start, lane, reference, source, tags, url)",
    ]
    assert [e.lane for e in events] == [None, None]


# Several bad files in one run


def test_every_problem_of_every_file_in_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    events, problems = load_folder("broken")
    assert [str(p) for p in problems] == [
        "broken/a-syntax.yaml:5: YAML syntax error: did not find expected ',' or ']', column 9 "
        "(while parsing a flow sequence from line 4)",
        "broken/b-syntax.json:3: JSON syntax error: Expecting ',' delimiter, column 3",
        "broken/c-latin1.csv:3: not UTF-8 text: byte 0xe9 cannot be read (save as UTF-8)",
        "broken/d-fields.yaml:1: bad 'reference': cannot read 'not a date' at position 0: "
        "a reference date as YYYY-MM-DD",
        "broken/d-fields.yaml:3: event has no 'title'",
        "broken/d-fields.yaml:4: bad id 'bad id!': an id starts with a letter, digit or '_' and "
        "holds only those, '-', '.' and ':'",
        "broken/d-fields.yaml:8: both 'date' and 'start'/'end': give one or the other",
        "broken/d-fields.yaml:10: no date: expected 'date', or 'start' and 'end', or a relation",
        "broken/d-fields.yaml:11: 'title' must be text, not a mapping",
        f"broken/d-fields.yaml:15: warning: unknown field 'colour' (expected one of: {FIELD_LIST})",
    ]
    assert [e.title for e in events] == ["Unknown field", "A good event among bad files"]


def test_bom_is_tolerated_in_every_format(folder: Folder) -> None:
    bom = b"\xef\xbb\xbf"
    events, problems = folder(
        **{
            "a.yaml": bom + b"title: A\ndate: 2020\n",
            "b.json": bom + b'{"title": "B", "date": "2020"}',
            "c.csv": bom + b"title,date\nC,2020\n",
        }
    )
    assert problems == [] and [e.title for e in events] == ["A", "B", "C"]


def test_not_utf8_names_the_line_and_the_folder_goes_on(folder: Folder) -> None:
    events, problems = folder(
        **{"a.yaml": b"title: A\n\ndate: caf\xe9\n", "b.yaml": "title: B\ndate: 2020\n"}
    )
    assert problems == ["events/a.yaml:3: not UTF-8 text: byte 0xe9 cannot be read (save as UTF-8)"]
    assert [e.title for e in events] == ["B"]


def test_json_round_trip_of_any_text() -> None:
    text = 'mixed "quotes", ümlauts, tabs\t and\nnewlines'
    event = one(json.dumps({"title": text, "date": text}), "e.json")
    assert (event.title, event.date) == (text, text)


# Bad, hostile and huge input (the whole corpus runs in test_bad_inputs.py)


@pytest.mark.parametrize(
    "url",
    ["https://example.org", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG:8443/x",
     "https://[::1]/", "https://user@example.org/", "https://例え.jp/パス"],
)  # fmt: skip
def test_urls_on_the_web_are_taken(url: str) -> None:
    assert is_web_address(url)
    assert one(f"title: x\ndate: 2020\nurl: '{url}'\n").url == url


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd",
     "//evil.example", "evil.example", "/relative", "../up", "https://", "https:///path",
     "https://example.org:99999/", "https://exa mple.org", "https://example.org/\x00",
     "https://example.org/\u202eoops", "https:\\\\evil.example", "mailto:a@example.org",
     "ftp://example.org", " https://example.org"],
)  # fmt: skip
def test_urls_that_are_not_web_addresses_are_errors_at_their_line(url: str) -> None:
    assert not is_web_address(url)
    text = json.dumps({"title": "x", "date": "2020", "url": url}).replace(", ", ",\n")
    assert problems_of(text, "e.json") == [
        f"e.json:3: url must be an http or https address, not {url!r}"
    ]


def test_a_bad_default_url_is_reported_once_and_not_inherited() -> None:
    text = "url: javascript:x\nevents:\n  - {title: a, date: 1}\n  - {title: b, date: 2}\n"
    events, problems = load_text(text, "e.yaml")
    assert [str(p) for p in problems] == [
        "e.yaml:1: url must be an http or https address, not 'javascript:x'"
    ]
    assert [e.url for e in events] == [None, None]


def test_long_values_are_cut_in_messages() -> None:
    long = "x" * 10_000
    cut = "'" + "x" * 77 + "...'"
    assert problems_of(f'{{"title": "a", "date": "1",\n"{long}": 1,\n"{long}": 2}}', "e.json") == [
        f"e.json:2: warning: unknown field {cut} (expected one of: {FIELD_LIST})",
        f"e.json:3: duplicate field {cut} (first at line 2)",
    ]
    assert problems_of(f"id: {long}\ntitle: a\ndate: 2020\nafter: [b, '@{long}']\n") == [
        f"e.yaml:1: bad id {cut}: an id has at most 200 characters",
        f"e.yaml:4: 'after': '@{'x' * 76}...' is not an event id (an id has at most 200 "
        "characters)",
    ]
    assert problems_of(f"title,{long}\na,b\n", "e.csv")[0].startswith(
        f"e.csv:1: warning: unknown column {cut} (expected"
    )


def test_ids_up_to_the_limit_are_taken() -> None:
    assert one(f"id: {'x' * 200}\ntitle: a\ndate: 2020\n").id == "x" * 200


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: a\n\tdate: 2020\n",
         "2: YAML syntax error: a tab in the indentation, column 1 (indent with spaces)"),
        ("events:\n  - title: a\n  \tdate: 2020\n",
         "3: YAML syntax error: a tab in the indentation, column 3 (indent with spaces)"),
        ("title: a\ndate: 2020\ndescription: |\n  x\n\ty\n",
         "5: YAML syntax error: a tab in the indentation, column 1 (indent with spaces)"),
    ],
)  # fmt: skip
def test_tabs_in_yaml_indentation_say_so(
    loader: str, text: str, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PyLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    assert problems_of(text) == [f"e.yaml:{problem}"]
    assert one("title: a\ndate: 2020\ndescription: |\n  x\n  \ty\n").description == "x\n\ty\n"
    assert problems_of("title:\ta\ndate: 2020\n") == (
        [] if loader == "libyaml"  # PyYAML's own scanner takes no tab after a key
        else ["e.yaml:1: YAML syntax error: a tab, column 7 (YAML separates with spaces)"]
    )  # fmt: skip


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_nesting_is_refused_past_the_limit_in_yaml_and_json(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PyLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    deep = "nested too deeply (more than 100 lists and mappings inside each other)"
    inside = "[" * 99 + "]" * 99  # with the event's mapping, 100 deep
    assert problems_of(f"title: a\ndate: 2020\nnotes: {inside}\n") == [
        f"e.yaml:3: warning: unknown field 'notes' (expected one of: {FIELD_LIST})"
    ]
    assert problems_of(f"title: a\ndate: 2020\nnotes: [{inside}]\n") == [f"e.yaml:3: YAML {deep}"]
    text = f'{{"title": "a", "date": "2020",\n"notes": {inside}, "s": "[[[[{"[" * 200}"}}'
    assert problems_of(text, "e.json")[0].startswith("e.json:2: warning: unknown field 'notes'")
    text = f'{{"title": "a", "date": "2020",\n"notes": [{inside}]}}'
    assert problems_of(text, "e.json") == [f"e.json:2: JSON {deep}"]


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_aliases_may_add_as_many_values_as_the_file_writes(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PyLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(yaml_file, "MAX_ALIAS_VALUES", 100)  # 100,000 in test_hostile_files
    written = f"title: a\ndate: 2020\nmany: &many [{', '.join(['x'] * 150)}]\nagain: *many\n"
    assert [p.message for p in load_text(written, "e.yaml")[1]][-1].startswith("unknown field")
    assert problems_of(written + "thrice: *many\n") == [
        "e.yaml:5: YAML aliases expand too far (more than 159 values): *many repeats too much "
        "(write the values out instead)"
    ]
    # each *a adds three values (the list and its two items): 6 on line 2, 102 on line 34
    assert problems_of("a: &a [x, x]\nb: [*a, *a]\n" + "c: [*a]\n" * 48) == [
        "e.yaml:34: YAML aliases expand too far (more than 100 values): *a repeats too much "
        "(write the values out instead)"
    ]


def test_merges_of_merges_are_bounded() -> None:
    lines = ["m0: &m0 {f0: x}"] + [f"m{i}: &m{i} {{<<: *m{i - 1}, f{i}: x}}" for i in range(1, 102)]
    text = "\n".join([*lines, "title: a", "date: 2020", "<<: *m101", ""])
    assert "e.yaml:2: '<<' merges nested more than 100 deep" in problems_of(text)


def test_lone_carriage_returns_end_lines_too() -> None:
    assert [e.line for e in load_text("events:\r  - {title: a, date: 1}\r  - {title: b, date: 2}\r",
                                      "e.yaml")[0]] == [2, 3]  # fmt: skip
    json_text = '{"events": [\r {"title": "a", "date": 1},\r {"title": "b", "date": 2}]}'
    assert [e.line for e in load_text(json_text, "e.json")[0]] == [2, 3]
    csv_text = 'title,date,description\ra,2020,"x\r\ny"\rb,2021,\r'
    events = load_text(csv_text, "e.csv")[0]
    assert [(e.line, e.description) for e in events] == [(2, "x\ny"), (4, None)]


def test_utf16_and_bytes_that_are_not_utf8(folder: Folder) -> None:
    _events, problems = folder(
        **{"a.yaml": "title: A\ndate: 2020\n".encode("utf-16"), "b.csv": b"title\r\nB\r\n\xff\r\n"}
    )
    assert problems == [
        "events/a.yaml:1: not UTF-8 text: the file is UTF-16 (save as UTF-8)",
        "events/b.csv:3: not UTF-8 text: byte 0xff cannot be read (save as UTF-8)",
    ]


def test_files_over_the_size_limit_are_refused_before_reading(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1024)
    event = b"title: A\ndate: 2020\n"
    events, problems = folder(**{"a.yaml": event.ljust(1024), "b.yaml": event.ljust(1025)})
    assert [e.title for e in events] == ["A"]
    assert problems == [
        "events/b.yaml:1: file too large: 0.0 MB, over the 0 MB limit for one event file "
        "(split it into several)"
    ]
    assert [str(p) for p in load_text(event.decode().ljust(1025), "e.yaml")[1]] == [
        problems[0].replace("events/b.yaml", "e.yaml")
    ]


# Hardening: lone surrogates, FIFOs, the JSON nesting scan

LONE = "a lone surrogate \\u{} (half of a UTF-16 pair, not a character)"


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("e.json", '{"title": "t",\n "date": "2020",\n "lane": "a\\ud800b"}'),
        ("e.json", '{"title": "t",\n "date": "2020",\n "tags": ["x", "\\uD800"]}'),
        (
            "e.json",
            '{"title": "t",\n "date": "2020",\n "lane": "\\ud83d\\ude00 \\ude00\\ud800"}',
        ),  # a pair, then two halves
        ("e.csv", "title,date\nt,2020\nu,2021 \ud800\n"),  # raw: only a str can hold one
        ("e.yaml", "title: t\ndate: 2020\nlane: \ud800\n"),
    ],
)
def test_a_lone_surrogate_is_an_error_at_its_line(file: str, text: str) -> None:
    _events, problems = load_text(text, file)
    half = "de00" if "\\ude00\\ud800" in text else "d800"
    assert [str(p) for p in problems] == [
        f"{file}:3: {LONE.format(half)}: write the character itself"
    ]


@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_a_lone_surrogate_escape_in_yaml_is_an_error(
    loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_file, "_Loader", yaml_file._PyLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    (problem,) = problems_of('title: t\ndate: 2020\nlane: "a\\uD800b"\n')
    assert problem.startswith("e.yaml:3: ")  # libyaml refuses the escape itself
    lone = f"{LONE.format('d800')}: write the character itself"
    refused = "invalid Unicode character escape code, column 11 (while parsing a quoted scalar)"
    assert problem.endswith(lone if loader == "python" else refused)
    if loader == "python":  # a pair written as two escapes is one character (libyaml refuses it)
        assert (
            one('title: "\\uD83D\\uDE00 \\U0001F600"\ndate: 2020\n').title
            == "\U0001f600 \U0001f600"
        )


def test_a_surrogate_pair_in_json_is_its_character() -> None:
    assert one('{"title": "\\ud83d\\ude00", "date": "2020"}', "e.json").title == "\U0001f600"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_with_a_warning_and_never_opened(folder: Folder, tmp_path: Path) -> None:
    (tmp_path / "events" / "sub").mkdir(parents=True)
    os.mkfifo(tmp_path / "events" / "sub" / "pipe.yaml")
    os.mkfifo(tmp_path / "events" / "hidden.txt")  # not an event file's name: not mentioned
    # were it opened, the read would wait for a writer forever; nothing writes to it
    events, problems = folder(**{"a.yaml": "title: A\ndate: 2020\n"})
    assert [e.title for e in events] == ["A"]
    skipped = "skipped: a FIFO (named pipe), not a regular file"
    assert problems == [f"events/sub/pipe.yaml:1: warning: {skipped}"]
    # named on its own, too
    events, named = load_folder(tmp_path / "events" / "sub" / "pipe.yaml")
    assert events == [] and [p.message for p in named] == [skipped]


def _depths(text: str) -> int:
    """The deepest nesting of brackets outside strings, walking one character at a time."""
    depth = deepest = 0
    inside = escaped = False
    for char in text:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


@given(st.text(alphabet='"\\[]{}a\n', max_size=300))
def test_the_json_nesting_scan_reads_each_character_once(text: str) -> None:
    from chrono.events import json_file

    # the string pattern cannot fail once it has met a quote: no scan backs up and
    # starts again at a later quote, so every match is read once and the scan is linear
    for at in (i for i, char in enumerate(text) if char == '"'):
        assert json_file._STRINGS.match(text, at) is not None
    # and it finds the nesting a plain walk finds
    brackets = json_file._NOT_BRACKETS.sub("", json_file._STRINGS.sub("", text))
    depth = high = 0
    for char in brackets:
        depth += json_file._STEP[char]
        high = max(high, depth)
    assert high == _depths(text)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 101 + '"' + '\\"' * 40_000,  # the reproduction: 80 KB
        '["' + "[{" * 50_000 + '\\"' * 50_000,  # brackets inside an unclosed string: 200 KB
    ],
)
def test_json_reproductions_scan_each_character_once(text: str) -> None:
    from chrono.events import json_file

    quotes = [i for i, char in enumerate(text) if char == '"']
    # every match starts where the previous one ended: the scan never reads a character twice
    spans = [m.span() for m in json_file._STRING_OR_BRACKET.finditer(text)]
    assert sum(b - a for a, b in spans) <= len(text)
    assert all(json_file._STRINGS.match(text, at) for at in quotes[:1000])


def _composed(text: str) -> list[object]:
    """The records the tree path gives (what every file got before the direct path)."""
    roots, written = yaml_file._compose_all(text)
    composer = yaml_file._Composer("f", max(written, 100_000))
    return [
        records.Field(composer.value(root, 0), root.line)
        for root in roots
        if not (isinstance(root, yaml_file._Scalar) and root.kind == yaml_file._NULL_KIND)
    ]


YAML_FILES = sorted(path for path in (DATA.parent).rglob("*") if path.suffix in (".yaml", ".yml"))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.name)
def test_yaml_read_without_a_tree_gives_the_composed_records(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        composed = _composed(text)
    except (yaml.YAMLError, yaml_file._Refused, RecursionError):
        return  # a broken file: both paths report it the same way (read_yaml's handlers)
    try:
        direct = yaml_file._direct(text)
    except yaml_file._Restart:
        return  # anchors, merges, odd keys: read by the tree
    assert direct == composed


@given(
    st.recursive(
        st.none() | st.text(alphabet="ab :-#\n'\"", max_size=6),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(alphabet="ab", max_size=3), inner, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_yaml_read_without_a_tree_agrees_on_any_shape(value: object) -> None:
    text = yaml.safe_dump(value, default_flow_style=False)
    try:
        direct = yaml_file._direct(text)
    except yaml_file._Restart:
        return
    assert direct == _composed(text)
    assert yaml_file.read_yaml(text, "f") == (direct, [])


def test_yaml_tags_say_null_or_text_whatever_the_value() -> None:
    text = (
        "events:\n  - {title: a, date: 2020, lane: !!str null, source: !!null x, tags: [!!str ~]}\n"
    )
    (event,) = load_text(text, "e.yaml")[0]
    assert (event.lane, event.source, event.tags) == ("null", None, ("~",))


def test_problems_of_one_line_come_unknown_fields_first_then_bad_values() -> None:
    text = "events:\n  - {title: a, url: ftp://x, colour: red, date: 2020}\n"
    assert problems_of(text) == [
        f"e.yaml:2: warning: unknown field 'colour' (expected one of: {FIELD_LIST})",
        "e.yaml:2: url must be an http or https address, not 'ftp://x'",
    ]


def test_csv_short_rows_blank_rows_and_rows_blank_at_first() -> None:
    text = "id,title,date,lane\na, First ,2020\n , ,\t,\n,Second,2021 ,  \n"
    events, problems = load_text(text, "e.csv")
    assert problems == []
    assert [(e.id, e.title, e.date, e.lane, e.line) for e in events] == [
        ("a", "First", "2020", None, 2),
        ("second", "Second", "2021", None, 4),
    ]
