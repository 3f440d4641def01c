"""Probabilities of order against every consistent history, listed by brute force."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

import pytest
from typer.testing import CliRunner

from chrono.chronology import Timeline, build_timeline
from chrono.chronology.probability import Model, Shape, words
from chrono.cli import app
from chrono.events.files import load_text
from tests.histories import Exact, Spec, exact

PAIR = 0.01
RANK = 0.03


def day(d: int) -> str:
    return f"2024-01-{d:02d}"


def window(lo: int, hi: int) -> str:
    return day(lo) if lo == hi else f"between {lo} January 2024 and {hi} January 2024"


def timeline_of(yaml: str) -> Timeline:
    events, problems = load_text(yaml, "events.yaml")
    assert not [p for p in problems if p.severity == "error"], problems
    return build_timeline(events, problems)


def check_against(
    timeline: Timeline, ids: Sequence[str], truth: Exact, *, method: str | None = None
) -> None:
    """Every pair, every expected rank and every neighbour figure, against the exact ones."""
    position = {p.event.id: k for k, p in enumerate(timeline.events)}
    for a, first in enumerate(ids):
        for b, second in enumerate(ids):
            if a == b:
                continue
            got = timeline.compare(first, second)
            assert got.before is not None and got.after is not None
            if method is not None:
                assert got.method == method
            assert abs(got.before - float(truth.before[a][b])) <= PAIR, (first, second, got)
            assert abs(got.after - float(truth.before[b][a])) <= PAIR, (first, second, got)
    figures = timeline.probabilities
    for a, name in enumerate(ids):
        rank = figures.expected_rank[position[name]]
        assert rank is not None
        assert abs(rank - float(truth.expected_rank[a])) <= RANK, (name, rank)
    by_position = {position[name]: a for a, name in enumerate(ids)}
    for k, p in enumerate(figures.p_before_next[:-1]):
        a, b = by_position[k], by_position[k + 1]
        assert p is not None
        assert abs(p - float(truth.before[a][b])) <= PAIR


def test_unconstrained_moments_and_spans_are_exact() -> None:
    t = timeline_of(
        f"""events:
  - {{id: a, title: A, date: {window(1, 6)}}}
  - {{id: b, title: B, start: {window(2, 4)}, end: {window(3, 9)}}}
  - {{id: c, title: C, date: {window(4, 5)}}}
  - {{id: d, title: D, start: {day(5)}, end: {window(5, 8)}}}
"""
    )
    specs = [
        Spec(True, (1, 6), (1, 6)),
        Spec(False, (2, 4), (3, 9)),
        Spec(True, (4, 5), (4, 5)),
        Spec(False, (5, 5), (5, 8)),
    ]
    check_against(t, "abcd", exact(specs, []), method="exact")
    got = t.compare("a", "c")
    assert got.samples == 0 and got.stderr == 0.0
    # exact means exact, not merely close
    truth = exact(specs, [])
    assert got.before == pytest.approx(float(truth.before[0][2]), abs=1e-12)


def test_relations_during_and_before_are_sampled_within_a_hundredth() -> None:
    t = timeline_of(
        f"""events:
  - {{id: a, title: A, date: {window(1, 7)}}}
  - {{id: b, title: B, start: {window(2, 5)}, end: {window(4, 9)}}}
  - {{id: c, title: C, date: {window(3, 9)}, during: b}}
  - {{id: d, title: D, date: {window(2, 8)}, before: c, after: a}}
"""
    )
    specs = [
        Spec(True, (1, 7), (1, 7)),
        Spec(False, (2, 5), (4, 9)),
        Spec(True, (3, 9), (3, 9)),
        Spec(True, (2, 8), (2, 8)),
    ]
    relations = [(2, "during", 1), (3, "before", 2), (3, "after", 0)]
    check_against(t, "abcd", exact(specs, relations), method="sampled")
    got = t.compare("a", "c")
    assert got.samples >= 10_000
    assert 0 < got.stderr < 0.004


def test_overlaps_contains_and_spans_tied_together() -> None:
    t = timeline_of(
        f"""events:
  - {{id: a, title: A, start: {window(1, 4)}, end: {window(3, 8)}}}
  - {{id: b, title: B, start: {window(2, 6)}, end: {window(5, 9)}, overlaps: a}}
  - {{id: c, title: C, date: {window(1, 9)}, contains: a}}
"""
    )
    # C contains A: a moment cannot, so it lasts (a span with the moment's windows)
    specs = [
        Spec(False, (1, 4), (3, 8)),
        Spec(False, (2, 6), (5, 9)),
        Spec(False, (1, 9), (1, 9)),
    ]
    relations = [(1, "overlaps", 0), (2, "contains", 0)]
    check_against(t, "abc", exact(specs, relations), method="sampled")


def test_event_dates_naming_events() -> None:
    t = timeline_of(
        f"""events:
  - {{id: a, title: A, start: {window(1, 3)}, end: {window(5, 9)}}}
  - {{id: b, title: B, date: "during @a"}}
  - {{id: c, title: C, date: "before @a"}}
  - {{id: d, title: D, date: {window(2, 6)}}}
