// How the command palette reads what was typed. Pure: no db, no React.

/**
 * A name search runs on the trigram indexes from this many characters; shorter Chinese ones (names are often two
 * characters) on account_name_grams (lib/name-grams.ts).
 */
export const TRIGRAM_MIN = 3;

/** The highest code point: `prefix + PREFIX_END` bounds an index range holding every text starting with it. */
export const PREFIX_END = "\u{10FFFF}";

/** FTS5 query for a literal substring: one quoted phrase, quotes doubled. */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

const BLOCKS = /^[A-HJ-NP-Z2-9]{1,4}(-[A-HJ-NP-Z2-9]{0,4})?$/;

/**
 * The starts of complaint references ("C-7KQ2-M9XD") the text can mean, typed in any case, with or without
 * "C-" ("c7kq" may be C-7KQ… or C-C7KQ…); none when it cannot be one (references use no 0, O, 1, I or L).
 */
export function referencePrefixes(q: string): string[] {
  const text = q.trim().toUpperCase().replace(/\s+/g, "");
  if (text.startsWith("C-")) return BLOCKS.test(text.slice(2)) ? [text] : [];
  if (text.length < 2) return [];
  const prefixes = BLOCKS.test(text) ? [`C-${text}`] : [];
  if (text.startsWith("C") && BLOCKS.test(text.slice(1))) prefixes.push(`C-${text.slice(1)}`);
  return prefixes;
}

/** Name prefixes to try for a short look-up on an index that keeps the name's case: as typed and capitalised. */
export function casePrefixes(q: string): string[] {
  const capital = q.charAt(0).toUpperCase() + q.slice(1);
  return capital === q ? [q] : [q, capital];
}
