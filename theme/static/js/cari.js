// Search page of Arsip Netralitas ASN: Pagefind finds the words; the compact browse data
// (cari/data/arsip.json, written by plugins/search_index) filters, counts and sorts, and lists
// the whole archive when the query is empty, without downloading Pagefind's whole index.
// State lives in the URL: ?q=...&urut=lama|cocok&daerah=...&tahun=... (repeatable).

const app = document.getElementById("cari");
const texts = JSON.parse(document.getElementById("cari-teks").textContent);
const ui = texts.ui;
const PAGE = 10; // results per step: each one costs a Pagefind fragment
// URL parameter -> facet. `tahun` (year) is derived from the date.
const FACETS = [
  ["daerah", "region"],
  ["provinsi", "province"],
  ["pejabat", "official"],
  ["sumber", "source"],
  ["pemilihan", "election"],
  ["tahun", "year"],
  ["tag", "tag"],
];
const SHOWN_VALUES = 8; // values listed per facet before "show all"

const form = app.querySelector("form");
const input = document.getElementById("cari-q");
const sortSelect = document.getElementById("cari-urut");
const statusEl = document.getElementById("cari-status");
const facetsEl = document.getElementById("cari-facets");
const listEl = document.getElementById("cari-hasil");
const moreBtn = document.getElementById("cari-lagi");
const clearBtn = document.getElementById("cari-hapus");
const activeEl = document.getElementById("cari-aktif"); // number of active filters
const expanded = new Set(); // facets whose full value list is shown
let pendingFocus = null; // [facet, value] of the checkbox to focus after a re-render

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

// ------------------------------------------------------------------ data

let dataPromise = null;
function loadData() {
  dataPromise ??= fetch(app.dataset.browse + "arsip.json")
    .then((r) => {
      if (!r.ok) throw new Error(`arsip.json: HTTP ${r.status}`);
      return r.json();
    })
    .then((raw) => {
      const n = raw.count;
      const days = new Int32Array(n);
      const year = new Int32Array(n);
      let d = 0;
      for (let i = 0; i < n; i++) {
        d = i === 0 ? raw.date[0] : d - raw.date[i];
        days[i] = d;
        year[i] = new Date(d * 86400000).getUTCFullYear();
      }
      const years = [...new Set(year)].sort((a, b) => b - a).map(String);
      const yearIndex = new Map(years.map((y, i) => [y, i]));
      const columns = {
        ...raw,
        province: raw.region.map((r) => raw.region_province[r]),
        year: Array.from(year, (y) => yearIndex.get(String(y))),
      };
      const values = { ...raw.values, year: years };
      return { n, days, columns, values, chunks: new Map() };
    });
  return dataPromise;
}

function titles(data, i) {
  const c = Math.floor(i / data.columns.chunk);
  if (!data.chunks.has(c)) {
    data.chunks.set(
      c,
      fetch(`${app.dataset.browse}judul-${c}.json`).then((r) => r.json()),
    );
  }
  return data.chunks.get(c).then((rows) => rows[i % data.columns.chunk]);
}

// Article number of each Pagefind page id (queries only).
let idsPromise = null;
function loadIds() {
  idsPromise ??= fetch(app.dataset.browse + "pagefind.json")
    .then((r) => r.json())
    .then((ids) => new Map(ids.split(" ").map((id, i) => [id, i])));
  return idsPromise;
}

let pagefindPromise = null;
function loadPagefind() {
  pagefindPromise ??= import(app.dataset.pagefind).then(async (pf) => {
    await pf.options({
      baseUrl: new URL(app.dataset.site, location.href).pathname,
      excerptLength: 24,
      highlightParam: "pagefind-highlight",
    });
    await pf.init();
    return pf;
  });
  return pagefindPromise;
}

// ------------------------------------------------------------------ state <-> URL

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [param, facet] of FACETS) {
    const vals = params.getAll(param).filter(Boolean);
    if (vals.length) filters[facet] = new Set(vals);
  }
  const sort = ["lama", "cocok"].includes(params.get("urut")) ? params.get("urut") : "";
  return { q: (params.get("q") || "").trim(), sort, filters };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("urut", state.sort);
  for (const [param, facet] of FACETS) {
    for (const v of [...(state.filters[facet] || [])].sort()) params.append(param, v);
  }
  const qs = params.toString();
  return location.pathname + (qs ? "?" + qs : "");
}

let state = readState();
const baseTitle = document.title;

function go(newState, replace = false) {
  state = newState;
  const url = stateUrl(state);
  if (url !== location.pathname + location.search) {
    history[replace ? "replaceState" : "pushState"](null, "", url);
  }
  run();
}

