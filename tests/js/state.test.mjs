// node --test: the search page's state and address, and the browse data
// (theme/static/js/search/state.js, data.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  counts, decodeData, firstView, idsByYear, isoDate, matches, panelOf, yearsWith,
} from "../../theme/static/js/search/data.js";
import {
  FACETS, hasFilters, leadFor, readState, singleFilter, stateQuery, valueFile, valueHash,
} from "../../theme/static/js/search/state.js";

test("the address round-trips: query, sort, filters in a stable order", () => {
  const state = readState("?q=+netralitas+&urut=lama&daerah=Kota+Padang&daerah=Kota+Bukittinggi&tahun=2024&x=1");
  assert.equal(state.q, "netralitas");
  assert.equal(state.sort, "lama");
  assert.deepEqual([...state.filters.region], ["Kota Padang", "Kota Bukittinggi"]);
  assert.deepEqual(Object.keys(state.filters), ["region", "year"]);
  assert.equal(
    stateQuery(state),
    "?q=netralitas&urut=lama&daerah=Kota+Bukittinggi&daerah=Kota+Padang&tahun=2024",
  );
  assert.equal(stateQuery(readState("")), "");
  assert.equal(readState("?urut=acak").sort, "");
  assert.equal(FACETS.length, 8);
  // The people an article quotes: ?kutipan=<name>, repeatable.
  assert.deepEqual([...readState("?kutipan=Adib+Alfikri&kutipan=Jonpriadi").filters.quote], [
    "Adib Alfikri",
    "Jonpriadi",
  ]);
});

test("filters and leading slices", () => {
  assert.equal(hasFilters(new URLSearchParams("q=a&urut=lama")), false);
  assert.equal(hasFilters(new URLSearchParams("q=a&tahun=2024")), true);
  const leads = { terbaru: 250, terlama: 250 };
  assert.equal(leadFor("", leads), "terbaru");
  assert.equal(leadFor("lama", leads), "terlama");
  assert.equal(leadFor("cocok", leads), null);
  assert.equal(leadFor("", {}), null);
});

// Three articles, newest first: 2024-07-04 (Kota Padang), 2024-06-01, 2020-11-23.
const RAW = {
  count: 3,
  values: {
    region: ["Kota Bukittinggi", "Kota Padang"],
    province: ["Sumatera Barat"],
    tag: ["a", "b"],
    quote: ["Adib Alfikri", "Jonpriadi"],
  },
  region_province: [0, 0],
  date: [19908, 33, 1286],
  region: [1, 0, 0],
  tag: [[0], [0, 1], [1]],
  quote: [[], [0, 1], [1]], // the people each article quotes (none in the first)
};

test("decodeData: dates, years newest first, provinces from regions", () => {
  const data = decodeData(RAW);
  assert.deepEqual([0, 1, 2].map((i) => isoDate(data, i)), ["2024-07-04", "2024-06-01", "2020-11-23"]);
  assert.deepEqual(data.values.year, ["2024", "2020"]);
  assert.deepEqual(data.columns.year, [0, 0, 1]);
  assert.deepEqual(data.columns.province, [0, 0, 0]);
  const ids = idsByYear(data, "id_a id_b id_a");
  assert.equal(ids.get("2024").get("id_b"), 1);
  assert.equal(ids.get("2020").get("id_a"), 2);
});

test("matches, counts per value (ignoring the facet's own filter), years with results", () => {
  const data = decodeData(RAW);
  const filters = { region: new Set(["Kota Bukittinggi"]), tag: new Set(["b"]) };
  assert.deepEqual([0, 1, 2].filter((i) => matches(data, i, filters)), [1, 2]);
  assert.equal(matches(data, 0, filters, "region"), false);
  const c = counts(data, [0, 1, 2], filters, ["region", "tag", "year"]);
  assert.deepEqual([...c.region], [[0, 2]]);
  assert.deepEqual([...c.tag].sort(), [[0, 1], [1, 2]]);
  assert.deepEqual([...c.year], [[0, 1], [1, 1]]);
  assert.deepEqual(yearsWith(data, { region: new Set(["Kota Padang"]) }), ["2024"]);
  assert.deepEqual(yearsWith(data, {}), ["2024", "2020"]);
  // A facet with several values per article (the people it quotes): any of them.
  const quoted = { quote: new Set(["Jonpriadi"]) };
  assert.deepEqual([0, 1, 2].filter((i) => matches(data, i, quoted)), [1, 2]);
  assert.deepEqual([...counts(data, [0, 1, 2], quoted, ["quote"]).quote].sort(), [[0, 1], [1, 2]]);
});

