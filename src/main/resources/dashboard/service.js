// One service's chart, as outage trackers draw it: complaints per window over the last 24 hours against
// the expected level and the threshold, incidents shaded; refreshed every few seconds. uPlot draws it;
// the incident bands are painted under the grid and the lines in its drawClear hook.
"use strict";

(() => {
  const R = OutageRadar;
  const service = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  const chartBox = document.getElementById("chart");
  const BAND_FILL = "rgba(214, 39, 40, 0.13)";
  const BAND_EDGE = "rgba(214, 39, 40, 0.55)";
  let plot = null;
  let bands = [];
  let range = null;

  document.getElementById("service").textContent = service;
  document.title = service + " · outage-radar";

  const seconds = (iso) => Date.parse(iso) / 1000;
  const pad = (n) => String(n).padStart(2, "0");

  /** 24-hour UTC tick labels, the date under the first tick of each day. */
  function timeTicks(u, splits) {
    return splits.map((ts, i) => {
      const d = new Date(ts * 1000);
      const label = pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
      const newDay = i === 0 || new Date(splits[i - 1] * 1000).getUTCDate() !== d.getUTCDate();
      return newDay ? label + "\n" + d.toISOString().slice(0, 10) : label;
    });
  }

  /** Paints each incident as a band over the plot area, and records what was drawn for the browser test. */
  function drawBands(u) {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const drawn = [];
    let labelEnd = -Infinity;
    let line = 0;
    ctx.save();
    for (const band of bands) {
      const x0 = Math.max(u.valToPos(band.from, "x", true), left);
      const x1 = Math.min(u.valToPos(band.to, "x", true), left + width);
      if (!(x1 > x0)) {
        continue;
      }
      ctx.fillStyle = BAND_FILL;
      ctx.fillRect(x0, top, x1 - x0, height);
      ctx.fillStyle = BAND_EDGE;
      ctx.fillRect(x0, top, Math.max(1, devicePixelRatio), height);
      ctx.font = "600 " + Math.round(11 * devicePixelRatio) + "px sans-serif";
      ctx.textBaseline = "top";
      const pad4 = 4 * devicePixelRatio;
      // Inside the band from its start, unless that would run off the plot: then right-aligned to its edge;
      // a line lower when it would overlap the previous band's label.
      const textWidth = ctx.measureText(band.label).width;
      const textX = Math.min(x0 + pad4, left + width - textWidth - pad4);
      line = textX < labelEnd + pad4 ? line + 1 : 0;
      ctx.fillText(band.label, textX, top + pad4 + line * 14 * devicePixelRatio);
      labelEnd = textX + textWidth;
      drawn.push({ id: band.id, from: band.fromIso, to: band.toIso, x0: Math.round(x0), x1: Math.round(x1) });
    }
    ctx.restore();
    chartBox.dataset.bands = JSON.stringify(drawn);
    R.state.bands = drawn;
  }

  /**
   * While the pointer is not over the chart, the legend shows the newest window's values (uPlot would
   * show dashes). Runs after uPlot has updated the legend for the cursor.
   */
  function showNewestInLegend(u) {
    const n = u.data[0].length;
    if (n > 0 && u.cursor.idx == null) {
      u.setLegend({ idx: n - 1 }, false);
    }
  }

  function options(width) {
    return {
      width: width,
      height: 400,
      // Event times are UTC, as in the alerts; the chart says so rather than shifting them to local time.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: {
        x: { time: true, range: () => [range.from, range.to] },
        y: { range: (u, min, max) => [0, Math.max(5, max * 1.08)] },
      },
      axes: [
        { stroke: "#444", grid: { stroke: "#eee" }, ticks: { stroke: "#ccc" }, values: timeTicks, size: 48 },
        { label: "complaints per window", stroke: "#444", size: 56, grid: { stroke: "#eee" }, ticks: { stroke: "#ccc" } },
      ],
      series: [
        { label: "UTC", value: "{YYYY}-{MM}-{DD} {HH}:{mm}" },
        {
          label: "Complaints", stroke: "#c0392b", width: 1.5, fill: "rgba(192, 57, 43, 0.18)",
          paths: uPlot.paths.stepped({ align: 1 }), points: { show: false },
        },
        { label: "Expected", stroke: "#2c7fb8", width: 1.5, fill: "rgba(44, 127, 184, 0.10)", points: { show: false } },
        { label: "Threshold", stroke: "#e69500", width: 1.5, dash: [6, 4], points: { show: false } },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      hooks: { drawClear: [drawBands], setCursor: [showNewestInLegend], ready: [showNewestInLegend] },
    };
  }

  function toData(series) {
    const xs = [], counts = [], expected = [], thresholds = [];
    for (const w of series.windows) {
      xs.push(seconds(w.window_start));
      counts.push(w.count);
      expected.push(w.expected);
      thresholds.push(w.threshold);
    }
    return [xs, counts, expected, thresholds];
  }

  function toBands(series) {
    return series.incidents.map((i) => ({
      id: i.id,
      from: seconds(i.opened_at),
      // An open incident reaches to the newest judged window.
      to: i.resolved_at ? seconds(i.resolved_at) : seconds(series.available_to || series.to),
      fromIso: i.opened_at,
      toIso: i.resolved_at,
      label: i.severity.toLowerCase() + (i.resolved_at ? "" : " · ongoing"),
    }));
  }

  function showNow(summary) {
    const now = document.getElementById("now");
    const badge = document.getElementById("badge");
    badge.replaceWith(Object.assign(R.severityBadge(summary.incident), { id: "badge" }));
    if (!summary.window_start) {
      now.textContent = "No judged window yet.";
      return;
    }
    now.replaceChildren(
      R.el("strong", R.number(summary.count)), " complaints in the window of " + R.utc(summary.window_start)
        + " UTC, where " + R.number(summary.expected, 1) + " were expected (",
      R.el("strong", "× " + R.number(summary.ratio, 1)), "); a window is anomalous from "
        + R.number(summary.threshold) + "."
      + (summary.incident ? " Incident " + summary.incident.id + " open since "
        + R.utc(summary.incident.opened_at) + " UTC, peak " + R.number(summary.incident.peak_count) + "." : ""));
  }

  async function refresh() {
    const path = "/api/services/" + encodeURIComponent(service);
    const [summary, series] = await Promise.all([R.getJson(path), R.getJson(path + "/series")]);
    showNow(summary);
    range = { from: seconds(series.from), to: seconds(series.to) };
    bands = toBands(series);
    const data = toData(series);
    if (plot === null) {
      plot = new uPlot(options(chartBox.clientWidth), data, chartBox);
    } else {
      plot.setData(data);
      showNewestInLegend(plot);
    }
    chartBox.dataset.points = data[0].length;
    chartBox.dataset.ready = "true";
    R.state.points = data[0].length;
    R.incidentRows(document.querySelector("#incidents tbody"), series.incidents.slice().reverse(), (i) => i.id);
  }

  window.addEventListener("resize", () => {
    if (plot !== null) {
      plot.setSize({ width: chartBox.clientWidth, height: 400 });
    }
  });

  R.poll(refresh);
})();
