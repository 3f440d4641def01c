"""Dates in prose: find them, resolve them against the document's date, draft events.

``extract(text, reference)`` returns every mention with its exact span and meaning
(extract.md): the tense of the statement picks past or future for a weekday, a
month, a month and day or a season, and wins over everything else; where it allows,
a weekday is the matching day within three days of the last day mentioned in the
same or the previous paragraph; a range is one mention, and each of its ends another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from chrono.days import Day
from chrono.errors import ParseError
from chrono.extract.finder import Found, find
from chrono.extract.focus import (
    History,
    compares,
    period_ending,
    refer_back,
    year_in_focus,
)
from chrono.extract.mention import Mention
from chrono.extract.text import (
    excerpt,
    index_of,
    paragraph_starts,
    reported,
    sentences,
    tense,
)
from chrono.model import Interval
from chrono.parse import Reference, to_day
from chrono.parsing.nodes import Expression, Unit
from chrono.resolve import CONTEXT_DAYS, borrow_year, resolve, weekday_near_interval

if TYPE_CHECKING:
    from chrono.extract.dateline import Dateline

_DIRECTED = frozenset({"weekday", "month", "day", "season", "quarter", "half"})
_OPEN_FORMS = frozenset({"before", "after", "by", "since", "from"})


@attrs.frozen
class Extraction:
    """The mentions of one document, in text order, and the reference they were read with."""

    text: str
    reference: Day | None
    mentions: tuple[Mention, ...]
    reference_from: Dateline | None = None  # where ``reference="auto"`` found the date


def extract(text: str, reference: Reference = None) -> Extraction:
    """Every date mention in ``text``, resolved against ``reference`` where it can be.

    ``reference="auto"`` takes it from the dateline (:mod:`chrono.extract.dateline`).
    """
    if isinstance(reference, str) and reference.strip().lower() == "auto":
        from chrono.extract.dateline import reference_of

        dateline = reference_of(text)
        return attrs.evolve(extract(text, dateline.day), reference_from=dateline)
    ref = to_day(reference)
    paragraphs = paragraph_starts(text)
    spans = sentences(text, paragraphs)
    sentence_starts = [a for a, _ in spans]
    mentions: list[Mention] = []
    anchor: tuple[int, Day] | None = None  # (paragraph, day) of the last day mentioned
    focus: tuple[int, Interval] | None = None  # (sentence, date) of the last date mentioned
    history = History(ref)
    for found in find(text):
        s = index_of(sentence_starts, found.start)
        sa, sb = spans[s] if spans else (0, len(text))
        sentence, sa = excerpt(text, sa, sb, found.start, found.end)  # bounded
        in_focus = None if focus is None else focus[1]
        same = focus is not None and focus[0] == s
        expr = refer_back(found.expression, in_focus, same, sentence, text)
        if expr is None:
            continue  # "the quarter" with no quarter in focus, outside financial news
        direction = None  # the tense is read only for a date whose occurrence it picks
        if any(u is not None and _wants_direction(u) for u in (expr.first, expr.second)):
            direction = tense(sentence, found.start - sa, found.end - sa)
        if text[found.start : found.start + 6].lower() == "since ":
            direction = "past"  # "since March": begun by the reference, whatever the verb
        if history.telling():
            expr = year_in_focus(expr, in_focus, ref, direction, text)
        paragraph = index_of(paragraphs, found.start)
        near = anchor[1] if anchor is not None and paragraph - anchor[0] <= 1 else None
        dates_report = reported(sentence, found.start - sa, found.end - sa)
        if dates_report:
            near = None  # "said Monday" dates the report: the reference date decides
        parent = _mention(
            text, found.start, found.end, expr, sentence, ref, direction, near, in_focus
        )
        mentions.append(parent)
        parent_index = len(mentions) - 1
        ends: tuple[Unit, ...] = ()
        if expr.form in ("span", "between") and expr.second is not None:
            ends = (borrow_year(expr.first, expr.second), expr.second)
        elif expr.form in _OPEN_FORMS:
            ends = (expr.first,)  # "since 1990": 1990 is a mention of its own, as in TimeML
        if ends:
            for unit in ends:
                end = _unit_end(text, unit)
                child = _mention(
                    text,
                    unit.start,
                    end,
                    Expression("single", unit),
                    sentence,
                    ref,
                    direction,
                    near,
                    in_focus,
                )
                mentions.append(attrs.evolve(child, part_of=parent_index))
        history.count(parent.interval)
        day = _single_day(parent.interval)
        if day is not None:
            anchor = (paragraph, day)
        if not (dates_report and expr.first.kind in ("weekday", "today")) and not compares(
            expr, in_focus
        ):
            latest = _bounded(mentions[parent_index:])  # the date a story is about
            if latest is not None and expr.second is None:
                latest = period_ending(text, found.start, latest)
            focus = (s, latest) if latest is not None else focus
    return Extraction(text, ref, tuple(mentions))


def _bounded(mentions: list[Mention]) -> Interval | None:
    """The date just mentioned that a phrase can refer back to: the whole, else its last end."""
    for m in [mentions[0], *reversed(mentions[1:])]:
        i = m.interval
        if i is not None and i.earliest is not None and i.latest is not None:
            return i
    return None


def _unit_end(text: str, unit: Unit) -> int:
    end = unit.end
    while end > unit.start and text[end - 1] in " ,":
        end -= 1
    return end


def _single_day(interval: Interval | None) -> Day | None:
    if interval is None or interval.is_span or interval.earliest is None:
        return None
    return interval.earliest if interval.earliest == interval.latest else None


def _mention(
    text: str,
    start: int,
    end: int,
    expression: Expression,
    sentence: str,
    reference: Day | None,
    direction: str | None,
    near: Day | None,
    focus: Interval | None = None,
) -> Mention:
    words = text[start:end]
    if (
        near is not None
        and expression.form == "single"
        and expression.first.kind == "weekday"
        and expression.first.shift is None
        and expression.first.weekday is not None
    ):
        interval = weekday_near_interval(expression.first.weekday, near)
        if _tense_allows(interval, reference, direction):
            return Mention(words, start, end, sentence, interval)
    directed = direction if _wants_direction(expression.first) else None
    try:
        interval = resolve(expression, reference, text, directed, focus=focus)
    except ParseError as err:
        return Mention(words, start, end, sentence, error=err.expected)
    except ValueError as err:
        return Mention(words, start, end, sentence, error=str(err))
    return Mention(words, start, end, sentence, interval)


def _tense_allows(interval: Interval, reference: Day | None, direction: str | None) -> bool:
    """Tense wins: a past statement's day is not after the reference, a future one's not before."""
    if reference is None or interval.earliest is None:
        return True
    if direction == "past":
        return interval.earliest <= reference
    if direction == "future":
        return interval.earliest >= reference
    return True


def _wants_direction(unit: Unit) -> bool:
    return unit.shift is None and unit.kind in _DIRECTED and unit.year is None


__all__ = ["CONTEXT_DAYS", "Extraction", "Found", "Mention", "extract"]
