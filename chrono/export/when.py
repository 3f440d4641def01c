"""An event's propagated windows in words, for the text fields of other tools' formats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chrono.describe import window_words

if TYPE_CHECKING:
    from chrono.chronology import Placed


def when_words(p: Placed) -> str:
    """The propagated windows as a reader would say them."""
    if p.start == p.end:
        return window_words(p.start)
    end = window_words(p.end)
    if p.end.latest is None:
        end += ", or is still going on"
    return f"starts {window_words(p.start)}; ends {end}"
