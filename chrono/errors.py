"""One exception hierarchy: callers catch :class:`ChronoError` and get a clear message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chrono.events.event import Problem


class ChronoError(Exception):
    """The root of every error chrono raises on purpose."""


class ParseError(ChronoError, ValueError):
    """A date expression that cannot be read: the text, where reading stopped, what was expected."""

    def __init__(self, text: str, position: int, expected: str) -> None:
        self.text = text
        self.position = max(0, min(position, len(text)))
        self.expected = expected
        super().__init__(self._message())

    def _message(self) -> str:
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        if not self.text or self.text.isspace():  # not strip(): the text may be a whole document
            return f"empty date expression: expected {self.expected}"
        return f"cannot read {shown!r} at position {self.position}: {self.expected}"

    def excerpt(self) -> str:
        """The text with a caret under the failing position, for terminals."""
        start = max(0, self.position - 40)
        line = self.text[start : self.position + 40].replace("\n", " ")
        return f"{line}\n{' ' * (self.position - start)}^"


class MissingReferenceError(ParseError):
    """A date that needs the document's date ('May 12', 'last year'), read without one.

    A class of its own so that each caller can say how to give one: an option, a
    ``reference`` field, an argument.
    """


class ProblemsError(ChronoError):
    """Errors found in event files, every one of them, each as ``path:line: message``."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        errors = [str(p) for p in self.problems if p.severity == "error"]
        super().__init__("\n".join(errors) or "no errors")


class EventFileError(ProblemsError):
    """Event files that cannot be read as events."""


class ChronologyError(ProblemsError):
    """Events whose dates or relations cannot all hold: unknown ids, cycles, contradictions."""
