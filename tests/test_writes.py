"""What `chrono build` writes, and where, when it is killed or fed hostile names.

Every build runs as a real process, from a folder with no pyproject.toml (so no
project defaults apply), and is watched from outside: the outputs' bytes, the
temporary files beside them, and every other file under the test's folder.

A build renders everything in memory, writes each output to a temporary file
``.NAME.XXXX.tmp`` beside it, flushes it to disk, and only then renames them all
over the outputs. A SIGKILL can land anywhere and no handler runs, so a kill
while the temporary files exist leaves them behind: they are hidden and end in
``.tmp``, and a later build must write correct outputs all the same (it may
remove them or leave them). A kill in the microseconds between two of the final
renames would leave some outputs new and others old, each file whole: a rename
is atomic one file at a time, so these tests cannot aim at that moment.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

BUILD = ["--format", "html,json,csv", "--plotlyjs", "cdn"]
OUTPUTS = {"timeline.html", "timeline.json", "timeline.csv"}
EVENTS = 10_000
WAIT = 300  # seconds before a build that should have finished counts as hung


def chrono(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def start(cwd: Path, *args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "chrono", *map(str, args)],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def temporaries(folder: Path) -> set[str]:
    return {n for n in os.listdir(folder) if n.startswith(".timeline") and n.endswith(".tmp")}


def snapshot(root: Path, *, skip: Path | None = None) -> dict[str, str]:
    """Every file, folder and link under ``root`` (but ``skip``), with what it holds."""
    found: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if skip is not None and here == skip:
            dirnames.clear()
            continue
        for name in dirnames + filenames:
            path = here / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = "link " + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def many_events(title: str) -> str:
    """``EVENTS`` events in one YAML file, the same text for the same title on every run."""
    lines = ["reference: 2025-07-15", "source: a large generated chronology", "events:"]
    for i in range(EVENTS):
        year, month, day = 1800 + i % 225, 1 + i * 7 % 12, 1 + i * 13 % 28
        lines += [
            f"  - id: e{i:05d}",
            f"    title: {title} {i}",
            f"    date: {year}-{month:02d}-{day:02d}" if i % 3 else f"    date: late {year}",
            f"    lane: lane {i % 7}",
        ]
    return "\n".join(lines) + "\n"


# A build killed mid-run ---------------------------------------------------------


def _kill_when(
    cwd: Path, source: Path, out: Path, ready: Callable[[float, set[str]], bool]
) -> tuple[int, set[str]]:
    """Start a build, SIGKILL it once ``ready(seconds, new temporary files)``; its status.

    Returns the exit status (``-SIGKILL`` when the kill landed while it ran) and the
    new temporary files seen just before the kill.
    """
    before = temporaries(out)
    proc = start(cwd, "build", source, "--out", out, *BUILD)
    began = time.monotonic()
    seen: set[str] = set()
    try:
        while proc.poll() is None:
            elapsed = time.monotonic() - began
            assert elapsed < WAIT, "the build neither finished nor reached the moment"
            seen = temporaries(out) - before
            if ready(elapsed, seen):
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.0005)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=WAIT)
    return proc.returncode, seen


def _after_seconds(seconds: float) -> Callable[[float, set[str]], bool]:
    return lambda elapsed, _temps: elapsed >= seconds


def _first_temporary(_elapsed: float, temps: set[str]) -> bool:
    return bool(temps)


def _every_temporary(_elapsed: float, temps: set[str]) -> bool:
    return len(temps) == len(OUTPUTS)


MOMENTS = [
    ("after 0.2 s", _after_seconds(0.2)),
    ("after 1 s", _after_seconds(1.0)),
    ("after 2 s", _after_seconds(2.0)),
    ("as the first output is written", _first_temporary),
    ("as the last output is written", _every_temporary),
]


def test_a_build_killed_mid_run_leaves_the_previous_outputs_complete(tmp_path: Path) -> None:
    # two working folders alike, so that outputs which name the input file agree
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    source, out = Path("events"), work / "out"
    for folder, title in ((work, "Event number"), (elsewhere, "Retitled event")):
        (folder / source).mkdir(parents=True)
        (folder / source / "events.yaml").write_text(many_events(title), encoding="utf-8")

    # the first build, and the changed input built elsewhere to know its bytes (at once)
    first = start(work, "build", source, "--out", out, *BUILD)
    reference = start(elsewhere, "build", source, "--out", "out", *BUILD)
    assert first.wait(timeout=WAIT) == 0 and reference.wait(timeout=WAIT) == 0
    old, new = contents(out), contents(elsewhere / "out")
    assert set(old) == set(new) == OUTPUTS
    assert all(old[name] != new[name] for name in OUTPUTS)

    shutil.copyfile(elsewhere / source / "events.yaml", work / source / "events.yaml")
    for moment, ready in MOMENTS:
        status, seen = _kill_when(work, source, out, ready)
        assert status == -signal.SIGKILL, f"{moment}: the build ended ({status}) before the kill"
        if ready in (_first_temporary, _every_temporary):
            assert seen, f"{moment}: killed before any output was being written"
        after = contents(out)
        extra = set(after) - OUTPUTS
        assert all(n.startswith(".") and n.endswith(".tmp") for n in extra), (moment, extra)
        assert set(after) >= OUTPUTS, f"{moment}: an output is missing"
        for name in sorted(OUTPUTS):
            # never half a file; and the renames come last, so still the old one
            assert after[name] in (old[name], new[name]), f"{moment}: {name} is half-written"
            assert after[name] == old[name], f"{moment}: {name} changed before the renames"

    left = temporaries(out)
    done = chrono(work, "build", source, "--out", out, *BUILD)
    assert done.returncode == 0, done.stderr
    after = contents(out)
    for name in sorted(OUTPUTS):
        assert after[name] == new[name], f"{name} differs from a clean build's"
    # the kills' temporary files may be cleaned or left alone; nothing else appears
    assert set(after) - OUTPUTS <= left
    assert all(n.startswith(".") and n.endswith(".tmp") for n in left)


# Nothing written outside --out ----------------------------------------------------

WEIRD = [
    "../../escaped",
    "../",
    "/",
    "/etc/passwd",
    "..\\..\\escaped",
    "timeline.html/../../escaped",
    "timeline.json/../../../escaped",
    "C:\\Windows\\escaped",
    "~/escaped",
    "$HOME/escaped",
    "\u202etxt.lmth",  # right-to-left override
    "zero\u200bwidth\u200djoin\ufeff",
    "e\u0301\u0301\u0301 combining",
    "Ｆｕｌｌｗｉｄｔｈ．．／",
    "\U0001f4c5 \U0001f9e8",
    "line\nbreak\rreturn\ttab",
    '<script>alert("x")</script>',
    "'; DROP TABLE events; --",
    "%2e%2e%2fescaped",
    "\u2215slash\u2044fraction\u29f8big",
    "con",
    "nul.txt",
]


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar holding ``text`` exactly."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    for raw, code in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\ufeff", "\\uFEFF")):
        escaped = escaped.replace(raw, code)
    return f'"{escaped}"'


def _hostile_events(absolute: Path, *, ids: bool) -> str:
    texts = [*WEIRD, str(absolute), str(absolute / "x"), f"{absolute}/../escaped"]
    # ids must match \w[\w.:-]*: the nearest to a path that the id rule allows
    explicit = ["timeline.html", "timeline.json..", "x..", "é.:..:", "plotly.min.js", "_..-"]
    explicit.append("ﬁ.ǅ.Ⅻ")
    lines = ["reference: 2025-07-15", f"lane: {_yaml_string(WEIRD[0])}", "events:"]
    for i, text in enumerate(texts):
        lines += [
            f"  - title: {_yaml_string(text)}",
            f"    date: {2000 + i}",
            f"    lane: {_yaml_string(texts[(i + 1) % len(texts)])}",
            f"    source: {_yaml_string(text)}",
            f"    url: {_yaml_string('https://example.org/' + quote(text))}",
            f"    tags: [{_yaml_string(text)}]",
            f"    description: {_yaml_string(text)}",
        ]
        if ids and i < len(explicit):
            lines.append(f"    id: {_yaml_string(explicit[i])}")
    return "\n".join(lines) + "\n"


def test_hostile_names_write_only_the_outputs_inside_out(tmp_path: Path) -> None:
    work = tmp_path / "work"
    source, out = work / "events", work / "deep" / "out"
    absolute = tmp_path / "absolute-target"
    # event files with names like paths (no '/' can be in a file name; a folder can);
    # names that start with '.' are hidden, and skipped like .git
    names = ["timeline.html.yaml", "..\\..\\escaped.yaml", "\u202elmth.yaml", "-rf .yaml"]
    read = 0
    for folder in (source, source / "..\\", source / "timeline.html"):
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            hidden = name.startswith(".") or folder.name.startswith(".")
            text = _hostile_events(absolute, ids=read == 0 and not hidden)  # once: unique
            (folder / name).write_text(text, encoding="utf-8")
            read += not hidden
    before = snapshot(tmp_path)

    title = f"../../escaped {absolute} timeline.html/../../x"
    result = chrono(
        work, "build", source, "--out", out, "--format", "html,json,csv", "--fragment",
        "--plotlyjs", "directory", "--title", title,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(out)) == sorted([*OUTPUTS, "timeline.fragment.html", "plotly.min.js"])
    made = {"work/deep": "folder", "work/deep/out": "folder"}
    assert snapshot(tmp_path, skip=out) == {**before, **made}
    assert not absolute.exists()
    events = json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert len(events) == read * (len(WEIRD) + 3)  # every hostile event was built
    assert any(e["title"] == "\u202etxt.lmth" for e in events)
    assert {"timeline.html", "ﬁ.ǅ.Ⅻ"} <= {e["id"] for e in events}


def test_ids_like_paths_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    work = tmp_path / "work"
    source, out = work / "events", work / "out"
    source.mkdir(parents=True)
    bad_ids = ["../../escaped", "/etc/passwd", str(tmp_path / "abs"), "..\\x", "a/b", "../"]
    lines = ["events:"]
    for i, bad in enumerate(bad_ids):
        lines += [f"  - id: {_yaml_string(bad)}", f"    title: t{i}", f"    date: {2000 + i}"]
    (source / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(tmp_path)

    result = chrono(work, "build", source, "--out", out, *BUILD)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("bad id") == len(bad_ids)
    assert snapshot(tmp_path) == before  # not even --out is made


# An --out that cannot be a folder -----------------------------------------------


def _small_events(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "events.yaml").write_text(
        "events:\n  - title: One\n    date: 2020\n  - title: Two\n    date: May 2021\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("inside", [False, True], ids=["the file", "a folder inside it"])
def test_out_that_is_a_regular_file_changes_nothing(tmp_path: Path, inside: bool) -> None:
    work = tmp_path / "work"
    _small_events(work / "events")
    target = work / "exports"
    target.write_bytes(b"not a folder\n")
    before = snapshot(tmp_path)

    result = chrono(work, "build", "events", "--out", target / "sub" if inside else target, *BUILD)
    assert result.returncode != 0
    assert snapshot(tmp_path) == before
    assert target.read_bytes() == b"not a folder\n"


@pytest.mark.parametrize("inside", [False, True], ids=["the file", "a folder inside it"])
def test_out_that_is_a_regular_file_is_a_clear_error(tmp_path: Path, inside: bool) -> None:
    work = tmp_path / "work"
    _small_events(work / "events")
    target = work / "exports"
    target.write_bytes(b"not a folder\n")

    result = chrono(work, "build", "events", "--out", target / "sub" if inside else target, *BUILD)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ") and "exports" in result.stderr


# A date no chart can draw -------------------------------------------------------

FAR = "9" * 400 + " months after 2020"  # a year of about 400 digits: no float holds it


def _far_build(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    work = tmp_path / "work"
    _small_events(work / "events")
    out = work / "out"
    assert chrono(work, "build", "events", "--out", out, *BUILD).returncode == 0
    with (work / "events" / "events.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"  - title: Far\n    date: {FAR}\n")
    return work, out, contents(out)


def test_a_date_no_chart_can_draw_leaves_the_previous_outputs(tmp_path: Path) -> None:
    work, out, old = _far_build(tmp_path)
    result = chrono(work, "build", "events", "--out", out, *BUILD)
    assert result.returncode != 0
    assert contents(out) == old


def test_a_date_no_chart_can_draw_is_a_clear_error(tmp_path: Path) -> None:
    work, out, _old = _far_build(tmp_path)
    result = chrono(work, "build", "events", "--out", out, *BUILD)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
