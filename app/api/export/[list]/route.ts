// CSV exports of the lists (issue #10 §4): GET /api/export/accounts?<the list's URL filters> streams the file.
import { getDb } from "@/db/client";
import { accountFilter } from "@/server/accounts/accounts.schemas";
import { getSessionUser } from "@/server/auth/server";
import { accountsCsv, csvStream } from "@/server/exports/accounts.export";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(req: Request, { params }: { params: Promise<{ list: string }> }) {
  const user = await getSessionUser(req.headers);
  if (!user) return plain(401, "Please sign in.");
  if ((await params).list !== "accounts") return plain(404, "No such export.");
  const url = new URL(req.url);
  const get = (name: string) => url.searchParams.get(name) || undefined;
  const filter = accountFilter.safeParse({
    q: get("q"),
    rung: get("rung"),
    status: get("status"),
    ownerId: get("owner"),
    segment: get("segment"),
  });
  if (!filter.success) return plain(400, "The filters in this link are not valid.");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(accountsCsv(getDb(), user, filter.data, user.locale)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="accounts-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
