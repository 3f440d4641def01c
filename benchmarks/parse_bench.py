"""Parsing throughput: chrono against dateparser and python-edtf on the same expressions."""

from __future__ import annotations

from typing import Any

from common import chrono_command, median_seconds, process_seconds
from corpus import expressions

import chrono

REFERENCE = chrono.Day.from_ymd(2025, 7, 15)


def _chrono_ok(items: list[str]) -> list[str]:
    ok = []
    for text in items:
        try:
            chrono.parse(text, REFERENCE)
            ok.append(text)
        except chrono.ParseError:
            pass
    return ok


def measure(count: int = 20_000, repeat: int = 5) -> dict[str, Any]:
    corpus = expressions(count)
    ok = _chrono_ok(corpus)

    def run_chrono(items: list[str]) -> None:
        parse, ref = chrono.parse, REFERENCE
        for text in items:
            parse(text, ref)

    result: dict[str, Any] = {"expressions": len(corpus), "chrono_parses": len(ok)}
    seconds = median_seconds(lambda: run_chrono(ok), repeat)
    result["chrono_per_s"] = len(ok) / seconds
    stdin = ("\n".join(ok) + "\n").encode()
    whole = process_seconds(
        [*chrono_command(), "parse", "-", "--reference", "2025-07-15"], repeat=3, stdin=stdin
    )
    result["chrono_process_per_s"] = len(ok) / whole
    try:
        import dateparser
    except ImportError:
        result["dateparser"] = "not installed (pip install -e '.[bench]')"
    else:
        sample = ok[:1500]
        settings = {"RELATIVE_BASE": __import__("datetime").datetime(2025, 7, 15)}
        theirs = [
            t
            for t in sample
            if dateparser.parse(t, languages=["en"], settings=settings) is not None
        ]
        d_sec = median_seconds(
            lambda: [dateparser.parse(t, languages=["en"], settings=settings) for t in theirs], 3
        )
        c_sec = median_seconds(lambda: run_chrono(theirs), repeat)
        result["dateparser"] = {
            "expressions": len(theirs),
            "per_s": len(theirs) / d_sec,
            "chrono_per_s": len(theirs) / c_sec,
            "ratio": d_sec / c_sec,
        }
    try:
        import edtf
    except ImportError:
        result["python-edtf"] = "not installed (pip install -e '.[bench]')"
    else:
        sample = ok[:3000]
        theirs = []
        for t in sample:
            try:
                edtf.parse_edtf(t)
                theirs.append(t)
            except Exception:  # python-edtf raises several kinds
                pass
        theirs = theirs[:600]
        e_sec = median_seconds(lambda: [edtf.parse_edtf(t) for t in theirs], 3)
        c_sec = median_seconds(lambda: run_chrono(theirs), repeat)
        result["python-edtf"] = {
            "expressions": len(theirs),
            "per_s": len(theirs) / e_sec,
            "chrono_per_s": len(theirs) / c_sec,
            "ratio": e_sec / c_sec,
        }
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(measure(), indent=2))
