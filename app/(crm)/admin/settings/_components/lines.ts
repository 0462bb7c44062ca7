/** A textarea's lines, trimmed, blank ones left out: the lists settings forms take one item per line. */
export const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
