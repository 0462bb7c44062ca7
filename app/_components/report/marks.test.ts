import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { COLORS, PALETTE } from "./colors";
import { type SeriesMark, seriesMarks } from "./marks";
import { type Series, withColors } from "./series";
import { SeriesSwatch } from "./swatch";

const declared: Series[] = [
  { key: "won", label: "Won", format: "count" },
  { key: "lost", label: "Lost", format: "count" },
  { key: "share", label: "Share", format: "percent", chart: false },
  { key: "winRate", label: "Win rate", format: "percent", chart: "line", axis: "right" },
];

describe("series marks", () => {
  it("hatches the second of two bars, draws a right-axis line beside bars in ink, and skips undrawn series", () => {
    const marks = seriesMarks(withColors(declared), "bar");
    expect([...marks.keys()]).toEqual(["won", "lost", "winRate"]);
    expect(marks.get("won")).toEqual({ kind: "bar", color: PALETTE[0], pattern: "solid" });
    expect(marks.get("lost")).toEqual({ kind: "bar", color: PALETTE[1], pattern: "diagonal" });
    // The third series drawn: the third dash.
    expect(marks.get("winRate")).toMatchObject({ kind: "line", color: COLORS.line, dash: "2 3" });
  });

  it("keeps a lone bar solid and dashes lines after the first", () => {
    const one = seriesMarks(withColors(declared.slice(0, 1)), "bar");
    expect(one.get("won")?.pattern).toBe("solid");
    const lines = seriesMarks(withColors(declared.slice(0, 2)), "line");
    expect(lines.get("won")?.dash).toBeUndefined();
    expect(lines.get("lost")).toMatchObject({ kind: "line", color: PALETTE[1], dash: "6 3" });
  });

  it("draws a hatched bar's swatch with the same pattern, and a solid one in its colour", () => {
    const marks = seriesMarks(withColors(declared), "bar");
    const hatched = renderToStaticMarkup(
      createElement(SeriesSwatch, { mark: marks.get("lost") as SeriesMark }),
    );
    expect(hatched).toContain("<pattern");
    expect(hatched).toMatch(/fill="url\(#sw[^)]+\)"/);
    expect(hatched).toContain('data-swatch="diagonal"');
    const solid = renderToStaticMarkup(createElement(SeriesSwatch, { mark: marks.get("won") as SeriesMark }));
    expect(solid).not.toContain("<pattern");
    expect(solid).toContain(`fill="${PALETTE[0]}"`);
    const line = renderToStaticMarkup(
      createElement(SeriesSwatch, { mark: marks.get("winRate") as SeriesMark }),
    );
    expect(line).toContain('stroke-dasharray="1 1.5"');
  });
});
