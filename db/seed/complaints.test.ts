// The demo complaints tell the dashboard's story: about one per two accounts, consistent timelines, and
// repurchase that rises with how well the complaint was handled.
import { beforeAll, describe, expect, it } from "vitest";
import { complaintOutcomes } from "@/server/complaints/dashboard.queries";
import { complaintDashboardInput } from "@/server/complaints/dashboard.schemas";
import { createTestDb } from "@/server/test/harness";
import type { Db } from "../client";
import { drawOutcome } from "./complaints";
import { createRng } from "./prng";
import { seedDemo } from "./seed";

const NOW = Date.UTC(2026, 0, 15);

describe("demo complaints", () => {
  let db: Db;
  // Seeding 1,500 accounts (with their listening data) passed 60 s on a loaded 2-core machine.
  beforeAll(async () => {
    db = createTestDb();
    await seedDemo(db, { accounts: 1500, seed: 7, now: NOW });
  }, 180_000);
  const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

  it("gives about one complaint per two accounts over three years, each with its timeline", () => {
    const n = one("SELECT count(*) FROM complaints");
    expect(n).toBeGreaterThan(1500 * 0.35);
    expect(n).toBeLessThan(1500 * 0.7);
    expect(one(`SELECT min(received_at) FROM complaints`)).toBeGreaterThanOrEqual(NOW - 3 * 365 * 86_400_000);
    expect(
      one("SELECT count(*) FROM complaints WHERE id NOT IN (SELECT complaint_id FROM complaint_events)"),
    ).toBe(0);
    expect(one("SELECT count(DISTINCT channel) FROM complaints")).toBe(7);
    expect(one("SELECT count(DISTINCT category) FROM complaints")).toBe(7);
  });

  it("keeps every complaint's times in order and its status in step with them", () => {
    expect(
      one(`SELECT count(*) FROM complaints WHERE acknowledged_at < received_at OR resolved_at < acknowledged_at
        OR closed_at < resolved_at OR received_at > ${NOW} OR closed_at > ${NOW} OR resolved_at > ${NOW}`),
    ).toBe(0);
    expect(one("SELECT count(*) FROM complaints WHERE status = 'closed' AND resolved_at IS NULL")).toBe(0);
    expect(one("SELECT count(*) FROM complaints WHERE (closed_at IS NULL) <> (due_at IS NOT NULL)")).toBe(0);
    expect(
      one(
        "SELECT count(*) FROM complaints WHERE status = 'closed_unconfirmed' AND closed_unconfirmed_reason IS NULL",
      ),
    ).toBe(0);
    const open = all<{ status: string }>("SELECT DISTINCT status FROM complaints WHERE closed_at IS NULL");
    expect(open.length).toBeGreaterThan(0);
  });

  it("shows repurchase rising with the outcome: unacknowledged < unresolved < resolved < resolved quickly", () => {
    const o = complaintOutcomes(db, complaintDashboardInput.parse({ months: 36 }), NOW);
    const rate = (k: string) => o.repurchase.find((r) => r.outcome === k)?.rate ?? Number.NaN;
    expect(rate("unacknowledged")).toBeLessThan(rate("unresolved"));
    expect(rate("unresolved")).toBeLessThan(rate("resolved"));
    expect(rate("resolved")).toBeLessThan(rate("resolved_quickly"));
    expect(rate("resolved_quickly")).toBeGreaterThan(0.7);
    expect(rate("unacknowledged")).toBeLessThan(0.25);
  });

  it("draws the outcome from the account's later orders: good outcomes after a reorder, bad ones before leaving", () => {
    const rng = createRng(1);
    const count = (rep: boolean) => {
      let good = 0;
      for (let i = 0; i < 2000; i++) if (drawOutcome(rng, rep).startsWith("resolved")) good += 1;
      return good / 2000;
    };
    expect(count(true)).toBeGreaterThan(0.8);
    expect(count(false)).toBeLessThan(0.5);
  });
});
