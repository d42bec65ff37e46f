// The browse data (cari/data/, written by plugins/search_index): every article's facets and
// date, newest first, and what filtering and counting need from it.

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
