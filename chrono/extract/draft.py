"""Draft events from mentions, and the YAML and JSON that ``chrono extract`` prints.

One draft per dated mention (a range and its ends make one), in text order. Its
``date`` is checked before it is written: it must read, with the draft file's
``reference``, to exactly the mention's windows and without a warning, so that a
draft file passes ``chrono check`` as it is. A mention that cannot be drafted that
way (no meaning, or a window wider than a century) is listed in a comment instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from chrono.chronology.build import CENTURY_DAYS  # chrono check warns of a wider window
from chrono.days import Day
from chrono.errors import ParseError
from chrono.events.fields import slug
from chrono.extract import Extraction
from chrono.extract.mention import Mention
from chrono.extract.text import index_of, paragraph_starts, sentences
from chrono.model import Interval, Window
from chrono.parse import parse
from chrono.serialize import interval_dict

TITLE_CHARS = 80
ID_CHARS = 40
_BOUNDING = frozenset("since by before after until till from between through".split())
QUOTE_CHARS = 1000  # a longer sentence is quoted around its mention, as the JSON's sentence


@attrs.frozen
class Skipped:
    """A mention that gives no draft, and why."""

    mention: Mention
    reason: str


def drafts(extraction: Extraction) -> list[dict[str, str]]:
    """One draft event per dated mention: id, headline, a date chrono reads the same, the quote."""
    return drafted(extraction)[0]


def drafted(extraction: Extraction) -> tuple[list[dict[str, str]], list[Skipped]]:
    """The drafts, and the mentions left out of them with the reason."""
    mentions = extraction.mentions
    ends: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.part_of is not None:
            ends.setdefault(m.part_of, []).append(m)
    chosen: list[tuple[Mention, dict[str, str], str]] = []
    skipped: list[Skipped] = []
    spans = sentences(extraction.text, paragraph_starts(extraction.text))
    starts = [a for a, _ in spans]
    for i, m in enumerate(mentions):
        if m.part_of is not None:
            continue  # an end of a range is drafted with its range
        if m.interval is None:
            skipped.append(Skipped(m, m.error or "no meaning"))
            continue
        if _too_wide(m.interval):
            skipped.append(Skipped(m, "its window is wider than a century"))
            continue
        date = dated(m, extraction.reference, ends.get(i, []))
        if date is None:
            skipped.append(Skipped(m, "no date expression reads back to its window"))
            continue
        chosen.append((m, date, _quote(extraction.text, spans, starts, m)))
    per_quote: dict[str, int] = {}
    for _, _, quote in chosen:
        per_quote[quote] = per_quote.get(quote, 0) + 1
    events: list[dict[str, str]] = []
    ids = _Ids()
    for m, date, quote in chosen:
        words = " ".join(m.text.split())
        if per_quote[quote] > 1:  # one headline per mention of the sentence
            title = f"{headline(quote, TITLE_CHARS - len(words) - 3)} ({words})"
        else:
            title = headline(quote) or words
        event = {"id": ids.unique(_short(slug(title))), "title": title, **date, "quote": quote}
        events.append(event)
    return events, skipped


def headline(sentence: str, limit: int = TITLE_CHARS) -> str:
    """The sentence, shortened at a word boundary to a readable headline."""
    text = " ".join(sentence.split()).strip("\"“”'‘’ ").rstrip(".")
    limit = max(limit, 20)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-– ")
    return cut + "…"


def _short(ident: str) -> str:
    """An id of at most :data:`ID_CHARS`, cut at a hyphen: a handle, not the title again."""
    if len(ident) <= ID_CHARS:
        return ident
    cut = ident[: ID_CHARS + 1].rsplit("-", 1)[0]
    return cut or ident[:ID_CHARS]


class _Ids:
    """Ids given so far: ``base``, then ``base-2``, ``base-3``... for each one repeated.

    Each base remembers the last number it tried, so a title said a thousand times
    costs a thousand steps, not half a million (ids taken once stay taken).
    """

    __slots__ = ("next", "taken")

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def unique(self, base: str) -> str:
        n = self.next.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in self.taken:
            n += 1
            ident = f"{base}-{n}"
        self.next[base] = n
        self.taken.add(ident)
        return ident


def _quote(text: str, spans: list[tuple[int, int]], starts: list[int], mention: Mention) -> str:
    """The sentence of the mention, white space folded; a very long one around the mention."""
    if spans:
        a, b = spans[index_of(starts, mention.start)]
        if b - a <= QUOTE_CHARS:
            return " ".join(text[a:b].split())
    return " ".join(mention.sentence.split())


def _too_wide(interval: Interval) -> bool:
    first, last = interval.start.earliest, interval.end.latest
    return first is not None and last is not None and last - first > CENTURY_DAYS


def dated(
    mention: Mention, reference: Day | None, ends: list[Mention] | None = None
) -> dict[str, str] | None:
    """The ``date`` (or ``start`` and ``end``) of a draft, read back to the mention's windows.

    The words that bound a date stay (``since August 2020``, ``by 2022``,
    ``between 1985 and 1987``); a plain date takes its shortest exact form (``May 12``
    in a document of 2025 becomes ``2025-05-12``). Every candidate is parsed with
    ``reference`` and kept only when it gives the same windows and no warning.
    """
    interval = mention.interval
    assert interval is not None
    words = " ".join(mention.text.split())
    if ends:
        with_ends = _with_ends(mention, ends, reference)
        candidates = [_lowered(words), with_ends and _lowered(with_ends), _compact(interval)]
    else:
        candidates = [_compact(interval), words]
    candidates.append(_days(interval))
    for candidate in candidates:
        if candidate is not None and _reads_as(candidate, interval, reference):
            return {"date": candidate}
    start, end = _bound(interval.start), _bound(interval.end)
    if _window_is(start, interval.start, reference) and _window_is(end, interval.end, reference):
        return {k: v for k, v in (("start", start), ("end", end)) if v is not None}
    return None


def _lowered(words: str) -> str:
    """``Since August 2020`` begins a sentence; the date is ``since August 2020``."""
    first, _, rest = words.partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in _BOUNDING else words


def _with_ends(mention: Mention, ends: list[Mention], reference: Day | None) -> str | None:
    """The mention's words with each end replaced by its shortest exact form."""
    text = mention.text
    for end in sorted(ends, key=lambda e: e.start, reverse=True):
        a, b = end.start - mention.start, end.end - mention.start
        if end.interval is None or not 0 <= a < b <= len(text):
            return None
        short = _compact(end.interval)
        if short is None or not _reads_as(short, end.interval, reference):
            return None
        text = text[:a] + short + text[b:]
    return " ".join(text.split())


