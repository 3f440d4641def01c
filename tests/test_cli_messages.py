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


NO_REFERENCE = "events:\n  - title: Attacks at Narena\n    date: May 12\n"


def test_each_command_says_how_it_takes_a_reference_date(tmp_path: Path) -> None:
    write(tmp_path / "events", "narena.yaml", NO_REFERENCE)
    for command in ("check", "build", "order"):
        result = chrono(command, "events", cwd=tmp_path)
        assert result.returncode == 1
        assert "--reference" not in result.stderr  # an option these commands do not have
        assert (
            "events/narena.yaml:3: date: cannot read 'May 12' at position 0: a reference date to "
            "resolve 'May 12' (give the file or the event a 'reference: YYYY-MM-DD' field)"
        ) in result.stderr
    parsed = chrono("parse", "May 12")
    assert parsed.returncode == 1
    assert "resolve 'May 12' (give it with --reference YYYY-MM-DD)" in parsed.stderr
    write(tmp_path, "article.txt", "The attack came on May 12.\n")
    extracted = chrono("extract", "article.txt", cwd=tmp_path)
    assert "--reference YYYY-MM-DD" in extracted.stderr
    assert "'reference' field" not in extracted.stderr


def test_counts_are_singular_for_one(tmp_path: Path) -> None:
    one = write(
        tmp_path / "one",
        "coup.yaml",
        "title: Coup\ndate: August 2020\nlane: Mali\ncolour: red\n",
    )
    built = chrono("build", str(one.parent), "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("1 event, 1 lane, 1 warning; wrote ")
    checked = chrono("check", str(one.parent))
    assert checked.stderr.splitlines()[-1] == "1 event, 0 errors, 1 warning"

    two = write(tmp_path / "two", "a.yaml", "title: A\ndate: 2020\n---\n")
    write(two.parent, "b.yaml", "title: B\ndate: 2021\nlane: X\n")
    built = chrono("build", str(two.parent), "--out", str(tmp_path / "out"))
    assert built.stdout.startswith("2 events, 2 lanes, 0 warnings; wrote "), built.stderr

    bad = write(tmp_path / "bad", "a.yaml", "title: A\ndate: 31 April 2020\n")
    checked = chrono("check", str(bad.parent))
    assert checked.stderr.splitlines()[-1] == "1 event, 1 error, 0 warnings"
    built = chrono("build", str(bad.parent), "--out", str(tmp_path / "out"))
    assert built.stderr.splitlines()[-1] == f"error: 1 error in {bad.parent}; nothing was written"


def test_order_does_not_claim_to_have_written_nothing(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad", "a.yaml", "title: A\ndate: 31 April 2020\n")
    ordered = chrono("order", str(bad.parent))
    assert ordered.returncode == 1
    assert ordered.stderr.splitlines()[-1] == f"error: 1 error in {bad.parent}"


def test_usage_errors_are_spelt_error_like_every_other(tmp_path: Path) -> None:
    for args in (("build", "--reference", "2020-01-01"), ("chekc",), ("order", "--jsn")):
        result = chrono(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert "Error" not in result.stderr, args
        assert result.stderr.splitlines()[-1].startswith("error: "), args
    assert chrono("build", "--reference", "x", cwd=tmp_path).stderr.splitlines()[-1] == (
        "error: No such option: --reference"
    )
    assert not (tmp_path / "exports").exists()
