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
  ["kutipan", "quote"],
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
export const LEAD_META = "pagefind.lead.pf_meta";

/**
 * What the search page's head downloads while the page loads, for the address's `search`
 * (cari.js takes the downloads over): `files` at once (site-relative to `paths.pagefind` and
 * `paths.browse`), whether to start Pagefind (a query), and the leading slice whose first
 * fragments slices.json names (`lead`, sorted by date without filters).
 */
export function earlyFiles(search, paths, lang) {
  const params = new URLSearchParams(search);
  const filtered = hasFilters(params);
  const sort = params.get("urut") || "";
  if (!(params.get("q") || "").trim()) {
    const files = [paths.browse + "arsip.json"];
    if (!filtered && sort !== "lama") files.push(paths.browse + "titles-0.json");
    return { files, pagefind: false, lead: null };
  }
  const files = [paths.pagefind + `wasm.${lang}.pagefind`, paths.browse + "slices.json"];
  if (filtered) files.push(paths.browse + "arsip.json");
  const lead = filtered ? null : leadFor(sort, paths.leads);
  if (lead) {
    // Its metadata under a fixed name too: no waiting for the entry that names it.
    files.push(`${paths.pagefind}${lead}/pagefind-entry.json`, `${paths.pagefind}${lead}/${LEAD_META}`);
  }
  return { files, pagefind: true, lead };
}

/** The fragments of a leading slice's first articles (`lead` of slices.json). */
export const leadFragments = (paths, lead, first) =>
  (first[lead] || []).map((id) => `${paths.pagefind}${lead}/fragment/${id}.pf_fragment`);
