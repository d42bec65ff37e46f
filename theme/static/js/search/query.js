// What a query asks for, and how Pagefind is asked it.
//
// The matching rule (README, "Search"): every result contains each word of the query in a form
// with the same stem (Pagefind's Indonesian Snowball stemmer: `kenetralan`, `dinetralkan`,
// `menetralkan` and `netral` are one word; `netralitas` is another), and each phrase in
// quotes as consecutive words. Pagefind's own search also takes every longer word that starts
// with the stem (`suka` finds `Sukarni`) and, when a slice has no such word, the longest word
// that starts the query's (`medison` finds `di`): so each word and phrase is asked for as
// Pagefind's exact (quoted) search, which looks the stem up as it is, and the results are the
// pages every one of them finds.

const QUOTES = /["“”„]/;

// Only letters or digits make a word (Pagefind drops punctuation itself).
const isWord = (text) => /[\p{L}\p{N}]/u.test(text);

/**
 * The terms of a query: `{ text, phrase }`, bare words one by one and each quoted run of
 * several words as a phrase; duplicates once. `words` are all the words, for highlighting.
 */
export function parseQuery(q) {
  const terms = [];
  const words = [];
  const seen = new Set();
  const add = (text, phrase) => {
    const key = text.toLocaleLowerCase("id");
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ text, phrase });
  };
  // Even parts lie outside quotes, odd ones inside (an unclosed quote runs to the end).
  String(q ?? "")
    .split(QUOTES)
    .forEach((part, k) => {
      const parts = part.split(/\s+/).filter(isWord);
      words.push(...parts);
      if (k % 2 === 1 && parts.length > 1) add(parts.join(" "), true);
      else for (const w of parts) add(w, false);
    });
  return { terms, words };
}

/** Pagefind's exact search for one term: the stems as they are, consecutive for a phrase. */
export const exactQuery = (term) => `"${term.text}"`;

/** The words Pagefind ranks a query by (its own search, prefixes and all). */
export const rankingQuery = (parsed) => parsed.words.join(" ");

/**
 * The results of the first list that every other list also has, in the first list's order
 * (lists are Pagefind results, `{ id, ... }`).
 */
export function intersect(lists) {
  if (!lists.length) return [];
  let kept = lists[0];
  for (const other of lists.slice(1)) {
    const ids = new Set(other.map((r) => r.id));
    kept = kept.filter((r) => ids.has(r.id));
  }
  return kept;
}

/**
 * Order `results` by the scores of a ranking search (id -> score), highest first; results
 * it did not score follow in their own order. Returns new objects with `score` set.
 */
export function rank(results, scores) {
  return results
    .map((r, k) => ({ ...r, score: scores.get(r.id) ?? 0, k }))
    .sort((a, b) => b.score - a.score || a.k - b.k)
    .map(({ k, ...r }) => r);
}

/**
 * Search one Pagefind instance: one exact search per term (stopping at the first that finds
 * nothing), their common pages in the order of the sort; ranked by Pagefind's own scores of
 * the words when `ranked`.
 */
export async function searchTerms(instance, parsed, options, ranked = false) {
  if (!parsed.terms.length) return [];
  const lists = [];
  for (const term of parsed.terms) {
    const { results } = await instance.search(exactQuery(term), options);
    lists.push(results);
    if (!results.length) return [];
  }
  const found = intersect(lists);
  if (!ranked || !found.length) return found;
  const { results } = await instance.search(rankingQuery(parsed), options);
  return rank(found, new Map(results.map((r) => [r.id, r.score])));
}

/** A result's address with the query's words to highlight on the article page. */
export function highlightUrl(url, words, param = "pagefind-highlight") {
  const [path, hash = ""] = url.split("#");
  const [base, search = ""] = path.split("?");
  const params = new URLSearchParams(search);
  params.delete(param);
  for (const w of words) params.append(param, w);
  const qs = params.toString();
  return base + (qs ? "?" + qs : "") + (hash ? "#" + hash : "");
}
