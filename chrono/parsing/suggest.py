"""Did-you-mean for misspelt month and weekday names (``Jnue 1969``, ``18 Mya 1969``).

Only the error path calls this, so it may take a few microseconds; words the grammar
knows in any role are never "corrected".
"""

from __future__ import annotations

from chrono.parsing.vocabulary import (
    APPROXIMATE,
    DECADE_WORDS,
    HOLIDAY_PHRASES,
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    OPEN_PHRASES,
    ORDINALS,
    PART_PHRASES,
    RANGE_WORDS,
    SEASONS,
    TENS,
    UNIT_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from chrono.suggest import close_match

# Each spelling the grammar reads, full or short, to the name it stands for.
_NAMES: dict[str, str] = {
    **{word: MONTH_NAMES[n] for word, n in MONTHS.items()},
    **{word: WEEKDAY_NAMES[n] for word, n in WEEKDAYS.items()},
}
# Holidays of one word ("Chrsitmas 2019"), matched more strictly: they are long words,
# and a loose match would turn "yeer" into Easter.
_HOLIDAY_NAMES = {w: w.capitalize() for w in ("christmas", "easter", "halloween", "thanksgiving")}
_KNOWN = frozenset(
    {
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *NUMBERS,
        *ORDINALS,
        *DECADE_WORDS,
        *UNIT_WORDS,
        *APPROXIMATE,
        *RANGE_WORDS,
        *(w for words, _ in OPEN_PHRASES + PART_PHRASES + HOLIDAY_PHRASES for w in words),
        *TENS,
        *("fiscal", "fy", "turn", "oh", "thousand", "hundred", "thirtieth", "holidays", "or"),
        *("the", "and", "from", "between", "in", "on", "at", "of", "during", "over", "ago"),
        *("last", "this", "next", "past", "previous", "coming", "current", "within"),
        *("today", "now", "yesterday", "tomorrow", "recently", "lately", "weekend"),
        *("ad", "bc", "bce", "ce", "q", "h", "c", "sometime", "century"),
    }
)


def close_name(word: str) -> str | None:
    """The month, weekday or holiday name ``word`` most likely misspells, or None."""
    lowered = word.lower()
    if len(lowered) < 3 or lowered in _KNOWN or not lowered.isalpha():
        return None
    close = close_match(lowered, _NAMES, cutoff=0.6)  # looser than for ids: short words
    if close is not None:
        return _NAMES[close]
    close = close_match(lowered, _HOLIDAY_NAMES, cutoff=0.8) if len(lowered) >= 5 else None
    return None if close is None else _HOLIDAY_NAMES[close]


def unknown_word(word: str) -> str | None:
    """The message for a misspelt name: ``unknown word 'Jnue' — did you mean June?``."""
    name = close_name(word)
    return None if name is None else f"unknown word {word!r} — did you mean {name}?"
