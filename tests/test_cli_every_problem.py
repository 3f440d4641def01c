"""`chrono build` reports every problem `chrono check` does, in one run, and writes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EVENTS = """\
events:
  - id: x
    title: X
    date: 2020-05-01
  - id: x
    title: X again
    date: 2021
  - id: y
    title: Y
    date: 31 April 2024
  - id: p
    title: P
    date: 2022
    after: q
  - id: q
    title: Q
    date: 2023
  - id: r
    title: R
    date: 2010
    before: s
  - id: s
    title: S
    date: 2005
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: /")]


def test_build_reports_what_check_reports(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "a.yaml").write_text(EVENTS, encoding="utf-8")
    checked = run("check", str(folder), cwd=tmp_path)
    built = run("build", str(folder), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert checked.returncode == 1 and built.returncode == 1
    errors = _errors(checked.stderr)
    # a duplicate id, a bad date and two independent contradictions, all in one run
    assert len(errors) == 4, checked.stderr
    assert any("duplicate id 'x'" in e for e in errors)
    assert any("April 2024 has no day 31" in e for e in errors)
    assert any("around p" in e or "around q" in e for e in errors)
    assert any("around r" in e or "around s" in e for e in errors)
    assert _errors(built.stderr) == errors
    assert "4 errors in" in built.stderr and "nothing was written" in built.stderr
    assert not (tmp_path / "out").exists()
