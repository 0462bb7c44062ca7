import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { makeFormatter } from "./formatters";
import { hasData, type Report, reportCells, reportCsv, withColors } from "./series";

const report: Report = {
  rows: [
    { month: "2026-01", owner: '=HYPERLINK("http://x")', revenue: 125_050, rate: 0.25, deals: 4 },
    { month: "2026-02", owner: "Wang, Fang", revenue: 0, rate: null, deals: 0 },
  ],
  category: { key: "month", label: "Month" },
  series: [
    { key: "owner", label: "Owner", format: "text", chart: false },
    { key: "revenue", label: "Revenue", format: "money" },
    { key: "rate", label: "Win rate", format: "percent", chart: "line", axis: "right" },
    { key: "deals", label: "Deals", format: "count", csv: false },
  ],
};

describe("a series declaration", () => {
  it("gives the CSV one column per series: money in currency units, shares as ratios, text neutralised", () => {
    const csv = toCsv(reportCsv(report, "USD"));
    expect(csv.split("\r\n")).toEqual([
      "month,owner,revenue_usd,rate",
      `2026-01,"'=HYPERLINK(""http://x"")",1250.5,0.25`,
      '2026-02,"Wang, Fang",0,',
    ]);
  });

  it("gives the table the same series, formatted for reading", () => {
    const cells = reportCells(report, makeFormatter("en", "USD"));
    expect(cells.header).toEqual(["Month", "Owner", "Revenue", "Win rate", "Deals"]);
    expect(cells.rows[0]).toEqual(["2026-01", '=HYPERLINK("http://x")', "$1,250.50", "25.0%", "4"]);
    expect(cells.rows[1]).toEqual(["2026-02", "Wang, Fang", "$0.00", "—", "0"]);
  });

  it("writes a category's stored key to the CSV and its label to the table", () => {
    const rungs: Report = {
      rows: [{ rung: "first_time", accounts: 3 }],
      category: { key: "rung", label: "Rung", display: () => "First-time buyer" },
      series: [{ key: "accounts", label: "Accounts", format: "count" }],
    };
    expect(reportCsv(rungs)).toEqual([
      ["rung", "accounts"],
      ["first_time", 3],
    ]);
    expect(reportCells(rungs, makeFormatter("en")).rows).toEqual([["First-time buyer", "3"]]);
  });

  it("puts a total row last in the table and the CSV", () => {
    const withTotal: Report = {
      rows: [{ m: "2026-01", n: 2 }],
      category: { key: "m", label: "Month" },
      series: [{ key: "n", label: "Complaints", format: "count" }],
      total: { m: "all", n: 2 },
    };
    expect(reportCsv(withTotal)).toEqual([
      ["m", "n"],
      ["2026-01", 2],
      ["all", 2],
    ]);
    expect(reportCells(withTotal, makeFormatter("en")).rows).toEqual([
      ["2026-01", "2"],
      ["all", "2"],
    ]);
  });

  it("takes legend colours from the palette by position unless a series names one", () => {
    const colored = withColors(report.series);
    expect(colored[0]?.color).toBe("#0072B2");
    expect(colored[1]?.color).toBe("#D55E00");
    expect(withColors([{ key: "a", label: "A", format: "count", color: "#123456" }])[0]?.color).toBe(
      "#123456",
    );
  });

  it("has no data to chart when every charted value is zero or missing", () => {
    expect(hasData(report)).toBe(true);
    expect(hasData({ ...report, rows: [report.rows[1] as Record<string, unknown>] })).toBe(false);
  });
});
