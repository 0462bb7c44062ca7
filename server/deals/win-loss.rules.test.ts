import { describe, expect, it } from "vitest";
import {
  agreementMatrix,
  canWriteDeal,
  DEFAULT_REVIEW_POLICY,
  reviewRefusal,
  winRate,
} from "./win-loss.rules";

describe("win rate", () => {
  it("is won over won plus lost, leaving no-decision out", () => {
    // 3 won, 1 lost (and any number of no-decisions): 3 / 4.
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 2)).toBe(0);
  });
  it("is undefined when nothing was decided", () => {
    expect(winRate(0, 0)).toBeNull();
  });
});

describe("agreement matrix", () => {
  const taxonomy = ["price", "relationship", "product_fit"];
  it("counts pairs, the diagonal and claimed-versus-given per reason", () => {
    // Five reviewed deals: reps said price 3 times, buyers said price once.
    const m = agreementMatrix(
      [
        { ownerReason: "price", buyerReason: "price", count: 1 },
        { ownerReason: "price", buyerReason: "relationship", count: 2 },
        { ownerReason: "relationship", buyerReason: "relationship", count: 1 },
        { ownerReason: "relationship", buyerReason: "product_fit", count: 1 },
      ],
      taxonomy,
    );
    expect(m.cells).toEqual([
      [1, 2, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    expect(m.total).toBe(5);
    expect(m.agreed).toBe(2);
    expect(m.agreementRate).toBe(0.4);
    const price = m.perReason.find((p) => p.reason === "price");
    expect(price).toMatchObject({ claimed: 3, given: 1, claimedShare: 0.6, givenShare: 0.2 });
    expect(price?.gap).toBeCloseTo(0.4, 10);
    const relationship = m.perReason.find((p) => p.reason === "relationship");
    expect(relationship).toMatchObject({ claimed: 2, given: 3 });
    expect(relationship?.gap).toBeCloseTo(-0.2, 10);
  });
  it("keeps reasons met in the data that the taxonomy no longer lists", () => {
    const m = agreementMatrix([{ ownerReason: "legacy", buyerReason: "price", count: 2 }], taxonomy);
    expect(m.reasons).toEqual([...taxonomy, "legacy"]);
    expect(m.agreementRate).toBe(0);
  });
  it("has no agreement rate without reviewed deals", () => {
    const m = agreementMatrix([], taxonomy);
    expect(m.agreementRate).toBeNull();
    expect(m.perReason.every((p) => p.claimedShare === 0 && p.givenShare === 0)).toBe(true);
  });
});

describe("who may review a deal", () => {
  const deal = { ownerId: "rep", status: "lost", accountOwnerId: "rep" };
  it("never its owner, whatever the role", () => {
    expect(reviewRefusal({ id: "rep", role: "sales_lead" }, deal, DEFAULT_REVIEW_POLICY)).toBe("owner");
    expect(reviewRefusal({ id: "rep", role: "admin" }, deal, DEFAULT_REVIEW_POLICY)).toBe("owner");
  });
  it("sales leads, service agents and admins by default", () => {
    for (const role of ["sales_lead", "service_agent", "admin"] as const) {
      expect(reviewRefusal({ id: "other", role }, deal, DEFAULT_REVIEW_POLICY)).toBeNull();
    }
    expect(reviewRefusal({ id: "other", role: "executive" }, deal, DEFAULT_REVIEW_POLICY)).toBe("role");
  });
  it("an account manager only on an account they do not manage, when the policy allows", () => {
    const am = { id: "am2", role: "account_manager" as const };
    expect(reviewRefusal(am, deal, DEFAULT_REVIEW_POLICY)).toBeNull();
    expect(reviewRefusal(am, { ...deal, accountOwnerId: "am2" }, DEFAULT_REVIEW_POLICY)).toBe("own_account");
    expect(reviewRefusal(am, deal, { ...DEFAULT_REVIEW_POLICY, otherAccountManagers: false })).toBe("role");
  });
  it("not while the deal is open", () => {
    expect(
      reviewRefusal({ id: "lead", role: "sales_lead" }, { ...deal, status: "open" }, DEFAULT_REVIEW_POLICY),
    ).toBe("open");
  });
});

describe("who may change a deal", () => {
  it("its owner, a sales lead or an admin; not another manager or an executive", () => {
    const deal = { ownerId: "am1" };
    expect(canWriteDeal({ id: "am1", role: "account_manager" }, deal)).toBe(true);
    expect(canWriteDeal({ id: "am2", role: "account_manager" }, deal)).toBe(false);
    expect(canWriteDeal({ id: "lead", role: "sales_lead" }, deal)).toBe(true);
    expect(canWriteDeal({ id: "exec", role: "executive" }, deal)).toBe(false);
  });
});
