"""The chart a reader sees (timeline.md, "The chart"): lanes and packing, the first view,
labels, hover in words, the key, deep time, relations, the table, bidirectional text.

Tests that open a page need headless Chromium and fail, not skip, without it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono import build_timeline, load_events
from chrono.chronology import Timeline
from chrono.days import Day
from chrono.events.event import Event
from chrono.export import default_title, render, words
from chrono.export.chart import KEY_ITEMS, MIN_PX, PALE, SOLID, figure, hover_texts, year_ticks
from chrono.export.layout import Item, collisions, plan
from chrono.model import Window
from tests.browser import needs_browser
from tests.browser import render as open_in_browser
from tests.chronologies import deep_time, timeline

ROOT = Path(__file__).resolve().parent.parent


def sample() -> Timeline:
    return build_timeline(load_events(ROOT / "events"))


def day(text: str) -> Day:
    y, m, d = (int(x) for x in text.split("-"))
    return Day.from_ymd(y, m, d)


def w(a: str | None, b: str | None) -> Window:
    return Window(day(a) if a else None, day(b) if b else None)


# --- words -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (w("2025-05-12", "2025-05-12"), None, "on 12 May 2025"),
        (w("2020-08-01", "2020-08-31"), None, "sometime in August 2020"),
        (w("2020-01-01", "2020-12-31"), None, "sometime in 2020"),
        (w("2022-05-07", "2022-07-03"), None, "sometime between 7 May and 3 July 2022"),
        (
            w("2022-01-09", "2022-01-09"),
            w("2022-07-03", "2022-07-03"),
            "from 9 January 2022 to 3 July 2022",
        ),
        (w("2020-08-01", "2020-08-31"), w("2020-08-01", None), "from August 2020, no end known"),
        (w("2020-08-01", "2020-08-31"), w(None, None), "from August 2020, no end known"),
        (w(None, "2019-12-31"), None, "sometime before 1 January 2020"),
    ],
)
def test_when_in_words(start: Window, end: Window | None, expected: str) -> None:
    assert words.span(start, end or start) == expected


@pytest.mark.parametrize(
    ("low", "high", "n", "expected"),
    [
        (5, 6, 7, "5th or 6th of 7"),
        (1, 1, 3, "1st of 3"),
        (2, 9, 12, "2nd to 9th of 12"),
        (11, 13, 23, "11th to 13th of 23"),
        (21, 22, 1000, "21st or 22nd of 1,000"),
    ],
)
def test_rank_in_words(low: int, high: int, n: int, expected: str) -> None:
    assert words.rank(low, high, n) == expected


@pytest.mark.parametrize(
    ("year", "era", "expected"),
    [
        (-499, False, "500 BC"),
        (0, False, "1 BC"),
        (14, True, "AD 14"),
        (1, True, "AD 1"),
        (-11999, False, "12,000 BC"),
        (2020, False, "2020"),
        (12000, False, "AD 12,000"),
    ],
)
def test_years_as_historians_write_them(year: int, era: bool, expected: str) -> None:
    assert words.year(year, era) == expected


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_a_year_label_reads_back_to_its_year_and_is_never_negative(year: int) -> None:
    label = words.year(year, era=True)
    assert "-" not in label and "−" not in label
    number = int(label.removeprefix("AD ").removesuffix(" BC").replace(",", ""))
    assert (1 - number if label.endswith(" BC") else number) == year


@given(st.floats(min_value=-50_000, max_value=3000), st.floats(min_value=1, max_value=40_000))
def test_deep_ticks_stand_inside_the_axis_and_read_as_their_years(low: float, span: float) -> None:
    values, labels = year_ticks(low, low + span)
    assert 1 <= len(values) <= 12
    for value, label in zip(values, labels, strict=True):
        assert low <= value <= low + span and label == words.year(int(value), era=True)
        assert "-" not in label


def test_default_title_of_deep_time_and_of_our_era() -> None:
    assert default_title(deep_time()).endswith("9501 BC - AD 476")
    assert default_title(sample()) == "Timeline of 7 events, 2020–2025"
    assert words.year_span(-9499, 476) == "9500 BC - AD 476"


def test_shortened_only_past_the_limit_with_an_ellipsis() -> None:
    assert words.shorten("x" * 80) == "x" * 80
    long = "word " * 30
    short = words.shorten(long)
    assert short.endswith("…") and len(short) <= 80 and long.startswith(short[:-1])


# --- hover ---------------------------------------------------------------------------


def test_hover_of_the_sample_in_words() -> None:
    t = sample()
    hover = dict(zip((p.event.id for p in t.events), hover_texts(t), strict=True))
    assert "On 12 May 2025" in hover["narena-attacks"]
    assert "as written: May 12" in hover["narena-attacks"]
    assert "in order: 6th or 7th of 7" in hover["narena-attacks"]
    assert "Sometime in August 2020" in hover["coup-2020"]
    assert "From 9 January 2022 to 3 July 2022" in hover["ecowas-embargo"]
    assert "From August 2020, no end known" in hover["goita-rule"]
    assert "2022-05-12 .." not in "".join(hover.values())


def test_hover_names_relations_by_title_and_shows_description_quote_and_source() -> None:
    events = [
        Event("a", "The first", "f.yaml", 1, date="2020", relations=(("before", "b"),)),
        Event(
            "b",
            "The second",
            "f.yaml",
            2,
            date="2022",
            source="A book",
            description="D.",
            quote="said <so>",
        ),
    ]
    t = build_timeline(events)
    first, second = hover_texts(t)
    assert "before: The second" in first and "after: The first" in second
    assert "D." in second and "source: A book" in second and "“said &lt;so&gt;”" in second


# --- layout ---------------------------------------------------------------------------


items = st.lists(
    st.builds(
        lambda lane, low, length, label: Item(lane, low, low + length, label),
        st.sampled_from("abc"),
        st.floats(0, 1000),
        st.floats(0, 1000),
        st.floats(0, 300),
    ),
    max_size=60,
)


@given(items)
def test_packing_never_overlaps_events_or_labels_and_keeps_lanes_apart(xs: list[Item]) -> None:
    packed = plan(xs, "packed", 1000)
    assert collisions(xs, packed, 1000) == []
    rows = plan(xs, "rows", 1000)
    assert rows.rows == len(xs) + len({i.lane for i in xs}) and packed.rows <= rows.rows
    for result in (packed, rows):
        # lanes in order of first appearance, each lane's rows its own
        assert [lane.name for lane in result.lanes] == list(dict.fromkeys(i.lane for i in xs))
        for item, slot in zip(xs, result.slots, strict=True):
            lane = next(lane for lane in result.lanes if lane.name == item.lane)
            assert lane.first <= slot.row <= lane.last
    # in display order: an event takes the first row where it fits
    for i, (item, slot) in enumerate(zip(xs, packed.slots, strict=True)):
        lane = next(lane for lane in packed.lanes if lane.name == item.lane)
        for row in range(lane.first, slot.row):
            others = [j for j in range(i) if packed.slots[j].row == row]
            trial = plan([xs[j] for j in others] + [item], "packed", 1000)
            assert trial.slots[-1].row != trial.slots[0].row or not others


def test_packed_shares_rows_and_rows_keeps_one_per_event() -> None:
    t = timeline(300)
    packed, rows = figure(t), figure(t, layout="rows")
    assert packed.layout.yaxis.range[0] + 0.5 < 0.6 * (rows.layout.yaxis.range[0] + 0.5)
    # rows: every title on the axis (at most two lines), under its lane's heading
    ticks = list(rows.layout.yaxis.ticktext)
    assert len(ticks) == 300 + 5 and all(t.count("<br>") <= 1 for t in ticks)
    assert (ticks[0].startswith("<b>") and "Politics" in ticks[0]) or "Security" in ticks[0]


def test_every_title_is_on_the_chart_whole_or_shortened_with_its_whole_in_the_hover() -> None:
    t = timeline(300)
    fig = figure(t)
    shown = [
        x.strip("\u00a0") for tr in fig.data if getattr(tr, "mode", None) == "text" for x in tr.text
    ]
    assert len(shown) == 300
    by_hover = {
        h: x.strip("\u00a0")
        for tr in fig.data
        if getattr(tr, "mode", None) == "text"
        for x, (h, _) in zip(tr.text, tr.customdata, strict=True)
    }
    for p, hover in zip(t.events, hover_texts(t), strict=True):
        label = by_hover[hover]
        if len(p.event.title) <= words.LABEL_LIMIT:
            assert label == p.event.title
        else:
            assert label.endswith("…") and p.event.title.startswith(label[:-1])
            assert p.event.title in hover.replace("<br>", " ")


def test_the_chart_grows_with_its_rows_and_short_events_stay_visible() -> None:
    small, large = figure(timeline(40)), figure(timeline(300))
    rows = lambda f: f.layout.yaxis.range[0] + 0.5  # noqa: E731
    per_row = (large.layout.height - small.layout.height) / (rows(large) - rows(small))
    assert 20 <= per_row <= 26
    fig = figure(timeline(300), width=1200)
    span = fig.layout.xaxis.range
    ms = (day(span[1]).ordinal - day(span[0]).ordinal) * 86_400_000
    px = ms / (1200 - 210)
    lengths = [  # every pale and solid bar (an open end's fading steps are parts of one)
        x
        for tr in fig.data
        if tr.type == "bar" and tr.y[0] is not None
        for x, opacity in zip(tr.x, tr.marker.opacity, strict=True)
        if opacity in (PALE, SOLID)
    ]
    assert min(lengths) >= (MIN_PX - 0.5) * px


def test_relations_are_arrows_only_when_asked() -> None:
    t = timeline(40)
    assert not any(tr.name == "relations" for tr in figure(t).data)
    arrows = [tr for tr in figure(t, relations=True).data if tr.name == "relations"]
    stated = [r for r in t.relations if r[1] in ("before", "after")]
    assert len(arrows) == 1 and len(arrows[0].x) == 3 * len(stated) > 0
    assert list(arrows[0].marker.size) == [0, 9, 0] * len(stated)


def test_deep_time_axis_ticks_are_years_bc_and_ad() -> None:
    fig = figure(deep_time())
    labels = list(fig.layout.xaxis.ticktext)
    assert any(x.endswith(" BC") for x in labels) and any(x.startswith("AD ") for x in labels)
    assert not any("-" in x or "−" in x for x in labels)


# --- the page: key, table, bidirectional text --------------------------------------------


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.details: list[dict[str, str | None]] = []
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.details.append(dict(attrs))
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._in = True
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in = False

    def handle_data(self, data: str) -> None:
        if self._in:
            self.rows[-1][-1] += data


def test_the_page_holds_the_chronology_as_a_collapsed_table() -> None:
    t = sample()
    page = render(t, ["html"], plotlyjs="cdn")["timeline.html"].decode()
    cells = _Cells()
    cells.feed(page)
    assert cells.details == [{}]  # collapsed: no `open`
    head, *rows = cells.rows
    assert head == ["#", "Rank", "Dates", "Title", "Lane", "Source"]
    assert [r[3] for r in rows] == [p.event.title for p in t.events]
    assert rows[-1][:2] == ["7", "6th or 7th of 7"] and "on 12 May 2025" in rows[-1][2]
    assert "no JavaScript" not in page and "<table>" in page
    fragment = render(t, [], fragment=True)["timeline.fragment.html"].decode()
    assert "<table>" not in fragment  # the table is the standalone page's


def test_the_key_is_in_words_on_the_page_and_in_the_figure() -> None:
    fig = figure(sample(), static=True)
    names = {tr.name for tr in fig.data}
    assert {
        "pale bar: when it could have happened",
        "solid bar: when it certainly did",
        "diamond: somewhere in that window",
        "circle: on that day",
    } <= names
    assert fig.layout.showlegend is not False and fig.layout.xaxis.rangeslider.visible is None
    page = render(sample(), ["html"], plotlyjs="cdn")["timeline.html"].decode()
    assert (
        "pale bar: when it could have happened" in page and "Solid: when it certainly did" in page
    )


BIDI = "abc\u202egpj.exe"


def test_bidirectional_overrides_are_shown_not_obeyed() -> None:
    events = [Event("e", BIDI, "f.yaml", 1, date="2022", lane=BIDI, source=BIDI)]
    t = build_timeline(events)
    out = render(t, ["html", "json"], plotlyjs="cdn", title=BIDI)
    page = out["timeline.html"].decode()
    figure_json = page[page.index("Plotly.newPlot") :]
    assert "\u202e" not in page.replace(figure_json, "") and "\\u202e" not in figure_json
    assert "abc[U+202E]gpj.exe" in page
    assert "\u202e" in out["timeline.json"].decode()  # the data keeps it


# --- in headless Chromium ------------------------------------------------------------


HOVER_ALL = """
const hovers = [], seen = new Set();
for (let c = 0; c < gd._fullData.length; c++) {
  const t = gd._fullData[c];
  if (!t.customdata || t.y[0] === null) { continue; }
  for (let i = 0; i < t.customdata.length; i++) {
    if (seen.has(t.customdata[i][0]) || seen.size >= 60) { continue; }
    seen.add(t.customdata[i][0]);
    await new Promise(r => setTimeout(r, 60));  // plotly takes one hover in 50 ms
    Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: i}]);
    hovers.push(Array.from(document.querySelectorAll('.hoverlayer .hovertext'))
      .map(h => h.textContent).join(''));
  }
}
Plotly.Fx.unhover(gd);
out.hovers = hovers;
// a click on an event with a url opens it in a new tab, no opener
const opened = [];
HTMLAnchorElement.prototype.click = function () {
  opened.push({href: this.href, target: this.target, rel: this.rel});
};
const withUrl = gd._fullData.findIndex(t => t.customdata && t.customdata.some(c => c[1]));
if (withUrl >= 0) {
  const point = gd._fullData[withUrl].customdata.findIndex(c => c[1]);
  gd.emit('plotly_click', {points: [{customdata: gd._fullData[withUrl].customdata[point]}]});
}
gd.emit('plotly_click', {points: [{customdata: ['x', 'javascript:alert(1)']}]});
out.opened = opened;
"""


@pytest.mark.parametrize(
    ("n", "layout"), [(40, "packed"), (40, "rows"), (300, "packed"), (300, "rows")]
)
@needs_browser
def test_the_first_view_shows_every_event(tmp_path: Path, n: int, layout: str) -> None:
    t = timeline(n)
    page = tmp_path / "timeline.html"
    page.write_bytes(render(t, ["html"], plotlyjs="inline", layout=layout)["timeline.html"])
    report = open_in_browser(page, after=HOVER_ALL)
    assert report["errors"] == [] and report["alerts"] == []
    assert report["points"] > n and report["outside"] == []
    if layout == "packed":
        labels = sorted(x.strip("\u00a0") for x in report["texts"])
        assert labels == sorted(words.shorten(p.event.title) for p in t.events)
    else:
        shown = " ".join(report["labels"])
        assert all(words.shorten(p.event.title)[:20] in shown for p in t.events)
    rows = report["yrange"][1] - report["yrange"][0]
    assert 20 <= report["plotHeight"] / rows <= 36  # every row on the page, none squeezed
    assert report["table"] == {"open": False, "rows": n}
    assert "pale bar: when it could have happened" in report["legend"]
    assert len(report["hovers"]) == min(n, 60)  # one hover text an event, each in words
    assert len(set(report["hovers"])) == len(report["hovers"])
    assert all(re.search(r"in order: \d+(st|nd|rd|th)", h) for h in report["hovers"])
    assert report["opened"] == [
        {
            "href": f"https://example.org/{report['opened'][0]['href'].rsplit('/', 1)[1]}",
            "target": "_blank",
            "rel": "noopener noreferrer",
        }
    ]


@needs_browser
def test_the_sample_page_hovers_in_words(tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    page.write_bytes(render(sample(), ["html"], plotlyjs="inline")["timeline.html"])
    report = open_in_browser(page, after=HOVER_ALL)
    assert report["errors"] == [] and report["outside"] == []
    text = " | ".join(report["hovers"])
    assert "On 12 May 2025" in text and "From August 2020, no end known" in text
    assert "Sometime in August 2020" in text and "6th or 7th of 7" in text
    assert len(report["hovers"]) == 7 and report["opened"] == []
    assert report["table"] == {"open": False, "rows": 7}


@needs_browser
def test_deep_time_page_has_bc_ticks_and_no_negative_years(tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    page.write_bytes(render(deep_time(), ["html"], plotlyjs="inline")["timeline.html"])
    zoom = """
