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

/**
 * The one value the state filters by, `{ facet, value }`; `{}` without filters; null for
 * anything else (two values, two facets). The build writes the view of each single value
 * (cari/data/facet/, plugins/search_index/first_view.py): no filter or one value open with a
 * payload of constant size; any other needs the columns of arsip.json.
 */
export function singleFilter(filters) {
  const facets = Object.keys(filters);
  if (facets.length === 0) return {};
  if (facets.length > 1 || filters[facets[0]].size !== 1) return null;
  return { facet: facets[0], value: [...filters[facets[0]]][0] };
}

/** FNV-1a (32 bits) of the value's UTF-8 bytes, 8 hex digits (first_view.value_hash). */
export function valueHash(value) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Hex digits of the hash that name a value's file (first_view.HASH_DIGITS). */
export const HASH_DIGITS = 3;

/** The file of one value's view (`full`: every count of it), relative to the browse data folder. */
export const valueFile = (facet, value, full = false) =>
  `facet/${facet}/${valueHash(value).slice(0, HASH_DIGITS)}${full ? ".all" : ""}.json`;

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
  const { q, sort, filters } = readState(search);
  const filtered = Object.keys(filters).length > 0;
  // The filters' own file: one value's view, or the columns of every article.
  const one = singleFilter(filters);
  const filterFile = paths.browse + (one ? valueFile(one.facet, one.value) : "arsip.json");
  if (!q) {
    const files = [paths.browse + "overview.json"];
    if (filtered) files.push(filterFile);
    return { files, pagefind: false, lead: null };
  }
  const files = [paths.pagefind + `wasm.${lang}.pagefind`, paths.browse + "slices.json"];
  if (filtered) files.push(filterFile);
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
