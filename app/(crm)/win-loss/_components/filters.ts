// The dashboard's filters as URL parameters: from and to are months (to included), owner a comma list.
import { addMonths, type Grain, MONTH_LABEL, monthOf } from "@/lib/periods";
import { type DashboardInput, dashboardInput } from "@/server/deals/deals.schemas";

export type DashboardParams = {
  from: string;
  to: string;
  grain: Grain;
  owners: string[];
  segment: string;
};

/** The last twelve months, this one included. */
export function defaultParams(now: number): DashboardParams {
  const to = monthOf(now);
  return { from: addMonths(to, -11), to, grain: "month", owners: [], segment: "" };
}

/** URL parameters to filters; anything malformed falls back to the default for that parameter. */
export function parseParams(
  params: Record<string, string | string[] | undefined>,
  now: number,
): DashboardParams {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const d = defaultParams(now);
  const from = MONTH_LABEL.test(one("from")) ? one("from") : d.from;
  const to = MONTH_LABEL.test(one("to")) ? one("to") : d.to;
  const asked = {
    from: from <= to ? from : d.from,
    to: from <= to ? to : d.to,
    grain: one("grain") === "quarter" ? ("quarter" as const) : ("month" as const),
    owners: one("owner") ? one("owner").split(",").filter(Boolean).slice(0, 50) : [],
    segment: one("segment").slice(0, 100),
  };
  return dashboardInput.safeParse(inputOf(asked)).success ? asked : d;
}

export function toSearch(p: DashboardParams): string {
  const q = new URLSearchParams({ from: p.from, to: p.to, grain: p.grain });
  if (p.owners.length) q.set("owner", p.owners.join(","));
  if (p.segment) q.set("segment", p.segment);
  return q.toString();
}

function inputOf(p: DashboardParams) {
  return { fromMonth: p.from, toMonth: p.to, grain: p.grain, ownerIds: p.owners, segment: p.segment || null };
}

/** The procedures' input. */
export function toInput(p: DashboardParams): DashboardInput {
  return dashboardInput.parse(inputOf(p));
}
