"""The nearby-day rule of extraction (extract.md): a bare weekday is the matching day
within three days of the most recently mentioned day in the same or the previous
paragraph, wherever in its sentence that day stands.

A day named in the middle of a sentence ("Talks resumed, and on March 3, 2025 the
envoys met again") places the weekday after it as much as one that opens its sentence:
the rule is not narrowed to days that "set the scene". Every day named here stands in
the middle of a sentence that is not the document's first, and is not itself a weekday.
The expected days are worked out from the calendar by hand (written next to them), and
in the properties by counting days, not by asking the code under test.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.days import Day
from chrono.extract import extract
from tests.strategies import MONTH_WORDS, WEEKDAY_WORDS, days

# Tuesday 15 July 2025. A past statement without a nearby day takes the most recent
# weekday on or before it (dates.md): Wednesday -> 9 July 2025, Friday -> 11 July 2025.
REF = "2025-07-15"
OPENING = "The envoys came back to Geneva. "  # a first sentence with no date in it
MET = "Talks resumed there, and on March 3, 2025 the envoys met again."  # Monday 3 March


def weekday_of(text: str, words: str, reference: str | Day = REF) -> str:
    """The first day of the last mention that reads ``words``, as ISO."""
    mention = [m for m in extract(text, reference).mentions if m.text == words][-1]
    assert mention.interval is not None and mention.interval.earliest is not None
    assert mention.interval.earliest == mention.interval.latest  # a single day
    return mention.interval.earliest.isoformat()


# 1. A day named in the middle of a sentence, in the same paragraph.


def test_a_day_in_the_middle_of_a_sentence_places_the_weekday_after_it() -> None:
    # Monday 3 March 2025 -> the Wednesday two days on, 5 March; not 9 July (the reference's)
    text = OPENING + MET + " On Wednesday they signed."
    assert weekday_of(text, "Wednesday") == "2025-03-05"


# Monday 3 March 2025 and the seven days from three before it to three after:
# Fri 28 Feb, Sat 1, Sun 2, Mon 3, Tue 4, Wed 5, Thu 6 March.
AROUND_MARCH_3 = [
    ("Friday", "2025-02-28"),  # three days before
    ("Saturday", "2025-03-01"),
    ("Sunday", "2025-03-02"),
    ("Monday", "2025-03-03"),  # the day itself
    ("Tuesday", "2025-03-04"),
    ("Wednesday", "2025-03-05"),
    ("Thursday", "2025-03-06"),  # three days after
]


@pytest.mark.parametrize(("weekday", "expected"), AROUND_MARCH_3)
def test_every_weekday_is_the_one_within_three_days_either_side(
    weekday: str, expected: str
) -> None:
    text = OPENING + MET + f" The accord was signed on {weekday}."
    assert weekday_of(text, weekday) == expected


def test_the_most_recently_mentioned_day_wins_over_one_that_opened_a_sentence() -> None:
    # "On March 3" opens its sentence; "March 10, 2025" (Monday) is named later, in passing:
    # Friday is the one within three days of 10 March (7 March), not of 3 March (28 Feb)
    text = (
        "On March 3, 2025, talks opened in Geneva. The envoys, who had first met in Bern "
        "on March 10, 2025, returned. On Friday they signed."
    )
    assert weekday_of(text, "Friday") == "2025-03-07"


# 2. The day in the previous paragraph.


def test_a_day_in_the_middle_of_a_sentence_of_the_previous_paragraph_counts() -> None:
    text = "The envoys came back to Geneva.\n\n" + MET + "\n\nOn Wednesday they signed."
    assert weekday_of(text, "Wednesday") == "2025-03-05"


def test_a_day_in_the_middle_of_the_previous_paragraph_with_lines_as_paragraphs() -> None:
    # without blank lines every line is a paragraph (Monday 3 March -> Thursday 6 March)
    text = "The envoys came back to Geneva.\n" + MET + "\nThe accord was signed on Thursday."
    assert weekday_of(text, "Thursday") == "2025-03-06"


# 3. Where no day captures the weekday, the rule of the tense or dates.md holds.


def test_a_day_two_paragraphs_back_does_not_capture_the_weekday() -> None:
    # past tense, no nearby day: the most recent Wednesday on or before Tue 15 July 2025
    text = OPENING + MET + "\n\nNothing moved.\n\nOn Wednesday they signed."
    assert weekday_of(text, "Wednesday") == "2025-07-09"


def test_a_month_named_nearby_is_no_day_and_does_not_capture_the_weekday() -> None:
    text = OPENING + "Talks resumed there, and in March 2025 the envoys met again. "
    assert weekday_of(text + "On Wednesday they signed.", "Wednesday") == "2025-07-09"


def test_a_nearby_day_the_tense_forbids_leaves_the_weekday_to_the_tense() -> None:
    # Monday 14 July 2025; the Thursday within three days of it is 17 July, after the
    # reference (Tue 15 July), and "signed" is past: the Thursday before, 10 July
    text = OPENING + "Talks resumed there, and on July 14, 2025 the envoys met again. "
    assert weekday_of(text + "On Thursday they signed.", "Thursday") == "2025-07-10"


# Properties: any day, named in the middle of a sentence, in the same or the previous
# paragraph, gives the weekday after it the one day of that name at most three days
# from it; a day two paragraphs back gives none, and the tense then picks the weekday.

_LEADS = (
    "Talks resumed there, and on {D} the envoys met again.",
    "The envoys, who had flown in from Bern on {D}, met again.",
    "After weeks of silence the two sides finally met on {D}.",
    "Officials in both capitals confirmed that the ceasefire took hold on {D}.",
)
_PAST = ("On {W} they signed.", "The accord was signed on {W}.")
_FUTURE = ("On {W} they will sign.", "The accord will be signed on {W}.")
_BETWEEN = {"same": " ", "previous": "\n\n", "two back": "\n\nNothing moved.\n\n"}

anchors = days(st.integers(min_value=1950, max_value=2090))


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, Day, Day, int, str, str]:
    """(text, the day named, reference, weekday 1-7, tense, where the day stands)."""
    anchor = draw(anchors)
    y, m, d = anchor.ymd
    named = f"{MONTH_WORDS[m - 1]} {d}, {y}"
    weekday = draw(st.sampled_from(WEEKDAY_WORDS))
    tense = draw(st.sampled_from(("past", "future")))
    # the reference lies so that the tense allows any day within three of the anchor
    gap = draw(st.integers(min_value=4, max_value=400))
    reference = anchor.plus(gap if tense == "past" else -gap)
    where = draw(st.sampled_from(sorted(_BETWEEN)))
    statement = draw(st.sampled_from(_PAST if tense == "past" else _FUTURE))
    text = (
        OPENING
        + draw(st.sampled_from(_LEADS)).format(D=named)
        + _BETWEEN[where]
        + statement.format(W=weekday)
    )
    return text, anchor, reference, WEEKDAY_WORDS.index(weekday) + 1, tense, where


def _the_one(weekday: int, first: Day, count: int) -> Day:
    """The one day named ``weekday`` among ``count`` days from ``first``."""
    found = [first.plus(k) for k in range(count) if first.plus(k).isoweekday == weekday]
    assert len(found) == 1
    return found[0]


@settings(max_examples=300, deadline=None)
@given(documents())
def test_a_day_mentioned_in_passing_nearby_places_any_weekday(
    case: tuple[str, Day, Day, int, str, str],
) -> None:
    text, anchor, reference, weekday, tense, where = case
    got = weekday_of(text, WEEKDAY_WORDS[weekday - 1], reference)
    if where in ("same", "previous"):
        # the seven days from three before the day named to three after hold it once
        expected = _the_one(weekday, anchor.plus(-3), 7)
    elif tense == "past":  # the most recent on or before the reference
        expected = _the_one(weekday, reference.plus(-6), 7)
    else:  # the next on or after it
        expected = _the_one(weekday, reference, 7)
    assert got == expected.isoformat()
