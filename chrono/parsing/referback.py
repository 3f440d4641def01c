"""Dates that refer back: ``a year earlier``, ``that month``, ``the following week``.

They name no date of their own but point at the focus, the date mentioned last
(extract.md); :mod:`chrono.resolve` gives them days, against the reference date
where there is no focus. Each phrase is read from a handful of tokens, and the
English parser asks here first at each place a date can begin.

The node is a :class:`Unit` of kind ``focus``: ``unit`` names what it is (the
day, week, month, quarter or year holding the focus; ``date``, the focus itself;
``period``, the period in focus; ``season``, a season whose code is ``number``;
or the ``quarter in focus`` of financial news, ``the quarter``);
``amount`` moves it by that many of them (``the following month``: +1), or, when
``shift`` names a step, by that many steps keeping the focus's own precision
(``a year earlier``: shift ``year``, amount -1).
"""

from __future__ import annotations

from chrono.parsing.lexer import Token
from chrono.parsing.nodes import Unit
from chrono.parsing.vocabulary import NUMBERS, SEASONS, UNIT_WORDS

KIND = "focus"
IN_FOCUS_QUARTER = "quarter in focus"
FOCUS_ITSELF = "date"
# What "that", "the same", "the following" ... can name, and the unit it stands for.
_NAMED = {
    "day": "day",
    "morning": "day",
    "afternoon": "day",
    "evening": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
# A season named so: "that summer", "the following spring" is the season of that name
# holding the focus, or the one after or before it (the node's ``number`` says which).
SEASON = "season"
_BACK = {"previous": -1, "preceding": -1, "prior": -1}
_AHEAD = {"following": 1, "next": 1}
# "the next year" is as often the coming twelve months: "next" refers back for days only
_NEXT_NAMES = frozenset({"day", "morning", "afternoon", "evening"})
# "the quarter" of financial news is the quarter in focus, not the calendar's
_PERIOD_NOUNS = {"quarter": IN_FOCUS_QUARTER, "period": "period"}
_YEAR_AGO = frozenset({"earlier", "ago", "before"})
_LATEST = (("latest",), ("most", "recent"), ("recent",), ("just", "-", "ended"))
_WHOLE = frozenset({"full", "whole", "entire"})
# "prices that fall below", "ideas that spring from": seasons that are verbs too
_VERBS_TOO = frozenset({"fall", "spring"})
_AFTER_A_VERB = frozenset(
    "in into on onto from to below under behind short apart off back by through out up down "
    "within outside over away".split()
)


def read(tokens: list[Token], i: int) -> tuple[Unit, int] | None:
    """The refer-back phrase that starts at token ``i``, and the index after it; else None."""
    if i + 1 >= len(tokens):
        return None  # every phrase is two words at least
    first = tokens[i]
    if first.kind != "num" and first.value not in STARTS:
        return None  # most dates: "1999", "May", "late" are read without a reader
    if first.kind == "num" and tokens[i + 1].value not in UNIT_WORDS:
        return None  # a number begins only "3 days earlier": "12 May" is no phrase
    if tokens[i + 1].kind not in ("word", "punct"):
        return None  # every phrase goes on with a word or a mark: "the 1990s" is no phrase
    return _Reader(tokens, i).phrase()


# The words a phrase can begin with (a number begins "3 days earlier" too)
STARTS = frozenset({"earlier", "later", "that", "the", "full", *NUMBERS})


class _Reader:
    """Looks a few tokens on from ``i``; each phrase reads at most six."""

    __slots__ = ("i", "tokens")

    def __init__(self, tokens: list[Token], i: int) -> None:
        self.tokens = tokens
        self.i = i

    def word(self, k: int) -> str | None:
        """The word or mark ``k`` tokens on, or None."""
        j = self.i + k
        if j < len(self.tokens) and self.tokens[j].kind in ("word", "punct"):
            return self.tokens[j].value
        return None

    def make(
        self, k: int, named: str, amount: int = 0, shift: str | None = None
    ) -> tuple[Unit, int]:
        """The node for the ``k`` tokens from ``i``, and the index after them."""
        start, end = self.tokens[self.i].start, self.tokens[self.i + k - 1].end
        number = None
        if named in SEASONS:  # that summer: the season's code rides in ``number``
            named, number = SEASON, SEASONS[named]
        unit = Unit(KIND, start, end, amount=amount, unit=named, shift=shift, number=number)
        return unit, self.i + k

    def phrase(self) -> tuple[Unit, int] | None:
        first = self.word(0)
        if first in ("earlier", "later"):
            # earlier that year, later the same day ("later in the day" is a time of day)
            found = self.that(1)
            if found is None:
                return None
            width, named = found
            return self.make(1 + width, named)
        if first in ("that", "the"):
            found = self.that(0)
            if found is not None:
                width, named = found
                back = self.year_back(width) if self.word(1) == "same" else 0
                if back:  # the same quarter a year earlier, the same period last year
                    return self.make(width + back, named, -1, "year")
                return self.make(width, named)
        if first == "the":
            return self.after_the()
        if first == "full" and self.word(1) == "-" and self.word(2) == "year":
            return self.make(3, "year")  # full-year profit
        return self.shift()

    def that(self, k: int) -> tuple[int, str] | None:
        """``that year``, ``the same day``, ``that same month``: (tokens read, unit named)."""
        if self.word(k) == "that":
            n = k + 2 if self.word(k + 1) == "same" else k + 1
        elif self.word(k) == "the" and self.word(k + 1) == "same":
            n = k + 2
        else:
            return None
        noun = self.word(n) or ""
        if noun in _NAMED:
            return n + 1 - k, _NAMED[noun]
        if noun in SEASONS and not (noun in _VERBS_TOO and self.word(n + 1) in _AFTER_A_VERB):
            return n + 1 - k, noun  # that summer, the same winter
        if noun == "period" and self.word(n - 1) == "same":
            return n + 1 - k, "period"  # the same period: the focus itself
        return None

    def year_back(self, k: int) -> int:
        """How many words from ``k`` say "a year before": ``a year earlier``, ``a year
        ago``, ``last year``, ``the previous year``, ``of last year``; else 0."""
        word = self.word
        of = 1 if word(k) == "of" else 0
        if word(k + of) == "last" and word(k + of + 1) == "year":
            return of + 2
        if word(k + of) == "the" and word(k + of + 1) in _BACK and word(k + of + 2) == "year":
            return of + 3
        if (
            of == 0
            and word(k) in ("a", "one")
            and word(k + 1) == "year"
            and word(k + 2) in _YEAR_AGO
        ):
            return 3
        return 0

    def after_the(self) -> tuple[Unit, int] | None:
        word = self.word
        second = word(1) or ""
        if second in _BACK or second in _AHEAD:
            noun = word(2) or ""
            amount = _BACK.get(second, 0) or _AHEAD.get(second, 0)
            if noun in _NAMED and (second != "next" or noun in _NEXT_NAMES):
                return self.make(3, _NAMED[noun], amount)
            if noun in SEASONS and second != "next":
                return self.make(3, noun, amount)  # the following spring
            return None
        noun = word(4) or ""
        if second == "year" and word(2) == "-" and word(3) in _YEAR_AGO:
            if noun in _PERIOD_NOUNS:  # the year-earlier quarter, the year-ago period
                return self.make(5, _PERIOD_NOUNS[noun], -1, "year")
            return None
        if second in ("prior", "previous") and word(2) == "-" and word(3) == "year":
            if noun in _PERIOD_NOUNS:  # the prior-year quarter
                return self.make(5, _PERIOD_NOUNS[noun], -1, "year")
            return None
        if second in ("year", "quarter", "month") and word(2) == "earlier" and word(3) != "than":
            return self.make(3, FOCUS_ITSELF, -1, second)  # from $3 million the year earlier
        for words in _LATEST:
            after = word(1 + len(words)) or ""
            if after in _PERIOD_NOUNS and all(word(1 + n) == w for n, w in enumerate(words)):
                return self.make(2 + len(words), _PERIOD_NOUNS[after])  # the latest quarter
        if second in _PERIOD_NOUNS:
            return self.make(2, _PERIOD_NOUNS[second])  # the quarter, the period
        whole = 1 if second in _WHOLE else 0
        if word(1 + whole) == "year" and not self.joined(2 + whole):
            return self.make(2 + whole, "year")  # for the year, the full year
        return None

    def joined(self, k: int) -> bool:
        """Whether ``'s``, ``-`` or a number follows: ``the year's end``, ``the year-end``,
        ``the year 2000`` and ``the year two thousand`` are dates of their own."""
        j = self.i + k
        if j >= len(self.tokens):
            return False
        tok = self.tokens[j]
        return tok.value in ("'s", "-") or tok.kind == "num" or tok.value in NUMBERS

    def shift(self) -> tuple[Unit, int] | None:
        """``a year earlier``, ``two months later``, ``3 days earlier`` (not ``... than``)."""
        if self.i >= len(self.tokens):
            return None
        tok = self.tokens[self.i]
        if tok.kind == "num" and len(tok.value) <= 3:
            amount = int(tok.value)
        elif tok.kind == "word" and tok.value in NUMBERS:
            amount = NUMBERS[tok.value]
        else:
            return None
        step = UNIT_WORDS.get(self.word(1) or "")
        direction = {"earlier": -1, "later": 1}.get(self.word(2) or "")
        if step is None or direction is None or amount <= 0 or self.word(3) == "than":
            return None
        return self.make(3, FOCUS_ITSELF, direction * amount, step)
