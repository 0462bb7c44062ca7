// A cross-tabulation as a table: one category down the side, another across the top, a count in each cell
// coloured on the kit's sequential scale (text black or white by the cell's luminance). Cells on the diagonal
// (the two categories agree) can be outlined. The corner is left empty so the column headers are the columns'
// categories alone. Each cell's details are in its title and read with the cell.
import { cn } from "@/app/_components/ui/cn";
import { heatCell } from "./colors";

export type MatrixAxis = readonly { key: string; label: string }[];

export function MatrixTable({
  caption,
  rows,
  columns,
  value,
  detail,
  outlineDiagonal = false,
}: {
  caption: string;
  rows: MatrixAxis;
  columns: MatrixAxis;
  value: (row: number, column: number) => number;
  /** The cell in words ("3 (12% of reviewed deals)"). */
  detail: (row: number, column: number) => string;
  outlineDiagonal?: boolean;
}) {
  let max = 1;
  rows.forEach((_, r) => {
    columns.forEach((_, c) => {
      max = Math.max(max, value(r, c));
    });
  });
  return (
    <div className="relative overflow-x-auto print:overflow-visible">
      <table className="text-sm [print-color-adjust:exact]">
        <caption className="mb-1 text-left text-xs font-medium text-slate-600">{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className="max-w-24 px-2 py-1 text-center text-xs font-medium text-slate-600"
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th
                scope="row"
                className="whitespace-nowrap px-2 py-1 text-left text-xs font-medium text-slate-600"
              >
                {row.label}
              </th>
              {columns.map((col, c) => {
                const n = value(r, c);
                return (
                  <td
                    key={col.key}
                    title={detail(r, c)}
                    className={cn(
                      "min-w-14 px-2 py-1 text-center tabular-nums",
                      outlineDiagonal && row.key === col.key && "ring-2 ring-inset ring-emerald-700",
                    )}
                    style={heatCell((n / max) * 0.85)}
                  >
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
