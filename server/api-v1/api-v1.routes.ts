// The REST API's endpoints (issue #15 §2): one row each, naming its method, path, the scope a key needs, its
// zod schemas (which validate the request and generate the OpenAPI document) and a handler that calls the same
// query functions the screens use. The handler runs as the key's admin, inside withApiKey (audit-context.ts).
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { accounts, complaints, contacts } from "@/db/schema";
import {
  decodeChangedCursor,
  listAccountsChangedSince,
  readAccountByRef,
  requireAccountIdByRef,
  upsertAccountByRef,
} from "../accounts/accounts-by-ref.queries";
import type { ApiScope } from "../api-keys/api-keys.rules";
import type { Actor } from "../auth/permissions";
import { clocksOf, createComplaint } from "../complaints/complaints.queries";
import { upsertContactByRef } from "../contacts/contacts.queries";
import { upsertOrdersByRef } from "../orders/upsert-orders";
import { ApiError } from "./api-errors";
import * as s from "./api-v1.schemas";

export type ApiContext<P, Q, B> = { db: Db; actor: Actor; params: P; query: Q; body: B; now: number };
export type ApiResult = { status: number; body: unknown };

export type ApiRoute = {
  method: "GET" | "POST" | "PUT";
  /** Under /api/v1, with {name} for a path segment. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Orders" | "Accounts" | "Complaints";
  /** The key needs one of these scopes. */
  scopes: readonly ApiScope[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The success statuses this route answers (the first is the usual one). */
  statuses: readonly (200 | 201)[];
  // biome-ignore lint/suspicious/noExplicitAny: each route's handler is typed by its own schemas below
  handle: (ctx: ApiContext<any, any, any>) => ApiResult;
};

/** Types a route's handler by its schemas, and erases them for the table. */
function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  r: Omit<ApiRoute, "handle" | "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: B;
    handle: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => ApiResult;
  },
): ApiRoute {
  return r as ApiRoute;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function contactOut(c: typeof contacts.$inferSelect, accountRef: string) {
  return {
    ref: c.externalRef,
    id: c.id,
    accountRef,
    name: c.name,
    title: c.title,
    email: c.email,
    phone: c.phone,
    notes: c.notes,
  };
}

function complaintOut(db: Db, reference: string, now: number) {
  const row = db
    .select({ c: complaints, accountRef: accounts.externalRef })
    .from(complaints)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .where(eq(complaints.reference, reference.toUpperCase()))
    .get();
  if (!row) throw new ApiError("not_found", "No complaint has this reference.", { field: "reference" });
  const c = row.c;
  const clocks = clocksOf(c, now);
  return {
    reference: c.reference,
    accountRef: row.accountRef,
    status: c.status,
    open: c.closedAt === null,
    channel: c.channel,
    category: c.category,
    severity: c.severity,
    receivedAt: iso(c.receivedAt) as string,
    acknowledgedAt: iso(c.acknowledgedAt),
    resolvedAt: iso(c.resolvedAt),
    closedAt: iso(c.closedAt),
    acknowledge: {
      dueAt: iso(c.ackDueAt) as string,
      doneAt: iso(c.acknowledgedAt),
      state: clocks.acknowledge,
    },
    resolve: {
      dueAt: iso(c.resolveDueAt) as string,
      doneAt: iso(c.resolvedAt ?? c.closedAt),
      state: clocks.resolve,
    },
    outcome: clocks.outcome,
  };
}

function accountIdInBody(db: Db, ref: string): number {
  try {
    return requireAccountIdByRef(db, ref);
  } catch {
    throw new ApiError("not_found", "No account has this reference.", { field: "accountRef" });
  }
}

export const API_ROUTES: readonly ApiRoute[] = [
  route({
    method: "POST",
    path: "/orders",
    operationId: "upsertOrders",
    tag: "Orders",
    summary: "Record orders (one, or a batch of up to 1,000)",
    description:
      "Idempotent by each order's externalRef: an order already recorded with the same figures is `unchanged`, " +
      "with other figures a `conflict` naming the fields (orders are never rewritten). New orders change their " +
      "accounts exactly as imported or typed-in ones do: dated ladder moves, lapse, levels, check-in tasks. " +
      "An order whose account reference is unknown is `account_not_found`; the others are still recorded.",
    scopes: ["orders"],
    body: s.upsertOrdersIn,
    response: s.upsertOrdersOut,
    statuses: [200],
    handle: ({ db, actor, body, now }) => {
      const result = upsertOrdersByRef(db, actor, body.orders, now);
      const summary = { created: 0, unchanged: 0, conflict: 0, account_not_found: 0 };
      for (const r of result.results) summary[r.status] += 1;
      return { status: 200, body: { summary, results: result.results, accounts: result.accounts } };
    },
  }),
  route({
    method: "GET",
    path: "/accounts",
    operationId: "listChangedAccounts",
    tag: "Accounts",
    summary: "Accounts changed since a time",
    description:
      "Oldest change first. Keep `nextCursor` and ask again with it, now when `hasMore`, or later to see " +
      "what changed since.",
    scopes: ["read"],
    query: s.changedAccountsQuery,
    response: s.changedAccountsOut,
    statuses: [200],
    handle: ({ db, query }) => {
      const cursor = query.cursor ? decodeChangedCursor(query.cursor) : null;
      if (query.cursor && !cursor)
        throw new ApiError("validation_failed", "This cursor was not given by this API.", {
          field: "cursor",
        });
      return {
        status: 200,
        body: listAccountsChangedSince(db, { since: query.changedSince ?? 0, cursor, limit: query.limit }),
      };
    },
  }),
  route({
    method: "GET",
    path: "/accounts/{ref}",
    operationId: "getAccount",
    tag: "Accounts",
    summary: "An account with its rung, level, status, figures and contacts",
    scopes: ["read"],
    params: s.refParam,
    response: s.accountOut,
    statuses: [200],
    handle: ({ db, params }) => ({ status: 200, body: readAccountByRef(db, params.ref) }),
  }),
  route({
    method: "PUT",
    path: "/accounts/{ref}",
    operationId: "upsertAccount",
    tag: "Accounts",
    summary: "Create or update an account by its external reference",
    description: "201 when created, 200 when it existed. A new account starts as a suspect with no orders.",
    scopes: ["accounts"],
    params: s.refParam,
    body: s.accountIn,
    response: s.accountOut,
    statuses: [201, 200],
    handle: ({ db, actor, params, body }) => {
      const { created } = upsertAccountByRef(db, actor, params.ref, body);
      return { status: created ? 201 : 200, body: readAccountByRef(db, params.ref) };
    },
  }),
  route({
    method: "PUT",
    path: "/accounts/{ref}/contacts/{contactRef}",
    operationId: "upsertContact",
    tag: "Accounts",
    summary: "Create or update a contact of an account by its external reference",
    description: "201 when created, 200 when it existed. A reference used on another account is a 409.",
    scopes: ["accounts"],
    params: s.contactParams,
    body: s.contactIn,
    response: s.contactOut,
    statuses: [201, 200],
    handle: ({ db, actor, params, body }) => {
      const accountId = requireAccountIdByRef(db, params.ref);
      const { contact, created } = upsertContactByRef(db, actor, {
        accountId,
        externalRef: params.contactRef,
        fields: body,
      });
      return { status: created ? 201 : 200, body: contactOut(contact, params.ref) };
    },
  }),
  route({
    method: "POST",
    path: "/complaints",
    operationId: "recordComplaint",
    tag: "Complaints",
    summary: "Record a complaint",
    description:
      "Promised times follow the complaint policy; it is routed to a service agent and the customer is " +
      "thanked (when publicEmail or the contact's email is known), as for a complaint recorded on screen.",
    scopes: ["complaints"],
    body: s.complaintIn,
    response: s.complaintOut,
    statuses: [201],
    handle: ({ db, actor, body, now }) => {
      const accountId = accountIdInBody(db, body.accountRef);
      let contactId: number | null = null;
      if (body.contactRef) {
        const contact = db
          .select({ id: contacts.id, accountId: contacts.accountId })
          .from(contacts)
          .where(eq(contacts.externalRef, body.contactRef))
          .get();
        if (!contact || contact.accountId !== accountId)
          throw new ApiError("not_found", "The account has no contact with this reference.", {
            field: "contactRef",
          });
        contactId = contact.id;
      }
      const created = createComplaint(
        db,
        actor,
        {
          accountId,
          contactId,
          channel: body.channel,
          category: body.category,
          severity: body.severity,
          description: body.description,
          customerRequest: body.customerRequest ?? null,
          receivedAt: body.receivedAt ?? null,
          publicEmail: body.publicEmail ?? null,
          locale: body.locale,
        },
        now,
        { assignToActor: false },
      );
      return { status: 201, body: complaintOut(db, created.reference, now) };
    },
  }),
  route({
    method: "GET",
    path: "/complaints/{reference}",
    operationId: "getComplaint",
    tag: "Complaints",
    summary: "A complaint's status, promised times and outcome",
    scopes: ["read", "complaints"],
    params: s.referenceParam,
    response: s.complaintOut,
    statuses: [200],
    handle: ({ db, params, now }) => ({ status: 200, body: complaintOut(db, params.reference, now) }),
  }),
];

/** The route for a method and path (under /api/v1), its path parameters, or why none fits. */
export function matchRoute(
  method: string,
  path: string,
): { route: ApiRoute; params: Record<string, string> } | { allowed: string[] } | null {
  const parts = path.split("/").filter(Boolean);
  const allowed: string[] = [];
  for (const r of API_ROUTES) {
    const pattern = r.path.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (const [i, p] of pattern.entries()) {
      const part = parts[i] as string;
      if (p.startsWith("{")) {
        try {
          params[p.slice(1, -1)] = decodeURIComponent(part);
        } catch {
          ok = false;
        }
      } else if (p !== part) ok = false;
      if (!ok) break;
    }
    if (!ok) continue;
    if (r.method === method) return { route: r, params };
    allowed.push(r.method);
  }
  return allowed.length ? { allowed } : null;
}
