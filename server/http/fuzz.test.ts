// Fuzz (issue #11 §5): seeded, generated malformed requests through the real tRPC fetch handler to every
// procedure, as every role and signed out. No answer may be a 5xx, and no body may carry a stack trace, SQL,
// a file path or JavaScript's own error text. FUZZ_RUNS sets the number of requests (`npm run fuzz -- --runs N`).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type Role, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import type { SessionUser } from "../context";
import { appRouter } from "../root";
import { createTestDb } from "../test/harness";
import { INTERNAL_TEXT } from "../test/internal-text";
import { createTrpcHandler } from "./trpc-handler";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const ORIGIN = "http://localhost:3000";

type Procedure = { path: string; type: "query" | "mutation" };

const procedures: Procedure[] = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def
    .procedures,
)
  .filter(([, p]) => p._def.type === "query" || p._def.type === "mutation")
  .map(([path, p]) => ({ path, type: p._def.type as "query" | "mutation" }));

let db: Db;
let people: Record<Role, SessionUser>;

beforeAll(async () => {
  process.env.BETTER_AUTH_URL = ORIGIN;
  db = createTestDb();
  await seedDemo(db, { accounts: 40, seed: 7, now: Date.UTC(2026, 5, 1) });
  const all = db.select().from(users).all();
  people = Object.fromEntries(
    all.map((u) => [u.role, { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale }]),
  ) as Record<Role, SessionUser>;
}, 120_000);

// --- what a malicious or broken client sends -------------------------------------------------------------------

const nasty = fc.constantFrom(
  "a\u0000b",
  "\u0000",
  "'; DROP TABLE accounts; --",
  '"',
  "%_\\",
  "\ud800",
  "王芳\u200b",
  "x".repeat(5000),
  "-1",
  "NaN",
  "__proto__",
  "constructor",
  "1e309",
  "2026-13-45",
  "",
);
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e20),
);
const KEYS = [
  "id",
  "accountId",
  "q",
  "limit",
  "cursor",
  "period",
  "from",
  "to",
  "months",
  "role",
  "name",
  "email",
  "locale",
  "status",
  "grain",
  "page",
  "ownerId",
  "rung",
  "level",
  "amount",
  "reference",
  "token",
  "input",
  "json",
  "meta",
  "__proto__",
];
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("node"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie("node"), {
      maxKeys: 5,
    }),
  ),
})).node;
const superjsonMeta = fc.oneof(
  fc.constant(undefined),
  fc.record({
    values: fc.oneof(
      fc.dictionary(
        fc.constantFrom(...KEYS, "", "a.b", "0"),
        fc.constantFrom(
          ["map"],
          ["set"],
          ["bigint"],
          ["Date"],
          ["regexp"],
          ["undefined"],
          ["class", "X"],
          ["symbol", "s"],
          ["custom", "c"],
          ["number"],
          "nonsense",
          [["map"], { a: ["set"] }],
        ),
      ),
      value,
    ),
    referentialEqualities: fc.option(
      fc.dictionary(fc.string({ maxLength: 6 }), fc.array(fc.string({ maxLength: 6 }))),
      { nil: undefined },
    ),
  }),
);
/** The raw text sent as input: superjson-shaped, bare JSON, or not JSON at all. */
const rawInput = fc.oneof(
  fc
    .tuple(value, superjsonMeta)
    .map(([json, meta]) => JSON.stringify(meta === undefined ? { json } : { json, meta })),
  value.map((v) => JSON.stringify(v) ?? "null"),
  fc.constantFrom(
    "null",
    "{",
    "[",
    '{"json":',
    "undefined",
    '{"json":null,"meta":{"values":["map"]}}',
    `{"json":{},"meta":{"values":${'{"a":'.repeat(3000)}["map"]${"}".repeat(3000)}}}`,
  ),
  fc.string({ maxLength: 60 }),
);

type Case = {
  proc: Procedure;
  as: Role | null;
  raw: string;
  batch: boolean;
  origin: "own" | "none" | "foreign";
};

const fuzzCase: fc.Arbitrary<Case> = fc.record({
  proc: fc.constantFrom(...procedures),
  as: fc.constantFrom<Role | null>(
    null,
    "account_manager",
    "sales_lead",
    "service_agent",
    "executive",
    "admin",
  ),
  raw: rawInput,
  batch: fc.boolean(),
  origin: fc.constantFrom<"own" | "none" | "foreign">("own", "own", "own", "none", "foreign"),
});

function requestFor(c: Case): Request {
  const headers: Record<string, string> = { "content-type": "application/json", "x-fuzz-as": c.as ?? "" };
  if (c.origin === "own") headers.origin = ORIGIN;
  if (c.origin === "foreign") headers.origin = "https://evil.example";
  const query = c.batch ? "?batch=1" : "";
  const wrapped = c.batch ? `{"0":${c.raw}}` : c.raw;
  if (c.proc.type === "query") {
    const sep = query ? "&" : "?";
    return new Request(
      `${ORIGIN}/api/trpc/${c.proc.path}${query}${sep}input=${encodeURIComponent(wrapped)}`,
      { headers },
    );
  }
  return new Request(`${ORIGIN}/api/trpc/${c.proc.path}${query}`, { method: "POST", headers, body: wrapped });
}

describe("fuzz: malformed requests to every procedure as every role", () => {
  it(`answers ${RUNS} generated requests without a 5xx or internal text (seed ${SEED})`, async () => {
    const handler = createTrpcHandler({
      getDb: () => db,
      getUser: async (headers) => {
        const role = headers.get("x-fuzz-as") as Role | "";
        return role ? people[role] : null;
      },
    });
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const response = await handler(requestFor(c));
        const body = await response.text();
        seen.add(c.proc.path);
        if (response.status >= 500)
          throw new Error(`${response.status} from ${c.proc.path}: ${body.slice(0, 300)}`);
        if (c.proc.type === "mutation" && c.origin !== "own") expect(response.status).toBe(403);
        for (const pattern of INTERNAL_TEXT) {
          if (pattern.test(body))
            throw new Error(`internal text ${pattern} from ${c.proc.path}: ${body.slice(0, 300)}`);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // With the default runs, every procedure was called at least once.
    if (RUNS >= 2000) expect(procedures.map((p) => p.path).filter((p) => !seen.has(p))).toEqual([]);
  }, 600_000);
});
