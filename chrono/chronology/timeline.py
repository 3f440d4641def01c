"""The chronology's values: each event placed, and the ordered timeline that holds them.

These are plain frozen values (tuples and read-only mappings), made by
:mod:`chrono.chronology.build` and read by the export layer above. Nothing here
draws: the chart and the page are functions of :mod:`chrono.export`.

Drawing from a method (``timeline.figure()``, ``timeline.to_html()``, and the
notebook's ``_repr_html_``) goes through a :class:`Drawing` that the export layer
registers when it is imported (``import chrono`` imports it). A registered hook,
rather than an import of the export modules here, keeps every import pointing
down; ``_repr_html_`` rather than an IPython formatter keeps the notebook display
working in every front end that honours the protocol (Jupyter, VS Code, others),
with no IPython import and no dependence on which was imported first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from chrono.chronology.order import certainly_precedes
from chrono.chronology.placed import Bounds, Placed
from chrono.errors import ChronoError, Problem, UnknownEventError

if TYPE_CHECKING:
    from chrono.chronology.probability import Comparison, Figures


@attrs.frozen
class Drawing:
    """What the export layer lends the timeline's drawing methods."""

    figure: Callable[[Timeline, str | None], Any]
    to_html: Callable[..., str]


_drawing: list[Drawing] = []  # at most one: set by chrono.export when it is imported


def register_drawing(drawing: Drawing) -> None:
    """Let ``Timeline.figure``, ``to_html`` and the notebook display draw with ``drawing``."""
    _drawing[:] = [drawing]


def _drawn() -> Drawing:
    if not _drawing:
        raise ChronoError(
            "drawing a timeline needs chrono.export: import it, or build the timeline "
            "with chrono.build_timeline"
        )
    return _drawing[0]


@attrs.frozen
class Timeline:
    """The ordered chronology: events in display order, with ranks, relations, warnings.

    ``timeline["id"]`` is that event's :class:`Placed`; an unknown id raises
    :class:`~chrono.errors.UnknownEventError` (a ``KeyError``) suggesting near ids.
    """

    events: tuple[Placed, ...]
    relations: tuple[tuple[str, str, str], ...]  # (id, kind, other id), as stated
    warnings: tuple[Problem, ...]
    _bounds: Bounds = attrs.field(repr=False, eq=False)
    _positions: Mapping[str, int] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _positions_of(self.events), takes_self=True),
    )

    _figures: dict[str, Figures] = attrs.field(init=False, factory=dict, repr=False, eq=False)

    def __len__(self) -> int:
        return len(self.events)

    @property
    def network(self) -> Bounds:
        """The propagated constraint network, for questions beyond precedence."""
        return self._bounds

    @property
    def probabilities(self) -> Figures:
        """Expected ranks and neighbour figures (every consistent history equally likely).

        Computed on first use and kept: a cache, not state, so the timeline stays a value.
        """
        if "figures" not in self._figures:
            from chrono.chronology.probability import Figures

            self._figures["figures"] = Figures(self.events, self._bounds)
        return self._figures["figures"]

    def compare(self, a: str, b: str) -> Comparison:
        """How likely A is before B, B before A, or on the same time as it."""
        return self.probabilities.compare(a, b)

    def __getitem__(self, event_id: str) -> Placed:
        try:
            return self.events[self._positions[event_id]]
        except KeyError:
            raise UnknownEventError(event_id, self._positions) from None

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._positions

    def certainly_precedes(self, a: str, b: str) -> bool:
        """A's latest start is before B's earliest, or a chain forces A to end first."""
        i, j = self._number(a), self._number(b)
        bounds = self._bounds
        return certainly_precedes(i, j, bounds.lower, bounds.upper, bounds.outgoing)

    def possibly_precedes(self, a: str, b: str) -> bool:
        return not self.certainly_precedes(b, a)

    def _number(self, event_id: str) -> int:
        try:
            return self._bounds.index[event_id]
        except KeyError:
            raise UnknownEventError(event_id, self._bounds.index) from None

    def figure(self, title: str | None = None, **options: Any) -> Any:
        """The interactive chart as a plotly Figure: :func:`chrono.export.figure`
        (options: ``layout``, ``relations``, ``width``)."""
        return _drawn().figure(self, title, **options)

    def to_html(
        self,
        *,
        fragment: bool = False,
        plotlyjs: str = "cdn",
        title: str | None = None,
        **options: Any,
    ) -> str:
        """A standalone page, or a fragment for a report: :func:`chrono.export.to_html`
        (options: ``layout``, ``relations``)."""
        return _drawn().to_html(self, fragment=fragment, plotlyjs=plotlyjs, title=title, **options)

    def _repr_html_(self) -> str:
        """Notebooks show the chart (plotly.js from the CDN)."""
        return self.to_html(fragment=True)


def _positions_of(events: Sequence[Placed]) -> Mapping[str, int]:
    return MappingProxyType({p.event.id: k for k, p in enumerate(events)})
