"""Golden examples of docs/spec dates.md, checked through the API and the command line.

Every row of ``data/dates_golden.json`` is an example of dates.md with the fields the
spec states for it; the expectations come from the spec, never from running the code.
Each row is checked twice: ``chrono.parse`` + ``serialize.interval_dict``, and one
``python -m chrono parse - --json`` batch per reference date.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import chrono
from chrono.serialize import interval_dict

ROWS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "dates_golden.json").read_text(encoding="utf-8")
)

_COUNTS = Counter(row["text"] for row in ROWS)


def _row_id(row: dict[str, Any]) -> str:
    text = row["text"] or "<empty>"
    if _COUNTS[row["text"]] > 1:
        text += f" [reference={row['reference']}]"
    return text


def _check_fields(out: dict[str, Any], expect: dict[str, Any]) -> None:
    """Compare only the fields the spec states for the example."""
    assert "error" not in out, f"unexpected error: {out.get('error')}"
    problems = []
    for key, want in expect.items():
        if key == "error":
            continue
        if key == "core" and want is None:
            if "core" in out:
                problems.append(f"core: spec says absent, got {out['core']}")
            continue
        if key == "warnings_nonempty":
            got = bool(out.get("warnings"))
            if got != want:
                problems.append(f"warnings nonempty: spec {want}, got {out.get('warnings')}")
            continue
        got = out.get(key, "<missing>")
        if got != want:
            problems.append(f"{key}: spec {want}, got {got}")
    assert not problems, "; ".join(problems)


@pytest.fixture(scope="session")
def cli_lines() -> dict[tuple[str, str | None], dict[str, Any]]:
    """One ``chrono parse -`` process per reference date, for the whole table."""
    groups: dict[str | None, list[str]] = {}
    for row in ROWS:
        groups.setdefault(row["reference"], []).append(row["text"])
    results: dict[tuple[str, str | None], dict[str, Any]] = {}
    for reference, texts in groups.items():
        command = [sys.executable, "-m", "chrono", "parse", "-", "--json"]
        if reference is not None:
            command += ["--reference", reference]
        done = subprocess.run(
            command,
            input="".join(text + "\n" for text in texts),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
        lines = done.stdout.splitlines()
        assert len(lines) == len(texts), (
            f"reference {reference}: {len(texts)} lines in, {len(lines)} out; "
            f"stderr: {done.stderr[-2000:]}"
        )
        for text, line in zip(texts, lines, strict=True):
            results[(text, reference)] = json.loads(line)
    return results


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(row) for row in ROWS])
def test_api(row: dict[str, Any]) -> None:
    text, reference, expect = row["text"], row["reference"], row["expect"]
    if expect.get("error"):
        with pytest.raises(chrono.ParseError) as info:
            chrono.parse(text, reference=reference)
        err = info.value
        assert 0 <= err.position <= len(text)
        message = str(err)
        assert "\n" not in message
        assert text in message
        return
    interval = chrono.parse(text, reference=reference)
    out = interval_dict(interval, text)
    assert out["text"] == text
    _check_fields(out, expect)


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(row) for row in ROWS])
def test_cli(row: dict[str, Any], cli_lines: dict[tuple[str, str | None], dict[str, Any]]) -> None:
    text, reference, expect = row["text"], row["reference"], row["expect"]
    out = cli_lines[(text, reference)]
    assert out["text"] == text
    if expect.get("error"):
        assert "error" in out, f"spec says error, got {out}"
        assert isinstance(out["error"], str) and out["error"]
        return
    _check_fields(out, expect)
