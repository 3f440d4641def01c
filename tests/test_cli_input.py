"""What the commands take in: drafts from chrono extract, and input with no events."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from chrono.events import load_events


def chrono(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


# dates of many shapes, as a news article writes them; reference 2024-06-06
ARTICLE = """\
BERN, Thursday, June 6, 2024 -- Delegates from eleven countries met on Monday to \
revive the river treaty, officials said.
Since August 2020, the commission has met every month. By 2022 the plan had stalled.
In the 1990s the valley was calm, but in late 2019 the first protests began.
The treaty was signed on 3 May 2021 and ratified on May 12.
Two years ago, the ministry published a report; last year it was revised.
Between December 2022 and March 2023 the price of water doubled.
The first dam, finished around 1870, was built in the 19th century.
"""


def test_drafts_from_extract_pass_check_without_a_warning(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    drafted = chrono("extract", "article.txt", "--reference", "2024-06-06", cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    assert drafted.stdout.count("quote:") == 13  # one draft per dated mention, each quoted
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "article.yaml").write_text(drafted.stdout, encoding="utf-8")

    checked = chrono("check", "events", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr.splitlines() == ["13 events, 0 errors, 0 warnings"]
    events = load_events(tmp_path / "events")
    assert len(events.warnings) == 0
    signed = next(e for e in events if e.title.startswith("The treaty was signed"))
    assert signed.quote == "The treaty was signed on 3 May 2021 and ratified on May 12."


def previous_build(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A good build's outputs, for a build of empty input to leave alone."""
    good = tmp_path / "good"
    (good).mkdir()
    (good / "coup.yaml").write_text("title: Coup\ndate: August 2020\n", encoding="utf-8")
    out = tmp_path / "out"
    assert chrono("build", str(good), "--out", str(out)).returncode == 0
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


EMPTY = {
    # folder: (files in it, the reason given)
    "nothing": (
        {},
        "no event files in this folder (chrono reads .yaml, .yml, .json, .csv, .mw and .parquet",
    ),
    "text-only": ({"notes.txt": "title: Coup\ndate: 2020\n"}, "no event files in this folder"),
    "hidden-only": ({".drafts/coup.yaml": "title: Coup\ndate: 2020\n"}, "no event files"),
    "no-events": (
        {"a.yaml": "# to do\n", "b.json": '{"events": []}', "c.csv": "title,date\n"},
        "no events in its event files",
    ),
}


def test_empty_input_is_an_error_for_check_order_and_build(tmp_path: Path) -> None:
    out, before = previous_build(tmp_path)
    for name, (files, reason) in EMPTY.items():
        folder = tmp_path / name
        folder.mkdir()
        for file, text in files.items():
            (folder / file).parent.mkdir(parents=True, exist_ok=True)
            (folder / file).write_text(text, encoding="utf-8")
        message = f"error: {folder}: {reason}"

        checked = chrono("check", str(folder))
        assert checked.returncode == 1, name
        assert any(line.startswith(message) for line in checked.stderr.splitlines()), name
        assert checked.stderr.splitlines()[-1].startswith("0 events, 1 error, "), name

        ordered = chrono("order", str(folder))
        assert ordered.returncode == 1 and ordered.stdout == "", name
        assert ordered.stderr.splitlines()[-1].startswith(message), name
        assert "written" not in ordered.stderr  # order writes nothing, so says nothing of it

        built = chrono("build", str(folder), "--out", str(out))
        assert built.returncode == 1, name
        last = built.stderr.splitlines()[-1]
        assert last.startswith(message) and last.endswith("; nothing was written"), name
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before, name
