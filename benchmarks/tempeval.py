"""Measure the date extractor against hand-tagged dates: TempEval-3 AQUAINT and our news set.

Each TimeML document gives a creation date (the reference) and a body whose
temporal expressions are tagged ``<TIMEX3 type=... value=...>``. We strip the tags,
run ``chrono.extract.extract`` on the plain text and compare what it finds with the
DATE timexes: span precision and recall by overlap, and, where the annotated value
names a definite window, whether our window is the same (value accuracy, over the
recalled dates; value recall, over all of them). What still goes wrong is counted
by kind (missed span, extra span, wrong year, tense, refer-back...).

Three sets are scored, each on its own. The AQUAINT dev set is not part of the
repository: give its folder of ``*.tml`` files with ``--data DIR`` or the environment
variable ``CHRONO_TEMPEVAL``; without it that set is skipped with a note. Two sets
of 36 short texts were written and annotated for this project: ``tests/data/news``
(``--news DIR``), held out for round two's first measurement and a development set
since, and ``tests/data/news2`` (``--news2 DIR``), written afterwards, blind, and
never used for tuning.
Run from the repository root: ``python benchmarks/tempeval.py [--data DIR] [--json] [--all]``.
It is a measurement, not a test: it exits 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chrono.days import Day, iso_week_monday, iso_weeks_in_year
from chrono.extract.mention import Mention
from chrono.model import Interval

DATA_VARIABLE = "CHRONO_TEMPEVAL"  # where the TimeML files are, when --data is not given
NEWS_FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"
HELD_OUT_FOLDER = NEWS_FOLDER.with_name("news2")
CONTEXT = 40  # characters shown either side of a miss


# --- reading TimeML -----------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    """One annotated expression, placed in the stripped text at ``[start, end)``."""

    tid: str
    type: str
    value: str
    text: str
    start: int
    end: int
    mod: str | None = None  # TimeML's START/END/AFTER...: the value alone then says less


@dataclass(frozen=True)
class Document:
    doc_id: str
    reference: Day
    text: str
    timexes: tuple[Timex, ...]


def parse_timeml(source: str | bytes, doc_id: str = "") -> Document:
    """Read a TimeML document: DCT as reference, TEXT stripped of its tags.

    An XML parser rather than regexes, so that entities come decoded and nested
    tags cost nothing; offsets are counted on the decoded text.
    """
    root = ET.fromstring(source)
    body = root.find("TEXT")
    dct = root.find("DCT/TIMEX3")
    if body is None or dct is None:
        raise ValueError(f"{doc_id or 'document'}: no TEXT or no DCT/TIMEX3")
    reference = creation_day(dct.get("value", ""))
    if reference is None:
        raise ValueError(f"{doc_id or 'document'}: DCT value {dct.get('value')!r} is not a day")
    text, timexes = strip_tags(body)
    return Document(doc_id or root.findtext("DOCID", "").strip(), reference, text, tuple(timexes))


def creation_day(value: str) -> Day | None:
    """The day of a DCT value; some carry a clock time (``1998-12-05T09:42``)."""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:T|$)", value)
    if match is None:
        return None
    return Day.from_ymd(*(int(g) for g in match.groups()))


def strip_tags(body: ET.Element) -> tuple[str, list[Timex]]:
    """The plain text under ``body`` (its own tail excluded) and its TIMEX3 spans.

    Walks text, children and tails in document order, so every character keeps its
    place; a TIMEX3 spans whatever its descendants contribute. Empty TIMEX3s
    (TimeML's non-consuming timexes) have nothing to find and are left out.
    """
    parts: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def emit(piece: str | None) -> None:
        nonlocal length
        if piece:
            parts.append(piece)
            length += len(piece)

    def walk(element: ET.Element) -> None:
        start = length
        emit(element.text)
        for child in element:
            walk(child)
            emit(child.tail)
        if element.tag == "TIMEX3" and length > start:
            timexes.append(
                Timex(
                    tid=element.get("tid", ""),
                    type=element.get("type", ""),
                    value=element.get("value", ""),
                    text="".join(element.itertext()),
                    start=start,
                    end=length,
                    mod=element.get("mod"),
                )
            )

    walk(body)
    timexes.sort(key=lambda t: (t.start, t.end))
    return "".join(parts), timexes


# --- annotated values as windows ----------------------------------------------------

_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALVES = {1: (1, 6), 2: (7, 12)}
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 14: Feb next year


def _months(year: int, first: int, last: int) -> tuple[Day, Day]:
    """First day of month ``first`` to last day of month ``last`` (13+ runs on)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return Day.first_of_month(year, first), Day.last_of_month(end_year, end_month)


def value_window(value: str) -> tuple[Day, Day] | None:
    """The [first, last] days a concrete TIMEX3 value names, or None if not concrete.

    Concrete: a day, month, year, quarter, half, season, ISO week, decade (``199``)
    or century (``19``). PRESENT_REF, X-patterns, times (``T``), durations and
    anything malformed are not: no single window to compare with.
    """
    try:
        return _window(value)
    except ValueError:  # a month 13 or a February 30 in the annotation
        return None


def _window(value: str) -> tuple[Day, Day] | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = Day.from_ymd(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if not 1 <= int(m[2]) <= 12:
            return None
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})", value):
        return _years(int(m[1]), 1)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return _months(int(m[1]), *_QUARTERS[int(m[2])])
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return _months(int(m[1]), *_HALVES[int(m[2])])
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return _months(int(m[1]), *_SEASONS[m[2]])
    if m := re.fullmatch(r"(\d{4})-W(\d{1,2})", value):  # the corpus writes W7 as well as W07
        year, week = int(m[1]), int(m[2])
        if not 1 <= week <= iso_weeks_in_year(year):
            return None
        monday = iso_week_monday(year, week)
        return monday, monday.plus(6)
    if m := re.fullmatch(r"(\d{3})", value):  # a decade: 199 is 1990-1999
        return _years(int(m[1]) * 10, 10)
    if m := re.fullmatch(r"(\d{2})", value):  # a century: 19 is 1900-1999
        return _years(int(m[1]) * 100, 100)
    if m := re.fullmatch(r"BC(\d{4})", value):  # BC0044 is 44 BC, astronomical year -43
        return _years(1 - int(m[1]), 1)
    if m := re.fullmatch(r"BC(\d{2})", value):  # BC04, the 5th century BC: 500-401 BC
        return _years(1 - (int(m[1]) + 1) * 100, 100)
    return None


