// The product's one way to write a figure: money, shares, counts, durations and dates, in the reader's language.
// Pure (no React, no next-intl) so tables, charts, CSV files and tests share it; `format.ts` binds it to the
// page's locale. Amounts are stored in integer minor units (cents, fen); there is one currency per deployment.

/** The deployment's currency (ISO 4217). */
export const CURRENCY = process.env.NEXT_PUBLIC_CURRENCY ?? "USD";

/** What a figure is, which decides how it is written in a cell, on an axis and in a CSV file. */
export type Format =
  /** a whole number of things: 1,234 */
  | "count"
  /** minor units (cents): $1,234.50; CSV in currency units */
  | "money"
  /** a ratio 0..1: 42.5% */
  | "percent"
  /** a duration in milliseconds, written in hours: 12.5 hr */
  | "hours"
  /** a duration in milliseconds, written in whole days: 12 days */
  | "days"
  /** a plain number with one decimal: 3.2 */
  | "decimal"
  /** text as it is */
  | "text";

/** Written where a figure has no value (no denominator, nothing measured). */
export const NONE = "—";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type Formatter = ReturnType<typeof makeFormatter>;

const shared = new Map<string, Formatter>();

/**
 * The formatter of a locale and currency, built once per process (or browser tab) and shared: building one costs
 * a dozen `Intl` objects, and every component that formats a figure asks for it (a table's rows, each chart).
 */
export function formatterFor(locale: string, currency: string = CURRENCY): Formatter {
  const key = `${locale}\u0000${currency}`;
  let f = shared.get(key);
  if (!f) {
    f = makeFormatter(locale, currency);
    shared.set(key, f);
  }
  return f;
}

/**
 * Formatting functions for one locale ("en", "zh", or any BCP 47 tag) and currency. Number formats are built once
 * here, so a table of a thousand cells does not build a thousand `Intl.NumberFormat`s.
 */
export function makeFormatter(locale: string, currency: string = CURRENCY) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const moneyFormat = new Intl.NumberFormat(locale, { style: "currency", currency });
  const moneyShort = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact" });
  const compactFormat = new Intl.NumberFormat(locale, { notation: "compact" });
  const percents = [0, 1, 2].map(
    (d) =>
      new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: d, maximumFractionDigits: d }),
  );
  const hoursFormat = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "hour",
    unitDisplay: "short",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const daysFormat = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "day",
    unitDisplay: "long",
    maximumFractionDigits: 0,
  });
  const dates = {
    medium: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
    numeric: new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      timeZone: "UTC",
    }),
  };
  const missing = (v: number | null | undefined): v is null | undefined =>
    v === null || v === undefined || Number.isNaN(v);

  const f = {
    locale,
    currency,
    none: NONE,
    count: (n: number | null | undefined) => (missing(n) ? NONE : integer.format(n)),
    /** Minor units as money: 123450 → $1,234.50. */
    money: (minor: number | null | undefined) => (missing(minor) ? NONE : moneyFormat.format(minor / 100)),
    /** Minor units as short money for axes and small cells: 6000000 → $60K (60万 in Chinese). */
    moneyCompact: (minor: number | null | undefined) =>
      missing(minor) ? NONE : moneyShort.format(minor / 100),
    /** A ratio as a percentage: 0.425 → 42.5%. */
    percent: (ratio: number | null | undefined, digits: 0 | 1 | 2 = 1) =>
      missing(ratio) ? NONE : (percents[digits] as Intl.NumberFormat).format(ratio),
    /** Large counts short: 16K, 320M (万, 亿). */
    compact: (n: number | null | undefined) => (missing(n) ? NONE : compactFormat.format(n)),
    decimal: (n: number | null | undefined) => (missing(n) ? NONE : oneDecimal.format(n)),
    hours: (ms: number | null | undefined) => (missing(ms) ? NONE : hoursFormat.format(ms / HOUR_MS)),
    days: (ms: number | null | undefined) =>
      missing(ms) ? NONE : daysFormat.format(Math.round(ms / DAY_MS)),
    /** "medium" spells the month (Jan 11, 2026 / 2026年1月11日); "numeric" fits table cells (1/11/2026). */
    date: (epochMs: number | null | undefined, style: "medium" | "numeric" = "medium", fallback = NONE) =>
      missing(epochMs) ? fallback : dates[style].format(new Date(epochMs)),
    /** A change against an earlier figure: +12.0%, −3.5%, ±0.0%. */
    change: (ratio: number | null | undefined) => {
      if (missing(ratio)) return NONE;
      const sign = ratio > 0 ? "+" : ratio < 0 ? "−" : "±";
      return `${sign}${(percents[1] as Intl.NumberFormat).format(Math.abs(ratio))}`;
    },
    /** A value of any format, as a table cell shows it. */
    value: (format: Format, v: unknown): string => {
      if (format === "text") return v === null || v === undefined || v === "" ? NONE : String(v);
      const n = typeof v === "number" ? v : v === null || v === undefined ? null : Number(v);
      switch (format) {
        case "count":
          return f.count(n);
        case "money":
          return f.money(n);
        case "percent":
          return f.percent(n);
        case "hours":
          return f.hours(n);
        case "days":
          return f.days(n);
        case "decimal":
          return f.decimal(n);
      }
    },
    /** Tick labels for an axis carrying this format: short money with its currency, whole percentages. */
    axis:
      (format: Format) =>
      (v: number): string => {
        switch (format) {
          case "money":
            return moneyShort.format(v / 100);
          case "percent":
            return (percents[0] as Intl.NumberFormat).format(v);
          case "hours":
            return integer.format(v / HOUR_MS);
          case "days":
            return integer.format(v / DAY_MS);
          case "count":
            return compactFormat.format(v);
          default:
            return String(v);
        }
      },
  };
  return f;
}

/**
 * A value as it goes into a CSV file: numbers stay numbers (money in currency units, not cents; durations in
 * hours or days; shares as ratios 0..1), missing values stay empty.
 */
export function csvValue(format: Format, v: unknown): string | number | null {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return null;
  if (format === "text") return String(v);
  const n = Number(v);
  switch (format) {
    case "money":
      return Math.round(n) / 100;
    case "hours":
      return Math.round((n / HOUR_MS) * 100) / 100;
    case "days":
      return Math.round((n / DAY_MS) * 10) / 10;
    default:
      return n;
  }
}

/** The CSV header of a column: money columns name their currency ("revenue_usd"). */
export function csvHeader(name: string, format: Format, currency: string = CURRENCY): string {
  return format === "money" ? `${name}_${currency.toLowerCase()}` : name;
}
