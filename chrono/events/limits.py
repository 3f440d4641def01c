"""The bounds that keep a bad, hostile or huge event file from costing more than it is worth.

Every limit is far beyond what a real chronology needs, and each is checked
before the work it bounds, so that reading any file takes time and memory in
proportion to its size, and every refusal is one clear error at a line.
"""

from __future__ import annotations

import re

MAX_FILE_BYTES = 50 * 1024 * 1024  # per file: years of daily events; checked before reading
MAX_NESTING = 100  # lists and mappings inside each other; an event file needs five
MAX_ALIAS_VALUES = 100_000  # values YAML aliases may add; more if the file writes out more
MAX_ID_LENGTH = 200  # characters of an explicit id; ids made from titles have at most 60
SHOWN = 80  # characters of a value quoted in a message


def quoted(text: str, limit: int = SHOWN) -> str:
    """``text`` as a quoted literal, cut to ``limit`` characters: a message never echoes 1 MB."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def too_deep(kind: str) -> str:
    """The one message for a YAML or JSON file nested deeper than :data:`MAX_NESTING`."""
    return (
        f"{kind} nested too deeply (more than {MAX_NESTING} lists and mappings inside each other)"
    )


# Half of a UTF-16 pair: Python strings may hold one (JSON's "\ud800", YAML's "\uD800"),
# but no file or terminal can encode it, so every value is whole characters or refused.
SURROGATE = re.compile("[\ud800-\udfff]")
_HALVES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
# How a surrogate gets into text decoded from UTF-8: an escape (JSON \uD800, YAML \U0000D800)
SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")


def whole_text(text: str) -> tuple[str, str | None]:
    """``text`` in whole characters, and the error if it held a lone surrogate.

    A pair written as two escapes (which PyYAML's pure-Python reader keeps apart)
    is joined into its character; a lone half is replaced by U+FFFD and reported.
    """
    if SURROGATE.search(text) is None:
        return text, None
    lone: list[str] = []

    def whole(match: re.Match[str]) -> str:
        pair = match.group()
        if len(pair) == 2:
            return chr(0x10000 + (ord(pair[0]) - 0xD800) * 0x400 + ord(pair[1]) - 0xDC00)
        lone.append(pair)
        return "\ufffd"

    joined = _HALVES.sub(whole, text)
    if not lone:
        return joined, None
    message = (
        f"a lone surrogate \\u{ord(lone[0]):04x} (half of a UTF-16 pair, "
        "not a character): write the character itself"
    )
    return joined, message
