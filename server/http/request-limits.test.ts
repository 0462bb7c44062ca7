import { describe, expect, it } from "vitest";
import { bodyLimitFor, checkRequest, MB, refusalBody } from "./request-limits";

const post = (url: string, length?: number, extra: Record<string, string> = {}) => ({
  method: "POST",
  url,
  headers: { ...(length === undefined ? {} : { "content-length": String(length) }), ...extra },
});

describe("request limits", () => {
  it("takes each route's own body limit, the longest matching prefix winning", () => {
    expect(bodyLimitFor("/api/trpc/accounts.list")).toBe(1 * MB);
    expect(bodyLimitFor("/api/auth/sign-in/email")).toBe(64 * 1024);
    expect(
      bodyLimitFor("/api/import/orders", [
        { prefix: "/api/", maxBytes: MB },
        { prefix: "/api/import/", maxBytes: 50 * MB },
      ]),
    ).toBe(50 * MB);
    expect(bodyLimitFor("/accounts")).toBe(1 * MB);
  });

  it("refuses a body over the limit with 413 from its declared length, before reading it", () => {
    expect(checkRequest(post("/api/trpc/complaints.submitPublic", 150 * MB))).toEqual({
      ok: false,
      status: 413,
      message: "The request is too large (at most 1 MB).",
    });
    expect(checkRequest(post("/api/trpc/complaints.submitPublic", MB))).toEqual({ ok: true });
    expect(checkRequest(post("/api/auth/sign-in/email", 65 * 1024))).toMatchObject({ status: 413 });
  });

  it("refuses a body of unknown length (chunked) with 411, a nonsense length with 400, a GET with a body with 400", () => {
    expect(checkRequest(post("/api/trpc/x", undefined, { "transfer-encoding": "chunked" }))).toMatchObject({
      status: 411,
    });
    expect(checkRequest(post("/api/trpc/x", undefined))).toEqual({ ok: true });
    expect(
      checkRequest({ method: "POST", url: "/api/trpc/x", headers: { "content-length": "-5" } }),
    ).toMatchObject({ status: 400 });
    expect(
      checkRequest({ method: "GET", url: "/accounts", headers: { "content-length": "10" } }),
    ).toMatchObject({ status: 400 });
    expect(checkRequest({ method: "GET", url: "/accounts", headers: {} })).toEqual({ ok: true });
  });

  it("refuses an address over 8 KB with 414", () => {
    expect(
      checkRequest({ method: "GET", url: `/accounts?q=${"a".repeat(8200)}`, headers: {} }),
    ).toMatchObject({
      status: 414,
      message: "This address is too long.",
    });
  });

  it("answers the REST API's refusals as its JSON errors and the rest as a sentence", () => {
    const verdict = checkRequest(post("/api/v1/orders", 5 * MB));
    if (verdict.ok) throw new Error("expected a refusal");
    const api = refusalBody("/api/v1/orders", verdict);
    expect(api.contentType).toMatch(/application\/json/);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: "payload_too_large", message: "The request is too large (at most 1 MB)." },
    });
    expect(refusalBody("/api/trpc/x", verdict)).toEqual({
      contentType: "text/plain; charset=utf-8",
      body: "The request is too large (at most 1 MB).\n",
    });
  });
});
