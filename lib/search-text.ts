// What a search box sends, made safe for every query behind it (issue #11 §4): control characters (a NUL, tabs,
// line breaks) become spaces, runs of spaces collapse, the ends are trimmed. A NUL inside an FTS5 query made
// SQLite fail ("unterminated string") and the search answer 500; now it simply searches for the words around it.
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function cleanSearchText(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** A search box's text, at most `max` characters, cleaned as above. */
export function searchText(max: number) {
  return z.string().max(max).transform(cleanSearchText);
}
