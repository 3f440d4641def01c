"""What extraction finds: mentions of dates with their exact place in the text."""

from __future__ import annotations

import attrs

from chrono.model import Interval


@attrs.frozen
class Mention:
    """A date expression standing in the text at ``[start, end)``.

    ``interval`` is its meaning against the document's reference date, or None with
    ``error`` saying why it could not be resolved. ``part_of`` is the index of the
    range mention this one is an end of (``from Aug. 26 to Oct. 20`` gives one
    mention for the span and one for each end), else None.
    """

    text: str
    start: int
    end: int
    sentence: str
    interval: Interval | None = None
    error: str | None = None
    part_of: int | None = None
