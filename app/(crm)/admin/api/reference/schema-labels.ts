// How the API reference page writes an OpenAPI (JSON Schema) type and its limits. Pure: the server page and the
// schema table (a client component, as DataTable is) both read it.
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

/** "integer", "string (date-time)", "OrderIn[]", "read | orders", "string | null". */
export function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return refName(s.$ref);
  if (s.enum) return s.enum.map((v) => (v === null ? "null" : String(v))).join(" | ");
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map(typeLabel))].join(" | ");
  if (s.type === "array") return `${typeLabel(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object");
  return s.format ? `${type} (${s.format})` : type;
}

export function limits(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minItems !== undefined || s.maxItems !== undefined)
    parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.example !== undefined) parts.push(`e.g. ${JSON.stringify(s.example)}`);
  return parts.join("; ");
}
