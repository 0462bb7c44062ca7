// What no answer may carry (the fuzz test and the hardening tests check every body against it).
/** Text that must never reach a browser. */
export const INTERNAL_TEXT: readonly RegExp[] = [
  /\bat [\w.$<>[\]]+ \(/, // a stack frame
  /\.(?:ts|tsx|js|mjs|cjs):\d+/, // file:line
  /node_modules|\/work\/|\/home\/|\/usr\/|[A-Z]:\\/, // file paths
  /SQLITE_|SqliteError|no such (?:table|column)|syntax error|unterminated string|\bSELECT\b.+\bFROM\b|INSERT INTO|DELETE FROM/i,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError)\b/,
  /Cannot (?:read|destructure|convert|set) propert|is not a function|is not defined|is not iterable|Maximum call stack|Unexpected token|in JSON at position|Expected property name|Unexpected end of JSON/,
];
