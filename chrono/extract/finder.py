"""Finding date expressions in running text with the grammar of :func:`chrono.parse`.

The text is tokenised once. At each token that can begin a date, the same parser
that reads a date field reads as far as the grammar goes (``partial``), and a few
checks for prose keep numbers that only look like years, the verb "may" and the
like out. Each attempt reads a handful of tokens, so the whole pass is linear.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from chrono.errors import ParseError
from chrono.parsing.lexer import Token, tokenize
from chrono.parsing.natural import Parser
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.referback import IN_FOCUS_QUARTER
from chrono.parsing.referback import KIND as FOCUS_KIND
from chrono.parsing.vocabulary import (
    DECADE_WORDS,
    HOLIDAY_STARTS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)

# Words that can begin a date expression besides names of months, days and seasons.
_STARTERS = frozenset(
    {
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "last",
        "this",
        "next",
        "past",
        "coming",
        "early",
        "mid",
        "late",
        "the",
        "between",
        "from",
        "since",
        "before",
        "after",
        "by",
        "until",
        "till",
        "circa",
        "ca",
        "c",
        "about",
        "around",
        "approximately",
        "approx",
        "sometime",
        "q",
        "h",
        "week",
        "year",
        "ad",
        "within",
        "end",
        "beginning",
        "start",
        "middle",
        "near",
        "towards",
        "toward",
        "at",
        "no",
        "not",
        "prior",
        "earlier",
        "later",
        "up",
        "roughly",
        "that",  # that year, that same day (chrono.parsing.referback)
        "full",  # full-year
        "fiscal",
        "turn",
    }
    | set(NUMBERS)
    | set(ORDINALS)
    | set(DECADE_WORDS)
)
# Names that begin a date only when capitalised: holidays (Good Friday, not good), FY2023.
_CAPITAL_STARTERS = HOLIDAY_STARTS | {"fy"}
_VAGUE = frozenset({"now", "recently", "lately"})  # in prose these say when only loosely
# Nouns after a number that make it a quantity, not a year ("2000 people").
_QUANTITIES = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "troops",
        "soldiers",
        "police",
        "officers",
        "workers",
        "students",
        "residents",
        "refugees",
        "voters",
        "members",
        "deaths",
        "dead",
        "killed",
        "injured",
        "wounded",
        "casualties",
        "percent",
        "per",
        "cent",
        "pct",
        "points",
        "dollars",
        "euros",
        "pounds",
        "yen",
        "yuan",
        "francs",
        "shares",
        "units",
        "tons",
        "tonnes",
        "barrels",
        "kilometers",
        "kilometres",
        "km",
        "miles",
        "meters",
        "metres",
        "feet",
        "foot",
        "yards",
        "acres",
        "hectares",
        "square",
        "cars",
        "vehicles",
        "homes",
        "houses",
        "buildings",
        "jobs",
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "times",
        "votes",
        "seats",
        "copies",
        "pages",
        "words",
        "calories",
        "degrees",
    ]
)
_CURRENCY = frozenset("$€£¥#№")
_SEASON_CUES = frozenset(
    {
        "the",
        "in",
        "during",
        "this",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "of",
        "by",
        "until",
        "since",
    }
)


@attrs.frozen
class Found:
    """One expression found: its token range, its text span and what the grammar read."""

    first: int  # token indices [first, last)
    last: int
    start: int  # character offsets [start, end)
    end: int
    expression: Expression


def find(text: str) -> Iterator[Found]:
    """Every date expression in ``text``, left to right, none overlapping."""
    tokens = tokenize(text)
    i = 0
    n = len(tokens)
    while i < n:
        if not _can_begin(tokens, i, text):
            i += 1
            continue
        parser = Parser(text, tokens, start=i, partial=True)
        try:
            expression = parser.expression()
        except (ParseError, ValueError):
            i += 1
            continue
        j = parser.i
        if j <= i or not _plausible(expression, tokens, i, j, text):
            i += 1
            continue
        yield Found(i, j, tokens[i].start, tokens[j - 1].end, expression)
        i = j


def _can_begin(tokens: list[Token], i: int, text: str) -> bool:
    tok = tokens[i]
    if tok.kind in ("date", "ordinal", "decade", "isoweek"):
        return True
    if tok.kind == "num":
        return True
    if tok.kind != "word":
        return False
    word = tok.value
    if word in MONTHS or word in WEEKDAYS or word in _CAPITAL_STARTERS:
        return text[tok.start].isupper()
    return word in _STARTERS or word in SEASONS


def _plausible(expression: Expression, tokens: list[Token], i: int, j: int, text: str) -> bool:
    """Prose checks: what the grammar accepts but a reader would not call a date."""
    for tok in tokens[i:j]:
        if tok.kind == "date" and any(mark in tok.value for mark in "?~%"):
            return False  # "2000%" in prose is a percentage, not EDTF
        if tok.kind == "word" and (tok.value in MONTHS or tok.value in WEEKDAYS):
            if not text[tok.start].isupper():
                return False  # "may", "march", "sun" as ordinary words
            if (
                len(tok.value) <= 3
                and tok.value not in ("may",)
                and not _followed_by_dot_or_number(tokens, tokens.index(tok, i, j), text)
            ):
                return False  # "Sat", "Sun", "Jan" alone: names and words, not dates
    units = [u for u in (expression.first, expression.second) if u is not None]
    for unit in units:
        if unit.kind in ("today", "recent") and text[unit.start : unit.end].lower() in _VAGUE:
            return False
        if unit.kind == "season" and unit.year is None and unit.shift is None:
            before = tokens[i - 1].value if i > 0 and tokens[i - 1].kind == "word" else ""
            season_at = _token_at(tokens, i, j, unit)
            if season_at == i and before not in _SEASON_CUES:
                return False  # "prices fall": not autumn
        if unit.kind == "year" and text[unit.start : unit.start + 1].isalpha():
            if not _plausible_spelled_year(unit, tokens, i, j, text):
                return False
        elif unit.kind == "year" and not _plausible_year(unit, tokens, i, j, text):
            return False
        if unit.kind == FOCUS_KIND and not _plausible_focus(unit, tokens, i, text):
            return False
    return True


# After a refer-back phrase: words that make it part of a noun ("that day care",
# "the quarter-point cut") ...
_FOCUS_COMPOUNDS = frozenset(
    {
        "-",
        "care",
        "laborers",
        "labourers",
        "trader",
        "traders",
        "trading",
        "trip",
        "trips",
        "job",
        "jobs",
        "pass",
        "passes",
        "school",
        "light",
        "mile",
        "point",
        "hour",
        "final",
        "finals",
        "century",
        "note",
        "notes",
        "horse",
        "round",
    }
)
# ... and, after "the quarter", "the period" or "the year", words that make it a phrase
# with a date of its own or none ("the quarter of", "the year when", "the year 2000").
_FOCUS_CLAUSES = frozenset(
    {"of", "when", "which", "that", "where", "since", "before", "after", "to", "ahead", "in"}
)
# "the year" alone is a date after these only: "for the year", "during the year"
_BEFORE_THE_YEAR = frozenset({"for", "during", "throughout"})


def _plausible_focus(unit: Unit, tokens: list[Token], i: int, text: str) -> bool:
    """A refer-back phrase in lower case, not part of a noun, "the year" after "for"."""
    k = next((n for n in range(i, len(tokens)) if tokens[n].start >= unit.start), i)
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].end <= unit.end:
        last += 1
    words = text[unit.start : unit.end]
    if any(c.isupper() for c in words[1:]):
        return False  # "the Latin Quarter", "That Year" as a title
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.value in _FOCUS_COMPOUNDS:
        return False
    lowered = words.lower().split()
    bare = (  # the quarter, the latest quarter, the period, the full year
        unit.shift is None
        and unit.amount == 0
        and unit.unit in (IN_FOCUS_QUARTER, "period", "year")
        and lowered[0] == "the"
        and "same" not in lowered
    )
    if (
        bare
        and after is not None
        and (after.value in _FOCUS_CLAUSES or after.kind in ("num", "date"))
        and not (after.value == "of" and lowered[1] in ("full", "whole", "entire"))
    ):
        return False  # but "earnings for the full year of $3 a share"
    if lowered == ["the", "year"]:
        before = tokens[k - 1].value if k > 0 else ""
        return before in _BEFORE_THE_YEAR
    return True


def _token_at(tokens: list[Token], i: int, j: int, unit: Unit) -> int:
    for k in range(i, j):
        if (
            tokens[k].start >= unit.start
            and tokens[k].kind == "word"
            and tokens[k].value in SEASONS
        ):
            return k
    return i


def _followed_by_dot_or_number(tokens: list[Token], k: int, text: str) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and (nxt.value == "." or nxt.kind in ("num", "ordinal"))


_ERA_WORDS = frozenset({"bc", "bce", "ad", "ce", "b", "a", "d", "e"})


def _plausible_year(unit: Unit, tokens: list[Token], i: int, j: int, text: str) -> bool:
    """A bare number is a year when it has four digits, a plausible value and no unit."""
    inside = [k for k in range(i, j) if unit.start <= tokens[k].start < unit.end]
    numbers = [k for k in inside if tokens[k].kind == "num"]
    if len(numbers) != 1 or any(
        tokens[k].kind == "word" and tokens[k].value in _ERA_WORDS for k in inside
    ):
        return True  # 500 BC, AD 622: the era says it is a year
    k = numbers[0]
    raw = tokens[k].value
    if len(raw) != 4 or not 1000 <= int(raw) <= 2099:
        return False
    before = tokens[k - 1] if k > 0 else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if before is not None and before.value in _CURRENCY:
        return False
    if after is not None:
        if after.kind == "word" and after.value in _QUANTITIES:
            return False
        if after.value in ("%", ":"):
            return False  # 2000%, 20:00
        if (
            after.value in (",", ".")
            and after.start == tokens[k].end
            and text[after.end : after.end + 3].isdigit()
        ):
            return False  # 2,000 or 2.000 as numbers
    return True


_YEAR_CUES = frozenset({"in", "year", "since", "until", "by", "of"})


def _plausible_spelled_year(unit: Unit, tokens: list[Token], i: int, j: int, text: str) -> bool:
    """``nineteen ninety-six`` is a year; ``two thousand people`` and ``ten fifteen`` are not.

    Two numbers side by side (nineteen ninety-six, nineteen oh five) from 1500 on read
    as a year unless a quantity follows; a round number (two thousand, two thousand
    and eight) only after ``the year`` or ``in``, with no noun after it.
    """
    inside = [k for k in range(i, j) if unit.start <= tokens[k].start < unit.end]
    if any(tokens[k].kind == "num" for k in inside):  # the year 1996: as any number
        return _plausible_year(unit, tokens, i, j, text)
    if unit.year is None or text[unit.start : unit.start + 4].lower() == "year":
        return True  # the year two thousand
    last = inside[-1] if inside else i
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    noun_after = after is not None and after.kind == "word"
    if after is not None and after.kind == "word" and after.value in _QUANTITIES:
        return False
    words = {tokens[k].value for k in inside}
    if not words & {"thousand", "hundred"}:
        return unit.year >= 1500
    first = inside[0] if inside else i
    before = tokens[first - 1].value if first > 0 else ""
    return before in _YEAR_CUES and not noun_after
