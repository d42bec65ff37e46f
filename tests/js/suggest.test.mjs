// node --test: "Maksud Anda" (theme/static/js/search/suggest.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { allowedEdits, distance, normalize, suggest } from "../../theme/static/js/search/suggest.js";

const NAMES = [
  "Andree Algamar", "Bukittinggi", "Kota Bukittinggi", "Kota Padang", "Padang",
  "Padang Pariaman", "Kabupaten Padang Pariaman", "Langgam.id", "Sisardi", "Sumatera Barat",
];

test("normalize: lower case, no diacritics or punctuation", () => {
  assert.equal(normalize("  Langgam.id — Kota  PADANG "), "langgam id kota padang");
  assert.equal(normalize("Ṡéraṁbi"), "serambi");
});

test("distance counts a letter missing, added, changed, or two swapped as one edit", () => {
  assert.equal(distance("bukitinggi", "bukittinggi"), 1);
  assert.equal(distance("bukittingig", "bukittinggi"), 1);
  assert.equal(distance("bukkittinggi", "bukittinggi"), 1);
  assert.equal(distance("bukittonggi", "bukittinggi"), 1);
  assert.equal(distance("padang", "padang"), 0);
  assert.equal(distance("", "abc"), 3);
  // Stops early above the limit.
  assert.equal(distance("abcdefgh", "zyxwvuts", 2), 3);
});

test("allowed edits grow with the name's length", () => {
  assert.deepEqual([4, 5, 8, 9, 20].map(allowedEdits), [0, 1, 1, 2, 2]);
});

test("suggest corrects the misspelled name and keeps the other words", () => {
  assert.equal(suggest("bukitinggi", NAMES), "Bukittinggi");
  assert.equal(suggest("Andre Algamar", NAMES), "Andree Algamar");
  assert.equal(suggest("padang pariamn", NAMES), "Padang Pariaman");
  assert.equal(suggest("netralitas bukitinggi", NAMES), "netralitas Bukittinggi");
  assert.equal(suggest("Sisardy", NAMES), "Sisardi");
});

test("suggest offers nothing for a name spelled right, a far word, or an empty query", () => {
  assert.equal(suggest("Bukittinggi", NAMES), null);
  assert.equal(suggest("kota padang", NAMES), null);
  assert.equal(suggest("xyzzy", NAMES), null);
  assert.equal(suggest("medison", NAMES), null);
  assert.equal(suggest("", NAMES), null);
  assert.equal(suggest("bukitinggi", []), null);
});
