import { describe, expect, it } from "vitest";
import {
  BAND_COLORS,
  COMPLAINT_OUTCOME_COLORS,
  contrastRatio,
  FLOW_COLORS,
  heatCell,
  OUTCOME_COLORS,
  PALETTE,
  PATTERNS,
  patternPath,
  readableText,
  STATUS_COLORS,
} from "./colors";

describe("the report colour map", () => {
  it("has series colours that stand out from the white chart background (3:1 for graphics)", () => {
    for (const color of PALETTE) expect(contrastRatio(color, "#FFFFFF")).toBeGreaterThanOrEqual(3);
  });

  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
  });

  it("writes every heatmap cell's text in a colour that reads on it (4.5:1 for small text)", () => {
    for (let i = 0; i <= 100; i++) {
      const { backgroundColor, color } = heatCell(i / 100);
      expect(contrastRatio(backgroundColor, color)).toBeGreaterThanOrEqual(4.5);
    }
    const empty = heatCell(null);
    expect(contrastRatio(empty.backgroundColor, empty.color)).toBeGreaterThanOrEqual(4.5);
  });

  it("darkens the heatmap as the share grows, and caps it at both ends", () => {
    const lightness = (x: number) => contrastRatio(heatCell(x).backgroundColor, "#FFFFFF");
    expect(lightness(0.2)).toBeLessThan(lightness(0.6));
    expect(heatCell(1.4).backgroundColor).toBe(heatCell(1).backgroundColor);
    expect(heatCell(-1).backgroundColor).toBe(heatCell(0).backgroundColor);
    expect(readableText(heatCell(1).backgroundColor)).toBe("#FFFFFF");
    expect(readableText(heatCell(0).backgroundColor)).toBe("#000000");
  });

  it("gives bars after the first a pattern, so series are not told apart by colour alone", () => {
    expect(patternPath(PATTERNS[0])).toBeNull();
    const marks = PATTERNS.slice(1).map(patternPath);
    expect(marks.every(Boolean)).toBe(true);
    expect(new Set(marks).size).toBe(marks.length);
  });
});

// Colour-blind readers: the colours of each set, as seen with protanopia, deuteranopia and tritanopia (Machado,
// Oliveira and Fernandes 2009, full severity, in linear RGB), stay at least 10 apart in CIELAB (ΔE*76), as they
// are for other readers. 10 is a difference anyone sees side by side; a dark yellow beside vermillion was 3.3
// apart for protanopes before the palette's fifth colour became a dark brown.
const CVD: Record<string, readonly (readonly [number, number, number])[]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linear(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(hex: string, vision: string): [number, number, number] {
  const m = CVD[vision] as readonly (readonly [number, number, number])[];
  const c = linear(hex);
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  return lab(
    m.map((row) => clamp(row[0] * c[0] + row[1] * c[1] + row[2] * c[2])) as [number, number, number],
  );
}

/** The smallest difference between two colours of a set, over every kind of vision, with the pair. */
function closest(colors: readonly string[]): { distance: number; pair: string } {
  const set = [...new Set(colors.map((c) => c.toUpperCase()))];
  let worst = { distance: Number.POSITIVE_INFINITY, pair: "" };
  for (const vision of Object.keys(CVD)) {
    for (let i = 0; i < set.length; i++) {
      for (let j = i + 1; j < set.length; j++) {
        const a = seenAs(set[i] as string, vision);
        const b = seenAs(set[j] as string, vision);
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        if (distance < worst.distance) worst = { distance, pair: `${set[i]}/${set[j]} (${vision})` };
      }
    }
  }
  return worst;
}

describe("the report colour map for colour-blind readers", () => {
  it.each([
    ["the series palette", [...PALETTE]],
    ["deal outcomes", Object.values(OUTCOME_COLORS)],
    ["how complaints ended", Object.values(COMPLAINT_OUTCOME_COLORS)],
    ["account statuses", Object.values(STATUS_COLORS)],
    ["ladder moves", Object.values(FLOW_COLORS)],
    ["the ladder's bands", Object.values(BAND_COLORS)],
  ])("keeps %s apart with protanopia, deuteranopia and tritanopia", (_name, colors) => {
    const { distance, pair } = closest(colors);
    expect(distance, pair).toBeGreaterThanOrEqual(10);
  });

  it("finds the old palette's vermillion and dark yellow too close for protanopes", () => {
    expect(closest(["#D55E00", "#8F7A00"]).distance).toBeLessThan(10);
  });
});