def _years(first: int, count: int) -> tuple[Day, Day]:
    return Day.from_ymd(first, 1, 1), Day.from_ymd(first + count - 1, 12, 31)


# --- scoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Miss:
    """A line of the report: what went wrong where, with enough to look it up."""

    doc_id: str
    text: str
    context: str
    detail: str = ""
    category: str = ""  # what kind of miss: see :func:`categorize`


@dataclass
class Score:
    """Counts for one document or, summed with :func:`combine`, for the corpus."""

    documents: int = 0
    characters: int = 0
    seconds: float = 0.0
    dates: int = 0  # DATE timexes
    recalled: int = 0  # DATE timexes overlapped by some mention
    mentions: int = 0  # all predicted mentions, range ends included
    top_level: int = 0  # predicted mentions that are not the end of a range
    hits: int = 0  # top-level mentions overlapping a DATE timex
    other_type: int = 0  # top-level mentions overlapping only TIME/DURATION/SET timexes
    not_concrete: int = 0  # DATE timexes whose value names no single window
    value_checked: int = 0  # recalled DATE timexes with a concrete value
    value_correct: int = 0
    value_read: int = 0  # value_correct, and windows that are the part a TimeML mod names
    bad_offsets: int = 0  # mentions whose text is not text[start:end]
    missed: list[Miss] = field(default_factory=list)
    false_positives: list[Miss] = field(default_factory=list)
    mismatches: list[Miss] = field(default_factory=list)
    crashes: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.hits, self.top_level - self.other_type)

    @property
    def recall(self) -> float:
        return _ratio(self.recalled, self.dates)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.value_checked)

    @property
    def value_recall(self) -> float:
        """Right values over every concrete DATE timex, found or not."""
        return _ratio(self.value_correct, self.dates - self.not_concrete)

    @property
    def value_accuracy_mods(self) -> float:
        """As value_accuracy, a window that is the part a TimeML mod names counting as right."""
        return _ratio(self.value_read, self.value_checked)

    @property
    def value_recall_mods(self) -> float:
        return _ratio(self.value_read, self.dates - self.not_concrete)

    def categories(self) -> dict[str, int]:
        """How many misses of each kind, the commonest first."""
        counts: dict[str, int] = {}
        for miss in [*self.missed, *self.false_positives, *self.mismatches]:
            counts[miss.category] = counts.get(miss.category, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by [a_start, a_end) and [b_start, b_end)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _overlaps(mention: Mention, timex: Timex) -> bool:
    return overlap(mention.start, mention.end, timex.start, timex.end) > 0


def best_mention(timex: Timex, mentions: Sequence[Mention]) -> Mention | None:
    """The mention that stands for ``timex``: largest overlap, then shortest.

    Range ends take part, so a timex tagging one end of ``from May to June`` is
    judged by that end's window rather than the whole range's.
    """
    candidates = [m for m in mentions if _overlaps(m, timex)]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda m: (-overlap(m.start, m.end, timex.start, timex.end), m.end - m.start, m.start),
    )


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """``...before[span]after...`` on one line (whitespace runs as one space)."""

    def flat(piece: str) -> str:
        return re.sub(r"\s+", " ", piece)

    before = flat(text[max(0, start - width) : start])
    after = flat(text[end : end + width])
    return f"...{before}[{flat(text[start:end])}]{after}..."


