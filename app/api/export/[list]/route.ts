// CSV exports of the lists (issue #10 §4): GET /api/export/<list>?<the list's filters and sort> streams the
// file. The query string is read by the same parsers as the list pages (app/_lib/list-params) or, for the
// lists that keep their filters on the page, by the few names their "Export CSV" links write; the rows come
// through the lists' own procedures (server/exports), so the file holds what the list shows to this person.
import { TRPCError } from "@trpc/server";
import { viewFromParams as accountsView } from "@/app/_lib/list-params/accounts";
import { queueInputOf, viewFromParams as queueView } from "@/app/_lib/list-params/complaints-queue";
import { dealsListInput, dealsViewFromParams, defaultDealsOwner } from "@/app/_lib/list-params/deals";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/server";
import type { SessionUser } from "@/server/context";
import { type AccountsExportInput, accountsExport, contactsExport } from "@/server/exports/accounts.export";
import { csvStream, exportContext, exportLines, type ListExport } from "@/server/exports/list-export";
import { auditExport, complaintsExport, dealsExport } from "@/server/exports/records.export";
import { followUpsExport, levelsExport, overdueExport, winbackExport } from "@/server/exports/work.export";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

class BadLink extends Error {}

type Bound = { list: ListExport<never, unknown>; input: (p: URLSearchParams, user: SessionUser) => unknown };
function bind<I, R>(list: ListExport<I, R>, input: (p: URLSearchParams, user: SessionUser) => I): Bound {
  return { list: list as unknown as ListExport<never, unknown>, input };
}

const text = (p: URLSearchParams, name: string) => p.get(name)?.trim() || undefined;

/** A comma-separated list of account ids (ticked rows, or rows left out of "all matching"). */
function idList(p: URLSearchParams, name: string): number[] | undefined {
  const raw = p.get(name);
  if (raw === null) return undefined;
  const ids = raw.split(",").filter(Boolean).map(Number);
  if (ids.length > 1000 || ids.some((n) => !Number.isInteger(n) || n <= 0)) throw new BadLink();
  return ids;
}

function accountsInput(p: URLSearchParams): AccountsExportInput {
  const ids = idList(p, "ids");
  const except = idList(p, "except");
  return { ...accountsView(p), ...(ids ? { ids } : {}), ...(except ? { except } : {}) };
}

const EXPORTS: Record<string, Bound> = {
  accounts: bind(accountsExport, accountsInput),
  contacts: bind(contactsExport, accountsInput),
  deals: bind(dealsExport, (p, user) => {
    const { limit: _limit, ...input } = dealsListInput(dealsViewFromParams(p, defaultDealsOwner(user)));
    return input;
  }),
  complaints: bind(complaintsExport, (p, user) => {
    const { limit: _limit, ...input } = queueInputOf(queueView(p, user.role));
    return input;
  }),
  "follow-ups": bind(followUpsExport, () => ({})),
  "win-back": bind(winbackExport, (p) => {
    const status = p.get("status");
    if (status && status !== "lapsed" && status !== "lost") throw new BadLink();
    return { ownerId: text(p, "owner"), status: (status || undefined) as "lapsed" | "lost" | undefined };
  }),
  overdue: bind(overdueExport, (p) => ({ ownerId: text(p, "owner") })),
  levels: bind(levelsExport, (p) => ({
    ownerId: text(p, "owner"),
    gap: p.get("gap") ? Number(p.get("gap")) : undefined,
  })),
  audit: bind(auditExport, (p) => ({ entity: text(p, "entity"), actorId: text(p, "actor") })),
};

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }) {
  const user = await getSessionUser(req.headers);
  if (!user) return plain(401, "Please sign in.");
  const name = (await params).list;
  const bound = Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
  if (!bound) return plain(404, "No such export.");
  let lines: Awaited<ReturnType<typeof exportLines>>;
  try {
    const input = bound.input(new URL(req.url).searchParams, user);
    lines = await exportLines(bound.list, exportContext(getDb(), user), input as never);
  } catch (error) {
    if (error instanceof BadLink) return plain(400, "The filters in this link are not valid.");
    const status = error instanceof TRPCError ? STATUS[error.code] : undefined;
    if (status === 400) return plain(400, "The filters in this link are not valid.");
    if (status === 403) return plain(403, "Your role does not allow this export.");
    if (status) return plain(status, (error as TRPCError).message);
    console.error(`[export] ${name} failed:`, error);
    return plain(500, "Something went wrong on our side. The error has been logged.");
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(lines), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${bound.list.file}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
