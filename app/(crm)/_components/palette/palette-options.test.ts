import { describe, expect, it } from "vitest";
import { accountActions, flatten, moveActive, resultGroups } from "./palette-options";

const account = { id: 7, name: "Northwind Traders", ownerId: "u-am-1" };
const kinds = (actor: {
  id: string;
  role: "account_manager" | "sales_lead" | "service_agent" | "executive" | "admin";
}) => accountActions(actor, account).map((o) => (o.kind === "action" ? o.action : o.kind));

describe("the command palette's options", () => {
  it("offers on an account exactly what the person's role may do there", () => {
    expect(kinds({ id: "u-am-1", role: "account_manager" })).toEqual([
      "open",
      "call",
      "task",
      "deal",
      "complaint",
    ]);
    // Another manager's account: reading only.
    expect(kinds({ id: "u-am-2", role: "account_manager" })).toEqual(["open"]);
    expect(kinds({ id: "u-agent", role: "service_agent" })).toEqual(["open", "call", "complaint"]);
    expect(kinds({ id: "u-lead", role: "sales_lead" })).toEqual([
      "open",
      "call",
      "task",
      "deal",
      "complaint",
    ]);
    expect(kinds({ id: "u-exec", role: "executive" })).toEqual(["open"]);
  });

  it("links each action to the place that does it", () => {
    expect(accountActions({ id: "u-lead", role: "sales_lead" }, account).map((o) => o.href)).toEqual([
      "/accounts/7",
      "/accounts/7?do=call",
      "/accounts/7?do=task",
      "/accounts/7?do=deal",
      "/complaints/new?accountId=7",
    ]);
  });

  it("groups hits as accounts, contacts, deals, complaints and leaves empty groups out", () => {
    const groups = resultGroups({
      accounts: [
        {
          id: 7,
          name: "Northwind Traders",
          rung: "client",
          status: "active",
          ownerId: null,
          ownerName: null,
        },
      ],
      contacts: [],
      deals: [{ id: 3, title: "Pallets", status: "open", accountId: 7, accountName: "Northwind Traders" }],
      complaints: [
        { id: 9, reference: "C-7KQ2-M9XD", status: "received", accountId: 7, accountName: "Northwind" },
      ],
    });
    expect(groups.map((g) => g.key)).toEqual(["accounts", "deals", "complaints"]);
    expect(flatten(groups).map((o) => o.href)).toEqual(["/accounts/7", "/deals/3", "/complaints/9"]);
  });

  it("moves the active option with the arrow keys, wrapping at both ends", () => {
    expect(moveActive(0, 3, "ArrowDown")).toBe(1);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(1, 3, "End")).toBe(2);
    expect(moveActive(2, 3, "Home")).toBe(0);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
  });
});
