"""Did-you-mean: the known name closest to a misspelt one, for messages.

At the bottom layer (it imports nothing of chrono), so that field names, event ids
and anything else a message names can share one rule for what counts as close.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

CUTOFF = 0.75  # close enough to be a slip of the keyboard, far enough not to be a guess
BUDGET = 200_000  # names compared per Guesser: a few tenths of a second at most


def close_match(word: str, names: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The name in ``names`` closest to ``word``, or None when none is close."""
    import difflib  # here: every command imports this module, few print a suggestion

    found = difflib.get_close_matches(word, list(names), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(guess: str | None, prefix: str | None = None) -> str:
    """``; did you mean 'x'?`` (``@x`` with prefix ``@``) for a guess, nothing for None."""
    if guess is None:
        return ""
    shown = repr(guess) if prefix is None else prefix + guess
    return f"; did you mean {shown}?"


class Guesser:
    """Did-you-mean against one collection of names, over many misspellings.

    A build with thousands of unknown ids among hundreds of thousands of events
    must still fail fast, so the work is bounded: once ``budget`` names have been
    compared, the remaining misspellings get no guess (the message still names them).
    """

    def __init__(self, names: Collection[str], budget: int = BUDGET) -> None:
        self._names = names
        self._list: list[str] | None = None  # made on the first guess: most runs need none
        self._budget = budget

    def __call__(self, word: str) -> str | None:
        if len(self._names) > self._budget:
            return None
        self._budget -= len(self._names)
        if self._list is None:
            self._list = list(self._names)
        return close_match(word, self._list)

    def hint(self, word: str, prefix: str | None = None) -> str:
        """``; did you mean 'x'?`` (``@x`` with prefix ``@``) when a name is close, else nothing."""
        return did_you_mean(self(word), prefix)
