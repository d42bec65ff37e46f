// Search page of Arsip Netralitas ASN: Pagefind finds the words, in one index per year searched
// in the order of the sort, after a small leading index of the newest (or oldest) articles
// that gives the first page of a date-sorted query at once; the compact browse data
// (cari/data/, written by plugins/search_index) counts per filter value, and lists, filters
// and sorts the whole archive when the query is empty, without downloading Pagefind's index.
// Opened without a query, unfiltered or filtered to one value, the page needs only what the
// build computed for that view (overview.json, facet/<facet>/<hash>.json: a few KB whatever
// the archive's size); any other view and a query's counts use every article's columns
// (arsip.json).
// State lives in the URL (search/state.js). What a query matches: search/query.js.

import { decodeData, firstView, idsByYear, matches, counts, panelOf, yearsWith } from "./search/data.js";
import { parseQuery, searchTerms, highlightUrl } from "./search/query.js";
import { FACETS, LEAD_META, leadFor as leadOf, readState as parseState, singleFilter, stateQuery, valueFile } from "./search/state.js";

const app = document.getElementById("cari");
const texts = JSON.parse(document.getElementById("cari-teks").textContent);
const ui = texts.ui;
const PAGE = 10; // results per step: each one costs a Pagefind fragment
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
const helpEl = document.getElementById("cari-bantuan"); // what to try after an empty answer
const expanded = new Set(); // facets whose full value list is shown
let pendingFocus = null; // [facet, value] of the checkbox to focus after a re-render

// Downloads started by the page's head while it loaded (search.html), by absolute URL: each
// is taken over once, by the first request for that URL.
// (The head's module may run after this one: both use the same map.)
const early = (window.cariAwal ??= new Map());
const fetchAny = window.fetch.bind(window); // Pagefind's fetches are routed: see below
function fetchEarly(url) {
  const key = new URL(url, location.href).href;
  const started = early.get(key);
  early.delete(key);
  return started ?? fetchAny(key);
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

// ------------------------------------------------------------------ data

let dataPromise = null;
function loadData() {
  dataPromise ??= fetchEarly(app.dataset.browse + "arsip.json")
    .then((r) => {
      if (!r.ok) throw new Error(`arsip.json: HTTP ${r.status}`);
      return r.json();
    })
    .then(decodeData);
  return dataPromise;
}

// The row of article `i` (newest first): URL, title, date, region, official, outlet, from the
// chunks of `chunk` rows (titles-N.json).
const chunks = new Map();
function titleRow(chunk, i) {
  const c = Math.floor(i / chunk);
  if (!chunks.has(c)) chunks.set(c, getJson(`${app.dataset.browse}titles-${c}.json`));
  return chunks.get(c).then((rows) => rows[i % chunk]);
}

// What a result shows, from such a row.
const rowItem = ([url, title, date, region, official, source]) => ({
  url: app.dataset.site + url,
  title,
  date,
  region,
  official,
  source,
});

function getJson(url) {
  return fetchEarly(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json();
  });
}

// The first view (plugins/search_index/first_view.py): the archive's count, first rows and
// counts per value (overview.json); the view of one value (facet/<facet>/<hash>.json, keyed
// by value: values with the same hash share the file; none for a value the archive does not
// have); every count of either, for "show all" (values.json, <hash>.all.json).
let overviewPromise = null;
const loadOverview = () => (overviewPromise ??= getJson(app.dataset.browse + "overview.json"));
// Every count of a facet the first view lists in part (values.json, or a value's .all.json).
const restFiles = new Map();
function loadRest({ file, keys }) {
  if (!restFiles.has(file)) restFiles.set(file, getJson(app.dataset.browse + file));
  const loaded = restFiles.get(file);
  loaded.catch(() => restFiles.delete(file)); // a failed download may be retried
  return loaded.then((data) => keys.reduce((obj, key) => obj[key], data));
}
const valueViews = new Map();
function loadValue(facet, value) {
  const url = app.dataset.browse + valueFile(facet, value);
  if (!valueViews.has(url)) {
    const view = fetchEarly(url).then((r) => {
      if (r.status === 404) return {};
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json();
    });
    view.catch(() => valueViews.delete(url)); // a failed download may be retried
    valueViews.set(url, view);
  }
  return valueViews.get(url).then((bucket) => bucket[value] ?? null);
}

