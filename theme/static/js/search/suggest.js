// "Maksud Anda": the archive's own names (regions, officials, outlets; cari/data/nama.json,
// written by plugins/search_index) that a query misspells, found in the browser.

/** Lower case, no diacritics, words separated by one space (punctuation dropped). */
export function normalize(text) {
  return String(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("id")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Edit distance with adjacent swaps (optimal string alignment): a letter missing, added,
 * changed or two letters swapped each count one. Stops early above `max` (returns max + 1).
 */
export function distance(a, b, max = Infinity) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Edits allowed for a name of `length` letters: none under 5, one under 9, else two. */
export const allowedEdits = (length) => (length < 5 ? 0 : length < 9 ? 1 : 2);

/**
 * The query with its closest misspelled name corrected, or null: a run of the query's words
 * within `allowedEdits` of a name (of as many words) but not equal to it. Among several, the
 * fewest edits, then the longest name, then the first in `names`.
 */
export function suggest(query, names) {
  const words = normalize(query).split(" ").filter(Boolean);
  if (!words.length) return null;
  let best = null;
  for (const name of names) {
    const target = normalize(name);
    const size = target.split(" ").length;
    const max = allowedEdits(target.length);
    if (!max) continue;
    for (let i = 0; i + size <= words.length; i++) {
      const span = words.slice(i, i + size).join(" ");
      const d = distance(span, target, max);
      if (d === 0 || d > max) continue;
      if (!best || d < best.d || (d === best.d && target.length > best.length)) {
        best = { d, length: target.length, i, size, name };
      }
    }
  }
  if (!best) return null;
  const out = [...words];
  out.splice(best.i, best.size, best.name);
  return out.join(" ");
}
