import { describe, expect, it } from "vitest";
import { dealsListInput, dealsViewFromParams, paramsFromDealsView } from "./deals";

const params = (qs: string) => new URLSearchParams(qs);

describe("the deals list kept in the URL", () => {
  it("restores owner, status and search from the URL, and writes back only what differs from the default", () => {
    const view = dealsViewFromParams(params("owner=u-am-2&status=lost&q=pallet"), "all");
    expect(view).toEqual({ owner: "u-am-2", status: "lost", q: "pallet" });
    expect(paramsFromDealsView(view, "all")).toBe("owner=u-am-2&status=lost&q=pallet");
    expect(dealsViewFromParams(params(paramsFromDealsView(view, "all")), "all")).toEqual(view);
    expect(paramsFromDealsView({ owner: "all", status: null, q: null }, "all")).toBe("");
  });

  it("starts an account manager on their own deals, and ignores a status that does not exist", () => {
    expect(dealsViewFromParams(params("status=maybe"), "u-am-1")).toEqual({
      owner: "u-am-1",
      status: null,
      q: null,
    });
    expect(dealsListInput({ owner: "u-am-1", status: "won", q: null })).toEqual({
      ownerId: "u-am-1",
      limit: 25,
      status: "won",
      q: null,
    });
  });
});