// The first view of the filters without the columns (search/data.js, firstView), or null
// when they need them (two values, two facets). `overview`: false when the caller needs only
// the count, years and leading slices of one value (a filtered query).
async function viewOf(filters, overview = true) {
  const one = singleFilter(filters);
  if (!one) return null;
  const [all, entry] = await Promise.all([
    overview || !one.facet ? loadOverview() : { facets: {}, page: 0 },
    one.facet ? loadValue(one.facet, one.value) : null,
  ]);
  return firstView(all, one, entry);
}

// Article number of each Pagefind page id, per year: ids are unique within a year's index only
// (queries only).
let idsPromise = null;
function loadIds() {
  idsPromise ??= Promise.all([loadData(), getJson(app.dataset.browse + "pagefind.json")]).then(
    ([data, ids]) => idsByYear(data, ids),
  );
  return idsPromise;
}

// ------------------------------------------------------------------ Pagefind, one index per slice

// The build indexes each year apart (pagefind/<year>/, newest first in slices.json): a word on
// most pages takes Pagefind seconds over the whole archive but milliseconds in one year, and
// sorted by date the first page of results needs one year only.
let slicesPromise = null;
function loadSlices() {
  slicesPromise ??= getJson(app.dataset.browse + "slices.json").then(({ years }) =>
    years.map(([year]) => year),
  );
  return slicesPromise;
}

// And, on an archive larger than a few hundred articles, two leading slices: the newest and
// the oldest articles, whole days (pagefind/terbaru/, pagefind/terlama/; their number of
// articles in data-leads). A year's search scores and sorts every article that has the word,
// up to 250 ms for a common word; the leading slice's, a few milliseconds, and sorted by date
// its results are the first of the years' (see runQuery).
const leads = JSON.parse(app.dataset.leads || "{}");
const leadFor = (sort) => leadOf(sort, leads);

// Pagefind's files go through this cache, by URL: a file the page's head or this script asked
// for early is then the one Pagefind's own loader gets. Pagefind fetches its WebAssembly from
// the folder of each slice, and every copy is the same file (the build checks), so that is
// fetched once, from the shared bundle folder; and its files are gzip-compressed, which the
// browser's own gunzip undoes much faster than Pagefind's JavaScript one (Pagefind skips that
// for data that starts with its signature, as gunzipped data does).
const bundle = new URL(app.dataset.pagefind, location.href);
const files = new Map(); // URL without query -> Promise of the file's bytes
// A leading slice's metadata is also under a fixed name (LEAD_META), which the page's head
// fetches at once, with the entry that names Pagefind's copy: that copy is never fetched.
function pagefindFile(path) {
  const url = new URL(path, location.href);
  const wasm = url.pathname.match(/\/(wasm\.[\w-]+\.pagefind)$/)?.[1];
  const leadMeta = url.pathname.match(/\/([\w-]+)\/pagefind\.[\w-]+\.pf_meta$/);
  let key = url.origin + url.pathname;
  if (wasm) key = new URL(wasm, bundle).href;
  else if (leadMeta && leads[leadMeta[1]]) key = new URL(LEAD_META, url).href;
  if (!files.has(key)) {
    const bytes = fetchEarly(key).then((r) => {
      if (!r.ok) throw new Error(`${key}: HTTP ${r.status}`);
      if (key.endsWith(".json") || typeof DecompressionStream === "undefined") {
        return r.arrayBuffer();
      }
      return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    });
    bytes.catch(() => files.delete(key)); // a failed download may be retried
    files.set(key, bytes);
  }
  return files.get(key);
}

