// node --test: what a query matches (theme/static/js/search/query.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  exactQuery,
  highlightUrl,
  intersect,
  parseQuery,
  rank,
  rankingQuery,
  searchTerms,
} from "../../theme/static/js/search/query.js";

test("bare words are terms of their own, a quoted run of words a phrase", () => {
  const q = parseQuery('netralitas "pakta integritas" Bukittinggi');
  assert.deepEqual(q.terms, [
    { text: "netralitas", phrase: false },
    { text: "pakta integritas", phrase: true },
    { text: "Bukittinggi", phrase: false },
  ]);
  assert.deepEqual(q.words, ["netralitas", "pakta", "integritas", "Bukittinggi"]);
});

test("curly quotes, an unclosed quote, a one-word phrase, duplicates, punctuation", () => {
  assert.deepEqual(parseQuery("“jaga netralitas”").terms, [{ text: "jaga netralitas", phrase: true }]);
  assert.deepEqual(parseQuery('asn "jaga netralitas').terms, [
    { text: "asn", phrase: false },
    { text: "jaga netralitas", phrase: true },
  ]);
  assert.deepEqual(parseQuery('"sekda"').terms, [{ text: "sekda", phrase: false }]);
  assert.deepEqual(parseQuery("ASN asn - ,").terms, [{ text: "ASN", phrase: false }]);
  assert.deepEqual(parseQuery("   ").terms, []);
  assert.deepEqual(parseQuery(undefined).terms, []);
});

test("each term is Pagefind's exact search; the ranking is its own over the words", () => {
  assert.equal(exactQuery({ text: "sekda", phrase: false }), '"sekda"');
  assert.equal(exactQuery({ text: "pakta integritas", phrase: true }), '"pakta integritas"');
  assert.equal(rankingQuery(parseQuery('"pakta integritas" asn')), "pakta integritas asn");
});

test("intersect keeps the first list's order and only what every list has", () => {
  const a = [{ id: "c" }, { id: "a" }, { id: "b" }];
  assert.deepEqual(intersect([a, [{ id: "b" }, { id: "c" }]]), [{ id: "c" }, { id: "b" }]);
  assert.deepEqual(intersect([a, []]), []);
  assert.deepEqual(intersect([a]), a);
  assert.deepEqual(intersect([]), []);
});

test("rank orders by the ranking's scores; unscored results follow in their order", () => {
  const found = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
  const ranked = rank(found, new Map([["c", 2], ["a", 1]]));
  assert.deepEqual(ranked.map((r) => [r.id, r.score]), [["c", 2], ["a", 1], ["b", 0], ["d", 0]]);
});

// A fake Pagefind instance: exact searches answer from a table, anything else is Pagefind's
// prefix search (which must not decide membership).
function fakeInstance(table, ranking = []) {
  const asked = [];
  return {
    asked,
    async search(q, options) {
      asked.push([q, options]);
      if (q.startsWith('"')) return { results: (table[q] || []).map((id) => ({ id, score: 1 })) };
      return { results: ranking };
    },
  };
}

test("searchTerms: the pages every term finds exactly, in the sort's order", async () => {
  const pf = fakeInstance({ '"asn"': ["p3", "p1", "p2"], '"jaga netralitas"': ["p2", "p3"] });
  const options = { sort: { date: "desc" }, filters: { region: { any: ["X"] } } };
  const found = await searchTerms(pf, parseQuery('asn "jaga netralitas"'), options);
  assert.deepEqual(found.map((r) => r.id), ["p3", "p2"]);
  // The filters and the sort go to every search.
  assert.ok(pf.asked.every(([, o]) => o === options));
});

test("searchTerms: a word found nowhere gives nothing, whatever Pagefind's prefixes find", async () => {
  const pf = fakeInstance({ '"asn"': ["p1"] }, [{ id: "p1", score: 3 }]);
  assert.deepEqual(await searchTerms(pf, parseQuery("medison asn"), {}, true), []);
  // It stopped at the first term that found nothing.
  assert.deepEqual(pf.asked.map(([q]) => q), ['"medison"']);
  assert.deepEqual(await searchTerms(pf, parseQuery(""), {}), []);
});

test("searchTerms ranked: Pagefind's scores order the exact matches, add nothing", async () => {
  const ranking = [{ id: "p9", score: 9 }, { id: "p2", score: 5 }, { id: "p1", score: 4 }];
  const pf = fakeInstance({ '"netral"': ["p1", "p2", "p3"] }, ranking);
  const found = await searchTerms(pf, parseQuery("netral"), {}, true);
  assert.deepEqual(found.map((r) => r.id), ["p2", "p1", "p3"]);
});

test("highlightUrl replaces Pagefind's highlight words with the query's", () => {
  assert.equal(
    highlightUrl("/artikel/a/?pagefind-highlight=%22sekda%22#x", ["sekda", "Kota"]),
    "/artikel/a/?pagefind-highlight=sekda&pagefind-highlight=Kota#x",
  );
  assert.equal(highlightUrl("/artikel/a/", []), "/artikel/a/");
});
