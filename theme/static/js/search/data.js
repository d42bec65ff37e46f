// The browse data (cari/data/, written by plugins/search_index): every article's facets and
// date, newest first, and what filtering and counting need from it; and the first view the
// build computed.

import { valueFile } from "./state.js";

const DAY_MS = 86400000;

/**
 * Decode arsip.json: dates (days since 1970, stored as differences to the newer article),
 * the province of each article (from its region) and its year (an index into `values.year`,
 * years newest first).
 */
export function decodeData(raw) {
  const n = raw.count;
  const days = new Int32Array(n);
  const year = new Int32Array(n);
  let d = 0;
  for (let i = 0; i < n; i++) {
    d = i === 0 ? raw.date[0] : d - raw.date[i];
    days[i] = d;
    year[i] = new Date(d * DAY_MS).getUTCFullYear();
  }
  const years = [...new Set(year)].sort((a, b) => b - a).map(String);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const columns = {
    ...raw,
    province: raw.region.map((r) => raw.region_province[r]),
    year: Array.from(year, (y) => yearIndex.get(String(y))),
  };
  return { n, days, columns, values: { ...raw.values, year: years }, chunks: new Map() };
}

/** An article's date as YYYY-MM-DD. */
export const isoDate = (data, i) => new Date(data.days[i] * DAY_MS).toISOString().slice(0, 10);

/** Article number of each Pagefind page id, per year (ids are unique within a year only). */
export function idsByYear(data, ids) {
  const byYear = new Map(data.values.year.map((y) => [y, new Map()]));
  ids.split(" ").forEach((id, i) => {
    byYear.get(data.values.year[data.columns.year[i]]).set(id, i);
  });
  return byYear;
}

/** Whether article `i` passes every filter but the `skip` facet's. */
export function matches(data, i, filters, skip = null) {
  for (const facet in filters) {
    if (facet === skip) continue;
    const wanted = filters[facet];
    const col = data.columns[facet];
    const vals = data.values[facet];
    if (Array.isArray(col[i])) {
      // A facet with several values per article (tags, quoted people): any of them.
      if (!col[i].some((t) => wanted.has(vals[t]))) return false;
    } else if (!wanted.has(vals[col[i]])) {
      return false;
    }
  }
  return true;
}

/**
 * Counts per value (index) of every facet among the candidates, each facet ignoring its own
 * filter (so that choosing a second region shows how many it would add).
 */
export function counts(data, candidates, filters, facets) {
  const out = {};
  for (const facet of facets) {
    const col = data.columns[facet];
    const c = new Map();
    for (const i of candidates) {
      if (!matches(data, i, filters, facet)) continue;
      const vs = Array.isArray(col[i]) ? col[i] : [col[i]];
      for (const v of vs) c.set(v, (c.get(v) || 0) + 1);
    }
    out[facet] = c;
  }
  return out;
}

/** The years (newest first) in which an article passes the filters. */
export function yearsWith(data, filters) {
  const hit = new Set();
  for (let i = 0; i < data.n; i++) {
    if (matches(data, i, filters)) hit.add(data.values.year[data.columns.year[i]]);
  }
  return data.values.year.filter((y) => hit.has(y));
}

/**
 * The filter panel from counts per value index (`counts`): per facet, `entries` ([name, n]),
 * `total` (the number of values) and `complete` (every value with a count is listed).
 */
export function panelOf(data, allCounts) {
  const panel = {};
  for (const [facet, c] of Object.entries(allCounts)) {
    const entries = [...c.entries()].map(([v, n]) => [data.values[facet][v], n]);
    panel[facet] = { entries, total: entries.length, complete: true };
  }
  return panel;
}

// A facet of the panel from the build's summary of it (its number of values, the most
// frequent): `rest` says where every count is (a file of the browse data and the keys in it).
const summarized = ({ values, top }, rest) => ({
  entries: top,
  total: values,
  complete: values <= top.length,
  rest,
});

/**
 * The first view from the build's files alone (plugins/search_index/first_view.py), without
 * the columns of every article: `overview` (overview.json) and, filtered to one value, `one`
 * (`{ facet, value }`) with `entry`, that value's view (from its facet/<facet>/<hash>.json;
 * null when the archive has no such value). Returns `{ count, newest, oldest, years, lead,
 * panel }`: the number of articles, the first page's rows newest and oldest first (URL,
 * title, date, region, official, outlet), the articles per year (a Map; filtered only), per
 * leading slice the number of its articles that pass, and the filter panel (see panelOf; a
 * facet listed in part is not `complete`, and its `rest` names the file with every count).
 */
export function firstView(overview, one = {}, entry = null) {
  const panel = {};
  for (const [facet, summary] of Object.entries(overview.facets)) {
    panel[facet] = summarized(summary, { file: "values.json", keys: [facet] });
  }
  if (!one.facet) {
    const { count, newest, oldest } = overview;
    return { count, newest, oldest, years: null, lead: null, panel };
  }
  const count = entry?.count ?? 0;
  const rows = entry?.rows ?? [];
  const k = Math.min(overview.page, rows.length);
  const all = valueFile(one.facet, one.value, true);
  for (const facet of Object.keys(panel)) {
    if (facet === one.facet) {
      // Each facet's counts ignore its own filter: the archive's, and the chosen value's.
      const own = panel[facet];
      if (!own.entries.some(([v]) => v === one.value)) {
        panel[facet] = { ...own, entries: [...own.entries, [one.value, count]] };
      }
    } else {
      const summary = entry?.counts[facet] ?? { values: 0, top: [] };
      panel[facet] = summarized(summary, { file: all, keys: [one.value, facet] });
    }
  }
  return {
    count,
    newest: rows.slice(0, k),
    oldest: rows.slice(rows.length - k).reverse(),
    years: new Map(entry?.years ?? []),
    lead: entry?.lead ?? {},
    panel,
  };
}
