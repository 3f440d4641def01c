"""English date phrases: a recursive-descent reader over tokens, producing nodes.

Each rule looks at a bounded number of tokens ahead and commits. Two places step
back, each at most once per expression and by a bounded number of tokens: a
weekday followed by a comma that turns out not to begin a date (``Monday, the
talks``) and, in running text only, a range word not followed by a date (``Sept.
2024 - and then``). Reading is therefore linear in the number of tokens.
"""

from __future__ import annotations

from typing import Any, Protocol

from chrono.errors import ParseError
from chrono.parsing import edtf, referback
from chrono.parsing.lexer import Token, tokenize
from chrono.parsing.nodes import Expression, Unit
from chrono.parsing.suggest import unknown_word
from chrono.parsing.vocabulary import (
    APPROXIMATE,
    DAY_ORDINALS,
    DECADE_WORDS,
    HOLIDAY_PHRASES,
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    OPEN_PHRASES,
    ORDINALS,
    PART_PHRASES,
    RANGE_WORDS,
    SEASONS,
    SMALL_NUMBERS,
    TENS,
    UNIT_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)

_EXPECTED_UNIT = (
    "a date: a year (2022), a month (September 2024), a day (12 May 2025), "
    "a season, quarter, decade or century, or a phrase such as 'late 2022'"
)
_EXPECTED_HOLIDAY = "a holiday, such as Christmas or Easter"
_EXPECTED_FISCAL = "a fiscal year such as FY2023, FY 2023, FY2022-23, FY22 or fiscal 2023"
PhraseIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _index(table: tuple[tuple[tuple[str, ...], str], ...]) -> PhraseIndex:
    """Phrases by first word, longest first: one dictionary look-up per position."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, meaning in table:
        out.setdefault(words[0], []).append((words, meaning))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in out.items()}


_OPEN = _index(OPEN_PHRASES)
_PARTS = _index(PART_PHRASES)
_HOLIDAYS = _index(HOLIDAY_PHRASES)
_HOLIDAY = frozenset(_HOLIDAYS) - {"fourth"}
_SPELLED_ORDINAL_STARTS = frozenset({*DAY_ORDINALS, "twenty", "thirty"})  # spelled_ordinal
_TENS = TENS
_SMALL = SMALL_NUMBERS
_ERAS = ("bc", "bce", "ad", "ce")
_ERA_STARTS = frozenset(e[:k] for e in _ERAS for k in range(1, len(e) + 1))  # b, bc, a, ...
FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES if name)
_FULL_WEEKDAYS = frozenset(name.lower() for name in WEEKDAY_NAMES if name)
_SHIFT_WORDS = {
    "last": "last",
    "past": "last",
    "previous": "last",
    "this": "this",
    "next": "next",
    "coming": "next",
    "current": "this",
}


_PADDING: list[Any] = [None] * 8  # more than any rule looks ahead


class _WordAt(Protocol):
    def __getitem__(self, j: int, /) -> str | None: ...


class _TokenAt(Protocol):
    def __getitem__(self, j: int, /) -> Token | None: ...


class _Words:
    """The word at each index of a caller's token list (None elsewhere), looked up on demand."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens

    def __getitem__(self, j: int) -> str | None:
        tokens = self.tokens
        if j < len(tokens):
            tok = tokens[j]
            if tok.kind == "word":
                return tok.value
        return None


class _Ahead(_Words):
    """The token at each index of a caller's token list, None past its end."""

    def __getitem__(self, j: int) -> Token | None:  # type: ignore[override]
        tokens = self.tokens
        return tokens[j] if j < len(tokens) else None


_APPROXIMATE = frozenset(APPROXIMATE)
_LEAD_WORDS = frozenset({"in", "on", "during", "at", "of", "over"})
_PART_STARTS = frozenset({*(words[0] for words, _ in PART_PHRASES), "the", *ORDINALS})
# The words an expression may begin with before its first unit (expression() tries each
# form they start); any other word begins the unit itself.
_OFFSET_WORDS = frozenset({"within", "the", *NUMBERS})  # 2 weeks after, the day before
_EXPRESSION_WORDS = frozenset({"sometime", "some", "between", "from", *_OFFSET_WORDS, *_OPEN})


_START, _PARTS_AT, _WIDEN = (Unit._fields.index(f) for f in ("start", "parts", "widen"))
_tuple_new = tuple.__new__


def _placed(base: Unit, start: int, parts: tuple[str, ...], widen: int) -> Unit:
    """``base`` with the start, parts and widening that ``unit`` read before it.

    What ``base._replace(...)`` gives, in a third of the time: every unit read ends here.
    """
    fields: list[object] = list(base)
    fields[_START], fields[_PARTS_AT], fields[_WIDEN] = start, parts, widen
    return _tuple_new(Unit, fields)


def decade_kind(first: int) -> str:
    """``the 1990s`` is a decade, ``the 1900s`` a century (but ``the 2000s`` a decade)."""
    return "century" if first % 100 == 0 and first != 2000 else "decade"


_BACK_STARTS = referback.STARTS  # the first words of refer-back phrases (or a number)
# The words more_forms() may read a unit from: any other word skips it.
_MORE_FORM_WORDS = frozenset(
    {*_HOLIDAY, "fourth", "fy", "fiscal", "winter", "turn", "year", "last"}
    | _SPELLED_ORDINAL_STARTS
    | set(_TENS)
    | set(_SMALL)
)
_MONTH_COUNTS = {"three": 3, "3": 3, "six": 6, "6": 6}  # the first three months of: a quarter