function routePagefindFetches() {
  window.fetch = function (input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const ours = url.origin === bundle.origin && url.pathname.startsWith(bundle.pathname);
    if (!ours || !/(\.pagefind|\.pf_\w+|\/pagefind-entry\.json)$/.test(url.pathname)) {
      return fetchAny(input, init);
    }
    return pagefindFile(url).then((bytes) => new Response(bytes));
  };
  // Pagefind picks the WebAssembly of the page's language (the site has one).
  pagefindFile(new URL(`wasm.${document.documentElement.lang.toLowerCase()}.pagefind`, bundle));
}

let pagefindPromise = null;
function loadPagefind() {
  if (!pagefindPromise) {
    routePagefindFetches();
    // The module the page's head may have started already (the same URL).
    pagefindPromise = import(new URL(app.dataset.pagefind + "pagefind.js", location.href).href);
    whenIdle(prepareSegmenter);
  }
  return pagefindPromise;
}

// Pagefind splits each query with an Intl.Segmenter, and the browser's first one loads its
// data (30-80 ms of the main thread here): made once the page has nothing else to do (while
// Pagefind's files download), not in the first search.
const whenIdle = (task) => (window.requestIdleCallback ?? setTimeout)(task);
function prepareSegmenter() {
  if (window.Intl?.Segmenter) new Intl.Segmenter(document.documentElement.lang);
}

// Pagefind's search waits for its instance to be loaded by polling every 50 ms: asking it
// again every few milliseconds (an empty search, which answers at once) lets the first real
// search start as soon as the instance is ready, not up to 50 ms later.
function whenReady(instance) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const ask = () => {
      if (settled) return;
      instance.search("").then(
        () => {
          settled = true;
          resolve(instance);
        },
        (err) => {
          settled = true;
          reject(err);
        },
      );
      setTimeout(ask, 4);
    };
    ask();
  });
}

const indexes = new Map(); // slice -> Promise of its Pagefind instance, ready to search
let wasmReady = null; // settles once the first instance has its WebAssembly
function sliceIndex(slice) {
  if (!indexes.has(slice)) {
    const first = wasmReady;
    const base = `${app.dataset.pagefind}${slice}/`;
    // Its entry, then its metadata, now (Pagefind would wait for its script and for the
    // instances before it).
    if (leads[slice]) pagefindFile(base + LEAD_META).catch(() => {});
    pagefindFile(base + "pagefind-entry.json")
      .then((bytes) => {
        const { languages } = JSON.parse(new TextDecoder().decode(bytes));
        const index = languages[document.documentElement.lang.toLowerCase()];
        pagefindFile(`${base}pagefind.${(index || Object.values(languages)[0]).hash}.pf_meta`);
      })
      .catch(() => {}); // Pagefind asks again and reports
    const index = loadPagefind().then(async (pf) => {
      // The instances share one WebAssembly module, which each loads unless it is there:
      // two loading it at once would each start one, and the first would lose its memory.
      await first;
      // On the main thread (no web worker): a slice's search is short.
      const instance = pf.createInstance({ basePath: base, noWorker: true });
      await instance.options({
        baseUrl: new URL(app.dataset.site, location.href).pathname,
        excerptLength: 24,
        highlightParam: "pagefind-highlight",
      });
      return whenReady(instance);
    });
    wasmReady ??= index;
    indexes.set(slice, index);
  }
  return indexes.get(slice);
}

// The articles of one slice that match the query (search/query.js: each word and phrase
// exactly, not Pagefind's prefixes), in the order of the sort, or ranked by relevance.
async function searchSlice(slice, q, options, ranked = false) {
  const results = await searchTerms(await sliceIndex(slice), parseQuery(q), options, ranked);
  return { year: slice, results };
}

// A list of results that grows while the years are searched, always in its final order.
function growingList() {
  let waiting = [];
  const list = {
    items: [], // functions that load a result's display data
    done: false,
    fill: null, // loads the rest of the list, when asked for more than it holds
    push(items) {
      list.items.push(...items);
      wake();
    },
    finish() {
      list.done = true;
      wake();
    },
    // Resolves once `n` results are known or the list is complete.
    until(n) {
      if (list.done || list.items.length >= n) return Promise.resolve();
      const fill = list.fill;
      list.fill = null;
      fill?.();
      return new Promise((resolve) => waiting.push([n, resolve]));
    },
  };
  const wake = () => {
    const ready = waiting.filter(([n]) => list.done || list.items.length >= n);
    waiting = waiting.filter((w) => !ready.includes(w));
    for (const [, resolve] of ready) resolve();
  };
  return list;
}

