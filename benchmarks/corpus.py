"""Deterministic inputs for the benchmarks: expressions, event files and news-like text.

Everything is generated from a seed, so every run measures the same work.
"""

from __future__ import annotations

import random
from pathlib import Path

from chrono.parsing.vocabulary import MONTH_NAMES

MONTHS = MONTH_NAMES[1:]  # the parser's own names, January to December
SHORT = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def expressions(count: int, seed: int = 1) -> list[str]:
    """A mix of the forms of dates.md, in proportions a news archive might show."""
    rng = random.Random(seed)
    forms = [
        (20, lambda y, m, d: f"{y}-{m:02d}-{d:02d}"),  # ISO day
        (10, lambda y, m, d: f"{MONTHS[m - 1]} {y}"),  # month
        (8, lambda y, m, d: f"{y}"),  # year
        (10, lambda y, m, d: f"{MONTHS[m - 1]} {d}"),  # month-day with a reference
        (6, lambda y, m, d: f"{d} {MONTHS[m - 1]} {y}"),
        (6, lambda y, m, d: f"{SHORT[m - 1]} {d}, {y}"),
        (6, lambda y, m, d: f"{rng.choice(['early', 'mid', 'late'])} {y}"),
        (5, lambda y, m, d: f"circa {y}"),
        (4, lambda y, m, d: f"the {y // 10 * 10}s"),
        (4, lambda y, m, d: f"Q{(m - 1) // 3 + 1} {y}"),
        (5, lambda y, m, d: f"{y}-{m:02d}{rng.choice('~?%')}"),  # EDTF qualifiers
        (4, lambda y, m, d: f"{y}-{m:02d}-{d:02d}/{y + 1}-{m:02d}"),  # EDTF interval
        (6, lambda y, m, d: f"from {MONTHS[m - 1]} {y} to {MONTHS[(m + 2) % 12]} {y + 1}"),
        (3, lambda y, m, d: f"since {MONTHS[m - 1]} {y}"),
        (3, lambda y, m, d: f"before {y}"),
    ]
    weights = [w for w, _ in forms]
    out = []
    for _ in range(count):
        _w, make = rng.choices(forms, weights)[0]
        y, m, d = rng.randrange(1900, 2030), rng.randrange(1, 13), rng.randrange(1, 29)
        out.append(make(y, m, d))
    return out


def events_yaml(path: Path, count: int, relations: int, seed: int = 2) -> Path:
    """One YAML file of ``count`` events and ``relations`` after-relations, all consistent."""
    rng = random.Random(seed)
    days = sorted(rng.randrange(0, 45_000) for _ in range(count))
    after: list[list[int]] = [[] for _ in range(count)]
    for _ in range(relations):
        a, b = rng.randrange(count), rng.randrange(count)
        if a != b:
            a, b = min(a, b), max(a, b)
            if days[a] < days[b]:
                after[b].append(a)
    lanes = ("Politics", "Economy", "Security", "Diplomacy", "Society")
    lines = ["reference: 2025-07-15", "events:"]
    for i in range(count):
        year, rest = 1900 + days[i] // 366, days[i] % 366
        month, day = min(12, rest // 31 + 1), min(28, rest % 31 + 1)
        forms = [
            f"{year}-{month:02d}-{day:02d}",
            f"{MONTHS[month - 1]} {year}",
            f"{year}",
            f"late {year}" if month >= 9 else f"circa {year}",
        ]
        date = forms[i % 4]  # every form holds the hidden day, so the relations all hold
        lines.append(
            f"  - id: e{i}\n    title: Event {i}\n    date: {date}\n"
            f"    lane: {lanes[i % len(lanes)]}"
        )
        if after[i]:
            lines.append(f"    after: [{', '.join(f'e{a}' for a in after[i][:5])}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def events_csv(path: Path, count: int, seed: int = 4) -> Path:
    """One CSV file of ``count`` events: ids, titles, dates of every common form, lanes, tags."""
    rng = random.Random(seed)
    lanes = ("Politics", "Economy", "Security", "Diplomacy", "Society")
    rows = ["id,title,date,lane,tags,source,description"]
    for i in range(count):
        year, month, day = rng.randrange(1900, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
        date = [
            f"{year}-{month:02d}-{day:02d}",
            f"{MONTHS[month - 1]} {year}",
            f"{year}",
            f"late {year}",
        ][i % 4]
        tags = ";".join(rng.sample(("coup", "vote", "trade", "aid", "border"), rng.randrange(0, 3)))
        rows.append(
            f'e{i},"Event {i}, as reported",{date},{lanes[i % len(lanes)]},{tags},'
            f"Agency {i % 7},Something happened in {MONTHS[month - 1]}"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def news_text(size: int, seed: int = 3) -> str:
    """About ``size`` characters of news-like prose with dates, numbers and quantities."""
    rng = random.Random(seed)
    templates = [
        "The ministry said on {wd} that talks would resume in {mo}.",
        "In {mo} {y}, more than {n:,} people marched in the capital.",
        "The agreement, signed on {mo} {d}, {y}, ends a dispute that began in the {dec}s.",
        "Officials expect growth of {p} percent in the third quarter, up from {p2} percent.",
        "A $130 million project was announced last week by the regional authorities.",
        "The embargo was lifted near the end of {y}, analysts said.",
        "He will meet the delegation next {wd}, about {n} kilometers from the border.",
        "Prices rose early this year after a fall of {p} percent two years ago.",
        "From {mo} {d} to {mo2} {d2}, the exhibition drew {n:,} visitors.",
        "The company, founded in {y}, employs {n:,} workers.",
    ]
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    parts: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randrange(2, 6)):
            s = rng.choice(templates).format(
                wd=rng.choice(weekdays),
                mo=rng.choice(MONTHS),
                mo2=rng.choice(MONTHS),
                y=rng.randrange(1950, 2026),
                d=rng.randrange(1, 29),
                d2=rng.randrange(1, 29),
                dec=rng.randrange(195, 202) * 10,
                n=rng.randrange(2, 90_000),
                p=rng.randrange(1, 9),
                p2=rng.randrange(1, 9),
            )
            sentences.append(s)
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)[:size]
