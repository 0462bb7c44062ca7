import { describe, expect, it } from "vitest";
import { actionKey, formatAuditValue, humanize, type ValueFormatters } from "./audit-format";

const f: ValueFormatters = {
  money: (minor) => `$${(minor / 100).toFixed(2)}`,
  moment: (ms) => new Date(ms).toISOString().slice(0, 10),
  number: (n) => n.toLocaleString("en-US"),
  yesNo: (b) => (b ? "yes" : "no"),
  code: (field, value) => (field === "rung" && value === "first_time" ? "First-time buyer" : null),
  field: (field) => humanize(field),
};

describe("how an audit entry reads", () => {
  it("turns codes into words when the catalog has none", () => {
    expect(humanize("resolveDueAt")).toBe("resolve due at");
    expect(humanize("ladder.evidence.record")).toBe("ladder evidence record");
    expect(actionKey("complaint.create.public")).toBe("complaint_create_public");
  });

  it("shows money in currency, moments as dates, codes by their label, never epoch ms or JSON", () => {
    expect(formatAuditValue("amount", 4500, f)).toBe("$45.00");
    expect(formatAuditValue("complaintApprovalLimit", 50_000, f)).toBe("$500.00");
    expect(formatAuditValue("dueAt", Date.UTC(2026, 2, 14), f)).toBe("2026-03-14");
    expect(formatAuditValue("asOf", Date.UTC(2026, 0, 2), f)).toBe("2026-01-02");
    expect(formatAuditValue("rung", "first_time", f)).toBe("First-time buyer");
    expect(formatAuditValue("orderCount", 12_000, f)).toBe("12,000");
    expect(formatAuditValue("active", false, f)).toBe("no");
    expect(formatAuditValue("dealStages", ["Qualifying", "Proposal"], f)).toBe("Qualifying, Proposal");
    expect(formatAuditValue("evidence", { programme: "Gold", enrolledAt: Date.UTC(2026, 1, 1) }, f)).toBe(
      "programme: Gold; enrolled at: 2026-02-01",
    );
    expect(formatAuditValue("note", "", f)).toBe("—");
  });
});
