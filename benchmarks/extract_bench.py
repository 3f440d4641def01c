"""chrono extract on 1 MB of news-like text against dateparser's search_dates."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import median_seconds, process_seconds
from corpus import news_text


def measure(size: int = 1_000_000, sample: int = 2_000, repeat: int = 3) -> dict[str, Any]:
    from chrono.extract import extract

    text = news_text(size)
    seconds = median_seconds(lambda: extract(text, "2025-07-15"), repeat)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.txt"
        path.write_text(text, encoding="utf-8")
        whole = process_seconds(
            [
                sys.executable,
                "-m",
                "chrono",
                "extract",
                str(path),
                "--reference",
                "2025-07-15",
                "--format",
                "json",
            ],
            repeat=3,
        )
    result: dict[str, Any] = {
        "chars": len(text),
        "chrono_s": seconds,
        "chrono_process_s": whole,
        "mentions": len(extract(text, "2025-07-15").mentions),
    }
    try:
        from dateparser.search import search_dates
    except ImportError:
        result["dateparser"] = "not installed (pip install -e '.[bench]')"
        return result
    # search_dates is slow: time it on a prefix and compare per character
    piece = text[:sample]
    theirs = median_seconds(lambda: search_dates(piece, languages=["en"]), 1)
    ours = median_seconds(lambda: extract(piece, "2025-07-15"), repeat)
    result["dateparser"] = {
        "chars": len(piece),
        "search_dates_s": theirs,
        "chrono_s": ours,
        "ratio": theirs / ours,
        "search_dates_1mb_s_estimated": theirs * len(text) / len(piece),
    }
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
