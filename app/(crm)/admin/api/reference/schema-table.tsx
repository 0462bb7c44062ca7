"use client";

// An OpenAPI (JSON Schema) object's properties as a table on the API reference page: name, type, required, notes.
import { DataTable } from "@/app/_components/ui/data-table";
import { type JsonSchema, limits, typeLabel } from "./schema-labels";

export function SchemaTable({
  schema,
  caption,
  labels,
}: {
  schema: JsonSchema;
  /** What the table lists (the endpoint's parameters, a request body, a named schema). */
  caption: string;
  labels: { field: string; type: string; required: string; notes: string; yes: string };
}) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="font-mono text-xs">{typeLabel(schema)}</p>;
  return (
    <DataTable
      variant="report"
      caption={caption}
      rows={properties}
      rowKey={([name]) => name}
      columns={[
        {
          key: "field",
          header: labels.field,
          rowHeader: true,
          className: "font-mono text-xs",
          cell: ([name]) => name,
        },
        {
          key: "type",
          header: labels.type,
          className: "font-mono text-xs break-words",
          cell: ([, p]) => typeLabel(p),
        },
        {
          key: "required",
          header: labels.required,
          cell: ([name]) => (schema.required?.includes(name) ? labels.yes : ""),
        },
        {
          key: "notes",
          header: labels.notes,
          className: "text-slate-600",
          cell: ([, p]) => [p.description, limits(p)].filter(Boolean).join(" — "),
        },
      ]}
    />
  );
}
