import { describe, expect, it } from "vitest";
import {
  COMPLAINT_STATES,
  type ComplaintState,
  checkTransition,
  needsApproval,
  nextStates,
} from "./workflow.rules";

const LIMIT = 50_000; // 500.00 in minor units

describe("the complaint workflow", () => {
  it("walks the whole path for a remedy within the handler's limit", () => {
    const path: [ComplaintState, ComplaintState][] = [
      ["received", "acknowledged"],
      ["acknowledged", "investigating"],
      ["investigating", "remedy_proposed"],
      ["remedy_proposed", "remedy_carried_out"],
      ["remedy_carried_out", "awaiting_confirmation"],
    ];
    for (const [from, to] of path) {
      expect(checkTransition(from, to, { remedyValue: 20_000, approvalLimit: LIMIT })).toEqual({ ok: true });
    }
    expect(checkTransition("awaiting_confirmation", "closed", { confirmationChannel: "phone" })).toEqual({
      ok: true,
    });
  });

  it("sends a remedy above the limit through a supervisor's approval", () => {
    const ctx = { remedyValue: 80_000, approvalLimit: LIMIT };
    expect(checkTransition("remedy_proposed", "remedy_carried_out", ctx)).toMatchObject({
      ok: false,
      field: "remedy",
    });
    expect(checkTransition("remedy_proposed", "awaiting_approval", ctx)).toEqual({ ok: true });
    expect(checkTransition("awaiting_approval", "approved", ctx)).toMatchObject({
      ok: false,
      field: "state",
    });
    expect(checkTransition("awaiting_approval", "approved", { ...ctx, canApprove: true })).toEqual({
      ok: true,
    });
    expect(checkTransition("awaiting_approval", "remedy_proposed", { ...ctx, canApprove: true })).toEqual({
      ok: true,
    });
    expect(checkTransition("approved", "remedy_carried_out", ctx)).toEqual({ ok: true });
  });

  it("approval is needed strictly above the limit: exactly at the limit the handler settles it", () => {
    expect(needsApproval(LIMIT, LIMIT)).toBe(false);
    expect(needsApproval(LIMIT + 1, LIMIT)).toBe(true);
    expect(
      checkTransition("remedy_proposed", "awaiting_approval", { remedyValue: LIMIT, approvalLimit: LIMIT }),
    ).toMatchObject({ ok: false, field: "remedy" });
  });

  it("closing needs how the customer confirmed; closing without confirmation needs a reason", () => {
    expect(checkTransition("awaiting_confirmation", "closed", {})).toMatchObject({
      ok: false,
      field: "confirmationChannel",
    });
    expect(checkTransition("investigating", "closed_unconfirmed", {})).toMatchObject({
      ok: false,
      field: "reason",
    });
    expect(
      checkTransition("investigating", "closed_unconfirmed", { reason: "Customer unreachable" }),
    ).toEqual({
      ok: true,
    });
  });

  it("refuses every transition that is not on the path, with a message naming both states", () => {
    const allowed = new Set([
      "received>acknowledged",
      "acknowledged>investigating",
      "investigating>remedy_proposed",
      "remedy_proposed>awaiting_approval",
      "remedy_proposed>remedy_carried_out",
      "awaiting_approval>approved",
      "awaiting_approval>remedy_proposed",
      "approved>remedy_carried_out",
      "remedy_carried_out>awaiting_confirmation",
      "awaiting_confirmation>closed",
      "reopened>investigating",
    ]);
    const open: readonly ComplaintState[] = COMPLAINT_STATES.filter(
      (s) => s !== "closed" && s !== "closed_unconfirmed",
    );
    const reopenable: readonly ComplaintState[] = [
      "remedy_carried_out",
      "awaiting_confirmation",
      "closed",
      "closed_unconfirmed",
    ];
    const ctx = { reason: "r", confirmationChannel: "email", canApprove: true, approvalLimit: LIMIT };
    for (const from of COMPLAINT_STATES) {
      for (const to of COMPLAINT_STATES) {
        const remedyValue = to === "awaiting_approval" ? LIMIT + 1 : 0;
        const result = checkTransition(from, to, { ...ctx, remedyValue });
        const expected =
          to === "closed_unconfirmed"
            ? open.includes(from)
            : to === "reopened"
              ? reopenable.includes(from)
              : allowed.has(`${from}>${to}`);
        expect(result.ok, `${from} → ${to}`).toBe(expected);
      }
    }
    expect(checkTransition("received", "closed", { confirmationChannel: "phone" })).toEqual({
      ok: false,
      field: "state",
      message: "A complaint that is received cannot move to closed.",
    });
  });

  it("a closed complaint can be reopened with a reason and goes back to investigating", () => {
    expect(checkTransition("closed", "reopened", {})).toMatchObject({ ok: false, field: "reason" });
    expect(checkTransition("closed", "reopened", { reason: "The replacement broke too" })).toEqual({
      ok: true,
    });
    expect(checkTransition("reopened", "investigating")).toEqual({ ok: true });
    expect(checkTransition("closed", "closed_unconfirmed", { reason: "x" })).toMatchObject({ ok: false });
  });

  it("offers the handler only the moves the rules allow", () => {
    expect(nextStates("received")).toEqual(["acknowledged", "closed_unconfirmed"]);
    expect(nextStates("remedy_proposed", { remedyValue: 80_000, approvalLimit: LIMIT })).toEqual([
      "awaiting_approval",
      "closed_unconfirmed",
    ]);
    expect(nextStates("remedy_proposed", { remedyValue: 100, approvalLimit: LIMIT })).toEqual([
      "remedy_carried_out",
      "closed_unconfirmed",
    ]);
    expect(nextStates("awaiting_approval", { canApprove: false })).toEqual(["closed_unconfirmed"]);
    expect(nextStates("closed")).toEqual(["reopened"]);
  });
});
