/* Small SVG charts for the console: built with DOM calls (the page's CSP allows no inline styles),
   coloured by CSS classes, each with a text summary for screen readers and a data table. */
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs = {}, parent = null) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(width, height, label) {
    const root = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
    return root;
  }

  function text(parent, x, y, value, anchor = "start") {
    const t = el("text", { x, y, "text-anchor": anchor }, parent);
    t.textContent = value;
    return t;
  }

  function table(caption, head, rows) {
    const details = document.createElement("details");
    details.className = "chart-table";
    const summary = document.createElement("summary");
    summary.textContent = "Show the numbers";
    details.appendChild(summary);
    const t = document.createElement("table");
    t.className = "table";
    const cap = document.createElement("caption");
    cap.className = "sr-only";
    cap.textContent = caption;
    t.appendChild(cap);
    const thead = t.createTHead().insertRow();
    for (const h of head) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      thead.appendChild(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      for (const c of r) tr.insertCell().textContent = String(c);
    }
    details.appendChild(t);
    return details;
  }

  function legend(items) {
    const ul = document.createElement("ul");
    ul.className = "legend";
    for (const [cls, label] of items) {
      const li = document.createElement("li");
      li.className = cls;
      li.textContent = label;
      ul.appendChild(li);
    }
    return ul;
  }

  function niceMax(value) {
    if (value <= 5) return 5;
    const p = 10 ** Math.floor(Math.log10(value));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
    return 10 * p;
  }

  /* Stacked bars per day (answered by the bot, handed off, other) and a line for declined. */
  function perDay(container, days) {
    container.replaceChildren();
    const W = 760, H = 230, L = 36, R = 8, T = 10, B = 26;
    const max = niceMax(Math.max(1, ...days.map((d) => d.conversations)));
    const total = days.reduce((s, d) => s + d.conversations, 0);
    const root = svg(W, H, `Conversations per day over ${days.length} days: ${total} in total.`);
    const plotW = W - L - R, plotH = H - T - B, step = plotW / Math.max(1, days.length);
    const y = (v) => T + plotH - (v / max) * plotH;
    for (const tick of [0, max / 2, max]) {
      el("line", { x1: L, x2: W - R, y1: y(tick), y2: y(tick), class: "axis" }, root);
      text(root, L - 6, y(tick) + 4, Math.round(tick), "end");
    }
    const barW = Math.max(2, step * 0.7);
    const points = [];
    days.forEach((d, i) => {
      const x = L + i * step + (step - barW) / 2;
      const other = Math.max(0, d.conversations - d.answered_by_bot - d.handed_off);
      let base = 0;
      for (const [value, cls] of [[d.answered_by_bot, "answered"], [d.handed_off, "handed"], [other, "other"]]) {
        if (value > 0) el("rect", { x, y: y(base + value), width: barW, height: y(base) - y(base + value), class: cls }, root);
        base += value;
      }
      points.push(`${x + barW / 2},${y(d.declined)}`);
      const every = Math.ceil(days.length / 8);
      if (i % every === 0) text(root, x + barW / 2, H - 8, d.day.slice(5), "middle");
    });
    if (points.length > 1) el("polyline", { points: points.join(" "), class: "declined-line" }, root);
    else if (points.length === 1) {
      const [cx, cy] = points[0].split(",");
      el("circle", { cx, cy, r: 3, class: "declined-dot" }, root);
    }
    container.appendChild(root);
    container.appendChild(legend([["answered", "Answered by the bot"], ["handed", "Handed off"], ["other", "Other"], ["declined", "Declined (line)"]]));
    container.appendChild(table("Conversations per day", ["Day", "Conversations", "Answered by the bot", "Handed off", "Declined"],
      days.map((d) => [d.day, d.conversations, d.answered_by_bot, d.handed_off, d.declined])));
  }

  /* Horizontal bars, biggest first: [[label, value, extraClass], ...]. */
  function hbars(container, items, { label, empty, unit = "" }) {
    container.replaceChildren();
    if (!items.length || items.every(([, v]) => !v)) {
      const p = document.createElement("p");
      p.className = "muted";
      p.textContent = empty;
      container.appendChild(p);
      return;
    }
    const W = 380, rowH = 30, L = 150, R = 46, H = items.length * rowH + 6;
    const max = Math.max(1, ...items.map(([, v]) => v));
    const root = svg(W, H, `${label}: ` + items.map(([k, v]) => `${k} ${v}${unit}`).join(", "));
    root.setAttribute("class", "hbars");
    items.forEach(([k, v, cls], i) => {
      const yy = 4 + i * rowH;
      text(root, L - 8, yy + 17, k.length > 22 ? k.slice(0, 21) + "…" : k, "end");
      el("rect", { x: L, y: yy + 4, width: Math.max(1, ((W - L - R) * v) / max), height: rowH - 10, rx: 3, class: `bar ${cls || ""}` }, root);
      text(root, L + ((W - L - R) * v) / max + 6, yy + 17, `${v}${unit}`);
    });
    container.appendChild(root);
    container.appendChild(table(label, ["", "Count"], items.map(([k, v]) => [k, v])));
  }

  return { perDay, hbars };
})();

window.Charts = Charts;