class Parser:
    """Reads one expression from ``text``; ``dayfirst`` settles 03/04/2021."""

    def __init__(
        self,
        text: str,
        tokens: list[Token] | None = None,
        dayfirst: bool | None = None,
        start: int = 0,
        partial: bool = False,
    ) -> None:
        self.text = text
        # The word and the token at each position (None past the end or for other tokens),
        # so that looking a few tokens ahead is one index, not a call. A caller's token
        # list may be a whole document of which this parser reads a few: looked up on demand.
        self.words: _WordAt
        self.ahead: _TokenAt
        if tokens is None:
            tokens = tokenize(text)
            words: list[str | None] = [t.value if t.kind == "word" else None for t in tokens]
            self.words = words + _PADDING
            self.ahead = [*tokens, *_PADDING]
        else:
            self.words = _Words(tokens)
            self.ahead = _Ahead(tokens)
        self.tokens = tokens
        self.i = start
        self.dayfirst = dayfirst
        # in running text an expression ends where the grammar stops, not at the text's end
        self.partial = partial

    # Looking and taking --------------------------------------------------------

    def peek(self, k: int = 0) -> Token | None:
        return self.ahead[self.i + k]

    def word(self, k: int = 0) -> str | None:
        return self.words[self.i + k]

    def punct(self, k: int = 0) -> str | None:
        tok = self.ahead[self.i + k]
        return tok.value if tok is not None and tok.kind == "punct" else None

    def here(self) -> int:
        tok = self.ahead[self.i]
        if tok is not None:
            return tok.start
        return self.tokens[-1].end if self.tokens else 0  # the end of what was read

    def last_end(self) -> int:
        return self.tokens[self.i - 1].end if self.i else 0

    def fail(self, expected: str, at: int | None = None) -> ParseError:
        return ParseError(self.text, self.here() if at is None else at, expected)

    def misspelt(self, k: int = 0) -> ParseError | None:
        """An error naming the month or weekday that the word ``k`` ahead misspells, if any.

        Whole expressions only: in running text a failed reading is simply no date.
        """
        tok = self.peek(k)
        if self.partial or tok is None or tok.kind != "word":
            return None
        message = unknown_word(self.text[tok.start : tok.end])
        return None if message is None else ParseError(self.text, tok.start, message)

    def take_words(self, *words: str) -> bool:
        i, have = self.i, self.words
        for k, w in enumerate(words):
            if have[i + k] != w:
                return False
        self.i = i + len(words)
        return True

    def take_punct(self, *marks: str) -> str | None:
        tok = self.ahead[self.i]
        if tok is not None and tok.kind == "punct" and tok.value in marks:
            self.i += 1
            return tok.value
        return None

    def take_phrase(self, table: PhraseIndex) -> str | None:
        """The longest phrase of ``table`` that starts here, looked up by its first word."""
        for words, meaning in table.get(self.word() or "", ()):
            if self.take_words(*words):
                return meaning
        return None

    def take_dot(self) -> None:
        """The full stop of an abbreviation (Sept., c., B.C.), if there is one."""
        tok = self.ahead[self.i]
        if tok is not None and tok.value == "." and tok.start == self.last_end():
            self.i += 1

    # Expressions --------------------------------------------------------------

    def expression(self) -> Expression:
        if not self.tokens:
            raise self.fail("a date expression")
        first_word = self.word()
        if first_word is None:
            return self.expression_from_token()
        if first_word not in _EXPRESSION_WORDS:  # most dates begin with their unit
            return self.unit_expression()
        if first_word in ("sometime", "some"):
            self.take_words("sometime") or self.take_words("some", "time")
            first_word = self.word()
        # Each form below is tried only where its first word stands.
        if first_word == "between" and self.take_words("between"):
            first = self.unit()
            if not (self.take_words("and") or self.take_punct("&")):
                raise self.fail("'and' and the second date of 'between ... and ...'")
            return self.finish(Expression("between", first, self.unit()))
        if first_word == "from" and self.take_words("from"):
            first = self.unit()
            second = self.range_end(first)
            if second is not None:
                return self.finish(Expression("span", first, second))
            return self.finish(Expression("since", first))
        if first_word is None or first_word in _OFFSET_WORDS:
            offset = self.offset()
            if offset is not None:
                return self.finish(offset)
        if first_word in _OPEN:
            form = self.take_phrase(_OPEN)
            if form is not None:
                return self.finish(Expression(form, self.unit()))
        if first_word is None:
            year_range = self.year_range()
            if year_range is not None:
                return self.finish(year_range)
        return self.unit_expression()

    def unit_expression(self) -> Expression:
        """A unit alone, or a span or either-or that begins with it."""
        first = self.unit()
        tok = self.ahead[self.i]
        if tok is None:  # the whole text was the unit: no range, no 'or'
            return Expression("single", first)
        second = self.range_end(first)
        if second is not None:
            return self.finish(Expression("span", first, second))
        either = self.either(first)
        if either is not None:
            return self.finish(either)
        return self.finish(Expression("single", first))

    def expression_from_token(self) -> Expression:
        """An expression that begins with a number, a date or a sign: no leading words."""
        tok = self.peek()
        if tok is None:
            pass
        elif tok.kind == "num":
            offset = self.offset()
            if offset is not None:
                return self.finish(offset)
        elif tok.kind == "date":
            year_range = self.year_range()
            if year_range is not None:
                return self.finish(year_range)
        first = self.unit()
        second = self.range_end(first)
        if second is not None:
            return self.finish(Expression("span", first, second))
        return self.finish(Expression("single", first))

    def range_end(self, first: Unit) -> Unit | None:
        """The date after ``to`` or ``-``; None when there is no range.

        In running text a dash may just be punctuation ("in Sept. 2024 - and then"):
        there, a dash or ``to`` not followed by a date leaves the first date alone.
        """
        at = self.i
        if not self.take_range_word():
            return None
        try:
            return self.second_unit(first)
        except ParseError:
            if not self.partial:
                raise
            self.i = at
            return None

    def offset(self) -> Expression | None:
        """``2 weeks after X``, ``the day before X``, ``within 3 days of X``."""
        within = self.word() == "within"
        k = 1 if within else 0
        tok = self.peek(k)
        if tok is None:
            return None
        if tok.kind == "num":
            amount = int(tok.value)
        elif tok.kind == "word" and (tok.value in NUMBERS or tok.value == "the"):
            amount = NUMBERS.get(tok.value, 1)
        else:
            return None
        unit = UNIT_WORDS.get(self.word(k + 1) or "")
        after = self.word(k + 2)
        if (
            unit is None
            or (within and after != "of")
            or (not within and after not in ("after", "before", "later", "earlier"))
        ):
            return None
        if after in ("later", "earlier") and self.word(k + 3) != "than":
            return None  # "a year earlier" refers back: a unit (referback.py)
        if tok.value == "the" and (
            within or self.word(k + 1) not in ("day", "week", "month", "year")
        ):
            return None
        if amount <= 0:
            raise self.fail("a positive number of units", tok.start)
        self.i += k + 3
        if after in ("later", "earlier") and not self.take_words("than"):
            raise self.fail(f"'than' after '{after}'")
        form = (
            "within"
            if within
            else ("offset-after" if after in ("after", "later") else "offset-before")
        )
        return Expression(form, self.unit(), amount=amount, unit=unit)

    def year_range(self) -> Expression | None:
        """``1985-87``: a span of years where the digits after '-' cannot be a month or code."""
        tok = self.peek()
        if tok is None or tok.kind != "date" or len(tok.value) != 7 or tok.value[4] != "-":
            return None
        if not tok.value.replace("-", "").isdigit() or self.word(1) == "winter":
            return None
        first, tail = int(tok.value[:4]), int(tok.value[5:])
        if tail <= 41:  # a month, a code, or (13-20) an impossible month: EDTF decides
            return None
        last = first // 100 * 100 + tail
        if last <= first:
            last += 100
        self.i += 1
        return Expression(
            "span",
            Unit("year", tok.start, tok.start + 4, year=first),
            Unit("year", tok.start + 5, tok.end, year=last),
        )

    def second_unit(self, first: Unit) -> Unit:
        """The end of a span; ``1985 - 87`` and ``12-14 May`` borrow from the first."""
        tok = self.peek()
        if (
            tok is not None
            and tok.kind == "num"
            and len(tok.value) == 2
            and first.kind == "year"
            and first.year is not None
            and first.year >= 100
            and self.peek(1) is None
        ):
            self.i += 1
            last = first.year // 100 * 100 + int(tok.value)
            return Unit("year", tok.start, tok.end, year=last + 100 if last <= first.year else last)
        return self.unit()

    def take_range_word(self) -> bool:
        word = self.word()
        if word in RANGE_WORDS:
            self.i += 1
            return True
        return self.take_punct("-") is not None

    def finish(self, expression: Expression) -> Expression:
        tok = self.peek()
        if tok is not None and not self.partial:
            raise self.fail("the end of the date expression")
        return expression

    def take_comma_before_year(self) -> None:
        """``May 12, 2025``: the comma belongs to the date only when a year follows."""
        here = self.ahead[self.i]
        if here is None or here.value != "," or here.kind != "punct":
            return
        tok = self.ahead[self.i + 1]
        if tok is not None and tok.kind == "num" and len(tok.value) >= 3:
            self.i += 1

    def take_abbreviation_dot(self, word: str, full_names: frozenset[str]) -> None:
        """``Sept.`` keeps its full stop; ``May.`` at a sentence's end does not."""
        if word not in full_names:
            self.take_dot()

    # Units --------------------------------------------------------------------

    def unit(self) -> Unit:
        start = self.here()
        words = self.words
        widen = 0
        while words[self.i] in _APPROXIMATE and not (
            words[self.i] == "some" and words[self.i + 1] == "time"
        ):
            self.i += 1
            self.take_dot()
            widen += 1
        widen = min(widen, 1)
        while words[self.i] in _LEAD_WORDS:
            self.i += 1
        parts: list[str] = []
        while words[self.i] in _PART_STARTS:
            if words[self.i] == "the" and words[self.i + 1] in ("early", "mid", "late"):
                self.i += 1  # the early 1990s
            part = self.take_phrase(_PARTS)
            if part is None:
                part = self.take_fraction_of()
            if part is None:
                break
            part = self.joined_part(part) or part
            parts.append(part)
            self.take_punct("-")
            while words[self.i] in ("in", "of"):
                self.i += 1
        base = self.base()
        if not parts:
            if base.start == start and base.widen == widen:
                return base
            return _placed(base, start, base.parts, widen)
        for k, part in enumerate(parts):
            if (
                part.startswith(("half", "quarter"))
                and base.kind == "year"
                and not base.parts
                and k == len(parts) - 1
            ):
                # the first half of 2023 is H1 2023: a unit, not a part
                kind = "half" if part.startswith("half") else "quarter"
                base = base._replace(kind=kind, number=int(part[-1]), parts=())
                parts = parts[:k]
                break
        return _placed(base, start, base.parts + tuple(reversed(parts)), widen)

    def take_fraction_of(self) -> str | None:
        """``the first half of`` / ``the third quarter of``: a part when 'of' follows."""
        k = 1 if self.word() == "the" else 0
        ordinal, noun = self.word(k), self.word(k + 1)
        if ordinal == "last" and noun in ("half", "quarter") and self.word(k + 2) == "of":
            ordinal = "second" if noun == "half" else "fourth"  # the last half of 1989
        if ordinal in ORDINALS and noun in ("half", "quarter") and self.word(k + 2) == "of":
            number = ORDINALS[ordinal]
            if (noun == "half" and number <= 2) or (noun == "quarter" and number <= 4):
                self.i += k + 3
                return f"{noun}{number}"
        count = self.peek(k + 1)  # the first six months of 2022: its first half
        months = _MONTH_COUNTS.get("" if count is None else count.value)
        at_months = self.word(k + 2) == "months" and self.word(k + 3) == "of"
        if ordinal in ("first", "last") and months and at_months:
            self.i += k + 4
            if months == 6:
                return "half1" if ordinal == "first" else "half2"
            return "quarter1" if ordinal == "first" else "quarter4"
        return None

    def base(self) -> Unit:
        tok = self.peek()
        if tok is None:
            raise self.fail(_EXPECTED_UNIT)
        if tok.kind == "num" or tok.value in _BACK_STARTS:
            back = referback.read(self.tokens, self.i)  # "that year", "a month later"
            if back is not None:
                unit, self.i = back
                return unit
        if tok.kind == "word" and tok.value == "the":
            self.i += 1
            tok = self.peek()
            if tok is None:
                raise self.fail(_EXPECTED_UNIT)
        start = tok.start
        if tok.kind in ("date", "num") and "winter" in (
            self.words[self.i + 1],
            self.words[self.i + 3],
        ):
            winter = self.winter_before(start)
            if winter is not None:
                return winter
        if tok.kind == "date":
            self.i += 1
            return Unit(
                "fixed", start, tok.end, fixed=edtf.parse_date(self.text, tok.start, tok.end)
            )
        if tok.kind == "num":
            return self.from_number(tok)
        if tok.kind == "ordinal":
            return self.from_ordinal(tok)
        if tok.kind == "isoweek":
            self.i += 1
            return Unit("week", start, tok.end, year=int(tok.value[:4]), number=int(tok.value[-2:]))
        if tok.kind == "decade":
            return self.decade(tok)
        if tok.kind == "ref":
            self.i += 1
            return Unit("ref", start, tok.end, ref=tok.value[1:])
        if tok.kind == "word":
            return self.from_word(tok)
        raise self.fail(_EXPECTED_UNIT)

    def from_number(self, tok: Token) -> Unit:
        n, digits = int(tok.value), len(tok.value)
        if self.ahead[self.i + 1] is None:  # a number alone: a year
            self.i += 1
            return self.year_from(tok, n, digits)
        if self.punct(1) == "/" and self.peek(2) is not None and self.peek(2).kind == "num":  # type: ignore[union-attr]
            return self.numeric_date(tok)
        if digits <= 2 and self.month_word(1) is not None:
            self.i += 1
            return self.day_month(tok.start, n, tok)
        if self.word(1) in UNIT_WORDS and self.word(2) == "ago":
            self.i += 1
            return self.ago(tok.start, n)
        if digits <= 2:
            misspelt = self.misspelt(1)  # 18 Mya 1969
            if misspelt is not None:
                raise misspelt
        fraction = self.year_then_fraction(tok)
        if fraction is not None:
            return fraction
        self.i += 1
        return self.year_from(tok, n, digits)

    def year_from(self, tok: Token, n: int, digits: int) -> Unit:
        era = self.era() if self.words[self.i] in _ERA_STARTS else None
        if era == "bc":
            if n == 0:
                raise self.fail("a year from 1 BC back: there is no year 0 BC", tok.start)
            return Unit("year", tok.start, self.last_end(), year=1 - n)
        if era is None and not 3 <= digits <= 4:
            raise self.fail(
                "a year of three or four digits (larger with AD or BC, or EDTF's Y12000), "
                "or a day followed by a month",
                tok.start,
            )
        if n == 0 and era == "ad":
            raise self.fail("a year from AD 1 on: there is no year 0 AD", tok.start)
        return Unit("year", tok.start, self.last_end(), year=n)

    def era(self) -> str | None:
        """BC, BCE, B.C., B.C.E., AD, A.D., CE, C.E. after a year; None when absent."""
        joined = ""
        found: tuple[str, int] | None = None
        j = self.i
        while j < len(self.tokens):
            tok = self.tokens[j]
            if tok.kind == "word" and any(e.startswith(joined + tok.value) for e in _ERAS):
                joined += tok.value
                if joined in _ERAS:
                    found = (joined, j + 1)
            elif not (tok.kind == "punct" and tok.value == "." and joined):
                break
            j += 1
        if found is None:
            return None
        self.i = found[1]
        self.take_dot()
        return "bc" if found[0].startswith("b") else "ad"

    def month_word(self, k: int = 0) -> int | None:
        word = self.word(k)
        return MONTHS.get(word) if word is not None else None

    def numeric_date(self, tok: Token) -> Unit:
        parts: list[Token] = [tok]
        self.i += 1
        while self.take_punct("/"):
            nxt = self.peek()
            if nxt is None or nxt.kind != "num":
                raise self.fail("a number after '/' in a numeric date")
            parts.append(nxt)
            self.i += 1
        if len(parts) != 3 or len(parts[2].value) != 4:
            raise self.fail("a numeric date of the form DD/MM/YYYY or MM/DD/YYYY", tok.start)
        a, b, year = (int(p.value) for p in parts)
        readings = []
        for day, month, order in ((a, b, True), (b, a, False)):
            if 1 <= month <= 12 and 1 <= day <= 31:
                readings.append((day, month, order))
        if self.dayfirst is not None:
            readings = [r for r in readings if r[2] == self.dayfirst]
        distinct = {(d, m) for d, m, _ in readings}
        if not distinct:
            raise self.fail("a day and a month of a real date", tok.start)
        if len(distinct) > 1:
            raise self.fail(
                f"an unambiguous date: {self.text[tok.start : parts[2].end]} could be "
                f"day/month or month/day (set the day-month order)",
                tok.start,
            )
        day, month = distinct.pop()
        return Unit("day", tok.start, parts[2].end, year=year, month=month, day=day)

    def day_month(self, start: int, day: int, day_tok: Token) -> Unit:
        """After the day: ``May[.] [,] [year]`` (12 May 2025, 12th of May)."""
        self.take_words("of")
        month = self.month_word()
        if month is None:
            raise self.misspelt() or self.fail("a month name after the day")
        word = self.word() or ""
        self.i += 1
        self.take_abbreviation_dot(word, FULL_MONTHS)
        self.take_comma_before_year()
        year = self.optional_year()
        return Unit("day", start, self.last_end(), year=year, month=month, day=day)

    def optional_year(self) -> int | None:
        tok = self.peek()
        if tok is not None and tok.kind == "num" and len(tok.value) >= 3:
            self.i += 1
            return self.year_from(tok, int(tok.value), len(tok.value)).year
        return None

    def from_ordinal(self, tok: Token) -> Unit:
        n = int(tok.value[:-2])
        self.i += 1
        self.take_punct("-")
        if self.week_of_month(0):
            return self.month_week(tok.start, n, 0)
        if self.take_words("century") or self.take_words("c"):
            return self.century(tok.start, n)
        if self.word() == "of" or self.month_word() is not None:
            return self.day_month(tok.start, n, tok)
        raise self.misspelt() or self.fail("'century' or a month after the ordinal")

    def century(self, start: int, n: int) -> Unit:
        if n < 1:
            raise self.fail("a century from the 1st on", start)
        era = self.era()
        if era == "bc":  # the 5th century BC: 500 BC - 401 BC, astronomical -499 - -400
            first = -(n * 100 - 1)
        else:  # the nth century AD: (n-1)00 - (n-1)99, but the 1st is years 1 - 99
            first = 1 if n == 1 else (n - 1) * 100
        return Unit("century", start, self.last_end(), year=first)

    def decade(self, tok: Token) -> Unit:
        self.i += 1
        digits = tok.value.lstrip("'")[:-1]
        if tok.value.startswith("'") or len(digits) == 2:
            return Unit("decade", tok.start, tok.end, year=int(digits), two_digit=True)
        first = int(digits)
        era = self.era()
        if era == "bc":
            if first % 100 == 0 and first != 2000:
                return Unit("century", tok.start, self.last_end(), year=-(first + 99))
            return Unit("decade", tok.start, self.last_end(), year=-(first + 8))
        return Unit(decade_kind(first), tok.start, self.last_end(), year=first)

    def ago(self, start: int, n: int) -> Unit:
        unit = UNIT_WORDS[self.word() or ""]
        self.i += 2
        if n <= 0:
            raise self.fail("a positive number before 'ago'", start)
        return Unit("ago", start, self.last_end(), amount=n, unit=unit)

    def from_word(self, tok: Token) -> Unit:
        word = tok.value
        start = tok.start
        if word in _MORE_FORM_WORDS:
            more = self.more_forms(tok)
            if more is not None:
                return more
        month = MONTHS.get(word)
        if month is not None:
            self.i += 1
            self.take_abbreviation_dot(word, FULL_MONTHS)
            return self.after_month(start, month)
        if word in WEEKDAYS:
            self.i += 1
            self.take_abbreviation_dot(word, _FULL_WEEKDAYS)
            return self.after_weekday(start, WEEKDAYS[word])
        if word in SEASONS:
            self.i += 1
            self.take_words("of")
            year = self.optional_year()
            return Unit("season", start, self.last_end(), year=year, number=SEASONS[word])
        if word in ("q", "h") and self.peek(1) is not None and self.peek(1).kind == "num":  # type: ignore[union-attr]
            number = int(self.peek(1).value)  # type: ignore[union-attr]
            if not 1 <= number <= (4 if word == "q" else 2):
                raise self.fail(f"{'Q1 to Q4' if word == 'q' else 'H1 or H2'}", start)
            self.i += 2
            self.take_words("of")
            year = self.optional_year()
            return Unit(
                "quarter" if word == "q" else "half",
                start,
                self.last_end(),
                year=year,
                number=number,
            )
        if word in ORDINALS and self.word(1) in ("quarter", "half"):
            number = ORDINALS[word]
            kind = self.word(1) or ""
            if number > (4 if kind == "quarter" else 2):
                raise self.fail(f"a {kind} that a year has", start)
            self.i += 2
            return Unit(kind, start, self.last_end(), number=number)
        if word in ORDINALS and self.word(1) == "century":
            self.i += 2
            return self.century(start, ORDINALS[word])
        if word == "ad" or (word == "a" and self.punct(1) == "." and self.word(2) == "d"):
            self.i += 1 if word == "ad" else 3
            self.take_dot()
            nxt = self.peek()
            if nxt is None or nxt.kind != "num":
                raise self.fail("a year after AD")
            self.i += 1
            if int(nxt.value) == 0:
                raise self.fail("a year from AD 1 on: there is no year 0 AD", nxt.start)
            return Unit("year", start, nxt.end, year=int(nxt.value))
        if word == "week" and self.peek(1) is not None and self.peek(1).kind == "num":  # type: ignore[union-attr]
            week = int(self.peek(1).value)  # type: ignore[union-attr]
            self.i += 2
            if not (self.take_words("of") or self.take_punct(",")) and self.peek() is None:
                raise self.fail("'of' and a year after the week number")
            year = self.optional_year()
            if year is None:
                raise self.fail("the year of the week")
            return Unit("week", start, self.last_end(), year=year, number=week)
        if word in ("today", "now", "yesterday", "tomorrow"):
            self.i += 1
            offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            return Unit("today", start, tok.end, amount=offset)
        if word in ("recently", "lately"):
            self.i += 1
            return Unit("recent", start, tok.end)
        if word in DECADE_WORDS:
            self.i += 1
            return Unit("decade", start, tok.end, year=DECADE_WORDS[word], two_digit=True)
        after = self.peek(1)
        possessive = after is not None and after.kind == "poss"
        if word == "year" and (
            (self.punct(1) == "-" and self.word(2) == "end")
            or (possessive and self.word(2) == "end")
        ):
            self.i += 3
            year = self.optional_year()
            return Unit("yearend", start, self.last_end(), year=year)
        if word == "weekend":
            self.i += 1
            return Unit("weekend", start, tok.end, shift="last")
        if word in _SHIFT_WORDS:
            return self.shifted(tok)
        if word in NUMBERS and self.word(1) in UNIT_WORDS and self.word(2) == "ago":
            if NUMBERS[word] == 0:
                raise self.fail("a number of units before 'ago'")
            self.i += 1
            return self.ago(start, NUMBERS[word])
        raise self.misspelt() or self.fail(_EXPECTED_UNIT)

    def after_month(self, start: int, month: int) -> Unit:
        """After a month name: ``12[,] [2025]``, ``12th``, ``2024``, ``of 2024`` or nothing."""
        if month % 3 == 0 and self.word() == "quarter":  # the December quarter: Q4
            self.i += 1
            self.take_words("of")
            year = self.optional_year()
            return Unit("quarter", start, self.last_end(), year=year, number=month // 3)
        if self.words[self.i] is not None:  # this year, twelfth: only words begin them
            more = self.after_month_more(start, month)
            if more is not None:
                return more
        tok = self.peek()
        if tok is not None and tok.kind in ("num", "ordinal"):
            digits = tok.value if tok.kind == "num" else tok.value[:-2]
            if len(digits) <= 2:
                self.i += 1
                self.take_comma_before_year()
                year = self.optional_year()
                return Unit("day", start, self.last_end(), year=year, month=month, day=int(digits))
        nxt = self.peek(1)
        if self.word() == "of" and nxt is not None and nxt.kind == "num" and len(nxt.value) >= 3:
            self.i += 1  # May of 2025
        self.take_comma_before_year()
        year = self.optional_year()
        return Unit("month", start, self.last_end(), year=year, month=month)

    def after_weekday(self, start: int, weekday: int) -> Unit:
        at = self.i
        self.take_punct(",")
        self.take_words("the")
        tok = self.peek()
        if tok is None or not (
            tok.kind in ("num", "ordinal", "date") or self.month_word() is not None
        ):
            self.i = at  # "Monday, terrorists ...": the comma is the sentence's
            return Unit("weekday", start, self.last_end(), weekday=weekday)
        if tok is not None and (
            tok.kind in ("num", "ordinal", "date") or self.month_word() is not None
        ):
            day = self.base()
            if day.kind not in ("day", "fixed") or (
                day.kind == "fixed" and day.fixed is not None and day.fixed.precision != "day"
            ):
                raise self.fail("a full date after the weekday", tok.start)
            return day._replace(start=start, weekday=weekday)
        return Unit("weekday", start, self.last_end(), weekday=weekday)

    def shifted(self, tok: Token) -> Unit:
        """``last year``, ``this coming Friday``, ``next quarter``, ``the past decade``."""
        shift = _SHIFT_WORDS[tok.value]
        self.i += 1
        if shift == "this" and self.take_words("coming"):
            shift = "next"
        elif shift == "this" and self.take_words("past"):
            shift = "ended"  # this past spring: the most recent that has ended
        word = self.word()
        if word is None:
            raise self.fail("a unit after '" + tok.value + "' (year, month, week, Friday, ...)")
        self.i += 1
        end = self.last_end()
        if shift == "ended" and word not in SEASONS and word not in MONTHS:
            shift = "last"
        if word == "year":
            fraction = self.year_possessive(tok.start, shift)
            if fraction is not None:
                return fraction
        if word in WEEKDAYS:
            return Unit("weekday", tok.start, end, weekday=WEEKDAYS[word], shift=shift)
        if word in SEASONS:
            return Unit("season", tok.start, end, number=SEASONS[word], shift=shift)
        if word == "weekend":
            return Unit("weekend", tok.start, end, shift=shift)
        if word in ("year", "month", "week", "quarter", "decade", "century", "half"):
            return Unit("relative", tok.start, end, unit=word, shift=shift)
        if word in MONTHS:
            return Unit("month", tok.start, end, month=MONTHS[word], shift=shift)
        self.i -= 1
        raise self.misspelt() or self.fail(
            "year, month, week, quarter, decade, a weekday, a month or a season"
        )

    # More forms: holidays, fiscal years, weeks of a month, spelled-out years ----------

    def more_forms(self, tok: Token) -> Unit | None:
        """The forms led by a word that dates.md's "More forms" adds; None when none begins here."""
        word, start = tok.value, tok.start
        if word in _HOLIDAY or word == "fourth":
            found = self.holiday(start)
            if found is not None:
                return found
            if word != "fourth":
                raise self.fail(_EXPECTED_HOLIDAY, start)
        if word in ("fy", "fiscal"):
            return self.fiscal(start)
        if word == "winter":
            k = 2 if self.word(1) == "of" else 1
            first = self.winter_year(k)
            if first is not None:
                return Unit("season", start, self.last_end(), year=first, number=SEASONS["winter"])
            return None
        if word == "turn" and self.word(1) == "of":
            return self.turn(start)
        if word == "year" and self.peek(1) is not None:
            nxt = self.peek(1)
            assert nxt is not None
            if nxt.kind == "num" and len(nxt.value) in (3, 4):
                self.i += 2  # the year 1996
                return Unit("year", start, nxt.end, year=int(nxt.value))
            at = self.i
            self.i += 1
            spelled = self.spelled_year(start)
            if spelled is not None:
                return spelled
            self.i = at
            return None
        if word == "last" and self.week_of_month(1):
            return self.month_week(start, 0, 1)
        ordinal = self.spelled_ordinal(0) if word in _SPELLED_ORDINAL_STARTS else None
        if ordinal is not None:
            found = self.after_ordinal_word(start, *ordinal)
            if found is not None:
                return found
        if word in _TENS or word in _SMALL:
            return self.spelled_year(start)
        return None

    def holiday(self, start: int) -> Unit | None:
        for words, name in _HOLIDAYS.get(self.word() or "", ()):
            if all(self.token_value(k) == w for k, w in enumerate(words)):
                self.i += len(words)
                if self.word() == "of" and self.year_follows(1):
                    self.i += 1
                self.take_comma_before_year()
                year = self.optional_year()
                return Unit("holiday", start, self.last_end(), year=year, name=name)
        return None

    def token_value(self, k: int) -> str | None:
        tok = self.peek(k)
        return tok.value if tok is not None and tok.kind in ("word", "poss") else None

    def year_follows(self, k: int) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.kind == "num" and len(tok.value) >= 3

    def fiscal(self, start: int) -> Unit:
        """``FY2023``, ``FY 2023``, ``FY22``, ``FY2022-23``, ``fiscal Q3 2023``.

        A two-digit year is placed by resolve, against the reference date.
        """
        self.i += 1
        if self.word(-1) == "fiscal":
            self.take_words("year")
        quarter = None
        if self.word() == "q" and self.peek(1) is not None and self.peek(1).kind == "num":  # type: ignore[union-attr]
            quarter = int(self.peek(1).value)  # type: ignore[union-attr]
            if not 1 <= quarter <= 4:
                raise self.fail("a fiscal quarter from Q1 to Q4", self.here())
            self.i += 2
        unit = self.fiscal_year(start)
        return unit if quarter is None else unit._replace(number=quarter)

    def fiscal_year(self, start: int) -> Unit:
        """The year of a fiscal year: the year it ends in, written in full, short or as 2022-23."""
        tok = self.peek()
        if tok is not None and tok.kind == "date" and len(tok.value) == 7 and tok.value[4] == "-":
            first, tail = tok.value[:4], tok.value[5:]
            if first.isdigit() and tail.isdigit() and (int(first) + 1) % 100 == int(tail):
                self.i += 1
                return Unit("fiscal", start, tok.end, year=int(first) + 1)
        if tok is not None and tok.kind == "num" and len(tok.value) in (2, 4):
            self.i += 1
            two = len(tok.value) == 2
            return Unit("fiscal", start, tok.end, year=int(tok.value), two_digit=two)
        raise self.fail(_EXPECTED_FISCAL, start)

    def winter_year(self, k: int) -> int | None:
        """``1941-42`` or ``1941/42`` at ``k`` ahead: a winter across two years; taken if so."""
        tok = self.peek(k)
        if tok is None:
            return None
        if tok.kind == "date" and len(tok.value) == 7 and tok.value[4] == "-":
            first, tail, used = tok.value[:4], tok.value[5:], 1
        elif tok.kind == "num" and len(tok.value) == 4 and self.punct(k + 1) == "/":
            after = self.peek(k + 2)
            if after is None or after.kind != "num" or len(after.value) not in (2, 4):
                return None
            first, tail, used = tok.value, after.value[-2:], 3
        else:
            return None
        if not (first.isdigit() and tail.isdigit()) or (int(first) + 1) % 100 != int(tail):
            return None
        self.i += k + used
        return int(first)

    def turn(self, start: int) -> Unit:
        """``the turn of the century`` (the reference says which) or ``of the 20th century``."""
        self.i += 2
        self.take_words("the")
        if self.take_words("century"):
            return Unit("turn", start, self.last_end())
        tok = self.peek()
        n = None
        if tok is not None and tok.kind == "ordinal":
            n = int(tok.value[:-2])
        elif tok is not None and tok.kind == "word" and tok.value in DAY_ORDINALS:
            n = DAY_ORDINALS[tok.value]
        if n is not None and n >= 1:
            self.i += 1
            self.take_punct("-")
            if self.take_words("century"):
                return Unit("turn", start, self.last_end(), year=(n - 1) * 100)
        raise self.fail("'the century' or a century such as 'the 20th century' after 'the turn of'")

    def spelled_ordinal(self, k: int) -> tuple[int, int] | None:
        """``twelfth``, ``twenty-first``, ``thirtieth`` at ``k`` ahead: (number, tokens)."""
        word = self.word(k)
        if word in DAY_ORDINALS:
            return DAY_ORDINALS[word], 1
        if word in ("twenty", "thirty") and self.punct(k + 1) == "-":
            unit = self.word(k + 2)
            if unit in ORDINALS and ORDINALS[unit] <= 9:
                return _TENS[word] + ORDINALS[unit], 3
        return None

    def week_of_month(self, k: int) -> bool:
        return self.word(k) == "week" and self.word(k + 1) == "of" and bool(self.month_word(k + 2))

    def month_week(self, start: int, n: int, used: int) -> Unit:
        """``the first week of May 2020``: week ``n`` (0 for the last) of a month."""
        if not 0 <= n <= 4:
            raise self.fail("the first to the fourth or the last week of a month", start)
        self.i += used + 2
        month = self.month_word() or 1
        word = self.word() or ""
        self.i += 1
        self.take_abbreviation_dot(word, FULL_MONTHS)
        found = self.after_month(start, month)
        if found.kind != "month":
            raise self.fail("a month and its year after 'week of'", start)
        return found._replace(kind="monthweek", number=n or 5)  # 5: the last

    def after_ordinal_word(self, start: int, n: int, used: int) -> Unit | None:
        """After a spelled ordinal: a day (the twelfth of May), a week of a month, a quarter."""
        after = self.word(used)
        if self.week_of_month(used):
            return self.month_week(start, n, used)
        if used == 1 and n <= 4 and self.punct(1) == "-" and self.word(2) in ("quarter", "half"):
            kind = self.word(2) or ""
            if n > (4 if kind == "quarter" else 2):
                raise self.fail(f"a {kind} that a year has", start)
            self.i += 3  # third-quarter profit, first-half sales
            return Unit(kind, start, self.last_end(), number=n)
        if used == 1 and n <= 4 and after == "fiscal" and self.word(2) == "quarter":
            self.i += 3  # the third fiscal quarter of 2023
            self.take_words("of")
            self.take_words("fiscal")
            self.take_words("year")
            self.take_words("fy")
            return self.fiscal_year(start)._replace(number=n)
        if (after == "of" and self.month_word(used + 1)) or self.month_word(used):
            self.i += used
            return self.day_month(start, n, self.tokens[self.i - 1])
        return None

    def below_hundred(self, k: int) -> tuple[int, int] | None:
        """A number from 1 to 99 written out at ``k`` ahead (ninety-six): (value, tokens)."""
        word = self.word(k)
        if word in _SMALL:
            return _SMALL[word], 1
        if word in _TENS:
            if self.punct(k + 1) == "-" and self.word(k + 2) in _SMALL:
                unit = _SMALL[self.word(k + 2) or ""]
                if unit <= 9:
                    return _TENS[word] + unit, 3
            return _TENS[word], 1
        return None

    def spelled_year(self, start: int) -> Unit | None:
        """``nineteen ninety-six``, ``nineteen oh five``, ``two thousand and eight``, ..."""
        first = self.below_hundred(0)
        if first is None:
            return None
        high, k = first
        year = None
        if self.word(k) == "thousand" and high <= 9:
            year, k = high * 1000, k + 1
            rest = self.below_hundred(k + 1 if self.word(k) == "and" else k)
            if rest is not None:
                year, k = year + rest[0], k + rest[1] + (1 if self.word(k) == "and" else 0)
        elif self.word(k) == "hundred" and high >= 10:
            year, k = high * 100, k + 1
            rest = self.below_hundred(k + 1 if self.word(k) == "and" else k)
            if rest is not None:
                year, k = year + rest[0], k + rest[1] + (1 if self.word(k) == "and" else 0)
        elif high >= 11:
            if self.word(k) in ("oh", "o") and self.word(k + 1) in _SMALL:
                low = _SMALL[self.word(k + 1) or ""]
                if low <= 9:
                    year, k = high * 100 + low, k + 2
            else:
                rest = self.below_hundred(k)
                if rest is not None and rest[0] >= 10:
                    year, k = high * 100 + rest[0], k + rest[1]
        if year is None:
            return None
        self.i += k
        return Unit("year", start, self.last_end(), year=year)

    def month_with_year_word(self, start: int, month: int) -> Unit | None:
        """``January this year``, ``June last year``, ``March next year``."""
        shift = _SHIFT_WORDS.get(self.word() or "")
        after = self.peek(2)
        if shift is None or self.word(1) != "year" or (after is not None and after.kind == "poss"):
            return None
        self.i += 2
        return Unit("month", start, self.last_end(), month=month, shift=shift, unit="year")

    def year_then_fraction(self, tok: Token) -> Unit | None:
        """``the 1988 second quarter``: a year before an ordinal quarter or half."""
        k = 2 if self.punct(2) == "-" else 1
        ordinal, noun = self.word(1), self.word(k + 1)
        if len(tok.value) != 4 or ordinal not in ORDINALS or noun not in ("quarter", "half"):
            return None
        number = ORDINALS[ordinal]
        if number > (4 if noun == "quarter" else 2):
            raise self.fail(f"a {noun} that a year has", tok.start)
        self.i += k + 2
        return Unit(noun, tok.start, self.last_end(), year=int(tok.value), number=number)

    def joined_part(self, first: str) -> str | None:
        """``mid-to-late``, ``early-to-mid``: two thirds of one unit, the first to the second."""
        if first not in ("early", "mid", "late"):
            return None
        h = 1 if self.punct() == "-" else 0
        if self.word(h) != "to":
            return None
        k = h + (2 if self.punct(h + 1) == "-" else 1)
        second = {"early": "early", "mid": "mid", "late": "late"}.get(self.word(k) or "")
        order = ("early", "mid", "late")
        if second is None or order.index(second) <= order.index(first):
            return None
        self.i += k + 1
        return f"{first}-{second}"

    def after_month_more(self, start: int, month: int) -> Unit | None:
        """``January this year``, ``May twelfth``: what may follow a month besides numbers."""
        relative = self.month_with_year_word(start, month)
        if relative is not None:
            return relative
        ordinal = self.spelled_ordinal(0)
        if ordinal is None or self.word(ordinal[1]) in UNIT_WORDS or self.punct(ordinal[1]) == "-":
            return None
        day, used = ordinal
        self.i += used
        self.take_comma_before_year()
        year = self.optional_year()
        return Unit("day", start, self.last_end(), year=year, month=month, day=day)

    def winter_before(self, start: int) -> Unit | None:
        """``the 1941-42 winter``: a winter across two years, written before the word."""
        at = self.i
        k = 1 if self.peek().kind == "date" else 3  # type: ignore[union-attr]
        if self.word(k) != "winter":
            return None
        first = self.winter_year(0)
        if first is None:
            self.i = at
            return None
        self.i += 1
        return Unit("season", start, self.last_end(), year=first, number=SEASONS["winter"])

    def year_possessive(self, start: int, shift: str) -> Unit | None:
        """``next year's first quarter``, ``last year's third quarter`` (after ``year``)."""
        tok = self.peek()
        if tok is None or tok.kind != "poss":
            return None
        k = 2 if self.punct(2) == "-" else 1
        ordinal, noun = self.word(1), self.word(k + 1)
        if ordinal not in ORDINALS or noun not in ("quarter", "half"):
            return None
        number = ORDINALS[ordinal]
        if number > (4 if noun == "quarter" else 2):
            raise self.fail(f"a {noun} that a year has", start)
        self.i += k + 2
        return Unit(noun, start, self.last_end(), number=number, shift=shift, unit="year")

    def either(self, first: Unit) -> Expression | None:
        """``late 2019 or early 2020``: one occurrence somewhere from the first to the second."""
        if self.word() != "or" or (self.partial and not first.parts):
            return None
        at = self.i
        self.i += 1
        try:
            second = self.unit()
        except ParseError:
            if not self.partial:
                raise
            self.i = at
            return None
        return Expression("between", first, second)