// ------------------------------------------------------------------ search

function matches(data, i, filters, skip) {
  for (const facet in filters) {
    if (facet === skip) continue;
    const wanted = filters[facet];
    const col = data.columns[facet];
    const vals = data.values[facet];
    if (facet === "tag") {
      if (!col[i].some((t) => wanted.has(vals[t]))) return false;
    } else if (!wanted.has(vals[col[i]])) {
      return false;
    }
  }
  return true;
}

// Counts per value of every facet among the candidates, each facet ignoring its own filter
// (so that choosing a second region shows how many it would add).
function counts(data, candidates, filters) {
  const out = {};
  for (const [, facet] of FACETS) {
    const col = data.columns[facet];
    const c = new Map();
    for (const i of candidates) {
      if (!matches(data, i, filters, facet)) continue;
      const vs = facet === "tag" ? col[i] : [col[i]];
      for (const v of vs) c.set(v, (c.get(v) || 0) + 1);
    }
    out[facet] = c;
  }
  return out;
}

let runId = 0;
let current = null; // {total, item(k) -> Promise of the k-th result's display data}
let shown = 0;

async function run() {
  const id = ++runId;
  input.value = state.q;
  sortSelect.value = state.sort;
  sortSelect.querySelector('[value="cocok"]').disabled = !state.q;
  app.setAttribute("aria-busy", "true");
  statusEl.textContent = ui.loading;
  document.title = state.q ? `${state.q} · ${baseTitle}` : baseTitle;
  try {
    if (state.q) await runQuery(id);
    else await runBrowse(id);
  } catch (err) {
    console.error(err);
    if (id === runId) statusEl.textContent = ui.error;
  } finally {
    if (id === runId) app.removeAttribute("aria-busy");
  }
}

// A query: Pagefind finds, filters and sorts (it loads only the filter indexes in use), so the
// first results need no more than that; the counts per value come after, from the browse data.
async function runQuery(id) {
  const pf = await loadPagefind();
  const filters = {};
  for (const facet in state.filters) filters[facet] = { any: [...state.filters[facet]] };
  const sort = state.sort === "cocok" ? {} : { date: state.sort === "lama" ? "asc" : "desc" };
  const search = await pf.search(state.q, { filters, sort });
  if (id !== runId) return;
  const results = search.results;
  await show(id, results.length, async (k) => {
    const d = await results[k].data();
    return { ...d.meta, url: d.url, excerpt: d.excerpt };
  });
  // After the first results: the browse data is only needed for the counts.
  const [data, byId] = await Promise.all([loadData(), loadIds()]);
  const all = Object.keys(filters).length ? await pf.search(state.q) : search;
  if (id !== runId) return;
  const candidates = [];
  for (const r of all.results) {
    const i = byId.get(r.id);
    if (i !== undefined) candidates.push(i);
  }
  renderFacets(data, counts(data, candidates, state.filters));
}

// No query: the browse data alone lists, filters, counts and sorts the whole archive (it is
// ordered newest first, so an article's number is its date order).
async function runBrowse(id) {
  const data = await loadData();
  if (id !== runId) return;
  const candidates = Array.from({ length: data.n }, (_, i) => i);
  const hits = candidates.filter((i) => matches(data, i, state.filters, null));
  if (state.sort === "lama") hits.reverse();
  renderFacets(data, counts(data, candidates, state.filters));
  const col = data.columns;
  await show(id, hits.length, async (k) => {
    const i = hits[k];
    const [url, title] = await titles(data, i);
    return {
      url: app.dataset.site + url,
      title,
      date: new Date(data.days[i] * 86400000).toISOString().slice(0, 10),
      region: data.values.region[col.region[i]],
      official: data.values.official[col.official[i]],
      source: data.values.source[col.source[i]],
    };
  });
}

async function show(id, total, item) {
  current = { total, item };
  shown = 0;
  listEl.replaceChildren();
  statusEl.textContent = status(total);
  await showMore(id);
}

function status(n) {
  if (n === 0) return state.q ? fill(ui.count_none, { q: state.q }) : ui.count_none_filters;
  return state.q ? fill(ui.count_query, { n, q: state.q }) : fill(ui.count_all, { n });
}

async function showMore(id) {
  const { total, item } = current;
  const from = shown;
  shown = Math.min(total, shown + PAGE);
  const items = await Promise.all(
    Array.from({ length: shown - from }, (_, k) => item(from + k)),
  );
  if (id !== runId) return;
  listEl.append(...items.map(resultItem));
  moreBtn.hidden = shown >= total;
}

