"""Text from event files and arguments made safe to print on a terminal.

A title may hold escape sequences (``ESC ]8;;`` plants a link, ``ESC [2J`` clears
the screen, ``ESC ]0;`` retitles the window) or bidirectional controls (U+202E
shows ``txt.exe`` as ``exe.txt``). Printed raw, the terminal obeys them; here each
is shown as its escape (``\\x1b``, ``\\u202e``), so the reader sees what the file holds.
"""

from __future__ import annotations

import re

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
    if not _JSON_UNSAFE.search(text):
        return text
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