def describe_window(first: Day | None, last: Day | None) -> str:
    return f"{first or '..'} .. {last or '..'}"


def score_document(document: Document, mentions: Sequence[Mention]) -> Score:
    """Compare one document's mentions with its timexes (no timing: see :func:`run`)."""
    text = document.text
    dates = [t for t in document.timexes if t.type == "DATE"]
    others = [t for t in document.timexes if t.type != "DATE"]
    score = Score(documents=1, characters=len(text), dates=len(dates), mentions=len(mentions))
    score.bad_offsets = sum(text[m.start : m.end] != m.text for m in mentions)

    for mention in (m for m in mentions if m.part_of is None):
        score.top_level += 1
        if any(_overlaps(mention, t) for t in dates):
            score.hits += 1
        elif any(_overlaps(mention, t) for t in others):
            score.other_type += 1
        else:
            where = context(text, mention.start, mention.end)
            score.false_positives.append(
                Miss(document.doc_id, mention.text, where, category=EXTRA_SPAN)
            )

    for timex in dates:
        _score_date(document, timex, mentions, score)
    return score


def _score_date(
    document: Document, timex: Timex, mentions: Sequence[Mention], score: Score
) -> None:
    """Recall and, for a concrete value, window agreement of one DATE timex."""
    window = value_window(timex.value)
    if window is None:
        score.not_concrete += 1
    mention = best_mention(timex, mentions)
    where = context(document.text, timex.start, timex.end)
    mod = f" mod={timex.mod}" if timex.mod else ""
    if mention is None:
        kind = MISSED_SPAN if window else MISSED_VAGUE
        score.missed.append(
            Miss(document.doc_id, timex.text, where, f"{timex.value}{mod}", category=kind)
        )
        return
    score.recalled += 1
    if window is None:
        return
    score.value_checked += 1
    interval = mention.interval
    if interval is not None and (interval.earliest, interval.latest) == window:
        score.value_correct += 1
        score.value_read += 1
        return
    if interval is not None and reads_mod(timex.mod, window, interval):
        score.value_read += 1  # TimeML's `late 2022` (2022, mod=END), and ours its last third
    if interval is None:
        ours = f"error: {mention.error}"
    else:
        ours = describe_window(interval.earliest, interval.latest)
    detail = f"{timex.value}{mod} = {describe_window(*window)}; ours ({mention.text!r}) = {ours}"
    kind = categorize(timex, window, interval, document.reference)
    score.mismatches.append(Miss(document.doc_id, timex.text, where, detail, category=kind))


