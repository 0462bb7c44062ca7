// A series' key: a small picture of its mark (a bar's fill with its pattern, a line with its dash), used by the
// chart legend and beside the table view's column headers. Decorative: the label next to it names the series.
import { useId } from "react";
import { patternPath } from "./colors";
import type { SeriesMark } from "./marks";

export function SeriesSwatch({ mark }: { mark: SeriesMark }) {
  const id = `sw${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  if (mark.kind === "line") {
    return (
      <svg width={18} height={10} aria-hidden="true" className="inline-block shrink-0" data-swatch="line">
        <line
          x1={1}
          x2={17}
          y1={5}
          y2={5}
          stroke={mark.color}
          strokeWidth={2}
          strokeDasharray={
            mark.dash ? mark.dash.replace(/\d+/g, (n) => String(Math.max(1, Number(n) / 2))) : undefined
          }
        />
      </svg>
    );
  }
  const d = mark.kind === "bar" ? patternPath(mark.pattern) : null;
  return (
    <svg
      width={14}
      height={12}
      aria-hidden="true"
      className="inline-block shrink-0"
      data-swatch={mark.pattern}
    >
      {d ? (
        <defs>
          <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse">
            <rect width={6} height={6} fill={mark.color} />
            <path d={d} stroke="#FFFFFF" strokeWidth={1.4} strokeOpacity={0.85} fill="#FFFFFF" />
          </pattern>
        </defs>
      ) : null}
      <rect
        x={0.5}
        y={0.5}
        width={13}
        height={11}
        fill={d ? `url(#${id})` : mark.color}
        stroke={mark.color}
        fillOpacity={mark.kind === "area" ? 0.85 : 1}
      />
    </svg>
  );
}
