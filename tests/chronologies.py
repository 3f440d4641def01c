"""Generated chronologies for the chart's tests and the gallery (docs/gallery/make.py).

Seeded, so every run draws the same events: a mix of single days, months, years,
spans of days and months, approximate dates, open ends, dates relative to other
events and ``before`` relations, in a few lanes, over about fifty years; and a
deep-time one from the tenth millennium BC to the fall of Rome.
"""

from __future__ import annotations

import random

from chrono.chronology import Timeline, build_timeline
from chrono.events.event import Event

MONTHS = (
    "January February March April May June July August September October November December"
).split()
LANES = ("Politics", "Economy", "Diplomacy", "Security", "Science and technology")
WORDS = (
    "treaty summit election reform strike launch mission accord crisis visit census "
    "budget council report inquiry flood harvest bridge railway satellite festival "
    "embargo ceasefire charter decree tariff merger trial verdict protest vaccine"
).split()


def _title(rng: random.Random, i: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.choice((2, 3, 3, 4, 5, 7)))]
    title = " ".join(words).capitalize() + f" {i}"
    if i % 37 == 5:  # now and then a title too long for the chart, shortened there
        title += " and the long aftermath that the commission described in its final report"
    return title


def _date(rng: random.Random, first_year: int, years: int) -> dict[str, str]:
    y = first_year + rng.randrange(years)
    m = rng.randrange(12)
    d = rng.randrange(1, 28)
    kind = rng.random()
    if kind < 0.25:
        return {"date": f"{d} {MONTHS[m]} {y}"}
    if kind < 0.45:
        return {"date": f"{MONTHS[m]} {y}"}
    if kind < 0.55:
        return {"date": f"circa {y}"}
    if kind < 0.7:  # a week or so
        end = min(28, d + rng.randrange(1, 9))
        return {"start": f"{d} {MONTHS[m]} {y}", "end": f"{end} {MONTHS[m]} {y}"}
    if kind < 0.85:  # months
        m2 = rng.randrange(12)
        y2 = y + rng.randrange(0, 3)
        if (y2, m2) <= (y, m):
            y2 = y + 1
        return {"start": f"{MONTHS[m]} {y}", "end": f"{MONTHS[m2]} {y2}"}
    if kind < 0.9:
        return {"date": f"since {MONTHS[m]} {y}"}
    return {"date": f"{y}"}


def events(n: int, seed: int = 10, years: int = 50, first_year: int = 1975) -> list[Event]:
    """``n`` events over ``years`` years in five lanes, in no particular order."""
    rng = random.Random(seed)
    out: list[Event] = []
    for i in range(n):
        fields = _date(rng, first_year, years)
        relations: tuple[tuple[str, str], ...] = ()
        if i > 3 and i % 11 == 0:  # a date relative to an earlier event, and so after it
            fields = {"date": f"after @e{i - 3}"}
            relations = (("after", f"e{i - 3}"),)
        out.append(
            Event(
                f"e{i}",
                _title(rng, i),
                "generated.yaml",
                i + 1,
                lane=LANES[rng.randrange(len(LANES))],
                relations=relations,
                source="generated for the chart's tests" if i % 5 == 0 else None,
                description=f"Event number {i}." if i % 3 == 0 else None,
                url=f"https://example.org/e{i}" if i % 7 == 0 else None,
                date=fields.get("date"),
                start=fields.get("start"),
                end=fields.get("end"),
            )
        )
    return out


def timeline(n: int, seed: int = 10) -> Timeline:
    return build_timeline(events(n, seed))


DEEP = (
    ("Younger Dryas ends", "circa 9500 BC", None, "Climate"),
    ("Göbekli Tepe built", "9000 BC", "8000 BC", "Sites"),
    ("Farming in the Fertile Crescent", "9000 BC", "7000 BC", "Ways of life"),
    ("Jericho's walls", "circa 8000 BC", None, "Sites"),
    ("Çatalhöyük settled", "7100 BC", "5700 BC", "Sites"),
    ("8.2-kiloyear event", "6200 BC", "6000 BC", "Climate"),
    ("Copper smelting", "circa 5000 BC", None, "Ways of life"),
    ("Writing in Sumer", "circa 3200 BC", None, "Ways of life"),
    ("Great Pyramid of Giza", "2560 BC", None, "Sites"),
    ("4.2-kiloyear event", "2200 BC", "1900 BC", "Climate"),
    ("Code of Hammurabi", "circa 1754 BC", None, "Rulers"),
    ("Bronze Age collapse", "1200 BC", "1150 BC", "Rulers"),
    ("Founding of Rome", "753 BC", None, "Rulers"),
    ("Roman Republic", "509 BC", "27 BC", "Rulers"),
    ("Death of Augustus", "0014-08-19", None, "Rulers"),
    ("Fall of the Western Roman Empire", "4 September 476", None, "Rulers"),
)


def deep_time() -> Timeline:
    """Sixteen events from the end of the last ice age (9500 BC) to AD 476."""
    out = []
    for i, (title, start, end, lane) in enumerate(DEEP):
        if end is None:
            out.append(Event(f"d{i}", title, "deep.yaml", i + 1, lane=lane, date=start))
        else:
            out.append(Event(f"d{i}", title, "deep.yaml", i + 1, lane=lane, start=start, end=end))
    return build_timeline(out)