# TimeML writes `late 2022` as the value 2022 with mod=END: the value alone is the whole
# unit. A window is what value and mod say together when it is that part of the unit.
# Each takes the unit's first and last day and ours, as ordinals.
_PARTS = {
    "START": lambda first, last, a, b: a == first and b < last,
    "END": lambda first, last, a, b: b == last and a > first,
    "MID": lambda first, last, a, b: first < a and b < last,
    "APPROX": lambda first, last, a, b: a <= first and last <= b and (a, b) != (first, last),
}


def reads_mod(mod: str | None, window: tuple[Day, Day], interval: Interval) -> bool:
    """Whether ``interval`` is the part of ``window`` that ``mod`` names (circa: around it)."""
    part = _PARTS.get(mod or "")
    first, last = window
    ours = (interval.earliest, interval.latest)
    if part is None or ours[0] is None or ours[1] is None:
        return False
    return bool(part(first.ordinal, last.ordinal, ours[0].ordinal, ours[1].ordinal))


# --- kinds of misses ----------------------------------------------------------------

MISSED_SPAN = "missed span"
MISSED_VAGUE = "missed span, no concrete value"  # now, PRESENT_REF, FY2009, XXXX-06-30
EXTRA_SPAN = "extra span"
UNRESOLVED = "unresolved (an error, no window)"
OPEN_BOUND = "open bound (since, by, before)"
MODIFIER = "modifier (mod=: late, early, circa)"
REFER_BACK = "refer-back"
TENSE = "tense (wrong side of the reference)"
WEEKDAY = "weekday off"
WRONG_YEAR = "wrong year"
SAME_SIZE = "wrong window of the right size"
GRANULARITY = "wrong granularity"
OTHER = "other"

