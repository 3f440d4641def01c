"""What `chrono build` writes, and where, when it is killed, raced or fed hostile names.

Every build runs as a real process, from a folder with no pyproject.toml (so no
project defaults apply), and is watched from outside: the outputs' bytes, the
files beside them, and every other file under the test's folder.

A build renders everything in memory, then, holding the lock ``.chrono.lock``
inside ``--out``, stages every output in a hidden folder, writes a journal, and
renames the staged files over the outputs (chrono.export.atomic); it leaves
nothing else behind. The kill tests
stop a build at each of those points with ``CHRONO_FAULT`` (the build kills
itself with SIGKILL there, as a kill from outside would), so no test depends on
how fast the machine is.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
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


# A build killed at each point, and builds raced ---------------------------------

HIDDEN: set[str] = set()  # what a build leaves beside its outputs: nothing
# every point where CHRONO_FAULT can stop a build, in the order a build passes them
FAULTS = [
    "locked", "staged:1", "staged:2", "staged:3", "journal",
    "renamed:1", "renamed:2", "renamed:3", "done",
]  # fmt: skip
COMMITTED = FAULTS.index("journal")  # from here on, the new set is the one to complete


def outputs(folder: Path) -> dict[str, bytes]:
    """The visible files of an output folder."""
    return {n: b for n, b in contents(folder).items() if not n.startswith(".")}


def hidden(folder: Path) -> set[str]:
    return {n for n in os.listdir(folder) if n.startswith(".")}


def _events_folder(work: Path, title: str, count: int) -> None:
    (work / "events").mkdir(parents=True)
    text = many_events(title)
    kept = text.split("  - id: ")[: count + 1]  # the header and ``count`` events
    (work / "events" / "events.yaml").write_text("  - id: ".join(kept), encoding="utf-8")


@pytest.fixture(scope="module")
def two_sets(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """Two working folders alike but for their events' titles, and each one's outputs."""
    root = tmp_path_factory.mktemp("sets")
    work, other = root / "work", root / "other"
    _events_folder(work, "Event number", 300)
    _events_folder(other, "Retitled event", 300)
    first = start(work, "build", "events", "--out", "reference", *BUILD)
    second = start(other, "build", "events", "--out", "reference", *BUILD)
    assert first.wait(timeout=WAIT) == 0 and second.wait(timeout=WAIT) == 0
    old, new = outputs(work / "reference"), outputs(other / "reference")
    assert set(old) == set(new) == OUTPUTS
    assert all(old[name] != new[name] for name in OUTPUTS)
    return work, other, old, new


def test_every_fault_point_is_reached_by_a_build() -> None:
    source = Path(__file__).parents[1] / "chrono" / "export" / "atomic.py"
    text = source.read_text(encoding="utf-8")
    named = {point.split(":")[0] for point in FAULTS}
    assert named == {"locked", "staged", "journal", "renamed", "done"}
    assert all(f'_fault("{name}' in text or f'_fault(f"{name}' in text for name in named)


@pytest.mark.parametrize("point", FAULTS)
def test_a_build_killed_at_each_point_then_another_leaves_one_consistent_set(
    point: str, two_sets: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    from chrono.export.atomic import locked, recover

    work, other, old, new = two_sets
    out = tmp_path / "out"
    shutil.copytree(work / "reference", out)  # the previous build's outputs

    killed = subprocess.run(
        [sys.executable, "-m", "chrono", "build", "events", "--out", out, *BUILD],
        cwd=other, capture_output=True, timeout=WAIT, env={**os.environ, "CHRONO_FAULT": point},
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = outputs(out)
    assert set(after) == OUTPUTS
    for name in sorted(OUTPUTS):
        assert after[name] in (old[name], new[name]), f"{name} is half-written"
    if FAULTS.index(point) < COMMITTED:
        assert after == old, "an output changed before the journal was written"
    if point != "locked":
        assert hidden(out) > HIDDEN  # the staging folder, and from "journal" on the journal

    # what the next build does first: one consistent set, nothing left over
    with locked(out):
        recover(out)
    assert outputs(out) == (new if FAULTS.index(point) >= COMMITTED else old)
    assert hidden(out) == HIDDEN

    # and the next build itself writes its own set, whole
    again = chrono(work, "build", "events", "--out", out, *BUILD)
    assert again.returncode == 0, again.stderr
    assert outputs(out) == old
    assert hidden(out) == HIDDEN


def test_the_next_build_removes_temporary_files_an_older_build_left(
    two_sets: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    work, _other, old, _new = two_sets
    out = tmp_path / "out"
    out.mkdir()
    left = [".timeline.html.k3j_x9.tmp", ".timeline.json.abc123.tmp", ".plotly.min.js.q1.tmp"]
    for name in left:
        (out / name).write_bytes(b"x" * 1000)
    (out / ".keep.tmp").write_bytes(b"a user's own file")
    (out / ".chrono-staging-old").mkdir()
    (out / ".chrono-staging-old" / "timeline.html").write_bytes(b"half")
    done = chrono(work, "build", "events", "--out", out, *BUILD)
    assert done.returncode == 0, done.stderr
    assert outputs(out) == old
    assert hidden(out) == HIDDEN | {".keep.tmp"}


RACES = 20


def test_two_builds_started_together_leave_one_builds_outputs(
    two_sets: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    work, other, old, new = two_sets
    out = tmp_path / "out"
    for race in range(RACES):
        builds = [
            start(folder, "build", "events", "--out", out, *BUILD) for folder in (work, other)
        ]
        assert [build.wait(timeout=WAIT) for build in builds] == [0, 0], f"race {race}"
        after = outputs(out)
        assert after in (old, new), f"race {race}: a mix of the two builds' outputs"
        assert hidden(out) == HIDDEN, f"race {race}"


def test_a_build_waits_for_the_lock_and_says_so(
    two_sets: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    from chrono.export.atomic import locked

    work, _other, old, _new = two_sets
    out = tmp_path / "out"
    out.mkdir()
    with locked(out):
        build = subprocess.Popen(
            [sys.executable, "-m", "chrono", "build", "events", "--out", out, *BUILD],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert build.stderr is not None
        line = build.stderr.readline()  # blocks until the build has met the lock
        assert line.startswith(f"waiting for another build writing into {out} to finish")
        assert outputs(out) == {}  # nothing written while another build holds the lock
    _stdout, stderr = build.communicate(timeout=WAIT)
    assert build.returncode == 0, stderr
    assert outputs(out) == old


def test_a_build_that_waits_too_long_is_a_clear_error(
    two_sets: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    from chrono.export.atomic import locked

    work, _other, _old, _new = two_sets
    out = tmp_path / "out"
    out.mkdir()
    with locked(out):
        done = subprocess.run(
            [sys.executable, "-m", "chrono", "build", "events", "--out", out, *BUILD],
            cwd=work, capture_output=True, text=True, timeout=WAIT,
            env={**os.environ, "CHRONO_LOCK_TIMEOUT": "0"},
        )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"error: --out: another build kept {out}/.chrono.lock locked for 0 s "
        "(is another build stuck?)"
    )
    assert outputs(out) == {}


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
    written = [*OUTPUTS, "timeline.fragment.html", "plotly.min.js", *HIDDEN]
    assert sorted(os.listdir(out)) == sorted(written)
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
