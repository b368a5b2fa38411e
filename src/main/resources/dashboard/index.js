// The list of services, most above normal first (the API sorts them), each with a sparkline of its
// last two hours of complaints; refreshed every few seconds.
"use strict";

(() => {
  const R = OutageRadar;
  const SPARK_WINDOWS = 120;
  const SPARK_WIDTH = 160;
  const SPARK_HEIGHT = 30;
  /** A service whose newest window is this far behind the newest of all is still being caught up with. */
  const BEHIND_MS = 5 * 60 * 1000;
  const SVG = "http://www.w3.org/2000/svg";

  function sparkline(counts, alarming) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "spark" + (alarming ? " alarming" : ""));
    svg.setAttribute("viewBox", "0 0 " + SPARK_WIDTH + " " + SPARK_HEIGHT);
    svg.setAttribute("width", SPARK_WIDTH);
    svg.setAttribute("height", SPARK_HEIGHT);
    svg.setAttribute("role", "img");
    svg.dataset.points = counts.length;
    if (counts.length === 0) {
      return svg;
    }
    const max = Math.max(1, ...counts);
    const step = SPARK_WIDTH / Math.max(SPARK_WINDOWS - 1, 1);
    const offset = SPARK_WIDTH - step * (counts.length - 1);
    const y = (c) => (SPARK_HEIGHT - 2 - (c / max) * (SPARK_HEIGHT - 4)).toFixed(1);
    const points = counts.map((c, i) => (offset + i * step).toFixed(1) + "," + y(c));
    const area = document.createElementNS(SVG, "polygon");
    area.setAttribute("points", offset.toFixed(1) + "," + SPARK_HEIGHT + " " + points.join(" ") + " "
      + SPARK_WIDTH + "," + SPARK_HEIGHT);
    area.setAttribute("class", "area");
    const line = document.createElementNS(SVG, "polyline");
    line.setAttribute("points", points.join(" "));
    line.setAttribute("class", "line");
    const title = document.createElementNS(SVG, "title");
    title.textContent = "complaints per window, last " + counts.length + " windows (peak " + max + ")";
    svg.append(title, area, line);
    return svg;
  }

  function row(service, newest) {
    const tr = R.el("tr", null, service.incident ? "open" : "");
    tr.dataset.service = service.service;
    const href = "/services/" + encodeURIComponent(service.service);
    tr.addEventListener("click", (e) => {
      if (e.target.tagName !== "A") {
        window.location.href = href;
      }
    });
    const name = R.el("td", null, "name");
    const link = R.el("a", service.service);
    link.href = href;
    name.append(link);
    const status = R.el("td");
    status.append(R.severityBadge(service.incident));
    const spark = R.el("td");
    spark.append(sparkline(service.recent_counts || [], !!service.incident));
    const asOf = R.el("td", R.utc(service.window_start), "when");
    if (service.window_start && newest - Date.parse(service.window_start) > BEHIND_MS) {
      asOf.append(R.el("span", " catching up", "behind"));
    }
    tr.append(name, status, spark, R.el("td", R.number(service.count), "num"),
      R.el("td", R.number(service.expected, 1), "num"), R.el("td", R.number(service.ratio, 1), "num ratio"),
      asOf);
    return tr;
  }

  async function refresh() {
    const [services, incidents] = await Promise.all([
      R.getJson("/api/services?recent=" + SPARK_WINDOWS),
      R.getJson("/api/incidents?status=recent"),
    ]);
    const newest = Math.max(0, ...services.filter((s) => s.window_start).map((s) => Date.parse(s.window_start)));
    const tbody = document.querySelector("#services tbody");
    tbody.replaceChildren(...services.map((s) => row(s, newest)));
    document.getElementById("empty").hidden = services.length > 0;
    R.incidentRows(document.querySelector("#incidents tbody"), incidents.incidents, (i) => i.service);
    R.state.services = services.map((s) => s.service);
  }

  R.poll(refresh);
})();
