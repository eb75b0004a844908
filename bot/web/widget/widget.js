/*
 * supportbot chat widget. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-title="Help" data-color="#0b6e4f"
 *           data-greeting="Hi! How can we help?" data-position="right" defer></script>
 * Optional: data-api (API base URL; default: where this script came from), data-launcher-label,
 * data-placeholder, data-person-label, data-max-chars (the server's SUPPORTBOT_BOT__MAX_MESSAGE_CHARS).
 *
 * Everything lives in an open shadow root on a <supportbot-widget> element: the page's CSS cannot
 * reach in and ours cannot leak out. All text is set with textContent, never parsed as HTML: bot
 * answers are Markdown (headings, lists, tables, bold, italics, code, links) that `markdown()` turns
 * into DOM nodes itself, so raw HTML in an answer stays text and links are only http(s) or relative.
 * Styles use a constructable stylesheet and CSSOM, so pages with a strict CSP can embed it.
 * No build step: plain ES2017 that every current browser runs.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.__supportbotWidgetLoaded) return;
  window.__supportbotWidgetLoaded = true;

  var data = script.dataset || {};
  var config = {
    api: (data.api || new URL(script.src, location.href).origin).replace(/\/+$/, ""),
    title: data.title || "Support",
    color: safeColor(data.color) || "#1f5fbf",
    greeting: data.greeting || "Hi! Ask me anything, or ask for a person at any time.",
    position: data.position === "left" ? "left" : "right",
    launcherLabel: data.launcherLabel || "Chat with us",
    placeholder: data.placeholder || "Type your question",
    personLabel: data.personLabel || "Talk to a person",
    maxChars: Number(data.maxChars) > 0 ? Number(data.maxChars) : 4000,
  };
  var STORE_KEY = "supportbot:" + config.api;
  var OPEN_KEY = STORE_KEY + ":open";
  var TYPING_MS = 4000;

  var STYLES = [
    ":host{all:initial}",
    ".sb{--sb-accent:#1f5fbf;position:fixed;bottom:20px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Liberation Sans',Arial,sans-serif;color:#1d2430;text-align:left;letter-spacing:normal;text-transform:none}",
    ".sb *,.sb *::before,.sb *::after{box-sizing:border-box;font:inherit;letter-spacing:inherit;text-transform:none}",
    ".sb.right{right:20px}.sb.left{left:20px}",
    ".launcher{display:flex;align-items:center;gap:8px;margin:0;border:0;border-radius:999px;padding:12px 18px;background:var(--sb-accent);color:#fff;font-weight:600;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.22)}",
    ".launcher svg{width:22px;height:22px;fill:currentColor}",
    ".launcher:focus-visible,.sb button:focus-visible,.sb a:focus-visible,.sb textarea:focus-visible,.sb input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}",
    ".panel{position:absolute;bottom:0;width:370px;height:min(600px,calc(100vh - 40px));display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden}",
    ".right .panel{right:0}.left .panel{left:0}",
    ".panel[hidden],.sb [hidden]{display:none!important}",
    "header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--sb-accent);color:#fff}",
    "header h2{flex:1;margin:0;font-size:16px;font-weight:650}",
    ".status{font-size:12px;opacity:.85}",
    ".icon-btn{border:0;background:transparent;color:inherit;font-size:22px;line-height:1;padding:2px 6px;cursor:pointer;border-radius:6px}",
    ".toolbar{display:flex;gap:8px;justify-content:flex-end;padding:6px 12px;border-bottom:1px solid #e4e7ec;background:#f7f8fa}",
    ".link-btn{border:1px solid #c9ced6;background:#fff;color:#1d2430;border-radius:999px;padding:4px 12px;font-size:13px;cursor:pointer}",
    ".link-btn:hover{border-color:var(--sb-accent)}",
    ".log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;background:#fff}",
    ".msg{max-width:85%;padding:9px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}",
    ".msg.customer{align-self:flex-end;background:var(--sb-accent);color:#fff;border-bottom-right-radius:4px}",
    ".msg.bot,.msg.agent{align-self:flex-start;background:#eef1f5;color:#1d2430;border-bottom-left-radius:4px}",
    ".msg.draft{opacity:.8}",
    ".msg strong{font-weight:650}",
    ".msg.bot:not(.draft){white-space:normal}",
    ".md>*:first-child{margin-top:0}.md>*:last-child{margin-bottom:0}",
    ".md p{margin:0 0 8px}.md h3,.md h4,.md h5,.md h6{margin:4px 0 6px;font-size:15px;font-weight:650}",
    ".md h1,.md h2{margin:4px 0 6px;font-size:16px;font-weight:700}",
    ".md ul,.md ol{margin:0 0 8px;padding-left:20px}.md li{margin:2px 0}",
    ".md .table{max-width:100%;overflow-x:auto;margin:0 0 8px}",
    ".md table{border-collapse:collapse;font-size:13px;background:#fff}",
    ".md th,.md td{border:1px solid #d5dae1;padding:3px 6px;text-align:left;vertical-align:top}",
    ".md th{background:#f7f8fa;font-weight:650}",
    ".md code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#fff;border-radius:4px;padding:0 3px}",
    ".md pre{white-space:pre-wrap;background:#fff;border-radius:6px;padding:6px 8px;margin:0 0 8px;font-size:13px}",
    ".md a{color:#0b4fa8;text-decoration:underline}",
    ".md .note{color:#4a5566}",
    ".author{display:block;font-size:12px;font-weight:600;color:#4a5566;margin-bottom:2px}",
    ".sources{margin:2px 0 0;padding:0;list-style:none;font-size:13px;white-space:normal}",
    ".sources li{margin:2px 0}.sources a{color:#0b4fa8;text-decoration:underline}",
    ".sources-label{margin-top:8px;padding-top:6px;border-top:1px solid #d5dae1;font-size:12px;color:#4a5566;white-space:normal}",
    ".helpful{display:flex;gap:6px;align-items:center;margin-top:6px;font-size:12px;color:#4a5566;white-space:normal}",
    ".helpful button{border:1px solid #c9ced6;background:#fff;border-radius:6px;padding:1px 8px;font-size:12px;cursor:pointer}",
    ".system{align-self:center;max-width:92%;text-align:center;font-size:13px;color:#4a5566;background:#fff8e6;border:1px solid #f1dfb0;border-radius:10px;padding:6px 10px;white-space:pre-wrap}",
    ".typing{padding:0 14px 6px;font-size:13px;color:#4a5566;font-style:italic}",
    ".error{margin:0 14px 6px;font-size:13px;color:#a61b1b}",
    "form.card{margin:0 12px 10px;padding:10px;border:1px solid #e4e7ec;border-radius:10px;background:#f7f8fa}",
    "form.card label,form.card legend{display:block;font-size:13px;font-weight:600;margin-bottom:6px;padding:0}",
    "fieldset{border:0;margin:0;padding:0}",
    ".row{display:flex;gap:8px}",
    "input[type=email],textarea{width:100%;border:1px solid #c9ced6;border-radius:8px;padding:8px 10px;background:#fff;color:#1d2430}",
    ".stars{display:flex;gap:2px;margin-bottom:6px}",
    ".star{border:0;background:transparent;font-size:24px;line-height:1;color:#b8bec8;cursor:pointer;padding:0 2px}",
    ".star[aria-checked=true]{color:#e0a100}",
    ".primary{border:0;border-radius:8px;padding:8px 14px;background:var(--sb-accent);color:#fff;font-weight:600;cursor:pointer}",
    ".compose{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e4e7ec;background:#fff}",
    ".compose textarea{resize:none;height:42px;max-height:120px}",
    ".vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "@media (max-width:480px){.sb.open{inset:0}.sb.open .panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0}.sb.open .launcher{display:none}}",
  ].join("\n");

  // -- tiny DOM helpers (textContent only) ---------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "className") node.className = attrs[key];
      else if (attrs[key] === true) node.setAttribute(key, "");
      else if (attrs[key] !== false && attrs[key] != null) node.setAttribute(key, String(attrs[key]));
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  // **bold** (as extractive answers quote the help center) becomes <strong>; everything stays text nodes
  function formatted(text) {
    var span = el("span", { className: "text" });
    String(text).split(/\*\*(.+?)\*\*/).forEach(function (part, index) {
      if (!part) return;
      span.appendChild(index % 2 ? el("strong", { text: part }) : document.createTextNode(part));
    });
    return span;
  }
  function safeColor(value) {
    return value && window.CSS && CSS.supports && CSS.supports("color", value) ? value : null;
  }
  // http(s) or relative (resolved against `base`, default the server's API origin); nothing else
  function safeUrl(value, base) {
    if (typeof value !== "string" || !value.trim()) return null; // NOTE: new URL(null) would be "<site>/null"
    try {
      var url = new URL(value.trim(), base || config.api + "/");
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) { return null; }
  }

  // -- Markdown of bot answers -> DOM (text nodes only; no HTML is ever parsed) ---------------
  var INLINE = [
    { re: /`([^`\n]+)`/, make: function (m) { return el("code", { text: m[1] }); } },
    { re: /\[([^\]\n]+)\]\(([^)\s]+)\)/, make: function (m) {
      var href = safeUrl(m[2]);
      if (!href) return inline(m[1], el("span"));
      return inline(m[1], el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }));
    } },
    { re: /\*\*([^*\n][\s\S]*?)\*\*|__([^_\n][\s\S]*?)__/, make: function (m) { return inline(m[1] || m[2], el("strong")); } },
    { re: /(?:^|[^\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])|(?:^|[^\w])_([^_\s](?:[^_\n]*[^_\s])?)_(?!\w)/, lead: true,
      make: function (m) { return inline(m[1] || m[2], el("em")); } },
  ];
  function inline(text, parent) {
    var rest = String(text);
    while (rest) {
      var best = null;
      INLINE.forEach(function (rule) {
        var m = rule.re.exec(rest);
        if (!m) return;
        var start = m.index, length = m[0].length;
        if (rule.lead && m[0].length && !/[*_]/.test(m[0][0])) { start += 1; length -= 1; } // the char before the marker
        if (!best || start < best.start) best = { start: start, length: length, rule: rule, m: m };
      });
      if (!best) { parent.appendChild(document.createTextNode(rest)); break; }
      if (best.start) parent.appendChild(document.createTextNode(rest.slice(0, best.start)));
      parent.appendChild(best.rule.make(best.m));
      rest = rest.slice(best.start + best.length);
    }
    return parent;
  }
  function cells(row) {
    return row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(function (c) { return c.trim(); });
  }
  var BULLET = /^\s*([-*+\u2022]|\d{1,3}[.)])\s+/;
  function markdown(text) {
    var box = el("div", { className: "text md" });
    var lines = String(text).replace(/\r\n?/g, "\n").split("\n");
    var i = 0;
    function para(buffer) {
      if (!buffer.length) return;
      var p = el("p");
      // NOTE: a hard-wrapped line (long) flows on as Markdown says; short lines (a table flattened
      // from HTML, an address) keep their breaks.
      buffer.forEach(function (line, n) {
        if (n) p.appendChild(buffer[n - 1].length < 50 ? el("br") : document.createTextNode(" "));
        inline(line, p);
      });
      box.appendChild(p);
    }
    var buffer = [];
    while (i < lines.length) {
      var line = lines[i], trimmed = line.trim();
      var heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
      if (!trimmed) { para(buffer); buffer = []; i++; continue; }
      if (/^```/.test(trimmed)) {
        para(buffer); buffer = [];
        var code = [];
        for (i++; i < lines.length && !/^```/.test(lines[i].trim()); i++) code.push(lines[i]);
        box.appendChild(el("pre", {}, [el("code", { text: code.join("\n") })]));
        i++; continue;
      }
      if (heading) { para(buffer); buffer = []; box.appendChild(inline(heading[2], el("h" + Math.max(3, heading[1].length)))); i++; continue; }
      if (trimmed[0] === "|" && i + 1 < lines.length && /^\|?[\s:|-]+\|?$/.test(lines[i + 1].trim()) && lines[i + 1].indexOf("-") >= 0) {
        para(buffer); buffer = [];
        var table = el("table"), head = el("tr");
        cells(trimmed).forEach(function (c) { head.appendChild(inline(c, el("th", { scope: "col" }))); });
        table.appendChild(el("thead", {}, [head]));
        var body = el("tbody");
        for (i += 2; i < lines.length && lines[i].trim()[0] === "|"; i++) {
          var tr = el("tr");
          cells(lines[i]).forEach(function (c) { tr.appendChild(inline(c, el("td"))); });
          body.appendChild(tr);
        }
        table.appendChild(body);
        box.appendChild(el("div", { className: "table", tabindex: "0", role: "region", "aria-label": "Table" }, [table]));
        continue;
      }
      var bullet = BULLET.exec(line);
      if (bullet) {
        para(buffer); buffer = [];
        var ordered = /\d/.test(bullet[1]);
        var list = el(ordered ? "ol" : "ul");
        if (ordered && parseInt(bullet[1], 10) > 1) list.setAttribute("start", String(parseInt(bullet[1], 10)));
        var item = null;
        for (; i < lines.length; i++) {
          var b = BULLET.exec(lines[i]);
          if (b && /\d/.test(b[1]) === ordered) { item = inline(lines[i].replace(BULLET, ""), el("li")); list.appendChild(item); }
          else if (lines[i].trim() && item && !b && !/^\s*(#|\||```)/.test(lines[i])) { inline(" " + lines[i].trim(), item); } // a wrapped item
          else break;
        }
        box.appendChild(list);
        continue;
      }
      buffer.push(trimmed);
      i++;
    }
    para(buffer);
    return box;
  }
  function chatIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
    svg.appendChild(path);
    return svg;
  }

  // -- the DOM -------------------------------------------------------------------------------
  var host = document.createElement("supportbot-widget");
  host.style.setProperty("display", "block", "important");
  host.style.setProperty("position", "static", "important");
  var root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in root && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.appendChild(el("style", { text: STYLES }));
  }

  var ui = {};
  ui.launcher = el("button", { type: "button", className: "launcher", "aria-expanded": "false", "aria-controls": "sb-panel" },
    [chatIcon(), el("span", { text: config.launcherLabel })]);
  ui.status = el("span", { className: "status", text: "" });
  ui.close = el("button", { type: "button", className: "icon-btn", "aria-label": "Close chat", text: "\u00d7" });
  ui.person = el("button", { type: "button", className: "link-btn", text: config.personLabel });
  ui.end = el("button", { type: "button", className: "link-btn", text: "End chat" });
  ui.log = el("div", { className: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation", tabindex: "0" });
  ui.typing = el("div", { className: "typing", hidden: true, "aria-live": "polite" });
  ui.error = el("div", { className: "error", role: "alert" });
  ui.emailInput = el("input", { type: "email", id: "sb-email", autocomplete: "email", required: true, placeholder: "you@example.com" });
  ui.emailForm = el("form", { className: "card", hidden: true, "aria-label": "Leave your email" }, [
    el("label", { for: "sb-email", text: "Your email address, so we can reply" }),
    el("div", { className: "row" }, [ui.emailInput, el("button", { type: "submit", className: "primary", text: "Send" })]),
  ]);
  ui.stars = [];
  var starBox = el("div", { className: "stars", role: "radiogroup", "aria-label": "Rating from 1 to 5 stars" });
  for (var i = 1; i <= 5; i++) {
    var star = el("button", { type: "button", className: "star", role: "radio", "aria-checked": "false", "aria-label": i + (i === 1 ? " star" : " stars"), "data-value": i, text: "\u2605" });
    ui.stars.push(star);
    starBox.appendChild(star);
  }
  ui.ratingComment = el("textarea", { id: "sb-rating-comment", rows: "2", placeholder: "Anything we could do better? (optional)" });
  ui.ratingForm = el("form", { className: "card", hidden: true, "aria-label": "Rate this conversation" }, [
    el("fieldset", {}, [el("legend", { text: "How did we do?" }), starBox]),
    el("label", { for: "sb-rating-comment", className: "vh", text: "Comment" }), ui.ratingComment,
    el("div", { className: "row" }, [el("button", { type: "submit", className: "primary", text: "Send rating" })]),
  ]);
  ui.input = el("textarea", { id: "sb-input", rows: "1", placeholder: config.placeholder, maxlength: String(config.maxChars), "aria-describedby": "sb-hint" });
  ui.compose = el("form", { className: "compose" }, [
    el("label", { for: "sb-input", className: "vh", text: "Message" }),
    el("span", { id: "sb-hint", className: "vh", text: "Enter sends, Shift+Enter adds a new line" }),
    ui.input, el("button", { type: "submit", className: "primary", text: "Send" }),
  ]);
  ui.panel = el("section", { id: "sb-panel", className: "panel", role: "dialog", "aria-labelledby": "sb-title", hidden: true }, [
    el("header", {}, [el("h2", { id: "sb-title", text: config.title }), ui.status, ui.close]),
    el("div", { className: "toolbar" }, [ui.person, ui.end]),
    ui.log, ui.typing, ui.error, ui.emailForm, ui.ratingForm, ui.compose,
  ]);
  ui.frame = el("div", { className: "sb " + config.position }, [ui.panel, ui.launcher]);
  ui.frame.style.setProperty("--sb-accent", config.color);
  root.appendChild(ui.frame);

  // -- state ---------------------------------------------------------------------------------
  var state = {
    conversation: loadSaved(), // {id, token}
    lastId: 0, seen: {}, drafts: {}, finished: {}, nodes: {},
    source: null, pollTimer: null, typingTimer: null, convState: "bot", rating: null, starValue: 0, started: false,
  };

  function loadSaved() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY) || "null"); } catch (e) { return null; }
  }
  function save() {
    try {
      if (state.conversation) localStorage.setItem(STORE_KEY, JSON.stringify(state.conversation));
      else localStorage.removeItem(STORE_KEY);
    } catch (e) { /* private mode: history lasts for this page only */ }
  }

  // -- HTTP ----------------------------------------------------------------------------------
  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    if (state.conversation) headers.Authorization = "Bearer " + state.conversation.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(config.api + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), mode: "cors", credentials: "omit" })
      .then(function (response) {
        if (response.status === 204) return null;
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) { var err = new Error(json.message || response.statusText); err.status = response.status; err.code = json.error; throw err; }
          return json;
        });
      });
  }
  function conversationPath(suffix) { return "/api/conversations/" + encodeURIComponent(state.conversation.id) + (suffix || ""); }

  function ensureConversation() {
    if (state.conversation) return Promise.resolve(state.conversation);
    return api("POST", "/api/conversations", { page_url: location.href.slice(0, 2000), locale: (navigator.language || "en").slice(0, 35) })
      .then(function (created) {
        state.conversation = { id: created.id, token: created.token };
        save();
        applyConversation(created);
        return state.conversation;
      });
  }

  function forget() {
    if (state.source) state.source.close();
    state.source = null;
    state.conversation = null;
    save();
    state.lastId = 0; state.seen = {}; state.nodes = {}; state.drafts = {}; state.finished = {};
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    showGreeting();
  }

  // -- rendering -----------------------------------------------------------------------------
  function showGreeting() {
    if (!ui.log.querySelector(".msg,.system")) ui.log.appendChild(el("div", { className: "msg bot greeting", text: config.greeting }));
  }

  function insertById(node, id) {
    var after = null;
    var children = ui.log.children;
    for (var j = 0; j < children.length; j++) {
      var other = Number(children[j].getAttribute("data-id") || 0);
      if (other > id) { after = children[j]; break; }
    }
    ui.log.insertBefore(node, after);
  }

  function messageNode(message) {
    if (message.role === "system" || message.kind === "state" || message.kind === "notice") {
      return el("div", { className: "system", "data-id": message.id, text: message.text });
    }
    var node = el("div", { className: "msg " + message.role, "data-id": message.id });
    if (message.role === "agent" && message.author) node.appendChild(el("span", { className: "author", text: message.author }));
    var labels = (message.meta && message.meta.labels) || {};
    node.appendChild(message.role === "customer" ? el("span", { className: "text", text: message.text })
      : message.role === "bot" ? markdown(message.text) : formatted(message.text));
    if (message.role === "bot") {
      var links = (message.citations || []).map(function (c) {
        var href = safeUrl(c.url);
        var label = "[" + c.number + "] " + (c.title || c.document_id);
        return el("li", {}, [href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: label }) : el("span", { text: label })]);
      });
      if (links.length) {
        node.appendChild(el("div", { className: "sources-label", text: labels.sources || "Sources" }));
        node.appendChild(el("ul", { className: "sources", "aria-label": labels.sources || "Sources" }, links));
      }
      if (message.meta && message.meta.offer_handoff) {
        var offer = el("button", { type: "button", className: "link-btn offer", text: labels.offer || "Yes, connect me with a person" });
        offer.addEventListener("click", function () { offer.remove(); requestPerson(); });
        node.appendChild(el("div", { className: "helpful" }, [offer]));
      }
      if (!(message.meta && message.meta.no_answer)) node.appendChild(helpfulNode(message.id));
    }
    return node;
  }

  function helpfulNode(messageId) {
    var box = el("div", { className: "helpful" }, [el("span", { text: "Helpful?" })]);
    [["Yes", true], ["No", false]].forEach(function (choice) {
      var button = el("button", { type: "button", text: choice[0], "aria-label": "Answer was " + (choice[1] ? "helpful" : "not helpful") });
      button.addEventListener("click", function () {
        api("POST", "/api/messages/" + messageId + "/feedback", { helpful: choice[1] })
          .then(function () { box.textContent = "Thanks for the feedback."; })
          .catch(function (err) { showError(err); });
      });
      box.appendChild(button);
    });
    return box;
  }

  function render(message) {
    if (message.kind === "edit" || message.kind === "delete") return applyEdit(message);
    if (state.seen[message.id]) return;
    state.seen[message.id] = true;
    state.lastId = Math.max(state.lastId, message.id);
    var greeting = ui.log.querySelector(".greeting");
    if (greeting) greeting.remove();
    var node = messageNode(message);
    state.nodes[message.id] = node;
    var streamId = message.meta && message.meta.stream_id;
    if (streamId) state.finished[streamId] = true;
    if (streamId && state.drafts[streamId]) {
      ui.log.replaceChild(node, state.drafts[streamId]);
      delete state.drafts[streamId];
    } else {
      insertById(node, message.id);
    }
    if (message.role !== "customer") setTyping(null);
    if (message.meta && message.meta.ask_email && !(state.conversation && state.conversation.emailGiven)) ui.emailForm.hidden = false;
    if (message.kind === "state") refreshConversation();
    scrollDown();
  }

  function applyEdit(message) {
    if (state.seen[message.id]) return;
    state.seen[message.id] = true;
    state.lastId = Math.max(state.lastId, message.id);
    var target = state.nodes[message.meta && message.meta.message_id];
    if (!target) return;
    var text = target.querySelector(".text");
    var shown = target.classList.contains("bot") ? markdown(message.text) : formatted(message.text);
    if (text) target.replaceChild(message.kind === "delete" ? el("span", { className: "text", text: "(message deleted)" }) : shown, text);
  }

  function onToken(event) {
    if (state.finished[event.stream_id]) return; // the stored answer already replaced the draft
    var draft = state.drafts[event.stream_id];
    if (!draft) {
      draft = el("div", { className: "msg bot draft", "aria-hidden": "true" }, [el("span", { className: "text" })]);
      state.drafts[event.stream_id] = draft;
      ui.log.appendChild(draft);
      setTyping(null);
    }
    draft.firstChild.textContent += event.text;
    scrollDown();
  }

  // The LLM failed mid-answer: its draft goes; the answer that replaces it arrives as a message.
  function onDiscard(event) {
    var draft = state.drafts[event.stream_id];
    state.finished[event.stream_id] = true;
    if (draft) { draft.remove(); delete state.drafts[event.stream_id]; }
    setTyping("Assistant");
  }

  function setTyping(who) {
    clearTimeout(state.typingTimer);
    if (!who) { ui.typing.hidden = true; ui.typing.textContent = ""; return; }
    ui.typing.textContent = who + " is typing\u2026";
    ui.typing.hidden = false;
    state.typingTimer = setTimeout(function () { setTyping(null); }, who === "Assistant" ? 20000 : TYPING_MS);
  }

  function scrollDown() { ui.log.scrollTop = ui.log.scrollHeight; }

  function showError(err) {
    var text = "Something went wrong. Please try again.";
    if (err && err.status === 429) text = "You're sending messages quickly. Please wait a moment.";
    else if (err && (err.status === 400 || err.status === 413)) text = err.message;
    else if (err && !err.status) text = "Can't reach us right now. Check your connection; we'll keep trying.";
    ui.error.textContent = text;
  }
  function clearError() { ui.error.textContent = ""; }

  function applyConversation(conversation) {
    state.convState = conversation.state;
    state.rating = conversation.rating;
    ui.person.hidden = conversation.state !== "bot";
    ui.end.hidden = conversation.state === "resolved";
    ui.ratingForm.hidden = !(conversation.state === "resolved" && conversation.rating == null);
    Array.prototype.forEach.call(ui.log.querySelectorAll(".offer"), function (b) { b.hidden = conversation.state !== "bot"; });
  }

  function refreshConversation() {
    if (!state.conversation) return;
    api("GET", conversationPath()).then(applyConversation).catch(function () {});
  }

  // -- live updates --------------------------------------------------------------------------
  function catchUp() {
    return api("GET", conversationPath("/messages?after=" + state.lastId)).then(function (body) {
      body.messages.forEach(render);
    });
  }

  function connect() {
    if (state.source || !state.conversation || !window.EventSource) { if (!window.EventSource) startPolling(); return; }
    var url = config.api + conversationPath("/events") + "?token=" + encodeURIComponent(state.conversation.token) + "&last_event_id=" + state.lastId;
    var source = new EventSource(url);
    state.source = source;
    source.onopen = function () {
      ui.status.textContent = ""; // NOTE: not "Online": customers read it as "agents available", even out of hours
      host.setAttribute("data-state", "open");
      stopPolling();
    };
    source.addEventListener("message", function (e) { render(JSON.parse(e.data)); });
    source.addEventListener("token", function (e) { onToken(JSON.parse(e.data)); });
    source.addEventListener("discard", function (e) { onDiscard(JSON.parse(e.data)); });
    source.addEventListener("typing", function (e) {
      var who = JSON.parse(e.data).who;
      if (who && who !== "customer") setTyping(who === "bot" ? "Assistant" : who === "agent" ? "Agent" : who);
    });
    source.onerror = function () {
      ui.status.textContent = "Reconnecting\u2026";
      host.setAttribute("data-state", "reconnecting");
      startPolling();
      if (source.readyState === EventSource.CLOSED) { // the server refused: retry ourselves, later
        state.source = null;
        setTimeout(connect, 5000);
      }
    };
  }

  function startPolling() {
    if (state.pollTimer) return;
    var poll = function () {
      catchUp().catch(function (err) {
        if (err.status === 404 || err.status === 401) { stopPolling(); forget(); }
      });
    };
    poll();
    state.pollTimer = setInterval(poll, 5000);
  }
  function stopPolling() { clearInterval(state.pollTimer); state.pollTimer = null; }

  function start() {
    if (state.started || !state.conversation) return;
    state.started = true;
    catchUp().then(function () { refreshConversation(); connect(); }).catch(function (err) {
      state.started = false;
      if (err.status === 404 || err.status === 401) forget(); else { showError(err); connect(); }
    });
  }

  // -- actions -------------------------------------------------------------------------------
  function send(text) {
    clearError();
    return ensureConversation().then(function () {
      start();
      return api("POST", conversationPath("/messages"), { text: text });
    }).then(function (stored) {
      render(stored);
      if (state.convState === "bot" || state.convState === "resolved") setTyping("Assistant");
      ui.ratingForm.hidden = true;
      return true;
    });
  }

  ui.compose.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = ui.input.value.trim();
    if (!text) return;
    send(text).then(function () { ui.input.value = ""; }).catch(showError); // on failure the text stays in the box
  });
  ui.input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ui.compose.requestSubmit ? ui.compose.requestSubmit() : ui.compose.dispatchEvent(new Event("submit", { cancelable: true })); }
  });
  var lastTypingPing = 0;
  ui.input.addEventListener("input", function () {
    if (!state.conversation || Date.now() - lastTypingPing < 3000 || state.convState !== "agent") return;
    lastTypingPing = Date.now();
    api("POST", conversationPath("/typing")).catch(function () {});
  });

  function requestPerson() {
    clearError();
    ensureConversation().then(function () { start(); return api("POST", conversationPath("/handoff")); })
      .then(applyConversation).catch(showError);
  }
  ui.person.addEventListener("click", requestPerson);
  ui.end.addEventListener("click", function () {
    if (!state.conversation) return closePanel();
    api("POST", conversationPath("/close")).then(applyConversation).catch(showError);
  });

  ui.emailForm.addEventListener("submit", function (e) {
    e.preventDefault();
    api("POST", conversationPath("/email"), { email: ui.emailInput.value.trim() }).then(function () {
      state.conversation.emailGiven = true;
      save();
      ui.emailForm.hidden = true;
      ui.input.focus();
    }).catch(showError);
  });

  ui.stars.forEach(function (button) {
    button.addEventListener("click", function () { setStars(Number(button.getAttribute("data-value"))); });
    button.addEventListener("keydown", function (e) {
      var delta = e.key === "ArrowRight" || e.key === "ArrowUp" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowDown" ? -1 : 0;
      if (!delta) return;
      e.preventDefault();
      setStars(Math.min(5, Math.max(1, (state.starValue || 0) + delta)));
      ui.stars[state.starValue - 1].focus();
    });
  });
  function setStars(value) {
    state.starValue = value;
    ui.stars.forEach(function (b, index) {
      b.setAttribute("aria-checked", String(index < value));
      b.tabIndex = index === value - 1 ? 0 : -1;
    });
  }
  ui.ratingForm.addEventListener("submit", function (e) {
    e.preventDefault();
    if (!state.starValue) { ui.error.textContent = "Pick from 1 to 5 stars first."; return; }
    api("POST", conversationPath("/rating"), { rating: state.starValue, comment: ui.ratingComment.value.trim() || null })
      .then(function (conversation) {
        applyConversation(conversation);
        ui.log.appendChild(el("div", { className: "system", text: "Thanks for rating this conversation!" }));
        scrollDown();
        clearError();
      }).catch(showError);
  });

  // -- open / close, keyboard ----------------------------------------------------------------
  function openPanel(byUser) {
    ui.panel.hidden = false;
    ui.frame.classList.add("open");
    ui.launcher.setAttribute("aria-expanded", "true");
    try { sessionStorage.setItem(OPEN_KEY, "1"); } catch (e) { /* ignore */ }
    showGreeting();
    start();
    if (byUser) ui.input.focus(); // never steal focus from the page on its own
    scrollDown();
  }
  function closePanel() {
    ui.panel.hidden = true;
    ui.frame.classList.remove("open");
    ui.launcher.setAttribute("aria-expanded", "false");
    try { sessionStorage.removeItem(OPEN_KEY); } catch (e) { /* ignore */ }
    ui.launcher.focus();
  }
  ui.launcher.addEventListener("click", function () { if (ui.panel.hidden) openPanel(true); else closePanel(); });
  ui.close.addEventListener("click", closePanel);
  ui.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.stopPropagation(); closePanel(); } });
  window.addEventListener("online", function () { if (state.started) catchUp().catch(function () {}); });

  function mount() {
    document.body.appendChild(host);
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(OPEN_KEY) === "1"; } catch (e) { /* ignore */ }
    if (wasOpen) openPanel(false); // a stream is opened only while the panel has been opened
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
