// Short searches for Chinese names (two characters are often a whole name) cannot use the trigram indexes, which
// need 3+ characters. account_name_grams (migration account_name_grams, kept by triggers on accounts) holds, for
// every account name, each character above ASCII and each pair of neighbouring characters with one such
// character in it, lowercased as SQLite's lower() does (ASCII only, as LIKE compares). So a search of one or two
// characters with one of them above ASCII finds exactly the names LIKE '%text%' finds, by seeking the index
// instead of reading every name. Pure: the same rule as the triggers' WHERE, for the queries that read them.

/** The highest code point of printable ASCII: characters above it are "wide" here, as in the triggers. */
const ASCII_END = 126;

/**
 * The gram to look up for a lowercased search text, or null when account_name_grams does not cover it (three or
 * more characters: the trigram index; one or two ASCII characters: the name index).
 */
export function nameGramOf(needle: string): string | null {
  const chars = [...needle];
  if (chars.length < 1 || chars.length > 2) return null;
  return chars.some((c) => (c.codePointAt(0) ?? 0) > ASCII_END) ? needle : null;
}
