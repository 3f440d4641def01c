"""One exception hierarchy: callers catch :class:`ChronoError` and get a clear message.

This module sits at the bottom of the package (it imports only :mod:`chrono.suggest`,
which imports nothing), so every layer can raise these. Each class is one kind of
failure; where a builtin names the same kind (a bad value, a missing key) the class is
that builtin too, so code that knows nothing of chrono still catches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from chrono.suggest import close_match, did_you_mean


@attrs.frozen
class Problem:
    """An error or warning about a file, printed as ``path:line: message``.

    It lives here, beside :class:`ProblemsError` which carries a list of them, so the
    error root needs nothing from the layers above it.
    """

    file: str
    line: int
    message: str
    severity: str = "error"  # error or warning

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {prefix}{self.message}"


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


class DayError(ChronoError, ValueError):
    """A day that does not exist (month 13, February 30) or that a conversion cannot hold."""


class WindowError(ChronoError, ValueError):
    """Bounds that contradict each other: a window or interval that would end before it begins."""


class UnknownEventError(ChronoError, KeyError):
    """An event id that names no event; the message suggests the nearest ids.

    A :class:`KeyError` too, so ``timeline["x"]`` behaves as a mapping lookup does.
    """

    def __init__(self, event_id: str, known: Iterable[str] = ()) -> None:
        self.event_id = event_id
        self.suggestion = close_match(event_id, known)
        super().__init__(event_id)

    def __str__(self) -> str:  # KeyError's own str() would show the repr of the id alone
        return f"unknown event {self.event_id!r}{did_you_mean(self.suggestion)}"


class ExportError(ChronoError, ValueError):
    """Outputs that cannot be made or written; ``setting`` names the argument at fault.

    The message speaks of the library's arguments; a front end (the CLI) may put its
    own name for ``setting`` (an option) in front.
    """

    def __init__(self, setting: str, message: str) -> None:
        self.setting = setting
        super().__init__(message)


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