def _reads_as(text: str, interval: Interval, reference: Day | None) -> bool:
    try:
        other = parse(text, reference)
    except (ParseError, ValueError):
        return False
    return not other.warnings and (other.start, other.end) == (interval.start, interval.end)


def _window_is(text: str | None, window: Window, reference: Day | None) -> bool:
    if text is None:
        return window.earliest is None and window.latest is None
    try:
        other = parse(text, reference)
    except (ParseError, ValueError):
        return False
    return not other.warnings and other.window == window


def _compact(interval: Interval) -> str | None:
    """ISO forms for a day, a month or a year, and EDTF intervals of those."""
    if not interval.is_span:
        return _window_text(interval.start)
    a, b = _window_text(interval.start), _window_text(interval.end)
    return f"{a}/{b}" if a and b and "/" not in a + b else None


def _window_text(window: Window) -> str | None:
    first, last = window.earliest, window.latest
    if first is None or last is None:
        return None
    if first == last:
        return first.isoformat()
    (y0, m0, d0), (y1, m1, _) = first.ymd, last.ymd
    if d0 == 1 and last.plus(1).day == 1:
        if (y0, m0) == (y1, m1):
            return first.isoformat()[:-3]
        if (m0, m1, y0) == (1, 12, y1):
            return first.isoformat()[:-6]
    return None


def _bound(window: Window) -> str | None:
    """A window as an expression whose whole window it is."""
    first, last = window.earliest, window.latest
    if first is None and last is None:
        return None
    if first is None:
        return f"by {last}"
    if last is None:
        return f"no earlier than {first}"
    return first.isoformat() if first == last else f"between {first} and {last}"


def _days(interval: Interval) -> str | None:
    if interval.is_span:
        return None
    return _bound(interval.start)


def as_json(extraction: Extraction) -> str:
    """Mentions and drafts as extract.md shows them, and where an automatic reference came from."""
    mentions: list[dict[str, Any]] = []
    for m in extraction.mentions:
        out: dict[str, Any] = {"text": m.text, "span": [m.start, m.end]}
        if m.interval is not None:
            fields = interval_dict(m.interval)
            out.update(fields)
        else:
            out["error"] = m.error
        out["sentence"] = " ".join(m.sentence.split())
        if m.part_of is not None:
            out["part_of"] = m.part_of
        mentions.append(out)
    document: dict[str, Any] = {
        "reference": None if extraction.reference is None else extraction.reference.isoformat()
    }
    found = extraction.reference_from
    if found is not None:
        document["reference_from"] = {
            "text": found.words,
            "span": [found.start, found.end],
            "how": found.how,
        }
    document["mentions"] = mentions
    document["events"] = drafts(extraction)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_yaml(extraction: Extraction, source: str | None = None) -> str:
    """An events document (events.md), ready to save under events/ and edit."""
    import yaml

    events, skipped = drafted(extraction)
    document: dict[str, Any] = {}
    if extraction.reference is not None:
        document["reference"] = extraction.reference.isoformat()
    if source:
        document["source"] = source
    document["events"] = events
    header = (
        "# Drafted by chrono extract: check each title and date against its quote,\n"
        "# then save under events/ and run chrono check.\n"
    )
    found = extraction.reference_from
    said = "" if found is None else found.describe()
    taken = [f"# {said[:1].upper()}{said[1:]}."] if said else []
    notes = "".join(f"{line}\n" for line in [*taken, *_comments(skipped)])
    # libyaml's emitter where PyYAML has it: the same text, a fifth of the time
    dumper = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper
    body = yaml.dump(document, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return header + notes + re.sub(r"\n(- )", r"\n\n\1", body)


def _comments(skipped: list[Skipped]) -> Iterator[str]:
    if not skipped:
        return
    yield "# Not drafted:"
    for s in skipped:
        m = s.mention
        words = " ".join(m.text.split())[:80]
        reason = " ".join(s.reason.split())[:200]
        yield f"#   {words!r} (characters {m.start}-{m.end}): {reason}"
