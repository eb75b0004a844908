/*
 * supportbot chat widget. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-title="Help" data-color="#0b6e4f"
 *           data-greeting="Hi! How can we help?" data-position="right" defer></script>
 * Optional: data-api (API base URL; default: where this script came from), data-launcher-label,
 * data-placeholder, data-person-label, data-max-chars (the server's SUPPORTBOT_BOT__MAX_MESSAGE_CHARS),
 * data-lang (force a language), data-text-<key> (override any one label, see TEXTS), data-identity
 * (a signed identity from your server, see the README), data-name / data-email (unverified hints).
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
    color: safeColor(data.color) || "#1f5fbf",
    position: data.position === "left" ? "left" : "right",
    maxChars: Number(data.maxChars) > 0 ? Number(data.maxChars) : 4000,
    lang: data.lang || "",
    identity: data.identity || "",
    name: data.name || "",
    email: data.email || "",
  };
  var STORE_KEY = "supportbot:" + config.api;
  var OPEN_KEY = STORE_KEY + ":open";
  var TYPING_MS = 4000;
  var HISTORY_PAGE = 100; // messages a long conversation opens with, and per "show earlier messages"

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
    ".head{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--sb-accent);color:#fff}",
    ".head h2{flex:1;margin:0;font-size:16px;font-weight:650}",
    ".status{font-size:12px;opacity:.85}",
    ".icon-btn{border:0;background:transparent;color:inherit;font-size:22px;line-height:1;padding:2px 6px;cursor:pointer;border-radius:6px}",
    ".toolbar{display:flex;gap:8px;justify-content:flex-end;padding:6px 12px;border-bottom:1px solid #e4e7ec;background:#f7f8fa}",
    ".badge{min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#c4281c;color:#fff;font-size:12px;line-height:20px;text-align:center}",
    ".waiting{display:flex;gap:10px;align-items:center;padding:8px 14px;border-bottom:1px solid #e4e7ec;background:#f2f6fc;font-size:13px;color:#1d2430}",
    ".waiting img,.waiting .initials{width:32px;height:32px;border-radius:50%;flex:none;object-fit:cover}",
    ".waiting .initials{display:flex;align-items:center;justify-content:center;background:var(--sb-accent);color:#fff;font-weight:650}",
    ".waiting strong{display:block;font-weight:650}",
    ".ack{display:block;font-size:11px;opacity:.9;margin-top:2px;text-align:right}",
    ".file{display:flex;flex-direction:column;gap:6px;align-items:flex-start;white-space:normal}",
    ".file button{display:flex;gap:6px;align-items:center;max-width:100%;border:1px solid #c9ced6;background:#fff;color:#0b4fa8;border-radius:8px;padding:4px 10px;font-size:13px;cursor:pointer;text-decoration:underline;text-align:left;overflow-wrap:anywhere}",
    ".file svg{width:16px;height:16px;flex:none}",
    ".msg.customer .file button{color:#1d2430}",
    ".thumb{display:block;max-width:200px;max-height:160px;border-radius:8px;margin-top:6px}",
    ".attach{display:flex;align-items:center;border:1px solid #c9ced6;background:#fff;color:#1d2430;border-radius:8px;padding:0 9px;cursor:pointer}",
    ".attach svg{width:20px;height:20px}",
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
    // NOTE: a cell breaks between words only (the bubble's overflow-wrap:anywhere squeezed a wide table
    // to "09:0|0 to 20:0|0" on a phone); a table wider than the bubble scrolls inside it instead.
    ".md th,.md td{border:1px solid #d5dae1;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal}",
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
    ".helpful .q{color:#3d4756}",
    ".helpful button{border:1px solid #c9ced6;background:#fff;border-radius:6px;padding:1px 8px;font-size:12px;cursor:pointer}",
    ".system{align-self:center;max-width:92%;text-align:center;font-size:13px;color:#4a5566;background:#fff8e6;border:1px solid #f1dfb0;border-radius:10px;padding:6px 10px;white-space:pre-wrap}",
    ".typing{padding:0 14px 6px;font-size:13px;color:#4a5566;font-style:italic}",
    ".error{margin:0 14px 6px;font-size:13px;color:#a61b1b}",
    "form.card{margin:0 12px 10px;padding:10px;border:1px solid #e4e7ec;border-radius:10px;background:#f7f8fa}",
    ".log form.card{margin:4px 0 0;align-self:stretch}",
    ".log .earlier{align-self:center}",
    "form.card label,form.card legend{display:block;font-size:13px;font-weight:600;margin-bottom:6px;padding:0}",
    "fieldset{border:0;margin:0;padding:0}",
    ".row{display:flex;gap:8px}",
    "input[type=email],textarea{width:100%;border:1px solid #c9ced6;border-radius:8px;padding:8px 10px;background:#fff;color:#1d2430}",
    ".stars{display:flex;gap:2px;margin-bottom:6px}",
    ".star{border:0;background:transparent;font-size:24px;line-height:1;color:#6b7380;cursor:pointer;padding:0 2px}",
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
  // NOTE: every text a person or the help center wrote takes its own direction (dir=auto), isolated from the
  // next, so Arabic or Hebrew reads right to left and a stray direction override stays inside its bubble
  function formatted(text) {
    var span = el("span", { className: "text", dir: "auto" });
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
    if (/^[\/\\]{2}/.test(value.trim())) return null; // "//host", "/\\host": another site, not a path
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
    var box = el("div", { className: "text md", dir: "auto" });
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
        box.appendChild(el("div", { className: "table", tabindex: "0", role: "region", "aria-label": T("table") }, [table]));
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
  function icon(d, stroke) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    if (stroke) { path.setAttribute("fill", "none"); path.setAttribute("stroke", "currentColor"); path.setAttribute("stroke-width", "2"); path.setAttribute("stroke-linecap", "round"); }
    svg.appendChild(path);
    return svg;
  }
  function chatIcon() { return icon("M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"); }
  // NOTE: drawn, not emoji: many systems lack an emoji font and show empty boxes
  function clipIcon() { return icon("M21 11.5l-8.5 8.5a5 5 0 0 1-7-7l9-9a3.5 3.5 0 0 1 5 5l-9 9a2 2 0 0 1-3-3l8-8", true); }
  function docIcon() { return icon("M6 2h8l5 5v15H6zM14 2v5h5M9 13h7M9 17h7", true); }

  // -- texts: every label in the customer's language (issue 16) ----------------------------------
  // Chosen from data-lang, else the conversation's language, else the browser's; data-text-<key>
  // (and the older data-title, data-greeting, ...) override one label in every language.
  var TEXTS = {
    en: { title: "Support", launcher: "Chat with us", greeting: "Hi! Ask me anything, or ask for a person at any time.", placeholder: "Type your question", person: "Talk to a person", end: "End chat", close: "Close chat", send: "Send", message: "Message", hint: "Enter sends, Shift+Enter adds a new line", conversation: "Conversation", sources: "Sources", helpful: "Was this answer helpful?", yes: "Yes", no: "No", feedbackThanks: "Thanks for the feedback.", offer: "Yes, connect me with a person", emailLabel: "Your email address, so we can reply", emailForm: "Leave your email", rateForm: "Rate this conversation", rateLegend: "How did we do?", stars: "Rating from 1 to 5 stars", star: "{n} star", starsN: "{n} stars", comment: "Comment", commentHint: "Anything we could do better? (optional)", sendRating: "Send rating", rated: "Thanks for rating this conversation!", pickStars: "Pick from 1 to 5 stars first.", typing: "{who} is typing\u2026", assistant: "Assistant", agent: "Agent", reconnecting: "Reconnecting\u2026", errGeneric: "Something went wrong. Please try again.", errFast: "You're sending messages quickly. Please wait a moment.", errOffline: "Can't reach us right now. Check your connection; we'll keep trying.", deleted: "(message deleted)", queue: "You're number {n} in line", wait: "Expected wait: about {m} min", waitSoon: "Someone should be with you shortly", nobody: "No one from our team is available right now", withAgent: "{name} is helping you", attach: "Attach a photo or PDF", download: "Download {name}", received: "Received \u00b7 the team will see this", unread: "{n} new", unreadTitle: "({n}) New message", uploading: "Sending {name}\u2026", table: "Table", earlier: "Show earlier messages" },
    es: { title: "Ayuda", launcher: "Habla con nosotros", greeting: "¡Hola! Pregúntame lo que quieras o pide hablar con una persona cuando quieras.", placeholder: "Escribe tu pregunta", person: "Hablar con una persona", end: "Terminar chat", close: "Cerrar chat", send: "Enviar", message: "Mensaje", hint: "Intro envía, Mayús+Intro añade una línea", conversation: "Conversación", sources: "Fuentes", helpful: "¿Te ha servido esta respuesta?", yes: "Sí", no: "No", feedbackThanks: "Gracias por tu opinión.", offer: "Sí, ponme con una persona", emailLabel: "Tu correo electrónico, para poder responderte", emailForm: "Deja tu correo", rateForm: "Valora esta conversación", rateLegend: "¿Qué tal lo hemos hecho?", stars: "Valoración de 1 a 5 estrellas", star: "{n} estrella", starsN: "{n} estrellas", comment: "Comentario", commentHint: "¿Algo que podamos mejorar? (opcional)", sendRating: "Enviar valoración", rated: "¡Gracias por valorar esta conversación!", pickStars: "Elige de 1 a 5 estrellas primero.", typing: "{who} está escribiendo\u2026", assistant: "Asistente", agent: "Agente", reconnecting: "Reconectando\u2026", errGeneric: "Algo ha fallado. Inténtalo de nuevo.", errFast: "Estás enviando mensajes muy rápido. Espera un momento.", errOffline: "No podemos conectar ahora. Revisa tu conexión; seguiremos intentándolo.", deleted: "(mensaje eliminado)", queue: "Eres el número {n} en la cola", wait: "Espera estimada: unos {m} min", waitSoon: "Alguien te atenderá en breve", nobody: "Ahora mismo no hay nadie del equipo disponible", withAgent: "{name} te está atendiendo", attach: "Adjuntar una foto o un PDF", download: "Descargar {name}", received: "Recibido \u00b7 el equipo lo verá", unread: "{n} nuevos", unreadTitle: "({n}) Mensaje nuevo", uploading: "Enviando {name}\u2026", table: "Tabla", earlier: "Ver mensajes anteriores" },
    fr: { title: "Aide", launcher: "Discutons", greeting: "Bonjour ! Posez-moi votre question, ou demandez à parler à une personne à tout moment.", placeholder: "Écrivez votre question", person: "Parler à une personne", end: "Terminer la discussion", close: "Fermer la discussion", send: "Envoyer", message: "Message", hint: "Entrée envoie, Maj+Entrée ajoute une ligne", conversation: "Conversation", sources: "Sources", helpful: "Cette réponse vous a-t-elle aidé ?", yes: "Oui", no: "Non", feedbackThanks: "Merci pour votre avis.", offer: "Oui, mettez-moi en relation avec une personne", emailLabel: "Votre adresse e-mail, pour vous répondre", emailForm: "Laissez votre e-mail", rateForm: "Évaluez cette conversation", rateLegend: "Comment nous sommes-nous débrouillés ?", stars: "Note de 1 à 5 étoiles", star: "{n} étoile", starsN: "{n} étoiles", comment: "Commentaire", commentHint: "Que pourrions-nous améliorer ? (facultatif)", sendRating: "Envoyer la note", rated: "Merci d'avoir évalué cette conversation !", pickStars: "Choisissez d'abord de 1 à 5 étoiles.", typing: "{who} écrit\u2026", assistant: "Assistant", agent: "Conseiller", reconnecting: "Reconnexion\u2026", errGeneric: "Un problème est survenu. Veuillez réessayer.", errFast: "Vous envoyez des messages très vite. Patientez un instant.", errOffline: "Impossible de nous joindre pour le moment. Vérifiez votre connexion ; nous réessayons.", deleted: "(message supprimé)", queue: "Vous êtes numéro {n} dans la file", wait: "Attente estimée : environ {m} min", waitSoon: "Quelqu'un va vous répondre sous peu", nobody: "Personne de l'équipe n'est disponible pour le moment", withAgent: "{name} s'occupe de vous", attach: "Joindre une photo ou un PDF", download: "Télécharger {name}", received: "Reçu \u00b7 l'équipe le verra", unread: "{n} nouveaux", unreadTitle: "({n}) Nouveau message", uploading: "Envoi de {name}\u2026", table: "Tableau", earlier: "Afficher les messages précédents" },
    de: { title: "Hilfe", launcher: "Chatten Sie mit uns", greeting: "Hallo! Fragen Sie mich etwas oder verlangen Sie jederzeit einen Menschen.", placeholder: "Ihre Frage", person: "Mit einem Menschen sprechen", end: "Chat beenden", close: "Chat schließen", send: "Senden", message: "Nachricht", hint: "Eingabe sendet, Umschalt+Eingabe fügt eine Zeile hinzu", conversation: "Gespräch", sources: "Quellen", helpful: "War diese Antwort hilfreich?", yes: "Ja", no: "Nein", feedbackThanks: "Danke für Ihr Feedback.", offer: "Ja, verbinden Sie mich mit einem Menschen", emailLabel: "Ihre E-Mail-Adresse, damit wir antworten können", emailForm: "E-Mail hinterlassen", rateForm: "Dieses Gespräch bewerten", rateLegend: "Wie waren wir?", stars: "Bewertung von 1 bis 5 Sternen", star: "{n} Stern", starsN: "{n} Sterne", comment: "Kommentar", commentHint: "Was können wir besser machen? (optional)", sendRating: "Bewertung senden", rated: "Danke für Ihre Bewertung!", pickStars: "Wählen Sie zuerst 1 bis 5 Sterne.", typing: "{who} schreibt\u2026", assistant: "Assistent", agent: "Mitarbeiter", reconnecting: "Verbindung wird wiederhergestellt\u2026", errGeneric: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.", errFast: "Sie senden sehr schnell. Bitte warten Sie einen Moment.", errOffline: "Wir sind gerade nicht erreichbar. Prüfen Sie Ihre Verbindung; wir versuchen es weiter.", deleted: "(Nachricht gelöscht)", queue: "Sie sind Nummer {n} in der Warteschlange", wait: "Erwartete Wartezeit: etwa {m} Min.", waitSoon: "Gleich ist jemand für Sie da", nobody: "Gerade ist niemand aus unserem Team verfügbar", withAgent: "{name} hilft Ihnen", attach: "Foto oder PDF anhängen", download: "{name} herunterladen", received: "Angekommen \u00b7 das Team sieht es", unread: "{n} neu", unreadTitle: "({n}) Neue Nachricht", uploading: "{name} wird gesendet\u2026", table: "Tabelle", earlier: "Frühere Nachrichten anzeigen" },
    pt: { title: "Ajuda", launcher: "Fale conosco", greeting: "Olá! Pergunte o que quiser ou peça para falar com uma pessoa a qualquer momento.", placeholder: "Escreva sua pergunta", person: "Falar com uma pessoa", end: "Encerrar conversa", close: "Fechar conversa", send: "Enviar", message: "Mensagem", hint: "Enter envia, Shift+Enter adiciona uma linha", conversation: "Conversa", sources: "Fontes", helpful: "Esta resposta ajudou?", yes: "Sim", no: "Não", feedbackThanks: "Obrigado pela opinião.", offer: "Sim, quero falar com uma pessoa", emailLabel: "Seu e-mail, para podermos responder", emailForm: "Deixe seu e-mail", rateForm: "Avalie esta conversa", rateLegend: "Como nos saímos?", stars: "Avaliação de 1 a 5 estrelas", star: "{n} estrela", starsN: "{n} estrelas", comment: "Comentário", commentHint: "Algo que possamos melhorar? (opcional)", sendRating: "Enviar avaliação", rated: "Obrigado por avaliar esta conversa!", pickStars: "Escolha de 1 a 5 estrelas primeiro.", typing: "{who} está escrevendo\u2026", assistant: "Assistente", agent: "Atendente", reconnecting: "Reconectando\u2026", errGeneric: "Algo deu errado. Tente novamente.", errFast: "Você está enviando mensagens muito rápido. Aguarde um momento.", errOffline: "Não conseguimos conectar agora. Verifique sua conexão; vamos continuar tentando.", deleted: "(mensagem apagada)", queue: "Você é o número {n} na fila", wait: "Espera estimada: cerca de {m} min", waitSoon: "Alguém vai atender você em breve", nobody: "No momento ninguém da equipe está disponível", withAgent: "{name} está atendendo você", attach: "Anexar uma foto ou PDF", download: "Baixar {name}", received: "Recebido \u00b7 a equipe vai ver", unread: "{n} novas", unreadTitle: "({n}) Nova mensagem", uploading: "Enviando {name}\u2026", table: "Tabela", earlier: "Ver mensagens anteriores" },
    it: { title: "Assistenza", launcher: "Scrivici", greeting: "Ciao! Chiedimi quello che vuoi, o chiedi di parlare con una persona quando vuoi.", placeholder: "Scrivi la tua domanda", person: "Parla con una persona", end: "Termina chat", close: "Chiudi chat", send: "Invia", message: "Messaggio", hint: "Invio spedisce, Maiusc+Invio va a capo", conversation: "Conversazione", sources: "Fonti", helpful: "Questa risposta ti è stata utile?", yes: "Sì", no: "No", feedbackThanks: "Grazie per il riscontro.", offer: "Sì, mettimi in contatto con una persona", emailLabel: "Il tuo indirizzo email, per poterti rispondere", emailForm: "Lascia la tua email", rateForm: "Valuta questa conversazione", rateLegend: "Come ci siamo comportati?", stars: "Valutazione da 1 a 5 stelle", star: "{n} stella", starsN: "{n} stelle", comment: "Commento", commentHint: "Cosa potremmo migliorare? (facoltativo)", sendRating: "Invia valutazione", rated: "Grazie per aver valutato questa conversazione!", pickStars: "Scegli prima da 1 a 5 stelle.", typing: "{who} sta scrivendo\u2026", assistant: "Assistente", agent: "Operatore", reconnecting: "Riconnessione\u2026", errGeneric: "Qualcosa è andato storto. Riprova.", errFast: "Stai inviando messaggi molto velocemente. Attendi un momento.", errOffline: "Non riusciamo a collegarci ora. Controlla la connessione; continueremo a provare.", deleted: "(messaggio eliminato)", queue: "Sei il numero {n} in coda", wait: "Attesa stimata: circa {m} min", waitSoon: "Qualcuno sarà da te a breve", nobody: "Al momento nessuno del team è disponibile", withAgent: "{name} ti sta aiutando", attach: "Allega una foto o un PDF", download: "Scarica {name}", received: "Ricevuto \u00b7 il team lo vedrà", unread: "{n} nuovi", unreadTitle: "({n}) Nuovo messaggio", uploading: "Invio di {name}\u2026", table: "Tabella", earlier: "Mostra i messaggi precedenti" },
    nl: { title: "Klantenservice", launcher: "Chat met ons", greeting: "Hallo! Vraag me wat u wilt, of vraag op elk moment naar een medewerker.", placeholder: "Typ uw vraag", person: "Met een medewerker praten", end: "Chat beëindigen", close: "Chat sluiten", send: "Versturen", message: "Bericht", hint: "Enter verstuurt, Shift+Enter voegt een regel toe", conversation: "Gesprek", sources: "Bronnen", helpful: "Had u iets aan dit antwoord?", yes: "Ja", no: "Nee", feedbackThanks: "Bedankt voor uw feedback.", offer: "Ja, verbind me met een medewerker", emailLabel: "Uw e-mailadres, zodat we kunnen antwoorden", emailForm: "Laat uw e-mailadres achter", rateForm: "Beoordeel dit gesprek", rateLegend: "Hoe hebben we het gedaan?", stars: "Beoordeling van 1 tot 5 sterren", star: "{n} ster", starsN: "{n} sterren", comment: "Opmerking", commentHint: "Wat kunnen we beter doen? (optioneel)", sendRating: "Beoordeling versturen", rated: "Bedankt voor uw beoordeling!", pickStars: "Kies eerst 1 tot 5 sterren.", typing: "{who} typt\u2026", assistant: "Assistent", agent: "Medewerker", reconnecting: "Opnieuw verbinden\u2026", errGeneric: "Er ging iets mis. Probeer het opnieuw.", errFast: "U verstuurt erg snel berichten. Wacht even.", errOffline: "We zijn nu niet bereikbaar. Controleer uw verbinding; we blijven het proberen.", deleted: "(bericht verwijderd)", queue: "U bent nummer {n} in de wachtrij", wait: "Verwachte wachttijd: ongeveer {m} min", waitSoon: "Er is zo iemand voor u", nobody: "Er is nu niemand van ons team beschikbaar", withAgent: "{name} helpt u", attach: "Foto of pdf bijvoegen", download: "{name} downloaden", received: "Ontvangen \u00b7 het team ziet dit", unread: "{n} nieuw", unreadTitle: "({n}) Nieuw bericht", uploading: "{name} wordt verstuurd\u2026", table: "Tabel", earlier: "Eerdere berichten tonen" },
  };
  var LEGACY_OVERRIDES = { title: "title", greeting: "greeting", launcherLabel: "launcher", placeholder: "placeholder", personLabel: "person" };
  var lang = pickLanguage(config.lang || navigator.language);
  var labelled = []; // [node, key, attribute or null, vars]

  function knownLanguage(tag) {
    var base = String(tag || "").toLowerCase().replace("_", "-").split("-")[0];
    return TEXTS[base] ? base : null;
  }
  function pickLanguage(tag) {
    var base = String(tag || "en").toLowerCase().replace("_", "-").split("-")[0];
    return TEXTS[base] ? base : "en";
  }
  function T(key, vars) {
    var override = data["text" + key.charAt(0).toUpperCase() + key.slice(1)];
    Object.keys(LEGACY_OVERRIDES).forEach(function (name) { if (LEGACY_OVERRIDES[name] === key && data[name]) override = data[name]; });
    var text = override || TEXTS[lang][key] || TEXTS.en[key] || key;
    Object.keys(vars || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(vars[name])); });
    return text;
  }
  // Set a node's text (or one attribute) from TEXTS now, and again whenever the language changes.
  function label(node, key, attribute, vars) {
    labelled.push([node, key, attribute || null, vars || null]);
    if (attribute) node.setAttribute(attribute, T(key, vars)); else node.textContent = T(key, vars);
    return node;
  }
  function setLanguage(tag) {
    var next = pickLanguage(config.lang || tag);
    if (next === lang) return;
    lang = next;
    labelled.forEach(function (entry) {
      if (entry[2]) entry[0].setAttribute(entry[2], T(entry[1], entry[3])); else entry[0].textContent = T(entry[1], entry[3]);
    });
    var greeting = ui.log.querySelector(".greeting");
    if (greeting) greeting.textContent = T("greeting");
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
  ui.badge = el("span", { className: "badge", hidden: true, "aria-hidden": "true" });
  ui.unreadVh = el("span", { className: "vh" });
  ui.launcherText = label(el("span"), "launcher");
  ui.launcher = el("button", { type: "button", className: "launcher", "aria-expanded": "false", "aria-controls": "sb-panel" },
    [chatIcon(), ui.launcherText, ui.badge, ui.unreadVh]);
  ui.status = el("span", { className: "status", text: "" });
  ui.close = label(el("button", { type: "button", className: "icon-btn", text: "\u00d7" }), "close", "aria-label");
  ui.person = label(el("button", { type: "button", className: "link-btn" }), "person");
  ui.end = label(el("button", { type: "button", className: "link-btn" }), "end");
  ui.toolbar = el("div", { className: "toolbar" }, [ui.person, ui.end]);
  ui.waiting = el("div", { className: "waiting", role: "status", hidden: true });
  ui.log = label(el("div", { className: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0" }), "conversation", "aria-label");
  ui.earlier = label(el("button", { type: "button", className: "link-btn earlier", hidden: true }), "earlier");
  ui.typing = el("div", { className: "typing", hidden: true, "aria-live": "polite" });
  ui.error = el("div", { className: "error", role: "alert" });
  ui.emailInput = el("input", { type: "email", id: "sb-email", autocomplete: "email", required: true, placeholder: "you@example.com" });
  ui.emailForm = label(el("form", { className: "card", hidden: true }, [
    label(el("label", { for: "sb-email" }), "emailLabel"),
    el("div", { className: "row" }, [ui.emailInput, label(el("button", { type: "submit", className: "primary" }), "send")]),
  ]), "emailForm", "aria-label");
  ui.stars = [];
  var starBox = label(el("div", { className: "stars", role: "radiogroup" }), "stars", "aria-label");
  for (var i = 1; i <= 5; i++) {
    var star = label(el("button", { type: "button", className: "star", role: "radio", "aria-checked": "false", "data-value": i, text: "\u2605" }),
      i === 1 ? "star" : "starsN", "aria-label", { n: i });
    ui.stars.push(star);
    starBox.appendChild(star);
  }
  ui.ratingComment = label(el("textarea", { id: "sb-rating-comment", rows: "2", dir: "auto" }), "commentHint", "placeholder");
  ui.ratingForm = label(el("form", { className: "card", hidden: true }, [
    el("fieldset", {}, [label(el("legend"), "rateLegend"), starBox]),
    label(el("label", { for: "sb-rating-comment", className: "vh" }), "comment"), ui.ratingComment,
    el("div", { className: "row" }, [label(el("button", { type: "submit", className: "primary" }), "sendRating")]),
  ]), "rateForm", "aria-label");
  ui.input = label(el("textarea", { id: "sb-input", rows: "1", dir: "auto", maxlength: String(config.maxChars), "aria-describedby": "sb-hint" }), "placeholder", "placeholder");
  ui.fileInput = el("input", { type: "file", id: "sb-file", className: "vh", accept: "image/jpeg,image/png,image/gif,image/webp,application/pdf", tabindex: "-1", "aria-hidden": "true" });
  ui.attach = label(el("button", { type: "button", className: "attach", hidden: true }, [clipIcon()]), "attach", "aria-label");
  ui.compose = el("form", { className: "compose" }, [
    label(el("label", { for: "sb-input", className: "vh" }), "message"),
    label(el("span", { id: "sb-hint", className: "vh" }), "hint"),
    ui.attach, ui.fileInput, ui.input, label(el("button", { type: "submit", className: "primary" }), "send"),
  ]);
  ui.title = label(el("h2", { id: "sb-title" }), "title");
  // NOTE: a div, not <header>: a second banner landmark would sit beside the page's own.
  ui.panel = el("section", { id: "sb-panel", className: "panel", role: "dialog", "aria-labelledby": "sb-title", hidden: true }, [
    el("div", { className: "head" }, [ui.title, ui.status, ui.close]),
    ui.toolbar, ui.waiting, ui.log, ui.typing, ui.error, ui.emailForm, ui.compose,
  ]);
  ui.frame = el("div", { className: "sb " + config.position }, [ui.panel, ui.launcher]);
  ui.frame.style.setProperty("--sb-accent", config.color);
  root.appendChild(ui.frame);

  // -- state ---------------------------------------------------------------------------------
  var state = {
    conversation: loadSaved(), // {id, token}
    lastId: 0, firstId: 0, seen: {}, drafts: {}, finished: {}, nodes: {},
    source: null, pollTimer: null, typingTimer: null, lastReplyId: 0, convState: "bot", rating: null, starValue: 0, started: false,
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
  function api(method, path, body, keepalive) {
    var headers = { Accept: "application/json" };
    if (state.conversation) headers.Authorization = "Bearer " + state.conversation.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(config.api + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), mode: "cors", credentials: "omit", keepalive: !!keepalive })
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
        identify();
        return state.conversation;
      });
  }

  function forget() {
    if (state.source) state.source.close();
    state.source = null;
    state.conversation = null;
    save();
    state.lastId = 0; state.firstId = 0; state.seen = {}; state.nodes = {}; state.drafts = {}; state.finished = {}; state.answerLang = null;
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    showGreeting();
  }

  // -- rendering -----------------------------------------------------------------------------
  function showGreeting() {
    if (!ui.log.querySelector(".msg,.system")) ui.log.appendChild(el("div", { className: "msg bot greeting", text: T("greeting") }));
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
      return el("div", { className: "system", "data-id": message.id, text: message.text, hidden: !message.text, dir: "auto" });
    }
    var node = el("div", { className: "msg " + message.role, "data-id": message.id });
    if (message.role === "agent" && message.author) node.appendChild(el("span", { className: "author", text: message.author, dir: "auto" }));
    var labels = (message.meta && message.meta.labels) || {};
    var attachment = message.meta && message.meta.attachment;
    if (attachment) node.appendChild(fileNode(attachment));
    else node.appendChild(message.role === "customer" ? el("span", { className: "text", text: message.text, dir: "auto" })
      : message.role === "bot" ? markdown(message.text) : formatted(message.text));
    if (message.role === "customer" && message.meta && message.meta.ack === "queued") node.appendChild(label(el("span", { className: "ack" }), "received"));
    if (message.role === "bot") {
      var links = (message.citations || []).map(function (c) {
        var href = safeUrl(c.url);
        var label = "[" + c.number + "] " + (c.title || c.document_id);
        return el("li", {}, [href ? el("a", { href: href, target: "_blank", rel: "noopener noreferrer", text: label }) : el("span", { text: label })]);
      });
      if (links.length) {
        node.appendChild(labels.sources ? el("div", { className: "sources-label", text: labels.sources }) : label(el("div", { className: "sources-label" }), "sources"));
        node.appendChild(labels.sources ? el("ul", { className: "sources", "aria-label": labels.sources }, links) : label(el("ul", { className: "sources" }, links), "sources", "aria-label"));
      }
      if (message.meta && message.meta.offer_handoff) {
        var offer = labels.offer ? el("button", { type: "button", className: "link-btn offer", text: labels.offer }) : label(el("button", { type: "button", className: "link-btn offer" }), "offer");
        offer.addEventListener("click", function () { offer.remove(); requestPerson(); });
        node.appendChild(el("div", { className: "helpful" }, [offer]));
      }
      if (!(message.meta && message.meta.no_answer)) node.appendChild(helpfulNode(message.id));
    }
    return node;
  }

  function helpfulNode(messageId) {
    // NOTE: the buttons' names are their visible words (axe: label-content-name-mismatch); the group says what they answer
    var question = label(el("span", { className: "q", id: "sb-q-" + messageId }), "helpful");
    var box = el("div", { className: "helpful", role: "group", "aria-labelledby": "sb-q-" + messageId }, [question]);
    [["yes", true], ["no", false]].forEach(function (choice) {
      var button = label(el("button", { type: "button" }), choice[0]);
      button.addEventListener("click", function () {
        api("POST", "/api/messages/" + messageId + "/feedback", { helpful: choice[1] })
          .then(function () { box.removeAttribute("aria-labelledby"); box.textContent = T("feedbackThanks"); })
          .catch(function (err) { showError(err); });
      });
      box.appendChild(button);
    });
    return box;
  }

  function render(message, older) {
    if (message.kind === "edit" || message.kind === "delete") return applyEdit(message);
    if (state.seen[message.id]) return;
    state.seen[message.id] = true;
    if (older) { // a page of history: no language switch, timers, unread count or scroll
      state.nodes[message.id] = messageNode(message);
      return insertById(state.nodes[message.id], message.id);
    }
    state.lastId = Math.max(state.lastId, message.id);
    var greeting = ui.log.querySelector(".greeting");
    if (greeting) greeting.remove();
    // NOTE: the widget speaks the language the bot answered in (the customer's), unless the site pins one:
    // a German answer under English "Was this answer helpful? Yes No" read as two voices
    // (only a language the widget has texts for: a Russian answer must not turn a German site's widget English)
    var answered = message.role === "bot" && message.meta ? knownLanguage(message.meta.lang) : null;
    if (answered) { state.answerLang = answered; setLanguage(answered); }
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
    if (message.role !== "customer") { setTyping(null); state.lastReplyId = Math.max(state.lastReplyId, message.id); }
    if (message.meta && message.meta.ask_email && !(state.conversation && state.conversation.emailGiven)) ui.emailForm.hidden = false;
    if (message.kind === "state") refreshConversation();
    noticeArrival(message);
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
    if (text) target.replaceChild(message.kind === "delete" ? el("span", { className: "text", text: T("deleted") }) : shown, text);
  }

  function onToken(event) {
    if (state.finished[event.stream_id]) return; // the stored answer already replaced the draft
    var draft = state.drafts[event.stream_id];
    if (!draft) {
      draft = el("div", { className: "msg bot draft", "aria-hidden": "true" }, [el("span", { className: "text", dir: "auto" })]);
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
    ui.typing.textContent = T("typing", { who: who });
    ui.typing.hidden = false;
    state.typingTimer = setTimeout(function () { setTyping(null); }, who === T("assistant") ? 20000 : TYPING_MS);
  }

  function scrollDown() { ui.log.scrollTop = ui.log.scrollHeight; }

  function showError(err) {
    var text = T("errGeneric");
    if (err && err.status === 429) text = T("errFast");
    else if (err && err.status >= 400 && err.status < 500 && err.status !== 404 && err.message) text = err.message;
    else if (err && !err.status) text = T("errOffline");
    ui.error.textContent = text;
  }
  function clearError() { ui.error.textContent = ""; }

  function applyConversation(conversation) {
    state.convState = conversation.state;
    state.rating = conversation.rating;
    ui.person.hidden = conversation.state !== "bot";
    ui.end.hidden = conversation.state === "resolved";
    ui.toolbar.hidden = ui.person.hidden && ui.end.hidden; // never an empty bar
    showRating(conversation.state === "resolved" && conversation.rating == null);
    Array.prototype.forEach.call(ui.log.querySelectorAll(".offer"), function (b) { b.hidden = conversation.state !== "bot"; });
    ui.attach.hidden = !(conversation.state === "pending" || conversation.state === "agent");
    followWaiting(conversation.state);
  }

  function refreshConversation() {
    if (!state.conversation) return;
    api("GET", conversationPath()).then(applyConversation).catch(function () {});
  }

  // -- live updates --------------------------------------------------------------------------
  function catchUp() {
    return api("GET", conversationPath("/messages?after=" + state.lastId)).then(function (body) {
      body.messages.forEach(function (m) { render(m); });
      if (body.more && body.messages.length) return catchUp(); // away for more than a page
    });
  }

  // A long conversation opens at its newest messages; older ones come a page at a time on request.
  function openAtEnd() {
    return api("GET", conversationPath("/messages?last=" + HISTORY_PAGE)).then(function (body) {
      body.messages.forEach(function (m) { render(m); });
      noteEarlier(body);
    });
  }

  function noteEarlier(body) {
    if (body.messages.length) state.firstId = state.firstId ? Math.min(state.firstId, body.messages[0].id) : body.messages[0].id;
    ui.earlier.hidden = !body.earlier;
    if (body.earlier && ui.log.firstChild !== ui.earlier) ui.log.insertBefore(ui.earlier, ui.log.firstChild);
  }

  function loadEarlier() {
    ui.earlier.disabled = true;
    var height = ui.log.scrollHeight, top = ui.log.scrollTop;
    ui.log.setAttribute("aria-busy", "true"); // NOTE: history is not news: screen readers must not read a page of it out
    return api("GET", conversationPath("/messages?before=" + state.firstId + "&limit=" + HISTORY_PAGE)).then(function (body) {
      body.messages.forEach(function (m) { render(m, true); });
      noteEarlier(body);
      ui.log.scrollTop = top + (ui.log.scrollHeight - height); // the customer stays on what they were reading
    }).catch(showError).then(function () { ui.earlier.disabled = false; ui.log.removeAttribute("aria-busy"); });
  }
  ui.earlier.addEventListener("click", function () { clearError(); loadEarlier(); });

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
      if (who && who !== "customer") setTyping(who === "bot" ? T("assistant") : who === "agent" ? (state.agentName || T("agent")) : who);
    });
    source.onerror = function () {
      ui.status.textContent = T("reconnecting");
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
    (state.lastId ? catchUp() : openAtEnd()).then(function () { extra.live = true; markSeen(); refreshConversation(); connect(); }).catch(function (err) {
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
      // the answer can come down the stream before this request returns: then nobody is typing any more
      var answered = state.lastReplyId > stored.id;
      if (!answered && (state.convState === "bot" || state.convState === "resolved")) setTyping(T("assistant"));
      showRating(false);
      return true;
    });
  }

  var sending = false; // a message is on its way to the server
  ui.compose.addEventListener("submit", function (e) {
    e.preventDefault();
    var typed = ui.input.value, text = typed.trim();
    if (!text || sending) return; // an impatient second Enter must not send the message twice
    sending = true;
    send(text).then(function () { // clear only what was sent: what the customer typed meanwhile stays
      var now = ui.input.value;
      ui.input.value = now.indexOf(typed) === 0 ? now.slice(typed.length).replace(/^\s+/, "") : now;
    }).catch(showError).then(function () { sending = false; }); // on failure the text stays in the box
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
      .then(function (conversation) {
        var hadFocus = root.activeElement === ui.person;
        applyConversation(conversation);
        if (hadFocus) ui.input.focus(); // the button just hid itself: focus must not fall back to the page
      }).catch(showError);
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
    if (!state.starValue) { ui.error.textContent = T("pickStars"); return; }
    api("POST", conversationPath("/rating"), { rating: state.starValue, comment: ui.ratingComment.value.trim() || null })
      .then(function (conversation) {
        applyConversation(conversation);
        ui.log.appendChild(el("div", { className: "system", text: T("rated") }));
        scrollDown();
        clearError();
      }).catch(showError);
  });

  // -- issue 16: waiting, unread, files, identity, email links, focus ------------------------------
  var STATUS_POLL_MS = 15000;
  var extra = { statusTimer: null, unread: 0, pageTitle: null, live: false, seenSent: 0, seenWanted: 0, seenTimer: null,
                identified: false, avatarFor: null, avatarUrl: null };

  // The rating form sits in the log, after the line that says the chat ended: nothing covers that line.
  function showRating(show) {
    if (show && state.conversation) {
      ui.log.appendChild(ui.ratingForm);
      ui.ratingForm.hidden = false;
      scrollDown();
    } else {
      ui.ratingForm.hidden = true;
    }
  }

  function followWaiting(convState) {
    clearInterval(extra.statusTimer);
    extra.statusTimer = null;
    if (convState !== "pending" && convState !== "agent") { ui.waiting.hidden = true; return; }
    fetchStatus();
    extra.statusTimer = setInterval(fetchStatus, STATUS_POLL_MS);
  }

  function fetchStatus() {
    if (!state.conversation) return;
    api("GET", conversationPath("/status")).then(renderWaiting).catch(function () {});
  }

  function renderWaiting(status) {
    if (status.locale && !state.answerLang) setLanguage(status.locale);  // the browser's, until the bot has answered in one
    while (ui.waiting.firstChild) ui.waiting.removeChild(ui.waiting.firstChild);
    if (status.state === "agent" && status.agent_name) {
      state.agentName = status.agent_name;
      ui.waiting.appendChild(avatarNode(status));
      ui.waiting.appendChild(el("div", {}, [el("strong", { text: T("withAgent", { name: status.agent_name }) })]));
      ui.waiting.hidden = false;
      return;
    }
    if (status.state !== "pending") { ui.waiting.hidden = true; return; }
    var lines = [];
    if (!status.reachable) lines.push(el("strong", { text: T("nobody") }));
    if (status.position) lines.push(el(status.reachable ? "strong" : "span", { text: T("queue", { n: status.position }) }));
    if (status.reachable && status.expected_wait_s) lines.push(el("span", { text: T("wait", { m: Math.max(1, Math.round(status.expected_wait_s / 60)) }) }));
    else if (status.reachable) lines.push(el("span", { text: T("waitSoon") }));
    ui.waiting.appendChild(el("div", {}, lines));
    ui.waiting.hidden = false;
  }

  function avatarNode(status) {
    var initials = el("span", { className: "initials", "aria-hidden": "true", text: status.agent_name.trim().charAt(0).toUpperCase() });
    if (!status.agent_avatar) return initials;
    if (extra.avatarFor === status.agent_name && extra.avatarUrl) return el("img", { src: extra.avatarUrl, alt: "" });
    fetchBlob(conversationPath("/agent/avatar")).then(function (blob) {
      if (extra.avatarUrl) URL.revokeObjectURL(extra.avatarUrl);
      extra.avatarFor = status.agent_name;
      extra.avatarUrl = URL.createObjectURL(blob);
      if (initials.parentNode) initials.parentNode.replaceChild(el("img", { src: extra.avatarUrl, alt: "" }), initials);
    }).catch(function () {});
    return initials;
  }

  // Replies that arrive while the panel is closed (or the tab hidden): a badge and the page title.
  function noticeArrival(message) {
    if (!extra.live || !(message.role === "agent" || message.role === "bot") || message.kind !== "text") return;
    if (ui.panel.hidden || document.hidden) {
      extra.unread += 1;
      ui.badge.textContent = String(extra.unread);
      ui.badge.hidden = false;
      ui.unreadVh.textContent = " " + T("unread", { n: extra.unread });
      if (extra.pageTitle === null) extra.pageTitle = document.title;
      document.title = T("unreadTitle", { n: extra.unread }) + " \u00b7 " + extra.pageTitle;
    } else {
      markSeen();
    }
  }
  function clearUnread() {
    extra.unread = 0;
    ui.badge.hidden = true;
    ui.unreadVh.textContent = "";
    if (extra.pageTitle !== null) { document.title = extra.pageTitle; extra.pageTitle = null; }
    markSeen();
  }
  // Tell the server what the customer has seen: replies they saw are not emailed to them.
  // A report that fails is tried again (a busy server must not turn seen replies into emails), and what the
  // customer saw but the server has not heard yet goes out as the page closes.
  function markSeen() {
    if (!state.conversation || ui.panel.hidden || document.hidden || state.lastId <= extra.seenSent) return;
    extra.seenWanted = Math.max(extra.seenWanted, state.lastId);
    clearTimeout(extra.seenTimer);
    extra.seenTimer = setTimeout(function () { sendSeen(0); }, 300);
  }
  function sendSeen(attempt) {
    var through = extra.seenWanted;
    if (!state.conversation || through <= extra.seenSent) return;
    api("POST", conversationPath("/seen"), { through: through })
      .then(function () { extra.seenSent = Math.max(extra.seenSent, through); })
      .catch(function () { if (attempt < 4) extra.seenTimer = setTimeout(function () { sendSeen(attempt + 1); }, 1000 * (attempt + 1)); });
  }
  window.addEventListener("pagehide", function () {  // keepalive: the request outlives the page
    if (!state.conversation || extra.seenWanted <= extra.seenSent) return;
    api("POST", conversationPath("/seen"), { through: extra.seenWanted }, true).catch(function () {});
  });
  document.addEventListener("visibilitychange", function () { if (!document.hidden && !ui.panel.hidden) clearUnread(); });

  // Files: a customer's photo or PDF goes up; any file in the log comes down as a download.
  function fileNode(attachment) {
    var size = attachment.size > 1048576 ? (attachment.size / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(attachment.size / 1024)) + " KB";
    var button = el("button", { type: "button" }, [docIcon(), el("span", { text: attachment.name + " (" + size + ")" })]);
    var box = el("div", { className: "file" }, [button]);
    var path = conversationPath("/files/" + encodeURIComponent(attachment.id));
    button.addEventListener("click", function () {
      fetchBlob(path).then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el("a", { href: url, download: attachment.name, hidden: true });
        root.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      }).catch(showError);
    });
    if (/^image\//.test(attachment.type)) {
      fetchBlob(path).then(function (blob) {
        box.insertBefore(el("img", { className: "thumb", src: URL.createObjectURL(blob), alt: attachment.name }), button);
        scrollDown();
      }).catch(function () {});
    }
    return el("div", {}, [box]);
  }
  function fetchBlob(path) {
    return fetch(config.api + path, { headers: { Authorization: "Bearer " + state.conversation.token }, mode: "cors", credentials: "omit" })
      .then(function (response) {
        if (!response.ok) { var err = new Error(response.statusText); err.status = response.status; throw err; }
        return response.blob();
      });
  }
  function upload(file) {
    clearError();
    ui.typing.textContent = T("uploading", { name: file.name });
    ui.typing.hidden = false;
    var body = new FormData();
    body.append("file", file, file.name);
    return fetch(config.api + conversationPath("/files"), {
      method: "POST", body: body, headers: { Authorization: "Bearer " + state.conversation.token }, mode: "cors", credentials: "omit",
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) { var err = new Error(json.message || response.statusText); err.status = response.status; throw err; }
        return json;
      });
    }).then(function (stored) { setTyping(null); render(stored); }).catch(function (err) { setTyping(null); showError(err); });
  }
  ui.attach.addEventListener("click", function () { ui.fileInput.click(); });
  ui.fileInput.addEventListener("change", function () {
    var file = ui.fileInput.files && ui.fileInput.files[0];
    ui.fileInput.value = "";
    if (file && state.conversation) upload(file);
  });

  // Who the customer is: the host site's signed identity (data-identity), and unverified hints.
  function identify() {
    if (extra.identified || !state.conversation || !(config.identity || config.name || config.email)) return;
    extra.identified = true;
    var body = {};
    if (config.identity) body.identity = config.identity;
    if (config.name) body.name = config.name;
    if (config.email) body.email = config.email;
    api("POST", conversationPath("/identity"), body).catch(function () { extra.identified = false; });
  }

  // A follow-up email's link (#sb-resume=...) reopens its conversation here, then leaves the address bar.
  function resumeFromLink() {
    var match = /(?:^#|&)sb-resume=([^&]+)/.exec(location.hash || "");
    if (!match) return false;
    try { history.replaceState(null, "", location.pathname + location.search); } catch (e) { /* ignore */ }
    api("POST", "/api/conversations/resume", { link: decodeURIComponent(match[1]) }).then(function (found) {
      if (state.source) state.source.close();
      state.source = null; state.started = false;
      state.lastId = 0; state.firstId = 0; state.seen = {}; state.nodes = {}; state.drafts = {}; state.finished = {}; state.answerLang = null;
      while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
      state.conversation = { id: found.id, token: found.token };
      save();
      applyConversation(found);
      openPanel(true);
    }).catch(function () { if (state.conversation) openPanel(false); });
    return true;
  }

  // A panel that covers the page (phones) is modal: Tab and Shift+Tab stay inside it.
  function coversPage() { return window.matchMedia && window.matchMedia("(max-width: 480px)").matches; }
  function trapFocus(e) {
    if (!coversPage()) return;
    var focusable = Array.prototype.filter.call(
      ui.panel.querySelectorAll("button, a[href], input, textarea, select, [tabindex]"),
      function (node) { return !node.disabled && node.tabIndex >= 0 && node.getClientRects().length > 0; });
    if (!focusable.length) return;
    var first = focusable[0], last = focusable[focusable.length - 1], active = root.activeElement;
    if (e.shiftKey && (active === first || !ui.panel.contains(active))) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (active === last || !ui.panel.contains(active))) { e.preventDefault(); first.focus(); }
  }

  // -- open / close, keyboard ----------------------------------------------------------------
  function openPanel(byUser) {
    ui.panel.hidden = false;
    ui.panel.setAttribute("aria-modal", coversPage() ? "true" : "false");
    ui.frame.classList.add("open");
    ui.launcher.setAttribute("aria-expanded", "true");
    try { sessionStorage.setItem(OPEN_KEY, "1"); } catch (e) { /* ignore */ }
    showGreeting();
    start();
    clearUnread();
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
  ui.panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.stopPropagation(); closePanel(); }
    else if (e.key === "Tab") trapFocus(e);
  });
  window.addEventListener("online", function () { if (state.started) catchUp().catch(function () {}); });

  function mount() {
    document.body.appendChild(host);
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(OPEN_KEY) === "1"; } catch (e) { /* ignore */ }
    if (resumeFromLink()) return; // an emailed link reopens its conversation (and the panel)
    if (wasOpen) openPanel(false); // a stream is opened only while the panel has been opened
    if (state.conversation) identify();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
