/* The support console: hash-routed views over the JSON API under /admin/api. No framework, no build.
   Text from the API is always set with textContent, never parsed as HTML. */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { csrf: "", session: null, offset: 0, polling: null };
  const REASONS = {
    customer_request: "Asked for a person", no_answer: "No answer found", bot_error: "Bot error",
    complaint: "Complaint", "sensitive:security": "Account security", "sensitive:billing_dispute": "Billing dispute",
    "sensitive:legal": "Legal", "sensitive:self_harm": "Wellbeing",
  };
  const STATES = { pending: "Waiting for a person", agent: "With an agent", bot: "With the bot", resolved: "Resolved" };
  const reasonLabel = (r) => (r ? REASONS[r] || r.replace(/^sensitive:/, "").replace(/_/g, " ") : "—");

  // -- API -------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || `Request failed (${status})`);
      this.status = status;
    }
  }

  async function api(path, { method = "GET", json, form } = {}) {
    const headers = {};
    if (method !== "GET") headers["X-CSRF-Token"] = state.csrf;
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (form) body = form;
    const response = await fetch(`/admin/api${path}`, { method, headers, body, credentials: "same-origin" });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.status === 401 && path !== "/login") {
      showLogin();
      throw new ApiError(401, data);
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function toast(message) {
    $("toast").textContent = message;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { $("toast").textContent = ""; }, 4000);
  }

  const h = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  };
  // A citation's address is a link only when it is http(s) or relative: never javascript:, data: or the like.
  const webLink = (url) => typeof url === "string" && /^(https?:\/\/|\/(?![\/\\]))/i.test(url.trim());
  const when = (iso) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const pct = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : "—");
  const seconds = (s) => (s === null || s === undefined ? "—" : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

  // -- login -----------------------------------------------------------------------------------
  function showLogin() {
    document.querySelectorAll(".view").forEach((v) => { v.hidden = true; });
    document.querySelector(".tabs").hidden = true;
    $("logout").hidden = true;
    $("login").hidden = false;
    $("token").focus();
  }

  async function start() {
    try {
      state.session = await api("/session");
      state.csrf = state.session.csrf;
      enter();
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) toast(e.message);
    }
  }

  function enter() {
    $("login").hidden = true;
    document.querySelector(".tabs").hidden = false;
    $("logout").hidden = false;
    route();
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try {
      state.session = await api("/login", { method: "POST", json: { token: $("token").value } });
      state.csrf = state.session.csrf;
      $("token").value = "";
      enter();
    } catch (e) {
      $("login-error").textContent = e.status === 429 ? "Too many attempts. Wait a minute and try again." : e.message;
    }
  });

  $("logout").addEventListener("click", async () => {
    await api("/logout", { method: "POST" }).catch(() => null);
    state.csrf = "";
    showLogin();
  });

  // -- routing ---------------------------------------------------------------------------------
  const VIEWS = {
    overview: loadOverview, conversations: loadConversations, conversation: loadConversation,
    gaps: loadGaps, knowledge: loadKnowledge, drafts: loadDrafts, checks: loadChecks,
  };

  function route() {
    if (!$("login").hidden) return;
    const [name, arg] = (location.hash.slice(1) || "overview").split("/");
    const view = VIEWS[name] ? name : "overview";
    document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== `view-${view}`; });
    document.querySelectorAll(".tabs a").forEach((a) => {
      const current = a.dataset.view === view || (view === "conversation" && a.dataset.view === "conversations");
      if (current) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    clearInterval(state.polling);
    VIEWS[view](arg ? decodeURIComponent(arg) : undefined).catch((e) => { if (e.status !== 401) toast(e.message); });
  }
  window.addEventListener("hashchange", route);

  // -- overview --------------------------------------------------------------------------------
  async function loadOverview() {
    const s = await api(`/stats?days=${$("overview-days").value}`);
    const kpi = (label, value, sub) => h("div", { class: "kpi" }, h("div", { class: "label", text: label }),
      h("div", { class: "value", text: value }), h("div", { class: "sub", text: sub }));
    const fr = s.first_reply;
    $("kpis").replaceChildren(
      kpi("Conversations", String(s.conversations), `${s.days} days`),
      kpi("Answered by the bot", pct(s.answered_by_bot, s.conversations), `${s.answered_by_bot} without a person`),
      kpi("Handed off", pct(s.handed_off, s.conversations), `${s.handed_off} to a person`),
      kpi("Declined", pct(s.declined, s.conversations), `${s.declined} with no answer`),
      kpi("First agent reply", seconds(fr.median_s), `median · p90 ${seconds(fr.p90_s)} · ${fr.waiting} waiting`),
      kpi("CSAT (mean rating)", s.csat.mean === null ? "—" : `${s.csat.mean.toFixed(2)} / 5`,
        s.csat.count ? `${s.csat.count} rating${s.csat.count === 1 ? "" : "s"}` : "no ratings yet"),
      kpi("Satisfied customers", s.csat.satisfied_share === null ? "—" : pct(s.csat.satisfied_share * 100, 100),
        "rated 4 or 5 stars"),
      kpi("Helpful answers", pct(s.helpful_yes, s.helpful_yes + s.helpful_no), `${s.helpful_yes} yes · ${s.helpful_no} no`),
    );
    Charts.perDay($("chart-days"), s.per_day);
    Charts.hbars($("chart-reasons"), Object.entries(s.handed_off_by_reason).map(([k, v]) => [reasonLabel(k), v]),
      { label: "Handoffs by reason", empty: "No handoffs in this period." });
    Charts.hbars($("chart-csat"), ["5", "4", "3", "2", "1"].map((k) => [`${k} ★`, s.csat.distribution[k], `score-${k}`]),
      { label: "Ratings by score", empty: "No ratings in this period." });
  }
  $("overview-days").addEventListener("change", () => loadOverview().catch((e) => toast(e.message)));

  // -- conversations ---------------------------------------------------------------------------
  async function loadConversations(_arg, append = false) {
    if (!append) state.offset = 0;
    const params = new URLSearchParams({ limit: "50", offset: String(state.offset) });
    for (const [key, id] of [["q", "conv-q"], ["state", "conv-state"], ["reason", "conv-reason"]]) {
      if ($(id).value) params.set(key, $(id).value);
    }
    const ticket = (state.convTicket = (state.convTicket || 0) + 1);
    const page = await api(`/conversations?${params}`);
    if (ticket !== state.convTicket) return;  // a newer search (another filter) answers instead
    const select = $("conv-reason"), chosen = select.value;
    select.replaceChildren(h("option", { value: "", text: "Any" }),
      ...page.reasons.map((r) => h("option", { value: r, text: reasonLabel(r) })));
    select.value = chosen;
    const body = $("conv-table").tBodies[0];
    if (!append) body.replaceChildren();
    for (const c of page.conversations) {
      const who = c.customer_name || c.customer_email || `Visitor ${c.id.slice(0, 6)}`;
      body.append(h("tr", {},
        h("td", { class: "who" }, h("a", { href: `#conversation/${encodeURIComponent(c.id)}`, text: who })),
        h("td", {}, h("span", { class: `badge ${c.state}`, text: STATES[c.state] || c.state })),
        h("td", { text: reasonLabel(c.handoff_reason) }),
        h("td", { class: "clip", text: c.last_question || "", title: c.last_question || "" }),
        h("td", { text: when(c.updated_at) })));
    }
    $("conv-empty").hidden = body.rows.length > 0;
    $("conv-more").hidden = !page.more;
    state.offset += page.conversations.length;
  }
  $("conversation-filters").addEventListener("submit", (e) => { e.preventDefault(); loadConversations().catch((x) => toast(x.message)); });
  $("conv-state").addEventListener("change", () => loadConversations().catch((x) => toast(x.message)));
  $("conv-reason").addEventListener("change", () => loadConversations().catch((x) => toast(x.message)));
  $("conv-more").addEventListener("click", () => loadConversations(undefined, true).catch((x) => toast(x.message)));

  // The transcript holds the newest messages; "Load earlier" pages back with `?before=<first id>`.
  function transcriptItems(c) {
    const items = [];
    if (c.earlier && c.messages.length) {
      const button = h("button", { type: "button", class: "link", text: "Load earlier messages" });
      button.addEventListener("click", async () => {
        try {
          const older = await api(`/conversations/${encodeURIComponent(c.id)}?before=${c.messages[0].id}`);
          button.parentElement.replaceWith(...transcriptItems(older));
        } catch (x) { toast(x.message); }
      });
      items.push(h("li", { class: "system" }, button));
    }
    for (const m of c.messages) {
      if (m.kind === "edit" || m.kind === "delete") continue;
      if (m.role === "system") {
        const why = m.kind === "state" && m.meta.reason ? ` (${reasonLabel(m.meta.reason)})` : "";
        items.push(h("li", { class: "system", text: `${m.text}${why} · ${when(m.created_at)}` }));
        continue;
      }
      const who = m.role === "customer" ? "Customer" : m.role === "bot" ? "Bot" : m.author || "Agent";
      const item = h("li", { class: `msg ${m.role}${m.meta.no_answer ? " no-answer" : ""}` },
        h("span", { class: "who", text: `${who} · ${when(m.created_at)}${m.meta.near_miss ? " · near miss" : ""}` }), m.text);
      if (m.citations.length) {
        item.append(h("ol", { class: "sources", "aria-label": "Sources cited" }, ...m.citations.map((s) =>
          h("li", {}, webLink(s.url) ? h("a", { href: s.url, target: "_blank", rel: "noopener", text: s.title }) : s.title, ` (${s.document_id})`))));
      }
      items.push(item);
    }
    return items;
  }

  async function loadConversation(id) {
    const c = await api(`/conversations/${encodeURIComponent(id)}`);
    state.conversation = c;
    $("transcript-title").textContent = c.customer_name || c.customer_email || `Visitor ${c.id.slice(0, 6)}`;
    $("transcript-state").replaceChildren(h("span", { class: `badge ${c.state}`, text: STATES[c.state] || c.state }));
    const fact = (k, v) => [h("dt", { text: k }), h("dd", { text: v || "—" })];
    $("transcript-facts").replaceChildren(
      ...fact("Handoff reason", reasonLabel(c.handoff_reason)), ...fact("Agent", c.agent_name),
      ...fact("Started", when(c.created_at)), ...fact("Rating", c.rating ? `${c.rating} / 5${c.rating_comment ? ` · “${c.rating_comment}”` : ""}` : ""),
      ...fact("Email", c.customer_email), ...fact("Page", c.page_url), ...fact("Language", c.locale), ...fact("Id", c.id));
    const list = $("transcript");
    list.replaceChildren(...transcriptItems(c));
    const open = c.state === "pending" || c.state === "agent";
    $("reply-form").hidden = !(c.can_reply && open);
    $("reply-elsewhere").hidden = c.can_reply || !open;
    $("operator").value = localStorage.getItem("supportbot.operator") || "";
    $("reply-error").textContent = "";
  }

  async function operatorAction(path, json) {
    const c = state.conversation;
    localStorage.setItem("supportbot.operator", $("operator").value.trim());
    try {
      await api(`/conversations/${encodeURIComponent(c.id)}/${path}`, { method: "POST", json });
      await loadConversation(c.id);
      return true;
    } catch (e) {
      $("reply-error").textContent = e.message;
      return false;
    }
  }
  const operator = () => $("operator").value.trim() || "Support team";
  $("reply-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = $("reply-text").value.trim();
    if (!text) { $("reply-error").textContent = "Write a message first."; return; }
    if (await operatorAction("messages", { text, operator: operator() })) { $("reply-text").value = ""; toast("Reply sent."); }
  });
  $("resolve").addEventListener("click", async () => { if (await operatorAction("resolve", { operator: operator() })) toast("Resolved."); });
  $("return").addEventListener("click", async () => { if (await operatorAction("return", { operator: operator() })) toast("Returned to the bot."); });

  // -- gaps ------------------------------------------------------------------------------------
  const KINDS = { declined: "declined", not_helpful: "marked not helpful", no_answer_handoff: "handed off: no answer" };
  async function loadGaps() {
    const g = await api(`/gaps?days=${$("gaps-days").value}`);
    $("gaps-summary").textContent = g.questions
      ? `${g.questions} unanswered question${g.questions === 1 ? "" : "s"} in ${g.groups.length} group${g.groups.length === 1 ? "" : "s"} shown, biggest first.`
      : "No unanswered questions in this period.";
    $("gaps-list").replaceChildren(...g.groups.map((group, i) => {
      const titleId = `gap-${i}`;
      const done = h("button", { type: "button", class: "small", text: "Mark as dealt with" });
      done.addEventListener("click", async () => {
        await api("/gaps/resolve", { method: "POST", json: { question_ids: group.question_ids } });
        toast("Marked as dealt with.");
        loadGaps().catch((e) => toast(e.message));
      });
      return h("section", { class: "card gap", "aria-labelledby": titleId },
        h("h2", { id: titleId }, h("span", { class: "count", text: String(group.count) }), `“${group.examples[0]}”`),
        h("div", { class: "meta" }, ...Object.entries(group.kinds).map(([k, v]) => h("span", { class: "badge", text: `${v} ${KINDS[k] || k}` })),
          h("span", { class: "badge", text: `last asked ${when(group.last_asked)}` })),
        group.examples.length > 1 ? h("ul", {}, ...group.examples.slice(1).map((e) => h("li", { text: e }))) : null,
        h("p", { class: "closest", text: group.closest.length
          ? `Closest documents: ${group.closest.map((d) => `${d.title} (${d.score.toFixed(2)})`).join(", ")}`
          : "No document comes close." }),
        done);
    }));
  }
  $("gaps-days").addEventListener("change", () => loadGaps().catch((e) => toast(e.message)));

  // -- knowledge -------------------------------------------------------------------------------
  async function loadKnowledge() {
    const k = await api("/documents");
    $("kb-version").textContent = `version ${k.kb_version}`;
    $("sync-folder").textContent = k.documents_dir
      ? `Folder: ${k.documents_dir}` : "No documents folder is configured (SUPPORTBOT_ADMIN__DOCUMENTS_DIR): uploads go to the index only.";
    $("sync-start").disabled = !k.documents_dir;
    const body = $("docs-table").tBodies[0];
    body.replaceChildren(...k.documents.map((d) => {
      const remove = h("button", { type: "button", class: "small danger", text: "Remove", "aria-label": `Remove ${d.title}` });
      remove.addEventListener("click", async () => {
        if (!confirm(`Remove “${d.title}” (${d.id}) from the knowledge base?`)) return;
        await api(`/documents/${d.id.split("/").map(encodeURIComponent).join("/")}`, { method: "DELETE" });
        toast(`Removed ${d.id}.`);
        loadKnowledge().catch((e) => toast(e.message));
      });
      return h("tr", {},
        h("td", {}, h("strong", { text: d.title }), h("div", { class: "muted small", text: d.id }),
          d.failure ? h("div", { class: "error small", text: `Last sync could not read it: ${d.failure}` }) : null,
          ...(d.warnings || []).map((w) => h("div", { class: "warning small", text: `Indexed, but please fix: ${w}` }))),
        h("td", { text: String(d.version) }), h("td", { text: String(d.chunks) }),
        h("td", { text: when(d.updated_at) }), h("td", {}, remove));
    }));
    showSync(k.last_sync);
    if (k.last_sync && k.last_sync.status === "running") pollSync();
  }

  function showSync(run) {
    const running = run && run.status === "running";
    $("sync-progress").hidden = !running;
    $("sync-bar").style.width = running && run.total ? `${Math.round((100 * run.done) / run.total)}%` : "0";
    $("sync-start").disabled = running || $("sync-folder").textContent.startsWith("No ");
    if (!run) { $("sync-status").textContent = "No sync has run from the console yet."; $("sync-report").replaceChildren(); return; }
    $("sync-status").textContent = running ? `Syncing… ${run.done} of ${run.total || "?"} files`
      : run.status === "failed" ? `Sync failed: ${run.report.error || "see the server log"}`
        : `Last sync ${when(run.finished_at)}`;
    const r = run.report || {};
    const list = (label, names) => (names && names.length
      ? [h("p", { class: "small", text: `${label} (${names.length})` }), h("ul", { class: "report-list" }, ...names.slice(0, 20).map((n) => h("li", { text: n })))] : []);
    $("sync-report").replaceChildren(...(running ? [] : [
      ...list("Added", r.added), ...list("Updated", r.updated), ...list("Removed", r.removed),
      ...list("Failed", (r.failed || []).map((f) => `${f.name}: ${f.reason}`)),
      ...list("Indexed, but please fix", (r.warned || []).map((f) => `${f.name}: ${f.reason}`)),
      ...(r.unchanged !== undefined ? [h("p", { class: "small muted", text: `${r.unchanged} unchanged` })] : []),
    ]));
  }

  function pollSync() {
    clearInterval(state.polling);
    state.polling = setInterval(async () => {
      const run = await api("/sync").catch(() => null);
      showSync(run);
      if (!run || run.status !== "running") { clearInterval(state.polling); loadKnowledge().catch((e) => toast(e.message)); }
    }, 1000);
  }

  $("sync-start").addEventListener("click", async () => {
    try { showSync(await api("/sync", { method: "POST" })); pollSync(); } catch (e) { toast(e.message); }
  });

  $("upload-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    $("upload-error").textContent = "";
    const file = $("upload-file").files[0];
    if (!file) { $("upload-error").textContent = "Choose a file first."; return; }
    const form = new FormData();
    form.append("file", file);
    if ($("upload-path").value.trim()) form.append("path", $("upload-path").value.trim());
    const button = $("upload-form").querySelector("button[type=submit]");
    button.disabled = true;
    button.textContent = "Uploading…";
    try {
      const change = await api("/documents", { method: "POST", form });
      toast(change.added.length ? `Added ${change.added[0]}.` : change.updated.length ? `Updated ${change.updated[0]}.` : "Unchanged.");
      $("upload-form").reset();
      loadKnowledge().catch((x) => toast(x.message));
    } catch (x) {
      $("upload-error").textContent = x.message;
    } finally {
      button.disabled = false;
      button.textContent = "Upload";
    }
  });

  // -- drafts ----------------------------------------------------------------------------------
  async function loadDrafts() {
    const d = await api(`/suggestions?days=${$("drafts-days").value}`);
    if (!d.drafts.length) {
      $("drafts-list").replaceChildren(h("p", { class: "card muted", text: "No conversations resolved by a person in this period." }));
      return;
    }
    $("drafts-list").replaceChildren(...d.drafts.map((draft, i) => {
      const area = h("textarea", { id: `draft-${i}`, rows: "10" });
      area.value = draft.markdown;
      const slug = draft.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "draft";
      const download = h("button", { type: "button", text: "Download .md" });
      download.addEventListener("click", () => {
        const link = h("a", { href: URL.createObjectURL(new Blob([area.value], { type: "text/markdown" })), download: `${slug}.md` });
        document.body.append(link);
        link.click();
        link.remove();
      });
      const add = h("button", { type: "button", class: "primary", text: "Add to knowledge base" });
      add.addEventListener("click", async () => {
        const form = new FormData();
        form.append("file", new Blob([area.value], { type: "text/markdown" }), `${slug}.md`);
        form.append("path", `drafts/${slug}.md`);
        try { await api("/documents", { method: "POST", form }); toast(`Added drafts/${slug}.md.`); } catch (e) { toast(e.message); }
      });
      return h("section", { class: "card draft", "aria-labelledby": `draft-title-${i}` },
        h("h2", { id: `draft-title-${i}`, text: draft.title }),
        h("p", { class: "muted small", text: `${draft.count} conversation${draft.count === 1 ? "" : "s"} · asked as: ${draft.questions.join(" · ")}` }),
        h("label", { for: `draft-${i}`, text: "Draft (Markdown)" }), area,
        h("div", { class: "actions" }, add, download));
    }));
  }
  $("drafts-days").addEventListener("change", () => loadDrafts().catch((e) => toast(e.message)));

  // -- golden checks ---------------------------------------------------------------------------
  async function loadChecks() {
    const r = await api("/eval");
    $("golden-file").textContent = r.golden_file ? `Golden questions: ${r.golden_file}`
      : "No golden questions file is configured (SUPPORTBOT_ADMIN__GOLDEN_FILE).";
    $("eval-start").disabled = !r.golden_file || r.runs.some((x) => x.status === "running");
    const running = r.runs.find((x) => x.status === "running");
    $("eval-status").textContent = running ? "Running the golden questions…" : "";
    $("eval-table").tBodies[0].replaceChildren(...r.runs.map((run) => {
      const rep = run.report || {};
      const broke = rep.regressions || [];
      return h("tr", {},
        h("td", { text: when(run.started_at) }), h("td", {}, h("code", { text: run.kb_version || "—" })),
        h("td", { text: run.pass_rate === null ? "—" : `${Math.round(run.pass_rate * 100)}% (${(rep.passed || []).length} of ${rep.questions || run.total})` }),
        h("td", {}, broke.length ? h("span", { class: "badge bad", text: broke.join(", ") }) : "none"),
        h("td", { text: run.status }));
    }));
    const last = r.runs.find((x) => x.status === "done");
    const failed = last ? Object.entries(last.report.failed || {}) : [];
    $("eval-failures").replaceChildren(...(failed.length ? [h("section", { class: "card", "aria-labelledby": "fail-title" },
      h("h2", { id: "fail-title", text: `Failing in the latest run (${failed.length})` }),
      h("ul", { class: "report-list" }, ...failed.map(([id, why]) => h("li", { text: `${id}: ${why}` }))))] : []));
    if (running) { clearInterval(state.polling); state.polling = setInterval(() => loadChecks().catch(() => null), 2000); }
  }
  $("eval-start").addEventListener("click", async () => {
    try { await api("/eval", { method: "POST" }); toast("Golden check started."); loadChecks(); } catch (e) { toast(e.message); }
  });

  start();
})();
