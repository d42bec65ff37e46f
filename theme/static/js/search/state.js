// The search page's state and its address: ?q=...&urut=lama|cocok&daerah=...&tahun=...
// (filters repeatable), so that a search can be shared, bookmarked and gone back to.

/** URL parameter -> facet of the browse data. `tahun` (year) is derived from the date. */
export const FACETS = [
  ["daerah", "region"],
  ["provinsi", "province"],
  ["pejabat", "official"],
  ["sumber", "source"],
  ["pemilihan", "election"],
  ["tahun", "year"],
  ["tag", "tag"],
];

/** Sorts other than the default (newest first): oldest first, by relevance. */
export const SORTS = ["lama", "cocok"];

/** `{ q, sort, filters: { facet: Set } }` from a query string. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const [param, facet] of FACETS) {
    const vals = params.getAll(param).filter(Boolean);
    if (vals.length) filters[facet] = new Set(vals);
  }
  const sort = SORTS.includes(params.get("urut")) ? params.get("urut") : "";
  return { q: (params.get("q") || "").trim(), sort, filters };
}

/** The query string of a state ("" for none), values in a stable order. */
export function stateQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("urut", state.sort);
  for (const [param, facet] of FACETS) {
    for (const v of [...(state.filters[facet] || [])].sort()) params.append(param, v);
  }
  const qs = params.toString();
  return qs ? "?" + qs : "";
}

/** Whether the query string sets a filter (anything but the query and the sort). */
export const hasFilters = (params) => [...params.keys()].some((k) => k !== "q" && k !== "urut");

/** The leading slice that serves a sort (terbaru, terlama), if the site has it. */
export function leadFor(sort, leads) {
  if (sort === "cocok") return null;
  const name = sort === "lama" ? "terlama" : "terbaru";
  return leads[name] ? name : null;
}

/** A leading slice's metadata under a fixed name (the page's head fetches it at once). */
export const LEAD_META = "pagefind.awal.pf_meta";
