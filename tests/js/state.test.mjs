// node --test: the search page's state and address, and the browse data
// (theme/static/js/search/state.js, data.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { counts, decodeData, idsByYear, isoDate, matches, yearsWith } from "../../theme/static/js/search/data.js";
import { FACETS, hasFilters, leadFor, readState, stateQuery } from "../../theme/static/js/search/state.js";

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
  // Browsing: the browse data, and the first titles unless filtered or oldest first.
  assert.deepEqual(earlyFiles("", paths, "id"), {
    files: ["/a/cari/data/arsip.json", "/a/cari/data/titles-0.json"], pagefind: false, lead: null,
  });
  assert.deepEqual(earlyFiles("?urut=lama", paths, "id").files, ["/a/cari/data/arsip.json"]);
  assert.deepEqual(earlyFiles("?daerah=X", paths, "id").files, ["/a/cari/data/arsip.json"]);
  // A query sorted by date: Pagefind, the slices and the leading slice's entry and metadata.
  assert.deepEqual(earlyFiles("?q=asn&urut=lama", paths, "id"), {
    files: [
      "/a/pagefind/wasm.id.pagefind", "/a/cari/data/slices.json",
      "/a/pagefind/terlama/pagefind-entry.json", "/a/pagefind/terlama/pagefind.lead.pf_meta",
    ],
    pagefind: true,
    lead: "terlama",
  });
  // Filtered: the browse data instead of a leading slice; by relevance or without slices: none.
  assert.deepEqual(earlyFiles("?q=asn&tahun=2024", paths, "id"), {
    files: ["/a/pagefind/wasm.id.pagefind", "/a/cari/data/slices.json", "/a/cari/data/arsip.json"],
    pagefind: true,
    lead: null,
  });
  assert.equal(earlyFiles("?q=asn&urut=cocok", paths, "id").lead, null);
  assert.equal(earlyFiles("?q=asn", { ...paths, leads: {} }, "id").lead, null);
  assert.deepEqual(leadFragments(paths, "terbaru", { terbaru: ["id_1", "id_2"] }), [
    "/a/pagefind/terbaru/fragment/id_1.pf_fragment", "/a/pagefind/terbaru/fragment/id_2.pf_fragment",
  ]);
  assert.deepEqual(leadFragments(paths, "terlama", {}), []);
});
