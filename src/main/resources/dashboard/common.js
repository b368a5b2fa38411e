// Shared by the dashboard's pages: fetching the JSON API, formatting, and the state a page exposes for
// its browser test (window.outageRadar). Plain JavaScript, no build step.
"use strict";

const OutageRadar = (() => {
  /** How often a page asks the API again: windows close once a minute, so a few seconds is live enough. */
  const POLL_MS = 5000;

  const state = { page: document.body.dataset.page, updates: 0, errors: 0, cspViolations: [] };
  window.outageRadar = state;
  // Everything must come from this server; a blocked load would show up here (and fail the browser test).
  document.addEventListener("securitypolicyviolation", (e) => {
    state.cspViolations.push(e.violatedDirective + " " + e.blockedURI);
  });

  // With api.token set, the API answers 401 and the page asks for the token once per tab. It is kept in
  // sessionStorage (this tab only, gone when it closes; never in the URL, where history and logs keep it)
  // and sent as a bearer token with every request.
  const TOKEN_KEY = "outage-radar.api-token";
  let refreshNow = () => {};

  async function getJson(path) {
    const headers = { Accept: "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers.Authorization = "Bearer " + token;
    }
    const response = await fetch(path, { headers });
    if (response.status === 401) {
      askForToken(token !== null);
      throw new Error(token === null ? "this API needs a token" : "the API refused the token");
    }
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      throw new Error(body.error || ("HTTP " + response.status));
    }
    return body;
  }

  /** Shows the token form under the header (made here, so both pages get the same one). */
  function askForToken(refused) {
    let form = document.getElementById("token-form");
    if (!form) {
      form = el("form", null, "token-form");
      form.id = "token-form";
      const label = el("label", "API token ");
      const input = el("input");
      input.type = "password";
      input.name = "token";
      input.autocomplete = "off";
      input.required = true;
      label.append(input);
      const button = el("button", "Use");
      button.type = "submit";
      form.append(el("span", null, "token-message"), label, button);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        input.value = "";
        form.hidden = true;
        refreshNow();
      });
      document.querySelector("header").after(form);
    }
    form.querySelector(".token-message").textContent = refused
      ? "The API refused that token. "
      : "This dashboard's API needs the token it was started with (api.token). ";
    form.hidden = false;
  }

  /** Runs refresh now and every POLL_MS, showing a failure in the page's problem bar until one succeeds. */
  function poll(refresh) {
    const problem = document.getElementById("problem");
    const updated = document.getElementById("updated");
    async function once() {
      try {
        await refresh();
        state.updates += 1;
        problem.hidden = true;
        updated.textContent = "updated " + new Date().toLocaleTimeString();
      } catch (e) {
        state.errors += 1;
        problem.textContent = "The API did not answer (" + e.message + "); trying again every "
          + POLL_MS / 1000 + " s.";
        problem.hidden = false;
      }
    }
    refreshNow = once;
    once();
    setInterval(() => { if (!document.hidden) { once(); } }, POLL_MS);
  }

  /** 2024-09-30T14:00:00Z -> "2024-09-30 14:00". */
  function utc(iso) {
    return iso ? iso.slice(0, 10) + " " + iso.slice(11, 16) : "";
  }

  function number(value, digits) {
    if (value === null || value === undefined) {
      return "";
    }
    const smallest = Math.pow(10, -(digits || 0));
    if (value > 0 && value < smallest) {
      // A quiet service expects 0.04 complaints a minute: not the same as none.
      return "<" + smallest;
    }
    return Number(value).toLocaleString("en", { maximumFractionDigits: digits || 0 });
  }

  /** An element with text content (never HTML, so a service id or a message cannot inject markup). */
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function severityBadge(incident) {
    if (!incident) {
      return el("span", "normal", "badge ok");
    }
    const open = !incident.resolved_at;
    return el("span", (open ? "outage · " : "resolved · ") + incident.severity.toLowerCase(),
      "badge " + (open ? "sev-" + incident.severity.toLowerCase() : "past"));
  }

  function incidentRows(tbody, incidents, firstColumn) {
    tbody.replaceChildren();
    for (const incident of incidents) {
      const row = el("tr", null, incident.resolved_at ? "" : "open");
      const first = el("td");
      const link = el("a", firstColumn(incident));
      link.href = "/services/" + encodeURIComponent(incident.service);
      first.append(link);
      const severity = el("td");
      severity.append(severityBadge(incident));
      row.append(first, severity, el("td", utc(incident.opened_at)),
        el("td", incident.resolved_at ? utc(incident.resolved_at) : "ongoing"),
        el("td", number(incident.peak_count), "num"));
      tbody.append(row);
    }
    if (incidents.length === 0) {
      const row = el("tr");
      const cell = el("td", "None.", "empty");
      cell.colSpan = 5;
      row.append(cell);
      tbody.append(row);
    }
  }

  return { POLL_MS, state, getJson, poll, utc, number, el, severityBadge, incidentRows };
})();