"""
    )
    # c has no day of its own: its window opens at the horizon's first day, 1 January
    specs = [
        Spec(False, (1, 3), (5, 9)),
        Spec(True, (1, 9), (1, 9)),
        Spec(True, (1, 3), (1, 3)),
        Spec(True, (2, 6), (2, 6)),
    ]
    relations = [(1, "during", 0), (2, "before", 0)]
    check_against(t, "abcd", exact(specs, relations))


def test_open_ends_close_at_the_horizon() -> None:
    t = timeline_of(
        f"""reference: {day(9)}
events:
  - {{id: a, title: A, date: since 3 January 2024}}
  - {{id: b, title: B, date: {window(4, 8)}}}
  - {{id: c, title: C, date: before 6 January 2024}}
"""
    )
    # a ends by the reference (9 January); c starts no earlier than the first day named (3)
    specs = [Spec(False, (3, 3), (3, 9)), Spec(True, (4, 8), (4, 8)), Spec(True, (3, 5), (3, 5))]
    check_against(t, "abc", exact(specs, []), method="exact")


def test_open_end_tied_by_a_relation() -> None:
    t = timeline_of(
        f"""reference: {day(8)}
events:
  - {{id: a, title: A, date: since 2 January 2024}}
  - {{id: b, title: B, date: {window(3, 7)}, after: a}}
"""
    )
    specs = [Spec(False, (2, 2), (2, 8)), Spec(True, (3, 7), (3, 7))]
    check_against(t, "ab", exact(specs, [(1, "after", 0)]), method="sampled")


def test_nothing_known_gives_null() -> None:
    model = Model(
        [Shape(True, (-float("inf"), float("inf")), (-float("inf"), float("inf")))] * 2, [], None
    )
    got = model.compare(0, 1)
    assert (got.before, got.after, got.same_time, got.method) == (None, None, None, "unknown")
    assert model.expected_ranks() == [None, None]
    assert model.before_next([0, 1]) == [None, None]


def test_a_wide_window_costs_no_more_than_a_narrow_one() -> None:
    """Exact sums over centuries: no day-by-day loop (that would take minutes)."""
    shapes = [
        Shape(True, (0, 10_000_000), (0, 10_000_000)),
        Shape(False, (5_000_000, 5_000_000), (5_000_000, 20_000_000)),
    ]
    model = Model(shapes, [(1, 0, 0), (3, 2, 0)], (0, 20_000_000))
    got = model.compare(0, 1)
    assert got.method == "exact"
    assert got.before == pytest.approx(0.5, abs=1e-6)
    ranks = model.expected_ranks()
    assert ranks[0] == pytest.approx(1.5, abs=1e-6)


def test_determinism_same_input_same_figures() -> None:
    text = f"""events:
  - {{id: a, title: A, date: {window(1, 7)}}}
  - {{id: b, title: B, date: {window(2, 8)}, after: a}}
  - {{id: c, title: C, date: {window(3, 9)}, after: b}}
"""
    one, two = timeline_of(text), timeline_of(text)
    assert one.compare("a", "c") == two.compare("a", "c")
    assert one.probabilities.expected_rank == two.probabilities.expected_rank
    assert one.probabilities.p_before_next == two.probabilities.p_before_next


def test_words_for_readers() -> None:
    assert words(0.834) == "before the next event with probability 0.83"
    assert "unknown" in words(None)
    assert words(1.0).startswith("before the next event (certain")


runner = CliRunner()


def _folder(tmp_path: object, text: str) -> str:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "events"
    folder.mkdir()
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    return str(folder)


SMALL = f"""events:
  - {{id: a, title: First, date: {window(1, 4)}}}
  - {{id: b, title: Second, date: {window(3, 6)}}}