function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${texts.months[m - 1]} ${y}`;
}

function resultItem({ url, title, excerpt, date, region, official, source }) {
  const meta = el(
    "p",
    { className: "search-meta" },
    el("time", { dateTime: date, textContent: longDate(date) }),
    ` · ${region} · ${official} · ${source}`,
  );
  const li = el("li", { className: "search-result" });
  li.append(el("h3", {}, el("a", { href: url, textContent: title })), meta);
  if (excerpt) {
    // Pagefind's excerpt is escaped page text with <mark> around the found words.
    const p = el("p", { className: "search-excerpt" });
    p.innerHTML = excerpt;
    li.append(p);
  }
  return li;
}

// ------------------------------------------------------------------ filter panel

function renderFacets(data, allCounts) {
  const groups = [];
  for (const [param, facet] of FACETS) {
    const c = allCounts[facet];
    const selected = state.filters[facet] || new Set();
    let entries = [...c.entries()].map(([v, n]) => [data.values[facet][v], n]);
    for (const v of selected) if (!entries.some(([name]) => name === v)) entries.push([v, 0]);
    if (facet === "year") entries.sort((a, b) => b[0].localeCompare(a[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "id"));
    if (!entries.length) continue;
    const all = expanded.has(facet);
    const visible = all
      ? entries
      : entries.filter(([v], k) => k < SHOWN_VALUES || selected.has(v));
    const fs = el("fieldset", { className: "search-facet" });
    fs.append(el("legend", { textContent: ui["facet_" + facet] }));
    const ul = el("ul");
    visible.forEach(([value, n], k) => {
      const cid = `f-${param}-${k}-${all ? "a" : "s"}`;
      const box = el("input", { type: "checkbox", id: cid, value, checked: selected.has(value) });
      box.dataset.facet = facet;
      ul.append(
        el(
          "li",
          {},
          box,
          el("label", { htmlFor: cid }, value + " ", el("span", { className: "search-count", textContent: `(${n})` })),
        ),
      );
    });
    fs.append(ul);
    if (entries.length > SHOWN_VALUES) {
      const toggle = el("button", {
        type: "button",
        className: "search-toggle",
        textContent: all ? ui.show_fewer : fill(ui.show_all, { n: entries.length }),
      });
      toggle.id = `t-${param}`;
      toggle.setAttribute("aria-expanded", String(all));
      toggle.addEventListener("click", () => {
        if (all) expanded.delete(facet);
        else expanded.add(facet);
        renderFacets(data, allCounts);
      });
      fs.append(toggle);
    }
    groups.push(fs);
  }
  facetsEl.replaceChildren(...groups);
  const active = Object.values(state.filters).reduce((n, set) => n + set.size, 0);
  clearBtn.hidden = active === 0;
  activeEl.textContent = active ? ` (${active})` : "";
  // The panel is rebuilt: keep keyboard focus on the checkbox that was used.
  if (pendingFocus) {
    for (const box of facetsEl.querySelectorAll("input[type=checkbox]")) {
      if (box.dataset.facet === pendingFocus[0] && box.value === pendingFocus[1]) box.focus();
    }
    pendingFocus = null;
  }
}

// ------------------------------------------------------------------ events

facetsEl.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.dataset.facet) return;
  const filters = Object.fromEntries(
    Object.entries(state.filters).map(([k, v]) => [k, new Set(v)]),
  );
  const set = filters[box.dataset.facet] || new Set();
  if (box.checked) set.add(box.value);
  else set.delete(box.value);
  if (set.size) filters[box.dataset.facet] = set;
  else delete filters[box.dataset.facet];
  pendingFocus = [box.dataset.facet, box.value];
  go({ ...state, filters });
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = input.value.trim();
  go({ ...state, q, sort: !q && state.sort === "cocok" ? "" : state.sort });
});

sortSelect.addEventListener("change", () => go({ ...state, sort: sortSelect.value }));
clearBtn.addEventListener("click", () => {
  go({ ...state, filters: {} });
  input.focus();
});
moreBtn.addEventListener("click", async () => {
  const before = listEl.children.length;
  await showMore(runId);
  // Move focus to the first new result, so keyboard users continue where they were.
  listEl.children[before]?.querySelector("a")?.focus();
});
window.addEventListener("popstate", () => {
  state = readState();
  run();
});

// On a narrow screen the filter panel starts closed, so the results come first.
const panel = document.getElementById("cari-saring");
if (matchMedia("(max-width: 49.99rem)").matches) panel.open = false;
app.hidden = false;
run();
