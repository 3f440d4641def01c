"""Constraints between events, their propagation, and order under uncertainty.

Modules, bottom up: :mod:`network` (propagation) and :mod:`order` (precedence and
ranks) know nothing of events; :mod:`dates` reads one date field into windows and
links; :mod:`timeline` holds the values (:class:`Placed`, :class:`Timeline`);
:mod:`reading` and :mod:`solve` are the two halves of a build, which
:mod:`build` runs (:func:`analyse`, :func:`build_timeline`).
"""

from chrono.chronology.build import Analysis, analyse, build_timeline
from chrono.chronology.placed import Placed
from chrono.chronology.timeline import Timeline

__all__ = ["Analysis", "Placed", "Timeline", "analyse", "build_timeline"]
