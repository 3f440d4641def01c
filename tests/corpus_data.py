"""A small generated corpus of news-like documents, as a folder and as JSON Lines."""

from __future__ import annotations

import json
import random
from pathlib import Path

TEMPLATES = (
    "The ministry said on {wd} that talks would resume in {mo}.",
    "In {mo} {y}, more than {n:,} people marched in the capital.",
    "The agreement, signed on {mo} {d}, {y}, ends a dispute that began in the {dec}s.",
    "Officials expect growth in the third quarter, up from last year.",
    "He will meet the delegation next {wd}, about {n} kilometers from the border.",
    "From {mo} {d} to {mo2} {d2}, the exhibition drew {n:,} visitors.",
    "The company, founded in {y}, employs {n:,} workers.",
    "Prices rose early this year after a fall two years ago.",
)
MONTHS = ("January", "March", "May", "June", "August", "October", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randrange(1, 4)):
        sentences = [
            rng.choice(TEMPLATES).format(
                wd=rng.choice(WEEKDAYS),
                mo=rng.choice(MONTHS),
                mo2=rng.choice(MONTHS),
                y=rng.randrange(1950, 2026),
                d=rng.randrange(1, 29),
                d2=rng.randrange(1, 29),
                dec=rng.randrange(195, 202) * 10,
                n=rng.randrange(2, 90_000),
            )
            for _ in range(rng.randrange(1, 5))
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def records(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [
        {
            "id": f"doc{i:05d}",
            "date": f"20{rng.randrange(10, 26)}-{rng.randrange(1, 13):02d}-15",
            "text": article(rng),
        }
        for i in range(count)
    ]


def folder(path: Path, count: int, seed: int = 7) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for r in records(count, seed):
        (path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return path


def jsonl(path: Path, count: int, seed: int = 7, bad: bool = False) -> Path:
    lines = [json.dumps(r) for r in records(count, seed)]
    if bad:
        lines[3] = "{not json"
        lines[5] = json.dumps({"id": "no-text", "date": "2020-01-01"})
        lines[8] = json.dumps({"id": "bad-date", "date": "someday", "text": "In May, rain."})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
