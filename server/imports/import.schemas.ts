import { z } from "zod";

/** Which column of the file holds each field the import needs (by header name). */
export const columnMapping = z.object({
  account_ref: z.string().trim().min(1, "Choose the customer reference column."),
  account_name: z.string().trim().min(1, "Choose the customer name column."),
  order_ref: z.string().trim().min(1, "Choose the order reference column."),
  ordered_at: z.string().trim().min(1, "Choose the order date column."),
  amount: z.string().trim().min(1, "Choose the amount column."),
  margin: z.string().trim().min(1, "Choose the margin (profit) column."),
  segment: z.string().trim().optional(),
  category: z.string().trim().optional(),
  kind: z.string().trim().optional(),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

/**
 * The columns of a Superstore-like order export (the sample in testdata, the tests' and the benches' files): what
 * guessMapping finds in one, category aside (a file without that column must not name it).
 */
export const ORDER_FILE_MAPPING = {
  account_ref: "Customer ID",
  account_name: "Customer Name",
  order_ref: "Order ID",
  ordered_at: "Order Date",
  amount: "Sales",
  margin: "Profit",
  segment: "Segment",
} as const satisfies ColumnMapping;

export const IMPORT_FIELDS = [
  "account_ref",
  "account_name",
  "order_ref",
  "ordered_at",
  "amount",
  "margin",
  "segment",
  "category",
  "kind",
] as const;

/** 20 MB of CSV: about 150,000 lines of a typical retail export. */
export const MAX_CSV_CHARS = 20_000_000;

export const runImportInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  csv: z.string().min(1, "The file is empty.").max(MAX_CSV_CHARS, "The file is larger than 20 MB."),
  mapping: columnMapping,
  dryRun: z.boolean().default(true),
  allowPartial: z.boolean().default(false),
});
export type RunImportInput = z.infer<typeof runImportInput>;

/** Common header names in shop and ERP exports (Superstore-like samples included), for pre-filling the mapping. */
const GUESSES: Record<(typeof IMPORT_FIELDS)[number], RegExp> = {
  account_ref: /^(customer|client|account)[ _-]?(id|ref|reference|no|number|code)$/i,
  account_name: /^(customer|client|account)[ _-]?name$|^company$/i,
  order_ref: /^(order|invoice)[ _-]?(id|ref|reference|no|number)$/i,
  ordered_at: /^(order|invoice)?[ _-]?date$/i,
  amount: /^(sales|amount|revenue|total|value)$/i,
  margin: /^(profit|margin|gross[ _-]?margin)$/i,
  segment: /^segment$/i,
  category: /^(category|product[ _-]?category)$/i,
  kind: /^((customer|client|account)[ _-]?)?(kind|type)$|^类型$/i,
};

export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const field of IMPORT_FIELDS) {
    const hit = header.find((h) => GUESSES[field].test(h.trim()));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}
