/* chrono: the level-of-detail timeline (see chrono/export/lod.py).
 *
 * The page holds every event as columns (display order) and this script draws
 * what the view can show. When the visible time window holds more events than
 * the threshold, each lane is a row of density: how many events could fall in
 * each stretch of time. When it holds at most the threshold, the events are drawn
 * one by one exactly as the plain chart draws them (pale, solid, markers, fading
 * open ends, hatching), in display order, and only the rows near the visible ones
 * are given to plotly. Every zoom, pan, range change or reset redraws, debounced,
 * with Plotly.react, keeping the x range the reader chose.
 *
 * Text: every string shown comes escaped from the page's JSON (the same escaping
 * as the plain chart) and reaches the page only through plotly, never as HTML.
 * Nothing random, no clock: the drawing depends only on the data and the view.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var DEBOUNCE_MS = 40;

  function floorDiv(a, b) {
    return Math.floor(a / b);
  }

  /* Howard Hinnant's civil-from-days and days-from-civil, as chrono/days.py. */
  function yearOf(n) {
    var z = n + 719468;
    var era = floorDiv(z, 146097);
    var doe = z - era * 146097;
    var yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
    var doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
    var mp = floorDiv(5 * doy + 2, 153);
    var month = mp < 10 ? mp + 3 : mp - 9;
    return yoe + era * 400 + (month <= 2 ? 1 : 0);
  }

  function newYearOf(year) {
    var y = year - 1;  // January: counted in the previous March-based year
    var era = floorDiv(y, 400);
    var yoe = y - era * 400;
    var doy = floorDiv(153 * 10 + 2, 5);
    var doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function isLeap(y) {
    return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  }

  function decimalYear(n) {
    var year = yearOf(n);
    return year + (n - newYearOf(year)) / (isLeap(year) ? 366 : 365);
  }

  function column(values) {
    var out = new Float64Array(values.length);
    for (var i = 0; i < values.length; i++) {
      out[i] = values[i] === null ? NaN : values[i];
    }
    return out;
  }

  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function chronoLod(divId, dataId) {
    var gd = document.getElementById(divId);
    var P = JSON.parse(document.getElementById(dataId).textContent);
    var n = P.n;
    var dates = P.dates;
    var axLow = P.low;
    var axHigh = P.high;
    var S = P.style;
    var s0 = column(P.s0);
    var s1 = column(P.s1);
    var e0 = column(P.e0);
    var e1 = column(P.e1);
    var lane = Int32Array.from(P.lane);
    var flags = Int32Array.from(P.flags);
    var lanes = P.lanes;
    var L = lanes.length;
    var hidden = new Uint8Array(L);

    function X(ordinal) {
      return dates ? ordinal * DAY_MS : decimalYear(ordinal);
    }

    function length(a, b) {
      return dates ? (b - a) * DAY_MS : decimalYear(b) - decimalYear(a);
    }

    // the possible extent of every event in axis units (open ends run to the axis edge)
    var lo = new Float64Array(n);
    var hi = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      lo[i] = X(isNaN(s0[i]) ? axLow : s0[i]);
      hi[i] = X(isNaN(e1[i]) ? axHigh : e1[i] + 1);
    }
    var fullX = [X(axLow), X(axHigh)];

    /* Labels and hover texts: parsed when the first rows are drawn. Each hover text is
       its lines joined by <br>: the first, the title in bold, is the label's when the
       flag says so; the others are numbers into a table of distinct lines. */
    var T = null;
    var hoverAt = null;
    function texts() {
      if (T === null) {
        T = JSON.parse(document.getElementById(P.texts).textContent);
        hoverAt = new Int32Array(n + 1);
        for (var j = 0; j < n; j++) {
          hoverAt[j + 1] = hoverAt[j] + T.count[j];
        }
      }
      return T;
    }
    /* The room the labels need on the left, measured here rather than by plotly's
       automargin, which draws everything a second time when the labels change. */
    var pen = document.createElement("canvas").getContext("2d");
    function leftMargin(labels) {
      var font = P.layout.font;
      pen.font = font.size + "px " + font.family;
      var widest = 0;
      for (var q = 0; q < labels.length; q++) {
        var text = labels[q].replace(/<[^>]*>/g, "").replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">").replace(/&amp;/g, "&");
        widest = Math.max(widest, pen.measureText(text).width);
      }
      return P.layout.margin.l + Math.ceil(widest) + 8;
    }

    function labelOf(j) {
      return texts().label[j] + lanes[lane[j]].suffix;
    }
    function hoverOf(j) {
      var t = texts();
      var parts = (flags[j] & 16) !== 0 ? ["<b>" + t.label[j] + "</b>"] : [];
      for (var q = hoverAt[j]; q < hoverAt[j + 1]; q++) {
        parts.push(t.lines[t.hover[q]]);
      }
      return parts.join("<br>");
    }
    var inView = new Int32Array(n);  // display indices of the events in the window

    var state = {
      mode: null, count: 0, total: n, renders: 0, x: null, rows: null,
      first: 0, last: 0, yMin: -0.5, yMax: S.rows - 0.5
    };
    gd.chronoLod = state;

    function collect(x0, x1) {
      var k = 0;
      for (var j = 0; j < n; j++) {
        if (lo[j] < x1 && hi[j] > x0 && !hidden[lane[j]]) {
          inView[k++] = j;
        }
      }
      return k;
    }

    function swatch(li) {
      return {
        type: "bar", orientation: "h", x: [null], y: [null], name: lanes[li].name,
        legendgroup: "lane-" + li, meta: li, marker: {color: lanes[li].colour},
        hoverinfo: "skip", visible: hidden[li] ? "legendonly" : true
      };
    }

    function note(text) {
      var head = P.title === null ? "" : P.title + "<br>";
      return head + "<span style=\"font-size:12px;color:#868e96\">" + text + "</span>";
    }

    function whenText(a, b) {
      if (dates) {
        var wide = b - a >= DAY_MS;
        var first = new Date(a).toISOString();
        var last = new Date(wide ? Math.ceil(b / DAY_MS) * DAY_MS - DAY_MS : b).toISOString();
        if (wide) {
          first = first.slice(0, 10);
          last = last.slice(0, 10);
          return first === last ? first : first + " .. " + last;
        }
        return first.slice(0, 16).replace("T", " ") + " .. " + last.slice(0, 16).replace("T", " ");
      }
      var digits = b - a >= 10 ? 0 : b - a >= 1 ? 1 : 2;
      return "year " + a.toFixed(digits) + " .. " + b.toFixed(digits);
    }

    function overview(x0, x1, k) {
      var bins = S.bins;
      var width = (x1 - x0) / bins;
      var counts = [];
      for (var li = 0; li < L; li++) {
        counts.push(new Int32Array(bins + 1));
      }
      for (var r = 0; r < k; r++) {
        var j = inView[r];
        var a = Math.max(0, Math.floor((lo[j] - x0) / width));
        var b = Math.min(bins - 1, Math.ceil((hi[j] - x0) / width) - 1);
        if (b < a) { continue; }
        var c = counts[lane[j]];
        c[a] += 1;
        c[b + 1] -= 1;
      }
      var top = 1;
      for (li = 0; li < L; li++) {
        var run = 0;
        for (var t = 0; t < bins; t++) {
          run += counts[li][t];
          counts[li][t] = run;
          if (run > top) { top = run; }
        }
      }
      var edges = new Array(bins + 1);
      var when = new Array(bins);
      for (t = 0; t <= bins; t++) {
        edges[t] = x0 + t * width;
      }
      for (t = 0; t < bins; t++) {
        when[t] = whenText(edges[t], edges[t + 1]);
      }
      var traces = [];
      for (li = 0; li < L; li++) {
        traces.push(swatch(li));
        if (hidden[li]) { continue; }
        var z = new Array(bins);
        var text = new Array(bins);
        var any = false;
        for (t = 0; t < bins; t++) {
          var count = counts[li][t];
          if (count > 0) {
            any = true;
            z[t] = Math.sqrt(count);
            text[t] = lanes[li].name + "<br>" + when[t] + "<br>" + count +
              (count === 1 ? " event" : " events");
          } else {
            z[t] = null;
            text[t] = "";
          }
        }
        if (!any) { continue; }
        var colour = lanes[li].colour;
        traces.push({
          type: "heatmap", x: edges, y: [li], z: [z], customdata: [text],
          hovertemplate: "%{customdata}<extra></extra>", hoverongaps: false,
          colorscale: [[0, rgba(colour, 0.15)], [1, rgba(colour, 1)]],
          zmin: 0, zmax: Math.sqrt(top), showscale: false, name: lanes[li].name,
          legendgroup: "lane-" + li, meta: li, showlegend: false
        });
      }
      var layout = copy(P.layout);
      layout.title.text = note(k.toLocaleString("en-US") +
        " events: zoom in to see them one by one");
      var ticktext = lanes.map(function (l) { return l.label; });
      layout.margin.l = leftMargin(ticktext);
      layout.yaxis = {
        type: "linear", tickmode: "array", tickvals: lanes.map(function (_, li) { return li; }),
        ticktext: ticktext, range: [L - 0.5, -0.5], automargin: false, showgrid: false,
        zeroline: false, fixedrange: true, ticks: ""
      };
      return {traces: traces, layout: layout};
    }

    /* The bars of one kind, every lane together: one trace draws faster than one a lane,
       and rows never overlap across lanes, so the picture is the same. */
    function Layer() {
      this.y = []; this.base = []; this.x = []; this.opacity = []; this.pattern = [];
      this.colour = []; this.customdata = [];
    }
    Layer.prototype.add = function (row, a, b, opacity, pattern, hover) {
      this.y.push(row);
      this.base.push(X(a));
      this.x.push(length(a, b));
      this.opacity.push(opacity);
      this.pattern.push(pattern);
      this.colour.push(this.now);
      this.customdata.push(hover);
    };

    function fade(row, near, far, opacities, layer, hover) {
      var steps = opacities.length;
      for (var k = 0; k < steps; k++) {
        var a = near + floorDiv((far - near) * k, steps);
        var b = near + floorDiv((far - near) * (k + 1), steps);
        if (a > b) { var swap = a; a = b; b = swap; }
        if (b > a) { layer.add(row, a, b, opacities[k], "", hover); }
      }
    }

    /* One event's bars and marker: chrono/export/chart.py's _draw, line for line. */
    function draw(j, row, pale, solid, marks) {
      var approximate = (flags[j] & 1) !== 0;
      var same = (flags[j] & 2) !== 0;
      var pattern = approximate ? "/" : "";
      var hover = hoverOf(j);
      var colour = lanes[lane[j]].colour;
      pale.now = solid.now = colour;
      var first = isNaN(s0[j]) ? null : s0[j];
      var last = isNaN(e1[j]) ? null : e1[j] + 1;
      var low = first !== null ? first : axLow;
      var high = last !== null ? last : axHigh;
      var stretch = Math.max(1, floorDiv(high - low, 3));
      var paleLow = first === null ? low + stretch : low;
      var paleHigh = last === null ? high - stretch : high;
      pale.add(row, paleLow, paleHigh, S.pale, pattern, hover);
      if (first === null) { fade(row, paleLow, low, S.fade, pale, hover); }
      if (last === null) { fade(row, paleHigh, high, S.fade, pale, hover); }
      if (!isNaN(s1[j]) && !isNaN(e0[j]) && !same && s1[j] <= e0[j]) {
        var a = s1[j];
        var b = e0[j] + 1;
        solid.add(row, a, b, S.solid, pattern, hover);
        if (last === null && b < axHigh) { fade(row, b, axHigh, S.ongoing, solid, hover); }
        return;
      }
      if (!same) {  // a span with no certain part: mark where it began
        if (isNaN(s0[j]) || isNaN(s1[j])) { return; }
        low = s0[j];
        high = s1[j] + 1;
      } else if (first === null || last === null) {
        return;  // somewhere in an open window: the fading bar says it all
      }
      var middle = floorDiv(low + high, 2);
      marks.x.push(dates ? middle * DAY_MS + DAY_MS / 2 : X(middle));
      marks.y.push(row);
      marks.symbol.push((high - low === 1 ? "circle" : "diamond") + (approximate ? "-open" : ""));
      marks.colour.push(colour);
      marks.customdata.push(hover);
    }

    function detail(k, yMin, yMax) {
      var span = yMax - yMin;
      var first = Math.max(0, Math.floor(yMin - span));
      var last = Math.min(k, Math.ceil(yMax + span) + 1);
      if (last - first > S.threshold) { last = first + S.threshold; }
      var pale = new Layer(), solid = new Layer();
      var marks = {x: [], y: [], symbol: [], colour: [], customdata: []};
      var tickvals = [], ticktext = [];
      for (var r = first; r < last; r++) {
        var j = inView[r];
        draw(j, r, pale, solid, marks);
        tickvals.push(r);
        ticktext.push(labelOf(j));
      }
      var traces = [];
      for (var li = 0; li < L; li++) {
        traces.push(swatch(li));
      }
      var layers = [[pale, S.paleWidth], [solid, S.solidWidth]];
      for (var w = 0; w < 2; w++) {
        var layer = layers[w][0];
        if (!layer.y.length) { continue; }
        traces.push({
          type: "bar", orientation: "h", y: layer.y, base: layer.base, x: layer.x,
          width: layers[w][1], showlegend: false,
          marker: {
            color: layer.colour, opacity: layer.opacity, line: {width: 0},
            pattern: {shape: layer.pattern, fgcolor: layer.colour, fgopacity: 0.9, size: 6,
                      solidity: 0.25}
          },
          customdata: layer.customdata, hovertemplate: "%{customdata}<extra></extra>"
        });
      }
      if (marks.y.length) {
        traces.push({
          type: "scatter", x: marks.x, y: marks.y, mode: "markers", showlegend: false,
          marker: {color: marks.colour, size: S.markerSize, symbol: marks.symbol,
                   line: {color: "white", width: 1}},
          customdata: marks.customdata, hovertemplate: "%{customdata}<extra></extra>"
        });
      }
      var layout = copy(P.layout);
      layout.title.text = note(k.toLocaleString("en-US") + (k === 1 ? " event" : " events") +
        " in view, one row each in display order");
      layout.margin.l = leftMargin(ticktext);
      layout.yaxis = {
        type: "linear", tickmode: "array", tickvals: tickvals, ticktext: ticktext,
        range: [yMax, yMin], autorange: false, automargin: false, showgrid: false,
        zeroline: false, fixedrange: false, ticks: ""
      };
      state.first = first;
      state.last = last;
      return {traces: traces, layout: layout};
    }

    function currentX() {
      var ax = gd._fullLayout.xaxis;
      return [ax.r2l(ax.range[0]), ax.r2l(ax.range[1])];
    }

    function currentY() {
      var range = gd._fullLayout.yaxis.range;
      return [Math.min(range[0], range[1]), Math.max(range[0], range[1])];
    }

    /* Where the rows of the new window start: the first event at or after the one
       at the top of the old window, so that a pan keeps its place. */
    function anchored(oldRows, k, yMin, yMax) {
      var top = Math.max(0, Math.ceil(yMin));
      var span = Math.max(1, yMax - yMin);
      if (!oldRows || top >= oldRows.length) {
        return [-0.5, -0.5 + span];
      }
      var target = oldRows[top];
      var a = 0, b = k;  // binary search: display indices in the window are increasing
      while (a < b) {
        var mid = (a + b) >> 1;
        if (inView[mid] < target) { a = mid + 1; } else { b = mid; }
      }
      var start = Math.max(-0.5, a + (yMin - top));
      return [start, start + span];
    }

    /* The figure for the current view; null when what is drawn already shows it. */
    function plan(reset, lanesChanged) {
      var xr = reset ? fullX : currentX();
      var range = reset ? P.layout.xaxis.range.slice() : gd.layout.xaxis.range.slice();
      var xChanged = !state.x || xr[0] !== state.x[0] || xr[1] !== state.x[1];
      var k = state.count;
      var oldRows = state.rows;
      if (xChanged || lanesChanged) {
        k = collect(xr[0], xr[1]);
      } else if (state.mode === "overview") {
        return null;
      }
      var figure;
      if (k > S.threshold) {
        figure = overview(xr[0], xr[1], k);
        state.mode = "overview";
        state.rows = null;
      } else {
        var y;
        if (state.mode !== "detail" || reset) {
          y = [-0.5, S.rows - 0.5];
        } else if (xChanged || lanesChanged) {
          var now = currentY();
          y = anchored(oldRows, k, now[0], now[1]);
        } else {
          y = currentY();
          if (y[0] >= state.first - 0.5 && y[1] <= state.last - 0.5 &&
              Math.abs(y[1] - y[0] - (state.yMax - state.yMin)) < 1e-9) {
            return null;  // a pan within the rows drawn
          }
        }
        figure = detail(k, y[0], y[1]);
        state.mode = "detail";
        state.rows = inView.slice(0, k);
        state.yMin = y[0];
        state.yMax = y[1];
      }
      state.x = xr;
      state.count = k;
      figure.layout.xaxis.range = range;
      figure.layout.xaxis.autorange = false;
      return figure;
    }

    var timer = null;
    var running = false;
    var again = false;
    var resetNext = false;
    var lanesNext = false;

    function done() {
      state.renders += 1;
      gd.emit("chrono_lod", {mode: state.mode, count: state.count, renders: state.renders});
    }

    function run() {
      timer = null;
      if (document.readyState === "loading") {  // the texts are not all there yet
        document.addEventListener("DOMContentLoaded", run, {once: true});
        return;
      }
      if (running) { again = true; return; }
      var reset = resetNext, lanesChanged = lanesNext;
      resetNext = lanesNext = false;
      var figure = plan(reset, lanesChanged);
      if (figure === null) { done(); return; }
      running = true;
      Plotly.react(gd, figure.traces, figure.layout, P.config).then(function () {
        running = false;
        done();
        if (again) { again = false; run(); }
      }, function (err) {
        running = false;
        setTimeout(function () { throw err; }, 0);  // to window.onerror, where it shows
      });
    }

    function schedule(delay) {
      if (timer !== null) { clearTimeout(timer); }
      timer = setTimeout(run, delay);
    }

    var initial = plan(true, true);
    return Plotly.newPlot(gd, initial.traces, initial.layout, P.config).then(function () {
      done();
      // read the texts once the page is in, before the first zoom needs them
      if (document.readyState === "complete") {
        setTimeout(texts, 0);
      } else {
        window.addEventListener("load", function () { setTimeout(texts, 0); });
      }
      gd.on("plotly_doubleclick", function () {
        resetNext = true;
      });
      gd.on("plotly_relayout", function (update) {
        if (update && update["xaxis.autorange"]) {
          resetNext = true;
        }
        schedule(DEBOUNCE_MS);
      });
      gd.on("plotly_legendclick", function (event) {
        var li = event.data[event.curveNumber].meta;
        hidden[li] = hidden[li] ? 0 : 1;
        lanesNext = true;
        schedule(0);
        return false;
      });
      gd.on("plotly_legenddoubleclick", function (event) {
        var li = event.data[event.curveNumber].meta;
        var alone = !hidden[li];
        for (var o = 0; o < L; o++) {
          if (o !== li && !hidden[o]) { alone = false; }
        }
        for (o = 0; o < L; o++) {
          hidden[o] = alone || o === li ? 0 : 1;
        }
        lanesNext = true;
        schedule(0);
        return false;
      });
    });
  }

  window.chronoLod = chronoLod;
})();