// ------------------------------------------------------------------ state <-> URL

const readState = () => parseState(location.search);
const stateUrl = (st) => location.pathname + stateQuery(st);

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

let runId = 0;
let current = growingList(); // loaders of the results shown or to show
let shown = 0;

async function run() {
  const id = ++runId;
  input.value = state.q;
  sortSelect.value = state.sort;
  sortSelect.querySelector('[value="cocok"]').disabled = !state.q;
  app.setAttribute("aria-busy", "true");
  listEl.dataset.stale = "";
  statusEl.textContent = ui.loading;
  helpEl.hidden = true;
  helpEl.replaceChildren();
  if (!facetsEl.querySelector("fieldset")) facetsEl.textContent = ui.loading;
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

// The article page marks the query's words (Pagefind's highlight script).
const pagefindResult = (r) => async () => {
  const d = await r.data();
  return { ...d.meta, url: highlightUrl(d.url, parseQuery(state.q).words), excerpt: d.excerpt };
};

// A query: Pagefind searches one year at a time, in the order of the sort (with its filters,
// which load only the filter indexes in use), and the results of the years searched so far are
// final, as years do not overlap: the first page needs only the first year or two. Sorted by
// date, the leading slice comes first: it holds every article of the newest (oldest) days, so
// its results are the years' first results, in their order, and fill the first page at once
// (with filters, when enough of its articles pass them: the browse data knows). The years
// follow at once, for the other results and the count; then the counts per value, from the
// browse data. Sorted by relevance, the results wait for every year.
async function runQuery(id) {
  const q = state.q;
  const relevance = state.sort === "cocok";
  const filters = {};
  for (const facet in state.filters) {
    if (facet !== "year") filters[facet] = { any: [...state.filters[facet]] };
  }
  const sort = relevance ? {} : { date: state.sort === "lama" ? "asc" : "desc" };
  const filtered = Object.keys(filters).length > 0;
  const anyFilter = Object.keys(state.filters).length > 0;
  let lead = leadFor(state.sort);
  // The year filter too: a leading slice may span two years.
  const year = state.filters.year ? { year: { any: [...state.filters.year] } } : {};
  // After the page's head has started fetching the slice's first fragments (search.html).
  const searchLead = () =>
    (early.get("lead-fragments") ?? Promise.resolve()).then(() =>
      searchSlice(lead, q, { filters: { ...filters, ...year }, sort }),
    );
  // Meanwhile: Pagefind, and the browse data when filtering; without filters the leading
  // slice is searched at once.
  loadPagefind();
  // Filtered: the years and leading slices with articles that pass, from the view of the one
  // value filtered by (a small file), else from the columns of every article.
  const view = anyFilter ? viewOf(state.filters, false).then((v) => v ?? loadData()) : null;
  view?.catch(() => {}); // reported where it is awaited
  let leading = lead && !anyFilter ? searchLead() : null;
  leading?.catch(() => {}); // reported where it is awaited
  const all = await loadSlices();
  let years = state.sort === "lama" ? [...all].reverse() : all;
  if (state.filters.year) years = years.filter((y) => state.filters.year.has(y));
  if (filtered || (lead && anyFilter)) {
    const known = await view;
    // Skip the years in which no article passes the filters.
    const hit = known.years
      ? new Set([...known.years].filter(([, n]) => n > 0).map(([y]) => y))
      : new Set(yearsWith(known, state.filters));
    if (filtered) years = years.filter((y) => hit.has(y));
    const inLead = known.lead ? (known.lead[lead] ?? 0) : lead && leadMatches(known, lead);
    if (lead && inLead < PAGE) lead = null;
  }
  if (id !== runId) return;
  if (lead) leading ??= searchLead();

  let list = show();
  const found = new Array(years.length); // each year's search, in the order of `years`
  const progress = () => {
    // While the other years are searched (aria-busy holds back the announcements).
    const done = found.filter(Boolean).length;
    if (relevance) statusEl.textContent = fill(ui.ranking, { done, all: years.length });
    else if (list.items.length) {
      statusEl.textContent = fill(ui.count_partial, { n: list.items.length, q });
    }
  };
  let firstPage = showMore(id);
  const given = []; // ids of the leading slice's results, which the years give first again
  let same = 0; // how many of these the years have given so far
  let agree = true; // ...in the same order
  let next = 0; // the years before this one are in the list
  const searchAt = async (k) => {
    if (id !== runId) return;
    found[k] = await searchSlice(years[k], q, { filters, sort }, relevance);
    if (id !== runId) return;
    for (; !relevance && next < years.length && found[next]; next++) {
      const { results } = found[next];
      const known = Math.min(given.length - same, results.length);
      for (let j = 0; j < known; j++) agree &&= results[j].id === given[same + j];
      same += known;
      list.push(results.slice(known).map(pagefindResult));
    }
    progress();
  };
  if (leading) {
    const { results } = await leading;
    if (id !== runId) return;
    given.push(...results.map((r) => r.id));
    list.push(results.map(pagefindResult));
  }
  progress();
  let k = 0;
  if (!relevance) {
    // One year after the other until one has results, and these on screen before anything
    // else loads (a result's data is loaded once: showMore asked first).
    while (k < years.length && list.items.length === 0) await searchAt(k++);
    if (k === years.length) list.finish();
    await Promise.all(list.items.slice(0, PAGE).map((load) => load()));
  }
  const browse = Promise.all([loadData(), loadIds()]); // for the counts
  await Promise.all(years.slice(k).map((_, j) => searchAt(k + j)));
  if (id !== runId) return;
  if (relevance) {
    const ranked = found.flatMap((f) => f.results).sort((a, b) => b.score - a.score);
    list.push(ranked.map(pagefindResult));
  }
  if (!agree || same < given.length) {
    // Not the years' first results (the build orders the leading slices as the years): the
    // years' list replaces what was shown.
    console.warn(`cari: the ${lead} slice disagrees with the years; showing the years' order`);
    await firstPage;
    list = show();
    list.push(found.flatMap((f) => f.results).map(pagefindResult));
    firstPage = showMore(id);
  }
  list.finish();
  await firstPage;
  if (id !== runId) return;
  updateMore();
  statusEl.textContent = status(list.items.length);

  // The counts per value: every year without filters (each facet ignores its own filter).
  const unfiltered =
    Object.keys(state.filters).length === 0
      ? found
      : await Promise.all(all.map((y) => searchSlice(y, q, {})));
  const [data, byId] = await browse;
  if (id !== runId) return;
  const candidates = [];
  for (const { year, results } of unfiltered) {
    const ids = byId.get(year);
    for (const r of results) {
      const i = ids?.get(r.id);
      if (i !== undefined) candidates.push(i);
    }
  }
  renderFacets(panelOf(data, counts(data, candidates, state.filters, FACETS.map(([, f]) => f))));
  if (!list.items.length) await showHelp(id, candidates.length);
}

// How many articles of a leading slice pass the filters (the newest slice holds the first
// articles of the browse data, the oldest its last).
function leadMatches(data, lead) {
  const start = lead === "terlama" ? data.n - leads[lead] : 0;
  let n = 0;
  for (let i = start; i < start + leads[lead]; i++) {
    if (matches(data, i, state.filters, null)) n++;
  }
  return n;
}

// No query: the browse data alone lists, filters, counts and sorts the whole archive (it is
// ordered newest first, so an article's number is its date order). Unfiltered or filtered to
// one value, the first page and the counts come from the build's view of it (viewOf), and
// the rest of the list when asked for: the title rows in order, or, filtered, the articles
// that pass (the columns of every article); any other filters need the columns at once.
async function runBrowse(id) {
  const view = await viewOf(state.filters);
  if (id !== runId) return;
  if (!view) return runBrowseColumns(id);
  const oldest = state.sort === "lama";
  const first = oldest ? view.oldest : view.newest;
  const list = show();
  list.push(first.map((row) => async () => rowItem(row)));
  if (first.length >= view.count) list.finish();
  else {
    list.fill = async () => {
      try {
        let rest;
        if (Object.keys(state.filters).length) {
          const data = await loadData();
          rest = hitsOf(data).slice(first.length);
        } else {
          rest = Array.from({ length: view.count - first.length }, (_, k) => first.length + k);
          if (oldest) rest = rest.map((i) => view.count - 1 - i);
        }
        const { chunk } = await loadOverview();
        if (id !== runId) return;
        list.push(rest.map((i) => async () => rowItem(await titleRow(chunk, i))));
      } catch (err) {
        console.error(err);
        if (id === runId) statusEl.textContent = ui.error;
      }
      list.finish();
    };
  }
  statusEl.textContent = status(view.count);
  renderFacets(view.panel);
  if (!view.count) await showHelp(id, (await loadOverview()).count);
  await showMore(id);
}

// The articles that pass the filters, in the order of the sort.
function hitsOf(data) {
  const hits = [];
  for (let i = 0; i < data.n; i++) if (matches(data, i, state.filters, null)) hits.push(i);
  return state.sort === "lama" ? hits.reverse() : hits;
}

async function runBrowseColumns(id) {
  const [data, { chunk }] = await Promise.all([loadData(), loadOverview()]);
  if (id !== runId) return;
  const candidates = Array.from({ length: data.n }, (_, i) => i);
  const hits = hitsOf(data);
  const list = show();
  list.push(hits.map((i) => async () => rowItem(await titleRow(chunk, i))));
  list.finish();
  statusEl.textContent = status(hits.length);
  const firstPage = showMore(id);
  // The counts per value (tens of milliseconds over a large archive) once the first titles
  // are on screen.
  if (hits.length) await titleRow(chunk, hits[0]).catch(() => {});
  await new Promise((resolve) => setTimeout(resolve));
  if (id !== runId) return;
  renderFacets(panelOf(data, counts(data, candidates, state.filters, FACETS.map(([, f]) => f))));
  if (!hits.length) await showHelp(id, candidates.length);
  await firstPage;
}

// ------------------------------------------------------------------ an empty answer

// The archive's names, for "Maksud Anda" (fetched on the first empty answer only).
let namesPromise = null;
const loadNames = () => (namesPromise ??= getJson(app.dataset.browse + "nama.json"));

// An empty answer helps: the query with a misspelled name of the archive corrected, the
// number of articles the query finds without the filters, and the way to browse everything.
// `unfiltered`: how many articles match the query (or the archive holds) without filters.
async function showHelp(id, unfiltered) {
  const items = [];
  if (state.q) {
    // Loaded at the first empty answer only, like the names.
    const [{ suggest }, names] = await Promise.all([
      import("./search/suggest.js"),
      loadNames().catch(() => []),
    ]);
    const better = suggest(state.q, names);
    if (id !== runId) return;
    if (better) {
      const link = el("a", { href: stateUrl({ ...state, q: better }), textContent: better });
      items.push(el("p", { className: "search-suggest" }, `${ui.did_you_mean} `, link, "?"));
    }
  }
  if (Object.keys(state.filters).length && unfiltered) {
    const link = el("a", { href: stateUrl({ ...state, filters: {} }), textContent: ui.filters_clear });
    items.push(el("p", {}, `${fill(ui.without_filters, { n: unfiltered })} `, link));
  }
  items.push(el("p", {}, el("a", { href: location.pathname, textContent: ui.browse_all })));
  helpEl.replaceChildren(...items);
  helpEl.hidden = false;
}

// Its links change the state like the form does (one history entry, no reload).
helpEl.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  go(parseState(new URL(link.href).search));
});

