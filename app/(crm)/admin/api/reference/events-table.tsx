"use client";

// The webhook events on the API reference page: the type, when it is sent, the fields its `data` carries.
import { DataTable } from "@/app/_components/ui/data-table";

type EventRow = { event: string; when: string; data: string };

export function EventsTable({
  caption,
  labels,
  rows,
}: {
  caption: string;
  labels: { type: string; when: string; data: string };
  rows: readonly EventRow[];
}) {
  return (
    <DataTable
      variant="report"
      caption={caption}
      captionVisible
      rows={rows}
      rowKey={(r) => r.event}
      columns={[
        {
          key: "type",
          header: labels.type,
          rowHeader: true,
          className: "font-mono text-xs whitespace-nowrap",
          cell: (r) => r.event,
        },
        { key: "when", header: labels.when, cell: (r) => r.when },
        { key: "data", header: labels.data, className: "font-mono text-xs break-words", cell: (r) => r.data },
      ]}
    />
  );
}
