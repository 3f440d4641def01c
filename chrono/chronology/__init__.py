"""Constraints between events, their propagation, and order under uncertainty."""

from chrono.chronology.build import Placed, Timeline, analyse, build_timeline

__all__ = ["Placed", "Timeline", "analyse", "build_timeline"]
