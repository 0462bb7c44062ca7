import { describe, expect, it } from "vitest";
import {
  auditListInput,
  auditViewFromParams,
  mismatchListInput,
  mismatchViewFromParams,
  overdueViewFromParams,
  paramsFromAuditView,
  paramsFromMismatchView,
  paramsFromOverdueView,
  paramsFromWinbackView,
  winbackListInput,
  winbackViewFromParams,
} from "./work-lists";

const params = (qs: string) => new URLSearchParams(qs);

describe("the work lists' filters kept in the URL", () => {
  it("win-back: restores owner and status, and writes back only what differs from the default", () => {
    const view = winbackViewFromParams(params("owner=u-am-2&status=lost"), "all");
    expect(view).toEqual({ owner: "u-am-2", status: "lost" });
    expect(paramsFromWinbackView(view, "all")).toBe("owner=u-am-2&status=lost");
    expect(winbackViewFromParams(params(paramsFromWinbackView(view, "all")), "all")).toEqual(view);
    expect(paramsFromWinbackView({ owner: "all", status: null }, "all")).toBe("");
    expect(winbackViewFromParams(params("status=active"), "u-am-1")).toEqual({
      owner: "u-am-1",
      status: null,
    });
    expect(winbackListInput({ owner: "all", status: null })).toEqual({ ownerId: "all", limit: 50 });
    expect(winbackListInput({ owner: "all", status: "lapsed" })).toEqual({
      ownerId: "all",
      limit: 50,
      status: "lapsed",
    });
  });

  it("overdue: an owner other than the default is kept, the default left out", () => {
    expect(overdueViewFromParams(params("owner=u-am-3"), "all")).toEqual({ owner: "u-am-3" });
    expect(paramsFromOverdueView({ owner: "u-am-3" }, "all")).toBe("owner=u-am-3");
    expect(paramsFromOverdueView({ owner: "all" }, "all")).toBe("");
  });

  it("levels: a gap of 1 to 4 levels is kept, anything else read as every gap", () => {
    const view = mismatchViewFromParams(params("gap=2"), "all");
    expect(view).toEqual({ owner: "all", gap: 2 });
    expect(paramsFromMismatchView(view, "all")).toBe("gap=2");
    expect(mismatchListInput(view)).toEqual({ ownerId: "all", gap: 2, limit: 50 });
    for (const bad of ["0", "5", "1.5", "two", ""])
      expect(mismatchViewFromParams(params(`gap=${bad}`), "all").gap).toBeNull();
    expect(mismatchListInput({ owner: "all", gap: null })).toEqual({
      ownerId: "all",
      gap: undefined,
      limit: 50,
    });
  });

  it("audit log: an entity the page offers is kept, another one ignored", () => {
    expect(auditViewFromParams(params("entity=deal"))).toEqual({ entity: "deal" });
    expect(paramsFromAuditView({ entity: "deal" })).toBe("entity=deal");
    expect(auditViewFromParams(params("entity=passwords"))).toEqual({ entity: null });
    expect(paramsFromAuditView({ entity: null })).toBe("");
    expect(auditListInput({ entity: null })).toEqual({ limit: 50 });
    expect(auditListInput({ entity: "user" })).toEqual({ limit: 50, entity: "user" });
  });
});