test("earlyFiles: what the page's head downloads for an address", async () => {
  const { earlyFiles, leadFragments } = await import("../../theme/static/js/search/state.js");
  const paths = { pagefind: "/a/pagefind/", browse: "/a/cari/data/", leads: { terbaru: 250, terlama: 250 } };
  // Browsing: the overview (count, first rows, counts), the one value's view when filtered
  // to one value, the columns of every article for any other filters.
  assert.deepEqual(earlyFiles("", paths, "id"), {
    files: ["/a/cari/data/overview.json"], pagefind: false, lead: null,
  });
  assert.deepEqual(earlyFiles("?urut=lama&x=1", paths, "id").files, ["/a/cari/data/overview.json"]);
  assert.deepEqual(earlyFiles("?daerah=Kota+Padang", paths, "id").files, [
    "/a/cari/data/overview.json", "/a/cari/data/facet/region/279.json",
  ]);
  assert.deepEqual(earlyFiles("?daerah=X&tahun=2024", paths, "id").files, [
    "/a/cari/data/overview.json", "/a/cari/data/arsip.json",
  ]);
  // A query sorted by date: Pagefind, the slices and the leading slice's entry and metadata.
  assert.deepEqual(earlyFiles("?q=asn&urut=lama", paths, "id"), {
    files: [
      "/a/pagefind/wasm.id.pagefind", "/a/cari/data/slices.json",
      "/a/pagefind/terlama/pagefind-entry.json", "/a/pagefind/terlama/pagefind.lead.pf_meta",
    ],
    pagefind: true,
    lead: "terlama",
  });
  // Filtered: the filter's data instead of a leading slice (the one value's view, or the
  // columns); by relevance or without slices: none.
  assert.deepEqual(earlyFiles("?q=asn&tahun=2024", paths, "id"), {
    files: [
      "/a/pagefind/wasm.id.pagefind", "/a/cari/data/slices.json", "/a/cari/data/facet/year/422.json",
    ],
    pagefind: true,
    lead: null,
  });
  assert.equal(
    earlyFiles("?q=asn&tahun=2024&tahun=2023", paths, "id").files[2], "/a/cari/data/arsip.json",
  );
  assert.equal(earlyFiles("?q=asn&urut=cocok", paths, "id").lead, null);
  assert.equal(earlyFiles("?q=asn", { ...paths, leads: {} }, "id").lead, null);
  assert.deepEqual(leadFragments(paths, "terbaru", { terbaru: ["id_1", "id_2"] }), [
    "/a/pagefind/terbaru/fragment/id_1.pf_fragment", "/a/pagefind/terbaru/fragment/id_2.pf_fragment",
  ]);
  assert.deepEqual(leadFragments(paths, "terlama", {}), []);
});

test("one value's view: which filters have one, and its file (the build's hash)", () => {
  assert.deepEqual(singleFilter({}), {});
  assert.deepEqual(singleFilter({ region: new Set(["Kota Padang"]) }), { facet: "region", value: "Kota Padang" });
  assert.equal(singleFilter({ region: new Set(["A", "B"]) }), null);
  assert.equal(singleFilter({ region: new Set(["A"]), year: new Set(["2024"]) }), null);
  // The same hashes as plugins/search_index/first_view.py (test_first_view.py checks these).
  const expected = {
    "Kota Padang": "279482e3", "2024": "422940b9", "Pilkada 2024": "e0ad23f3",
    "Ngayogyakarta – Ñ ü": "6a470205", "": "811c9dc5",
  };
  for (const [value, hash] of Object.entries(expected)) assert.equal(valueHash(value), hash, value);
  assert.equal(valueFile("election", "Pilkada 2024"), "facet/election/e0a.json");
});

