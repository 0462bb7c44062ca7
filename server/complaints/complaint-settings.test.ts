import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES } from "@/db/schema";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import { complaintInput, setupComplaints } from "./complaints.fixtures";
import { DEFAULT_ROUTING } from "./routing.rules";
import { DEFAULT_PROMISED_TIMES } from "./sla.rules";
import { COMPLAINT_STATES } from "./workflow.rules";

const HOUR = 3_600_000;

const settings = {
  promisedTimes: { ...DEFAULT_PROMISED_TIMES, high: { acknowledgeHours: 4, resolveDays: 1 } },
  approvalLimit: 250.5,
  routing: { ...DEFAULT_ROUTING, payment: "sales" as const },
  rootCauses: ["late_delivery", "Courier lost the parcel", "late_delivery"],
  followUpDays: 14,
};

describe("complaint settings", () => {
  it("the table's statuses are the state machine's states", () => {
    expect([...COMPLAINT_STATUSES]).toEqual([...COMPLAINT_STATES]);
  });

  it("an admin saves them; new complaints follow the promised times and the routing table", async () => {
    const s = setupComplaints();
    const saved = await callerFor(s.db, s.admin).settings.setComplaints(settings);
    expect(saved.complaints).toEqual({
      ...settings,
      rootCauses: ["late_delivery", "Courier lost the parcel"],
    });
    const c = callerFor(s.db, s.agent).complaints;
    const receivedAt = Date.now() - HOUR;
    const { id } = await c.create(
      complaintInput(s.accountId, s.contactId, { severity: "high", category: "payment", receivedAt }),
    );
    expect(await c.get({ id })).toMatchObject({
      department: "sales",
      ackDueAt: receivedAt + 4 * HOUR,
      resolveDueAt: receivedAt + 24 * HOUR,
    });
    expect((await c.options()).approvalLimit).toBe(25_050);
  });

  it("refuses bad values field by field, and non-admins", async () => {
    const s = setupComplaints();
    const admin = callerFor(s.db, s.admin).settings;
    expect(
      await fieldErrorsOf(
        admin.setComplaints({ ...settings, rootCauses: [], followUpDays: 0, approvalLimit: -1 }),
      ),
    ).toEqual({
      rootCauses: ["atLeastOneRootCause"],
      followUpDays: ["atLeastOne"],
      approvalLimit: ["amount"],
    });
    await expect(callerFor(s.db, s.lead).settings.setComplaints(settings)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
