import { describe, expect, it } from "vitest";
import { DEFAULT_WHAT_IF, mixGap, whatIf, wonBack } from "./whatif.rules";

const base = {
  customers: 10_000,
  problemShare: 0.2,
  complainShare: 0.1,
  outcomeMix: { unacknowledged: 0.25, unresolved: 0.25, resolved: 0.25, resolved_quickly: 0.25 },
  repurchase: { silent: 0.1, unacknowledged: 0.1, unresolved: 0.2, resolved: 0.5, resolved_quickly: 0.8 },
  customerValue: 1_000,
};

describe("the service what-if", () => {
  it("counts who had a problem, who complained, who came back and what was lost (worked by hand)", () => {
    // 2,000 with a problem; 200 complained, 1,800 silent. Silent back: 180.
    // Complainants back: 50 × (0.1 + 0.2 + 0.5 + 0.8) = 80. Retained 260; lost 1,740; revenue lost 1,740,000.
    const r = whatIf(base);
    expect(r.withProblem).toBe(2_000);
    expect(r.complained).toBe(200);
    expect(r.silent).toBe(1_800);
    expect(r.retained).toBeCloseTo(260, 9);
    expect(r.lost).toBeCloseTo(1_740, 9);
    expect(r.revenueLost).toBeCloseTo(1_740_000, 6);
  });

  it("more customers complaining and more complaints resolved quickly win customers back", () => {
    const scenario = {
      ...base,
      complainShare: 0.5,
      outcomeMix: { unacknowledged: 0, unresolved: 0.1, resolved: 0.3, resolved_quickly: 0.6 },
    };
    // 1,000 complained, 1,000 silent → silent back 100; complainants back 1,000 × (0.02 + 0.15 + 0.48) = 650.
    // Retained 750, lost 1,250: 490 customers and 490,000 won back against the baseline.
    const back = wonBack(base, scenario);
    expect(back.customers).toBeCloseTo(490, 9);
    expect(back.revenue).toBeCloseTo(490_000, 6);
  });

  it("a scenario that handles complaints worse loses customers (negative win-back)", () => {
    const worse = {
      ...base,
      outcomeMix: { unacknowledged: 1, unresolved: 0, resolved: 0, resolved_quickly: 0 },
    };
    expect(wonBack(base, worse).customers).toBeLessThan(0);
  });

  it("says how far the outcome mix is from 100%", () => {
    expect(mixGap(base.outcomeMix)).toBe(0);
    expect(mixGap({ ...base.outcomeMix, resolved: 0.15 })).toBe(0.1);
    expect(mixGap(DEFAULT_WHAT_IF.outcomeMix)).toBe(0);
  });
});