"""


def test_cli_compare_json(tmp_path: object) -> None:
    folder = _folder(tmp_path, SMALL)
    result = runner.invoke(app, ["compare", folder, "a", "b", "--json"])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert set(got) == {"a", "b", "before", "after", "same_time", "method", "samples", "stderr"}
    truth = exact([Spec(True, (1, 4), (1, 4)), Spec(True, (3, 6), (3, 6))], [])
    assert got["before"] == pytest.approx(float(truth.before[0][1]), abs=1e-4)
    assert got["after"] == pytest.approx(float(truth.before[1][0]), abs=1e-4)
    assert got["method"] == "exact"


def test_cli_compare_words_and_unknown_id(tmp_path: object) -> None:
    folder = _folder(tmp_path, SMALL)
    result = runner.invoke(app, ["compare", folder, "a", "b"])
    assert result.exit_code == 0
    assert "A before B      0.81" in result.output  # 13 of 16 pairs of days
    assert "exact" in result.output
    bad = subprocess.run(
        [sys.executable, "-m", "chrono", "compare", folder, "a", "zz"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 1
    assert "unknown event 'zz'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_cli_order_probabilities(tmp_path: object) -> None:
    folder = _folder(tmp_path, SMALL)
    result = runner.invoke(app, ["order", folder, "--probabilities"])
    assert result.exit_code == 0
    assert "expected" in result.output and "p before next" in result.output
    assert "0.81" in result.output
    as_json = runner.invoke(app, ["order", folder, "--probabilities", "--json"])
    events = json.loads(as_json.output)
    assert events[0]["p_before_next"] == 0.8125 and events[1]["p_before_next"] is None
    # rank of a: 1 + P(S_b < S_a) (b 3, a 4) + half of a tie (3 3, 4 4) = 1 + 1/16 + 1/16
    assert events[0]["expected_rank"] == pytest.approx(1.125, abs=1e-4)


def test_a_chain_of_constraints_converges_from_both_ends() -> None:
    """Five moments each after the last, in one window: the chains that start near the
    earliest history and those that start near the latest agree, and both match the
    exact count (a too short warm-up would pull each half towards its start)."""
    lines = ["events:"]
    for i in range(5):
        after = f", after: e{i - 1}" if i else ""
        lines.append(f"  - {{id: e{i}, title: E{i}, date: {window(1, 10)}{after}}}")
    t = timeline_of("\n".join(lines) + "\n")
    specs = [Spec(True, (1, 10), (1, 10))] * 5
    relations = [(i, "after", i - 1) for i in range(1, 5)]
    ids = [f"e{i}" for i in range(5)]
    check_against(t, ids, exact(specs, relations), method="sampled")
    model = t.probabilities.model
    position = {p.event.id: k for k, p in enumerate(t.events)}
    per_draw = model._later(position["e1"], position["e3"])
    assert model.draws is not None
    chains = per_draw.reshape(model.draws.chains, model.draws.kept).mean(axis=1)
    half = len(chains) // 2
    early, late = chains[:half], chains[half:]
    spread = (early.var(ddof=1) / half + late.var(ddof=1) / half) ** 0.5
    assert abs(early.mean() - late.mean()) < 4 * spread + 1e-9


def test_a_long_chain_warms_up_until_the_chains_agree() -> None:
    """Thirty moments in order within 1,000 days mix slowly: the warm-up goes on until
    the chains started at the earliest history and those started at the latest agree,
    and their kept draws agree too (a fixed short warm-up fails this by 9 errors)."""
    n, width = 30, 1000
    shapes = [Shape(True, (0, width), (0, width))] * n
    edges = [(2 * i, 2 * (i - 1) + 1, 0) for i in range(1, n)]  # end of i-1 <= start of i
    model = Model(shapes, edges, (0, width))
    assert model.draws is not None
    assert model.draws.converged and model.draws.burn_in > 100
    middle = model.draws.value(model.var[n // 2][0]).astype(float)
    chains = middle.reshape(model.draws.chains, model.draws.kept).mean(axis=1)
    half = len(chains) // 2
    early, late = chains[:half], chains[half:]
    spread = (early.var(ddof=1) / half + late.var(ddof=1) / half) ** 0.5
    assert abs(early.mean() - late.mean()) < 4 * spread
    # by symmetry the two middle events' mean days add up to the window's ends
    other = model.draws.value(model.var[n // 2 - 1][0]).astype(float)
    assert abs(middle.mean() + other.mean() - width) < 6 * spread


def test_the_docs_show_the_samples_real_figures() -> None:
    """docs/probability.md quotes chrono compare and order on events/: still true."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    doc = (root / "docs" / "probability.md").read_text(encoding="utf-8")
    shown = runner.invoke(
        app, ["compare", str(root / "events"), "five-year-mandate", "narena-attacks"]
    )
    assert shown.exit_code == 0
    assert shown.output in doc
    t = build_timeline(*load_text((root / "events" / "mali.yaml").read_text(), "mali.yaml"))
    figures = t.probabilities
    rows = zip(t.events, figures.expected_rank, figures.p_before_next, strict=True)
    for p, rank, following in rows:
        assert rank is not None
        end = "-" if following is None else f"{following:.2f}"
        assert f"{p.event.title:<50} {rank:>8.2f}  {end:>13}" in doc, p.event.id
    before = t.compare("goita-rule", "beijing-visit").before
    assert before is not None and f"probability {before:.2f}" in doc


@pytest.mark.parametrize(
    "text",
    [
        "events: []\n",
        SMALL,
        'events:\n  - {id: a, title: "Line\\nbreak \\u00e9", date: 2024-01-01, wat: 1}\n',
    ],
)
def test_timeline_json_written_event_by_event_is_one_dump(text: str) -> None:
    """The streamed encoding is byte for byte json.dumps of the whole (indent 2)."""
    from chrono.export.timeline_json import timeline_dict, timeline_json

    events, problems = load_text(text, "events.yaml")
    t = build_timeline(events, problems)
    whole = json.dumps(timeline_dict(t), ensure_ascii=False, indent=2) + "\n"
    assert timeline_json(t) == whole.encode("utf-8")
