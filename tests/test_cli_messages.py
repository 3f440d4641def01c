"""What the commands say when something is wrong: worded to help, and only about what exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def chrono(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


MISSPELT = """\
events:
  - id: landing
    title: The landing
    date: 20 July 1969
  - id: walk
    title: The moonwalk
    date: the day after @landnig
  - id: splashdown
    title: Splashdown
    date: 24 July 1969
    after: landign
  - id: parade
    title: The parade
    date: after @zzzzzz
"""


def test_unknown_ids_in_dates_and_relations_get_a_did_you_mean(tmp_path: Path) -> None:
    write(tmp_path / "events", "moon.yaml", MISSPELT)
    result = chrono("check", str(tmp_path / "events"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(
        line.endswith("moon.yaml:7: date: unknown event @landnig; did you mean @landing?")
        for line in lines
    ), result.stderr
    assert any(
        line.endswith("moon.yaml:11: after: unknown event 'landign'; did you mean 'landing'?")
        for line in lines
    ), result.stderr
    far = [line for line in lines if "@zzzzzz" in line]
    assert len(far) == 1 and "did you mean" not in far[0]
