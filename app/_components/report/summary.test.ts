import { describe, expect, it } from "vitest";
import { makeFormatter } from "./formatters";
import type { Report } from "./series";
import { categorySummary, paretoSummary, periodSummary, type Say } from "./summary";

// Messages as "key(name=value, …)" so the test sees exactly which figures reach the sentence.
const say: Say = (key, values) =>
  `${key}(${Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")})`;
const f = makeFormatter("en", "USD");

describe("chart summaries (the text alternative)", () => {
  it("names the first Pareto item and how few items make up 80% of the total", () => {
    const bars = [
      { key: "price", count: 12, share: 0.5, cumulative: 0.5 },
      { key: "relationship", count: 8, share: 1 / 3, cumulative: 5 / 6 },
      { key: "timing", count: 4, share: 1 / 6, cumulative: 1 },
    ];
    expect(paretoSummary(bars, (k) => k.toUpperCase(), f, say)).toBe(
      "pareto(first=PRICE, count=12, total=24, share=50.0%, n=2, cumulative=83.3%)",
    );
    expect(paretoSummary([], (k) => k, f, say)).toBe("empty()");
  });

  it("says over which periods a chart runs and where each series started, ended and peaked", () => {
    const report: Report = {
      rows: [
        { p: "2026-01", revenue: 10_000 },
        { p: "2026-02", revenue: 50_000 },
        { p: "2026-03", revenue: 20_000 },
      ],
      category: { key: "p", label: "Month" },
      series: [{ key: "revenue", label: "Revenue", format: "money" }],
    };
    expect(periodSummary(report, f, say)).toBe(
      "periods(count=3, first=2026-01, last=2026-03) trend(series=Revenue, start=$100.00, end=$200.00, max=$500.00, maxAt=2026-02)",
    );
  });

  it("names the highest and lowest category of each series", () => {
    const report: Report = {
      rows: [
        { rung: "client", rate: 0.2 },
        { rung: "member", rate: 0.6 },
      ],
      category: { key: "rung", label: "Rung", display: (r) => `Rung ${r.rung}` },
      series: [
        { key: "rate", label: "Conversion", format: "percent" },
        { key: "hidden", label: "Hidden", format: "count", chart: false },
      ],
    };
    expect(categorySummary(report, f, say)).toBe(
      "categories(count=2) range(series=Conversion, maxLabel=Rung member, max=60.0%, minLabel=Rung client, min=20.0%)",
    );
  });
});