const first = gd.layout.xaxis.range.slice();
await Plotly.relayout(gd, {'xaxis.range': [-3000, -1000]});
await new Promise(r => setTimeout(r, 200));
out.zoomed = Array.from(document.querySelectorAll('.xtick text')).map(t => t.textContent);
await Plotly.relayout(gd, {"xaxis.range": first});
await new Promise(r => setTimeout(r, 200));
"""
    report = open_in_browser(page, after=HOVER_ALL + zoom)
    assert report["errors"] == [] and report["outside"] == []
    assert any(t.endswith(" BC") for t in report["xticks"])
    assert not any(re.search(r"[-−]\s*\d", t) for t in report["xticks"] + report["zoomed"])
    assert len(report["zoomed"]) >= 3 and all(t.endswith(" BC") for t in report["zoomed"])
    assert report["title"].endswith("BC - AD 476")
    assert any("Sometime in 2560 BC" in h for h in report["hovers"])


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.fixture(scope="module")
def images() -> dict[str, Any]:
    small = render(timeline(40), ["png", "svg"])
    large = render(timeline(300), ["png", "svg"], width=1400)
    again = render(timeline(300), ["svg"], width=1400)
    pdf = [render(sample(), ["pdf"])["timeline.pdf"] for _ in range(2)]
    return {"small": small, "large": large, "again": again, "pdf": pdf}


@needs_browser
def test_images_draw_every_event_grow_with_the_rows_and_keep_the_key(
    images: dict[str, Any],
) -> None:
    small, large = images["small"], images["large"]
    w40, h40 = _png_size(small["timeline.png"])
    w300, h300 = _png_size(large["timeline.png"])
    assert (w40, w300) == (1200, 1400) and h300 >= 2 * h40
    svg = large["timeline.svg"].decode()
    from html import escape

    for p in timeline(300).events:
        assert escape(words.shorten(p.event.title), quote=False) in svg
    for text, *_ in KEY_ITEMS:
        assert text in svg and text in small["timeline.svg"].decode()
    assert "rangeslider" not in svg and "modebar" not in svg


@needs_browser
def test_images_are_byte_identical_across_builds(images: dict[str, Any]) -> None:
    assert images["large"]["timeline.svg"] == images["again"]["timeline.svg"]
    assert not re.search(rb'id="clip[0-9a-f]{6}', images["large"]["timeline.svg"])
    first, second = images["pdf"]
    assert first.startswith(b"%PDF") and first == second


def test_svg_ids_are_renamed_in_order_of_appearance() -> None:
    from chrono.export.images import svg_ids

    one = b'<clipPath id="clip3a9f"/><g clip-path="url(#clip3a9f)" class="trace traceab12cd"/>'
    one += b'<path style="fill: url(\'#p77-1\')"/><use href="#clip3a9f"/>'
    two = one.replace(b"3a9f", b"ffee").replace(b"ab12cd", b"0099aa").replace(b"p77", b"p12")
    assert svg_ids(one) == svg_ids(two)
    assert svg_ids(one) == (
        b'<clipPath id="c0"/><g clip-path="url(#c0)" class="trace trace0"/>'
        b'<path style="fill: url(\'#c1\')"/><use href="#c0"/>'
    )


def test_a_chart_too_tall_for_one_image_is_cut_into_numbered_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import plotly.graph_objects as go

    from chrono.export import images as images_module

    fig = figure(timeline(300), "Three hundred", layout="rows", static=True)
    parts = images_module.pages(fig, limit=3000)
    rows = round(fig.layout.yaxis.range[0] + 0.5)
    assert len(parts) >= 3 and all(p.layout.height <= 3000 for p in parts)
    covered = [
        r
        for p in parts
        for r in range(round(p.layout.yaxis.range[1] + 0.5), round(p.layout.yaxis.range[0] + 0.5))
    ]
    assert covered == list(range(rows))  # every row on exactly one page, in order
    assert parts[1].layout.title.text == f"Three hundred (page 2 of {len(parts)})"
    assert images_module.pages(fig, limit=fig.layout.height) == [fig]
    drawn: list[int] = []
    monkeypatch.setattr(
        go.Figure,
        "to_image",
        lambda self, **kw: drawn.append(kw["height"]) or b"x",  # type: ignore[func-returns-value]
    )
    monkeypatch.setattr(images_module, "PAGE_HEIGHT", 3000)
    monkeypatch.setattr(images_module, "find_browser", lambda: "/bin/true")
    out = images_module.images(fig, ["png"])
    assert sorted(out) == sorted(f"timeline-{k}.png" for k in range(1, len(parts) + 1))
    assert max(drawn) <= 3000
