// eventwire dashboard: one page, five views over the /api of the same server.
// The filters and the view's own choices live in the page URL (query string +
// #view), so a view can be bookmarked and shared. Nothing is fetched from
// anywhere but this server.
"use strict";

const FILTERS = ["since", "until", "source_country", "target_country", "dyad", "country",
                 "event_type", "quad_class", "q", "place"];
const VIEWS = ["events", "timeline", "network", "map", "quotes"];
const PAGE = 50;
const charts = {};
let basemap = null;

// -- the URL is the state ------------------------------------------------------
function params() { return new URLSearchParams(location.search); }
function view() {
  const v = location.hash.replace("#", "");
  return VIEWS.includes(v) ? v : "events";
}
function update(changes, hash) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") p.delete(k); else p.set(k, v);
  }
  const qs = p.toString();
  history.pushState(null, "", (qs ? "?" + qs : location.pathname) + "#" + (hash || view()));
  render();
}
function filterParams(extra) {
  const p = params(), out = new URLSearchParams();
  for (const k of FILTERS) if (p.get(k)) out.set(k, p.get(k));
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== "") out.set(k, v);
  return out;
}

// -- helpers -------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
async function api(path, query) {
  const url = "/api/" + path + (query && query.toString() ? "?" + query : "");
  status("loading...");
  const resp = await fetch(url);
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    status(body.message || body.detail || ("error " + resp.status));
    throw new Error(url + ": " + resp.status);
  }
  status("");
  return body;
}
function status(text) { document.getElementById("status").textContent = text; }
function actor(name, country, sector) {
  const code = [country, sector].filter(Boolean).join("/");
  return name ? (code ? `${name} (${code})` : name) : (code || "");
}
function quoted(text) {
  // a direct quote keeps its own marks; an indirect one gets ours
  return /^["\u201c\u2018']/.test(text) ? text : "\u201c" + text + "\u201d";
}
function cut(text, n) { return text && text.length > n ? text.slice(0, n - 1) + "\u2026" : (text || ""); }
function plot(id, data, layout) {
  const node = document.getElementById(id);
  const base = {margin: {l: 50, r: 20, t: 20, b: 40}, paper_bgcolor: "#fff", plot_bgcolor: "#fff"};
  charts[id] = Plotly.react(node, data, Object.assign(base, layout),
                            {displaylogo: false, responsive: true});
  return node;
}

// -- filters form ----------------------------------------------------------------
function fillForm() {
  const p = params(), form = document.getElementById("filters");
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = p.get(k) || "";
  document.getElementById("interval").value = p.get("interval") || "week";
}
function readForm(ev) {
  ev.preventDefault();
  const form = document.getElementById("filters"), changes = {};
  for (const k of FILTERS) changes[k] = form.elements[k] ? form.elements[k].value.trim() : "";
  changes.offset = null;
  changes.event = null;
  update(changes);
}
async function loadFacets() {
  const f = await api("facets");
  const sel = document.getElementById("event-type");
  for (const t of f.event_types) sel.append(el("option", {value: t}, t));
  const list = document.getElementById("countries");
  for (const c of f.countries) list.append(el("option", {value: c}));
  fillForm();
}

// -- events ------------------------------------------------------------------------
async function renderEvents() {
  const p = params(), offset = parseInt(p.get("offset") || "0", 10) || 0;
  const page = await api("events", filterParams({limit: PAGE, offset}));
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren();
  for (const e of page.items) {
    const row = el("tr", {"data-id": e.event_id},
      el("td", {}, e.date || ""),
      el("td", {class: "q" + (e.quad_class || "")}, e.event_type, e.mode ? " / " + e.mode : ""),
      el("td", {}, actor(e.source_name, e.source_country || e.source_igo, e.source_sector)),
      el("td", {}, actor(e.target_name, e.target_country || e.target_igo, e.target_sector)),
      el("td", {}, e.place_name || ""),
      el("td", {class: "sentence"}, cut(e.sentence, 140)));
    if (e.event_id === p.get("event")) row.classList.add("selected");
    row.addEventListener("click", () => update({event: e.event_id}));
    body.append(row);
  }
  const last = Math.min(offset + page.items.length, page.total);
  document.getElementById("events-summary").textContent =
    page.total ? `Events ${offset + 1}-${last} of ${page.total.toLocaleString()}` : "No events match.";
  document.getElementById("prev").disabled = offset <= 0;
  document.getElementById("next").disabled = last >= page.total;
  const id = p.get("event");
  if (id) await renderEvidence(id);
  else document.getElementById("evidence").replaceChildren(
    el("p", {class: "hint"}, "Open an event to see its evidence."));
}

function highlighted(sentence, marks) {
  // one span per run of characters with the same marks (marks may nest)
  const kinds = Array.from(sentence, () => []);
  for (const m of marks) {
    if (!m.in_sentence) continue;
    for (let i = Math.max(0, m.start); i < Math.min(sentence.length, m.end); i++) kinds[i].push(m);
  }
  const box = el("div", {class: "sentence-box", id: "evidence-sentence"});
  let i = 0;
  while (i < sentence.length) {
    let j = i + 1;
    const key = kinds[i].map(m => m.kind).join(" ");
    while (j < sentence.length && kinds[j].map(m => m.kind).join(" ") === key) j++;
    const text = sentence.slice(i, j);
    if (kinds[i].length) {
      box.append(el("mark", {class: kinds[i].map(m => "m-" + m.kind).join(" "),
                             title: kinds[i].map(m => `${m.kind}: ${m.label || ""}`).join("\n"),
                             "data-kind": key}, text));
    } else box.append(text);
    i = j;
  }
  return box;
}

async function renderEvidence(id) {
  const ev = await api("events/" + encodeURIComponent(id));
  const pane = document.getElementById("evidence");
  const fields = el("dl", {class: "fields"});
  const add = (k, v) => { if (v !== null && v !== undefined && v !== "") fields.append(el("dt", {}, k), el("dd", {}, v)); };
  add("type", ev.event_type + (ev.mode ? " / " + ev.mode : "") + (ev.cameo ? ` (CAMEO ${ev.cameo})` : ""));
  add("quad class", ev.quad_class);
  add("Goldstein", ev.goldstein);
  add("date", (ev.event_date || "") + (ev.date_text ? ` ("${ev.date_text}")` : "") +
      (ev.event_date ? "" : `article date ${ev.article_date || "unknown"}`));
  add("place", ev.place_name ? `${ev.place_name}${ev.place_country ? ", " + ev.place_country : ""}` : "");
  add("modality", ev.modality + (ev.negated ? ", negated" : ""));
  add("reported by", ev.reported_by);
  add("confidence", ev.confidence !== null ? ev.confidence.toFixed(2) : "");
  if (ev.story && ev.story.num_articles > 1) add("story", `${ev.story.num_articles} articles, ${ev.story.num_sources} sources`);
  const legend = el("p", {class: "legend"},
    el("span", {}, el("mark", {class: "m-trigger"}, "trigger")),
    el("span", {}, el("mark", {class: "m-source"}, "source")),
    el("span", {}, el("mark", {class: "m-target"}, "target")),
    el("span", {}, el("mark", {class: "m-place"}, "place")));
  const actors = el("ul", {});
  for (const m of ev.evidence.marks) {
    if (m.kind === "trigger") continue;
    actors.append(el("li", {}, el("span", {class: "badge"}, m.kind), " ", m.text || "", " \u2192 ", m.label || "",
                     m.in_sentence ? "" : " (outside the sentence)"));
  }
  const art = ev.article || {};
  const artLine = el("p", {}, el("strong", {}, art.title || "(untitled article)"), " ",
                     el("span", {class: "hint"}, [art.source, art.date].filter(Boolean).join(", ")));
  if (art.url && /^https?:\/\//.test(art.url)) artLine.append(" ", el("a", {href: art.url, rel: "noopener noreferrer", target: "_blank"}, "original"));
  const quotes = el("div", {});
  for (const q of ev.quotes) {
    quotes.append(el("div", {class: "quote"}, quoted(q.text),
      el("div", {class: "meta"}, actor(q.speaker_name || q.speaker_text, q.speaker_country, q.speaker_sector),
         q.direct ? " (direct)" : " (indirect)")));
  }
  pane.replaceChildren(
    el("h3", {}, ev.event_type + ": ", actor(ev.source_name, ev.source_country, ev.source_sector) || "?",
       " \u2192 ", actor(ev.target_name, ev.target_country, ev.target_sector) || "?"),
    legend, highlighted(ev.evidence.sentence, ev.evidence.marks), fields,
    el("h4", {}, "Actors"), actors, el("h4", {}, "Article"), artLine,
    el("h4", {}, `Quotes reporting it (${ev.quotes.length})`), quotes);
}

// -- timeline ----------------------------------------------------------------------
function padded(days, step) {
  // the periods' span, widened by most of a period on each side (one period is a bar, not a line)
  if (!days.length) return undefined;
  const ms = 864e5 * step * 0.7, t = days.map(d => Date.parse(d));
  const iso = v => new Date(v).toISOString().slice(0, 10);
  return [iso(Math.min(...t) - ms), iso(Math.max(...t) + ms)];
}
async function renderTimeline() {
  const interval = params().get("interval") || "week";
  const data = await api("series", filterParams({interval}));
  const s = data.series, x = s.map(r => r.period);
  const p = params();
  const who = p.get("dyad") || [p.get("source_country"), p.get("target_country")].filter(Boolean).join(" \u2192 ") || "all actors";
  plot("timeline-chart", [
    {type: "bar", name: "cooperation", x, y: s.map(r => r.cooperation), marker: {color: "#3b9a5a"}},
    {type: "bar", name: "conflict", x, y: s.map(r => -r.conflict), marker: {color: "#c0392b"},
     customdata: s.map(r => r.conflict), hovertemplate: "%{customdata} conflict events<extra></extra>"},
    {type: "scatter", mode: "lines+markers", name: "Goldstein sum", x, y: s.map(r => r.goldstein),
     yaxis: "y2", line: {color: "#1f2d3d"}},
  ], {barmode: "relative", title: {text: `${who}, per ${interval}`, font: {size: 14}},
      xaxis: {type: "date", range: padded(x, {day: 1, week: 7, month: 31}[interval])},
      margin: {l: 50, r: 60, t: 40, b: 40}, legend: {orientation: "h"},
      yaxis: {title: {text: "events"}, zeroline: true},
      yaxis2: {title: {text: "Goldstein sum"}, overlaying: "y", side: "right", showgrid: false}});
}

// -- actor network -----------------------------------------------------------------
function goldsteinColor(g) {
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-10, Math.min(10, g)) / 10;
  return t < 0 ? `rgba(192,57,43,${0.35 + 0.6 * -t})` : `rgba(59,154,90,${0.35 + 0.6 * t})`;
}
async function renderNetwork() {
  const net = await api("network", filterParams({limit: 40}));
  const pos = Object.fromEntries(net.nodes.map(n => [n.id, n]));
  const maxW = Math.max(1, ...net.edges.map(e => e.events));
  const edges = net.edges.filter(e => e.source !== e.target).map(e => ({
    type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
    x: [pos[e.source].x, pos[e.target].x], y: [pos[e.source].y, pos[e.target].y],
    line: {width: 1 + 6 * e.events / maxW, color: goldsteinColor(e.goldstein)}}));
  const mid = net.edges.filter(e => e.source !== e.target).map(e => ({
    x: (pos[e.source].x + pos[e.target].x) / 2, y: (pos[e.source].y + pos[e.target].y) / 2,
    t: `${e.source} \u2192 ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein}`}));
  const nodes = {type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
    x: net.nodes.map(n => n.x), y: net.nodes.map(n => n.y), text: net.nodes.map(n => n.id),
    textposition: "top center", hovertext: net.nodes.map(n => `${n.id}: ${n.events} events`), hoverinfo: "text",
    marker: {size: net.nodes.map(n => 8 + 4 * Math.sqrt(n.events)), color: "#1f2d3d", line: {color: "#fff", width: 1}}};
  const hover = {type: "scatter", mode: "markers", showlegend: false, x: mid.map(m => m.x), y: mid.map(m => m.y),
    hovertext: mid.map(m => m.t), hoverinfo: "text", marker: {size: 6, color: "rgba(0,0,0,0.15)"}};
  const axis = {visible: false, range: [-0.08, 1.08]};
  const node = plot("network-chart", [...edges, hover, nodes], {xaxis: axis, yaxis: axis, hovermode: "closest"});
  node.removeAllListeners && node.removeAllListeners("plotly_click");
  node.on("plotly_click", d => {
    const pt = d.points[0];
    if (pt.data.name !== "actors") return;
    const code = String(pt.text).split("/")[0];
    if (/^[A-Z]{2,10}$/.test(code)) update({country: code, offset: null, event: null}, "events");
  });
}

// -- map -----------------------------------------------------------------------------
async function renderMap() {
  if (!basemap) basemap = (await api("basemap")).cells;
  const places = (await api("places", filterParams({limit: 1000}))).items;
  const maxE = Math.max(1, ...places.map(p => p.events));
  const node = plot("map-chart", [
    {type: "scatter", mode: "markers", name: "land", hoverinfo: "skip", showlegend: false,
     x: basemap.map(c => c[1]), y: basemap.map(c => c[0]), marker: {size: 3, color: "#cfd6dd"}},
    {type: "scatter", mode: "markers", name: "places", showlegend: false,
     x: places.map(p => p.lon), y: places.map(p => p.lat), customdata: places.map(p => p.place_id),
     hovertext: places.map(p => `${p.name}${p.country ? ", " + p.country : ""}: ${p.events} events (${p.conflict} conflict), mostly ${p.top_type}`),
     hoverinfo: "text",
     marker: {size: places.map(p => 7 + 22 * Math.sqrt(p.events / maxE)),
              color: places.map(p => p.conflict / p.events), cmin: 0, cmax: 1,
              colorscale: [[0, "#3b9a5a"], [0.5, "#f5b041"], [1, "#c0392b"]],
              opacity: 0.8, line: {color: "#333", width: 0.5},
              colorbar: {title: {text: "conflict share"}, thickness: 12}}},
  ], {xaxis: {range: [-180, 180], showgrid: true, gridcolor: "#eef1f4", zeroline: false, title: {text: "longitude"}},
      yaxis: {range: [-60, 85], showgrid: true, gridcolor: "#eef1f4", zeroline: false, scaleanchor: "x", title: {text: "latitude"}},
      hovermode: "closest"});
  node.removeAllListeners && node.removeAllListeners("plotly_click");
  node.on("plotly_click", d => {
    const pt = d.points[0];
    if (pt.data.name === "places") update({place: pt.customdata, offset: null, event: null}, "events");
  });
}

// -- quotes ------------------------------------------------------------------------
function quoteParams(extra) {
  const p = params(), out = new URLSearchParams();
  for (const k of ["since", "until", "q"]) if (p.get(k)) out.set(k, p.get(k));
  if (p.get("country")) out.set("country", p.get("country"));
  for (const [k, v] of Object.entries(extra || {})) out.set(k, v);
  return out;
}
async function renderQuotes() {
  const p = params(), speaker = p.get("speaker");
  const list = (await api("speakers", quoteParams({limit: 100}))).items;
  const body = document.querySelector("#speakers-table tbody");
  body.replaceChildren();
  for (const s of list) {
    const row = el("tr", {"data-speaker": s.speaker}, el("td", {}, s.speaker),
                   el("td", {}, [s.country, s.sector].filter(Boolean).join("/")), el("td", {}, s.quotes));
    if (s.speaker === speaker) row.classList.add("selected");
    row.addEventListener("click", () => update({speaker: s.speaker}));
    body.append(row);
  }
  const pane = document.getElementById("quotes-list");
  if (!speaker) { pane.replaceChildren(el("p", {class: "hint"}, "Choose a speaker.")); return; }
  const page = await api("quotes", quoteParams({speaker, limit: 200}));
  const items = page.items.map(q => el("div", {class: "quote"}, quoted(q.text),
    el("div", {class: "meta"}, (q.speaker_text ? `as "${q.speaker_text}"` : ""), q.cue_text ? `, ${q.cue_text}` : "",
       q.direct ? " (direct)" : " (indirect)", " \u2014 ", q.article_title || "", q.article_date ? `, ${q.article_date}` : "",
       q.event_ids && q.event_ids.length ? ` \u2014 reports ${q.event_ids.length} event(s)` : "")));
  pane.replaceChildren(el("h3", {}, `${speaker}: ${page.total} quotes`), ...items);
}

// -- views --------------------------------------------------------------------------
const RENDER = {events: renderEvents, timeline: renderTimeline, network: renderNetwork,
                map: renderMap, quotes: renderQuotes};
async function render() {
  const v = view();
  for (const name of VIEWS) {
    document.getElementById("view-" + name).classList.toggle("active", name === v);
  }
  for (const a of document.querySelectorAll("#tabs a")) {
    a.classList.toggle("active", a.dataset.view === v);
    a.href = location.search + "#" + a.dataset.view;
  }
  fillForm();
  document.body.dataset.ready = "";
  try {
    await RENDER[v]();
  } catch (err) {
    console.error(err);
  }
  document.body.dataset.ready = v;
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("filters").addEventListener("submit", readForm);
  document.getElementById("clear").addEventListener("click", () => {
    history.pushState(null, "", location.pathname + "#" + view()); render();
  });
  document.getElementById("prev").addEventListener("click", () => {
    const o = parseInt(params().get("offset") || "0", 10);
    update({offset: Math.max(0, o - PAGE) || null, event: null});
  });
  document.getElementById("next").addEventListener("click", () => {
    const o = parseInt(params().get("offset") || "0", 10);
    update({offset: o + PAGE, event: null});
  });
  document.getElementById("interval").addEventListener("change", ev => update({interval: ev.target.value}));
  window.addEventListener("popstate", render);
  window.addEventListener("hashchange", render);
  await loadFacets().catch(err => console.error(err));
  await render();
});
