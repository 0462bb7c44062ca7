import { describe, expect, it } from "vitest";
import { csvHeader, csvValue, formatterFor, makeFormatter } from "./formatters";

const en = makeFormatter("en", "USD");
const zh = makeFormatter("zh", "CNY");

describe("report formatters", () => {
  it("writes money from minor units in the deployment's currency, in either language", () => {
    expect(en.money(123_450)).toBe("$1,234.50");
    expect(en.money(-500)).toBe("-$5.00");
    expect(zh.money(123_450)).toBe("¥1,234.50");
    expect(en.money(null)).toBe("—");
  });

  it("labels money axes short and with the currency (the lifetime-value axis said 60000)", () => {
    expect(en.axis("money")(6_000_000)).toBe("$60K");
    expect(zh.axis("money")(6_000_000)).toBe("¥6万");
    expect(en.moneyCompact(150_000_000)).toBe("$1.5M");
  });

  it("writes shares as percentages with the digits asked, and a dash where there is no denominator", () => {
    expect(en.percent(0.425)).toBe("42.5%");
    expect(en.percent(0.425, 0)).toBe("43%");
    expect(en.percent(1)).toBe("100.0%");
    expect(en.percent(null)).toBe("—");
    expect(en.percent(Number.NaN)).toBe("—");
    expect(en.axis("percent")(0.3)).toBe("30%");
  });

  it("writes changes with a sign, and counts with separators", () => {
    expect(en.change(0.12)).toBe("+12.0%");
    expect(en.change(-0.035)).toBe("−3.5%");
    expect(en.change(0)).toBe("±0.0%");
    expect(en.count(1_234_567)).toBe("1,234,567");
    expect(en.compact(16_000)).toBe("16K");
    expect(zh.compact(3_200_000)).toBe("320万");
  });

  it("writes durations in hours and whole days, and dates in UTC", () => {
    expect(en.hours(45_000_000)).toBe("12.5 hr");
    expect(zh.hours(45_000_000)).toBe("12.5小时");
    expect(en.days(3 * 86_400_000 + 3_600_000)).toBe("3 days");
    expect(en.days(86_400_000)).toBe("1 day");
    const jan11 = Date.UTC(2026, 0, 11, 23, 30);
    expect(en.date(jan11)).toBe("Jan 11, 2026");
    expect(en.date(jan11, "numeric")).toBe("1/11/2026");
    expect(zh.date(jan11)).toBe("2026年1月11日");
    expect(en.date(null, "medium", "never")).toBe("never");
  });

  it("formats any value by its declared format, as a table cell shows it", () => {
    expect(en.value("money", 250)).toBe("$2.50");
    expect(en.value("percent", 0.5)).toBe("50.0%");
    expect(en.value("count", 3)).toBe("3");
    expect(en.value("text", "")).toBe("—");
    expect(en.value("decimal", 3.25)).toBe("3.3");
  });

  it("puts money into CSV files in currency units (the cohort file had cents), durations in hours", () => {
    expect(csvValue("money", 123_456)).toBe(1234.56);
    expect(csvValue("hours", 45_000_000)).toBe(12.5);
    expect(csvValue("days", 2.5 * 86_400_000)).toBe(2.5);
    expect(csvValue("percent", 0.4251)).toBe(0.4251);
    expect(csvValue("count", null)).toBeNull();
    expect(csvHeader("revenue", "money", "USD")).toBe("revenue_usd");
    expect(csvHeader("accounts", "count", "USD")).toBe("accounts");
  });
});

describe("formatterFor", () => {
  it("shares one formatter per locale and currency, and keeps them apart", () => {
    const en = formatterFor("en", "USD");
    expect(formatterFor("en", "USD")).toBe(en);
    expect(en.money(123450)).toBe("$1,234.50");
    const zh = formatterFor("zh", "CNY");
    expect(zh).not.toBe(en);
    expect(zh.money(123450)).toBe("¥1,234.50");
    expect(formatterFor("en", "EUR").money(123450)).toBe("€1,234.50");
  });
});
