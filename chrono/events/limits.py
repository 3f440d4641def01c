"""The bounds that keep a bad, hostile or huge event file from costing more than it is worth.

Every limit is far beyond what a real chronology needs, and each is checked
before the work it bounds, so that reading any file takes time and memory in
proportion to its size, and every refusal is one clear error at a line.
"""

from __future__ import annotations

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
