"""chrono check, order and build on event folders, run as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("tests/data/events")


def chrono(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_check_reports_every_problem_of_every_file_in_one_run() -> None:
    result = chrono("check", str(DATA / "broken"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for where in (
        "a-syntax.yaml:5:",
        "b-syntax.json:3:",
        "c-latin1.csv:3:",
        "d-fields.yaml:3: event has no 'title'",
        "d-fields.yaml:15: unknown field",
    ):
        assert f"tests/data/events/broken/{where}" in result.stderr


def test_check_reports_a_contradiction_and_a_bad_date_in_other_files_together() -> None:
    result = chrono("check", str(DATA / "contradiction"))
    assert result.returncode == 1
    assert "contradiction/a.yaml:2: contradictory constraints around treaty" in result.stderr
    assert "a.yaml:8: war-ends after treaty" in result.stderr
    assert "contradiction/b.yaml:2: date: cannot read 'next to @nowhere'" in result.stderr


def test_check_passes_a_good_folder() -> None:
    result = chrono("check", "events")
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stderr


def test_order_json_is_timeline_jsons_events(tmp_path: Path) -> None:
    ordered = json.loads(chrono("order", "events", "--json").stdout)
    assert chrono("build", "events", "--out", str(tmp_path)).returncode == 0
    built = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert ordered == built["events"]


def test_order_table_shows_position_rank_windows_title_lane() -> None:
    result = chrono("order", "events")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["#", "rank", "starts", "ends"]
    assert any("Aug 2020" in line and "Goïta's junta claims power" in line for line in lines)


def test_build_is_deterministic_and_a_failed_build_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert chrono("build", "events", "--out", str(out), "--format", "json").returncode == 0
    first = (out / "timeline.json").read_bytes()
    assert chrono("build", "events", "--out", str(out), "--format", "json").returncode == 0
    assert (out / "timeline.json").read_bytes() == first
    broken = tmp_path / "broken"
    shutil.copytree(ROOT / DATA / "contradiction", broken)
    result = chrono("build", str(broken), "--out", str(out), "--format", "json")
    assert result.returncode == 1 and "nothing was written" in result.stderr
    assert (out / "timeline.json").read_bytes() == first
    assert sorted(p.name for p in out.iterdir()) == ["timeline.json"]  # no temporary left


def test_build_refuses_formats_it_does_not_write(tmp_path: Path) -> None:
    result = chrono("build", "events", "--out", str(tmp_path), "--format", "gif")
    assert result.returncode == 1 and "--format: unknown output gif" in result.stderr
    assert not any(tmp_path.iterdir())


def test_sample_timeline_json_matches_the_spec_example() -> None:
    built = json.loads(
        subprocess.run(
            [sys.executable, "-m", "chrono", "order", "events", "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout
    )
    coup = built[0]
    assert coup["id"] == "coup-2020" and coup["date"] == "August 2020"
    assert coup["start"] == {"earliest": "2020-08-01", "latest": "2020-08-31"}
    assert coup["rank"] == {"min": 1, "max": 2}  # Goïta's rule also began in August 2020
    assert coup["file"] == "events/mali.yaml"
    delivery = next(e for e in built if e["id"] == "norinco-delivery")
    # the last third of the embargo, 9 January - 3 July 2022
    assert delivery["earliest"] == "2022-05-07" and delivery["latest"] == "2022-07-03"
    narena = next(e for e in built if e["id"] == "narena-attacks")
    assert narena["earliest"] == narena["latest"] == "2025-05-12"


def test_order_and_compare_say_the_warnings_that_check_says(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "loop.yaml").write_text(
        "events:\n"
        "  - {id: a, title: A, before: b}\n"
        "  - {id: b, title: B, before: c}\n"
        "  - {id: c, title: C, date: 2020-05-01, before: a}\n",
        encoding="utf-8",
    )
    checked = chrono("check", str(folder))
    said = [line for line in checked.stderr.splitlines() if line.startswith("warning: ")]
    assert said and "forced onto one day" in said[0]
    for args in (
        ("order", str(folder)),
        ("order", str(folder), "--json"),
        ("compare", str(folder), "a", "c"),
    ):
        result = chrono(*args)
        assert result.returncode == 0, result.stderr
        assert [line for line in result.stderr.splitlines() if line.startswith("warning: ")] == said
        assert "warning" not in result.stdout  # stdout stays the table or the JSON
