import { describe, expect, it } from "vitest";
import { paramsFromView, queueInputOf, queuesFor, recordParams, viewFromParams } from "./complaints-queue";

const params = (qs: string) => new URLSearchParams(qs);

describe("the complaint queues kept in the URL", () => {
  it("handlers see every queue, starting with their own open complaints, then the unassigned ones", () => {
    for (const role of ["service_agent", "sales_lead", "admin"] as const) {
      expect(queuesFor(role)).toEqual([
        "mine",
        "unassigned",
        "department",
        "awaiting_approval",
        "awaiting_confirmation",
        "follow_ups",
      ]);
      expect(viewFromParams(params(""), role).queue).toBe("mine");
    }
  });

  it("an account manager only gets the open complaints on their own accounts, whatever the URL says", () => {
    expect(queuesFor("account_manager")).toEqual(["mine"]);
    expect(viewFromParams(params("queue=awaiting_approval"), "account_manager").queue).toBe("mine");
  });

  it("an executive, who handles nothing, starts on the department queue", () => {
    expect(viewFromParams(params(""), "executive")).toEqual({
      queue: "department",
      department: "customer_service",
    });
    expect(viewFromParams(params("queue=mine"), "executive").queue).toBe("department");
  });

  it("a department queue survives a round trip through the URL; an unknown department falls back", () => {
    const view = viewFromParams(params("queue=department&department=logistics"), "service_agent");
    expect(view).toEqual({ queue: "department", department: "logistics" });
    expect(viewFromParams(params(paramsFromView(view)), "service_agent")).toEqual(view);
    expect(viewFromParams(params("queue=department&department=moon"), "admin").department).toBe(
      "customer_service",
    );
  });

  it("only the department queue sends a department to the server", () => {
    expect(queueInputOf({ queue: "mine", department: "logistics" }).department).toBeNull();
    expect(queueInputOf({ queue: "department", department: "finance" }).department).toBe("finance");
    expect(paramsFromView({ queue: "awaiting_confirmation", department: "finance" })).toBe(
      "queue=awaiting_confirmation",
    );
  });

  it("reads Next.js search-param records, taking the first of repeated values", () => {
    expect(recordParams({ queue: ["department", "mine"], department: "sales" }).get("queue")).toBe(
      "department",
    );
    expect(recordParams({}).get("queue")).toBeNull();
  });
});