// Empties the result list for a new search; returns the list its results go to.
function show() {
  current = growingList();
  shown = 0;
  listEl.replaceChildren();
  delete listEl.dataset.stale;
  moreBtn.hidden = true;
  return current;
}

function status(n) {
  if (n === 0) return state.q ? fill(ui.count_none, { q: state.q }) : ui.count_none_filters;
  return state.q ? fill(ui.count_query, { n, q: state.q }) : fill(ui.count_all, { n });
}

// Shows the next page of results, each as soon as it is known and final.
let rendering = 0; // showMore calls under way
async function showMore(id) {
  const list = current;
  const end = shown + PAGE;
  rendering++;
  moreBtn.hidden = true;
  try {
    while (shown < end) {
      await list.until(shown + 1);
      if (id !== runId) return;
      const batch = list.items.slice(shown, end);
      if (!batch.length) break; // no more results
      shown += batch.length;
      // Each result on screen as soon as it and those before it are loaded.
      for (const item of batch.map((load) => load())) {
        const data = await item;
        if (id !== runId) return;
        listEl.append(resultItem(data));
      }
    }
  } finally {
    rendering--;
  }
  updateMore();
}

// "More" stays while results may still come, and hides while a page is being shown.
function updateMore() {
  moreBtn.hidden = rendering > 0 || (current.done && shown >= current.items.length);
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

// `panel`: per facet, its values with their counts (`entries`), the number of values
// (`total`) and whether `entries` lists them all (`complete`; else they are the most frequent
// of the whole archive, and values.json has the rest: see search/data.js, firstView).
function renderFacets(panel) {
  const groups = [];
  for (const [param, facet] of FACETS) {
    const { entries: listed = [], total = 0, complete = true, rest } = panel[facet] ?? {};
    const selected = state.filters[facet] || new Set();
    const entries = [...listed];
    for (const v of selected) if (!entries.some(([name]) => name === v)) entries.push([v, 0]);
    if (facet === "year") entries.sort((a, b) => b[0].localeCompare(a[0]));
    else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "id"));
    if (!entries.length) continue;
    const count = Math.max(total, entries.length); // values in all
    const all = expanded.has(facet) && complete;
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
    if (count > SHOWN_VALUES) {
      const toggle = el("button", {
        type: "button",
        className: "search-toggle",
        textContent: all ? ui.show_fewer : fill(ui.show_all, { n: count }),
      });
      toggle.id = `t-${param}`;
      toggle.setAttribute("aria-expanded", String(all));
      toggle.addEventListener("click", async () => {
        if (all) expanded.delete(facet);
        else expanded.add(facet);
        if (!all && !complete) {
          // Every count (the panel listed the most frequent): in the file `rest` names.
          const shownAt = runId;
          const every = await loadRest(rest).catch(() => null);
          if (shownAt !== runId || !every) return;
          panel = { ...panel, [facet]: { entries: every, total: count, complete: true } };
        }
        renderFacets(panel);
        // Keyboard focus stays on the button that was used (rebuilt), where the view is.
        document.getElementById(toggle.id)?.focus({ preventScroll: true });
      });
      fs.append(toggle);
    }
    groups.push(fs);
  }
  facetsEl.replaceChildren(...(groups.length ? groups : [el("p", { textContent: ui.facets_none })]));
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

// Opened without a query: Pagefind's script, its WebAssembly and the slice a query would
// search first are loaded once the page is idle, or as soon as the query box has focus, so
// that a query typed here starts with them in place.
function warmUp() {
  if (state.q) return; // a query loads them itself
  whenIdle(prepareSegmenter);
  const lead = leadFor(state.sort);
  const first = lead
    ? sliceIndex(lead)
    : loadSlices().then((years) => sliceIndex(state.sort === "lama" ? years.at(-1) : years[0]));
  if (lead) loadSlices();
  first.catch(() => {}); // a query reports it
}
input.addEventListener("focus", warmUp, { once: true });
run().then(() => whenIdle(warmUp));
