// How an audit entry reads: its action and field names as words, its values formatted by what they hold
// (money in minor units, moments in epoch ms, codes with a label). Pure, so the rules are unit-tested; the
// row component supplies the catalog look-ups and the locale's formatters.

/** The catalog key of an action ("ladder.evidence.record" → "ladder_evidence_record"). */
export function actionKey(action: string): string {
  return action.replace(/\./g, "_");
}

/** Words from a code when the catalog has none: "resolveDueAt" → "resolve due at", "set_role" → "set role". */
export function humanize(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The last part of a dotted field ("value.approvalLimit" → "approvalLimit"): what decides its format. */
export function leafOf(field: string): string {
  return field.split(".").at(-1) ?? field;
}

/** Fields holding money in minor units (cents, fen). */
const MONEY_FIELDS = new Set([
  "amount",
  "margin",
  "revenue",
  "remedyValue",
  "approvalLimit",
  "complaintApprovalLimit",
  "yearlyMargin",
  "customerValue",
]);

export function isMoneyField(field: string): boolean {
  return MONEY_FIELDS.has(leafOf(field));
}

/** Fields holding a moment in epoch milliseconds. */
export function isTimeField(field: string, value: unknown): value is number {
  const leaf = leafOf(field);
  return (
    typeof value === "number" &&
    value > 946_684_800_000 &&
    (/(At|Since|_at)$/.test(leaf) || leaf === "at" || leaf === "asOf")
  );
}

export type ValueFormatters = {
  money: (minor: number) => string;
  moment: (epochMs: number) => string;
  number: (n: number) => string;
  yesNo: (b: boolean) => string;
  /** The label of a code value of this field, or null when it has none. */
  code: (field: string, value: string) => string | null;
  /** The label of a field name inside an object value. */
  field: (field: string) => string;
};

/** A value as a reader should see it; objects and lists are spelled out, never shown as JSON. */
export function formatAuditValue(field: string, value: unknown, f: ValueFormatters): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return f.yesNo(value);
  if (typeof value === "number") {
    if (isTimeField(field, value)) return f.moment(value);
    if (isMoneyField(field)) return f.money(value);
    return f.number(value);
  }
  if (typeof value === "string") return f.code(leafOf(field), value) ?? value;
  if (Array.isArray(value)) {
    return value.length ? value.map((v) => formatAuditValue(field, v, f)).join(", ") : "—";
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${f.field(k)}: ${formatAuditValue(k, v, f)}`)
      .join("; ");
  }
  return String(value);
}
