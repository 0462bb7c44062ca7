// The tRPC endpoint as the browser meets it (issue #11 §3–§4): the Origin rule for mutations, and the malformed
// requests that used to answer with JavaScript's or SQLite's own words.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../context";
import { addUser, createTestDb } from "../test/harness";
import { INTERNAL_TEXT } from "../test/internal-text";
import { createTrpcHandler } from "./trpc-handler";

const ORIGIN = "http://localhost:3000";
const saved = { ...process.env };
beforeEach(() => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  delete process.env.TRUSTED_ORIGINS;
});
afterEach(() => {
  process.env = { ...saved };
});

function setup(role: "admin" | null = "admin") {
  const db = createTestDb();
  const user: SessionUser | null = role ? addUser(db, role) : null;
  const handler = createTrpcHandler({ getDb: () => db, getUser: async () => user });
  const post = (path: string, body: string | null, origin: string | null = ORIGIN) =>
    handler(
      new Request(`${ORIGIN}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
        body,
      }),
    );
  const get = (path: string, input: unknown) =>
    handler(
      new Request(`${ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
    );
  return { db, post, get };
}

async function plainAnswer(response: Response) {
  const text = await response.text();
  for (const pattern of INTERNAL_TEXT) expect(text).not.toMatch(pattern);
  return JSON.parse(text) as { error?: { json: { message: string; data: { code: string } } } };
}

describe("the Origin rule for mutations", () => {
  const setLocale = JSON.stringify({ json: { locale: "zh" } });

  it("refuses a mutation from a foreign origin, or without one, with 403 and a plain sentence, changing nothing", async () => {
    const { post } = setup();
    for (const origin of ["https://evil.example", "null", null]) {
      const response = await post("users.setLocale", setLocale, origin);
      expect(response.status).toBe(403);
      expect((await plainAnswer(response)).error?.json.message).toBe(
        "This request did not come from Ladder CRM's own pages, so it was refused.",
      );
    }
  });

  it("accepts the app's own origin, its localhost twin and TRUSTED_ORIGINS", async () => {
    process.env.TRUSTED_ORIGINS = "https://crm.example.com, not a url";
    const { post } = setup();
    for (const origin of [ORIGIN, "http://127.0.0.1:3000", "https://crm.example.com"]) {
      expect((await post("users.setLocale", setLocale, origin)).status).toBe(200);
    }
    expect((await post("users.setLocale", setLocale, "http://localhost:3001")).status).toBe(403);
  });

  it("leaves reading alone: a query needs no Origin", async () => {
    const { get } = setup();
    expect((await get("users.me", undefined)).status).toBe(200);
  });
});

describe("malformed requests get plain sentences", () => {
  it.each([
    ["a null body", "null"],
    ["a body that is not JSON", "{bad json"],
    [
      "superjson meta nested 5,000 deep",
      `{"json":{"locale":"zh"},"meta":{"values":${'{"a":'.repeat(5000)}["map"]${"}".repeat(5000)}}}`,
    ],
    [
      "a superjson type that cannot apply",
      '{"json":{"locale":"zh"},"meta":{"values":{"locale":["bigint"]}}}',
    ],
    [
      "a superjson class nobody registered",
      '{"json":{"locale":"zh"},"meta":{"values":{"locale":["class","X"]}}}',
    ],
    [
      "referential equalities to nowhere",
      '{"json":{"locale":"zh"},"meta":{"referentialEqualities":{"a.b":["c"]}}}',
    ],
  ])("%s → 400", async (_label, body) => {
    const { post } = setup();
    const response = await post("users.setLocale", body);
    expect(response.status).toBe(400);
    expect((await plainAnswer(response)).error?.json.message).toBe(
      "The request could not be read. Please reload the page and try again.",
    );
  });

  it("an unknown procedure and a wrong method say so plainly", async () => {
    const { post, get } = setup();
    expect((await plainAnswer(await post("nothing.here", "{}"))).error?.json.message).toBe(
      "There is nothing at this address.",
    );
    expect((await get("users.setLocale", { locale: "zh" })).status).toBe(405);
  });
});

describe("control characters in search boxes", () => {
  it.each([
    ["accounts.list", { q: "a\u0000b" }],
    ["accounts.list", { q: "\u0000" }],
    ["accounts.list", { q: "王\u0007芳" }],
    ["users.list", { q: "a\u0000b" }],
    ["deals.list", { q: "a\u0000b" }],
  ])("%s with %j answers 200", async (path, input) => {
    const { get } = setup();
    const response = await get(path, input);
    expect(response.status).toBe(200);
    await plainAnswer(response);
  });
});
