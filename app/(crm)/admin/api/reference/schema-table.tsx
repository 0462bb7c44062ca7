// Renders OpenAPI (JSON Schema) objects as readable tables for the API reference page. Server-only markup.
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

function limits(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minItems !== undefined || s.maxItems !== undefined)
    parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.example !== undefined) parts.push(`e.g. ${JSON.stringify(s.example)}`);
  return parts.join("; ");
}

export function SchemaTable({
  schema,
  labels,
}: {
  schema: JsonSchema;
  labels: { field: string; type: string; required: string; notes: string; yes: string };
}) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="font-mono text-xs">{typeLabel(schema)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {labels.field}
            </th>
            <th scope="col" className="py-1 pr-3">
              {labels.type}
            </th>
            <th scope="col" className="py-1 pr-3">
              {labels.required}
            </th>
            <th scope="col" className="py-1">
              {labels.notes}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {properties.map(([name, p]) => (
            <tr key={name}>
              <td className="py-1 pr-3 font-mono text-xs">{name}</td>
              <td className="py-1 pr-3 font-mono text-xs break-words">{typeLabel(p)}</td>
              <td className="py-1 pr-3">{schema.required?.includes(name) ? labels.yes : ""}</td>
              <td className="py-1 text-slate-600">
                {[p.description, limits(p)].filter(Boolean).join(" — ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
