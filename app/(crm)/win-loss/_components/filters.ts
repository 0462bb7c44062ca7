// The dashboard's filters as URL parameters: from and to are dates (to inclusive), owner a comma list.
import { type DashboardInput, dashboardInput } from "@/server/deals/deals.schemas";

export type DashboardParams = {
  from: string;
  to: string;
  grain: "month" | "quarter";
  owners: string[];
  segment: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

export function defaultParams(now: number): DashboardParams {
  const d = new Date(now);
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1));
  return {
    from: from.toISOString().slice(0, 10),
    to: d.toISOString().slice(0, 10),
    grain: "month",
    owners: [],
    segment: "",
  };
}

/** URL parameters to filters; anything malformed falls back to the default for that parameter. */
export function parseParams(
  params: Record<string, string | string[] | undefined>,
  now: number,
): DashboardParams {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const d = defaultParams(now);
  const from = DATE.test(one("from")) ? one("from") : d.from;
  const to = DATE.test(one("to")) ? one("to") : d.to;
  return {
    from: from <= to ? from : d.from,
    to: from <= to ? to : d.to,
    grain: one("grain") === "quarter" ? "quarter" : "month",
    owners: one("owner") ? one("owner").split(",").filter(Boolean).slice(0, 50) : [],
    segment: one("segment").slice(0, 100),
  };
}

export function toSearch(p: DashboardParams): string {
  const q = new URLSearchParams({ from: p.from, to: p.to, grain: p.grain });
  if (p.owners.length) q.set("owner", p.owners.join(","));
  if (p.segment) q.set("segment", p.segment);
  return q.toString();
}

/** The procedures' input: [from 00:00, the day after `to` 00:00) in UTC. */
export function toInput(p: DashboardParams): DashboardInput {
  return dashboardInput.parse({
    from: Date.parse(`${p.from}T00:00:00Z`),
    to: Date.parse(`${p.to}T00:00:00Z`) + DAY,
    grain: p.grain,
    ownerIds: p.owners,
    segment: p.segment || null,
  });
}