const row = (n, date) => [`artikel/${date.slice(0, 4)}/a-${n}/`, `Judul ${n}`, date, "Kota Padang", "A", "B"];
const OVERVIEW = {
  count: 30,
  page: 2,
  chunk: 100,
  facets: {
    region: { values: 3, top: [["Kota Padang", 20], ["Kota Bukittinggi", 9]] },
    year: { values: 2, top: [["2024", 25], ["2023", 5]] },
  },
  newest: [row(1, "2024-07-04"), row(2, "2024-07-01")],
  oldest: [row(30, "2023-01-02"), row(29, "2023-01-05")],
};

test("firstView: the archive unfiltered, from the overview alone", () => {
  const view = firstView(OVERVIEW);
  assert.equal(view.count, 30);
  assert.deepEqual(view.newest, OVERVIEW.newest);
  assert.deepEqual(view.oldest, OVERVIEW.oldest);
  // Two regions of three listed: the panel says so (values.json has the third).
  assert.deepEqual(view.panel.region, {
    entries: OVERVIEW.facets.region.top, total: 3, complete: false, rest: { file: "values.json", keys: ["region"] },
  });
  assert.equal(view.panel.year.complete, true);
});

test("firstView: one value, from its view; its own facet keeps the archive's counts", () => {
  const entry = {
    count: 3,
    rows: [row(5, "2024-06-01"), row(7, "2024-05-01"), row(12, "2023-08-01")],
    counts: { year: { values: 2, top: [["2024", 2], ["2023", 1]] }, tag: { values: 9, top: [["a", 3]] } },
    years: [["2024", 2], ["2023", 1]],
    lead: { terbaru: 1, terlama: 0 },
  };
  const one = { facet: "region", value: "Kota Solok" };
  const view = firstView(OVERVIEW, one, entry);
  assert.equal(view.count, 3);
  // Rows: the first and the last `page` articles, once each (three here).
  assert.deepEqual(view.newest.map((r) => r[1]), ["Judul 5", "Judul 7"]);
  assert.deepEqual(view.oldest.map((r) => r[1]), ["Judul 12", "Judul 7"]);
  assert.deepEqual([...view.years], [["2024", 2], ["2023", 1]]);
  assert.deepEqual(view.lead, { terbaru: 1, terlama: 0 });
  // Its own facet: the archive's counts and the chosen value, not among the most frequent.
  assert.deepEqual(view.panel.region.entries.at(-1), ["Kota Solok", 3]);
  assert.equal(view.panel.region.complete, false);
  assert.deepEqual(view.panel.year.entries, entry.counts.year.top);
  assert.equal(view.panel.year.complete, true);
  // The other facets as the overview's: their number of values, the most frequent, and where
  // the rest is (the value's .all.json, under the value and the facet).
  const { tag } = firstView({ ...OVERVIEW, facets: { ...OVERVIEW.facets, tag: { values: 9, top: [] } } }, one, entry).panel;
  assert.deepEqual(tag, {
    entries: [["a", 3]], total: 9, complete: false,
    rest: { file: `facet/region/${valueHash("Kota Solok").slice(0, 3)}.all.json`, keys: ["Kota Solok", "tag"] },
  });
  // A value the archive does not have: nothing, every other count 0.
  const none = firstView(OVERVIEW, { facet: "year", value: "1999" }, null);
  assert.equal(none.count, 0);
  assert.deepEqual(none.newest, []);
  assert.deepEqual([...none.years], []);
  assert.deepEqual(none.panel.region.entries, []);
  assert.equal(none.panel.region.total, 0);
  assert.deepEqual(none.panel.year.entries.at(-1), ["1999", 0]);
  // The panel from counts per value index (a query's, or any other filters').
  const data = decodeData(RAW);
  const panel = panelOf(data, counts(data, [0, 1, 2], {}, ["region"]));
  assert.deepEqual(panel.region, {
    entries: [["Kota Padang", 1], ["Kota Bukittinggi", 2]], total: 2, complete: true,
  });
});
