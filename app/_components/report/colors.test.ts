import { describe, expect, it } from "vitest";
import { contrastRatio, heatCell, PALETTE, PATTERNS, patternPath, readableText } from "./colors";

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
