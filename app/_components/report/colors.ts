// The report kit's one colour map. Categorical colours start from Okabe and Ito's palette for colour-blind
// readers, each at least 3:1 against the white chart background (WCAG 2.1 non-text contrast), and every set stays
// at least 10 ΔE apart as protanopes, deuteranopes and tritanopes see it (colors.test.ts simulates them); where
// two series share a chart they are also told apart by a fill pattern or line dash and by their labels, never by
// colour alone. Ordered scales (rungs, heatmap) change in lightness, which every reader sees.

/** Series colours in the order a chart takes them. */
export const PALETTE = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#662200", // dark brown (a dark yellow here was 3.3 ΔE from vermillion for protanopes)
  "#6B7280", // grey
  "#1F2937", // near black
  "#8811DD", // violet (a darkened sky blue here was 8 ΔE from the first blue for everyone)
] as const;

export const COLORS = {
  primary: PALETTE[0],
  good: PALETTE[2],
  bad: PALETTE[1],
  neutral: PALETTE[5],
  /** The line drawn over bars (running share, rate). */
  line: "#1F2937",
  /** A comparison (the literature, all accounts) beside a measured figure. */
  reference: "#6B7280",
} as const;

/** Deal outcomes. */
export const OUTCOME_COLORS = { won: COLORS.good, lost: COLORS.bad, noDecision: COLORS.neutral } as const;

/** How a complaint ended, worst to best, then those still open and the no-complaint comparison. */
export const COMPLAINT_OUTCOME_COLORS: Record<string, string> = {
  unacknowledged: "#A63A00",
  unresolved: "#E07B00",
  resolved: PALETTE[0],
  resolved_quickly: PALETTE[2],
  pending: PALETTE[5],
  noComplaint: PALETTE[6],
};

/** Account status. */
export const STATUS_COLORS = { active: COLORS.good, lapsed: PALETTE[4], lost: COLORS.bad } as const;

/** Moves on the ladder. */
export const FLOW_COLORS: Record<string, string> = {
  entered: PALETTE[5],
  up: COLORS.good,
  down: PALETTE[3],
  off: COLORS.bad,
  lapsed: PALETTE[4],
  lost: COLORS.bad,
  wonBack: PALETTE[0],
  won_back: PALETTE[0],
};

/**
 * The ladder's bands bottom to top (viridis: lightness rises with the rung, so the order reads without hue),
 * then those off the ladder in their own hues.
 */
export const BAND_COLORS: Record<string, string> = {
  suspect: "#440154",
  prospect: "#46327E",
  first_time: "#365C8D",
  repeat: "#277F8E",
  client: "#1FA187",
  member: "#4AC16D",
  advocate: "#A0DA39",
  partner: "#FDE725",
  disqualified: "#9CA3AF",
  lapsed: "#E69F00",
  lost: "#D55E00",
};

/** A colour for the i-th series, wrapping round the palette. */
export function seriesColor(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}

// Fill patterns that tell bars of the same chart apart without colour: the first series is solid.
export const PATTERNS = [
  "solid",
  "diagonal",
  "dots",
  "cross",
  "horizontal",
  "vertical",
  "backslash",
  "grid",
] as const;
export type Pattern = (typeof PATTERNS)[number];

export function seriesPattern(i: number): Pattern {
  return PATTERNS[i % PATTERNS.length] as Pattern;
}

/** The SVG path drawn over a 6×6 tile for a pattern (white marks on the series colour). */
export function patternPath(pattern: Pattern): string | null {
  switch (pattern) {
    case "solid":
      return null;
    case "diagonal":
      return "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2";
    case "backslash":
      return "M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2";
    case "dots":
      return "M2,2 h1.5 v1.5 h-1.5 z";
    case "cross":
      return "M0,6 l6,-6 M0,0 l6,6";
    case "horizontal":
      return "M0,3 h6";
    case "vertical":
      return "M3,0 v6";
    case "grid":
      return "M0,3 h6 M3,0 v6";
  }
}

/** Line dashes for line series after the first. */
export const DASHES = [undefined, "6 3", "2 3", "8 3 2 3"] as const;

// ---- contrast ----

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const INK = "#000000";
export const PAPER = "#FFFFFF";

/**
 * Text colour for a background: black or white, whichever contrasts more. One of the two always reaches 4.58:1
 * (a softer ink would leave mid-tones where neither reaches the 4.5:1 small text needs).
 */
export function readableText(background: string): string {
  return contrastRatio(background, INK) >= contrastRatio(background, PAPER) ? INK : PAPER;
}

// ColorBrewer "Blues": a sequential scale from nearly white to deep blue.
const HEAT_STOPS = [
  "#F7FBFF",
  "#DEEBF7",
  "#C6DBEF",
  "#9ECAE1",
  "#6BAED6",
  "#4292C6",
  "#2171B5",
  "#08519C",
  "#08306B",
];

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, "0");

/** The heatmap colour of a share 0..1 (capped at both ends). */
export function heatColor(x: number): string {
  const v = Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0)) * (HEAT_STOPS.length - 1);
  const i = Math.min(Math.floor(v), HEAT_STOPS.length - 2);
  const t = v - i;
  const a = rgb(HEAT_STOPS[i] as string);
  const b = rgb(HEAT_STOPS[i + 1] as string);
  return `#${[0, 1, 2].map((k) => hex2((a[k] as number) + ((b[k] as number) - (a[k] as number)) * t)).join("")}`;
}

/** A heatmap cell's background and the text colour that reads on it; an empty cell is light grey. */
export function heatCell(x: number | null): { backgroundColor: string; color: string } {
  if (x === null) return { backgroundColor: "#F1F5F9", color: "#475569" };
  const backgroundColor = heatColor(x);
  return { backgroundColor, color: readableText(backgroundColor) };
}
