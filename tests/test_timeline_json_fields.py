"""timeline.json keeps what an event file says of an event beyond its dates."""

from __future__ import annotations

import json

from chrono import build_timeline
from chrono.events.event import Event
from chrono.export.timeline_json import timeline_json


def test_quote_description_and_source_are_carried_and_absent_ones_left_out() -> None:
    events = [
        Event("a", "A", "f.yaml", 1, date="2020", quote="“We will not forget.”", source="S"),
        Event("b", "B", "f.yaml", 2, date="2021"),
    ]
    doc = json.loads(timeline_json(build_timeline(events)))
    first, second = doc["events"]
    assert first["quote"] == "“We will not forget.”" and first["source"] == "S"
    assert "quote" not in second and "source" not in second and "description" not in second