# Words by which an expression points at a date mentioned before rather than at one of
# its own: "a year earlier", "that month", "the following spring", "the quarter".
_REFER_BACK = re.compile(
    r"\b(earlier|later|that|same|following|previous|prior|year-earlier|year-ago|latest)\b"
    r"|^the (quarter|period|year|month|decade|century|full year|whole year)$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?\b", re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(r"\d{4}|\d0s\b|'\d|century|FY", re.IGNORECASE)


def categorize(
    timex: Timex, window: tuple[Day, Day], interval: Interval | None, reference: Day
) -> str:
    """The kind of a value mismatch, first match wins, so that a README can count them.

    ``interval`` is the mention's meaning (None when it did not resolve). The order
    puts the causes before their symptoms: an annotated ``mod`` or a refer-back word
    explains a wrong window better than its size does, and a window on the wrong
    side of the reference date is a tense error before it is a wrong year.
    """
    if interval is None:
        return UNRESOLVED
    ours = (interval.earliest, interval.latest)
    our_first, our_last = ours
    if our_first is None or our_last is None:
        return OPEN_BOUND
    first, last = window
    if timex.mod and (
        first <= our_first <= our_last <= last or our_first <= first <= last <= our_last
    ):
        return MODIFIER  # TimeML's `late 2022` is 2022 with mod=END: ours is a part of it
    if _REFER_BACK.search(timex.text):
        return REFER_BACK
    wrong_side = _side(first, last, reference) != _side(our_first, our_last, reference)
    if wrong_side and not _EXPLICIT_YEAR.search(timex.text):
        return TENSE
    size, our_size = last - first, our_last - our_first
    if timex.mod or abs(size - our_size) <= max(3, size // 50):  # months, years vary a little
        if size == 0 and (our_first - first) % 7 == 0 and _WEEKDAY.search(timex.text):
            return WEEKDAY
        if our_first.year != first.year and (timex.mod or our_first.month == first.month):
            return WRONG_YEAR
        return OTHER if timex.mod else SAME_SIZE
    if our_first <= last and first <= our_last:
        return GRANULARITY
    return OTHER


def _side(first: Day, last: Day, reference: Day) -> int:
    """-1 for a window wholly before the reference date, 1 wholly after, 0 holding it."""
    return -1 if last < reference else 1 if first > reference else 0


def combine(scores: Iterable[Score]) -> Score:
    """Sum per-document scores; lists concatenate in document order."""
    total = Score()
    for score in scores:
        for name, value in vars(score).items():
            setattr(total, name, getattr(total, name) + value)
    return total


# --- running ------------------------------------------------------------------------


def run(document: Document) -> Score:
    """Extract from one document, timed, and score it; a crash is recorded, not raised."""
    # Imported here so that reading and scoring (and their tests) need only the Mention type.
    from chrono.extract import extract

    began = time.perf_counter()
    try:
        mentions = list(extract(document.text, reference=document.reference).mentions)
        crash = None
    except Exception as error:  # a measurement goes on; the summary names the document
        mentions, crash = [], f"{type(error).__name__}: {error}"
    seconds = time.perf_counter() - began
    score = score_document(document, mentions)
    score.seconds = seconds
    if crash is not None:
        score.crashes.append(Miss(document.doc_id, "", "", crash))
    return score


def load(data: Path, limit: int | None) -> list[Document]:
    paths = sorted(data.glob("*.tml"))[:limit]
    return [parse_timeml(path.read_bytes(), path.stem) for path in paths]


def summary(score: Score) -> dict[str, Any]:
    """The figures that matter, flat, for the text report and ``--json`` alike."""
    return {
        "documents": score.documents,
        "date_timexes": score.dates,
        "predicted_mentions": score.mentions,
        "predicted_top_level": score.top_level,
        "top_level_on_other_types": score.other_type,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "true_positive_mentions": score.hits,
        "recalled_dates": score.recalled,
        "value_accuracy": round(score.value_accuracy, 4),
        "value_correct": score.value_correct,
        "value_checked": score.value_checked,
        "value_recall": round(score.value_recall, 4),
        "value_accuracy_mods": round(score.value_accuracy_mods, 4),
        "value_recall_mods": round(score.value_recall_mods, 4),
        "value_read": score.value_read,
        "dates_not_concrete": score.not_concrete,
        "bad_offsets": score.bad_offsets,
        "crashed_documents": len(score.crashes),
        "characters": score.characters,
        "seconds": round(score.seconds, 3),
        "chars_per_second": round(_ratio(score.characters, score.seconds)),
        "miss_categories": score.categories(),
    }


def print_report(score: Score, limit: int | None) -> None:
    s = summary(score)
    print(f"documents            {s['documents']}")
    print(f"DATE timexes         {s['date_timexes']} ({s['dates_not_concrete']} not concrete)")
    print(
        f"predicted mentions   {s['predicted_mentions']} ({s['predicted_top_level']} top-level, "
        f"{s['top_level_on_other_types']} on TIME/DURATION/SET only)"
    )
    print(f"precision            {s['precision']:.3f} ({s['true_positive_mentions']} hits)")
    print(f"recall               {s['recall']:.3f} ({s['recalled_dates']}/{s['date_timexes']})")
    print(f"F1                   {s['f1']:.3f}")
    print(
        f"value accuracy       {s['value_accuracy']:.3f} "
        f"({s['value_correct']}/{s['value_checked']} concrete, recalled)"
    )
    concrete = s["date_timexes"] - s["dates_not_concrete"]
    print(
        f"value recall         {s['value_recall']:.3f} "
        f"({s['value_correct']}/{concrete} concrete, found or not)"
    )
    print(
        f"  with TimeML mods   accuracy {s['value_accuracy_mods']:.3f}, recall "
        f"{s['value_recall_mods']:.3f} ({s['value_read']} right: late 2022 = 2022 mod=END "
        "read as its last third)"
    )
    print(
        f"throughput           {s['chars_per_second']:,} chars/s "
        f"({s['characters']:,} chars in {s['seconds']:.3f} s)"
    )
    if score.bad_offsets:
        print(f"bad offsets          {score.bad_offsets} mentions whose text != text[start:end]")
    if s["miss_categories"]:
        print("\nmisses by kind:")
        for kind, count in s["miss_categories"].items():
            print(f"  {count:4d}  {kind}")
    _print_misses("crashed documents", score.crashes, None)
    _print_misses("missed DATE timexes", score.missed, limit)
    _print_misses("false positives", score.false_positives, limit)
    _print_misses("value mismatches", score.mismatches, limit, kinds=True)


def _print_misses(
    title: str, misses: Sequence[Miss], limit: int | None, kinds: bool = False
) -> None:
    if not misses:
        return
    shown = misses if limit is None else misses[:limit]
    more = "" if len(shown) == len(misses) else f", showing {len(shown)}; --all for all"
    print(f"\n{title} ({len(misses)}{more}):")
    for miss in shown:
        detail = f"  {miss.detail}" if miss.detail else ""
        kind = f"  [{miss.category}]" if kinds and miss.category else ""
        print(f"  {miss.doc_id}  {miss.text!r}{detail}{kind}")
        if miss.context:
            print(f"      {miss.context}")


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--data",
        type=Path,
        default=data_folder(),
        help=f"folder of the AQUAINT *.tml files (default: ${DATA_VARIABLE}; none: skipped)",
    )
    parser.add_argument(
        "--news",
        type=Path,
        default=NEWS_FOLDER,
        help="folder of the first news set (default: tests/data/news)",
    )
    parser.add_argument(
        "--news2",
        type=Path,
        default=HELD_OUT_FOLDER,
        help="folder of the held-out news set (default: tests/data/news2)",
    )
    parser.add_argument("--no-news", action="store_true", help="score the AQUAINT set only")
    parser.add_argument("--json", action="store_true", help="print only the summary, as JSON")
    parser.add_argument("--docs", type=int, default=None, metavar="N", help="first N documents")
    parser.add_argument(
        "--misses", type=int, default=40, metavar="N", help="misses listed per kind"
    )
    parser.add_argument("--all", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.data is not None and not args.data.is_dir():
        parser.error(f"no data folder at {args.data}")
    if args.no_news:
        args.news = args.news2 = None
    for folder in (args.news, args.news2):
        if folder is not None and not folder.is_dir():
            parser.error(f"no news folder at {folder}")
    return args


def data_folder() -> Path | None:
    """The corpus folder named by the environment, if any."""
    value = os.environ.get(DATA_VARIABLE, "").strip()
    return Path(value) if value else None


SETS = (  # key in --json, title in the text report
    ("aquaint", "AQUAINT dev set"),
    ("news", "first news set (development since round two)"),
    ("news2", "second news set (held out, never tuned on)"),
)
SKIPPED = (
    f"AQUAINT dev set skipped: no corpus; give --data DIR or set {DATA_VARIABLE} "
    "to the folder of its *.tml files"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Score each set on its own; a set without a folder is skipped (the dev set with a note)."""
    args = arguments(argv)
    folders = {"aquaint": args.data, "news": args.news, "news2": args.news2}
    if args.data is None:
        print(SKIPPED, file=sys.stderr)
    results: dict[str, dict[str, Any] | None] = {}
    for key, title in SETS:
        folder = folders[key]
        if folder is None:
            results[key] = None
            continue
        score = combine(run(document) for document in load(folder, args.docs))
        results[key] = summary(score)
        if not args.json:
            if len(results) > 1:
                print()
            print(f"== {title}: {folder} ==")
            print_report(score, None if args.all else args.misses)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `| head` stopped reading; spare the traceback at exit too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
