"""chrono extract: mentions in running text, resolved as extract.md says, and drafts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from chrono import build_timeline
from chrono.events.files import load_text
from chrono.extract import extract
from chrono.extract.draft import as_yaml, drafts

ROOT = Path(__file__).resolve().parent.parent
# The example article: a dateline, and dates like the ones analysts meet in news
# ("August 2020", "from March to June 2022", "May 12" then "Monday", "since ...").
ARTICLE = ROOT / "examples" / "article.txt"

Found = list[tuple[str, str | None, str | None]]


def found(text: str, reference: str | None = "2025-07-15") -> Found:
    out: Found = []
    for m in extract(text, reference).mentions:
        if m.interval is None:
            out.append((m.text, None, None))
        else:
            first, last = m.interval.earliest, m.interval.latest
            out.append((m.text, first and first.isoformat(), last and last.isoformat()))
    return out


def test_the_example_article_gives_exactly_its_dates() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    mentions = extract(text, "2025-07-15").mentions
    expected = [
        "July 15, 2025",
        "August 2020",
        "from March to June 2022",
        "March",
        "June 2022",
        "September 2024",
        "May 12",
        "Monday",
        "since August 2020",
        "August 2020",
    ]
    assert [text[m.start : m.end] for m in mentions] == expected
    assert [m.text for m in mentions] == expected
    assert found(text) == [
        ("July 15, 2025", "2025-07-15", "2025-07-15"),  # the dateline
        ("August 2020", "2020-08-01", "2020-08-31"),
        ("from March to June 2022", "2022-03-01", "2022-06-30"),
        ("March", "2022-03-01", "2022-03-31"),  # the first end borrows the second's year
        ("June 2022", "2022-06-01", "2022-06-30"),
        ("September 2024", "2024-09-01", "2024-09-30"),
        ("May 12", "2025-05-12", "2025-05-12"),  # nearest the reference, in the past
        ("Monday", "2025-05-12", "2025-05-12"),  # the Monday of the day just mentioned
        ("since August 2020", "2020-08-01", None),  # ongoing
        ("August 2020", "2020-08-01", "2020-08-31"),
    ]
    # "$4 million", "300 kilometers", "140 passengers", "twelve-year", "twenty minutes"
    # and "2,000 reais" are numbers, not dates: none of them is a mention above.


@pytest.mark.parametrize(
    "text",
    [
        "More than 2,000 people marched.",
        "He paid $1998 for it.",
        "It lasted for three years.",
        "They met at 10:30 and left at 3 p.m.",
        "a $130 million project",
        "about 100 kilometers away",
        "In 1998 kilometers of road were built.",
        "Oil prices fall in the morning.",
        "You may go.",
        "The army will march on the capital.",
        "It rose 2000% in value.",
        "Things are different now.",
        "Recently, the talks resumed.",
    ],
)
def test_numbers_words_and_durations_that_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_weekday_takes_the_day_mentioned_just_before() -> None:
    text = "On May 12, the talks began.\nEarly on Thursday, they ended."
    assert found(text) == [
        ("May 12", "2025-05-12", "2025-05-12"),
        ("Thursday", "2025-05-15", "2025-05-15"),
    ]


def test_the_context_reaches_back_one_paragraph_only() -> None:
    text = "On May 12, talks began.\n\nNothing.\n\nOn Thursday they ended."
    assert found(text)[1] == ("Thursday", "2025-07-10", "2025-07-10")


def test_without_a_day_mentioned_the_weekday_follows_tense() -> None:
    ref = "2025-05-14"  # a Wednesday
    assert found("The ministers will meet on Friday.", ref)[0][1] == "2025-05-16"
    assert found("The ministers met on Friday.", ref)[0][1] == "2025-05-09"
    assert found("The plant is scheduled to close Monday.", ref)[0][1] == "2025-05-19"


def test_tense_picks_the_month_and_the_season() -> None:
    ref = "2025-07-15"
    assert found("The minister stepped down in March.", ref)[0][1] == "2025-03-01"
    assert found("He will lead a mission in December.", ref)[0][1] == "2025-12-01"
    assert found("The minister stepped down in December.", ref)[0][1] == "2024-12-01"
    assert found("Talks will resume in the spring.", ref)[0][1] == "2026-03-01"


def test_a_range_is_one_mention_and_one_for_each_end() -> None:
    text = "The exhibition ran from Aug. 26 to Oct. 20, drawing crowds."
    mentions = extract(text, "1998-11-01").mentions
    assert [(m.text, m.part_of) for m in mentions] == [
        ("from Aug. 26 to Oct. 20", None),
        ("Aug. 26", 0),
        ("Oct. 20", 0),
    ]
    assert mentions[0].interval is not None and mentions[0].interval.is_span
    years = extract("It grew between 1985 and 1987 in Ohio.", None).mentions
    assert [(m.text, m.part_of) for m in years] == [
        ("between 1985 and 1987", None),
        ("1985", 0),
        ("1987", 0),
    ]


def test_the_first_end_borrows_the_second_ends_year() -> None:
    mentions = extract("Sales rose between March and May 2023.", None).mentions
    got = [(m.text, m.interval.earliest.isoformat()) for m in mentions]  # type: ignore[union-attr]
    assert got == [
        ("between March and May 2023", "2023-03-01"),
        ("March", "2023-03-01"),
        ("May 2023", "2023-05-01"),
    ]


def test_spans_are_exact_offsets_in_unicode_text() -> None:
    text = "Goïta’s “visit” — in Sept. 2024 — and the ’90s."
    mentions = extract(text, "2025-07-15").mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert [m.text for m in mentions] == ["Sept. 2024", "the ’90s"]


def test_a_mention_that_cannot_be_resolved_reports_an_error_and_the_rest_go_on() -> None:
    mentions = extract("On Monday, in 2022, it rained.", None).mentions
    assert mentions[0].text == "Monday" and mentions[0].interval is None
    assert mentions[0].error is not None and "reference date" in mentions[0].error
    assert mentions[1].text == "2022" and mentions[1].interval is not None


def test_more_forms_in_prose() -> None:
    got = found(
        "Profits fell in the third quarter, early this year and late last year, "
        "two years ago, yesterday and last week; the 1990s and the '90s too."
    )
    assert [g[0] for g in got] == [
        "the third quarter",
        "early this year",
        "late last year",
        "two years ago",
        "yesterday",
        "last week",
        "the 1990s",
        "the '90s",
    ]
    assert got[0][1:] == ("2025-07-01", "2025-09-30")  # the most recent begun (dates.md)


def test_drafts_read_back_to_the_same_windows() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    extraction = extract(text, "2025-07-15")
    document = as_yaml(extraction, "article.txt")
    assert yaml.safe_load(document)["reference"] == "2025-07-15"
    events, problems = load_text(document, "events/draft.yaml")
    assert not [p for p in problems if p.severity == "error"]
    placed = build_timeline(events).events
    by_title: dict[str, list[object]] = {}
    for p in placed:
        by_title.setdefault(p.event.title, []).append((p.start, p.end))
    whole = [m for m in extraction.mentions if m.part_of is None]  # a range's ends: no draft
    for draft, mention in zip(drafts(extraction), whole, strict=True):
        assert draft["quote"] == " ".join(mention.sentence.split())
        assert mention.interval is not None
        assert (mention.interval.start, mention.interval.end) in by_title[draft["title"]]
    # A range and its ends make one draft; a range and "since" keep their words (extract.md).
    assert [d["date"] for d in drafts(extraction)] == [
        "2025-07-15",
        "2020-08",
        "from March to June 2022",
        "2024-09",
        "2025-05-12",
        "2025-05-12",
        "since August 2020",
    ]


def chrono(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_cli_json_spans_index_the_document() -> None:
    result = chrono("extract", str(ARTICLE), "--reference", "2025-07-15", "--format", "json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    text = ARTICLE.read_text(encoding="utf-8")
    assert out["reference"] == "2025-07-15"
    assert [m["text"] for m in out["mentions"]][:3] == [
        "July 15, 2025",
        "August 2020",
        "from March to June 2022",
    ]
    assert len(out["mentions"]) == 10
    for m in out["mentions"]:
        assert text[m["span"][0] : m["span"][1]] == m["text"]
        assert m["sentence"] and m["start"] and m["end"]
    assert len(out["events"]) == 7


def test_cli_reads_standard_input_and_reports_unresolved_mentions() -> None:
    result = chrono("extract", "-", "--format", "json", stdin="It rained on Friday and in 2021.")
    assert result.returncode == 0
    mentions = json.loads(result.stdout)["mentions"]
    assert mentions[0]["text"] == "Friday" and "error" in mentions[0]
    assert mentions[1]["earliest"] == "2021-01-01"
    assert "Friday" in result.stderr


def test_cli_missing_file_is_a_clear_error() -> None:
    result = chrono("extract", "no-such-file.txt")
    assert result.returncode == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
