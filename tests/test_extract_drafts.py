"""Drafts from chrono extract (extract.md, "Round two"): one per dated mention, each read back.

A draft's ``date`` keeps the words that bound it and reads, with the draft file's
``reference``, to exactly the mention's windows; a draft file passes ``chrono check``
with no warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from chrono import build_timeline
from chrono.days import Day
from chrono.events.files import load_text
from chrono.extract import extract
from chrono.extract.draft import as_json, as_yaml, dated, drafts
from chrono.extract.mention import Mention
from chrono.model import Interval, Window
from chrono.parse import parse
from tests.strategies import MONTH_WORDS as _MONTHS
from tests.strategies import WEEKDAY_WORDS as _WEEKDAYS
from tests.strategies import days

REFERENCE = "2025-07-15"


def problems_of(document: str) -> list[str]:
    """Every error and warning chrono check would print for the draft file."""
    events, problems = load_text(document, "events/draft.yaml")
    found = [p.message for p in problems]
    if not [p for p in problems if p.severity == "error"]:
        found += [w.message for w in build_timeline(events, problems).warnings]
    return found


def test_one_draft_per_dated_mention_in_text_order() -> None:
    text = (
        "The treaty was signed on 3 May 2021 and ratified on May 12. "
        "Between 1985 and 1987 the valley was calm."
    )
    made = drafts(extract(text, REFERENCE))
    # two mentions in one sentence: two drafts; a range and its two ends: one. "May 12"
    # in a story of 2021 (its only date so far, years before the reference) is 2021's
    assert [d["date"] for d in made] == ["2021-05-03", "2021-05-12", "between 1985 and 1987"]
    assert (
        made[0]["quote"]
        == made[1]["quote"]
        == ("The treaty was signed on 3 May 2021 and ratified on May 12.")
    )
    assert made[2]["quote"] == "Between 1985 and 1987 the valley was calm."
    assert len({d["id"] for d in made}) == 3
    assert len({d["title"] for d in made}) == 3


def test_the_bounding_words_are_kept() -> None:
    text = (
        "Since August 2020 the ferry has not run. The plan had stalled by 2022. "
        "Prices rose between 1985 and 1987. The strike lasted from March to June 2022."
    )
    assert [d["date"] for d in drafts(extract(text, REFERENCE))] == [
        "since August 2020",
        "by 2022",
        "between 1985 and 1987",
        "from March to June 2022",
    ]


def test_a_bare_month_and_day_is_written_with_its_year() -> None:
    # extract.md: "May 12" in a document of 2025 becomes 2025-05-12
    made = drafts(extract("On May 12, the first crossing carried 140 passengers.", REFERENCE))
    assert [d["date"] for d in made] == ["2025-05-12"]
    assert made[0]["title"] == "On May 12, the first crossing carried 140 passengers"


def test_a_date_resolved_by_tense_or_a_nearby_day_is_written_as_the_day() -> None:
    # Monday 12 May 2025, the day just mentioned: "Monday" alone would read as 14 July
    text = (
        "On May 12, the first crossing ran.\nEarly on Monday morning the queue reached the market."
    )
    assert [d["date"] for d in drafts(extract(text, REFERENCE))] == ["2025-05-12", "2025-05-12"]


def test_a_weekday_that_does_not_match_its_date_gives_a_draft_with_no_warning() -> None:
    text = (
        "GENEVA, Thursday, June 7, 2024 -- The talks began. "
        "They ended since Thursday, June 7, 2024."
    )
    extraction = extract(text, "2024-06-06")
    document = as_yaml(extraction, "talks.txt")
    assert [d["date"] for d in drafts(extraction)] == ["2024-06-07", "since 2024-06-07"]
    assert problems_of(document) == []


def test_mentions_without_a_meaning_are_comments_not_drafts() -> None:
    extraction = extract("It rained on Friday and in 2021.", None)
    document = as_yaml(extraction)
    assert [d["date"] for d in yaml.safe_load(document)["events"]] == ["2021"]
    comments = [line for line in document.splitlines() if line.startswith("#")]
    assert any("'Friday'" in line and "reference" in line for line in comments)
    assert problems_of(document) == []


def test_a_window_wider_than_a_century_is_a_comment() -> None:
    # chrono check warns of a window wider than a century: no draft, a comment says why
    document = as_yaml(extract("Between 1800 and 1950 the town grew.", REFERENCE))
    assert yaml.safe_load(document)["events"] == []
    assert "# " in document and "'between 1800 and 1950'" in document.lower()
    assert "wider than a century" in document


def test_a_very_long_sentence_is_quoted_around_its_mention_and_titled_short() -> None:
    words = " ".join(["word"] * 400)
    text = f"The ferry stopped in August 2020 {words} and stayed idle."
    (draft,) = drafts(extract(text, REFERENCE))
    assert len(draft["title"]) <= 80 and draft["title"].endswith("…")
    assert "August 2020" in draft["quote"] and len(draft["quote"]) < 1000
    short = "The ferry stopped in August 2020 and stayed idle for a long while afterwards."
    assert drafts(extract(short, REFERENCE))[0]["quote"] == short


def test_ids_are_unique_and_the_same_on_every_run() -> None:
    text = "It rained in 2020. It rained in 2020. It rained in 2020 and in 2021."
    first = [d["id"] for d in drafts(extract(text, REFERENCE))]
    assert len(first) == len(set(first)) == 4
    assert first == [d["id"] for d in drafts(extract(text, REFERENCE))]


def test_the_json_holds_the_same_drafts() -> None:
    extraction = extract("Since August 2020 the ferry has not run.", REFERENCE)
    assert yaml.safe_load(as_json(extraction))["events"] == drafts(extraction)


# Sentences of a small document: each holds one or two dates in varied tenses.
_DATES = [
    "{M} {d}",
    "{d} {M} {y}",
    "{M} {y}",
    "{y}",
    "late {y}",
    "early {y}",
    "the third quarter",
    "since {M} {y}",
    "by {y}",
    "before {y}",
    "after {y}",
    "until {M} {d}",
    "between {y} and {y2}",
    "from {M} to {M2} {y}",
    "from {M} {d} to {M2} {d}, {y}",
    "on Friday",
    "on Monday",
    "yesterday",
    "last week",
    "two years ago",
    "last year",
    "{W}, {M} {d}, {y}",
    "the 1990s",
    "this month",
    "{M}",
    "spring {y}",
]
_FRAMES = [
    "The council met {0}.",
    "The ferry will run again {0}.",
    "Prices rose {0}.",
    "{0}, the talks began.",
    "Officials said the plan stalled {0} and resumed {1}.",
    "The crossing is scheduled to reopen {0}.",
    "Nothing happened {0}, they said.",
]


@st.composite
def phrases(draw: st.DrawFn) -> str:
    y = draw(st.integers(1900, 2030))
    m = draw(st.integers(0, 10))
    return draw(st.sampled_from(_DATES)).format(
        y=y,
        y2=y + draw(st.integers(1, 5)),
        M=_MONTHS[m],
        M2=_MONTHS[m + 1],
        d=draw(st.integers(1, 28)),
        W=draw(st.sampled_from(_WEEKDAYS)),
    )


@st.composite
def documents(draw: st.DrawFn) -> str:
    sentences = [
        draw(st.sampled_from(_FRAMES)).format(draw(phrases()), draw(phrases()))
        for _ in range(draw(st.integers(1, 5)))
    ]
    joiner = draw(st.sampled_from([" ", "\n", "\n\n"]))
    return joiner.join(s[0].upper() + s[1:] for s in sentences)


@given(documents(), days(st.integers(1990, 2030)))
def test_every_draft_reads_back_to_its_mention_and_checks_clean(text: str, ref: Day) -> None:
    extraction = extract(text, ref)
    document = as_yaml(extraction, "doc.txt")
    loaded = yaml.safe_load(document)
    reference = loaded["reference"]
    assert reference == ref.isoformat()
    drafted = loaded["events"]
    assert drafted == drafts(extraction)
    # the drafts are the mentions that are not the ends of ranges, minus the commented ones
    skipped = sum(1 for line in document.splitlines() if line.startswith("#   "))
    whole = [m for m in extraction.mentions if m.part_of is None]
    assert len(drafted) + skipped == len(whole)
    kept = [m for m in whole if f"(characters {m.start}-{m.end})" not in document]
    for draft, mention in zip(drafted, kept, strict=True):
        assert mention.interval is not None
        if "date" in draft:
            read = parse(draft["date"], reference)
            assert (read.start, read.end) == (mention.interval.start, mention.interval.end)
            assert read.warnings == ()
        else:  # start and end, each a window of its own
            assert "start" in draft or "end" in draft
            for field, window in (("start", mention.interval.start), ("end", mention.interval.end)):
                if field in draft:
                    assert parse(draft[field], reference).window == window
        # the quote is the whole sentence the mention stands in
        assert " ".join(mention.text.split()) in draft["quote"]
    for m in whole:
        if f"(characters {m.start}-{m.end})" in document:
            assert m.interval is None or m.interval.end.latest is not None  # error or too wide
    if drafted:
        assert problems_of(document) == []


def test_the_example_article_drafts_check_clean() -> None:
    text = (Path(__file__).resolve().parent.parent / "examples" / "article.txt").read_text(
        encoding="utf-8"
    )
    document = as_yaml(extract(text, REFERENCE), "article.txt")
    assert len(yaml.safe_load(document)["events"]) == 7
    assert problems_of(document) == []


def test_a_span_with_no_words_for_it_is_drafted_as_start_and_end() -> None:
    # a span whose ends are not whole days, months or years: each end as its window
    def d(text: str) -> Day:
        y, m, dd = (int(x) for x in text.split("-"))
        return Day.from_ymd(y, m, dd)

    start = Window(d("2020-03-01"), d("2020-03-10"))
    end = Window(d("2021-01-05"), None)
    mention = Mention("in those months", 0, 15, "in those months", Interval.span(start, end, "day"))
    assert dated(mention, None) == {
        "start": "between 2020-03-01 and 2020-03-10",
        "end": "no earlier than 2021-01-05",
    }
    open_start = Mention("x", 0, 1, "x", Interval.span(Window(None, None), end, "day"))
    assert dated(open_start, None) == {"end": "no earlier than 2021-01-05"}


def test_the_c_emitter_writes_the_drafts_the_python_emitter_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        Path("examples/article.txt").read_text(encoding="utf-8")
        + "\n\nOn May 12: « Ünïcode — ’quotes’ », 'single' and \"double\", # not a comment,"
        + " a tab\there, - a dash, ? a question, & an anchor, * a star, since August 2020.\n"
        + "The talks began on "
        + "very " * 40
        + "long Monday, and ended in late 2022.\n"
    )
    extraction = extract(text, "2025-07-15")
    with_c = as_yaml(extraction)
    monkeypatch.setattr(yaml, "__with_libyaml__", False)
    assert as_yaml(extraction) == with_c


def _ids_as_specified(bases: list[str]) -> list[str]:
    """Each base itself, else the first of base-2, base-3, ... not given yet."""
    taken: set[str] = set()
    out = []
    for base in bases:
        ident, n = base, 1
        while ident in taken:
            n += 1
            ident = f"{base}-{n}"
        taken.add(ident)
        out.append(ident)
    return out


@given(st.lists(st.sampled_from(["a", "a-2", "a-3", "b", "a-2-2", "b-1"]), max_size=40))
def test_draft_ids_are_each_base_then_its_next_free_number(bases: list[str]) -> None:
    from chrono.extract.draft import _Ids

    ids = _Ids()
    assert [ids.unique(b) for b in bases] == _ids_as_specified(bases)


def test_a_title_said_many_times_costs_a_step_per_draft_not_per_earlier_one() -> None:
    from chrono.extract.draft import _Ids

    class Counting(set[str]):
        looks = 0

        def __contains__(self, item: object) -> bool:
            Counting.looks += 1
            return super().__contains__(item)

    ids = _Ids()
    ids.taken = Counting()
    given_ids = [ids.unique("talks") for _ in range(2_000)]
    assert given_ids[:3] == ["talks", "talks-2", "talks-3"] and len(set(given_ids)) == 2_000
    assert Counting.looks <= 2 * 2_000  # the old loop looked about 2,000,000 times
