"""Text from event files and arguments made safe to print on a terminal.

A title may hold escape sequences (``ESC ]8;;`` plants a link, ``ESC [2J`` clears
the screen, ``ESC ]0;`` retitles the window) or bidirectional controls (U+202E
shows ``txt.exe`` as ``exe.txt``). Printed raw, the terminal obeys them; here each
is shown as its escape (``\\x1b``, ``\\u202e``), so the reader sees what the file holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chrono.chronology import Timeline
    from chrono.errors import Problem

# C0 controls (tab and newline too: one printed line per line of output), DEL, C1
# controls, the line and paragraph separators, and the bidirectional controls:
# embeddings and overrides U+202A-202E, isolates U+2066-2069, marks U+200E/F, U+061C.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
# what json.dumps leaves as it is (it escapes C0 controls; these may stand between tokens)
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """``text`` with every control and bidirectional character shown as its escape."""
    text = str(text)
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def shown_lines(text: object) -> str:
    """Like :func:`shown`, keeping the line breaks of a message written on several lines."""
    return "\n".join(shown(line) for line in str(text).split("\n"))


def json_shown(text: str) -> str:
    """JSON text with the same characters written as ``\\uXXXX``: the same JSON, safe to print.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes DEL,
    C1 controls and bidirectional controls as they are; they can only stand
    inside strings, where ``\\uXXXX`` means the same character.
    """
    if text.isascii() and "\x7f" not in text:  # DEL is the one ASCII it changes: two quick scans
        return text
    if not _JSON_UNSAFE.search(text):
        return text
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def counted(n: int, noun: str) -> str:
    """``1 event``, ``2 events``: every count the CLI prints."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    """``error: file:line: message`` (or ``warning:``) a problem, in file and line order."""
    return [
        ("warning: " if p.severity == "warning" else "error: ")
        + shown_lines(str(p).replace(": warning: ", ": ", 1))
        for p in sorted(problems, key=lambda p: (p.file, p.line))
    ]


def summary(timeline: Timeline, written: Sequence[Path]) -> str:
    """The line a good build ends with: what it holds and the files it wrote."""
    warnings = sum(w.severity == "warning" for w in timeline.warnings)
    lanes = {p.event.lane for p in timeline.events}
    return (
        f"{counted(len(timeline.events), 'event')}, {counted(len(lanes), 'lane')}, "
        f"{counted(warnings, 'warning')}; wrote {', '.join(shown(str(p)) for p in written)}"
    )
