"""What the CLI prints of user text is safe on a terminal; undecodable or endless input is refused.

A title, lane, id, file name or date expression can hold escape sequences
(plant a link, clear the screen, retitle the window) and bidirectional controls
(show ``exe.txt`` as ``txt.exe``). Each test runs the real command and checks
that no such character reaches its output, and that the user still sees what
the file holds, escaped.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.terminal import json_shown, shown, shown_lines

# every character a terminal must not receive from user text
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
EVIL = "\x1b]8;;http://evil.example/\x1b\\Click me\x1b]8;;\x1b\\ \x1b[2J\x1b]0;pwned\x07"
BIDI = "\u202etxt.exe \u2066x\u2069 \u200e\u200f\u061c \u202a\u202b\u202c\u202d"
MARKUP = "[bold red]not bold[/] [link=http://evil.example]x[/link]"


def chrono(
    cwd: Path, *args: str | Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"},
    )


def safe(output: bytes) -> str:
    text = output.decode("utf-8")
    assert UNSAFE.search(text.replace("\n", "")) is None, text
    return text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("a\x00b\x7fc\x9bd", "a\\x00b\\x7fc\\x9bd"),  # C0, DEL, C1 (CSI)
        ("line\nbreak\ttab\rreturn", "line\\nbreak\\ttab\\rreturn"),
        ("\u202etxt.exe", "\\u202etxt.exe"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        ("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u2028\u2029", "\\u200e\\u200f\\u061c"
         "\\u202a\\u202b\\u202c\\u202d\\u2028\\u2029"),
        ("Goïta, 北京, مالي, \U0001f4c5, e\u0301", "Goïta, 北京, مالي, \U0001f4c5, e\u0301"),
    ],
)  # fmt: skip
def test_shown_escapes_controls_and_bidi_and_keeps_the_rest(raw: str, escaped: str) -> None:
    assert shown(raw) == escaped


@given(st.text())
def test_shown_never_lets_an_unsafe_character_through(text: str) -> None:
    assert UNSAFE.search(shown(text)) is None and "\n" not in shown(text)
    assert "\n" not in "".join(shown_lines(text).split("\n")[0])
    assert shown_lines(text).count("\n") == text.count("\n")


@given(st.recursive(st.text() | st.none(), lambda inner: st.lists(inner, max_size=3)))
def test_json_shown_is_the_same_json(value: object) -> None:
    for indent in (None, 2):
        text = json_shown(json.dumps(value, ensure_ascii=False, indent=indent))
        assert json.loads(text) == value
        assert UNSAFE.search(text.replace("\n", "")) is None


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    events = tmp_path / "events"
    events.mkdir()
    title = json.dumps(EVIL + " " + BIDI + " " + MARKUP)
    (events / "e.json").write_text(
        f'{{"events": [{{"title": {title}, "date": "2020", "lane": {json.dumps(BIDI)}}},\n'
        f' {{"title": "Bad", "date": {json.dumps("May 32 " + EVIL)}}}]}}\n',
        encoding="utf-8",
    )
    return tmp_path


def _fix(hostile: Path) -> None:
    """Make the bad date good: the file then builds."""
    path = hostile / "events" / "e.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(json.dumps("May 32 " + EVIL), '"June 2020"'), encoding="utf-8")


def test_order_shows_titles_and_lanes_escaped(hostile: Path) -> None:
    _fix(hostile)
    done = chrono(hostile, "order", "events")
    assert done.returncode == 0, done.stderr
    out = safe(done.stdout)
    assert "\\x1b]8;;http://evil.example/\\x1b\\Click me" in out
    assert "\\u202etxt.exe" in out
    assert MARKUP in out  # printed as written, not read as rich markup
    as_json = chrono(hostile, "order", "events", "--json")
    titles = [e["title"] for e in json.loads(safe(as_json.stdout))]
    assert EVIL + " " + BIDI + " " + MARKUP in titles


def test_check_and_build_show_messages_and_file_names_escaped(hostile: Path) -> None:
    bad_name = hostile / "events" / "\x1b[2Jx\u202e.json"
    (hostile / "events" / "e.json").rename(bad_name)
    checked = chrono(hostile, "check", "events")
    assert checked.returncode == 1
    err = safe(checked.stderr)
    assert "events/\\x1b[2Jx\\u202e.json:2: " in err
    built = chrono(hostile, "build", "events", "--out", "out", "--format", "json")
    assert built.returncode == 1
    safe(built.stderr)
    bad_name.rename(hostile / "events" / "e.json")
    out = f"out\x1b]0;pwned\x07{BIDI}"
    _fix(hostile)
    built = chrono(hostile, "build", "events", "--out", out, "--format", "json")
    assert built.returncode == 0, built.stderr
    assert "wrote out\\x1b]0;pwned\\x07\\u202etxt.exe" in safe(built.stdout)


def test_parse_and_extract_show_the_text_escaped(tmp_path: Path) -> None:
    parsed = chrono(tmp_path, "parse", f"May 32 {EVIL}", "2020")
    assert parsed.returncode == 1
    assert "\\x1b]8;;" in safe(parsed.stderr)
    safe(parsed.stdout)
    explained = chrono(tmp_path, "parse", f"2020 {BIDI}")
    safe(explained.stdout + explained.stderr)
    as_json = chrono(tmp_path, "parse", "--json", f"May 32 {BIDI}")
    assert json.loads(safe(as_json.stdout))["text"] == f"May 32 {BIDI}"
    lines = chrono(tmp_path, "parse", "-", stdin=f"2020\nMay 32 {EVIL}\n".encode())
    assert [json.loads(line)["text"] for line in safe(lines.stdout).splitlines()] == [
        "2020", f"May 32 {EVIL}",
    ]  # fmt: skip
    missing = chrono(tmp_path, "extract", f"no\x1b[2Jsuch{BIDI}.txt")
    assert missing.returncode == 1
    assert "no\\x1b[2Jsuch\\u202etxt.exe" in safe(missing.stderr)


# Standard input that is not UTF-8, and input too large to read


@pytest.mark.parametrize("command", ["parse", "extract"])
def test_undecodable_standard_input_is_a_clear_error(tmp_path: Path, command: str) -> None:
    done = chrono(tmp_path, command, "-", stdin=b"2020\nMay 2021 \xff\n")
    assert done.returncode == 1
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.splitlines()[-1] == (
        "error: standard input: not UTF-8 text: byte 0xff on line 2 "
        + ("(column 10)" if command == "parse" else "(byte 15)")
        + " cannot be read (save it as UTF-8)"
    )
    if command == "parse":  # the other lines are still read
        assert json.loads(done.stdout.decode("utf-8"))["text"] == "2020"


def test_extract_refuses_an_endless_input_before_reading_it_whole(tmp_path: Path) -> None:
    # /dev/zero never ends: read up to the limit, then refused
    done = chrono(tmp_path, "extract", "/dev/zero")
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").splitlines() == [
        "error: /dev/zero: too large: over the 50 MB limit for one document (split it into several)"
    ]
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: no time, no disk
    done = chrono(tmp_path, "extract", big)
    assert done.stderr.decode("utf-8").splitlines() == [
        f"error: {big}: too large: 60.0 MB, over the 50 MB limit for one document "
        "(split it into several)"
    ]


def test_extract_reads_a_document_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chrono import text_input as reading
    from chrono.errors import ChronoError

    doc = tmp_path / "doc.txt"
    doc.write_bytes(b"\xef\xbb\xbfOn 12 May 2020 it rained.\n")
    assert reading.read_document(str(doc), limit=29) == "On 12 May 2020 it rained.\n"
    with pytest.raises(ChronoError, match="too large"):
        reading.read_document(str(doc), limit=28)
    doc.write_bytes(b"a\nb\nc \xc3(\n")
    with pytest.raises(ChronoError, match=r"byte 0xc3 on line 3 \(byte 7\)"):
        reading.read_document(str(doc))
